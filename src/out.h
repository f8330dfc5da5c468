/*
 * out: a buffered writer for the output formats.  Text is collected in a buf
 * and written to the stream in large pieces; out_fini reports whether every
 * write succeeded, so a full disk or a closed pipe becomes an exit status.
 */
#ifndef OUT_H
#define OUT_H

#include <stdio.h>

#include "model/buf.h"

struct out {
	FILE		*fp;
	struct buf	 b;		/* pending bytes */
	int		 failed;	/* a write failed */
};

/* Start writing to fp. */
void out_init(struct out *o, FILE *fp);
/* Write what is pending when it has grown large. */
void out_maybe_flush(struct out *o);
/* Write everything and free the buffer; 0 if every write succeeded. */
int out_fini(struct out *o);

#endif
