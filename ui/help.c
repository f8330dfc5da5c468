/*
 * help: the overlay listing every key, over the whole body.  The same table
 * is in README.md (a test checks that each description appears there).
 */
#include <curses.h>
#include <string.h>

#include "ui/paint.h"
#include "ui/ui.h"

struct help_entry {
	const char	*keys;
	const char	*what;
};

static const struct help_entry help_entries[] = {
	{ NULL,			"Moving" },
	{ "↓ j  ↑ k",		"next / previous entry (in the pane: scroll a line)" },
	{ "PgDn ^F  PgUp ^B",	"a screen down / up" },
	{ "^D  ^U",		"half a screen down / up" },
	{ "g Home  G End",	"first / last entry" },
	{ "→ l",		"expand, or step into the entry" },
	{ "← h",		"collapse, or go to the parent" },
	{ NULL,			"Folding" },
	{ "Enter Space",	"expand or collapse the entry (in the pane: Space pages)" },
	{ "E",			"expand everything" },
	{ "C",			"collapse everything" },
	{ "1 2 3 4",		"show levels down to 1-4" },
	{ NULL,			"Searching" },
	{ "/",			"search as you type; Enter keeps it, Esc goes back" },
	{ "n  N",		"next / previous match, opening branches" },
	{ "&",			"show only the matches and their ancestors, and back" },
	{ "^U",			"in the search prompt: clear the query" },
	{ NULL,			"Footnotes and organisations" },
	{ "f",			"the definitions of the footnotes the entry cites" },
	{ "F",			"every footnote and the places citing it" },
	{ "a",			"every organisation with its number of measures" },
	{ "^O Backspace",	"back to where the last jump came from" },
	{ "Enter (in a list)",	"go to the place, or open the organisation" },
	{ "h (in a list)",	"back from an organisation to all of them" },
	{ "& (in a list)",	"show only that organisation's measures" },
	{ NULL,			"Copying and marks" },
	{ "y",			"copy the entry's text: a measure, or the number and title" },
	{ "Y",			"copy the entry's path" },
	{ "m letter",		"set a mark on the entry, named by a letter" },
	{ "' letter",		"go back to the entry marked with that letter" },
	{ NULL,			"Views" },
	{ "Tab",		"move the focus between the tree and the pane" },
	{ "z",			"give the pane the whole screen, and back" },
	{ "?",			"this help" },
	{ "Esc",		"close the help, leave the zoomed pane, clear the search" },
	{ "^L",			"redraw the screen" },
	{ "q",			"quit (in the help: close it)" },
	{ NULL,			"Mouse" },
	{ "click",		"select an entry; on + or -, expand or collapse" },
	{ "wheel",		"scroll the tree or the pane under the pointer" },
};

static const char help_title[] = "Keys (q or Esc to close, j/k to scroll)";

#define HELP_N	(sizeof help_entries / sizeof help_entries[0])
#define HELP_KEY_COLS	18

/* Draw the help over the body. */
void
help_draw(struct ui *ui)
{
	int y0 = ui->header.h, h = ui->status.y - y0, w = COLS, y;
	size_t i;
	const struct help_entry *e;

	for (y = 0; y < h; y++)
		paint_fill(y0 + y, 0, w, PAINT_NORMAL);
	paint_text(y0, 1, (size_t)(w > 2 ? w - 2 : 0), help_title,
	    strlen(help_title), PAINT_TITLE);
	for (y = 1; y < h; y++) {
		i = ui->help_top + (size_t)y - 1;
		if (i >= HELP_N)
			break;
		e = &help_entries[i];
		if (e->keys == NULL) {
			paint_text(y0 + y, 1, (size_t)(w > 2 ? w - 2 : 0),
			    e->what, strlen(e->what), PAINT_PATH);
			continue;
		}
		paint_text(y0 + y, 3, (size_t)(w > 4 ? w - 4 : 0), e->keys,
		    strlen(e->keys), PAINT_MARKER);
		if (w > 3 + HELP_KEY_COLS + 1)
			paint_text(y0 + y, 3 + HELP_KEY_COLS,
			    (size_t)(w - 3 - HELP_KEY_COLS - 1), e->what,
			    strlen(e->what), PAINT_NORMAL);
	}
}

/* Handle a key while the help is open (it takes every key). */
int
help_key(struct ui *ui, int key)
{
	size_t h = (size_t)(ui->status.y - ui->header.h - 1);

	switch (key) {
	case 'q': case 27: /* Esc */ case '?':
		ui->help = 0;
		break;
	case KEY_DOWN: case 'j': case ' ': case KEY_NPAGE:
		if (ui->help_top + h < HELP_N)
			ui->help_top++;
		break;
	case KEY_UP: case 'k': case KEY_PPAGE:
		if (ui->help_top > 0)
			ui->help_top--;
		break;
	case 'g': case KEY_HOME:
		ui->help_top = 0;
		break;
	default:
		break;
	}
	return 1;
}
