/*
 * test_json: JSON string escaping, and the document writer on a small
 * document (parsed back by the shell test with a real JSON parser).
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

#include "src/json.h"

/* Escape s and compare with want. */
static void
expect_json(const char *s, const char *want)
{
	struct buf b = { 0 };

	json_add_string(&b, s);
	assert_string_equal(b.data, want);
	buf_fini(&b);
}

/* Plain Japanese passes through; quote and backslash are escaped. */
static void
test_plain(void **state)
{
	(void)state;
	expect_json("", "\"\"");
	expect_json("サイバーセキュリティ※1", "\"サイバーセキュリティ※1\"");
	expect_json("a\"b\\c/d", "\"a\\\"b\\\\c/d\"");
}

/* Every control character is escaped: C0, DEL, C1. */
static void
test_controls(void **state)
{
	(void)state;
	expect_json("\n\t\r", "\"\\n\\t\\r\"");
	expect_json("\x1b[2J", "\"\\u001b[2J\"");
	expect_json("\x01\x1f\x7f", "\"\\u0001\\u001f\\u007f\"");
	expect_json("a\xc2\x85" "b\xc2\x9b", "\"a\\u0085b\\u009b\"");
	expect_json("\x07\x08\x0c", "\"\\u0007\\u0008\\u000c\"");
}

/* Line separators and bidi controls are escaped too. */
static void
test_unicode_controls(void **state)
{
	(void)state;
	expect_json("\xe2\x80\xa8\xe2\x80\xa9", "\"\\u2028\\u2029\"");
	expect_json("x\xe2\x80\xaey", "\"x\\u202ey\"");
	expect_json("\xe2\x81\xa6\xe2\x81\xa9\xe2\x80\x8f\xd8\x9c",
	    "\"\\u2066\\u2069\\u200f\\u061c\"");
	/* Characters beside them are kept as they are. */
	expect_json("\xe2\x80\xbb\xe2\x80\xa6", "\"※…\"");
}

/* An invalid byte (never in a loaded doc) becomes U+FFFD, not raw. */
static void
test_invalid(void **state)
{
	(void)state;
	expect_json("a\xff" "b", "\"a\\ufffdb\"");
	expect_json("\xe3\x81", "\"\\ufffd\"");
}

/* A small document written whole, with nulls and citations. */
static void
test_doc(void **state)
{
	static const char yaml[] =
	    "title: T\nnodes:\n  - number: \"1.\"\n    title: A※1\n"
	    "    measures:\n      - text: \"x\\ey\"\n        agencies: [NISC]\n"
	    "footnotes:\n  - {mark: ※1, text: def}\n";
	struct doc_error err;
	struct doc *doc;
	struct out o;
	FILE *fp;
	char *text = NULL;
	size_t len = 0;

	(void)state;
	assert_int_equal(doc_load("t.yaml", yaml, sizeof yaml - 1, &doc, &err),
	    0);
	fp = open_memstream(&text, &len);
	out_init(&o, fp);
	json_write_doc(&o, doc);
	assert_int_equal(out_fini(&o), 0);
	fclose(fp);
	assert_non_null(strstr(text, "\"document_number\": null"));
	assert_non_null(strstr(text, "{\"number\": \"1.\", \"title\": \"A※1\", "
	    "\"agencies\": [], \"agency_tag\": null, \"footnotes\": [\"※1\"]"));
	assert_non_null(strstr(text, "{\"text\": \"x\\u001by\", \"agencies\": "
	    "[\"NISC\"], \"agency_tag\": null, \"footnotes\": []}"));
	assert_non_null(strstr(text, "{\"mark\": \"※1\", \"term\": null, "
	    "\"text\": \"def\", \"cited_by\": [[\"1.\"]], \"citations\": "
	    "[{\"path\": [\"1.\"], \"measure\": null}]}"));
	assert_null(strchr(text, '\x1b'));
	free(text);
	doc_free(&doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_controls),
		cmocka_unit_test(test_unicode_controls),
		cmocka_unit_test(test_invalid),
		cmocka_unit_test(test_doc),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
