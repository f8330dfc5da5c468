/*
 * test_csv: RFC 4180 quoting of fields, the visible notation of control
 * characters in document text, and the --dump and --search tables written
 * whole for a small document (parsed back by tests/t_agency.sh with
 * Python's csv module).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/search.h"
#include "src/csv.h"

/* Write s[0..len) as a raw field and compare with want. */
static void
expect_field(const char *s, size_t len, const char *want)
{
	struct buf b = { 0 };

	csv_add_field(&b, s, len);
	assert_string_equal(b.data != NULL ? b.data : "", want);
	buf_fini(&b);
}

/* Write s as a text field and compare with want. */
static void
expect_text(const char *s, const char *want)
{
	struct buf b = { 0 };

	csv_add_text(&b, s);
	assert_string_equal(b.data != NULL ? b.data : "", want);
	buf_fini(&b);
}

/* Fields are quoted only when they must be; quotes inside are doubled. */
static void
test_quoting(void **state)
{
	(void)state;
	expect_field("", 0, "");
	expect_field("plain", 5, "plain");
	expect_field("総務省", strlen("総務省"), "総務省");
	expect_field("a,b", 3, "\"a,b\"");
	expect_field("say \"hi\"", 8, "\"say \"\"hi\"\"\"");
	expect_field("\"", 1, "\"\"\"\"");
	expect_field("a\r\nb", 4, "\"a\r\nb\"");
	expect_field("a\nb", 3, "\"a\nb\"");
	expect_field("a\rb", 3, "\"a\rb\"");
	/* Spaces and the Japanese comma are data, not separators. */
	expect_field(" a 、b ", strlen(" a 、b "), " a 、b ");
	/* Only len bytes are taken. */
	expect_field("ab,c", 2, "ab");
}

/* Text fields quote like fields. */
static void
test_text_quoting(void **state)
{
	(void)state;
	expect_text("", "");
	expect_text("サイバーセキュリティ※1", "サイバーセキュリティ※1");
	expect_text("官民の連携による、経営層", "官民の連携による、経営層");
	expect_text("A, B", "\"A, B\"");
	expect_text("「\"引用\"」", "\"「\"\"引用\"\"」\"");
	expect_text("\"", "\"\"\"\"");
}

/* Control characters never reach the output raw. */
static void
test_controls(void **state)
{
	(void)state;
	expect_text("\x1b[2J", "^[[2J");
	expect_text("a\tb", "a^Ib");
	expect_text("a\nb", "a^Jb");
	expect_text("a\r\nb", "a^M^Jb");
	expect_text("\x01\x07\x7f", "^A^G^?");
	expect_text("x\xc2\x85y\xc2\x9b", "x<U+0085>y<U+009B>");
	expect_text("x\xe2\x80\xaey", "x<U+202E>y");
	expect_text("\xe2\x80\xa8\xe2\x80\xa9", "<U+2028><U+2029>");
	expect_text("\xe2\x81\xa6\xd8\x9c\xe2\x80\x8f", "<U+2066><U+061C><U+200F>");
	/* With a comma too: quoted, and still no control. */
	expect_text("a,\x1b", "\"a,^[\"");
	/* An invalid byte (never in a loaded doc) is shown as hex. */
	expect_text("a\xff" "b", "a<FF>b");
	expect_text("\xe3\x81", "<E3><81>");
}

/* Everything that is not a control is kept byte for byte. */
static void
test_kept(void **state)
{
	(void)state;
	/* A variation selector, ZWJ, an ideographic space, full width. */
	expect_text("葛\xf3\xa0\x84\x80", "葛\xf3\xa0\x84\x80");
	expect_text("a\xe2\x80\x8d" "b", "a\xe2\x80\x8d" "b");
	expect_text("Ａ　Ｂ", "Ａ　Ｂ");
	expect_text("2. › 2.2 › (2)", "2. › 2.2 › (2)");
}

/* Rows end in CR LF. */
static void
test_row(void **state)
{
	struct buf b = { 0 };

	(void)state;
	csv_add_text(&b, "a");
	buf_addc(&b, ',');
	csv_add_text(&b, "b,c");
	csv_end_row(&b);
	assert_string_equal(b.data, "a,\"b,c\"\r\n");
	buf_fini(&b);
	assert_int_equal(strlen(CSV_BOM), 3);
	assert_memory_equal(CSV_BOM, "\xef\xbb\xbf", 3);
}

