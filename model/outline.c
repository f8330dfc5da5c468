/*
 * outline: expand state per node, and the visible rows in pre-order.  A
 * change to every node (expand all, a level, a filter) rebuilds the rows in
 * one pre-order pass (O(visible rows)); expanding or collapsing one node,
 * and revealing one, splice its subtree's rows in or out instead.  The
 * rows are kept in blocks (outline.h), so a splice moves the rows of the
 * blocks at its ends and the blocks' counts (O(OUTLINE_BLOCK + subtree +
 * blocks)), never every row after it; setting an expansion equal to the
 * current one does nothing.  Selection is held as (node, measure) across
 * every change.
 */
#include "model/outline.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "model/xmalloc.h"

/* A node's measures and depth are kept in these (outline.h). */
_Static_assert(DOC_MAX_MEASURES <= UINT32_MAX, "n_measures is 32 bits");
_Static_assert(DOC_MAX_DEPTH <= UCHAR_MAX, "depth is one byte");

/* The block holding row (row < n_rows): bisect the blocks' first rows. */
static size_t
outline_block_of(const struct outline *o, size_t row)
{
	size_t lo = 0, hi = o->n_blocks, mid;

	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (o->block_at[mid] <= row)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* The row at index row. */
const struct outline_row *
outline_row(const struct outline *o, size_t row)
{
	size_t b = outline_block_of(o, row);

	return &o->blocks[b][row - o->block_at[b]];
}

/* Open count empty blocks before block b (b <= n_blocks). */
static void
outline_open_blocks(struct outline *o, size_t b, size_t count)
{
	size_t i;

	if (count == 0)
		return;
	if (o->n_blocks + count > o->cap_blocks) {
		while (o->n_blocks + count > o->cap_blocks)
			o->cap_blocks = o->cap_blocks == 0 ? 16 :
			    o->cap_blocks * 2;
		o->blocks = xreallocarray(o->blocks, o->cap_blocks,
		    sizeof *o->blocks);
		o->block_n = xreallocarray(o->block_n, o->cap_blocks,
		    sizeof *o->block_n);
		o->block_at = xreallocarray(o->block_at, o->cap_blocks,
		    sizeof *o->block_at);
		o->spare = xreallocarray(o->spare, o->cap_blocks,
		    sizeof *o->spare);
	}
	memmove(o->blocks + b + count, o->blocks + b,
	    (o->n_blocks - b) * sizeof *o->blocks);
	memmove(o->block_n + b + count, o->block_n + b,
	    (o->n_blocks - b) * sizeof *o->block_n);
	memmove(o->block_at + b + count, o->block_at + b,
	    (o->n_blocks - b) * sizeof *o->block_at);
	for (i = b; i < b + count; i++) {
		o->blocks[i] = o->n_spare > 0 ? o->spare[--o->n_spare] :
		    xreallocarray(NULL, OUTLINE_BLOCK, sizeof *o->blocks[i]);
		o->block_n[i] = 0;
	}
	o->n_blocks += count;
}

/* Put blocks b..b+count-1 out of use and close the gap.  They are kept
 * for the next blocks opened (spare has room for every block there has
 * been), so rebuilding the rows takes no fresh memory. */
static void
outline_close_blocks(struct outline *o, size_t b, size_t count)
{
	size_t i;

	if (count == 0)
		return;
	/* Last first: the next blocks opened are these in their order. */
	for (i = b + count; i-- > b;)
		o->spare[o->n_spare++] = o->blocks[i];
	memmove(o->blocks + b, o->blocks + b + count,
	    (o->n_blocks - b - count) * sizeof *o->blocks);
	memmove(o->block_n + b, o->block_n + b + count,
	    (o->n_blocks - b - count) * sizeof *o->block_n);
	memmove(o->block_at + b, o->block_at + b + count,
	    (o->n_blocks - b - count) * sizeof *o->block_at);
	o->n_blocks -= count;
}

/*
 * After a change to blocks from..to (inclusive, clamped), drop the empty
 * ones and merge neighbours that fit in one block, from..to and one on
 * each side; then count the first rows again from there.
 */
static void
outline_tidy(struct outline *o, size_t from, size_t to)
{
	size_t b, at;

	from = from > 0 ? from - 1 : 0;
	to = to + 1 < o->n_blocks ? to + 1 : (o->n_blocks > 0 ?
	    o->n_blocks - 1 : 0);
	/* Block from is before the change (or the first): its first row
	 * stays where it was. */
	at = from > 0 ? o->block_at[from] : 0;
	for (b = from; b <= to && b < o->n_blocks;) {
		if (o->block_n[b] == 0 && o->n_blocks > 1) {
			outline_close_blocks(o, b, 1);
			if (to > 0)
				to--;
			continue;
		}
		if (b + 1 < o->n_blocks &&
		    o->block_n[b] + o->block_n[b + 1] <= o->block_max) {
			memcpy(o->blocks[b] + o->block_n[b], o->blocks[b + 1],
			    o->block_n[b + 1] * sizeof *o->blocks[b]);
			o->block_n[b] += o->block_n[b + 1];
			outline_close_blocks(o, b + 1, 1);
			if (to > 0)
				to--;
			continue;
		}
		b++;
	}
	for (b = from; b < o->n_blocks; b++) {
		o->block_at[b] = at;
		at += o->block_n[b];
	}
}

/* Open a block after the last, all of whose rows a rebuild has filled. */
static void
outline_fill_block(struct outline *o)
{
	size_t b = o->n_blocks;

	if (b > 0)
		o->block_n[b - 1] = o->block_max;
	outline_open_blocks(o, b, 1);
	o->block_at[b] = b * o->block_max;
	o->fill = o->blocks[b];
	o->fill_end = o->fill + o->block_max;
}

/* Append a row: to the scratch rows while a splice gathers them, else to
 * the last block as a rebuild fills them (it counts them at its end). */
static void
outline_push(struct outline *o, int scratch, const struct doc_node *node,
    size_t measure, size_t depth)
{
	struct outline_row *r;

	if (scratch) {
		if (o->n_scratch == o->cap_scratch) {
			o->cap_scratch = o->cap_scratch == 0 ? 64 :
			    o->cap_scratch * 2;
			o->scratch = xreallocarray(o->scratch, o->cap_scratch,
			    sizeof *o->scratch);
		}
		r = &o->scratch[o->n_scratch++];
	} else {
		if (o->fill == o->fill_end)
			outline_fill_block(o);
		r = o->fill++;
	}
	r->node = node;
	r->measure = measure;
	r->depth = depth;
}

/* Put the scratch rows in before row pos (pos <= n_rows): the rows after
 * pos in its block are set aside, the scratch rows fill that block and as
 * many new ones as they need, and the rows set aside follow. */
static void
outline_insert(struct outline *o, size_t pos)
{
	struct outline_row tail[OUTLINE_BLOCK], *src;
	const size_t max = o->block_max;
	size_t k = o->n_scratch, b, off, n_tail, total, extra, left, step, i;

	if (k == 0)
		return;
	if (o->n_blocks == 0)
		outline_open_blocks(o, 0, 1);
	if (pos == o->n_rows) {
		b = o->n_blocks - 1;
		off = o->block_n[b];
	} else {
		b = outline_block_of(o, pos);
		off = pos - o->block_at[b];
	}
	n_tail = o->block_n[b] - off;
	memcpy(tail, o->blocks[b] + off, n_tail * sizeof *tail);
	o->block_n[b] = off;
	total = off + k + n_tail;
	extra = (total + max - 1) / max - 1;
	outline_open_blocks(o, b + 1, extra);
	/* Fill blocks b.. with the scratch rows, then the tail. */
	for (i = b, src = o->scratch, left = k; left > 0;) {
		if (o->block_n[i] == max)
			i++;
		step = max - o->block_n[i];
		if (step > left)
			step = left;
		memcpy(o->blocks[i] + o->block_n[i], src, step * sizeof *src);
		o->block_n[i] += step;
		src += step;
		left -= step;
		if (left == 0 && src == o->scratch + k && n_tail > 0) {
			src = tail;
			left = n_tail;
			n_tail = 0;
		}
	}
	o->n_rows += k;
	o->n_scratch = 0;
	outline_tidy(o, b, i);
}

/* Take rows from..to-1 out (from < to <= n_rows). */
static void
outline_remove(struct outline *o, size_t from, size_t to)
{
	size_t b1 = outline_block_of(o, from), b2 = outline_block_of(o, to - 1),
	    o1 = from - o->block_at[b1], o2 = to - o->block_at[b2];

	if (b1 == b2) {
		memmove(o->blocks[b1] + o1, o->blocks[b1] + o2,
		    (o->block_n[b1] - o2) * sizeof *o->blocks[b1]);
		o->block_n[b1] -= o2 - o1;
	} else {
		o->block_n[b1] = o1;
		memmove(o->blocks[b2], o->blocks[b2] + o2,
		    (o->block_n[b2] - o2) * sizeof *o->blocks[b2]);
		o->block_n[b2] -= o2;
		outline_close_blocks(o, b1 + 1, b2 - b1 - 1);
	}
	o->n_rows -= to - from;
	outline_tidy(o, b1, b1 + 1);
}

/* Drop every row (keeping no block). */
static void
outline_clear(struct outline *o)
{
	outline_close_blocks(o, 0, o->n_blocks);
	o->n_rows = 0;
}

/* Append the rows of node id's measures (under a filter, those it
 * keeps). */
static void
outline_add_measures(struct outline *o, int scratch, size_t id)
{
	const struct doc_node *n = o->by_id[id];
	size_t i, m = o->n_measures[id], depth = (size_t)o->depth[id] + 1;

	for (i = 0; i < m; i++)
		if (o->keep_measure == NULL ||
		    o->keep_measure[o->measure_base[id] + i])
			outline_push(o, scratch, n, i, depth);
}

/*
 * Append the rows of the nodes with ids from..to-1, whole subtrees in
 * pre-order: each node's row (unless a filter hides it and all below)
 * and, when it is expanded, its measures, then its children; a collapsed
 * or hidden node's subtree is skipped.  Only the outline's arrays by id
 * are read, not the nodes themselves: in a large document those lie far
 * apart, and reading them cost a cache miss a node.
 */
static void
outline_add_nodes(struct outline *o, int scratch, size_t from, size_t to)
{
	size_t id = from;

	while (id < to) {
		if (o->keep_node != NULL && !o->keep_node[id]) {
			id = o->skip[id];
			continue;
		}
		outline_push(o, scratch, o->by_id[id], OUTLINE_NODE,
		    o->depth[id]);
		if (!o->expanded[id]) {
			id = o->skip[id];
			continue;
		}
		outline_add_measures(o, scratch, id);
		id++;
	}
}

/* Select (node, measure) again after the rows changed: its row, else its
 * node's, else the nearest visible ancestor's, else the first. */
static void
outline_reselect(struct outline *o, const struct doc_node *node,
    size_t measure)
{
	const struct doc_node *n;
	size_t row;

	o->selected = 0;
	if (node == NULL)
		return;
	/* The selection, else its node's row, else the nearest visible
	 * ancestor. */
	if ((row = outline_find(o, node, measure)) != SIZE_MAX) {
		o->selected = row;
		return;
	}
	for (n = node; n != NULL; n = n->parent)
		if ((row = outline_find(o, n, OUTLINE_NODE)) != SIZE_MAX) {
			o->selected = row;
			return;
		}
}

/* Rebuild the rows and find the selection again. */
static void
outline_rebuild(struct outline *o)
{
	const struct doc_node *node = NULL;
	size_t measure = OUTLINE_NODE;

	if (o->n_rows > 0) {
		node = outline_selected(o)->node;
		measure = outline_selected(o)->measure;
	}
	outline_clear(o);
	outline_add_nodes(o, 0, 0, o->doc->total_nodes);
	if (o->n_blocks > 0) {
		o->block_n[o->n_blocks - 1] = (size_t)(o->fill -
		    o->blocks[o->n_blocks - 1]);
		o->n_rows = o->block_at[o->n_blocks - 1] +
		    o->block_n[o->n_blocks - 1];
	}
	o->fill = o->fill_end = NULL;
	outline_reselect(o, node, measure);
}

/*
 * The node of row has just been expanded (its flag is set, its subtree's
 * rows are not there yet): put what it shows below right after its row.
 */
static void
outline_splice_in(struct outline *o, size_t row)
{
	const struct outline_row *sel = outline_selected(o);
	const struct doc_node *node = sel->node;
	size_t measure = sel->measure, id = outline_row(o, row)->node->id;

	/* What it shows below: its measures, then its children. */
	outline_add_measures(o, 1, id);
	outline_add_nodes(o, 1, id + 1, o->skip[id]);
	outline_insert(o, row + 1);
	outline_reselect(o, node, measure);
}

/* The node of row has just been collapsed: take its subtree's rows out. */
static void
outline_splice_out(struct outline *o, size_t row)
{
	const struct outline_row *sel = outline_selected(o);
	const struct doc_node *node = sel->node;
	size_t measure = sel->measure, end = row + 1,
	    depth = outline_row(o, row)->depth, b, i;

	/* Its subtree: the rows after it that are deeper, a block at a
	 * time. */
	if (end < o->n_rows) {
		b = outline_block_of(o, end);
		for (i = end - o->block_at[b]; b < o->n_blocks; b++, i = 0) {
			while (i < o->block_n[b] &&
			    o->blocks[b][i].depth > depth)
				i++;
			if (i < o->block_n[b])
				break;
		}
		end = b < o->n_blocks ? o->block_at[b] + i : o->n_rows;
	}
	if (end > row + 1)
		outline_remove(o, row + 1, end);
	outline_reselect(o, node, measure);
}

/* Where each node's subtree ends (children first: their ids are
 * greater). */
static void
outline_count(struct outline *o)
{
	const struct doc_node *n;
	size_t i = o->doc->total_nodes, j, c;

	while (i-- > 0) {
		n = o->by_id[i];
		o->skip[i] = i + 1;
		for (j = 0; j < n->n_children; j++) {
			c = n->children[j].id;
			if (o->skip[c] > o->skip[i])
				o->skip[i] = o->skip[c];
		}
	}
}

/* Start collapsed with the first row selected. */
void
outline_init(struct outline *o, const struct doc *doc)
{
	struct doc_node *n;
	size_t m = 0;

	memset(o, 0, sizeof *o);
	o->doc = doc;
	o->block_max = OUTLINE_BLOCK;
	o->by_id = xcalloc(doc->total_nodes, sizeof *o->by_id);
	o->expanded = xcalloc(doc->total_nodes, 1);
	o->measure_base = xcalloc(doc->total_nodes, sizeof *o->measure_base);
	o->skip = xcalloc(doc->total_nodes, sizeof *o->skip);
	o->n_measures = xcalloc(doc->total_nodes, sizeof *o->n_measures);
	o->depth = xcalloc(doc->total_nodes, 1);
	for (n = doc_next(doc, NULL); n != NULL; n = doc_next(doc, n)) {
		o->by_id[n->id] = n;
		o->measure_base[n->id] = m;
		o->n_measures[n->id] = (uint32_t)n->n_measures;
		o->depth[n->id] = (unsigned char)n->depth;
		m += n->n_measures;
	}
	outline_count(o);
	outline_rebuild(o);
}

/* Free the arrays. */
void
outline_fini(struct outline *o)
{
	free(o->by_id);
	free(o->expanded);
	free(o->measure_base);
	free(o->skip);
	free(o->n_measures);
	free(o->depth);
	free(o->keep_node);
	free(o->keep_measure);
	free(o->matches);
	outline_clear(o);
	while (o->n_spare > 0)
		free(o->spare[--o->n_spare]);
	free(o->spare);
	free(o->blocks);
	free(o->block_n);
	free(o->block_at);
	free(o->scratch);
	memset(o, 0, sizeof *o);
}

/* Whether a row is a node with something under it. */
int
outline_has_children(const struct outline *o, size_t row)
{
	const struct outline_row *r = outline_row(o, row);

	return r->measure == OUTLINE_NODE &&
	    (r->node->n_measures > 0 || r->node->n_children > 0);
}

/* Whether a row's node is expanded. */
int
outline_is_expanded(const struct outline *o, size_t row)
{
	return outline_has_children(o, row) &&
	    o->expanded[outline_row(o, row)->node->id];
}

/* Rows a collapsed row hides. */
size_t
outline_hidden(const struct outline *o, size_t row)
{
	size_t id, end;

	if (!outline_has_children(o, row) || outline_is_expanded(o, row))
		return 0;
	if (o->matches != NULL)
		return o->matches[outline_row(o, row)->node->id];
	/* All its subtree: the nodes after it up to skip, and the measures
	 * from its own (ids and measures are both in pre-order). */
	id = outline_row(o, row)->node->id;
	end = o->skip[id];
	return end - id - 1 + (end < o->doc->total_nodes ?
	    o->measure_base[end] : o->doc->total_measures) -
	    o->measure_base[id];
}

/* Expand or collapse a row's node. */
int
outline_set_expanded(struct outline *o, size_t row, int expanded)
{
	const struct doc_node *n = outline_row(o, row)->node;

	if (!outline_has_children(o, row) || o->expanded[n->id] == !!expanded)
		return 0;
	o->expanded[n->id] = !!expanded;
	if (expanded)
		outline_splice_in(o, row);
	else
		outline_splice_out(o, row);
	return 1;
}

/* Set every node's expansion from a saved copy. */
void
outline_set_expansion(struct outline *o, const unsigned char *expanded)
{
	/* Search restores the expansion at every keystroke: mostly the same. */
	if (memcmp(o->expanded, expanded, o->doc->total_nodes) == 0)
		return;
	memcpy(o->expanded, expanded, o->doc->total_nodes);
	outline_rebuild(o);
}

/* Expand every node. */
void
outline_expand_all(struct outline *o)
{
	memset(o->expanded, 1, o->doc->total_nodes);
	outline_rebuild(o);
}

/* Collapse every node. */
void
outline_collapse_all(struct outline *o)
{
	memset(o->expanded, 0, o->doc->total_nodes);
	outline_rebuild(o);
}

/* Expand the nodes shallower than level - 1, collapse the rest. */
void
outline_expand_level(struct outline *o, size_t level)
{
	size_t i;

	for (i = 0; i < o->doc->total_nodes; i++)
		o->expanded[i] = o->by_id[i]->depth + 1 < level;
	outline_rebuild(o);
}

/* Expand the ancestors of node. */
void
outline_reveal(struct outline *o, const struct doc_node *node)
{
	const struct doc_node *n, *top = NULL;
	size_t row;

	for (n = node->parent; n != NULL; n = n->parent)
		if (!o->expanded[n->id]) {
			o->expanded[n->id] = 1;
			top = n;
		}
	if (top == NULL)
		return;
	/* Everything above top was expanded: its row (unless a filter hides
	 * it) takes the subtree, the newly expanded branches included. */
	if ((row = outline_find(o, top, OUTLINE_NODE)) != SIZE_MAX)
		outline_splice_in(o, row);
	else
		outline_rebuild(o);
}

/* Find the visible row of a node or measure by bisecting on pre-order. */
size_t
outline_find(const struct outline *o, const struct doc_node *node,
    size_t measure)
{
	size_t lo = 0, hi = o->n_rows, mid;
	const struct outline_row *r;

	/* Rows are in pre-order: by node id, a node's row before its
	 * measures (OUTLINE_NODE is treated as -1). */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		r = outline_row(o, mid);
		if (r->node->id < node->id || (r->node == node &&
		    measure != OUTLINE_NODE && (r->measure == OUTLINE_NODE ||
		    r->measure < measure)))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < o->n_rows && (r = outline_row(o, lo))->node == node &&
	    r->measure == measure)
		return lo;
	return SIZE_MAX;
}

