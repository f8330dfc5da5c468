/*
 * bench: the model's rows of `make bench` for one document, with the literal
 * floor (grep -cF) measured beside them.  No curses: bench/draw.c times the
 * screen.
 *
 *   bench load FILE RUNS     load to a ready model (search_load_file:
 *                            the index folded on a second thread while
 *                            the loader parses), each run after a raw
 *                            libyaml parse of FILE (bench/yamlparse.h);
 *                            then, for comparison, doc_load_file alone
 *                            and search_index_build alone
 *   bench rss FILE           load once in this fresh process; print its
 *                            peak resident memory (getrusage ru_maxrss)
 *   bench ops FILE RUNS      load once, then time searches (and grep -cF of
 *                            the same literal over FILE), expand-all, the
 *                            model side of a frame, and the whole
 *                            search of each prefix typed (which the
 *                            browser runs in slices: bench/draw.c)
 *   bench search FILE RUNS QUERY
 *                            load once, then run QUERY (for profiling)
 *   bench scale SMALL RUNS LARGE
 *                            load both, then time the load rows of load
 *                            (at most 3 runs) and each operation row of
 *                            ops on SMALL and LARGE in turn, run by run;
 *                            print KEY_scale_ratio, the median of LARGE's
 *                            runs over SMALL's (the 1M÷100k column)
 *
 * Output: "key value" lines, read by bench/run.sh.  A timing is printed as
 * KEY_ms, the median wall-clock milliseconds of RUNS runs after one
 * warm-up, and KEY_cpu, the median CPU milliseconds of the same runs (for
 * grep, the child's user and system time).  A row with a floor timed
 * run by run beside it (the raw parse, grep -cF) also gets KEY_ratio and
 * KEY_ratio_cpu, the medians of the runs' ratios: on a shared machine the
 * two halves of one run see the same load.
 */
#include <errno.h>
#include <locale.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench/util.h"
#include "bench/yamlparse.h"
#include "model/doc.h"
#include "model/outline.h"
#include "model/pane.h"
#include "model/search.h"
#include "model/text.h"
#include "model/xmalloc.h"

#define BENCH_SCREEN_ROWS	48	/* a tall terminal's tree */
#define BENCH_TREE_COLS		64
#define BENCH_PANE_COLS		95

extern char **environ;

/* The query typed one character at a time for the keystroke rows. */
#define BENCH_TYPED		"サプライチェーン"
#define BENCH_TYPED_ROMAJI	"kokusai"

static int bench_runs = 5;

/* Report a document that failed to load and exit 65. */
static void __attribute__((noreturn))
bench_fail(const struct doc_error *err)
{
	fprintf(stderr, "bench: %s:%lu:%lu: %s\n", err->file, err->line,
	    err->col, err->message);
	exit(65);
}

/* Load path and build its index; exit on failure. */
static struct doc *
bench_load(const char *path, struct search_index *ix)
{
	struct doc_error err;
	struct doc *doc;

	if (search_load_file(ix, path, &doc, &err) != 0)
		bench_fail(&err);
	return doc;
}

/* Time RUNS loads; the load alone and the index alone too. */
static void
bench_cmd_load(const char *path)
{
	struct bench_timer total = { 0 }, parse = { 0 }, index = { 0 },
	    raw = { 0 };
	struct search_index ix;
	struct doc_error err;
	struct doc *doc = NULL;
	int i;

	for (i = 0; i < bench_runs; i++) {
		bench_start(&raw);
		if (bench_yamlparse(path) < 0)
			exit(65);
		bench_stop(&raw, 1);
		bench_start(&total);
		doc = bench_load(path, &ix);
		bench_stop(&total, 1);
		if (i == bench_runs - 1)
			printf("nodes %zu\nmeasures %zu\nfields %zu\n"
			    "folded_bytes %zu\n", doc->total_nodes,
			    doc->total_measures, ix.n_fields, ix.folded_len);
		search_index_fini(&ix);
		doc_free(&doc);
		/* For comparison: the load alone, then the index alone. */
		bench_start(&parse);
		if (doc_load_file(path, &doc, &err) != 0)
			bench_fail(&err);
		bench_stop(&parse, 1);
		bench_start(&index);
		search_index_build(&ix, doc);
		bench_stop(&index, 1);
		search_index_fini(&ix);
		doc_free(&doc);
	}
	bench_ratio(&total, &raw, "load");
	bench_ratio(&parse, &raw, "load_doc");
	bench_report(&raw, "parse_il");
	bench_report(&total, "load");
	bench_report(&parse, "load_doc");
	bench_report(&index, "load_index");
}

