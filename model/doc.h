/*
 * doc: a policy document as a tree.  Top-level entries have sections, which
 * have items, to any depth; every node has a number and a title, may carry
 * measures (the ・ lines with their organisations) and organisations tagged on
 * itself.  Footnotes (※1 …) record which titles and measures cite them.
 *
 * Loading (model/load.c) is the only way to make a doc.  The doc owns every
 * node, measure, footnote and string in it (one arena); every pointer into it
 * is valid until doc_free().  All text is valid UTF-8 in NFC with no NUL.
 * The model never prints: errors come back in a struct doc_error.
 */
#ifndef DOC_H
#define DOC_H

#include <stddef.h>
#include <stdint.h>

#include "model/arena.h"
#include "model/buf.h"

/* A place in the source file, counted from 1 (columns count characters). */
struct doc_pos {
	unsigned long	line;
	unsigned long	col;
};

/* A list of organisation names, in the order written. */
struct doc_agencies {
	const char	**names;
	size_t		  n;
	const char	 *tag;		/* the 【…】 tag as printed, or NULL when it is
					   the names joined by 、 */
};

struct doc_measure {
	const char		*text;		/* without ・ and 【…】 */
	struct doc_agencies	 agencies;
	const size_t		*footnotes;	/* indices into doc.footnotes, in
						   the order the marks occur */
	size_t			 n_footnotes;
	struct doc_pos		 pos;		/* of the measure's text */
};

struct doc_node {
	const char		*number;	/* as printed: "1.", "1.1", "(1)" */
	const char		*title;
	struct doc_agencies	 agencies;	/* tagged on the node itself */
	const size_t		*footnotes;	/* cited in the title */
	size_t			 n_footnotes;
	struct doc_measure	*measures;
	size_t			 n_measures;
	struct doc_node		*children;
	size_t			 n_children;
	struct doc_node		*parent;	/* NULL at the top level */
	size_t			 depth;		/* 0 at the top level */
	size_t			 index;		/* among its siblings */
	size_t			 id;		/* pre-order position, 0 first */
	struct doc_pos		 pos;		/* of the node's mapping */
};

/* Where a footnote is cited: a node's title or one of its measures. */
#define DOC_CITE_TITLE	SIZE_MAX
struct doc_cite {
	const struct doc_node	*node;
	size_t			 measure;	/* index, or DOC_CITE_TITLE */
};

struct doc_footnote {
	const char		*mark;		/* "※1" */
	const char		*term;		/* "CSIRT", or NULL */
	const char		*text;		/* the definition */
	struct doc_cite		*cited_by;	/* in document order */
	size_t			 n_cited_by;
	struct doc_pos		 pos;
};

struct doc {
	const char		*title;
	const char		*document_number;	/* or NULL */
	const char		*date;			/* as printed, or NULL */
	const char		*date_iso;		/* YYYY-MM-DD, or NULL */
	const char		*decided_by;		/* or NULL */
	struct doc_node		*nodes;			/* top-level entries */
	size_t			 n_nodes;
	struct doc_footnote	*footnotes;
	size_t			 n_footnotes;
	size_t			 total_nodes;		/* at every depth */
	size_t			 total_measures;
	size_t			 max_depth;		/* deepest node's depth */
	struct arena		 arena;			/* owns all of the above */
};

/* What went wrong, for src/ to print as "shisaku: FILE:LINE:COL: message". */
enum doc_error_kind {
	DOC_OK = 0,
	DOC_EDATA,		/* the document is malformed (EX_DATAERR) */
	DOC_EIO,		/* the file cannot be opened or read (EX_NOINPUT) */
};

struct doc_error {
	enum doc_error_kind	kind;
	char			file[256];	/* as given, cut if longer */
	unsigned long		line;		/* 0 when no place applies */
	unsigned long		col;
	char			message[512];	/* what is wrong (what was expected) */
};

/*
 * Limits that keep hostile documents from exhausting memory, time or the
 * stack; each is refused with a message naming its place (data/README.md,
 * "What the loader refuses").  They are far above any real document: the
 * 2018 overview has 59 nodes, 48 measures, 2 footnotes, 4 levels and texts
 * under 300 bytes, and a benchmark of a million measures (about 300 MB of
 * YAML) loads with room to spare.
 */
