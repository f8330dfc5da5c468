/*
 * test_doc: the loader and the tree on the real document (counts, texts,
 * organisations, footnotes) and on a broken input for every error class,
 * asserting the message, line and column.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "tests/util.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/buf.h"
#include "model/doc.h"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>


/* The counts the source has: 5 entries, 16 sections, 38 items, 48 measures. */
static void
test_counts(void **state)
{
	const struct doc *doc = *state;
	const struct doc_node *n;
	size_t by_depth[3] = { 0, 0, 0 }, measures = 0;

	assert_int_equal(doc->n_nodes, 5);
	for (n = doc_next(doc, NULL); n != NULL; n = doc_next(doc, n)) {
		assert_true(n->depth < 3);
		by_depth[n->depth]++;
		measures += n->n_measures;
	}
	assert_int_equal(by_depth[0], 5);
	assert_int_equal(by_depth[1], 16);
	assert_int_equal(by_depth[2], 38);
	assert_int_equal(measures, 48);
	assert_int_equal(doc->total_measures, 48);
	assert_int_equal(doc->total_nodes, 5 + 16 + 38);
	assert_int_equal(doc->n_footnotes, 2);
	assert_int_equal(doc->max_depth, 2);
}

/* The header, verbatim. */
static void
test_header(void **state)
{
	const struct doc *doc = *state;

	assert_string_equal(doc->title, "サイバーセキュリティ2018の全体概要");
	assert_string_equal(doc->document_number, "資料 2 - 3");
	assert_string_equal(doc->date, "平成30年7月25日");
	assert_string_equal(doc->date_iso, "2018-07-25");
	assert_string_equal(doc->decided_by, "サイバーセキュリティ戦略本部決定");
}

/* A sample of numbers, titles and measure texts, verbatim. */
static void
test_texts(void **state)
{
	const struct doc *doc = *state;
	const struct doc_node *n;

	n = &doc->nodes[4];
	assert_string_equal(n->number, "5.");
	assert_string_equal(n->title, "推進体制");
	assert_int_equal(n->n_children, 0);
	assert_int_equal(n->n_measures, 1);
	assert_string_equal(n->measures[0].text, "関係機関の一層の能力強化、サイバー"
	    "セキュリティに関する自律的な取組の促進及び国内外への積極的な情報発信");

	n = find(doc, "1.", "1.1", "(1)");
	assert_string_equal(n->title, "経営層の意識改革");
	assert_string_equal(n->measures[0].text, "官民の連携による、経営層に説明や"
	    "議論ができる人材の発掘・育成、経営層向けセミナー等の開催");

	/* Oddities of the source are kept. */
	n = find(doc, "3.", "3.3", "(3)");
	assert_int_equal(n->n_measures, 2);
	assert_string_equal(n->measures[1].agencies.names[1], "関係各官");
	n = find(doc, "2.", "2.3", "(5)");
	assert_non_null(strstr(n->measures[0].text, "演習(CYDER)を実施"));

	/* 2.7 and 4.3 carry measures directly. */
	n = find(doc, "2.", "2.7", NULL);
	assert_int_equal(n->n_children, 0);
	assert_int_equal(n->n_measures, 1);
	n = find(doc, "4.", "4.3", NULL);
	assert_int_equal(n->n_children, 0);
	assert_int_equal(n->n_measures, 1);
	/* 2.1 (1) has three measures in one cell. */
	n = find(doc, "2.", "2.1", "(1)");
	assert_int_equal(n->n_measures, 3);
	assert_string_equal(n->measures[2].agencies.names[0], "金融庁");
}

/* Tags naming several organisations are split; the printed tag is kept. */
static void
test_agencies(void **state)
{
	const struct doc *doc = *state;
	const struct doc_node *n;
	const struct doc_agencies *ag;

	n = find(doc, "1.", "1.1", "(2)");
	ag = &n->measures[0].agencies;
	assert_int_equal(ag->n, 2);
	assert_string_equal(ag->names[0], "総務省");
	assert_string_equal(ag->names[1], "経済産業省");
	assert_string_equal(ag->tag, "総務省及び経済産業省");

	n = find(doc, "2.", "2.1", "(1)");
	ag = &n->measures[1].agencies;
	assert_int_equal(ag->n, 3);
	assert_string_equal(ag->names[0], "NISC");
	assert_string_equal(ag->names[1], "総務省");
	assert_string_equal(ag->names[2], "経済産業省");
	assert_null(ag->tag);

	n = find(doc, "2.", "2.6", "(1)");
	ag = &n->measures[0].agencies;
	assert_int_equal(ag->n, 2);
	assert_string_equal(ag->names[1], "関係省庁");
	assert_string_equal(ag->tag, "NISCおよび関係省庁");

	/* 1.2 (3): text and tag in the item column, no measures. */
	n = find(doc, "1.", "1.2", "(3)");
	assert_int_equal(n->n_measures, 0);
	assert_int_equal(n->agencies.n, 1);
	assert_string_equal(n->agencies.names[0], "経済産業省");
	assert_non_null(strstr(n->title, "「SECURITY ACTION」"));
}

