/*
 * test_text: unit tests for model/text.c, the widths, clusters, visible form,
 * truncation and line wrapping everything on screen goes through.
 *
 * Widths depend on LC_CTYPE: main() sets C.UTF-8.  Every test frees what it
 * allocates and the teardown closes the cached ICU iterators, so ASan can
 * check leaks.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unicode/utf8.h>

#include "model/buf.h"
#include "model/text.h"
#include "model/xmalloc.h"

#define FAMILY	"\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d" \
		"\xf0\x9f\x91\xa7"		/* 👨 ZWJ 👩 ZWJ 👧 */
#define FAMILY_DRAWN	"\xf0\x9f\x91\xa8\xf0\x9f\x91\xa9\xf0\x9f\x91\xa7"
#define FLAG_JP	"\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5"	/* 🇯🇵 */
#define E_ACUTE	"e\xcc\x81"				/* e + U+0301 */
#define KA_DAK	"\xe3\x81\x8b\xe3\x82\x99"		/* か + U+3099 */
#define HW_GA	"\xef\xbd\xb6\xef\xbe\x9e"		/* ｶﾞ */

/* Mixed string used for truncation: 25 columns. */
#define MIXED	"日本語abc" HW_GA "①" E_ACUTE FAMILY FLAG_JP "です"
#define MIXED_COLS	25

/* Length of a string literal or NUL-terminated string. */
#define L(s)	strlen(s)

/* Render s from start_cols into a fresh string; set *cols. */
static char *
render(const char *s, size_t len, size_t start_cols, size_t *cols)
{
	struct buf b;

	buf_init(&b);
	*cols = text_render(&b, s, len, start_cols);
	return buf_detach(&b);
}

/* Assert the rendering of s (from start_cols) is want, cols columns wide. */
static void
assert_render(const char *s, size_t len, size_t start_cols, const char *want,
    size_t want_cols)
{
	size_t	 cols;
	char	*got = render(s, len, start_cols, &cols);

	assert_string_equal(got, want);
	assert_int_equal(cols, want_cols);
	assert_int_equal(text_width_cols(s, len, start_cols), want_cols);
	free(got);
}

/*
 * Assert out[0..len) is safe for a terminal: valid UTF-8, no C0, DEL, C1 or
 * bidi control, no ZWJ or variation selector.
 */
static void
assert_safe(const char *out, size_t len)
{
	const uint8_t	*u = (const uint8_t *)out;
	size_t		 i = 0;
	UChar32		 c;

	while (i < len) {
		U8_NEXT(u, i, len, c);
		assert_true(c >= 0x20);
		assert_true(c != 0x7f);
		assert_false(c >= 0x80 && c < 0xa0);
		assert_false(c == 0x061c || c == 0x200e || c == 0x200f);
		assert_false(c >= 0x202a && c <= 0x202e);
		assert_false(c >= 0x2066 && c <= 0x2069);
		assert_false(c == 0x200d || c == 0xfe0e || c == 0xfe0f);
	}
}

/* Fill bounds with the cluster boundaries of s found by text_cluster_next. */
static size_t
boundaries(const char *s, size_t len, size_t *bounds, size_t max)
{
	size_t n = 0, off = 0;

	bounds[n++] = 0;
	while (off < len) {
		off = text_cluster_next(s, len, off);
		assert_true(n < max);
		bounds[n++] = off;
	}
	return n;
}

/* Number of clusters in s. */
static size_t
clusters(const char *s)
{
	size_t bounds[256];

	return boundaries(s, L(s), bounds, 256) - 1;
}

/* Columns each line may take. */
static size_t
avail_cols(size_t i, size_t width, size_t hang)
{
	if (i == 0)
		return width == 0 ? 1 : width;
	return width > hang ? width - hang : 1;
}

/* Whether s[a..b) is a blank (space, TAB, U+3000) or a line end. */
static int
is_trailer(const char *s, size_t a, size_t b)
{
	if (b - a == 1)
		return s[a] == ' ' || s[a] == '\t' || s[a] == '\n';
	if (b - a == 2)
		return s[a] == '\r' && s[a + 1] == '\n';
	return b - a == 3 && memcmp(s + a, "\xe3\x80\x80", 3) == 0;
}

/*
 * Wrap s and check what every wrap must hold: lines partition s, none is
 * empty (unless s is), draw_end and width_cols agree with text_width_cols,
 * only blanks and LF trail, and a line wider than its room is one cluster.
 * Return the number of lines; *out gets them (caller frees).
 */
static size_t
wrap_checked(const char *s, size_t len, size_t width, size_t hang,
    struct text_line **out)
{
	struct text_line	*v;
	size_t			 n, i, a, b, origin;

