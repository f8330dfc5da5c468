/*
 * list: an overlay over the body listing items (footnotes with the places
 * that cite them, organisations, an organisation's measures), each wrapped
 * by the text layer.  Items with a target can be chosen: Enter jumps to the
 * place in the outline (^O comes back).  Builders are in notes.c and
 * orgs.c; this file draws, scrolls and dispatches.
 */
#include <curses.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/text.h"
#include "model/xmalloc.h"
#include "ui/paint.h"
#include "ui/ui.h"

/* Empty a list and close it. */
void
list_clear(struct list *l)
{
	size_t i;

	for (i = 0; i < l->n_items; i++)
		free(l->items[i].text);
	free(l->items);
	free(l->lines);
	free(l->title);
	memset(l, 0, sizeof *l);
}

/* Add an item; text is copied. */
struct list_item *
list_add(struct list *l, int role, const char *text, size_t indent_cols,
    size_t hang_cols)
{
	struct list_item *it;

	if (l->n_items == l->cap_items) {
		l->cap_items = l->cap_items == 0 ? 32 : l->cap_items * 2;
		l->items = xreallocarray(l->items, l->cap_items,
		    sizeof *l->items);
	}
	it = &l->items[l->n_items++];
	memset(it, 0, sizeof *it);
	it->text = xstrdup(text);
	it->role = role;
	it->indent_cols = indent_cols;
	it->hang_cols = hang_cols;
	it->agency = SIZE_MAX;
	return it;
}

/* Wrap every item for width_cols. */
static void
list_wrap(struct list *l, size_t width_cols)
{
	struct text_line *tl;
	struct list_item *it;
	size_t i, j, n, avail, hang, cap = 0;

	free(l->lines);
	l->lines = NULL;
	l->n_lines = 0;
	l->width_cols = width_cols;
	for (i = 0; i < l->n_items; i++) {
		it = &l->items[i];
		avail = width_cols > it->indent_cols + 2 ?
		    width_cols - it->indent_cols : 2;
		hang = it->hang_cols + 2 <= avail ? it->hang_cols : 0;
		n = text_wrap(it->text, strlen(it->text), avail, hang, &tl);
		for (j = 0; j < n; j++) {
			if (l->n_lines == cap) {
				cap = cap == 0 ? 64 : cap * 2;
				l->lines = xreallocarray(l->lines, cap,
				    sizeof *l->lines);
			}
			l->lines[l->n_lines].item = i;
			l->lines[l->n_lines].start_bytes = tl[j].start_bytes;
			l->lines[l->n_lines].end_bytes = tl[j].draw_end_bytes;
			l->lines[l->n_lines].indent_cols = (width_cols >
			    it->indent_cols + 2 ? it->indent_cols : 0) +
			    (j == 0 ? 0 : hang);
			l->n_lines++;
		}
		free(tl);
	}
}

/* The first line of an item. */
static size_t
list_item_line(const struct list *l, size_t item)
{
	size_t i;

	for (i = 0; i < l->n_lines; i++)
		if (l->lines[i].item == item)
			return i;
	return 0;
}

/* The rows the list body has (the title takes one). */
static size_t
list_rows(const struct ui *ui)
{
	int h = ui->status.y - ui->header.h - 1;

	return h > 0 ? (size_t)h : 1;
}

/* Keep the selected item in view. */
static void
list_follow(struct ui *ui)
{
	struct list *l = &ui->list;
	size_t rows = list_rows(ui), first, last;

	if (l->selected != SIZE_MAX) {
		first = list_item_line(l, l->selected);
		last = first;
		while (last + 1 < l->n_lines &&
		    l->lines[last + 1].item == l->selected)
			last++;
		if (first < l->top)
			l->top = first;
		else if (last >= l->top + rows)
			l->top = last + 1 - rows > first ? first :
			    last + 1 - rows;
	}
	if (l->n_lines <= rows)
		l->top = 0;
	else if (l->top > l->n_lines - rows)
		l->top = l->n_lines - rows;
}

/* Draw the list over the body. */
void
list_draw(struct ui *ui)
{
	struct list *l = &ui->list;
	const struct list_line *ln;
	const struct list_item *it;
	int y0 = ui->header.h, w = COLS, y;
	size_t rows = list_rows(ui), i, width;
	enum paint_role role;

	width = w > 2 ? (size_t)w - 2 : 1;
	if (l->width_cols != width)
		list_wrap(l, width);
	list_follow(ui);
	for (y = 0; y <= (int)rows; y++)
		paint_fill(y0 + y, 0, w, PAINT_NORMAL);
	paint_text(y0, 1, width, l->title, strlen(l->title), PAINT_TITLE);
	for (i = 0; i < rows && l->top + i < l->n_lines; i++) {
		ln = &l->lines[l->top + i];
		it = &l->items[ln->item];
		role = (enum paint_role)it->role;
		if (ln->item == l->selected) {
			role = PAINT_SELECTED;
			paint_fill(y0 + 1 + (int)i, 0, w, role);
		}
		paint_marked(y0 + 1 + (int)i, 1 + (int)ln->indent_cols,
		    width - ln->indent_cols, it->text + ln->start_bytes,
		    ln->end_bytes - ln->start_bytes, role, NULL, 0);
	}
}

