/*
 * test_agency: the organisation index on the real document (every count and
 * place checked against a walk of the tree, and a few facts read off
 * data/cybersecurity2018.yaml by hand), lookup through folding, suggestions
 * for unknown names, and small documents for the edge cases: a name twice
 * in one tag, a node's own tag, two spellings that fold alike, no tags.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "tests/util.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/agency.h"


struct fixture {
	struct doc		*doc;
	struct agency_index	 ax;
};

/* Load the real document and index it. */
static int
setup_index(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	struct doc_error err;

	if (fx == NULL || doc_load_file(REAL_DOC, &fx->doc, &err) != 0) {
		fprintf(stderr, "%s:%lu:%lu: %s\n", err.file, err.line, err.col,
		    err.message);
		free(fx);
		return -1;
	}
	agency_index_build(&fx->ax, fx->doc);
	*state = fx;
	return 0;
}

/* Free the index and the document. */
static int
teardown_index(void **state)
{
	struct fixture *fx = *state;

	agency_index_fini(&fx->ax);
	assert_null(fx->ax.agencies);
	assert_int_equal(fx->ax.n, 0);
	doc_free(&fx->doc);
	free(fx);
	return 0;
}

/* Whether a tag names name. */
static int
tag_names(const struct doc_agencies *ag, const char *name)
{
	size_t i;

	for (i = 0; i < ag->n; i++)
		if (strcmp(ag->names[i], name) == 0)
			return 1;
	return 0;
}

/* The index of an organisation by name, or fail the test. */
static const struct agency *
by_name(const struct agency_index *ax, const char *name)
{
	size_t i;

	for (i = 0; i < ax->n; i++)
		if (strcmp(ax->agencies[i].name, name) == 0)
			return &ax->agencies[i];
	fail_msg("no organisation %s", name);
	return NULL;
}

/*
 * Every name tagged anywhere is in the index once, with exactly the places a
 * walk of the tree finds, in document order, a node's own tag first.
 */
static void
test_walk(void **state)
{
	struct fixture *fx = *state;
	const struct doc_node *n;
	const struct agency *a;
	const struct doc_agencies *ag;
	size_t i, j, k, m, want, total = 0, names = 0;

	for (i = 0; i < fx->ax.n; i++) {
		a = &fx->ax.agencies[i];
		for (j = 0; j < i; j++)
			assert_string_not_equal(fx->ax.agencies[j].name, a->name);
		want = 0;
		for (n = doc_next(fx->doc, NULL); n != NULL;
		    n = doc_next(fx->doc, n)) {
			for (m = 0; m <= n->n_measures; m++) {
				/* m == 0: the node's own tag; else measure m - 1. */
				ag = m == 0 ? &n->agencies :
				    &n->measures[m - 1].agencies;
				if (!tag_names(ag, a->name))
					continue;
				assert_true(want < a->count);
				assert_ptr_equal(a->places[want].node, n);
				assert_int_equal(a->places[want].measure,
				    m == 0 ? AGENCY_NODE : m - 1);
				want++;
			}
		}
		assert_int_equal(a->count, want);
		total += a->count;
	}
	/* And no name is missing: every tagged name is found. */
	for (n = doc_next(fx->doc, NULL); n != NULL; n = doc_next(fx->doc, n))
		for (m = 0; m <= n->n_measures; m++) {
			ag = m == 0 ? &n->agencies : &n->measures[m - 1].agencies;
			names += ag->n;
			for (k = 0; k < ag->n; k++)
				assert_non_null(agency_find(&fx->ax,
				    ag->names[k]));
		}
	/* The real document never names one organisation twice in a tag. */
	assert_int_equal(total, names);
}

/* Most measures first; ties in the order names first appear. */
static void
test_order(void **state)
{
	struct fixture *fx = *state;
	const struct agency *a, *b;
	const struct doc_node *n;
	const char *seen[64];
	size_t n_seen = 0, i, k, m;
	const struct doc_agencies *ag;

	for (n = doc_next(fx->doc, NULL); n != NULL; n = doc_next(fx->doc, n))
		for (m = 0; m <= n->n_measures; m++) {
			ag = m == 0 ? &n->agencies : &n->measures[m - 1].agencies;
			for (k = 0; k < ag->n; k++) {
				for (i = 0; i < n_seen; i++)
					if (strcmp(seen[i], ag->names[k]) == 0)
						break;
				if (i == n_seen) {
					assert_true(n_seen < 64);
					seen[n_seen++] = ag->names[k];
				}
			}
		}
	assert_int_equal(fx->ax.n, n_seen);
	for (i = 0; i < fx->ax.n; i++) {
		a = &fx->ax.agencies[i];
		assert_string_equal(seen[a->first], a->name);
		if (i == 0)
			continue;
		b = &fx->ax.agencies[i - 1];
		assert_true(b->count > a->count ||
		    (b->count == a->count && b->first < a->first));
	}
}

