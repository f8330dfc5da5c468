/*
 * test_pane: the reading pane of a node as blocks and wrapped lines, on the
 * real document and on a small inline one whose footnotes are cited twice.
 *
 * Widths depend on LC_CTYPE: main() sets C.UTF-8.  Each test frees its pane
 * and the teardown closes the text layer's cached ICU iterators, so ASan
 * checks that a layout over an old one frees the old content.
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

#include "model/buf.h"
#include "model/doc.h"
#include "model/pane.h"
#include "model/text.h"


/* One node citing ※2 in its title, then ※1, ※2 and ※1 twice in measures. */
#define CITES_DOC \
	"title: T\nnodes:\n" \
	"  - number: \"1.\"\n    title: A※2\n    measures:\n" \
	"      - {text: x※1, agencies: [NISC]}\n" \
	"      - {text: y※2と※1と※1, agencies: [NISC, 総務省]}\n" \
	"footnotes:\n" \
	"  - {mark: ※1, term: CSIRT, text: def1}\n" \
	"  - {mark: ※2, text: def2}\n"

/* Whether a string starts with a prefix. */
static int
starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Columns a line takes on screen: its indentation and its text. */
static size_t
line_cols(const struct pane *p, size_t i)
{
	const struct pane_line *l = &p->lines[i];
	const char *text = p->blocks[l->block].text;

	return l->indent_cols + text_width_cols(text + l->start_bytes,
	    l->end_bytes - l->start_bytes, 0);
}

/* Length of the blank (space, TAB, LF, CR, U+3000) at s, or 0. */
static size_t
blank_len(const char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		return 1;
	if (starts_with(s, "\xe3\x80\x80"))
		return 3;
	return 0;
}

/* Whether s[from, to) is all blanks. */
static int
all_blank(const char *s, size_t from, size_t to)
{
	size_t n;

	while (from < to) {
		if ((n = blank_len(s + from)) == 0)
			return 0;
		from += n;
	}
	return from == to;
}

/* The kinds of the blocks are exactly the n given. */
static void
assert_kinds(const struct pane *p, size_t n, ...)
{
	va_list ap;
	size_t i;
	int want;

	if (p->n_blocks != n)
		fail_msg("%zu blocks, want %zu", p->n_blocks, n);
	va_start(ap, n);
	for (i = 0; i < n; i++) {
		want = va_arg(ap, int);
		if ((int)p->blocks[i].kind != want)
			fail_msg("block %zu (%s) is kind %d, want %d", i,
			    p->blocks[i].text, p->blocks[i].kind, want);
	}
	va_end(ap);
}

/* Every line fits the width it was laid out for. */
static void
assert_lines_fit(const struct pane *p)
{
	size_t i;

	for (i = 0; i < p->n_lines; i++)
		if (line_cols(p, i) > p->width_cols)
			fail_msg("%s at width %zu: line %zu of block %zu takes "
			    "%zu columns", p->node->number, p->width_cols, i,
			    p->lines[i].block, line_cols(p, i));
}

/*
 * Every block has lines, in block order, whose ranges cover its text from
 * the first byte to the last drawn one: between two lines, and after the
 * last, only the blanks a break dropped.  Blocks that fit on one line take
 * one.  Continuation lines are indented by the block's indent and hang.
 */
