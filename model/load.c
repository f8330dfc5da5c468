/*
 * load: turn a YAML document (libyaml events) into a struct doc, checking the
 * schema of data/README.md as it goes.  Every scalar is text taken as written;
 * text is checked UTF-8, may not hold NUL, and is normalised to NFC (ICU).
 *
 * The first problem stops the load and is reported with its place: syntax
 * errors at libyaml's mark, schema errors at the offending key or value,
 * missing keys at their mapping.  Anchors and aliases are refused, so nothing
 * expands.  Recursion follows node nesting only, bounded by DOC_MAX_DEPTH.
 * The other limits of doc.h (a scalar's bytes, the numbers of nodes,
 * measures, organisation names and footnotes) are checked as the events
 * come, so a hostile file is refused before it costs much more memory than
 * its own size; every check is linear or n log n in what it looks at.
 * Document text quoted in a message is shown in its visible form (text.h),
 * so a message never carries an escape sequence to the terminal.
 * Everything is allocated in the doc's arena, so a failed load frees it all
 * at once.
 *
 * A text of LOAD_PIPE_BYTES or more is parsed on a thread of its own: it
 * turns each event into a record of what the loader reads, in chunks
 * (load_pipe_run) that the loader takes in order (load_pipe_next), so that
 * building the doc (and the listener's work: folding the search index)
 * runs beside libyaml's parse on a second core.  A regular file that large
 * is read by a third thread as it is parsed (load_file).  A file read into
 * memory of our own gives back the pages already parsed (load_drop),
 * keeping a line mark for reader errors.
 */
#include "model/doc.h"

#include <errno.h>
#include <pthread.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>
#include <yaml.h>

#include "model/buf.h"
#include "model/text.h"
#include "model/xmalloc.h"

/* Document text quoted in a message is cut to this many bytes and columns:
 * messages stay one short line whatever the text. */
#define LOAD_QUOTE_BYTES	96
#define LOAD_QUOTE_COLS		48
#define LOAD_READ_BYTES		(1024 * 1024)	/* the most read() asks for */
/* A file read into memory of our own gives back the pages the parser has
 * read, every LOAD_DROP_BYTES, keeping the last LOAD_DROP_KEEP (libyaml's
 * buffers lag behind what it has read; its errors point there). */
#ifndef LOAD_DROP_BYTES
#define LOAD_DROP_BYTES		(1024 * 1024)
#endif
#define LOAD_DROP_KEEP		(256 * 1024)
/* A text of at least LOAD_PIPE_BYTES is parsed on a thread of its own
 * while the loader builds the doc from its events, handed over as records
 * in chunks of LOAD_PIPE_CHUNK bytes, at most LOAD_PIPE_QUEUE chunks
 * ahead. */
#ifndef LOAD_PIPE_BYTES
#define LOAD_PIPE_BYTES		(1024 * 1024)
#endif
#ifndef LOAD_PIPE_CHUNK
#define LOAD_PIPE_CHUNK		(64 * 1024)
#endif
#define LOAD_PIPE_QUEUE		16

/* One event as the parsing thread hands it over: what the loader reads of
 * it, followed (for a scalar) by its length bytes of text and a NUL. */
struct load_rec {
	yaml_event_type_t	 type;
	yaml_scalar_style_t	 style;
	int			 anchor;	/* it had an anchor */
	yaml_mark_t		 start;
	size_t			 length;	/* of the scalar's text */
};

/* A chunk of records the parsing thread has made, in order. */
struct load_chunk {
	struct load_chunk	*next;
	size_t			 cap;		/* bytes of buf */
	size_t			 used;
	size_t			 taken;		/* the loader's next */
	int			 failed;	/* the parser failed after used */
	_Alignas(struct load_rec) unsigned char buf[];
};

/* The parsing thread and its queue; the thread owns the parser (and the
 * dropping of pages, load_drop) until it has stopped. */
struct load_pipe {
	pthread_t		 thread;
	pthread_mutex_t		 lock;
	pthread_cond_t		 cond;		/* any change below */
	struct load_chunk	*head;		/* made, not yet taken */
	struct load_chunk	*tail;
	size_t			 queued;
	struct load_chunk	*spare;		/* taken, to be made again */
	int			 end;		/* no chunk will come */
	int			 stop;		/* the loader needs no more */
	struct load_chunk	*cur;		/* the loader's */
};

/* A regular file of at least LOAD_PIPE_BYTES is read on a thread of its own
 * (load_reader_run) while it is parsed: the parser waits only for bytes
 * not yet read.  The file is read to the size it had when opened. */
struct load_reader {
	pthread_t		 thread;
	int			 fd;
	char			*data;		/* the file's size, and a NUL */
	size_t			 size;
	pthread_mutex_t		 lock;
	pthread_cond_t		 cond;		/* avail or done changed */
	size_t			 avail;		/* data[0..avail) read */
	int			 done;		/* avail will not grow */
	/* Set before done, read after it: what stopped the reading. */
	int			 error;		/* errno of a read, or 0 */
	int			 nul;		/* found a NUL byte at... */
	size_t			 nul_line;	/* 0-based */
	size_t			 nul_col;
};

/*
 * A growable array: it grows on the heap while its list is read, then
 * load_vec_finish moves it into the arena at its exact size.  (Growing it
 * in the arena left every outgrown copy there: a third of a large
 * document's arena.)  Lists nest, so the heap copies live in l->live until
 * finished; a load that fails frees the ones left.
 */
struct load_vec {
	void	*items;
	size_t	 n;
	size_t	 cap;
	size_t	 slot;		/* index in l->live once cap > 0 */
};

/* Most distinct organisation names shared (interned); more are copied. */
#define LOAD_INTERN_MAX		65536

/* The keys one kind of mapping may hold. */
struct load_keys {
	const char	 *what;		/* "a node", for messages */
	const char	**names;
	size_t		  n;
	unsigned	  required;	/* bit i: names[i] is required */
	const char	 *hint;		/* what such a mapping needs */
};

struct load {
	/* The parser's side: the parsing thread's alone while it runs, so on
	 * cache lines of their own (the loader writes ev at every event). */
	_Alignas(64) yaml_parser_t parser;
	const char		*data;
	size_t			 len_bytes;
	int			 droppable;	/* data is ours to give back */
	size_t			 drop_next;	/* give back when read past */
	size_t			 dropped;	/* data[0..dropped) given back */
	size_t			 fed;		/* bytes given to the parser */
	struct load_reader	*reader;	/* or NULL: data is all there */
	size_t			 mark_off;	/* a line's start at or after */
	size_t			 mark_line;	/* dropped, and its 0-based */

	/* The loader's side. */
	_Alignas(64) yaml_event_t ev;	/* the current event */
	int			 have_ev;
	int			 sign;		/* the last text holds a ※ */
	struct doc		*doc;
	struct doc_error	*err;
	const UNormalizer2	*nfc;
	UChar			*ubuf;		/* scratch for normalising */
	int32_t			 ubuf_cap;
	struct buf		 scratch;
	struct buf		 quote[2];	/* load_quote's results */
	size_t			 n_nodes;	/* so far, against the limits */
	size_t			 n_measures;
	size_t			 n_names;
	size_t			*cite_seen;	/* per footnote: the last
						   cite_stamp that cited it */
	size_t			 cite_stamp;	/* one per text searched */
	void			**live;		/* load_vec heap storage */
	size_t			 n_live;
	size_t			 cap_live;
	const char		**intern;	/* names already in the arena, an
						   open-addressing table */
	size_t			 cap_intern;	/* a power of two, or 0 */
	size_t			 n_intern;
	uint8_t			*nfc_known;	/* bit c: nfc_safe[c] is known */
	uint8_t			*nfc_safe;	/* bit c: U+c has canonical
						   class 0 and NFC_QC Yes */
	const struct doc_listener *listen;	/* or NULL */
	struct load_pipe	*pipe;		/* parsing thread, or NULL */
};

static const char *load_top_names[] = {
	"title", "document_number", "date", "date_iso", "decided_by", "nodes",
	"footnotes",
};
enum { TOP_TITLE, TOP_NUMBER, TOP_DATE, TOP_DATE_ISO, TOP_DECIDED, TOP_NODES,
    TOP_FOOTNOTES };
static const struct load_keys load_top_keys = {
	"the document", load_top_names, 7, 1u << TOP_TITLE | 1u << TOP_NODES,
	"the document needs title: and nodes:"
};

static const char *load_node_names[] = {
	"number", "title", "agencies", "agency_tag", "measures", "children",
};
enum { NODE_NUMBER, NODE_TITLE, NODE_AGENCIES, NODE_TAG, NODE_MEASURES,
    NODE_CHILDREN };
static const struct load_keys load_node_keys = {
	"a node", load_node_names, 6, 1u << NODE_NUMBER | 1u << NODE_TITLE,
	"a node needs number: and title:"
};

static const char *load_measure_names[] = { "text", "agencies", "agency_tag" };
enum { MEASURE_TEXT, MEASURE_AGENCIES, MEASURE_TAG };
static const struct load_keys load_measure_keys = {
	"a measure", load_measure_names, 3, 1u << MEASURE_TEXT,
	"a measure needs text:"
};

static const char *load_footnote_names[] = { "mark", "term", "text" };
enum { FOOTNOTE_MARK, FOOTNOTE_TERM, FOOTNOTE_TEXT };
static const struct load_keys load_footnote_keys = {
	"a footnote", load_footnote_names, 3,
	1u << FOOTNOTE_MARK | 1u << FOOTNOTE_TEXT,
	"a footnote needs mark: and text:"
};