/* Facts read off data/cybersecurity2018.yaml by hand. */
static void
test_facts(void **state)
{
	struct fixture *fx = *state;
	const struct agency *a;
	const struct doc_node *n;
	size_t i;
	int node_tag = 0;

	/* 14 organisations; NISC tags 26 measures, the most. */
	assert_int_equal(fx->ax.n, 14);
	assert_string_equal(fx->ax.agencies[0].name, "NISC");
	assert_int_equal(fx->ax.agencies[0].count, 26);
	assert_string_equal(fx->ax.agencies[1].name, "総務省");
	assert_string_equal(fx->ax.agencies[2].name, "経済産業省");

	/* 総務省: 1.1 (2), 1.3 (1), 1.3 (2), 2.1 (1) ・2, 2.2 (2) ・1 ・2,
	   2.3 (2), 2.3 (5), 4.1 (2) ・1. */
	a = by_name(&fx->ax, "総務省");
	assert_int_equal(a->count, 9);
	n = find(fx->doc, "2.", "2.2", "(2)");
	assert_ptr_equal(a->places[4].node, n);
	assert_int_equal(a->places[4].measure, 0);
	assert_ptr_equal(a->places[5].node, n);
	assert_int_equal(a->places[5].measure, 1);

	/* 経済産業省: 7 measures and the item 1.2 (3) itself. */
	a = by_name(&fx->ax, "経済産業省");
	assert_int_equal(a->count, 8);
	n = find(fx->doc, "1.", "1.2", "(3)");
	for (i = 0; i < a->count; i++)
		if (a->places[i].node == n) {
			assert_int_equal(a->places[i].measure, AGENCY_NODE);
			node_tag = 1;
		}
	assert_true(node_tag);
	assert_int_equal(a->places[3].measure, AGENCY_NODE);

	/* Three with 3, in the order they first appear: 2.3, 2.4, 3.1. */
	assert_string_equal(fx->ax.agencies[3].name, "内閣官房");
	assert_string_equal(fx->ax.agencies[4].name, "文部科学省");
	assert_string_equal(fx->ax.agencies[5].name, "外務省");
	assert_int_equal(fx->ax.agencies[5].count, 3);
	/* The source's oddities are names of their own. */
	assert_int_equal(by_name(&fx->ax, "関係各官")->count, 1);
	assert_int_equal(fx->ax.agencies[13].count, 1);
}

/* Lookup folds width, case and kana, then matches the whole name. */
static void
test_find(void **state)
{
	struct fixture *fx = *state;
	const struct agency *nisc = by_name(&fx->ax, "NISC");

	assert_ptr_equal(agency_find(&fx->ax, "NISC"), nisc);
	assert_ptr_equal(agency_find(&fx->ax, "nisc"), nisc);
	assert_ptr_equal(agency_find(&fx->ax, "ＮＩＳＣ"), nisc);
	assert_ptr_equal(agency_find(&fx->ax, "Ｎｉｓｃ"), nisc);
	assert_ptr_equal(agency_find(&fx->ax, "総務省"),
	    by_name(&fx->ax, "総務省"));
	assert_ptr_equal(agency_find(&fx->ax, "重要インフラ所管省庁"),
	    by_name(&fx->ax, "重要インフラ所管省庁"));
	assert_ptr_equal(agency_find(&fx->ax, "重要ｲﾝﾌﾗ所管省庁"),
	    by_name(&fx->ax, "重要インフラ所管省庁"));
	assert_ptr_equal(agency_find(&fx->ax, "重要いんふら所管省庁"),
	    by_name(&fx->ax, "重要インフラ所管省庁"));
	/* Exactly: no substrings, no extra spaces. */
	assert_null(agency_find(&fx->ax, "総務"));
	assert_null(agency_find(&fx->ax, "NIS"));
	assert_null(agency_find(&fx->ax, "NISC "));
	assert_null(agency_find(&fx->ax, "NISC及び総務省"));
	assert_null(agency_find(&fx->ax, ""));
}

