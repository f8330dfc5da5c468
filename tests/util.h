/*
 * util: what the model's unit tests share: loading the real document as a
 * cmocka fixture, and finding a node by its path.  Include after cmocka.h.
 * Functions are static inline so that each test binary takes what it uses.
 */
#ifndef TESTS_UTIL_H
#define TESTS_UTIL_H

#include <stdio.h>
#include <string.h>

#include "model/doc.h"

#define REAL_DOC	"data/cybersecurity2018.yaml"

/* Load the real document as a test's state. */
static inline int
setup_real(void **state)
{
	struct doc_error err;
	struct doc *doc;

	if (doc_load_file(REAL_DOC, &doc, &err) != 0) {
		fprintf(stderr, "%s:%lu:%lu: %s\n", err.file, err.line, err.col,
		    err.message);
		return -1;
	}
	*state = doc;
	return 0;
}

/* Free the real document. */
static inline int
teardown_real(void **state)
{
	struct doc *doc = *state;

	doc_free(&doc);
	assert_null(doc);
	return 0;
}

/* Find a node by its path ("2.", "2.2", "(2)"; b and c may be NULL), or
 * fail the test. */
static inline const struct doc_node *
find(const struct doc *doc, const char *a, const char *b, const char *c)
{
	const char *want[3] = { a, b, c }, *path[DOC_MAX_DEPTH];
	const struct doc_node *n;
	size_t count, i, depth = c != NULL ? 3 : b != NULL ? 2 : 1;

	for (n = doc_next(doc, NULL); n != NULL; n = doc_next(doc, n)) {
		count = doc_path(n, path);
		if (count != depth)
			continue;
		for (i = 0; i < count; i++)
			if (strcmp(path[i], want[i]) != 0)
				break;
		if (i == count)
			return n;
	}
	fail_msg("no node %s %s %s", a, b ? b : "", c ? c : "");
	return NULL;
}

#endif
