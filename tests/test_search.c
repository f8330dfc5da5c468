/*
 * test_search: the folded index of the real document (fields, entries,
 * order), queries against it (kana and width folding, multi-word entries,
 * separators, footnotes, organisations, ranges on the original bytes) and
 * romaji through C/Migemo when it is built in and its dictionary present.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "tests/util.h"

#include <dirent.h>
#include <fcntl.h>
#include <libgen.h>
#include <locale.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "model/doc.h"
#include "model/buf.h"
#include "model/search.h"


/* The document and its index, shared by a test. */
struct fixture {
	struct doc		*doc;
	struct search_index	 ix;
};

/* Load the real document and index it. */
static int
setup_index(void **state)
{
	struct doc_error err;
	struct fixture *fx = calloc(1, sizeof *fx);

	if (fx == NULL)
		return -1;
	if (doc_load_file(REAL_DOC, &fx->doc, &err) != 0) {
		fprintf(stderr, "%s:%lu:%lu: %s\n", err.file, err.line, err.col,
		    err.message);
		free(fx);
		return -1;
	}
	search_index_build(&fx->ix, fx->doc);
	*state = fx;
	return 0;
}

/* Free the index and the document. */
static int
teardown_index(void **state)
{
	struct fixture *fx = *state;

	search_index_fini(&fx->ix);
	assert_null(fx->ix.fields);
	doc_free(&fx->doc);
	free(fx);
	return 0;
}

/* Load an inline document (the test fails if it does not load). */
static struct doc *
load_inline(const char *text)
{
	struct doc_error err;
	struct doc *doc = NULL;

	if (doc_load("inline.yaml", text, strlen(text), &doc, &err) != 0)
		fail_msg("%lu:%lu: %s", err.line, err.col, err.message);
	return doc;
}

/* Run a query that has words. */
static void
run(struct search_index *ix, const char *query, struct search_result *res)
{
	if (search_run(ix, query, res) != 0)
		fail_msg("search_run(\"%s\") failed", query);
}

/* Assert that range i of hit h covers exactly the original bytes want. */
static void
expect_range(const struct search_hit *h, size_t i, const char *want)
{
	size_t start, end;

	assert_true(i < h->n_ranges);
	start = h->ranges[2 * i];
	end = h->ranges[2 * i + 1];
	if (end - start != strlen(want) ||
	    memcmp(h->field->text + start, want, end - start) != 0)
		fail_msg("range %zu is \"%.*s\", want \"%s\"", i,
		    (int)(end - start), h->field->text + start, want);
}

/* Assert what every result must be: hits in field order, one per field,
 * ranges sorted, apart, non-empty and inside their field's text. */
static void
expect_well_formed(const struct search_index *ix,
    const struct search_result *res)
{
	const struct search_hit *h;
	size_t i, j;

	for (i = 0; i < res->n_hits; i++) {
		h = &res->hits[i];
		assert_true(h->field >= ix->fields &&
		    h->field < ix->fields + ix->n_fields);
		if (i > 0)
			assert_true(h->field > res->hits[i - 1].field);
		assert_true(h->n_ranges > 0);
		for (j = 0; j < h->n_ranges; j++) {
			assert_true(h->ranges[2 * j] < h->ranges[2 * j + 1]);
			assert_true(h->ranges[2 * j + 1] <= strlen(h->field->text));
			if (j > 0)
				assert_true(h->ranges[2 * j] >
				    h->ranges[2 * j - 1]);
		}
	}
}

/* Assert that two results have the same hits and ranges. */
static void
expect_same_result(const struct search_result *a,
    const struct search_result *b)
{
	size_t i;

	assert_int_equal(a->n_hits, b->n_hits);
	assert_int_equal(a->n_entries, b->n_entries);
	for (i = 0; i < a->n_hits; i++) {
		assert_ptr_equal(a->hits[i].field, b->hits[i].field);
		assert_int_equal(a->hits[i].n_ranges, b->hits[i].n_ranges);
		assert_memory_equal(a->hits[i].ranges, b->hits[i].ranges,
		    2 * a->hits[i].n_ranges * sizeof *a->hits[i].ranges);
	}
}

/* Fields in document order, grouped into entries as search.h says. */
static void
test_fields(void **state)
{
	struct fixture *fx = *state;
	const struct search_index *ix = &fx->ix;
	const struct search_field *f = ix->fields;
	const struct doc_node *n;
	size_t i, k = 0, entry = 0, names = 0;

	assert_ptr_equal(ix->doc, fx->doc);
	assert_null(ix->migemo);	/* never loaded at build time */
	assert_int_equal(ix->romaji, search_has_migemo());
	assert_int_equal(ix->n_entries, fx->doc->total_nodes +
	    fx->doc->total_measures + fx->doc->n_footnotes);
	for (n = doc_next(fx->doc, NULL); n != NULL; n = doc_next(fx->doc, n)) {
		assert_int_equal(f[k].kind, SEARCH_TITLE);
		assert_ptr_equal(f[k].node, n);
		assert_ptr_equal(f[k].text, n->title);
		assert_int_equal(f[k].measure, SIZE_MAX);
		assert_int_equal(f[k].footnote, SIZE_MAX);
		assert_int_equal(f[k].entry, entry);
		k++;
		for (i = 0; i < n->agencies.n; i++, k++, names++) {
			assert_int_equal(f[k].kind, SEARCH_AGENCY);
			assert_ptr_equal(f[k].text, n->agencies.names[i]);
			assert_int_equal(f[k].measure, SIZE_MAX);
			assert_int_equal(f[k].entry, entry);
		}
		entry++;
		for (i = 0; i < n->n_measures; i++, entry++) {
			size_t a;

			assert_int_equal(f[k].kind, SEARCH_MEASURE);
			assert_ptr_equal(f[k].text, n->measures[i].text);
			assert_int_equal(f[k].measure, i);
			assert_int_equal(f[k].entry, entry);
			k++;
			for (a = 0; a < n->measures[i].agencies.n; a++, k++) {
				assert_int_equal(f[k].kind, SEARCH_AGENCY);
				assert_ptr_equal(f[k].node, n);
				assert_int_equal(f[k].measure, i);
				assert_int_equal(f[k].entry, entry);
			}
		}
	}
	assert_int_equal(names, 1);	/* only 1.2 (3) tags itself */
	for (i = 0; i < fx->doc->n_footnotes; i++, entry++) {
		assert_int_equal(f[k].kind, SEARCH_FOOTNOTE);
		assert_null(f[k].node);
		assert_ptr_equal(f[k].text, fx->doc->footnotes[i].term);
		assert_int_equal(f[k].footnote, i);
		assert_int_equal(f[k].entry, entry);
		k++;
		assert_ptr_equal(f[k].text, fx->doc->footnotes[i].text);
		assert_int_equal(f[k].entry, entry);
		k++;
	}
	assert_int_equal(k, ix->n_fields);
	/* Each field's fold sits in the buffer, NUL after it. */
	for (i = 0; i < ix->n_fields; i++) {
		assert_true(f[i].fold_start + f[i].fold_len < ix->folded_len);
		assert_int_equal(ix->folded[f[i].fold_start + f[i].fold_len],
		    '\0');
		assert_int_equal(strlen(ix->folded + f[i].fold_start),
		    f[i].fold_len);
	}
	assert_int_equal(ix->folded_len, f[k - 1].fold_start +
	    f[k - 1].fold_len + 1);
}

