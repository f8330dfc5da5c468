# Installation, as nnn does it: `make install`, `make uninstall`.
#
#   make install                            into /usr/local
#   make install PREFIX=/usr DESTDIR=/tmp/pkg   staged, for a package
#   make uninstall PREFIX=/usr DESTDIR=/tmp/pkg
#
# Everything goes through $(DESTDIR)$(PREFIX); the directories below may be
# overridden one by one.  install copies the binary already built in
# $(BUILD) (building it first when needed), so BUILD=build/san installs the
# sanitizer build.  The installed manual names the installed document's
# directory (SHAREDIR) in its FILES section.  uninstall removes exactly the
# files install wrote, and SHAREDIR when that leaves it empty; the shared
# directories (bin, man1, the completion directories) are left in place.

BINDIR      ?= $(PREFIX)/bin
MANDIR      ?= $(PREFIX)/share/man
SHAREDIR    ?= $(PREFIX)/share/shisaku
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/site-functions

INSTALL_FILES = $(BINDIR)/shisaku \
                $(MANDIR)/man1/shisaku.1 \
                $(SHAREDIR)/cybersecurity2018.yaml \
                $(SHAREDIR)/README.md \
                $(BASHCOMPDIR)/shisaku \
                $(ZSHCOMPDIR)/_shisaku

install: all
	$(INSTALL) -m 0755 -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(SHAREDIR) $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	$(INSTALL) -m 0755 $(BUILD)/shisaku $(DESTDIR)$(BINDIR)/shisaku
	sed 's|/usr/local/share/shisaku/|$(SHAREDIR)/|g' shisaku.1 \
	    >$(DESTDIR)$(MANDIR)/man1/shisaku.1.tmp
	$(INSTALL) -m 0644 $(DESTDIR)$(MANDIR)/man1/shisaku.1.tmp \
	    $(DESTDIR)$(MANDIR)/man1/shisaku.1
	rm -f $(DESTDIR)$(MANDIR)/man1/shisaku.1.tmp
	$(INSTALL) -m 0644 data/cybersecurity2018.yaml \
	    $(DESTDIR)$(SHAREDIR)/cybersecurity2018.yaml
	$(INSTALL) -m 0644 data/README.md $(DESTDIR)$(SHAREDIR)/README.md
	$(INSTALL) -m 0644 completion/shisaku.bash \
	    $(DESTDIR)$(BASHCOMPDIR)/shisaku
	$(INSTALL) -m 0644 completion/_shisaku $(DESTDIR)$(ZSHCOMPDIR)/_shisaku

uninstall:
	rm -f $(INSTALL_FILES:%=$(DESTDIR)%)
	rmdir $(DESTDIR)$(SHAREDIR) 2>/dev/null || true

.PHONY: install uninstall
