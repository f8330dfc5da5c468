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
 *   isearch_ms       one character typed at the / prompt (find_key: the
 *                    search, its targets, the move to the first match)
 *                    and its frame; the worst character of "サプライチェーン"
 *                    typed with everything expanded
 *   isearchc_ms      the same from the collapsed tree
 *   isearchromaji_ms the worst character of "kokusai" (C/Migemo)
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

/*
 * Type query at the / prompt one character at a time, from the tree as
 * setup leaves it; print each character's timing (KEY_N) and the worst
 * (KEY).
 */
static void
draw_typing(struct ui *ui, const char *key, const char *query,
    void (*setup)(struct ui *))
{
	static struct bench_timer t[32];
	double worst = 0, worst_cpu = 0, w, c;
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
	for (i = -1; i < draw_runs; i++) {
		setup(ui);
		draw_frame(ui, 0);
		find_key(ui, '/', 1);
		draw_frame(ui, 0);
		for (k = 0; k < n; k++) {
			bench_start(&t[k]);
			find_key(ui, (int)wq[k], 1);
			draw_frame(ui, 0);
			bench_stop(&t[k], i >= 0);
		}
		find_key(ui, 27, 1);		/* Esc: back to the start */
	}
	for (k = 0; k < n; k++) {
		c = bench_median(t[k].cpu, t[k].n);
		snprintf(name, sizeof name, "%s_%zu", key, k + 1);
		w = bench_report(&t[k], name);
		if (w > worst)
			worst = w;
		if (c > worst_cpu)
			worst_cpu = c;
	}
	printf("%s_ms %.3f\n%s_cpu %.3f\n", key, worst, key, worst_cpu);
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
