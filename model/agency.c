/*
 * agency: the organisation index, built in one pass over the document.
 *
 * Every tagged name is recorded as an occurrence (name, place, order), the
 * occurrences are sorted by name and then by order, and each run of one name
 * becomes an organisation whose places are the run's, in document order, a
 * place named twice (one tag writing a name twice) kept once.  Sorting
 * rather than comparing each name with every organisation found so far
 * keeps a document with many names O(n log n).  The places of every
 * organisation live in one array, each organisation pointing at its run.
 *
 * Lookup and suggestions compare folded names (fold_text); the distance for
 * suggestions decodes the folded UTF-8 with ICU's U8_NEXT into code points.
 */
#include "model/agency.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "model/fold.h"
#include "model/xmalloc.h"

/* A name as tagged at one place. */
struct agency_occ {
	const char		*name;
	struct agency_place	 place;
	size_t			 order;		/* occurrences before it */
};

/* A growing list of occurrences. */
struct agency_occs {
	struct agency_occ	*v;
	size_t			 n;
	size_t			 cap;
};

/* Code points of a folded name, for the edit distance. */
struct agency_cps {
	UChar32		*v;
	size_t		 n;
	size_t		 cap;
};

/* Record each name of a tag at one place. */
static void
agency_occs_add(struct agency_occs *o, const struct doc_agencies *ag,
    const struct doc_node *node, size_t measure)
{
	size_t i;

	for (i = 0; i < ag->n; i++) {
		if (o->n == o->cap) {
			o->cap = o->cap == 0 ? 64 : 2 * o->cap;
			o->v = xreallocarray(o->v, o->cap, sizeof *o->v);
		}
		o->v[o->n].name = ag->names[i];
		o->v[o->n].place.node = node;
		o->v[o->n].place.measure = measure;
		o->v[o->n].order = o->n;
		o->n++;
	}
}

/* Order occurrences by name, then as they occur in the document. */
static int
agency_occ_cmp(const void *pa, const void *pb)
{
	const struct agency_occ *a = pa, *b = pb;
	int c = strcmp(a->name, b->name);

	if (c != 0)
		return c;
	return a->order < b->order ? -1 : a->order > b->order;
}

/* Order organisations by first appearance (first holds an occurrence's order). */
static int
agency_first_cmp(const void *pa, const void *pb)
{
	const struct agency *a = pa, *b = pb;

	return a->first < b->first ? -1 : a->first > b->first;
}

/* Order organisations by count, most first, then by first appearance. */
static int
agency_count_cmp(const void *pa, const void *pb)
{
	const struct agency *a = pa, *b = pb;

	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return a->first < b->first ? -1 : a->first > b->first;
}

/* Fold name into a new string; *len_bytes gets its length. */
static char *
agency_fold(const char *name, size_t *len_bytes)
{
	struct fold f = { 0 };
	char *s;

	if (fold_text(&f, name, strlen(name)) != 0) {
		/* Only a name over 4 GiB is refused: keep it as it is. */
		fold_fini(&f);
		*len_bytes = strlen(name);
		return xstrdup(name);
	}
	s = f.text;
	*len_bytes = f.len_bytes;
	f.text = NULL;
	fold_fini(&f);
	return s;
}

/* Build the index of doc's organisations. */
void
agency_index_build(struct agency_index *ax, const struct doc *doc)
{
	struct agency_occs occs = { 0 };
	const struct doc_node *n;
	struct agency *a;
	size_t i, j, k, n_names = 0;

	memset(ax, 0, sizeof *ax);
	ax->doc = doc;
	for (n = doc_next(doc, NULL); n != NULL; n = doc_next(doc, n)) {
		agency_occs_add(&occs, &n->agencies, n, AGENCY_NODE);
		for (i = 0; i < n->n_measures; i++)
			agency_occs_add(&occs, &n->measures[i].agencies, n, i);
	}
	if (occs.n == 0)
		return;
	qsort(occs.v, occs.n, sizeof *occs.v, agency_occ_cmp);
	for (i = 0; i < occs.n; i++)
		if (i == 0 || strcmp(occs.v[i].name, occs.v[i - 1].name) != 0)
			n_names++;
	ax->agencies = xcalloc(n_names, sizeof *ax->agencies);
	ax->places = xcalloc(occs.n, sizeof *ax->places);
	for (i = 0, k = 0; i < occs.n; i = j) {
		a = &ax->agencies[ax->n++];
		a->name = occs.v[i].name;
		a->places = &ax->places[k];
		a->first = occs.v[i].order;
		for (j = i; j < occs.n && strcmp(occs.v[j].name, a->name) == 0;
		    j++) {
			/* One tag naming it twice is still one place. */
			if (a->count != 0 &&
			    a->places[a->count - 1].node ==
			    occs.v[j].place.node &&
			    a->places[a->count - 1].measure ==
			    occs.v[j].place.measure)
				continue;
			a->places[a->count++] = occs.v[j].place;
		}
		k += a->count;
		a->folded = agency_fold(a->name, &a->folded_bytes);
	}
	free(occs.v);
	/* first becomes a rank: 0 for the first name in the document. */
	qsort(ax->agencies, ax->n, sizeof *ax->agencies, agency_first_cmp);
	for (i = 0; i < ax->n; i++)
		ax->agencies[i].first = i;
	qsort(ax->agencies, ax->n, sizeof *ax->agencies, agency_count_cmp);
}

