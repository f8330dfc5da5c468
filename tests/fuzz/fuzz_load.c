/*
 * fuzz_load: the loader on arbitrary bytes.  A load either fails with one
 * message that is safe to print (no control character, valid UTF-8) and a
 * place, or gives a doc whose tree is consistent (parents, depths, counts,
 * footnote indices, NFC text without NUL); then both output formats are
 * written and checked to hold nothing a terminal would obey.  The same
 * bytes loaded with the index built as they load (search_load_data, a
 * second thread) give the same outcome and message, and the index
 * search_index_build makes afterwards.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <locale.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "model/doc.h"
#include "model/fold.h"
#include "model/search.h"
#include "model/text.h"
#include "src/dump.h"
#include "src/json.h"
#include "src/out.h"
#include "tests/fuzz/fuzz_safe.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const UNormalizer2 *fuzz_nfc;

/* Pin a UTF-8 locale, as main does: widths depend on it. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	UErrorCode ue = U_ZERO_ERROR;

	(void)argc;
	(void)argv;
	setlocale(LC_ALL, "C.UTF-8");
	fuzz_nfc = unorm2_getNFCInstance(&ue);
	FUZZ_ASSERT(U_SUCCESS(ue));
	return 0;
}

/* A doc's text: valid UTF-8 in NFC, not empty when required. */
static void
fuzz_check_text(const char *s, int required)
{
	UErrorCode ue = U_ZERO_ERROR;
	UChar tmp[512];
	int32_t n;
	size_t len;

	if (s == NULL) {
		FUZZ_ASSERT(!required);
		return;
	}
	len = strlen(s);
	FUZZ_ASSERT(!required || len > 0);
	u_strFromUTF8(tmp, 512, &n, s, (int32_t)len, &ue);
	if (ue == U_BUFFER_OVERFLOW_ERROR || ue ==
	    U_STRING_NOT_TERMINATED_WARNING)
		return;		/* long texts: checked by the test suite */
	FUZZ_ASSERT(U_SUCCESS(ue));
	FUZZ_ASSERT(unorm2_isNormalized(fuzz_nfc, tmp, n, &ue));
}

/* Check the organisations of a node or measure. */
static void
fuzz_check_agencies(const struct doc_agencies *ag)
{
	size_t i;

	for (i = 0; i < ag->n; i++)
		fuzz_check_text(ag->names[i], 1);
	fuzz_check_text(ag->tag, 0);
	FUZZ_ASSERT(ag->tag == NULL || ag->n > 0);
}

/* The index built as doc loaded is the one built after. */
static void
fuzz_check_index(const struct search_index *a, const struct doc *doc)
{
	struct search_index b;
	size_t i;

	search_index_build(&b, doc);
	FUZZ_ASSERT(a->n_fields == b.n_fields && a->n_entries == b.n_entries &&
	    a->n_segs == b.n_segs && a->folded_len == b.folded_len);
	for (i = 0; i < a->n_fields; i++) {
		const struct search_field *x = &a->fields[i], *y = &b.fields[i];

		FUZZ_ASSERT(x->kind == y->kind && x->node == y->node &&
		    x->measure == y->measure && x->footnote == y->footnote &&
		    x->text == y->text && x->entry == y->entry &&
		    x->fold_start == y->fold_start &&
		    x->fold_len == y->fold_len &&
		    x->seg_start == y->seg_start && x->n_segs == y->n_segs);
	}
	FUZZ_ASSERT(memcmp(a->folded, b.folded, a->folded_len + 1) == 0);
	FUZZ_ASSERT(a->n_segs == 0 ||
	    memcmp(a->segs, b.segs, a->n_segs * sizeof *a->segs) == 0);
	search_index_fini(&b);
}

