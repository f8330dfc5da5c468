/*
 * out: buffered output with one error flag for the whole run.
 */
#include "src/out.h"

#define OUT_FLUSH_BYTES	(64 * 1024)

/* Write the pending bytes. */
static void
out_flush(struct out *o)
{
	if (o->b.len != 0 && !o->failed &&
	    fwrite(o->b.data, 1, o->b.len, o->fp) != o->b.len)
		o->failed = 1;
	buf_clear(&o->b);
}

/* Start writing to fp. */
void
out_init(struct out *o, FILE *fp)
{
	o->fp = fp;
	buf_init(&o->b);
	o->failed = 0;
}

/* Write what is pending once it is large. */
void
out_maybe_flush(struct out *o)
{
	if (o->b.len >= OUT_FLUSH_BYTES)
		out_flush(o);
}

/* Write everything and free the buffer. */
int
out_fini(struct out *o)
{
	out_flush(o);
	buf_fini(&o->b);
	if (fflush(o->fp) != 0 || ferror(o->fp))
		o->failed = 1;
	return o->failed ? -1 : 0;
}