static void
assert_lines_cover(const struct pane *p)
{
	const struct pane_block *b;
	const struct pane_line *l;
	size_t i = 0, blk, first, len, avail;

	for (blk = 0; blk < p->n_blocks; blk++) {
		b = &p->blocks[blk];
		len = strlen(b->text);
		if (i == p->n_lines || p->lines[i].block != blk)
			fail_msg("block %zu (%s) has no line", blk, b->text);
		first = i;
		assert_int_equal(p->lines[i].start_bytes, 0);
		for (; i < p->n_lines && p->lines[i].block == blk; i++) {
			l = &p->lines[i];
			assert_true(l->start_bytes <= l->end_bytes);
			assert_true(l->end_bytes <= len);
			if (len > 0)
				assert_true(l->start_bytes < l->end_bytes);
			if (i > first && !all_blank(b->text,
			    p->lines[i - 1].end_bytes, l->start_bytes))
				fail_msg("block %zu (%s): bytes %zu..%zu lost "
				    "between lines", blk, b->text,
				    p->lines[i - 1].end_bytes, l->start_bytes);
			if (p->width_cols > b->indent_cols)
				assert_true(l->indent_cols == b->indent_cols ||
				    (i > first && l->indent_cols ==
				    b->indent_cols + b->hang_cols));
			if (i == first && p->width_cols > b->indent_cols)
				assert_int_equal(l->indent_cols, b->indent_cols);
		}
		if (!all_blank(b->text, p->lines[i - 1].end_bytes, len))
			fail_msg("block %zu (%s): the end is lost", blk,
			    b->text);
		avail = p->width_cols > b->indent_cols ?
		    p->width_cols - b->indent_cols : 1;
		if (text_width_cols(b->text, len, 0) <= avail)
			assert_int_equal(i - first, 1);
		else
			assert_true(i - first > 1);
	}
	assert_int_equal(i, p->n_lines);
}

/*
 * Blocks that show doc text point at it (source is the doc's own string and
 * the block's text ends with it from text_offset); measures and their
 * organisations carry the measure's index, footnotes the footnote's.
 */
static void
assert_sources(const struct pane *p, const struct doc *doc)
{
	const struct doc_node *n = p->node;
	const struct pane_block *b;
	size_t i, k, last_measure = SIZE_MAX;

	for (i = 0; i < p->n_blocks; i++) {
		b = &p->blocks[i];
		if (b->source != NULL) {
			assert_true(b->text_offset <= strlen(b->text));
			assert_string_equal(b->text + b->text_offset, b->source);
		}
		switch (b->kind) {
		case PANE_TITLE:
			assert_ptr_equal(b->source, n->title);
			assert_int_equal(b->measure, SIZE_MAX);
			break;
		case PANE_MEASURE:
			assert_true(b->measure < n->n_measures);
			assert_ptr_equal(b->source, n->measures[b->measure].text);
			assert_true(starts_with(b->text, "・"));
			last_measure = b->measure;
			break;
		case PANE_AGENCY:
			/* A measure's organisations follow it. */
			assert_int_equal(b->measure, last_measure);
			assert_true(starts_with(b->text, "【"));
			break;
		case PANE_FOOTNOTE:
			for (k = 0; k < doc->n_footnotes; k++)
				if (b->source == doc->footnotes[k].text)
					break;
			assert_true(k < doc->n_footnotes);
			assert_int_equal(b->footnote, k);
			assert_true(starts_with(b->text,
			    doc->footnotes[k].mark));
			assert_int_equal(b->measure, SIZE_MAX);
			continue;
		case PANE_PATH:
		case PANE_BLANK:
			assert_null(b->source);
			assert_int_equal(b->measure, SIZE_MAX);
			break;
		case PANE_CHILD:
			assert_int_equal(b->measure, SIZE_MAX);
			break;
		}
		assert_int_equal(b->footnote, SIZE_MAX);
	}
}

/* The path: the ancestors' numbers joined by " › ", none at the top. */
static void
assert_path(const struct pane *p, const struct doc_node *n)
{
	const struct doc_node *up[DOC_MAX_DEPTH], *a;
	struct buf want = { 0 };
	size_t k = 0;

	if (n->depth == 0) {
		assert_int_equal(p->blocks[0].kind, PANE_TITLE);
		return;
	}
	for (a = n->parent; a != NULL; a = a->parent)
		up[k++] = a;
	while (k-- > 0)
		buf_printf(&want, "%s%s", up[k]->number, k > 0 ? " › " : "");
	assert_int_equal(p->blocks[0].kind, PANE_PATH);
	assert_string_equal(p->blocks[0].text, want.data);
	assert_int_equal(p->blocks[1].kind, PANE_TITLE);
	buf_fini(&want);
}

