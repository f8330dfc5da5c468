/*
 * agency: the index of the organisations responsible for a document's
 * measures (NISC, 総務省, 経済産業省, …), each with the places it is tagged.
 *
 * Every name is kept exactly as the document writes it (two spellings are
 * two organisations).  A place is a measure tagged with the name, or a node
 * whose own tag names it (as 1.2 (3) is tagged 【経済産業省】), with measure
 * AGENCY_NODE.  A tag that names several organisations is a place of each;
 * a name written twice in one tag is one place.  An organisation's count is
 * its number of places; the index lists the organisations by count, most
 * first, ties in the order of their first place in the document.
 *
 * Lookup folds the name as search folds text (model/fold.h: width, case,
 * kana), so ＮＩＳＣ and nisc find NISC; a name spelt exactly as written wins
 * over another that only folds alike.  For a name not found, agency_suggest
 * gives the nearest one by edit distance over folded code points, when it is
 * near enough to be a likely slip.
 *
 * The index borrows the doc (its names and nodes are valid until
 * doc_free()) and owns its arrays and folded names.  The model never
 * prints; nothing here fails except by running out of memory (xmalloc).
 * Not thread-safe (fold's tables).
 */
#ifndef AGENCY_H
#define AGENCY_H

#include <stddef.h>
#include <stdint.h>

#include "model/doc.h"

/* The measure of a place that is a node's own tag. */
#define AGENCY_NODE	SIZE_MAX

/* A place an organisation is tagged: a measure, or a node itself. */
struct agency_place {
	const struct doc_node	*node;
	size_t			 measure;	/* index into node->measures,
						   or AGENCY_NODE */
};

struct agency {
	const char		*name;		/* as written; the doc's */
	struct agency_place	*places;	/* in document order; the
						   index's */
	size_t			 count;		/* places: measures tagged with
						   it, a node's own tag as one */
	size_t			 first;		/* order of first appearance in
						   the document, 0 first */
	char			*folded;	/* name folded; owned */
	size_t			 folded_bytes;
};

struct agency_index {
	const struct doc	*doc;
	struct agency		*agencies;	/* most places first, ties by
						   first appearance */
	size_t			 n;
	struct agency_place	*places;	/* every agency's places, one
						   allocation */
};

/* Build the index of doc's organisations into ax; free with agency_index_fini. */
void agency_index_build(struct agency_index *ax, const struct doc *doc);
/* Free the index and zero it. */
void agency_index_fini(struct agency_index *ax);

/*
 * The organisation called name (UTF-8, NUL-terminated), folded as search
 * folds text and then compared exactly: an organisation written exactly as
 * name if there is one, else the first in index order whose folded name is
 * name's.  NULL when none matches (or name is empty).
 */
const struct agency *agency_find(const struct agency_index *ax,
    const char *name);

/*
 * For a name agency_find does not know: the organisation whose folded name
 * is nearest to name's (Levenshtein distance over code points; among equals,
 * the one sharing more code points in order with name, so 経産省 gives
 * 経済産業省 rather than 総務省; then the first in index order), counting
 * only those it differs from in fewer code points than they have.  NULL
 * when there is none, or when the nearest differs in more than 2 code
 * points and more than half of name's (too far to be a slip).
 */
const struct agency *agency_suggest(const struct agency_index *ax,
    const char *name);

#endif