	n = text_wrap(s, len, width, hang, &v);
	assert_true(n >= 1);
	assert_int_equal(v[0].start_bytes, 0);
	assert_int_equal(v[n - 1].end_bytes, len);
	for (i = 0; i < n; i++) {
		struct text_line *l = &v[i];

		if (i > 0)
			assert_int_equal(l->start_bytes, v[i - 1].end_bytes);
		if (len > 0)
			assert_true(l->end_bytes > l->start_bytes);
		assert_true(l->draw_end_bytes >= l->start_bytes);
		assert_true(l->draw_end_bytes <= l->end_bytes);
		/* Lines start and end on cluster boundaries. */
		if (l->start_bytes > 0)
			assert_int_equal(text_cluster_next(s, len,
			    text_cluster_prev(s, len, l->start_bytes)),
			    l->start_bytes);
		origin = i == 0 ? 0 : hang;
		assert_int_equal(l->width_cols, text_width_cols(s +
		    l->start_bytes, l->draw_end_bytes - l->start_bytes,
		    origin));
		/* What is not drawn is blanks and the LF. */
		for (a = l->draw_end_bytes; a < l->end_bytes; a = b) {
			b = text_cluster_next(s, len, a);
			assert_true(is_trailer(s, a, b));
		}
		/* The last drawn cluster is not blank. */
		if (l->draw_end_bytes > l->start_bytes) {
			a = text_cluster_prev(s, len, l->draw_end_bytes);
			assert_false(is_trailer(s, a, l->draw_end_bytes));
		}
		/* Too wide only when it holds one cluster. */
		if (l->width_cols > avail_cols(i, width, hang))
			assert_int_equal(text_cluster_next(s, len,
			    l->start_bytes), l->draw_end_bytes);
	}
	/* Joining the lines gives the text back. */
	{
		struct buf joined;

		buf_init(&joined);
		for (i = 0; i < n; i++)
			buf_add(&joined, s + v[i].start_bytes,
			    v[i].end_bytes - v[i].start_bytes);
		assert_int_equal(joined.len, len);
		if (len > 0)
			assert_memory_equal(joined.data, s, len);
		buf_fini(&joined);
	}
	*out = v;
	return n;
}

/* Wrap, check, free; return the number of lines. */
static size_t
wrap_count(const char *s, size_t len, size_t width, size_t hang)
{
	struct text_line	*v;
	size_t			 n = wrap_checked(s, len, width, hang, &v);

	free(v);
	return n;
}

/* Whether the code point at s starts one of the listed strings. */
static int
starts_with_any(const char *s, const char *const *set, size_t nset)
{
	size_t i;

	for (i = 0; i < nset; i++)
		if (strncmp(s, set[i], L(set[i])) == 0)
			return 1;
	return 0;
}

/* Teardown: close the cached iterators so ASan sees no leak. */
static int
teardown(void **state)
{
	(void)state;
	text_fini();
	return 0;
}

/* Widths of full- and half-width text, marks, emoji and ambiguous signs. */
static void
test_width_basic(void **state)
{
	(void)state;
	assert_int_equal(text_width_cols("", 0, 0), 0);
	assert_int_equal(text_width_cols("abc", 3, 0), 3);
	assert_int_equal(text_width_cols("日本語", L("日本語"), 0), 6);
	assert_int_equal(text_width_cols("aあb", L("aあb"), 0), 4);
	assert_int_equal(text_width_cols("ＡＢＣ１", L("ＡＢＣ１"), 0), 8);
	assert_int_equal(text_width_cols("【」・ー、。", L("【」・ー、。"), 0),
	    12);
	assert_int_equal(text_width_cols(HW_GA, L(HW_GA), 0), 2);
	assert_int_equal(text_width_cols("ｻｲﾊﾞｰ", L("ｻｲﾊﾞｰ"), 0), 5);
	assert_int_equal(text_width_cols(E_ACUTE, L(E_ACUTE), 0), 1);
	assert_int_equal(text_width_cols(KA_DAK, L(KA_DAK), 0), 2);
	assert_int_equal(text_width_cols(FAMILY, L(FAMILY), 0), 6);
	assert_int_equal(text_width_cols(FLAG_JP, L(FLAG_JP), 0), 2);
	assert_int_equal(text_width_cols("※", L("※"), 0), 1);
	assert_int_equal(text_width_cols("①", L("①"), 0), 1);
	assert_int_equal(text_width_cols("○●■→…─│┌", L("○●■→…─│┌"), 0), 8);
	assert_int_equal(text_width_cols(MIXED, L(MIXED), 0), MIXED_COLS);
	/* start_cols moves tab stops only. */
	assert_int_equal(text_width_cols("日本", L("日本"), 5), 4);
	/* Length is honoured: a NUL inside counts, bytes after len do not. */
	assert_int_equal(text_width_cols("ab\0cd", 5, 0), 6);
	assert_int_equal(text_width_cols("abcdef", 2, 0), 2);
}