/* The footnote mark sign ※ (U+203B) in UTF-8. */
#define LOAD_MARK_SIGN		"\xe2\x80\xbb"
#define LOAD_MARK_SIGN_BYTES	3

static int load_node_list(struct load *, struct load_vec *, size_t);
static int load_data(const char *, const char *, size_t, int,
    struct load_reader *, const struct doc_listener *, struct doc **,
    struct doc_error *);
static int load_pipe_next(struct load *);
static int load_scalar_nfc(struct load *, const char *, size_t,
    const char **);
static const char *load_find_sign(const char *);

/* Tell the listener of a text a search index folds, now final. */
static void
load_tell(struct load *l, enum doc_text kind, const char *text)
{
	if (l->listen != NULL && text != NULL)
		l->listen->text(l->listen->arg, kind, text);
}

/* A size limit for messages: "1 GiB", "1 MiB" or "64 bytes" (static). */
static const char *
load_size(size_t bytes)
{
	static char text[32];

	if (bytes >= 1u << 30 && bytes % (1u << 30) == 0)
		snprintf(text, sizeof text, "%zu GiB", bytes >> 30);
	else if (bytes >= 1u << 20 && bytes % (1u << 20) == 0)
		snprintf(text, sizeof text, "%zu MiB", bytes >> 20);
	else
		snprintf(text, sizeof text, "%zu bytes", bytes);
	return text;
}

/* Cut a message that vsnprintf cut inside a character back to the last
 * whole character, so that it stays valid UTF-8. */
static void
load_trim_utf8(char *msg)
{
	size_t len = strlen(msg), i = 0, good = 0;
	UChar32 c;

	while (i < len) {
		U8_NEXT(msg, i, len, c);
		if (c < 0)
			break;
		good = i;
	}
	msg[good] = '\0';
}

/* Record an error at a place (0-based libyaml line and column). */
static int __attribute__((format(printf, 4, 5)))
load_error_at(struct load *l, size_t line0, size_t col0, const char *fmt, ...)
{
	va_list ap;

	l->err->kind = DOC_EDATA;
	l->err->line = (unsigned long)line0 + 1;
	l->err->col = (unsigned long)col0 + 1;
	va_start(ap, fmt);
	vsnprintf(l->err->message, sizeof l->err->message, fmt, ap);
	va_end(ap);
	load_trim_utf8(l->err->message);
	return -1;
}

/*
 * The visible form of document text s for a message (see text.h: controls,
 * escapes and bidi controls show as ^[ or <U+202E>, never raw), cut to
 * LOAD_QUOTE_COLS columns with "…".  Valid until the next call with the
 * same slot (0 or 1).
 */
static const char *
load_quote(struct load *l, int slot, const char *s)
{
	struct buf *b = &l->quote[slot];
	size_t len = strlen(s), cut = len;

	if (cut > LOAD_QUOTE_BYTES) {
		cut = LOAD_QUOTE_BYTES;
		while (cut > 0 && U8_IS_TRAIL((uint8_t)s[cut]))
			cut--;
	}
	buf_clear(b);
	/* text_truncate marks its own cut; a cut in bytes is marked here. */
	if (cut < len && text_width_cols(s, cut, 0) <= LOAD_QUOTE_COLS) {
		text_render(b, s, cut, 0);
		buf_adds(b, "\xe2\x80\xa6");	/* … */
	} else
		text_truncate(b, s, cut, LOAD_QUOTE_COLS);
	return b->data != NULL ? b->data : "";
}

/* Name an event's kind for messages. */
static const char *
load_event_what(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		return "text";
	case YAML_SEQUENCE_START_EVENT:
		return "a list";
	case YAML_MAPPING_START_EVENT:
		return "a mapping";
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		return "the end of the block";
	case YAML_DOCUMENT_START_EVENT:
		return "another document";
	default:
		return "the end of the file";
	}
}

/* Turn a byte offset into a 0-based line and column (in characters). */
static void
load_offset_place(const char *data, size_t len_bytes, size_t offset,
    size_t *line0, size_t *col0)
{
	size_t i = 0, line = 0, col = 0;
	UChar32 c;

	if (offset > len_bytes)
		offset = len_bytes;
	while (i < offset) {
		U8_NEXT(data, i, offset, c);
		if (c == '\n') {
			line++;
			col = 0;
		} else
			col++;
	}
	*line0 = line;
	*col0 = col;
}

/*
 * Give back the pages of data the parser has read long enough ago (when
 * data is a file read into memory of ours): the file need not stay
 * resident beside the doc and index being built from it.  The start of the
 * last line before them, and its number, are kept for load_yaml_error.
 */
static void
load_drop(struct load *l)
{
	size_t read = l->reader != NULL ? l->fed : (size_t)((const char *)
	    l->parser.input.string.current - l->data), keep, n, from, to;
	const char *p, *nl;
	long page;

	if (read < l->drop_next)
		return;
	l->drop_next = read + LOAD_DROP_BYTES;
	keep = read - LOAD_DROP_KEEP;
	for (nl = l->data + keep; nl > l->data + l->mark_off && *nl != '\n';
	    nl--)
		;
	if (nl <= l->data + l->mark_off)
		return;
	/* memchr skips a line at a time (a byte loop cost 3% of a load). */
	for (n = 0, p = l->data + l->mark_off; p <= nl &&
	    (p = memchr(p, '\n', (size_t)(nl - p) + 1)) != NULL; p++)
		n++;
	l->mark_line += n;
	l->mark_off = (size_t)(nl + 1 - l->data);
	if ((page = sysconf(_SC_PAGESIZE)) <= 0)
		return;
	from = ((uintptr_t)l->data + l->dropped + (size_t)page - 1) &
	    ~((uintptr_t)page - 1);
	to = ((uintptr_t)l->data + l->mark_off) & ~((uintptr_t)page - 1);
	if (to > from && madvise((void *)from, to - from, MADV_DONTNEED) == 0)
		l->dropped = to - (uintptr_t)l->data;
}

/* Bytes a record of ev takes in a chunk, rounded to keep records aligned. */
static size_t
load_rec_size(const yaml_event_t *ev)
{
	size_t n = sizeof(struct load_rec), a = _Alignof(struct load_rec);

	if (ev->type == YAML_SCALAR_EVENT)
		n += ev->data.scalar.length + 1;
	return (n + a - 1) / a * a;
}

/* Append ev's record to c, which has room for it. */
static void
load_rec_put(struct load_chunk *c, const yaml_event_t *ev)
{
	struct load_rec *r = (struct load_rec *)(void *)(c->buf + c->used);

	r->type = ev->type;
	r->start = ev->start_mark;
	r->style = YAML_ANY_SCALAR_STYLE;
	r->length = 0;
	r->anchor = 0;
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		r->style = ev->data.scalar.style;
		r->length = ev->data.scalar.length;
		r->anchor = ev->data.scalar.anchor != NULL;
		memcpy(r + 1, ev->data.scalar.value, r->length);
		((unsigned char *)(r + 1))[r->length] = '\0';
		break;
	case YAML_SEQUENCE_START_EVENT:
		r->anchor = ev->data.sequence_start.anchor != NULL;
		break;
	case YAML_MAPPING_START_EVENT:
		r->anchor = ev->data.mapping_start.anchor != NULL;
		break;
	default:
		break;
	}
	c->used += load_rec_size(ev);
}

/* Give a chunk the loader has read back to the parsing thread (under the
 * lock); one of a text's own size is freed instead. */
static void
load_chunk_put(struct load_pipe *p, struct load_chunk *c)
{
	if (c->cap > LOAD_PIPE_CHUNK) {
		free(c);
		return;
	}
	c->next = p->spare;
	p->spare = c;
}

/* A chunk with room for need bytes: a spare one, or a new one (of its own
 * size for a text longer than a chunk). */
static struct load_chunk *
load_chunk_get(struct load_pipe *p, size_t need)
{
	struct load_chunk *c = NULL;
	size_t cap = need > LOAD_PIPE_CHUNK ? need : LOAD_PIPE_CHUNK;

	if (need <= LOAD_PIPE_CHUNK) {
		pthread_mutex_lock(&p->lock);
		if ((c = p->spare) != NULL)
			p->spare = c->next;
		pthread_mutex_unlock(&p->lock);
	}
	if (c == NULL) {
		c = xmalloc(sizeof *c + cap);
		c->cap = cap;
	}
	c->next = NULL;
	c->used = c->taken = 0;
	c->failed = 0;
	return c;
}

/*
 * The parsing thread: parse events into chunks of records and queue them,
 * until the end of the stream, a parser error (the chunk says so) or the
 * loader's stop; it waits while LOAD_PIPE_QUEUE chunks are queued.  Each
 * event is deleted as soon as its record is made, as a plain parse would
 * (keeping them for the loader cost the allocator's caches a tenth more).
 */
