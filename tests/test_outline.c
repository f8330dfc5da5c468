/*
 * test_outline: the collapsible tree as visible rows, on the real document
 * and on a small inline one where a node has both measures and children.
 *
 * Expected counts are derived by walking the doc in the test (doc_next), not
 * taken from the outline, so a wrong count in outline.c shows.  The guides
 * are checked against a reference computed from the visible rows alone: a
 * row (or its ancestor at depth d) has a later sibling when a later row of
 * the same depth comes before any shallower row.  That holds in every
 * expand state, since a visible row's siblings are always visible.
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

#include "model/doc.h"
#include "model/outline.h"


/* Entry 1. has measures, then two items, a leaf, and a node with both. */
#define BOTH_DOC \
	"title: T\nnodes:\n" \
	"  - number: \"1.\"\n    title: A\n    measures:\n" \
	"      - {text: m0, agencies: [NISC]}\n" \
	"      - {text: m1, agencies: [NISC]}\n" \
	"    children:\n" \
	"      - {number: \"(1)\", title: B}\n" \
	"      - {number: \"(2)\", title: C,\n" \
	"         measures: [{text: m2, agencies: [NISC]}]}\n" \
	"  - number: \"2.\"\n    title: D\n"

/* Row i of outline o (short, for the assertions). */
#define ROW(o, i)	outline_row((o), (i))

/* The visible row of a node's own row, or fail the test. */
static size_t
row_of(const struct outline *o, const struct doc_node *n)
{
	size_t row = outline_find(o, n, OUTLINE_NODE);

	if (row == SIZE_MAX)
		fail_msg("node %s %s is not visible", n->number, n->title);
	return row;
}

/* The visible row of a node's measure, or fail the test. */
static size_t
row_of_measure(const struct outline *o, const struct doc_node *n, size_t m)
{
	size_t row = outline_find(o, n, m);

	if (row == SIZE_MAX)
		fail_msg("measure %zu of %s is not visible", m, n->number);
	return row;
}

/* Rows under n when all is expanded, by walking the doc in pre-order. */
static size_t
subtree_rows(const struct doc *doc, const struct doc_node *n)
{
	const struct doc_node *m;
	size_t rows = n->n_measures;

	for (m = doc_next(doc, n); m != NULL && m->depth > n->depth;
	    m = doc_next(doc, m))
		rows += 1 + m->n_measures;
	return rows;
}

/* Rows there should be: the top level plus what each expanded row shows. */
static size_t
expected_rows(const struct outline *o)
{
	size_t i, rows = o->doc->n_nodes;

	for (i = 0; i < o->n_rows; i++)
		if (outline_is_expanded(o, i))
			rows += ROW(o, i)->node->n_measures +
			    ROW(o, i)->node->n_children;
	return rows;
}

/* Rows in the doc at levels 1..level (measures one below their node). */
static size_t
level_rows(const struct doc *doc, size_t level)
{
	const struct doc_node *n;
	size_t rows = 0;

	for (n = doc_next(doc, NULL); n != NULL; n = doc_next(doc, n)) {
		if (n->depth < level || n->depth == 0)
			rows++;
		if (n->depth + 1 < level)
			rows += n->n_measures;
	}
	return rows;
}

/*
 * The rows are consistent with themselves: count, pre-order, depths, and
 * every row but the top level sits under an expanded row.
 */
static void
assert_rows_sane(const struct outline *o)
{
	const struct outline_row *r;
	size_t i, p;

	assert_int_equal(o->n_rows, expected_rows(o));
	assert_true(o->selected < o->n_rows);
	for (i = 0; i < o->n_rows; i++) {
		r = ROW(o, i);
		if (r->measure == OUTLINE_NODE)
			assert_int_equal(r->depth, r->node->depth);
		else {
			assert_true(r->measure < r->node->n_measures);
			assert_int_equal(r->depth, r->node->depth + 1);
		}
		if (i > 0)
			assert_true(ROW(o, i - 1)->node->id < r->node->id ||
			    (ROW(o, i - 1)->node == r->node &&
			    r->measure != OUTLINE_NODE &&
			    (ROW(o, i - 1)->measure == OUTLINE_NODE ||
			    ROW(o, i - 1)->measure < r->measure)));
		p = outline_parent(o, i);
		if (r->depth == 0) {
			assert_int_equal(p, SIZE_MAX);
			continue;
		}
		assert_true(p < i);
		assert_true(outline_is_expanded(o, p));
		assert_int_equal(ROW(o, p)->depth, r->depth - 1);
	}
}

/* Guides for a row from the visible rows only (see the top comment). */
static void
reference_guides(const struct outline *o, size_t row,
    enum outline_guide *guides)
{
	size_t d, j, depth = ROW(o, row)->depth;
	int later;

	for (d = 1; d <= depth; d++) {
		later = 0;
		for (j = row + 1; j < o->n_rows && ROW(o, j)->depth >= d; j++)
			if (ROW(o, j)->depth == d) {
				later = 1;
				break;
			}
		if (d == depth)
			guides[d - 1] = later ? OUTLINE_GUIDE_TEE :
			    OUTLINE_GUIDE_ELL;
		else
			guides[d - 1] = later ? OUTLINE_GUIDE_BAR :
			    OUTLINE_GUIDE_BLANK;
	}
}

/* Every row's guides match the reference. */
static void
assert_guides_all(const struct outline *o)
{
	enum outline_guide got[DOC_MAX_DEPTH], want[DOC_MAX_DEPTH];
	size_t i, d, count;

	for (i = 0; i < o->n_rows; i++) {
		count = outline_guides(o, i, got);
		assert_int_equal(count, ROW(o, i)->depth);
		reference_guides(o, i, want);
		for (d = 0; d < count; d++)
			if (got[d] != want[d])
				fail_msg("row %zu (%s, measure %zu) guide %zu: "
				    "got %d, want %d", i,
				    ROW(o, i)->node->number, ROW(o, i)->measure,
				    d, got[d], want[d]);
	}
}

/* Assert a row's guides are exactly the n given. */
static void
assert_guides(const struct outline *o, size_t row, size_t n, ...)
{
	enum outline_guide got[DOC_MAX_DEPTH];
	va_list ap;
	size_t d;

	assert_int_equal(outline_guides(o, row, got), n);
	va_start(ap, n);
	for (d = 0; d < n; d++)
		assert_int_equal(got[d], va_arg(ap, int));
	va_end(ap);
}

/* Fail unless o's blocks hold its rows as outline.h says: counts that add
 * up, none empty or over block_max, no two neighbours that would fit in
 * one. */
