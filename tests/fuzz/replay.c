/*
 * replay: a fuzz target's checks without libFuzzer.  Run with files or
 * directories, it feeds each file to LLVMFuzzerTestOneInput; run without
 * arguments (as tests/run.sh does), it feeds the target's regression
 * inputs in tests/data/fuzz/FUZZ_NAME/ (every crash the fuzzers found) and
 * the seeds (data/ and tests/data/).  Built with the project's compiler as
 * BUILD/tests/test_fuzz_*, so that `make test` checks every finding again,
 * under ASan and UBSan too.  A failed check aborts, naming it.
 */
#include <dirent.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/buf.h"

#ifndef FUZZ_NAME
#define FUZZ_NAME	"fuzz"
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t replay_count;

/* Feed one file to the target. */
static int
replay_file(const char *path)
{
	struct buf b = { 0 };
	char chunk[65536];
	size_t n;
	FILE *fp = fopen(path, "rb");

	if (fp == NULL) {
		perror(path);
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&b, chunk, n);
	fclose(fp);
	/* An exact-size copy, so that ASan sees a read past the end. */
	{
		uint8_t *data = malloc(b.len > 0 ? b.len : 1);

		if (data == NULL)
			abort();
		if (b.len > 0)
			memcpy(data, b.data, b.len);
		LLVMFuzzerTestOneInput(data, b.len);
		free(data);
	}
	buf_fini(&b);
	replay_count++;
	return 0;
}

/* Feed a file, or every regular file of a directory (in name order). */
static int
replay_path(const char *path)
{
	struct dirent **names;
	struct stat st;
	struct buf p = { 0 };
	int i, n, r = 0;

	if (stat(path, &st) != 0) {
		perror(path);
		return -1;
	}
	if (!S_ISDIR(st.st_mode))
		return replay_file(path);
	if ((n = scandir(path, &names, NULL, alphasort)) < 0) {
		perror(path);
		return -1;
	}
	for (i = 0; i < n; i++) {
		buf_clear(&p);
		buf_printf(&p, "%s/%s", path, names[i]->d_name);
		if (names[i]->d_name[0] != '.' && stat(p.data, &st) == 0 &&
		    S_ISREG(st.st_mode) && replay_file(p.data) != 0)
			r = -1;
		free(names[i]);
	}
	free(names);
	buf_fini(&p);
	return r;
}

int
main(int argc, char **argv)
{
	static const char *const defaults[] = {
		"tests/data/fuzz/" FUZZ_NAME, "data", "tests/data",
	};
	int i, r = 0;

	LLVMFuzzerInitialize(&argc, &argv);
	if (argc > 1) {
		for (i = 1; i < argc; i++)
			if (replay_path(argv[i]) != 0)
				r = 1;
	} else {
		/* A target with no findings yet has no directory. */
		for (i = 0; i < 3; i++)
			if (access(defaults[i], F_OK) == 0 &&
			    replay_path(defaults[i]) != 0)
				r = 1;
	}
	printf("%s: %zu inputs replayed, every check held\n", FUZZ_NAME,
	    replay_count);
	return r;
}