static void *
load_pipe_run(void *arg)
{
	struct load *l = arg;
	struct load_pipe *p = l->pipe;
	struct load_chunk *c;
	yaml_event_t ev;
	int have = 0, last = 0;

	while (!last) {
		pthread_mutex_lock(&p->lock);
		while (p->queued >= LOAD_PIPE_QUEUE && !p->stop)
			pthread_cond_wait(&p->cond, &p->lock);
		if (p->stop) {
			p->end = 1;
			pthread_mutex_unlock(&p->lock);
			break;
		}
		pthread_mutex_unlock(&p->lock);
		c = load_chunk_get(p, have ? load_rec_size(&ev) : 0);
		for (;;) {
			if (!have) {
				if (l->droppable)
					load_drop(l);
				if (!yaml_parser_parse(&l->parser, &ev)) {
					c->failed = last = 1;
					break;
				}
				have = 1;
			}
			if (load_rec_size(&ev) > c->cap - c->used)
				break;
			load_rec_put(c, &ev);
			have = 0;
			if (ev.type == YAML_STREAM_END_EVENT)
				last = 1;
			yaml_event_delete(&ev);
			if (last)
				break;
		}
		pthread_mutex_lock(&p->lock);
		if (c->used == 0 && !c->failed) {
			/* The next event's text is longer than c holds. */
			load_chunk_put(p, c);
			pthread_mutex_unlock(&p->lock);
			continue;
		}
		if (p->tail != NULL)
			p->tail->next = c;
		else
			p->head = c;
		p->tail = c;
		p->queued++;
		p->end = last;
		pthread_cond_broadcast(&p->cond);
		pthread_mutex_unlock(&p->lock);
	}
	if (have)
		yaml_event_delete(&ev);
	return NULL;
}

/* Start parsing on a thread of its own; 0, or -1 (then parse here). */
static int
load_pipe_start(struct load *l)
{
	struct load_pipe *p = xcalloc(1, sizeof *p);

	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->cond, NULL);
	l->pipe = p;
	if (pthread_create(&p->thread, NULL, load_pipe_run, l) != 0) {
		pthread_mutex_destroy(&p->lock);
		pthread_cond_destroy(&p->cond);
		free(p);
		l->pipe = NULL;
		return -1;
	}
	return 0;
}

/* Set l->ev from record r: its text stays in r's chunk, which the loader
 * holds until it asks for an event past the chunk's last. */
static void
load_rec_get(struct load *l, const struct load_rec *r)
{
	/* Not freed: only told apart from NULL (load_next refuses it). */
	static yaml_char_t anchor[] = "";

	memset(&l->ev, 0, sizeof l->ev);
	l->ev.type = r->type;
	l->ev.start_mark = r->start;
	switch (r->type) {
	case YAML_SCALAR_EVENT:
		l->ev.data.scalar.value = (yaml_char_t *)(uintptr_t)(r + 1);
		l->ev.data.scalar.length = r->length;
		l->ev.data.scalar.style = r->style;
		l->ev.data.scalar.anchor = r->anchor ? anchor : NULL;
		break;
	case YAML_SEQUENCE_START_EVENT:
		l->ev.data.sequence_start.anchor = r->anchor ? anchor : NULL;
		break;
	case YAML_MAPPING_START_EVENT:
		l->ev.data.mapping_start.anchor = r->anchor ? anchor : NULL;
		break;
	default:
		break;
	}
}

/*
 * The next event from the parsing thread into l->ev: 0, or -1 when the
 * parser failed there (its error is in l->parser, which the thread no
 * longer touches).  After the end of the stream, an empty event, as
 * yaml_parser_parse gives.
 */
static int
load_pipe_next(struct load *l)
{
	struct load_pipe *p = l->pipe;
	struct load_chunk *c = p->cur;

	if (c != NULL && c->taken == c->used && c->failed)
		return -1;
	if (c == NULL || c->taken == c->used) {
		pthread_mutex_lock(&p->lock);
		if (c != NULL)
			load_chunk_put(p, c);
		while (p->head == NULL && !p->end)
			pthread_cond_wait(&p->cond, &p->lock);
		if ((c = p->head) != NULL) {
			p->head = c->next;
			if (p->head == NULL)
				p->tail = NULL;
			p->queued--;
			pthread_cond_broadcast(&p->cond);
		}
		pthread_mutex_unlock(&p->lock);
		p->cur = c;
		if (c == NULL) {
			memset(&l->ev, 0, sizeof l->ev);
			return 0;
		}
		if (c->taken == c->used && c->failed)
			return -1;
	}
	load_rec_get(l, (const struct load_rec *)(const void *)(c->buf +
	    c->taken));
	c->taken += load_rec_size(&l->ev);
	return 0;
}

