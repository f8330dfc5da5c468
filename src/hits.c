/*
 * hits: write search results as text or JSON.
 */
#include "src/hits.h"

#include <string.h>

#include "model/text.h"
#include "src/json.h"

#define HITS_MARK_ON	"\033[1;31m"
#define HITS_MARK_OFF	"\033[m"

/* The path of a field, in visible form: its node's numbers, or the
 * footnote's mark (numbers and marks are document text too). */
static void
hits_path_text(struct buf *b, const struct search_index *ix,
    const struct search_field *f)
{
	struct buf raw = { 0 };
	const char *mark;

	if (f->kind == SEARCH_FOOTNOTE) {
		mark = ix->doc->footnotes[f->footnote].mark;
		text_render(b, mark, strlen(mark), 0);
		buf_adds(b, f->text == ix->doc->footnotes[f->footnote].term ?
		    " term" : "");
		return;
	}
	doc_path_text(&raw, f->node, f->measure);
	text_render(b, raw.data, raw.len, 0);
	buf_fini(&raw);
}

/* Write text hits. */
void
hits_write_text(struct out *o, const struct search_index *ix,
    const struct search_result *res, int colour)
{
	const struct search_hit *h;
	const char *t;
	size_t i, j, pos, len;

	for (i = 0; i < res->n_hits; i++) {
		h = &res->hits[i];
		t = h->field->text;
		len = strlen(t);
		hits_path_text(&o->b, ix, h->field);
		buf_adds(&o->b, h->field->kind == SEARCH_AGENCY ? ": 【" : ": ");
		for (j = 0, pos = 0; j < h->n_ranges; j++) {
			text_render(&o->b, t + pos, h->ranges[2 * j] - pos, 0);
			buf_adds(&o->b, colour ? HITS_MARK_ON : "[");
			text_render(&o->b, t + h->ranges[2 * j],
			    h->ranges[2 * j + 1] - h->ranges[2 * j], 0);
			buf_adds(&o->b, colour ? HITS_MARK_OFF : "]");
			pos = h->ranges[2 * j + 1];
		}
		text_render(&o->b, t + pos, len - pos, 0);
		buf_adds(&o->b, h->field->kind == SEARCH_AGENCY ? "】\n" : "\n");
		out_maybe_flush(o);
	}
}

/* The JSON name of a field's kind. */
static const char *
hits_kind(enum search_kind kind)
{
	switch (kind) {
	case SEARCH_TITLE:
		return "title";
	case SEARCH_MEASURE:
		return "measure";
	case SEARCH_AGENCY:
		return "agency";
	default:
		return "footnote";
	}
}

/* Write JSON hits. */
void
hits_write_json(struct out *o, const struct search_index *ix,
    const char *query, const struct search_result *res)
{
	const struct search_field *f;
	const char *path[DOC_MAX_DEPTH];
	size_t i, j, count;

	buf_adds(&o->b, "{\"query\": ");
	json_add_string(&o->b, query);
	buf_printf(&o->b, ", \"romaji\": %s,\n \"hits\": [",
	    ix->romaji && search_has_migemo() ? "true" : "false");
	for (i = 0; i < res->n_hits; i++) {
		f = res->hits[i].field;
		buf_adds(&o->b, i == 0 ? "\n  {\"path\": [" : ",\n  {\"path\": [");
		if (f->node != NULL) {
			count = doc_path(f->node, path);
			for (j = 0; j < count; j++) {
				if (j != 0)
					buf_adds(&o->b, ", ");
				json_add_string(&o->b, path[j]);
			}
		}
		buf_printf(&o->b, "], \"kind\": \"%s\", \"index\": ",
		    hits_kind(f->kind));
		if (f->measure != SIZE_MAX)
			buf_printf(&o->b, "%zu", f->measure);
		else
			buf_adds(&o->b, "null");
		buf_adds(&o->b, ", \"mark\": ");
		if (f->kind == SEARCH_FOOTNOTE)
			json_add_string(&o->b,
			    ix->doc->footnotes[f->footnote].mark);
		else
			buf_adds(&o->b, "null");
		buf_adds(&o->b, ", \"text\": ");
		json_add_string(&o->b, f->text);
		buf_adds(&o->b, ", \"ranges\": [");
		for (j = 0; j < res->hits[i].n_ranges; j++)
			buf_printf(&o->b, "%s[%zu, %zu]", j == 0 ? "" : ", ",
			    res->hits[i].ranges[2 * j],
			    res->hits[i].ranges[2 * j + 1]);
		buf_adds(&o->b, "]}");
		out_maybe_flush(o);
	}
	buf_adds(&o->b, "]}\n");
}
