/*
 * search: every searchable field of a document folded (model/fold.h) into
 * one buffer, each field followed by a NUL, and queries run against it.
 *
 * A query word is found with memmem over the whole buffer at once; a word
 * holds no NUL, so no occurrence crosses from one field into the next, and
 * each occurrence is given to its field by a binary search over the fields'
 * starts.  An entry matches when every word has an occurrence in one of its
 * fields; then each of its fields with occurrences becomes one hit, whose
 * ranges are the occurrences of all words mapped back to the original text
 * (fold_map, so a range never cuts a character), sorted and merged.
 *
 * Romaji (HAVE_MIGEMO): a word of ASCII letters also gets a C/Migemo
 * pattern, compiled with ICU's uregex and run over the whole folded buffer
 * (UTF-8 through utext_openUTF8, so match offsets are bytes).  The literals
 * Migemo writes into the pattern pass through search_migemo_int2char, which
 * folds each one as the text is folded and escapes every ASCII
 * metacharacter, so dictionary entries such as "k$_{eff}$" or "(株)" stay
 * literal and the pattern's ＡＢＣ, カナ and Upper case match the folded
 * text's abc, かな and lower case.  The dictionary is opened on the first
 * romaji word, never at build time; if it cannot be opened, migemo_failed
 * is set and words are searched literally only.
 *
 * Limits: not thread-safe (fold's tables).  A result's hits and their ranges
 * live in one allocation (hits first), freed by search_result_fini.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE	1	/* memmem */
#endif

#include "model/search.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef HAVE_MIGEMO
#include <migemo.h>
#include <unicode/uregex.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>
#endif

#include "model/buf.h"
#include "model/fold.h"
#include "model/xmalloc.h"

#define SEARCH_SPACES	" \t\n\r\f\v"	/* U+3000 folds to a space */

/* One occurrence of a query word: bytes of a field's folded text. */
struct search_raw {
	size_t	field;		/* index into ix->fields */
	size_t	start;		/* relative to the field's fold_start */
	size_t	end;
};

/* A growing list of occurrences. */
struct search_raws {
	struct search_raw	*v;
	size_t			 n;
	size_t			 cap;
};

/* The index under construction. */
struct search_build {
	struct search_index	*ix;
	struct buf		 folded;
	size_t			 cap_fields;
	size_t			 cap_segs;
};

/* Fold text and append it to the index as one field of entry. */
static void
search_add_field(struct search_build *b, enum search_kind kind,
    const struct doc_node *node, size_t measure, size_t footnote,
    const char *text, size_t entry)
{
	struct search_index *ix = b->ix;
	struct search_field *fd;
	struct fold f = { 0 };

	if (ix->n_fields == b->cap_fields) {
		b->cap_fields = b->cap_fields == 0 ? 256 : b->cap_fields * 2;
		ix->fields = xreallocarray(ix->fields, b->cap_fields,
		    sizeof *ix->fields);
	}
	fd = &ix->fields[ix->n_fields++];
	fd->kind = kind;
	fd->node = node;
	fd->measure = measure;
	fd->footnote = footnote;
	fd->text = text;
	fd->entry = entry;
	fd->fold_start = b->folded.len;
	fd->seg_start = ix->n_segs;
	/* Only a text over 4 GiB fails, which a doc cannot hold: then the
	 * field is indexed empty. */
	if (fold_text(&f, text, strlen(text)) != 0)
		memset(&f, 0, sizeof f);
	fd->fold_len = f.len_bytes;
	fd->n_segs = f.n_segs;
	buf_add(&b->folded, f.text != NULL ? f.text : "", f.len_bytes);
	buf_addc(&b->folded, '\0');
	if (f.n_segs > 0) {
		if (ix->n_segs + f.n_segs > b->cap_segs) {
			while (ix->n_segs + f.n_segs > b->cap_segs)
				b->cap_segs = b->cap_segs == 0 ? 64 :
				    b->cap_segs * 2;
			ix->segs = xreallocarray(ix->segs, b->cap_segs,
			    sizeof *ix->segs);
		}
		memcpy(ix->segs + ix->n_segs, f.segs,
		    f.n_segs * sizeof *f.segs);
		ix->n_segs += f.n_segs;
	}
	fold_fini(&f);
}

/* Add a list of organisations as fields of entry. */
static void
search_add_agencies(struct search_build *b, const struct doc_node *node,
    size_t measure, const struct doc_agencies *ag, size_t entry)
{
	size_t i;

	for (i = 0; i < ag->n; i++)
		search_add_field(b, SEARCH_AGENCY, node, measure, SIZE_MAX,
		    ag->names[i], entry);
}

