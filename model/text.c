/*
 * text: widths, clusters, rendering, truncation and line wrapping of UTF-8
 * text as a terminal shows it (see text.h for the visible form).
 *
 * One function, text_draw, measures and renders a single grapheme cluster;
 * every public function walks clusters and calls it, so a width computed
 * here is always the width of what text_render sends.
 *
 * ICU finds the boundaries: a UBRK_CHARACTER iterator for clusters and a
 * UBRK_LINE "ja@lb=strict" iterator for line break opportunities, both run
 * on the caller's UTF-8 through utext_openUTF8 so offsets are bytes.  The two
 * iterators are opened on first use and kept in statics (text_fini closes
 * them); each call only points them at its string, and only when the string
 * needs them: a printable ASCII byte followed by ASCII is always a cluster of
 * its own, and text that fits its line never asks for break opportunities.
 * Walks are sequential (ubrk_next), so every function is linear in its input.
 *
 * Limits: not thread-safe (shared iterators).  ICU offsets are int32_t, so a
 * string longer than INT32_MAX bytes, or any string if ICU cannot open its
 * iterators, falls back to code points as clusters and breaks after spaces.
 */
#include "model/text.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "model/xmalloc.h"

#define TEXT_TAB_COLS		8
#define TEXT_ELLIPSIS		"\xe2\x80\xa6"	/* U+2026, 1 column */
#define TEXT_IDEO_SPACE		"\xe3\x80\x80"	/* U+3000 */
#define TEXT_LINE_LOCALE	"ja@lb=strict"
#define TEXT_OPP_NONE		SIZE_MAX	/* no opportunity left */

static UBreakIterator	*text_char_bi;	/* UBRK_CHARACTER, opened lazily */
static UBreakIterator	*text_line_bi;	/* UBRK_LINE ja@lb=strict, lazily */
static int		 text_char_failed;	/* ICU could not open it */
static int		 text_line_failed;

/* Cluster walk over one string: ICU only once a non-ASCII byte needs it. */
struct text_clusters {
	const uint8_t	*s;
	size_t		 len_bytes;
	int		 state;		/* 0 unset, 1 ICU holds s, -1 fallback */
};

/* Line break opportunities in one string, asked in mostly rising order. */
struct text_opps {
	const uint8_t	*s;
	size_t		 len_bytes;
	int		 state;		/* 0 unset, 1 ICU holds s, -1 fallback */
	size_t		 lo_bytes;	/* no opportunity in (lo, next) ... */
	size_t		 next_bytes;	/* ... and next is one (or OPP_NONE) */
};

/* State of the line being filled by text_wrap. */
struct text_fill {
	size_t	start_bytes;	/* first byte of the line */
	size_t	avail_cols;	/* columns the line may take */
	size_t	origin_cols;	/* column the line starts at, for tabs */
	size_t	col_cols;	/* columns so far, trailing blanks included */
	size_t	ink_cols;	/* columns up to the last non-blank cluster */
	size_t	ink_end_bytes;	/* end of the last non-blank cluster */
	size_t	brk_bytes;	/* last opportunity, if > start_bytes */
	size_t	brk_cols;	/* ink_cols when breaking at brk_bytes */
	size_t	brk_end_bytes;	/* ink_end_bytes when breaking at brk_bytes */
};

/* Open (once) an ICU break iterator and point it at s; 0 if unusable. */
static int
text_bi_set(UBreakIterator **bi, int *failed, UBreakIteratorType type,
    const char *locale, const uint8_t *s, size_t len_bytes)
{
	UErrorCode	 status = U_ZERO_ERROR;
	UText		 ut = UTEXT_INITIALIZER;

	if (*failed || len_bytes > INT32_MAX)
		return 0;
	if (*bi == NULL) {
		*bi = ubrk_open(type, locale, NULL, 0, &status);
		if (U_FAILURE(status)) {
			if (*bi != NULL)
				ubrk_close(*bi);
			*bi = NULL;
			*failed = 1;
			return 0;
		}
	}
	utext_openUTF8(&ut, (const char *)s, (int64_t)len_bytes, &status);
	if (U_SUCCESS(status))
		ubrk_setUText(*bi, &ut, &status);	/* takes a shallow clone */
	utext_close(&ut);
	return U_SUCCESS(status);
}

/* Offset after the code point (or ill-formed sequence) at off_bytes. */
static size_t
text_cp_next(const uint8_t *s, size_t len_bytes, size_t off_bytes)
{
	UChar32 c;

	U8_NEXT(s, off_bytes, len_bytes, c);
	(void)c;
	return off_bytes;
}