/* 2.2 (2) at one width: the blocks, their texts, their lines. */
static void
check_22_2(const struct doc *doc, size_t width)
{
	const struct doc_node *n = find(doc, "2.", "2.2", "(2)");
	const struct doc_footnote *fn = doc_footnote_find(doc, "※1");
	struct pane p = { 0 };
	char want[1024];
	size_t i;

	pane_layout(&p, doc, n, width);
	assert_ptr_equal(p.node, n);
	assert_int_equal(p.width_cols, width);
	assert_kinds(&p, 9, PANE_PATH, PANE_TITLE, PANE_BLANK, PANE_MEASURE,
	    PANE_AGENCY, PANE_MEASURE, PANE_AGENCY, PANE_BLANK, PANE_FOOTNOTE);
	assert_string_equal(p.blocks[0].text, "2. › 2.2");
	assert_string_equal(p.blocks[1].text,
	    "(2) 地方公共団体のセキュリティ強化・充実");
	assert_int_equal(p.blocks[1].text_offset, strlen("(2) "));
	assert_int_equal(p.blocks[1].hang_cols, 4);
	assert_string_equal(p.blocks[2].text, "");
	snprintf(want, sizeof want, "・%s", n->measures[0].text);
	assert_string_equal(p.blocks[3].text, want);
	assert_int_equal(p.blocks[3].measure, 0);
	assert_string_equal(p.blocks[4].text, "【総務省】");
	assert_int_equal(p.blocks[4].measure, 0);
	assert_int_equal(p.blocks[4].indent_cols, 2);
	assert_non_null(strstr(p.blocks[5].text, "CSIRT※1"));
	assert_int_equal(p.blocks[5].measure, 1);
	assert_string_equal(p.blocks[6].text, "【総務省】");
	assert_int_equal(p.blocks[6].measure, 1);
	assert_true(starts_with(p.blocks[8].text,
	    "※1 CSIRT: Computer Security Incident Response Team"));
	assert_ptr_equal(p.blocks[8].source, fn->text);
	assert_int_equal(p.blocks[8].text_offset, strlen("※1 CSIRT: "));
	assert_int_equal(p.blocks[8].measure, SIZE_MAX);

	assert_lines_cover(&p);
	assert_sources(&p, doc);
	if (width >= 4)
		assert_lines_fit(&p);
	/* The path is the first line, a blank is one empty line. */
	assert_int_equal(p.lines[0].block, 0);
	for (i = 0; i < p.n_lines; i++)
		if (p.blocks[p.lines[i].block].kind == PANE_BLANK) {
			assert_int_equal(p.lines[i].end_bytes, 0);
			assert_int_not_equal(p.lines[i + 1].block,
			    p.lines[i].block);
		}
	pane_fini(&p);
}

/* 2.2 (2) at 80, 20 and 1 column: the same blocks, wrapped. */
static void
test_layout_22_2(void **state)
{
	const struct doc *doc = *state;
	const struct doc_node *n = find(doc, "2.", "2.2", "(2)");
	struct pane p = { 0 };
	size_t i, lines80;

	check_22_2(doc, 80);
	check_22_2(doc, 20);
	check_22_2(doc, 1);

	/* At 80 the title fits; the first measure does not (2 lines). */
	pane_layout(&p, doc, n, 80);
	assert_int_equal(p.lines[1].block, 1);
	assert_int_equal(p.lines[2].block, 2);
	assert_int_equal(p.lines[3].block, 3);
	assert_int_equal(p.lines[4].block, 3);
	assert_int_equal(p.lines[4].indent_cols, 2);
	assert_int_equal(p.lines[5].block, 4);
	lines80 = p.n_lines;

	/* Narrower: more lines; at 1 column nothing is indented. */
	pane_layout(&p, doc, n, 20);
	assert_true(p.n_lines > lines80);
	pane_layout(&p, doc, n, 1);
	for (i = 0; i < p.n_lines; i++)
		assert_int_equal(p.lines[i].indent_cols, 0);
	/* Width 0 is laid out as 1. */
	pane_layout(&p, doc, n, 0);
	assert_int_equal(p.width_cols, 1);
	assert_lines_cover(&p);
	pane_fini(&p);
}

/*
 * Every node at many widths: lines fit, cover their blocks, sources hold.
 * At 4, 5 and 7 a hang would leave continuation lines 1 column wide, too
 * narrow for a wide character: the hang must give way there.
 */
