/*
 * dump: the indented text outline.  Every piece of document text goes through
 * text_wrap and text_render, so the output is wrapped by Japanese rules and
 * safe to send to a terminal.
 *
 * Layout, n the node's depth:  2n columns, then "number title【tag】"; its
 * measures at 2n + 2 columns as "・text【tag】", continuation lines under the
 * text; footnotes as "※1 CSIRT: definition", continuation lines indented 2.
 */
#include "src/dump.h"

#include <stdlib.h>
#include <string.h>

#include "model/text.h"

/* A line narrower than this still gets one: the indentation gives way. */
#define DUMP_MIN_TEXT_COLS	2

/* Append "【tag】" for a list of organisations (nothing when empty). */
static void
dump_add_tag(struct buf *b, const struct doc_agencies *ag)
{
	if (ag->n == 0)
		return;
	buf_adds(b, "【");
	doc_agencies_text(b, ag);
	buf_adds(b, "】");
}

/*
 * Write text indented by indent_cols, continuation lines by hang_cols more,
 * wrapped to width_cols (0: no wrapping).  When the width leaves less than
 * DUMP_MIN_TEXT_COLS for the text, the indentation shrinks first.
 */
static void
dump_block(struct out *o, const char *text, size_t indent_cols,
    size_t hang_cols, size_t width_cols)
{
	struct text_line *lines;
	size_t n, i, avail, indent;

	if (width_cols == DUMP_NO_WRAP) {
		avail = (size_t)-1 / 2;
	} else {
		if (indent_cols + DUMP_MIN_TEXT_COLS > width_cols)
			indent_cols = width_cols > DUMP_MIN_TEXT_COLS ?
			    width_cols - DUMP_MIN_TEXT_COLS : 0;
		avail = width_cols - indent_cols;
		if (hang_cols + DUMP_MIN_TEXT_COLS > avail)
			hang_cols = avail > DUMP_MIN_TEXT_COLS ?
			    avail - DUMP_MIN_TEXT_COLS : 0;
	}
	n = text_wrap(text, strlen(text), avail, hang_cols, &lines);
	for (i = 0; i < n; i++) {
		indent = indent_cols + (i == 0 ? 0 : hang_cols);
		buf_addn(&o->b, ' ', indent);
		/* Tab stops count from the line's own start, as text_wrap's. */
		text_render(&o->b, text + lines[i].start_bytes,
		    lines[i].draw_end_bytes - lines[i].start_bytes,
		    i == 0 ? 0 : hang_cols);
		buf_addc(&o->b, '\n');
	}
	free(lines);
	out_maybe_flush(o);
}

/* Write a node, its measures and its subtree. */
static void
dump_node(struct out *o, struct buf *line, const struct doc_node *n,
    size_t width_cols)
{
	size_t i, indent = 2 * n->depth, number_cols;

	buf_clear(line);
	buf_printf(line, "%s %s", n->number, n->title);
	dump_add_tag(line, &n->agencies);
	number_cols = text_width_cols(n->number, strlen(n->number), 0) + 1;
	dump_block(o, line->data, indent, number_cols, width_cols);
	for (i = 0; i < n->n_measures; i++) {
		buf_clear(line);
		buf_printf(line, "・%s", n->measures[i].text);
		dump_add_tag(line, &n->measures[i].agencies);
		dump_block(o, line->data, indent + 2, 2, width_cols);
	}
	for (i = 0; i < n->n_children; i++)
		dump_node(o, line, &n->children[i], width_cols);
}

/* Write the whole outline. */
void
dump_write_text(struct out *o, const struct doc *doc, size_t width_cols)
{
	struct buf line = { 0 };
	const struct doc_footnote *fn;
	size_t i;

	dump_block(o, doc->title, 0, 0, width_cols);
	if (doc->document_number != NULL)
		dump_block(o, doc->document_number, 0, 0, width_cols);
	buf_clear(&line);
	if (doc->date != NULL)
		buf_adds(&line, doc->date);
	if (doc->date_iso != NULL)
		buf_printf(&line, "%s(%s)", line.len ? " " : "", doc->date_iso);
	if (line.len != 0)
		dump_block(o, line.data, 0, 0, width_cols);
	if (doc->decided_by != NULL)
		dump_block(o, doc->decided_by, 0, 0, width_cols);
	for (i = 0; i < doc->n_nodes; i++) {
		buf_addc(&o->b, '\n');
		dump_node(o, &line, &doc->nodes[i], width_cols);
	}
	for (i = 0; i < doc->n_footnotes; i++) {
		fn = &doc->footnotes[i];
		if (i == 0)
			buf_addc(&o->b, '\n');
		buf_clear(&line);
		buf_printf(&line, "%s %s%s%s", fn->mark,
		    fn->term != NULL ? fn->term : "",
		    fn->term != NULL ? ": " : "", fn->text);
		dump_block(o, line.data, 0, 2, width_cols);
	}
	buf_fini(&line);
}
