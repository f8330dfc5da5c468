/*
 * test_state: the remembered place round-trips; a missing, corrupt,
 * truncated or foreign file is refused with a reason and leaves the state
 * empty; saving replaces the file whole, also when two processes save at
 * once; the path follows XDG_STATE_HOME, then HOME.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "model/state.h"
#include "model/xmalloc.h"

struct fixture {
	struct doc	*doc;
	char		 dir[64];
	char		 path[128];
};

/* Load the real document and make a private folder. */
static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct doc_error err;

	if (doc_load_file("data/cybersecurity2018.yaml", &f->doc, &err) != 0)
		return -1;
	snprintf(f->dir, sizeof f->dir, "/tmp/test_state.XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	snprintf(f->path, sizeof f->path, "%s/sub/dir/x.state", f->dir);
	*state = f;
	return 0;
}

/* Remove the folder and free the document. */
static int
teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		return -1;
	doc_free(&f->doc);
	free(f);
	return 0;
}

/* Write text to the state path. */
static void
write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

/* Save a state with a selection, branches, marks and a search. */
static void
save_sample(struct fixture *f)
{
	struct state st;
	char why[256];

	state_init(&st, f->doc);
	st.selected.node = 18;	/* 2.2 (2), which has two measures */
	st.selected.measure = 1;
	st.expanded[1] = st.expanded[10] = st.expanded[16] = 1;
	st.marks[0].node = 3;
	st.marks['z' - 'a'].node = 20;
	st.marks['z' - 'a'].measure = 0;
	st.search = xstrdup("サイバー 攻撃");
	if (state_save(&st, f->path, f->doc, why, sizeof why) != 0)
		fail_msg("%s", why);
	state_fini(&st);
}

/* Everything saved comes back. */
static void
test_round_trip(void **state)
{
	struct fixture *f = *state;
	struct state st;
	char why[256];
	size_t i, n = 0;

	save_sample(f);
	state_init(&st, f->doc);
	if (state_load(&st, f->path, f->doc, why, sizeof why) != 0)
		fail_msg("%s", why);
	assert_int_equal(st.selected.node, 18);
	assert_int_equal(st.selected.measure, 1);
	for (i = 0; i < f->doc->total_nodes; i++)
		n += st.expanded[i];
	assert_int_equal(n, 3);
	assert_true(st.expanded[10]);
	assert_int_equal(st.marks[0].node, 3);
	assert_int_equal(st.marks[0].measure, STATE_NO_MEASURE);
	assert_int_equal(st.marks[25].measure, 0);
	assert_int_equal(st.marks[1].node, SIZE_MAX);
	assert_string_equal(st.search, "サイバー 攻撃");
	state_fini(&st);
}

/* Load path and expect it refused with a reason holding want. */
static void
expect_refused(struct fixture *f, const char *want)
{
	struct state st;
	char why[256] = "";

	state_init(&st, f->doc);
	assert_int_equal(state_load(&st, f->path, f->doc, why, sizeof why), -1);
	if (strstr(why, want) == NULL)
		fail_msg("reason '%s', want '%s'", why, want);
	assert_int_equal(st.selected.node, SIZE_MAX);
	assert_null(st.search);
	assert_false(st.expanded[10]);
	state_fini(&st);
}

/* Missing, corrupt, truncated, foreign and empty files. */
static void
test_refused(void **state)
{
	struct fixture *f = *state;
	struct state st;
	char why[256], text[512];
	FILE *fp;
	size_t len;

	state_init(&st, f->doc);
	assert_int_equal(state_load(&st, f->path, f->doc, why, sizeof why), 1);
	state_fini(&st);

	save_sample(f);
	fp = fopen(f->path, "r");
	len = fread(text, 1, sizeof text - 1, fp);
	fclose(fp);
	text[len] = '\0';

	/* Truncated: without its end line, and cut mid-line. */
	text[len - 4] = '\0';
	write_file(f->path, text);
	expect_refused(f, "truncated");
	text[len - 6] = '\0';
	write_file(f->path, text);
	expect_refused(f, "cut short");

	write_file(f->path, "");
	expect_refused(f, "empty");
	write_file(f->path, "\x7f" "ELF binary\n");
	expect_refused(f, "not a shisaku state file");
	write_file(f->path, "shisaku-state 1\ndocument 0000000000000000\nend\n");
	expect_refused(f, "another document's");

	/* Corrupt lines, each after a valid header. */
	snprintf(text, sizeof text, "shisaku-state 1\ndocument %016llx\n%s",
	    (unsigned long long)state_hash(f->doc), "selected 99999 -\nend\n");
	write_file(f->path, text);
	expect_refused(f, "line 3");
	snprintf(text, sizeof text, "shisaku-state 1\ndocument %016llx\n%s",
	    (unsigned long long)state_hash(f->doc), "selected 0 7\nend\n");
	write_file(f->path, text);
	expect_refused(f, "line 3");
	snprintf(text, sizeof text, "shisaku-state 1\ndocument %016llx\n%s",
	    (unsigned long long)state_hash(f->doc), "expanded 1 x\nend\n");
	write_file(f->path, text);
	expect_refused(f, "line 3");
	snprintf(text, sizeof text, "shisaku-state 1\ndocument %016llx\n%s",
	    (unsigned long long)state_hash(f->doc), "end\nmore\n");
	write_file(f->path, text);
	expect_refused(f, "after its end");
}

