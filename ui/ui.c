/*
 * ui: terminal set-up and restoration, screen layout, the main loop and the
 * keys that belong to no single screen.  The terminal is restored on quit,
 * on SIGINT, SIGTERM and SIGHUP (the signal is then re-raised so the parent
 * sees it; a terminal that hangs up without a SIGHUP reaching us counts as
 * one), and before a fatal error is printed (the xmalloc hook).  Ctrl-Z
 * is left to ncurses, which restores the terminal and redraws on fg.
 * While a search runs (ui/find.c), the loop polls for keys instead of
 * waiting and runs the search a slice at a time while none is waiting.
 */
#include "ui/ui.h"

#include <curses.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>
#include <wchar.h>

#include "model/text.h"
#include "model/xmalloc.h"
#include "ui/paint.h"

static volatile sig_atomic_t	ui_signal;	/* a signal that ends the run */
static int			ui_active;	/* curses owns the terminal */
static SCREEN			*ui_screen;	/* from newterm */

/* Note a terminating signal; the loop sees it within its timeout. */
static void
ui_on_signal(int sig)
{
	ui_signal = sig;
}

/* Give the terminal back, once. */
static void
ui_restore(void)
{
	if (!ui_active)
		return;
	ui_active = 0;
	endwin();
}

/* The screen library's version. */
const char *
ui_version(void)
{
	return curses_version();
}

/* Lay out the screen for its size. */
void
ui_layout(struct ui *ui)
{
	int rows = LINES, cols = COLS, body_y = 1, body_h = rows - 2, tree_w,
	    tree_h;

	memset(&ui->header, 0, sizeof ui->header);
	memset(&ui->tree_area, 0, sizeof ui->tree_area);
	memset(&ui->sep, 0, sizeof ui->sep);
	memset(&ui->pane_area, 0, sizeof ui->pane_area);
	memset(&ui->status, 0, sizeof ui->status);
	ui->too_small = cols < UI_MIN_COLS || rows < UI_MIN_ROWS;
	if (ui->too_small)
		return;
	ui->header = (struct ui_rect){ 0, 0, 1, cols };
	ui->status = (struct ui_rect){ rows - 1, 0, 1, cols };
	ui->side = cols >= UI_SIDE_COLS;
	if (ui->zoom) {
		ui->pane_area = (struct ui_rect){ body_y, 0, body_h, cols };
	} else if (ui->side) {
		tree_w = cols * 2 / 5;
		ui->tree_area = (struct ui_rect){ body_y, 0, body_h, tree_w };
		ui->sep = (struct ui_rect){ body_y, tree_w, body_h, 1 };
		ui->pane_area = (struct ui_rect){ body_y, tree_w + 1, body_h,
		    cols - tree_w - 1 };
	} else {
		tree_h = (body_h - 1) / 2;
		if (tree_h < 1)
			tree_h = 1;
		ui->tree_area = (struct ui_rect){ body_y, 0, tree_h, cols };
		ui->sep = (struct ui_rect){ body_y + tree_h, 0, 1, cols };
		ui->pane_area = (struct ui_rect){ body_y + tree_h + 1, 0,
		    body_h - tree_h - 1, cols };
	}
}

