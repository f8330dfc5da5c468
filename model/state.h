/*
 * state: where a person left a document, remembered between runs: the
 * selected entry, the expanded branches, the last search and the marks.
 * One file per document under $XDG_STATE_HOME/shisaku (default
 * ~/.local/state/shisaku), named by a hash of the document's content, so
 * a state never applies to another document.
 *
 * The file is text, one fact a line, and ends with "end" so that a
 * truncated file is recognised.  Saving is atomic: a temporary file in the
 * same folder, fsync, rename, then fsync of the folder; two processes saving
 * at once each rename a whole file.  A corrupt, truncated or foreign file is
 * ignored with a reason.  Node ids are stable because the content is.
 *
 * The model never prints: functions return -1 with a reason in why.
 */
#ifndef STATE_H
#define STATE_H

#include <stddef.h>
#include <stdint.h>

#include "model/doc.h"

#define STATE_NO_MEASURE	SIZE_MAX
#define STATE_MARKS		26	/* a to z */

/* A remembered place: a node and optionally one of its measures. */
struct state_place {
	size_t	node;		/* node id, or SIZE_MAX for none */
	size_t	measure;	/* measure index, or STATE_NO_MEASURE */
};

struct state {
	struct state_place	 selected;
	unsigned char		*expanded;	/* by node id; owned */
	char			*search;	/* last query, or NULL; owned */
	struct state_place	 marks[STATE_MARKS];
};

/* A hash of the document's content (its texts, not its YAML layout). */
uint64_t state_hash(const struct doc *doc);

/*
 * The state file's path for a hash: $XDG_STATE_HOME/shisaku/HASH.state,
 * else $HOME/.local/state/shisaku/HASH.state; NULL (why set) when neither
 * variable is usable.  The caller frees the path.
 */
char *state_path(uint64_t hash, char *why, size_t why_size);

/* An empty state for doc: nothing selected, expanded or marked. */
void state_init(struct state *st, const struct doc *doc);
/* Free a state's arrays. */
void state_fini(struct state *st);

/*
 * Read the state of doc from path into st (initialised with state_init).
 * Returns 1 when there is no file, 0 when read, -1 when the file is
 * unreadable, corrupt, truncated or another document's (why says which;
 * st is left empty).
 */
int state_load(struct state *st, const char *path, const struct doc *doc,
    char *why, size_t why_size);

/*
 * Write st for doc to path atomically, creating the folders; 0 on success,
 * -1 with why set (the old file, if any, is untouched).
 */
int state_save(const struct state *st, const char *path,
    const struct doc *doc, char *why, size_t why_size);

#endif
