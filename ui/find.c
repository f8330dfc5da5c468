/*
 * find: the browser's search.  "/" opens a prompt in the status row that
 * searches as you type (every keystroke runs the folded search and moves the
 * selection to the first match from where the search began); Enter keeps
 * the search, Esc returns to where it began.  n and N go to the next and
 * previous match, opening the branches on the way; "&" shows only the
 * matches and their ancestors (a sparse tree) and "&" again clears it.
 *
 * Matches map to targets in the tree: a title or a node's own organisation
 * to the node's row, a measure or its organisations to the measure's row, a
 * footnote to every place that cites it.
 */
#include <curses.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "model/text.h"
#include "model/xmalloc.h"
#include "ui/paint.h"
#include "ui/ui.h"

/* Start with no search. */
void
find_init(struct ui *ui, struct search_index *index)
{
	struct find *f = &ui->find;

	memset(f, 0, sizeof *f);
	f->index = index;
	f->title_hit = xcalloc(ui->doc->total_nodes, sizeof *f->title_hit);
	f->measure_hit = xcalloc(ui->doc->total_measures + 1,
	    sizeof *f->measure_hit);
	f->footnote_hit = xcalloc(ui->doc->n_footnotes + 1,
	    sizeof *f->footnote_hit);
	f->term_hit = xcalloc(ui->doc->n_footnotes + 1, sizeof *f->term_hit);
	f->agency_hit = xcalloc(ui->doc->total_measures + 1,
	    sizeof *f->agency_hit);
	f->node_agency_hit = xcalloc(ui->doc->total_nodes,
	    sizeof *f->node_agency_hit);
}

/* Forget the matches. */
static void
find_clear(struct ui *ui)
{
	struct find *f = &ui->find;

	search_result_fini(&f->result);
	free(f->targets);
	f->targets = NULL;
	f->n_targets = 0;
	memset(f->title_hit, 0, ui->doc->total_nodes * sizeof *f->title_hit);
	memset(f->measure_hit, 0, ui->doc->total_measures *
	    sizeof *f->measure_hit);
	memset(f->footnote_hit, 0, ui->doc->n_footnotes *
	    sizeof *f->footnote_hit);
	memset(f->term_hit, 0, ui->doc->n_footnotes * sizeof *f->term_hit);
	memset(f->agency_hit, 0, ui->doc->total_measures *
	    sizeof *f->agency_hit);
	memset(f->node_agency_hit, 0, ui->doc->total_nodes *
	    sizeof *f->node_agency_hit);
	f->active = 0;
}

/* Free everything. */
void
find_fini(struct ui *ui)
{
	struct find *f = &ui->find;

	find_clear(ui);
	buf_fini(&f->query);
	free(f->title_hit);
	free(f->measure_hit);
	free(f->footnote_hit);
	free(f->term_hit);
	free(f->agency_hit);
	free(f->node_agency_hit);
	free(f->origin_expanded);
	memset(f, 0, sizeof *f);
}

/* Order targets by document position. */
static int
find_cmp_target(const void *a, const void *b)
{
	const struct find_target *x = a, *y = b;

	if (x->node->id != y->node->id)
		return x->node->id < y->node->id ? -1 : 1;
	if (x->measure == y->measure)
		return 0;
	/* The node's own row (OUTLINE_NODE) comes before its measures. */
	if (x->measure == OUTLINE_NODE)
		return -1;
	if (y->measure == OUTLINE_NODE)
		return 1;
	return x->measure < y->measure ? -1 : 1;
}

/* Add a target (duplicates are removed after sorting). */
static void
find_add_target(struct find *f, size_t *cap, const struct doc_node *node,
    size_t measure)
{
	if (f->n_targets == *cap) {
		*cap = *cap == 0 ? 64 : *cap * 2;
		f->targets = xreallocarray(f->targets, *cap, sizeof *f->targets);
	}
	f->targets[f->n_targets].node = node;
	f->targets[f->n_targets].measure = measure;
	f->n_targets++;
}