static void
assert_blocks_sane(const struct outline *o)
{
	size_t b, at = 0;

	assert_true(o->n_blocks >= 1);
	for (b = 0; b < o->n_blocks; b++) {
		assert_int_equal(o->block_at[b], at);
		assert_true(o->block_n[b] >= 1);
		assert_true(o->block_n[b] <= o->block_max);
		if (b + 1 < o->n_blocks)
			assert_true(o->block_n[b] + o->block_n[b + 1] >
			    o->block_max);
		at += o->block_n[b];
	}
	assert_int_equal(at, o->n_rows);
	assert_true(o->n_blocks <= 2 * o->n_rows / o->block_max + 1);
}

/* Fail unless o's rows are those of an outline built afresh with its
 * expansion. */
static void
assert_rows_rebuilt(const struct outline *o)
{
	struct outline ref;
	size_t i;

	outline_init(&ref, o->doc);
	outline_set_expansion(&ref, o->expanded);
	assert_int_equal(o->n_rows, ref.n_rows);
	for (i = 0; i < o->n_rows; i++) {
		assert_ptr_equal(ROW(o, i)->node, ROW(&ref, i)->node);
		assert_int_equal(ROW(o, i)->measure, ROW(&ref, i)->measure);
		assert_int_equal(ROW(o, i)->depth, ROW(&ref, i)->depth);
	}
	assert_true(o->selected < o->n_rows);
	assert_blocks_sane(o);
	outline_fini(&ref);
}

/* Splicing rows in and out always leaves the rows a rebuild would make:
 * 4,000 random toggles, reveals, expand-alls and collapse-alls, in blocks
 * of block rows. */
static void
splice_as_rebuild(const struct doc *doc, size_t block)
{
	struct outline o;
	unsigned long seed = 12345;
	size_t i, row, op, most = 0;

	outline_init(&o, doc);
	o.block_max = block;
	outline_collapse_all(&o);
	for (i = 0; i < 4000; i++) {
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		op = (seed >> 33) % 100;
		row = (seed >> 13) % o.n_rows;
		if (op < 70) {
			if (outline_has_children(&o, row))
				outline_set_expanded(&o, row,
				    !outline_is_expanded(&o, row));
		} else if (op < 90)
			outline_reveal(&o, o.by_id[(seed >> 21) %
			    doc->total_nodes]);
		else if (op < 95)
			outline_expand_all(&o);
		else if (op < 97)
			outline_collapse_all(&o);
		else
			outline_select(&o, row);
		if (o.n_blocks > most)
			most = o.n_blocks;
		assert_rows_rebuilt(&o);
	}
	/* The splices did cross blocks: the 107 rows of everything
	 * expanded make at least 15 blocks of 7 rows. */
	if (block < OUTLINE_BLOCK)
		assert_true(most >= 15);
	outline_fini(&o);
}

/* Splicing as rebuilding, in the usual blocks (the 2018 document fits in
 * one) and in blocks of 1, 2, 3 and 7 rows, where every splice crosses
 * blocks and ends in their middle. */
static void
test_splice_as_rebuild(void **state)
{
	static const size_t blocks[] = { OUTLINE_BLOCK, 1, 2, 3, 7 };
	size_t i;

	for (i = 0; i < sizeof blocks / sizeof blocks[0]; i++)
		splice_as_rebuild(*state, blocks[i]);
}

/* Initially the 5 entries, collapsed, the first selected. */
static void
test_init(void **state)
{
	const struct doc *doc = *state;
	struct outline o;
	size_t i;

	outline_init(&o, doc);
	assert_ptr_equal(o.doc, doc);
	assert_int_equal(o.n_rows, doc->n_nodes);
	assert_int_equal(o.n_rows, 5);
	assert_int_equal(o.selected, 0);
	assert_ptr_equal(outline_selected_node(&o), &doc->nodes[0]);
	for (i = 0; i < o.n_rows; i++) {
		assert_ptr_equal(ROW(&o, i)->node, &doc->nodes[i]);
		assert_int_equal(ROW(&o, i)->measure, OUTLINE_NODE);
		assert_int_equal(ROW(&o, i)->depth, 0);
		/* Every entry has sections or (5.) measures. */
		assert_true(outline_has_children(&o, i));
		assert_false(outline_is_expanded(&o, i));
	}
	assert_rows_sane(&o);

	outline_fini(&o);
	assert_null(o.blocks);
	assert_null(o.by_id);
	assert_int_equal(o.n_rows, 0);
}

/* A collapsed row hides its whole subtree; an expanded one hides nothing. */
static void
test_hidden(void **state)
{
	const struct doc *doc = *state;
	const struct doc_node *leaf = find(doc, "1.", "1.2", "(3)");
	struct outline o;
	size_t i, sum = 0, row;

	outline_init(&o, doc);
	for (i = 0; i < o.n_rows; i++) {
		assert_int_equal(outline_hidden(&o, i),
		    subtree_rows(doc, ROW(&o, i)->node));
		sum += 1 + outline_hidden(&o, i);
	}
	/* 1.: 3 sections, 3 + 3 + 2 items, 3 + 2 + 0 + 2 measures (1.2 (3)
	 * has none) = 18, counted in the YAML. */
	assert_int_equal(outline_hidden(&o, 0), 3 + 8 + 7);
	/* 5.: its one measure. */
	assert_int_equal(outline_hidden(&o, 4), 1);
	assert_int_equal(sum, doc->total_nodes + doc->total_measures);

	/* Expanded: 0 for the row, and its sections hide their subtrees. */
	assert_true(outline_set_expanded(&o, 1, 1));
	assert_int_equal(outline_hidden(&o, 1), 0);
	for (i = 0; i < doc->nodes[1].n_children; i++) {
		row = row_of(&o, &doc->nodes[1].children[i]);
		assert_int_equal(outline_hidden(&o, row),
		    subtree_rows(doc, &doc->nodes[1].children[i]));
	}
	assert_int_equal(outline_hidden(&o,
	    row_of(&o, find(doc, "2.", "2.1", NULL))), 2 + 3 + 1);

	/* Measures and leaves hide nothing, expanded or not. */
	outline_expand_all(&o);
	for (i = 0; i < o.n_rows; i++)
		assert_int_equal(outline_hidden(&o, i), 0);
	outline_collapse_all(&o);
	outline_reveal(&o, leaf);
	assert_int_equal(outline_hidden(&o, row_of(&o, leaf)), 0);
	outline_fini(&o);
}