/* Build the index of doc, in document order. */
void
search_index_build(struct search_index *ix, const struct doc *doc)
{
	struct search_build b;
	const struct doc_node *n;
	const struct doc_footnote *fn;
	size_t i, entry;

	memset(ix, 0, sizeof *ix);
	memset(&b, 0, sizeof b);
	ix->doc = doc;
	ix->romaji = search_has_migemo();
	b.ix = ix;
	for (n = doc_next(doc, NULL); n != NULL; n = doc_next(doc, n)) {
		entry = ix->n_entries++;
		search_add_field(&b, SEARCH_TITLE, n, SIZE_MAX, SIZE_MAX,
		    n->title, entry);
		search_add_agencies(&b, n, SIZE_MAX, &n->agencies, entry);
		for (i = 0; i < n->n_measures; i++) {
			entry = ix->n_entries++;
			search_add_field(&b, SEARCH_MEASURE, n, i, SIZE_MAX,
			    n->measures[i].text, entry);
			search_add_agencies(&b, n, i, &n->measures[i].agencies,
			    entry);
		}
	}
	for (i = 0; i < doc->n_footnotes; i++) {
		fn = &doc->footnotes[i];
		entry = ix->n_entries++;
		if (fn->term != NULL)
			search_add_field(&b, SEARCH_FOOTNOTE, NULL, SIZE_MAX, i,
			    fn->term, entry);
		search_add_field(&b, SEARCH_FOOTNOTE, NULL, SIZE_MAX, i,
		    fn->text, entry);
	}
	ix->folded_len = b.folded.len;
	ix->folded = buf_detach(&b.folded);
}

/* Free the index and Migemo. */
void
search_index_fini(struct search_index *ix)
{
	free(ix->fields);
	free(ix->folded);
	free(ix->segs);
#ifdef HAVE_MIGEMO
	if (ix->migemo != NULL)
		migemo_close(ix->migemo);
#endif
	memset(ix, 0, sizeof *ix);
}

/* Index of the field holding folded offset off (fields from lo on). */
static size_t
search_field_at(const struct search_index *ix, size_t lo, size_t off)
{
	size_t hi = ix->n_fields, mid;

	/* The first field starting after off; the one before holds it. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (ix->fields[mid].fold_start <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo - 1;
}

/* Append an occurrence at folded offsets [start, end) of the buffer; one
 * that crosses out of its field is dropped.  Returns its field. */
static size_t
search_raw_add(const struct search_index *ix, struct search_raws *r,
    size_t lo, size_t start, size_t end)
{
	size_t fi = search_field_at(ix, lo, start);
	const struct search_field *fd = &ix->fields[fi];
	struct search_raw *h;

	if (end > fd->fold_start + fd->fold_len)
		return fi;
	if (r->n == r->cap) {
		r->cap = r->cap == 0 ? 64 : r->cap * 2;
		r->v = xreallocarray(r->v, r->cap, sizeof *r->v);
	}
	h = &r->v[r->n++];
	h->field = fi;
	h->start = start - fd->fold_start;
	h->end = end - fd->fold_start;
	return fi;
}

/* Add every occurrence of word[0..len) in the folded buffer. */
static void
search_literal(const struct search_index *ix, const char *word, size_t len,
    struct search_raws *r)
{
	const char *hay = ix->folded, *p;
	size_t pos = 0, fi = 0;

	while (pos + len <= ix->folded_len &&
	    (p = memmem(hay + pos, ix->folded_len - pos, word, len)) != NULL) {
		pos = (size_t)(p - hay);
		fi = search_raw_add(ix, r, fi, pos, pos + len);
		/* Overlapping occurrences count too (ああ in あああ); a
		 * match cannot start inside a character, so step a byte. */
		pos++;
	}
}

#ifdef HAVE_MIGEMO
/*
 * Whether word[0..len) is read as romaji: ASCII letters only, at least
 * SEARCH_ROMAJI_MIN_LETTERS of them (shorter words make patterns of
 * thousands of readings that match everything and take a noticeable time
 * to run, which search-as-you-type cannot afford).
 */
static int
search_is_romaji(const char *word, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!((word[i] >= 'a' && word[i] <= 'z') ||
		    (word[i] >= 'A' && word[i] <= 'Z')))
			return 0;
	return len >= SEARCH_ROMAJI_MIN_LETTERS;
}

/* Migemo's writer of pattern literals: fold the code point as text is
 * folded (when it folds to one code point) and escape ASCII punctuation. */
