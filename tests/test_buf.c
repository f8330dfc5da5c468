/*
 * test_buf: the growable byte string: appending keeps it NUL-terminated,
 * reserving grows by doubling, reserving exactly does not, and detaching
 * hands the data over.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "model/buf.h"

/* Appending of every kind; the text is always terminated. */
static void
test_append(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b);
	buf_adds(&b, "施策");
	buf_addc(&b, ':');
	buf_addn(&b, '-', 3);
	buf_add(&b, "xyz", 2);
	buf_printf(&b, "%d%s", 42, "件");
	assert_string_equal(b.data, "施策:---xy42件");
	assert_int_equal(b.len, strlen(b.data));
	buf_clear(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.data, "");
	buf_fini(&b);
	assert_null(b.data);
}

/* buf_reserve rounds up (appends stay amortised); buf_reserve_exact gives
 * exactly what is asked, plus the NUL, and nothing when there is room. */
static void
test_reserve(void **state)
{
	struct buf b = { 0 };

	(void)state;
	buf_reserve(&b, 1000);
	assert_true(b.cap >= 1001);
	assert_int_equal(b.cap & (b.cap - 1), 0);	/* a power of two */
	buf_fini(&b);
	buf_reserve_exact(&b, 1000);
	assert_int_equal(b.cap, 1001);
	assert_string_equal(b.data, "");
	buf_addn(&b, 'a', 1000);
	assert_int_equal(b.cap, 1001);
	buf_reserve_exact(&b, 0);
	assert_int_equal(b.cap, 1001);
	buf_reserve_exact(&b, 10);
	assert_int_equal(b.cap, 1011);
	assert_int_equal(b.len, 1000);
	assert_int_equal(b.data[1000], '\0');
	buf_fini(&b);
}

/* Detaching returns the text and leaves the buf empty; an unused buf
 * detaches as an empty string. */
static void
test_detach(void **state)
{
	struct buf b = { 0 };
	char *s;

	(void)state;
	buf_adds(&b, "※1");
	s = buf_detach(&b);
	assert_string_equal(s, "※1");
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	free(s);
	s = buf_detach(&b);
	assert_string_equal(s, "");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_append),
		cmocka_unit_test(test_reserve),
		cmocka_unit_test(test_detach),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