/* Expanding and collapsing one row, and what set_expanded returns. */
static void
test_set_expanded(void **state)
{
	const struct doc *doc = *state;
	const struct doc_node *e2 = &doc->nodes[1], *e3 = &doc->nodes[2];
	struct outline o;
	size_t i, row;

	outline_init(&o, doc);
	outline_select(&o, 2);
	assert_ptr_equal(outline_selected_node(&o), e3);

	assert_int_equal(outline_set_expanded(&o, 1, 1), 1);
	assert_true(outline_is_expanded(&o, 1));
	assert_int_equal(o.n_rows, doc->n_nodes + e2->n_measures +
	    e2->n_children);
	assert_int_equal(o.n_rows, 5 + 7);
	for (i = 0; i < e2->n_children; i++) {
		assert_ptr_equal(ROW(&o, 2 + i)->node, &e2->children[i]);
		assert_int_equal(ROW(&o, 2 + i)->depth, 1);
		assert_false(outline_is_expanded(&o, 2 + i));
	}
	/* The selection follows 3. down past 2.'s sections. */
	assert_ptr_equal(outline_selected_node(&o), e3);
	assert_int_equal(o.selected, 2 + e2->n_children);
	assert_rows_sane(&o);

	/* Nothing changes: already expanded; any non-zero means expand. */
	assert_int_equal(outline_set_expanded(&o, 1, 1), 0);
	assert_int_equal(outline_set_expanded(&o, 1, 42), 0);
	assert_int_equal(o.n_rows, 12);

	/* 2.7 carries its measure directly: expanding shows it. */
	row = row_of(&o, find(doc, "2.", "2.7", NULL));
	assert_int_equal(outline_set_expanded(&o, row, 1), 1);
	assert_int_equal(o.n_rows, 13);
	assert_int_equal(ROW(&o, row + 1)->measure, 0);
	assert_int_equal(ROW(&o, row + 1)->depth, 2);
	/* A measure row does not expand. */
	assert_int_equal(outline_set_expanded(&o, row + 1, 1), 0);
	assert_int_equal(outline_set_expanded(&o, row + 1, 0), 0);
	assert_int_equal(o.n_rows, 13);

	/* Collapsing 2. hides 2.7 and its measure; 2.7 stays expanded. */
	assert_int_equal(outline_set_expanded(&o, 1, 0), 1);
	assert_int_equal(o.n_rows, 5);
	assert_false(outline_is_expanded(&o, 1));
	assert_ptr_equal(outline_selected_node(&o), e3);
	assert_int_equal(o.selected, 2);
	assert_int_equal(outline_set_expanded(&o, 1, 0), 0);
	assert_int_equal(outline_set_expanded(&o, 1, 1), 1);
	assert_int_equal(o.n_rows, 13);
	assert_rows_sane(&o);
	outline_fini(&o);
}

/* The selection is kept, or moves to the nearest visible ancestor. */
static void
test_selection_kept(void **state)
{
	const struct doc *doc = *state;
	const struct doc_node *n = find(doc, "2.", "2.2", "(2)"), *s = n->parent;
	struct outline o;
	size_t row;

	outline_init(&o, doc);
	outline_expand_all(&o);
	row = row_of_measure(&o, n, 1);
	outline_select(&o, row);
	assert_int_equal(o.selected, row);
	assert_ptr_equal(outline_selected_node(&o), n);

	/* Collapsing a sibling above moves the row, not the selection. */
	assert_true(outline_set_expanded(&o, row_of(&o, &doc->nodes[0]), 0));
	assert_int_equal(o.selected, row_of_measure(&o, n, 1));
	assert_true(o.selected < row);
	assert_ptr_equal(outline_selected_node(&o), n);
	assert_int_equal(ROW(&o, o.selected)->measure, 1);

	/* Collapsing the grandparent 2.2 hides (2) and its measure. */
	assert_true(outline_set_expanded(&o, row_of(&o, s), 0));
	assert_int_equal(o.selected, row_of(&o, s));
	assert_ptr_equal(outline_selected_node(&o), s);
	assert_int_equal(ROW(&o, o.selected)->measure, OUTLINE_NODE);
	/* Expanding again does not bring the old selection back. */
	assert_true(outline_set_expanded(&o, row_of(&o, s), 1));
	assert_int_equal(o.selected, row_of(&o, s));

	/* A selected node hidden by collapsing its top-level entry. */
	outline_select(&o, row_of(&o, n));
	assert_true(outline_set_expanded(&o, row_of(&o, &doc->nodes[1]), 0));
	assert_int_equal(o.selected, 1);
	assert_ptr_equal(outline_selected_node(&o), &doc->nodes[1]);
	assert_rows_sane(&o);
	outline_fini(&o);
}

/* Expand all: every node and measure; collapse all: the 5 entries. */
static void
test_expand_collapse_all(void **state)
{
	const struct doc *doc = *state;
	const struct doc_node *n = find(doc, "2.", "2.2", "(2)");
	struct outline o;
	size_t i, row = 0;

	outline_init(&o, doc);
	outline_expand_all(&o);
	assert_int_equal(o.n_rows, doc->total_nodes + doc->total_measures);
	assert_int_equal(o.n_rows, 59 + 48);
	/* Pre-order: each node, then its measures, then its children. */
	for (n = doc_next(doc, NULL); n != NULL; n = doc_next(doc, n)) {
		assert_ptr_equal(ROW(&o, row)->node, n);
		assert_int_equal(ROW(&o, row)->measure, OUTLINE_NODE);
		assert_int_equal(outline_is_expanded(&o, row),
		    n->n_measures + n->n_children > 0);
		row++;
		for (i = 0; i < n->n_measures; i++, row++) {
			assert_ptr_equal(ROW(&o, row)->node, n);
			assert_int_equal(ROW(&o, row)->measure, i);
		}
	}
	assert_int_equal(row, o.n_rows);
	assert_rows_sane(&o);
	/* The selection stayed on the first row. */
	assert_int_equal(o.selected, 0);

	n = find(doc, "2.", "2.2", "(2)");
	outline_select(&o, row_of_measure(&o, n, 1));
	outline_collapse_all(&o);
	assert_int_equal(o.n_rows, 5);
	for (i = 0; i < o.n_rows; i++)
		assert_false(outline_is_expanded(&o, i));
	assert_int_equal(o.selected, 1);
	assert_ptr_equal(outline_selected_node(&o), &doc->nodes[1]);
	/* Collapsing what is collapsed changes nothing. */
	outline_collapse_all(&o);
	assert_int_equal(o.n_rows, 5);
	assert_int_equal(o.selected, 1);
	outline_fini(&o);
}

