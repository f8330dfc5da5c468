/*
 * xmalloc: allocation that never returns NULL.  On exhaustion it calls the
 * fatal hook (the UI restores the terminal there), prints one line and exits
 * with EX_OSERR.  Everything in shisaku allocates through these.
 */
#ifndef XMALLOC_H
#define XMALLOC_H

#include <stddef.h>

/* Allocate size bytes (at least one); never NULL. */
void *xmalloc(size_t size);
/* Allocate n zeroed elements of size bytes; never NULL, checks overflow. */
void *xcalloc(size_t n, size_t size);
/* Resize p to n elements of size bytes; never NULL, checks overflow. */
void *xreallocarray(void *p, size_t n, size_t size);
/* Copy the NUL-terminated string s; the caller owns the copy. */
char *xstrdup(const char *s);
/* Copy len bytes of s and terminate them; the caller owns the copy. */
char *xstrndup(const char *s, size_t len);
/* Set the function called before exiting on exhaustion (NULL for none). */
void xmalloc_set_fatal_hook(void (*hook)(void));

#endif
