# Fuzzing with libFuzzer (clang): `make fuzz`.
#
#   make fuzz                      build the targets in tests/fuzz/ and run
#                                  each for FUZZ_SECONDS (default 60)
#   make fuzz FUZZ_SECONDS=1200    longer
#   make fuzz FUZZ_TARGETS=fuzz_text
#   make fuzz-build                build only
#
# The targets and the model are built with clang -fsanitize=fuzzer,address,
# undefined in build/fuzz/.  Each target's corpus lives in
# build/fuzz/corpus/TARGET: seeded from data/ and tests/data/ the first time,
# then kept and grown between runs (the source tree is never written).  A
# crash, leak or hang leaves its input in build/fuzz/artifacts/ and makes
# the target fail; turn it into a fixture in tests/data/ and a test.
# tools/deps.sh fuzz installs clang and its libFuzzer runtime when missing.

FUZZ_CC       ?= clang
FUZZ_SECONDS  ?= 60
FUZZ_TARGETS  ?= fuzz_load fuzz_text fuzz_search
FUZZ_BUILD    ?= build/fuzz
# Longest input tried; longer seeds are cut (the text layer is linear)
FUZZ_MAX_LEN  ?= 4096
# Seconds one input may take before it counts as a hang (wall clock: a busy
# machine stretches it)
FUZZ_TIMEOUT  ?= 25
# Extra libFuzzer flags (e.g. FUZZ_FLAGS='-jobs=2 -workers=2').
FUZZ_FLAGS    ?=
FUZZ_SANITIZE  = -fsanitize=address,undefined -fno-sanitize-recover=all \
                 -fno-omit-frame-pointer
FUZZ_CFLAGS    = $(WARNINGS) $(DEFINES) -I. -MMD -MP -O1 -g $(FUZZ_SANITIZE) \
                 -DFUZZ_SRCDIR='"$(CURDIR)"'

FUZZ_MODEL_OBJ = $(MODEL_SRC:%.c=$(FUZZ_BUILD)/obj/%.o)
# The output formats, curses-free, for fuzz_load's checks.
FUZZ_SRC_OBJ   = $(FUZZ_BUILD)/obj/src/dump.o $(FUZZ_BUILD)/obj/src/json.o \
                 $(FUZZ_BUILD)/obj/src/out.o
FUZZ_BINS      = $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/%)

$(FUZZ_BUILD)/obj/model/%.o: model/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link $(CFLAGS_MODEL) \
	    $(CFLAGS_MIGEMO) -c -o $@ $<

$(FUZZ_BUILD)/obj/src/%.o: src/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link $(CFLAGS_MODEL) \
	    -c -o $@ $<

$(FUZZ_BUILD)/%: tests/fuzz/%.c $(FUZZ_MODEL_OBJ) $(FUZZ_SRC_OBJ)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer $(CFLAGS_MODEL) \
	    $(CFLAGS_MIGEMO) -o $@ $< $(FUZZ_SRC_OBJ) $(FUZZ_MODEL_OBJ) \
	    $(LIBS_MIGEMO) $(LIBS_MODEL)

fuzz-build: $(FUZZ_BINS)

# The same checks without libFuzzer, built with $(CC) as unit tests
# (BUILD/tests/test_fuzz_*): tests/run.sh replays every regression input in
# tests/data/fuzz/TARGET/ and the seeds through them, sanitized or not.
FUZZ_REPLAY = $(FUZZ_TARGETS:fuzz_%=$(BUILD)/tests/test_fuzz_%)

$(BUILD)/tests/test_fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c \
    tests/fuzz/fuzz_safe.h $(BUILD)/libmodel.a $(SRC_LIB_OBJ)
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(ALL_CFLAGS)) $(CFLAGS_MODEL) \
	    -DFUZZ_NAME='"fuzz_$*"' -o $@ tests/fuzz/fuzz_$*.c \
	    tests/fuzz/replay.c $(SRC_LIB_OBJ) $(BUILD)/libmodel.a \
	    $(LIBS_MIGEMO) $(LIBS_MODEL)

tests: $(FUZZ_REPLAY)

fuzz: DEPS_WHAT = fuzz
fuzz: deps
	@$(MAKE) --no-print-directory fuzz-build
	@$(MAKE) --no-print-directory fuzz-run

# Seed each corpus on first use, then run every target; fail if any found
# something (its input is in $(FUZZ_BUILD)/artifacts/).
fuzz-run:
	@fail=0; \
	for t in $(FUZZ_TARGETS); do \
		c=$(FUZZ_BUILD)/corpus/$$t; \
		if [ ! -d $$c ]; then \
			mkdir -p $$c && \
			cp data/*.yaml tests/data/*.yaml $$c/; \
		fi; \
		mkdir -p $(FUZZ_BUILD)/artifacts; \
		echo "== $$t for $(FUZZ_SECONDS) s (corpus $$c)"; \
		ASAN_OPTIONS=detect_leaks=1 \
		$(FUZZ_BUILD)/$$t -max_total_time=$(FUZZ_SECONDS) \
		    -timeout=$(FUZZ_TIMEOUT) -rss_limit_mb=2048 \
		    -max_len=$(FUZZ_MAX_LEN) \
		    -print_final_stats=1 \
		    -artifact_prefix=$(FUZZ_BUILD)/artifacts/$$t- \
		    -dict=tests/fuzz/dict $(FUZZ_FLAGS) $$c \
		    $$(test -d tests/data/fuzz/$$t && echo tests/data/fuzz/$$t) \
		    >$(FUZZ_BUILD)/$$t.log 2>&1 || { \
			fail=1; echo "$$t FOUND SOMETHING:"; \
			tail -40 $(FUZZ_BUILD)/$$t.log; }; \
		grep -E '^stat::(number_of_executed_units|peak_rss_mb)|^Done' \
		    $(FUZZ_BUILD)/$$t.log | sed "s/^/$$t: /"; \
	done; \
	exit $$fail

.PHONY: fuzz fuzz-build fuzz-run

-include $(FUZZ_MODEL_OBJ:.o=.d) $(FUZZ_SRC_OBJ:.o=.d) $(FUZZ_BINS:=.d)
