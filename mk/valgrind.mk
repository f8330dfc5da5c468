# make valgrind: shisaku under valgrind's memcheck (tests/valgrind.sh): a
# scripted browser session in tmux and the command-line modes, each of
# which must end with no invalid access and no leak (definitely or
# indirectly lost).  It takes minutes, so `make test` does not run it;
# the logs are kept in $(BUILD)/valgrind/.  tools/deps.sh valgrind
# installs valgrind and tmux when missing.

valgrind: DEPS_WHAT = valgrind
valgrind: deps
	@$(MAKE) --no-print-directory all
	@LC_ALL=C.UTF-8 TERM=xterm-256color sh tests/valgrind.sh $(BUILD)

.PHONY: valgrind
