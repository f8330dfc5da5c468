/*
 * reader: the reading pane.  It paints the lines model/pane.c laid out for
 * the selected node, from pane_top, one column in from the pane's left edge,
 * with the measure the tree selects in bold.
 */
#include <curses.h>
#include <string.h>

#include "ui/paint.h"
#include "ui/ui.h"

/* The role a block's lines are drawn in. */
static enum paint_role
reader_role(const struct ui *ui, const struct pane_block *b)
{
	const struct outline_row *r = outline_selected(&ui->outline);

	if (b->measure != SIZE_MAX && b->measure == r->measure &&
	    b->kind == PANE_MEASURE)
		return PAINT_HIGHLIGHT;
	switch (b->kind) {
	case PANE_PATH:
		return PAINT_PATH;
	case PANE_TITLE:
		return PAINT_TITLE;
	case PANE_AGENCY:
		return PAINT_AGENCY;
	case PANE_FOOTNOTE:
		return PAINT_FOOTNOTE;
	default:
		return PAINT_NORMAL;
	}
}

/* Add a hit's ranges, shifted by offset into the block's text, to out. */
static size_t
reader_add_hit(const struct search_hit *hit, size_t offset, size_t *out,
    size_t n, size_t max)
{
	size_t i;

	for (i = 0; hit != NULL && i < hit->n_ranges && n + 2 <= max; i++) {
		out[n++] = hit->ranges[2 * i] + offset;
		out[n++] = hit->ranges[2 * i + 1] + offset;
	}
	return n;
}

/*
 * Add the matches in an organisation line, 【a、b】: each matching name's
 * hit, shifted to where the name stands in the line.
 */
static size_t
reader_agency_hits(const struct ui *ui, const struct pane_block *b,
    size_t *out, size_t n, size_t max)
{
	const struct doc_node *node = ui->pane.node;
	const struct search_hit *h = find_agencies(ui, node, b->measure);
	const struct search_hit *end = ui->find.result.hits +
	    ui->find.result.n_hits;
	const char *at;

	/* The hits of one place's organisations follow one another. */
	for (; h != NULL && h < end && h->field->kind == SEARCH_AGENCY &&
	    h->field->node == node && h->field->measure == b->measure; h++)
		if ((at = strstr(b->text, h->field->text)) != NULL)
			n = reader_add_hit(h, (size_t)(at - b->text), out, n,
			    max);
	return n;
}

/*
 * The matches on one line, as ranges relative to the line's start; returns
 * the number of ranges.
 */
static size_t
reader_ranges(const struct ui *ui, const struct pane_line *l, size_t *out,
    size_t max)
{
	const struct pane_block *b = &ui->pane.blocks[l->block];
	const struct doc_node *node = ui->pane.node;
	size_t n = 0, i, k = 0, a, e;

	if (b->kind == PANE_TITLE)
		n = reader_add_hit(find_title(ui, node), b->text_offset, out, n,
		    max);
	else if (b->kind == PANE_MEASURE)
		n = reader_add_hit(find_measure(ui, node, b->measure),
		    b->text_offset, out, n, max);
	else if (b->kind == PANE_CHILD)
		n = reader_add_hit(find_title(ui, &node->children[b->child]),
		    b->text_offset, out, n, max);
	else if (b->kind == PANE_AGENCY)
		n = reader_agency_hits(ui, b, out, n, max);
	else if (b->kind == PANE_FOOTNOTE) {
		const struct doc_footnote *fn =
		    &ui->doc->footnotes[b->footnote];

		if (fn->term != NULL)
			n = reader_add_hit(find_footnote(ui, b->footnote, 1),
			    strlen(fn->mark) + 1, out, n, max);
		n = reader_add_hit(find_footnote(ui, b->footnote, 0),
		    b->text_offset, out, n, max);
	}
	/* Clip to the line and make relative to its start. */
	for (i = 0; i < n; i += 2) {
		a = out[i] < l->start_bytes ? l->start_bytes : out[i];
		e = out[i + 1] > l->end_bytes ? l->end_bytes : out[i + 1];
		if (a >= e)
			continue;
		out[k++] = a - l->start_bytes;
		out[k++] = e - l->start_bytes;
	}
	return k / 2;
}

/* Draw the visible lines of the pane. */
void
reader_draw(struct ui *ui)
{
	const struct pane *p = &ui->pane;
	const struct pane_line *l;
	const struct pane_block *b;
	size_t ranges[64], n;
	int y;

	for (y = 0; y < ui->pane_area.h; y++) {
		if (ui->pane_top + (size_t)y >= p->n_lines)
			break;
		l = &p->lines[ui->pane_top + (size_t)y];
		b = &p->blocks[l->block];
		n = reader_ranges(ui, l, ranges, sizeof ranges / sizeof *ranges);
		paint_marked(ui->pane_area.y + y, ui->pane_area.x + 1 +
		    (int)l->indent_cols, (size_t)-1 / 2, b->text + l->start_bytes,
		    l->end_bytes - l->start_bytes, reader_role(ui, b), ranges,
		    n);
	}
}

/* Scroll by lines, clamped so the last line can reach the bottom. */
void
reader_wheel(struct ui *ui, int lines)
{
	size_t h = (size_t)(ui->pane_area.h > 0 ? ui->pane_area.h : 1), max_top;
	long top = (long)ui->pane_top + lines;

	max_top = ui->pane.n_lines > h ? ui->pane.n_lines - h : 0;
	if (top < 0 || ui->pane.n_lines <= h)
		top = 0;
	if ((size_t)top > max_top)
		top = (long)max_top;
	ui->pane_top = (size_t)top;
}

/* Handle a key with the pane focused; 1 if it was the pane's. */
int
reader_key(struct ui *ui, int key)
{
	int page = ui->pane_area.h > 1 ? ui->pane_area.h - 1 : 1;

	switch (key) {
	case KEY_DOWN: case 'j': case 14: /* ^N */
		reader_wheel(ui, 1);
		break;
	case KEY_UP: case 'k': case 16: /* ^P */
		reader_wheel(ui, -1);
		break;
	case KEY_NPAGE: case 6: /* ^F */ case ' ':
		reader_wheel(ui, page);
		break;
	case KEY_PPAGE: case 2: /* ^B */
		reader_wheel(ui, -page);
		break;
	case 4: /* ^D */
		reader_wheel(ui, (page + 1) / 2);
		break;
	case 21: /* ^U */
		reader_wheel(ui, -(page + 1) / 2);
		break;
	case 'g': case KEY_HOME:
		ui->pane_top = 0;
		break;
	case 'G': case KEY_END:
		reader_wheel(ui, (int)ui->pane.n_lines);
		break;
	default:
		return 0;
	}
	return 1;
}