/* さいばー, サイバー and ｻｲﾊﾞｰ find the same places. */
static void
test_kana_width(void **state)
{
	struct fixture *fx = *state;
	struct search_result a = { 0 }, b = { 0 }, c = { 0 };
	size_t i;

	run(&fx->ix, "さいばー", &a);
	run(&fx->ix, "サイバー", &b);
	run(&fx->ix, "ｻｲﾊﾞｰ", &c);
	assert_true(a.n_hits > 20);
	expect_well_formed(&fx->ix, &a);
	expect_same_result(&a, &b);
	expect_same_result(&a, &c);
	/* The doc spells it サイバー, and the ranges say so. */
	for (i = 0; i < a.n_hits; i++)
		expect_range(&a.hits[i], 0, "サイバー");
	assert_int_equal(a.hits[0].field->kind, SEARCH_TITLE);
	assert_string_equal(a.hits[0].field->text,
	    "新たな価値創出を支えるサイバーセキュリティの推進");
	search_result_fini(&a);
	search_result_fini(&b);
	search_result_fini(&c);
	assert_null(a.hits);
	assert_int_equal(a.n_hits, 0);
}

/* Count the fields whose original text holds s. */
static size_t
fields_with(const struct search_index *ix, const char *s)
{
	size_t i, n = 0;

	for (i = 0; i < ix->n_fields; i++)
		if (strstr(ix->fields[i].text, s) != NULL)
			n++;
	return n;
}

/* Case and width: iot finds IoT; the doc has no ICT, an inline one does. */
static void
test_case_width(void **state)
{
	struct fixture *fx = *state;
	struct search_result res = { 0 };
	struct search_index ix;
	struct doc *doc;
	size_t i;

	run(&fx->ix, "iot", &res);
	assert_int_equal(res.n_hits, 5);
	assert_int_equal(res.n_hits, fields_with(&fx->ix, "IoT"));
	for (i = 0; i < res.n_hits; i++)
		expect_range(&res.hits[i], 0, "IoT");
	assert_string_equal(res.hits[0].field->text, "安全なIoTシステムの構築");
	search_result_fini(&res);
	run(&fx->ix, "ＩＯＴ", &res);
	assert_int_equal(res.n_hits, 5);
	search_result_fini(&res);

	/* The real document never writes ICT, in any width or case. */
	assert_int_equal(fields_with(&fx->ix, "ICT"), 0);
	run(&fx->ix, "ict", &res);
	assert_int_equal(res.n_hits, 0);
	assert_int_equal(res.n_entries, 0);
	assert_null(res.hits);
	search_result_fini(&res);

	doc = load_inline("title: T\nnodes:\n  - number: \"1.\"\n"
	    "    title: ＩＣＴとｻｲﾊﾞｰ対策\n    measures:\n"
	    "      - text: ICT機器と「ｾｷｭﾘﾃｨ」\n        agencies: [ＮＩＳＣ]\n");
	search_index_build(&ix, doc);
	run(&ix, "ict", &res);
	assert_int_equal(res.n_hits, 2);
	expect_range(&res.hits[0], 0, "ＩＣＴ");
	expect_range(&res.hits[1], 0, "ICT");
	search_result_fini(&res);
	run(&ix, "ば", &res);
	assert_int_equal(res.n_hits, 1);
	expect_range(&res.hits[0], 0, "ﾊﾞ");	/* never half a character */
	search_result_fini(&res);
	run(&ix, "サイバー", &res);
	expect_range(&res.hits[0], 0, "ｻｲﾊﾞｰ");
	search_result_fini(&res);
	run(&ix, "セキュリティ nisc", &res);
	assert_int_equal(res.n_entries, 1);
	assert_int_equal(res.n_hits, 2);
	expect_range(&res.hits[0], 0, "ｾｷｭﾘﾃｨ");
	assert_int_equal(res.hits[1].field->kind, SEARCH_AGENCY);
	expect_range(&res.hits[1], 0, "ＮＩＳＣ");
	search_result_fini(&res);
	search_index_fini(&ix);
	doc_free(&doc);
}

/* Several words must all occur in one entry. */
static void
test_multi_word(void **state)
{
	struct fixture *fx = *state;
	struct search_result res = { 0 }, other = { 0 };
	const struct doc_node *n = find(fx->doc, "2.", "2.2", "(2)");

	/* CSIRT is in the text of 2.2 (2)'s second measure, 総務省 its
	 * organisation: one entry, two fields. */
	run(&fx->ix, "総務省 CSIRT", &res);
	expect_well_formed(&fx->ix, &res);
	assert_int_equal(res.n_entries, 1);
	assert_int_equal(res.n_hits, 2);
	assert_int_equal(res.hits[0].field->kind, SEARCH_MEASURE);
	assert_ptr_equal(res.hits[0].field->node, n);
	assert_int_equal(res.hits[0].field->measure, 1);
	assert_int_equal(res.hits[0].n_ranges, 1);
	expect_range(&res.hits[0], 0, "CSIRT");
	assert_int_equal(res.hits[1].field->kind, SEARCH_AGENCY);
	assert_ptr_equal(res.hits[1].field->node, n);
	assert_int_equal(res.hits[1].field->measure, 1);
	expect_range(&res.hits[1], 0, "総務省");
	assert_int_equal(res.hits[0].field->entry, res.hits[1].field->entry);

	/* The order of the words does not matter; case does not either. */
	run(&fx->ix, "csirt 総務省", &other);
	expect_same_result(&res, &other);
	search_result_fini(&other);
	/* Ideographic space and tabs separate words too. */
	run(&fx->ix, "総務省\xe3\x80\x80" "CSIRT", &other);
	expect_same_result(&res, &other);
	search_result_fini(&other);
	run(&fx->ix, "\t 総務省\t\tCSIRT\xe3\x80\x80", &other);
	expect_same_result(&res, &other);
	search_result_fini(&other);
	search_result_fini(&res);

	/* CSIRT and ISAC are each in entries of their own: no match. */
	run(&fx->ix, "CSIRT ISAC", &res);
	assert_int_equal(res.n_hits, 0);
	assert_int_equal(res.n_entries, 0);
	search_result_fini(&res);

	/* Two words in one field: every occurrence, sorted. */
	run(&fx->ix, "経営層 育成", &res);
	assert_int_equal(res.n_entries, 1);
	assert_int_equal(res.n_hits, 1);
	assert_ptr_equal(res.hits[0].field->node, find(fx->doc, "1.", "1.1",
	    "(1)"));
	assert_int_equal(res.hits[0].n_ranges, 3);
	expect_range(&res.hits[0], 0, "経営層");
	expect_range(&res.hits[0], 1, "育成");
	expect_range(&res.hits[0], 2, "経営層");
	search_result_fini(&res);

	/* Touching and overlapping occurrences merge. */
	run(&fx->ix, "サイバー セキュリティ", &res);
	expect_well_formed(&fx->ix, &res);
	assert_int_equal(res.hits[0].n_ranges, 1);
	expect_range(&res.hits[0], 0, "サイバーセキュリティ");
	search_result_fini(&res);
}