/* Keep the selection in view and the pane laid out for it. */
void
ui_follow(struct ui *ui)
{
	struct outline *o = &ui->outline;
	const struct outline_row *r;
	const struct doc_node *node;
	size_t h, width, line;

	if (ui->too_small)
		return;
	h = (size_t)(ui->tree_area.h > 0 ? ui->tree_area.h : 1);
	if (o->selected < ui->tree_top)
		ui->tree_top = o->selected;
	else if (o->selected >= ui->tree_top + h)
		ui->tree_top = o->selected - h + 1;
	if (o->n_rows <= h)
		ui->tree_top = 0;
	else if (ui->tree_top > o->n_rows - h)
		ui->tree_top = o->n_rows - h;

	r = outline_selected(o);
	node = r->node;
	width = ui->pane_area.w > 1 ? (size_t)ui->pane_area.w - 1 : 1;
	if (ui->pane.node != node || ui->pane.width_cols != width)
		pane_layout(&ui->pane, ui->doc, node, width);
	if (ui->pane_node != node) {
		ui->pane_node = node;
		ui->pane_top = 0;
		ui->pane_measure = OUTLINE_NODE;
	}
	if (r->measure != ui->pane_measure) {
		/* A newly selected measure is brought into view. */
		ui->pane_measure = r->measure;
		if (r->measure != OUTLINE_NODE) {
			line = pane_measure_line(&ui->pane, r->measure);
			if (line < ui->pane_top || line >= ui->pane_top +
			    (size_t)(ui->pane_area.h > 0 ? ui->pane_area.h : 1))
				ui->pane_top = line;
		}
	}
	reader_wheel(ui, 0);		/* clamp after a re-layout */
}

/* Select a remembered place if it still exists. */
static void
ui_select_place(struct ui *ui, const struct doc_node *node, size_t measure)
{
	struct outline *o = &ui->outline;
	size_t row;

	outline_reveal(o, node);
	if (measure != OUTLINE_NODE && (row = outline_find(o, node,
	    OUTLINE_NODE)) != SIZE_MAX)
		outline_set_expanded(o, row, 1);
	if ((row = outline_find(o, node, measure)) != SIZE_MAX)
		outline_select(o, row);
}

/* Select a place in the outline, opening its branches, and remember where
 * the selection was so that ^O can come back. */
void
ui_jump(struct ui *ui, const struct doc_node *node, size_t measure)
{
	const struct outline *o = &ui->outline;
	const struct outline_row *r = outline_selected(o);

	ui->back = xreallocarray(ui->back, ui->n_back + 1, sizeof *ui->back);
	ui->back[ui->n_back].node = r->node;
	ui->back[ui->n_back].measure = r->measure;
	ui->n_back++;
	ui_select_place(ui, node, measure);
	ui->focus = UI_FOCUS_TREE;
}

/* Go back to where the last jump came from. */
void
ui_jump_back(struct ui *ui)
{
	const struct find_target *t;

	if (ui->n_back == 0) {
		snprintf(ui->message, sizeof ui->message,
		    "no earlier place to go back to");
		return;
	}
	t = &ui->back[--ui->n_back];
	ui_select_place(ui, t->node, t->measure);
}

/* Put the person back where they left this document. */
static void
ui_state_load(struct ui *ui)
{
	struct outline *o = &ui->outline;
	struct state st;
	char why[256];
	size_t i;
	int r;

	ui->state_path = state_path(state_hash(ui->doc), why, sizeof why);
	if (ui->state_path == NULL) {
		snprintf(ui->message, sizeof ui->message, "the place will not"
		    " be remembered: %.200s", why);
		return;
	}
	state_init(&st, ui->doc);
	r = state_load(&st, ui->state_path, ui->doc, why, sizeof why);
	if (r < 0)
		snprintf(ui->message, sizeof ui->message, "ignored %.200s: %.200s",
		    ui->state_path, why);
	if (r == 0) {
		outline_set_expansion(o, st.expanded);
		for (i = 0; i < STATE_MARKS; i++)
			if (st.marks[i].node != SIZE_MAX) {
				ui->marks[i].node = o->by_id[st.marks[i].node];
				ui->marks[i].measure = st.marks[i].measure ==
				    STATE_NO_MEASURE ? OUTLINE_NODE :
				    st.marks[i].measure;
			}
		if (st.search != NULL)
			find_restore_query(ui, st.search);
		if (st.selected.node != SIZE_MAX)
			ui_select_place(ui, o->by_id[st.selected.node],
			    st.selected.measure == STATE_NO_MEASURE ?
			    OUTLINE_NODE : st.selected.measure);
	}
	state_fini(&st);
}