/* Clusters: marks, ZWJ sequences and flags hold together. */
static void
test_cluster_count(void **state)
{
	(void)state;
	assert_int_equal(clusters(""), 0);
	assert_int_equal(clusters(E_ACUTE), 1);
	assert_int_equal(clusters(KA_DAK), 1);
	assert_int_equal(clusters(FAMILY), 1);
	assert_int_equal(clusters(FLAG_JP), 1);
	assert_int_equal(clusters(FLAG_JP FLAG_JP), 2);
	assert_int_equal(clusters("\r\n"), 1);
	assert_int_equal(clusters("日本語"), 3);
	assert_int_equal(clusters(HW_GA), 1);
	assert_int_equal(clusters("\xff\xfe"), 2);
}

/* text_cluster_next and text_cluster_prev agree, in and between clusters. */
static void
test_cluster_next_prev(void **state)
{
	static const char s[] = "a" E_ACUTE KA_DAK FAMILY FLAG_JP "\r\nx\xff日";
	static const size_t want[] = { 0, 1, 4, 10, 28, 36, 38, 39, 40, 43 };
	size_t	len = sizeof s - 1, nwant = sizeof want / sizeof want[0];
	size_t	got[64], n, i, off;

	(void)state;
	assert_int_equal(len, 43);
	n = boundaries(s, len, got, 64);
	assert_int_equal(n, nwant);
	for (i = 0; i < n; i++)
		assert_int_equal(got[i], want[i]);
	/* Backwards gives the same boundaries. */
	for (i = 1; i < n; i++)
		assert_int_equal(text_cluster_prev(s, len, want[i]),
		    want[i - 1]);
	/* From inside a cluster: the boundaries around it. */
	for (i = 1; i < n; i++)
		for (off = want[i - 1] + 1; off < want[i]; off++) {
			assert_int_equal(text_cluster_next(s, len, off),
			    want[i]);
			assert_int_equal(text_cluster_prev(s, len, off),
			    want[i - 1]);
		}
	/* Ends. */
	assert_int_equal(text_cluster_next(s, len, len), len);
	assert_int_equal(text_cluster_next(s, len, len + 5), len);
	assert_int_equal(text_cluster_prev(s, len, 0), 0);
	assert_int_equal(text_cluster_prev(s, len, len + 5), 40);
	assert_int_equal(text_cluster_next("", 0, 0), 0);
	assert_int_equal(text_cluster_prev("", 0, 0), 0);
	/* ASCII, CR LF in the middle. */
	assert_int_equal(text_cluster_next("ab\r\ncd", 6, 2), 4);
	assert_int_equal(text_cluster_prev("ab\r\ncd", 6, 4), 2);
	assert_int_equal(text_cluster_prev("ab\r\ncd", 6, 3), 2);
	assert_int_equal(text_cluster_prev("ab\r\ncd", 6, 5), 4);
	/* A mark after ASCII joins it, both ways. */
	assert_int_equal(text_cluster_next("xe\xcc\x81y", 5, 1), 4);
	assert_int_equal(text_cluster_prev("xe\xcc\x81y", 5, 4), 1);
}

/* The visible form: emoji without ZWJ, marks kept, ignorables dropped. */
static void
test_render_printable(void **state)
{
	(void)state;
	assert_render("", 0, 0, "", 0);
	assert_render("abc", 3, 0, "abc", 3);
	assert_render("日本語", L("日本語"), 0, "日本語", 6);
	assert_render(FAMILY, L(FAMILY), 0, FAMILY_DRAWN, 6);
	assert_render(FLAG_JP, L(FLAG_JP), 0, FLAG_JP, 2);
	/* ❤️ (U+2764 U+FE0F) shows as text-style ❤, 1 column. */
	assert_render("\xe2\x9d\xa4\xef\xb8\x8f", 6, 0, "\xe2\x9d\xa4", 1);
	assert_render(E_ACUTE, L(E_ACUTE), 0, E_ACUTE, 1);
	assert_render(KA_DAK, L(KA_DAK), 0, KA_DAK, 2);
	assert_render(HW_GA, L(HW_GA), 0, HW_GA, 2);
	assert_render("※①○", L("※①○"), 0, "※①○", 3);
	/* ZWSP and soft hyphen are not drawn. */
	assert_render("a\xe2\x80\x8b" "b\xc2\xad" "c", 8, 0, "abc", 3);
	/* A mark with no base is drawn on a space. */
	assert_render("\xcc\x81", 2, 0, " \xcc\x81", 1);
	assert_render("\t\xcc\x81", 3, 0, "         \xcc\x81", 9);
	/* Private use is drawn; unassigned and U+2028 are named. */
	assert_render("\xee\x80\x80", 3, 0, "\xee\x80\x80", 1);
	assert_render("\xcd\xb8", 2, 0, "<U+0378>", 8);
	assert_render("\xe2\x80\xa8", 3, 0, "<U+2028>", 8);
	assert_render("\xef\xbf\xbe", 3, 0, "<U+FFFE>", 8);
	assert_render("\xf4\x8f\xbf\xbf", 4, 0, "<U+10FFFF>", 10);
	/* Appending keeps what the buffer held. */
	{
		struct buf b;

		buf_init(&b);
		buf_adds(&b, "> ");
		assert_int_equal(text_render(&b, "あ", 3, 2), 2);
		assert_string_equal(b.data, "> あ");
		buf_fini(&b);
	}
}

