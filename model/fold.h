/*
 * fold: text folded for search, so that width, case and kana do not matter:
 * NFKC_Casefold (ICU), then katakana to hiragana (U+30A1..U+30F6 and ヽヾ to
 * their hiragana; ヷヸヹヺ have none and stay).  So ＩＣＴ, ICT and ict fold
 * alike, ｻｲﾊﾞｰ, サイバー and さいばー fold alike, and バ and ハ stay apart.
 *
 * A folded text keeps a compact map back to the original's byte offsets:
 * only the normalisation segments whose folded bytes do not line up with
 * the original's are recorded (a different length, or ß to ss, whose
 * halves are not characters; none for most Japanese text), and offsets
 * elsewhere follow by a constant shift.
 */
#ifndef FOLD_H
#define FOLD_H

#include <stddef.h>
#include <stdint.h>

/* A segment whose folded length differs from the original's. */
struct fold_seg {
	uint32_t	fold_start, fold_end;	/* bytes in the folded text */
	uint32_t	orig_start, orig_end;	/* bytes in the original */
};

struct fold {
	char		*text;		/* folded UTF-8, NUL-terminated, owned */
	size_t		 len_bytes;
	struct fold_seg	*segs;		/* in order; owned; NULL when none */
	size_t		 n_segs;
};

/*
 * Fold s[0..len_bytes) (valid UTF-8, as a loaded doc's text is; an invalid
 * sequence folds to U+FFFD) into f, which must be zeroed or finished.
 * Texts longer than UINT32_MAX bytes are refused: returns -1, else 0.
 */
int fold_text(struct fold *f, const char *s, size_t len_bytes);

/* Free a folded text and zero it. */
void fold_fini(struct fold *f);

/*
 * Map a range [start, end) of folded bytes back to the original: a start
 * inside a changed segment moves to the segment's start, an end inside one
 * to its end, so the original range covers whole characters.
 */
void fold_map(const struct fold *f, size_t fold_start, size_t fold_end,
    size_t *orig_start, size_t *orig_end);

#endif