/* Footnotes, the marks in text and the back-references. */
static void
test_footnotes(void **state)
{
	const struct doc *doc = *state;
	const struct doc_footnote *fn;
	const struct doc_node *n;

	fn = doc_footnote_find(doc, "※1");
	assert_non_null(fn);
	assert_string_equal(fn->term, "CSIRT");
	assert_non_null(strstr(fn->text, "Computer Security Incident Response "
	    "Teamの略(シーサート)。"));
	n = find(doc, "2.", "2.2", "(2)");
	assert_int_equal(fn->n_cited_by, 1);
	assert_ptr_equal(fn->cited_by[0].node, n);
	assert_int_equal(fn->cited_by[0].measure, 1);
	assert_int_equal(n->measures[1].n_footnotes, 1);
	assert_string_equal(doc->footnotes[n->measures[1].footnotes[0]].mark,
	    "※1");
	assert_non_null(strstr(n->measures[1].text, "CSIRT※1の連携組織"));
	assert_int_equal(n->measures[0].n_footnotes, 0);

	fn = doc_footnote_find(doc, "※2");
	assert_non_null(fn);
	assert_string_equal(fn->term, "ISAC");
	assert_int_equal(fn->n_cited_by, 1);
	assert_ptr_equal(fn->cited_by[0].node, find(doc, "2.", "2.6", "(1)"));
	assert_null(doc_footnote_find(doc, "※3"));
}

/* Parents, depths, sibling indices, paths and pre-order. */
static void
test_tree(void **state)
{
	const struct doc *doc = *state;
	const struct doc_node *n = find(doc, "2.", "2.2", "(2)"), *m;
	const char *path[DOC_MAX_DEPTH];
	size_t count = doc_path(n, path), seen = 0;

	assert_int_equal(count, 3);
	assert_string_equal(path[0], "2.");
	assert_string_equal(path[1], "2.2");
	assert_string_equal(path[2], "(2)");
	assert_int_equal(n->depth, 2);
	assert_int_equal(n->index, 1);
	assert_ptr_equal(n->parent->parent, &doc->nodes[1]);
	assert_null(doc->nodes[1].parent);
	/* Pre-order: the node after 2.2 (2) is 2.3. */
	m = doc_next(doc, n);
	assert_string_equal(m->number, "2.3");
	for (m = doc_next(doc, NULL); m != NULL; m = doc_next(doc, m))
		seen++;
	assert_int_equal(seen, doc->total_nodes);
}

/* A minimal valid document, used as the base of the error cases. */
#define MINI "title: T\nnodes:\n  - number: \"1.\"\n    title: A\n"

/* Load text and return the error (the load must fail). */
static struct doc_error
load_bad(const char *text)
{
	struct doc_error err;
	struct doc *doc = NULL;

	assert_int_equal(doc_load("bad.yaml", text, strlen(text), &doc, &err),
	    -1);
	assert_null(doc);
	assert_int_equal(err.kind, DOC_EDATA);
	assert_string_equal(err.file, "bad.yaml");
	return err;
}

/* Assert that text fails at line:col with a message holding want. */
static void
expect_error(const char *text, unsigned long line, unsigned long col,
    const char *want)
{
	struct doc_error err = load_bad(text);

	if (strstr(err.message, want) == NULL || err.line != line ||
	    err.col != col)
		fail_msg("got %lu:%lu: %s\nwant %lu:%lu: ...%s...", err.line,
		    err.col, err.message, line, col, want);
}

/* Load text that must succeed. */
static struct doc *
load_good(const char *text)
{
	struct doc_error err;
	struct doc *doc = NULL;

	if (doc_load("good.yaml", text, strlen(text), &doc, &err) != 0)
		fail_msg("%lu:%lu: %s", err.line, err.col, err.message);
	return doc;
}