/* Remember where the person is; returns a reason on failure, else NULL. */
static const char *
ui_state_save(struct ui *ui, char *why, size_t why_size)
{
	const struct outline *o = &ui->outline;
	const struct outline_row *r = outline_selected(o);
	struct state st;
	size_t i;
	int rc;

	if (ui->state_path == NULL)
		return NULL;
	state_init(&st, ui->doc);
	memcpy(st.expanded, o->expanded, ui->doc->total_nodes);
	st.selected.node = r->node->id;
	st.selected.measure = r->measure == OUTLINE_NODE ? STATE_NO_MEASURE :
	    r->measure;
	for (i = 0; i < STATE_MARKS; i++)
		if (ui->marks[i].node != NULL) {
			st.marks[i].node = ui->marks[i].node->id;
			st.marks[i].measure = ui->marks[i].measure ==
			    OUTLINE_NODE ? STATE_NO_MEASURE :
			    ui->marks[i].measure;
		}
	if (ui->find.active && ui->find.query.len > 0)
		st.search = xstrdup(ui->find.query.data);
	rc = state_save(&st, ui->state_path, ui->doc, why, why_size);
	state_fini(&st);
	return rc == 0 ? NULL : why;
}

/* Finish a mark: m<letter> sets it, '<letter> goes there, '' goes back. */
static void
ui_mark_key(struct ui *ui, int cmd, int key)
{
	const struct outline_row *r = outline_selected(&ui->outline);
	struct find_target *m;

	if (cmd == '\'' && key == '\'') {
		ui_jump_back(ui);
		return;
	}
	if (key < 'a' || key > 'z') {
		snprintf(ui->message, sizeof ui->message, "marks are a to z");
		return;
	}
	m = &ui->marks[key - 'a'];
	if (cmd == 'm') {
		m->node = r->node;
		m->measure = r->measure;
		snprintf(ui->message, sizeof ui->message, "mark %c set",
		    (char)key);
	} else if (m->node == NULL)
		snprintf(ui->message, sizeof ui->message, "mark %c is not set",
		    (char)key);
	else
		ui_jump(ui, m->node, m->measure);
}

/* Draw the header row: title, 資料番号 and date. */
static void
ui_draw_header(struct ui *ui)
{
	const struct doc *doc = ui->doc;
	struct buf b = { 0 };

	paint_fill(0, 0, ui->header.w, PAINT_HEADER);
	buf_printf(&b, "%s", doc->title);
	if (doc->document_number != NULL)
		buf_printf(&b, "  %s", doc->document_number);
	if (doc->date != NULL)
		buf_printf(&b, "  %s", doc->date);
	paint_text(0, 1, (size_t)ui->header.w - 1, b.data, b.len, PAINT_HEADER);
	buf_fini(&b);
}

/* Draw the status row: path or message on the left, position and hints. */
static void
ui_draw_status(struct ui *ui)
{
	const struct outline *o = &ui->outline;
	const struct outline_row *r = outline_selected(o);
	struct buf left = { 0 }, right = { 0 };
	size_t right_cols, w = (size_t)ui->status.w;
	const char *found;
	char fbuf[64];

	if (ui->find.prompt) {
		find_draw_prompt(ui);
		return;
	}
	paint_fill(ui->status.y, 0, ui->status.w, PAINT_HEADER);
	if (ui->message[0] != '\0') {
		buf_adds(&left, ui->message);
	} else {
		doc_path_text(&left, r->node, r->measure);
	}
	if ((found = find_status(ui, fbuf, sizeof fbuf)) != NULL)
		buf_printf(&right, "%s  ", found);
	if (outline_filtered(o))
		buf_adds(&right, "[filter]  ");
	buf_printf(&right, "%zu/%zu", o->selected + 1, o->n_rows);
	if (w >= 60)
		buf_adds(&right, "  ?:help  Tab:pane  z:zoom  q:quit");
	else if (w >= 40)
		buf_adds(&right, "  ?:help q:quit");
	right_cols = text_width_cols(right.data, right.len, 0);
	if (right_cols + 4 > w) {
		buf_clear(&right);
		right_cols = 0;
	}
	/* A margin of one column, two between the parts. */
	paint_text(ui->status.y, 1, w - right_cols - (right_cols ? 4 : 2),
	    left.data, left.len, PAINT_HEADER);
	if (right_cols > 0)
		paint_text(ui->status.y, (int)(w - right_cols - 1), right_cols,
		    right.data, right.len, PAINT_HEADER);
	buf_fini(&left);
	buf_fini(&right);
}