/* Stop the parsing thread, wait for it and free what it made. */
static void
load_pipe_finish(struct load *l)
{
	struct load_pipe *p = l->pipe;
	struct load_chunk *c, *next;

	pthread_mutex_lock(&p->lock);
	p->stop = 1;
	pthread_cond_broadcast(&p->cond);
	pthread_mutex_unlock(&p->lock);
	pthread_join(p->thread, NULL);
	free(p->cur);
	for (c = p->head; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	for (c = p->spare; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	pthread_mutex_destroy(&p->lock);
	pthread_cond_destroy(&p->cond);
	free(p);
	l->pipe = NULL;
}

/*
 * The reading thread: read the file in pieces of LOAD_READ_BYTES up to its
 * size, counting lines so that a NUL byte is placed without going back
 * over pages the parser may have given back meanwhile.
 */
static void *
load_reader_run(void *arg)
{
	struct load_reader *rd = arg;
	size_t got = 0, line = 0, line_start = 0, want, col, lines_in;
	const char *p, *end, *nul;
	int error = 0, found = 0;
	ssize_t n;

	while (got < rd->size) {
		want = rd->size - got;
		n = read(rd->fd, rd->data + got, want < LOAD_READ_BYTES ? want :
		    LOAD_READ_BYTES);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			error = errno;
			break;
		}
		if (n == 0)		/* shorter now than when opened */
			break;
		end = rd->data + got + n;
		nul = memchr(rd->data + got, '\0', (size_t)n);
		if (nul != NULL)
			end = nul;
		for (p = rd->data + got; p < end &&
		    (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++) {
			line++;
			line_start = (size_t)(p + 1 - rd->data);
		}
		if (nul != NULL) {
			load_offset_place(rd->data + line_start, (size_t)(nul -
			    rd->data) - line_start, (size_t)(nul - rd->data) -
			    line_start, &lines_in, &col);
			rd->nul_line = line;
			rd->nul_col = col;
			found = 1;
			got = (size_t)(nul - rd->data);
			break;
		}
		got += (size_t)n;
		pthread_mutex_lock(&rd->lock);
		rd->avail = got;
		pthread_cond_broadcast(&rd->cond);
		pthread_mutex_unlock(&rd->lock);
	}
	rd->data[got] = '\0';
	pthread_mutex_lock(&rd->lock);
	rd->error = error;
	rd->nul = found;
	rd->avail = got;
	rd->done = 1;
	pthread_cond_broadcast(&rd->cond);
	pthread_mutex_unlock(&rd->lock);
	return NULL;
}

/* libyaml's input while the file is read: what has been read, waiting for
 * more; the end of the file, or a failure where the reading stopped on
 * one (load_data reports the reader's error instead of the parser's). */
static int
load_reader_input(void *arg, unsigned char *buffer, size_t size,
    size_t *size_read)
{
	struct load *l = arg;
	struct load_reader *rd = l->reader;
	size_t avail;
	int failed;

	pthread_mutex_lock(&rd->lock);
	while (rd->avail == l->fed && !rd->done)
		pthread_cond_wait(&rd->cond, &rd->lock);
	avail = rd->avail;
	failed = rd->done && (rd->error != 0 || rd->nul);
	pthread_mutex_unlock(&rd->lock);
	*size_read = avail - l->fed < size ? avail - l->fed : size;
	if (*size_read == 0 && failed)
		return 0;
	memcpy(buffer, l->data + l->fed, *size_read);
	l->fed += *size_read;
	return 1;
}

/* Report the parser's own error (syntax, bad encoding, control character). */
static int
load_yaml_error(struct load *l)
{
	yaml_parser_t *p = &l->parser;
	size_t line, col;
	const char *problem = p->problem != NULL ? p->problem : "unknown error";

	switch (p->error) {
	case YAML_READER_ERROR:
		/* Counted from the last line start kept (see load_drop). */
		load_offset_place(l->data + l->mark_off, l->len_bytes -
		    l->mark_off, p->problem_offset < l->mark_off ? 0 :
		    p->problem_offset - l->mark_off, &line, &col);
		line += l->mark_line;
		if (p->problem_value != -1)
			return load_error_at(l, line, col,
			    "%s (#x%X): a document is UTF-8 text without control"
			    " characters", problem, (unsigned)p->problem_value);
		return load_error_at(l, line, col, "%s", problem);
	case YAML_MEMORY_ERROR:
		return load_error_at(l, 0, 0, "out of memory while parsing");
	default:
		if (p->context != NULL)
			return load_error_at(l, p->problem_mark.line,
			    p->problem_mark.column, "%s (%s at line %lu column"
			    " %lu)", problem, p->context,
			    (unsigned long)p->context_mark.line + 1,
			    (unsigned long)p->context_mark.column + 1);
		return load_error_at(l, p->problem_mark.line,
		    p->problem_mark.column, "%s", problem);
	}
}

/* Advance to the next event; refuse anchors and aliases. */
static int
load_next(struct load *l)
{
	const yaml_mark_t *m;

	/* A piped event is a record in its chunk: nothing to free. */
	if (l->have_ev && l->pipe == NULL)
		yaml_event_delete(&l->ev);
	l->have_ev = 0;
	if (l->pipe != NULL) {
		if (load_pipe_next(l) != 0)
			return load_yaml_error(l);
	} else {
		if (l->droppable)
			load_drop(l);
		if (!yaml_parser_parse(&l->parser, &l->ev))
			return load_yaml_error(l);
	}
	l->have_ev = 1;
	m = &l->ev.start_mark;
	if (l->ev.type == YAML_ALIAS_EVENT ||
	    (l->ev.type == YAML_SCALAR_EVENT && l->ev.data.scalar.anchor) ||
	    (l->ev.type == YAML_SEQUENCE_START_EVENT &&
	    l->ev.data.sequence_start.anchor) ||
	    (l->ev.type == YAML_MAPPING_START_EVENT &&
	    l->ev.data.mapping_start.anchor))
		return load_error_at(l, m->line, m->column,
		    "anchors and aliases (& and *) are not supported (write"
		    " the text out in full)");
	if (l->ev.type == YAML_SCALAR_EVENT &&
	    l->ev.data.scalar.length > DOC_MAX_TEXT_BYTES)
		return load_error_at(l, m->line, m->column,
		    "text of %zu bytes is longer than %s, the most one text"
		    " may hold", l->ev.data.scalar.length,
		    load_size(DOC_MAX_TEXT_BYTES));
	return 0;
}

/* Report that the current event is not what was expected. */
static int
load_expected(struct load *l, const char *key, const char *expected)
{
	const yaml_mark_t *m = &l->ev.start_mark;

	if (key != NULL)
		return load_error_at(l, m->line, m->column,
		    "'%s' must be %s, found %s", key, expected,
		    load_event_what(&l->ev));
	return load_error_at(l, m->line, m->column, "expected %s, found %s",
	    expected, load_event_what(&l->ev));
}

/* Make room for one more element of size bytes and return it, zeroed.
 * The pointer is valid until the next push to the same vector. */
static void *
load_vec_push(struct load *l, struct load_vec *v, size_t size)
{
	void *p;
	size_t cap;

	if (v->n == v->cap) {
		cap = v->cap == 0 ? 4 : v->cap * 2;
		if (v->cap == 0) {
			if (l->n_live == l->cap_live) {
				l->cap_live = l->cap_live == 0 ? 16 :
				    l->cap_live * 2;
				l->live = xreallocarray(l->live, l->cap_live,
				    sizeof *l->live);
			}
			v->slot = l->n_live++;
		}
		v->items = xreallocarray(v->items, cap, size);
		l->live[v->slot] = v->items;
		v->cap = cap;
	}
	p = (char *)v->items + v->n++ * size;
	memset(p, 0, size);
	return p;
}

/* Move a vector into the arena at its exact size; return it (NULL when
 * empty).  The vector takes no more pushes. */
static void *
load_vec_finish(struct load *l, struct load_vec *v, size_t size)
{
	void *items = NULL;

	if (v->n > 0) {
		items = arena_alloc(&l->doc->arena, v->n * size);
		memcpy(items, v->items, v->n * size);
	}
	if (v->cap > 0) {
		free(v->items);
		l->live[v->slot] = NULL;
		while (l->n_live > 0 && l->live[l->n_live - 1] == NULL)
			l->n_live--;
	}
	v->items = items;
	v->cap = v->n;
	return items;
}

/* FNV-1a of s[0..len), for interning. */
static size_t
load_hash(const char *s, size_t len)
{
	uint64_t h = 14695981039346656037ULL;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return (size_t)h;
}

/*
 * The arena copy of s[0..len) shared by every equal organisation name: a
 * large document names the same few organisations hundreds of thousands
 * of times.  Past LOAD_INTERN_MAX distinct names, names are copied.
 */
static const char *
load_intern(struct load *l, const char *s, size_t len)
{
	const char **old, *p;
	size_t i, j, cap, mask;

	if (l->n_intern * 2 >= l->cap_intern) {
		if (l->n_intern >= LOAD_INTERN_MAX)
			return arena_strndup(&l->doc->arena, s, len);
		/* Grow to keep the table at most half full. */
		old = l->intern;
		cap = l->cap_intern;
		l->cap_intern = cap == 0 ? 64 : cap * 2;
		l->intern = xcalloc(l->cap_intern, sizeof *l->intern);
		mask = l->cap_intern - 1;
		for (i = 0; i < cap; i++) {
			if (old[i] == NULL)
				continue;
			for (j = load_hash(old[i], strlen(old[i])) & mask;
			    l->intern[j] != NULL; j = (j + 1) & mask)
				continue;
			l->intern[j] = old[i];
		}
		free(old);
	}
	mask = l->cap_intern - 1;
	for (j = load_hash(s, len) & mask; (p = l->intern[j]) != NULL;
	    j = (j + 1) & mask)
		if (strncmp(p, s, len) == 0 && p[len] == '\0')
			return p;
	p = arena_strndup(&l->doc->arena, s, len);
	l->intern[j] = p;
	l->n_intern++;
	return p;
}

/*
 * Whether s[0..len) (not all ASCII) is well-formed UTF-8 whose every code
 * point has canonical combining class 0 and NFC_Quick_Check Yes: then the
 * text is in NFC, as ICU's quick check would say, without converting it to
 * UTF-16 first.  What each BMP code point is, is asked of ICU once per
 * load.  Anything else (a combining mark, a Maybe, ill-formed UTF-8) is
 * left to the full check.
 */
static int
load_nfc_plain(struct load *l, const char *s, size_t len)
{
	const uint8_t *u = (const uint8_t *)s;
	size_t i = 0;
	UChar32 c;
	int safe;

	if (l->nfc_known == NULL) {
		l->nfc_known = xcalloc(0x10000 / 8, 1);
		l->nfc_safe = xcalloc(0x10000 / 8, 1);
	}
	while (i < len) {
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		/* U+4000..U+9FFF (lead bytes E4..E9: CJK ideographs, most of a
		 * Japanese text) are all NFC with class 0 (test_doc checks
		 * this against ICU): skip them without asking. */
		if (u[i] >= 0xE4 && u[i] <= 0xE9 && i + 2 < len &&
		    U8_IS_TRAIL(u[i + 1]) && U8_IS_TRAIL(u[i + 2])) {
			i += 3;
			continue;
		}
		U8_NEXT(u, i, len, c);
		if (c < 0 || c > 0xFFFF)
			return 0;
		if (c == 0x203B)
			l->sign = 1;
		if (!(l->nfc_known[c >> 3] & (1u << (c & 7)))) {
			safe = u_getCombiningClass(c) == 0 &&
			    u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) ==
			    UNORM_YES;
			l->nfc_known[c >> 3] |= (uint8_t)(1u << (c & 7));
			if (safe)
				l->nfc_safe[c >> 3] |= (uint8_t)(1u << (c & 7));
		}
		if (!(l->nfc_safe[c >> 3] & (1u << (c & 7))))
			return 0;
	}
	return 1;
}

/* Edit distance between two short ASCII keys, for "did you mean". */
static size_t
load_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, prev, tmp, row[32];

	if (la >= 32 || lb >= 32)
		return 99;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			tmp = row[j];
			row[j] = prev + (a[i - 1] != b[j - 1]);
			if (row[j - 1] + 1 < row[j])
				row[j] = row[j - 1] + 1;
			if (tmp + 1 < row[j])
				row[j] = tmp + 1;
			prev = tmp;
		}
	}
	return row[lb];
}

/* Report an unknown key, suggesting the nearest known one. */
static int
load_unknown_key(struct load *l, const struct load_keys *keys, const char *key)
{
	const yaml_mark_t *m = &l->ev.start_mark;
	size_t i, d, best = 99, besti = 0;

	for (i = 0; i < keys->n; i++) {
		d = load_distance(key, keys->names[i]);
		if (d < best) {
			best = d;
			besti = i;
		}
	}
	if (best <= 2 || best <= strlen(key) / 2)
		return load_error_at(l, m->line, m->column,
		    "unknown key '%s' in %s (did you mean '%s'?)",
		    load_quote(l, 0, key), keys->what, keys->names[besti]);
	buf_clear(&l->scratch);
	for (i = 0; i < keys->n; i++)
		buf_printf(&l->scratch, "%s%s", i == 0 ? "" : ", ",
		    keys->names[i]);
	return load_error_at(l, m->line, m->column,
	    "unknown key '%s' in %s (expected one of: %s)",
	    load_quote(l, 0, key), keys->what, l->scratch.data);
}

/*
 * Read the next key of a mapping: 1 with *index set, 0 at the mapping's end
 * (after checking that every required key was seen), -1 on error.
 */
static int
load_key(struct load *l, const struct load_keys *keys, unsigned *seen,
    const yaml_mark_t *start, size_t *index)
{
	const char *key;
	size_t i;

	if (load_next(l) != 0)
		return -1;
	if (l->ev.type == YAML_MAPPING_END_EVENT) {
		for (i = 0; i < keys->n; i++)
			if ((keys->required & (1u << i)) && !(*seen & (1u << i)))
				return load_error_at(l, start->line,
				    start->column, "%s lacks '%s' (%s)",
				    keys->what, keys->names[i], keys->hint);
		return 0;
	}
	if (l->ev.type != YAML_SCALAR_EVENT)
		return load_expected(l, NULL, "a key");
	key = (const char *)l->ev.data.scalar.value;
	for (i = 0; i < keys->n; i++)
		if (strcmp(key, keys->names[i]) == 0)
			break;
	if (i == keys->n)
		return load_unknown_key(l, keys, key);
	if (*seen & (1u << i))
		return load_error_at(l, l->ev.start_mark.line,
		    l->ev.start_mark.column, "'%s' is given twice in %s", key,
		    keys->what);
	*seen |= 1u << i;
	*index = i;
	return 1;
}

/* Check, normalise to NFC and copy the current scalar into the arena
 * (shared with equal texts when intern is set); l->sign tells whether it
 * holds the footnote sign ※. */