/* Move the selection to the next selectable item in direction dir. */
static void
list_step(struct list *l, long dir, long count)
{
	size_t i = l->selected;

	if (l->selected == SIZE_MAX) {
		/* Nothing to choose: scroll instead. */
		if (dir < 0)
			l->top = (size_t)count > l->top ? 0 : l->top -
			    (size_t)count;
		else
			l->top += (size_t)count;
		return;
	}
	while (count-- > 0) {
		size_t j = i;

		do {
			if ((dir < 0 && j == 0) || (dir > 0 &&
			    j + 1 >= l->n_items)) {
				j = SIZE_MAX;
				break;
			}
			j = dir < 0 ? j - 1 : j + 1;
		} while (!l->items[j].selectable);
		if (j == SIZE_MAX)
			break;
		i = j;
	}
	l->selected = i;
}

/* Select the first (dir > 0) or last selectable item. */
static void
list_edge(struct list *l, int dir)
{
	size_t i;

	if (l->selected == SIZE_MAX) {
		l->top = dir > 0 ? 0 : l->n_lines;
		return;
	}
	for (i = 0; i < l->n_items; i++) {
		size_t k = dir > 0 ? i : l->n_items - 1 - i;

		if (l->items[k].selectable) {
			l->selected = k;
			return;
		}
	}
}

/* Build a list of a kind and open it. */
void
list_open(struct ui *ui, enum list_kind kind, size_t agency)
{
	struct list *l = &ui->list;
	size_t i;

	list_clear(l);
	l->kind = kind;
	l->agency = agency;
	switch (kind) {
	case LIST_CITED:
		notes_cited(ui, l);
		break;
	case LIST_FOOTNOTES:
		notes_all(ui, l);
		break;
	case LIST_AGENCIES:
		orgs_all(ui, l);
		break;
	case LIST_AGENCY:
		orgs_one(ui, l, agency);
		break;
	default:
		break;
	}
	l->selected = SIZE_MAX;
	for (i = 0; i < l->n_items; i++)
		if (l->items[i].selectable) {
			l->selected = i;
			break;
		}
}

/* Act on the chosen item: jump, or open an organisation. */
static void
list_choose(struct ui *ui)
{
	struct list *l = &ui->list;
	struct list_item *it;

	if (l->selected == SIZE_MAX)
		return;
	it = &l->items[l->selected];
	if (l->kind == LIST_AGENCIES && it->agency != SIZE_MAX) {
		list_open(ui, LIST_AGENCY, it->agency);
		return;
	}
	if (it->target.node != NULL) {
		ui_jump(ui, it->target.node, it->target.measure);
		list_clear(l);
	}
}

/* Handle a key while a list is open (it takes every key). */
int
list_key(struct ui *ui, int key)
{
	struct list *l = &ui->list;
	long page = (long)list_rows(ui) - 1;
	size_t agency;

	if (page < 1)
		page = 1;
	switch (key) {
	case 'q': case 27: /* Esc */
		list_clear(l);
		break;
	case KEY_LEFT: case 'h': case KEY_BACKSPACE: case 127: case 8:
		if (l->kind == LIST_AGENCY) {
			agency = l->agency;
			list_open(ui, LIST_AGENCIES, SIZE_MAX);
			/* Back on the organisation we came from. */
			for (size_t i = 0; i < l->n_items; i++)
				if (l->items[i].agency == agency)
					l->selected = i;
		} else
			list_clear(l);
		break;
	case KEY_DOWN: case 'j': case 14: /* ^N */
		list_step(l, 1, 1);
		break;
	case KEY_UP: case 'k': case 16: /* ^P */
		list_step(l, -1, 1);
		break;
	case KEY_NPAGE: case 6: /* ^F */ case ' ':
		list_step(l, 1, page);
		break;
	case KEY_PPAGE: case 2: /* ^B */
		list_step(l, -1, page);
		break;
	case 'g': case KEY_HOME:
		list_edge(l, 1);
		break;
	case 'G': case KEY_END:
		list_edge(l, -1);
		break;
	case '\n': case '\r': case KEY_ENTER: case KEY_RIGHT: case 'l':
		list_choose(ui);
		break;
	case '&':
		if (l->kind == LIST_AGENCIES && l->selected != SIZE_MAX)
			agency = l->items[l->selected].agency;
		else if (l->kind == LIST_AGENCY)
			agency = l->agency;
		else
			break;
		orgs_filter(ui, agency);
		list_clear(l);
		break;
	default:
		break;
	}
	return 1;
}