/* Draw the whole screen. */
static void
ui_draw(struct ui *ui)
{
	static const char small[] = "terminal too small";

	erase();
	if (ui->too_small) {
		paint_text(LINES / 2, 0, (size_t)COLS, small, strlen(small),
		    PAINT_NORMAL);
		refresh();
		return;
	}
	ui_draw_header(ui);
	if (ui->help)
		help_draw(ui);
	else if (ui->list.kind != LIST_NONE)
		list_draw(ui);
	else {
		if (ui->tree_area.h > 0)
			tree_draw(ui);
		if (ui->sep.h > 0 && ui->side)
			paint_vline(ui->sep.y, ui->sep.x, ui->sep.h);
		else if (ui->sep.h > 0)
			paint_hline(ui->sep.y, ui->sep.x, ui->sep.w);
		reader_draw(ui);
	}
	ui_draw_status(ui);
	refresh();
}

/* Whether (y, x) lies in a rectangle. */
static int
ui_in(const struct ui_rect *r, int y, int x)
{
	return y >= r->y && y < r->y + r->h && x >= r->x && x < r->x + r->w;
}

/* Handle a mouse event: clicks select, the wheel scrolls what it is over. */
static void
ui_mouse(struct ui *ui)
{
	MEVENT ev;
	int wheel = 0;

	if (getmouse(&ev) != OK || ui->too_small)
		return;
	if (ev.bstate & BUTTON4_PRESSED)
		wheel = -3;
#ifdef BUTTON5_PRESSED
	else if (ev.bstate & BUTTON5_PRESSED)
		wheel = 3;
#endif
	if (ui->help) {
		if (wheel != 0)
			help_key(ui, wheel < 0 ? KEY_UP : KEY_DOWN);
		return;
	}
	if (ui_in(&ui->tree_area, ev.y, ev.x)) {
		if (wheel != 0)
			tree_wheel(ui, wheel);
		else if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
			tree_click(ui, ev.y, ev.x);
	} else if (ui_in(&ui->pane_area, ev.y, ev.x)) {
		if (wheel != 0)
			reader_wheel(ui, wheel);
		else if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
			ui->focus = UI_FOCUS_PANE;
	}
}

/*
 * After an Esc, swallow the rest of an escape sequence curses does not know
 * (ESC [ … final, ESC O x), so that its characters are not taken for
 * commands; 1 if one was swallowed, 0 for a lone Esc.
 */
static int
ui_swallow_sequence(void)
{
	wint_t wc;
	int r, csi;

	timeout(0);
	r = get_wch(&wc);
	if (r != OK || (wc != '[' && wc != 'O')) {
		if (r == OK)
			unget_wch((wchar_t)wc);
		else if (r == KEY_CODE_YES)
			ungetch((int)wc);
		timeout(200);
		return 0;
	}
	csi = wc == '[';
	/* CSI: parameters and intermediates up to a final byte @ to ~;
	 * SS3: one character. */
	while ((r = get_wch(&wc)) == OK)
		if (!csi || (wc >= 0x40 && wc <= 0x7e))
			break;
	timeout(200);
	return 1;
}