static int
load_scalar_text(struct load *l, const char **out, int intern)
{
	const char *s = (const char *)l->ev.data.scalar.value;
	size_t len = l->ev.data.scalar.length, i;
	const yaml_mark_t *m = &l->ev.start_mark;
	int ascii = 1, r;

	/* libyaml's reader refuses a NUL byte: only an escape in a
	 * double-quoted scalar ("\0", "\x00", "\u0000") makes one. */
	if (l->ev.data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE &&
	    memchr(s, '\0', len) != NULL)
		return load_error_at(l, m->line, m->column,
		    "text holds a NUL character (\\0), which a document cannot"
		    " hold");
	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80) {
			ascii = 0;
			break;
		}
	l->sign = 0;
	if (ascii || len > INT32_MAX / 2) {
		if (!ascii)
			return load_error_at(l, m->line, m->column,
			    "text longer than %d bytes", INT32_MAX / 2);
		*out = intern ? load_intern(l, s, len) :
		    arena_strndup(&l->doc->arena, s, len);
		return 0;
	}
	if (load_nfc_plain(l, s + i, len - i)) {
		*out = intern ? load_intern(l, s, len) :
		    arena_strndup(&l->doc->arena, s, len);
		return 0;
	}
	r = load_scalar_nfc(l, s, len, out);
	l->sign = r == 0 && load_find_sign(*out) != NULL;
	return r;
}

/* Normalise s[0..len), which is not plain NFC (load_nfc_plain), into *out
 * in the arena. */
static int
load_scalar_nfc(struct load *l, const char *s, size_t len, const char **out)
{
	const yaml_mark_t *m = &l->ev.start_mark;
	UErrorCode ue = U_ZERO_ERROR;
	int32_t ulen, olen;

	u_strFromUTF8(l->ubuf, l->ubuf_cap, &ulen, s, (int32_t)len, &ue);
	if (ue == U_BUFFER_OVERFLOW_ERROR || ue == U_STRING_NOT_TERMINATED_WARNING) {
		l->ubuf_cap = ulen + 1;
		l->ubuf = xreallocarray(l->ubuf, (size_t)l->ubuf_cap,
		    sizeof *l->ubuf);
		ue = U_ZERO_ERROR;
		u_strFromUTF8(l->ubuf, l->ubuf_cap, &ulen, s, (int32_t)len, &ue);
	}
	if (U_FAILURE(ue))
		return load_error_at(l, m->line, m->column,
		    "text is not valid UTF-8");
	if (unorm2_quickCheck(l->nfc, l->ubuf, ulen, &ue) == UNORM_YES &&
	    U_SUCCESS(ue)) {
		*out = arena_strndup(&l->doc->arena, s, len);
		return 0;
	}
	/* Normalise into a second UChar buffer, then back to UTF-8. */
	ue = U_ZERO_ERROR;
	olen = unorm2_normalize(l->nfc, l->ubuf, ulen, NULL, 0, &ue);
	if (ue != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(ue))
		return load_error_at(l, m->line, m->column,
		    "text cannot be normalised (%s)", u_errorName(ue));
	{
		UChar *norm = xreallocarray(NULL, (size_t)olen + 1, sizeof *norm);
		int32_t blen;
		char *p;

		ue = U_ZERO_ERROR;
		unorm2_normalize(l->nfc, l->ubuf, ulen, norm, olen + 1, &ue);
		u_strToUTF8(NULL, 0, &blen, norm, olen, &ue);
		ue = U_ZERO_ERROR;
		p = arena_alloc(&l->doc->arena, (size_t)blen + 1);
		u_strToUTF8(p, blen + 1, NULL, norm, olen, &ue);
		free(norm);
		if (U_FAILURE(ue))
			return load_error_at(l, m->line, m->column,
			    "text cannot be normalised (%s)", u_errorName(ue));
		*out = p;
	}
	return 0;
}

/* Read a text value for key; empty text is refused when required. */
static int
load_text(struct load *l, const char *key, int required, const char **out,
    struct doc_pos *pos)
{
	if (load_next(l) != 0)
		return -1;
	if (l->ev.type != YAML_SCALAR_EVENT)
		return load_expected(l, key, "text");
	if (pos != NULL) {
		pos->line = (unsigned long)l->ev.start_mark.line + 1;
		pos->col = (unsigned long)l->ev.start_mark.column + 1;
	}
	if (l->ev.data.scalar.length == 0) {
		if (required)
			return load_error_at(l, l->ev.start_mark.line,
			    l->ev.start_mark.column, "'%s' is empty (expected"
			    " text)", key);
		*out = NULL;
		return 0;
	}
	return load_scalar_text(l, out, 0);
}

/* Read a list of names (agencies: [NISC, 総務省]). */
static int
load_agency_list(struct load *l, struct doc_agencies *ag)
{
	struct load_vec v = { 0 };
	const char **slot;

	if (load_next(l) != 0)
		return -1;
	if (l->ev.type != YAML_SEQUENCE_START_EVENT)
		return load_expected(l, "agencies", "a list of names, like"
		    " [総務省, 経済産業省]");
	for (;;) {
		if (load_next(l) != 0)
			return -1;
		if (l->ev.type == YAML_SEQUENCE_END_EVENT)
			break;
		if (l->ev.type != YAML_SCALAR_EVENT)
			return load_expected(l, NULL, "an organisation's name");
		if (l->ev.data.scalar.length == 0)
			return load_error_at(l, l->ev.start_mark.line,
			    l->ev.start_mark.column,
			    "an organisation's name is empty");
		if (v.n == DOC_MAX_LIST_NAMES)
			return load_error_at(l, l->ev.start_mark.line,
			    l->ev.start_mark.column, "more than %zu"
			    " organisations in one list",
			    (size_t)DOC_MAX_LIST_NAMES);
		if (l->n_names++ == DOC_MAX_NAMES)
			return load_error_at(l, l->ev.start_mark.line,
			    l->ev.start_mark.column, "more than %zu"
			    " organisation names in the document, the most it"
			    " may hold", (size_t)DOC_MAX_NAMES);
		slot = load_vec_push(l, &v, sizeof *slot);
		if (load_scalar_text(l, slot, 1) != 0)
			return -1;
		load_tell(l, DOC_TEXT_NAME, *slot);
	}
	ag->n = v.n;
	ag->names = load_vec_finish(l, &v, sizeof *slot);
	return 0;
}

/* Check that an agency_tag names every organisation in its list. */
static int
load_check_tag(struct load *l, const struct doc_agencies *ag,
    const struct doc_pos *tag_pos)
{
	size_t i;

	if (ag->tag == NULL)
		return 0;
	if (ag->n == 0)
		return load_error_at(l, tag_pos->line - 1, tag_pos->col - 1,
		    "agency_tag is given without agencies (list the"
		    " organisations it names in agencies:)");
	for (i = 0; i < ag->n; i++)
		if (strstr(ag->tag, ag->names[i]) == NULL)
			return load_error_at(l, tag_pos->line - 1,
			    tag_pos->col - 1, "agency_tag '%s' does not contain"
			    " '%s' (agencies: must list the names it holds)",
			    load_quote(l, 0, ag->tag),
			    load_quote(l, 1, ag->names[i]));
	return 0;
}

/* Expect the start of a mapping for one element of a list. */
static int
load_expect_mapping(struct load *l, const char *what)
{
	if (l->ev.type != YAML_MAPPING_START_EVENT)
		return load_expected(l, NULL, what);
	return 0;
}

/* Read one measure's mapping (the MAPPING_START is current). */
static int
load_measure(struct load *l, struct doc_measure *me)
{
	yaml_mark_t start = l->ev.start_mark;
	struct doc_pos tag_pos = { 0, 0 };
	unsigned seen = 0;
	size_t key;
	int r;

	while ((r = load_key(l, &load_measure_keys, &seen, &start, &key)) == 1) {
		switch (key) {
		case MEASURE_TEXT:
			r = load_text(l, "text", 1, &me->text, &me->pos);
			if (r == 0)
				load_tell(l, DOC_TEXT_MEASURE, me->text);
			/* Until load_link counts them: whether to look. */
			me->n_footnotes = r == 0 && l->sign;
			break;
		case MEASURE_AGENCIES:
			r = load_agency_list(l, &me->agencies);
			break;
		default:
			r = load_text(l, "agency_tag", 0, &me->agencies.tag,
			    &tag_pos);
			break;
		}
		if (r != 0)
			return -1;
	}
	if (r != 0)
		return -1;
	return load_check_tag(l, &me->agencies, &tag_pos);
}

/* Read a list of measures. */
static int
load_measure_list(struct load *l, struct doc_node *node)
{
	struct load_vec v = { 0 };

	if (load_next(l) != 0)
		return -1;
	if (l->ev.type != YAML_SEQUENCE_START_EVENT)
		return load_expected(l, "measures", "a list of measures");
	for (;;) {
		if (load_next(l) != 0)
			return -1;
		if (l->ev.type == YAML_SEQUENCE_END_EVENT)
			break;
		if (load_expect_mapping(l, "a measure (a mapping with text:"
		    " and agencies:)") != 0)
			return -1;
		if (l->n_measures++ == DOC_MAX_MEASURES)
			return load_error_at(l, l->ev.start_mark.line,
			    l->ev.start_mark.column, "more than %zu measures,"
			    " the most a document may hold",
			    (size_t)DOC_MAX_MEASURES);
		if (load_measure(l, load_vec_push(l, &v,
		    sizeof(struct doc_measure))) != 0)
			return -1;
	}
	node->measures = load_vec_finish(l, &v, sizeof(struct doc_measure));
	node->n_measures = v.n;
	return 0;
}

