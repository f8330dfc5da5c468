/*
 * startup: time from starting a full-screen program in a pseudo-terminal to
 * the end of its first full frame.
 * Usage: startup COLS ROWS RUNS [-o FILE] -- COMMAND [ARG]...
 *
 * Each run forks a child on a new pty of COLS x ROWS (forkpty) and execs
 * COMMAND; the clock starts just before the fork, so exec, dynamic linking,
 * loading and drawing all count.  The parent reads everything the child
 * writes, noting when each byte arrived.  The first frame is complete when
 * the child is waiting for a key: nothing has come for 2 ms and the child
 * sleeps in a read, poll or select (/proc/PID/syscall), twice in a row with
 * nothing in between.  The time is that of the last byte before it waited.
 * The child is then ended with SIGTERM.  -o FILE keeps the last run's
 * output (what a terminal would have drawn), to check the frame is whole.
 * The child's CPU time (user and system since the fork, from its CPU-time
 * clock, so exec counts) is read at the same moment, before SIGTERM, so its
 * exit does not; a busy machine stretches the wall clock, hardly the CPU.
 *
 * Prints "startup_ms MEDIAN", "startup_cpu MEDIAN" (ms of the child's CPU)
 * and "startup_bytes N" (bytes of the last run).
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench/util.h"

#define STARTUP_MAX_RUNS	64
#define STARTUP_QUIET_MS	2
#define STARTUP_LIMIT_MS	30000.0

/* Whether pid sleeps waiting for input: read, poll, select and kin. */
static int
startup_waiting(pid_t pid)
{
	char path[64], buf[256];
	long nr;
	int fd;
	ssize_t n;

	snprintf(path, sizeof path, "/proc/%ld/syscall", (long)pid);
	if ((fd = open(path, O_RDONLY)) < 0)
		return 0;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	if (strncmp(buf, "running", 7) == 0)
		return 0;
	nr = strtol(buf, NULL, 10);
	/* x86_64: read 0, poll 7, select 23, epoll_wait 232, pselect6 270,
	 * ppoll 271, epoll_pwait 281. */
	return nr == 0 || nr == 7 || nr == 23 || nr == 232 || nr == 270 ||
	    nr == 271 || nr == 281;
}

/* Milliseconds of CPU time pid has used so far, or -1. */
static double
startup_cpu_ms(pid_t pid)
{
	struct timespec ts;
	clockid_t clk;

	if (clock_getcpuclockid(pid, &clk) != 0 ||
	    clock_gettime(clk, &ts) != 0)
		return -1;
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/*
 * One run: ms to the first frame, or -1; the child's CPU ms up to then in
 * *cpu; the output goes to keep.
 */
static double
startup_run(int cols, int rows, char **cmd, FILE *keep, size_t *bytes,
    double *cpu)
{
	struct winsize ws;
	struct pollfd pfd;
	char buf[65536];
	double t0, last, now;
	int master, quiet = 0, status;
	ssize_t n;
	pid_t pid;

	memset(&ws, 0, sizeof ws);
	ws.ws_col = (unsigned short)cols;
	ws.ws_row = (unsigned short)rows;
	*bytes = 0;
	*cpu = -1;
	t0 = last = bench_now_ms();
	pid = forkpty(&master, NULL, NULL, &ws);
	if (pid < 0)
		return -1;
	if (pid == 0) {
		execvp(cmd[0], cmd);
		_exit(127);
	}
	pfd.fd = master;
	pfd.events = POLLIN;
	for (;;) {
		n = poll(&pfd, 1, STARTUP_QUIET_MS);
		now = bench_now_ms();
		if (n > 0) {
			n = read(master, buf, sizeof buf);
			if (n <= 0)
				break;		/* the child ended (EIO) */
			last = now;
			*bytes += (size_t)n;
			if (keep != NULL)
				fwrite(buf, 1, (size_t)n, keep);
			quiet = 0;
			continue;
		}
		if (now - t0 > STARTUP_LIMIT_MS)
			break;
		if (*bytes > 0 && startup_waiting(pid)) {
			if (++quiet >= 2) {
				*cpu = startup_cpu_ms(pid);
				break;
			}
		} else
			quiet = 0;
	}
	kill(pid, SIGTERM);
	/* Drain so that the child never blocks on a full pty. */
	fcntl(master, F_SETFL, O_NONBLOCK);
	while (waitpid(pid, &status, WNOHANG) == 0) {
		while (read(master, buf, sizeof buf) > 0)
			continue;
		usleep(1000);
	}
	close(master);
	if (quiet < 2)
		return -1;
	return last - t0;
}

int
main(int argc, char **argv)
{
	double t[STARTUP_MAX_RUNS], c[STARTUP_MAX_RUNS], cpu;
	const char *keep_path = NULL;
	FILE *keep = NULL;
	size_t bytes = 0;
	int cols, rows, runs, i, a = 4;

	if (argc < 6) {
		fputs("usage: startup COLS ROWS RUNS [-o FILE] -- COMMAND"
		    " [ARG]...\n", stderr);
		return 64;
	}
	cols = atoi(argv[1]);
	rows = atoi(argv[2]);
	runs = atoi(argv[3]);
	if (runs < 1 || runs > STARTUP_MAX_RUNS)
		runs = 5;
	if (strcmp(argv[a], "-o") == 0 && a + 1 < argc) {
		keep_path = argv[a + 1];
		a += 2;
	}
	if (a >= argc || strcmp(argv[a], "--") != 0 || a + 1 >= argc) {
		fputs("startup: expected -- COMMAND\n", stderr);
		return 64;
	}
	a++;
	/* One run first so that the files and libraries are cached. */
	if (startup_run(cols, rows, argv + a, NULL, &bytes, &cpu) < 0) {
		fprintf(stderr, "startup: %s never waited for a key\n", argv[a]);
		return 1;
	}
	for (i = 0; i < runs; i++) {
		if (i == runs - 1 && keep_path != NULL)
			keep = fopen(keep_path, "w");
		t[i] = startup_run(cols, rows, argv + a, keep, &bytes, &c[i]);
		if (keep != NULL)
			fclose(keep);
		keep = NULL;
		if (t[i] < 0) {
			fprintf(stderr, "startup: %s never waited for a key\n",
			    argv[a]);
			return 1;
		}
	}
	printf("startup_ms %.3f\nstartup_cpu %.3f\nstartup_bytes %zu\n",
	    bench_median(t, (size_t)runs), bench_median(c, (size_t)runs),
	    bytes);
	return 0;
}
