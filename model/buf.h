/*
 * buf: a growable byte string, always NUL-terminated.  The buf owns data;
 * buf_detach hands it to the caller.  Lengths are in bytes.
 */
#ifndef BUF_H
#define BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char	*data;		/* NUL-terminated; NULL until first use */
	size_t	 len;		/* bytes, without the NUL */
	size_t	 cap;		/* bytes allocated */
};

/* Initialise an empty buf (same as zeroing it). */
void buf_init(struct buf *b);
/* Free the buf's storage and empty it. */
void buf_fini(struct buf *b);
/* Empty the buf, keeping its storage. */
void buf_clear(struct buf *b);
/* Make room for len more bytes. */
void buf_reserve(struct buf *b, size_t len);
/* Make room for exactly len more bytes (for a size known in advance). */
void buf_reserve_exact(struct buf *b, size_t len);
/* Append len bytes. */
void buf_add(struct buf *b, const void *data, size_t len);
/* Append a NUL-terminated string. */
void buf_adds(struct buf *b, const char *s);
/* Append one byte. */
void buf_addc(struct buf *b, char c);
/* Append n copies of byte c. */
void buf_addn(struct buf *b, char c, size_t n);
/* Append printf-formatted text. */
void buf_printf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Append vprintf-formatted text. */
void buf_vprintf(struct buf *b, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
/* Return the data (never NULL) and leave the buf empty; caller frees. */
char *buf_detach(struct buf *b);

#endif
