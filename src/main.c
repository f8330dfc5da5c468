/*
 * shisaku: a terminal browser for Japanese policy documents.
 *
 * main parses the command line, loads the document (FILE, or the one
 * embedded in the binary), and either writes an output format (--dump,
 * --search, --agencies, --agency, each as text, JSON or CSV), validates
 * (--check), or opens the browser.  It is the only place that prints the
 * model's errors and chooses exit statuses (sysexits.h).
 */
#include <errno.h>
#include <stdarg.h>
#include <getopt.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sysexits.h>
#include <unistd.h>

#include <unicode/uversion.h>
#include <yaml.h>

#include "model/agency.h"
#include "model/doc.h"
#include "model/text.h"
#include "model/search.h"
#include "src/agencies.h"
#include "src/csv.h"
#include "src/dump.h"
#include "src/hits.h"
#include "src/json.h"
#include "src/out.h"
#include "ui/ui.h"

#define SHISAKU_VERSION	"0.1.0"

/* The default document, carried in the binary by src/embed.S. */
extern const char embed_doc[];
extern const char embed_doc_end[];

#define EMBED_NAME	"<embedded cybersecurity2018.yaml>"

enum main_format { FORMAT_TEXT, FORMAT_JSON, FORMAT_CSV };

struct main_opts {
	int		 dump;
	int		 check;
	enum main_format format;
	long		 width_cols;	/* -1: not given */
	const char	*search;	/* --search=QUERY, or NULL */
	int		 no_romaji;
	int		 no_state;	/* --no-state: do not remember */
	int		 agencies;	/* --agencies */
	const char	*agency;	/* --agency=NAME, or NULL */
	int		 bom;		/* --bom: a UTF-8 BOM before CSV */
	const char	*file;		/* NULL: the embedded document */
};

/* Print the usage; to stdout for --help, else to stderr. */
static void __attribute__((noreturn))
usage(int status)
{
	FILE *fp = status == 0 ? stdout : stderr;

	fprintf(fp,
"Usage: shisaku [OPTION]... [FILE]\n"
"Browse a Japanese policy document (YAML, see data/README.md) in the\n"
"terminal.  Without FILE, the built-in サイバーセキュリティ2018の全体概要.\n"
"\n"
"  -d, --dump            print the outline to standard output\n"
"  -f, --format=FORMAT   output format for --dump, --search, --agencies and\n"
"                        --agency: text (default), json or csv\n"
"      --bom             begin CSV with a UTF-8 byte order mark (for\n"
"                        spreadsheet programs)\n"
"  -w, --width=N         wrap --dump text to N columns (default: the\n"
"                        terminal's width; no wrapping into a pipe)\n"
"  -s, --search=QUERY    print the entries that match QUERY, like grep\n"
"                        (status 0 if any, 1 if none)\n"
"      --no-romaji       do not also read ASCII words as romaji (Migemo)\n"
"      --no-state        do not restore or save the place in the browser\n"
"      --agencies        list the organisations responsible for measures,\n"
"                        with how many each has, most first\n"
"      --agency=NAME     print the measures of organisation NAME (status 1\n"
"                        if there is none of that name)\n"
"  -c, --check           validate FILE, print nothing on success\n"
"  -h, --help            show this help and exit\n"
"  -V, --version         show the version and exit\n"
"\n"
"Search folds width, case and kana: ＩＣＴ = ICT = ict, ｻｲﾊﾞｰ = サイバー =\n"
"さいばー; words separated by spaces must all match one entry.  --agency\n"
"folds NAME the same way: nisc = ＮＩＳＣ = NISC.\n"
"\n"
"Exit status: 0 success, 1 --search found nothing or --agency knows no\n"
"such organisation, 64 usage error, 65 malformed document, 66 FILE cannot\n"
"be opened or read, 74 output could not be written.\n");
	exit(status);
}

/* Report a usage error and exit with EX_USAGE. */
static void __attribute__((noreturn, format(printf, 1, 2)))
usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("shisaku: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'shisaku --help' for more information.\n", stderr);
	exit(EX_USAGE);
}