/* Index the result's hits by place and list the targets. */
static void
find_collect(struct ui *ui)
{
	struct find *f = &ui->find;
	const struct search_field *fd;
	const struct doc_footnote *fn;
	size_t i, j, cap = 0, n;

	for (i = 0; i < f->result.n_hits; i++) {
		fd = f->result.hits[i].field;
		if (fd->kind == SEARCH_FOOTNOTE) {
			fn = &ui->doc->footnotes[fd->footnote];
			if (fd->text == fn->term)
				f->term_hit[fd->footnote] = i + 1;
			else
				f->footnote_hit[fd->footnote] = i + 1;
			for (j = 0; j < fn->n_cited_by; j++)
				find_add_target(f, &cap, fn->cited_by[j].node,
				    fn->cited_by[j].measure == DOC_CITE_TITLE ?
				    OUTLINE_NODE : fn->cited_by[j].measure);
			continue;
		}
		if (fd->kind == SEARCH_AGENCY) {
			size_t *slot = fd->measure == SIZE_MAX ?
			    &f->node_agency_hit[fd->node->id] :
			    &f->agency_hit[outline_measure_index(&ui->outline,
			    fd->node, fd->measure)];

			if (*slot == 0)
				*slot = i + 1;	/* the first; the rest follow */
		}
		if (fd->kind == SEARCH_TITLE)
			f->title_hit[fd->node->id] = i + 1;
		else if (fd->kind == SEARCH_MEASURE)
			f->measure_hit[outline_measure_index(&ui->outline,
			    fd->node, fd->measure)] = i + 1;
		find_add_target(f, &cap, fd->node, fd->measure == SIZE_MAX ?
		    OUTLINE_NODE : fd->measure);
	}
	if (f->n_targets == 0)
		return;
	qsort(f->targets, f->n_targets, sizeof *f->targets, find_cmp_target);
	for (i = n = 0; i < f->n_targets; i++)
		if (n == 0 || find_cmp_target(&f->targets[n - 1],
		    &f->targets[i]) != 0)
			f->targets[n++] = f->targets[i];
	f->n_targets = n;
}

/* The index of the first target at or after (node, measure), wrapping. */
static size_t
find_from(const struct find *f, const struct doc_node *node, size_t measure,
    int after)
{
	struct find_target here = { node, measure };
	size_t i;
	int c;

	for (i = 0; i < f->n_targets; i++) {
		c = find_cmp_target(&f->targets[i], &here);
		if (c > 0 || (c == 0 && !after))
			return i;
	}
	return 0;
}

/* Select a target, opening the branches above it. */
static void
find_go(struct ui *ui, size_t t)
{
	struct outline *o = &ui->outline;
	const struct find_target *tg = &ui->find.targets[t];
	size_t row;

	outline_reveal(o, tg->node);
	if (tg->measure != OUTLINE_NODE &&
	    outline_find(o, tg->node, OUTLINE_NODE) != SIZE_MAX)
		outline_set_expanded(o, outline_find(o, tg->node,
		    OUTLINE_NODE), 1);
	row = outline_find(o, tg->node, tg->measure);
	if (row != SIZE_MAX)
		outline_select(o, row);
}

/* Put the tree back as it was when the search began. */
static void
find_restore(struct ui *ui)
{
	struct outline *o = &ui->outline;
	struct find *f = &ui->find;
	size_t row;

	if (f->origin_expanded == NULL)
		return;
	outline_set_expansion(o, f->origin_expanded);
	outline_reveal(o, f->origin_node);
	row = outline_find(o, f->origin_node, f->origin_measure);
	outline_select(o, row == SIZE_MAX ? 0 : row);
	ui->tree_top = f->origin_top;
}

/* Run the query as it stands and take the selection to its first match. */
static void
find_run(struct ui *ui)
{
	struct find *f = &ui->find;

	find_clear(ui);
	find_restore(ui);
	if (f->query.len == 0 || search_run(f->index, f->query.data,
	    &f->result) != 0)
		return;
	f->active = 1;
	find_collect(ui);
	if (f->n_targets > 0)
		find_go(ui, find_from(f, f->origin_node, f->origin_measure, 0));
}

