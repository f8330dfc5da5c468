/*
 * csv: RFC 4180 fields and rows, and the CSV forms of --dump and --search.
 * The columns are fixed by README.md; columns may be added at the end,
 * never changed.
 */
#include "src/csv.h"

#include <string.h>

#include <unicode/utf8.h>

/* The code points written in visible notation: those JSON escapes. */
static int
csv_is_control(UChar32 c)
{
	return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 ||
	    c == 0x2029 || c == 0x061c || c == 0x200e || c == 0x200f ||
	    (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/* Append s[0..len_bytes) as one field, quoted when it must be. */
void
csv_add_field(struct buf *b, const char *s, size_t len_bytes)
{
	size_t i;

	for (i = 0; i < len_bytes; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
			break;
	if (i == len_bytes) {
		buf_add(b, s, len_bytes);
		return;
	}
	buf_addc(b, '"');
	for (i = 0; i < len_bytes; i++) {
		if (s[i] == '"')
			buf_addc(b, '"');
		buf_addc(b, s[i]);
	}
	buf_addc(b, '"');
}

/* Append document text as one field, its controls in visible notation. */
void
csv_add_text(struct buf *b, const char *s)
{
	size_t len = strlen(s), i = 0, start;
	int quote = strpbrk(s, ",\"") != NULL;
	UChar32 c;

	if (quote)
		buf_addc(b, '"');
	while (i < len) {
		start = i;
		U8_NEXT(s, i, len, c);
		if (c < 0) {
			/* Each byte of an ill-formed sequence, as the text layer. */
			for (; start < i; start++)
				buf_printf(b, "<%02X>", (unsigned char)s[start]);
		} else if (c < 0x20 || c == 0x7f) {
			buf_addc(b, '^');
			buf_addc(b, (char)(c ^ 0x40));
		} else if (csv_is_control(c)) {
			buf_printf(b, "<U+%04X>", (unsigned)c);
		} else if (c == '"') {
			buf_adds(b, "\"\"");
		} else {
			buf_add(b, s + start, i - start);
		}
	}
	if (quote)
		buf_addc(b, '"');
}

/* Append the path of n as one text field. */
void
csv_add_path(struct buf *b, const struct doc_node *n)
{
	struct buf tmp = { 0 };

	doc_path_text(&tmp, n, SIZE_MAX);
	csv_add_text(b, tmp.data);
	buf_fini(&tmp);
}

/* Append organisations' names joined by 、 as one text field. */
static void
csv_add_agencies(struct buf *b, const struct doc_agencies *ag)
{
	struct buf tmp = { 0 };
	size_t i;

	for (i = 0; i < ag->n; i++) {
		if (i != 0)
			buf_adds(&tmp, "、");
		buf_adds(&tmp, ag->names[i]);
	}
	csv_add_text(b, ag->n == 0 ? "" : tmp.data);
	buf_fini(&tmp);
}

/* End the row. */
void
csv_end_row(struct buf *b)
{
	buf_adds(b, "\r\n");
}

/* Write one row per measure. */
void
csv_write_doc(struct out *o, const struct doc *doc)
{
	const struct doc_node *n;
	size_t i;

	buf_adds(&o->b, "path,index,title,text,organisations");
	csv_end_row(&o->b);
	for (n = doc_next(doc, NULL); n != NULL; n = doc_next(doc, n)) {
		for (i = 0; i < n->n_measures; i++) {
			csv_add_path(&o->b, n);
			buf_printf(&o->b, ",%zu,", i);
			csv_add_text(&o->b, n->title);
			buf_addc(&o->b, ',');
			csv_add_text(&o->b, n->measures[i].text);
			buf_addc(&o->b, ',');
			csv_add_agencies(&o->b, &n->measures[i].agencies);
			csv_end_row(&o->b);
		}
		out_maybe_flush(o);
	}
}

/* The kind column of a hit, as in the JSON form. */
static const char *
csv_kind(enum search_kind kind)
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

/* Write one row per hit. */
void
csv_write_hits(struct out *o, const struct search_index *ix,
    const struct search_result *res)
{
	const struct search_field *f;
	size_t i;

	buf_adds(&o->b, "path,kind,index,mark,text");
	csv_end_row(&o->b);
	for (i = 0; i < res->n_hits; i++) {
		f = res->hits[i].field;
		if (f->node != NULL)
			csv_add_path(&o->b, f->node);
		buf_printf(&o->b, ",%s,", csv_kind(f->kind));
		if (f->measure != SIZE_MAX)
			buf_printf(&o->b, "%zu", f->measure);
		buf_addc(&o->b, ',');
		if (f->kind == SEARCH_FOOTNOTE)
			csv_add_text(&o->b, ix->doc->footnotes[f->footnote].mark);
		buf_addc(&o->b, ',');
		csv_add_text(&o->b, f->text);
		csv_end_row(&o->b);
		out_maybe_flush(o);
	}
}