/* The Migemo dictionary: SHISAKU_MIGEMO_DICT when set and not empty, else
 * the first of the usual places (NULL: none). */
static const char *
main_migemo_dict(void)
{
	const char *v = getenv("SHISAKU_MIGEMO_DICT");

	return v != NULL && *v != '\0' ? v : search_migemo_dict();
}

/* Print the version and the libraries built in. */
static void
version(void)
{
	char icu[U_MAX_VERSION_STRING_LENGTH];
	const char *dict = main_migemo_dict();
	UVersionInfo v;

	u_getVersion(v);
	u_versionToString(v, icu);
	printf("shisaku %s\nICU %s, libyaml %s, %s\n", SHISAKU_VERSION, icu,
	    yaml_get_version_string(), ui_version());
	if (!search_has_migemo())
		printf("romaji search: not built in (C/Migemo was not found)\n");
	else if (dict != NULL && access(dict, R_OK) != 0)
		printf("romaji search: built in, but the Migemo dictionary %s"
		    " cannot be read\n", dict);
	else if (dict != NULL && search_hyperscan_version() != NULL)
		printf("romaji search: built in (C/Migemo, %s; Hyperscan %s)\n",
		    dict, search_hyperscan_version());
	else if (dict != NULL)
		printf("romaji search: built in (C/Migemo, %s)\n", dict);
	else
		printf("romaji search: built in, but no Migemo dictionary is"
		    " installed\n");
}

/* SHISAKU_HYPERSCAN=0: romaji words without Hyperscan (the engines it
 * stands in for: one scan per literal, or ICU's regular expression). */
static void
main_hyperscan(struct search_index *ix)
{
	const char *v = getenv("SHISAKU_HYPERSCAN");

	if (v != NULL && strcmp(v, "0") == 0)
		ix->hyperscan = 0;
}

/* Parse the command line into opts. */
static void
main_parse(int argc, char **argv, struct main_opts *opts)
{
	static const struct option longopts[] = {
		{ "dump",	no_argument,		NULL, 'd' },
		{ "format",	required_argument,	NULL, 'f' },
		{ "width",	required_argument,	NULL, 'w' },
		{ "check",	no_argument,		NULL, 'c' },
		{ "search",	required_argument,	NULL, 's' },
		{ "no-romaji",	no_argument,		NULL, 'R' },
		{ "no-state",	no_argument,		NULL, 'S' },
		{ "agencies",	no_argument,		NULL, 'A' },
		{ "agency",	required_argument,	NULL, 'a' },
		{ "bom",	no_argument,		NULL, 'B' },
		{ "help",	no_argument,		NULL, 'h' },
		{ "version",	no_argument,		NULL, 'V' },
		{ NULL,		0,			NULL, 0 }
	};
	char *end;
	int c;

	memset(opts, 0, sizeof *opts);
	opts->width_cols = -1;
	while ((c = getopt_long(argc, argv, "df:w:s:chV", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			opts->dump = 1;
			break;
		case 'f':
			if (strcmp(optarg, "text") == 0)
				opts->format = FORMAT_TEXT;
			else if (strcmp(optarg, "json") == 0)
				opts->format = FORMAT_JSON;
			else if (strcmp(optarg, "csv") == 0)
				opts->format = FORMAT_CSV;
			else
				usage_error("unknown format '%s' (expected text,"
				    " json or csv)", optarg);
			break;
		case 'w':
			errno = 0;
			opts->width_cols = strtol(optarg, &end, 10);
			if (errno != 0 || end == optarg || *end != '\0' ||
			    opts->width_cols < 1 || opts->width_cols > 100000)
				usage_error("--width takes a number of columns"
				    " from 1 to 100000, not '%s'", optarg);
			break;
		case 'c':
			opts->check = 1;
			break;
		case 's':
			opts->search = optarg;
			break;
		case 'R':
			opts->no_romaji = 1;
			break;
		case 'S':
			opts->no_state = 1;
			break;
		case 'A':
			opts->agencies = 1;
			break;
		case 'a':
			opts->agency = optarg;
			break;
		case 'B':
			opts->bom = 1;
			break;
		case 'h':
			usage(0);
		case 'V':
			version();
			exit(0);
		default:
			fputs("Try 'shisaku --help' for more information.\n",
			    stderr);
			exit(EX_USAGE);
		}
	}
	if (argc - optind > 1)
		usage_error("one FILE at most (got '%s' too)", argv[optind + 1]);
	if (optind < argc)
		opts->file = argv[optind];
	if (opts->dump + opts->check + (opts->search != NULL) +
	    opts->agencies + (opts->agency != NULL) > 1)
		usage_error("--dump, --check, --search, --agencies and --agency"
		    " cannot be combined");
	if (opts->search != NULL && opts->search[strspn(opts->search,
	    " \t")] == '\0')
		usage_error("--search needs a word to look for");
	if (opts->agency != NULL && *opts->agency == '\0')
		usage_error("--agency needs an organisation's name (--agencies"
		    " lists them)");
	if (opts->format != FORMAT_TEXT && !opts->dump && opts->search == NULL &&
	    !opts->agencies && opts->agency == NULL)
		usage_error("--format applies to --dump, --search, --agencies"
		    " and --agency");
	if (opts->bom && opts->format != FORMAT_CSV)
		usage_error("--bom applies to --format=csv only");
	if (opts->width_cols != -1 && (!opts->dump ||
	    opts->format != FORMAT_TEXT))
		usage_error("--width applies to --dump text output only");
}

/*
 * Use the user's locale for the two categories shisaku uses, characters
 * (LC_CTYPE) and messages (LC_MESSAGES, strerror): reading all twelve
 * takes a tenth of a millisecond more at start-up where each comes from its
 * own file (C.UTF-8), and numbers and sorting stay the C locale's.  The
 * text layer needs UTF-8 character handling: when LC_CTYPE is not UTF-8,
 * switch it to C.UTF-8.
 */
static void
main_locale(void)
{
	const char *cs;

	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	cs = nl_langinfo(CODESET);
	if (cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0))
		return;
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL &&
	    setlocale(LC_CTYPE, "C.utf8") == NULL)
		fputs("shisaku: no UTF-8 locale is available; widths of"
		    " Japanese text may be wrong (set LANG=C.UTF-8)\n", stderr);
}

