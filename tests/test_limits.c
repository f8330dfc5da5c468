/*
 * test_limits: every limit of model/doc.h, at small values.  This binary is
 * built with its own copy of model/load.c compiled with the limits lowered
 * (mk/limits.mk), so each can be reached by a document of a few lines: a
 * document at a limit loads, one past it is refused with a message naming
 * the place of the first thing too many.  tests/t_hostile.sh tries the
 * cheap limits at their real values.
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
#include <unistd.h>

#include "model/buf.h"
#include "model/doc.h"

/* Load text that must load; fail the test with the message otherwise. */
static struct doc *
load_good(const char *text)
{
	struct doc_error err;
	struct doc *doc;

	if (doc_load("t.yaml", text, strlen(text), &doc, &err) != 0)
		fail_msg("%lu:%lu: %s", err.line, err.col, err.message);
	return doc;
}

/* Load text that must fail at line:col with a message holding what. */
static void
expect_error(const char *text, unsigned long line, unsigned long col,
    const char *what)
{
	struct doc_error err;
	struct doc *doc;

	assert_int_equal(doc_load("t.yaml", text, strlen(text), &doc, &err),
	    -1);
	assert_null(doc);
	assert_int_equal(err.kind, DOC_EDATA);
	if (strstr(err.message, what) == NULL)
		fail_msg("message '%s' lacks '%s'", err.message, what);
	assert_int_equal(err.line, line);
	assert_int_equal(err.col, col);
}

/* The limits this binary is built with (mk/limits.mk). */
static void
test_values(void **state)
{
	(void)state;
	assert_int_equal(DOC_MAX_TEXT_BYTES, 64);
	assert_int_equal(DOC_MAX_NODES, 10);
	assert_int_equal(DOC_MAX_MEASURES, 10);
	assert_int_equal(DOC_MAX_NAMES, 12);
	assert_int_equal(DOC_MAX_LIST_NAMES, 4);
	assert_int_equal(DOC_MAX_FOOTNOTES, 3);
	assert_int_equal(DOC_MAX_FILE_BYTES, 4096);
}

/* One scalar: 64 bytes load; 65 do not, in a value or in a key. */
static void
test_text(void **state)
{
	struct buf b = { 0 };
	struct doc *doc;

	(void)state;
	buf_printf(&b, "title: %s\nnodes:\n  - {number: \"1\", title: x}\n",
	    "0123456789012345678901234567890123456789012345678901234567890123");
	doc = load_good(b.data);
	assert_int_equal(strlen(doc->title), 64);
	doc_free(&doc);
	buf_clear(&b);
	/* 22 characters of 3 bytes. */
	buf_printf(&b, "title: t\nnodes:\n  - number: \"1\"\n    title: %s\n",
	    "ああああああああああああああああああああああ");
	expect_error(b.data, 4, 12, "text of 66 bytes is longer than 64"
	    " bytes, the most one text may hold");
	buf_clear(&b);
	buf_printf(&b, "title: t\nk%s: x\nnodes: []\n",
	    "0123456789012345678901234567890123456789012345678901234567890123");
	expect_error(b.data, 2, 1, "text of 65 bytes is longer than 64 bytes");
	buf_fini(&b);
}

/* Nodes are counted at every depth: 10 load, the 11th is refused. */
static void
test_nodes(void **state)
{
	struct doc *doc;

	(void)state;
	doc = load_good("title: t\nnodes:\n"
	    "  - number: \"1\"\n    title: x\n    children:\n"
	    "      - {number: a, title: x}\n      - {number: b, title: x}\n"
	    "      - {number: c, title: x}\n"
	    "  - {number: \"2\", title: x}\n  - {number: \"3\", title: x}\n"
	    "  - {number: \"4\", title: x}\n  - {number: \"5\", title: x}\n"
	    "  - {number: \"6\", title: x}\n  - {number: \"7\", title: x}\n");
	assert_int_equal(doc->total_nodes, 10);
	doc_free(&doc);
	expect_error("title: t\nnodes:\n"
	    "  - number: \"1\"\n    title: x\n    children:\n"
	    "      - {number: a, title: x}\n      - {number: b, title: x}\n"
	    "      - {number: c, title: x}\n"
	    "  - {number: \"2\", title: x}\n  - {number: \"3\", title: x}\n"
	    "  - {number: \"4\", title: x}\n  - {number: \"5\", title: x}\n"
	    "  - {number: \"6\", title: x}\n  - {number: \"7\", title: x}\n"
	    "  - {number: \"8\", title: x}\n", 15, 5,
	    "more than 10 nodes, the most a document may hold");
}

