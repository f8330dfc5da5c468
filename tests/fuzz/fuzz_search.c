/*
 * fuzz_search: folding and search on arbitrary bytes.
 *
 * The whole input is folded (fold_text): the result is valid UTF-8, folding
 * it again changes nothing, and fold_map sends every folded range to an
 * ordered range inside the original.  Then the input, up to its first NUL,
 * is run as a query against three documents (the 2018 overview,
 * tests/data/fold-mix.yaml and tests/data/hostile-fields.yaml): hits come
 * in document order, their ranges are sorted, disjoint, inside the field and
 * on character boundaries, and each field drawn with its ranges marked is
 * safe for a terminal; run as a job from some entry, a slice at a time,
 * it gives the same result.  Romaji (Migemo) is tried for short queries
 * only, when the first byte is odd, and on the first document only (each
 * index loads its own dictionary), to keep runs fast.
 */
#include <locale.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "model/buf.h"
#include "model/doc.h"
#include "model/fold.h"
#include "model/search.h"
#include "model/text.h"
#include "tests/fuzz/fuzz_safe.h"

#ifndef FUZZ_SRCDIR
#define FUZZ_SRCDIR	"."
#endif
#define FUZZ_ROMAJI_MAX_BYTES	24

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const fuzz_docs[] = {
	FUZZ_SRCDIR "/data/cybersecurity2018.yaml",
	FUZZ_SRCDIR "/tests/data/fold-mix.yaml",
	FUZZ_SRCDIR "/tests/data/hostile-fields.yaml",
};
#define FUZZ_N_DOCS	(sizeof fuzz_docs / sizeof fuzz_docs[0])

static struct doc		*fuzz_doc[FUZZ_N_DOCS];
static struct search_index	 fuzz_ix[FUZZ_N_DOCS];

/* Load the documents and build their indexes once. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct doc_error err;
	size_t i;

	(void)argc;
	(void)argv;
	setlocale(LC_ALL, "C.UTF-8");
	for (i = 0; i < FUZZ_N_DOCS; i++) {
		if (doc_load_file(fuzz_docs[i], &fuzz_doc[i], &err) != 0) {
			fprintf(stderr, "%s:%lu:%lu: %s\n", err.file, err.line,
			    err.col, err.message);
			abort();
		}
		search_index_build(&fuzz_ix[i], fuzz_doc[i]);
	}
	return 0;
}

/* Whether off is a character boundary of s (or its end). */
static int
fuzz_boundary(const char *s, size_t len, size_t off)
{
	return off == 0 || off == len || !U8_IS_TRAIL((uint8_t)s[off]);
}

/* Fold s, check the fold and its map. */
static void
fuzz_fold(const char *s, size_t len)
{
	struct fold f, g;
	size_t i, os, oe, prev_s = 0, prev_e = 0;

	FUZZ_ASSERT(fold_text(&f, s, len) == 0);
	FUZZ_ASSERT(f.text != NULL && f.text[f.len_bytes] == '\0');
	{
		size_t j = 0;
		UChar32 c;

		while (j < f.len_bytes) {
			U8_NEXT(f.text, j, f.len_bytes, c);
			FUZZ_ASSERT(c >= 0);
		}
	}
	for (i = 0; i < f.n_segs; i++) {
		FUZZ_ASSERT(f.segs[i].fold_start <= f.segs[i].fold_end);
		FUZZ_ASSERT(f.segs[i].fold_end <= f.len_bytes);
		FUZZ_ASSERT(f.segs[i].orig_start < f.segs[i].orig_end);
		FUZZ_ASSERT(f.segs[i].orig_end <= len);
		FUZZ_ASSERT(i == 0 ||
		    f.segs[i].fold_start >= f.segs[i - 1].fold_end);
	}
	/* Every range of up to 8 bytes, and every prefix. */
	for (i = 0; i <= f.len_bytes; i++) {
		fold_map(&f, i, i + 8 <= f.len_bytes ? i + 8 : f.len_bytes,
		    &os, &oe);
		FUZZ_ASSERT(os <= oe && oe <= len);
		/* (A prefix may start after text that folds to nothing,
		 * such as a BOM: os need not be 0.) */
		fold_map(&f, 0, i, &os, &oe);
		FUZZ_ASSERT(os <= oe && oe <= len);
		FUZZ_ASSERT(oe >= prev_e);
		prev_e = oe;
		fold_map(&f, i, f.len_bytes, &os, &oe);
		FUZZ_ASSERT(os <= oe && oe == len);
		FUZZ_ASSERT(i == 0 || os >= prev_s);
		prev_s = os;
	}
	/* Folding is idempotent on what it produced. */
	FUZZ_ASSERT(fold_text(&g, f.text, f.len_bytes) == 0);
	FUZZ_ASSERT(g.len_bytes == f.len_bytes &&
	    memcmp(g.text, f.text, f.len_bytes) == 0);
	fold_fini(&g);
	fold_fini(&f);
	FUZZ_ASSERT(f.text == NULL);
}

