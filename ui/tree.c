/*
 * tree: the outline screen.  Each row is its guides (2 columns a level), a
 * marker (+ collapsed, - expanded, blank for a leaf; a measure shows its ・
 * there), the number and title or the measure's text cut with "…", and for a
 * collapsed branch the number of entries it hides.
 */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "model/text.h"
#include "ui/paint.h"
#include "ui/ui.h"

/* Draw one row at screen row y. */
static void
tree_row(struct ui *ui, size_t row, int y)
{
	const struct outline *o = &ui->outline;
	const struct outline_row *r = outline_row(o, row);
	const struct ui_rect *a = &ui->tree_area;
	enum outline_guide guides[DOC_MAX_DEPTH];
	enum paint_role role = PAINT_NORMAL;
	char count[32], text_buf[64];
	const struct search_hit *hit;
	const char *text;
	size_t n, i, hidden, left, count_cols = 0;
	int x = a->x, sel = row == o->selected;

	if (sel)
		role = ui->focus == UI_FOCUS_TREE ? PAINT_SELECTED :
		    PAINT_SELECTED_DIM;
	if (sel)
		paint_fill(y, a->x, a->w, role);
	n = outline_guides(o, row, guides);
	for (i = 0; i < n && x + 2 <= a->x + a->w; i++, x += 2)
		paint_guide(y, x, guides[i]);
	left = (size_t)(a->x + a->w - x);

	if (r->measure != OUTLINE_NODE) {
		/* A measure: its bullet stands where a marker would. */
		x += (int)paint_text(y, x, left, "・", strlen("・"), role);
		left = (size_t)(a->x + a->w - x);
		text = r->node->measures[r->measure].text;
		hit = find_measure(ui, r->node, r->measure);
		paint_marked(y, x, left, text, strlen(text), role,
		    hit != NULL ? hit->ranges : NULL,
		    hit != NULL ? hit->n_ranges : 0);
		return;
	}
	if (left >= 2) {
		paint_text(y, x, 1, outline_is_expanded(o, row) ? "-" :
		    outline_has_children(o, row) ? "+" : " ", 1,
		    sel ? role : PAINT_MARKER);
		x += 2;
		left -= 2;
	}
	hidden = outline_hidden(o, row);
	if (hidden > 0) {
		snprintf(count, sizeof count, " (%zu)", hidden);
		count_cols = strlen(count);
		if (count_cols + 4 > left)
			count_cols = 0;
	}
	snprintf(text_buf, sizeof text_buf, "%s ", r->node->number);
	x += (int)paint_text(y, x, left - count_cols, text_buf,
	    strlen(text_buf), sel ? role : PAINT_TITLE);
	left = (size_t)(a->x + a->w - x);
	hit = find_title(ui, r->node);
	x += (int)paint_marked(y, x, left - count_cols, r->node->title,
	    strlen(r->node->title), role, hit != NULL ? hit->ranges : NULL,
	    hit != NULL ? hit->n_ranges : 0);
	if (count_cols > 0)
		paint_text(y, x, count_cols, count, count_cols,
		    sel ? role : PAINT_COUNT);
}

/* Draw the visible rows. */
void
tree_draw(struct ui *ui)
{
	const struct outline *o = &ui->outline;
	size_t row;
	int y;

	for (y = 0; y < ui->tree_area.h; y++) {
		row = ui->tree_top + (size_t)y;
		if (row >= o->n_rows)
			break;
		tree_row(ui, row, ui->tree_area.y + y);
	}
}

/* Move the selection by delta rows, clamped. */
static void
tree_move(struct ui *ui, long delta)
{
	struct outline *o = &ui->outline;
	long row = (long)o->selected + delta;

	if (row < 0)
		row = 0;
	outline_select(o, (size_t)row);
}

/* Expand, or step into the first entry below. */
static void
tree_right(struct ui *ui)
{
	struct outline *o = &ui->outline;

	if (outline_has_children(o, o->selected) &&
	    !outline_is_expanded(o, o->selected))
		outline_set_expanded(o, o->selected, 1);
	else if (outline_is_expanded(o, o->selected))
		outline_select(o, o->selected + 1);
}

/* Collapse, or go to the parent. */
static void
tree_left(struct ui *ui)
{
	struct outline *o = &ui->outline;
	size_t parent;

	if (outline_is_expanded(o, o->selected))
		outline_set_expanded(o, o->selected, 0);
	else if ((parent = outline_parent(o, o->selected)) != SIZE_MAX)
		outline_select(o, parent);
}

/* Handle a key with the tree focused; 1 if it was the tree's. */
int
tree_key(struct ui *ui, int key)
{
	struct outline *o = &ui->outline;
	long page = ui->tree_area.h > 1 ? ui->tree_area.h - 1 : 1;

	switch (key) {
	case KEY_DOWN: case 'j': case 14: /* ^N */
		tree_move(ui, 1);
		break;
	case KEY_UP: case 'k': case 16: /* ^P */
		tree_move(ui, -1);
		break;
	case KEY_NPAGE: case 6: /* ^F */
		tree_move(ui, page);
		break;
	case KEY_PPAGE: case 2: /* ^B */
		tree_move(ui, -page);
		break;
	case 4: /* ^D */
		tree_move(ui, (page + 1) / 2);
		break;
	case 21: /* ^U */
		tree_move(ui, -(page + 1) / 2);
		break;
	case 'g': case KEY_HOME:
		outline_select(o, 0);
		break;
	case 'G': case KEY_END:
		outline_select(o, o->n_rows - 1);
		break;
	case KEY_RIGHT: case 'l':
		tree_right(ui);
		break;
	case KEY_LEFT: case 'h':
		tree_left(ui);
		break;
	case '\n': case '\r': case KEY_ENTER: case ' ':
		outline_set_expanded(o, o->selected,
		    !outline_is_expanded(o, o->selected));
		break;
	default:
		return 0;
	}
	return 1;
}

/* Select the clicked row; a click on its marker toggles it. */
void
tree_click(struct ui *ui, int y, int x)
{
	struct outline *o = &ui->outline;
	size_t row = ui->tree_top + (size_t)(y - ui->tree_area.y);
	int marker_x;

	if (row >= o->n_rows)
		return;
	outline_select(o, row);
	ui->focus = UI_FOCUS_TREE;
	marker_x = ui->tree_area.x + 2 * (int)outline_row(o, row)->depth;
	if (x == marker_x && outline_has_children(o, row))
		outline_set_expanded(o, row, !outline_is_expanded(o, row));
}

/* Scroll the view by rows, keeping the selection on screen. */
void
tree_wheel(struct ui *ui, int rows)
{
	struct outline *o = &ui->outline;
	size_t h = (size_t)(ui->tree_area.h > 0 ? ui->tree_area.h : 1), max_top;
	long top = (long)ui->tree_top + rows;

	max_top = o->n_rows > h ? o->n_rows - h : 0;
	if (top < 0)
		top = 0;
	if ((size_t)top > max_top)
		top = (long)max_top;
	ui->tree_top = (size_t)top;
	if (o->selected < ui->tree_top)
		outline_select(o, ui->tree_top);
	else if (o->selected >= ui->tree_top + h)
		outline_select(o, ui->tree_top + h - 1);
}
