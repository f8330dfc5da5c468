/*
 * orgs: the organisation lists.  orgs_all lists every organisation as the
 * document writes it with its number of measures, most first; choosing one
 * lists its measures (orgs_one) with their paths, and choosing a measure
 * selects it in the outline.  orgs_filter restricts the outline to one
 * organisation's measures and their ancestors.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/agency.h"
#include "model/buf.h"
#include "model/xmalloc.h"
#include "ui/paint.h"
#include "ui/ui.h"

/* Every organisation with its count. */
void
orgs_all(struct ui *ui, struct list *l)
{
	const struct agency_index *ax = &ui->agencies;
	struct list_item *it;
	struct buf b = { 0 };
	size_t i;

	l->title = xstrdup("Organisations (Enter: its measures, &: filter the"
	    " outline, Esc: close)");
	if (ax->n == 0)
		list_add(l, PAINT_PATH, "No measure names an organisation.", 0,
		    0);
	for (i = 0; i < ax->n; i++) {
		buf_clear(&b);
		buf_printf(&b, "%4zu  %s", ax->agencies[i].count,
		    ax->agencies[i].name);
		it = list_add(l, PAINT_NORMAL, b.data, 0, 6);
		it->selectable = 1;
		it->agency = i;
	}
	buf_fini(&b);
}

/* One organisation's measures, with their paths. */
void
orgs_one(struct ui *ui, struct list *l, size_t agency)
{
	const struct agency *ag = &ui->agencies.agencies[agency];
	const struct agency_place *pl;
	struct list_item *it;
	struct buf b = { 0 };
	size_t i;

	buf_printf(&b, "%s: %zu (Enter: go there, ^O: come back, h: all"
	    " organisations, &: filter)", ag->name, ag->count);
	l->title = buf_detach(&b);
	for (i = 0; i < ag->count; i++) {
		pl = &ag->places[i];
		buf_clear(&b);
		doc_path_text(&b, pl->node, pl->measure);
		buf_printf(&b, "  %s", pl->measure != AGENCY_NODE ?
		    pl->node->measures[pl->measure].text : pl->node->title);
		it = list_add(l, PAINT_NORMAL, b.data, 0, 4);
		it->selectable = 1;
		it->target.node = pl->node;
		it->target.measure = pl->measure == AGENCY_NODE ?
		    OUTLINE_NODE : pl->measure;
	}
	buf_fini(&b);
}

/* Show only one organisation's measures (and nodes) and their ancestors. */
void
orgs_filter(struct ui *ui, size_t agency)
{
	const struct agency *ag = &ui->agencies.agencies[agency];
	unsigned char *nodes, *measures;
	size_t i;

	nodes = xcalloc(ui->doc->total_nodes, 1);
	measures = xcalloc(ui->doc->total_measures + 1, 1);
	for (i = 0; i < ag->count; i++) {
		if (ag->places[i].measure == AGENCY_NODE)
			nodes[ag->places[i].node->id] = 1;
		else
			measures[outline_measure_index(&ui->outline,
			    ag->places[i].node, ag->places[i].measure)] = 1;
	}
	outline_filter(&ui->outline, nodes, measures);
	free(nodes);
	free(measures);
	snprintf(ui->message, sizeof ui->message, "only %s's measures (& to"
	    " show everything)", ag->name);
}
