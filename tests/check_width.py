"""Check `shisaku --dump --width=N` for every N in a range against the
unwrapped dump: no line wider than N columns (widths from the C library's
wcwidth, as ncursesw draws), no wrapped line starting with 。、」）】・ー or a
small kana, none ending with 「（【, and no text lost (each entry's lines,
joined, give back the entry; a break may drop the blanks it fell on).

Usage: check_width.py SHISAKU FIRST LAST [FILE]
"""
import ctypes
import ctypes.util
import locale
import subprocess
import sys

NO_START = set("。、」）】・ー" "ぁぃぅぇぉっゃゅょゎゕゖ" "ァィゥェォッャュョヮヵヶ"
               "ｧｨｩｪｫｬｭｮｯ")
NO_END = set("「（【")
BLANKS = " \u3000"

libc = ctypes.CDLL(ctypes.util.find_library("c"))
libc.wcwidth.argtypes = [ctypes.c_wchar]
libc.wcwidth.restype = ctypes.c_int


def width(s):
    total = 0
    for ch in s:
        w = libc.wcwidth(ch)
        if w < 0:
            raise SystemExit("FAIL: control character in output: %r" % s)
        total += w
    return total


def dump(binary, args):
    out = subprocess.run([binary, "--dump"] + args, check=True,
                         capture_output=True).stdout
    return out.decode("utf-8").split("\n")


def blocks(lines):
    """The unwrapped dump's non-empty lines: (indent, content)."""
    for line in lines:
        if line:
            content = line.lstrip(" ")
            yield len(line) - len(content), content


def check(binary, n, flat, extra):
    wrapped = [l for l in dump(binary, ["--width=%d" % n] + extra) if l]
    i = 0
    for indent, content in flat:
        pos = 0
        first = True
        while pos < len(content):
            if i >= len(wrapped):
                return "ran out of lines at %r" % content
            line = wrapped[i]
            i += 1
            if width(line) > n:
                return "line of %d columns: %r" % (width(line), line)
            piece = line.lstrip(" ")
            if first and len(line) - len(piece) != min(indent, len(line)):
                return "indentation changed: %r" % line
            if not first and piece[:1] in NO_START:
                return "line starts with %r: %r" % (piece[0], line)
            if content[pos:pos + len(piece)] != piece:
                return "text lost or changed near %r (line %r)" % (
                    content[pos:pos + 20], line)
            pos += len(piece)
            if pos < len(content) and piece[-1:] in NO_END:
                return "line ends with %r: %r" % (piece[-1], line)
            while pos < len(content) and content[pos] in BLANKS:
                pos += 1
            first = False
    if i != len(wrapped):
        return "%d extra lines" % (len(wrapped) - i)
    return None


def main():
    locale.setlocale(locale.LC_ALL, "C.UTF-8")
    libc.setlocale(6, b"C.UTF-8")  # LC_ALL
    binary, first, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    extra = sys.argv[4:]
    flat = list(blocks(dump(binary, extra)))
    if len(flat) < 10:
        raise SystemExit("FAIL: the unwrapped dump is too short")
    failures = 0
    for n in range(first, last + 1):
        why = check(binary, n, flat, extra)
        if why:
            print("FAIL --width=%d: %s" % (n, why))
            failures += 1
    if failures:
        raise SystemExit(1)
    print("widths %d..%d: ok" % (first, last))


main()
