/*
 * dump: the text form of --dump, an indented outline to read in a pager.
 */
#ifndef DUMP_H
#define DUMP_H

#include <stddef.h>

#include "model/doc.h"
#include "src/out.h"

/* Wrap nothing: each entry on one line (LF in text still breaks). */
#define DUMP_NO_WRAP	((size_t)0)

/*
 * Write the outline: the header, every node indented two columns a level
 * with its number and title, its measures as "・text【organisations】" and the
 * footnotes last.  With width_cols > 0 no printed line, indentation included,
 * is wider than width_cols, wrapped by the text layer's Japanese rules.  All
 * text is shown in its visible form (no control character reaches the
 * output raw).
 */
void dump_write_text(struct out *o, const struct doc *doc, size_t width_cols);

#endif
