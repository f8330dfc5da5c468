/*
 * draw: the screen's rows of `make bench`, through the browser's own code.
 * Usage: draw FILE RUNS [COLS ROWS [LARGE]]
 *
 * The document is loaded and indexed, a struct ui is set up as ui_run()
 * does (outline, search, organisations, layout), and ncurses draws into
 * newterm() on /dev/null at a fixed size (default 160x48, TERM
 * xterm-256color): so a frame is the browser's painting (ui/tree.c,
 * ui/reader.c, ui/paint.c, the text layer) plus ncurses working out and
 * writing its output, but not a terminal emulator's drawing.  A frame here
 * is ui_follow() and erase, the tree, the separator, the pane (and the
 * prompt while searching), then refresh(); ui_draw() itself is static, so
 * its two one-line rows (header and status) are left out.
 *
 * Rows, each the median of RUNS (KEY_ms on the wall clock, KEY_cpu in CPU
 * time):
 *   redraw_ms        a full frame with curscr cleared (everything resent)
 *   key_j_ms         j (one row down) and its frame
 *   key_pgdn_ms      PgDn and its frame
 *   key_toggle_ms    Enter collapsing or expanding a top-level entry with
 *                    everything expanded, and its frame
 *   key_expand_ms    E (expand all) from collapsed, and its frame
 *   isearch_ms       one character typed at the / prompt and its frame:
 *                    find_key (the search restarted and run until its
 *                    first match from the origin is found or its
 *                    keystroke budget is spent, the move there) and the
 *                    frame; the worst character of "サプライチェーン" typed
 *                    with everything expanded
 *   isearch_slice_ms the largest idle slice after a character: one
 *                    find_work call (a slice of the search, or the whole
 *                    result installed) and, when it returns 1, the frame
 *                    it asks for; what a key typed meanwhile waits for at
 *                    most before it is handled (median of the runs, worst
 *                    character)
 *   isearch_full_ms  from the key to the whole result on the screen: the
 *                    keystroke, every idle slice and the frames between
 *                    (worst character)
 *   isearchc_*       the same from the collapsed tree
 *   isearchromaji_*  the same for "kokusai" (C/Migemo): "kok", "koku" and
 *                    "kokus" have patterns of many readings
 *   isearchshi_*     the same for "shisaku": Migemo takes 11 ms to write
 *                    the pattern of "shi", on its own thread
 * Each character is typed once the previous one's search has ended, as by
 * someone who pauses; the per-character figures are KEY_N_ms and so on.
 *
 * With LARGE, both documents are set up on the same screen and each run of
 * a row is made on FILE and then on LARGE; the output is then, per row,
 * KEY_scale_ratio (and _cpu): the median of LARGE's runs over FILE's (for
 * the typing rows, of each run's worst character), for the 1M÷100k column
 * of the table (bench/run.sh).
 */
#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "bench/util.h"
#include "model/doc.h"
#include "model/search.h"
#include "model/text.h"
#include "ui/paint.h"
#include "ui/ui.h"

static int draw_runs = 5;

/* One frame as ui_draw() paints it, header and status rows aside. */
static void
draw_frame(struct ui *ui, int full)
{
	ui_follow(ui);
	erase();
	if (ui->tree_area.h > 0)
		tree_draw(ui);
	if (ui->sep.h > 0 && ui->side)
		paint_vline(ui->sep.y, ui->sep.x, ui->sep.h);
	else if (ui->sep.h > 0)
		paint_hline(ui->sep.y, ui->sep.x, ui->sep.w);
	reader_draw(ui);
	if (ui->find.prompt)
		find_draw_prompt(ui);
	if (full)
		clearok(curscr, TRUE);
	refresh();
}

/* Select the middle of the expanded tree. */
static void
draw_middle(struct ui *ui)
{
	outline_expand_all(&ui->outline);
	outline_select(&ui->outline, ui->outline.n_rows / 2);
}

/* Collapse everything (for E). */
static void
draw_collapsed(struct ui *ui)
{
	outline_collapse_all(&ui->outline);
	outline_select(&ui->outline, 0);
}

/* Expand everything and select the first entry (for the toggle). */
static void
draw_first(struct ui *ui)
{
	outline_expand_all(&ui->outline);
	outline_select(&ui->outline, 0);
}

/* A document set up as ui_run() does, to draw. */
struct draw_doc {
	struct doc		*doc;
	struct search_index	 ix;
	struct ui		 ui;
};

/* Before, a frame, then key (given to the tree, or E) and its frame, timed
 * into t (kept unless keep is 0). */
static void
draw_key_once(struct ui *ui, int key, void (*before)(struct ui *),
    struct bench_timer *t, int keep)
{
	before(ui);
	draw_frame(ui, 0);
	bench_start(t);
	if (key == 'E')
		outline_expand_all(&ui->outline);
	else
		tree_key(ui, key);
	draw_frame(ui, 0);
	bench_stop(t, keep);
}

