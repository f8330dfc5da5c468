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
 *     East Asian Ambiguous characters such as ※ ① ○ count 1; ｶﾞ is 1+1;
 *     combining marks 0).  wcwidth() follows LC_CTYPE: the program must set
 *     a UTF-8 locale first (in the C locale every non-ASCII code point shows
 *     as <U+XXXX>, which is safe but unreadable);
 *   - Default_Ignorable code points are not drawn: ZWJ (U+200D), variation
 *     selectors (U+FE0E/U+FE0F and the rest), ZWSP, WJ, BOM, soft hyphen,
 *     tag characters.  So a ZWJ emoji sequence shows as its emoji side by
 *     side (👨‍👩‍👧 is 6 columns), and the width we compute is the width the
 *     terminal shows;
 *   - a zero-width code point that starts a cluster (a combining mark at the
 *     start of the text or after a control) is drawn on a space, 1 column,
 *     so it cannot combine with whatever the caller drew before;
 *   - a code point that is not a control but for which wcwidth() is -1
 *     (unassigned, noncharacters, U+2028/U+2029) shows as <U+XXXX>, so
 *     nothing the terminal may not know is sent raw;
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
 * For clusters an ill-formed sequence counts as one U+FFFD (as ICU decodes
 * it), so a combining mark after it stays in its cluster.
 *
 * The ICU iterators are cached in statics: not thread-safe.  Strings longer
 * than INT32_MAX bytes (ICU's offset type) fall back to code points as
 * clusters and to breaks after spaces only.
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
 * wide cluster that would straddle the edge gives way to spaces.  Return the
 * columns appended (never more than max_cols; exactly max_cols when cut).
 * max_cols 0 appends nothing.  TAB stops count from column 0.
 */
size_t text_truncate(struct buf *out, const char *s, size_t len_bytes,
    size_t max_cols);

/*
 * One wrapped line: a byte range of the source and its drawn width.  Draw
 * [start_bytes, draw_end_bytes) with text_render; the rest of the line is
 * trailing blanks (space, TAB, U+3000) and the LF (or CR LF) ending it.
 */
struct text_line {
	size_t	start_bytes;	/* first byte of the line in the source */
	size_t	end_bytes;	/* one past the last byte (LF, trailing blanks incl.) */
	size_t	width_cols;	/* columns drawn, trailing blanks and LF excluded */
	size_t	draw_end_bytes;	/* one past the last byte to draw */
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
 *
 * Details:
 *   - blanks at a break stay at the end of the line before; width_cols of a
 *     line excludes them, so a line may hold more bytes than it draws;
 *   - inside a run with no break opportunity the cut steps back over
 *     clusters to keep 。、」）】・ー, small kana, ！？ and . , off the start
 *     of the next line and 「（【 off the end of this one, as long as the line
 *     keeps a cluster; when it cannot (a line narrower than 「あ」), the cut
 *     stays where the width ends;
 *   - every line holds at least one cluster (so wrapping always ends), and
 *     a cluster wider than its line sits alone on a line wider than asked:
 *     a wide character or ^X in a 1-column line, a <U+XXXX> notation or a
 *     ZWJ emoji sequence (👨‍👩‍👧: 6 columns) in a narrow one.  Blanks, TAB
 *     included, never push a line over: they trail;
 *   - width_cols 0 is treated as 1; width_cols <= hang_cols is treated as
 *     one column for continuation lines;
 *   - a LF at the very end does not start an empty last line ("a\n" is one
 *     line; "a\n\n" is two, the second empty but for its LF);
 *   - TAB stops count from the left edge of the first line: the first line
 *     starts at column 0 and each later one at hang_cols, so render line i
 *     with start_cols 0 or hang_cols to get the widths computed here.
 */
size_t text_wrap(const char *s, size_t len_bytes, size_t width_cols,
    size_t hang_cols, struct text_line **lines);

/* Release what the layer caches (ICU iterators); safe to call at any time. */
void text_fini(void);

#endif
