/*
 * fuzz_text: the text layer on arbitrary bytes (invalid UTF-8, controls and
 * all).  The first three bytes choose a width, a hang and a start column;
 * the rest is the text.  Checked: cluster boundaries move the right way and
 * stay in range; text_render returns text_width_cols and holds nothing a
 * terminal obeys; text_truncate keeps to its width; text_wrap's lines
 * partition the text, in order, each with at least one cluster, and each
 * line's width is what text_width_cols says of its drawn part.
 */
#include <locale.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/buf.h"
#include "model/text.h"
#include "tests/fuzz/fuzz_safe.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Pin a UTF-8 locale, as main does: widths depend on it. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setlocale(LC_ALL, "C.UTF-8");
	return 0;
}

/* Walk the clusters both ways and check each step. */
static void
fuzz_clusters(const char *s, size_t len)
{
	size_t off = 0, next, prev, steps = 0;

	while (off < len) {
		next = text_cluster_next(s, len, off);
		FUZZ_ASSERT(next > off && next <= len);
		prev = text_cluster_prev(s, len, next);
		FUZZ_ASSERT(prev < next);
		off = next;
		steps++;
	}
	FUZZ_ASSERT(text_cluster_next(s, len, len) == len);
	off = len;
	while (off > 0) {
		prev = text_cluster_prev(s, len, off);
		FUZZ_ASSERT(prev < off);
		off = prev;
		FUZZ_ASSERT(steps-- > 0 || off == 0);
	}
	FUZZ_ASSERT(text_cluster_prev(s, len, 0) == 0);
	/* Offsets past the end are clamped. */
	FUZZ_ASSERT(text_cluster_prev(s, len, len + 5) <= len);
}

/* Wrap and check the lines. */
static void
fuzz_wrap(const char *s, size_t len, size_t width, size_t hang)
{
	struct text_line *lines;
	struct buf b = { 0 };
	size_t n, i, at = 0, w, origin, avail;

	n = text_wrap(s, len, width, hang, &lines);
	FUZZ_ASSERT(n >= 1);
	for (i = 0; i < n; i++) {
		FUZZ_ASSERT(lines[i].start_bytes == at);
		FUZZ_ASSERT(lines[i].draw_end_bytes >= lines[i].start_bytes);
		FUZZ_ASSERT(lines[i].end_bytes >= lines[i].draw_end_bytes);
		FUZZ_ASSERT(lines[i].end_bytes > lines[i].start_bytes ||
		    (n == 1 && len == 0));
		origin = i == 0 ? 0 : hang;
		w = text_width_cols(s + lines[i].start_bytes,
		    lines[i].draw_end_bytes - lines[i].start_bytes, origin);
		FUZZ_ASSERT(w == lines[i].width_cols);
		/* Only a single cluster may be wider than its line. */
		avail = i == 0 ? (width == 0 ? 1 : width) :
		    width > hang ? width - hang : 1;
		FUZZ_ASSERT(w <= avail || text_cluster_next(s, len,
		    lines[i].start_bytes) >= lines[i].draw_end_bytes);
		buf_clear(&b);
		FUZZ_ASSERT(text_render(&b, s + lines[i].start_bytes,
		    lines[i].draw_end_bytes - lines[i].start_bytes, origin) ==
		    w);
		fuzz_safe_text(b.data, b.len, 0);
		at = lines[i].end_bytes;
	}
	FUZZ_ASSERT(at == len);
	free(lines);
	buf_fini(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf b = { 0 };
	size_t width, hang, start, len, w, t;
	const char *s;

	if (size < 3)
		return 0;
	width = data[0] % 100;		/* 0 is allowed: treated as 1 */
	hang = data[1] % 16;
	start = data[2];
	s = (const char *)data + 3;
	len = size - 3;

	fuzz_clusters(s, len);

	w = text_width_cols(s, len, start);
	FUZZ_ASSERT(text_render(&b, s, len, start) == w);
	fuzz_safe_text(b.data != NULL ? b.data : "", b.len, 0);

	buf_clear(&b);
	t = text_truncate(&b, s, len, width);
	FUZZ_ASSERT(t <= width);
	FUZZ_ASSERT(t == width || t == text_width_cols(s, len, 0));
	fuzz_safe_text(b.data != NULL ? b.data : "", b.len, 0);
	buf_fini(&b);

	fuzz_wrap(s, len, width, hang);
	return 0;
}
