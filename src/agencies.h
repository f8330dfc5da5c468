/*
 * agencies: the output of --agencies (every organisation with its count)
 * and of --agency=NAME (one organisation's places), as text, JSON or CSV.
 * The shapes are fixed by README.md.
 */
#ifndef AGENCIES_H
#define AGENCIES_H

#include "model/agency.h"
#include "src/out.h"

/*
 * Write one line per organisation, in the index's order: its count, right
 * aligned, two spaces and its name in visible form ("26  NISC").
 */
void agencies_write_text(struct out *o, const struct agency_index *ax);

/* Write {"agencies": [{"name": …, "count": …}, …]}. */
void agencies_write_json(struct out *o, const struct agency_index *ax);

/* Write CSV: the header name,count and one row per organisation. */
void agencies_write_csv(struct out *o, const struct agency_index *ax);

/*
 * Write one line per place of a, in document order, as --search does: the
 * path and the measure's number (・1 for the first), then its text; a
 * node's own tag gives the path and the node's title.  All in visible form.
 */
void agencies_write_places_text(struct out *o, const struct agency *a);

/*
 * Write {"agency": name, "measures": [{"path": […], "index": …, "text": …}]}
 * where index is the measure's index in its node (from 0), or null for a
 * node's own tag, whose text is then the node's title.
 */
void agencies_write_places_json(struct out *o, const struct agency *a);

/* Write CSV: the header path,index,text and one row per place, as JSON. */
void agencies_write_places_csv(struct out *o, const struct agency *a);

#endif
