# tests/test_limits.c: the loader's limits (model/doc.h) at small values,
# so that each is reached by a document of a few lines.  The test links its
# own copy of model/load.c built with the limits lowered; it comes before
# libmodel.a, so the archive's load.o is never pulled in.  (An explicit
# rule: it wins over the generic one for $(BUILD)/tests/%.)

LIMITS_DEFS = -DDOC_MAX_TEXT_BYTES=64 -DDOC_MAX_NODES=10 \
              -DDOC_MAX_MEASURES=10 -DDOC_MAX_NAMES=12 \
              -DDOC_MAX_LIST_NAMES=4 -DDOC_MAX_FOOTNOTES=3 \
              -DDOC_MAX_FILE_BYTES=4096

$(BUILD)/tests/test_limits: tests/test_limits.c model/load.c model/doc.h \
    $(BUILD)/libmodel.a
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(ALL_CFLAGS)) $(LIMITS_DEFS) \
	    $(CFLAGS_MODEL) $(CFLAGS_TEST) -o $@ tests/test_limits.c \
	    model/load.c $(BUILD)/libmodel.a $(LIBS_MODEL) $(LIBS_TEST)