/* Levels: 1 the entries; 2 with sections; 3 with items; 4 everything. */
static void
test_expand_level(void **state)
{
	const struct doc *doc = *state;
	const struct doc_node *n = find(doc, "2.", "2.2", "(2)");
	struct outline o;
	size_t level, i;

	outline_init(&o, doc);
	for (level = 0; level <= 6; level++) {
		outline_expand_level(&o, level);
		assert_int_equal(o.n_rows, level_rows(doc, level));
		for (i = 0; i < o.n_rows; i++) {
			assert_true(ROW(&o, i)->depth <
			    (level > 1 ? level : 1));
			if (outline_has_children(&o, i))
				assert_int_equal(outline_is_expanded(&o, i),
				    ROW(&o, i)->depth + 1 < level);
		}
		assert_rows_sane(&o);
	}
	/* The same numbers from the counts of the source: 5 entries, 16
	 * sections, 38 items, 48 measures; 5. carries one measure (shown at
	 * level 2), 2.7 and 4.3 one each (shown at level 3). */
	outline_expand_level(&o, 1);
	assert_int_equal(o.n_rows, 5);
	outline_expand_level(&o, 2);
	assert_int_equal(o.n_rows, 5 + 16 + 1);
	outline_expand_level(&o, 3);
	assert_int_equal(o.n_rows, 5 + 16 + 1 + 38 + 2);
	outline_expand_level(&o, 4);
	assert_int_equal(o.n_rows, doc->total_nodes + doc->total_measures);
	/* Level 0 is as collapsed as level 1. */
	outline_expand_level(&o, 0);
	assert_int_equal(o.n_rows, 5);

	/* Going down a level collapses what is deeper; a selected node
	 * hidden by it moves to its visible ancestor. */
	outline_expand_level(&o, 4);
	outline_select(&o, row_of(&o, n));
	outline_expand_level(&o, 2);
	assert_int_equal(o.n_rows, 22);
	assert_ptr_equal(outline_selected_node(&o), n->parent);
	assert_int_equal(ROW(&o, o.selected)->measure, OUTLINE_NODE);
	outline_fini(&o);
}

/* Reveal expands the ancestors only, and keeps the selection. */
static void
test_reveal(void **state)
{
	const struct doc *doc = *state;
	const struct doc_node *n = find(doc, "2.", "2.2", "(2)");
	struct outline o;
	size_t row;

	outline_init(&o, doc);
	outline_select(&o, 3);
	assert_int_equal(outline_find(&o, n, OUTLINE_NODE), SIZE_MAX);
	outline_reveal(&o, n);
	row = row_of(&o, n);
	assert_int_equal(ROW(&o, row)->depth, 2);
	/* 2. and 2.2 are open; (2) itself stays closed. */
	assert_true(outline_is_expanded(&o, row_of(&o, &doc->nodes[1])));
	assert_true(outline_is_expanded(&o, row_of(&o, n->parent)));
	assert_false(outline_is_expanded(&o, row));
	assert_int_equal(outline_find(&o, n, 0), SIZE_MAX);
	assert_int_equal(o.n_rows, doc->n_nodes + doc->nodes[1].n_children +
	    n->parent->n_children);
	assert_int_equal(o.n_rows, 5 + 7 + 2);
	/* Nothing else opened. */
	assert_int_equal(outline_find(&o, find(doc, "1.", "1.1", NULL),
	    OUTLINE_NODE), SIZE_MAX);
	assert_int_equal(outline_find(&o, find(doc, "2.", "2.1", "(1)"),
	    OUTLINE_NODE), SIZE_MAX);
	/* The selection (4.) stayed put, at its new row. */
	assert_ptr_equal(outline_selected_node(&o), &doc->nodes[3]);
	assert_int_equal(o.selected, 3 + 7 + 2);
	assert_rows_sane(&o);

	/* Revealing what is visible, or an entry, changes nothing. */
	outline_reveal(&o, n);
	outline_reveal(&o, &doc->nodes[4]);
	assert_int_equal(o.n_rows, 14);
	assert_int_equal(o.selected, 12);

	/* An item in a collapsed entry. */
	n = find(doc, "4.", "4.1", "(5)");
	outline_reveal(&o, n);
	assert_int_equal(o.n_rows, 14 + doc->nodes[3].n_children +
	    n->parent->n_children);
	assert_ptr_equal(ROW(&o, row_of(&o, n) - 1)->node,
	    &n->parent->children[3]);
	assert_ptr_equal(outline_selected_node(&o), &doc->nodes[3]);
	outline_fini(&o);
}

/* Find rows of nodes and measures, visible or not. */
static void
test_find(void **state)
{
	const struct doc *doc = *state;
	const struct doc_node *n = find(doc, "2.", "2.1", "(1)"), *m;
	struct outline o;
	size_t i, row, level;

	outline_init(&o, doc);
	for (i = 0; i < doc->n_nodes; i++)
		assert_int_equal(outline_find(&o, &doc->nodes[i], OUTLINE_NODE),
		    i);
	/* Hidden: a section, an item, a measure of an entry. */
	assert_int_equal(outline_find(&o, find(doc, "1.", "1.1", NULL),
	    OUTLINE_NODE), SIZE_MAX);
	assert_int_equal(outline_find(&o, n, OUTLINE_NODE), SIZE_MAX);
	assert_int_equal(outline_find(&o, n, 0), SIZE_MAX);
	assert_int_equal(outline_find(&o, &doc->nodes[4], 0), SIZE_MAX);

	/* Every row is found at its index, in several states. */
	for (level = 1; level <= 4; level++) {
		outline_expand_level(&o, level);
		for (i = 0; i < o.n_rows; i++)
			assert_int_equal(outline_find(&o, ROW(&o, i)->node,
			    ROW(&o, i)->measure), i);
	}
	/* ...and every node and measure of the doc is there when all is. */
	outline_expand_all(&o);
	for (m = doc_next(doc, NULL); m != NULL; m = doc_next(doc, m)) {
		row = outline_find(&o, m, OUTLINE_NODE);
		assert_true(row != SIZE_MAX);
		for (i = 0; i < m->n_measures; i++)
			assert_int_equal(outline_find(&o, m, i), row + 1 + i);
		/* A measure index past the last is never found. */
		assert_int_equal(outline_find(&o, m, m->n_measures), SIZE_MAX);
	}
	/* 2.1 (1)'s three measures follow it. */
	row = row_of(&o, n);
	assert_int_equal(row_of_measure(&o, n, 2), row + 3);
	assert_ptr_equal(ROW(&o, row + 4)->node, &n->parent->children[1]);

	/* Collapsing (1) hides its measures but not (1). */
	assert_true(outline_set_expanded(&o, row, 0));
	assert_int_equal(outline_find(&o, n, OUTLINE_NODE), row);
	for (i = 0; i < n->n_measures; i++)
		assert_int_equal(outline_find(&o, n, i), SIZE_MAX);
	assert_int_equal(outline_find(&o, &n->parent->children[1],
	    OUTLINE_NODE), row + 1);
	outline_fini(&o);
}

