/*
 * outline: the collapsible tree a person browses, as rows, computed without
 * a terminal.  A row is a node or one of its measures (measures are leaves
 * and come before a node's children).  The outline keeps which nodes are
 * expanded, the visible rows in order, and the selection, which it keeps
 * through every change (a selection hidden by collapsing moves to the
 * nearest visible ancestor).
 *
 * The outline borrows the doc: valid until doc_free().  It owns its arrays.
 */
#ifndef OUTLINE_H
#define OUTLINE_H

#include <stddef.h>
#include <stdint.h>

#include "model/doc.h"

#define OUTLINE_NODE	SIZE_MAX	/* row.measure of a node's own row */
#define OUTLINE_BLOCK	1024		/* the most rows in one block */

struct outline_row {
	const struct doc_node	*node;
	size_t			 measure;	/* index, or OUTLINE_NODE */
	size_t			 depth;		/* 0 for top-level entries */
};

/* Tree guides, one per level of a row's depth, drawn 2 columns each. */
enum outline_guide {
	OUTLINE_GUIDE_BLANK,	/* "  " an ancestor with no later sibling */
	OUTLINE_GUIDE_BAR,	/* "│ " an ancestor with later siblings */
	OUTLINE_GUIDE_TEE,	/* "├─" the row, more siblings follow */
	OUTLINE_GUIDE_ELL,	/* "└─" the row, the last of its siblings */
};

struct outline {
	const struct doc	 *doc;
	struct doc_node		**by_id;	/* every node, by id */
	unsigned char		 *expanded;	/* by node id */
	size_t			 *skip;		/* by node id: the id after its
						   subtree (ids are pre-order) */
	uint32_t		 *n_measures;	/* by node id: its measures */
	unsigned char		 *depth;	/* by node id: its depth */
	size_t			 *measure_base;	/* by node id: global index of
						   its first measure */
	unsigned char		 *keep_node;	/* filter: by node id, or NULL */
	unsigned char		 *keep_measure;	/* filter: by global measure */
	size_t			 *matches;	/* filter: by node id, matches
						   below it (itself excluded) */
	/* The visible rows, in order, in blocks of at most OUTLINE_BLOCK
	 * (read them with outline_row): expanding or collapsing a node moves
	 * the rows of a block or two and the blocks' counts, never every row
	 * after it.  Two neighbouring blocks always hold more than
	 * block_max rows together, so there are at most 2n/block_max + 1
	 * blocks. */
	struct outline_row	**blocks;
	size_t			  block_max;	/* rows a block holds: at most
						   OUTLINE_BLOCK (tests set
						   fewer, then rebuild) */
	size_t			 *block_n;	/* rows in each block */
	size_t			 *block_at;	/* index of each block's first
						   row */
	size_t			  n_blocks;
	size_t			  cap_blocks;
	struct outline_row	**spare;	/* blocks out of use, kept */
	size_t			  n_spare;
	size_t			  n_rows;
	struct outline_row	 *fill;		/* a rebuild's next row */
	struct outline_row	 *fill_end;	/* and the end of its block */
	struct outline_row	 *scratch;	/* rows being spliced in */
	size_t			  n_scratch;
	size_t			  cap_scratch;
	size_t			  selected;	/* index into rows */
};

/* Start with every node collapsed and the first row selected. */
void outline_init(struct outline *o, const struct doc *doc);
/* Free the outline's arrays. */
void outline_fini(struct outline *o);

/* The row at index row, which must be below n_rows (O(log blocks)). */
const struct outline_row *outline_row(const struct outline *o, size_t row);

/* Whether a row can be expanded (a node with measures or children). */
int outline_has_children(const struct outline *o, size_t row);
/* Whether a row's node is expanded (0 for measures and leaves). */
int outline_is_expanded(const struct outline *o, size_t row);
/* Rows a collapsed row hides (all its descendants; under a filter, the
 * matches among them); 0 when expanded. */
size_t outline_hidden(const struct outline *o, size_t row);

/* Expand or collapse the node of a row (measures: nothing); 1 if changed. */
int outline_set_expanded(struct outline *o, size_t row, int expanded);
/* Set every node's expansion from expanded (by node id), as saved before. */
void outline_set_expansion(struct outline *o, const unsigned char *expanded);
/* Expand every node. */
void outline_expand_all(struct outline *o);
/* Collapse every node. */
void outline_collapse_all(struct outline *o);
/* Show levels 1..level: expand exactly the nodes of depth < level - 1. */
void outline_expand_level(struct outline *o, size_t level);
/* Expand every ancestor of a node so that it is visible. */
void outline_reveal(struct outline *o, const struct doc_node *node);

/* The row of a node (or one of its measures), or SIZE_MAX if not visible. */
size_t outline_find(const struct outline *o, const struct doc_node *node,
    size_t measure);
/* The row of the parent of a row, or SIZE_MAX at the top level. */
size_t outline_parent(const struct outline *o, size_t row);
/* Select a row (clamped to the rows there are). */
void outline_select(struct outline *o, size_t row);
/* The selected row (there is always one). */
const struct outline_row *outline_selected(const struct outline *o);
/* The node the selection is in (a measure's node). */
const struct doc_node *outline_selected_node(const struct outline *o);

/*
 * Show only some rows (a sparse tree, as Org mode's): the nodes and
 * measures marked in node_match (by node id) and measure_match (by global
 * measure index, see outline_measure_index), with their ancestors; the
 * branches holding matches are expanded.  Hidden counts then count matches.
 * The arrays are copied.  NULL arrays clear the filter, keeping expansion
 * and selection; so does a filter that nothing matches.
 */
void outline_filter(struct outline *o, const unsigned char *node_match,
    const unsigned char *measure_match);
/* Whether a filter is on. */
int outline_filtered(const struct outline *o);
/* The global index of a node's measure (document order over all nodes). */
size_t outline_measure_index(const struct outline *o,
    const struct doc_node *node, size_t measure);

/*
 * Fill guides[0..depth) for a row: guides[d] for the ancestor at depth d+1
 * (BAR or BLANK), the last one for the row itself (TEE or ELL).  A top-level
 * row has none.  guides must hold DOC_MAX_DEPTH entries; returns the count.
 */
size_t outline_guides(const struct outline *o, size_t row,
    enum outline_guide *guides);

#endif