/* The row of a row's parent. */
size_t
outline_parent(const struct outline *o, size_t row)
{
	const struct outline_row *r = outline_row(o, row);

	if (r->measure != OUTLINE_NODE)
		return outline_find(o, r->node, OUTLINE_NODE);
	if (r->node->parent == NULL)
		return SIZE_MAX;
	return outline_find(o, r->node->parent, OUTLINE_NODE);
}

/* Select a row, clamped. */
void
outline_select(struct outline *o, size_t row)
{
	if (o->n_rows == 0)
		return;
	o->selected = row < o->n_rows ? row : o->n_rows - 1;
}

/* The selected row. */
const struct outline_row *
outline_selected(const struct outline *o)
{
	return outline_row(o, o->selected);
}

/* The node of the selection. */
const struct doc_node *
outline_selected_node(const struct outline *o)
{
	return outline_row(o, o->selected)->node;
}

/* The global index of a node's measure. */
size_t
outline_measure_index(const struct outline *o, const struct doc_node *node,
    size_t measure)
{
	return o->measure_base[node->id] + measure;
}

/* Whether a filter is on. */
int
outline_filtered(const struct outline *o)
{
	return o->keep_node != NULL;
}

/* Show only the matches and their ancestors, or everything again. */
void
outline_filter(struct outline *o, const unsigned char *node_match,
    const unsigned char *measure_match)
{
	const struct doc_node *n, *p;
	size_t total = o->doc->total_nodes, i, j, hits, kept;

	free(o->keep_node);
	free(o->keep_measure);
	free(o->matches);
	o->keep_node = NULL;
	o->keep_measure = NULL;
	o->matches = NULL;
	if (node_match == NULL || measure_match == NULL) {
		outline_rebuild(o);
		return;
	}
	o->keep_node = xcalloc(total, 1);
	o->keep_measure = xcalloc(o->doc->total_measures + 1, 1);
	o->matches = xcalloc(total, sizeof *o->matches);
	memcpy(o->keep_measure, measure_match, o->doc->total_measures);
	for (i = total; i-- > 0;) {
		/* Children come after their parent: walk backwards, adding each
		 * node's matches (its own and below) to its parent's. */
		n = o->by_id[i];
		for (j = 0; j < n->n_measures; j++)
			o->matches[i] += measure_match[o->measure_base[i] + j] != 0;
		hits = o->matches[i] + (node_match[i] != 0);
		o->keep_node[i] = hits > 0;
		if (hits > 0 && (p = n->parent) != NULL)
			o->matches[p->id] += hits;
	}
	for (i = kept = 0; i < o->doc->n_nodes; i++)
		kept += o->keep_node[o->doc->nodes[i].id];
	if (kept == 0) {
		/* Nothing matches: an empty tree helps nobody. */
		outline_filter(o, NULL, NULL);
		return;
	}
	/* Open the branches that hold matches below them. */
	for (i = 0; i < total; i++)
		o->expanded[i] = o->matches[i] > 0;
	outline_rebuild(o);
}