/* Parents of node rows, measure rows and the top level. */
static void
test_parent(void **state)
{
	const struct doc *doc = *state;
	const struct doc_node *n = find(doc, "2.", "2.2", "(2)");
	const struct doc_node *s27 = find(doc, "2.", "2.7", NULL);
	struct outline o;
	size_t i, p;

	outline_init(&o, doc);
	for (i = 0; i < o.n_rows; i++)
		assert_int_equal(outline_parent(&o, i), SIZE_MAX);

	outline_expand_all(&o);
	/* Node rows: the parent node's row. */
	assert_int_equal(outline_parent(&o, row_of(&o, n)),
	    row_of(&o, n->parent));
	assert_int_equal(outline_parent(&o, row_of(&o, n->parent)),
	    row_of(&o, &doc->nodes[1]));
	assert_int_equal(outline_parent(&o, row_of(&o, &doc->nodes[1])),
	    SIZE_MAX);
	/* Measure rows: their node's row, at any depth. */
	assert_int_equal(outline_parent(&o, row_of_measure(&o, n, 1)),
	    row_of(&o, n));
	assert_int_equal(outline_parent(&o, row_of_measure(&o, s27, 0)),
	    row_of(&o, s27));
	assert_int_equal(outline_parent(&o,
	    row_of_measure(&o, &doc->nodes[4], 0)), row_of(&o, &doc->nodes[4]));
	/* Every row: the parent row holds the parent node. */
	for (i = 0; i < o.n_rows; i++) {
		p = outline_parent(&o, i);
		if (ROW(&o, i)->measure != OUTLINE_NODE) {
			assert_ptr_equal(ROW(&o, p)->node, ROW(&o, i)->node);
			assert_int_equal(ROW(&o, p)->measure, OUTLINE_NODE);
		} else if (ROW(&o, i)->node->parent == NULL)
			assert_int_equal(p, SIZE_MAX);
		else
			assert_ptr_equal(ROW(&o, p)->node,
			    ROW(&o, i)->node->parent);
	}
	outline_fini(&o);
}

/* Select clamps to the rows there are; the node of a measure row. */
static void
test_select(void **state)
{
	const struct doc *doc = *state;
	const struct doc_node *n = find(doc, "2.", "2.1", "(1)");
	struct outline o;

	outline_init(&o, doc);
	outline_select(&o, 3);
	assert_int_equal(o.selected, 3);
	assert_ptr_equal(outline_selected_node(&o), &doc->nodes[3]);
	outline_select(&o, 5);
	assert_int_equal(o.selected, 4);
	outline_select(&o, SIZE_MAX);
	assert_int_equal(o.selected, 4);
	assert_ptr_equal(outline_selected_node(&o), &doc->nodes[4]);
	outline_select(&o, 0);
	assert_int_equal(o.selected, 0);

	outline_expand_all(&o);
	outline_select(&o, SIZE_MAX);
	assert_int_equal(o.selected, o.n_rows - 1);
	/* The last row is 5.'s measure; its node is 5. */
	assert_int_equal(ROW(&o, o.selected)->measure, 0);
	assert_ptr_equal(outline_selected_node(&o), &doc->nodes[4]);
	outline_select(&o, row_of_measure(&o, n, 2));
	assert_ptr_equal(outline_selected_node(&o), n);
	outline_fini(&o);
}

/*
 * Guides, reasoned from the source: 1. has sections 1.1, 1.2, 1.3 and
 * 1.3 has items (1), (2) with one measure each; 2.6 is followed by 2.7,
 * and its last item (2) has two measures; 2.7, the last section of 2.,
 * has one measure and no items; 5., the last entry, one measure.
 */
static void
test_guides(void **state)
{
	const struct doc *doc = *state;
	const struct doc_node *n;
	struct outline o;
	size_t level;

	outline_init(&o, doc);
	/* Top-level rows have none, collapsed or not. */
	assert_guides(&o, 0, 0);
	assert_guides(&o, 4, 0);
	assert_guides_all(&o);

	outline_expand_all(&o);
	assert_guides(&o, 0, 0);
	/* 1.1: more sections follow. 1.3: the last. */
	assert_guides(&o, row_of(&o, find(doc, "1.", "1.1", NULL)), 1,
	    OUTLINE_GUIDE_TEE);
	assert_guides(&o, row_of(&o, find(doc, "1.", "1.3", NULL)), 1,
	    OUTLINE_GUIDE_ELL);
	/* 1.1 (1): 1.1 has later siblings (bar), (2) follows (tee). */
	assert_guides(&o, row_of(&o, find(doc, "1.", "1.1", "(1)")), 2,
	    OUTLINE_GUIDE_BAR, OUTLINE_GUIDE_TEE);
	/* 1.3 (2): 1.3 is last (blank), (2) is last (ell). */
	n = find(doc, "1.", "1.3", "(2)");
	assert_guides(&o, row_of(&o, n), 2, OUTLINE_GUIDE_BLANK,
	    OUTLINE_GUIDE_ELL);
	/* Its only measure: below two last ancestors, itself the last. */
	assert_guides(&o, row_of_measure(&o, n, 0), 3, OUTLINE_GUIDE_BLANK,
	    OUTLINE_GUIDE_BLANK, OUTLINE_GUIDE_ELL);
	/* 2.6 (2): 2.7 follows 2.6 (bar); (2) is 2.6's last item (blank);
	 * the first measure has a later sibling, the second none. */
	n = find(doc, "2.", "2.6", "(2)");
	assert_guides(&o, row_of_measure(&o, n, 0), 3, OUTLINE_GUIDE_BAR,
	    OUTLINE_GUIDE_BLANK, OUTLINE_GUIDE_TEE);
	assert_guides(&o, row_of_measure(&o, n, 1), 3, OUTLINE_GUIDE_BAR,
	    OUTLINE_GUIDE_BLANK, OUTLINE_GUIDE_ELL);
	/* 2.7's measure: 2.7 is the last section (blank), measure ell. */
	n = find(doc, "2.", "2.7", NULL);
	assert_guides(&o, row_of(&o, n), 1, OUTLINE_GUIDE_ELL);
	assert_guides(&o, row_of_measure(&o, n, 0), 2, OUTLINE_GUIDE_BLANK,
	    OUTLINE_GUIDE_ELL);
	/* 2.1 (1): 2.1 and (1) both have later siblings. */
	n = find(doc, "2.", "2.1", "(1)");
	assert_guides(&o, row_of_measure(&o, n, 1), 3, OUTLINE_GUIDE_BAR,
	    OUTLINE_GUIDE_BAR, OUTLINE_GUIDE_TEE);
	assert_guides(&o, row_of_measure(&o, n, 2), 3, OUTLINE_GUIDE_BAR,
	    OUTLINE_GUIDE_BAR, OUTLINE_GUIDE_ELL);
	/* 5.'s measure: one guide, itself, the last. */
	assert_guides(&o, row_of_measure(&o, &doc->nodes[4], 0), 1,
	    OUTLINE_GUIDE_ELL);
	assert_guides_all(&o);

	/* Guides follow the tree, not what is expanded. */
	for (level = 1; level <= 4; level++) {
		outline_expand_level(&o, level);
		assert_guides_all(&o);
	}
	outline_collapse_all(&o);
	outline_reveal(&o, find(doc, "3.", "3.3", "(3)"));
	assert_guides(&o, row_of(&o, find(doc, "3.", "3.3", NULL)), 1,
	    OUTLINE_GUIDE_ELL);
	assert_guides(&o, row_of(&o, find(doc, "3.", "3.3", "(3)")), 2,
	    OUTLINE_GUIDE_BLANK, OUTLINE_GUIDE_ELL);
	assert_guides_all(&o);
	outline_fini(&o);
}

