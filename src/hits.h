/*
 * hits: the output of --search, like grep: one line (text) or one object
 * (JSON) per matching field, in document order.
 */
#ifndef HITS_H
#define HITS_H

#include "model/search.h"
#include "src/out.h"

/*
 * Write hits as text: the path, what matched, and the text in its visible
 * form with each match marked: in colour when colour is set, else between
 * [ and ].
 */
void hits_write_text(struct out *o, const struct search_index *ix,
    const struct search_result *res, int colour);

/*
 * Write {"query": …, "romaji": …, "hits": [{"path": […], "kind": …,
 * "index": …, "mark": …, "text": …, "ranges": [[start, end], …]}]} where
 * ranges are byte offsets into text.
 */
void hits_write_json(struct out *o, const struct search_index *ix,
    const char *query, const struct search_result *res);

#endif