/* Queries with no words are refused. */
static void
test_empty(void **state)
{
	struct fixture *fx = *state;
	struct search_result res;
	const char *queries[] = { "", " ", "   ", "\t", "\xe3\x80\x80",
	    " \xe3\x80\x80\t " };
	size_t i;

	for (i = 0; i < sizeof queries / sizeof queries[0]; i++) {
		memset(&res, 0xff, sizeof res);
		assert_int_equal(search_run(&fx->ix, queries[i], &res), -1);
		assert_null(res.hits);
		assert_int_equal(res.n_hits, 0);
		search_result_fini(&res);
	}
}

/* Footnote terms and texts, and organisations, with their places. */
static void
test_footnotes_agencies(void **state)
{
	struct fixture *fx = *state;
	struct search_result res = { 0 };
	const struct search_hit *h;
	size_t i, own = 0;

	run(&fx->ix, "シーサート", &res);
	assert_int_equal(res.n_hits, 1);
	h = &res.hits[0];
	assert_int_equal(h->field->kind, SEARCH_FOOTNOTE);
	assert_null(h->field->node);
	assert_int_equal(h->field->footnote, 0);
	assert_ptr_equal(h->field->text, fx->doc->footnotes[0].text);
	expect_range(h, 0, "シーサート");
	search_result_fini(&res);

	/* isac: 2.6 (1)'s measure, then footnote ※2's term and its text. */
	run(&fx->ix, "isac", &res);
	expect_well_formed(&fx->ix, &res);
	assert_int_equal(res.n_entries, 2);
	assert_int_equal(res.n_hits, 3);
	assert_int_equal(res.hits[0].field->kind, SEARCH_MEASURE);
	assert_ptr_equal(res.hits[0].field->node, find(fx->doc, "2.", "2.6",
	    "(1)"));
	assert_int_equal(res.hits[1].field->kind, SEARCH_FOOTNOTE);
	assert_ptr_equal(res.hits[1].field->text, fx->doc->footnotes[1].term);
	assert_int_equal(res.hits[2].field->kind, SEARCH_FOOTNOTE);
	assert_ptr_equal(res.hits[2].field->text, fx->doc->footnotes[1].text);
	assert_int_equal(res.hits[0].field->footnote, SIZE_MAX);
	assert_int_equal(res.hits[1].field->footnote, 1);
	assert_int_equal(res.hits[2].field->footnote, 1);
	for (i = 0; i < res.n_hits; i++)
		expect_range(&res.hits[i], 0, "ISAC");
	search_result_fini(&res);

	/* An organisation of a measure. */
	run(&fx->ix, "金融庁", &res);
	assert_int_equal(res.n_hits, 1);
	h = &res.hits[0];
	assert_int_equal(h->field->kind, SEARCH_AGENCY);
	assert_ptr_equal(h->field->node, find(fx->doc, "2.", "2.1", "(1)"));
	assert_int_equal(h->field->measure, 2);
	expect_range(h, 0, "金融庁");
	search_result_fini(&res);

	/* An organisation tagged on a node itself: measure SIZE_MAX. */
	run(&fx->ix, "経済産業省", &res);
	expect_well_formed(&fx->ix, &res);
	for (i = 0; i < res.n_hits; i++) {
		h = &res.hits[i];
		assert_int_equal(h->field->kind, SEARCH_AGENCY);
		if (h->field->measure == SIZE_MAX) {
			own++;
			assert_ptr_equal(h->field->node, find(fx->doc, "1.",
			    "1.2", "(3)"));
		}
	}
	assert_int_equal(own, 1);
	assert_int_equal(res.n_hits, fields_with(&fx->ix, "経済産業省"));
	search_result_fini(&res);
}

/* Hits follow the document: pre-order nodes, then footnotes. */
static void
test_order(void **state)
{
	struct fixture *fx = *state;
	struct search_result res = { 0 };
	const struct search_field *f, *g;
	size_t i;

	run(&fx->ix, "セキュリティ", &res);
	expect_well_formed(&fx->ix, &res);
	assert_int_equal(res.n_hits, fields_with(&fx->ix, "セキュリティ"));
	for (i = 1; i < res.n_hits; i++) {
		f = res.hits[i - 1].field;
		g = res.hits[i].field;
		if (f->node != NULL && g->node != NULL) {
			assert_true(f->node->id <= g->node->id);
			if (f->node == g->node && f->measure != SIZE_MAX)
				assert_true(f->measure <= g->measure);
		} else
			assert_null(g->node);	/* footnotes come last */
	}
	assert_int_equal(res.hits[res.n_hits - 1].field->kind, SEARCH_FOOTNOTE);
	search_result_fini(&res);
}

/* Regex metacharacters in a query are plain text. */
static void
test_metachars(void **state)
{
	struct fixture *fx = *state;
	struct search_result res = { 0 };
	size_t i;

	run(&fx->ix, "a.b", &res);
	assert_int_equal(res.n_hits, 0);
	search_result_fini(&res);
	run(&fx->ix, ".*", &res);
	assert_int_equal(res.n_hits, 0);
	search_result_fini(&res);
	/* "(" is in (CYDER) twice and in (シーサート). */
	run(&fx->ix, "(", &res);
	assert_int_equal(res.n_hits, 3);
	assert_int_equal(res.n_hits, fields_with(&fx->ix, "("));
	for (i = 0; i < res.n_hits; i++)
		expect_range(&res.hits[i], 0, "(");
	search_result_fini(&res);
	run(&fx->ix, "（ｃｙｄｅｒ）", &res);
	assert_int_equal(res.n_hits, 2);
	expect_range(&res.hits[0], 0, "(CYDER)");
	search_result_fini(&res);
}

/* The field of every title and measure, as an origin for a job. */
static void
test_field_of(void **state)
{
	struct fixture *fx = *state;
	const struct search_field *f;
	const struct doc_node *n;
	size_t i, k;

	for (n = doc_next(fx->doc, NULL); n != NULL; n = doc_next(fx->doc, n)) {
		k = search_field_of(&fx->ix, n, SIZE_MAX);
		assert_true(k < fx->ix.n_fields);
		f = &fx->ix.fields[k];
		assert_int_equal(f->kind, SEARCH_TITLE);
		assert_ptr_equal(f->node, n);
		for (i = 0; i < n->n_measures; i++) {
			k = search_field_of(&fx->ix, n, i);
			assert_true(k < fx->ix.n_fields);
			f = &fx->ix.fields[k];
			assert_int_equal(f->kind, SEARCH_MEASURE);
			assert_ptr_equal(f->node, n);
			assert_int_equal(f->measure, i);
		}
	}
	assert_int_equal(search_field_of(&fx->ix, NULL, SIZE_MAX),
	    fx->ix.n_fields);
}

/* Texts the large document is made of: kanji, kana (some half-width),
 * ASCII and full-width letters. */
static const char *const big_phrases[] = {
	"サイバーセキュリティ", "ｻｲﾊﾞｰ攻撃", "国際連携", "情報共有",
	"人材育成", "ＩｏＴ機器", "重要インフラ", "の推進", "及び",
	"経営層", "CSIRT※1", "ISAC※2", "サプライチェーン", "こくさい",
	"研究開発", "国債", "の強化", "ｾｷｭﾘﾃｨ", "ict", "地方公共団体",
};
static const char *const big_agencies[] = {
	"NISC", "総務省", "経済産業省", "外務省", "国際戦略室",
};

