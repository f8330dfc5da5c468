/*
 * arena: chunks of at least ARENA_CHUNK_BYTES, each a header followed by the
 * space handed out; an allocation larger than a chunk gets a chunk of its own.
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

/* Hand out size bytes, starting a new chunk when the head is full. */
void *
arena_alloc(struct arena *a, size_t size)
{
	struct arena_chunk *c;
	size_t rounded, chunk;
	void *p;

	if (size > SIZE_MAX - ARENA_ALIGN)
		return xmalloc(SIZE_MAX);	/* reports exhaustion and exits */
	rounded = (size + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
	if (rounded == 0)
		rounded = ARENA_ALIGN;
	if (a->head == NULL || a->head->size_bytes - a->used_bytes < rounded) {
		chunk = rounded > ARENA_CHUNK_BYTES ? rounded : ARENA_CHUNK_BYTES;
		c = xmalloc(sizeof *c + chunk);
		c->size_bytes = chunk;
		if (rounded > ARENA_CHUNK_BYTES / 4 && a->head != NULL) {
			/* A big block: keep filling the current head. */
			c->next = a->head->next;
			a->head->next = c;
			a->total_bytes += chunk;
			return c->data;
		}
		c->next = a->head;
		a->head = c;
		a->used_bytes = 0;
		a->total_bytes += chunk;
	}
	p = a->head->data + a->used_bytes;
	a->used_bytes += rounded;
	return p;
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
	char *p = arena_alloc(a, len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}
