/*
 * notes: the footnote lists.  notes_cited lists the definitions the
 * selection cites (the selected measure's, or a node's title and measures');
 * notes_all lists every footnote with its definition and the places that
 * cite it, each of which can be chosen to jump there.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/buf.h"
#include "model/xmalloc.h"
#include "ui/paint.h"
#include "ui/ui.h"

/* Add "※1 CSIRT: definition" for a footnote. */
static void
notes_add_definition(struct list *l, const struct doc_footnote *fn,
    size_t indent)
{
	struct buf b = { 0 };

	buf_printf(&b, "%s %s%s%s", fn->mark, fn->term ? fn->term : "",
	    fn->term ? ": " : "", fn->text);
	list_add(l, PAINT_NORMAL, b.data, indent, 2);
	buf_fini(&b);
}

/* The footnotes the selection cites. */
void
notes_cited(struct ui *ui, struct list *l)
{
	const struct outline_row *r = outline_selected(&ui->outline);
	const struct doc_node *n = r->node;
	struct buf b = { 0 };
	unsigned char *seen;
	size_t *order, n_order = 0, i;

	seen = xcalloc(ui->doc->n_footnotes + 1, 1);
	order = xcalloc(ui->doc->n_footnotes + 1, sizeof *order);
	if (r->measure != OUTLINE_NODE)
		pane_cite(seen, n->measures[r->measure].footnotes,
		    n->measures[r->measure].n_footnotes, order, &n_order);
	else {
		pane_cite(seen, n->footnotes, n->n_footnotes, order,
		    &n_order);
		for (i = 0; i < n->n_measures; i++)
			pane_cite(seen, n->measures[i].footnotes,
			    n->measures[i].n_footnotes, order, &n_order);
	}
	buf_adds(&b, "Footnotes cited by ");
	doc_path_text(&b, n, r->measure);
	buf_adds(&b, " (Esc to close, F for all footnotes)");
	l->title = buf_detach(&b);
	if (n_order == 0)
		list_add(l, PAINT_PATH, "No footnote is cited here.", 0, 0);
	for (i = 0; i < n_order; i++)
		notes_add_definition(l, &ui->doc->footnotes[order[i]], 0);
	free(seen);
	free(order);
}

/* Every footnote, its definition and the places citing it. */
void
notes_all(struct ui *ui, struct list *l)
{
	const struct doc *doc = ui->doc;
	const struct doc_footnote *fn;
	const struct doc_cite *c;
	struct list_item *it;
	struct buf b = { 0 };
	size_t i, j;

	l->title = xstrdup("Footnotes (Enter: go to the place, ^O: come back,"
	    " Esc: close)");
	if (doc->n_footnotes == 0)
		list_add(l, PAINT_PATH, "This document has no footnotes.", 0, 0);
	for (i = 0; i < doc->n_footnotes; i++) {
		fn = &doc->footnotes[i];
		if (i != 0)
			list_add(l, PAINT_NORMAL, "", 0, 0);
		buf_clear(&b);
		buf_printf(&b, "%s %s", fn->mark, fn->term ? fn->term : "");
		list_add(l, PAINT_FOOTNOTE, b.data, 0, 0);
		list_add(l, PAINT_NORMAL, fn->text, 2, 0);
		buf_clear(&b);
		buf_printf(&b, "cited by %zu place%s:", fn->n_cited_by,
		    fn->n_cited_by == 1 ? "" : "s");
		list_add(l, PAINT_PATH, b.data, 2, 0);
		for (j = 0; j < fn->n_cited_by; j++) {
			c = &fn->cited_by[j];
			buf_clear(&b);
			doc_path_text(&b, c->node, c->measure == DOC_CITE_TITLE ?
			    SIZE_MAX : c->measure);
			buf_adds(&b, "  ");
			buf_adds(&b, c->measure == DOC_CITE_TITLE ?
			    c->node->title : c->node->measures[c->measure].text);
			it = list_add(l, PAINT_NORMAL, b.data, 4, 2);
			it->selectable = 1;
			it->target.node = c->node;
			it->target.measure = c->measure == DOC_CITE_TITLE ?
			    OUTLINE_NODE : c->measure;
		}
	}
	buf_fini(&b);
}