/* Print a load error in the form "shisaku: FILE:LINE:COL: message". */
static int
main_report(const struct doc_error *err)
{
	if (err->line != 0)
		fprintf(stderr, "shisaku: %s:%lu:%lu: %s\n", err->file,
		    err->line, err->col, err->message);
	else
		fprintf(stderr, "shisaku: %s: %s\n", err->file, err->message);
	return err->kind == DOC_EIO ? EX_NOINPUT : EX_DATAERR;
}

/* The width for --dump text: as given, the terminal's, or none. */
static size_t
main_dump_width(const struct main_opts *opts)
{
	struct winsize ws;

	if (opts->width_cols > 0)
		return (size_t)opts->width_cols;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		return ws.ws_col;
	return DUMP_NO_WRAP;
}

/* Finish the output: status, or EX_IOERR with a message if a write failed. */
static int
main_out_fini(struct out *o, int status)
{
	if (out_fini(o) != 0) {
		fprintf(stderr, "shisaku: cannot write the output: %s\n",
		    strerror(errno));
		return EX_IOERR;
	}
	return status;
}

/* Run --search and write the hits; return the exit status. */
static int
main_search(const struct main_opts *opts, struct search_index *ix)
{
	struct search_result res = { 0 };
	struct out o;
	int status;

	if (search_run(ix, opts->search, &res) != 0)
		usage_error("--search needs a word to look for");
	out_init(&o, stdout);
	if (opts->bom)
		buf_adds(&o.b, CSV_BOM);
	if (opts->format == FORMAT_JSON)
		hits_write_json(&o, ix, opts->search, &res);
	else if (opts->format == FORMAT_CSV)
		csv_write_hits(&o, ix, &res);
	else
		hits_write_text(&o, ix, &res, isatty(STDOUT_FILENO) &&
		    (getenv("NO_COLOR") == NULL || *getenv("NO_COLOR") == '\0'));
	status = res.n_hits > 0 ? 0 : 1;
	search_result_fini(&res);
	return main_out_fini(&o, status);
}

