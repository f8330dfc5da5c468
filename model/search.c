/*
 * search: every searchable field of a document folded (model/fold.h) into
 * one buffer, each field followed by a NUL, and queries run against it.
 *
 * A query runs as a job (search_job_*; search_run is a job from the start
 * stepped to the end): the buffer is scanned in slices of whole entries,
 * from the origin's entry to the end and then from the start back to it,
 * each slice about as long as the step's budget pays for (the cost per
 * byte measured as the job goes: the literal scans, a romaji pattern's
 * regular expression timed against the word's own scan, the occurrences
 * found).  In a slice, a query word is found by one scan (search_find_some:
 * a SIMD filter on two of its bytes, then memcmp); a word holds no NUL, so
 * no occurrence crosses from one field into the next, and each occurrence
 * is given to its field by galloping over the fields' starts from the
 * previous occurrence's field.  The starts are kept as uint32_t after the
 * folded text, in the same allocation (SEARCH_STARTS): 4 bytes a field
 * stay in the cache where ix->fields (80) would miss at every step.  A scan
 * finds occurrences in order, so each scan adds one sorted run; the runs
 * are merged (none to merge for one literal word).  An entry matches when
 * every word has an occurrence in one of its fields (entries never span
 * slices, so this is decided slice by slice); then each of its fields with
 * occurrences becomes one hit, whose ranges are the occurrences of all
 * words mapped back to the original text (fold_map, so a range never cuts
 * a character), sorted and merged.  Each slice's hits are a chunk; the
 * chunks, taken in document order (those before the origin first), are
 * copied into one result at the end, also within the steps' budget.
 *
 * Romaji (HAVE_MIGEMO): a word of ASCII letters also gets a C/Migemo
 * pattern, the union of literals.  With Hyperscan (HAVE_HYPERSCAN, on a
 * CPU that runs it), its literals (up to SEARCH_HS_LITS_MAX, some thousand
 * for a three-letter word) are compiled on a thread of its own while the
 * job scans them literal by literal with the same scan as a query word;
 * once compiled, they are all found in one scan per slice (hs_scan), the
 * same occurrences.  Without it, a pattern of at most SEARCH_LITS_MAX
 * literals (most words of four letters or more) is searched literal by
 * literal; a bigger one is compiled with ICU's uregex, set on the whole
 * folded buffer (UTF-8 through utext_openUTF8, so match offsets are bytes)
 * and run on one slice at a time (uregex_setRegion64), which finds the
 * same fields.  The literals Migemo writes into the pattern pass through
 * search_migemo_int2char, which folds each one as the text is folded and
 * escapes every ASCII metacharacter, so dictionary entries such as
 * "k$_{eff}$" or "(株)" stay literal and the pattern's ＡＢＣ, カナ and
 * Upper case match the folded text's abc, かな and lower case.  Migemo
 * runs on a thread of the index's own (struct search_mig), never at build
 * time: it loads the dictionary, then writes the patterns of the words
 * asked for, keeping the last few, while the browser goes on taking keys
 * (search_prepare_romaji when its prompt opens; search_romaji_ready before
 * it starts a job, which would otherwise wait for a pattern).  If the
 * dictionary cannot be opened, migemo_failed is set and words are searched
 * literally only.
 *
 * Building: search_index_build folds every field of a loaded doc in
 * document order.  search_load_file and search_load_data fold while the
 * document loads instead: the loader's listener (doc_load_listen) folds
 * each text as it is read, while a large document's parser runs on a
 * thread of its own (model/load.c), so that on two cores the index costs
 * little more than the parse.  Then a walk of the loaded doc in document
 * order says whose each field is, checking that the texts came in that
 * order (a file that writes its keys out of the schema's order is indexed
 * again after loading, by search_index_build).
 *
 * Limits: an index is for one thread (its own threads aside).  A result's
 * hits and their ranges live in one allocation (hits first), freed by
 * search_result_fini.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE	1	/* memmem */
#endif

#include "model/search.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define SEARCH_AVX2	1	/* a 32-byte scan, chosen at run time */
#endif

#ifdef HAVE_MIGEMO
#include <migemo.h>
#include <pthread.h>
#include <unicode/uregex.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>
#endif
#if defined(HAVE_MIGEMO) && defined(HAVE_HYPERSCAN)
#include <hs.h>
#include <limits.h>
#include <stdatomic.h>
#define SEARCH_HS	1	/* romaji literals through Hyperscan */
#endif

#include "model/buf.h"
#include "model/fold.h"
#include "model/xmalloc.h"

#define SEARCH_SPACES	" \t\n\r\f\v"	/* U+3000 folds to a space */
#define SEARCH_PREFETCH	16	/* occurrences ahead to prefetch fields for */

/*
 * The fields' starts, kept after the folded text's terminating NUL from the
 * next multiple of 4 bytes, or NULL for a buffer of 4 GiB or more (then
 * ix->fields is searched instead).
 */
#define SEARCH_STARTS_AT(len)	(((len) + 4) & ~(size_t)3)
#define SEARCH_STARTS(ix)						\
	((ix)->folded_len < UINT32_MAX ? (const uint32_t *)(const void *)	\
	    ((ix)->folded + SEARCH_STARTS_AT((ix)->folded_len)) : NULL)

/* One occurrence of a query word: bytes of a field's folded text. */
struct search_raw {
	size_t	field;		/* index into ix->fields */
	size_t	start;		/* relative to the field's fold_start */
	size_t	end;
};

/* A growing list of occurrences, made of runs each sorted by field and
 * start (one scan of the buffer makes one run). */
struct search_raws {
	struct search_raw	*v;
	size_t			 n;
	size_t			 cap;
	size_t			*runs;		/* where each run starts in v */
	size_t			 n_runs;
	size_t			 cap_runs;
};

/* A word to find, with the two bytes its scan probes first. */
struct search_finder {
	const char	*word;
	size_t		 len;
	size_t		 probe1;	/* offsets into word: the rarer-looking */
	size_t		 probe2;	/* byte, and the last */
};

/* A folded organisation name, kept for the next field with the same name
 * (a large document names a few organisations over and over). */
struct search_cached {
	const char	*text;		/* the doc's, or NULL */
	size_t		 len;
	struct fold	 f;		/* owned */
};

#define SEARCH_CACHE	64	/* names remembered, a power of two */

/* The index under construction. */
struct search_build {
	struct search_index	*ix;
	struct buf		 folded;
	size_t			 cap_fields;
	size_t			 cap_segs;
	struct search_cached	 cache[SEARCH_CACHE];
	size_t			 owned;		/* fields given to entries */
	int			 reordered;	/* folded out of document order */
};

/* What search_walk does with each field. */
typedef void (*search_visit)(struct search_build *, enum search_kind,
    const struct doc_node *, size_t, size_t, const char *, size_t);


/* The fold of an organisation's name, from the cache or folded now into it
 * (NULL only for a text fold_text refuses). */
static const struct fold *
search_fold_name(struct search_build *b, const char *text)
{
	struct search_cached *c;
	size_t len = strlen(text), h = len, i;

	for (i = 0; i < len && i < 16; i++)
		h = h * 31 + (unsigned char)text[i];
	c = &b->cache[h & (SEARCH_CACHE - 1)];
	if (c->text != NULL && (c->text == text || (c->len == len &&
	    memcmp(c->text, text, len) == 0)))
		return &c->f;
	fold_fini(&c->f);
	c->text = NULL;
	if (fold_text(&c->f, text, len) != 0)
		return NULL;
	c->text = text;
	c->len = len;
	return &c->f;
}

/* Append a field for text, folded (a name through the cache) into the
 * index; the caller says whose it is. */
static struct search_field *
search_fold_field(struct search_build *b, const char *text, int name)
{
	struct search_index *ix = b->ix;
	struct search_field *fd;
	struct fold own = { 0 };
	const struct fold *f;

	if (ix->n_fields == b->cap_fields) {
		b->cap_fields = b->cap_fields == 0 ? 256 : b->cap_fields * 2;
		ix->fields = xreallocarray(ix->fields, b->cap_fields,
		    sizeof *ix->fields);
	}
	fd = &ix->fields[ix->n_fields++];
	fd->text = text;
	fd->fold_start = b->folded.len;
	fd->seg_start = ix->n_segs;
	/* Only a text over 4 GiB fails, which a doc cannot hold: then the
	 * field is indexed empty. */
	if (name)
		f = search_fold_name(b, text);
	else
		f = fold_text(&own, text, strlen(text)) == 0 ? &own : NULL;
	if (f == NULL) {
		memset(&own, 0, sizeof own);
		f = &own;
	}
	fd->fold_len = f->len_bytes;
	fd->n_segs = f->n_segs;
	buf_add(&b->folded, f->text != NULL ? f->text : "", f->len_bytes);
	buf_addc(&b->folded, '\0');
	if (f->n_segs > 0) {
		if (ix->n_segs + f->n_segs > b->cap_segs) {
			while (ix->n_segs + f->n_segs > b->cap_segs)
				b->cap_segs = b->cap_segs == 0 ? 64 :
				    b->cap_segs * 2;
			ix->segs = xreallocarray(ix->segs, b->cap_segs,
			    sizeof *ix->segs);
		}
		memcpy(ix->segs + ix->n_segs, f->segs,
		    f->n_segs * sizeof *f->segs);
		ix->n_segs += f->n_segs;
	}
	fold_fini(&own);
	return fd;
}

/* Say whose field fd is. */
static void
search_own_field(struct search_field *fd, enum search_kind kind,
    const struct doc_node *node, size_t measure, size_t footnote,
    size_t entry)
{
	fd->kind = kind;
	fd->node = node;
	fd->measure = measure;
	fd->footnote = footnote;
	fd->entry = entry;
}

/* Fold text and append it to the index as one field of entry. */
static void
search_add_field(struct search_build *b, enum search_kind kind,
    const struct doc_node *node, size_t measure, size_t footnote,
    const char *text, size_t entry)
{
	search_own_field(search_fold_field(b, text, kind == SEARCH_AGENCY),
	    kind, node, measure, footnote, entry);
}

/*
 * Give the next field, folded before (by the loader's listener, in the
 * order read), to its entry, if it is text's; else note that the order
 * differs.
 */
static void
search_own_next(struct search_build *b, enum search_kind kind,
    const struct doc_node *node, size_t measure, size_t footnote,
    const char *text, size_t entry)
{
	struct search_index *ix = b->ix;

	if (b->owned < ix->n_fields && ix->fields[b->owned].text == text)
		search_own_field(&ix->fields[b->owned], kind, node, measure,
		    footnote, entry);
	else
		b->reordered = 1;
	b->owned++;
}

/* Visit every searchable field of doc in document order, numbering the
 * entries. */