/* has_children and is_expanded for entries, sections, leaves, measures. */
static void
test_has_children(void **state)
{
	const struct doc *doc = *state;
	const struct doc_node *leaf = find(doc, "1.", "1.2", "(3)");
	const struct doc_node *s27 = find(doc, "2.", "2.7", NULL);
	struct outline o;
	size_t row, i;

	outline_init(&o, doc);
	outline_expand_all(&o);
	/* 1.2 (3) has neither measures nor children: a leaf, even expanded. */
	row = row_of(&o, leaf);
	assert_false(outline_has_children(&o, row));
	assert_false(outline_is_expanded(&o, row));
	assert_int_equal(outline_set_expanded(&o, row, 1), 0);
	assert_int_equal(outline_set_expanded(&o, row, 0), 0);
	/* 2.7 has a measure only. */
	row = row_of(&o, s27);
	assert_true(outline_has_children(&o, row));
	assert_true(outline_is_expanded(&o, row));
	/* Measure rows never have children nor are expanded. */
	for (i = 0; i < o.n_rows; i++) {
		if (ROW(&o, i)->measure == OUTLINE_NODE) {
			assert_int_equal(outline_has_children(&o, i),
			    ROW(&o, i)->node->n_measures +
			    ROW(&o, i)->node->n_children > 0);
			continue;
		}
		assert_false(outline_has_children(&o, i));
		assert_false(outline_is_expanded(&o, i));
	}
	assert_true(outline_set_expanded(&o, row, 0));
	assert_true(outline_has_children(&o, row));
	assert_false(outline_is_expanded(&o, row));
	outline_fini(&o);
}

/* A node with both measures and children: measures come first. */
static void
test_measures_and_children(void **state)
{
	struct doc_error err;
	struct doc *doc = NULL;
	struct outline o;
	const struct doc_node *a, *c;
	unsigned char *node_match, *measure_match;

	(void)state;
	if (doc_load("both.yaml", BOTH_DOC, strlen(BOTH_DOC), &doc, &err) != 0)
		fail_msg("%lu:%lu: %s", err.line, err.col, err.message);
	a = &doc->nodes[0];
	c = &a->children[1];
	outline_init(&o, doc);
	assert_int_equal(o.n_rows, 2);
	assert_int_equal(outline_hidden(&o, 0), 2 + 2 + 1);
	assert_false(outline_has_children(&o, 1));
	assert_int_equal(outline_hidden(&o, 1), 0);

	outline_expand_all(&o);
	assert_int_equal(o.n_rows, 7);
	assert_int_equal(row_of_measure(&o, a, 0), 1);
	assert_int_equal(row_of_measure(&o, a, 1), 2);
	assert_int_equal(row_of(&o, &a->children[0]), 3);
	assert_int_equal(row_of(&o, c), 4);
	assert_int_equal(row_of_measure(&o, c, 0), 5);
	assert_int_equal(row_of(&o, &doc->nodes[1]), 6);
	/* The last measure still has siblings after it: the children. */
	assert_guides(&o, 1, 1, OUTLINE_GUIDE_TEE);
	assert_guides(&o, 2, 1, OUTLINE_GUIDE_TEE);
	assert_guides(&o, 3, 1, OUTLINE_GUIDE_TEE);
	assert_guides(&o, 4, 1, OUTLINE_GUIDE_ELL);
	assert_guides(&o, 5, 2, OUTLINE_GUIDE_BLANK, OUTLINE_GUIDE_ELL);
	assert_guides(&o, 6, 0);
	assert_guides_all(&o);
	assert_int_equal(outline_parent(&o, 2), 0);
	assert_int_equal(outline_parent(&o, 4), 0);
	assert_int_equal(outline_parent(&o, 5), 4);
	assert_rows_sane(&o);

	/* The selected child of an entry moves to the entry on collapse. */
	outline_select(&o, 4);
	assert_true(outline_set_expanded(&o, 0, 0));
	assert_int_equal(o.n_rows, 2);
	assert_int_equal(o.selected, 0);

	/* Filtered to m1: the children are gone, so m1 is the last. */
	node_match = calloc(doc->total_nodes, 1);
	measure_match = calloc(doc->total_measures, 1);
	measure_match[outline_measure_index(&o, a, 1)] = 1;
	outline_filter(&o, node_match, measure_match);
	assert_int_equal(o.n_rows, 2);
	assert_int_equal(row_of_measure(&o, a, 1), 1);
	assert_guides(&o, 1, 1, OUTLINE_GUIDE_ELL);
	/* With (1) too, m1 has a sibling after it again. */
	node_match[a->children[0].id] = 1;
	outline_filter(&o, node_match, measure_match);
	assert_int_equal(o.n_rows, 3);
	assert_guides(&o, 1, 1, OUTLINE_GUIDE_TEE);
	assert_guides(&o, 2, 1, OUTLINE_GUIDE_ELL);
	free(node_match);
	free(measure_match);
	outline_fini(&o);
	doc_free(&doc);
}