/* Handle one key (is_char: a character, else a KEY_ code). */
static void
ui_key(struct ui *ui, int key, int is_char)
{
	struct outline *o = &ui->outline;

	if (!is_char && key == KEY_RESIZE) {
		ui_layout(ui);
		return;
	}
	if (!is_char && key == KEY_MOUSE) {
		ui_mouse(ui);
		return;
	}
	if (ui->too_small) {
		if (key == 'q' && is_char)
			ui->quit = 1;
		return;
	}
	if (!ui->help && ui->list.kind == LIST_NONE &&
	    find_key(ui, key, is_char))
		return;
	if (is_char && key > 0x7f) {
		/* Past here characters are ASCII and cannot be taken for
		 * KEY_ codes (which start at 0400). */
		beep();
		return;
	}
	if (ui->help) {
		help_key(ui, key);
		return;
	}
	if (ui->list.kind != LIST_NONE) {
		list_key(ui, key);
		return;
	}
	if (ui->pending != 0) {
		int cmd = ui->pending;

		ui->pending = 0;
		if (is_char)
			ui_mark_key(ui, cmd, key);
		return;
	}
	switch (key) {
	case 'm': case '\'':
		ui->pending = key;
		return;
	case 'y': case 'Y':
		clip_copy(ui, key == 'Y');
		return;
	case 'q':
		ui->quit = 1;
		return;
	case '?':
		ui->help = 1;
		ui->help_top = 0;
		return;
	case '\t':
		if (!ui->zoom)
			ui->focus = ui->focus == UI_FOCUS_TREE ?
			    UI_FOCUS_PANE : UI_FOCUS_TREE;
		return;
	case 'z':
		ui->zoom = !ui->zoom;
		ui->focus = ui->zoom ? UI_FOCUS_PANE : UI_FOCUS_TREE;
		ui_layout(ui);
		return;
	case 27: /* Esc */
		if (ui->find.active) {
			snprintf(ui->message, sizeof ui->message,
			    "search cleared");
			find_cancel(ui);
		}
		if (ui->zoom) {
			ui->zoom = 0;
			ui->focus = UI_FOCUS_TREE;
			ui_layout(ui);
		}
		return;
	case 12: /* ^L */
		clearok(curscr, TRUE);
		return;
	case 'f':
		list_open(ui, LIST_CITED, SIZE_MAX);
		return;
	case 'F':
		list_open(ui, LIST_FOOTNOTES, SIZE_MAX);
		return;
	case 'a':
		list_open(ui, LIST_AGENCIES, SIZE_MAX);
		return;
	case 15: /* ^O */
	case KEY_BACKSPACE: case 127: case 8:
		ui_jump_back(ui);
		return;
	case 'E':
		outline_expand_all(o);
		return;
	case 'C':
		outline_collapse_all(o);
		return;
	case '1': case '2': case '3': case '4':
		outline_expand_level(o, (size_t)(key - '0'));
		return;
	default:
		break;
	}
	if (ui->focus == UI_FOCUS_PANE && reader_key(ui, key))
		return;
	if (!tree_key(ui, key))
		beep();
}

/* Take the terminal: curses modes, mouse, signals. */
static int
ui_start(void)
{
	struct sigaction sa;
	const char *term = getenv("TERM");

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fputs("shisaku: the browser needs a terminal (standard input and"
		    " output); use --dump to print the outline\n", stderr);
		return EX_USAGE;
	}
	if (term == NULL || *term == '\0') {
		fputs("shisaku: TERM is not set; set it to your terminal's type"
		    " (e.g. TERM=xterm-256color), or use --dump\n", stderr);
		return EX_USAGE;
	}
	if ((ui_screen = newterm(NULL, stdout, stdin)) == NULL) {
		fprintf(stderr, "shisaku: cannot use terminal type '%s'; set"
		    " TERM to your terminal's type, or use --dump\n", term);
		return EX_USAGE;
	}
	ui_active = 1;
	xmalloc_set_fatal_hook(ui_restore);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = ui_on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	/* Home and End as tmux, rxvt and others send them, whatever the
	 * terminfo entry says. */
	define_key("\033[1~", KEY_HOME);
	define_key("\033[7~", KEY_HOME);
	define_key("\033[H", KEY_HOME);
	define_key("\033OH", KEY_HOME);
	define_key("\033[4~", KEY_END);
	define_key("\033[8~", KEY_END);
	define_key("\033[F", KEY_END);
	define_key("\033OF", KEY_END);
	set_escdelay(25);
	timeout(200);
	curs_set(0);
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
	    | BUTTON5_PRESSED
