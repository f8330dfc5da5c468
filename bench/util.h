/*
 * util: what the bench programs share: a monotonic clock in milliseconds,
 * the median of a few timings, and reading a whole file.  Header-only
 * (static functions), so that each program builds from its own .c file.
 */
#ifndef BENCH_UTIL_H
#define BENCH_UTIL_H

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Milliseconds on the monotonic clock. */
static inline double
bench_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Milliseconds of CPU this process has used (user and system). */
static inline double
bench_cpu_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Compare two doubles for qsort. */
static inline int
bench_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The median of t[0..n) (t is sorted in place). */
static inline double
bench_median(double *t, size_t n)
{
	if (n == 0)
		return 0;
	qsort(t, n, sizeof *t, bench_cmp_double);
	return n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
}

/*
 * A timing of several runs, on the wall clock and in CPU time: the machine
 * may be shared, and the CPU time tells what contention added.
 */
#define BENCH_MAX_RUNS	64
struct bench_timer {
	double	wall[BENCH_MAX_RUNS];
	double	cpu[BENCH_MAX_RUNS];
	double	wall0, cpu0;
	size_t	n;
};

/* Start one run. */
static inline void
bench_start(struct bench_timer *t)
{
	t->cpu0 = bench_cpu_ms();
	t->wall0 = bench_now_ms();
}

/* Record a run of wall and cpu ms (not when keep is 0: a warm-up). */
static inline void
bench_add(struct bench_timer *t, double wall, double cpu, int keep)
{
	if (keep && t->n < BENCH_MAX_RUNS) {
		t->wall[t->n] = wall;
		t->cpu[t->n] = cpu;
		t->n++;
	}
}

/* End one run (a warm-up run when keep is 0). */
static inline void
bench_stop(struct bench_timer *t, int keep)
{
	bench_add(t, bench_now_ms() - t->wall0, bench_cpu_ms() - t->cpu0,
	    keep);
}

/* Print "KEY_ms WALL" and "KEY_cpu CPU", the medians; return the wall's. */
static inline double
bench_report(struct bench_timer *t, const char *key)
{
	double w = bench_median(t->wall, t->n), c = bench_median(t->cpu, t->n);

	printf("%s_ms %.3f\n%s_cpu %.3f\n", key, w, key, c);
	t->n = 0;
	return w;
}

/*
 * Print "KEY_ratio" and "KEY_ratio_cpu": the medians of a's runs divided
 * run by run by b's (b timed just before or after a each time, so that
 * both saw the same load on a shared machine).  Call before bench_report.
 */
static inline void
bench_ratio(const struct bench_timer *a, const struct bench_timer *b,
    const char *key)
{
	double w[BENCH_MAX_RUNS], c[BENCH_MAX_RUNS];
	size_t i, n = a->n < b->n ? a->n : b->n;

	for (i = 0; i < n; i++) {
		w[i] = b->wall[i] > 0 ? a->wall[i] / b->wall[i] : 0;
		c[i] = b->cpu[i] > 0 ? a->cpu[i] / b->cpu[i] : 0;
	}
	printf("%s_ratio %.4f\n%s_ratio_cpu %.4f\n", key, bench_median(w, n),
	    key, bench_median(c, n));
}

/* Read a whole file in one read of its size; NULL on error. */
static inline char *
bench_read_file(const char *path, size_t *len)
{
	struct stat st;
	char *data;
	size_t got = 0;
	ssize_t n;
	int fd;

	if ((fd = open(path, O_RDONLY)) < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || (data = malloc((size_t)st.st_size + 1)) ==
	    NULL) {
		close(fd);
		return NULL;
	}
	while (got < (size_t)st.st_size &&
	    (n = read(fd, data + got, (size_t)st.st_size - got)) > 0)
		got += (size_t)n;
	close(fd);
	data[got] = '\0';
	*len = got;
	return data;
}

#endif
