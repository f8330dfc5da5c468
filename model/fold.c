/*
 * fold: NFKC_Casefold (ICU) followed by katakana to hiragana, with a sparse
 * map from folded byte offsets back to the original's.
 *
 * The text is cut into normalisation segments: a segment starts at every
 * code point that has a boundary before it (unorm2_hasBoundaryBefore), so
 * each segment normalises on its own and the folded text is the segments'
 * folds joined.  Most segments are one code point whose fold is one code
 * point of the same UTF-8 length (kana, kanji, ASCII, where only the kana
 * shift or ASCII lowercase changes anything): that fact is asked of ICU once
 * per BMP code point and kept in a static table, so the common path costs
 * a table lookup and never calls the normaliser.  Every other segment (a
 * base with combining marks, full-width and half-width forms, ligatures, an
 * ill-formed sequence) goes through unorm2_normalize in UTF-16.
 *
 * A segment is recorded in the map unless its fold has the same length and
 * its code points start at the same offsets as the original's, so that a
 * folded offset outside every recorded segment is a character boundary in
 * the original too (ß to ss keeps its length but is recorded: half of it
 * is not a character).
 *
 * Threads: the table is filled on first use, an entry at a time, and any
 * thread may fill one (relaxed atomics: two threads filling one entry
 * write the same value); the normaliser is asked for once (pthread_once).
 * So texts may be folded on several threads at once (the index's Migemo
 * thread folds the literals it writes).
 *
 * Limits: if ICU cannot give the normaliser, only ASCII case and kana are
 * folded.  A
 * base followed by more than FOLD_MAX_SEG_BYTES of combining marks is cut
 * into pieces that are folded apart.
 */
#include "model/fold.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/unorm2.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "model/xmalloc.h"

#define FOLD_MAX_SEG_BYTES	65536	/* longer runs of combining marks are
					   cut (only hostile text has them) */
#define FOLD_KNOWN	0x01	/* the entry below has been computed */
#define FOLD_BOUNDARY	0x02	/* a normalisation boundary comes before it */
#define FOLD_SIMPLE	0x04	/* alone, it folds to one code point of the
				   same UTF-8 length (FOLD_TO) */
#define FOLD_SAME	0x08	/* alone, it folds to itself */
/* The entry of a code point fold_plain passes over. */
#define FOLD_PLAIN	((uint32_t)(FOLD_KNOWN | FOLD_BOUNDARY | FOLD_SIMPLE | \
			    FOLD_SAME) << 24)
#define FOLD_FLAGS(e)	((e) >> 24)
#define FOLD_TO(e)	((UChar32)((e) & 0x1FFFFF))

static const UNormalizer2	*fold_norm;	/* NFKC_Casefold, ICU's own */
static pthread_once_t		 fold_norm_once = PTHREAD_ONCE_INIT;
static _Atomic uint32_t		 fold_bmp[0x10000];	/* FOLD_* << 24 | the
							   simple fold; 0 when
							   not computed yet */

/* The output being built by fold_text, with its scratch buffers. */
struct fold_out {
	char		*text;
	size_t		 len_bytes;
	size_t		 cap_bytes;
	struct fold_seg	*segs;
	size_t		 n_segs;
	size_t		 cap_segs;
	UChar		*src;		/* a segment in UTF-16 */
	int32_t		 src_cap_units;
	UChar		*dst;		/* its normalised form */
	int32_t		 dst_cap_units;
};

/* Katakana to hiragana: U+30A1..U+30F6 and ヽヾ shift down by 0x60. */
static UChar32
fold_kana(UChar32 c)
{
	if ((c >= 0x30A1 && c <= 0x30F6) || c == 0x30FD || c == 0x30FE)
		return c - 0x60;
	return c;
}

/* Ask ICU for its NFKC_Casefold normaliser (NULL if ICU has no data). */
static void
fold_norm_get(void)
{
	UErrorCode ue = U_ZERO_ERROR;

	fold_norm = unorm2_getNFKCCasefoldInstance(&ue);
	if (U_FAILURE(ue))
		fold_norm = NULL;
}

/* ICU's NFKC_Casefold normaliser, asked for once (NULL if ICU has no
 * data). */
static const UNormalizer2 *
fold_normalizer(void)
{
	pthread_once(&fold_norm_once, fold_norm_get);
	return fold_norm;
}