/* Load once and report this process's peak resident memory. */
static void
bench_cmd_rss(const char *path)
{
	struct search_index ix;
	struct rusage ru;
	struct doc *doc;
	struct stat st;

	doc = bench_load(path, &ix);
	getrusage(RUSAGE_SELF, &ru);
	if (stat(path, &st) == 0)
		printf("file_kb %lld\n", (long long)st.st_size / 1024);
	printf("rss_kb %ld\n", ru.ru_maxrss);
	search_index_fini(&ix);
	doc_free(&doc);
}

/* Run grep -cF literal path once, output to a temporary file; add its
 * wall and CPU time to t (kept unless a warm-up); the count in *count. */
static int
bench_grep_once(const char *literal, const char *path, long *count,
    struct bench_timer *t, int keep)
{
	static char name[] = "grep", flag[] = "-cF";
	posix_spawn_file_actions_t fa;
	char *argv[] = { name, flag, NULL, NULL, NULL };
	char out[] = "/tmp/shisaku-bench-grep.XXXXXX";
	struct rusage ru;
	char buf[64];
	double t0;
	pid_t pid;
	int status, fd, r;
	ssize_t n;

	if ((fd = mkstemp(out)) < 0)
		return -1;
	unlink(out);
	argv[2] = xstrdup(literal);
	argv[3] = xstrdup(path);
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fd, 1);
	t0 = bench_now_ms();
	r = posix_spawnp(&pid, "grep", &fa, NULL, argv, environ);
	if (r == 0) {
		while (wait4(pid, &status, 0, &ru) < 0 && errno == EINTR)
			continue;
		if (keep && t->n < BENCH_MAX_RUNS) {
			t->wall[t->n] = bench_now_ms() - t0;
			t->cpu[t->n] = (double)(ru.ru_utime.tv_sec +
			    ru.ru_stime.tv_sec) * 1e3 +
			    (double)(ru.ru_utime.tv_usec +
			    ru.ru_stime.tv_usec) / 1e3;
			t->n++;
		}
	}
	posix_spawn_file_actions_destroy(&fa);
	free(argv[2]);
	free(argv[3]);
	n = pread(fd, buf, sizeof buf - 1, 0);
	close(fd);
	buf[n > 0 ? n : 0] = '\0';
	*count = atol(buf);
	return r == 0 ? 0 : -1;
}

/*
 * RUNS runs of grep -cF literal over path, each beside a search for query
 * (after a warm-up of both), reported as KEY_grep and KEY with their
 * ratio; the last result in *res.
 */
static void
bench_grep_search(struct search_index *ix, const char *key,
    const char *query, const char *literal, const char *path,
    struct search_result *res)
{
	struct bench_timer g = { 0 }, t = { 0 };
	char name[64];
	long count = 0;
	int i;

	bench_grep_once(literal, path, &count, &g, 0);
	search_run(ix, query, res);
	search_result_fini(res);
	for (i = 0; i < bench_runs; i++) {
		bench_grep_once(literal, path, &count, &g, 1);
		bench_start(&t);
		search_run(ix, query, res);
		bench_stop(&t, 1);
		if (i + 1 < bench_runs)
			search_result_fini(res);
	}
	bench_ratio(&t, &g, key);
	bench_report(&t, key);
	snprintf(name, sizeof name, "%s_grep", key);
	bench_report(&g, name);
	printf("%s_lines %ld\n", name, count);
}

/* RUNS searches for query, reported as key; the last result in *res. */
static void
bench_search(struct search_index *ix, const char *key, const char *query,
    struct search_result *res)
{
	struct bench_timer t = { 0 };
	int i;

	for (i = -1; i < bench_runs; i++) {
		/* The warm-up run loads Migemo's dictionary; each run
		 * searches a romaji word as the first time. */
		search_forget(ix);
		bench_start(&t);
		search_run(ix, query, res);
		bench_stop(&t, i >= 0);
		if (i + 1 < bench_runs)
			search_result_fini(res);
	}
	bench_report(&t, key);
}