/* Open the prompt, remembering where the search began. */
static void
find_open(struct ui *ui)
{
	struct find *f = &ui->find;
	const struct outline_row *r = &ui->outline.rows[ui->outline.selected];

	f->prompt = 1;
	buf_clear(&f->query);
	find_clear(ui);
	f->origin_node = r->node;
	f->origin_measure = r->measure;
	f->origin_top = ui->tree_top;
	free(f->origin_expanded);
	f->origin_expanded = xmalloc(ui->doc->total_nodes);
	memcpy(f->origin_expanded, ui->outline.expanded, ui->doc->total_nodes);
	curs_set(1);
}

/* Close the prompt. */
static void
find_close(struct ui *ui)
{
	ui->find.prompt = 0;
	free(ui->find.origin_expanded);
	ui->find.origin_expanded = NULL;
	curs_set(0);
}

/* Show only the matches (and their ancestors), or everything again. */
static void
find_filter(struct ui *ui)
{
	struct find *f = &ui->find;
	unsigned char *nodes, *measures;
	size_t i;

	if (outline_filtered(&ui->outline)) {
		outline_filter(&ui->outline, NULL, NULL);
		snprintf(ui->message, sizeof ui->message, "filter off");
		return;
	}
	if (!f->active || f->n_targets == 0) {
		snprintf(ui->message, sizeof ui->message,
		    "no matches to filter by: search with / first");
		return;
	}
	nodes = xcalloc(ui->doc->total_nodes, 1);
	measures = xcalloc(ui->doc->total_measures + 1, 1);
	for (i = 0; i < f->n_targets; i++) {
		if (f->targets[i].measure == OUTLINE_NODE)
			nodes[f->targets[i].node->id] = 1;
		else
			measures[outline_measure_index(&ui->outline,
			    f->targets[i].node, f->targets[i].measure)] = 1;
	}
	outline_filter(&ui->outline, nodes, measures);
	free(nodes);
	free(measures);
}

/* Add a typed character (a wide character from get_wch) to the query. */
static void
find_type(struct ui *ui, wint_t wc)
{
	char mb[MB_LEN_MAX];
	mbstate_t st;
	size_t n;

	memset(&st, 0, sizeof st);
	n = wcrtomb(mb, (wchar_t)wc, &st);
	if (n == (size_t)-1)
		return;
	buf_add(&ui->find.query, mb, n);
	find_run(ui);
}

/* Remove the last whole character (cluster) of the query. */
static void
find_backspace(struct ui *ui)
{
	struct buf *q = &ui->find.query;

	if (q->len == 0)
		return;
	q->len = text_cluster_prev(q->data, q->len, q->len);
	q->data[q->len] = '\0';
	find_run(ui);
}

/* Handle a key in the prompt. */
static void
find_prompt_key(struct ui *ui, int key, int is_char)
{
	if (is_char && key == 27) {		/* Esc: back to the start */
		find_clear(ui);
		find_restore(ui);
		buf_clear(&ui->find.query);
		find_close(ui);
		return;
	}
	if (is_char && (key == '\n' || key == '\r')) {
		find_close(ui);
		if (ui->find.query.len == 0)
			find_clear(ui);
		else if (outline_filtered(&ui->outline)) {
			outline_filter(&ui->outline, NULL, NULL);
			find_filter(ui);
		}
		return;
	}
	if ((!is_char && (key == KEY_BACKSPACE || key == KEY_DC)) ||
	    (is_char && (key == 127 || key == 8))) {
		find_backspace(ui);
		return;
	}
	if (is_char && key == 21) {		/* ^U: clear the query */
		buf_clear(&ui->find.query);
		find_run(ui);
		return;
	}
	if (is_char && key >= 0x20 && key != 127)
		find_type(ui, (wint_t)key);
}

/* Handle a key: 1 if it was the search's. */
int
find_key(struct ui *ui, int key, int is_char)
{
	struct find *f = &ui->find;
	const struct outline_row *r;
	size_t t;

	if (f->prompt) {
		find_prompt_key(ui, key, is_char);
		return 1;
	}
	if (!is_char)
		return 0;
	switch (key) {
	case '/':
		find_open(ui);
		return 1;
	case 'n': case 'N':
		if (!f->active || f->n_targets == 0) {
			snprintf(ui->message, sizeof ui->message,
			    f->active ? "no match" : "no search: type / first");
			return 1;
		}
		r = &ui->outline.rows[ui->outline.selected];
		if (key == 'n')
			t = find_from(f, r->node, r->measure, 1);
		else {
			t = find_from(f, r->node, r->measure, 0);
			t = t == 0 ? f->n_targets - 1 : t - 1;
		}
		find_go(ui, t);
		return 1;
	case '&':
		find_filter(ui);
		return 1;
	default:
		return 0;
	}
}