/* Saving where it cannot leaves the old file as it was. */
static void
test_save_fails_cleanly(void **state)
{
	struct fixture *f = *state;
	struct state st;
	char why[256], bad[160];

	state_init(&st, f->doc);
	/* A folder in the way of the file: the rename fails. */
	snprintf(bad, sizeof bad, "%s/blocked", f->dir);
	assert_int_equal(mkdir(bad, 0700), 0);
	snprintf(bad, sizeof bad, "%s/blocked/inner", f->dir);
	assert_int_equal(mkdir(bad, 0700), 0);
	snprintf(bad, sizeof bad, "%s/blocked", f->dir);
	assert_int_equal(state_save(&st, bad, f->doc, why, sizeof why), -1);
	assert_non_null(strstr(why, "cannot replace"));
	/* A file in the way of a folder. */
	snprintf(bad, sizeof bad, "%s/blocked/inner/x", f->dir);
	write_file(bad, "x");
	snprintf(bad, sizeof bad, "%s/blocked/inner/x/y.state", f->dir);
	assert_int_equal(state_save(&st, bad, f->doc, why, sizeof why), -1);
	assert_non_null(strstr(why, "cannot create"));
	state_fini(&st);
}

/* Two processes saving at once always leave a whole, valid file. */
static void
test_concurrent(void **state)
{
	struct fixture *f = *state;
	struct state st;
	char why[256];
	pid_t pid[2];
	int i, k, status;

	save_sample(f);
	for (k = 0; k < 2; k++) {
		pid[k] = fork();
		assert_true(pid[k] >= 0);
		if (pid[k] == 0) {
			state_init(&st, f->doc);
			st.selected.node = (size_t)k + 1;
			for (i = 0; i < 200; i++)
				if (state_save(&st, f->path, f->doc, why,
				    sizeof why) != 0)
					_exit(1);
			_exit(0);
		}
	}
	for (i = 0; i < 200; i++) {
		state_init(&st, f->doc);
		if (state_load(&st, f->path, f->doc, why, sizeof why) != 0)
			fail_msg("read while saving: %s", why);
		state_fini(&st);
	}
	for (k = 0; k < 2; k++) {
		assert_int_equal(waitpid(pid[k], &status, 0), pid[k]);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	state_init(&st, f->doc);
	assert_int_equal(state_load(&st, f->path, f->doc, why, sizeof why), 0);
	assert_true(st.selected.node == 1 || st.selected.node == 2);
	state_fini(&st);
}

/* The path: XDG_STATE_HOME if absolute, else HOME; hash in the name. */
static void
test_path(void **state)
{
	struct fixture *f = *state;
	char why[256], *p;
	uint64_t h = state_hash(f->doc);

	assert_int_not_equal(h, 0);
	setenv("XDG_STATE_HOME", "/x/state", 1);
	setenv("HOME", "/home/u", 1);
	p = state_path(0x1234, why, sizeof why);
	assert_string_equal(p, "/x/state/shisaku/0000000000001234.state");
	free(p);
	setenv("XDG_STATE_HOME", "relative", 1);
	p = state_path(0x1234, why, sizeof why);
	assert_string_equal(p,
	    "/home/u/.local/state/shisaku/0000000000001234.state");
	free(p);
	unsetenv("XDG_STATE_HOME");
	unsetenv("HOME");
	assert_null(state_path(1, why, sizeof why));
	assert_non_null(strstr(why, "HOME"));
}

/* The hash follows the content, not the layout. */
static void
test_hash(void **state)
{
	static const char a[] = "title: T\nnodes:\n  - {number: \"1.\", "
	    "title: A}\n";
	static const char b[] = "# comment\ntitle: \"T\"\nnodes:\n"
	    "  - number: \"1.\"\n    title: A\n";
	static const char c[] = "title: T\nnodes:\n  - {number: \"1.\", "
	    "title: B}\n";
	struct doc *da, *db, *dc;
	struct doc_error err;

	(void)state;
	assert_int_equal(doc_load("a", a, strlen(a), &da, &err), 0);
	assert_int_equal(doc_load("b", b, strlen(b), &db, &err), 0);
	assert_int_equal(doc_load("c", c, strlen(c), &dc, &err), 0);
	assert_int_equal(state_hash(da), state_hash(db));
	assert_int_not_equal(state_hash(da), state_hash(dc));
	doc_free(&da);
	doc_free(&db);
	doc_free(&dc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_round_trip, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_fails_cleanly, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_concurrent, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_path, setup, teardown),
		cmocka_unit_test(test_hash),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
