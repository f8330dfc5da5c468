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
 * expressions).  A thread of the index's loads the Migemo dictionary and
 * writes each romaji word's pattern (search_prepare_romaji,
 * search_romaji_ready), so that a browser need never wait for Migemo on a
 * keystroke.
 *
 * A query can also run a slice at a time from an entry (search_job_*), for
 * search as you type: the first match from that entry comes at once, the
 * rest between keystrokes, and the end result is search_run's.
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
	int			 hyperscan;	/* scan romaji literals with
						   Hyperscan (when built in) */
	void			*hs_worker;	/* its compiling thread, or NULL:
						   stopped by search_index_fini */
	const char		*migemo_dict;	/* borrowed: the Migemo dictionary,
						   or NULL for search_migemo_dict's */
	void			*migemo;	/* the dictionary once loaded, or
						   NULL: its thread's alone, to
						   look at only */
	int			 migemo_failed;	/* the dictionary could not load */
	void			*migemo_thread;	/* the thread that loads it and
						   writes patterns, or NULL:
						   stopped by search_index_fini */
	unsigned long		 migemo_queries; /* patterns it has written, as
						   last seen (for tests) */
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
 * loads (a large document's parser runs on a thread of its own meanwhile,
 * model/load.c); the same index as search_index_build's.
 * Returns 0, or -1 with err filled and *out NULL (ix then zeroed).
 */
int search_load_file(struct search_index *ix, const char *path,
    struct doc **out, struct doc_error *err);
/* The same for data[0..len_bytes), named name, as doc_load does. */
int search_load_data(struct search_index *ix, const char *name,
    const char *data, size_t len_bytes, struct doc **out,
    struct doc_error *err);
/* Forget the romaji words kept (their Migemo patterns, and compiled):
 * the next search of each asks Migemo and compiles again, as the first
 * did (for measuring that).  Jobs running keep their literals; a word of
 * theirs still waiting to be compiled is dropped, and they finish one
 * literal at a time. */
void search_forget(struct search_index *ix);
/* Free the index (and Migemo, if loaded). */
void search_index_fini(struct search_index *ix);

/*
 * Run query (UTF-8) and fill res (zeroed or finished before).  Returns 0,
 * or -1 when the query has no words (empty or only spaces).  The same as
 * search_job_start from field 0 and search_job_finish.
 */
int search_run(struct search_index *ix, const char *query,
    struct search_result *res);

/*
 * A search run a slice at a time (a job), so that search as you type can
 * show the first match at once and find the rest between keystrokes.  The
 * job starts at an entry (the origin), scans the folded text from there to
 * the end and then from the start back to the origin, one slice of whole
 * entries at a time (so that several words must still occur in one
 * entry), and its result is search_run's: every hit, in document order.
 * A job borrows the index (valid until search_index_fini) and owns the
 * rest; only ix, first, scanned_bytes and done are to be read.
 */
struct search_work;
struct search_job {
	struct search_index		*ix;
	const struct search_field	*first;		/* the first field that
							   matched in scan order
							   (from the origin on,
							   wrapping), or NULL */
	size_t				 scanned_bytes;	/* of ix->folded_len */
	size_t				 hs_bytes;	/* bytes a romaji word's
							   literals were found
							   in by Hyperscan */
	int				 done;		/* the result is ready */
	struct search_work		*work;		/* search.c's */
};

/*
 * The field of node's title (measure SIZE_MAX) or of its measure, to
 * start a job from; n_fields for NULL.
 */
size_t search_field_of(const struct search_index *ix,
    const struct doc_node *node, size_t measure);
/*
 * Start a job for query (UTF-8) from the entry of field from (0 with
 * from >= n_fields): fold it, split it into words and, for romaji,
 * prepare their Migemo patterns; nothing is scanned yet.  Returns 0, or
 * -1 when the query has no words (the job is then done and empty).
 * Call search_job_fini in either case.
 */
int search_job_start(struct search_job *job, struct search_index *ix,
    const char *query, size_t from);
/*
 * Scan on for about budget: bytes of literal scanning, a word's romaji
 * literals each counting as another scan and a regular expression as
 * many, each occurrence as more; at least one slice.  After the scan the
 * hits are gathered into one result, also within budget.  Returns 1 when
 * the result is ready (done), else 0.
 */
int search_job_step(struct search_job *job, size_t budget);
/*
 * What has been found so far, in document order: a result of its own
 * (zeroed or finished before; free with search_result_fini).  Holds every
 * hit of the scanned entries, job->first's among them.
 */
void search_job_partial(const struct search_job *job,
    struct search_result *res);
/*
 * Step to the end and hand the result over to res (zeroed or finished
 * before): the same hits, ranges and n_entries as search_run's.  Empty
 * when the start failed.  Call search_job_fini after.
 */
void search_job_finish(struct search_job *job, struct search_result *res);
/* Free a job in any state and zero it. */
void search_job_fini(struct search_job *job);
/* Free a result and zero it. */
void search_result_fini(struct search_result *res);

/*
 * Start the index's Migemo thread when romaji is on: it loads the
 * dictionary (about 0.1 s), then writes the pattern of each romaji word
 * asked for (up to some 10 ms for a three-letter word) and keeps the
 * last few; returns at once.  Safe to call again.  A job that needs a
 * pattern not yet written waits for it; search_index_fini waits for the
 * pattern being written, but not for the dictionary still loading (the
 * thread is then left to finish and free it).
 */
void search_prepare_romaji(struct search_index *ix);
/*
 * 1 when search_job_start(query) would not wait for Migemo: every romaji
 * word of query has its pattern written (or romaji is off, or there is no
 * dictionary).  Else asks the Migemo thread for the patterns missing
 * (starting it if need be), waits up to ms milliseconds for them (0: not
 * at all; negative: until they are written), and says whether they are
 * now all there.
 */
int search_romaji_ready(struct search_index *ix, const char *query,
    double ms);

/* Whether romaji search is built in (C/Migemo present at build time). */
int search_has_migemo(void);
/* Hyperscan's version when romaji literals are scanned with it, or NULL. */
const char *search_hyperscan_version(void);
/* Path of the Migemo dictionary used (for --version), or NULL. */
const char *search_migemo_dict(void);

#endif
