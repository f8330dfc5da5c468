/*
 * find: the browser's search.  "/" opens a prompt in the status row that
 * searches as you type; Enter keeps the search, Esc returns to where it
 * began.  n and N go to the next and previous match, opening the branches
 * on the way; "&" shows only the matches and their ancestors (a sparse
 * tree) and "&" again clears it.
 *
 * The search is progressive (a search_job): a keystroke restarts it from
 * where the search began and scans only until the first match from there
 * is found or a couple of milliseconds are spent; the selection goes to
 * that match and the prompt says "searching…".  The main loop then steps
 * the job a slice at a time while no key is waiting (find_work) and
 * installs the whole result when it is done: every match highlighted, the
 * targets n, N and "&" go through, the count.  A key typed meanwhile is
 * handled at once; n, N, "&" (and Enter with a filter on) finish the
 * search first, as less and vim search the whole text before they move;
 * Enter alone keeps the search running and the status row says
 * "searching…" until it ends.  Once the search ends, the selection moves
 * to the first match from the origin if it is still where the search put
 * it and that differs (a footnote found late that is cited earlier).
 *
 * Matches map to targets in the tree: a title or a node's own organisation
 * to the node's row, a measure or its organisations to the measure's row, a
 * footnote to every place that cites it.  Targets are kept in document
 * order: hits come in document order and map to rows in it, and only the
 * few places citing footnotes are sorted and merged in.  The slots a result
 * sets (hit by node, measure, footnote) are listed, so that the next
 * result clears just those.
 */
#include <curses.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include "model/text.h"
#include "model/xmalloc.h"
#include "ui/paint.h"
#include "ui/ui.h"

/* A keystroke scans this long at most, or this long once the first match
 * is found (so that a small document is searched whole at once). */
#define FIND_KEY_MS		2.0
#define FIND_KEY_FIRST_MS	1.0
/* An idle slice: steps of the job, or of installing its result, for this
 * long. */
#define FIND_SLICE_MS		1.5
/* One step of the job: about 0.1–0.6 ms here (search_job_step's budget). */
#define FIND_STEP		(512 * 1024)
/* Hits indexed between looks at the clock while a result is installed. */
#define FIND_BATCH		2048
/* Hits ahead whose fields (and half as far, nodes) are prefetched. */
#define FIND_PREFETCH		16

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

/* Milliseconds on the monotonic clock. */
static double
find_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* A place in document order as one number: the node's id, then 0 for its
 * own row or the measure's index + 1. */
static uint64_t
find_key_of(const struct doc_node *node, size_t measure)
{
	return (uint64_t)node->id << 32 |
	    (measure == OUTLINE_NODE ? 0 : (uint64_t)measure + 1);
}

/* Set a slot to a hit index + 1, listing it to be cleared. */
static void
find_set(struct find *f, size_t *slot, size_t value)
{
	if (f->n_set == f->cap_set) {
		f->cap_set = f->cap_set == 0 ? 64 : f->cap_set * 2;
		f->set = xreallocarray(f->set, f->cap_set, sizeof *f->set);
	}
	f->set[f->n_set++] = slot;
	*slot = value;
}

/* Forget the matches shown: the slots they set, targets and result. */
static void
find_forget(struct find *f)
{
	size_t i;

	for (i = 0; i < f->n_set; i++)
		*f->set[i] = 0;
	f->n_set = 0;
	search_result_fini(&f->result);
	f->n_targets = 0;
	f->n_notes = 0;
	f->installing = 0;
}

/* Stop the search being run, if any. */
static void
find_stop(struct find *f)
{
	if (f->running)
		search_job_fini(&f->job);
	f->running = 0;
	f->pending = 0;
	f->installing = 0;
	f->follow = 0;
}

/* Stop the search and forget its matches. */
static void
find_clear(struct ui *ui)
{
	find_stop(&ui->find);
	find_forget(&ui->find);
	ui->find.active = 0;
}

/* Stop the search and forget its matches (Esc after it was kept). */
void
find_cancel(struct ui *ui)
{
	find_clear(ui);
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
	free(f->set);
	free(f->targets);
	free(f->notes);
	free(f->origin_expanded);
	memset(f, 0, sizeof *f);
}