/* A text to find repeated, and where it stands in its list. */
struct load_key_at {
	const char	*key;
	size_t		 at;
};

/* Order keys by text, then by place. */
static int
load_cmp_key_at(const void *a, const void *b)
{
	const struct load_key_at *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	if (c != 0)
		return c;
	return x->at < y->at ? -1 : x->at > y->at;
}

/*
 * Whether key(i) for i < n repeats: then *dup is the earliest place that
 * repeats an earlier one, *first that earlier one (n log n: a sort).
 */
static int
load_find_repeat(size_t n, const char *(*key)(const void *, size_t),
    const void *items, size_t *dup, size_t *first)
{
	struct load_key_at *k;
	size_t i;
	int found = 0;

	if (n < 2)
		return 0;
	k = xreallocarray(NULL, n, sizeof *k);
	for (i = 0; i < n; i++) {
		k[i].key = key(items, i);
		k[i].at = i;
	}
	qsort(k, n, sizeof *k, load_cmp_key_at);
	for (i = 1; i < n; i++)
		if (strcmp(k[i - 1].key, k[i].key) == 0 &&
		    (!found || k[i].at < *dup)) {
			*dup = k[i].at;
			*first = k[i - 1].at;
			found = 1;
		}
	free(k);
	return found;
}

/* A node's number, for load_find_repeat. */
static const char *
load_node_number(const void *nodes, size_t i)
{
	return ((const struct doc_node *)nodes)[i].number;
}

/* Refuse two siblings with the same number, naming the later one. */
static int
load_check_numbers(struct load *l, struct doc_node *nodes, size_t n)
{
	size_t dup, first;

	if (!load_find_repeat(n, load_node_number, nodes, &dup, &first))
		return 0;
	return load_error_at(l, nodes[dup].pos.line - 1,
	    nodes[dup].pos.col - 1, "number '%s' is used twice among siblings"
	    " (first at line %lu; numbers must be unique)",
	    load_quote(l, 0, nodes[dup].number), nodes[first].pos.line);
}

/* Read one node's mapping (the MAPPING_START is current). */
static int
load_node(struct load *l, struct doc_node *node, size_t depth)
{
	yaml_mark_t start = l->ev.start_mark;
	struct doc_pos tag_pos = { 0, 0 };
	struct load_vec children = { 0 };
	unsigned seen = 0;
	size_t key;
	int r;

	if (depth >= DOC_MAX_DEPTH)
		return load_error_at(l, start.line, start.column,
		    "nodes nest deeper than %d levels", DOC_MAX_DEPTH);
	node->pos.line = (unsigned long)start.line + 1;
	node->pos.col = (unsigned long)start.column + 1;
	node->depth = depth;
	while ((r = load_key(l, &load_node_keys, &seen, &start, &key)) == 1) {
		switch (key) {
		case NODE_NUMBER:
			r = load_text(l, "number", 1, &node->number, NULL);
			break;
		case NODE_TITLE:
			r = load_text(l, "title", 1, &node->title, NULL);
			if (r == 0)
				load_tell(l, DOC_TEXT_TITLE, node->title);
			/* Until load_link counts them: whether to look. */
			node->n_footnotes = r == 0 && l->sign;
			break;
		case NODE_AGENCIES:
			r = load_agency_list(l, &node->agencies);
			break;
		case NODE_TAG:
			r = load_text(l, "agency_tag", 0, &node->agencies.tag,
			    &tag_pos);
			break;
		case NODE_MEASURES:
			r = load_measure_list(l, node);
			break;
		default:
			r = load_node_list(l, &children, depth + 1);
			node->children = children.items;
			node->n_children = children.n;
			break;
		}
		if (r != 0)
			return -1;
	}
	if (r != 0)
		return -1;
	return load_check_tag(l, &node->agencies, &tag_pos);
}

/* Read a list of nodes at the given depth into v. */
static int
load_node_list(struct load *l, struct load_vec *v, size_t depth)
{
	const char *key = depth == 0 ? "nodes" : "children";

	if (load_next(l) != 0)
		return -1;
	if (l->ev.type != YAML_SEQUENCE_START_EVENT)
		return load_expected(l, key, "a list of nodes");
	for (;;) {
		if (load_next(l) != 0)
			return -1;
		if (l->ev.type == YAML_SEQUENCE_END_EVENT)
			break;
		if (load_expect_mapping(l, "a node (a mapping with number:"
		    " and title:)") != 0)
			return -1;
		if (l->n_nodes++ == DOC_MAX_NODES)
			return load_error_at(l, l->ev.start_mark.line,
			    l->ev.start_mark.column, "more than %zu nodes, the"
			    " most a document may hold", (size_t)DOC_MAX_NODES);
		if (load_node(l, load_vec_push(l, v, sizeof(struct doc_node)),
		    depth) != 0)
			return -1;
	}
	if (v->n == 0)
		return load_error_at(l, l->ev.start_mark.line,
		    l->ev.start_mark.column, "'%s' is an empty list (leave it"
		    " out, or list at least one node)", key);
	load_vec_finish(l, v, sizeof(struct doc_node));
	return load_check_numbers(l, v->items, v->n);
}

/* Whether s is "※" followed by one or more ASCII digits and nothing else. */
static int
load_is_mark(const char *s)
{
	size_t i;

	if (strncmp(s, LOAD_MARK_SIGN, LOAD_MARK_SIGN_BYTES) != 0)
		return 0;
	for (i = LOAD_MARK_SIGN_BYTES; s[i] >= '0' && s[i] <= '9'; i++)
		continue;
	return i > LOAD_MARK_SIGN_BYTES && s[i] == '\0';
}

/* Read one footnote's mapping (the MAPPING_START is current). */
static int
load_footnote(struct load *l, struct doc_footnote *fn)
{
	yaml_mark_t start = l->ev.start_mark;
	struct doc_pos mark_pos = { 0, 0 };
	unsigned seen = 0;
	size_t key;
	int r;

	fn->pos.line = (unsigned long)start.line + 1;
	fn->pos.col = (unsigned long)start.column + 1;
	while ((r = load_key(l, &load_footnote_keys, &seen, &start, &key)) ==
	    1) {
		switch (key) {
		case FOOTNOTE_MARK:
			r = load_text(l, "mark", 1, &fn->mark, &mark_pos);
			if (r == 0 && !load_is_mark(fn->mark))
				r = load_error_at(l, mark_pos.line - 1,
				    mark_pos.col - 1, "footnote mark '%s' is"
				    " not ※ followed by digits (like ※1)",
				    load_quote(l, 0, fn->mark));
			break;
		case FOOTNOTE_TERM:
			r = load_text(l, "term", 0, &fn->term, NULL);
			if (r == 0)
				load_tell(l, DOC_TEXT_TERM, fn->term);
			break;
		default:
			r = load_text(l, "text", 1, &fn->text, NULL);
			if (r == 0)
				load_tell(l, DOC_TEXT_FOOTNOTE, fn->text);
			break;
		}
		if (r != 0)
			return -1;
	}
	return r;
}

/* A footnote's mark, for load_find_repeat. */
static const char *
load_footnote_mark(const void *fns, size_t i)
{
	return ((const struct doc_footnote *)fns)[i].mark;
}

/* Refuse a mark defined twice, naming the earliest repetition. */
static int
load_check_marks(struct load *l, struct doc_footnote *fns, size_t n)
{
	size_t dup, first;

	if (!load_find_repeat(n, load_footnote_mark, fns, &dup, &first))
		return 0;
	return load_error_at(l, fns[dup].pos.line - 1, fns[dup].pos.col - 1,
	    "footnote %s is defined twice (first at line %lu)",
	    load_quote(l, 0, fns[dup].mark), fns[first].pos.line);
}

/* Read the list of footnotes, refusing a mark defined twice. */
static int
load_footnote_list(struct load *l)
{
	struct load_vec v = { 0 };
	struct doc_footnote *fn;

	if (load_next(l) != 0)
		return -1;
	if (l->ev.type != YAML_SEQUENCE_START_EVENT)
		return load_expected(l, "footnotes", "a list of footnotes");
	for (;;) {
		if (load_next(l) != 0)
			return -1;
		if (l->ev.type == YAML_SEQUENCE_END_EVENT)
			break;
		if (load_expect_mapping(l, "a footnote (a mapping with mark:"
		    " and text:)") != 0)
			return -1;
		if (v.n == DOC_MAX_FOOTNOTES)
			return load_error_at(l, l->ev.start_mark.line,
			    l->ev.start_mark.column, "more than %zu footnotes,"
			    " the most a document may hold",
			    (size_t)DOC_MAX_FOOTNOTES);
		fn = load_vec_push(l, &v, sizeof *fn);
		if (load_footnote(l, fn) != 0)
			return -1;
	}
	if (load_check_marks(l, v.items, v.n) != 0)
		return -1;
	l->doc->footnotes = load_vec_finish(l, &v, sizeof *fn);
	l->doc->n_footnotes = v.n;
	return 0;
}