/* Walk the whole tree and check that it holds together. */
static void
fuzz_check_doc(const struct doc *doc)
{
	const struct doc_node *n;
	const char *path[DOC_MAX_DEPTH];
	size_t count = 0, measures = 0, i, j;

	fuzz_check_text(doc->title, 1);
	fuzz_check_text(doc->document_number, 0);
	fuzz_check_text(doc->date, 0);
	fuzz_check_text(doc->date_iso, 0);
	fuzz_check_text(doc->decided_by, 0);
	FUZZ_ASSERT(doc->n_nodes > 0);
	for (n = doc_next(doc, NULL); n != NULL; n = doc_next(doc, n)) {
		FUZZ_ASSERT(n->id == count);
		count++;
		FUZZ_ASSERT(n->depth < DOC_MAX_DEPTH);
		FUZZ_ASSERT(n->depth <= doc->max_depth);
		FUZZ_ASSERT(n->parent == NULL ? n->depth == 0 :
		    n->parent->depth + 1 == n->depth);
		FUZZ_ASSERT(doc_path(n, path) == n->depth + 1);
		FUZZ_ASSERT(path[n->depth] == n->number);
		fuzz_check_text(n->number, 1);
		fuzz_check_text(n->title, 1);
		fuzz_check_agencies(&n->agencies);
		for (i = 0; i < n->n_footnotes; i++)
			FUZZ_ASSERT(n->footnotes[i] < doc->n_footnotes);
		for (i = 0; i < n->n_measures; i++) {
			fuzz_check_text(n->measures[i].text, 1);
			fuzz_check_agencies(&n->measures[i].agencies);
			for (j = 0; j < n->measures[i].n_footnotes; j++)
				FUZZ_ASSERT(n->measures[i].footnotes[j] <
				    doc->n_footnotes);
		}
		measures += n->n_measures;
	}
	FUZZ_ASSERT(count == doc->total_nodes);
	FUZZ_ASSERT(measures == doc->total_measures);
	for (i = 0; i < doc->n_footnotes; i++) {
		fuzz_check_text(doc->footnotes[i].mark, 1);
		fuzz_check_text(doc->footnotes[i].term, 0);
		fuzz_check_text(doc->footnotes[i].text, 1);
		FUZZ_ASSERT(doc_footnote_find(doc, doc->footnotes[i].mark) ==
		    &doc->footnotes[i]);
		for (j = 0; j < doc->footnotes[i].n_cited_by; j++) {
			const struct doc_cite *c;

			c = &doc->footnotes[i].cited_by[j];
			FUZZ_ASSERT(c->node != NULL);
			FUZZ_ASSERT(c->measure == DOC_CITE_TITLE ||
			    c->measure < c->node->n_measures);
		}
	}
}

/* Write the doc in one format into memory and check what came out. */
static void
fuzz_check_output(const struct doc *doc, int json, size_t width_cols)
{
	struct out o;
	char *mem = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&mem, &len);

	FUZZ_ASSERT(fp != NULL);
	out_init(&o, fp);
	if (json)
		json_write_doc(&o, doc);
	else
		dump_write_text(&o, doc, width_cols);
	FUZZ_ASSERT(out_fini(&o) == 0);
	fclose(fp);
	fuzz_safe_text(mem, len, 1);
	free(mem);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct doc_error err, err2;
	struct doc *doc, *doc2;
	struct search_index ix;
	int r;

	r = search_load_data(&ix, "fuzz.yaml", (const char *)data, size, &doc2,
	    &err2);
	if (doc_load("fuzz.yaml", (const char *)data, size, &doc, &err) != 0) {
		FUZZ_ASSERT(doc == NULL);
		FUZZ_ASSERT(err.kind == DOC_EDATA);
		FUZZ_ASSERT(err.message[0] != '\0');
		fuzz_safe_text(err.message, strlen(err.message), 0);
		FUZZ_ASSERT(r == -1 && doc2 == NULL && ix.fields == NULL);
		FUZZ_ASSERT(strcmp(err.message, err2.message) == 0);
		FUZZ_ASSERT(err.line == err2.line && err.col == err2.col);
		return 0;
	}
	FUZZ_ASSERT(doc != NULL);
	FUZZ_ASSERT(r == 0 && doc2 != NULL);
	fuzz_check_index(&ix, doc2);
	search_index_fini(&ix);
	doc_free(&doc2);
	fuzz_check_doc(doc);
	fuzz_check_output(doc, 1, 0);
	fuzz_check_output(doc, 0, DUMP_NO_WRAP);
	fuzz_check_output(doc, 0, 1 + size % 40);
	doc_free(&doc);
	FUZZ_ASSERT(doc == NULL);
	return 0;
}
