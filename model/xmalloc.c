/*
 * xmalloc: allocation that exits on exhaustion, after letting the UI restore
 * the terminal, so no caller has a NULL path to get wrong.
 */
#include "model/xmalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

static void (*xmalloc_fatal_hook)(void);

/* Print one line and exit: memory is exhausted. */
static void
xmalloc_fail(size_t n, size_t size)
{
	if (xmalloc_fatal_hook != NULL)
		xmalloc_fatal_hook();
	fprintf(stderr, "shisaku: out of memory (%zu x %zu bytes)\n", n, size);
	exit(EX_OSERR);
}

/* Set the function called before exiting on exhaustion. */
void
xmalloc_set_fatal_hook(void (*hook)(void))
{
	xmalloc_fatal_hook = hook;
}

/* Allocate size bytes; never NULL. */
void *
xmalloc(size_t size)
{
	void *p = malloc(size == 0 ? 1 : size);

	if (p == NULL)
		xmalloc_fail(1, size);
	return p;
}

/* Allocate n zeroed elements; never NULL. */
void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n == 0 ? 1 : n, size == 0 ? 1 : size);

	if (p == NULL)
		xmalloc_fail(n, size);
	return p;
}

/* Resize p to n elements of size bytes; never NULL. */
void *
xreallocarray(void *p, size_t n, size_t size)
{
	void *q;

	if (size != 0 && n > SIZE_MAX / size)
		xmalloc_fail(n, size);
	q = realloc(p, n * size == 0 ? 1 : n * size);
	if (q == NULL)
		xmalloc_fail(n, size);
	return q;
}

/* Copy a NUL-terminated string. */
char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

/* Copy len bytes of s and terminate them. */
char *
xstrndup(const char *s, size_t len)
{
	char *p = xmalloc(len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}