/* A text of a few phrases, drawn by *seed. */
static void
big_text(struct buf *b, unsigned long *seed, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		*seed = *seed * 6364136223846793005UL + 1442695040888963407UL;
		buf_adds(b, big_phrases[(*seed >> 33) %
		    (sizeof big_phrases / sizeof big_phrases[0])]);
	}
}

/* A document of entries × 8 sections × 6 items of 1–4 measures, tagged
 * with 1–2 organisations, some items tagged themselves, and two
 * footnotes: about 60 KB of folded text per 10 entries. */
static struct doc *
big_doc(size_t entries)
{
	struct buf b = { 0 };
	unsigned long seed = 42;
	struct doc *doc;
	size_t e, s, it, m, n_m;

	buf_adds(&b, "title: 大きな文書\nnodes:\n");
	for (e = 1; e <= entries; e++) {
		buf_printf(&b, "  - number: \"%zu.\"\n    title: ", e);
		big_text(&b, &seed, 2);
		buf_adds(&b, "\n    children:\n");
		for (s = 1; s <= 8; s++) {
			buf_printf(&b, "      - number: \"%zu.%zu\"\n"
			    "        title: ", e, s);
			big_text(&b, &seed, 3);
			buf_adds(&b, "\n        children:\n");
			for (it = 1; it <= 6; it++) {
				buf_printf(&b, "          - number: \"(%zu)\"\n"
				    "            title: ", it);
				big_text(&b, &seed, 2);
				if (it == 3)
					buf_printf(&b, "\n            agencies: "
					    "[%s]", big_agencies[s % 5]);
				buf_adds(&b, "\n            measures:\n");
				n_m = 1 + (e + s + it) % 4;
				for (m = 0; m < n_m; m++) {
					buf_adds(&b, "              - text: ");
					big_text(&b, &seed, 4);
					buf_printf(&b, "\n                agencies:"
					    " [%s, %s]\n", big_agencies[m % 5],
					    big_agencies[(it + m) % 5]);
				}
			}
		}
	}
	buf_adds(&b, "footnotes:\n  - mark: ※1\n    term: CSIRT\n"
	    "    text: Computer Security Incident Response Teamの略。"
	    "国際的な連携\n  - mark: ※2\n    term: ISAC\n"
	    "    text: 情報共有のための組織\n");
	doc = load_inline(b.data);
	buf_fini(&b);
	return doc;
}

/* Run query as a job from field from, stepped by budget, and check that
 * it gives exactly search_run's result (want). */
static void
expect_job(struct search_index *ix, const char *query, size_t from,
    size_t budget, const struct search_result *want)
{
	struct search_job job;
	struct search_result res;
	size_t steps = 0;

	assert_int_equal(search_job_start(&job, ix, query, from), 0);
	assert_int_equal(job.done, 0);
	while (!search_job_step(&job, budget))
		steps++;
	assert_true(job.done);
	/* Small budgets take many steps. */
	if (budget == 0 && job.scanned_bytes > 8 * 4096)
		assert_true(steps > 4);
	search_job_finish(&job, &res);
	expect_well_formed(ix, &res);
	expect_same_result(&res, want);
	search_result_fini(&res);
	search_job_fini(&job);
	assert_null(job.work);
}

/* Jobs from many origins with many budgets, against search_run. */
static void
expect_jobs(struct search_index *ix, const char *const *queries, size_t n,
    size_t every)
{
	static const size_t budgets[] = { 0, 1000, 70000, SIZE_MAX };
	struct search_result want;
	size_t q, from, b;

	for (q = 0; q < n; q++) {
		if (search_run(ix, queries[q], &want) != 0)
			fail_msg("search_run(\"%s\") failed", queries[q]);
		for (from = 0; from <= ix->n_fields; from += every)
			for (b = 0; b < sizeof budgets / sizeof budgets[0];
			    b++)
				expect_job(ix, queries[q], from, budgets[b],
				    &want);
		/* The last field (a footnote's text) and past the end. */
		expect_job(ix, queries[q], ix->n_fields - 1, 0, &want);
		expect_job(ix, queries[q], ix->n_fields + 7, 0, &want);
		search_result_fini(&want);
	}
}

/* Literal, multi-word and folded queries. */
static const char *const job_queries[] = {
	"サイバー", "ｻｲﾊﾞｰ", "せきゅりてぃ", "ICT", "の", "国際 連携",
	"人材 育成 経営層", "総務省 CSIRT", "csirt", "isac 情報", "※1",
	"ＮＩＳＣ", "鯨", "国 際", "ー",
};

/* A job stepped a little at a time from any entry finds what search_run
 * finds: the same hits, ranges, entries and order. */
static void
test_job_same_as_run(void **state)
{
	struct fixture *fx = *state;
	struct search_index ix;
	struct doc *doc;

	expect_jobs(&fx->ix, job_queries, sizeof job_queries /
	    sizeof job_queries[0], 3);
	doc = big_doc(12);
	search_index_build(&ix, doc);
	assert_true(ix.folded_len > 60000);
	expect_jobs(&ix, job_queries, sizeof job_queries /
	    sizeof job_queries[0], 97);
	search_index_fini(&ix);
	doc_free(&doc);
}

/*
 * Step a job from field from a slice at a time; at each step, check
 * job.first against the first hit of want at or after from's entry
 * (wrapping), and the partial result against want's hits in the part
 * scanned so far.  Returns the steps taken until first was known.
 */
static size_t
expect_progress(struct search_index *ix, const char *query, size_t from,
    const struct search_result *want)
{
	struct search_job job;
	struct search_result part;
	const struct search_field *first = NULL;
	size_t i, k, origin, lo, hi, at, steps = 0, until = 0;
	int done = 0;

	/* The origin: the first byte of from's entry. */
	lo = from;
	while (lo > 0 && ix->fields[lo - 1].entry == ix->fields[lo].entry)
		lo--;
	origin = ix->fields[lo].fold_start;
	for (i = 0; i < want->n_hits; i++)
		if (want->hits[i].field >= &ix->fields[lo]) {
			first = want->hits[i].field;
			break;
		}
	if (first == NULL && want->n_hits > 0)
		first = want->hits[0].field;
	assert_int_equal(search_job_start(&job, ix, query, from), 0);
	assert_null(job.first);
	while (!done) {
		done = search_job_step(&job, 0);
		steps++;
		if (job.first == NULL)
			until = steps;
		else
			assert_ptr_equal(job.first, first);
		/* The part scanned: [origin, hi) or, wrapped, [origin,
		 * end) and [0, lo). */
		hi = origin + job.scanned_bytes;
		lo = hi > ix->folded_len ? hi - ix->folded_len : 0;
		if (hi > ix->folded_len)
			hi = ix->folded_len;
		search_job_partial(&job, &part);
		expect_well_formed(ix, &part);
		for (i = k = 0; i < want->n_hits; i++) {
			at = want->hits[i].field->fold_start;
			if (!((at >= origin && at < hi) || at < lo))
				continue;
			assert_true(k < part.n_hits);
			assert_ptr_equal(part.hits[k].field,
			    want->hits[i].field);
			assert_int_equal(part.hits[k].n_ranges,
			    want->hits[i].n_ranges);
			assert_memory_equal(part.hits[k].ranges,
			    want->hits[i].ranges, 2 * part.hits[k].n_ranges *
			    sizeof *part.hits[k].ranges);
			k++;
		}
		assert_int_equal(k, part.n_hits);
		search_result_fini(&part);
	}
	assert_ptr_equal(job.first, first);
	assert_int_equal(job.scanned_bytes, ix->folded_len);
	search_job_partial(&job, &part);
	expect_same_result(&part, want);
	search_result_fini(&part);
	search_job_fini(&job);
	return until;
}