/* Controls, escapes, C1, bidi and invalid bytes become visible notations. */
static void
test_render_controls(void **state)
{
	(void)state;
	assert_render("\x1b[31mred\x1b[0m", 12, 0, "^[[31mred^[[0m", 14);
	assert_render("a\0b", 3, 0, "a^@b", 4);
	assert_render("\x7f", 1, 0, "^?", 2);
	assert_render("\x01\x1f", 2, 0, "^A^_", 4);
	assert_render("\r", 1, 0, "^M", 2);
	assert_render("a\r\nb", 4, 0, "a^M b", 5);
	assert_render("\xc2\x9b" "2J", 4, 0, "<U+009B>2J", 10);
	assert_render("\xc2\x85", 2, 0, "<U+0085>", 8);
	assert_render("a\xe2\x80\xae" "b", 5, 0, "a<U+202E>b", 10);
	assert_render("\xe2\x81\xa6\xd8\x9c\xe2\x80\x8f", 8, 0,
	    "<U+2066><U+061C><U+200F>", 24);
	assert_render("\xff", 1, 0, "<FF>", 4);
	assert_render("\xe3\x81", 2, 0, "<E3><81>", 8);
	assert_render("\xe3\x81" "a", 3, 0, "<E3><81>a", 9);
	assert_render("\xc0\xaf", 2, 0, "<C0><AF>", 8);
	assert_render("\xed\xa0\x80", 3, 0, "<ED><A0><80>", 12);
	assert_render("\x80" "x", 2, 0, "<80>x", 5);
}

/* TAB stops from start_cols; LF is a space outside wrapping. */
static void
test_render_tab_lf(void **state)
{
	(void)state;
	assert_render("a\tb", 3, 0, "a       b", 9);
	assert_render("a\tb", 3, 3, "a    b", 6);
	assert_render("\t", 1, 8, "        ", 8);
	assert_render("\t", 1, 7, " ", 1);
	assert_render("あいう\tx", L("あいう\tx"), 0, "あいう  x", 9);
	assert_render("\t\t", 2, 0, "                ", 16);
	assert_render("a\nb", 3, 0, "a b", 3);
	assert_render("\n", 1, 0, " ", 1);
}

/* Tiny deterministic generator for the sweeps. */
static uint32_t
rnd(uint32_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 17;
	*x ^= *x << 5;
	return *x;
}

/* Assert everything rendered from s is safe and measured consistently. */
static void
assert_safe_render(const char *s, size_t len)
{
	struct buf	b, again;
	size_t		cols, cols2, start;

	for (start = 0; start < 9; start += 3) {
		buf_init(&b);
		cols = text_render(&b, s, len, start);
		assert_int_equal(cols, text_width_cols(s, len, start));
		assert_safe(b.data == NULL ? "" : b.data, b.len);
		/* The visible form is its own visible form. */
		buf_init(&again);
		cols2 = text_render(&again, b.data == NULL ? "" : b.data,
		    b.len, start);
		assert_int_equal(cols2, cols);
		assert_int_equal(again.len, b.len);
		if (b.len > 0)
			assert_memory_equal(again.data, b.data, b.len);
		buf_fini(&again);
		buf_fini(&b);
	}
}

/* Every byte, every byte pair, and random mixes render safely. */
static void
test_render_safe_sweep(void **state)
{
	static const char *const pieces[] = {
		"\x1b", "[", "31m", "\x1b]0;title\x07", "\xc2\x9b", "\xc2\x9d",
		"\xe2\x80\xae", "\xe2\x80\xad", "\xe2\x81\xa7", "\xd8\x9c",
		"\xff", "\xe3\x81", "\xf0\x9f", "\x80", "\xcc\x81", "\xe3\x82\x99",
		"\xe2\x80\x8d", "\xef\xb8\x8f", "\xef\xb8\x8e", "あ", "。", "a",
		" ", "\t", "\n", "\r", "\x7f", "\0", FAMILY, FLAG_JP, HW_GA,
		"①", "\xcd\xb8", "\xe2\x80\xa8", "\xf3\xa0\x80\x81",
	};
	size_t		npieces = sizeof pieces / sizeof pieces[0];
	char		s[256];
	size_t		len, k, m;
	unsigned	i, j;
	uint32_t	x = 12345;

	(void)state;
	for (i = 0; i < 256; i++) {
		s[0] = (char)i;
		assert_safe_render(s, 1);
		for (j = 0; j < 256; j += 1) {
			s[1] = (char)j;
			assert_safe_render(s, 2);
		}
	}
	for (k = 0; k < 3000; k++) {
		len = 0;
		for (m = rnd(&x) % 12; m > 0; m--) {
			const char *p = pieces[rnd(&x) % npieces];
			size_t plen = *p == '\0' ? 1 : L(p);

			memcpy(s + len, p, plen);
			len += plen;
		}
		assert_safe_render(s, len);
	}
}

