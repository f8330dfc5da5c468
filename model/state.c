/*
 * state: read and write the remembered place.  The format, one fact a line:
 *
 *	shisaku-state 1
 *	document 0123456789abcdef
 *	selected NODE MEASURE|-
 *	expanded NODE NODE ...
 *	mark a NODE MEASURE|-
 *	search QUERY
 *	end
 */
#include "model/state.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/buf.h"
#include "model/xmalloc.h"

#define STATE_MAGIC	"shisaku-state 1"
#define FNV_OFFSET	UINT64_C(0xcbf29ce484222325)
#define FNV_PRIME	UINT64_C(0x100000001b3)

/* Say why, and return -1. */
static int __attribute__((format(printf, 3, 4)))
state_why(char *why, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, size, fmt, ap);
	va_end(ap);
	return -1;
}

/* Add a string and a separator to an FNV-1a hash. */
static uint64_t
state_mix(uint64_t h, const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * FNV_PRIME;
	return (h ^ 0xff) * FNV_PRIME;	/* 0xff never occurs in UTF-8 */
}

/* Add a list of organisations to a hash. */
static uint64_t
state_mix_agencies(uint64_t h, const struct doc_agencies *ag)
{
	size_t i;

	for (i = 0; i < ag->n; i++)
		h = state_mix(h, ag->names[i]);
	return state_mix(h, ag->tag);
}

/* Hash the document's content. */
uint64_t
state_hash(const struct doc *doc)
{
	const struct doc_node *n;
	uint64_t h = FNV_OFFSET;
	size_t i;

	h = state_mix(h, doc->title);
	h = state_mix(h, doc->document_number);
	h = state_mix(h, doc->date);
	h = state_mix(h, doc->decided_by);
	for (n = doc_next(doc, NULL); n != NULL; n = doc_next(doc, n)) {
		/* The depth keeps one tree apart from another's reshaping. */
		h = (h ^ (n->depth + 1)) * FNV_PRIME;
		h = state_mix(h, n->number);
		h = state_mix(h, n->title);
		h = state_mix_agencies(h, &n->agencies);
		for (i = 0; i < n->n_measures; i++) {
			h = state_mix(h, n->measures[i].text);
			h = state_mix_agencies(h, &n->measures[i].agencies);
		}
	}
	for (i = 0; i < doc->n_footnotes; i++) {
		h = state_mix(h, doc->footnotes[i].mark);
		h = state_mix(h, doc->footnotes[i].term);
		h = state_mix(h, doc->footnotes[i].text);
	}
	return h;
}

/* The state file's path. */
char *
state_path(uint64_t hash, char *why, size_t why_size)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	struct buf b = { 0 };

	/* XDG says a relative path is to be ignored. */
	if (xdg != NULL && xdg[0] == '/')
		buf_printf(&b, "%s/shisaku", xdg);
	else if (home != NULL && home[0] == '/')
		buf_printf(&b, "%s/.local/state/shisaku", home);
	else {
		state_why(why, why_size, "neither XDG_STATE_HOME nor HOME is"
		    " an absolute path");
		return NULL;
	}
	buf_printf(&b, "/%016" PRIx64 ".state", hash);
	return buf_detach(&b);
}

/* Start with nothing remembered. */
void
state_init(struct state *st, const struct doc *doc)
{
	size_t i;

	memset(st, 0, sizeof *st);
	st->selected.node = SIZE_MAX;
	st->selected.measure = STATE_NO_MEASURE;
	st->expanded = xcalloc(doc->total_nodes + 1, 1);
	for (i = 0; i < STATE_MARKS; i++) {
		st->marks[i].node = SIZE_MAX;
		st->marks[i].measure = STATE_NO_MEASURE;
	}
}

/* Free the arrays. */
void
state_fini(struct state *st)
{
	free(st->expanded);
	free(st->search);
	memset(st, 0, sizeof *st);
}

