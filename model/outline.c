/*
 * outline: expand state per node, and the visible rows in pre-order.  A
 * change to every node (expand all, a level, a filter) rebuilds the rows in
 * one pre-order pass (O(visible rows)); expanding or collapsing one node,
 * and revealing one, splice its subtree's rows in or out instead (the rows
 * before it or after it, whichever are fewer, move with one memmove: the
 * rows are a window of their storage with room before it, as in a deque),
 * and setting an expansion equal to the current one does nothing.  Selection is held as (node, measure) across every change.
 */
#include "model/outline.h"

#include <stdlib.h>
#include <string.h>

#include "model/xmalloc.h"

/* Make room for one more row after the last (moving the rows back to the
 * start of their storage first, if they have moved up). */
static void
outline_room(struct outline *o)
{
	if (o->rows_off + o->n_rows < o->cap_rows)
		return;
	if (o->rows_off > 0) {
		memmove(o->rows_base, o->rows, o->n_rows * sizeof *o->rows);
		o->rows = o->rows_base;
		o->rows_off = 0;
		if (o->n_rows < o->cap_rows)
			return;
	}
	o->cap_rows = o->cap_rows == 0 ? 64 : o->cap_rows * 2;
	o->rows_base = xreallocarray(o->rows_base, o->cap_rows,
	    sizeof *o->rows);
	o->rows = o->rows_base;
}

/* Append a row. */
static void
outline_push(struct outline *o, const struct doc_node *node, size_t measure,
    size_t depth)
{
	struct outline_row *r;

	outline_room(o);
	r = &o->rows[o->n_rows++];
	r->node = node;
	r->measure = measure;
	r->depth = depth;
}

static void outline_add(struct outline *, const struct doc_node *);

/* Append what an expanded node shows below its own row: its measures and
 * children (under a filter, only those it keeps). */
static void
outline_add_below(struct outline *o, const struct doc_node *n)
{
	size_t i;

	for (i = 0; i < n->n_measures; i++)
		if (o->keep_measure == NULL ||
		    o->keep_measure[o->measure_base[n->id] + i])
			outline_push(o, n, i, n->depth + 1);
	for (i = 0; i < n->n_children; i++)
		outline_add(o, &n->children[i]);
}

/* Append a node's row and, when expanded, what it shows below. */
static void
outline_add(struct outline *o, const struct doc_node *n)
{
	if (o->keep_node != NULL && !o->keep_node[n->id])
		return;
	outline_push(o, n, OUTLINE_NODE, n->depth);
	if (o->expanded[n->id])
		outline_add_below(o, n);
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
	size_t measure = OUTLINE_NODE, i;

	if (o->n_rows > 0) {
		node = o->rows[o->selected].node;
		measure = o->rows[o->selected].measure;
	}
	o->n_rows = 0;
	o->rows = o->rows_base;
	o->rows_off = 0;
	for (i = 0; i < o->doc->n_nodes; i++)
		outline_add(o, &o->doc->nodes[i]);
	outline_reselect(o, node, measure);
}

/*
 * The node of row has just been expanded (its flag is set, its subtree's
 * rows are not there yet): put what it shows below right after its row.
 */
static void
outline_splice_in(struct outline *o, size_t row)
{
	const struct outline_row *sel = &o->rows[o->selected];
	const struct doc_node *node = sel->node;
	size_t measure = sel->measure, old = o->n_rows, k;
	struct outline_row *tmp;

	/* Append the new rows at the end, then rotate them into place: move
	 * the rows before them down into the room before the first row, or
	 * the rows after them up, whichever are fewer. */
	outline_add_below(o, o->rows[row].node);
	k = o->n_rows - old;
	if (k > 0 && row + 1 < old && o->rows_off >= k &&
	    row + 1 < old - row - 1) {
		tmp = xreallocarray(NULL, k, sizeof *tmp);
		memcpy(tmp, o->rows + old, k * sizeof *tmp);
		memmove(o->rows - k, o->rows, (row + 1) * sizeof *o->rows);
		o->rows -= k;
		o->rows_off -= k;
		memcpy(o->rows + row + 1, tmp, k * sizeof *tmp);
		o->n_rows = old + k;
		free(tmp);
	} else if (k > 0 && row + 1 < old) {
		tmp = xreallocarray(NULL, k, sizeof *tmp);
		memcpy(tmp, o->rows + old, k * sizeof *tmp);
		memmove(o->rows + row + 1 + k, o->rows + row + 1,
		    (old - row - 1) * sizeof *o->rows);
		memcpy(o->rows + row + 1, tmp, k * sizeof *tmp);
		free(tmp);
	}
	outline_reselect(o, node, measure);
}

