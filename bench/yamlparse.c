/*
 * yamlparse: the floor for loading on its own, libyaml's raw event parse
 * of a file (bench/yamlparse.h).  Usage: yamlparse FILE [RUNS]
 *
 * Prints "parse_ms" and "parse_cpu" (medians, wall and CPU) and
 * "events N".  bench load runs the same parse interleaved with the loads
 * it is compared with.
 */
#include <stdio.h>
#include <stdlib.h>

#include "bench/util.h"
#include "bench/yamlparse.h"

int
main(int argc, char **argv)
{
	struct bench_timer t = { 0 };
	int runs, i;
	long n = 0;

	if (argc < 2) {
		fputs("usage: yamlparse FILE [RUNS]\n", stderr);
		return 64;
	}
	runs = argc > 2 ? atoi(argv[2]) : 5;
	if (runs < 1 || runs > BENCH_MAX_RUNS)
		runs = 5;
	for (i = 0; i < runs; i++) {
		bench_start(&t);
		if ((n = bench_yamlparse(argv[1])) < 0)
			return 1;
		bench_stop(&t, 1);
	}
	bench_report(&t, "parse");
	printf("events %ld\n", n);
	return 0;
}