/* The minimal document loads. */
static void
test_minimal(void **state)
{
	struct doc *doc = load_good(MINI);

	(void)state;
	assert_int_equal(doc->n_nodes, 1);
	assert_null(doc->date);
	assert_int_equal(doc->n_footnotes, 0);
	doc_free(&doc);
}

/* YAML syntax errors at libyaml's place, 1-based. */
static void
test_err_syntax(void **state)
{
	(void)state;
	expect_error("title: T\nnodes: [\n  - a\n", 3, 3,
	    "did not find expected node content (while parsing a flow node"
	    " at line 3 column 3)");
	expect_error("title: \"unterminated\nnodes:\n", 3, 1,
	    "found unexpected end of stream");
	expect_error("title: T\n bad: x\n", 2, 5,
	    "mapping values are not allowed");
}

/* Wrong types: text where a list is expected, and the reverse. */
static void
test_err_types(void **state)
{
	(void)state;
	expect_error("title: T\nnodes: none\n", 2, 8,
	    "'nodes' must be a list of nodes, found text");
	expect_error("title: [a]\nnodes: []\n", 1, 8,
	    "'title' must be text, found a list");
	expect_error(MINI "    measures:\n      - just text\n", 6, 9,
	    "expected a measure (a mapping with text: and agencies:), found"
	    " text");
	expect_error(MINI "    measures:\n      - text: x\n        agencies:"
	    " NISC\n", 7, 19, "'agencies' must be a list of names");
	expect_error("- a\n- b\n", 1, 1, "expected a mapping with title: and"
	    " nodes: at the top");
}

/* Missing required keys, reported at the mapping. */
static void
test_err_missing(void **state)
{
	(void)state;
	expect_error("title: T\nnodes:\n  - number: \"1.\"\n", 3, 5,
	    "a node lacks 'title' (a node needs number: and title:)");
	expect_error("nodes:\n  - number: \"1.\"\n    title: A\n", 1, 1,
	    "the document lacks 'title'");
	expect_error(MINI "    measures:\n      - agencies: [NISC]\n", 6, 9,
	    "a measure lacks 'text'");
	expect_error("title: T\nnodes:\n  - number: \"1.\"\n    title:\n", 4,
	    11, "'title' is empty");
}

/* Unknown keys, with the nearest valid key suggested. */
static void
test_err_unknown_key(void **state)
{
	(void)state;
	expect_error("title: T\nnodes:\n  - number: \"1.\"\n    titel: A\n", 4,
	    5, "unknown key 'titel' in a node (did you mean 'title'?)");
	expect_error(MINI "    measures:\n      - text: x\n        agency:"
	    " [NISC]\n", 7, 9, "did you mean 'agencies'?");
	expect_error(MINI "colour: red\n", 5, 1, "unknown key 'colour' in the"
	    " document (expected one of: title, document_number");
	expect_error("title: T\ntitle: U\nnodes: []\n", 2, 1,
	    "'title' is given twice");
}

/* Two siblings with one number; the same number elsewhere is fine. */
static void
test_err_duplicate_number(void **state)
{
	struct doc *doc;

	(void)state;
	expect_error(MINI "  - number: \"2.\"\n    title: B\n"
	    "  - number: \"1.\"\n    title: C\n", 7, 5,
	    "number '1.' is used twice among siblings (first at line 3");
	doc = load_good("title: T\nnodes:\n"
	    "  - {number: \"1.\", title: A, children: [{number: (1), title: x}]}\n"
	    "  - {number: \"2.\", title: B, children: [{number: (1), title: y}]}\n");
	assert_int_equal(doc->total_nodes, 4);
	doc_free(&doc);
}

/* Invalid UTF-8 and control characters, placed by character. */
static void
test_err_utf8(void **state)
{
	(void)state;
	expect_error("title: あ\xff\nnodes: []\n", 1, 9, "invalid");
	expect_error("title: T\nnodes: []\n\xe3\x81", 3, 1, "incomplete UTF-8");
	expect_error("title: a\x1b[2Jb\nnodes: []\n", 1, 9,
	    "control characters are not allowed");
}

