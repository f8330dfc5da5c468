/*
 * arena: chunks of at least ARENA_CHUNK_BYTES, each a header followed by the
 * space handed out; an allocation larger than a chunk gets a chunk of its own.
 * Strings (arena_strndup) are packed byte to byte; everything else starts
 * at ARENA_ALIGN.  A document is mostly short strings: packing them saves
 * about 8 bytes each (a 100k-measure document holds some 300,000).
 */
#include "model/arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/xmalloc.h"

#define ARENA_CHUNK_BYTES	(64 * 1024)
#define ARENA_ALIGN		(alignof(max_align_t))

struct arena_chunk {
	struct arena_chunk	*next;		/* older chunk */
	size_t			 size_bytes;	/* usable bytes after the header */
	alignas(max_align_t) unsigned char data[];
};

/* Initialise an empty arena. */
void
arena_init(struct arena *a)
{
	a->head = NULL;
	a->used_bytes = 0;
	a->total_bytes = 0;
}

/* Free every chunk. */
void
arena_fini(struct arena *a)
{
	struct arena_chunk *c, *next;

	for (c = a->head; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	arena_init(a);
}

/*
 * Hand out size bytes at a multiple of align (1 or ARENA_ALIGN), starting
 * a new chunk when the head has no room.
 */
static void *
arena_take(struct arena *a, size_t size, size_t align)
{
	struct arena_chunk *c;
	size_t at, chunk;

	if (size > SIZE_MAX - ARENA_ALIGN)
		return xmalloc(SIZE_MAX);	/* reports exhaustion and exits */
	if (size == 0)
		size = 1;
	if (a->head != NULL) {
		at = (a->used_bytes + align - 1) & ~(align - 1);
		if (at <= a->head->size_bytes &&
		    a->head->size_bytes - at >= size) {
			a->used_bytes = at + size;
			return a->head->data + at;
		}
	}
	chunk = size > ARENA_CHUNK_BYTES ?
	    (size + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1) : ARENA_CHUNK_BYTES;
	c = xmalloc(sizeof *c + chunk);
	c->size_bytes = chunk;
	a->total_bytes += chunk;
	if (size > ARENA_CHUNK_BYTES / 4 && a->head != NULL) {
		/* A big block: keep filling the current head. */
		c->next = a->head->next;
		a->head->next = c;
		return c->data;
	}
	c->next = a->head;
	a->head = c;
	a->used_bytes = size;
	return c->data;
}

/* Hand out size bytes aligned for any type. */
void *
arena_alloc(struct arena *a, size_t size)
{
	return arena_take(a, size, ARENA_ALIGN);
}

/* Hand out n zeroed elements. */
void *
arena_calloc(struct arena *a, size_t n, size_t size)
{
	void *p;

	if (size != 0 && n > SIZE_MAX / size)
		return xmalloc(SIZE_MAX);
	p = arena_alloc(a, n * size);
	memset(p, 0, n * size);
	return p;
}

/* Copy a string into the arena. */
char *
arena_strndup(struct arena *a, const char *s, size_t len)
{
	char *p;

	if (len > SIZE_MAX - ARENA_ALIGN - 1)
		return xmalloc(SIZE_MAX);	/* reports exhaustion and exits */
	p = arena_take(a, len + 1, 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}
