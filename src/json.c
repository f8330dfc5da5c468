/*
 * json: write a doc as JSON.  The shape is fixed by README.md; fields may be
 * added, never changed.  Output is streamed through struct out.
 */
#include "src/json.h"

#include <string.h>

#include <unicode/utf8.h>

/* Whether code point c must be written as \uXXXX. */
static int
json_must_escape(UChar32 c)
{
	return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 ||
	    c == 0x2029 || c == 0x061c || c == 0x200e || c == 0x200f ||
	    (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/* Append a JSON string literal. */
void
json_add_string(struct buf *b, const char *s)
{
	size_t len = strlen(s), i = 0, start;
	UChar32 c;

	buf_addc(b, '"');
	while (i < len) {
		start = i;
		U8_NEXT(s, i, len, c);
		if (c < 0) {
			buf_adds(b, "\\ufffd");
			continue;
		}
		switch (c) {
		case '"':
			buf_adds(b, "\\\"");
			break;
		case '\\':
			buf_adds(b, "\\\\");
			break;
		case '\n':
			buf_adds(b, "\\n");
			break;
		case '\t':
			buf_adds(b, "\\t");
			break;
		case '\r':
			buf_adds(b, "\\r");
			break;
		default:
			if (json_must_escape(c))
				buf_printf(b, "\\u%04x", (unsigned)c);
			else
				buf_add(b, s + start, i - start);
		}
	}
	buf_addc(b, '"');
}

/* Append a string or null. */
static void
json_add_nullable(struct buf *b, const char *s)
{
	if (s == NULL)
		buf_adds(b, "null");
	else
		json_add_string(b, s);
}

/* Append the organisation names as an array. */
static void
json_add_agencies(struct buf *b, const struct doc_agencies *ag)
{
	size_t i;

	buf_adds(b, "\"agencies\": [");
	for (i = 0; i < ag->n; i++) {
		if (i != 0)
			buf_adds(b, ", ");
		json_add_string(b, ag->names[i]);
	}
	buf_adds(b, "], \"agency_tag\": ");
	json_add_nullable(b, ag->tag);
}

/* Append the marks of the footnotes cited as an array. */
static void
json_add_marks(struct buf *b, const struct doc *doc, const size_t *fns,
    size_t n)
{
	size_t i;

	buf_adds(b, "\"footnotes\": [");
	for (i = 0; i < n; i++) {
		if (i != 0)
			buf_adds(b, ", ");
		json_add_string(b, doc->footnotes[fns[i]].mark);
	}
	buf_addc(b, ']');
}

/* Append a node's path (numbers from the top down) as an array. */
static void
json_add_path(struct buf *b, const struct doc_node *n)
{
	const char *path[DOC_MAX_DEPTH];
	size_t count = doc_path(n, path), i;

	buf_addc(b, '[');
	for (i = 0; i < count; i++) {
		if (i != 0)
			buf_adds(b, ", ");
		json_add_string(b, path[i]);
	}
	buf_addc(b, ']');
}

/* Write a node and its subtree, indented by depth. */
static void
json_write_node(struct out *o, const struct doc *doc, const struct doc_node *n)
{
	struct buf *b = &o->b;
	const struct doc_measure *m;
	size_t i;

	buf_adds(b, "{\"number\": ");
	json_add_string(b, n->number);
	buf_adds(b, ", \"title\": ");
	json_add_string(b, n->title);
	buf_adds(b, ", ");
	json_add_agencies(b, &n->agencies);
	buf_adds(b, ", ");
	json_add_marks(b, doc, n->footnotes, n->n_footnotes);
	buf_adds(b, ", \"measures\": [");
	for (i = 0; i < n->n_measures; i++) {
		m = &n->measures[i];
		buf_adds(b, i == 0 ? "\n" : ",\n");
		buf_addn(b, ' ', 2 * n->depth + 4);
		buf_adds(b, "{\"text\": ");
		json_add_string(b, m->text);
		buf_adds(b, ", ");
		json_add_agencies(b, &m->agencies);
		buf_adds(b, ", ");
		json_add_marks(b, doc, m->footnotes, m->n_footnotes);
		buf_addc(b, '}');
	}
	buf_adds(b, "], \"children\": [");
	for (i = 0; i < n->n_children; i++) {
		buf_adds(b, i == 0 ? "\n" : ",\n");
		buf_addn(b, ' ', 2 * n->depth + 4);
		out_maybe_flush(o);
		json_write_node(o, doc, &n->children[i]);
	}
	buf_adds(b, "]}");
}

/* Write a footnote with the places that cite it. */
static void
json_write_footnote(struct out *o, const struct doc_footnote *fn)
{
	struct buf *b = &o->b;
	size_t i, n_paths = 0;

	buf_adds(b, "{\"mark\": ");
	json_add_string(b, fn->mark);
	buf_adds(b, ", \"term\": ");
	json_add_nullable(b, fn->term);
	buf_adds(b, ", \"text\": ");
	json_add_string(b, fn->text);
	/* cited_by names each citing node once; citations tells where. */
	buf_adds(b, ", \"cited_by\": [");
	for (i = 0; i < fn->n_cited_by; i++) {
		if (i > 0 && fn->cited_by[i].node == fn->cited_by[i - 1].node)
			continue;
		if (n_paths++ != 0)
			buf_adds(b, ", ");
		json_add_path(b, fn->cited_by[i].node);
	}
	buf_adds(b, "], \"citations\": [");
	for (i = 0; i < fn->n_cited_by; i++) {
		if (i != 0)
			buf_adds(b, ", ");
		buf_adds(b, "{\"path\": ");
		json_add_path(b, fn->cited_by[i].node);
		if (fn->cited_by[i].measure == DOC_CITE_TITLE)
			buf_adds(b, ", \"measure\": null}");
		else
			buf_printf(b, ", \"measure\": %zu}",
			    fn->cited_by[i].measure);
		out_maybe_flush(o);
	}
	buf_adds(b, "]}");
}

/* Write the whole document. */
void
json_write_doc(struct out *o, const struct doc *doc)
{
	struct buf *b = &o->b;
	size_t i;

	buf_adds(b, "{\"title\": ");
	json_add_string(b, doc->title);
	buf_adds(b, ",\n \"document_number\": ");
	json_add_nullable(b, doc->document_number);
	buf_adds(b, ",\n \"date\": ");
	json_add_nullable(b, doc->date);
	buf_adds(b, ",\n \"date_iso\": ");
	json_add_nullable(b, doc->date_iso);
	buf_adds(b, ",\n \"decided_by\": ");
	json_add_nullable(b, doc->decided_by);
	buf_adds(b, ",\n \"nodes\": [");
	for (i = 0; i < doc->n_nodes; i++) {
		buf_adds(b, i == 0 ? "\n  " : ",\n  ");
		json_write_node(o, doc, &doc->nodes[i]);
		out_maybe_flush(o);
	}
	buf_adds(b, "],\n \"footnotes\": [");
	for (i = 0; i < doc->n_footnotes; i++) {
		buf_adds(b, i == 0 ? "\n  " : ",\n  ");
		json_write_footnote(o, &doc->footnotes[i]);
	}
	buf_adds(b, "]}\n");
}