/* A footnote mark with no definition, and malformed footnotes. */
static void
test_err_footnotes(void **state)
{
	(void)state;
	expect_error(MINI "    measures:\n      - text: CSIRT※3の設立\n", 6, 15,
	    "footnote mark ※3 has no definition");
	expect_error(MINI "footnotes:\n  - mark: \"*1\"\n    text: x\n", 6, 11,
	    "footnote mark '*1' is not ※ followed by digits");
	expect_error(MINI "footnotes:\n  - {mark: ※1, text: x}\n"
	    "  - {mark: ※1, text: y}\n", 7, 5, "footnote ※1 is defined twice");
}

/* Empty documents in their several forms. */
static void
test_err_empty(void **state)
{
	(void)state;
	expect_error("", 1, 1, "the document is empty");
	expect_error("# just a comment\n", 2, 1, "the document is empty");
	expect_error("---\n", 2, 1, "the document is empty");
	expect_error("title: T\nnodes: []\n", 2, 9, "'nodes' is an empty list");
}

/* Anchors, aliases, depth and other limits. */
static void
test_err_limits(void **state)
{
	char *deep;
	size_t i, len = 0, cap = 64 * 80 + 64;

	(void)state;
	expect_error("title: &a T\nnodes: []\n", 1, 8, "anchors and aliases");
	expect_error("title: T\ndate: *a\nnodes: []\n", 2, 7,
	    "anchors and aliases");
	expect_error(MINI "---\ntitle: U\n", 5, 1, "a second YAML document");
	expect_error("title: \"a\\0b\"\nnodes: []\n", 1, 8, "NUL");
	expect_error(MINI "date_iso: \"2018-02-30\"\n", 5, 11,
	    "date_iso '2018-02-30' is not a date");
	expect_error(MINI "    agency_tag: 総務省\n", 5, 17,
	    "agency_tag is given without agencies");
	expect_error(MINI "    agencies: [NISC]\n    agency_tag: 総務省\n", 6, 17,
	    "agency_tag '総務省' does not contain 'NISC'");

	/* DOC_MAX_DEPTH + 1 levels of flow-style nodes. */
	deep = malloc(cap);
	len += (size_t)snprintf(deep + len, cap - len, "title: T\nnodes: ");
	for (i = 0; i <= DOC_MAX_DEPTH; i++)
		len += (size_t)snprintf(deep + len, cap - len,
		    "[{number: a, title: b, children: ");
	len += (size_t)snprintf(deep + len, cap - len, "[]");
	for (i = 0; i <= DOC_MAX_DEPTH; i++)
		len += (size_t)snprintf(deep + len, cap - len, "}]");
	snprintf(deep + len, cap - len, "\n");
	expect_error(deep, 2, 9 + 33 * DOC_MAX_DEPTH, "nest deeper than 64");
	free(deep);
}

/* Text is normalised to NFC; a valid date and tag load. */
static void
test_nfc(void **state)
{
	struct doc *doc;

	(void)state;
	/* か + U+3099 (combining voiced mark) becomes が; ｶﾞ stays. */
	doc = load_good("title: \"\xe3\x81\x8b\xe3\x82\x99ｶﾞ\"\n"
	    "date_iso: \"2020-02-29\"\nnodes:\n  - number: \"1.\"\n"
	    "    title: A※1\n    agencies: [NISC, 総務省]\n"
	    "    agency_tag: NISC及び総務省\n"
	    "footnotes:\n  - {mark: ※1, text: def}\n");
	assert_string_equal(doc->title, "がｶﾞ");
	assert_int_equal(doc->nodes[0].n_footnotes, 1);
	assert_int_equal(doc->footnotes[0].n_cited_by, 1);
	assert_int_equal(doc->footnotes[0].cited_by[0].measure, DOC_CITE_TITLE);
	assert_null(doc->footnotes[0].term);
	doc_free(&doc);
}

/* A footnote mark is linked whichever way its text loads: plain NFC, an
 * escape in double quotes, normalised by ICU (the loader notes the ※ as it
 * checks each text, and links only the texts it noted), or not at all in
 * a text without one. */