/* Measures are counted over the whole document. */
static void
test_measures(void **state)
{
	static const char *const ten =
	    "title: t\nnodes:\n"
	    "  - number: \"1\"\n    title: x\n    measures:\n"
	    "      - {text: a}\n      - {text: b}\n      - {text: c}\n"
	    "      - {text: d}\n      - {text: e}\n"
	    "  - number: \"2\"\n    title: x\n    measures:\n"
	    "      - {text: a}\n      - {text: b}\n      - {text: c}\n"
	    "      - {text: d}\n      - {text: e}\n";
	struct buf b = { 0 };
	struct doc *doc;

	(void)state;
	doc = load_good(ten);
	assert_int_equal(doc->total_measures, 10);
	doc_free(&doc);
	buf_printf(&b, "%s      - {text: f}\n", ten);
	expect_error(b.data, 19, 9, "more than 10 measures, the most a"
	    " document may hold");
	buf_fini(&b);
}

/* Organisation names: 4 in one list, 12 in all. */
static void
test_names(void **state)
{
	struct doc *doc;

	(void)state;
	doc = load_good("title: t\nnodes:\n  - number: \"1\"\n    title: x\n"
	    "    agencies: [a, b, c, d]\n    measures:\n"
	    "      - {text: m, agencies: [a, b, c, d]}\n"
	    "      - {text: m, agencies: [a, b, c, d]}\n");
	assert_int_equal(doc->nodes[0].agencies.n, 4);
	doc_free(&doc);
	expect_error("title: t\nnodes:\n  - number: \"1\"\n    title: x\n"
	    "    agencies: [a, b, c, d, e]\n", 5, 28,
	    "more than 4 organisations in one list");
	expect_error("title: t\nnodes:\n  - number: \"1\"\n    title: x\n"
	    "    agencies: [a, b, c, d]\n    measures:\n"
	    "      - {text: m, agencies: [a, b, c, d]}\n"
	    "      - {text: m, agencies: [a, b, c, d]}\n"
	    "      - {text: m, agencies: [a]}\n", 9, 30,
	    "more than 12 organisation names in the document, the most it"
	    " may hold");
}

/* Footnotes: 3 load, the 4th is refused. */
static void
test_footnotes(void **state)
{
	struct doc *doc;

	(void)state;
	doc = load_good("title: t\nnodes:\n  - {number: \"1\", title: x※3}\n"
	    "footnotes:\n  - {mark: ※1, text: a}\n  - {mark: ※2, text: b}\n"
	    "  - {mark: ※3, text: c}\n");
	assert_int_equal(doc->n_footnotes, 3);
	assert_int_equal(doc->footnotes[2].n_cited_by, 1);
	doc_free(&doc);
	expect_error("title: t\nnodes:\n  - {number: \"1\", title: x}\n"
	    "footnotes:\n  - {mark: ※1, text: a}\n  - {mark: ※2, text: b}\n"
	    "  - {mark: ※3, text: c}\n  - {mark: ※4, text: d}\n", 8, 5,
	    "more than 3 footnotes, the most a document may hold");
}

/* Write len bytes of a document padded with comments to a new file. */
static void
write_padded(const char *path, size_t len)
{
	const char *head = "title: t\nnodes:\n  - {number: \"1\", title: x}\n";
	FILE *fp = fopen(path, "w");
	size_t n = strlen(head);

	assert_non_null(fp);
	fputs(head, fp);
	for (; n + 2 <= len; n += 2)
		fputs(n % 80 == 0 ? "\n#" : "##", fp);
	if (n < len)
		fputc('\n', fp);
	assert_int_equal(fclose(fp), 0);
}

/* Files: 4096 bytes load; one more is refused from its size, and a pipe
 * that brings more is refused once it has. */
static void
test_file_bytes(void **state)
{
	char path[] = "/tmp/shisaku-limits-XXXXXX", fd_path[32];
	struct doc_error err;
	struct doc *doc;
	struct buf b = { 0 };
	int fd, p[2];

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	write_padded(path, 4096);
	assert_int_equal(doc_load_file(path, &doc, &err), 0);
	doc_free(&doc);
	write_padded(path, 4097);
	assert_int_equal(doc_load_file(path, &doc, &err), -1);
	assert_int_equal(err.kind, DOC_EIO);
	assert_string_equal(err.message, "is larger than 4096 bytes, the"
	    " largest document shisaku reads");
	unlink(path);

	/* 5000 bytes fit in a pipe's buffer: no writer process needed. */
	assert_int_equal(pipe(p), 0);
	buf_addn(&b, '#', 5000);
	assert_int_equal(write(p[1], b.data, b.len), 5000);
	close(p[1]);
	snprintf(fd_path, sizeof fd_path, "/dev/fd/%d", p[0]);
	assert_int_equal(doc_load_file(fd_path, &doc, &err), -1);
	assert_int_equal(err.kind, DOC_EIO);
	assert_string_equal(err.message, "is larger than 4096 bytes, the"
	    " largest document shisaku reads");
	close(p[0]);
	buf_fini(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_nodes),
		cmocka_unit_test(test_measures),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_footnotes),
		cmocka_unit_test(test_file_bytes),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