/* The largest element of t[0..n)'s run r, wall and CPU, added to out. */
static void
draw_run_worst(const struct bench_timer *t, size_t n, size_t r,
    struct bench_timer *out)
{
	double w = 0, c = 0;
	size_t k;

	for (k = 0; k < n; k++) {
		if (r < t[k].n && t[k].wall[r] > w)
			w = t[k].wall[r];
		if (r < t[k].n && t[k].cpu[r] > c)
			c = t[k].cpu[r];
	}
	bench_add(out, w, c, 1);
}

/* Print KEY_scale_ratio: run by run, the worst of large's n timers (one a
 * character) divided by the worst of small's, then the median. */
static void
draw_scale_worst(const struct bench_timer *small,
    const struct bench_timer *large, size_t n, const char *key)
{
	struct bench_timer a, b;
	char name[64];
	size_t r;

	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	for (r = 0; n > 0 && r < small[0].n && r < large[0].n; r++) {
		draw_run_worst(small, n, r, &a);
		draw_run_worst(large, n, r, &b);
	}
	snprintf(name, sizeof name, "%s_scale", key);
	bench_ratio(&b, &a, name);
}

/* RUNS times on each of the n_docs documents in turn: before, a frame,
 * then the timed key and its frame.  Reported as name for one document;
 * for two, as name_scale_ratio (the second's runs over the first's). */
static void
draw_key(struct draw_doc *d, size_t n_docs, const char *name, int key,
    void (*before)(struct ui *))
{
	struct bench_timer t[2];
	size_t k;
	int i;

	memset(t, 0, sizeof t);
	for (i = -1; i < draw_runs; i++)
		for (k = 0; k < n_docs; k++)
			draw_key_once(&d[k].ui, key, before, &t[k], i >= 0);
	if (n_docs == 1)
		bench_report(&t[0], name);
	else
		draw_scale_worst(&t[0], &t[1], 1, name);
}

/* A full frame with curscr cleared, as draw_key times a key. */
static void
draw_redraw(struct draw_doc *d, size_t n_docs)
{
	struct bench_timer t[2];
	size_t k;
	int i;

	memset(t, 0, sizeof t);
	for (i = -1; i < draw_runs; i++)
		for (k = 0; k < n_docs; k++) {
			draw_middle(&d[k].ui);
			draw_frame(&d[k].ui, 0);
			bench_start(&t[k]);
			draw_frame(&d[k].ui, 1);
			bench_stop(&t[k], i >= 0);
		}
	if (n_docs == 1)
		bench_report(&t[0], "redraw");
	else
		draw_scale_worst(&t[0], &t[1], 1, "redraw");
}

/* Print the worst of the medians of t[0..n) as KEY_ms and KEY_cpu, and
 * each as KEY_N_ms (N from 1) when each is set. */
static void
draw_worst(struct bench_timer *t, size_t n, const char *key, int each)
{
	double worst = 0, worst_cpu = 0, w, c;
	char name[64];
	size_t k;

	for (k = 0; k < n; k++) {
		c = bench_median(t[k].cpu, t[k].n);
		w = bench_median(t[k].wall, t[k].n);
		if (each) {
			snprintf(name, sizeof name, "%s_%zu", key, k + 1);
			bench_report(&t[k], name);
		}
		if (w > worst)
			worst = w;
		if (c > worst_cpu)
			worst_cpu = c;
	}
	printf("%s_ms %.3f\n%s_cpu %.3f\n", key, worst, key, worst_cpu);
}

/* The timings of typing a query: each character's keystroke, largest
 * idle slice after it, and time to the whole result. */
struct draw_typed {
	struct bench_timer	t[32];
	struct bench_timer	sl[32];
	struct bench_timer	full[32];
};

/*
 * Type wq[0..n) at the / prompt one character at a time, from the tree as
 * setup leaves it, letting each character's search end before the next
 * (find_work until find_busy is 0); one run into tt (kept unless keep is
 * 0), then Esc.
 */
static void
draw_type_once(struct ui *ui, const wchar_t *wq, size_t n,
    void (*setup)(struct ui *), struct draw_typed *tt, int keep)
{
	struct bench_timer one = { 0 };
	double max_w, max_c, w, c;
	size_t k;

	setup(ui);
	search_forget(ui->find.index);	/* each run as the first (romaji) */
	draw_frame(ui, 0);
	find_key(ui, '/', 1);
	draw_frame(ui, 0);
	for (k = 0; k < n; k++) {
		bench_start(&tt->full[k]);
		bench_start(&tt->t[k]);
		find_key(ui, (int)wq[k], 1);
		draw_frame(ui, 0);
		bench_stop(&tt->t[k], keep);
		max_w = max_c = 0;
		while (find_busy(ui)) {
			bench_start(&one);
			if (find_work(ui))
				draw_frame(ui, 0);
			w = bench_now_ms() - one.wall0;
			c = bench_cpu_ms() - one.cpu0;
			if (w > max_w)
				max_w = w;
			if (c > max_c)
				max_c = c;
		}
		bench_stop(&tt->full[k], keep);
		bench_add(&tt->sl[k], max_w, max_c, keep);
	}
	find_key(ui, 27, 1);		/* Esc: back to the start */
}