static void
test_cite_paths(void **state)
{
	struct doc *doc;
	const struct doc_node *n;

	(void)state;
	doc = load_good("title: T\nnodes:\n  - number: \"1.\"\n"
	    "    title: 見出し※1\n    measures:\n"
	    "      - text: \"escaped \\u203B1\"\n"
	    "      - text: \"\xe3\x81\x8b\xe3\x82\x99\xe2\x80\xbb" "1\"\n"
	    "      - text: ※ alone, and ※\n"
	    "      - text: none\n"
	    "footnotes:\n  - {mark: ※1, text: def}\n");
	n = &doc->nodes[0];
	assert_int_equal(n->n_footnotes, 1);
	assert_string_equal(n->measures[1].text, "が※1");
	assert_int_equal(n->measures[0].n_footnotes, 1);
	assert_int_equal(n->measures[1].n_footnotes, 1);
	assert_int_equal(n->measures[2].n_footnotes, 0);
	assert_null(n->measures[2].footnotes);
	assert_int_equal(n->measures[3].n_footnotes, 0);
	assert_int_equal(doc->footnotes[0].n_cited_by, 3);
	assert_int_equal(doc->footnotes[0].cited_by[0].measure,
	    DOC_CITE_TITLE);
	assert_int_equal(doc->footnotes[0].cited_by[1].measure, 0);
	assert_int_equal(doc->footnotes[0].cited_by[2].measure, 1);
	doc_free(&doc);
}

/* Files: missing, a directory, binary. */
static void
test_files(void **state)
{
	struct doc_error err;
	struct doc *doc;

	(void)state;
	assert_int_equal(doc_load_file("tests/data/no-such-file.yaml", &doc,
	    &err), -1);
	assert_int_equal(err.kind, DOC_EIO);
	assert_string_equal(err.message, "No such file or directory");
	assert_int_equal(doc_load_file("tests", &doc, &err), -1);
	assert_int_equal(err.kind, DOC_EIO);
	assert_string_equal(err.message, "is a directory");
	assert_int_equal(doc_load_file("tests/data/binary.yaml", &doc, &err),
	    -1);
	assert_int_equal(err.kind, DOC_EDATA);
	assert_int_equal(err.line, 2);
	assert_int_equal(err.col, 3);
	assert_non_null(strstr(err.message, "binary file"));
}

/* A NUL byte written raw, in any style, is refused by the reader (the
 * loader looks for NUL only in double-quoted text, where an escape makes
 * one). */
static void
test_nul_raw(void **state)
{
	static const char plain[] = "title: a\0b\nnodes: []\n";
	static const char quoted[] = "title: 'a\0b'\nnodes: []\n";
	static const char block[] = "title: |\n  a\0b\nnodes: []\n";
	const char *texts[] = { plain, quoted, block };
	size_t lens[] = { sizeof plain - 1, sizeof quoted - 1,
	    sizeof block - 1 };
	struct doc_error err;
	struct doc *doc;
	size_t i;

	(void)state;
	for (i = 0; i < 3; i++) {
		assert_int_equal(doc_load("nul.yaml", texts[i], lens[i], &doc,
		    &err), -1);
		assert_null(doc);
		assert_non_null(strstr(err.message, "control characters"));
	}
}

/* What the loader's NFC check takes for granted: U+4000..U+9FFF (UTF-8
 * lead bytes E4..E9) are all NFC (quick check Yes) with combining class
 * 0, so a text of them needs no normalising. */
static void
test_cjk_is_nfc(void **state)
{
	UChar32 c;

	(void)state;
	for (c = 0x4000; c <= 0x9FFF; c++) {
		assert_int_equal(u_getCombiningClass(c), 0);
		assert_int_equal(u_getIntPropertyValue(c,
		    UCHAR_NFC_QUICK_CHECK), UNORM_YES);
	}
}

/* Entries from + 1 to to, each of three lines. */
static void
big_entries(struct buf *b, size_t from, size_t to)
{
	size_t i;

	for (i = from; i < to; i++)
		buf_printf(b, "  - number: \"%zu.\"\n    title: "
		    "第%zu章　サイバーセキュリティ人材の育成と確保に係る施策の"
		    "推進及び国際連携の強化について\n    agencies: [総務省]\n",
		    i + 1, i + 1);
}

/* A document of n entries, each of three lines after the first two
 * (a megabyte or more from n = 4000 on: parsed on a thread of its own). */
static void
big_doc(struct buf *b, size_t n)
{
	buf_adds(b, "title: T\nnodes:\n");
	big_entries(b, 0, n);
}

/* Large documents are parsed on a thread of their own while the loader
 * builds the doc: the same doc, and errors at the same places, whether the
 * parser (syntax) or the loader (a duplicate) finds them, and the
 * parsing thread stopped when the loader gives up early. */