/* A job knows the first match from its origin as soon as it has scanned
 * it, and its partial result is every hit of what it has scanned. */
static void
test_job_first(void **state)
{
	struct search_index ix;
	struct search_result want;
	struct doc *doc;
	size_t q, from, until;
	const char *queries[] = { "サイバー", "国際 連携", "経営層 人材",
	    "csirt", "ISAC 組織", "国債", "鯨" };

	(void)state;
	doc = big_doc(12);
	search_index_build(&ix, doc);
	for (q = 0; q < sizeof queries / sizeof queries[0]; q++) {
		if (search_run(&ix, queries[q], &want) != 0)
			fail_msg("search_run(\"%s\") failed", queries[q]);
		for (from = 0; from < ix.n_fields; from += 211) {
			until = expect_progress(&ix, queries[q], from, &want);
			/* A frequent word is found in the first slice. */
			if (q == 0)
				assert_int_equal(until, 0);
		}
		search_result_fini(&want);
	}
	search_index_fini(&ix);
	doc_free(&doc);
}

/* A match before the origin only is found after the scan wraps around. */
static void
test_job_wrap(void **state)
{
	struct fixture *fx = *state;
	struct search_job job;
	struct search_result res;
	const struct doc_node *n = find(fx->doc, "5.", NULL, NULL);
	const struct doc_node *want = find(fx->doc, "1.", "1.1", "(1)");
	size_t from = search_field_of(&fx->ix, n, SIZE_MAX), steps = 0;

	/* 経営層 is only in 1.1 (1), its title and its measure, long
	 * before 5. */
	assert_int_equal(search_job_start(&job, &fx->ix, "経営層", from), 0);
	while (job.first == NULL && !search_job_step(&job, 0))
		steps++;
	assert_non_null(job.first);
	assert_ptr_equal(job.first->node, want);
	/* Scanned: from 5. to the end, then from the start on. */
	assert_true(job.scanned_bytes > fx->ix.folded_len -
	    fx->ix.fields[from].fold_start);
	assert_int_equal(job.first->kind, SEARCH_TITLE);
	search_job_finish(&job, &res);
	assert_int_equal(res.n_hits, 2);
	assert_ptr_equal(res.hits[0].field->node, want);
	assert_ptr_equal(res.hits[1].field->node, want);
	search_result_fini(&res);
	search_job_fini(&job);

	/* From ※1's text (its entry starts at its term): CSIRT in the term
	 * comes first, then the measure of 2.2 (2) after the wrap; the result
	 * is in document order. */
	from = fx->ix.n_fields - 3;
	assert_ptr_equal(fx->ix.fields[from].text, fx->doc->footnotes[0].text);
	assert_int_equal(search_job_start(&job, &fx->ix, "CSIRT", from), 0);
	(void)search_job_step(&job, 0);
	assert_non_null(job.first);
	assert_int_equal(job.first->kind, SEARCH_FOOTNOTE);
	assert_ptr_equal(job.first->text, fx->doc->footnotes[0].term);
	search_job_finish(&job, &res);
	assert_int_equal(res.n_hits, 2);
	assert_int_equal(res.hits[0].field->kind, SEARCH_MEASURE);
	assert_int_equal(res.hits[1].field->kind, SEARCH_FOOTNOTE);
	search_result_fini(&res);
	search_job_fini(&job);
}

/* A query with no words starts no job. */
static void
test_job_empty(void **state)
{
	struct fixture *fx = *state;
	struct search_job job;
	struct search_result res;

	memset(&res, 0xff, sizeof res);
	assert_int_equal(search_job_start(&job, &fx->ix, " \xe3\x80\x80", 3),
	    -1);
	assert_true(job.done);
	assert_null(job.first);
	assert_int_equal(search_job_step(&job, 0), 1);
	search_job_partial(&job, &res);
	assert_int_equal(res.n_hits, 0);
	assert_null(res.hits);
	search_job_finish(&job, &res);
	assert_int_equal(res.n_hits, 0);
	search_job_fini(&job);
	search_job_fini(&job);		/* twice is fine */
}

/* Skip a test when Migemo or its dictionary is missing, saying why. */
static int
migemo_missing(void)
{
	if (!search_has_migemo()) {
		print_message("skipped: built without C/Migemo (no migemo.h)\n");
		return 1;
	}
	if (search_migemo_dict() == NULL) {
		print_message("skipped: no Migemo dictionary (install "
		    "cmigemo-common for /usr/share/cmigemo/utf-8/migemo-dict)\n");
		return 1;
	}
	return 0;
}

/* Assert that some range of res covers exactly want. */
static void
expect_some_range(const struct search_result *res, const char *want)
{
	size_t i, j, len = strlen(want);
	const struct search_hit *h;

	for (i = 0; i < res->n_hits; i++) {
		h = &res->hits[i];
		for (j = 0; j < h->n_ranges; j++)
			if (h->ranges[2 * j + 1] - h->ranges[2 * j] == len &&
			    memcmp(h->field->text + h->ranges[2 * j], want,
			    len) == 0)
				return;
	}
	fail_msg("no range covers \"%s\"", want);
}

/* Romaji finds kanji and kana through Migemo. */
static void
test_migemo(void **state)
{
	struct fixture *fx = *state;
	struct search_result res = { 0 }, lit = { 0 };

	if (migemo_missing())
		skip();
	assert_null(fx->ix.migemo);
	run(&fx->ix, "kokusai", &res);
	assert_non_null(fx->ix.migemo);
	assert_int_equal(fx->ix.migemo_failed, 0);
	expect_well_formed(&fx->ix, &res);
	expect_some_range(&res, "国際");
	run(&fx->ix, "国際", &lit);
	assert_int_equal(res.n_hits, lit.n_hits);
	search_result_fini(&lit);
	search_result_fini(&res);

	run(&fx->ix, "jouhou", &res);
	expect_some_range(&res, "情報");
	search_result_fini(&res);
	run(&fx->ix, "saiba", &res);
	expect_some_range(&res, "サイバ");
	run(&fx->ix, "サイバ", &lit);
	assert_int_equal(res.n_hits, lit.n_hits);
	search_result_fini(&lit);
	search_result_fini(&res);
	/* Upper case and full width are romaji too once folded. */
	run(&fx->ix, "ＪＯＵＨＯＵ", &res);
	expect_some_range(&res, "情報");
	search_result_fini(&res);

	/* Romaji mixes with other words: 国際 and 外務省 in one measure. */
	run(&fx->ix, "kokusai 外務省", &res);
	assert_int_equal(res.n_entries, 2);
	assert_ptr_equal(res.hits[0].field->node, find(fx->doc, "3.", "3.1",
	    "(2)"));
	search_result_fini(&res);

	/* Words with other characters are not romaji. */
	run(&fx->ix, "kokusai1", &res);
	assert_int_equal(res.n_hits, 0);
	search_result_fini(&res);

	/* Off: only the literal word. */
	fx->ix.romaji = 0;
	run(&fx->ix, "kokusai", &res);
	assert_int_equal(res.n_hits, 0);
	search_result_fini(&res);
}