/* Compare a hit's place (node id, measure) with a row's, for bsearch. */
static int
bench_hit_cmp(const struct search_hit *h, const struct outline_row *r)
{
	const struct search_field *f = h->field;
	size_t hm, rm;

	if (f->node == NULL)
		return 1;		/* footnotes come last */
	if (f->node->id != r->node->id)
		return f->node->id < r->node->id ? -1 : 1;
	hm = f->measure == SIZE_MAX ? 0 : f->measure + 1;
	rm = r->measure == OUTLINE_NODE ? 0 : r->measure + 1;
	return hm < rm ? -1 : hm > rm;
}

/* The first hit at a row's place, or NULL (hits are in document order). */
static const struct search_hit *
bench_hit_for(const struct search_result *res, const struct outline_row *r)
{
	size_t lo = 0, hi = res->n_hits, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (bench_hit_cmp(&res->hits[mid], r) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < res->n_hits && bench_hit_cmp(&res->hits[lo], r) == 0)
		return &res->hits[lo];
	return NULL;
}

/*
 * The model side of one frame from row top: each visible tree row's guides
 * and text cut to the tree's width, the selected node's pane laid out, and
 * each visible pane line's text rendered.  Returns the bytes produced.
 */
static size_t
bench_frame(const struct doc *doc, struct outline *o, size_t top,
    struct pane *pane)
{
	enum outline_guide guides[DOC_MAX_DEPTH];
	const struct outline_row *r;
	const struct pane_line *l;
	const char *text;
	struct buf b = { 0 };
	size_t row, n, total = 0, i;

	for (row = top; row < top + BENCH_SCREEN_ROWS && row < o->n_rows;
	    row++) {
		r = outline_row(o, row);
		n = outline_guides(o, row, guides);
		text = r->measure == OUTLINE_NODE ? r->node->title :
		    r->node->measures[r->measure].text;
		buf_clear(&b);
		text_truncate(&b, text, strlen(text), BENCH_TREE_COLS - 2 * n);
		total += b.len;
	}
	pane_layout(pane, doc, outline_row(o, top < o->n_rows ? top : 0)->node,
	    BENCH_PANE_COLS);
	for (i = 0; i < pane->n_lines && i < BENCH_SCREEN_ROWS; i++) {
		l = &pane->lines[i];
		buf_clear(&b);
		text_render(&b, pane->blocks[l->block].text + l->start_bytes,
		    l->end_bytes - l->start_bytes, l->indent_cols);
		total += b.len;
	}
	buf_fini(&b);
	return total;
}

/* One keystroke of typing: the whole search for prefix, then the hits of
 * the screen of rows of o from the first match; timed into t. */
static void
bench_typed(struct search_index *ix, const struct outline *o,
    const char *prefix, struct bench_timer *t, int keep)
{
	struct search_result res;
	const struct search_field *f;
	size_t row = 0, j;

	search_forget(ix);		/* each run as the first (romaji) */
	bench_start(t);
	search_run(ix, prefix, &res);
	if (res.n_hits > 0 && (f = res.hits[0].field)->node != NULL)
		row = outline_find(o, f->node, f->measure == SIZE_MAX ?
		    OUTLINE_NODE : f->measure);
	if (row == SIZE_MAX)
		row = 0;
	for (j = row; j < row + BENCH_SCREEN_ROWS && j < o->n_rows; j++)
		(void)bench_hit_for(&res, outline_row(o, j));
	bench_stop(t, keep);
	search_result_fini(&res);
}

/*
 * Type query one character at a time: each keystroke runs the whole
 * search for the prefix (search_run) and finds the hits of the rows a
 * screen shows from the first match.  Prints each prefix's timing (KEY_N)
 * and, as KEY, the worst.  The browser no longer waits for this: it runs
 * the search as a job, a slice at a time (see bench/draw.c).
 */