static void
test_big(void **state)
{
	struct buf b = { 0 };
	struct doc_error err;
	struct doc *doc;
	size_t n = 12000;

	(void)state;
	big_doc(&b, n);
	assert_true(b.len > 2 * 1024 * 1024);
	assert_int_equal(doc_load("big.yaml", b.data, b.len, &doc, &err), 0);
	assert_int_equal(doc->n_nodes, n);
	assert_string_equal(doc->nodes[n - 1].number, "12000.");
	assert_non_null(strstr(doc->nodes[n - 1].title, "第12000章"));
	assert_string_equal(doc->nodes[n - 1].agencies.names[0], "総務省");
	doc_free(&doc);
	/* A syntax error at the end: the parser's. */
	buf_adds(&b, "  - number: \"7.\n");
	assert_int_equal(doc_load("big.yaml", b.data, b.len, &doc, &err), -1);
	assert_null(doc);
	assert_int_equal(err.line, 2 + 3 * n + 2);	/* the end of the text */
	assert_non_null(strstr(err.message, "quoted scalar at line 36003"));
	/* A duplicate number at the end: the loader's. */
	b.len -= strlen("  - number: \"7.\n");
	buf_adds(&b, "  - number: \"7.\"\n    title: 重複\n");
	assert_int_equal(doc_load("big.yaml", b.data, b.len, &doc, &err), -1);
	assert_non_null(strstr(err.message, "7."));
	/* The loader gives up at the start: the parser must stop too. */
	b.data[0] = 'x';
	assert_int_equal(doc_load("big.yaml", b.data, b.len, &doc, &err), -1);
	assert_int_equal(err.line, 1);
	buf_fini(&b);
}

/* Load big_doc(n) with the node whose number is number and title title
 * after its n entries, and n more after it: doc_load's result. */
static int
big_load_with(size_t n, const char *number, const char *title,
    struct doc **doc, struct doc_error *err)
{
	struct buf b = { 0 };
	int r;

	big_doc(&b, n);
	buf_printf(&b, "  - number: %s\n    title: %s\n", number, title);
	big_entries(&b, n, 2 * n);
	r = doc_load("big.yaml", b.data, b.len, doc, err);
	buf_fini(&b);
	return r;
}

/* The parsing thread hands events over in chunks of records: a text longer
 * than a chunk, one longer than a text may be, and an anchor all come
 * through it as they would from the parser itself. */
static void
test_big_records(void **state)
{
	struct buf t = { 0 };
	struct doc_error err;
	struct doc *doc;
	size_t n = 6000, i;

	(void)state;
	/* A title of 300,000 bytes: chunks are 64 KiB. */
	for (i = 0; i < 100000; i++)
		buf_adds(&t, "策");
	assert_int_equal(big_load_with(n, "\"x\"", t.data, &doc, &err), 0);
	assert_int_equal(doc->n_nodes, 2 * n + 1);
	assert_string_equal(doc->nodes[n].number, "x");
	assert_string_equal(doc->nodes[n].title, t.data);
	assert_string_equal(doc->nodes[2 * n].number, "12000.");
	doc_free(&doc);
	/* The same place with a text over DOC_MAX_TEXT_BYTES. */
	while (t.len <= DOC_MAX_TEXT_BYTES)
		buf_adds(&t, "策");
	assert_int_equal(big_load_with(n, "\"x\"", t.data, &doc, &err), -1);
	assert_int_equal(err.line, 2 + 3 * n + 2);
	assert_int_equal(err.col, 12);
	assert_non_null(strstr(err.message, "is longer than"));
	/* An anchor there. */
	assert_int_equal(big_load_with(n, "&a \"x\"", "T", &doc, &err), -1);
	assert_int_equal(err.line, 2 + 3 * n + 1);
	assert_int_equal(err.col, 13);
	assert_non_null(strstr(err.message, "anchors and aliases"));
	buf_fini(&t);
}

/* Write b to a new temporary file named in path (a mkstemp template). */
static void
write_temp(const struct buf *b, char *path)
{
	FILE *fp;
	int fd;

	assert_true((fd = mkstemp(path)) >= 0);
	assert_non_null(fp = fdopen(fd, "w"));
	assert_int_equal(fwrite(b->data, 1, b->len, fp), b->len);
	assert_int_equal(fclose(fp), 0);
}

/* The offset of the start of 1-based line in b. */
static size_t
line_offset(const struct buf *b, size_t line)
{
	size_t i, l = 1;

	for (i = 0; i < b->len && l < line; i++)
		if (b->data[i] == '\n')
			l++;
	return i;
}