/* Ask ICU how c folds on its own: FOLD_* flags << 24 | its simple fold. */
static uint32_t
fold_classify(UChar32 c)
{
	const UNormalizer2 *n = fold_normalizer();
	UErrorCode ue = U_ZERO_ERROR;
	UChar in[2], out[8];
	int32_t in_len = 0, out_len, i = 0;
	UBool bad = 0;
	UChar32 d;
	uint32_t fl = FOLD_KNOWN;

	if (n == NULL) {
		d = c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : fold_kana(c);
		fl |= FOLD_BOUNDARY | FOLD_SIMPLE;
		if (d == c && c != 0xFFFD)
			fl |= FOLD_SAME;
		return fl << 24 | (uint32_t)d;
	}
	if (unorm2_hasBoundaryBefore(n, c))
		fl |= FOLD_BOUNDARY;
	U16_APPEND(in, in_len, 2, c, bad);
	if (bad)
		return fl << 24;
	out_len = unorm2_normalize(n, in, in_len, out, 8, &ue);
	if (U_FAILURE(ue) || out_len == 0)
		return fl << 24;
	U16_NEXT(out, i, out_len, d);
	if (i != out_len)
		return fl << 24;
	d = fold_kana(d);
	if (U8_LENGTH(d) != U8_LENGTH(c))
		return fl << 24;
	fl |= FOLD_SIMPLE;
	/* U+FFFD also stands for ill-formed input, which is not itself. */
	if (d == c && c != 0xFFFD)
		fl |= FOLD_SAME;
	return fl << 24 | (uint32_t)d;
}

/* How c folds on its own (from the table for the BMP). */
static inline uint32_t
fold_info(UChar32 c)
{
	uint32_t e;

	if (c > 0xFFFF)
		return fold_classify(c);
	e = atomic_load_explicit(&fold_bmp[c], memory_order_relaxed);
	if (e == 0) {
		e = fold_classify(c);
		atomic_store_explicit(&fold_bmp[c], e, memory_order_relaxed);
	}
	return e;
}

/* Make room for more_bytes more bytes of output (and the NUL). */
static void
fold_reserve(struct fold_out *o, size_t more_bytes)
{
	size_t cap = o->cap_bytes;

	if (o->len_bytes + more_bytes + 1 <= cap)
		return;
	while (cap < o->len_bytes + more_bytes + 1)
		cap = cap < 64 ? 64 : cap * 2;
	o->text = xreallocarray(o->text, cap, 1);
	o->cap_bytes = cap;
}

/* Whether a[0..a_len) and b[0..b_len) have their code points at the same
 * offsets (then a folded offset there is a boundary in the original). */
static int
fold_aligned(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len)
{
	size_t i = 0, j = 0;

	if (a_len != b_len)
		return 0;
	while (i < a_len) {
		U8_FWD_1(a, i, a_len);
		U8_FWD_1(b, j, b_len);
		if (i != j)
			return 0;
	}
	return 1;
}

/* Record that orig [orig_start, orig_end) folded to [fold_start, len). */
static void
fold_add_seg(struct fold_out *o, size_t fold_start, size_t orig_start,
    size_t orig_end)
{
	struct fold_seg *sg;

	if (o->n_segs == o->cap_segs) {
		o->cap_segs = o->cap_segs == 0 ? 16 : o->cap_segs * 2;
		o->segs = xreallocarray(o->segs, o->cap_segs, sizeof *o->segs);
	}
	sg = &o->segs[o->n_segs++];
	sg->fold_start = (uint32_t)fold_start;
	sg->fold_end = (uint32_t)o->len_bytes;
	sg->orig_start = (uint32_t)orig_start;
	sg->orig_end = (uint32_t)orig_end;
}

/* Grow a UTF-16 scratch buffer to hold at least need_units. */
static void
fold_grow_units(UChar **p, int32_t *cap_units, int32_t need_units)
{
	int32_t cap = *cap_units < 64 ? 64 : *cap_units;

	if (need_units <= *cap_units)
		return;
	while (cap < need_units)
		cap = cap > INT32_MAX / 2 ? INT32_MAX : cap * 2;
	*p = xreallocarray(*p, (size_t)cap, sizeof **p);
	*cap_units = cap;
}

