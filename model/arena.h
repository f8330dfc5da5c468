/*
 * arena: a bump allocator that owns everything a document holds, so a
 * document is freed in one call and a failed load leaks nothing.  Memory is
 * never returned piecemeal; pointers stay valid until arena_fini().
 */
#ifndef ARENA_H
#define ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk	*head;		/* newest chunk, NULL when empty */
	size_t			 used_bytes;	/* bytes handed out in head */
	size_t			 total_bytes;	/* bytes of all chunks, for stats */
};

/* Initialise an empty arena (same as zeroing it). */
void arena_init(struct arena *a);
/* Free every chunk; every pointer from the arena becomes invalid. */
void arena_fini(struct arena *a);
/* Return size bytes aligned for any type; never NULL. */
void *arena_alloc(struct arena *a, size_t size);
/* Return n zeroed elements of size bytes; never NULL, checks overflow. */
void *arena_calloc(struct arena *a, size_t n, size_t size);
/* Copy len bytes of s into the arena and NUL-terminate them. */
char *arena_strndup(struct arena *a, const char *s, size_t len);

#endif