static void
test_all_nodes(void **state)
{
	static const size_t widths[] = { 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 16, 20, 24,
	    31, 40, 41, 57, 72, 80, 100, 133, 200 };
	const struct doc *doc = *state;
	const struct doc_node *n;
	struct pane p = { 0 };
	size_t w;

	for (n = doc_next(doc, NULL); n != NULL; n = doc_next(doc, n)) {
		pane_layout(&p, doc, n, 80);
		assert_path(&p, n);
		for (w = 0; w < sizeof widths / sizeof widths[0]; w++) {
			pane_layout(&p, doc, n, widths[w]);
			assert_lines_fit(&p);
			assert_lines_cover(&p);
			assert_sources(&p, doc);
		}
		pane_layout(&p, doc, n, 1);
		assert_lines_cover(&p);
		pane_layout(&p, doc, n, 3);
		assert_lines_cover(&p);
	}
	pane_fini(&p);
}

/* The first line of each measure's block. */
static void
test_measure_line(void **state)
{
	const struct doc *doc = *state;
	const struct doc_node *n = find(doc, "2.", "2.2", "(2)");
	struct pane p = { 0 };
	size_t m0, m1, at80 = 0, i;
	static const size_t widths[] = { 80, 20, 1 };

	for (i = 0; i < sizeof widths / sizeof widths[0]; i++) {
		pane_layout(&p, doc, n, widths[i]);
		m0 = pane_measure_line(&p, 0);
		m1 = pane_measure_line(&p, 1);
		/* The first line of the block of measure 0... */
		assert_int_equal(p.blocks[p.lines[m0].block].kind,
		    PANE_MEASURE);
		assert_int_equal(p.blocks[p.lines[m0].block].measure, 0);
		assert_int_equal(p.lines[m0].start_bytes, 0);
		assert_int_equal(p.blocks[p.lines[m0 - 1].block].kind,
		    PANE_BLANK);
		/* ...and of measure 1, after measure 0's organisations. */
		assert_int_equal(p.blocks[p.lines[m1].block].kind,
		    PANE_MEASURE);
		assert_int_equal(p.blocks[p.lines[m1].block].measure, 1);
		assert_int_equal(p.lines[m1].start_bytes, 0);
		assert_int_equal(p.blocks[p.lines[m1 - 1].block].kind,
		    PANE_AGENCY);
		assert_int_equal(p.blocks[p.lines[m1 - 1].block].measure, 0);
		assert_true(m0 < m1);
		/* No measure 2. */
		assert_int_equal(pane_measure_line(&p, 2), 0);
		assert_int_equal(pane_measure_line(&p, SIZE_MAX), 0);
		if (i == 0) {
			/* Path, title, blank; measure 0 takes 2 lines and
			 * its organisations 1. */
			assert_int_equal(m0, 3);
			assert_int_equal(m1, 3 + 2 + 1);
			at80 = m1;
		} else
			assert_true(m1 > at80);
	}

	/* A node with no measures. */
	pane_layout(&p, doc, find(doc, "1.", "1.2", "(3)"), 80);
	assert_int_equal(pane_measure_line(&p, 0), 0);
	/* 2.1 (1): three measures, each with one organisation block. */
	n = find(doc, "2.", "2.1", "(1)");
	pane_layout(&p, doc, n, 40);
	for (i = 0; i < n->n_measures; i++) {
		m0 = pane_measure_line(&p, i);
		assert_int_equal(p.blocks[p.lines[m0].block].measure, i);
		assert_int_equal(p.blocks[p.lines[m0].block].kind,
		    PANE_MEASURE);
		if (i > 0)
			assert_true(m0 > pane_measure_line(&p, i - 1));
	}
	pane_fini(&p);
}

