/*
 * test_search_load: the index built while a document loads (search_load_file,
 * search_load_data: folded from the loader's listener as it reads)
 * is the index search_index_build makes after loading, byte for byte, in
 * the schema's order of keys and in any other; a failed load leaves nothing
 * behind; the listener hears every indexed text once, in the order read.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "model/buf.h"
#include "model/doc.h"
#include "model/fold.h"
#include "model/search.h"
#include "tests/util.h"

/* Fail unless a (loaded as it was indexed) and b (built after) agree. */
static void
assert_same_index(const struct search_index *a, const struct search_index *b)
{
	size_t i, starts;

	assert_int_equal(a->n_fields, b->n_fields);
	assert_int_equal(a->n_entries, b->n_entries);
	assert_int_equal(a->n_segs, b->n_segs);
	assert_int_equal(a->folded_len, b->folded_len);
	assert_int_equal(a->romaji, b->romaji);
	for (i = 0; i < a->n_fields; i++) {
		const struct search_field *x = &a->fields[i], *y = &b->fields[i];

		assert_int_equal(x->kind, y->kind);
		assert_ptr_equal(x->node, y->node);
		assert_int_equal(x->measure, y->measure);
		assert_int_equal(x->footnote, y->footnote);
		assert_ptr_equal(x->text, y->text);
		assert_int_equal(x->entry, y->entry);
		assert_int_equal(x->fold_start, y->fold_start);
		assert_int_equal(x->fold_len, y->fold_len);
		assert_int_equal(x->seg_start, y->seg_start);
		assert_int_equal(x->n_segs, y->n_segs);
	}
	/* The folded text, its NULs and the fields' starts after it. */
	starts = ((a->folded_len + 4) & ~(size_t)3) + 4 * a->n_fields;
	assert_memory_equal(a->folded, b->folded, starts);
	if (a->n_segs > 0)
		assert_memory_equal(a->segs, b->segs,
		    a->n_segs * sizeof *a->segs);
}

/* Load text both ways and compare; return the number of fields. */
static size_t
check_both_ways(const char *text)
{
	struct search_index a, b;
	struct doc_error err;
	struct doc *doc;
	size_t n;

	if (search_load_data(&a, "t.yaml", text, strlen(text), &doc,
	    &err) != 0)
		fail_msg("%s:%lu:%lu: %s", err.file, err.line, err.col,
		    err.message);
	assert_ptr_equal(a.doc, doc);
	search_index_build(&b, doc);
	assert_same_index(&a, &b);
	n = a.n_fields;
	search_index_fini(&a);
	search_index_fini(&b);
	doc_free(&doc);
	return n;
}

/* The real document, from its file. */
static void
test_real_document(void **state)
{
	struct search_index a, b;
	struct search_result res;
	struct doc_error err;
	struct doc *doc;

	(void)state;
	assert_int_equal(search_load_file(&a, REAL_DOC, &doc, &err), 0);
	search_index_build(&b, doc);
	assert_same_index(&a, &b);
	/* And it searches: ※1's term is CSIRT. */
	assert_int_equal(search_run(&a, "csirt", &res), 0);
	assert_true(res.n_hits > 0);
	search_result_fini(&res);
	search_index_fini(&a);
	search_index_fini(&b);
	doc_free(&doc);
}

/* A document in the schema's order of keys, with every kind of field, names
 * repeated (interned), texts that fold (full-width, katakana, combining
 * marks) and a footnote with and without a term. */
static const char ordered_doc[] =
    "title: T\n"
    "nodes:\n"
    "  - number: \"1.\"\n"
    "    title: サイバーセキュリティ\n"
    "    agencies: [総務省, 経済産業省]\n"
    "    measures:\n"
    "      - text: ＩＣＴの利活用※1\n"
    "        agencies: [総務省]\n"
    "      - text: \"ｶﾞｲﾄﾞﾗｲﾝ e\\u0301\"\n"
    "    children:\n"
    "      - number: \"1.1\"\n"
    "        title: 人材育成\n"
    "        measures:\n"
    "          - text: 演習※2\n"
    "            agencies: [総務省, 文部科学省]\n"
    "footnotes:\n"
    "  - mark: ※1\n"
    "    term: ICT\n"
    "    text: 情報通信技術\n"
    "  - mark: ※2\n"
    "    text: 訓練\n";

/* Keys in the schema's order: the index folded as read is used. */
static void
test_ordered(void **state)
{
	(void)state;
	assert_int_equal(check_both_ways(ordered_doc), 13);
}

/* Keys in other orders (children before measures, agencies before the
 * title, a measure's names before its text, footnotes before nodes, a
 * term after its text): the index is still the document-order one. */