/* Restoring a saved expansion gives the same rows. */
static void
test_set_expansion(void **state)
{
	const struct doc *doc = *state;
	unsigned char *saved;
	struct outline o;
	size_t i, n_rows;

	outline_init(&o, doc);
	outline_expand_level(&o, 3);
	outline_reveal(&o, find(doc, "2.", "2.2", "(2)"));
	assert_true(outline_set_expanded(&o,
	    row_of(&o, find(doc, "2.", "2.2", "(2)")), 1));
	n_rows = o.n_rows;
	assert_int_equal(n_rows, level_rows(doc, 3) + 2);
	saved = malloc(doc->total_nodes);
	memcpy(saved, o.expanded, doc->total_nodes);

	outline_collapse_all(&o);
	assert_int_equal(o.n_rows, 5);
	outline_set_expansion(&o, saved);
	assert_int_equal(o.n_rows, n_rows);
	assert_int_equal(memcmp(o.expanded, saved, doc->total_nodes), 0);
	assert_int_equal(row_of_measure(&o, find(doc, "2.", "2.2", "(2)"), 1),
	    row_of(&o, find(doc, "2.", "2.2", "(2)")) + 2);
	/* Open: the entries, the sections, and 2.2 (2). */
	for (i = 0; i < o.n_rows; i++)
		assert_int_equal(outline_is_expanded(&o, i),
		    ROW(&o, i)->measure == OUTLINE_NODE &&
		    (ROW(&o, i)->depth < 2 ||
		    ROW(&o, i)->node == find(doc, "2.", "2.2", "(2)")));
	assert_rows_sane(&o);
	free(saved);
	outline_fini(&o);
}

/* Global measure indices run over the doc in order. */
static void
test_measure_index(void **state)
{
	const struct doc *doc = *state;
	const struct doc_node *n;
	struct outline o;
	size_t i, k = 0;

	outline_init(&o, doc);
	for (n = doc_next(doc, NULL); n != NULL; n = doc_next(doc, n))
		for (i = 0; i < n->n_measures; i++)
			assert_int_equal(outline_measure_index(&o, n, i), k++);
	assert_int_equal(k, doc->total_measures);
	assert_int_equal(outline_measure_index(&o, &doc->nodes[4], 0),
	    doc->total_measures - 1);
	outline_fini(&o);
}

/*
 * A filter on 2.2 (2)'s second measure, the title of 2.7 and both 5. and
 * its measure: only those rows and their ancestors show, the branches
 * holding matches open.
 */
static void
test_filter(void **state)
{
	const struct doc *doc = *state;
	const struct doc_node *n = find(doc, "2.", "2.2", "(2)");
	const struct doc_node *s27 = find(doc, "2.", "2.7", NULL);
	const struct doc_node *e5 = &doc->nodes[4];
	unsigned char *node_match, *measure_match;
	struct outline o;
	size_t i, row;

	node_match = calloc(doc->total_nodes, 1);
	measure_match = calloc(doc->total_measures, 1);
	outline_init(&o, doc);
	node_match[s27->id] = 1;
	node_match[e5->id] = 1;
	measure_match[outline_measure_index(&o, n, 1)] = 1;
	measure_match[outline_measure_index(&o, e5, 0)] = 1;

	assert_false(outline_filtered(&o));
	outline_filter(&o, node_match, measure_match);
	assert_true(outline_filtered(&o));
	/* The arrays are copied. */
	memset(node_match, 0, doc->total_nodes);
	memset(measure_match, 0, doc->total_measures);

	assert_int_equal(o.n_rows, 7);
	assert_int_equal(row_of(&o, &doc->nodes[1]), 0);
	assert_int_equal(row_of(&o, n->parent), 1);
	assert_int_equal(row_of(&o, n), 2);
	assert_int_equal(row_of_measure(&o, n, 1), 3);
	assert_int_equal(row_of(&o, s27), 4);
	assert_int_equal(row_of(&o, e5), 5);
	assert_int_equal(row_of_measure(&o, e5, 0), 6);
	for (i = 0; i < o.n_rows; i++)
		assert_int_equal(outline_find(&o, ROW(&o, i)->node,
		    ROW(&o, i)->measure), i);
	assert_int_equal(outline_find(&o, n, 0), SIZE_MAX);
	assert_int_equal(outline_find(&o, &doc->nodes[0], OUTLINE_NODE),
	    SIZE_MAX);
	assert_int_equal(outline_find(&o, &n->parent->children[0],
	    OUTLINE_NODE), SIZE_MAX);
	/* Open: the branches down to a match; 2.7 only matches itself. */
	assert_true(outline_is_expanded(&o, 0));
	assert_true(outline_is_expanded(&o, 1));
	assert_true(outline_is_expanded(&o, 2));
	assert_false(outline_is_expanded(&o, 4));
	assert_true(outline_is_expanded(&o, 5));
	/* The selected 1. is filtered out: the first row is selected. */
	assert_int_equal(o.selected, 0);
	assert_int_equal(outline_parent(&o, 3), 2);
	assert_int_equal(outline_parent(&o, 4), 0);

	/* Guides count the rows kept: 2.2 has 2.7 after it, (2) is the last
	 * kept item, its second measure the last kept measure. */
	assert_guides(&o, 1, 1, OUTLINE_GUIDE_TEE);
	assert_guides(&o, 2, 2, OUTLINE_GUIDE_BAR, OUTLINE_GUIDE_ELL);
	assert_guides(&o, 3, 3, OUTLINE_GUIDE_BAR, OUTLINE_GUIDE_BLANK,
	    OUTLINE_GUIDE_ELL);
	assert_guides(&o, 4, 1, OUTLINE_GUIDE_ELL);
	assert_guides(&o, 6, 1, OUTLINE_GUIDE_ELL);
	assert_guides_all(&o);

	/* Collapsed, 2. hides two matches: the measure and 2.7. */
	outline_select(&o, 3);
	assert_true(outline_set_expanded(&o, 0, 0));
	assert_int_equal(o.n_rows, 3);
	assert_int_equal(outline_hidden(&o, 0), 2);
	assert_int_equal(o.selected, 0);
	assert_true(outline_set_expanded(&o, 0, 1));
	assert_int_equal(o.n_rows, 7);

	/* Another filter over this one: 2.1 (1) and 2.2 (2)'s first measure.
	 * Later siblings that are filtered out do not count: (1) is the last
	 * kept item of 2.1, 2.2 the last kept section, measure 0 the last
	 * kept measure of (2). */
	node_match[find(doc, "2.", "2.1", "(1)")->id] = 1;
	measure_match[outline_measure_index(&o, n, 0)] = 1;
	outline_filter(&o, node_match, measure_match);
	assert_int_equal(o.n_rows, 6);
	assert_int_equal(row_of_measure(&o, n, 0), 5);
	assert_guides(&o, 1, 1, OUTLINE_GUIDE_TEE);
	assert_guides(&o, 2, 2, OUTLINE_GUIDE_BAR, OUTLINE_GUIDE_ELL);
	assert_guides(&o, 3, 1, OUTLINE_GUIDE_ELL);
	assert_guides(&o, 5, 3, OUTLINE_GUIDE_BLANK, OUTLINE_GUIDE_BLANK,
	    OUTLINE_GUIDE_ELL);
	assert_guides_all(&o);
	assert_false(outline_is_expanded(&o, 2));
	memset(node_match, 0, doc->total_nodes);
	memset(measure_match, 0, doc->total_measures);
	node_match[s27->id] = 1;
	node_match[e5->id] = 1;
	measure_match[outline_measure_index(&o, n, 1)] = 1;
	measure_match[outline_measure_index(&o, e5, 0)] = 1;
	outline_filter(&o, node_match, measure_match);
	assert_int_equal(o.n_rows, 7);

	/* Clearing keeps the expansion and the selection. */
	row = row_of_measure(&o, n, 1);
	outline_select(&o, row);
	outline_filter(&o, NULL, NULL);
	assert_false(outline_filtered(&o));
	assert_int_equal(o.n_rows, 5 + 7 + 2 + 2 + 1);
	assert_rows_sane(&o);
	assert_ptr_equal(outline_selected_node(&o), n);
	assert_int_equal(ROW(&o, o.selected)->measure, 1);
	assert_int_equal(o.selected, row_of_measure(&o, n, 1));
	/* ...and the guides follow the whole tree again. */
	assert_guides(&o, row_of(&o, &n->parent->children[0]), 2,
	    OUTLINE_GUIDE_BAR, OUTLINE_GUIDE_TEE);
	assert_guides(&o, row_of_measure(&o, n, 0), 3, OUTLINE_GUIDE_BAR,
	    OUTLINE_GUIDE_BLANK, OUTLINE_GUIDE_TEE);
	assert_guides_all(&o);
	outline_collapse_all(&o);
	for (i = 0; i < o.n_rows; i++)
		assert_int_equal(outline_hidden(&o, i),
		    subtree_rows(doc, ROW(&o, i)->node));

	free(node_match);
	free(measure_match);
	outline_fini(&o);
}

