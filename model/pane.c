/*
 * pane: build the blocks of a node's reading pane, then wrap each with
 * text_wrap.  The layout for node 2.2 (2) at any width:
 *
 *   2. › 2.2
 *   (2) 地方公共団体のセキュリティ強化・充実
 *
 *   ・地方公共団体職員を対象とした集合研修・eラーニングを実施、…
 *     【総務省】
 *   ・緊急時対応訓練の支援及びCSIRT※1の連携組織の設立
 *     【総務省】
 *
 *   ※1 CSIRT: Computer Security Incident Response Teamの略…
 */
#include "model/pane.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/buf.h"
#include "model/text.h"
#include "model/xmalloc.h"

/* Append a block; text is copied. */
static struct pane_block *
pane_add(struct pane *p, size_t *cap, enum pane_kind kind, const char *text,
    size_t indent_cols, size_t hang_cols)
{
	struct pane_block *b;

	if (p->n_blocks == *cap) {
		*cap = *cap == 0 ? 16 : *cap * 2;
		p->blocks = xreallocarray(p->blocks, *cap, sizeof *p->blocks);
	}
	b = &p->blocks[p->n_blocks++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->text = xstrdup(text);
	b->measure = SIZE_MAX;
	b->footnote = SIZE_MAX;
	b->child = SIZE_MAX;
	b->indent_cols = indent_cols;
	b->hang_cols = hang_cols;
	return b;
}

/* Write "【a、b】" (or the tag as printed) into b. */
static void
pane_tag(struct buf *b, const struct doc_agencies *ag)
{
	buf_clear(b);
	buf_adds(b, "【");
	doc_agencies_text(b, ag);
	buf_adds(b, "】");
}

/* Add the footnotes a list of indices cites to order, each once (seen is
 * by footnote index). */
void
pane_cite(unsigned char *seen, const size_t *fns, size_t n, size_t *order,
    size_t *n_order)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!seen[fns[i]]) {
			seen[fns[i]] = 1;
			order[(*n_order)++] = fns[i];
		}
}

/* Build the blocks of a node. */
static void
pane_build(struct pane *p, const struct doc *doc, const struct doc_node *n)
{
	struct buf b = { 0 };
	struct pane_block *blk;
	const struct doc_footnote *fn;
	unsigned char *seen;
	size_t cap = 0, i, *order, n_order = 0;

	/* Below the top level, where the entry stands. */
	if (n->parent != NULL) {
		doc_path_text(&b, n->parent, SIZE_MAX);
		pane_add(p, &cap, PANE_PATH, b.data, 0, 0);
	}

	buf_clear(&b);
	buf_printf(&b, "%s %s", n->number, n->title);
	blk = pane_add(p, &cap, PANE_TITLE, b.data, 0,
	    text_width_cols(n->number, strlen(n->number), 0) + 1);
	blk->source = n->title;
	blk->text_offset = strlen(n->number) + 1;
	if (n->agencies.n > 0) {
		pane_tag(&b, &n->agencies);
		pane_add(p, &cap, PANE_AGENCY, b.data, 2, 0);
	}

	if (n->n_measures > 0)
		pane_add(p, &cap, PANE_BLANK, "", 0, 0);
	for (i = 0; i < n->n_measures; i++) {
		buf_clear(&b);
		buf_printf(&b, "・%s", n->measures[i].text);
		blk = pane_add(p, &cap, PANE_MEASURE, b.data, 0, 2);
		blk->measure = i;
		blk->source = n->measures[i].text;
		blk->text_offset = strlen("・");
		if (n->measures[i].agencies.n > 0) {
			pane_tag(&b, &n->measures[i].agencies);
			blk = pane_add(p, &cap, PANE_AGENCY, b.data, 2, 0);
			blk->measure = i;
		}
	}

	if (n->n_children > 0)
		pane_add(p, &cap, PANE_BLANK, "", 0, 0);
	for (i = 0; i < n->n_children; i++) {
		buf_clear(&b);
		buf_printf(&b, "%s %s", n->children[i].number,
		    n->children[i].title);
		blk = pane_add(p, &cap, PANE_CHILD, b.data, 2,
		    text_width_cols(n->children[i].number,
		    strlen(n->children[i].number), 0) + 1);
		blk->child = i;
		blk->source = n->children[i].title;
		blk->text_offset = strlen(n->children[i].number) + 1;
	}

	/* Every footnote the title or a measure cites, in order of citing. */
	seen = xcalloc(doc->n_footnotes + 1, 1);
	order = xcalloc(doc->n_footnotes + 1, sizeof *order);
	pane_cite(seen, n->footnotes, n->n_footnotes, order, &n_order);
	for (i = 0; i < n->n_measures; i++)
		pane_cite(seen, n->measures[i].footnotes,
		    n->measures[i].n_footnotes, order, &n_order);
	if (n_order > 0)
		pane_add(p, &cap, PANE_BLANK, "", 0, 0);
	for (i = 0; i < n_order; i++) {
		fn = &doc->footnotes[order[i]];
		buf_clear(&b);
		buf_printf(&b, "%s %s%s", fn->mark, fn->term != NULL ?
		    fn->term : "", fn->term != NULL ? ": " : "");
		blk = pane_add(p, &cap, PANE_FOOTNOTE, "", 0, 2);
		blk->text_offset = b.len;
		buf_adds(&b, fn->text);
		free(blk->text);
		blk->text = buf_detach(&b);
		blk->source = fn->text;
		blk->footnote = order[i];
	}
	free(seen);
	free(order);
	buf_fini(&b);
}

