/*
 * json: the JSON output of --dump (the scripting interface, see README.md).
 */
#ifndef JSON_H
#define JSON_H

#include "model/buf.h"
#include "model/doc.h"
#include "src/out.h"

/*
 * Append s as a JSON string literal.  Quote and backslash are escaped, and so
 * is every control character (C0, DEL, C1), U+2028/U+2029 and every bidi
 * control, as \uXXXX, so no terminal ever receives them raw.  s must be valid
 * UTF-8 (a loaded doc's text is); an invalid byte is written as U+FFFD.
 */
void json_add_string(struct buf *b, const char *s);

/* Write the whole document as one JSON object and a newline. */
void json_write_doc(struct out *o, const struct doc *doc);

#endif