#define DOC_MAX_DEPTH		64		/* levels of nested nodes */
/* The others may be set smaller at build time (tests/test_limits.c). */
#ifndef DOC_MAX_FILE_BYTES
#define DOC_MAX_FILE_BYTES	((size_t)1 << 30)	/* 1 GiB */
#endif
#ifndef DOC_MAX_TEXT_BYTES
#define DOC_MAX_TEXT_BYTES	((size_t)1 << 20)	/* one scalar: 1 MiB */
#endif
#ifndef DOC_MAX_NODES
#define DOC_MAX_NODES		((size_t)1 << 23)	/* 8,388,608 */
#endif
#ifndef DOC_MAX_MEASURES
#define DOC_MAX_MEASURES	((size_t)1 << 23)	/* 8,388,608 */
#endif
#ifndef DOC_MAX_NAMES
#define DOC_MAX_NAMES		((size_t)1 << 24)	/* organisation names in
							   all: 16,777,216 */
#endif
#ifndef DOC_MAX_LIST_NAMES
#define DOC_MAX_LIST_NAMES	((size_t)256)	/* names in one agencies list */
#endif
#ifndef DOC_MAX_FOOTNOTES
#define DOC_MAX_FOOTNOTES	((size_t)65536)
#endif

/*
 * Load the document in data[0..len_bytes), naming it name in errors.  On
 * success *out is a new doc (free with doc_free) and 0 is returned; on
 * failure *out is NULL, err is filled and -1 is returned.
 */
int doc_load(const char *name, const char *data, size_t len_bytes,
    struct doc **out, struct doc_error *err);

/* Read the file at path and load it as doc_load does (DOC_EIO if unreadable). */
int doc_load_file(const char *path, struct doc **out, struct doc_error *err);

/* The texts a search index folds, as a loader's listener is told of them. */
enum doc_text {
	DOC_TEXT_TITLE,		/* a node's title */
	DOC_TEXT_NAME,		/* an organisation's name (node or measure) */
	DOC_TEXT_MEASURE,	/* a measure's text */
	DOC_TEXT_TERM,		/* a footnote's term */
	DOC_TEXT_FOOTNOTE,	/* a footnote's text */
};

/*
 * A loader's listener.  text is told of each such text as soon as it is
 * read and final (in the doc's arena, where it stays until doc_free), in
 * the order of the file: a document that writes its keys in the schema's
 * order (title, agencies, measures, children; text before agencies; term
 * before text; nodes before footnotes) gives them in document order.  It
 * is called on the thread that called the loader; after a failed load
 * the texts it was told of are freed.
 */
struct doc_listener {
	void	(*text)(void *arg, enum doc_text kind, const char *text);
	void	 *arg;
};

/* doc_load, telling listen (or NULL) of each text as it is read. */
int doc_load_listen(const char *name, const char *data, size_t len_bytes,
    const struct doc_listener *listen, struct doc **out,
    struct doc_error *err);
/* doc_load_file, telling listen (or NULL) of each text as it is read. */
int doc_load_file_listen(const char *path, const struct doc_listener *listen,
    struct doc **out, struct doc_error *err);

/* Free a doc and everything in it; *docp becomes NULL.  NULL is fine. */
void doc_free(struct doc **docp);

/* The node after n in document order (pre-order), or NULL after the last. */
struct doc_node *doc_next(const struct doc *doc, const struct doc_node *n);

/*
 * Fill path[0..depth] with n's ancestors' and n's numbers from the top down;
 * return the count (n->depth + 1).  path must hold DOC_MAX_DEPTH entries.
 */
size_t doc_path(const struct doc_node *n, const char **path);

/*
 * Find the first footnote mark (※ followed by ASCII digits) in text at or
 * after byte from: 1 with [*start, *end) its bytes, or 0 when there is none.
 */
int doc_mark_next(const char *text, size_t from, size_t *start, size_t *end);

/*
 * Append n's path as people read it, "2. › 2.2 › (2)", and with a measure
 * index (not SIZE_MAX) its place among the node's measures, " › ・2".  The
 * numbers are the document's text: render them before showing them.
 */
void doc_path_text(struct buf *b, const struct doc_node *n, size_t measure);

/* Append the organisations as printed: the tag, or the names joined by 、. */
void doc_agencies_text(struct buf *b, const struct doc_agencies *ag);

/* The footnote with the given mark ("※1"), or NULL. */
const struct doc_footnote *doc_footnote_find(const struct doc *doc,
    const char *mark);

#endif
