/*
 * paint: attributes per role (colour, or reverse/bold/underline when there
 * is no colour or NO_COLOR is set), tree guides (line drawing where the
 * terminal has it, ASCII where not), and text drawn through the text layer.
 */
#include "ui/paint.h"

#include <stdlib.h>
#include <string.h>

#include "model/buf.h"
#include "model/doc.h"
#include "model/text.h"

#include <term.h>	/* last: it defines macros such as "lines" */

static attr_t	paint_attrs[PAINT_ROLES];
static int	paint_ascii;		/* no line drawing: ASCII guides */
static struct buf paint_buf;		/* reused for every string */

/* Set the attribute of a role from a colour pair or a fallback. */
static void
paint_role(int colour, enum paint_role role, short pair, short fg, short bg,
    attr_t extra, attr_t mono)
{
	if (colour) {
		init_pair(pair, fg, bg);
		paint_attrs[role] = COLOR_PAIR(pair) | extra;
	} else
		paint_attrs[role] = mono;
}

/* Choose attributes and guides for this terminal. */
void
paint_init(void)
{
	const char *nc = getenv("NO_COLOR");
	const char *acsc = tigetstr("acsc");
	int colour = has_colors() && (nc == NULL || *nc == '\0');

	paint_ascii = acsc == NULL || acsc == (char *)-1 || *acsc == '\0';
	if (colour) {
		start_color();
		use_default_colors();
	}
	paint_attrs[PAINT_NORMAL] = A_NORMAL;
	paint_role(colour, PAINT_HEADER, 1, COLOR_WHITE, COLOR_BLUE, A_BOLD,
	    A_REVERSE);
	paint_attrs[PAINT_SELECTED] = A_REVERSE;
	paint_attrs[PAINT_SELECTED_DIM] = A_UNDERLINE;
	paint_attrs[PAINT_TITLE] = A_BOLD;
	paint_role(colour, PAINT_PATH, 2, COLOR_GREEN, -1, 0, A_NORMAL);
	paint_role(colour, PAINT_AGENCY, 3, COLOR_CYAN, -1, 0, A_NORMAL);
	paint_role(colour, PAINT_FOOTNOTE, 4, COLOR_YELLOW, -1, 0, A_UNDERLINE);
	paint_role(colour, PAINT_MARKER, 5, COLOR_GREEN, -1, A_BOLD, A_BOLD);
	paint_role(colour, PAINT_GUIDE, 6, COLOR_BLUE, -1, 0, A_NORMAL);
	paint_role(colour, PAINT_COUNT, 7, COLOR_MAGENTA, -1, 0, A_NORMAL);
	paint_attrs[PAINT_HIGHLIGHT] = A_BOLD;
	paint_role(colour, PAINT_MATCH, 8, COLOR_BLACK, COLOR_YELLOW, 0,
	    A_BOLD | A_UNDERLINE);
	paint_attrs[PAINT_PROMPT] = A_NORMAL;
}

/* Free the reused buffer. */
void
paint_fini(void)
{
	buf_fini(&paint_buf);
}

/* The attributes of a role. */
attr_t
paint_attr(enum paint_role role)
{
	return paint_attrs[role];
}

/* Put the prepared buffer on the screen at (y, x). */
static void
paint_put(int y, int x, enum paint_role role)
{
	attrset(paint_attrs[role]);
	mvaddnstr(y, x, paint_buf.data, (int)paint_buf.len);
	attrset(A_NORMAL);
}

/* Draw s cut to max_cols. */
size_t
paint_text(int y, int x, size_t max_cols, const char *s, size_t len,
    enum paint_role role)
{
	size_t cols;

	if (max_cols == 0)
		return 0;
	buf_clear(&paint_buf);
	cols = text_truncate(&paint_buf, s, len, max_cols);
	if (paint_buf.len > 0)
		paint_put(y, x, role);
	return cols;
}

/* A run of text drawn in one role. */
struct paint_span {
	size_t		start, end;
	enum paint_role	role;
};