/* A selected measure whose node collapses selects that node's row. */
static void
test_selection_to_own_node(void **state)
{
	const struct doc *doc = *state;
	const struct doc_node *n = find(doc, "2.", "2.2", "(2)");
	const struct doc_node *s27 = find(doc, "2.", "2.7", NULL);
	const struct doc_node *e5 = &doc->nodes[4];
	struct outline o;

	outline_init(&o, doc);
	outline_expand_all(&o);
	outline_select(&o, row_of_measure(&o, n, 0));
	assert_true(outline_set_expanded(&o, row_of(&o, n), 0));
	assert_int_equal(o.selected, row_of(&o, n));

	outline_expand_all(&o);
	outline_select(&o, row_of_measure(&o, e5, 0));
	outline_collapse_all(&o);
	assert_int_equal(o.selected, 4);
	assert_ptr_equal(outline_selected_node(&o), e5);

	outline_expand_level(&o, 4);
	outline_select(&o, row_of_measure(&o, s27, 0));
	outline_expand_level(&o, 2);
	assert_ptr_equal(outline_selected_node(&o), s27);
	assert_int_equal(ROW(&o, o.selected)->measure, OUTLINE_NODE);
	outline_fini(&o);
}

/* Under a filter a collapsed branch counts the matches below it only; a
 * filter nothing matches leaves the whole tree. */
static void
test_filter_counts(void **state)
{
	const struct doc *doc = *state;
	const struct doc_node *n = find(doc, "2.", "2.2", "(2)");
	const struct doc_node *s27 = find(doc, "2.", "2.7", NULL);
	const struct doc_node *e5 = &doc->nodes[4];
	unsigned char *node_match, *measure_match;
	struct outline o;

	node_match = calloc(doc->total_nodes, 1);
	measure_match = calloc(doc->total_measures, 1);
	outline_init(&o, doc);
	outline_filter(&o, node_match, measure_match);
	assert_false(outline_filtered(&o));
	assert_int_equal(o.n_rows, 5);

	node_match[s27->id] = 1;
	node_match[e5->id] = 1;
	measure_match[outline_measure_index(&o, n, 1)] = 1;
	measure_match[outline_measure_index(&o, e5, 0)] = 1;
	outline_filter(&o, node_match, measure_match);
	assert_int_equal(outline_hidden(&o, row_of(&o, s27)), 0);
	assert_true(outline_set_expanded(&o, row_of(&o, e5), 0));
	assert_int_equal(outline_hidden(&o, row_of(&o, e5)), 1);
	assert_true(outline_set_expanded(&o, row_of(&o, &doc->nodes[1]), 0));
	assert_int_equal(outline_hidden(&o, row_of(&o, &doc->nodes[1])), 2);
	free(node_match);
	free(measure_match);
	outline_fini(&o);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_splice_as_rebuild,
		    setup_real, teardown_real),
		cmocka_unit_test_setup_teardown(test_init, setup_real,
		    teardown_real),
		cmocka_unit_test_setup_teardown(test_selection_to_own_node,
		    setup_real, teardown_real),
		cmocka_unit_test_setup_teardown(test_filter_counts, setup_real,
		    teardown_real),
		cmocka_unit_test_setup_teardown(test_hidden, setup_real,
		    teardown_real),
		cmocka_unit_test_setup_teardown(test_set_expanded, setup_real,
		    teardown_real),
		cmocka_unit_test_setup_teardown(test_selection_kept, setup_real,
		    teardown_real),
		cmocka_unit_test_setup_teardown(test_expand_collapse_all,
		    setup_real, teardown_real),
		cmocka_unit_test_setup_teardown(test_expand_level, setup_real,
		    teardown_real),
		cmocka_unit_test_setup_teardown(test_reveal, setup_real,
		    teardown_real),
		cmocka_unit_test_setup_teardown(test_find, setup_real,
		    teardown_real),
		cmocka_unit_test_setup_teardown(test_parent, setup_real,
		    teardown_real),
		cmocka_unit_test_setup_teardown(test_select, setup_real,
		    teardown_real),
		cmocka_unit_test_setup_teardown(test_guides, setup_real,
		    teardown_real),
		cmocka_unit_test_setup_teardown(test_has_children, setup_real,
		    teardown_real),
		cmocka_unit_test(test_measures_and_children),
		cmocka_unit_test_setup_teardown(test_set_expansion, setup_real,
		    teardown_real),
		cmocka_unit_test_setup_teardown(test_measure_index, setup_real,
		    teardown_real),
		cmocka_unit_test_setup_teardown(test_filter, setup_real,
		    teardown_real),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