static void
bench_typing(struct search_index *ix, const struct doc *doc, const char *key,
    const char *query)
{
	struct bench_timer t = { 0 };
	struct outline o;
	size_t len = strlen(query), cut = 0;
	double worst = 0, worst_cpu = 0, w, c;
	char prefix[256], name[64];
	int i, k = 0;

	outline_init(&o, doc);
	outline_expand_all(&o);
	while (cut < len && cut < sizeof prefix - 1) {
		cut = text_cluster_next(query, len, cut);
		memcpy(prefix, query, cut);
		prefix[cut] = '\0';
		k++;
		for (i = -1; i < bench_runs; i++)
			bench_typed(ix, &o, prefix, &t, i >= 0);
		c = bench_median(t.cpu, t.n);
		snprintf(name, sizeof name, "%s_%d", key, k);
		w = bench_report(&t, name);
		if (w > worst)
			worst = w;
		if (c > worst_cpu)
			worst_cpu = c;
	}
	printf("%s_ms %.3f\n%s_cpu %.3f\n", key, worst, key, worst_cpu);
	outline_fini(&o);
}

/* A document loaded for the operation rows, and the state they share. */
struct bench_doc {
	const char		*path;
	struct doc		*doc;
	struct search_index	 ix;
	struct outline		 o;
	struct pane		 pane;
	size_t			 top;		/* framemodel's next first row */
};

/* One run of an operation row on d, timed into t (kept unless keep is 0,
 * a warm-up); arg is the row's. */
typedef void (*bench_op)(struct bench_doc *d, const char *arg,
    struct bench_timer *t, int keep);

/* Load path, index it, and set up its outline; exit on failure. */
static void
bench_doc_init(struct bench_doc *d, const char *path)
{
	memset(d, 0, sizeof *d);
	d->path = path;
	d->doc = bench_load(path, &d->ix);
	outline_init(&d->o, d->doc);
}

/* Free what bench_doc_init set up. */
static void
bench_doc_fini(struct bench_doc *d)
{
	pane_fini(&d->pane);
	outline_fini(&d->o);
	search_index_fini(&d->ix);
	doc_free(&d->doc);
}

/* Load d's file again with its index (search_load_file), as bench load
 * does. */
static void
bench_op_load(struct bench_doc *d, const char *arg, struct bench_timer *t,
    int keep)
{
	struct search_index ix;
	struct doc *doc;

	(void)arg;
	bench_start(t);
	doc = bench_load(d->path, &ix);
	bench_stop(t, keep);
	search_index_fini(&ix);
	doc_free(&doc);
}

/* Load d's file again without an index (doc_load_file). */
static void
bench_op_load_doc(struct bench_doc *d, const char *arg,
    struct bench_timer *t, int keep)
{
	struct doc_error err;
	struct doc *doc;

	(void)arg;
	bench_start(t);
	if (doc_load_file(d->path, &doc, &err) != 0)
		bench_fail(&err);
	bench_stop(t, keep);
	doc_free(&doc);
}

/* Build an index of d's loaded doc afresh (search_index_build). */
static void
bench_op_load_index(struct bench_doc *d, const char *arg,
    struct bench_timer *t, int keep)
{
	struct search_index ix;

	(void)arg;
	bench_start(t);
	search_index_build(&ix, d->doc);
	bench_stop(t, keep);
	search_index_fini(&ix);
}

/* Search for arg. */
static void
bench_op_search(struct bench_doc *d, const char *arg, struct bench_timer *t,
    int keep)
{
	struct search_result res;

	search_forget(&d->ix);		/* each run as the first (romaji) */
	bench_start(t);
	search_run(&d->ix, arg, &res);
	bench_stop(t, keep);
	search_result_fini(&res);
}

/* Expand-all from collapsed: the rows rebuilt. */
static void
bench_op_expandall(struct bench_doc *d, const char *arg,
    struct bench_timer *t, int keep)
{
	(void)arg;
	outline_collapse_all(&d->o);
	bench_start(t);
	outline_expand_all(&d->o);
	bench_stop(t, keep);
}

/* Collapse the first entry with everything expanded (a keystroke). */
static void
bench_op_toggle(struct bench_doc *d, const char *arg, struct bench_timer *t,
    int keep)
{
	(void)arg;
	outline_set_expanded(&d->o, 0, 1);
	bench_start(t);
	outline_set_expanded(&d->o, 0, 0);
	bench_stop(t, keep);
	outline_set_expanded(&d->o, 0, 1);
}

/* The same for the middle entry: as many rows before it as after, the
 * most a collapse moved while the rows were one array (now in blocks, the
 * first entry's collapse counts the most blocks again). */