/* Free the index and zero it. */
void
agency_index_fini(struct agency_index *ax)
{
	size_t i;

	for (i = 0; i < ax->n; i++)
		free(ax->agencies[i].folded);
	free(ax->agencies);
	free(ax->places);
	memset(ax, 0, sizeof *ax);
}

/* The organisation called name, folded; an exact spelling wins. */
const struct agency *
agency_find(const struct agency_index *ax, const char *name)
{
	const struct agency *found = NULL;
	char *folded;
	size_t len, i;

	if (*name == '\0')
		return NULL;
	for (i = 0; i < ax->n; i++)
		if (strcmp(ax->agencies[i].name, name) == 0)
			return &ax->agencies[i];
	folded = agency_fold(name, &len);
	for (i = 0; i < ax->n && found == NULL; i++)
		if (ax->agencies[i].folded_bytes == len &&
		    memcmp(ax->agencies[i].folded, folded, len) == 0)
			found = &ax->agencies[i];
	free(folded);
	return found;
}

/* Decode s[0..len_bytes) into code points (an ill-formed one as U+FFFD). */
static void
agency_cps_decode(struct agency_cps *cp, const char *s, size_t len_bytes)
{
	size_t i = 0;
	UChar32 c;

	cp->n = 0;
	while (i < len_bytes) {
		U8_NEXT(s, i, len_bytes, c);
		if (cp->n == cp->cap) {
			cp->cap = cp->cap == 0 ? 32 : 2 * cp->cap;
			cp->v = xreallocarray(cp->v, cp->cap, sizeof *cp->v);
		}
		cp->v[cp->n++] = c < 0 ? 0xFFFD : c;
	}
}

/*
 * Edit distances between a and b: *lev_chars the Levenshtein distance,
 * *indel_chars the distance without substitutions (one costs a deletion and
 * an insertion), which is smaller the more code points a and b share in
 * order.  row holds 2 * (b->n + 1) entries.
 */
static void
agency_distance(const struct agency_cps *a, const struct agency_cps *b,
    size_t *row, size_t *lev_chars, size_t *indel_chars)
{
	size_t *lev = row, *ind = row + b->n + 1;
	size_t i, j, diag, up, diag_i, up_i, same;

	for (j = 0; j <= b->n; j++)
		lev[j] = ind[j] = j;
	for (i = 1; i <= a->n; i++) {
		diag = lev[0];
		diag_i = ind[0];
		lev[0] = ind[0] = i;
		for (j = 1; j <= b->n; j++) {
			same = a->v[i - 1] == b->v[j - 1];
			up = lev[j];
			lev[j] = diag + !same;
			if (lev[j - 1] + 1 < lev[j])
				lev[j] = lev[j - 1] + 1;
			if (up + 1 < lev[j])
				lev[j] = up + 1;
			diag = up;
			up_i = ind[j];
			ind[j] = same ? diag_i : SIZE_MAX;
			if (ind[j - 1] + 1 < ind[j])
				ind[j] = ind[j - 1] + 1;
			if (up_i + 1 < ind[j])
				ind[j] = up_i + 1;
			diag_i = up_i;
		}
	}
	*lev_chars = lev[b->n];
	*indel_chars = ind[b->n];
}

/* The nearest organisation to name, if near enough to be a slip. */
const struct agency *
agency_suggest(const struct agency_index *ax, const char *name)
{
	struct agency_cps q = { 0 }, c = { 0 };
	const struct agency *best = NULL;
	size_t *row = NULL, row_cap = 0, best_d = SIZE_MAX, best_i = SIZE_MAX;
	size_t d, d_i, i, len;
	char *folded;

	folded = agency_fold(name, &len);
	agency_cps_decode(&q, folded, len);
	free(folded);
	for (i = 0; i < ax->n; i++) {
		agency_cps_decode(&c, ax->agencies[i].folded,
		    ax->agencies[i].folded_bytes);
		/* The lengths' difference is a lower bound of the distance. */
		d = q.n > c.n ? q.n - c.n : c.n - q.n;
		if (d > best_d || d >= c.n)
			continue;
		if (2 * (c.n + 1) > row_cap) {
			row_cap = 2 * (c.n + 1);
			row = xreallocarray(row, row_cap, sizeof *row);
		}
		agency_distance(&q, &c, row, &d, &d_i);
		if (d < c.n && (d < best_d || (d == best_d && d_i < best_i))) {
			best_d = d;
			best_i = d_i;
			best = &ax->agencies[i];
		}
	}
	free(q.v);
	free(c.v);
	free(row);
	if (best != NULL && best_d > 2 && best_d > q.n / 2)
		return NULL;
	return best;
}
