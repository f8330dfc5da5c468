/*
 * text: the one layer through which shisaku measures, cuts, wraps and shows
 * text.  No curses here: the UI and the dump both paint what this returns.
 *
 * Input is UTF-8 that may be invalid.  Offsets are in bytes into the caller's
 * string (_bytes), widths in terminal columns (_cols).  Every function here
 * works on the *visible form* of the text:
 *
 *   - printable clusters are drawn as they are, each code point taking
 *     wcwidth() columns (the C library's table, which ncursesw and tmux use;
 *     East Asian Ambiguous characters such as ※ ① ○ count 1);
 *   - ZWJ (U+200D) and variation selectors U+FE0E/U+FE0F are not drawn, so a
 *     ZWJ emoji sequence shows as its emoji side by side, and the width we
 *     compute is the width the terminal shows;
 *   - C0 controls other than TAB and LF, and DEL, show as caret notation
 *     (^[ for ESC, ^@ for NUL, ^? for DEL), 2 columns;
 *   - C1 controls (U+0080..U+009F) and bidirectional controls (U+061C,
 *     U+200E, U+200F, U+202A..U+202E, U+2066..U+2069) show as <U+XXXX>;
 *   - each invalid byte shows as <XX> (hex, as less does);
 *   - TAB expands with spaces to the next multiple of 8 columns, counted
 *     from the start column the caller passes;
 *   - LF is a hard line break for text_wrap and a single space elsewhere.
 *
 * Nothing here ever splits a grapheme cluster (ICU character boundaries).
 */
#ifndef TEXT_H
#define TEXT_H

#include <stddef.h>

#include "model/buf.h"

/* Width in columns of s[0..len_bytes) drawn from column start_cols. */
size_t text_width_cols(const char *s, size_t len_bytes, size_t start_cols);

/* Byte offset of the cluster boundary after off_bytes (len_bytes at most). */
size_t text_cluster_next(const char *s, size_t len_bytes, size_t off_bytes);

/* Byte offset of the cluster boundary before off_bytes (0 at least). */
size_t text_cluster_prev(const char *s, size_t len_bytes, size_t off_bytes);

/*
 * Append to out the visible form of s[0..len_bytes) drawn from column
 * start_cols; return the columns it takes.  What is appended is safe to send
 * to a terminal: no control, escape, invalid or bidi-control byte survives.
 */
size_t text_render(struct buf *out, const char *s, size_t len_bytes,
    size_t start_cols);

/*
 * Append s cut to at most max_cols columns: the whole visible form when it
 * fits, else as many whole clusters as fit followed by "…" (1 column).  A
 * wide cluster that would straddle the edge gives way to a space.  Return the
 * columns appended (never more than max_cols; exactly max_cols when cut).
 */
size_t text_truncate(struct buf *out, const char *s, size_t len_bytes,
    size_t max_cols);

/* One wrapped line: a byte range of the source and its drawn width. */
struct text_line {
	size_t	start_bytes;	/* first byte of the line in the source */
	size_t	end_bytes;	/* one past the last byte (LF, trailing spaces incl.) */
	size_t	width_cols;	/* columns drawn, trailing spaces and LF excluded */
};

/*
 * Wrap s[0..len_bytes) into lines of at most width_cols columns; lines after
 * the first are hang_cols narrower (the caller indents them by hang_cols).
 * Breaks follow ICU's line breaking for "ja@lb=strict": no line starts with
 * 。、」）】・ー or a small kana, none ends with 「（【; Latin words stay whole
 * where they fit; a run wider than the line breaks at a cluster boundary; LF
 * forces a break.  The lines partition [0, len_bytes) in order, so joining
 * them gives the text back.  An empty text gives one empty line.
 * *lines is allocated (caller frees); returns the number of lines (>= 1).
 * width_cols <= hang_cols is treated as one column for continuation lines.
 */
size_t text_wrap(const char *s, size_t len_bytes, size_t width_cols,
    size_t hang_cols, struct text_line **lines);

/* Release what the layer caches (ICU iterators); safe to call at any time. */
void text_fini(void);

#endif