/*
 * Migemo's dictionary held back: its path names a FIFO, so opening it
 * blocks until something writes it, and a load cannot end before the test
 * says.  The directory links Migemo's other files (read from the
 * dictionary's directory).  To let go, the path becomes a link to the
 * real dictionary and the real dictionary is written into the FIFO (a
 * second name keeps it): Migemo opens the dictionary twice, to tell its
 * character set from the first 4 KiB and then to read it, and both reads
 * get the real text whichever way it is done.
 */
struct held_dict {
	char		 dir[64];
	char		 path[128];	/* what Migemo is given */
	char		 fifo[128];	/* the FIFO's second name */
	char		 real[1024];
	pthread_t	 writer;
};

/* Make the directory and its links. */
static void
held_dict_init(struct held_dict *h)
{
	char from[1024], to[1280], link[256], *base;
	struct dirent *e;
	DIR *d;

	snprintf(h->dir, sizeof h->dir, "/tmp/shisaku-dict.XXXXXX");
	assert_non_null(mkdtemp(h->dir));
	snprintf(h->real, sizeof h->real, "%s", search_migemo_dict());
	snprintf(from, sizeof from, "%s", h->real);
	base = dirname(from);
	assert_non_null(d = opendir(base));
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || strcmp(e->d_name, "migemo-dict") ==
		    0)
			continue;
		assert_true((size_t)snprintf(link, sizeof link, "%s/%s",
		    h->dir, e->d_name) < sizeof link);
		assert_true((size_t)snprintf(to, sizeof to, "%s/%s", base,
		    e->d_name) < sizeof to);
		assert_int_equal(symlink(to, link), 0);
	}
	closedir(d);
	snprintf(h->path, sizeof h->path, "%s/migemo-dict", h->dir);
	snprintf(h->fifo, sizeof h->fifo, "%s/held", h->dir);
}

/* Hold the dictionary back: its path is a new FIFO. */
static void
held_dict_hold(struct held_dict *h)
{
	unlink(h->path);
	unlink(h->fifo);
	assert_int_equal(mkfifo(h->path, 0600), 0);
	assert_int_equal(link(h->path, h->fifo), 0);
}

/* The writer: the real dictionary into the FIFO, until the reader closes
 * it (SIGPIPE is ignored: the write then fails). */