/* Write the dump in the chosen format; return the exit status. */
static int
main_dump(const struct main_opts *opts, const struct doc *doc)
{
	struct out o;

	out_init(&o, stdout);
	if (opts->bom)
		buf_adds(&o.b, CSV_BOM);
	if (opts->format == FORMAT_JSON)
		json_write_doc(&o, doc);
	else if (opts->format == FORMAT_CSV)
		csv_write_doc(&o, doc);
	else
		dump_write_text(&o, doc, main_dump_width(opts));
	return main_out_fini(&o, 0);
}

/*
 * Write --agencies, or the places of --agency=NAME; return the exit status
 * (1 when NAME is no organisation's, with the nearest name suggested).
 */
static int
main_agencies(const struct main_opts *opts, const struct doc *doc)
{
	struct agency_index ax;
	const struct agency *a = NULL, *near;
	struct buf msg = { 0 };
	struct out o;

	agency_index_build(&ax, doc);
	if (opts->agency != NULL && (a = agency_find(&ax, opts->agency)) ==
	    NULL) {
		/* Names may come from a hostile document: shown visibly. */
		buf_adds(&msg, "shisaku: no organisation '");
		text_render(&msg, opts->agency, strlen(opts->agency), 0);
		if ((near = agency_suggest(&ax, opts->agency)) != NULL) {
			buf_adds(&msg, "' (did you mean '");
			text_render(&msg, near->name, strlen(near->name), 0);
			buf_adds(&msg, "'?)\n");
		} else
			buf_adds(&msg, "' (--agencies lists them)\n");
		fputs(msg.data, stderr);
		buf_fini(&msg);
		agency_index_fini(&ax);
		return 1;
	}
	out_init(&o, stdout);
	if (opts->bom)
		buf_adds(&o.b, CSV_BOM);
	if (a == NULL && opts->format == FORMAT_JSON)
		agencies_write_json(&o, &ax);
	else if (a == NULL && opts->format == FORMAT_CSV)
		agencies_write_csv(&o, &ax);
	else if (a == NULL)
		agencies_write_text(&o, &ax);
	else if (opts->format == FORMAT_JSON)
		agencies_write_places_json(&o, a);
	else if (opts->format == FORMAT_CSV)
		agencies_write_places_csv(&o, a);
	else
		agencies_write_places_text(&o, a);
	agency_index_fini(&ax);
	return main_out_fini(&o, 0);
}

int
main(int argc, char **argv)
{
	struct main_opts opts;
	struct doc_error err;
	struct search_index ix;
	struct doc *doc;
	int r, status, indexed;

	main_locale();
	main_parse(argc, argv, &opts);
	/* Searching and browsing need the index: it is folded as the
	 * document loads (model/search.c). */
	indexed = !opts.check && !opts.dump && !opts.agencies &&
	    opts.agency == NULL;
	if (opts.file != NULL)
		r = indexed ? search_load_file(&ix, opts.file, &doc, &err) :
		    doc_load_file(opts.file, &doc, &err);
	else
		r = indexed ? search_load_data(&ix, EMBED_NAME, embed_doc,
		    (size_t)(embed_doc_end - embed_doc), &doc, &err) :
		    doc_load(EMBED_NAME, embed_doc,
		    (size_t)(embed_doc_end - embed_doc), &doc, &err);
	if (r != 0)
		return main_report(&err);
	if (opts.check)
		status = 0;
	else if (opts.dump)
		status = main_dump(&opts, doc);
	else if (opts.agencies || opts.agency != NULL)
		status = main_agencies(&opts, doc);
	else {
		if (opts.no_romaji)
			ix.romaji = 0;
		main_hyperscan(&ix);
		ix.migemo_dict = main_migemo_dict();
		if (opts.search != NULL)
			status = main_search(&opts, &ix);
		else
			status = ui_run(doc, &ix, !opts.no_state);
		search_index_fini(&ix);
	}
	doc_free(&doc);
	text_fini();
	return status;
}