static int
search_migemo_int2char(unsigned int code, unsigned char *out)
{
	unsigned char tmp[4];
	char in[4];
	struct fold f;
	UChar32 c, d;
	int32_t n = 0, i = 0;
	UBool bad = 0;

	c = code <= 0x10FFFF && !U_IS_SURROGATE(code) ? (UChar32)code : 0xFFFD;
	U8_APPEND((uint8_t *)in, n, 4, c, bad);
	if (!bad && fold_text(&f, in, (size_t)n) == 0) {
		if (f.len_bytes > 0) {
			U8_NEXT_OR_FFFD((const uint8_t *)f.text, i,
			    (int32_t)f.len_bytes, d);
			/* U+3000 would become a space that matches between
			 * words: a literal folding to a blank stays as is. */
			if ((size_t)i == f.len_bytes && d > 0x20)
				c = d;
		}
		fold_fini(&f);
	}
	n = 0;
	if (c < 0x80) {
		if (c > 0x20 && c < 0x7f && !(c >= '0' && c <= '9') &&
		    !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z'))
			tmp[n++] = '\\';
		tmp[n++] = (unsigned char)c;
	} else
		U8_APPEND_UNSAFE(tmp, n, c);
	if (out != NULL)
		memcpy(out, tmp, (size_t)n);
	return n;
}

/* Open the Migemo dictionary on first use; NULL if it cannot be. */
static migemo *
search_migemo(struct search_index *ix)
{
	const char *path;
	migemo *m;

	if (ix->migemo != NULL || ix->migemo_failed)
		return ix->migemo;
	if ((path = search_migemo_dict()) == NULL ||
	    (m = migemo_open(path)) == NULL) {
		ix->migemo_failed = 1;
		return NULL;
	}
	if (!migemo_is_enable(m)) {
		migemo_close(m);
		ix->migemo_failed = 1;
		return NULL;
	}
	migemo_setproc_int2char(m, search_migemo_int2char);
	/* Fields are searched as they are: no skipping over line breaks.
	 * Nothing reads the groups: not capturing them makes ICU three
	 * times faster on the long patterns of one-letter words. */
	migemo_set_operator(m, MIGEMO_OPINDEX_NEWLINE,
	    (const unsigned char *)"");
	migemo_set_operator(m, MIGEMO_OPINDEX_NEST_IN,
	    (const unsigned char *)"(?:");
	ix->migemo = m;
	return m;
}

/* Add the occurrences of the Migemo pattern of word[0..len). */
static void
search_romaji(struct search_index *ix, const char *word, size_t len,
    struct search_raws *r)
{
	UErrorCode ue = U_ZERO_ERROR;
	UParseError pe;
	URegularExpression *re;
	UText *ut, *put;
	unsigned char *pat;
	migemo *m;
	char *w;
	int64_t start, end;
	size_t fi = 0;

	if ((m = search_migemo(ix)) == NULL)
		return;
	w = xstrndup(word, len);
	pat = migemo_query(m, (const unsigned char *)w);
	free(w);
	if (pat == NULL)
		return;
	put = utext_openUTF8(NULL, (const char *)pat, -1, &ue);
	re = uregex_openUText(put, 0, &pe, &ue);	/* copies the pattern */
	utext_close(put);
	migemo_release(m, pat);
	if (U_FAILURE(ue)) {
		/* Escaping makes this unreachable; keep the literal search. */
		if (re != NULL)
			uregex_close(re);
		return;
	}
	ut = utext_openUTF8(NULL, ix->folded, (int64_t)ix->folded_len, &ue);
	uregex_setUText(re, ut, &ue);
	while (U_SUCCESS(ue) && uregex_findNext(re, &ue)) {
		start = uregex_start64(re, 0, &ue);
		end = uregex_end64(re, 0, &ue);
		if (U_FAILURE(ue))
			break;
		if (end > start)
			fi = search_raw_add(ix, r, fi, (size_t)start,
			    (size_t)end);
	}
	uregex_close(re);
	utext_close(ut);
}
#endif

/* Order occurrences by field, then start, then end. */
static int
search_raw_cmp(const void *a, const void *b)
{
	const struct search_raw *x = a, *y = b;

	if (x->field != y->field)
		return x->field < y->field ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return 0;
}

/* Turn the sorted occurrences r[0..n) into one hit per field. */
static void
search_collect(struct search_index *ix, const struct search_raw *r,
    size_t n, struct search_result *res)
{
	const struct search_field *fd;
	struct search_hit *h = NULL;
	struct fold view;
	size_t i, n_hits = 0, *ranges, os, oe;

	for (i = 0; i < n; i++)
		if (i == 0 || r[i].field != r[i - 1].field)
			n_hits++;
	if (n_hits == 0)
		return;
	/* Hits first, then every range: one allocation. */
	res->hits = xmalloc(n_hits * sizeof *res->hits +
	    n * 2 * sizeof *ranges);
	ranges = (size_t *)(void *)(res->hits + n_hits);
	memset(&view, 0, sizeof view);
	for (i = 0; i < n; i++) {
		if (i == 0 || r[i].field != r[i - 1].field) {
			h = &res->hits[res->n_hits++];
			fd = &ix->fields[r[i].field];
			h->field = fd;
			h->ranges = ranges;
			h->n_ranges = 0;
			view.len_bytes = fd->fold_len;
			/* segs is NULL when no field has any. */
			view.segs = fd->n_segs > 0 ? ix->segs + fd->seg_start :
			    NULL;
			view.n_segs = fd->n_segs;
		}
		/* fold_map keeps order, so merging the previous is enough. */
		fold_map(&view, r[i].start, r[i].end, &os, &oe);
		if (h->n_ranges > 0 && os <= h->ranges[2 * h->n_ranges - 1]) {
			if (oe > h->ranges[2 * h->n_ranges - 1])
				h->ranges[2 * h->n_ranges - 1] = oe;
			continue;
		}
		h->ranges[2 * h->n_ranges] = os;
		h->ranges[2 * h->n_ranges + 1] = oe;
		h->n_ranges++;
		ranges += 2;
	}
}

/* Run query and fill res. */
int
search_run(struct search_index *ix, const char *query,
    struct search_result *res)
{
	struct fold q;
	struct search_raws r;
	size_t *words_in, *last_word, n_words = 0, i, keep, len;
	char *p, *word;

	memset(res, 0, sizeof *res);
	if (fold_text(&q, query, strlen(query)) != 0)
		return -1;
	memset(&r, 0, sizeof r);
	words_in = xcalloc(ix->n_entries + 1, sizeof *words_in);
	last_word = xcalloc(ix->n_entries + 1, sizeof *last_word);
	for (p = q.text; *(p += strspn(p, SEARCH_SPACES)) != '\0'; p += len) {
		word = p;
		len = strcspn(p, SEARCH_SPACES);
		keep = r.n;
		n_words++;
		search_literal(ix, word, len, &r);
#ifdef HAVE_MIGEMO
		if (ix->romaji && search_is_romaji(word, len))
			search_romaji(ix, word, len, &r);
#endif
		/* Count each entry once per word. */
		for (i = keep; i < r.n; i++) {
			size_t e = ix->fields[r.v[i].field].entry;

			if (last_word[e] != n_words) {
				last_word[e] = n_words;
				words_in[e]++;
			}
		}
	}
	if (n_words == 0) {
		free(words_in);
		free(last_word);
		fold_fini(&q);
		return -1;
	}
	/* Keep the occurrences in entries that have every word. */
	for (i = 0, keep = 0; i < r.n; i++)
		if (words_in[ix->fields[r.v[i].field].entry] == n_words)
			r.v[keep++] = r.v[i];
	for (i = 0; i < ix->n_entries; i++)
		if (words_in[i] == n_words)
			res->n_entries++;
	if (keep > 0)
		qsort(r.v, keep, sizeof *r.v, search_raw_cmp);
	search_collect(ix, r.v, keep, res);
	free(r.v);
	free(words_in);
	free(last_word);
	fold_fini(&q);
	return 0;
}

/* Free a result and zero it. */
void
search_result_fini(struct search_result *res)
{
	free(res->hits);
	memset(res, 0, sizeof *res);
}

/* Load the Migemo dictionary now, if romaji search will want it. */
void
search_prepare_romaji(struct search_index *ix)
{
#ifdef HAVE_MIGEMO
	if (ix->romaji)
		(void)search_migemo(ix);
#else
	(void)ix;
#endif
}

/* Whether romaji search is built in. */
int
search_has_migemo(void)
{
#ifdef HAVE_MIGEMO
	return 1;
#else
	return 0;
#endif
}

/* The first readable Migemo dictionary of the usual places, or NULL. */
const char *
search_migemo_dict(void)
{
#ifdef HAVE_MIGEMO
	static const char *const paths[] = {
		"/usr/share/cmigemo/utf-8/migemo-dict",		/* Debian */
		"/usr/local/share/migemo/utf-8/migemo-dict",	/* make install */
		"/usr/share/migemo/utf-8/migemo-dict",
		"/opt/homebrew/share/migemo/utf-8/migemo-dict",
	};
	size_t i;

	for (i = 0; i < sizeof paths / sizeof paths[0]; i++)
		if (access(paths[i], R_OK) == 0)
			return paths[i];
#endif
	return NULL;
}