/* Order spans by start. */
static int
paint_cmp_span(const void *a, const void *b)
{
	const struct paint_span *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

/*
 * Collect the spans of s: the matches, and every footnote mark (※N) that
 * no match overlaps.  Returns the count (at most max).
 */
static size_t
paint_spans(const char *s, size_t len, const size_t *ranges, size_t n_ranges,
    struct paint_span *spans, size_t max)
{
	size_t n = 0, i, a, b, from = 0;
	int clash;

	for (i = 0; i < n_ranges && n < max; i++) {
		spans[n].start = ranges[2 * i] < len ? ranges[2 * i] : len;
		spans[n].end = ranges[2 * i + 1] < len ? ranges[2 * i + 1] : len;
		spans[n++].role = PAINT_MATCH;
	}
	while (n < max && doc_mark_next(s, from, &a, &b) && b <= len) {
		from = b;
		for (i = 0, clash = 0; i < n_ranges && !clash; i++)
			clash = a < ranges[2 * i + 1] && ranges[2 * i] < b;
		if (clash)
			continue;
		spans[n].start = a;
		spans[n].end = b;
		spans[n++].role = PAINT_FOOTNOTE;
	}
	qsort(spans, n, sizeof *spans, paint_cmp_span);
	return n;
}

/* Draw s cut to max_cols, its matches and footnote marks set off. */
size_t
paint_marked(int y, int x, size_t max_cols, const char *s, size_t len,
    enum paint_role role, const size_t *ranges, size_t n_ranges)
{
	struct paint_span spans[64];
	size_t n, pos = 0, used = 0, i, seg, from, to, cols;
	enum paint_role r;

	n = paint_spans(s, len, ranges, n_ranges, spans, 64);
	for (i = 0; i <= n && used < max_cols; i++) {
		/* The plain run before span i, then span i itself. */
		/* After the last span there is only the plain tail. */
		for (seg = 0; seg < (i == n ? 1 : 2) && used < max_cols;
		    seg++) {
			from = seg == 0 ? pos : spans[i].start;
			to = i == n ? len : seg == 0 ? spans[i].start :
			    spans[i].end;
			if (from < pos)
				from = pos;
			if (to <= from)
				continue;
			r = seg == 0 ? role : spans[i].role;
			cols = text_width_cols(s + from, to - from, 0);
			if (cols > max_cols - used)	/* cut with "…": the end */
				return used + paint_text(y, x + (int)used,
				    max_cols - used, s + from, to - from, r);
			used += paint_text(y, x + (int)used, cols, s + from,
			    to - from, r);
			pos = to;
			if (i == n)
				break;
		}
	}
	return used;
}

/* Fill with spaces. */
void
paint_fill(int y, int x, int cols, enum paint_role role)
{
	if (cols <= 0)
		return;
	attrset(paint_attrs[role]);
	mvhline(y, x, ' ', cols);
	attrset(A_NORMAL);
}

/* Draw one guide, 2 columns. */
void
paint_guide(int y, int x, enum outline_guide g)
{
	attrset(paint_attrs[PAINT_GUIDE]);
	switch (g) {
	case OUTLINE_GUIDE_BAR:
		if (paint_ascii)
			mvaddstr(y, x, "| ");
		else {
			mvadd_wch(y, x, WACS_VLINE);
			addch(' ');
		}
		break;
	case OUTLINE_GUIDE_TEE:
		if (paint_ascii)
			mvaddstr(y, x, "|-");
		else {
			mvadd_wch(y, x, WACS_LTEE);
			add_wch(WACS_HLINE);
		}
		break;
	case OUTLINE_GUIDE_ELL:
		if (paint_ascii)
			mvaddstr(y, x, "`-");
		else {
			mvadd_wch(y, x, WACS_LLCORNER);
			add_wch(WACS_HLINE);
		}
		break;
	default:
		mvaddstr(y, x, "  ");
		break;
	}
	attrset(A_NORMAL);
}

/* Draw a vertical line. */
void
paint_vline(int y, int x, int rows)
{
	int i;

	attrset(paint_attrs[PAINT_GUIDE]);
	for (i = 0; i < rows; i++) {
		if (paint_ascii)
			mvaddch(y + i, x, '|');
		else
			mvadd_wch(y + i, x, WACS_VLINE);
	}
	attrset(A_NORMAL);
}

/* Draw a horizontal line. */
void
paint_hline(int y, int x, int cols)
{
	int i;

	attrset(paint_attrs[PAINT_GUIDE]);
	for (i = 0; i < cols; i++) {
		if (paint_ascii)
			mvaddch(y, x + i, '-');
		else
			mvadd_wch(y, x + i, WACS_HLINE);
	}
	attrset(A_NORMAL);
}