/* A node with children lists them; their footnotes are not shown. */
static void
test_children(void **state)
{
	const struct doc *doc = *state;
	const struct doc_node *n = find(doc, "2.", "2.2", NULL), *e2;
	struct pane p = { 0 };
	char want[1024];
	size_t i;

	pane_layout(&p, doc, n, 80);
	assert_kinds(&p, 5, PANE_PATH, PANE_TITLE, PANE_BLANK, PANE_CHILD,
	    PANE_CHILD);
	assert_string_equal(p.blocks[0].text, "2.");
	for (i = 0; i < n->n_children; i++) {
		snprintf(want, sizeof want, "%s %s", n->children[i].number,
		    n->children[i].title);
		assert_string_equal(p.blocks[3 + i].text, want);
		assert_int_equal(p.blocks[3 + i].indent_cols, 2);
		assert_int_equal(p.blocks[3 + i].hang_cols, 4);
	}
	assert_string_equal(p.blocks[4].text,
	    "(2) 地方公共団体のセキュリティ強化・充実");
	assert_lines_cover(&p);

	/* 2.: no path at the top level; seven sections, in order. */
	e2 = &doc->nodes[1];
	pane_layout(&p, doc, e2, 80);
	assert_int_equal(p.n_blocks, 2 + e2->n_children);
	assert_int_equal(p.blocks[0].kind, PANE_TITLE);
	assert_int_equal(p.blocks[1].kind, PANE_BLANK);
	for (i = 0; i < e2->n_children; i++) {
		assert_int_equal(p.blocks[2 + i].kind, PANE_CHILD);
		snprintf(want, sizeof want, "%s %s", e2->children[i].number,
		    e2->children[i].title);
		assert_string_equal(p.blocks[2 + i].text, want);
	}

	/* 5.: a measure, no children, so one blank only. */
	pane_layout(&p, doc, &doc->nodes[4], 80);
	assert_kinds(&p, 4, PANE_TITLE, PANE_BLANK, PANE_MEASURE, PANE_AGENCY);
	assert_string_equal(p.blocks[0].text, "5. 推進体制");
	assert_string_equal(p.blocks[3].text, "【NISC】");
	pane_fini(&p);
}

/* Organisations on the node itself, and tags as printed or joined. */
static void
test_agencies(void **state)
{
	const struct doc *doc = *state;
	const struct doc_node *n = find(doc, "1.", "1.2", "(3)");
	struct pane p = { 0 };

	/* 1.2 (3): no measures, no children, no footnotes: no blank. */
	pane_layout(&p, doc, n, 80);
	assert_kinds(&p, 3, PANE_PATH, PANE_TITLE, PANE_AGENCY);
	assert_string_equal(p.blocks[0].text, "1. › 1.2");
	assert_string_equal(p.blocks[2].text, "【経済産業省】");
	assert_int_equal(p.blocks[2].measure, SIZE_MAX);
	assert_int_equal(p.blocks[2].indent_cols, 2);
	assert_int_equal(p.lines[p.n_lines - 1].indent_cols, 2);
	assert_true(p.lines[p.n_lines - 1].block == 2);
	assert_lines_cover(&p);
	assert_sources(&p, doc);

	/* A tag as printed. */
	pane_layout(&p, doc, find(doc, "1.", "1.1", "(2)"), 80);
	assert_kinds(&p, 5, PANE_PATH, PANE_TITLE, PANE_BLANK, PANE_MEASURE,
	    PANE_AGENCY);
	assert_string_equal(p.blocks[4].text, "【総務省及び経済産業省】");
	/* Names joined by 、 when no tag is given. */
	pane_layout(&p, doc, find(doc, "2.", "2.1", "(1)"), 80);
	assert_int_equal(p.n_blocks, 3 + 2 * 3);
	assert_string_equal(p.blocks[6].text, "【NISC、総務省、経済産業省】");
	assert_int_equal(p.blocks[6].measure, 1);
	assert_string_equal(p.blocks[8].text, "【金融庁】");
	pane_fini(&p);
}

/* The ISAC footnote of 2.6 (1), once. */
static void
test_footnote_isac(void **state)
{
	const struct doc *doc = *state;
	const struct doc_node *n = find(doc, "2.", "2.6", "(1)");
	struct pane p = { 0 };

	pane_layout(&p, doc, n, 60);
	assert_kinds(&p, 7, PANE_PATH, PANE_TITLE, PANE_BLANK, PANE_MEASURE,
	    PANE_AGENCY, PANE_BLANK, PANE_FOOTNOTE);
	assert_true(starts_with(p.blocks[6].text,
	    "※2 ISAC: Information Sharing and Analysis Center"));
	assert_ptr_equal(p.blocks[6].source,
	    doc_footnote_find(doc, "※2")->text);
	assert_string_equal(p.blocks[4].text, "【NISCおよび関係省庁】");
	assert_lines_cover(&p);
	assert_lines_fit(&p);
	pane_fini(&p);
}

