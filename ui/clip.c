/*
 * clip: copy to the system clipboard with OSC 52, which terminals, tmux
 * (set-clipboard on) and SSH pass along: ESC ] 52 ; c ; BASE64 BEL.  What
 * is copied is the document's text in its visible form (text_render), so
 * no control character rides along into a clipboard.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "model/buf.h"
#include "model/text.h"
#include "ui/ui.h"

static const char clip_b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* Append the base64 form of data[0..len) (RFC 4648, padded). */
static void
clip_base64(struct buf *out, const unsigned char *data, size_t len)
{
	size_t i;
	unsigned long v;

	for (i = 0; i + 2 < len; i += 3) {
		v = (unsigned long)data[i] << 16 | (unsigned long)data[i + 1] << 8 |
		    data[i + 2];
		buf_addc(out, clip_b64[v >> 18 & 63]);
		buf_addc(out, clip_b64[v >> 12 & 63]);
		buf_addc(out, clip_b64[v >> 6 & 63]);
		buf_addc(out, clip_b64[v & 63]);
	}
	if (len - i == 1) {
		v = (unsigned long)data[i] << 16;
		buf_addc(out, clip_b64[v >> 18 & 63]);
		buf_addc(out, clip_b64[v >> 12 & 63]);
		buf_adds(out, "==");
	} else if (len - i == 2) {
		v = (unsigned long)data[i] << 16 | (unsigned long)data[i + 1] << 8;
		buf_addc(out, clip_b64[v >> 18 & 63]);
		buf_addc(out, clip_b64[v >> 12 & 63]);
		buf_addc(out, clip_b64[v >> 6 & 63]);
		buf_addc(out, '=');
	}
}

/* Copy the selected entry's text (what 'y' copies) or its path ('Y'). */
void
clip_copy(struct ui *ui, int path)
{
	const struct outline_row *r = outline_selected(&ui->outline);
	struct buf raw = { 0 }, text = { 0 }, seq = { 0 };
	ssize_t n;

	if (path)
		doc_path_text(&raw, r->node, r->measure);
	else if (r->measure != OUTLINE_NODE)
		buf_adds(&raw, r->node->measures[r->measure].text);
	else
		buf_printf(&raw, "%s %s", r->node->number, r->node->title);
	text_render(&text, raw.data, raw.len, 0);
	buf_adds(&seq, "\033]52;c;");
	clip_base64(&seq, (const unsigned char *)text.data, text.len);
	buf_adds(&seq, "\a");
	fflush(stdout);
	n = write(STDOUT_FILENO, seq.data, seq.len);
	if (n == (ssize_t)seq.len)
		snprintf(ui->message, sizeof ui->message, "copied %s: %.80s",
		    path ? "the path" : "the text", text.data);
	else
		snprintf(ui->message, sizeof ui->message, "could not copy");
	buf_fini(&raw);
	buf_fini(&text);
	buf_fini(&seq);
}