/* Offset of the code point (or ill-formed byte) ending at off_bytes > 0. */
static size_t
text_cp_prev(const uint8_t *s, size_t off_bytes)
{
	size_t	p = off_bytes - 1, i;
	UChar32	c;

	while (p > 0 && off_bytes - p < 4 && U8_IS_TRAIL(s[p]))
		p--;
	i = p;
	U8_NEXT(s, i, off_bytes, c);
	(void)c;
	return i == off_bytes ? p : off_bytes - 1;
}

/* Start a cluster walk over s[0..len_bytes). */
static void
text_clusters_init(struct text_clusters *tc, const char *s, size_t len_bytes)
{
	tc->s = (const uint8_t *)s;
	tc->len_bytes = len_bytes;
	tc->state = 0;
}

/* Point the character iterator at the walk's string, once; 0 on fallback. */
static int
text_clusters_icu(struct text_clusters *tc)
{
	if (tc->state == 0)
		tc->state = text_bi_set(&text_char_bi, &text_char_failed,
		    UBRK_CHARACTER, "", tc->s, tc->len_bytes) ? 1 : -1;
	return tc->state == 1;
}

/* Cluster boundary after off_bytes (len_bytes at most). */
static size_t
text_clusters_next(struct text_clusters *tc, size_t off_bytes)
{
	const uint8_t	*s = tc->s;
	size_t		 len = tc->len_bytes;
	int32_t		 b;

	if (off_bytes >= len)
		return len;
	/* ASCII joins nothing but CR LF; only a non-ASCII byte may extend it. */
	if (s[off_bytes] < 0x80 && s[off_bytes] != '\r' &&
	    (off_bytes + 1 == len || s[off_bytes + 1] < 0x80))
		return off_bytes + 1;
	if (!text_clusters_icu(tc))
		return text_cp_next(s, len, off_bytes);
	if (ubrk_current(text_char_bi) == (int32_t)off_bytes)
		b = ubrk_next(text_char_bi);
	else
		b = ubrk_following(text_char_bi, (int32_t)off_bytes);
	if (b == UBRK_DONE || (size_t)b <= off_bytes || (size_t)b > len)
		return text_cp_next(s, len, off_bytes);
	return (size_t)b;
}

/* Cluster boundary before off_bytes (0 at least). */
static size_t
text_clusters_prev(struct text_clusters *tc, size_t off_bytes)
{
	const uint8_t	*s = tc->s;
	size_t		 p;
	int32_t		 b, next;

	if (off_bytes > tc->len_bytes)
		off_bytes = tc->len_bytes;
	if (off_bytes == 0)
		return 0;
	p = off_bytes - 1;
	/* An ASCII byte after ASCII (other than LF after CR) starts a cluster. */
	if (s[p] < 0x80 && (p == 0 ||
	    (s[p - 1] < 0x80 && !(s[p - 1] == '\r' && s[p] == '\n'))))
		return p;
	if (!text_clusters_icu(tc))
		return text_cp_prev(s, off_bytes);
	b = ubrk_preceding(text_char_bi, (int32_t)off_bytes);
	if (b == UBRK_DONE || b < 0 || (size_t)b >= off_bytes)
		return text_cp_prev(s, off_bytes);
	/*
	 * ICU moves an offset inside a code point back to its start before
	 * looking, which skips that start when it is itself a boundary.
	 */
	for (;;) {
		next = ubrk_next(text_char_bi);
		if (next == UBRK_DONE || (size_t)next >= off_bytes)
			return (size_t)b;
		b = next;
	}
}