static const char small_yaml[] =
    "title: T\nnodes:\n"
    "  - number: \"1.\"\n    title: \"見出し, \\\"引用\\\"\"\n"
    "    agencies: [NISC]\n"
    "    children:\n"
    "      - number: \"1.1\"\n        title: \"子\\e[31m\"\n"
    "        measures:\n"
    "          - text: \"施策一、その一\"\n"
    "            agencies: [総務省, 経済産業省]\n"
    "            agency_tag: 総務省及び経済産業省\n"
    "          - text: \"施策二\\tタブ\"\n"
    "            agencies: [\"A, Inc.\"]\n"
    "          - text: 施策三※1\n"
    "footnotes:\n  - {mark: ※1, term: CSIRT, text: \"定義, です\"}\n";

/* Write with f into a string (caller frees). */
static char *
capture(void (*f)(struct out *, void *), void *arg)
{
	struct out o;
	FILE *fp;
	char *text = NULL;
	size_t len = 0;

	fp = open_memstream(&text, &len);
	assert_non_null(fp);
	out_init(&o, fp);
	f(&o, arg);
	assert_int_equal(out_fini(&o), 0);
	fclose(fp);
	return text;
}

/* Call csv_write_doc for capture. */
static void
write_doc(struct out *o, void *arg)
{
	csv_write_doc(o, arg);
}

/* The --dump table: one row per measure, path and names joined. */
static void
test_doc(void **state)
{
	struct doc_error err;
	struct doc *doc;
	char *text;

	(void)state;
	assert_int_equal(doc_load("t.yaml", small_yaml, sizeof small_yaml - 1,
	    &doc, &err), 0);
	text = capture(write_doc, doc);
	assert_string_equal(text,
	    "path,index,title,text,organisations\r\n"
	    "1. › 1.1,0,子^[[31m,施策一、その一,総務省、経済産業省\r\n"
	    "1. › 1.1,1,子^[[31m,施策二^Iタブ,\"A, Inc.\"\r\n"
	    "1. › 1.1,2,子^[[31m,施策三※1,\r\n");
	free(text);
	doc_free(&doc);
}

struct hits_arg {
	struct search_index	*ix;
	struct search_result	*res;
};

/* Call csv_write_hits for capture. */
static void
write_hits(struct out *o, void *arg)
{
	struct hits_arg *h = arg;

	csv_write_hits(o, h->ix, h->res);
}

/* The --search table: one row per hit, as the JSON form. */
static void
test_hits(void **state)
{
	struct doc_error err;
	struct search_index ix;
	struct search_result res = { 0 };
	struct hits_arg h = { &ix, &res };
	struct doc *doc;
	char *text;

	(void)state;
	assert_int_equal(doc_load("t.yaml", small_yaml, sizeof small_yaml - 1,
	    &doc, &err), 0);
	search_index_build(&ix, doc);
	ix.romaji = 0;
	assert_int_equal(search_run(&ix, "引用", &res), 0);
	text = capture(write_hits, &h);
	assert_string_equal(text, "path,kind,index,mark,text\r\n"
	    "1.,title,,,\"見出し, \"\"引用\"\"\"\r\n");
	free(text);
	search_result_fini(&res);

	assert_int_equal(search_run(&ix, "csirt", &res), 0);
	text = capture(write_hits, &h);
	assert_string_equal(text, "path,kind,index,mark,text\r\n"
	    ",footnote,,※1,CSIRT\r\n");
	free(text);
	search_result_fini(&res);

	assert_int_equal(search_run(&ix, "nisc", &res), 0);
	text = capture(write_hits, &h);
	assert_string_equal(text, "path,kind,index,mark,text\r\n"
	    "1.,agency,,,NISC\r\n");
	free(text);
	search_result_fini(&res);
	search_index_fini(&ix);
	doc_free(&doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_text_quoting),
		cmocka_unit_test(test_controls),
		cmocka_unit_test(test_kept),
		cmocka_unit_test(test_row),
		cmocka_unit_test(test_doc),
		cmocka_unit_test(test_hits),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