/* Assert truncating s to max_cols gives want, want_cols wide. */
static void
assert_truncate(const char *s, size_t max_cols, const char *want,
    size_t want_cols)
{
	struct buf b;

	buf_init(&b);
	assert_int_equal(text_truncate(&b, s, L(s), max_cols), want_cols);
	assert_string_equal(b.data == NULL ? "" : b.data, want);
	buf_fini(&b);
}

/* Truncation: ellipsis, straddling wide characters, zero width. */
static void
test_truncate_cases(void **state)
{
	(void)state;
	assert_truncate("", 0, "", 0);
	assert_truncate("", 5, "", 0);
	assert_truncate("abc", 0, "", 0);
	assert_truncate("abc", 3, "abc", 3);
	assert_truncate("abcd", 3, "ab…", 3);
	assert_truncate("abcd", 1, "…", 1);
	assert_truncate("あいう", 6, "あいう", 6);
	assert_truncate("あいう", 5, "あい…", 5);
	assert_truncate("あいう", 4, "あ …", 4);
	assert_truncate("あいう", 2, " …", 2);
	assert_truncate("あいう", 1, "…", 1);
	assert_truncate("e\xcc\x81" "e\xcc\x81" "e", 2, "e\xcc\x81…", 2);
	assert_truncate("\x1b[0m", 3, "^[…", 3);
	assert_truncate("a\tb", 4, "a  …", 4);
	assert_truncate(FAMILY "x", 4, "   …", 4);
}

/* Truncation of a mixed string at every width: greedy, whole clusters. */
static void
test_truncate_sweep(void **state)
{
	const char	*s = MIXED;
	size_t		 len = L(MIXED), bounds[64], nb, max, k, w, got;
	struct buf	 b, want;

	(void)state;
	nb = boundaries(s, len, bounds, 64);
	for (max = 0; max <= 30; max++) {
		buf_init(&b);
		buf_adds(&b, "|");
		got = text_truncate(&b, s, len, max);
		assert_true(got <= max);
		assert_int_equal(text_width_cols(b.data + 1, b.len - 1, 0), got);
		assert_safe(b.data, b.len);
		if (max == 0) {
			assert_int_equal(got, 0);
			assert_string_equal(b.data, "|");
		} else if (max >= MIXED_COLS) {
			assert_int_equal(got, MIXED_COLS);
			assert_int_equal(text_width_cols(b.data + 1, b.len - 1,
			    0), MIXED_COLS);
		} else {
			/* Cut: exactly max columns, ending in the ellipsis. */
			assert_int_equal(got, max);
			assert_true(b.len >= 4);
			assert_string_equal(b.data + b.len - 3, "…");
			/* The longest whole-cluster prefix, padded. */
			for (k = nb - 1; k > 0; k--)
				if (text_width_cols(s, bounds[k], 0) <= max - 1)
					break;
			buf_init(&want);
			buf_adds(&want, "|");
			w = text_render(&want, s, bounds[k], 0);
			buf_addn(&want, ' ', max - 1 - w);
			buf_adds(&want, "…");
			assert_string_equal(b.data, want.data);
			buf_fini(&want);
		}
		buf_fini(&b);
	}
}

