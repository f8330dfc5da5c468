/*
 * paint: the only way ui/ puts text on the screen.  Strings are cut by the
 * text layer and drawn in their visible form, so nothing from a document
 * reaches the terminal raw and no wide character is split.
 */
#ifndef PAINT_H
#define PAINT_H

#include <stddef.h>

#include <curses.h>

#include "model/outline.h"

/* What a piece of the screen is, mapped to colour or monochrome attributes. */
enum paint_role {
	PAINT_NORMAL,
	PAINT_HEADER,		/* header and status rows */
	PAINT_SELECTED,		/* the selected row with focus */
	PAINT_SELECTED_DIM,	/* the selected row without focus */
	PAINT_TITLE,
	PAINT_PATH,
	PAINT_AGENCY,
	PAINT_FOOTNOTE,
	PAINT_MARKER,		/* + and - of the tree */
	PAINT_GUIDE,
	PAINT_COUNT,		/* hidden-entry counts */
	PAINT_HIGHLIGHT,	/* the measure the tree selects, in the pane */
	PAINT_MATCH,		/* a search match */
	PAINT_PROMPT,		/* the search prompt */
	PAINT_ROLES
};

/* Choose colours (unless NO_COLOR or none) and guide glyphs. */
void paint_init(void);
/* Free what painting keeps between calls. */
void paint_fini(void);
/* The attributes of a role. */
attr_t paint_attr(enum paint_role role);
/*
 * Draw s[0..len) at (y, x), cut to max_cols with "…", in role; return the
 * columns drawn.
 */
size_t paint_text(int y, int x, size_t max_cols, const char *s, size_t len,
    enum paint_role role);
/*
 * Like paint_text for document text: the byte ranges ranges[0..2*n_ranges)
 * (start, end pairs, sorted; search matches) are drawn in PAINT_MATCH and
 * every footnote mark (※1) in PAINT_FOOTNOTE.
 */
size_t paint_marked(int y, int x, size_t max_cols, const char *s, size_t len,
    enum paint_role role, const size_t *ranges, size_t n_ranges);
/* Fill cols columns at (y, x) with spaces in role. */
void paint_fill(int y, int x, int cols, enum paint_role role);
/* Draw one 2-column tree guide. */
void paint_guide(int y, int x, enum outline_guide g);
/* Draw a vertical or horizontal separator line. */
void paint_vline(int y, int x, int rows);
void paint_hline(int y, int x, int cols);

#endif