/* Parse a whole decimal number; -1 if s is not one. */
static int
state_number(const char *s, size_t *out)
{
	char *end;
	unsigned long long v;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0 || *end != '\0' || v > SIZE_MAX - 1)
		return -1;
	*out = (size_t)v;
	return 0;
}

/* Parse "NODE MEASURE|-" into a place checked against doc. */
static int
state_place(char *s, const struct doc *doc, const struct doc_node **by_id,
    struct state_place *pl)
{
	char *sp = strchr(s, ' ');

	if (sp == NULL)
		return -1;
	*sp = '\0';
	if (state_number(s, &pl->node) != 0 || pl->node >= doc->total_nodes)
		return -1;
	if (strcmp(sp + 1, "-") == 0) {
		pl->measure = STATE_NO_MEASURE;
		return 0;
	}
	if (state_number(sp + 1, &pl->measure) != 0 ||
	    pl->measure >= by_id[pl->node]->n_measures)
		return -1;
	return 0;
}

/* Parse one line into st; -1 if it is not a line of the format. */
static int
state_line(struct state *st, char *line, const struct doc *doc,
    const struct doc_node **by_id)
{
	char *tok, *save = NULL;
	size_t id;

	if (strncmp(line, "selected ", 9) == 0)
		return state_place(line + 9, doc, by_id, &st->selected);
	if (strncmp(line, "mark ", 5) == 0) {
		if (line[5] < 'a' || line[5] > 'z' || line[6] != ' ')
			return -1;
		return state_place(line + 7, doc, by_id,
		    &st->marks[line[5] - 'a']);
	}
	if (strncmp(line, "search ", 7) == 0) {
		free(st->search);
		st->search = xstrdup(line + 7);
		return 0;
	}
	if (strcmp(line, "expanded") == 0)
		return 0;
	if (strncmp(line, "expanded ", 9) == 0) {
		for (tok = strtok_r(line + 9, " ", &save); tok != NULL;
		    tok = strtok_r(NULL, " ", &save)) {
			if (state_number(tok, &id) != 0 ||
			    id >= doc->total_nodes)
				return -1;
			st->expanded[id] = 1;
		}
		return 0;
	}
	return -1;
}

/* Read the state file. */
int
state_load(struct state *st, const char *path, const struct doc *doc,
    char *why, size_t why_size)
{
	const struct doc_node **by_id;
	struct doc_node *n;
	char *line = NULL, want[64];
	size_t cap = 0, lineno = 0;
	ssize_t len;
	int r = -1, ended = 0;
	FILE *fp;

	if ((fp = fopen(path, "r")) == NULL) {
		if (errno == ENOENT)
			return 1;
		return state_why(why, why_size, "%s", strerror(errno));
	}
	by_id = xcalloc(doc->total_nodes + 1, sizeof *by_id);
	for (n = doc_next(doc, NULL); n != NULL; n = doc_next(doc, n))
		by_id[n->id] = n;
	snprintf(want, sizeof want, "document %016" PRIx64, state_hash(doc));
	while ((len = getline(&line, &cap, fp)) > 0) {
		lineno++;
		if (line[len - 1] != '\n') {
			state_why(why, why_size, "line %zu is cut short",
			    lineno);
			goto out;
		}
		line[len - 1] = '\0';
		if (ended) {
			state_why(why, why_size, "text after its end");
			goto out;
		}
		if (lineno == 1 && strcmp(line, STATE_MAGIC) != 0) {
			state_why(why, why_size, "not a shisaku state file");
			goto out;
		}
		if (lineno == 2 && strcmp(line, want) != 0) {
			state_why(why, why_size, "it is another document's");
			goto out;
		}
		if (lineno <= 2)
			continue;
		if (strcmp(line, "end") == 0) {
			ended = 1;
			continue;
		}
		if (state_line(st, line, doc, by_id) != 0) {
			state_why(why, why_size, "line %zu is not understood",
			    lineno);
			goto out;
		}
	}
	if (ferror(fp))
		state_why(why, why_size, "%s", strerror(errno));
	else if (!ended)
		state_why(why, why_size, lineno == 0 ? "it is empty" :
		    "it is truncated");
	else
		r = 0;
out:
	free(line);
	free(by_id);
	fclose(fp);
	if (r != 0) {
		/* Leave nothing half-read behind. */
		free(st->search);
		st->search = NULL;
		memset(st->expanded, 0, doc->total_nodes);
		st->selected.node = SIZE_MAX;
		for (size_t i = 0; i < STATE_MARKS; i++)
			st->marks[i].node = SIZE_MAX;
	}
	return r;
}

