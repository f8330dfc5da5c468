"""Check `shisaku --dump --format=json` with a real JSON parser: the fixed
shape of README.md, the counts of the 2018 overview, and, where the source
text is at hand, that every row of the source is rebuilt from the JSON
exactly (the document is verbatim).

Usage: check_json.py DUMP.json [SOURCE.txt]
"""
import json
import sys


def fail(msg):
    print("FAIL check_json:", msg)
    sys.exit(1)


def walk(nodes, depth=0):
    for n in nodes:
        yield n, depth
        yield from walk(n["children"], depth + 1)


def tag(m):
    if not m["agencies"]:
        return ""
    return "【" + (m["agency_tag"] or "、".join(m["agencies"])) + "】"


def superscript(text):
    # The source prints a footnote mark as " ^{※1} ".
    out = text
    for mark in ("※1", "※2"):
        out = out.replace(mark, " ^{" + mark + "} ")
    return out


def main():
    doc = json.load(open(sys.argv[1], encoding="utf-8"))
    for key in ("title", "document_number", "date", "decided_by", "nodes",
                "footnotes"):
        if key not in doc:
            fail("no key " + key)
    node_keys = {"number", "title", "agencies", "footnotes", "measures",
                 "children"}
    counts = [0, 0, 0]
    measures = 0
    for n, depth in walk(doc["nodes"]):
        if not node_keys <= set(n):
            fail("node lacks " + str(node_keys - set(n)))
        counts[depth] += 1
        for m in n["measures"]:
            if not {"text", "agencies", "footnotes"} <= set(m):
                fail("measure shape")
            measures += 1
    if counts != [5, 16, 38] or measures != 48:
        fail("counts %r, %d measures" % (counts, measures))
    if doc["date"] != "平成30年7月25日" or doc.get("date_iso") != "2018-07-25":
        fail("date")
    fns = {f["mark"]: f for f in doc["footnotes"]}
    if fns["※1"]["term"] != "CSIRT" or fns["※2"]["term"] != "ISAC":
        fail("footnote terms")
    if fns["※1"]["cited_by"] != [["2.", "2.2", "(2)"]]:
        fail("※1 cited_by %r" % fns["※1"]["cited_by"])
    if fns["※2"]["cited_by"] != [["2.", "2.6", "(1)"]]:
        fail("※2 cited_by %r" % fns["※2"]["cited_by"])

    if len(sys.argv) < 3:
        return
    try:
        source = open(sys.argv[2], encoding="utf-8").read()
    except OSError:
        print("check_json: source text not found, verbatim check skipped")
        return
    rows = [doc["title"], doc["document_number"], doc["date"],
            doc["decided_by"]]
    for n, _ in walk(doc["nodes"]):
        item = n["number"] + " " + superscript(n["title"]) + tag(n)
        cell = " ".join("・" + superscript(m["text"]) + tag(m)
                        for m in n["measures"])
        rows.append(item + "\t" + cell)
    for f in doc["footnotes"]:
        rows.append(f["mark"] + " " + f["text"])
    want = [line for line in source.split("\n")
            if line.strip() and line != "項目\t主な施策例"]
    if rows != want:
        for got, exp in zip(rows, want):
            if got != exp:
                fail("row differs:\n got  %r\n want %r" % (got, exp))
        fail("%d rows, source has %d" % (len(rows), len(want)))


main()