static void
search_walk(struct search_build *b, const struct doc *doc, search_visit visit)
{
	struct search_index *ix = b->ix;
	const struct doc_node *n;
	const struct doc_footnote *fn;
	size_t i, k, entry;

	ix->n_entries = 0;
	for (n = doc_next(doc, NULL); n != NULL; n = doc_next(doc, n)) {
		entry = ix->n_entries++;
		visit(b, SEARCH_TITLE, n, SIZE_MAX, SIZE_MAX, n->title, entry);
		for (k = 0; k < n->agencies.n; k++)
			visit(b, SEARCH_AGENCY, n, SIZE_MAX, SIZE_MAX,
			    n->agencies.names[k], entry);
		for (i = 0; i < n->n_measures; i++) {
			entry = ix->n_entries++;
			visit(b, SEARCH_MEASURE, n, i, SIZE_MAX,
			    n->measures[i].text, entry);
			for (k = 0; k < n->measures[i].agencies.n; k++)
				visit(b, SEARCH_AGENCY, n, i, SIZE_MAX,
				    n->measures[i].agencies.names[k], entry);
		}
	}
	for (i = 0; i < doc->n_footnotes; i++) {
		fn = &doc->footnotes[i];
		entry = ix->n_entries++;
		if (fn->term != NULL)
			visit(b, SEARCH_FOOTNOTE, NULL, SIZE_MAX, i, fn->term,
			    entry);
		visit(b, SEARCH_FOOTNOTE, NULL, SIZE_MAX, i, fn->text, entry);
	}
}

/* Finish the index: drop the cache, put the fields' starts after the
 * folded text (see SEARCH_STARTS) and hand the buffer to ix. */
static void
search_build_finish(struct search_build *b)
{
	struct search_index *ix = b->ix;
	size_t i;

	for (i = 0; i < SEARCH_CACHE; i++)
		fold_fini(&b->cache[i].f);
	ix->folded_len = b->folded.len;
	if (ix->folded_len < UINT32_MAX) {
		uint32_t *starts;

		buf_addn(&b->folded, '\0', SEARCH_STARTS_AT(b->folded.len) -
		    b->folded.len);
		buf_reserve(&b->folded, ix->n_fields * sizeof *starts + 1);
		starts = (uint32_t *)(void *)(b->folded.data + b->folded.len);
		for (i = 0; i < ix->n_fields; i++)
			starts[i] = (uint32_t)ix->fields[i].fold_start;
		b->folded.len += ix->n_fields * sizeof *starts;
		b->folded.data[b->folded.len] = '\0';
	}
	ix->folded = buf_detach(&b->folded);
}

/* Build the index of doc, in document order. */
void
search_index_build(struct search_index *ix, const struct doc *doc)
{
	struct search_build b;

	memset(ix, 0, sizeof *ix);
	memset(&b, 0, sizeof b);
	ix->doc = doc;
	ix->romaji = search_has_migemo();
	ix->hyperscan = 1;
	b.ix = ix;
	search_walk(&b, doc, search_add_field);
	search_build_finish(&b);
}

/* The loader's listener: fold each text as it is read (the parser runs on
 * a thread of its own meanwhile, model/load.c). */
static void
search_load_text(void *arg, enum doc_text kind, const char *text)
{
	search_fold_field(arg, text, kind == DOC_TEXT_NAME);
}

/*
 * Load a document (the file at path, or else data[0..len_bytes) named
 * name) and build its index while it loads: the loader tells each text to
 * search_load_text, which folds it in the order read.  When that order is
 * the document's (the schema's order of keys), the loaded doc only says
 * whose each field is; else the index is built again in document order.
 */
static int
search_load(struct search_index *ix, const char *path, const char *name,
    const char *data, size_t len_bytes, struct doc **out,
    struct doc_error *err)
{
	struct search_build b;
	struct doc_listener listen = { search_load_text, NULL };
	int r;

	memset(ix, 0, sizeof *ix);
	memset(&b, 0, sizeof b);
	b.ix = ix;
	listen.arg = &b;
	r = path != NULL ? doc_load_file_listen(path, &listen, out, err) :
	    doc_load_listen(name, data, len_bytes, &listen, out, err);
	if (r == 0) {
		ix->doc = *out;
		search_walk(&b, *out, search_own_next);
		if (!b.reordered && b.owned == ix->n_fields) {
			ix->romaji = search_has_migemo();
			ix->hyperscan = 1;
			search_build_finish(&b);
			return 0;
		}
	}
	/* Failed, or read out of document order: start again. */
	search_build_finish(&b);
	search_index_fini(ix);
	if (r == 0)
		search_index_build(ix, *out);
	return r;
}

/* Load the file at path and index it as it loads. */
int
search_load_file(struct search_index *ix, const char *path, struct doc **out,
    struct doc_error *err)
{
	return search_load(ix, path, NULL, NULL, 0, out, err);
}

/* Load data[0..len_bytes), named name, and index it as it loads. */
int
search_load_data(struct search_index *ix, const char *name, const char *data,
    size_t len_bytes, struct doc **out, struct doc_error *err)
{
	return search_load(ix, NULL, name, data, len_bytes, out, err);
}

#ifdef SEARCH_HS
static void search_hs_stop(struct search_index *);
#endif
#ifdef HAVE_MIGEMO
static void search_mig_stop(struct search_index *);
static void search_mig_forget(struct search_index *);
#endif

/* Forget the words kept compiled (stopping the compiling thread: the
 * next word starts another). */
void
search_forget(struct search_index *ix)
{
#ifdef HAVE_MIGEMO
	search_mig_forget(ix);
#endif
#ifdef SEARCH_HS
	search_hs_stop(ix);
#else
	(void)ix;
#endif
}

/* Free the index and Migemo, once its compiling thread has stopped. */
void
search_index_fini(struct search_index *ix)
{
#ifdef SEARCH_HS
	search_hs_stop(ix);
#endif
	free(ix->fields);
	free(ix->folded);
	free(ix->segs);
#ifdef HAVE_MIGEMO
	search_mig_stop(ix);
#endif
	memset(ix, 0, sizeof *ix);
}

/* Where field i starts in the folded buffer. */
static inline size_t
search_start(const struct search_index *ix, const uint32_t *starts, size_t i)
{
	return starts != NULL ? starts[i] : ix->fields[i].fold_start;
}

/*
 * Index of the field holding folded offset off, given a field lo that starts
 * at or before off.  Occurrences come in order, usually a few fields apart:
 * gallop from lo, then bisect.
 */