/* Unknown names get the nearest name, when it is near. */
static void
test_suggest(void **state)
{
	struct fixture *fx = *state;
	const struct agency *a;

	a = agency_suggest(&fx->ax, "総務");
	assert_non_null(a);
	assert_string_equal(a->name, "総務省");
	a = agency_suggest(&fx->ax, "nsic");
	assert_non_null(a);
	assert_string_equal(a->name, "NISC");
	a = agency_suggest(&fx->ax, "ＮＩＳ");
	assert_non_null(a);
	assert_string_equal(a->name, "NISC");
	/* Abbreviations: equally far from 総務省, but sharing more. */
	a = agency_suggest(&fx->ax, "経産省");
	assert_non_null(a);
	assert_string_equal(a->name, "経済産業省");
	a = agency_suggest(&fx->ax, "文科省");
	assert_non_null(a);
	assert_string_equal(a->name, "文部科学省");
	a = agency_suggest(&fx->ax, "警察");
	assert_non_null(a);
	assert_string_equal(a->name, "警察庁");
	/* A known name is its own nearest. */
	assert_ptr_equal(agency_suggest(&fx->ax, "外務省"),
	    by_name(&fx->ax, "外務省"));
	/* Nothing near. */
	assert_null(agency_suggest(&fx->ax, "xyz"));
	assert_null(agency_suggest(&fx->ax, "x"));
	assert_null(agency_suggest(&fx->ax, "天気予報"));
	assert_null(agency_suggest(&fx->ax, ""));
	/* Invalid UTF-8 in a query is folded to U+FFFD, not misread. */
	assert_null(agency_suggest(&fx->ax, "\xff\xfe"));
	assert_null(agency_find(&fx->ax, "\xe7\xb7"));
}

/* Load a small document from text, or fail the test. */
static struct doc *
load_text(const char *text)
{
	struct doc_error err;
	struct doc *doc;

	if (doc_load("t.yaml", text, strlen(text), &doc, &err) != 0)
		fail_msg("%s:%lu:%lu: %s", err.file, err.line, err.col,
		    err.message);
	return doc;
}

/*
 * A name twice in one tag is one place; a node's own tag is a place before
 * its measures; two spellings that fold alike are two organisations, and
 * lookup prefers the exact one.
 */
static void
test_small(void **state)
{
	struct doc *doc = load_text(
	    "title: T\nnodes:\n"
	    "  - number: \"1.\"\n    title: A\n    agencies: [ＮＩＳＣ, B]\n"
	    "    measures:\n"
	    "      - text: m1\n        agencies: [NISC, NISC]\n"
	    "      - text: m2\n        agencies: [ＮＩＳＣ]\n"
	    "    children:\n"
	    "      - number: \"1.1\"\n        title: C\n"
	    "        measures:\n"
	    "          - text: m3\n            agencies: [B, NISC]\n");
	struct agency_index ax;
	const struct agency *a;

	(void)state;
	agency_index_build(&ax, doc);
	assert_ptr_equal(ax.doc, doc);
	assert_int_equal(ax.n, 3);
	/* ＮＩＳＣ: the node and m2; B: the node and m3; NISC: m1 and m3.
	   All 2: in order of first appearance. */
	assert_string_equal(ax.agencies[0].name, "ＮＩＳＣ");
	assert_string_equal(ax.agencies[1].name, "B");
	assert_string_equal(ax.agencies[2].name, "NISC");
	a = &ax.agencies[0];
	assert_int_equal(a->count, 2);
	assert_ptr_equal(a->places[0].node, &doc->nodes[0]);
	assert_int_equal(a->places[0].measure, AGENCY_NODE);
	assert_int_equal(a->places[1].measure, 1);
	a = &ax.agencies[2];
	assert_int_equal(a->count, 2);
	assert_ptr_equal(a->places[0].node, &doc->nodes[0]);
	assert_int_equal(a->places[0].measure, 0);
	assert_ptr_equal(a->places[1].node, &doc->nodes[0].children[0]);
	assert_int_equal(a->places[1].measure, 0);

	assert_ptr_equal(agency_find(&ax, "NISC"), &ax.agencies[2]);
	assert_ptr_equal(agency_find(&ax, "ＮＩＳＣ"), &ax.agencies[0]);
	/* Neither spelt so: the first that folds alike. */
	assert_ptr_equal(agency_find(&ax, "nisc"), &ax.agencies[0]);
	assert_ptr_equal(agency_find(&ax, "b"), &ax.agencies[1]);
	agency_index_fini(&ax);
	doc_free(&doc);
}

/* A document with no tags has an empty index, and lookups find nothing. */
static void
test_empty(void **state)
{
	struct doc *doc = load_text("title: T\nnodes:\n"
	    "  - number: \"1.\"\n    title: A\n"
	    "    measures:\n      - text: m\n");
	struct agency_index ax;

	(void)state;
	agency_index_build(&ax, doc);
	assert_int_equal(ax.n, 0);
	assert_null(agency_find(&ax, "NISC"));
	assert_null(agency_suggest(&ax, "NISC"));
	agency_index_fini(&ax);
	agency_index_fini(&ax);
	doc_free(&doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_walk, setup_index,
		    teardown_index),
		cmocka_unit_test_setup_teardown(test_order, setup_index,
		    teardown_index),
		cmocka_unit_test_setup_teardown(test_facts, setup_index,
		    teardown_index),
		cmocka_unit_test_setup_teardown(test_find, setup_index,
		    teardown_index),
		cmocka_unit_test_setup_teardown(test_suggest, setup_index,
		    teardown_index),
		cmocka_unit_test(test_small),
		cmocka_unit_test(test_empty),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
