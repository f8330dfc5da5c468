/*
 * ui: the full-screen browser.  src/ calls ui_run(); the screens (tree.c,
 * reader.c, help.c) share struct ui and paint through paint.c, which measures
 * and cuts every string with the text layer.  Only ui/ includes curses.
 *
 * The screen, top to bottom: a header row (title, 資料番号, date), the body
 * (the outline tree and the reading pane, side by side when wide enough,
 * else stacked; the pane alone when zoomed; the help overlay over both),
 * and a status row (path of the selection, position, key hints).
 */
#ifndef UI_H
#define UI_H

#include <stddef.h>

#include "model/doc.h"
#include "model/outline.h"
#include "model/pane.h"

/* Smallest terminal the browser draws in; below it, a notice. */
#define UI_MIN_COLS	20
#define UI_MIN_ROWS	6
/* Widest terminal that stacks the pane below the tree. */
#define UI_SIDE_COLS	100

enum ui_focus { UI_FOCUS_TREE, UI_FOCUS_PANE };

struct ui_rect {
	int	y, x;		/* top-left cell */
	int	h, w;		/* rows, columns; 0 when not shown */
};

struct ui {
	const struct doc	*doc;
	struct outline		 outline;
	struct pane		 pane;		/* the selected node's content */
	size_t			 tree_top;	/* first tree row shown */
	size_t			 pane_top;	/* first pane line shown */
	const struct doc_node	*pane_node;	/* what pane_top belongs to */
	size_t			 pane_measure;	/* measure the pane follows */
	enum ui_focus		 focus;
	int			 zoom;		/* the pane has the whole body */
	int			 help;		/* the help overlay is open */
	size_t			 help_top;
	int			 too_small;
	int			 side;		/* tree and pane side by side */
	struct ui_rect		 header, tree_area, sep, pane_area, status;
	char			 message[128];	/* shown once in the status row */
	int			 quit;
};

/*
 * Run the browser on doc until the user quits or a signal ends it; the
 * terminal is restored in every case.  Returns an exit status (sysexits).
 */
int ui_run(const struct doc *doc);

/* Lay out the screen for its current size. */
void ui_layout(struct ui *ui);
/* Keep the selection in view and the pane on the selected node. */
void ui_follow(struct ui *ui);

/* ui/tree.c: the outline. */
void tree_draw(struct ui *ui);
int tree_key(struct ui *ui, int key);
void tree_click(struct ui *ui, int y, int x);
void tree_wheel(struct ui *ui, int rows);

/* ui/reader.c: the reading pane. */
void reader_draw(struct ui *ui);
int reader_key(struct ui *ui, int key);
void reader_wheel(struct ui *ui, int lines);

/* ui/help.c: the help overlay listing every key. */
void help_draw(struct ui *ui);
int help_key(struct ui *ui, int key);

#endif