/* Whether s is a real date written YYYY-MM-DD. */
static int
load_is_iso_date(const char *s)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30,
	    31 };
	int y, m, d, n = 0;

	if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 ||
	    n != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	if (m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return 0;
	return m != 2 || d != 29 || (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
}

/* Read the top-level mapping. */
static int
load_top(struct load *l)
{
	yaml_mark_t start = l->ev.start_mark;
	struct doc_pos date_pos = { 0, 0 };
	struct load_vec nodes = { 0 };
	struct doc *doc = l->doc;
	unsigned seen = 0;
	size_t key;
	int r;

	while ((r = load_key(l, &load_top_keys, &seen, &start, &key)) == 1) {
		switch (key) {
		case TOP_TITLE:
			r = load_text(l, "title", 1, &doc->title, NULL);
			break;
		case TOP_NUMBER:
			r = load_text(l, "document_number", 0,
			    &doc->document_number, NULL);
			break;
		case TOP_DATE:
			r = load_text(l, "date", 0, &doc->date, NULL);
			break;
		case TOP_DATE_ISO:
			r = load_text(l, "date_iso", 0, &doc->date_iso,
			    &date_pos);
			if (r == 0 && doc->date_iso != NULL &&
			    !load_is_iso_date(doc->date_iso))
				r = load_error_at(l, date_pos.line - 1,
				    date_pos.col - 1, "date_iso '%s' is not a"
				    " date written YYYY-MM-DD",
				    load_quote(l, 0, doc->date_iso));
			break;
		case TOP_DECIDED:
			r = load_text(l, "decided_by", 0, &doc->decided_by,
			    NULL);
			break;
		case TOP_NODES:
			r = load_node_list(l, &nodes, 0);
			doc->nodes = nodes.items;
			doc->n_nodes = nodes.n;
			break;
		default:
			r = load_footnote_list(l);
			break;
		}
		if (r != 0)
			return -1;
	}
	return r;
}

/* Order footnote indices by mark, for bsearch. */
static const struct doc_footnote *load_sort_base;
/* Compare two footnote indices by their marks. */
static int
load_cmp_mark(const void *a, const void *b)
{
	return strcmp(load_sort_base[*(const size_t *)a].mark,
	    load_sort_base[*(const size_t *)b].mark);
}

/* Index of the footnote whose mark is mark[0..len), or SIZE_MAX (byindex
 * sorted by mark). */
static size_t
load_find_mark(const struct doc *doc, const size_t *byindex, const char *mark,
    size_t len)
{
	size_t lo = 0, hi = doc->n_footnotes, mid;
	const char *m;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		m = doc->footnotes[byindex[mid]].mark;
		c = strncmp(mark, m, len);
		if (c == 0 && m[len] != '\0')
			c = -1;		/* mark is a prefix of m */
		if (c == 0)
			return byindex[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return SIZE_MAX;
}

/*
 * The next ※ at or after p, or NULL.  Not strstr: the sanitizers check
 * strstr's whole haystack on every call, which makes a scan of a long text
 * quadratic there.
 */
static const char *
load_find_sign(const char *p)
{
	for (; (p = strchr(p, LOAD_MARK_SIGN[0])) != NULL; p++)
		if (strncmp(p, LOAD_MARK_SIGN, LOAD_MARK_SIGN_BYTES) == 0)
			return p;
	return NULL;
}

/*
 * Find the ※N marks in text, record them (each once) as footnote indices in
 * *out and cite the node or measure from each footnote.
 */
static int
load_cite(struct load *l, const size_t *byindex, const char *text,
    const struct doc_pos *pos, const struct doc_node *node, size_t measure,
    const size_t **out, size_t *n_out)
{
	struct load_vec found = { 0 };
	const char *p = text, *q;
	struct doc_footnote *fn;
	struct doc_cite *cites;
	size_t idx, digits;

	l->cite_stamp++;
	while ((p = load_find_sign(p)) != NULL) {
		q = p + LOAD_MARK_SIGN_BYTES;
		for (digits = 0; q[digits] >= '0' && q[digits] <= '9'; digits++)
			continue;
		if (digits == 0) {
			p = q;
			continue;
		}
		idx = load_find_mark(l->doc, byindex, p,
		    LOAD_MARK_SIGN_BYTES + digits);
		if (idx == SIZE_MAX) {
			buf_clear(&l->scratch);
			buf_add(&l->scratch, p, LOAD_MARK_SIGN_BYTES + digits);
			return load_error_at(l, pos->line - 1, pos->col - 1,
			    "footnote mark %s has no definition (define it"
			    " under footnotes:)",
			    load_quote(l, 0, l->scratch.data));
		}
		p = q + digits;
		/* Each footnote once per text, in constant time. */
		if (l->cite_seen[idx] == l->cite_stamp)
			continue;
		l->cite_seen[idx] = l->cite_stamp;
		*(size_t *)load_vec_push(l, &found, sizeof idx) = idx;
		fn = &l->doc->footnotes[idx];
		if ((fn->n_cited_by & (fn->n_cited_by - 1)) == 0) {
			/* Grow at powers of two, in the arena. */
			cites = arena_calloc(&l->doc->arena,
			    fn->n_cited_by == 0 ? 1 : fn->n_cited_by * 2,
			    sizeof *cites);
			if (fn->n_cited_by != 0)
				memcpy(cites, fn->cited_by,
				    fn->n_cited_by * sizeof *cites);
			fn->cited_by = cites;
		}
		fn->cited_by[fn->n_cited_by].node = node;
		fn->cited_by[fn->n_cited_by].measure = measure;
		fn->n_cited_by++;
	}
	*n_out = found.n;
	*out = load_vec_finish(l, &found, sizeof(size_t));
	return 0;
}

/*
 * Link the tree once it is complete: parents, sibling indices and depths,
 * counts, and footnote citations in document order.
 */
static int
load_link(struct load *l)
{
	struct doc *doc = l->doc;
	struct doc_node *n;
	struct doc_pos title_pos;
	size_t *byindex, i;
	int r = 0;

	byindex = xreallocarray(NULL, doc->n_footnotes + 1, sizeof *byindex);
	l->cite_seen = xcalloc(doc->n_footnotes + 1, sizeof *l->cite_seen);
	for (i = 0; i < doc->n_footnotes; i++)
		byindex[i] = i;
	load_sort_base = doc->footnotes;
	if (doc->n_footnotes > 1)
		qsort(byindex, doc->n_footnotes, sizeof *byindex, load_cmp_mark);

	for (i = 0; i < doc->n_nodes; i++) {
		doc->nodes[i].parent = NULL;
		doc->nodes[i].index = i;
	}
	for (n = doc->nodes; n != NULL && r == 0;
	    n = doc_next(doc, n)) {
		for (i = 0; i < n->n_children; i++) {
			n->children[i].parent = n;
			n->children[i].index = i;
		}
		n->id = doc->total_nodes++;
		doc->total_measures += n->n_measures;
		if (n->depth > doc->max_depth)
			doc->max_depth = n->depth;
		title_pos = n->pos;
		/* Only texts the loader saw a ※ in (n_footnotes set). */
		if (n->n_footnotes != 0)
			r = load_cite(l, byindex, n->title, &title_pos, n,
			    DOC_CITE_TITLE, &n->footnotes, &n->n_footnotes);
		for (i = 0; i < n->n_measures && r == 0; i++)
			if (n->measures[i].n_footnotes != 0)
				r = load_cite(l, byindex, n->measures[i].text,
				    &n->measures[i].pos, n, i,
				    &n->measures[i].footnotes,
				    &n->measures[i].n_footnotes);
	}
	free(byindex);
	free(l->cite_seen);
	l->cite_seen = NULL;
	return r;
}

/* Parse the stream: exactly one document whose root is the top mapping. */
static int
load_stream(struct load *l)
{
	if (load_next(l) != 0)
		return -1;
	if (load_next(l) != 0)		/* after STREAM-START */
		return -1;
	if (l->ev.type == YAML_STREAM_END_EVENT)
		return load_error_at(l, l->ev.start_mark.line,
		    l->ev.start_mark.column, "the document is empty (expected"
		    " a mapping with title: and nodes:)");
	if (load_next(l) != 0)		/* after DOCUMENT-START */
		return -1;
	if (l->ev.type == YAML_SCALAR_EVENT && l->ev.data.scalar.length == 0)
		return load_error_at(l, l->ev.start_mark.line,
		    l->ev.start_mark.column, "the document is empty (expected"
		    " a mapping with title: and nodes:)");
	if (l->ev.type != YAML_MAPPING_START_EVENT)
		return load_expected(l, NULL, "a mapping with title: and"
		    " nodes: at the top of the document");
	if (load_top(l) != 0)
		return -1;
	if (load_next(l) != 0)		/* DOCUMENT-END */
		return -1;
	if (load_next(l) != 0)
		return -1;
	if (l->ev.type != YAML_STREAM_END_EVENT)
		return load_error_at(l, l->ev.start_mark.line,
		    l->ev.start_mark.column, "a second YAML document follows"
		    " (a file holds one document)");
	return load_link(l);
}

/* Load a document from memory. */
int
doc_load(const char *name, const char *data, size_t len_bytes,
    struct doc **out, struct doc_error *err)
{
	return doc_load_listen(name, data, len_bytes, NULL, out, err);
}

/* Load data as doc_load does, telling listen (or NULL) of each text. */
int
doc_load_listen(const char *name, const char *data, size_t len_bytes,
    const struct doc_listener *listen, struct doc **out,
    struct doc_error *err)
{
	return load_data(name, data, len_bytes, 0, NULL, listen, out, err);
}

/* Load data; with droppable, data is the loader's own and its pages may be
 * given back as they are parsed (see load_drop); with a reader, data is
 * being read by it (load_file). */
static int
load_data(const char *name, const char *data, size_t len_bytes,
    int droppable, struct load_reader *reader,
    const struct doc_listener *listen, struct doc **out,
    struct doc_error *err)
{
	struct load l;
	UErrorCode ue = U_ZERO_ERROR;
	int r;

	memset(err, 0, sizeof *err);
	snprintf(err->file, sizeof err->file, "%s", name);
	*out = NULL;
	memset(&l, 0, sizeof l);
	l.data = data;
	l.len_bytes = len_bytes;
	l.err = err;
	l.listen = listen;
	l.droppable = droppable && len_bytes >= 2 * LOAD_DROP_BYTES;
	l.drop_next = LOAD_DROP_BYTES;
	l.nfc = unorm2_getNFCInstance(&ue);
	if (U_FAILURE(ue)) {
		err->kind = DOC_EDATA;
		snprintf(err->message, sizeof err->message,
		    "cannot load ICU's NFC data (%s)", u_errorName(ue));
		return -1;
	}
	l.doc = xcalloc(1, sizeof *l.doc);
	arena_init(&l.doc->arena);
	if (!yaml_parser_initialize(&l.parser)) {
		free(l.doc);
		err->kind = DOC_EDATA;
		snprintf(err->message, sizeof err->message,
		    "cannot start the YAML parser");
		return -1;
	}
	if ((l.reader = reader) != NULL)
		yaml_parser_set_input(&l.parser, load_reader_input, &l);
	else
		yaml_parser_set_input_string(&l.parser,
		    (const unsigned char *)data, len_bytes);
	yaml_parser_set_encoding(&l.parser, YAML_UTF8_ENCODING);
	if (len_bytes >= LOAD_PIPE_BYTES)
		(void)load_pipe_start(&l);
	r = load_stream(&l);
	if (l.pipe != NULL) {
		l.have_ev = 0;		/* its chunk's */
		load_pipe_finish(&l);
	}
	while (l.n_live > 0)		/* the lists a failed load left */
		free(l.live[--l.n_live]);
	free(l.live);
	free(l.intern);
	free(l.nfc_known);
	free(l.nfc_safe);
	if (l.have_ev)
		yaml_event_delete(&l.ev);
	yaml_parser_delete(&l.parser);
	free(l.ubuf);
	buf_fini(&l.scratch);
	buf_fini(&l.quote[0]);
	buf_fini(&l.quote[1]);
	if (r != 0) {
		doc_free(&l.doc);
		return -1;
	}
	*out = l.doc;
	return 0;
}

/* Record an I/O error for path. */
static int
load_io_error(struct doc_error *err, const char *path, const char *what)
{
	memset(err, 0, sizeof *err);
	err->kind = DOC_EIO;
	snprintf(err->file, sizeof err->file, "%s", path);
	snprintf(err->message, sizeof err->message, "%s", what);
	return -1;
}

/* Record that path is larger than the largest document. */
static int
load_too_large(struct doc_error *err, const char *path)
{
	char what[96];

	snprintf(what, sizeof what, "is larger than %s, the largest document"
	    " shisaku reads", load_size(DOC_MAX_FILE_BYTES));
	return load_io_error(err, path, what);
}

/*
 * Read a whole file (at most DOC_MAX_FILE_BYTES) and load it.  The file is
 * opened without blocking, so that opening a FIFO never waits for a writer:
 * one that nobody has open for writing is refused at once ("no writer").
 * Otherwise it is read to its end like a pipe on standard input, blocking
 * once no data is ready.  A regular file larger than the limit is refused
 * from its size before anything is read, and anything that grows past the
 * limit while being read is refused there; reading stops at a NUL byte.
 * A regular file of LOAD_PIPE_BYTES or more is parsed while it is read
 * (load_file), to the size it had when opened.
 */
int
doc_load_file(const char *path, struct doc **out, struct doc_error *err)
{
	return doc_load_file_listen(path, NULL, out, err);
}

/* Record that path holds a NUL byte at 0-based line0 and col0: -1. */
static int
load_nul_error(struct doc_error *err, const char *path, size_t line0,
    size_t col0)
{
	load_io_error(err, path, "a NUL byte: this is a binary file, not a"
	    " YAML document");
	err->kind = DOC_EDATA;
	err->line = (unsigned long)line0 + 1;
	err->col = (unsigned long)col0 + 1;
	return -1;
}

/* Open the file at path and check what it is: 0 with *fdp open and *st
 * its status, or -1 with err filled. */
static int
load_open(const char *path, int *fdp, struct stat *st, struct doc_error *err)
{
	int fd, r;

	fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK);
	if (fd < 0)
		return load_io_error(err, path, strerror(errno));
	if (fstat(fd, st) != 0) {
		r = errno;
		close(fd);
		return load_io_error(err, path, strerror(r));
	}
	if (S_ISDIR(st->st_mode)) {
		close(fd);
		return load_io_error(err, path, "is a directory");
	}
	if (S_ISREG(st->st_mode) &&
	    (uintmax_t)st->st_size > DOC_MAX_FILE_BYTES) {
		close(fd);
		return load_too_large(err, path);
	}
	*fdp = fd;
	return 0;
}

/* Read all of fd (path, opened by load_open, st its status) into b, and
 * close it. */
static int
load_read_fd(const char *path, int fd, const struct stat *st, struct buf *b,
    struct doc_error *err)
{
	size_t line, col, want;
	const char *nul;
	ssize_t n;
	int r, fl, blocking = 0;

	/* A regular file is read into one allocation of its size, with room
	 * for the read that finds its end (a larger one, rounded up, was
	 * never from memory the allocator had at hand). */
	if (S_ISREG(st->st_mode) && st->st_size > 0)
		buf_reserve_exact(b, (size_t)st->st_size + 1);
	for (;;) {
		if (b->cap - b->len < 2)
			buf_reserve(b, 64 * 1024);
		/* Pieces of at most LOAD_READ_BYTES: a NUL is seen early. */
		want = b->cap - b->len - 1;
		n = read(fd, b->data + b->len, want < LOAD_READ_BYTES ? want :
		    LOAD_READ_BYTES);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN && !blocking) {
			/* A writer is there but nothing is ready: wait. */
			if ((fl = fcntl(fd, F_GETFL)) == -1 ||
			    fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) == -1) {
				r = errno;
				close(fd);
				buf_fini(b);
				return load_io_error(err, path, strerror(r));
			}
			blocking = 1;
			continue;
		}
		if (n == 0 && b->len == 0 && !blocking && S_ISFIFO(st->st_mode)) {
			close(fd);
			buf_fini(b);
			return load_io_error(err, path, "is a FIFO that no"
			    " program is writing to (start the writer first)");
		}
		if (n < 0) {
			r = errno;
			close(fd);
			buf_fini(b);
			return load_io_error(err, path, strerror(r));
		}
		if (n == 0)
			break;
		if ((nul = memchr(b->data + b->len, '\0', (size_t)n)) != NULL) {
			close(fd);
			load_offset_place(b->data, b->len + (size_t)n,
			    (size_t)(nul - b->data), &line, &col);
			buf_fini(b);
			return load_nul_error(err, path, line, col);
		}
		b->len += (size_t)n;
		b->data[b->len] = '\0';
		if (b->len > DOC_MAX_FILE_BYTES) {
			close(fd);
			buf_fini(b);
			return load_too_large(err, path);
		}
	}
	close(fd);
	return 0;
}