/* Order places for qsort. */
static int
find_cmp_place(const void *a, const void *b)
{
	const struct find_place *x = a, *y = b;

	return x->key < y->key ? -1 : x->key > y->key;
}

/* Append a place to a growing list. */
static void
find_add_place(struct find_place **v, size_t *n, size_t *cap,
    const struct doc_node *node, size_t measure)
{
	if (*n == *cap) {
		*cap = *cap == 0 ? 64 : *cap * 2;
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	(*v)[*n].key = find_key_of(node, measure);
	(*v)[*n].target.node = node;
	(*v)[*n].target.measure = measure;
	(*n)++;
}

/* The index of the first target at or after key (after it, with after),
 * or n_targets. */
static size_t
find_bound(const struct find *f, uint64_t key, int after)
{
	size_t lo = 0, hi = f->n_targets, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (f->targets[mid].key < key ||
		    (f->targets[mid].key == key && after))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Merge the places citing footnote matches (f->notes, sorted here) into
 * the targets, dropping duplicates, in place from the ends (a new array
 * as large as the targets took fresh pages and a copy of every target).
 */
static void
find_merge_notes(struct find *f)
{
	size_t k, m = 0, i, w;

	qsort(f->notes, f->n_notes, sizeof *f->notes, find_cmp_place);
	for (k = 0; k < f->n_notes; k++)
		if (m == 0 || f->notes[m - 1].key != f->notes[k].key)
			f->notes[m++] = f->notes[k];
	f->n_notes = 0;
	if (m == 0)
		return;
	if (f->cap_targets < f->n_targets + m) {
		f->cap_targets = f->n_targets + m;
		f->targets = xreallocarray(f->targets, f->cap_targets,
		    sizeof *f->targets);
	}
	/* Only the targets after the first note move; a place already a
	 * target is not added again. */
	i = f->n_targets;
	w = f->n_targets + m;
	for (k = m; k > 0;) {
		if (i > 0 && f->targets[i - 1].key > f->notes[k - 1].key)
			f->targets[--w] = f->targets[--i];
		else if (i > 0 && f->targets[i - 1].key == f->notes[k - 1].key)
			k--;
		else
			f->targets[--w] = f->notes[--k];
	}
	memmove(f->targets + i, f->targets + w,
	    (f->n_targets + m - w) * sizeof *f->targets);
	f->n_targets = i + (f->n_targets + m - w);
}

/*
 * Index the result's hits [f->installed, +n) by place and list their
 * targets; 1 when every hit is indexed, the places citing footnotes then
 * merged in.  Hits are in document order and so are the rows they map to
 * (one row's hits adjacent: a title and its node's organisations, a
 * measure and its organisations); footnote hits map to the places citing
 * them, gathered aside.
 */
static int
find_collect_some(struct ui *ui, size_t n)
{
	struct find *f = &ui->find;
	const struct search_hit *hits = f->result.hits;
	const struct search_field *fd;
	const struct doc_footnote *fn;
	const struct find_place *last;
	size_t i, j, end, measure, *slot;

	end = f->result.n_hits - f->installed > n ? f->installed + n :
	    f->result.n_hits;
	for (i = f->installed; i < end; i++) {
		/* The fields lie far apart, a cache miss each, and so do
		 * their nodes: ask ahead for both. */
		if (i + FIND_PREFETCH < f->result.n_hits)
			__builtin_prefetch(hits[i + FIND_PREFETCH].field);
		if (i + FIND_PREFETCH / 2 < f->result.n_hits)
			__builtin_prefetch(hits[i + FIND_PREFETCH / 2].field->node);
		fd = hits[i].field;
		if (fd->kind == SEARCH_FOOTNOTE) {
			fn = &ui->doc->footnotes[fd->footnote];
			find_set(f, fd->text == fn->term ?
			    &f->term_hit[fd->footnote] :
			    &f->footnote_hit[fd->footnote], i + 1);
			for (j = 0; j < fn->n_cited_by; j++)
				find_add_place(&f->notes, &f->n_notes,
				    &f->cap_notes, fn->cited_by[j].node,
				    fn->cited_by[j].measure == DOC_CITE_TITLE ?
				    OUTLINE_NODE : fn->cited_by[j].measure);
			continue;
		}
		if (fd->kind == SEARCH_AGENCY) {
			slot = fd->measure == SIZE_MAX ?
			    &f->node_agency_hit[fd->node->id] :
			    &f->agency_hit[outline_measure_index(&ui->outline,
			    fd->node, fd->measure)];
			if (*slot == 0)
				find_set(f, slot, i + 1); /* the first; the
							     rest follow */
		} else if (fd->kind == SEARCH_TITLE)
			find_set(f, &f->title_hit[fd->node->id], i + 1);
		else
			find_set(f, &f->measure_hit[outline_measure_index(
			    &ui->outline, fd->node, fd->measure)], i + 1);
		measure = fd->measure == SIZE_MAX ? OUTLINE_NODE : fd->measure;
		last = f->n_targets > 0 ? &f->targets[f->n_targets - 1] : NULL;
		if (last == NULL || last->target.node != fd->node ||
		    last->target.measure != measure)
			find_add_place(&f->targets, &f->n_targets,
			    &f->cap_targets, fd->node, measure);
	}
	f->installed = end;
	if (end < f->result.n_hits)
		return 0;
	if (f->n_notes > 0)
		find_merge_notes(f);
	return 1;
}

/* Show res (taking it) in place of the matches shown, indexing all of it
 * now, or (install) a batch at a time with find_collect_some. */
static void
find_show(struct ui *ui, struct search_result *res, int install)
{
	struct find *f = &ui->find;

	find_forget(f);
	f->result = *res;
	memset(res, 0, sizeof *res);
	f->installed = 0;
	/* Room for a target and a slot per hit, the most there can be, at
	 * once: doubling them while a large result was installed stalled a
	 * batch now and then (at 1M measures, 20-50 ms) for the copy. */
	if (f->cap_targets < f->result.n_hits) {
		f->cap_targets = f->result.n_hits;
		f->targets = xreallocarray(f->targets, f->cap_targets,
		    sizeof *f->targets);
	}
	if (f->cap_set < f->result.n_hits) {
		f->cap_set = f->result.n_hits;
		f->set = xreallocarray(f->set, f->cap_set, sizeof *f->set);
	}
	if (install)
		f->installing = 1;
	else
		(void)find_collect_some(ui, SIZE_MAX);
}

/* The index of the first target at or after (node, measure), wrapping. */
static size_t
find_from(const struct find *f, const struct doc_node *node, size_t measure,
    int after)
{
	size_t t = find_bound(f, find_key_of(node, measure), after);

	return t < f->n_targets ? t : 0;
}

/* Select a target, opening the branches above it. */
static void
find_go(struct ui *ui, size_t t)
{
	struct outline *o = &ui->outline;
	const struct find_target *tg = &ui->find.targets[t].target;
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

/* Note where the selection is, as the search leaves it. */
static void
find_note_place(struct ui *ui)
{
	const struct outline_row *r = outline_selected(&ui->outline);

	ui->find.went.node = r->node;
	ui->find.went.measure = r->measure;
}

/*
 * Take the selection to the first match from where the search began,
 * unless it has been moved since the search last put it somewhere (or it
 * is there already).
 */
static void
find_follow(struct ui *ui)
{
	struct find *f = &ui->find;
	const struct outline_row *r = outline_selected(&ui->outline);
	size_t t;

	if (!f->follow || f->n_targets == 0 || r->node != f->went.node ||
	    r->measure != f->went.measure)
		return;
	t = find_from(f, f->origin_node, f->origin_measure, 0);
	if (f->targets[t].target.node == f->went.node &&
	    f->targets[t].target.measure == f->went.measure)
		return;
	if (f->prompt)
		find_restore(ui);
	find_go(ui, t);
	find_note_place(ui);
}

/* The job is done: take its result, to be installed a batch at a time. */
static void
find_take(struct ui *ui)
{
	struct find *f = &ui->find;
	struct search_result res;

	search_job_finish(&f->job, &res);
	search_job_fini(&f->job);
	find_show(ui, &res, 1);
}

/* Every hit is indexed: the search has ended. */
static void
find_installed(struct ui *ui)
{
	struct find *f = &ui->find;

	f->running = 0;
	f->installing = 0;
	find_follow(ui);
	f->follow = 0;
}

/* Show what the job has found so far (its first match among it). */
static void
find_show_partial(struct ui *ui)
{
	struct search_result res;

	search_job_partial(&ui->find.job, &res);
	find_show(ui, &res, 0);
	find_follow(ui);
}

/* Start the job of a search left pending: restored from the state file
 * (find_restore_query), or typed before Migemo had its patterns
 * (find_run).  0, or -1 when it cannot start (the search is then off). */
static int
find_start_pending(struct ui *ui)
{
	struct find *f = &ui->find;

	if (!f->pending)
		return 0;
	f->pending = 0;
	if (search_job_start(&f->job, f->index, f->query.data,
	    f->pending_from) != 0) {
		search_job_fini(&f->job);
		f->running = 0;
		f->active = 0;
		return -1;
	}
	return 0;
}

/* Run the search to its end now, its result installed whole. */
static void
find_finish(struct ui *ui)
{
	struct find *f = &ui->find;

	if (!f->running || find_start_pending(ui) != 0)
		return;
	if (!f->installing)
		find_take(ui);
	(void)find_collect_some(ui, SIZE_MAX);
	find_installed(ui);
}

/* Whether a search is being run (find_work has work). */
int
find_busy(const struct ui *ui)
{
	return ui->find.running;
}

/*
 * Run the search for an idle slice (FIND_SLICE_MS): steps of the job, then
 * batches of its result installed.  Returns 1 when the screen changed (the
 * first match was found, or the search ended).
 */
int
find_work(struct ui *ui)
{
	struct find *f = &ui->find;
	double t0 = find_now_ms();
	int had;

	if (!f->running)
		return 0;
	if (f->pending) {
		/* Its romaji words wait for Migemo, a slice at a time, so
		 * that keys are read meanwhile. */
		if (!search_romaji_ready(f->index, f->query.data,
		    FIND_SLICE_MS))
			return 0;
		return find_start_pending(ui) != 0;
	}
	do {
		if (f->installing) {
			if (find_collect_some(ui, FIND_BATCH)) {
				find_installed(ui);
				return 1;
			}
			continue;
		}
		had = f->job.first != NULL;
		if (search_job_step(&f->job, FIND_STEP))
			find_take(ui);
		else if (!had && f->job.first != NULL) {
			find_show_partial(ui);
			return 1;
		}
	} while (find_now_ms() - t0 < FIND_SLICE_MS);
	return 0;
}

/*
 * Start the query as it stands from where the search began and scan until
 * its first match from there is found or FIND_KEY_MS have passed (all of
 * it for a small document); the selection goes to that match.
 */
static void
find_run(struct ui *ui)
{
	struct find *f = &ui->find;
	double t0 = find_now_ms(), ms;
	size_t from;

	find_clear(ui);
	find_restore(ui);
	find_note_place(ui);
	if (f->query.len == 0)
		return;
	from = search_field_of(f->index, f->origin_node,
	    f->origin_measure == OUTLINE_NODE ? SIZE_MAX : f->origin_measure);
	if (!search_romaji_ready(f->index, f->query.data, FIND_KEY_MS / 2)) {
		/* Migemo, on its thread, is still loading its dictionary or
		 * writing a word's pattern (most take well under the wait
		 * above; "shi" takes 11 ms): find_work starts the search
		 * once it is there, between keys. */
		f->pending_from = from;
		f->pending = 1;
		f->active = 1;
		f->running = 1;
		f->follow = 1;
		return;
	}
	if (search_job_start(&f->job, f->index, f->query.data, from) != 0) {
		search_job_fini(&f->job);
		return;
	}
	f->active = 1;
	f->running = 1;
	f->follow = 1;
	for (;;) {
		if (search_job_step(&f->job, FIND_STEP)) {
			find_finish(ui);
			return;
		}
		ms = find_now_ms() - t0;
		if (ms >= FIND_KEY_MS || (f->job.first != NULL &&
		    ms >= FIND_KEY_FIRST_MS))
			break;
	}
	if (f->job.first != NULL)
		find_show_partial(ui);
}

/* Open the prompt, remembering where the search began. */
static void
find_open(struct ui *ui)
{
	struct find *f = &ui->find;
	const struct outline_row *r = outline_selected(&ui->outline);

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
	const struct find_target *t;
	unsigned char *nodes, *measures;
	size_t i;

	if (outline_filtered(&ui->outline)) {
		outline_filter(&ui->outline, NULL, NULL);
		snprintf(ui->message, sizeof ui->message, "filter off");
		return;
	}
	find_finish(ui);
	if (!f->active || f->n_targets == 0) {
		snprintf(ui->message, sizeof ui->message,
		    "no matches to filter by: search with / first");
		return;
	}
	nodes = xcalloc(ui->doc->total_nodes, 1);
	measures = xcalloc(ui->doc->total_measures + 1, 1);
	for (i = 0; i < f->n_targets; i++) {
		t = &f->targets[i].target;
		if (t->measure == OUTLINE_NODE)
			nodes[t->node->id] = 1;
		else
			measures[outline_measure_index(&ui->outline, t->node,
			    t->measure)] = 1;
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
		/* The search goes on after the prompt closes, unless a filter
		 * is on: that is redone with every match, so it waits. */
		find_close(ui);
		if (ui->find.query.len == 0)
			find_clear(ui);
		else if (outline_filtered(&ui->outline)) {
			find_finish(ui);
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
		/* Every match is needed: finish the search first. */
		find_finish(ui);
		if (!f->active || f->n_targets == 0) {
			snprintf(ui->message, sizeof ui->message,
			    f->active ? "no match" : "no search: type / first");
			return 1;
		}
		r = outline_selected(&ui->outline);
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

/* Run a remembered search, as if typed and kept with Enter; it is found
 * between keystrokes, and the selection stays where it is. */
void
find_restore_query(struct ui *ui, const char *query)
{
	struct find *f = &ui->find;

	buf_clear(&f->query);
	buf_adds(&f->query, query);
	find_clear(ui);
	/* Started by find_work, after the first frame; a romaji query
	 * waits there for Migemo's dictionary (about 0.1 s), whose load
	 * starts then, on a thread, so that not even its start holds the
	 * frame back. */
	f->pending_from = 0;
	f->active = 1;
	f->running = 1;
	f->pending = 1;
}

/* The note the prompt ends with while the search runs. */
static const char find_searching[] = "searching…";

/* Draw the prompt in the status row, scrolled to show the end, and
 * "searching…" at the right while the search runs and there is room. */
void
find_draw_prompt(struct ui *ui)
{
	const struct buf *q = &ui->find.query;
	size_t avail = (size_t)ui->status.w - 3, start = q->len, prev, note;
	int x;

	paint_fill(ui->status.y, 0, ui->status.w, PAINT_PROMPT);
	mvaddstr(ui->status.y, 0, "/");
	note = text_width_cols(find_searching, strlen(find_searching), 0);
	if (ui->find.running && avail > note + 2 &&
	    text_width_cols(q->data, q->len, 0) <= avail - note - 2)
		paint_text(ui->status.y, ui->status.w - (int)note - 1, note,
		    find_searching, strlen(find_searching), PAINT_PROMPT);
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

/* Say where the search stands: "match 3/12", "12 matches", "no match",
 * "searching…". */
const char *
find_status(struct ui *ui, char *buf, size_t size)
{
	const struct find *f = &ui->find;
	const struct outline_row *r = outline_selected(&ui->outline);
	size_t i;

	if (!f->active)
		return NULL;
	if (f->running) {
		snprintf(buf, size, "%s", find_searching);
		return buf;
	}
	if (f->n_targets == 0) {
		snprintf(buf, size, "no match");
		return buf;
	}
	i = find_bound(f, find_key_of(r->node, r->measure), 0);
	if (i < f->n_targets && f->targets[i].key == find_key_of(r->node,
	    r->measure)) {
		snprintf(buf, size, "match %zu/%zu", i + 1, f->n_targets);
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