static void
bench_op_togglemid(struct bench_doc *d, const char *arg,
    struct bench_timer *t, int keep)
{
	size_t mid = outline_find(&d->o, &d->doc->nodes[d->doc->n_nodes / 2],
	    OUTLINE_NODE);

	(void)arg;
	outline_set_expanded(&d->o, mid, 1);
	bench_start(t);
	outline_set_expanded(&d->o, mid, 0);
	bench_stop(t, keep);
	outline_set_expanded(&d->o, mid, 1);
}

/* The model side of a frame in the middle of the expanded tree, a screen
 * further down each run. */
static void
bench_op_framemodel(struct bench_doc *d, const char *arg,
    struct bench_timer *t, int keep)
{
	(void)arg;
	if (d->top == 0)
		d->top = d->o.n_rows / 2;
	d->top += BENCH_SCREEN_ROWS;
	bench_start(t);
	bench_frame(d->doc, &d->o, d->top, &d->pane);
	bench_stop(t, keep);
}

/* Type arg a character at a time (see bench_typing) once: one run whose
 * time is the worst character's. */
static void
bench_op_typing(struct bench_doc *d, const char *arg, struct bench_timer *t,
    int keep)
{
	struct bench_timer one = { 0 };
	size_t len = strlen(arg), cut = 0;
	double worst = 0, worst_cpu = 0;
	char prefix[256];

	while (cut < len && cut < sizeof prefix - 1) {
		cut = text_cluster_next(arg, len, cut);
		memcpy(prefix, arg, cut);
		prefix[cut] = '\0';
		one.n = 0;
		bench_typed(&d->ix, &d->o, prefix, &one, 1);
		if (one.wall[0] > worst)
			worst = one.wall[0];
		if (one.cpu[0] > worst_cpu)
			worst_cpu = one.cpu[0];
	}
	bench_add(t, worst, worst_cpu, keep);
}

/* An operation row: its key, what one run does, its argument (a query),
 * and for a search, the literal grep -cF looks for beside it, if any. */
struct bench_row {
	const char	*key;
	bench_op	 op;
	const char	*arg;
	const char	*grep;
};

/* The operation rows, in an order in which each finds the outline as it
 * needs it (expanded after expandall). */
static const struct bench_row bench_rows[] = {
	{ "search2", bench_op_search, "強化", "強化" },
	{ "search4", bench_op_search, "情報共有", "情報共有" },
	{ "search8", bench_op_search, "サプライチェーン", "サプライチェーン" },
	{ "searchkana", bench_op_search, "さいばー", NULL },
	{ "searchwords", bench_op_search, "人材 育成", NULL },
	{ "searchromaji", bench_op_search, "kokusai", NULL },
	{ "expandall", bench_op_expandall, NULL, NULL },
	{ "toggle", bench_op_toggle, NULL, NULL },
	{ "togglemid", bench_op_togglemid, NULL, NULL },
	{ "framemodel", bench_op_framemodel, NULL, NULL },
	{ "typing", bench_op_typing, BENCH_TYPED, NULL },
	{ "typingromaji", bench_op_typing, BENCH_TYPED_ROMAJI, NULL },
};

/* The load rows of bench load, for bench scale alone (a load of the 1M
 * document takes seconds: at most BENCH_SCALE_LOADS runs). */
#define BENCH_SCALE_LOADS	3
static const struct bench_row bench_load_rows[] = {
	{ "load", bench_op_load, NULL, NULL },
	{ "load_doc", bench_op_load_doc, NULL, NULL },
	{ "load_index", bench_op_load_index, NULL, NULL },
};

/* Whether a row can run here: the romaji ones need Migemo's dictionary. */
static int
bench_row_runs(const struct bench_row *row)
{
	return strstr(row->key, "romaji") == NULL ||
	    (search_has_migemo() && search_migemo_dict() != NULL);
}