/* A large file read into memory gives back the pages parsed (model/load.c,
 * load_drop): a reader error far into it still names its line and
 * column. */
static void
test_big_file_error(void **state)
{
	struct buf b = { 0 };
	struct doc_error err;
	struct doc *doc;
	char path[] = "/tmp/shisaku-test-XXXXXX";
	size_t n = 60000, line;

	(void)state;
	big_doc(&b, n);
	assert_true(b.len > 10 * 1024 * 1024);
	/* An invalid byte on the title line of entry 59,000, after "    ti". */
	line = 2 + 3 * 58999 + 2;
	b.data[line_offset(&b, line) + 6] = '\xff';
	write_temp(&b, path);
	assert_int_equal(doc_load_file(path, &doc, &err), -1);
	unlink(path);
	assert_int_equal(err.line, line);
	assert_int_equal(err.col, 7);
	assert_non_null(strstr(err.message, "UTF-8"));
	buf_fini(&b);
}

/* A large file is parsed while a thread of its own reads it (model/load.c,
 * load_file): the same doc as from memory, and a NUL byte anywhere is
 * reported at its place, even after an error the loader met first. */
static void
test_big_file_read(void **state)
{
	struct buf b = { 0 };
	struct doc_error err;
	struct doc *doc;
	char path[] = "/tmp/shisaku-test-XXXXXX";
	size_t n = 60000, line = 2 + 3 * 58999 + 2;

	(void)state;
	big_doc(&b, n);
	assert_true(b.len > 10 * 1024 * 1024);
	write_temp(&b, path);
	assert_int_equal(doc_load_file(path, &doc, &err), 0);
	unlink(path);
	assert_int_equal(doc->n_nodes, n);
	assert_string_equal(doc->nodes[n - 1].number, "60000.");
	assert_non_null(strstr(doc->nodes[n - 1].title, "第60000章"));
	doc_free(&doc);
	/* A NUL on the title line of entry 59,000, after "    ti". */
	b.data[line_offset(&b, line) + 6] = '\0';
	strcpy(path, "/tmp/shisaku-test-XXXXXX");
	write_temp(&b, path);
	assert_int_equal(doc_load_file(path, &doc, &err), -1);
	assert_null(doc);
	assert_int_equal(err.kind, DOC_EDATA);
	assert_int_equal(err.line, line);
	assert_int_equal(err.col, 7);
	assert_string_equal(err.message, "a NUL byte: this is a binary file,"
	    " not a YAML document");
	unlink(path);
	/* An unknown key on line 1 as well: the NUL is still what is told. */
	b.data[0] = 'x';
	strcpy(path, "/tmp/shisaku-test-XXXXXX");
	write_temp(&b, path);
	assert_int_equal(doc_load_file(path, &doc, &err), -1);
	unlink(path);
	assert_int_equal(err.line, line);
	assert_int_equal(err.col, 7);
	assert_non_null(strstr(err.message, "a NUL byte"));
	buf_fini(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_counts, setup_real,
		    teardown_real),
		cmocka_unit_test_setup_teardown(test_header, setup_real,
		    teardown_real),
		cmocka_unit_test_setup_teardown(test_texts, setup_real,
		    teardown_real),
		cmocka_unit_test_setup_teardown(test_agencies, setup_real,
		    teardown_real),
		cmocka_unit_test_setup_teardown(test_footnotes, setup_real,
		    teardown_real),
		cmocka_unit_test_setup_teardown(test_tree, setup_real,
		    teardown_real),
		cmocka_unit_test(test_minimal),
		cmocka_unit_test(test_big),
		cmocka_unit_test(test_big_records),
		cmocka_unit_test(test_big_file_error),
		cmocka_unit_test(test_big_file_read),
		cmocka_unit_test(test_nul_raw),
		cmocka_unit_test(test_cjk_is_nfc),
		cmocka_unit_test(test_cite_paths),
		cmocka_unit_test(test_err_syntax),
		cmocka_unit_test(test_err_types),
		cmocka_unit_test(test_err_missing),
		cmocka_unit_test(test_err_unknown_key),
		cmocka_unit_test(test_err_duplicate_number),
		cmocka_unit_test(test_err_utf8),
		cmocka_unit_test(test_err_footnotes),
		cmocka_unit_test(test_err_empty),
		cmocka_unit_test(test_err_limits),
		cmocka_unit_test(test_nfc),
		cmocka_unit_test(test_files),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