static void *
held_dict_copy(void *arg)
{
	struct held_dict *h = arg;
	char buf[65536];
	size_t n;
	FILE *in = fopen(h->real, "rb");
	FILE *out = fopen(h->fifo, "wb");

	while (in != NULL && out != NULL && (n = fread(buf, 1, sizeof buf,
	    in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			break;
	if (in != NULL)
		fclose(in);
	if (out != NULL)
		fclose(out);
	return NULL;
}

/* Whether a thread of this process waits in openat for the FIFO's writer
 * (the load: no other thread opens files meanwhile). */
static int
held_dict_opening(void)
{
	char path[288], buf[64];
	struct dirent *e;
	DIR *d = opendir("/proc/self/task");
	FILE *f;
	int found = 0;

	while (d != NULL && !found && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "/proc/self/task/%s/syscall",
		    e->d_name);
		if ((f = fopen(path, "r")) == NULL)
			continue;
		if (fgets(buf, sizeof buf, f) != NULL &&
		    strtol(buf, NULL, 10) == SYS_openat && buf[0] != 'r')
			found = 1;
		fclose(f);
		/* And, where the kernel says, waiting for the FIFO's writer
		 * (not just looking up its path). */
		snprintf(path, sizeof path, "/proc/self/task/%s/wchan",
		    e->d_name);
		if (found && (f = fopen(path, "r")) != NULL) {
			if (fgets(buf, sizeof buf, f) != NULL &&
			    (buf[strcspn(buf, "\n")] = '\0') == '\0' &&
			    strcmp(buf, "0") != 0 && buf[0] != '\0' &&
			    strcmp(buf, "wait_for_partner") != 0 &&
			    strcmp(buf, "fifo_open") != 0)
				found = 0;
			fclose(f);
		}
	}
	if (d != NULL)
		closedir(d);
	return found;
}

/* Let the dictionary go, once the load waits on the FIFO: its path links
 * to (the real one, or a missing file), and a thread writes the real one
 * into the FIFO. */
static void
held_dict_release(struct held_dict *h, const char *to)
{
	struct timespec step = { 0, 1000000 };
	char tmp[160];
	int i;

	for (i = 0; i < 30000 && !held_dict_opening(); i++)
		nanosleep(&step, NULL);
	assert_true(held_dict_opening());

	snprintf(tmp, sizeof tmp, "%s/new", h->dir);
	assert_int_equal(symlink(to, tmp), 0);
	assert_int_equal(rename(tmp, h->path), 0);
	assert_int_equal(pthread_create(&h->writer, NULL, held_dict_copy, h),
	    0);
}

/* Remove the directory and everything in it. */
static void
held_dict_fini(struct held_dict *h)
{
	char path[sizeof h->dir + 256];
	struct dirent *e;
	DIR *d = opendir(h->dir);

	while (d != NULL && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", h->dir, e->d_name);
		unlink(path);
	}
	if (d != NULL)
		closedir(d);
	rmdir(h->dir);
}

/* Migemo runs on a thread: asking never waits longer than told, a query
 * without romaji never starts it, a pattern asked for is written there
 * once and kept (the last 16 words) unless typed past first, a search uses
 * it, an index freed while the dictionary loads leaves the thread to end
 * on its own, and without a dictionary nothing waits. */
static void
test_migemo_thread(void **state)
{
	struct fixture *fx = *state;
	struct search_result res = { 0 };
	struct search_index other;
	struct held_dict h, h2;
	char word[16];
	void *thread;
	int i;

	if (migemo_missing())
		skip();
	signal(SIGPIPE, SIG_IGN);
	alarm(120);		/* a wait that never ends fails the test */
	held_dict_init(&h);
	held_dict_hold(&h);
	fx->ix.migemo_dict = h.path;
	/* No word read as romaji: ready, and no thread starts. */
	assert_int_equal(search_romaji_ready(&fx->ix, "人材 育成", 0), 1);
	assert_int_equal(search_romaji_ready(&fx->ix, "ko 1kokusai", 0), 1);
	assert_null(fx->ix.migemo_thread);
	/* A romaji word: the thread starts, and its pattern is not there
	 * (nothing has written the FIFO), neither at once nor 5 ms later.
	 * kok, typed past, is dropped unwritten. */
	assert_int_equal(search_romaji_ready(&fx->ix, "kok", 0), 0);
	assert_int_equal(search_romaji_ready(&fx->ix, "人材 kokusai", 0), 0);
	assert_non_null(thread = fx->ix.migemo_thread);
	assert_int_equal(search_romaji_ready(&fx->ix, "kokusai", 5), 0);
	search_prepare_romaji(&fx->ix);
	assert_ptr_equal(fx->ix.migemo_thread, thread);	/* one thread */
	assert_null(fx->ix.migemo);
	/* Once the dictionary loads, the pattern asked for is written
	 * there, once; a search then uses it, and writes only the pattern
	 * of its other romaji word. */
	held_dict_release(&h, h.real);
	assert_int_equal(search_romaji_ready(&fx->ix, "kokusai", -1), 1);
	assert_int_equal(pthread_join(h.writer, NULL), 0);
	assert_non_null(fx->ix.migemo);
	assert_int_equal(fx->ix.migemo_queries, 1);
	run(&fx->ix, "kokusai", &res);
	expect_some_range(&res, "国際");
	search_result_fini(&res);
	assert_int_equal(fx->ix.migemo_queries, 1);
	run(&fx->ix, "kokusai gaimu", &res);
	expect_some_range(&res, "外務");
	search_result_fini(&res);
	assert_int_equal(fx->ix.migemo_queries, 2);
	assert_int_equal(search_romaji_ready(&fx->ix, "gaimu kokusai", 0), 1);
	/* The last 16 words are kept: 16 others later, kokusai is written
	 * again; and search_forget forgets them all. */
	for (i = 0; i < 16; i++) {
		snprintf(word, sizeof word, "kokusai%c", 'a' + i);
		assert_int_equal(search_romaji_ready(&fx->ix, word, -1), 1);
	}
	assert_int_equal(fx->ix.migemo_queries, 18);
	assert_int_equal(search_romaji_ready(&fx->ix, "kokusai", -1), 1);
	assert_int_equal(fx->ix.migemo_queries, 19);
	search_forget(&fx->ix);
	assert_int_equal(search_romaji_ready(&fx->ix, "kokusai", -1), 1);
	assert_int_equal(fx->ix.migemo_queries, 20);

	/* An index freed while its dictionary loads: freeing does not wait,
	 * and the thread, let go, ends on its own. */
	held_dict_hold(&h);
	search_index_build(&other, fx->doc);
	other.migemo_dict = h.path;
	assert_int_equal(search_romaji_ready(&other, "jouhou", 0), 0);
	search_index_fini(&other);
	assert_null(other.migemo_thread);
	held_dict_release(&h, h.real);
	assert_int_equal(pthread_join(h.writer, NULL), 0);

	/* A dictionary that fails to load, with a word waiting for it: the
	 * word is let go unwritten, and then nothing waits; words are
	 * searched as they are.  (A directory of its own: the thread let
	 * go above may still be opening the last one's.) */
	held_dict_init(&h2);
	held_dict_hold(&h2);
	search_index_build(&other, fx->doc);
	other.migemo_dict = h2.path;
	assert_int_equal(search_romaji_ready(&other, "kokusai", 0), 0);
	held_dict_release(&h2, "/nonexistent/migemo-dict");
	assert_int_equal(search_romaji_ready(&other, "kokusai", -1), 1);
	assert_int_equal(pthread_join(h2.writer, NULL), 0);
	assert_int_equal(other.migemo_failed, 1);
	assert_int_equal(search_romaji_ready(&other, "jouhou", 0), 1);
	run(&other, "kokusai", &res);
	assert_int_equal(res.n_hits, 0);
	search_result_fini(&res);
	assert_int_equal(other.migemo_queries, 0);
	search_index_fini(&other);
	held_dict_fini(&h2);
	held_dict_fini(&h);
	signal(SIGPIPE, SIG_DFL);
	alarm(0);
}

/* Dictionary entries holding metacharacters stay literal. */
static void
test_migemo_escape(void **state)
{
	struct search_result res = { 0 };
	struct search_index ix;
	struct doc *doc;

	(void)state;
	if (migemo_missing())
		skip();
	doc = load_inline("title: T\nnodes:\n  - number: \"1.\"\n"
	    "    title: 実効増倍率 k$_{eff}$ の評価\n    measures:\n"
	    "      - text: 会議で（笑）と書く\n        agencies: [NISC]\n"
	    "      - text: kabc\n        agencies: [NISC]\n"
	    "      - text: x y\n        agencies: [NISC]\n");
	search_index_build(&ix, doc);
	/* The dictionary gives k$_{eff}$: with the default escaping its
	 * pattern does not compile (a bad interval). */
	run(&ix, "jikkouzoubairitsu", &res);
	assert_int_equal(res.n_hits, 1);
	expect_some_range(&res, "実効増倍率");
	expect_some_range(&res, "k$_{eff}$");
	search_result_fini(&res);
	/* （笑）: the pattern's literals are folded as the text is. */
	run(&ix, "warai", &res);
	assert_int_equal(res.n_hits, 1);
	expect_some_range(&res, "（笑）");
	search_result_fini(&res);
	/* Two letters are too few to be read as romaji (their patterns list
	 * thousands of readings): "ka" finds only the literal kabc. */
	run(&ix, "ka", &res);
	assert_int_equal(res.n_hits, 1);
	assert_int_equal(res.hits[0].field->measure, 1);
	search_result_fini(&res);
	search_index_fini(&ix);
	doc_free(&doc);
}

/* Whether romaji literals go through Hyperscan here; if not, say why. */
static int
hyperscan_missing(void)
{
	if (migemo_missing())
		return 1;
	if (search_hyperscan_version() == NULL) {
		print_message("skipped: built without Hyperscan (no libhs), or"
		    " this CPU cannot run it\n");
		return 1;
	}
	return 0;
}

/* Assert that a and b hit the same fields and entries, and that every
 * range of b lies within one of a's. */
static void
expect_covering(const struct search_result *a, const struct search_result *b)
{
	const struct search_hit *ha, *hb;
	size_t i, j, k;

	assert_int_equal(a->n_hits, b->n_hits);
	assert_int_equal(a->n_entries, b->n_entries);
	for (i = 0; i < a->n_hits; i++) {
		ha = &a->hits[i];
		hb = &b->hits[i];
		assert_ptr_equal(ha->field, hb->field);
		for (j = 0; j < hb->n_ranges; j++) {
			for (k = 0; k < ha->n_ranges; k++)
				if (ha->ranges[2 * k] <= hb->ranges[2 * j] &&
				    hb->ranges[2 * j + 1] <= ha->ranges[2 * k +
				    1])
					break;
			assert_true(k < ha->n_ranges);
		}
	}
}

/* Texts whose romaji readings end together: 他人 and 人 (hito), 菜蕗 and
 * 蕗 (fuki), 幸展 and 展 (hiro). */
static const char *const hs_texts[] = {
	"他人の人と義母の母、国際連携の国と人材",
	"人と他人、母と義母、菜蕗と蕗、情報共有",
	"広い展示と幸展、国を越える人材育成",
};

/* A document of n measures of hs_texts, each text ten times. */
static struct doc *
hs_doc(size_t n)
{
	struct buf b = { 0 };
	struct doc *doc;
	size_t i, k;

	buf_adds(&b, "title: T\nnodes:\n  - number: \"1.\"\n"
	    "    title: 他人の人\n    measures:\n");
	for (i = 0; i < n; i++) {
		buf_adds(&b, "      - text: ");
		for (k = 0; k < 10; k++)
			buf_adds(&b, hs_texts[(i + k) % 3]);
		buf_printf(&b, "\n        agencies: [%s]\n",
		    i % 2 ? "外務省" : "NISC");
	}
	doc = load_inline(b.data);
	buf_fini(&b);
	return doc;
}

/*
 * Romaji literals scanned all at once by Hyperscan (on a document large
 * enough for it to pay: 2 MB of folded text) find exactly what one scan
 * per literal finds (words of at most 64 literals, whose matches that end
 * together Hyperscan reports out of order), and the same fields as ICU's
 * pattern for bigger words, marking at least its ranges; jobs in slices,
 * which scan literal by literal until Hyperscan is ready, find the same.
 */
static void
test_hyperscan(void **state)
{
	static const char *const few[] = { "hito", "fuki", "hiro",
	    "hito kokusai" };
	static const char *const many[] = { "kok", "shi", "kok 省",
	    "jin" };
	static const char *const jobs[] = { "hito", "kok 省" };
	static const char *const more[] = { "kou", "chi", "sei", "ten",
	    "jou", "you", "tai", "kan" };
	struct search_result hs, other;
	struct search_index ix;
	struct search_job job;
	struct doc *doc;
	size_t q, b;

	(void)state;
	if (hyperscan_missing())
		skip();
	doc = hs_doc(4000);
	search_index_build(&ix, doc);
	assert_true(ix.folded_len > 2 * 1024 * 1024);
	assert_int_equal(ix.hyperscan, 1);
	/* Hyperscan scans every byte of a word searched to the end. */
	for (q = 0; q < sizeof few / sizeof few[0]; q++) {
		ix.hyperscan = 1;
		assert_int_equal(search_job_start(&job, &ix, few[q], 0), 0);
		search_job_finish(&job, &hs);
		assert_int_equal(job.hs_bytes, ix.folded_len);
		search_result_fini(&hs);
		search_job_fini(&job);
		ix.hyperscan = 0;
		assert_int_equal(search_job_start(&job, &ix, few[q], 0), 0);
		search_job_finish(&job, &hs);
		assert_int_equal(job.hs_bytes, 0);
		search_result_fini(&hs);
		search_job_fini(&job);
		ix.hyperscan = 1;
		run(&ix, few[q], &hs);
		ix.hyperscan = 0;
		run(&ix, few[q], &other);
		assert_true(hs.n_hits > 0);
		expect_well_formed(&ix, &hs);
		expect_same_result(&hs, &other);
		search_result_fini(&hs);
		search_result_fini(&other);
	}
	for (q = 0; q < sizeof many / sizeof many[0]; q++) {
		ix.hyperscan = 1;
		run(&ix, many[q], &hs);
		ix.hyperscan = 0;
		run(&ix, many[q], &other);
		assert_true(hs.n_hits > 0);
		expect_well_formed(&ix, &hs);
		expect_covering(&hs, &other);
		search_result_fini(&hs);
		search_result_fini(&other);
	}
	/* Jobs in slices, each started with nothing compiled: one scan per
	 * literal until Hyperscan is ready, then Hyperscan. */
	ix.hyperscan = 1;
	for (q = 0; q < sizeof jobs / sizeof jobs[0]; q++) {
		run(&ix, jobs[q], &hs);
		for (b = 0; b < 4; b++) {
			search_forget(&ix);
			expect_job(&ix, jobs[q], b % 2 ? ix.n_fields / 2 : 0,
			    b < 2 ? 0 : 1000, &hs);
		}
		search_result_fini(&hs);
	}
	/* A word searched again takes its compiled literals from the index:
	 * ready before the job's first slice (one that covers everything). */
	for (q = 0; q < 2; q++) {
		run(&ix, few[q], &hs);
		search_result_fini(&hs);
		assert_int_equal(search_job_start(&job, &ix, few[q], 0), 0);
		while (!search_job_step(&job, SIZE_MAX))
			;
		assert_int_equal(job.hs_bytes, ix.folded_len);
		search_job_finish(&job, &hs);
		expect_well_formed(&ix, &hs);
		search_result_fini(&hs);
		search_job_fini(&job);
	}
	/* The index keeps eight words: eight more push hito out, and it is
	 * compiled again, to the same result. */
	for (q = 0; q < sizeof more / sizeof more[0]; q++) {
		run(&ix, more[q], &hs);
		expect_well_formed(&ix, &hs);
		search_result_fini(&hs);
	}
	run(&ix, "hito", &hs);
	ix.hyperscan = 0;
	run(&ix, "hito", &other);
	expect_same_result(&hs, &other);
	search_result_fini(&hs);
	/* Forgotten, the words compile again, on a new thread. */
	assert_non_null(ix.hs_worker);
	search_forget(&ix);
	assert_null(ix.hs_worker);
	ix.hyperscan = 1;
	run(&ix, "hito", &hs);
	assert_non_null(ix.hs_worker);
	expect_same_result(&hs, &other);
	search_result_fini(&hs);
	search_result_fini(&other);
	search_index_fini(&ix);
	doc_free(&doc);
}

/* Romaji jobs in slices: the literals (kokusai) and ICU (kok, kokus), on
 * documents too small for Hyperscan to pay. */
static void
test_job_romaji(void **state)
{
	struct fixture *fx = *state;
	struct search_index ix;
	struct search_result want;
	struct doc *doc;
	const char *queries[] = { "kok", "kokus", "kokusai", "saiba",
	    "kok 省", "jouhou kyouyuu" };
	size_t q, from;

	if (migemo_missing())
		skip();
	expect_jobs(&fx->ix, queries, sizeof queries / sizeof queries[0], 5);
	doc = big_doc(12);
	search_index_build(&ix, doc);
	expect_jobs(&ix, queries, sizeof queries / sizeof queries[0], 397);
	for (q = 0; q < sizeof queries / sizeof queries[0]; q++) {
		if (search_run(&ix, queries[q], &want) != 0)
			fail_msg("search_run(\"%s\") failed", queries[q]);
		for (from = 0; from < ix.n_fields; from += 997)
			(void)expect_progress(&ix, queries[q], from, &want);
		search_result_fini(&want);
	}
	search_index_fini(&ix);
	doc_free(&doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_fields, setup_index,
		    teardown_index),
		cmocka_unit_test_setup_teardown(test_kana_width, setup_index,
		    teardown_index),
		cmocka_unit_test_setup_teardown(test_case_width, setup_index,
		    teardown_index),
		cmocka_unit_test_setup_teardown(test_multi_word, setup_index,
		    teardown_index),
		cmocka_unit_test_setup_teardown(test_empty, setup_index,
		    teardown_index),
		cmocka_unit_test_setup_teardown(test_footnotes_agencies,
		    setup_index, teardown_index),
		cmocka_unit_test_setup_teardown(test_order, setup_index,
		    teardown_index),
		cmocka_unit_test_setup_teardown(test_metachars, setup_index,
		    teardown_index),
		cmocka_unit_test_setup_teardown(test_migemo, setup_index,
		    teardown_index),
		cmocka_unit_test_setup_teardown(test_migemo_thread,
		    setup_index, teardown_index),
		cmocka_unit_test(test_migemo_escape),
		cmocka_unit_test(test_hyperscan),
		cmocka_unit_test_setup_teardown(test_field_of, setup_index,
		    teardown_index),
		cmocka_unit_test_setup_teardown(test_job_same_as_run,
		    setup_index, teardown_index),
		cmocka_unit_test(test_job_first),
		cmocka_unit_test_setup_teardown(test_job_wrap, setup_index,
		    teardown_index),
		cmocka_unit_test_setup_teardown(test_job_empty, setup_index,
		    teardown_index),
		cmocka_unit_test_setup_teardown(test_job_romaji, setup_index,
		    teardown_index),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