/* Fold the segment s[start, end) through ICU and append it to o. */
static void
fold_segment(struct fold_out *o, const uint8_t *s, size_t start, size_t end)
{
	const UNormalizer2 *n = fold_normalizer();
	UErrorCode ue = U_ZERO_ERROR;
	size_t i = start, fold_start = o->len_bytes;
	int32_t src_len = 0, dst_len, k = 0;
	UBool bad = 0;
	UChar32 c;
	uint8_t *out;
	size_t pos;

	/* A segment is a few code points: at most two UTF-16 units per byte. */
	fold_grow_units(&o->src, &o->src_cap_units, (int32_t)(end - start) * 2);
	while (i < end) {
		U8_NEXT_OR_FFFD(s, i, end, c);
		U16_APPEND(o->src, src_len, o->src_cap_units, c, bad);
	}
	if (n != NULL) {
		fold_grow_units(&o->dst, &o->dst_cap_units, src_len * 4 + 8);
		dst_len = unorm2_normalize(n, o->src, src_len, o->dst,
		    o->dst_cap_units, &ue);
		if (ue == U_BUFFER_OVERFLOW_ERROR) {
			ue = U_ZERO_ERROR;
			fold_grow_units(&o->dst, &o->dst_cap_units, dst_len);
			dst_len = unorm2_normalize(n, o->src, src_len, o->dst,
			    o->dst_cap_units, &ue);
		}
		if (U_FAILURE(ue)) {
			/* Cannot happen with valid input; keep the text. */
			memcpy(o->dst, o->src, (size_t)src_len * sizeof *o->src);
			dst_len = src_len;
		}
	} else {
		fold_grow_units(&o->dst, &o->dst_cap_units, src_len);
		memcpy(o->dst, o->src, (size_t)src_len * sizeof *o->src);
		dst_len = src_len;
	}

	/* Back to UTF-8, shifting kana (and lowering ASCII without ICU). */
	fold_reserve(o, (size_t)dst_len * 3);
	out = (uint8_t *)o->text;
	pos = o->len_bytes;
	while (k < dst_len) {
		U16_NEXT(o->dst, k, dst_len, c);
		c = fold_kana(c);
		if (n == NULL && c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		U8_APPEND_UNSAFE(out, pos, c);
	}
	o->len_bytes = pos;
	(void)bad;
	if (!fold_aligned(s + start, end - start, out + fold_start,
	    pos - fold_start))
		fold_add_seg(o, fold_start, start, end);
}

/* Append the original bytes s[start, end), which fold to themselves. */
static void
fold_copy(struct fold_out *o, const uint8_t *s, size_t start, size_t end)
{
	if (end > start) {
		fold_reserve(o, end - start);
		memcpy(o->text + o->len_bytes, s + start, end - start);
		o->len_bytes += end - start;
	}
}

/* Decode the code point at *i (U+FFFD for an ill-formed sequence). */
#define FOLD_NEXT(u, i, len, c) do {					\
	if ((u)[i] < 0x80)						\
		(c) = (u)[(i)++];					\
	else								\
		U8_NEXT_OR_FFFD(u, i, len, c);				\
} while (0)

/*
 * Whether the code point at s[i] is a kanji (U+4000..U+9FFF, lead bytes
 * E4..E9) or a hiragana (U+3041..U+3096): each has a boundary before it
 * and folds to itself (test_fold checks every one against ICU), so runs
 * of them, most of a Japanese text, are passed over without a lookup.
 */
static inline int
fold_plain(const uint8_t *u, size_t i, size_t len)
{
	if (i + 3 > len || !U8_IS_TRAIL(u[i + 1]) || !U8_IS_TRAIL(u[i + 2]))
		return 0;
	if (u[i] >= 0xE4 && u[i] <= 0xE9)
		return 1;
	return u[i] == 0xE3 && ((u[i + 1] == 0x81 && u[i + 2] >= 0x81) ||
	    (u[i + 1] == 0x82 && u[i + 2] <= 0x96));
}

