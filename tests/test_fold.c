/*
 * test_fold: folding for search (width, case, kana, compatibility forms,
 * combining marks, ill-formed input) and the map from folded offsets back
 * to whole characters of the original, checked case by case and by a sweep
 * over every range of a mixed text.
 */
#define _GNU_SOURCE	1	/* memmem */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "model/fold.h"

#include <unicode/unorm2.h>

#define KA_DAK	"\xe3\x81\x8b\xe3\x82\x99"	/* か + U+3099 */
#define HA_DAK	"\xe3\x83\x8f\xe3\x82\x99"	/* ハ + U+3099 */
#define E_ACUTE	"e\xcc\x81"			/* e + U+0301 */
#define ZWSP	"\xe2\x80\x8b"			/* U+200B, folds to nothing */
#define FFFD	"\xef\xbf\xbd"

/* Fold s and return a copy of the folded text (caller frees). */
static char *
folded(const char *s)
{
	struct fold f;
	char *copy;

	assert_int_equal(fold_text(&f, s, strlen(s)), 0);
	assert_non_null(f.text);
	assert_int_equal(strlen(f.text), f.len_bytes);
	copy = strdup(f.text);
	fold_fini(&f);
	return copy;
}

/* Assert that s folds to want. */
static void
expect_fold(const char *s, const char *want)
{
	char *got = folded(s);

	if (strcmp(got, want) != 0) {
		free(got);
		fail_msg("fold(\"%s\") is not \"%s\"", s, want);
	}
	free(got);
}

/* Assert whether a and b fold alike. */
static void
expect_same(const char *a, const char *b, int same)
{
	char *fa = folded(a), *fb = folded(b);
	int eq = strcmp(fa, fb) == 0;

	free(fa);
	free(fb);
	if (eq != same)
		fail_msg("\"%s\" and \"%s\" should fold %s", a, b,
		    same ? "alike" : "apart");
}

/* The folding table: width, case, kana, compatibility forms. */
static void
test_table(void **state)
{
	(void)state;
	/* Width and case. */
	expect_fold("ＩＣＴ", "ict");
	expect_fold("ICT", "ict");
	expect_fold("ict", "ict");
	expect_fold("ＩｏＴ", "iot");
	expect_fold("IoT", "iot");
	/* Kana: half-width, katakana and hiragana meet in hiragana. */
	expect_fold("ｻｲﾊﾞｰ", "さいばー");
	expect_fold("サイバー", "さいばー");
	expect_fold("さいばー", "さいばー");
	expect_fold("ｶﾞ", "が");
	expect_fold("ァヴヵヶ", "ぁゔゕゖ");	/* the ends of U+30A1..U+30F6 */
	expect_fold("ヽヾ", "ゝゞ");
	expect_fold("ヷヸヹヺ", "ヷヸヹヺ");	/* no hiragana: they stay */
	expect_fold("ー・", "ー・");
	/* Combining marks compose: raw input, not only NFC. */
	expect_fold(KA_DAK, "が");
	expect_fold(HA_DAK, "ば");
	expect_fold(E_ACUTE, "é");
	/* Digits, spaces, ligatures, sharp s, circled and squared forms. */
	expect_fold("２０１８", "2018");
	expect_fold("Ａ　Ｂ", "a b");
	expect_fold("ﬁle", "file");
	expect_fold("Straße", "strasse");
	expect_fold("①", "1");
	expect_fold("㍻", "平成");
	expect_fold("（ＣＹＤＥＲ）", "(cyder)");
	/* Invisible format characters vanish; ill-formed bytes are U+FFFD. */
	expect_fold("a" ZWSP "b", "ab");
	expect_fold("a\xff" "b", "a" FFFD "b");
	expect_fold("\xe3\x81", FFFD);
	expect_fold("", "");
	/* Kanji, hiragana, ASCII punctuation: unchanged. */
	expect_fold("国際・情報、「推進」。", "国際・情報、「推進」。");
	expect_fold("a-b_c.d (e)", "a-b_c.d (e)");
}

/* What fold_text passes over without a lookup (kanji U+4000..U+9FFF,
 * hiragana U+3041..U+3096) is, for ICU, a boundary and its own
 * NFKC_Casefold; and around them marks still combine. */