/* Append "NODE MEASURE|-". */
static void
state_add_place(struct buf *b, const struct state_place *pl)
{
	if (pl->measure == STATE_NO_MEASURE)
		buf_printf(b, "%zu -\n", pl->node);
	else
		buf_printf(b, "%zu %zu\n", pl->node, pl->measure);
}

/* Create each folder of path's parent (mode 0700, like XDG asks). */
static int
state_mkdirs(const char *path, char *why, size_t why_size)
{
	char *dir = xstrdup(path), *p;

	for (p = dir + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			state_why(why, why_size, "cannot create %s: %s", dir,
			    strerror(errno));
			free(dir);
			return -1;
		}
		*p = '/';
	}
	free(dir);
	return 0;
}

/* Write everything in b to fd; -1 on error. */
static int
state_write_all(int fd, const char *data, size_t len)
{
	ssize_t n;

	while (len > 0) {
		n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Write the state atomically. */
int
state_save(const struct state *st, const char *path, const struct doc *doc,
    char *why, size_t why_size)
{
	struct buf b = { 0 }, tmp = { 0 };
	char *dir, *slash;
	size_t i;
	int fd, r = -1, dfd;

	buf_printf(&b, "%s\ndocument %016" PRIx64 "\n", STATE_MAGIC,
	    state_hash(doc));
	if (st->selected.node != SIZE_MAX) {
		buf_adds(&b, "selected ");
		state_add_place(&b, &st->selected);
	}
	buf_adds(&b, "expanded");
	for (i = 0; i < doc->total_nodes; i++)
		if (st->expanded[i])
			buf_printf(&b, " %zu", i);
	buf_addc(&b, '\n');
	for (i = 0; i < STATE_MARKS; i++)
		if (st->marks[i].node != SIZE_MAX) {
			buf_printf(&b, "mark %c ", (char)('a' + i));
			state_add_place(&b, &st->marks[i]);
		}
	/* A query holds no newline (the prompt takes none); be sure. */
	if (st->search != NULL && st->search[0] != '\0' &&
	    strchr(st->search, '\n') == NULL)
		buf_printf(&b, "search %s\n", st->search);
	buf_adds(&b, "end\n");

	if (state_mkdirs(path, why, why_size) != 0)
		goto out;
	buf_printf(&tmp, "%s.XXXXXX", path);
	if ((fd = mkstemp(tmp.data)) < 0) {
		state_why(why, why_size, "cannot create a file beside %s: %s",
		    path, strerror(errno));
		goto out;
	}
	if (state_write_all(fd, b.data, b.len) != 0 || fsync(fd) != 0) {
		state_why(why, why_size, "cannot write %s: %s", tmp.data,
		    strerror(errno));
		close(fd);
		unlink(tmp.data);
		goto out;
	}
	if (close(fd) != 0 || rename(tmp.data, path) != 0) {
		state_why(why, why_size, "cannot replace %s: %s", path,
		    strerror(errno));
		unlink(tmp.data);
		goto out;
	}
	/* Make the rename itself durable. */
	dir = xstrdup(path);
	if ((slash = strrchr(dir, '/')) != NULL) {
		*slash = '\0';
		if ((dfd = open(dir, O_RDONLY | O_DIRECTORY)) >= 0) {
			fsync(dfd);
			close(dfd);
		}
	}
	free(dir);
	r = 0;
out:
	buf_fini(&b);
	buf_fini(&tmp);
	return r;
}
