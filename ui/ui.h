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
#include <stdint.h>

#include "model/doc.h"
#include "model/outline.h"
#include "model/pane.h"
#include "model/search.h"
#include "model/buf.h"
#include "model/agency.h"
#include "model/state.h"

/* Smallest terminal the browser draws in; below it, a notice. */
#define UI_MIN_COLS	20
#define UI_MIN_ROWS	6
/* Widest terminal that stacks the pane below the tree. */
#define UI_SIDE_COLS	100

enum ui_focus { UI_FOCUS_TREE, UI_FOCUS_PANE };

/* A place a match takes the selection to: a node's row or a measure's. */
struct find_target {
	const struct doc_node	*node;
	size_t			 measure;	/* or OUTLINE_NODE */
};

/* A target and its place in document order as one number (the node's
 * id, then its row 0 or a measure's index + 1): compared without reading
 * the node. */
struct find_place {
	uint64_t		 key;
	struct find_target	 target;
};

/* What a list overlay shows (ui/list.c). */
enum list_kind {
	LIST_NONE,
	LIST_CITED,		/* the footnotes the selection cites (popup) */
	LIST_FOOTNOTES,		/* every footnote and the places citing it */
	LIST_AGENCIES,		/* every organisation with its count */
	LIST_AGENCY,		/* one organisation's measures */
};

/* One entry of a list: text wrapped at the list's width. */
struct list_item {
	char			*text;		/* owned */
	int			 role;		/* enum paint_role */
	size_t			 indent_cols;
	size_t			 hang_cols;
	int			 selectable;
	struct find_target	 target;	/* where Enter goes (node NULL:
						   nowhere) */
	size_t			 agency;	/* LIST_AGENCIES: its index */
};

/* One screen line of a list. */
struct list_line {
	size_t	item;
	size_t	start_bytes, end_bytes;
	size_t	indent_cols;
};

struct list {
	enum list_kind		 kind;
	char			*title;		/* owned */
	struct list_item	*items;
	size_t			 n_items;
	size_t			 cap_items;
	struct list_line	*lines;
	size_t			 n_lines;
	size_t			 width_cols;	/* the lines were wrapped for */
	size_t			 selected;	/* item, or SIZE_MAX */
	size_t			 top;		/* first line shown */
	size_t			 agency;	/* LIST_AGENCY: which one */
};
struct find {
	struct search_index	*index;		/* borrowed from main */
	struct buf		 query;		/* UTF-8, as typed */
	int			 prompt;	/* the prompt is open */
	int			 active;	/* a search is on: matches are
						   shown (or being found) */
	struct search_job	 job;		/* the search, while running */
	int			 pending;	/* running, but job not yet
						   started (find_work starts
						   it, after a frame, once
						   Migemo has written the
						   patterns it needs) */
	size_t			 pending_from;	/* the field it starts at */
	int			 running;	/* job is being stepped; result
						   is partial */
	int			 follow;	/* take the selection to the
						   first match as it is found */
	struct find_target	 went;		/* where the search left the
						   selection */
	int			 installing;	/* result is the job's whole
						   result, being indexed */
	size_t			 installed;	/* hits of result indexed */
	struct search_result	 result;
	struct find_place	*targets;	/* matches in document order */
	size_t			 n_targets;
	size_t			 cap_targets;
	struct find_place	*notes;		/* scratch: places citing
						   footnote matches */
	size_t			 n_notes;
	size_t			 cap_notes;
	size_t			**set;		/* the slots below that the
						   result set */
	size_t			 n_set;
	size_t			 cap_set;
	size_t			*title_hit;	/* by node id: hit index + 1 */
	size_t			*measure_hit;	/* by global measure: hit + 1 */
	size_t			*footnote_hit;	/* by footnote: text hit + 1 */
	size_t			*term_hit;	/* by footnote: term hit + 1 */
	size_t			*agency_hit;	/* by global measure: its first
						   organisation hit + 1 */
	size_t			*node_agency_hit; /* by node id: the same */
	/* Where the search began, for Esc. */
	const struct doc_node	*origin_node;
	size_t			 origin_measure;
	size_t			 origin_top;
	unsigned char		*origin_expanded;
};

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
	struct find		 find;
	struct list		 list;		/* an overlay, when kind is set */
	struct agency_index	 agencies;
	struct find_target	*back;		/* places jumped from, for ^O */
	size_t			 n_back;
	struct find_target	 marks[STATE_MARKS];	/* m and ' (node NULL:
							   unset) */
	int			 pending;	/* 'm' or '\'' awaiting a letter */
	char			*state_path;	/* where the place is remembered,
						   or NULL */
	char			 message[512];	/* shown once in the status row */
	int			 quit;
};

/*
 * Run the browser on doc until the user quits or a signal ends it; the
 * terminal is restored in every case.  Returns an exit status (sysexits).
 */
int ui_run(const struct doc *doc, struct search_index *index, int remember);

/* The screen library and its version, for --version. */
const char *ui_version(void);

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

/* ui/find.c: search prompt, matches, n/N and the sparse-tree filter. */
void find_init(struct ui *ui, struct search_index *index);
void find_fini(struct ui *ui);
int find_key(struct ui *ui, int key, int is_char);
void find_draw_prompt(struct ui *ui);
/* Run query (a remembered search) without the prompt, between keys. */
void find_restore_query(struct ui *ui, const char *query);
/* Stop the search and forget its matches. */
void find_cancel(struct ui *ui);
/* Whether a search is running: call find_work while no key is waiting. */
int find_busy(const struct ui *ui);
/* Run the search a slice further (a millisecond or two); 1 when the
 * screen must be drawn again (first match found, or the search ended). */
int find_work(struct ui *ui);
const char *find_status(struct ui *ui, char *buf, size_t size);
/* The ranges of the search's matches in a text, or NULL. */
const struct search_hit *find_title(const struct ui *ui,
    const struct doc_node *n);
const struct search_hit *find_measure(const struct ui *ui,
    const struct doc_node *n, size_t measure);
const struct search_hit *find_footnote(const struct ui *ui, size_t footnote,
    int term);
const struct search_hit *find_agencies(const struct ui *ui,
    const struct doc_node *n, size_t measure);

/* ui/list.c: list overlays (footnotes, organisations). */
void list_clear(struct list *l);
struct list_item *list_add(struct list *l, int role, const char *text,
    size_t indent_cols, size_t hang_cols);
void list_draw(struct ui *ui);
int list_key(struct ui *ui, int key);
void list_open(struct ui *ui, enum list_kind kind, size_t agency);
/* Jump to a place, remembering where from; ^O comes back. */
void ui_jump(struct ui *ui, const struct doc_node *node, size_t measure);
void ui_jump_back(struct ui *ui);

/* ui/notes.c: the footnote lists. */
void notes_cited(struct ui *ui, struct list *l);
void notes_all(struct ui *ui, struct list *l);

/* ui/orgs.c: the organisation lists and filter. */
void orgs_all(struct ui *ui, struct list *l);
void orgs_one(struct ui *ui, struct list *l, size_t agency);
void orgs_filter(struct ui *ui, size_t agency);

/* ui/clip.c: copy the selection's text or path with OSC 52. */
void clip_copy(struct ui *ui, int path);

/* ui/help.c: the help overlay listing every key. */
void help_draw(struct ui *ui);
int help_key(struct ui *ui, int key);

#endif