/*
 * Run query as a job from an entry picked by the query's length, a slice
 * at a time, and check that it ends with res (search_run's), and that its
 * first match is the first hit at or after that entry (wrapping).
 */
static void
fuzz_job(struct search_index *ix, const char *query,
    const struct search_result *res)
{
	struct search_job job;
	struct search_result got;
	const struct search_field *first = NULL;
	size_t i, from, lo;

	if (ix->n_fields == 0)
		return;
	from = strlen(query) * 7919 % ix->n_fields;
	lo = from;
	while (lo > 0 && ix->fields[lo - 1].entry == ix->fields[lo].entry)
		lo--;
	for (i = 0; i < res->n_hits && first == NULL; i++)
		if (res->hits[i].field >= &ix->fields[lo])
			first = res->hits[i].field;
	if (first == NULL && res->n_hits > 0)
		first = res->hits[0].field;
	FUZZ_ASSERT(search_job_start(&job, ix, query, from) == 0);
	while (!search_job_step(&job, 0))
		FUZZ_ASSERT(job.first == NULL || job.first == first);
	FUZZ_ASSERT(job.first == first);
	search_job_finish(&job, &got);
	search_job_fini(&job);
	FUZZ_ASSERT(got.n_hits == res->n_hits);
	FUZZ_ASSERT(got.n_entries == res->n_entries);
	for (i = 0; i < got.n_hits; i++) {
		FUZZ_ASSERT(got.hits[i].field == res->hits[i].field);
		FUZZ_ASSERT(got.hits[i].n_ranges == res->hits[i].n_ranges);
		FUZZ_ASSERT(memcmp(got.hits[i].ranges, res->hits[i].ranges,
		    2 * got.hits[i].n_ranges * sizeof *got.hits[i].ranges) == 0);
	}
	search_result_fini(&got);
}

/* Run query against one index and check the result. */
static void
fuzz_query(struct search_index *ix, const char *query, int romaji)
{
	struct search_result res;
	struct buf b = { 0 };
	const struct search_hit *h;
	size_t i, j, len, pos;

	ix->romaji = romaji && search_has_migemo();
	if (search_run(ix, query, &res) != 0) {
		FUZZ_ASSERT(res.n_hits == 0 && res.hits == NULL);
		return;
	}
	fuzz_job(ix, query, &res);
	FUZZ_ASSERT(res.n_entries <= ix->n_entries);
	FUZZ_ASSERT(res.n_hits >= res.n_entries);
	for (i = 0; i < res.n_hits; i++) {
		h = &res.hits[i];
		FUZZ_ASSERT(h->field >= ix->fields &&
		    h->field < ix->fields + ix->n_fields);
		FUZZ_ASSERT(i == 0 || h->field > res.hits[i - 1].field);
		FUZZ_ASSERT(h->n_ranges > 0);
		len = strlen(h->field->text);
		buf_clear(&b);
		for (j = 0, pos = 0; j < h->n_ranges; j++) {
			FUZZ_ASSERT(h->ranges[2 * j] >= pos);
			FUZZ_ASSERT(j == 0 || h->ranges[2 * j] > pos);
			FUZZ_ASSERT(h->ranges[2 * j] <= h->ranges[2 * j + 1]);
			FUZZ_ASSERT(h->ranges[2 * j + 1] <= len);
			FUZZ_ASSERT(fuzz_boundary(h->field->text, len,
			    h->ranges[2 * j]));
			FUZZ_ASSERT(fuzz_boundary(h->field->text, len,
			    h->ranges[2 * j + 1]));
			/* Drawn as --search and the browser draw it. */
			text_render(&b, h->field->text + pos,
			    h->ranges[2 * j] - pos, 0);
			text_render(&b, h->field->text + h->ranges[2 * j],
			    h->ranges[2 * j + 1] - h->ranges[2 * j], 0);
			pos = h->ranges[2 * j + 1];
		}
		text_render(&b, h->field->text + pos, len - pos, 0);
		fuzz_safe_text(b.data, b.len, 0);
	}
	buf_fini(&b);
	search_result_fini(&res);
	FUZZ_ASSERT(res.hits == NULL);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *query;
	size_t i, qlen;
	int romaji;

	fuzz_fold((const char *)data, size);

	qlen = strnlen((const char *)data, size);
	query = malloc(qlen + 1);
	FUZZ_ASSERT(query != NULL);
	memcpy(query, data, qlen);
	query[qlen] = '\0';
	romaji = size > 0 && (data[0] & 1) && qlen <= FUZZ_ROMAJI_MAX_BYTES;
	for (i = 0; i < FUZZ_N_DOCS; i++)
		fuzz_query(&fuzz_ix[i], query, romaji && i == 0);
	free(query);
	return 0;
}