/* A long unbroken run wraps at every narrow width, hang or not. */
static void
test_wrap_long_run(void **state)
{
	struct buf	 jp, latin, kata, mix;
	size_t		 width, n, i;
	struct text_line *v;

	(void)state;
	buf_init(&jp);
	buf_init(&latin);
	buf_init(&kata);
	buf_init(&mix);
	for (i = 0; i < 300; i++) {
		buf_adds(&jp, "あ");
		buf_addc(&latin, "abcdefghij"[i % 10]);
		buf_adds(&kata, i % 3 == 2 ? "ー" : "カ");
		buf_adds(&mix, i % 2 ? "x" : "語");
	}
	for (width = 1; width <= 12; width++) {
		/* あ: one per line at width 1 (too wide, alone), else fill. */
		n = wrap_checked(jp.data, jp.len, width, 0, &v);
		if (width < 2)
			assert_int_equal(n, 300);
		else
			assert_int_equal(n, (300 + width / 2 - 1) / (width / 2));
		for (i = 0; i + 1 < n; i++)
			assert_int_equal(v[i].width_cols, width < 2 ? 2 :
			    width / 2 * 2);
		free(v);
		/* Latin: one word, cut at clusters, every line full. */
		n = wrap_checked(latin.data, latin.len, width, 0, &v);
		assert_int_equal(n, (300 + width - 1) / width);
		for (i = 0; i + 1 < n; i++)
			assert_int_equal(v[i].width_cols, width);
		free(v);
		wrap_count(kata.data, kata.len, width, 0);
		wrap_count(mix.data, mix.len, width, 0);
		wrap_count(jp.data, jp.len, width, 2);
		wrap_count(latin.data, latin.len, width, 3);
		wrap_count(kata.data, kata.len, width, width);
		wrap_count(mix.data, mix.len, width + 5, width);
	}
	/* Width 0 is treated as 1. */
	assert_int_equal(wrap_count(latin.data, latin.len, 0, 0), 300);
	buf_fini(&jp);
	buf_fini(&latin);
	buf_fini(&kata);
	buf_fini(&mix);
}

/* Closing marks never start a line, opening ones never end one. */
static void
test_wrap_kinsoku(void **state)
{
	static const char base[] = "あいうえおかきくけこさしすせそたちつてと";
	static const char *const no_start[] = {
		"。", "、", "」", "）", "】", "・", "ー", "ゃ", "っ", "ァ",
		"！", "？", "』", "〕", "．", "，",
	};
	static const char *const no_end[] = { "「", "（", "【", "『", "〔" };
	size_t	nbase = 20, nns = sizeof no_start / sizeof no_start[0];
	size_t	nne = sizeof no_end / sizeof no_end[0];
	size_t	p, k, width, hang, n, i, a;
	char	s[256];
	struct text_line *v;

	(void)state;
	for (k = 0; k < nns; k++)
		for (p = 1; p <= nbase; p++) {
			memcpy(s, base, p * 3);
			strcpy(s + p * 3, no_start[k]);
			strcat(s, base + p * 3);
			for (hang = 0; hang <= 2; hang += 2)
				for (width = 4 + hang; width <= 16; width++) {
					n = wrap_checked(s, L(s), width, hang,
					    &v);
					for (i = 1; i < n; i++)
						assert_false(starts_with_any(
						    s + v[i].start_bytes,
						    no_start, nns));
					free(v);
				}
		}
	for (k = 0; k < nne; k++)
		for (p = 0; p < nbase; p++) {
			memcpy(s, base, p * 3);
			strcpy(s + p * 3, no_end[k]);
			strcat(s, base + p * 3);
			for (width = 4; width <= 16; width++) {
				n = wrap_checked(s, L(s), width, 0, &v);
				for (i = 0; i + 1 < n; i++) {
					a = text_cluster_prev(s, L(s),
					    v[i].draw_end_bytes);
					assert_false(starts_with_any(s + a,
					    no_end, nne));
				}
				free(v);
			}
		}
}

/* Assert the lines of s wrapped at width/hang are exactly want[]. */
static void
assert_lines(const char *s, size_t width, size_t hang,
    const char *const *want, size_t nwant)
{
	struct text_line	*v;
	size_t			 n, i;

	n = wrap_checked(s, L(s), width, hang, &v);
	assert_int_equal(n, nwant);
	for (i = 0; i < n; i++) {
		assert_int_equal(v[i].end_bytes - v[i].start_bytes,
		    L(want[i]));
		assert_memory_equal(s + v[i].start_bytes, want[i],
		    L(want[i]));
	}
	free(v);
}

/* Forced breaks inside runs with no opportunity step back when they can. */
static void
test_wrap_forced(void **state)
{
	static const char *const dot[] = { "abcdefghi", "j.klmnop" };
	static const char *const quote[] = { "「ああ", "ああ」" };
	static const char *const tight[] = { "「あ", "」" };
	static const char *const paren[] = { "abcdefgh", "(ijklmnop" };

	(void)state;
	assert_lines("abcdefghij.klmnop", 10, 0, dot, 2);
	assert_lines("「ああああ」", 6, 0, quote, 2);
	/* Unavoidable: 「あ」 needs 6 columns. */
	assert_lines("「あ」", 4, 0, tight, 2);
	/* "(" may not end the line: it moves down with the word. */
	assert_lines("abcdefgh(ijklmnop", 9, 0, paren, 2);
	/* A run of closing marks only: cut where the width ends. */
	assert_int_equal(wrap_count("。。。。。。。。。。", 30, 4, 0), 5);
}