/* Wrap every block into lines. */
static void
pane_wrap(struct pane *p)
{
	struct text_line *tl;
	struct pane_block *b;
	struct pane_line *l;
	size_t cap = 0, i, j, n, avail, hang;

	for (i = 0; i < p->n_blocks; i++) {
		b = &p->blocks[i];
		avail = p->width_cols > b->indent_cols ?
		    p->width_cols - b->indent_cols : 1;
		/* A hang leaves room for a wide character, or goes. */
		hang = b->hang_cols + 2 <= avail ? b->hang_cols : 0;
		n = text_wrap(b->text, strlen(b->text), avail, hang, &tl);
		for (j = 0; j < n; j++) {
			if (p->n_lines == cap) {
				cap = cap == 0 ? 64 : cap * 2;
				p->lines = xreallocarray(p->lines, cap,
				    sizeof *p->lines);
			}
			l = &p->lines[p->n_lines++];
			l->block = i;
			l->start_bytes = tl[j].start_bytes;
			l->end_bytes = tl[j].draw_end_bytes;
			l->indent_cols = (p->width_cols > b->indent_cols ?
			    b->indent_cols : 0) + (j == 0 ? 0 : hang);
		}
		free(tl);
	}
}

/* Lay out node for a width. */
void
pane_layout(struct pane *p, const struct doc *doc, const struct doc_node *node,
    size_t width_cols)
{
	pane_fini(p);
	p->node = node;
	p->width_cols = width_cols == 0 ? 1 : width_cols;
	pane_build(p, doc, node);
	pane_wrap(p);
}

/* The first line of a measure's block. */
size_t
pane_measure_line(const struct pane *p, size_t measure)
{
	size_t i;

	for (i = 0; i < p->n_lines; i++)
		if (p->blocks[p->lines[i].block].kind == PANE_MEASURE &&
		    p->blocks[p->lines[i].block].measure == measure)
			return i;
	return 0;
}

/* Free the content. */
void
pane_fini(struct pane *p)
{
	size_t i;

	for (i = 0; i < p->n_blocks; i++)
		free(p->blocks[i].text);
	free(p->blocks);
	free(p->lines);
	memset(p, 0, sizeof *p);
}
