/*
 * search: the folded index of a document and queries against it.
 *
 * Every searchable field is indexed: each node's title and each of its own
 * organisations, each measure's text and each of its organisations, each
 * footnote's term and text.  Fields belong to entries: a node (its title and
 * own organisations), a measure (its text and organisations), a footnote
 * (its term and text).  A query is folded as the text is (model/fold.h) and
 * split into words at spaces (ASCII or ideographic); an entry matches when
 * every word occurs in one of its fields (a plain substring scan of the
 * folded text).  With romaji on and C/Migemo built in, a word of at least
 * SEARCH_ROMAJI_MIN_LETTERS ASCII letters also matches Japanese that reads
 * so (its Migemo pattern, run on the folded text with ICU regular
 * expressions); the dictionary is loaded on the first such word, or by
 * search_prepare_romaji.
 *
 * The index borrows the doc (valid until doc_free()) and owns its folded
 * text.  Results own their arrays and borrow the index's fields.
 */
#ifndef SEARCH_H
#define SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "model/doc.h"

/* Shorter ASCII words are not read as romaji. */
#define SEARCH_ROMAJI_MIN_LETTERS	3

enum search_kind {
	SEARCH_TITLE,
	SEARCH_MEASURE,
	SEARCH_AGENCY,
	SEARCH_FOOTNOTE,	/* a footnote's term or its text */
};

struct search_field {
	enum search_kind	 kind;
	const struct doc_node	*node;		/* NULL for a footnote */
	size_t			 measure;	/* measure index, or SIZE_MAX for
						   a title and a node's own
						   organisation */
	size_t			 footnote;	/* footnote index, or SIZE_MAX */
	const char		*text;		/* the original text (the doc's) */
	size_t			 entry;		/* fields of one entry share it */
	size_t			 fold_start;	/* where its folded text starts in
						   the index's folded buffer */
	size_t			 fold_len;
	size_t			 seg_start;	/* its segments in the index */
	size_t			 n_segs;
};

struct search_index {
	const struct doc	*doc;
	struct search_field	*fields;	/* in document order */
	size_t			 n_fields;
	size_t			 n_entries;
	char			*folded;	/* every field's folded text, each
						   followed by a NUL */
	size_t			 folded_len;
	struct fold_seg		*segs;		/* offsets relative to the field */
	size_t			 n_segs;
	int			 romaji;	/* try Migemo for ASCII words */
	void			*migemo;	/* loaded on first use, or NULL */
	int			 migemo_failed;	/* the dictionary could not load */
};

/* One matching field and where the words occur in its original text. */
struct search_hit {
	const struct search_field	*field;
	size_t				*ranges;	/* start, end pairs: byte
							   offsets into field->text,
							   sorted, not overlapping */
	size_t				 n_ranges;
};

struct search_result {
	struct search_hit	*hits;		/* in document order */
	size_t			 n_hits;
	size_t			 n_entries;	/* entries that matched */
};

/* Build the index of doc; romaji starts on when Migemo is built in. */
void search_index_build(struct search_index *ix, const struct doc *doc);
/*
 * Load the file at path as doc_load_file does and build its index while it
 * loads, on a second thread (the same index as search_index_build's).
 * Returns 0, or -1 with err filled and *out NULL (ix then zeroed).
 */
int search_load_file(struct search_index *ix, const char *path,
    struct doc **out, struct doc_error *err);
/* The same for data[0..len_bytes), named name, as doc_load does. */
int search_load_data(struct search_index *ix, const char *name,
    const char *data, size_t len_bytes, struct doc **out,
    struct doc_error *err);
/* Free the index (and Migemo, if loaded). */
void search_index_fini(struct search_index *ix);

/*
 * Run query (UTF-8) and fill res (zeroed or finished before).  Returns 0,
 * or -1 when the query has no words (empty or only spaces).
 */
int search_run(struct search_index *ix, const char *query,
    struct search_result *res);
/* Free a result and zero it. */
void search_result_fini(struct search_result *res);

/*
 * Load the Migemo dictionary now when romaji is on (about 0.2 s), so that
 * the first romaji word typed does not wait for it.  Safe to call again.
 */
void search_prepare_romaji(struct search_index *ix);

/* Whether romaji search is built in (C/Migemo present at build time). */
int search_has_migemo(void);
/* Path of the Migemo dictionary used (for --version), or NULL. */
const char *search_migemo_dict(void);

#endif