/* Latin words stay whole where they fit; spaces trail. */
static void
test_wrap_latin(void **state)
{
	static const char s[] =
	    "The quick brown fox jumps over the lazy dog again";
	static const char *const hw5[] = { "hello ", "world" };
	static const char *const hw11[] = { "hello world" };
	static const char *const spaces[] = { "hello   " };
	static const char *const mixed[] = {
		"日本語の", "textを含む", "sentenceで", "す",
	};
	struct text_line	*v;
	size_t			 width, n, i, e;

	(void)state;
	for (width = 5; width <= 30; width++) {
		n = wrap_checked(s, L(s), width, 0, &v);
		for (i = 1; i < n; i++) {
			assert_int_equal(s[v[i].start_bytes - 1], ' ');
			assert_true(v[i].start_bytes == 0 ||
			    s[v[i].start_bytes] != ' ');
			/* Greedy: the next word did not fit. */
			for (e = v[i].start_bytes; s[e] != ' ' && s[e]; e++)
				;
			assert_true(v[i - 1].width_cols + 1 +
			    (e - v[i].start_bytes) > width);
			assert_true(v[i - 1].width_cols <= width);
		}
		free(v);
	}
	assert_lines("hello world", 5, 0, hw5, 2);
	assert_lines("hello world", 8, 0, hw5, 2);
	assert_lines("hello world", 11, 0, hw11, 1);
	assert_lines("hello   ", 5, 0, spaces, 1);
	n = wrap_checked("hello world", 11, 5, 0, &v);
	assert_int_equal(v[0].width_cols, 5);
	assert_int_equal(v[0].draw_end_bytes, 5);
	free(v);
	assert_lines("日本語のtextを含むsentenceです", 10, 0, mixed, 4);
}

/* Hanging indent narrows every line after the first. */
static void
test_wrap_hang(void **state)
{
	struct buf		 b;
	struct text_line	*v;
	size_t			 n, i;

	(void)state;
	buf_init(&b);
	for (i = 0; i < 6; i++)
		buf_adds(&b, "サイバーセキュリティ戦略は、国民の安全を守る。");
	n = wrap_checked(b.data, b.len, 20, 4, &v);
	assert_true(n > 2);
	assert_true(v[0].width_cols >= 18 && v[0].width_cols <= 20);
	for (i = 1; i < n; i++)
		assert_true(v[i].width_cols <= 16);
	for (i = 1; i + 1 < n; i++)
		assert_true(v[i].width_cols >= 12);
	free(v);
	/* width <= hang: continuation lines hold one cluster each. */
	n = wrap_checked("あいうえお", 15, 4, 6, &v);
	assert_int_equal(n, 4);
	assert_int_equal(v[0].end_bytes, 6);
	for (i = 1; i < n; i++)
		assert_int_equal(v[i].end_bytes - v[i].start_bytes, 3);
	free(v);
	buf_fini(&b);
}

/* LF ends its line; a final LF adds no line; empty text is one line. */
static void
test_wrap_lf(void **state)
{
	static const char *const four[] = { "abc\n", "def\n", "\n", "ghi\n" };
	static const char *const crlf[] = { "a\r\n", "b" };
	static const char *const longer[] = { "aaaa ", "aaaa\n", "bb" };
	static const char *const one_lf[] = { "\n" };
	struct text_line	*v;
	size_t			 n;

	(void)state;
	assert_lines("abc\ndef\n\nghi\n", 80, 0, four, 4);
	assert_lines("a\r\nb", 80, 0, crlf, 2);
	assert_lines("aaaa aaaa\nbb", 4, 0, longer, 3);
	assert_lines("\n", 80, 0, one_lf, 1);
	n = wrap_checked("abc  \nd", 7, 80, 0, &v);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].width_cols, 3);
	assert_int_equal(v[0].draw_end_bytes, 3);
	assert_int_equal(v[1].width_cols, 1);
	free(v);
	n = wrap_checked("", 0, 10, 0, &v);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].start_bytes, 0);
	assert_int_equal(v[0].end_bytes, 0);
	assert_int_equal(v[0].width_cols, 0);
	assert_int_equal(v[0].draw_end_bytes, 0);
	free(v);
}

/* Tabs and ideographic spaces in wrapped text. */
static void
test_wrap_blanks(void **state)
{
	static const char *const ideo[] = { "あいう　", "えお" };
	static const char *const tab[] = { "aaaaaaaa ", "bbbb\tc" };
	struct text_line	*v;
	size_t			 n;

	(void)state;
	n = wrap_checked("a\tb", 3, 20, 0, &v);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].width_cols, 9);
	free(v);
	assert_lines("あいう　えお", 6, 0, ideo, 2);
	/* Continuation tabs count from hang_cols: bbbb at 2..6, tab to 8, c. */
	assert_lines("aaaaaaaa bbbb\tc", 10, 2, tab, 2);
	n = wrap_checked("aaaaaaaa bbbb\tc", 15, 10, 2, &v);
	assert_int_equal(v[1].width_cols, 7);
	free(v);
	/* A tab never pushes a line over: it trails. */
	n = wrap_checked("ab\tcd", 5, 4, 0, &v);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].width_cols, 2);
	assert_int_equal(v[0].end_bytes, 3);
	free(v);
	/* Leading indentation counts. */
	n = wrap_checked("　　あ", 9, 10, 0, &v);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].width_cols, 6);
	free(v);
}