#endif
	    , NULL);
	mouseinterval(0);
	/*
	 * ncurses 6.4 flushes its output at every cursor movement until the
	 * screen has once been left and resumed (newterm leaves the "endwin"
	 * state at its initial value, which the cursor-moving code takes as a
	 * reason to flush): a frame went out in one write(2) a row, 58 for
	 * the first.  Leave and resume once, before the colours are set up
	 * (resuming after would reset the palette), and draw the first frame
	 * whole: then each frame is one write, which a terminal over SSH
	 * gets in one packet.
	 */
	endwin();
	refresh();
	paint_init();
	clearok(curscr, TRUE);
	return 0;
}

/*
 * Whether the terminal has hung up: its input reports a hang-up or an
 * error, as when the connection dropped.  The kernel sends SIGHUP only to
 * the terminal's session leader, so a browser in a session of its own, or
 * under a leader that ignores SIGHUP and lives on, hears of it only so;
 * every read then ends at once, and the loop would spin.
 */
static int
ui_hung_up(void)
{
	struct pollfd p;

	p.fd = STDIN_FILENO;
	p.events = POLLIN;
	p.revents = 0;
	return poll(&p, 1, 0) == 1 &&
	    (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

/* Run the browser. */
int
ui_run(const struct doc *doc, struct search_index *index, int remember)
{
	struct ui ui;
	const char *failed;
	char why[256];
	int status, r, sig, draw = 1;
	wint_t wc;

	if ((status = ui_start()) != 0)
		return status;
	memset(&ui, 0, sizeof ui);
	ui.doc = doc;
	outline_init(&ui.outline, doc);
	find_init(&ui, index);
	agency_index_build(&ui.agencies, doc);
	if (remember)
		ui_state_load(&ui);
	ui_layout(&ui);
	while (!ui.quit && ui_signal == 0) {
		if (draw) {
			ui_follow(&ui);
			ui_draw(&ui);
		}
		draw = 1;
		if (ui.find.prompt) {
			/* The prompt is on the screen: start loading the
			 * romaji dictionary (on a thread) while the person
			 * starts typing. */
			search_prepare_romaji(index);
		}
		if (find_busy(&ui)) {
			/* A search runs: a slice of it whenever no key is
			 * waiting, a frame only when it shows something new. */
			timeout(0);
			r = get_wch(&wc);
			timeout(200);
			if (r == ERR && !ui_hung_up()) {
				draw = find_work(&ui);
				continue;
			}
		} else
			r = get_wch(&wc);
		if (r == ERR && ui_hung_up()) {
			/* End as on the SIGHUP that did not come. */
			ui_signal = SIGHUP;
			break;
		}
		if (r == OK && wc == 27 && ui_swallow_sequence())
			continue;
		if (r != ERR) {
			/* A message stays until the next key. */
			if (!(r == KEY_CODE_YES && wc == KEY_RESIZE))
				ui.message[0] = '\0';
			ui_key(&ui, (int)wc, r == OK);
		}
	}
	sig = ui_signal;
	failed = ui_state_save(&ui, why, sizeof why);
	ui_restore();
	if (failed != NULL)
		fprintf(stderr, "shisaku: could not remember the place in %s:"
		    " %s\n", ui.state_path, failed);
	free(ui.state_path);
	delscreen(ui_screen);
	ui_screen = NULL;
	paint_fini();
	find_fini(&ui);
	list_clear(&ui.list);
	agency_index_fini(&ui.agencies);
	free(ui.back);
	pane_fini(&ui.pane);
	outline_fini(&ui.outline);
	if (sig != 0) {
		signal(sig, SIG_DFL);
		raise(sig);
	}
	return 0;
}