/* Whether c is a bidirectional control, shown rather than obeyed. */
static int
text_is_bidi(UChar32 c)
{
	return c == 0x061c || c == 0x200e || c == 0x200f ||
	    (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/* Columns of (and, if out, append) the notation <U+XXXX> for c. */
static size_t
text_draw_ucs(struct buf *out, UChar32 c)
{
	char	tmp[16];
	int	n;

	n = snprintf(tmp, sizeof tmp, "<U+%04X>", (unsigned)c);
	if (out != NULL)
		buf_add(out, tmp, (size_t)n);
	return (size_t)n;
}

/*
 * Columns of the cluster s[a..b) drawn from column col_cols; when out is not
 * NULL, also append its visible form.  The single definition of widths.
 */
static size_t
text_draw(struct buf *out, const uint8_t *s, size_t a, size_t b,
    size_t col_cols)
{
	size_t	i = a, from, w = 0, n;
	int	drawn = 0, cw;
	UChar32	c;

	while (i < b) {
		from = i;
		U8_NEXT(s, i, b, c);
		if (c < 0) {
			/* Each byte of an ill-formed sequence, as less does. */
			for (; from < i; from++) {
				if (out != NULL)
					buf_printf(out, "<%02X>",
					    (unsigned)s[from]);
				w += 4;
			}
		} else if (c == '\t') {
			n = TEXT_TAB_COLS - (col_cols + w) % TEXT_TAB_COLS;
			if (out != NULL)
				buf_addn(out, ' ', n);
			w += n;
		} else if (c == '\n') {
			if (out != NULL)
				buf_addc(out, ' ');
			w += 1;
		} else if (c < 0x20 || c == 0x7f) {
			if (out != NULL) {
				buf_addc(out, '^');
				buf_addc(out, (char)(c ^ 0x40));
			}
			w += 2;
		} else if (c < 0x7f) {
			if (out != NULL)
				buf_addc(out, (char)c);
			w += 1;
		} else if (c < 0xa0 || text_is_bidi(c)) {
			w += text_draw_ucs(out, c);
		} else if (u_hasBinaryProperty(c,
		    UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
			/* ZWJ, variation selectors, ZWSP, SHY...: not drawn. */
			continue;
		} else if ((cw = wcwidth((wchar_t)c)) < 0) {
			/* Unassigned, noncharacter, U+2028/9 or not UTF-8 locale. */
			w += text_draw_ucs(out, c);
		} else {
			if (cw == 0 && !drawn) {
				/* A mark with no base would land on its neighbour. */
				if (out != NULL)
					buf_addc(out, ' ');
				w += 1;
			}
			if (out != NULL)
				buf_add(out, s + from, i - from);
			w += (size_t)cw;
		}
		drawn = 1;
	}
	return w;
}

/* Columns of (and, if out, append) clusters from..to, drawn from col_cols. */
static size_t
text_draw_range(struct buf *out, struct text_clusters *tc, size_t from_bytes,
    size_t to_bytes, size_t col_cols)
{
	size_t a = from_bytes, b, w = 0;

	while (a < to_bytes) {
		b = text_clusters_next(tc, a);
		w += text_draw(out, tc->s, a, b, col_cols + w);
		a = b;
	}
	return w;
}

/* Width in columns of s[0..len_bytes) drawn from column start_cols. */
size_t
text_width_cols(const char *s, size_t len_bytes, size_t start_cols)
{
	struct text_clusters tc;

	text_clusters_init(&tc, s, len_bytes);
	return text_draw_range(NULL, &tc, 0, len_bytes, start_cols);
}

/* Byte offset of the cluster boundary after off_bytes. */
size_t
text_cluster_next(const char *s, size_t len_bytes, size_t off_bytes)
{
	struct text_clusters tc;

	text_clusters_init(&tc, s, len_bytes);
	return text_clusters_next(&tc, off_bytes);
}

/* Byte offset of the cluster boundary before off_bytes. */
size_t
text_cluster_prev(const char *s, size_t len_bytes, size_t off_bytes)
{
	struct text_clusters tc;

	text_clusters_init(&tc, s, len_bytes);
	return text_clusters_prev(&tc, off_bytes);
}

/* Append the visible form of s drawn from start_cols; return its columns. */
size_t
text_render(struct buf *out, const char *s, size_t len_bytes,
    size_t start_cols)
{
	struct text_clusters tc;

	text_clusters_init(&tc, s, len_bytes);
	return text_draw_range(out, &tc, 0, len_bytes, start_cols);
}

/* Append s cut to max_cols columns with "…"; return the columns appended. */
size_t
text_truncate(struct buf *out, const char *s, size_t len_bytes,
    size_t max_cols)
{
	struct text_clusters	tc;
	size_t			a = 0, b, w = 0, cw, cut = 0, cut_cols = 0;

	if (max_cols == 0)
		return 0;
	text_clusters_init(&tc, s, len_bytes);
	while (a < len_bytes) {
		b = text_clusters_next(&tc, a);
		cw = text_draw(NULL, tc.s, a, b, w);
		if (w + cw > max_cols)
			break;
		w += cw;
		if (w < max_cols) {
			/* Longest prefix that leaves a column for the ellipsis. */
			cut = b;
			cut_cols = w;
		}
		a = b;
	}
	if (a >= len_bytes)
		return text_draw_range(out, &tc, 0, len_bytes, 0);
	text_draw_range(out, &tc, 0, cut, 0);
	buf_addn(out, ' ', max_cols - 1 - cut_cols);
	buf_adds(out, TEXT_ELLIPSIS);
	return max_cols;
}

/* Start answering opportunity questions about s[0..len_bytes). */
static void
text_opps_init(struct text_opps *to, const char *s, size_t len_bytes)
{
	to->s = (const uint8_t *)s;
	to->len_bytes = len_bytes;
	to->state = 0;
	to->lo_bytes = 0;
	to->next_bytes = 0;
}

/* Turn an ICU boundary into an offset, UBRK_DONE into "none". */
static size_t
text_opps_pos(int32_t b)
{
	return b == UBRK_DONE || b < 0 ? TEXT_OPP_NONE : (size_t)b;
}

/* Whether a line may start at b_bytes (0 < b_bytes <= len_bytes). */
static int
text_opps_at(struct text_opps *to, size_t b_bytes)
{
	const uint8_t *s = to->s;

	if (to->state == 0)
		to->state = text_bi_set(&text_line_bi, &text_line_failed,
		    UBRK_LINE, TEXT_LINE_LOCALE, s, to->len_bytes) ? 1 : -1;
	if (to->state < 0) {
		/* Fallback: after a run of spaces only. */
		return b_bytes < to->len_bytes && s[b_bytes - 1] == ' ' &&
		    s[b_bytes] != ' ';
	}
	if (b_bytes <= to->lo_bytes || to->next_bytes == 0) {
		to->lo_bytes = b_bytes - 1;
		to->next_bytes = text_opps_pos(ubrk_following(text_line_bi,
		    (int32_t)to->lo_bytes));
	}
	while (to->next_bytes < b_bytes) {
		/* The iterator sits on next_bytes: keep walking forwards. */
		to->lo_bytes = to->next_bytes;
		to->next_bytes = text_opps_pos(ubrk_next(text_line_bi));
	}
	return to->next_bytes == b_bytes;
}

/* Line-break class of the first code point at off_bytes. */
static int
text_lb_at(const uint8_t *s, size_t len_bytes, size_t off_bytes)
{
	UChar32 c;

	U8_NEXT(s, off_bytes, len_bytes, c);
	if (c < 0)
		return U_LB_UNKNOWN;
	return u_getIntPropertyValue(c, UCHAR_LINE_BREAK);
}

/* Whether the cluster at off_bytes must not start a line (。、」）】・ー ぁ). */
static int
text_no_start(const uint8_t *s, size_t len_bytes, size_t off_bytes)
{
	switch (text_lb_at(s, len_bytes, off_bytes)) {
	case U_LB_CLOSE_PUNCTUATION:
	case U_LB_CLOSE_PARENTHESIS:
	case U_LB_NONSTARTER:
	case U_LB_CONDITIONAL_JAPANESE_STARTER:
	case U_LB_EXCLAMATION:
	case U_LB_INFIX_NUMERIC:
		return 1;
	default:
		return 0;
	}
}

/* Whether the cluster at off_bytes must not end a line (「（【). */
static int
text_no_end(const uint8_t *s, size_t len_bytes, size_t off_bytes)
{
	return text_lb_at(s, len_bytes, off_bytes) == U_LB_OPEN_PUNCTUATION;
}

/*
 * Where to cut a line starting at start_bytes whose cluster at pos_bytes does
 * not fit and which holds no break opportunity: step back over clusters so
 * the next line does not start with a closing mark nor this one end with an
 * opening one, as long as this line keeps a cluster; else cut at pos_bytes.
 */
static size_t
text_wrap_force(struct text_clusters *tc, size_t start_bytes,
    size_t pos_bytes)
{
	size_t cut = pos_bytes, prev;

	for (;;) {
		prev = text_clusters_prev(tc, cut);
		if (!text_no_start(tc->s, tc->len_bytes, cut) &&
		    !text_no_end(tc->s, tc->len_bytes, prev))
			return cut;
		if (prev <= start_bytes)
			return pos_bytes;
		cut = prev;
	}
}

/* Whether the cluster s[a..b) is blank: space, TAB or U+3000. */
static int
text_is_blank(const uint8_t *s, size_t a, size_t b)
{
	if (b - a == 1)
		return s[a] == ' ' || s[a] == '\t';
	return b - a == 3 && memcmp(s + a, TEXT_IDEO_SPACE, 3) == 0;
}

/* Start filling a line at start_bytes. */
static void
text_fill_start(struct text_fill *f, size_t start_bytes, size_t avail_cols,
    size_t origin_cols)
{
	f->start_bytes = start_bytes;
	f->avail_cols = avail_cols;
	f->origin_cols = origin_cols;
	f->col_cols = 0;
	f->ink_cols = 0;
	f->ink_end_bytes = start_bytes;
	f->brk_bytes = start_bytes;
	f->brk_cols = 0;
	f->brk_end_bytes = start_bytes;
}

/* Append a line to *v (n used, *cap allocated). */
static void
text_wrap_push(struct text_line **v, size_t *n, size_t *cap,
    size_t start_bytes, size_t end_bytes, size_t width_cols,
    size_t draw_end_bytes)
{
	struct text_line *l;

	if (*n == *cap) {
		*cap *= 2;
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	l = &(*v)[(*n)++];
	l->start_bytes = start_bytes;
	l->end_bytes = end_bytes;
	l->width_cols = width_cols;
	l->draw_end_bytes = draw_end_bytes;
}

/* Columns of the ink of s[from..to) drawn from origin; set *ink_end. */
static size_t
text_wrap_ink(struct text_clusters *tc, size_t from_bytes, size_t to_bytes,
    size_t origin_cols, size_t *ink_end_bytes)
{
	size_t a = from_bytes, b, col = 0, ink = 0;

	*ink_end_bytes = from_bytes;
	while (a < to_bytes) {
		b = text_clusters_next(tc, a);
		col += text_draw(NULL, tc->s, a, b, origin_cols + col);
		if (!text_is_blank(tc->s, a, b)) {
			ink = col;
			*ink_end_bytes = b;
		}
		a = b;
	}
	return ink;
}

/* Wrap s into lines of width_cols, later ones hang_cols narrower. */
size_t
text_wrap(const char *s0, size_t len_bytes, size_t width_cols,
    size_t hang_cols, struct text_line **lines)
{
	struct text_clusters	 tc;
	struct text_opps	 to;
	struct text_fill	 f;
	struct text_line	*v;
	const uint8_t		*s = (const uint8_t *)s0;
	size_t			 n = 0, cap = 8, pos = 0, b, w, cut, ink, end;
	size_t			 first_cols, next_cols;
	int			 tracking = 0, blank;

	first_cols = width_cols == 0 ? 1 : width_cols;
	next_cols = width_cols > hang_cols ? width_cols - hang_cols : 1;
	v = xreallocarray(NULL, cap, sizeof *v);
	text_clusters_init(&tc, s0, len_bytes);
	text_opps_init(&to, s0, len_bytes);
	text_fill_start(&f, 0, first_cols, 0);

	while (pos < len_bytes) {
		b = text_clusters_next(&tc, pos);
		if (s[b - 1] == '\n') {
			/* LF (or CR LF) ends its line and takes no column. */
			text_wrap_push(&v, &n, &cap, f.start_bytes, b,
			    f.ink_cols, f.ink_end_bytes);
			text_fill_start(&f, b, next_cols, hang_cols);
			pos = b;
			continue;
		}
		w = text_draw(NULL, s, pos, b, f.origin_cols + f.col_cols);
		blank = text_is_blank(s, pos, b);
		if (!blank && pos > f.start_bytes &&
		    f.col_cols + w > f.avail_cols) {
			if (!tracking) {
				/* First overflow: redo this line noting breaks. */
				tracking = 1;
				pos = f.start_bytes;
				text_fill_start(&f, pos, f.avail_cols,
				    f.origin_cols);
				continue;
			}
			if (f.brk_bytes > f.start_bytes) {
				cut = f.brk_bytes;
				ink = f.brk_cols;
				end = f.brk_end_bytes;
			} else {
				cut = text_wrap_force(&tc, f.start_bytes, pos);
				ink = text_wrap_ink(&tc, f.start_bytes, cut,
				    f.origin_cols, &end);
			}
			text_wrap_push(&v, &n, &cap, f.start_bytes, cut, ink,
			    end);
			text_fill_start(&f, cut, next_cols, hang_cols);
			pos = cut;
			continue;
		}
		f.col_cols += w;
		if (!blank) {
			f.ink_cols = f.col_cols;
			f.ink_end_bytes = b;
		}
		if (tracking && b < len_bytes && text_opps_at(&to, b)) {
			f.brk_bytes = b;
			f.brk_cols = f.ink_cols;
			f.brk_end_bytes = f.ink_end_bytes;
		}
		pos = b;
	}
	if (n == 0 || f.start_bytes < len_bytes)
		text_wrap_push(&v, &n, &cap, f.start_bytes, len_bytes,
		    f.ink_cols, f.ink_end_bytes);
	*lines = v;
	return n;
}

/* Close the cached ICU iterators; the next call reopens them. */
void
text_fini(void)
{
	if (text_char_bi != NULL)
		ubrk_close(text_char_bi);
	if (text_line_bi != NULL)
		ubrk_close(text_line_bi);
	text_char_bi = NULL;
	text_line_bi = NULL;
	text_char_failed = 0;
	text_line_failed = 0;
}
