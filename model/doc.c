/*
 * doc: walking and querying a loaded document.  Loading is in load.c.
 */
#include "model/doc.h"

#include <stdlib.h>
#include <string.h>

/* Free a doc and everything in it. */
void
doc_free(struct doc **docp)
{
	struct doc *doc = *docp;

	if (doc == NULL)
		return;
	arena_fini(&doc->arena);
	free(doc);
	*docp = NULL;
}

/* The next node in pre-order: first child, else the next sibling of the
 * nearest ancestor that has one. */
struct doc_node *
doc_next(const struct doc *doc, const struct doc_node *n)
{
	const struct doc_node *p;

	if (n == NULL)
		return doc->n_nodes > 0 ? &doc->nodes[0] : NULL;
	if (n->n_children > 0)
		return &n->children[0];
	for (; n != NULL; n = n->parent) {
		p = n->parent;
		if (p == NULL) {
			if (n->index + 1 < doc->n_nodes)
				return &doc->nodes[n->index + 1];
		} else if (n->index + 1 < p->n_children)
			return &p->children[n->index + 1];
	}
	return NULL;
}

/* Fill path with the numbers from the top down to n. */
size_t
doc_path(const struct doc_node *n, const char **path)
{
	size_t count = n->depth + 1, i = count;

	for (; n != NULL; n = n->parent)
		path[--i] = n->number;
	return count;
}

/* Append the path of a node and measure. */
void
doc_path_text(struct buf *b, const struct doc_node *n, size_t measure)
{
	const char *path[DOC_MAX_DEPTH];
	size_t count = doc_path(n, path), i;

	for (i = 0; i < count; i++) {
		if (i != 0)
			buf_adds(b, " › ");
		buf_adds(b, path[i]);
	}
	if (measure != SIZE_MAX)
		buf_printf(b, " › ・%zu", measure + 1);
}

/* Append organisations as printed. */
void
doc_agencies_text(struct buf *b, const struct doc_agencies *ag)
{
	size_t i;

	if (ag->tag != NULL) {
		buf_adds(b, ag->tag);
		return;
	}
	for (i = 0; i < ag->n; i++) {
		if (i != 0)
			buf_adds(b, "、");
		buf_adds(b, ag->names[i]);
	}
}

/* The footnote mark sign ※ (U+203B) in UTF-8. */
#define DOC_MARK_SIGN	"\xe2\x80\xbb"

/* Find the next ※N mark. */
int
doc_mark_next(const char *text, size_t from, size_t *start, size_t *end)
{
	const char *p = text + from, *q;

	while ((p = strstr(p, DOC_MARK_SIGN)) != NULL) {
		q = p + strlen(DOC_MARK_SIGN);
		if (*q >= '0' && *q <= '9') {
			while (*q >= '0' && *q <= '9')
				q++;
			*start = (size_t)(p - text);
			*end = (size_t)(q - text);
			return 1;
		}
		p = q;
	}
	return 0;
}

/* Find a footnote by its mark. */
const struct doc_footnote *
doc_footnote_find(const struct doc *doc, const char *mark)
{
	size_t i;

	for (i = 0; i < doc->n_footnotes; i++)
		if (strcmp(doc->footnotes[i].mark, mark) == 0)
			return &doc->footnotes[i];
	return NULL;
}