static void
test_plain_ranges(void **state)
{
	UErrorCode ue = U_ZERO_ERROR;
	const UNormalizer2 *n = unorm2_getNFKCCasefoldInstance(&ue);
	UChar in[2], out[8];
	int32_t len;
	UChar32 c;
	char s[16];

	(void)state;
	assert_true(U_SUCCESS(ue));
	for (c = 0x3041; c <= 0x9FFF; c++) {
		if (c == 0x3097)
			c = 0x4000;
		assert_true(unorm2_hasBoundaryBefore(n, c));
		in[0] = (UChar)c;
		len = unorm2_normalize(n, in, 1, out, 8, &ue);
		assert_true(U_SUCCESS(ue));
		assert_int_equal(len, 1);
		assert_int_equal(out[0], c);
		/* Through fold_text, alone and in a run of its kind. */
		len = 0;
		U8_APPEND_UNSAFE((uint8_t *)s, len, c);
		assert_int_equal(len, 3);
		memcpy(s + 3, s, 3);
		memcpy(s + 6, "\xe5\x9b\xbd", 3);	/* 国 */
		s[9] = '\0';
		expect_fold(s, s);
	}
	/* Marks after them combine (or stay) as ICU says. */
	expect_fold("\xe3\x81\x8b\xe3\x82\x99", "\xe3\x81\x8c");	/* か゛ */
	expect_fold("国か\xe3\x82\x99国", "国が国");
	expect_fold("漢字かなカナ漢字ｶﾅ", "漢字かなかな漢字かな");
	expect_fold("国\xcc\x81", "国\xcc\x81");
	expect_fold("国\xe3", "国" FFFD);		/* cut short */
	expect_fold("国\xe4\xb8", "国" FFFD);
}

/* What must fold alike and what must stay apart. */
static void
test_alike_apart(void **state)
{
	(void)state;
	expect_same("ＩＣＴ", "ict", 1);
	expect_same("ｻｲﾊﾞｰ", "サイバー", 1);
	expect_same("が", KA_DAK, 1);
	expect_same("ｶﾞ", "か", 0);
	expect_same("バ", "ハ", 0);
	expect_same("パ", "ハ", 0);
	expect_same("バ", "パ", 0);
	expect_same("ヷ", "わ", 0);
	expect_same("ヷ", "ワ", 0);
	expect_same("ß", "ss", 1);
	expect_same("ﬁ", "fi", 1);
	expect_same("　", " ", 1);
}

/* Only segments that change length or alignment are recorded. */
static void
test_segments(void **state)
{
	struct fold f;

	(void)state;
	/* Katakana shift and kanji: nothing to record. */
	assert_int_equal(fold_text(&f, "サイバーセキュリティ戦略", 36), 0);
	assert_int_equal(f.n_segs, 0);
	assert_null(f.segs);
	assert_int_equal(f.len_bytes, 36);
	fold_fini(&f);
	/* ASCII upper case: the same length, nothing recorded. */
	assert_int_equal(fold_text(&f, "CSIRT", 5), 0);
	assert_string_equal(f.text, "csirt");
	assert_int_equal(f.n_segs, 0);
	fold_fini(&f);
	/* Each full-width letter is a segment of its own. */
	assert_int_equal(fold_text(&f, "ＩＣＴ", 9), 0);
	assert_int_equal(f.n_segs, 3);
	assert_int_equal(f.segs[1].fold_start, 1);
	assert_int_equal(f.segs[1].fold_end, 2);
	assert_int_equal(f.segs[1].orig_start, 3);
	assert_int_equal(f.segs[1].orig_end, 6);
	fold_fini(&f);
	/* ß and ss have one length, but half of ß is no character. */
	assert_int_equal(fold_text(&f, "ß", 2), 0);
	assert_int_equal(f.n_segs, 1);
	fold_fini(&f);
	assert_null(f.text);
	assert_int_equal(f.len_bytes, 0);
	assert_null(f.segs);
	assert_int_equal(f.n_segs, 0);
}

/* Map fold [fs, fe) of s and assert the original range is [os, oe). */
static void
expect_map(const struct fold *f, const char *s, const char *needle,
    const char *orig)
{
	const char *p = strstr(f->text, needle);
	size_t os, oe;

	if (p == NULL)
		fail_msg("\"%s\" not in the fold of \"%s\"", needle, s);
	fold_map(f, (size_t)(p - f->text), (size_t)(p - f->text) +
	    strlen(needle), &os, &oe);
	if (oe - os != strlen(orig) || memcmp(s + os, orig, oe - os) != 0)
		fail_msg("\"%s\" maps to \"%.*s\", want \"%s\"", needle,
		    (int)(oe - os), s + os, orig);
}

