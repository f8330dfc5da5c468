/*
 * agencies: write the organisation index and one organisation's places.
 * Text goes through text_render (visible form), JSON through
 * json_add_string, CSV through csv_add_text, so no control character in a
 * name or a text reaches the output raw.
 */
#include "src/agencies.h"

#include <stdio.h>
#include <string.h>

#include "model/text.h"
#include "src/csv.h"
#include "src/json.h"

/* The text of a place: the measure's, or the node's title for its own tag. */
static const char *
agencies_place_text(const struct agency_place *p)
{
	if (p->measure == AGENCY_NODE)
		return p->node->title;
	return p->node->measures[p->measure].text;
}

/* Write the organisations with their counts, one a line. */
void
agencies_write_text(struct out *o, const struct agency_index *ax)
{
	char digits[32];
	size_t i;
	int width;

	if (ax->n == 0)
		return;
	/* The first has the largest count, so the widest number. */
	width = snprintf(digits, sizeof digits, "%zu", ax->agencies[0].count);
	for (i = 0; i < ax->n; i++) {
		buf_printf(&o->b, "%*zu  ", width, ax->agencies[i].count);
		text_render(&o->b, ax->agencies[i].name,
		    strlen(ax->agencies[i].name), (size_t)width + 2);
		buf_addc(&o->b, '\n');
		out_maybe_flush(o);
	}
}

/* Write the organisations with their counts as JSON. */
void
agencies_write_json(struct out *o, const struct agency_index *ax)
{
	size_t i;

	buf_adds(&o->b, "{\"agencies\": [");
	for (i = 0; i < ax->n; i++) {
		buf_adds(&o->b, i == 0 ? "\n  {\"name\": " : ",\n  {\"name\": ");
		json_add_string(&o->b, ax->agencies[i].name);
		buf_printf(&o->b, ", \"count\": %zu}", ax->agencies[i].count);
		out_maybe_flush(o);
	}
	buf_adds(&o->b, "]}\n");
}

/* Write the organisations with their counts as CSV. */
void
agencies_write_csv(struct out *o, const struct agency_index *ax)
{
	size_t i;

	buf_adds(&o->b, "name,count");
	csv_end_row(&o->b);
	for (i = 0; i < ax->n; i++) {
		csv_add_text(&o->b, ax->agencies[i].name);
		buf_printf(&o->b, ",%zu", ax->agencies[i].count);
		csv_end_row(&o->b);
		out_maybe_flush(o);
	}
}

/* Write an organisation's places, one a line, as --search does. */
void
agencies_write_places_text(struct out *o, const struct agency *a)
{
	const struct agency_place *p;
	struct buf path = { 0 };
	const char *t;
	size_t i, cols;

	for (i = 0; i < a->count; i++) {
		p = &a->places[i];
		buf_clear(&path);
		doc_path_text(&path, p->node, p->measure);
		cols = text_render(&o->b, path.data, path.len, 0);
		buf_adds(&o->b, ": ");
		t = agencies_place_text(p);
		text_render(&o->b, t, strlen(t), cols + 2);
		buf_addc(&o->b, '\n');
		out_maybe_flush(o);
	}
	buf_fini(&path);
}

/* Write an organisation's places as JSON. */
void
agencies_write_places_json(struct out *o, const struct agency *a)
{
	const char *path[DOC_MAX_DEPTH];
	const struct agency_place *p;
	size_t i, j, count;

	buf_adds(&o->b, "{\"agency\": ");
	json_add_string(&o->b, a->name);
	buf_adds(&o->b, ",\n \"measures\": [");
	for (i = 0; i < a->count; i++) {
		p = &a->places[i];
		buf_adds(&o->b, i == 0 ? "\n  {\"path\": [" : ",\n  {\"path\": [");
		count = doc_path(p->node, path);
		for (j = 0; j < count; j++) {
			if (j != 0)
				buf_adds(&o->b, ", ");
			json_add_string(&o->b, path[j]);
		}
		buf_adds(&o->b, "], \"index\": ");
		if (p->measure == AGENCY_NODE)
			buf_adds(&o->b, "null");
		else
			buf_printf(&o->b, "%zu", p->measure);
		buf_adds(&o->b, ", \"text\": ");
		json_add_string(&o->b, agencies_place_text(p));
		buf_addc(&o->b, '}');
		out_maybe_flush(o);
	}
	buf_adds(&o->b, "]}\n");
}

/* Write an organisation's places as CSV. */
void
agencies_write_places_csv(struct out *o, const struct agency *a)
{
	const struct agency_place *p;
	size_t i;

	buf_adds(&o->b, "path,index,text");
	csv_end_row(&o->b);
	for (i = 0; i < a->count; i++) {
		p = &a->places[i];
		csv_add_path(&o->b, p->node);
		buf_addc(&o->b, ',');
		if (p->measure != AGENCY_NODE)
			buf_printf(&o->b, "%zu", p->measure);
		buf_addc(&o->b, ',');
		csv_add_text(&o->b, agencies_place_text(p));
		csv_end_row(&o->b);
		out_maybe_flush(o);
	}
}