/* Load once, then every operation row. */
static void
bench_cmd_ops(const char *path)
{
	struct bench_timer t = { 0 };
	struct search_result res;
	struct bench_doc d;
	size_t i;
	int r;

	bench_doc_init(&d, path);
	printf("romaji %d\n", search_has_migemo() && search_migemo_dict() !=
	    NULL);
	for (i = 0; i < sizeof bench_rows / sizeof bench_rows[0]; i++) {
		const struct bench_row *row = &bench_rows[i];

		if (row->op == bench_op_search) {
			if (row->grep != NULL)
				bench_grep_search(&d.ix, row->key, row->arg,
				    row->grep, path, &res);
			else
				bench_search(&d.ix, row->key, row->arg, &res);
			printf("%s_hits %zu\n", row->key, res.n_hits);
			search_result_fini(&res);
			continue;
		}
		if (row->op == bench_op_typing)
			continue;	/* bench_typing, below: per character */
		for (r = -1; r < bench_runs; r++)
			row->op(&d, row->arg, &t, r >= 0);
		bench_report(&t, row->key);
		if (row->op == bench_op_expandall)
			printf("rows %zu\n", d.o.n_rows);
	}
	for (i = 0; i < sizeof bench_rows / sizeof bench_rows[0]; i++)
		if (bench_rows[i].op == bench_op_typing &&
		    bench_row_runs(&bench_rows[i]))
			bench_typing(&d.ix, d.doc, bench_rows[i].key,
			    bench_rows[i].arg);
	bench_doc_fini(&d);
	text_fini();
}

/*
 * Load small and large, then time every row of bench_rows on each in
 * turn, run by run, and print KEY_scale_ratio: the median of large's runs
 * divided by small's.  The two see the same spell of the machine's speed,
 * which a figure taken minutes apart does not (bench/RESULTS.md).
 */
static void
bench_cmd_scale(const char *small, const char *large)
{
	struct bench_timer t[2];
	struct bench_doc d[2];
	char key[64];
	size_t i, n_load;
	int r, k;

	memset(t, 0, sizeof t);
	bench_doc_init(&d[0], small);
	bench_doc_init(&d[1], large);
	n_load = sizeof bench_load_rows / sizeof bench_load_rows[0];
	for (i = 0; i < n_load + sizeof bench_rows / sizeof bench_rows[0];
	    i++) {
		const struct bench_row *row = i < n_load ? &bench_load_rows[i] :
		    &bench_rows[i - n_load];
		int runs = i < n_load && bench_runs > BENCH_SCALE_LOADS ?
		    BENCH_SCALE_LOADS : bench_runs;

		if (!bench_row_runs(row))
			continue;
		for (r = -1; r < runs; r++)
			for (k = 0; k < 2; k++)
				row->op(&d[k], row->arg, &t[k], r >= 0);
		snprintf(key, sizeof key, "%s_scale", row->key);
		bench_ratio(&t[1], &t[0], key);
		t[0].n = t[1].n = 0;
	}
	bench_doc_fini(&d[0]);
	bench_doc_fini(&d[1]);
	text_fini();
}

/* Load once, then run one query RUNS times. */
static void
bench_cmd_search(const char *path, const char *query)
{
	struct search_index ix;
	struct search_result res;
	struct doc *doc;

	doc = bench_load(path, &ix);
	bench_search(&ix, "search", query, &res);
	printf("hits %zu\nentries %zu\n", res.n_hits, res.n_entries);
	search_result_fini(&res);
	search_index_fini(&ix);
	doc_free(&doc);
}

/* Print the usage and exit 64. */
static void __attribute__((noreturn))
bench_usage(void)
{
	fputs("usage: bench load|rss|ops FILE [RUNS]\n"
	    "       bench search FILE RUNS QUERY\n"
	    "       bench scale SMALL RUNS LARGE\n", stderr);
	exit(64);
}

int
main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	if (argc < 3)
		bench_usage();
	if (argc > 3)
		bench_runs = atoi(argv[3]);
	if (bench_runs < 1 || bench_runs > BENCH_MAX_RUNS)
		bench_runs = 5;
	if (strcmp(argv[1], "load") == 0)
		bench_cmd_load(argv[2]);
	else if (strcmp(argv[1], "rss") == 0)
		bench_cmd_rss(argv[2]);
	else if (strcmp(argv[1], "ops") == 0)
		bench_cmd_ops(argv[2]);
	else if (strcmp(argv[1], "search") == 0 && argc > 4)
		bench_cmd_search(argv[2], argv[4]);
	else if (strcmp(argv[1], "scale") == 0 && argc > 4)
		bench_cmd_scale(argv[2], argv[4]);
	else
		bench_usage();
	return 0;
}