/* The node of row has just been collapsed: take its subtree's rows out. */
static void
outline_splice_out(struct outline *o, size_t row)
{
	const struct outline_row *sel = &o->rows[o->selected];
	const struct doc_node *node = sel->node;
	size_t measure = sel->measure, end = row + 1,
	    depth = o->rows[row].depth;

	/* Its subtree: the rows after it that are deeper. */
	while (end < o->n_rows && o->rows[end].depth > depth)
		end++;
	/* Close the gap by moving the rows before it or after it, whichever
	 * are fewer: collapsing near either end of a long outline is cheap. */
	if (row + 1 < o->n_rows - end) {
		memmove(o->rows + (end - row - 1), o->rows,
		    (row + 1) * sizeof *o->rows);
		o->rows += end - row - 1;
		o->rows_off += end - row - 1;
	} else
		memmove(o->rows + row + 1, o->rows + end,
		    (o->n_rows - end) * sizeof *o->rows);
	o->n_rows -= end - row - 1;
	outline_reselect(o, node, measure);
}

/* Count the rows under each node when all is expanded (children first). */
static void
outline_count(struct outline *o)
{
	const struct doc_node *n;
	size_t i = o->doc->total_nodes, j;

	while (i-- > 0) {
		n = o->by_id[i];
		o->below[i] = n->n_measures;
		for (j = 0; j < n->n_children; j++)
			o->below[i] += 1 + o->below[n->children[j].id];
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
	o->by_id = xcalloc(doc->total_nodes, sizeof *o->by_id);
	o->expanded = xcalloc(doc->total_nodes, 1);
	o->below = xcalloc(doc->total_nodes, sizeof *o->below);
	o->measure_base = xcalloc(doc->total_nodes, sizeof *o->measure_base);
	for (n = doc_next(doc, NULL); n != NULL; n = doc_next(doc, n)) {
		o->by_id[n->id] = n;
		o->measure_base[n->id] = m;
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
	free(o->below);
	free(o->measure_base);
	free(o->keep_node);
	free(o->keep_measure);
	free(o->matches);
	free(o->rows_base);
	memset(o, 0, sizeof *o);
}

/* Whether a row is a node with something under it. */
int
outline_has_children(const struct outline *o, size_t row)
{
	const struct outline_row *r = &o->rows[row];

	return r->measure == OUTLINE_NODE &&
	    (r->node->n_measures > 0 || r->node->n_children > 0);
}

/* Whether a row's node is expanded. */
int
outline_is_expanded(const struct outline *o, size_t row)
{
	return outline_has_children(o, row) &&
	    o->expanded[o->rows[row].node->id];
}

/* Rows a collapsed row hides. */
size_t
outline_hidden(const struct outline *o, size_t row)
{
	if (!outline_has_children(o, row) || outline_is_expanded(o, row))
		return 0;
	if (o->matches != NULL)
		return o->matches[o->rows[row].node->id];
	return o->below[o->rows[row].node->id];
}

/* Expand or collapse a row's node. */
int
outline_set_expanded(struct outline *o, size_t row, int expanded)
{
	const struct doc_node *n = o->rows[row].node;

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
		r = &o->rows[mid];
		if (r->node->id < node->id || (r->node == node &&
		    measure != OUTLINE_NODE && (r->measure == OUTLINE_NODE ||
		    r->measure < measure)))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < o->n_rows && o->rows[lo].node == node &&
	    o->rows[lo].measure == measure)
		return lo;
	return SIZE_MAX;
}

/* The row of a row's parent. */
size_t
outline_parent(const struct outline *o, size_t row)
{
	const struct outline_row *r = &o->rows[row];

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

/* The node of the selection. */
const struct doc_node *
outline_selected_node(const struct outline *o)
{
	return o->rows[o->selected].node;
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
	const struct outline_row *r = &o->rows[row];
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
