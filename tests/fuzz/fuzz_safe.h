/*
 * fuzz_safe: the checks the fuzz targets share.  fuzz_safe_text aborts when
 * a byte string that is meant for a terminal holds anything a terminal may
 * obey: a C0 control (other than LF, when allowed), DEL, a C1 control, a
 * bidirectional control, U+2028/U+2029, or invalid UTF-8.
 */
#ifndef FUZZ_SAFE_H
#define FUZZ_SAFE_H

#include <stdio.h>
#include <stdlib.h>

#include <unicode/utf8.h>

/* Abort with a message naming what was found and where. */
#define FUZZ_ASSERT(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: assertion failed: %s\n",	\
		    __FILE__, __LINE__, #cond);				\
		abort();						\
	}								\
} while (0)

/* Whether c is a control or a bidi control that must never be sent raw. */
static inline int
fuzz_unsafe_cp(UChar32 c, int allow_lf)
{
	if (c == '\n')
		return !allow_lf;
	return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x061c ||
	    c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) ||
	    (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029;
}

/* Abort unless s[0..len) is valid UTF-8 with nothing a terminal obeys. */
static inline void
fuzz_safe_text(const char *s, size_t len, int allow_lf)
{
	size_t i = 0, at;
	UChar32 c;

	while (i < len) {
		at = i;
		U8_NEXT(s, i, len, c);
		if (c < 0 || fuzz_unsafe_cp(c, allow_lf)) {
			fprintf(stderr, "unsafe output at byte %zu: U+%04X"
			    " (%d)\n", at, c < 0 ? 0xFFFDu : (unsigned)c,
			    (int)c);
			abort();
		}
	}
}

#endif
