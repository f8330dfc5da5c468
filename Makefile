# shisaku: a terminal browser for Japanese policy documents.
#
#   make            build build/shisaku
#   make run        install missing packages, build, open the browser
#   make test       install missing packages, build, run every test
#   make sanitize   rebuild under ASan+UBSan in build/san and run every test
#   make check      layering checks (model/ and ui/ never reach upwards)
#   make clean
#
# STATIC=1 links ncursesw, libyaml, ICU, C/Migemo, libstdc++ and libgcc
# into build/shisaku from their static archives (libc and libm stay
# shared): a 34 MB binary that starts with 40% less CPU time, with no
# dynamic linking of ICU's C++ symbols (README.md, Performance).  It is the
# default when every archive is installed (tools/deps.sh installs them on
# Debian and Ubuntu) and pkg-config names no -L directory; STATIC=0 links
# the shared libraries.  Only build/shisaku is linked so, never the tests.

PREFIX     ?= /usr/local
PKG_CONFIG ?= pkg-config
INSTALL    ?= install
CC         ?= cc
BUILD      ?= build

CFLAGS   ?= -O2 -g
WARNINGS  = -std=c11 -Wall -Wextra -Wshadow -Wformat=2 -Wstrict-prototypes \
            -Wmissing-prototypes -Wwrite-strings -Wpedantic -Wvla \
            -Wcast-qual -Wpointer-arith -Wundef
DEFINES   = -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE

CFLAGS_CURSES ?= $(filter-out -D_XOPEN_SOURCE% -D_DEFAULT_SOURCE,$(shell $(PKG_CONFIG) --cflags ncursesw 2>/dev/null))
LIBS_CURSES   ?= $(shell $(PKG_CONFIG) --libs ncursesw 2>/dev/null || echo -lncursesw)
CFLAGS_MODEL  ?= $(shell $(PKG_CONFIG) --cflags yaml-0.1 icu-uc icu-i18n 2>/dev/null)
LIBS_MODEL    ?= $(shell $(PKG_CONFIG) --libs yaml-0.1 icu-uc icu-i18n 2>/dev/null || echo -lyaml -licui18n -licuuc -licudata)
# The index is folded on a second thread while the document loads.
LIBS_MODEL    += -pthread
CFLAGS_TEST   ?= $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
LIBS_TEST     ?= $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)

# C/Migemo (romaji search) is optional: used when its header is present.
MIGEMO ?= $(shell test -f /usr/include/migemo.h && echo 1 || echo 0)
ifeq ($(MIGEMO),1)
CFLAGS_MIGEMO = -DHAVE_MIGEMO=1
LIBS_MIGEMO   = -lmigemo
# Hyperscan (romaji search's literals in one scan) is optional too.
HYPERSCAN ?= $(shell $(PKG_CONFIG) --exists libhs 2>/dev/null && echo 1 || echo 0)
ifeq ($(HYPERSCAN),1)
CFLAGS_MIGEMO += -DHAVE_HYPERSCAN=1 $(shell $(PKG_CONFIG) --cflags libhs)
LIBS_MIGEMO   += $(shell $(PKG_CONFIG) --libs libhs)
endif
endif

# The libraries of build/shisaku, statically when STATIC=1 (see the top).
# libc's own (threads, dlopen, maths) stay shared whatever STATIC says.
# -print-file-name prints the archive's path when the compiler finds it,
# else the bare name; a -L directory from pkg-config might hold other
# versions than the compiler's own directories, so it turns the default off.
LIBS_ALL        = $(LIBS_CURSES) $(LIBS_MIGEMO) $(LIBS_MODEL)
LIBS_LIBC       = -pthread -lpthread -ldl -lm
LIBS_ARCHIVED   = $(filter-out $(LIBS_LIBC),$(LIBS_ALL))
STATIC_ARCHIVES = $(patsubst -l%,lib%.a,$(filter -l%,$(LIBS_ARCHIVED))) \
                  libstdc++.a