/* Notations and controls wrap like any cluster. */
static void
test_wrap_controls(void **state)
{
	static const char s[] = "a\x1b[1mb\xe2\x80\xae" "c\xff" "d" FAMILY "e";
	size_t width;

	(void)state;
	for (width = 1; width <= 20; width++) {
		wrap_count(s, sizeof s - 1, width, 0);
		wrap_count(s, sizeof s - 1, width, 1);
	}
	assert_int_equal(wrap_count(s, sizeof s - 1, 80, 0), 1);
}

/* Big inputs: wrapping and walking 1 MB, timed for the log. */
static void
test_big(void **state)
{
	struct buf		 b;
	struct text_line	*v;
	size_t			 n, i, off, count;
	clock_t			 t0;
	double			 secs;

	(void)state;
	buf_init(&b);
	while (b.len < (1 << 20))
		buf_adds(&b, "本戦略は、サイバー空間（Cyberspace）の安全を"
		    "確保し、「自由、公正かつ安全」を実現する。");
	t0 = clock();
	n = text_wrap(b.data, b.len, 80, 4, &v);
	for (i = 1; i < n; i++)
		assert_int_equal(v[i].start_bytes, v[i - 1].end_bytes);
	free(v);
	for (off = 0, count = 0; off < b.len; count++)
		off = text_cluster_next(b.data, b.len, off);
	assert_true(count > 300000);
	for (off = b.len; off > 0; count--)
		off = text_cluster_prev(b.data, b.len, off);
	assert_int_equal(count, 0);
	buf_clear(&b);
	/* One unbroken run: forced breaks all the way. */
	while (b.len < (1 << 20))
		buf_adds(&b, "abcdefghijklmnopqrstuvwxyz0123456789");
	n = text_wrap(b.data, b.len, 3, 0, &v);
	assert_int_equal(n, (b.len + 2) / 3);
	free(v);
	buf_clear(&b);
	/* Closing marks only: every cut steps back in vain. */
	while (b.len < (1 << 18))
		buf_adds(&b, "。");
	n = text_wrap(b.data, b.len, 10, 0, &v);
	assert_int_equal(n, (b.len / 3 + 4) / 5);
	free(v);
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	/* No bound asserted (valgrind is 20x slower); quadratic would be hours. */
	print_message("big inputs: %.2f s\n", secs);
	buf_fini(&b);
}

/* text_fini can be called at any time; the layer reopens what it needs. */
static void
test_fini_reopen(void **state)
{
	(void)state;
	text_fini();
	text_fini();
	assert_int_equal(text_width_cols(FAMILY, L(FAMILY), 0), 6);
	text_fini();
	assert_int_equal(wrap_count("あいうえお", 15, 4, 0), 3);
	assert_int_equal(clusters(E_ACUTE KA_DAK), 2);
}

/* Run every test in the C.UTF-8 locale. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_width_basic, teardown),
		cmocka_unit_test_teardown(test_cluster_count, teardown),
		cmocka_unit_test_teardown(test_cluster_next_prev, teardown),
		cmocka_unit_test_teardown(test_render_printable, teardown),
		cmocka_unit_test_teardown(test_render_controls, teardown),
		cmocka_unit_test_teardown(test_render_tab_lf, teardown),
		cmocka_unit_test_teardown(test_render_safe_sweep, teardown),
		cmocka_unit_test_teardown(test_truncate_cases, teardown),
		cmocka_unit_test_teardown(test_truncate_sweep, teardown),
		cmocka_unit_test_teardown(test_wrap_long_run, teardown),
		cmocka_unit_test_teardown(test_wrap_kinsoku, teardown),
		cmocka_unit_test_teardown(test_wrap_forced, teardown),
		cmocka_unit_test_teardown(test_wrap_latin, teardown),
		cmocka_unit_test_teardown(test_wrap_hang, teardown),
		cmocka_unit_test_teardown(test_wrap_lf, teardown),
		cmocka_unit_test_teardown(test_wrap_blanks, teardown),
		cmocka_unit_test_teardown(test_wrap_controls, teardown),
		cmocka_unit_test_teardown(test_big, teardown),
		cmocka_unit_test_teardown(test_fini_reopen, teardown),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		fprintf(stderr, "test_text: no C.UTF-8 locale\n");
		return 1;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