static size_t
search_field_at(const struct search_index *ix, size_t lo, size_t off)
{
	const uint32_t *starts = SEARCH_STARTS(ix);
	size_t hi = lo + 1, step = 1, mid;

	while (hi < ix->n_fields && search_start(ix, starts, hi) <= off) {
		lo = hi;
		step *= 2;
		hi = lo + step;
	}
	if (hi > ix->n_fields)
		hi = ix->n_fields;
	/* Field lo starts at or before off; field hi (if any) after it. */
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (search_start(ix, starts, mid) <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Start a new sorted run of occurrences. */
static void
search_raws_mark(struct search_raws *r)
{
	if (r->n_runs > 0 && r->runs[r->n_runs - 1] == r->n)
		return;
	if (r->n_runs == r->cap_runs) {
		r->cap_runs = r->cap_runs == 0 ? 8 : r->cap_runs * 2;
		r->runs = xreallocarray(r->runs, r->cap_runs, sizeof *r->runs);
	}
	r->runs[r->n_runs++] = r->n;
}

#ifdef HAVE_MIGEMO
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
#endif

/*
 * How common a byte looks in folded Japanese text, higher more common:
 * E3 leads every kana and CJK punctuation, E4..E9 the common kanji, and
 * 80..83 are the second bytes of kana.  Only guides the scan's probes.
 */
static int
search_byte_rank(unsigned char c)
{
	if (c == 0xE3)
		return 9;
	if (c >= 0xE4 && c <= 0xE9)
		return 7;
	if (c >= 0x80 && c <= 0x83)
		return 6;
	if (c == ' ' || (c >= 'a' && c <= 'z'))
		return 4;
	if (c >= 0x84 && c <= 0xBF)
		return 2;
	return 3;
}

/* Prepare to find word[0..len) (len >= 1). */
static void
search_finder_init(struct search_finder *f, const char *word, size_t len)
{
	size_t i;

	f->word = word;
	f->len = len;
	f->probe2 = len - 1;
	f->probe1 = 0;
	for (i = 1; i + 1 < len; i++)
		if (search_byte_rank((unsigned char)word[i]) <=
		    search_byte_rank((unsigned char)word[f->probe1]))
			f->probe1 = i;
}

/* Matches found by one call of the scan. */
#define SEARCH_BATCH	256

#ifdef SEARCH_AVX2
/*
 * The AVX2 form of search_find_some's filter: 32 starts at a time from *i
 * while all of them are possible.  Stores up to max matches in out; *i is
 * where to go on (past the last match stored when out is full).
 */
__attribute__((target("avx2"))) static size_t
search_find_avx2(const struct search_finder *f, const char *hay, size_t last,
    size_t *i, size_t *out, size_t max)
{
	const __m256i v1 = _mm256_set1_epi8(f->word[f->probe1]);
	const __m256i v2 = _mm256_set1_epi8(f->word[f->probe2]);
	size_t k = *i, n = 0;
	unsigned m, j;

	while (k <= last && last - k >= 31) {
		__m256i a = _mm256_loadu_si256((const __m256i *)(const void *)
		    (hay + k + f->probe1));
		__m256i b = _mm256_loadu_si256((const __m256i *)(const void *)
		    (hay + k + f->probe2));

		m = (unsigned)_mm256_movemask_epi8(_mm256_and_si256(
		    _mm256_cmpeq_epi8(a, v1), _mm256_cmpeq_epi8(b, v2)));
		for (; m != 0; m &= m - 1) {
			j = (unsigned)__builtin_ctz(m);
			if (memcmp(hay + k + j, f->word, f->len) != 0)
				continue;
			out[n++] = k + j;
			if (n == max) {
				*i = k + j + 1;
				return n;
			}
		}
		k += 32;
	}
	*i = k;
	return n;
}

/* Whether the processor has AVX2 (asked once). */
static int
search_have_avx2(void)
{
	static int have = -1;

	if (have < 0) {
		__builtin_cpu_init();
		have = __builtin_cpu_supports("avx2") != 0;
	}
	return have;
}
#endif

/*
 * Find occurrences of the word in hay[0..hay_len) from *from on: store up
 * to max of them, in order, in out and return how many; *from is where to
 * go on (hay_len when the scan is over).  Overlapping occurrences count.
 * With SSE2, sixteen starts at a time are tested on two bytes of the word
 * (a generic SIMD filter, as in W. Muła's "SIMD-friendly algorithms for
 * substring searching") and only those that pass are compared in full;
 * this runs several times faster than memmem on UTF-8 Japanese, whose lead
 * bytes repeat.  With AVX2 (asked of the processor once), thirty-two at a
 * time first.  The tail goes to memmem.  Many matches come back from one
 * call, so a frequent word (one kana) costs no call per match.
 */
static size_t
search_find_some(const struct search_finder *f, const char *hay,
    size_t hay_len, size_t *from, size_t *out, size_t max)
{
	const char *p;
	size_t len = f->len, i = *from, n = 0, last;

	if (hay_len < len || i > hay_len - len) {
		*from = hay_len;
		return 0;
	}
	last = hay_len - len;		/* the last possible start */
	if (len == 1) {
		while (n < max && i <= last && (p = memchr(hay + i,
		    (unsigned char)f->word[0], hay_len - i)) != NULL) {
			out[n++] = (size_t)(p - hay);
			i = out[n - 1] + 1;
		}
		*from = n == max ? i : hay_len;
		return n;
	}
#ifdef SEARCH_AVX2
	if (search_have_avx2()) {
		n = search_find_avx2(f, hay, last, &i, out, max);
		if (n == max) {
			*from = i;
			return n;
		}
	}
#endif
#ifdef __SSE2__
	{
		const __m128i v1 = _mm_set1_epi8(f->word[f->probe1]);
		const __m128i v2 = _mm_set1_epi8(f->word[f->probe2]);
		unsigned m, j;

		/* Starts i..i+15 are all possible: every load is in hay. */
		while (i <= last && last - i >= 15) {
			__m128i a = _mm_loadu_si128((const __m128i *)(const void *)
			    (hay + i + f->probe1));
			__m128i b = _mm_loadu_si128((const __m128i *)(const void *)
			    (hay + i + f->probe2));

			m = (unsigned)_mm_movemask_epi8(_mm_and_si128(
			    _mm_cmpeq_epi8(a, v1), _mm_cmpeq_epi8(b, v2)));
			for (; m != 0; m &= m - 1) {
				j = (unsigned)__builtin_ctz(m);
				if (memcmp(hay + i + j, f->word, len) != 0)
					continue;
				out[n++] = i + j;
				if (n == max) {
					*from = i + j + 1;
					return n;
				}
			}
			i += 16;
		}
	}
#endif
	while (n < max && i <= last &&
	    (p = memmem(hay + i, hay_len - i, f->word, len)) != NULL) {
		out[n++] = (size_t)(p - hay);
		i = out[n - 1] + 1;
	}
	*from = n == max ? i : hay_len;
	return n;
}

/*
 * Add every occurrence found by f in the folded bytes [from, to) as one
 * run; to is a field's start or the buffer's end, and fi a field that
 * starts at or before from.
 */
static void
search_literal(const struct search_index *ix, const struct search_finder *f,
    size_t from, size_t to, size_t fi, struct search_raws *r)
{
	const uint32_t *starts = SEARCH_STARTS(ix);
	struct search_raw *h;
	size_t pos[SEARCH_BATCH], n, k, fstart = 0, fend = 0;

	search_raws_mark(r);
	while ((n = search_find_some(f, ix->folded, to, &from, pos,
	    SEARCH_BATCH)) > 0) {
		if (r->n + n > r->cap) {
			while (r->n + n > r->cap)
				r->cap = r->cap == 0 ? 256 : r->cap * 2;
			r->v = xreallocarray(r->v, r->cap, sizeof *r->v);
		}
		for (k = 0; k < n; k++) {
			if (pos[k] >= fend) {
				/* A word holds no NUL: it lies inside its
				 * field. */
				fi = search_field_at(ix, fi, pos[k]);
				fstart = search_start(ix, starts, fi);
				fend = fi + 1 < ix->n_fields ?
				    search_start(ix, starts, fi + 1) :
				    ix->folded_len;
			}
			h = &r->v[r->n++];
			h->field = fi;
			h->start = pos[k] - fstart;
			h->end = pos[k] - fstart + f->len;
		}
	}
}

/*
 * A word of a query as a job scans it: the word itself and, read as
 * romaji, its Migemo pattern as literals or as an ICU regular expression.
 */
struct search_word {
	struct search_finder	 f;		/* the word, in the job's query */
	struct search_finder	*lits;		/* romaji literals, or NULL */
	char			**lit_text;	/* theirs, owned, or NULL (hs's) */
	size_t			 n_lits;
#ifdef HAVE_MIGEMO
	URegularExpression	*re;		/* a bigger pattern, or NULL */
	UText			*ut;		/* the folded buffer, for re */
#endif
#ifdef SEARCH_HS
	struct search_hs	*hs;		/* the literals for Hyperscan, or
						   NULL; lits then point into it */
	int			 hs_on;		/* scanned with hs from now on */
	int			 hs_off;	/* never: it failed */
#endif
};

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

/* Open the Migemo dictionary at path and set it up for the folded text;
 * NULL if it cannot be. */
static migemo *
search_migemo_open(const char *path)
{
	migemo *m;

	if (path == NULL || (m = migemo_open(path)) == NULL)
		return NULL;
	if (!migemo_is_enable(m)) {
		migemo_close(m);
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
	return m;
}

#define SEARCH_PAT_CACHE	16	/* words whose patterns are kept */

/* The slot of a cache to fill: the first empty one (used 0), else the
 * least recently used (the smallest of used[0..n), n > 0). */
static size_t
search_lru_slot(const unsigned long *used, size_t n)
{
	size_t i, old = 0;

	for (i = 1; i < n && used[old] != 0; i++)
		if (used[i] < used[old])
			old = i;
	return old;
}

/* A romaji word's Migemo pattern, asked for or written. */
struct search_pat {
	char			*word;		/* folded */
	char			*pattern;	/* NULL: none (no dictionary) */
	unsigned long		 used;		/* for the cache's LRU */
	struct search_pat	*next;		/* in the queue */
};

/*
 * The index's Migemo thread: it loads the dictionary (about 0.1 s here),
 * then writes the patterns of the words queued, newest first (11 ms for
 * "shi"), each kept in a cache of the last SEARCH_PAT_CACHE; a word still
 * queued that the latest query no longer holds (a prefix typed past) is
 * dropped unwritten.  The main
 * thread never waits for either unless told to (search_romaji_ready with
 * a time, or a job that needs a pattern), so no keystroke does.  Only this
 * thread touches the migemo object.  Queue and cache are under lock.
 * search_index_fini stops and joins the thread once the dictionary has
 * loaded (a pattern takes milliseconds); while it still loads, the thread
 * is left to finish and free everything itself (abandoned), as the load
 * may wait on a slow file.
 */
struct search_mig {
	pthread_t		 thread;
	pthread_mutex_t		 lock;
	pthread_cond_t		 cond;		/* loaded, a pattern written,
						   queue or stop changed */
	char			*path;
	int			 loaded;	/* m is set (NULL: failed) */
	int			 stop;
	int			 abandoned;
	migemo			*m;		/* the thread's alone */
	struct search_pat	*queue;		/* newest first */
	struct search_pat	*busy;		/* being written, or NULL */
	struct search_pat	*cache[SEARCH_PAT_CACHE];
	unsigned long		 clock;
	unsigned long		 queries;	/* patterns written */
};

/* Free a word's pattern. */
static void
search_pat_free(struct search_pat *p)
{
	free(p->word);
	free(p->pattern);
	free(p);
}

/* Free the Migemo thread's state (the thread has ended). */
static void
search_mig_free(struct search_mig *k)
{
	struct search_pat *p;
	size_t i;

	while ((p = k->queue) != NULL) {
		k->queue = p->next;
		search_pat_free(p);
	}
	for (i = 0; i < SEARCH_PAT_CACHE; i++)
		if (k->cache[i] != NULL)
			search_pat_free(k->cache[i]);
	if (k->m != NULL)
		migemo_close(k->m);
	free(k->path);
	pthread_mutex_destroy(&k->lock);
	pthread_cond_destroy(&k->cond);
	free(k);
}

/* Keep p, written, in k's cache (its lock held), in place of the least
 * recently used. */
static void
search_mig_keep(struct search_mig *k, struct search_pat *p)
{
	unsigned long used[SEARCH_PAT_CACHE];
	size_t i, old;

	for (i = 0; i < SEARCH_PAT_CACHE; i++)
		used[i] = k->cache[i] != NULL ? k->cache[i]->used : 0;
	old = search_lru_slot(used, SEARCH_PAT_CACHE);
	if (k->cache[old] != NULL)
		search_pat_free(k->cache[old]);
	p->used = ++k->clock;
	k->cache[old] = p;
}

/* Write p's pattern with m (NULL: no dictionary, no pattern). */
static void
search_mig_query(migemo *m, struct search_pat *p)
{
	unsigned char *pat;

	if (m == NULL || (pat = migemo_query(m,
	    (const unsigned char *)p->word)) == NULL)
		return;
	p->pattern = xstrdup((const char *)pat);
	migemo_release(m, pat);
}

/* The thread: load the dictionary, then write the patterns queued until
 * stopped (none without a dictionary); free everything if abandoned while
 * loading. */
static void *
search_mig_work(void *arg)
{
	struct search_mig *k = arg;
	migemo *m = search_migemo_open(k->path);
	struct search_pat *p;

	pthread_mutex_lock(&k->lock);
	if (k->abandoned) {
		pthread_mutex_unlock(&k->lock);
		k->m = m;
		search_mig_free(k);
		return NULL;
	}
	k->m = m;
	k->loaded = 1;
	pthread_cond_broadcast(&k->cond);
	while (m == NULL && (p = k->queue) != NULL) {
		/* No dictionary: nobody waits for a pattern now. */
		k->queue = p->next;
		search_pat_free(p);
	}
	while (m != NULL && !k->stop) {
		if ((p = k->queue) == NULL) {
			pthread_cond_wait(&k->cond, &k->lock);
			continue;
		}
		k->queue = p->next;
		k->busy = p;
		pthread_mutex_unlock(&k->lock);
		search_mig_query(m, p);
		pthread_mutex_lock(&k->lock);
		k->busy = NULL;
		k->queries++;
		search_mig_keep(k, p);
		pthread_cond_broadcast(&k->cond);
	}
	pthread_mutex_unlock(&k->lock);
	return NULL;
}

/* Stop the index's Migemo thread: joined once its dictionary has loaded,
 * else left to finish and free everything itself. */
static void
search_mig_stop(struct search_index *ix)
{
	struct search_mig *k = ix->migemo_thread;
	int loaded;

	if (k == NULL)
		return;
	pthread_mutex_lock(&k->lock);
	if (!(loaded = k->loaded)) {
		/* Under the lock: the thread frees k only after taking it. */
		k->abandoned = 1;
		pthread_detach(k->thread);
	}
	k->stop = 1;
	pthread_cond_broadcast(&k->cond);
	pthread_mutex_unlock(&k->lock);
	if (loaded) {
		pthread_join(k->thread, NULL);
		search_mig_free(k);
	}
	ix->migemo_thread = NULL;
	ix->migemo = NULL;
}

/* Forget the patterns written: each is written again when next asked
 * for. */
static void
search_mig_forget(struct search_index *ix)
{
	struct search_mig *k = ix->migemo_thread;
	size_t i;

	if (k == NULL)
		return;
	pthread_mutex_lock(&k->lock);
	for (i = 0; i < SEARCH_PAT_CACHE; i++) {
		if (k->cache[i] != NULL)
			search_pat_free(k->cache[i]);
		k->cache[i] = NULL;
	}
	pthread_mutex_unlock(&k->lock);
}

/* Note in ix (k's lock held) whether the dictionary has loaded. */
static void
search_mig_note(struct search_index *ix, struct search_mig *k)
{
	if (k->loaded) {
		ix->migemo = k->m;
		ix->migemo_failed = k->m == NULL;
		ix->migemo_queries = k->queries;
	}
}

/* The written pattern of the folded word w in k's cache (its lock held),
 * or NULL. */
static struct search_pat *
search_mig_cached(struct search_mig *k, const char *w)
{
	size_t i;

	for (i = 0; i < SEARCH_PAT_CACHE; i++)
		if (k->cache[i] != NULL && strcmp(k->cache[i]->word, w) == 0) {
			k->cache[i]->used = ++k->clock;
			return k->cache[i];
		}
	return NULL;
}

/* Whether w is queued in k or being written (its lock held). */
static int
search_mig_queued(const struct search_mig *k, const char *w)
{
	const struct search_pat *p;

	if (k->busy != NULL && strcmp(k->busy->word, w) == 0)
		return 1;
	for (p = k->queue; p != NULL; p = p->next)
		if (strcmp(p->word, w) == 0)
			return 1;
	return 0;
}

/* Whether the folded text holds the word w (between spaces). */
static int
search_has_word(const char *text, const char *w)
{
	const char *p;
	size_t len, wl = strlen(w);

	for (p = text; *(p += strspn(p, SEARCH_SPACES)) != '\0'; p += len) {
		len = strcspn(p, SEARCH_SPACES);
		if (len == wl && memcmp(p, w, len) == 0)
			return 1;
	}
	return 0;
}

/* Drop the words queued in ix's Migemo thread that the folded query q
 * does not hold (prefixes typed past): nobody will want them. */
static void
search_mig_prune(struct search_index *ix, const char *q)
{
	struct search_mig *k = ix->migemo_thread;
	struct search_pat **pp, *p;

	if (k == NULL)
		return;
	pthread_mutex_lock(&k->lock);
	for (pp = &k->queue; (p = *pp) != NULL; ) {
		if (search_has_word(q, p->word)) {
			pp = &p->next;
			continue;
		}
		*pp = p->next;
		search_pat_free(p);
	}
	pthread_mutex_unlock(&k->lock);
}

/* The deadline ms milliseconds from now, on the monotonic clock (the
 * thread's condition variable's). */
static struct timespec
search_mig_deadline(double ms)
{
	struct timespec t;
	long ns;

	clock_gettime(CLOCK_MONOTONIC, &t);
	ns = (long)(ms * 1e6);
	t.tv_sec += ns / 1000000000L;
	t.tv_nsec += ns % 1000000000L;
	if (t.tv_nsec >= 1000000000L) {
		t.tv_sec++;
		t.tv_nsec -= 1000000000L;
	}
	return t;
}

/*
 * The Migemo pattern of the folded word[0..len): 1 with *out set to a copy
 * (NULL: none, no dictionary) once written; else queued, and 0 if not
 * written by the deadline (NULL: wait until it is; a time now: not at
 * all).  out may be NULL.  Starts the thread if need be.
 */
static int
search_mig_pattern(struct search_index *ix, const char *word, size_t len,
    const struct timespec *until, char **out)
{
	struct search_mig *k;
	struct search_pat *p;
	char *w;
	int r = 0, late = 0;

	search_prepare_romaji(ix);
	if ((k = ix->migemo_thread) == NULL) {
		if (out != NULL)
			*out = NULL;
		return 1;		/* no dictionary, or no thread */
	}
	w = xstrndup(word, len);
	pthread_mutex_lock(&k->lock);
	for (;;) {
		search_mig_note(ix, k);
		if (k->loaded && k->m == NULL) {
			/* No dictionary: no pattern, at once. */
			if (out != NULL)
				*out = NULL;
			r = 1;
			break;
		}
		if ((p = search_mig_cached(k, w)) != NULL) {
			if (out != NULL)
				*out = p->pattern != NULL ?
				    xstrdup(p->pattern) : NULL;
			r = 1;
			break;
		}
		if (late)
			break;
		if (!search_mig_queued(k, w)) {
			p = xcalloc(1, sizeof *p);
			p->word = xstrdup(w);
			p->next = k->queue;
			k->queue = p;
			pthread_cond_broadcast(&k->cond);
		}
		if (until == NULL)
			pthread_cond_wait(&k->cond, &k->lock);
		else
			late = pthread_cond_timedwait(&k->cond, &k->lock,
			    until) != 0;
	}
	pthread_mutex_unlock(&k->lock);
	free(w);
	return r;
}

/* A set of literal strings a Migemo pattern stands for. */
struct search_lits {
	char	**v;		/* owned, each owned */
	size_t	  n;
	size_t	  max;		/* the most it may hold */
};

#define SEARCH_LITS_MAX		64	/* more: leave the pattern to ICU, which
					   is then no slower */
#define SEARCH_HS_LITS_MAX	4096	/* the most Hyperscan is given (a
					   three-letter word has up to about
					   a thousand) */
#define SEARCH_HS_CACHE		8	/* words whose literals are kept */
#define SEARCH_HS_MIN_BYTES	(64 << 20) /* a word's literals times the
					   folded text's bytes: less is scanned
					   literal by literal sooner than
					   Hyperscan compiles */
#define SEARCH_LITS_DEPTH	32	/* groups nested deeper: ICU too */

/* Free a set of literals. */
static void
search_lits_fini(struct search_lits *ls)
{
	size_t i;

	for (i = 0; i < ls->n; i++)
		free(ls->v[i]);
	free(ls->v);
	ls->v = NULL;
	ls->n = 0;
}

/* Add a literal (taking it); -1 when the set would hold too many. */
static int
search_lits_add(struct search_lits *ls, char *lit)
{
	if (ls->n == ls->max) {
		free(lit);
		return -1;
	}
	ls->v = xreallocarray(ls->v, ls->n + 1, sizeof *ls->v);
	ls->v[ls->n++] = lit;
	return 0;
}

static int search_lits_alt(const char **, struct search_lits *, int);

/* Bytes of the UTF-8 sequence a lead byte starts, 0 for a byte that
 * starts none. */
static size_t
search_lits_u8len(char lead)
{
	unsigned char c = (unsigned char)lead;

	return c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 :
	    c >= 0xF0 && c <= 0xF4 ? 4 : 0;
}

/* Whether s is a backslash and an ASCII punctuation character (as
 * search_migemo_int2char escapes them), not \d, \n and such. */
static int
search_lits_escaped(const char *s)
{
	unsigned char c = (unsigned char)s[1];

	return s[0] == '\\' && c > 0x20 && c < 0x7f && !isalnum(c);
}

/*
 * One atom of a Migemo pattern at *p: a group (?:…), a class […], an
 * escaped ASCII character or one literal character, as the strings it
 * matches.  -1 for anything else (a quantifier, a bare metacharacter).
 */
static int
search_lits_atom(const char **p, struct search_lits *out, int depth)
{
	const char *s = *p;
	size_t n;

	if (strncmp(s, "(?:", 3) == 0) {
		s += 3;
		if (search_lits_alt(&s, out, depth + 1) != 0 || *s != ')')
			return -1;
		*p = s + 1;
		return 0;
	}
	if (*s == '[') {
		s++;
		if (*s == '^' || *s == ']')
			return -1;
		while (*s != ']') {
			if (*s == '\\')
				n = search_lits_escaped(s) ? 2 : 0;
			else if ((unsigned char)*s >= 0x80)
				n = search_lits_u8len(*s);
			else
				n = *s != '\0' && strchr("\\[]^-&", *s) == NULL;
			if (n == 0 || strnlen(s, n) < n)
				return -1;
			if (search_lits_add(out, *s == '\\' ?
			    xstrndup(s + 1, 1) : xstrndup(s, n)) != 0)
				return -1;
			s += n;
		}
		*p = s + 1;
		return 0;
	}
	if (*s == '\\') {
		if (!search_lits_escaped(s))
			return -1;
		*p = s + 2;
		return search_lits_add(out, xstrndup(s + 1, 1));
	}
	if ((unsigned char)*s >= 0x80) {
		n = search_lits_u8len(*s);
		if (n == 0 || strnlen(s, n) < n)
			return -1;
		*p = s + n;
		return search_lits_add(out, xstrndup(s, n));
	}
	if (*s == '\0' || strchr(".*+?{}()[]^$|\\", *s) != NULL)
		return -1;
	*p = s + 1;
	return search_lits_add(out, xstrndup(s, 1));
}

/* A sequence of atoms up to | or ) or the end: every concatenation. */
static int
search_lits_seq(const char **p, struct search_lits *out, int depth)
{
	struct search_lits cur = { 0 }, atom = { 0 }, next = { 0 };
	size_t i, j, la, lb;
	char *lit;

	cur.max = atom.max = next.max = out->max;
	if (search_lits_add(&cur, xstrdup("")) != 0)
		return -1;
	while (**p != '\0' && **p != '|' && **p != ')') {
		if (search_lits_atom(p, &atom, depth) != 0)
			goto fail;
		for (i = 0; i < cur.n; i++)
			for (j = 0; j < atom.n; j++) {
				la = strlen(cur.v[i]);
				lb = strlen(atom.v[j]);
				lit = xmalloc(la + lb + 1);
				memcpy(lit, cur.v[i], la);
				memcpy(lit + la, atom.v[j], lb + 1);
				if (search_lits_add(&next, lit) != 0)
					goto fail;
			}
		search_lits_fini(&cur);
		search_lits_fini(&atom);
		cur = next;
		memset(&next, 0, sizeof next);
		next.max = out->max;
	}
	for (i = 0; i < cur.n; i++) {
		if (search_lits_add(out, cur.v[i]) != 0) {
			while (++i < cur.n)
				free(cur.v[i]);
			free(cur.v);
			return -1;
		}
	}
	free(cur.v);
	return 0;
fail:
	search_lits_fini(&cur);
	search_lits_fini(&atom);
	search_lits_fini(&next);
	return -1;
}

/* Alternatives separated by | up to ) or the end: their union. */
static int
search_lits_alt(const char **p, struct search_lits *out, int depth)
{
	if (depth > SEARCH_LITS_DEPTH)
		return -1;
	for (;;) {
		if (search_lits_seq(p, out, depth) != 0)
			return -1;
		if (**p != '|')
			return 0;
		(*p)++;
	}
}

/* Order strings for qsort. */
static int
search_lits_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The literals a Migemo pattern is the union of, distinct and non-empty,
 * when it is one (Migemo writes tries of alternatives, groups and classes
 * of literal characters, each escaped by search_migemo_int2char) and has
 * at most max of them; else -1.
 */
static int
search_lits_parse(const char *pattern, struct search_lits *ls, size_t max)
{
	const char *p = pattern;
	size_t i, k;

	memset(ls, 0, sizeof *ls);
	ls->max = max;
	if (search_lits_alt(&p, ls, 0) != 0 || *p != '\0') {
		search_lits_fini(ls);
		return -1;
	}
	qsort(ls->v, ls->n, sizeof *ls->v, search_lits_cmp);
	for (i = k = 0; i < ls->n; i++)
		if (ls->v[i][0] == '\0' || (k > 0 &&
		    strcmp(ls->v[k - 1], ls->v[i]) == 0))
			free(ls->v[i]);
		else
			ls->v[k++] = ls->v[i];
	ls->n = k;
	return 0;
}

#ifdef SEARCH_HS
/*
 * A romaji word's literals compiled for Hyperscan by the index's worker
 * thread (search_hs_work): compiling takes up to some 30 ms for a
 * three-letter word's thousand literals, longer than a keystroke may wait,
 * so the job scans the literals one at a time until it is ready.  The
 * index keeps the last SEARCH_HS_CACHE words' (with their literals: a word
 * typed again needs neither Migemo nor the compiler).  Jobs, the worker's
 * queue and the cache each hold a reference; the last to let go frees it.
 */
struct search_hs {
	struct search_hs	*next;		/* in the worker's queue */
	char			*word;		/* the folded word, the cache's
						   key */
	unsigned long		 used;		/* when the cache last gave it */
	pthread_mutex_t		 lock;
	pthread_cond_t		 cond;		/* done was set */
	int			 refs;
	int			 jobs;		/* of refs, jobs' */
	int			 done;		/* compiled, failed or dropped */
	atomic_int		 ready;		/* 1: db and scratch are set;
						   -1: there will be none */
	hs_database_t		*db;
	hs_scratch_t		*scratch;
	char			**lits;		/* owned, each owned */
	size_t			*len;		/* bytes of each, by id */
	unsigned		 n;
};

/*
 * The index's compiling thread and its queue, newest first: a word typed
 * on is wanted sooner than the prefixes before it, and one that no job
 * holds any more (a prefix typed past) is dropped unbuilt (the cache lets
 * it go when next asked for it).  search_index_fini
 * stops and joins it, so nothing compiles while the program exits.
 */
struct search_hs_worker {
	pthread_t		 thread;
	pthread_mutex_t		 lock;
	pthread_cond_t		 cond;		/* queue or stop changed */
	struct search_hs	*queue;
	int			 stop;
	/* The cache: the main thread's alone. */
	struct search_hs	*cache[SEARCH_HS_CACHE];
	unsigned long		 clock;		/* for used */
};

/* What search_hs_match adds occurrences to. */
struct search_hs_scan {
	const struct search_index *ix;
	const size_t		*len;
	size_t			 base;		/* the slice's first byte */
	size_t			 first;		/* the slice's first field */
	size_t			 field;		/* the last occurrence's */
	size_t			 last_start;
	size_t			 last_end;
	struct search_raws	*r;
};

/* Let go of h; the last one frees it. */
static void
search_hs_release(struct search_hs *h)
{
	unsigned i;
	int left;

	pthread_mutex_lock(&h->lock);
	left = --h->refs;
	pthread_mutex_unlock(&h->lock);
	if (left > 0)
		return;
	hs_free_scratch(h->scratch);
	hs_free_database(h->db);
	for (i = 0; i < h->n; i++)
		free(h->lits[i]);
	free(h->lits);
	free(h->len);
	free(h->word);
	pthread_mutex_destroy(&h->lock);
	pthread_cond_destroy(&h->cond);
	free(h);
}

/* Settle h (its lock held): its database and scratch, or none; then tell
 * whoever waits. */
static void
search_hs_settle(struct search_hs *h, hs_database_t *db,
    hs_scratch_t *scratch)
{
	h->db = db;
	h->scratch = scratch;
	h->done = 1;
	atomic_store(&h->ready, db != NULL ? 1 : -1);
	pthread_cond_broadcast(&h->cond);
}

/* Compile h's literals into a block-mode database and the scratch space to
 * scan with it, and settle h. */
static void
search_hs_compile(struct search_hs *h)
{
	hs_compile_error_t *ce = NULL;
	hs_database_t *db = NULL;
	hs_scratch_t *scratch = NULL;
	unsigned *ids, *flags, i;

	ids = xreallocarray(NULL, h->n, sizeof *ids);
	flags = xcalloc(h->n, sizeof *flags);
	for (i = 0; i < h->n; i++)
		ids[i] = i;
	if (hs_compile_lit_multi((const char *const *)h->lits, flags, ids,
	    h->len, h->n, HS_MODE_BLOCK, NULL, &db, &ce) != HS_SUCCESS) {
		hs_free_compile_error(ce);
		db = NULL;
	} else if (hs_alloc_scratch(db, &scratch) != HS_SUCCESS) {
		hs_free_database(db);
		db = NULL;
		scratch = NULL;
	}
	free(ids);
	free(flags);
	pthread_mutex_lock(&h->lock);
	search_hs_settle(h, db, scratch);
	pthread_mutex_unlock(&h->lock);
}

/* The worker: compile what is queued, newest first, until stopped; then
 * drop the rest unbuilt. */
static void *
search_hs_work(void *arg)
{
	struct search_hs_worker *k = arg;
	struct search_hs *h, *rest;
	int wanted;

	pthread_mutex_lock(&k->lock);
	while (!k->stop) {
		if ((h = k->queue) == NULL) {
			pthread_cond_wait(&k->cond, &k->lock);
			continue;
		}
		k->queue = h->next;
		pthread_mutex_unlock(&k->lock);
		/* Dropped under the lock that jobs are counted under, so the
		 * cache never hands out one about to be dropped. */
		pthread_mutex_lock(&h->lock);
		if (!(wanted = h->jobs > 0))
			search_hs_settle(h, NULL, NULL);
		pthread_mutex_unlock(&h->lock);
		if (wanted)
			search_hs_compile(h);
		search_hs_release(h);
		pthread_mutex_lock(&k->lock);
	}
	rest = k->queue;
	k->queue = NULL;
	pthread_mutex_unlock(&k->lock);
	while ((h = rest) != NULL) {
		rest = h->next;
		pthread_mutex_lock(&h->lock);
		search_hs_settle(h, NULL, NULL);
		pthread_mutex_unlock(&h->lock);
		search_hs_release(h);
	}
	return NULL;
}

/* Stop the index's worker (after the word it is compiling) and free it
 * and its cache. */
static void
search_hs_stop(struct search_index *ix)
{
	struct search_hs_worker *k = ix->hs_worker;
	size_t i;

	if (k == NULL)
		return;
	pthread_mutex_lock(&k->lock);
	k->stop = 1;
	pthread_cond_broadcast(&k->cond);
	pthread_mutex_unlock(&k->lock);
	pthread_join(k->thread, NULL);
	for (i = 0; i < SEARCH_HS_CACHE; i++)
		if (k->cache[i] != NULL)
			search_hs_release(k->cache[i]);
	pthread_mutex_destroy(&k->lock);
	pthread_cond_destroy(&k->cond);
	free(k);
	ix->hs_worker = NULL;
}

/* The index's worker, started on first use; NULL when no thread can be
 * had. */
static struct search_hs_worker *
search_hs_worker(struct search_index *ix)
{
	struct search_hs_worker *k = ix->hs_worker;

	if (k != NULL)
		return k;
	k = xcalloc(1, sizeof *k);
	pthread_mutex_init(&k->lock, NULL);
	pthread_cond_init(&k->cond, NULL);
	if (pthread_create(&k->thread, NULL, search_hs_work, k) != 0) {
		pthread_mutex_destroy(&k->lock);
		pthread_cond_destroy(&k->cond);
		free(k);
		return NULL;
	}
	ix->hs_worker = k;
	return k;
}

/* Whether this CPU runs Hyperscan (asked once). */
static int
search_hs_platform(void)
{
	static int platform = -1;

	if (platform < 0)
		platform = hs_valid_platform() == HS_SUCCESS;
	return platform;
}

/* Take a reference to h for a job: 0, or -1 when it was dropped unbuilt
 * or failed (then none is taken). */
static int
search_hs_take(struct search_hs *h)
{
	int r = -1;

	pthread_mutex_lock(&h->lock);
	if (atomic_load(&h->ready) >= 0) {
		h->refs++;
		h->jobs++;
		r = 0;
	}
	pthread_mutex_unlock(&h->lock);
	return r;
}

/* Let go of a job's reference to h. */
static void
search_hs_drop(struct search_hs *h)
{
	pthread_mutex_lock(&h->lock);
	h->jobs--;
	pthread_mutex_unlock(&h->lock);
	search_hs_release(h);
}

/* The cached literals of the folded word[0..len) in ix, with a job's
 * reference taken, or NULL; one that will have no database (dropped
 * unbuilt, or failed) is let go. */
static struct search_hs *
search_hs_lookup(struct search_index *ix, const char *word, size_t len)
{
	struct search_hs_worker *k = ix->hs_worker;
	struct search_hs *h;
	size_t i;

	if (k == NULL)
		return NULL;
	for (i = 0; i < SEARCH_HS_CACHE; i++) {
		if ((h = k->cache[i]) == NULL || strlen(h->word) != len ||
		    memcmp(h->word, word, len) != 0)
			continue;
		if (search_hs_take(h) != 0) {
			k->cache[i] = NULL;
			search_hs_release(h);
			return NULL;
		}
		h->used = ++k->clock;
		return h;
	}
	return NULL;
}

/* Keep h in k's cache, in place of the least recently used. */
static void
search_hs_keep(struct search_hs_worker *k, struct search_hs *h)
{
	unsigned long used[SEARCH_HS_CACHE];
	size_t i, old;

	for (i = 0; i < SEARCH_HS_CACHE; i++)
		used[i] = k->cache[i] != NULL ? k->cache[i]->used : 0;
	old = search_lru_slot(used, SEARCH_HS_CACHE);
	if (k->cache[old] != NULL)
		search_hs_release(k->cache[old]);
	h->used = ++k->clock;
	k->cache[old] = h;
}

/*
 * Queue lits, the literals of the folded word[0..len) (taken: lits is left
 * empty), for w, a word searched in ix, to be compiled, and keep them in
 * the cache: 0, or -1 (lits kept) when it would not pay
 * (SEARCH_HS_MIN_BYTES), this CPU does not run Hyperscan, or no thread can
 * be had.
 */
static int
search_hs_start(struct search_index *ix, struct search_word *w,
    struct search_lits *lits, const char *word, size_t len)
{
	struct search_hs_worker *k;
	struct search_hs *h;
	size_t i;

	if (!search_hs_platform() || lits->n == 0 || lits->n > UINT_MAX ||
	    ix->folded_len < SEARCH_HS_MIN_BYTES / lits->n ||
	    (k = search_hs_worker(ix)) == NULL)
		return -1;
	h = xcalloc(1, sizeof *h);
	pthread_mutex_init(&h->lock, NULL);
	pthread_cond_init(&h->cond, NULL);
	h->refs = 3;		/* the job's, the queue's, the cache's */
	h->jobs = 1;
	h->word = xstrndup(word, len);
	h->n = (unsigned)lits->n;
	h->lits = lits->v;
	h->len = xreallocarray(NULL, lits->n, sizeof *h->len);
	for (i = 0; i < lits->n; i++)
		h->len[i] = strlen(lits->v[i]);
	lits->v = NULL;
	lits->n = 0;
	pthread_mutex_lock(&k->lock);
	h->next = k->queue;
	k->queue = h;
	pthread_cond_broadcast(&k->cond);
	pthread_mutex_unlock(&k->lock);
	search_hs_keep(k, h);
	w->hs = h;
	return 0;
}

/* Wait until w's database is compiled (or has failed). */
static void
search_hs_wait(struct search_word *w)
{
	struct search_hs *h = w->hs;

	pthread_mutex_lock(&h->lock);
	while (!h->done)
		pthread_cond_wait(&h->cond, &h->lock);
	pthread_mutex_unlock(&h->lock);
}

/* Add an occurrence Hyperscan found: literal id ending at to. */
static int
search_hs_match(unsigned id, unsigned long long from, unsigned long long to,
    unsigned flags, void *arg)
{
	struct search_hs_scan *s = arg;
	size_t end = s->base + (size_t)to, start = end - s->len[id];

	(void)from;
	(void)flags;
	/* Found by their ends (Hyperscan does not promise even that): one
	 * that starts before the last begins a new sorted run, and its field
	 * is looked for from the slice's first. */
	if (start < s->last_start || (start == s->last_start &&
	    end < s->last_end)) {
		search_raws_mark(s->r);
		if (start < s->ix->fields[s->field].fold_start)
			s->field = s->first;
	}
	s->last_start = start;
	s->last_end = end;
	s->field = search_raw_add(s->ix, s->r, s->field, start, end);
	return 0;
}

/*
 * Add every occurrence of w's literals in the folded bytes [from, to),
 * entry boundaries, fi a field that starts at or before from, with its
 * compiled database; 0, or -1 (nothing added) when the scan failed.
 */
static int
search_word_hs(const struct search_index *ix, struct search_word *w,
    size_t from, size_t to, size_t fi, struct search_raws *r)
{
	struct search_hs_scan s;
	size_t n = r->n, n_runs;

	if (to - from > UINT_MAX)
		return -1;
	n_runs = r->n_runs;
	search_raws_mark(r);
	memset(&s, 0, sizeof s);
	s.ix = ix;
	s.len = w->hs->len;
	s.base = s.last_start = from;
	s.first = s.field = fi;
	s.r = r;
	if (hs_scan(w->hs->db, ix->folded + from, (unsigned)(to - from), 0,
	    w->hs->scratch, search_hs_match, &s) != HS_SUCCESS) {
		r->n = n;
		r->n_runs = n_runs;
		return -1;
	}
	return 0;
}
#endif

/* Scan w's romaji literals, the n strings of v, one at a time. */
static void
search_word_lits(struct search_word *w, char *const *v, size_t n)
{
	size_t i;

	w->n_lits = n;
	w->lits = xreallocarray(NULL, n, sizeof *w->lits);
	for (i = 0; i < n; i++)
		search_finder_init(&w->lits[i], v[i], strlen(v[i]));
}

/*
 * Prepare the Migemo pattern of word[0..len) for w.  With Hyperscan, its
 * literals (up to SEARCH_HS_LITS_MAX) are compiled for it on a thread and
 * searched literal by literal meanwhile.  Without, a pattern that is a
 * union of a few literals (as for most words of four letters or more:
 * kokusai is こくさい, 国際, 国債, 国祭, 國際 and kokusai) is searched
 * literal by literal with the SIMD scan, some twenty times faster than
 * ICU's regular expressions over UTF-8; a bigger one is compiled for ICU,
 * which a job runs on one slice at a time (uregex_setRegion64 over the
 * whole buffer, so offsets stay bytes of the buffer).  Either finds the
 * same fields; the literals may mark more of a field, as they also find
 * the shorter literals a longer match hides.
 */
static void
search_word_romaji(struct search_index *ix, struct search_word *w,
    const char *word, size_t len)
{
	struct search_lits lits;
	size_t max;
	UErrorCode ue = U_ZERO_ERROR;
	UParseError pe;
	URegularExpression *re;
	UText *put;
	char *pat;

#ifdef SEARCH_HS
	/* A word kept compiled needs neither Migemo nor the compiler. */
	if (ix->hyperscan && (w->hs = search_hs_lookup(ix, word, len)) !=
	    NULL) {
		search_word_lits(w, w->hs->lits, w->hs->n);
		return;
	}
#endif
	(void)search_mig_pattern(ix, word, len, NULL, &pat);
	if (pat == NULL)
		return;
	max = SEARCH_LITS_MAX;
#ifdef SEARCH_HS
	/* As many as Hyperscan may be given, where it could pay. */
	if (ix->hyperscan && search_hs_platform() && ix->folded_len >=
	    SEARCH_HS_MIN_BYTES / SEARCH_HS_LITS_MAX)
		max = SEARCH_HS_LITS_MAX;
#endif
	if (search_lits_parse(pat, &lits, max) != 0)
		lits.v = NULL;
#ifdef SEARCH_HS
	else if (ix->hyperscan && search_hs_start(ix, w, &lits, word, len) ==
	    0) {
		/* Its literals, now the cache's, are scanned from there. */
		free(pat);
		search_word_lits(w, w->hs->lits, w->hs->n);
		return;
	} else if (lits.n > SEARCH_LITS_MAX)
		search_lits_fini(&lits);
#endif
	if (lits.v != NULL) {
		free(pat);
		w->lit_text = lits.v;
		search_word_lits(w, lits.v, lits.n);
		return;
	}
	put = utext_openUTF8(NULL, pat, -1, &ue);
	re = uregex_openUText(put, 0, &pe, &ue);	/* copies the pattern */
	utext_close(put);
	free(pat);
	if (U_FAILURE(ue)) {
		/* Escaping makes this unreachable; keep the literal search. */
		if (re != NULL)
			uregex_close(re);
		return;
	}
	w->ut = utext_openUTF8(NULL, ix->folded, (int64_t)ix->folded_len, &ue);
	uregex_setUText(re, w->ut, &ue);
	w->re = re;
}

/* Add the matches of w's regular expression in the folded bytes [from,
 * to), entry boundaries, as one run; fi is the field at from. */
static void
search_word_regex(const struct search_index *ix, struct search_word *w,
    size_t from, size_t to, size_t fi, struct search_raws *r)
{
	UErrorCode ue = U_ZERO_ERROR;
	int64_t start, end;

	/* Setting the region resets the matcher: it finds from its start. */
	uregex_setRegion64(w->re, (int64_t)from, (int64_t)to, &ue);
	search_raws_mark(r);
	while (U_SUCCESS(ue) && uregex_findNext(w->re, &ue)) {
		start = uregex_start64(w->re, 0, &ue);
		end = uregex_end64(w->re, 0, &ue);
		if (U_FAILURE(ue))
			break;
		if (end > start)
			fi = search_raw_add(ix, r, fi, (size_t)start,
			    (size_t)end);
	}
}
#endif

/* Whether occurrence x comes before y: by field, then start, then end. */
static int
search_raw_before(const struct search_raw *x, const struct search_raw *y)
{
	if (x->field != y->field)
		return x->field < y->field;
	if (x->start != y->start)
		return x->start < y->start;
	return x->end < y->end;
}

/*
 * Sort the occurrences by merging their runs, each already sorted (a scan
 * finds them in buffer order), pairwise until one is left: O(n log runs),
 * and nothing at all for a query of one literal word.
 */
static void
search_raws_sort(struct search_raws *r)
{
	struct search_raw *src = r->v, *dst, *tmp;
	size_t k, out, a, a_end, b, b_end, d;

	if (r->n_runs <= 1)
		return;
	dst = xreallocarray(NULL, r->n, sizeof *dst);
	tmp = dst;
	while (r->n_runs > 1) {
		for (k = 0, out = 0; k < r->n_runs; k += 2) {
			a = r->runs[k];
			a_end = k + 1 < r->n_runs ? r->runs[k + 1] : r->n;
			b = a_end;
			b_end = k + 2 < r->n_runs ? r->runs[k + 2] : r->n;
			d = a;
			while (a < a_end && b < b_end)
				dst[d++] = search_raw_before(&src[b], &src[a]) ?
				    src[b++] : src[a++];
			while (a < a_end)
				dst[d++] = src[a++];
			while (b < b_end)
				dst[d++] = src[b++];
			r->runs[out++] = r->runs[k];
		}
		r->n_runs = out;
		tmp = src;
		src = dst;
		dst = tmp;
	}
	if (src != r->v) {
		/* The sorted copy is the scratch buffer: keep it instead. */
		free(r->v);
		r->v = src;
		r->cap = r->n;
	} else
		free(dst);
}

/*
 * Turn the sorted occurrences r[0..n) into one hit per field; with
 * count_entries, also count the entries they are in.  The fields are read
 * in order but far apart, a cache miss each: they are prefetched ahead.
 */
static void
search_collect(struct search_index *ix, const struct search_raw *r,
    size_t n, int count_entries, struct search_result *res)
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
		if (i + SEARCH_PREFETCH < n)
			__builtin_prefetch(&ix->fields[r[i + SEARCH_PREFETCH].field]);
		if (i == 0 || r[i].field != r[i - 1].field) {
			h = &res->hits[res->n_hits++];
			fd = &ix->fields[r[i].field];
			if (count_entries && (res->n_hits == 1 ||
			    fd->entry != h[-1].field->entry))
				res->n_entries++;
			h->field = fd;
			h->ranges = ranges;
			h->n_ranges = 0;
			view.len_bytes = fd->fold_len;
			/* segs is NULL when no field has any. */
			view.segs = fd->n_segs > 0 ? ix->segs + fd->seg_start :
			    NULL;
			view.n_segs = fd->n_segs;
		}
		/* fold_map keeps order, so merging the previous is enough;
		 * without segments, folded offsets are the original's. */
		if (view.n_segs == 0) {
			os = r[i].start;
			oe = r[i].end;
		} else
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

/* What a job's budget counts, in bytes of literal scanning. */
#define SEARCH_REGEX_COST	512	/* a byte through ICU's regular
					   expression, until measured against
					   the word's own scan (70 MB/s against
					   the scan's 5 GB/s on plain text, 2
					   MB/s on text that starts many of the
					   pattern's alternatives) */
#define SEARCH_HIT_COST		128	/* an occurrence found and collected */
#define SEARCH_HS_WEIGHT	4	/* a byte through Hyperscan, all of a
					   word's literals at once */
#define SEARCH_SLICE_MIN	1024	/* the least a slice covers before it
					   goes on to its entry's end */

/* What one slice found: a result of its own. */
struct search_chunk {
	size_t			 n_ranges;	/* offsets its hits use */
	struct search_result	 res;
};

/* A job's own state. */
struct search_work {
	struct fold		 q;		/* the folded query */
	struct search_word	*words;		/* point into q */
	size_t			 n_words;
	size_t			 weight;	/* literal scans a byte costs */
	size_t			 n_regex;	/* words with an ICU pattern */
	double			 regex_cost;	/* what a byte of each costs */
	double			 lit_ns;	/* time of the words' own */
	double			 regex_ns;	/* scans and of their patterns
						   on the same slices */
	size_t			 origin;	/* the origin entry's first byte */
	size_t			 origin_field;
	size_t			 pos;		/* the next byte to scan: an
						   entry's first */
	size_t			 field;		/* the field starting at pos */
	int			 wrapped;	/* scanning [0, origin) */
	size_t			 found;		/* occurrences so far */
	struct search_raws	 r;		/* one slice's occurrences */
	size_t			*words_in;	/* by entry of the slice: how
						   many words it has */
	size_t			*last_word;	/* by entry: the last word
						   counted in it */
	size_t			 cap_entries;
	struct search_chunk	*chunks;	/* in scan order: those of
						   [origin, end), then [0,
						   origin) */
	size_t			 n_chunks;
	size_t			 cap_chunks;
	size_t			 n_first;	/* chunks of [origin, end) */
	int			 gathering;	/* all scanned: chunks are
						   being copied into out */
	size_t			 gathered;	/* chunks copied (or moved) */
	size_t			*out_ranges;	/* where the next ranges go */
	struct search_result	 out;		/* the final result */
};

/* Nanoseconds on the monotonic clock. */
static double
search_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* Whether field i is the first of its entry. */
static int
search_entry_starts(const struct search_index *ix, size_t i)
{
	return i == 0 || ix->fields[i].entry != ix->fields[i - 1].entry;
}

/* Where field i starts, or the buffer's end for i = n_fields. */
static size_t
search_start_or_end(const struct search_index *ix, size_t i)
{
	return i < ix->n_fields ? search_start(ix, SEARCH_STARTS(ix), i) :
	    ix->folded_len;
}

/* Order a field against a place: node id, then its title before its
 * measures (m1 is 0 for the title, measure + 1 for a measure). */
static int
search_place_cmp(const struct search_field *fd, size_t id, size_t m1)
{
	size_t fm;

	if (fd->node == NULL)
		return 1;		/* footnotes come last */
	if (fd->node->id != id)
		return fd->node->id < id ? -1 : 1;
	fm = fd->measure == SIZE_MAX ? 0 : fd->measure + 1;
	return fm < m1 ? -1 : fm > m1;
}

/* The field of node's title (measure SIZE_MAX) or of its measure. */
size_t
search_field_of(const struct search_index *ix, const struct doc_node *node,
    size_t measure)
{
	size_t lo = 0, hi = ix->n_fields, mid, m1;

	if (node == NULL)
		return ix->n_fields;
	m1 = measure == SIZE_MAX ? 0 : measure + 1;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (search_place_cmp(&ix->fields[mid], node->id, m1) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Start a job: fold and split the query, prepare each word, and place
 * the scan at the entry of field from. */
int
search_job_start(struct search_job *job, struct search_index *ix,
    const char *query, size_t from)
{
	struct search_work *w;
	struct search_word *sw;
	size_t len, n_words = 0;
	char *p;

	memset(job, 0, sizeof *job);
	job->ix = ix;
	job->done = 1;
	w = xcalloc(1, sizeof *w);
	if (fold_text(&w->q, query, strlen(query)) != 0) {
		free(w);
		return -1;
	}
	for (p = w->q.text; *(p += strspn(p, SEARCH_SPACES)) != '\0';
	    p += len) {
		len = strcspn(p, SEARCH_SPACES);
		n_words++;
	}
	if (n_words == 0) {
		fold_fini(&w->q);
		free(w);
		return -1;
	}
	w->words = xcalloc(n_words, sizeof *w->words);
	for (p = w->q.text; *(p += strspn(p, SEARCH_SPACES)) != '\0';
	    p += len) {
		len = strcspn(p, SEARCH_SPACES);
		sw = &w->words[w->n_words++];
		search_finder_init(&sw->f, p, len);
		w->weight++;
#ifdef HAVE_MIGEMO
		if (ix->romaji && search_is_romaji(p, len))
			search_word_romaji(ix, sw, p, len);
		w->weight += sw->n_lits;
		w->n_regex += sw->re != NULL;
#endif
	}
	w->regex_cost = SEARCH_REGEX_COST;
	if (from >= ix->n_fields)
		from = 0;
	while (!search_entry_starts(ix, from))
		from--;
	w->origin_field = w->field = from;
	w->origin = w->pos = search_start_or_end(ix, from);
	job->work = w;
	job->done = 0;
	return 0;
}

/*
 * Where the next slice from w->pos ends: after about the bytes that left
 * pays for at the cost per byte seen so far (at least SEARCH_SLICE_MIN),
 * at the end of the entry there, never past lap_end (an entry's start or
 * the buffer's end).  *end_field is the field starting there.
 */
static size_t
search_slice_end(const struct search_job *job, size_t left, size_t lap_end,
    size_t *end_field)
{
	const struct search_index *ix = job->ix;
	const struct search_work *w = job->work;
	double per_byte = w->weight + w->n_regex * w->regex_cost, bytes;
	size_t fi;

	if (job->scanned_bytes > 0)
		per_byte += (double)w->found * SEARCH_HIT_COST /
		    (double)job->scanned_bytes;
	bytes = (double)left / per_byte;
	if (bytes < SEARCH_SLICE_MIN)
		bytes = SEARCH_SLICE_MIN;
	if (bytes >= (double)(lap_end - w->pos)) {
		*end_field = w->wrapped ? w->origin_field : ix->n_fields;
		return lap_end;
	}
	fi = search_field_at(ix, w->field, w->pos + (size_t)bytes);
	if (search_start_or_end(ix, fi) != w->pos + (size_t)bytes ||
	    !search_entry_starts(ix, fi)) {
		for (fi++; fi < ix->n_fields && !search_entry_starts(ix, fi);
		    fi++)
			;
	}
	*end_field = fi;
	return search_start_or_end(ix, fi);
}

/*
 * Add the occurrences of romaji word sw's literals in the folded bytes
 * [a, b) (fields from fa) to the job's slice, all in one Hyperscan scan,
 * once its database is ready: 1; else 0.  The first time it is ready the
 * job's cost per byte drops the word's other engines for it.
 */
static int
search_word_fast(struct search_job *job, struct search_word *sw, size_t a,
    size_t b, size_t fa)
{
#ifdef SEARCH_HS
	struct search_work *w = job->work;
	int ready;

	if (sw->hs == NULL || sw->hs_off)
		return 0;
	if (!sw->hs_on) {
		if ((ready = atomic_load(&sw->hs->ready)) == 0)
			return 0;
		if (ready < 0) {
			/* Kept: the literals scanned are its strings. */
			sw->hs_off = 1;
			return 0;
		}
		sw->hs_on = 1;
		w->weight = w->weight - sw->n_lits + SEARCH_HS_WEIGHT;
	}
	if (search_word_hs(job->ix, sw, a, b, fa, &w->r) == 0) {
		job->hs_bytes += b - a;
		return 1;
	}
	/* The scan failed: one scan per literal from now on. */
	sw->hs_on = 0;
	sw->hs_off = 1;
	w->weight = w->weight - SEARCH_HS_WEIGHT + sw->n_lits;
	return 0;
#else
	(void)job;
	(void)sw;
	(void)a;
	(void)b;
	(void)fa;
	return 0;
#endif
}

/*
 * Add the occurrences of romaji word sw's literals (one scan each) or of
 * its ICU pattern in the folded bytes [a, b) (fields from fa); the
 * pattern's time against the word's own scan, begun at t0, sets what a
 * byte of it costs.
 */
static void
search_word_slow(struct search_job *job, struct search_word *sw, size_t a,
    size_t b, size_t fa, double t0)
{
	struct search_work *w = job->work;
	size_t i;
#ifdef HAVE_MIGEMO
	double t1;
#endif

	for (i = 0; i < sw->n_lits; i++)
		search_literal(job->ix, &sw->lits[i], a, b, fa, &w->r);
#ifdef HAVE_MIGEMO
	if (sw->re != NULL) {
		/* How much slower than a scan the pattern runs on this
		 * text: measured, for the slices' sizes. */
		t1 = search_now_ns();
		search_word_regex(job->ix, sw, a, b, fa, &w->r);
		w->lit_ns += t1 - t0;
		w->regex_ns += search_now_ns() - t1;
		if (w->lit_ns > 0)
			w->regex_cost = w->regex_ns / w->lit_ns;
		if (w->regex_cost < 1)
			w->regex_cost = 1;
	}
#else
	(void)t0;
#endif
}

/*
 * Scan the folded bytes [a, b), whole entries from field fa to field fb,
 * for every word; keep the entries that have them all as a chunk.
 * Returns the cost.
 */
static size_t
search_scan_slice(struct search_job *job, size_t a, size_t b, size_t fa,
    size_t fb)
{
	struct search_index *ix = job->ix;
	struct search_work *w = job->work;
	struct search_raws *r = &w->r;
	struct search_result res;
	struct search_chunk *c;
	size_t k, i, keep, e, ea = 0, n_entries, run_end, found, multi;
	double t0 = 0;

	r->n = 0;
	r->n_runs = 0;
	multi = w->n_words > 1;
	if (multi) {
		/* Entries lie whole in a slice: count per entry of it. */
		ea = ix->fields[fa].entry;
		n_entries = ix->fields[fb - 1].entry - ea + 1;
		if (n_entries > w->cap_entries) {
			w->cap_entries = n_entries;
			free(w->words_in);
			free(w->last_word);
			w->words_in = xreallocarray(NULL, n_entries,
			    sizeof *w->words_in);
			w->last_word = xreallocarray(NULL, n_entries,
			    sizeof *w->last_word);
		}
		memset(w->words_in, 0, n_entries * sizeof *w->words_in);
		memset(w->last_word, 0, n_entries * sizeof *w->last_word);
	}
	for (k = 0; k < w->n_words; k++) {
		keep = r->n;
		if (w->n_regex > 0)
			t0 = search_now_ns();
		search_literal(ix, &w->words[k].f, a, b, fa, r);
		if (!search_word_fast(job, &w->words[k], a, b, fa))
			search_word_slow(job, &w->words[k], a, b, fa, t0);
		/* Count each entry once per word. */
		for (i = keep; multi && i < r->n; i++) {
			e = ix->fields[r->v[i].field].entry - ea;
			if (w->last_word[e] != k + 1) {
				w->last_word[e] = k + 1;
				w->words_in[e]++;
			}
		}
	}
	found = r->n;
	memset(&res, 0, sizeof res);
	if (multi) {
		/* Keep the occurrences in entries that have every word, run by
		 * run so that the runs stay sorted; count those entries. */
		for (k = 0, keep = 0; k < r->n_runs; k++) {
			run_end = k + 1 < r->n_runs ? r->runs[k + 1] : r->n;
			i = r->runs[k];
			r->runs[k] = keep;
			for (; i < run_end; i++) {
				e = ix->fields[r->v[i].field].entry - ea;
				if (w->words_in[e] != w->n_words)
					continue;
				r->v[keep++] = r->v[i];
				if (w->last_word[e] != w->n_words + 1) {
					w->last_word[e] = w->n_words + 1;
					res.n_entries++;
				}
			}
		}
		r->n = keep;
	}
	search_raws_sort(r);
	/* One word: every occurrence counts; collecting counts the entries. */
	search_collect(ix, r->v, r->n, !multi, &res);
	if (res.n_hits > 0) {
		if (w->n_chunks == w->cap_chunks) {
			w->cap_chunks = w->cap_chunks == 0 ? 16 :
			    w->cap_chunks * 2;
			w->chunks = xreallocarray(w->chunks, w->cap_chunks,
			    sizeof *w->chunks);
		}
		c = &w->chunks[w->n_chunks++];
		c->res = res;
		c->n_ranges = (size_t)(res.hits[res.n_hits - 1].ranges -
		    res.hits[0].ranges) + 2 * res.hits[res.n_hits - 1].n_ranges;
		if (!w->wrapped)
			w->n_first++;
		if (job->first == NULL)
			job->first = res.hits[0].field;
	}
	w->found += found;
	job->scanned_bytes += b - a;
	return (size_t)((double)(b - a) * (w->weight + w->n_regex *
	    w->regex_cost)) + found * SEARCH_HIT_COST;
}

/* The chunk that comes k-th in document order: those of [0, origin)
 * first. */
static struct search_chunk *
search_chunk_at(const struct search_work *w, size_t k)
{
	size_t n_second = w->n_chunks - w->n_first;

	return k < n_second ? &w->chunks[w->n_first + k] :
	    &w->chunks[k - n_second];
}

/* Copy src's hits and ranges to the end of out, whose allocation has room
 * for them; *ranges is where its next ranges go. */
static void
search_append(struct search_result *out, size_t **ranges,
    const struct search_result *src)
{
	const size_t *base;
	const struct search_hit *last;
	struct search_hit *h;
	size_t i, n;

	if (src->n_hits == 0)
		return;
	base = src->hits[0].ranges;
	for (i = 0; i < src->n_hits; i++) {
		h = &out->hits[out->n_hits++];
		*h = src->hits[i];
		h->ranges = *ranges + (src->hits[i].ranges - base);
	}
	last = &src->hits[src->n_hits - 1];
	n = (size_t)(last->ranges - base) + 2 * last->n_ranges;
	memcpy(*ranges, base, n * sizeof **ranges);
	*ranges += n;
	out->n_entries += src->n_entries;
}

/* Make room in res for n_hits hits and n_ranges offsets in one allocation
 * (hits first); returns where the offsets go. */
static size_t *
search_result_alloc(struct search_result *res, size_t n_hits,
    size_t n_ranges)
{
	memset(res, 0, sizeof *res);
	if (n_hits == 0)
		return NULL;
	res->hits = xmalloc(n_hits * sizeof *res->hits +
	    n_ranges * sizeof *res->hits[0].ranges);
	return (size_t *)(void *)(res->hits + n_hits);
}

/* Every slice is scanned: prepare the final result (moving a single
 * chunk, which is all of it). */
static void
search_gather_start(struct search_job *job)
{
	struct search_work *w = job->work;
	size_t k, n_hits = 0, n_ranges = 0;

	w->gathering = 1;
	if (w->n_chunks == 1) {
		w->out = w->chunks[0].res;
		memset(&w->chunks[0].res, 0, sizeof w->chunks[0].res);
		w->gathered = 1;
	} else {
		for (k = 0; k < w->n_chunks; k++) {
			n_hits += w->chunks[k].res.n_hits;
			n_ranges += w->chunks[k].n_ranges;
		}
		w->out_ranges = search_result_alloc(&w->out, n_hits, n_ranges);
	}
}

/* Copy chunks, in document order, into the final result until left is
 * spent (one at least); returns the cost. */
static size_t
search_gather(struct search_job *job, size_t left)
{
	struct search_work *w = job->work;
	struct search_chunk *c;
	size_t spent = 0;

	while (w->gathered < w->n_chunks) {
		c = search_chunk_at(w, w->gathered++);
		search_append(&w->out, &w->out_ranges, &c->res);
		spent += c->res.n_hits * sizeof *c->res.hits +
		    c->n_ranges * sizeof *c->res.hits[0].ranges;
		search_result_fini(&c->res);
		if (spent >= left)
			break;
	}
	if (w->gathered == w->n_chunks) {
		free(w->chunks);
		w->chunks = NULL;
		w->n_chunks = w->n_first = w->gathered = 0;
		job->done = 1;
	}
	return spent;
}

/* Scan on for about budget (a slice at least), then gather; 1 when the
 * result is ready. */
int
search_job_step(struct search_job *job, size_t budget)
{
	struct search_work *w = job->work;
	size_t spent = 0, lap_end, end, end_field;

	while (!job->done) {
		lap_end = w->wrapped ? w->origin : job->ix->folded_len;
		if (w->gathering)
			spent += search_gather(job, budget - spent);
		else if (w->pos < lap_end) {
			end = search_slice_end(job, budget - spent, lap_end,
			    &end_field);
			spent += search_scan_slice(job, w->pos, end, w->field,
			    end_field);
			w->pos = end;
			w->field = end_field;
		} else if (!w->wrapped && w->origin > 0) {
			/* Go on from the start up to the origin. */
			w->wrapped = 1;
			w->pos = 0;
			w->field = 0;
			continue;
		} else {
			search_gather_start(job);
			continue;
		}
		if (spent >= budget)
			break;
	}
	return job->done;
}

/* What has been found so far, in document order (a copy). */
void
search_job_partial(const struct search_job *job, struct search_result *res)
{
	const struct search_work *w = job->work;
	size_t k, n_hits, n_ranges, *ranges;
	const struct search_chunk *c;

	memset(res, 0, sizeof *res);
	if (w == NULL)
		return;
	/* What is gathered is a result of its own, with room to spare. */
	n_hits = w->out.n_hits;
	n_ranges = w->out.n_hits == 0 ? 0 : (size_t)(w->out.hits[
	    w->out.n_hits - 1].ranges - w->out.hits[0].ranges) +
	    2 * w->out.hits[w->out.n_hits - 1].n_ranges;
	for (k = w->gathered; k < w->n_chunks; k++) {
		c = search_chunk_at(w, k);
		n_hits += c->res.n_hits;
		n_ranges += c->n_ranges;
	}
	ranges = search_result_alloc(res, n_hits, n_ranges);
	if (ranges == NULL)
		return;
	search_append(res, &ranges, &w->out);
	for (k = w->gathered; k < w->n_chunks; k++)
		search_append(res, &ranges, &search_chunk_at(w, k)->res);
}

/* Step to the end and hand the result over; while anything is left to
 * scan, romaji words' Hyperscan databases are waited for (started only
 * where the scans they save take longer). */
void
search_job_finish(struct search_job *job, struct search_result *res)
{
#ifdef SEARCH_HS
	size_t i;
#endif

	memset(res, 0, sizeof *res);
	if (job->work == NULL)
		return;
#ifdef SEARCH_HS
	for (i = 0; !job->done && !job->work->gathering &&
	    i < job->work->n_words; i++)
		if (job->work->words[i].hs != NULL &&
		    !job->work->words[i].hs_off)
			search_hs_wait(&job->work->words[i]);
#endif
	while (!search_job_step(job, SIZE_MAX))
		;
	*res = job->work->out;
	memset(&job->work->out, 0, sizeof job->work->out);
}

/* Free everything the job holds. */
void
search_job_fini(struct search_job *job)
{
	struct search_work *w = job->work;
	struct search_word *sw;
	size_t i, k;

	if (w != NULL) {
		for (i = 0; i < w->n_words; i++) {
			sw = &w->words[i];
			for (k = 0; sw->lit_text != NULL && k < sw->n_lits; k++)
				free(sw->lit_text[k]);
			free(sw->lit_text);
			free(sw->lits);
#ifdef HAVE_MIGEMO
			if (sw->re != NULL)
				uregex_close(sw->re);
			if (sw->ut != NULL)
				utext_close(sw->ut);
#endif
#ifdef SEARCH_HS
			/* Not waited for: the worker drops it unbuilt if
			 * no job wants it by then. */
			if (sw->hs != NULL)
				search_hs_drop(sw->hs);
#endif
		}
		free(w->words);
		for (k = 0; k < w->n_chunks; k++)
			search_result_fini(&w->chunks[k].res);
		free(w->chunks);
		search_result_fini(&w->out);
		free(w->r.v);
		free(w->r.runs);
		free(w->words_in);
		free(w->last_word);
		fold_fini(&w->q);
		free(w);
	}
	memset(job, 0, sizeof *job);
}

/* Run query and fill res: a job from the start, stepped to the end. */
int
search_run(struct search_index *ix, const char *query,
    struct search_result *res)
{
	struct search_job job;

	memset(res, 0, sizeof *res);
	if (search_job_start(&job, ix, query, 0) != 0) {
		search_job_fini(&job);
		return -1;
	}
	search_job_finish(&job, res);
	search_job_fini(&job);
	return 0;
}

/* Free a result and zero it. */
void
search_result_fini(struct search_result *res)
{
	free(res->hits);
	memset(res, 0, sizeof *res);
}

/* Start the index's Migemo thread, loading the dictionary, if romaji
 * search will want it and it has not started (none when there is no
 * dictionary or no thread can be had: romaji is then off). */
void
search_prepare_romaji(struct search_index *ix)
{
#ifdef HAVE_MIGEMO
	pthread_condattr_t ca;
	struct search_mig *k;
	const char *path;

	if (!ix->romaji || ix->migemo_failed || ix->migemo_thread != NULL)
		return;
	if ((path = ix->migemo_dict) == NULL &&
	    (path = search_migemo_dict()) == NULL) {
		ix->migemo_failed = 1;
		return;
	}
	k = xcalloc(1, sizeof *k);
	k->path = xstrdup(path);
	pthread_mutex_init(&k->lock, NULL);
	/* Timed waits on the monotonic clock: a clock set back would make
	 * them last as long. */
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&k->cond, &ca);
	pthread_condattr_destroy(&ca);
	if (pthread_create(&k->thread, NULL, search_mig_work, k) != 0) {
		search_mig_free(k);
		ix->migemo_failed = 1;
		return;
	}
	ix->migemo_thread = k;
#else
	(void)ix;
#endif
}

/*
 * 1 when a job for query can start at once: the patterns of its romaji
 * words are written (or cannot be), by the time ms milliseconds from now
 * (0: now; negative: waiting until they are); else 0.  The words are
 * queued for the Migemo thread (started if need be).
 */
int
search_romaji_ready(struct search_index *ix, const char *query, double ms)
{
#ifdef HAVE_MIGEMO
	struct timespec until;
	struct fold q;
	const char *p;
	size_t len;
	int ready = 1;

	if (!ix->romaji || ix->migemo_failed ||
	    fold_text(&q, query, strlen(query)) != 0)
		return 1;
	search_mig_prune(ix, q.text);
	until = search_mig_deadline(ms > 0 ? ms : 0);
	for (p = q.text; *(p += strspn(p, SEARCH_SPACES)) != '\0'; p += len) {
		len = strcspn(p, SEARCH_SPACES);
		if (search_is_romaji(p, len) && !search_mig_pattern(ix, p, len,
		    ms < 0 ? NULL : &until, NULL))
			ready = 0;
	}
	fold_fini(&q);
	return ready;
#else
	(void)ix;
	(void)query;
	(void)ms;
	return 1;
#endif
}

/* Hyperscan's version when romaji literals are scanned with it (built in
 * and this CPU runs it), or NULL. */
const char *
search_hyperscan_version(void)
{
#ifdef SEARCH_HS
	return search_hs_platform() ? hs_version() : NULL;
#else
	return NULL;
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