ifeq ($(origin STATIC),undefined)
STATIC := $(shell s=1; [ -z "$(filter -L%,$(LIBS_ALL))" ] || s=0; \
    for a in $(STATIC_ARCHIVES); do \
        case "$$($(CC) -print-file-name=$$a)" in (/*) ;; (*) s=0 ;; esac; \
    done; echo $$s)
endif
ifeq ($(STATIC),1)
LIBS_SHISAKU = -static-libgcc -Wl,-Bstatic $(LIBS_ARCHIVED) -lstdc++ \
               -Wl,-Bdynamic -pthread -Wl,--as-needed -lm -ldl \
               -Wl,--no-as-needed
else
LIBS_SHISAKU = $(LIBS_ALL)
endif

ALL_CFLAGS = $(WARNINGS) $(DEFINES) -I. -MMD -MP $(CFLAGS)

MODEL_SRC = $(wildcard model/*.c)
UI_SRC    = $(wildcard ui/*.c)
SRC_SRC   = $(wildcard src/*.c)
TEST_SRC  = $(wildcard tests/test_*.c)

MODEL_OBJ = $(MODEL_SRC:%.c=$(BUILD)/%.o)
UI_OBJ    = $(UI_SRC:%.c=$(BUILD)/%.o)
SRC_OBJ   = $(SRC_SRC:%.c=$(BUILD)/%.o)
EMBED_OBJ = $(BUILD)/src/embed.o
TESTS     = $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)

# src/ objects that unit tests may link (output formats, no curses).
SRC_LIB_OBJ = $(filter-out $(BUILD)/src/main.o,$(SRC_OBJ))

EMBEDDED_DOC = data/cybersecurity2018.yaml

all: $(BUILD)/shisaku

$(BUILD)/shisaku: $(SRC_OBJ) $(EMBED_OBJ) $(BUILD)/libui.a $(BUILD)/libmodel.a \
    $(BUILD)/link-libs
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(SRC_OBJ) $(EMBED_OBJ) $(BUILD)/libui.a \
	    $(BUILD)/libmodel.a $(LIBS_SHISAKU)

# The libraries' link flags, rewritten when they change (STATIC=0 or 1), so
# that the binary is linked again.
$(BUILD)/link-libs: FORCE
	@mkdir -p $(@D)
	@echo '$(LIBS_SHISAKU)' | cmp -s - $@ || echo '$(LIBS_SHISAKU)' >$@

$(BUILD)/libmodel.a: $(MODEL_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/libui.a: $(UI_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/model/%.o: model/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CFLAGS_MODEL) $(CFLAGS_MIGEMO) -c -o $@ $<

$(BUILD)/ui/%.o: ui/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CFLAGS_CURSES) $(CFLAGS_MODEL) -c -o $@ $<

$(BUILD)/src/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CFLAGS_CURSES) $(CFLAGS_MODEL) $(CFLAGS_MIGEMO) -c -o $@ $<

# The default document is carried inside the binary (see src/embed.S); gcc
# -MMD does not see .incbin, so the data file is named here.
$(EMBED_OBJ): src/embed.S $(EMBEDDED_DOC)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Wa,-I. -c -o $@ src/embed.S

# Unit tests link libmodel.a and the curses-free src/ objects, never curses.
$(BUILD)/tests/%: tests/%.c $(BUILD)/libmodel.a $(SRC_LIB_OBJ)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CFLAGS_MODEL) $(CFLAGS_TEST) -o $@ $< \
	    $(SRC_LIB_OBJ) $(BUILD)/libmodel.a $(LIBS_MIGEMO) $(LIBS_MODEL) $(LIBS_TEST)

tests: $(TESTS)

deps:
	@sh tools/deps.sh $(DEPS_WHAT)

run: DEPS_WHAT = run
run: deps
	@$(MAKE) --no-print-directory all
	./$(BUILD)/shisaku $(ARGS)

test: DEPS_WHAT = test
test: deps
	@$(MAKE) --no-print-directory check-run
	@$(MAKE) --no-print-directory san-run

# Everything that `make test` runs, without the package step.
check-run: all tests check
	@sh tests/run.sh $(BUILD)

check:
	@sh tools/layering.sh

SAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
sanitize: DEPS_WHAT = test
sanitize: deps
	@$(MAKE) --no-print-directory san-run

san-run:
	@echo "== the tests again under AddressSanitizer and UndefinedBehaviorSanitizer"
	@$(MAKE) --no-print-directory BUILD=build/san CFLAGS="$(SAN_FLAGS)" \
	    LDFLAGS="$(SAN_FLAGS)" check-run

clean:
	rm -rf build

.PHONY: all run test check check-run sanitize san-run deps tests clean FORCE

# Further targets (fuzzing, benchmarks, installation) live in mk/*.mk.
include $(wildcard mk/*.mk)

-include $(MODEL_OBJ:.o=.d) $(UI_OBJ:.o=.d) $(SRC_OBJ:.o=.d) $(TESTS:=.d)
