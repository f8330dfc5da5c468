# Benchmarks: `make bench` (issue 8).
#
#   make bench                     build bench/ at -O2, generate the documents
#                                  once, measure, print one table
#   make bench BENCH_SIZES=100k    only some documents (10k 100k 1m)
#   make bench BENCH_RUNS=9        runs per timing (median); default 5
#   make bench-build               build only
#
# The documents (bench/gen, deterministic) are written to build/bench/ the
# first time and kept; delete them to regenerate.  bench/run.sh prints the
# table, with the floors measured in the same run (libyaml's raw parse,
# grep -cF) and PASS/FAIL against the issue's targets.  bench/RESULTS.md
# holds the last table and the profiles.

BENCH_BUILD  ?= $(BUILD)/bench
BENCH_SIZES  ?= 10k 100k 1m
BENCH_RUNS   ?= 5
BENCH_CFLAGS  = $(WARNINGS) $(DEFINES) -I. -MMD -MP -O2 -g

BENCH_DOCS    = $(BENCH_SIZES:%=$(BENCH_BUILD)/doc-%.yaml)
BENCH_PROGS   = $(BENCH_BUILD)/gen $(BENCH_BUILD)/yamlparse \
                $(BENCH_BUILD)/bench $(BENCH_BUILD)/draw \
                $(BENCH_BUILD)/startup

$(BENCH_BUILD)/gen: bench/gen.c
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) -o $@ $<

$(BENCH_BUILD)/yamlparse: bench/yamlparse.c
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) $(CFLAGS_MODEL) -o $@ $< $(LIBS_MODEL)

# The model's rows: libmodel.a, no curses.
$(BENCH_BUILD)/bench: bench/bench.c $(BUILD)/libmodel.a
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) $(CFLAGS_MODEL) -o $@ $< $(BUILD)/libmodel.a \
	    $(LIBS_MIGEMO) $(LIBS_MODEL)

# The screen's rows: the browser's own drawing (libui.a) into ncurses.
$(BENCH_BUILD)/draw: bench/draw.c $(BUILD)/libui.a $(BUILD)/libmodel.a
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) $(CFLAGS_CURSES) $(CFLAGS_MODEL) -o $@ $< \
	    $(BUILD)/libui.a $(BUILD)/libmodel.a $(LIBS_CURSES) \
	    $(LIBS_MIGEMO) $(LIBS_MODEL)

$(BENCH_BUILD)/startup: bench/startup.c
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) -o $@ $< -lutil

# Generated once: the generator changing does not regenerate them.
$(BENCH_BUILD)/doc-10k.yaml: | $(BENCH_BUILD)/gen
	$(BENCH_BUILD)/gen 10000 > $@.tmp && mv $@.tmp $@
$(BENCH_BUILD)/doc-100k.yaml: | $(BENCH_BUILD)/gen
	$(BENCH_BUILD)/gen 100000 > $@.tmp && mv $@.tmp $@
$(BENCH_BUILD)/doc-1m.yaml: | $(BENCH_BUILD)/gen
	$(BENCH_BUILD)/gen 1000000 > $@.tmp && mv $@.tmp $@

bench-build: $(BENCH_PROGS) $(BUILD)/shisaku

bench: bench-build
	@$(MAKE) --no-print-directory $(BENCH_DOCS)
	@sh bench/run.sh $(BENCH_BUILD) $(BUILD)/shisaku $(BENCH_RUNS) \
	    $(BENCH_SIZES)

.PHONY: bench bench-build

-include $(BENCH_PROGS:=.d)
