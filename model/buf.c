/*
 * buf: growable NUL-terminated byte strings, doubling on growth.
 */
#include "model/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/xmalloc.h"

/* Initialise an empty buf. */
void
buf_init(struct buf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

/* Free the storage. */
void
buf_fini(struct buf *b)
{
	free(b->data);
	buf_init(b);
}

/* Empty the buf, keeping its storage. */
void
buf_clear(struct buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

/* Make room for len more bytes and the NUL. */
void
buf_reserve(struct buf *b, size_t len)
{
	size_t need = b->len + len + 1, cap = b->cap == 0 ? 64 : b->cap;

	if (need <= b->cap)
		return;
	while (cap < need)
		cap *= 2;
	b->data = xreallocarray(b->data, cap, 1);
	b->data[b->len] = '\0';
	b->cap = cap;
}

/* Make room for exactly len more bytes: no doubling past a known size. */
void
buf_reserve_exact(struct buf *b, size_t len)
{
	size_t need = b->len + len + 1;

	if (need <= b->cap)
		return;
	b->data = xreallocarray(b->data, need, 1);
	b->data[b->len] = '\0';
	b->cap = need;
}

/* Append len bytes. */
void
buf_add(struct buf *b, const void *data, size_t len)
{
	buf_reserve(b, len);
	if (len != 0)
		memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
}

/* Append a string. */
void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

/* Append one byte. */
void
buf_addc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

/* Append n copies of c. */
void
buf_addn(struct buf *b, char c, size_t n)
{
	buf_reserve(b, n);
	memset(b->data + b->len, c, n);
	b->len += n;
	b->data[b->len] = '\0';
}

/* Append formatted text. */
void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return;
	buf_reserve(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

/* Append formatted text. */
void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

/* Hand the data to the caller. */
char *
buf_detach(struct buf *b)
{
	char *p;

	if (b->data == NULL)
		return xstrdup("");
	p = b->data;
	buf_init(b);
	return p;
}