/* Whether a node is the last thing shown under its parent. */
static int
outline_node_is_last(const struct outline *o, const struct doc_node *n)
{
	size_t i;

	if (o->keep_node != NULL) {
		/* Under a filter, the last kept sibling. */
		const struct doc_node *sibs = n->parent != NULL ?
		    n->parent->children : o->doc->nodes;
		size_t count = n->parent != NULL ? n->parent->n_children :
		    o->doc->n_nodes;

		for (i = n->index + 1; i < count; i++)
			if (o->keep_node[sibs[i].id])
				return 0;
		return 1;
	}
	if (n->parent == NULL)
		return n->index + 1 == o->doc->n_nodes;
	return n->index + 1 == n->parent->n_children;
}

/* Whether a measure is the last thing shown under its node. */
static int
outline_measure_is_last(const struct outline *o, const struct doc_node *n,
    size_t measure)
{
	size_t i;

	if (o->keep_node == NULL)
		return measure + 1 == n->n_measures && n->n_children == 0;
	for (i = measure + 1; i < n->n_measures; i++)
		if (o->keep_measure[o->measure_base[n->id] + i])
			return 0;
	for (i = 0; i < n->n_children; i++)
		if (o->keep_node[n->children[i].id])
			return 0;
	return 1;
}

/* Fill the guides of a row. */
size_t
outline_guides(const struct outline *o, size_t row, enum outline_guide *guides)
{
	const struct outline_row *r = outline_row(o, row);
	const struct doc_node *n = r->node;
	size_t d = r->depth, count = r->depth;
	int last;

	if (d == 0)
		return 0;
	if (r->measure != OUTLINE_NODE) {
		last = outline_measure_is_last(o, n, r->measure);
		guides[--d] = last ? OUTLINE_GUIDE_ELL : OUTLINE_GUIDE_TEE;
	} else {
		guides[--d] = outline_node_is_last(o, n) ? OUTLINE_GUIDE_ELL :
		    OUTLINE_GUIDE_TEE;
		n = n->parent;
	}
	/* n is now the row's parent; walk up to depth 1. */
	while (d > 0) {
		guides[--d] = outline_node_is_last(o, n) ? OUTLINE_GUIDE_BLANK :
		    OUTLINE_GUIDE_BAR;
		n = n->parent;
	}
	return count;
}
