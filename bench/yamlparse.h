/*
 * yamlparse: the floor for loading, libyaml's raw event parse of a file:
 * read the whole file into memory (as doc_load_file does) and pull every
 * event with yaml_parser_parse, deleting each at once; no tree, no copies,
 * no checks.  Header-only, for bench/yamlparse.c and bench/bench.c.
 */
#ifndef BENCH_YAMLPARSE_H
#define BENCH_YAMLPARSE_H

#include <stdio.h>
#include <stdlib.h>

#include <yaml.h>

#include "bench/util.h"

/* Read path and parse it to the end; return the events, or -1. */
static inline long
bench_yamlparse(const char *path)
{
	yaml_parser_t p;
	yaml_event_t ev;
	size_t len;
	char *data;
	long n = 0;
	int done = 0;

	if ((data = bench_read_file(path, &len)) == NULL)
		return -1;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)data, len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			fprintf(stderr, "yamlparse: %s: %s\n", path,
			    p.problem != NULL ? p.problem : "error");
			n = -1;
			break;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		n++;
	}
	yaml_parser_delete(&p);
	free(data);
	return n;
}

#endif