/* Folded matches map back to the exact original bytes. */
static void
test_map(void **state)
{
	const char *s = "ＩＣＴとｻｲﾊﾞｰ";
	struct fold f;

	(void)state;
	assert_int_equal(fold_text(&f, s, strlen(s)), 0);
	assert_string_equal(f.text, "ictとさいばー");
	expect_map(&f, s, "ict", "ＩＣＴ");
	expect_map(&f, s, "i", "Ｉ");
	expect_map(&f, s, "c", "Ｃ");
	expect_map(&f, s, "ctと", "ＣＴと");
	expect_map(&f, s, "と", "と");
	expect_map(&f, s, "さいばー", "ｻｲﾊﾞｰ");
	expect_map(&f, s, "さ", "ｻ");
	expect_map(&f, s, "ば", "ﾊﾞ");
	expect_map(&f, s, "いば", "ｲﾊﾞ");
	expect_map(&f, s, "ー", "ｰ");
	expect_map(&f, s, "ictとさいばー", s);
	fold_fini(&f);

	/* Expansions and contractions. */
	s = "Straße " KA_DAK "㍻ﬁx" ZWSP "y";
	assert_int_equal(fold_text(&f, s, strlen(s)), 0);
	assert_string_equal(f.text, "strasse が平成fixy");
	expect_map(&f, s, "s", "S");
	expect_map(&f, s, "ss", "ß");
	expect_map(&f, s, "se", "ße");	/* half of ß takes all of it */
	expect_map(&f, s, "が", KA_DAK);
	expect_map(&f, s, "平", "㍻");
	expect_map(&f, s, "成", "㍻");
	expect_map(&f, s, "i", "ﬁ");
	/* ZWSP has no boundary before it: it folds with the x before it. */
	expect_map(&f, s, "x", "x" ZWSP);
	expect_map(&f, s, "y", "y");
	expect_map(&f, s, "xy", "x" ZWSP "y");
	fold_fini(&f);
}

/* Every range of whole folded characters maps to whole original ones
 * whose fold holds the folded range. */
static void
test_map_sweep(void **state)
{
	const char *s = "ＡｂC" KA_DAK "ｶﾞ" HA_DAK "ß㍻ﬁ" ZWSP "①漢字\xff" E_ACUTE
	    "ヷヽ　x";
	struct fold f, g;
	size_t a, b, os, oe, checked = 0;

	(void)state;
	assert_int_equal(fold_text(&f, s, strlen(s)), 0);
	for (a = 0; a < f.len_bytes; a++) {
		if (U8_IS_TRAIL(f.text[a]))
			continue;
		for (b = a + 1; b <= f.len_bytes; b++) {
			if (b < f.len_bytes && U8_IS_TRAIL(f.text[b]))
				continue;
			fold_map(&f, a, b, &os, &oe);
			assert_true(os < oe);
			assert_true(oe <= strlen(s));
			assert_false(U8_IS_TRAIL(s[os]));
			assert_false(oe < strlen(s) && U8_IS_TRAIL(s[oe]));
			assert_int_equal(fold_text(&g, s + os, oe - os), 0);
			if (memmem(g.text, g.len_bytes, f.text + a, b - a) ==
			    NULL)
				fail_msg("[%zu,%zu) maps to [%zu,%zu)", a, b, os,
				    oe);
			fold_fini(&g);
			checked++;
		}
	}
	assert_true(checked > 200);
	fold_fini(&f);
}

/* Texts too long for 32-bit offsets are refused before being read. */
static void
test_refuse(void **state)
{
	struct fold f;

	(void)state;
	assert_int_equal(fold_text(&f, "x", (size_t)UINT32_MAX + 1), -1);
	assert_null(f.text);
	assert_int_equal(f.n_segs, 0);
	fold_fini(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_plain_ranges),
		cmocka_unit_test(test_alike_apart),
		cmocka_unit_test(test_segments),
		cmocka_unit_test(test_map),
		cmocka_unit_test(test_map_sweep),
		cmocka_unit_test(test_refuse),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