/* Fold s[0..len_bytes) into f. */
int
fold_text(struct fold *f, const char *s, size_t len_bytes)
{
	const uint8_t *u = (const uint8_t *)s;
	struct fold_out o;
	size_t i = 0, j = 0, k, next = 0, same = 0;
	UChar32 d = 0, to;
	uint32_t e = 0, de = 0;

	memset(f, 0, sizeof *f);
	if (len_bytes > UINT32_MAX)
		return -1;
	memset(&o, 0, sizeof o);
	fold_reserve(&o, len_bytes + len_bytes / 8 + 16);
	if (len_bytes > 0) {
		FOLD_NEXT(u, j, len_bytes, d);
		e = fold_info(d);
	}
	/*
	 * A segment runs from i to the next code point with a boundary
	 * before it; its first code point is bytes [i, j), entry e.
	 * Bytes [same, i) fold to themselves and are not copied yet.
	 */
	while (i < len_bytes) {
		/* Before a kanji or hiragana, a code point that folds to
		 * itself stands alone: go on to the next (fold_plain). */
		while ((FOLD_FLAGS(e) & FOLD_SAME) && fold_plain(u, j,
		    len_bytes)) {
			i = j;
			j += 3;
			e = FOLD_PLAIN;
		}
		k = j;
		if (k < len_bytes) {
			next = k;
			FOLD_NEXT(u, next, len_bytes, d);
			de = fold_info(d);
		}
		if (k == len_bytes || (FOLD_FLAGS(de) & FOLD_BOUNDARY)) {
			/* One code point alone: the common case. */
			to = FOLD_TO(e);
			if (FOLD_FLAGS(e) & FOLD_SAME)
				;
			else if ((FOLD_FLAGS(e) & FOLD_SIMPLE) &&
			    (size_t)U8_LENGTH(to) == k - i) {
				fold_copy(&o, u, same, i);
				fold_reserve(&o, 4);
				U8_APPEND_UNSAFE((uint8_t *)o.text, o.len_bytes,
				    to);
				same = k;
			} else {
				fold_copy(&o, u, same, i);
				fold_segment(&o, u, i, k);
				same = k;
			}
		} else {
			/* Combining marks follow: take them all to ICU. */
			k = next;
			while (k < len_bytes) {
				next = k;
				FOLD_NEXT(u, next, len_bytes, d);
				de = fold_info(d);
				if ((FOLD_FLAGS(de) & FOLD_BOUNDARY) ||
				    k - i > FOLD_MAX_SEG_BYTES)
					break;
				k = next;
			}
			fold_copy(&o, u, same, i);
			fold_segment(&o, u, i, k);
			same = k;
		}
		i = k;
		j = next;
		e = de;
	}
	fold_copy(&o, u, same, len_bytes);
	free(o.src);
	free(o.dst);
	if (o.len_bytes > UINT32_MAX) {
		free(o.text);
		free(o.segs);
		return -1;
	}
	o.text[o.len_bytes] = '\0';
	f->text = o.text;
	f->len_bytes = o.len_bytes;
	f->segs = o.segs;
	f->n_segs = o.n_segs;
	return 0;
}

/* Free a folded text and zero it. */
void
fold_fini(struct fold *f)
{
	free(f->text);
	free(f->segs);
	memset(f, 0, sizeof *f);
}

/* Index of the last segment whose fold_start is <= off (strictly < off
 * when strict), or n_segs when there is none. */
static size_t
fold_find(const struct fold *f, size_t off, int strict)
{
	size_t lo = 0, hi = f->n_segs, mid;

	/* Find the first segment past off; the one before it is wanted. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strict ? f->segs[mid].fold_start < off :
		    f->segs[mid].fold_start <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo == 0 ? f->n_segs : lo - 1;
}

/* Map a folded range back to whole characters of the original. */
void
fold_map(const struct fold *f, size_t fold_start, size_t fold_end,
    size_t *orig_start, size_t *orig_end)
{
	const struct fold_seg *sg;
	size_t i;

	/* The start: inside a segment (or at the start of a non-empty one)
	 * goes to its start; past it, follows by the shift after it. */
	i = fold_find(f, fold_start, 0);
	if (i == f->n_segs)
		*orig_start = fold_start;
	else {
		sg = &f->segs[i];
		if (fold_start < sg->fold_end)
			*orig_start = sg->orig_start;
		else
			*orig_start = fold_start - sg->fold_end + sg->orig_end;
	}
	/* The end: inside a segment goes to its end; a segment starting at
	 * the end is not part of the range. */
	i = fold_find(f, fold_end, 1);
	if (i == f->n_segs)
		*orig_end = fold_end;
	else {
		sg = &f->segs[i];
		if (fold_end < sg->fold_end)
			*orig_end = sg->orig_end;
		else
			*orig_end = fold_end - sg->fold_end + sg->orig_end;
	}
	if (*orig_end < *orig_start)
		*orig_end = *orig_start;
}