/* Run a remembered search, as if typed and kept with Enter. */
void
find_restore_query(struct ui *ui, const char *query)
{
	struct find *f = &ui->find;

	buf_clear(&f->query);
	buf_adds(&f->query, query);
	find_clear(ui);
	if (search_run(f->index, f->query.data, &f->result) != 0)
		return;
	f->active = 1;
	find_collect(ui);
}

/* Draw the prompt in the status row, scrolled to show the end. */
void
find_draw_prompt(struct ui *ui)
{
	const struct buf *q = &ui->find.query;
	size_t avail = (size_t)ui->status.w - 3, start = q->len, prev;
	int x;

	paint_fill(ui->status.y, 0, ui->status.w, PAINT_PROMPT);
	mvaddstr(ui->status.y, 0, "/");
	/* The longest tail of the query that fits, whole clusters only. */
	while (start > 0) {
		prev = text_cluster_prev(q->data, q->len, start);
		if (text_width_cols(q->data + prev, q->len - prev, 0) > avail)
			break;
		start = prev;
	}
	x = 1;
	if (start > 0)
		x += (int)paint_text(ui->status.y, x, 1, "<", 1, PAINT_PATH);
	x += (int)paint_text(ui->status.y, x, avail, q->data + start,
	    q->len - start, PAINT_PROMPT);
	move(ui->status.y, x);
}

/* Say where the search stands: "match 3/12", "12 matches", "no match". */
const char *
find_status(struct ui *ui, char *buf, size_t size)
{
	const struct find *f = &ui->find;
	const struct outline_row *r = &ui->outline.rows[ui->outline.selected];
	struct find_target here = { r->node, r->measure };
	size_t i;

	if (!f->active)
		return NULL;
	if (f->n_targets == 0) {
		snprintf(buf, size, "no match");
		return buf;
	}
	for (i = 0; i < f->n_targets; i++)
		if (find_cmp_target(&f->targets[i], &here) == 0) {
			snprintf(buf, size, "match %zu/%zu", i + 1,
			    f->n_targets);
			return buf;
		}
	snprintf(buf, size, "%zu match%s", f->n_targets,
	    f->n_targets == 1 ? "" : "es");
	return buf;
}

/* The hit of a node's title. */
const struct search_hit *
find_title(const struct ui *ui, const struct doc_node *n)
{
	size_t h = ui->find.active ? ui->find.title_hit[n->id] : 0;

	return h != 0 ? &ui->find.result.hits[h - 1] : NULL;
}

/* The hit of a measure's text. */
const struct search_hit *
find_measure(const struct ui *ui, const struct doc_node *n, size_t measure)
{
	size_t h = ui->find.active ? ui->find.measure_hit[
	    outline_measure_index(&ui->outline, n, measure)] : 0;

	return h != 0 ? &ui->find.result.hits[h - 1] : NULL;
}

/* The first hit among the organisations of a node (measure SIZE_MAX) or a
 * measure; the others follow it in the result.  NULL when none. */
const struct search_hit *
find_agencies(const struct ui *ui, const struct doc_node *n, size_t measure)
{
	size_t h;

	if (!ui->find.active)
		return NULL;
	h = measure == SIZE_MAX ? ui->find.node_agency_hit[n->id] :
	    ui->find.agency_hit[outline_measure_index(&ui->outline, n,
	    measure)];
	return h != 0 ? &ui->find.result.hits[h - 1] : NULL;
}

/* The hit of a footnote's text or term. */
const struct search_hit *
find_footnote(const struct ui *ui, size_t footnote, int term)
{
	size_t h;

	if (!ui->find.active)
		return NULL;
	h = term ? ui->find.term_hit[footnote] : ui->find.footnote_hit[footnote];
	return h != 0 ? &ui->find.result.hits[h - 1] : NULL;
}
