/*
 * draw: the screen's rows of `make bench`, through the browser's own code.
 * Usage: draw FILE RUNS [COLS ROWS]
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
 *                    "kokus" run through ICU's regular expressions
 * Each character is typed once the previous one's search has ended, as by
 * someone who pauses; the per-character figures are KEY_N_ms and so on.
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

/* RUNS times: before, a frame, then the timed key (given to the tree, or
 * E) and its frame; reported as name. */
static void
draw_key(struct ui *ui, const char *name, int key,
    void (*before)(struct ui *))
{
	struct bench_timer t = { 0 };
	int i;

	for (i = -1; i < draw_runs; i++) {
		before(ui);
		draw_frame(ui, 0);
		bench_start(&t);
		if (key == 'E')
			outline_expand_all(&ui->outline);
		else
			tree_key(ui, key);
		draw_frame(ui, 0);
		bench_stop(&t, i >= 0);
	}
	bench_report(&t, name);
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

/*
 * Type query at the / prompt one character at a time, from the tree as
 * setup leaves it, letting each character's search end before the next
 * (find_work until find_busy is 0).  Prints each character's keystroke
 * timing (KEY_N), the worst (KEY), and the worst largest idle slice
 * (KEY_slice) and time to the whole result (KEY_full).
 */
static void
draw_typing(struct ui *ui, const char *key, const char *query,
    void (*setup)(struct ui *))
{
	static struct bench_timer t[32], sl[32], full[32];
	struct bench_timer one = { 0 };
	double max_w, max_c, w, c;
	wchar_t wq[32];
	mbstate_t st;
	char name[64];
	size_t n, k;
	int i;

	memset(&st, 0, sizeof st);
	n = mbsrtowcs(wq, &query, 32, &st);
	if (n == (size_t)-1)
		return;
	memset(t, 0, sizeof t);
	memset(sl, 0, sizeof sl);
	memset(full, 0, sizeof full);
	for (i = -1; i < draw_runs; i++) {
		setup(ui);
		draw_frame(ui, 0);
		find_key(ui, '/', 1);
		draw_frame(ui, 0);
		for (k = 0; k < n; k++) {
			bench_start(&full[k]);
			bench_start(&t[k]);
			find_key(ui, (int)wq[k], 1);
			draw_frame(ui, 0);
			bench_stop(&t[k], i >= 0);
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
			bench_stop(&full[k], i >= 0);
			if (i >= 0 && sl[k].n < BENCH_MAX_RUNS) {
				sl[k].wall[sl[k].n] = max_w;
				sl[k].cpu[sl[k].n] = max_c;
				sl[k].n++;
			}
		}
		find_key(ui, 27, 1);		/* Esc: back to the start */
	}
	draw_worst(t, n, key, 1);
	snprintf(name, sizeof name, "%s_slice", key);
	draw_worst(sl, n, name, 0);
	snprintf(name, sizeof name, "%s_full", key);
	draw_worst(full, n, name, 1);
}

int
main(int argc, char **argv)
{
	struct bench_timer t = { 0 };
	struct search_index ix;
	struct doc_error err;
	struct doc *doc;
	struct ui ui;
	SCREEN *scr;
	FILE *out, *in;
	int i;

	setlocale(LC_ALL, "");
	if (argc < 3) {
		fputs("usage: draw FILE RUNS [COLS ROWS]\n", stderr);
		return 64;
	}
	draw_runs = atoi(argv[2]);
	if (draw_runs < 1 || draw_runs > BENCH_MAX_RUNS)
		draw_runs = 5;
	setenv("COLUMNS", argc > 4 ? argv[3] : "160", 1);
	setenv("LINES", argc > 4 ? argv[4] : "48", 1);
	if (doc_load_file(argv[1], &doc, &err) != 0) {
		fprintf(stderr, "draw: %s:%lu:%lu: %s\n", err.file, err.line,
		    err.col, err.message);
		return 65;
	}
	search_index_build(&ix, doc);

	out = fopen("/dev/null", "w");
	in = fopen("/dev/null", "r");
	if (out == NULL || in == NULL ||
	    (scr = newterm("xterm-256color", out, in)) == NULL) {
		fputs("draw: cannot start ncurses on /dev/null\n", stderr);
		return 69;
	}
	paint_init();
	memset(&ui, 0, sizeof ui);
	ui.doc = doc;
	outline_init(&ui.outline, doc);
	find_init(&ui, &ix);
	agency_index_build(&ui.agencies, doc);
	ui_layout(&ui);
	printf("screen %dx%d\n", COLS, LINES);

	draw_middle(&ui);
	for (i = -1; i < draw_runs; i++) {
		bench_start(&t);
		draw_frame(&ui, 1);
		bench_stop(&t, i >= 0);
	}
	bench_report(&t, "redraw");
	draw_key(&ui, "key_j", 'j', draw_middle);
	draw_key(&ui, "key_pgdn", KEY_NPAGE, draw_middle);
	draw_key(&ui, "key_toggle", '\r', draw_first);
	draw_key(&ui, "key_expand", 'E', draw_collapsed);
	draw_typing(&ui, "isearch", "サプライチェーン", draw_middle);
	draw_typing(&ui, "isearchc", "サプライチェーン", draw_collapsed);
	if (search_has_migemo() && search_migemo_dict() != NULL)
		draw_typing(&ui, "isearchromaji", "kokusai", draw_middle);

	endwin();
	delscreen(scr);
	paint_fini();
	find_fini(&ui);
	list_clear(&ui.list);
	agency_index_fini(&ui.agencies);
	free(ui.back);
	pane_fini(&ui.pane);
	outline_fini(&ui.outline);
	search_index_fini(&ix);
	doc_free(&doc);
	text_fini();
	fclose(out);
	fclose(in);
	return 0;
}