static void
test_reordered(void **state)
{
	static const char text[] =
	    "footnotes:\n"
	    "  - text: 情報通信技術\n"
	    "    mark: ※1\n"
	    "    term: ICT\n"
	    "title: T\n"
	    "nodes:\n"
	    "  - number: \"1.\"\n"
	    "    children:\n"
	    "      - title: 人材育成\n"
	    "        number: \"1.1\"\n"
	    "        measures:\n"
	    "          - agencies: [総務省, 文部科学省]\n"
	    "            text: 演習※1\n"
	    "    agencies: [総務省, 経済産業省]\n"
	    "    title: サイバーセキュリティ\n"
	    "    measures:\n"
	    "      - text: ＩＣＴの利活用\n"
	    "        agencies: [総務省]\n";

	(void)state;
	assert_int_equal(check_both_ways(text), 11);
}

/* A document of more than a megabyte, parsed on a thread of its own while
 * the texts are folded (model/load.c). */
static void
test_large(void **state)
{
	struct buf b = { 0 };
	size_t i;

	(void)state;
	buf_adds(&b, "title: T\nnodes:\n");
	for (i = 0; i < 3000; i++) {
		buf_printf(&b, "  - number: \"%zu.\"\n    title: 第%zu章カタカナ\n"
		    "    measures:\n", i + 1, i + 1);
		buf_adds(&b, "      - text: ＡＢＣの推進\n"
		    "        agencies: [総務省, 経済産業省, 内閣官房]\n"
		    "      - text: ｻｲﾊﾞｰ攻撃への対処\n"
		    "        agencies: [警察庁]\n"
		    "      - text: 情報共有\n"
		    "        agencies: [総務省, 防衛省]\n"
		    "      - text: 人材の育成\n"
		    "        agencies: [文部科学省, 総務省, 経済産業省]\n");
	}
	assert_true(b.len > 1024 * 1024);
	assert_true(check_both_ways(b.data) > 3000 * 13 - 1);
	buf_fini(&b);
}

/* A load that fails after many texts were told: -1, the loader's message,
 * nothing left (the sanitizers see leaks and late reads). */
static void
test_failed_load(void **state)
{
	struct buf b = { 0 };
	struct search_index ix;
	struct doc_error err;
	struct doc *doc;
	size_t i;

	(void)state;
	buf_adds(&b, "title: T\nnodes:\n");
	for (i = 0; i < 3000; i++)
		buf_printf(&b, "  - number: \"%zu.\"\n    title: 題%zu\n"
		    "    agencies: [総務省]\n", i + 1, i + 1);
	buf_adds(&b, "  - number: \"1.\"\n    title: 重複\n");
	assert_int_equal(search_load_data(&ix, "bad.yaml", b.data, b.len, &doc,
	    &err), -1);
	assert_null(doc);
	assert_int_equal(err.kind, DOC_EDATA);
	assert_string_equal(err.file, "bad.yaml");
	assert_int_equal(err.line, 9003);
	assert_null(ix.fields);
	assert_null(ix.folded);
	assert_int_equal(ix.n_fields, 0);
	buf_fini(&b);
	/* And a file that is not there. */
	assert_int_equal(search_load_file(&ix, "tests/data/no-such-file.yaml",
	    &doc, &err), -1);
	assert_int_equal(err.kind, DOC_EIO);
	assert_null(ix.fields);
}

/* Note a text a listener hears: its kind letter, the text, a newline. */
static void
heard_text(void *arg, enum doc_text kind, const char *text)
{
	buf_printf(arg, "%c %s\n", "TNMFX"[kind], text);
}

/* The listener hears each indexed text once, in the order of the file;
 * not the numbers, marks or tags. */
static void
test_listener(void **state)
{
	static const char text[] =
	    "title: T\n"
	    "nodes:\n"
	    "  - number: \"1.\"\n"
	    "    agency_tag: 総務省ほか\n"
	    "    agencies: [総務省]\n"
	    "    title: 題\n"
	    "    measures:\n"
	    "      - agencies: [警察庁, 総務省]\n"
	    "        text: 施策※1\n"
	    "footnotes:\n"
	    "  - mark: ※1\n"
	    "    text: 定義\n"
	    "    term: 用語\n";
	struct buf h = { 0 };
	struct doc_listener l = { heard_text, &h };
	struct doc_error err;
	struct doc *doc;

	(void)state;
	assert_int_equal(doc_load_listen("t.yaml", text, strlen(text), &l,
	    &doc, &err), 0);
	assert_string_equal(h.data, "N 総務省\nT 題\nN 警察庁\nN 総務省\n"
	    "M 施策※1\nX 定義\nF 用語\n");
	doc_free(&doc);
	buf_fini(&h);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_real_document),
		cmocka_unit_test(test_ordered),
		cmocka_unit_test(test_reordered),
		cmocka_unit_test(test_large),
		cmocka_unit_test(test_failed_load),
		cmocka_unit_test(test_listener),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