/*
 * Type query RUNS times on each of the n_docs documents in turn (see
 * draw_type_once).  For one document, prints each character's keystroke
 * timing (KEY_N), the worst (KEY), and the worst largest idle slice
 * (KEY_slice) and time to the whole result (KEY_full).  For two, prints
 * KEY_scale_ratio and KEY_full_scale_ratio (draw_scale_worst).
 */
static void
draw_typing(struct draw_doc *d, size_t n_docs, const char *key,
    const char *query, void (*setup)(struct ui *))
{
	static struct draw_typed tt[2];
	wchar_t wq[32];
	mbstate_t st;
	char name[64];
	size_t n, k;
	int i;

	memset(&st, 0, sizeof st);
	n = mbsrtowcs(wq, &query, 32, &st);
	if (n == (size_t)-1)
		return;
	memset(tt, 0, sizeof tt);
	for (i = -1; i < draw_runs; i++)
		for (k = 0; k < n_docs; k++)
			draw_type_once(&d[k].ui, wq, n, setup, &tt[k], i >= 0);
	snprintf(name, sizeof name, "%s_full", key);
	if (n_docs == 2) {
		draw_scale_worst(tt[0].t, tt[1].t, n, key);
		draw_scale_worst(tt[0].full, tt[1].full, n, name);
		return;
	}
	draw_worst(tt[0].t, n, key, 1);
	draw_worst(tt[0].full, n, name, 1);
	snprintf(name, sizeof name, "%s_slice", key);
	draw_worst(tt[0].sl, n, name, 0);
}

/* Load path, index it and set up d->ui on the screen as ui_run() does;
 * exit on failure. */
static void
draw_doc_init(struct draw_doc *d, const char *path)
{
	struct doc_error err;

	memset(d, 0, sizeof *d);
	if (doc_load_file(path, &d->doc, &err) != 0) {
		fprintf(stderr, "draw: %s:%lu:%lu: %s\n", err.file, err.line,
		    err.col, err.message);
		exit(65);
	}
	search_index_build(&d->ix, d->doc);
	d->ui.doc = d->doc;
	outline_init(&d->ui.outline, d->doc);
	find_init(&d->ui, &d->ix);
	agency_index_build(&d->ui.agencies, d->doc);
	ui_layout(&d->ui);
}

/* Free what draw_doc_init set up. */
static void
draw_doc_fini(struct draw_doc *d)
{
	find_fini(&d->ui);
	list_clear(&d->ui.list);
	agency_index_fini(&d->ui.agencies);
	free(d->ui.back);
	pane_fini(&d->ui.pane);
	outline_fini(&d->ui.outline);
	search_index_fini(&d->ix);
	doc_free(&d->doc);
}

int
main(int argc, char **argv)
{
	static struct draw_doc d[2];
	SCREEN *scr;
	FILE *out, *in;
	size_t n_docs = argc > 5 ? 2 : 1, k;

	setlocale(LC_ALL, "");
	if (argc < 3) {
		fputs("usage: draw FILE RUNS [COLS ROWS [LARGE]]\n", stderr);
		return 64;
	}
	draw_runs = atoi(argv[2]);
	if (draw_runs < 1 || draw_runs > BENCH_MAX_RUNS)
		draw_runs = 5;
	setenv("COLUMNS", argc > 4 ? argv[3] : "160", 1);
	setenv("LINES", argc > 4 ? argv[4] : "48", 1);
	out = fopen("/dev/null", "w");
	in = fopen("/dev/null", "r");
	if (out == NULL || in == NULL ||
	    (scr = newterm("xterm-256color", out, in)) == NULL) {
		fputs("draw: cannot start ncurses on /dev/null\n", stderr);
		return 69;
	}
	paint_init();
	draw_doc_init(&d[0], argv[1]);
	if (n_docs == 2)
		draw_doc_init(&d[1], argv[5]);
	else
		printf("screen %dx%d\n", COLS, LINES);

	draw_redraw(d, n_docs);
	draw_key(d, n_docs, "key_j", 'j', draw_middle);
	draw_key(d, n_docs, "key_pgdn", KEY_NPAGE, draw_middle);
	draw_key(d, n_docs, "key_toggle", '\r', draw_first);
	draw_key(d, n_docs, "key_expand", 'E', draw_collapsed);
	draw_typing(d, n_docs, "isearch", "サプライチェーン", draw_middle);
	draw_typing(d, n_docs, "isearchc", "サプライチェーン", draw_collapsed);
	if (search_has_migemo() && search_migemo_dict() != NULL) {
		draw_typing(d, n_docs, "isearchromaji", "kokusai",
		    draw_middle);
		draw_typing(d, n_docs, "isearchshi", "shisaku", draw_middle);
	}

	endwin();
	delscreen(scr);
	paint_fini();
	for (k = 0; k < n_docs; k++)
		draw_doc_fini(&d[k]);
	text_fini();
	fclose(out);
	fclose(in);
	return 0;
}
