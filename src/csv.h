/*
 * csv: CSV output (RFC 4180) for spreadsheets and scripts: a header row,
 * then one record per row, fields separated by commas, every row ending in
 * CR LF.  A field is enclosed in double quotes when it holds a comma, a
 * double quote, CR or LF, and a double quote inside it is doubled.
 *
 * Document text goes through csv_add_text, which writes the characters
 * that JSON escapes in the text layer's visible notation instead: C0
 * controls and DEL in caret notation (^[ for ESC, ^I for TAB, ^J for LF, ^M
 * for CR, ^? for DEL), C1 controls, U+2028, U+2029 and the bidirectional
 * controls as <U+202E>, an invalid byte as <FF>.  So no control character
 * reaches a terminal or a spreadsheet raw, and every record is one line.
 * Every other character is written as it is (JSON is the lossless form).
 */
#ifndef CSV_H
#define CSV_H

#include <stddef.h>

#include "model/buf.h"
#include "model/doc.h"
#include "model/search.h"
#include "src/out.h"

/* The UTF-8 byte order mark that --bom writes first, for spreadsheets. */
#define CSV_BOM		"\xEF\xBB\xBF"

/*
 * Append s[0..len_bytes) as one field, its bytes as they are: quoted when it
 * holds a comma, a double quote, CR or LF, with double quotes doubled.
 */
void csv_add_field(struct buf *b, const char *s, size_t len_bytes);

/*
 * Append the document text s (NUL-terminated UTF-8) as one field, with its
 * control characters in visible notation (see above); quoted when it holds
 * a comma or a double quote.
 */
void csv_add_text(struct buf *b, const char *s);

/* Append the path of n as one text field: "2. › 2.2 › (2)". */
void csv_add_path(struct buf *b, const struct doc_node *n);

/* End the row: CR LF. */
void csv_end_row(struct buf *b);

/*
 * Write the measures of doc, one row each in document order, under the
 * header path,index,title,text,organisations: the node's path, the
 * measure's index in its node (from 0), the node's title, the measure's
 * text, and its organisations' names joined by 、.
 */
void csv_write_doc(struct out *o, const struct doc *doc);

/*
 * Write search hits, one row each in document order, under the header
 * path,kind,index,mark,text as in the JSON form: path empty and mark set
 * for a footnote, index empty for a title or a node's own organisation.
 */
void csv_write_hits(struct out *o, const struct search_index *ix,
    const struct search_result *res);

#endif