/* Laying out over a used pane replaces (and frees) what was there. */
static void
test_relayout(void **state)
{
	const struct doc *doc = *state;
	const struct doc_node *a = find(doc, "2.", "2.2", "(2)");
	const struct doc_node *b = find(doc, "1.", "1.2", "(3)");
	const struct doc_node *n;
	struct pane p = { 0 };

	pane_layout(&p, doc, a, 80);
	assert_int_equal(p.n_blocks, 9);
	pane_layout(&p, doc, b, 30);
	assert_ptr_equal(p.node, b);
	assert_int_equal(p.width_cols, 30);
	assert_int_equal(p.n_blocks, 3);
	assert_string_equal(p.blocks[2].text, "【経済産業省】");
	assert_lines_cover(&p);
	/* The same node again, and every node in turn, over one pane. */
	pane_layout(&p, doc, b, 30);
	assert_int_equal(p.n_blocks, 3);
	for (n = doc_next(doc, NULL); n != NULL; n = doc_next(doc, n))
		pane_layout(&p, doc, n, 50);
	assert_ptr_equal(p.node, &doc->nodes[4]);
	assert_int_equal(p.n_blocks, 4);

	pane_fini(&p);
	assert_null(p.blocks);
	assert_null(p.lines);
	assert_null(p.node);
	assert_int_equal(p.n_blocks, 0);
	assert_int_equal(p.n_lines, 0);
	/* Finishing an empty pane is fine. */
	pane_fini(&p);
	assert_int_equal(p.n_blocks, 0);
}

/* Footnotes cited twice in a node appear once, in order of first citing. */
static void
test_footnotes_once(void **state)
{
	struct doc_error err;
	struct doc *doc = NULL;
	struct pane p = { 0 };

	(void)state;
	if (doc_load("cites.yaml", CITES_DOC, strlen(CITES_DOC), &doc,
	    &err) != 0)
		fail_msg("%lu:%lu: %s", err.line, err.col, err.message);
	pane_layout(&p, doc, &doc->nodes[0], 80);
	assert_kinds(&p, 9, PANE_TITLE, PANE_BLANK, PANE_MEASURE, PANE_AGENCY,
	    PANE_MEASURE, PANE_AGENCY, PANE_BLANK, PANE_FOOTNOTE,
	    PANE_FOOTNOTE);
	assert_string_equal(p.blocks[0].text, "1. A※2");
	assert_string_equal(p.blocks[2].text, "・x※1");
	assert_string_equal(p.blocks[5].text, "【NISC、総務省】");
	/* The title cites ※2 first; ※2 has no term. */
	assert_string_equal(p.blocks[7].text, "※2 def2");
	assert_int_equal(p.blocks[7].text_offset, strlen("※2 "));
	assert_string_equal(p.blocks[8].text, "※1 CSIRT: def1");
	assert_int_equal(p.blocks[8].text_offset, strlen("※1 CSIRT: "));
	assert_lines_cover(&p);
	assert_lines_fit(&p);
	assert_sources(&p, doc);
	pane_fini(&p);
	doc_free(&doc);
	text_fini();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_layout_22_2, setup_real,
		    teardown_real),
		cmocka_unit_test_setup_teardown(test_all_nodes, setup_real,
		    teardown_real),
		cmocka_unit_test_setup_teardown(test_measure_line, setup_real,
		    teardown_real),
		cmocka_unit_test_setup_teardown(test_children, setup_real,
		    teardown_real),
		cmocka_unit_test_setup_teardown(test_agencies, setup_real,
		    teardown_real),
		cmocka_unit_test_setup_teardown(test_footnote_isac, setup_real,
		    teardown_real),
		cmocka_unit_test_setup_teardown(test_relayout, setup_real,
		    teardown_real),
		cmocka_unit_test(test_footnotes_once),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
