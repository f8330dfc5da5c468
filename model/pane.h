/*
 * pane: the reading pane's content for one node, laid out for a width,
 * without a terminal.  The content is a list of blocks (the title, the
 * organisations tagged on the node, each measure and its organisations, the
 * node's sub-entries, the definition of each footnote cited) wrapped into
 * lines by the text layer.  The UI paints the lines; search (later) maps
 * byte ranges of doc text into blocks through text_offset.
 *
 * The pane owns its blocks and lines; it borrows the doc (valid until
 * doc_free()).
 */
#ifndef PANE_H
#define PANE_H

#include <stddef.h>

#include "model/doc.h"

enum pane_kind {
	PANE_PATH,	/* the ancestors, "2. › 2.2" (not at the top level) */
	PANE_TITLE,	/* number and title */
	PANE_AGENCY,	/* 【organisations】 of the node or a measure */
	PANE_MEASURE,	/* "・" and a measure's text */
	PANE_CHILD,	/* a sub-entry's number and title */
	PANE_FOOTNOTE,	/* "※1 CSIRT: definition" */
	PANE_BLANK,	/* an empty separating line */
};

struct pane_block {
	enum pane_kind	 kind;
	char		*text;		/* owned, what is shown */
	size_t		 measure;	/* for PANE_MEASURE and its agency:
					   the measure's index, else SIZE_MAX */
	size_t		 footnote;	/* for PANE_FOOTNOTE: its index, else
					   SIZE_MAX */
	size_t		 child;		/* for PANE_CHILD: its index, else
					   SIZE_MAX */
	const char	*source;	/* the doc text the block shows, or NULL */
	size_t		 text_offset;	/* where source starts in text */
	size_t		 indent_cols;	/* first line's indentation */
	size_t		 hang_cols;	/* more for continuation lines */
};

struct pane_line {
	size_t	block;		/* index into blocks */
	size_t	start_bytes;	/* range of the block's text to draw */
	size_t	end_bytes;
	size_t	indent_cols;	/* columns before the text */
};

struct pane {
	const struct doc_node	*node;
	struct pane_block	*blocks;
	size_t			 n_blocks;
	struct pane_line	*lines;
	size_t			 n_lines;
	size_t			 width_cols;	/* what the lines were laid out for */
};

/*
 * Lay out node for width_cols columns (at least 1); pane must be zeroed or
 * previously used (its old content is freed).
 */
void pane_layout(struct pane *pane, const struct doc *doc,
    const struct doc_node *node, size_t width_cols);
/* The first line of the block of a measure (or 0 when there is none). */
size_t pane_measure_line(const struct pane *pane, size_t measure);
/* Free the pane's content. */
void pane_fini(struct pane *pane);

/*
 * Append to order[0..*n_order) the footnotes of fns[0..n) not yet seen,
 * marking them in seen (by footnote index): each footnote once, in the
 * order first cited.
 */
void pane_cite(unsigned char *seen, const size_t *fns, size_t n,
    size_t *order, size_t *n_order);

#endif