/* Load the regular file fd (path, st its status, of LOAD_PIPE_BYTES or
 * more) while a thread of its own reads it; close fd. */
static int
load_file(const char *path, int fd, const struct stat *st,
    const struct doc_listener *listen, struct doc **out,
    struct doc_error *err)
{
	struct load_reader rd;
	struct buf b = { 0 };
	size_t size = (size_t)st->st_size;
	int r;

	memset(&rd, 0, sizeof rd);
	rd.fd = fd;
	rd.size = size;
	buf_reserve_exact(&b, size);
	rd.data = b.data;
	pthread_mutex_init(&rd.lock, NULL);
	pthread_cond_init(&rd.cond, NULL);
	if (pthread_create(&rd.thread, NULL, load_reader_run, &rd) != 0) {
		/* No thread: read it all first. */
		pthread_mutex_destroy(&rd.lock);
		pthread_cond_destroy(&rd.cond);
		buf_fini(&b);
		if (load_read_fd(path, fd, st, &b, err) != 0)
			return -1;
		r = load_data(path, b.data, b.len, 1, NULL, listen, out, err);
		buf_fini(&b);
		return r;
	}
	r = load_data(path, b.data, size, 1, &rd, listen, out, err);
	/* Read to the end even when the load failed early: a NUL byte or a
	 * failed read anywhere is what is reported, as when read first. */
	pthread_join(rd.thread, NULL);
	close(fd);
	pthread_mutex_destroy(&rd.lock);
	pthread_cond_destroy(&rd.cond);
	if (rd.error != 0 || rd.nul) {
		doc_free(out);
		if (rd.error != 0)
			r = load_io_error(err, path, strerror(rd.error));
		else
			r = load_nul_error(err, path, rd.nul_line, rd.nul_col);
	}
	buf_fini(&b);
	return r;
}

/* Read the file at path and load it as doc_load_listen does. */
int
doc_load_file_listen(const char *path, const struct doc_listener *listen,
    struct doc **out, struct doc_error *err)
{
	struct buf b = { 0 };
	struct stat st;
	int fd = -1, r;

	*out = NULL;
	if (load_open(path, &fd, &st, err) != 0)
		return -1;
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size >= LOAD_PIPE_BYTES)
		return load_file(path, fd, &st, listen, out, err);
	if (load_read_fd(path, fd, &st, &b, err) != 0)
		return -1;
	r = load_data(path, b.data != NULL ? b.data : "", b.len, 1, NULL,
	    listen, out, err);
	buf_fini(&b);
	return r;
}
