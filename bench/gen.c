/*
 * gen: write a large outline in the schema of data/README.md, for the
 * benchmark.  Usage: gen MEASURES > FILE.
 *
 * The output depends only on MEASURES (a fixed-seed generator), so every
 * run writes the same bytes.  The text imitates the 2018 overview: kanji
 * compounds, katakana loan words, ASCII acronyms and a few full-width and
 * half-width forms, joined by the particles and endings such plans use;
 * measures carry one to three organisations, some with an agency_tag; about
 * one measure in a hundred cites a ※N footnote, and every footnote is
 * defined.  Levels: entries "1.", sections "1.1", items "(1)", and some
 * items have sub-items "①" (four levels).  About 300 bytes of YAML a
 * measure: 100k measures are about 30 MB.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N(a)	(sizeof (a) / sizeof (a)[0])

static uint64_t gen_state = 0x5348495341ULL;	/* "SHISA" */

/* splitmix64: small, fast, and the same everywhere. */
static uint64_t
gen_next(void)
{
	uint64_t z = (gen_state += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* A number in [0, n). */
static size_t
gen_below(size_t n)
{
	return (size_t)(gen_next() % n);
}

/* A number in [lo, hi]. */
static size_t
gen_range(size_t lo, size_t hi)
{
	return lo + gen_below(hi - lo + 1);
}

#define PICK(a)	((a)[gen_below(N(a))])

static const char *const kanji[] = {
	"情報", "共有", "推進", "強化", "連携", "体制", "整備", "検討",
	"実施", "支援", "対策", "人材", "育成", "国際", "協力", "重要",
	"基盤", "防護", "安全", "確保", "技術", "研究", "開発", "普及",
	"啓発", "政府", "機関", "地方公共団体", "中小企業", "経営層",
	"事業者", "利用者", "教育", "訓練", "演習", "監視", "分析", "評価",
	"認証", "制度", "産学官", "官民", "能力", "向上", "構築", "運用",
	"促進", "活用", "取組", "実証", "脅威", "被害", "事案", "対処",
	"調査", "法執行", "犯罪", "防止", "重要インフラ", "標準化", "暗号",
	"次世代", "通信網", "大会", "関係府省庁", "戦略", "計画", "指針",
	"策定", "改定", "見直し", "緊急時", "対応", "迅速化", "早期検知",
	"自動化", "高度化", "情報共有", "意識改革", "未然防止", "持続的発展",
	"国民", "社会", "経済", "行政", "地域", "大学", "研究機関", "学校",
};

static const char *const katakana[] = {
	"サイバーセキュリティ", "サプライチェーン", "インシデント",
	"セキュリティ", "システム", "ネットワーク", "サービス",
	"プラットフォーム", "ガイドライン", "フレームワーク", "データ",
	"クラウド", "ソフトウェア", "マルウェア", "リスクマネジメント",
	"レーティング", "セミナー", "ビジネス", "イノベーション", "モデル",
	"ベンダー", "ユーザー", "コミュニティ", "エコシステム", "ボット",
	"フィッシング", "ランサムウェア", "センター", "チーム",
	"トレーニング", "ポータルサイト", "サイバー攻撃", "サイバー空間",
	"オリンピック・パラリンピック", "ナショナルサート", "ログ",
};

static const char *const ascii[] = {
	"IoT", "AI", "ICT", "IT", "5G", "SOC", "JPCERT/CC", "IPA", "OT",
	"DX", "ID", "API", "(CYDER)", "SECURITY ACTION", "2020年",
	"2018年度", "eラーニング", "Web", "OS", "G7",
};

/* Rare forms that fold: full-width letters, half-width katakana. */
static const char *const odd[] = {
	"ＩＣＴ", "ＡＩ", "ｻｲﾊﾞｰ", "ｾｷｭﾘﾃｨ", "ＩｏＴ", "（株）",
};

static const char *const joins[] = {
	"の", "の", "の", "における", "に関する", "による", "を通じた",
	"に向けた", "のための", "及び", "並びに", "、", "・", "と", "を含む",
};

static const char *const endings[] = {
	"の推進", "の強化", "の検討", "を実施", "の整備", "の促進",
	"の構築", "の充実", "の支援", "の実施", "の普及啓発",
	"の在り方の検討", "に係る取組の推進", "を行う体制の確立",
	"に関する調査研究", "の策定及び公表",
};

static const char *const agencies[] = {
	"NISC", "内閣官房", "内閣府", "警察庁", "金融庁", "総務省",
	"法務省", "外務省", "文部科学省", "厚生労働省", "農林水産省",
	"経済産業省", "国土交通省", "環境省", "防衛省",
	"個人情報保護委員会", "全府省庁", "関係府省庁",
};

static const char *const terms[] = {
	"CSIRT", "ISAC", "SOC", "IoT", "NOTICE", "CYDER", "SECURITY ACTION",
	"GSOC", "NICT", "JC3", "SBOM", "SIEM", "MSS", "PSIRT", "TLPT",
	"CISO", "ICS", "APT", "DDoS", "ZTA",
};

static const char *const circled[] = {
	"①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩",
};

static unsigned long gen_footnotes = N(terms);

/* Append one noun phrase of one to three words. */
static void
gen_phrase(FILE *fp)
{
	size_t words = gen_range(1, 3), i, r;

	for (i = 0; i < words; i++) {
		r = gen_below(100);
		if (r < 55)
			fputs(PICK(kanji), fp);
		else if (r < 85)
			fputs(PICK(katakana), fp);
		else if (r < 98)
			fputs(PICK(ascii), fp);
		else
			fputs(PICK(odd), fp);
	}
}

/* Append a text of about chars characters: phrases joined, an ending. */
static void
gen_text(FILE *fp, size_t phrases, int may_cite)
{
	size_t i, r;

	for (i = 0; i < phrases; i++) {
		r = gen_below(100);
		if (r < 6) {
			fputs("「", fp);
			gen_phrase(fp);
			fputs("」", fp);
		} else if (r < 9) {
			gen_phrase(fp);
			fputs("（", fp);
			gen_phrase(fp);
			fputs("）", fp);
		} else
			gen_phrase(fp);
		if (may_cite && gen_below(300) == 0)
			fprintf(fp, "%s※%lu", terms[gen_below(N(terms))],
			    1 + (unsigned long)gen_below(gen_footnotes));
		if (i + 1 < phrases)
			fputs(PICK(joins), fp);
	}
	fputs(PICK(endings), fp);
}

/* Write an agencies: line (and agency_tag: sometimes) at indent. */
static void
gen_agencies(FILE *fp, int indent)
{
	size_t n = gen_range(1, 100) <= 70 ? 1 : gen_range(2, 3), i, j;
	size_t pick[3];
	int dup;

	for (i = 0; i < n; i++) {
		do {
			pick[i] = gen_below(N(agencies));
			dup = 0;
			for (j = 0; j < i; j++)
				dup |= pick[j] == pick[i];
		} while (dup);
	}
	fprintf(fp, "%*sagencies: [", indent, "");
	for (i = 0; i < n; i++)
		fprintf(fp, "%s%s", i ? ", " : "", agencies[pick[i]]);
	fputs("]\n", fp);
	if (n > 1 && gen_below(4) == 0) {
		/* As printed: 総務省及び経済産業省. */
		fprintf(fp, "%*sagency_tag: ", indent, "");
		for (i = 0; i < n; i++)
			fprintf(fp, "%s%s", i == 0 ? "" : i + 1 == n ?
			    "及び" : "、", agencies[pick[i]]);
		fputs("\n", fp);
	}
}

/* Write count measures at indent (the "- " of each at indent). */
static void
gen_measures(FILE *fp, int indent, size_t count)
{
	size_t i;

	fprintf(fp, "%*smeasures:\n", indent - 2, "");
	for (i = 0; i < count; i++) {
		fprintf(fp, "%*s- text: ", indent, "");
		gen_text(fp, gen_range(4, 9), 1);
		fputc('\n', fp);
		gen_agencies(fp, indent + 2);
	}
}

/* Write a node's number, title and, sometimes, its own organisations. */
static void
gen_head(FILE *fp, int indent, const char *number, int tagged)
{
	fprintf(fp, "%*s- number: \"%s\"\n", indent, "", number);
	fprintf(fp, "%*stitle: ", indent + 2, "");
	gen_text(fp, gen_range(1, 3), 0);
	fputc('\n', fp);
	if (tagged)
		gen_agencies(fp, indent + 2);
}

int
main(int argc, char **argv)
{
	static char obuf[1 << 20];
	unsigned long total, done = 0, e, s, it, sub;
	size_t n_sec, n_items, n_meas, n_sub, i;
	char num[64];
	FILE *fp = stdout;

	if (argc != 2 || (total = strtoul(argv[1], NULL, 10)) == 0) {
		fputs("usage: gen MEASURES > FILE\n", stderr);
		return 64;
	}
	setvbuf(fp, obuf, _IOFBF, sizeof obuf);
	fprintf(fp, "# Generated by bench/gen %lu: a benchmark document, not"
	    " a real one.\n", total);
	fprintf(fp, "title: サイバーセキュリティ施策の全体概要（ベンチマーク用・"
	    "%lu施策）\n", total);
	fputs("document_number: 資料 1 - 1\n", fp);
	fputs("date: 令和7年7月25日\n", fp);
	fputs("date_iso: \"2025-07-25\"\n", fp);
	fputs("decided_by: サイバーセキュリティ戦略本部決定\n\n", fp);
	fputs("nodes:\n", fp);
	for (e = 1; done < total; e++) {
		fprintf(fp, "  - number: \"%lu.\"\n", e);
		fputs("    title: ", fp);
		gen_text(fp, gen_range(1, 2), 0);
		fputc('\n', fp);
		fputs("    children:\n", fp);
		n_sec = gen_range(5, 15);
		for (s = 1; s <= n_sec && done < total; s++) {
			snprintf(num, sizeof num, "%lu.%lu", e, s);
			gen_head(fp, 6, num, 0);
			fputs("        children:\n", fp);
			n_items = gen_range(5, 15);
			for (it = 1; it <= n_items && done < total; it++) {
				snprintf(num, sizeof num, "(%lu)", it);
				if (gen_below(20) == 0) {
					/* Tagged on the item, as 1.2 (3). */
					gen_head(fp, 10, num, 1);
					continue;
				}
				gen_head(fp, 10, num, 0);
				n_meas = gen_range(1, 11);
				if (n_meas > total - done)
					n_meas = total - done;
				gen_measures(fp, 14, n_meas);
				done += n_meas;
				if (gen_below(10) != 0 || done >= total)
					continue;
				/* Sub-items ①②… under a few items. */
				fputs("            children:\n", fp);
				n_sub = gen_range(2, 5);
				for (sub = 0; sub < n_sub && done < total;
				    sub++) {
					gen_head(fp, 14, circled[sub], 0);
					n_meas = gen_range(1, 6);
					if (n_meas > total - done)
						n_meas = total - done;
					gen_measures(fp, 18, n_meas);
					done += n_meas;
				}
			}
		}
	}
	fputs("\nfootnotes:\n", fp);
	for (i = 0; i < gen_footnotes; i++) {
		fprintf(fp, "  - mark: ※%zu\n", i + 1);
		fprintf(fp, "    term: %s\n", terms[i]);
		fputs("    text: ", fp);
		gen_text(fp, gen_range(4, 8), 0);
		fputs("。\n", fp);
	}
	if (fflush(fp) != 0 || ferror(fp)) {
		perror("gen");
		return 74;
	}
	return 0;
}
