#!/usr/bin/env python3
"""Counts line ends that fall inside Thai compounds in PDFs (issue 12's measure).

    scripts/count_compound_breaks.py [PDF or DIR ...] [--words FILE] [--top N] [--per-file]

Default input: output/*.pdf (the PDFs scripts/examples.sh writes, without the batches).
Each PDF is converted with pdftotext (poppler-utils); two consecutive non-empty lines where
the first ends in a Thai letter and the second starts with one are a line end inside Thai
text. It is *inside a compound* when some compound C of the list can be cut in two with the
first part ending the first line and the rest starting the second (หน่วย|งาน).

The list is the engine's own built-in one (src/text/thai_compounds.inc) unless --words
names a file with one word per line. Also printed: every Thai-Thai line end (line ends
without a space), and the five compounds the issue named.

Python 3 standard library only.
"""
import argparse
import collections
import glob
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ISSUE_FIVE = ["หน่วยงาน", "ระยะเวลา", "ปีงบประมาณ", "ดำเนินการ", "ความโปร่งใส"]
# The kinds of administration a name starts with (src/text/segment.cpp, kNameKinds): a line
# that ends with one and a next line that starts with a Thai letter is a name split after its
# kind (เทศบาลนคร|นครปฐม), unless the kind is followed by a space in the text (then it is not a
# name). Counted apart from the compounds.
NAME_KINDS = ["องค์การบริหารส่วนตำบล", "องค์การบริหารส่วนจังหวัด", "เทศบาลตำบล", "เทศบาลเมือง", "เทศบาลนคร",
              "กรุงเทพมหานคร", "อำเภอ", "จังหวัด", "ตำบล"]


def is_thai_letter(ch):
    return "\u0e01" <= ch <= "\u0e4e" and not ("\u0e50" <= ch <= "\u0e59")


def builtin_words():
    path = os.path.join(ROOT, "src", "text", "thai_compounds.inc")
    text = open(path, encoding="utf-8").read()
    body = text[text.index('R"(') + 3:text.rindex(')"')]
    return [w.strip() for w in body.splitlines() if w.strip()]


def pdf_lines(pdf):
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True, check=True).stdout
    return [l.strip() for l in out.decode("utf-8", "replace").splitlines()]


def line_ends(lines):
    """(end of line, start of next line) for consecutive non-empty lines ending and starting in Thai."""
    for a, b in zip(lines, lines[1:]):
        if a and b and is_thai_letter(a[-1]) and is_thai_letter(b[0]):
            yield a, b


def inside(words, a, b):
    """The longest word of `words` that the line end a|b cuts, or None."""
    best = None
    for w in words:
        if best and len(w) <= len(best):
            continue
        for k in range(1, len(w)):
            if a.endswith(w[:k]) and b.startswith(w[k:]):
                best = w
                break
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="*", help="PDF files or directories (default: output/)")
    ap.add_argument("--words", help="file with one compound per line (default: the engine's list)")
    ap.add_argument("--top", type=int, default=10, help="how many compounds to list")
    ap.add_argument("--per-file", action="store_true", help="a line per PDF")
    args = ap.parse_args()

    words = builtin_words()
    if args.words:
        words = [w.strip() for w in open(args.words, encoding="utf-8") if w.strip() and not w.startswith("#")]
    pdfs = []
    for item in args.inputs or [os.path.join(ROOT, "output")]:
        pdfs += sorted(glob.glob(os.path.join(item, "*.pdf"))) if os.path.isdir(item) else [item]
    if not pdfs:
        sys.exit("count_compound_breaks: no PDFs (run scripts/examples.sh first)")

    total_lines = thai_ends = 0
    found = collections.Counter()
    five = collections.Counter()
    kinds = collections.Counter()
    examples = {}
    for pdf in pdfs:
        lines = pdf_lines(pdf)
        n_lines = sum(1 for l in lines if l)
        ends = in_compound = 0
        for a, b in line_ends(lines):
            ends += 1
            w = inside(words, a, b)
            if w:
                in_compound += 1
                found[w] += 1
                examples.setdefault(w, f"{a[-12:]}|{b[:12]}")
            w5 = inside(ISSUE_FIVE, a, b)
            if w5:
                five[w5] += 1
            k = next((k for k in NAME_KINDS if a.endswith(k)), None)
            if k:
                kinds[k] += 1
                examples.setdefault("kind:" + k, f"{a[-12:]}|{b[:12]}")
        total_lines += n_lines
        thai_ends += ends
        if args.per_file:
            print(f"{os.path.basename(pdf)}: {n_lines} lines, {ends} Thai-Thai line ends, {in_compound} inside compounds")
    print(f"{len(pdfs)} PDFs, {total_lines} lines, {thai_ends} line ends between two Thai letters")
    print(f"line ends inside compounds ({len(words)} words): {sum(found.values())} in {len(found)} compounds")
    for w, c in found.most_common(args.top):
        print(f"  {c:4d}  {w}   e.g. {examples[w]}")
    print("issue's five: " + ", ".join(f"{w} {five[w]}" for w in ISSUE_FIVE) + f" (total {sum(five.values())})")
    print(f"line ends right after a name's kind (a name split after its kind): {sum(kinds.values())}")
    for k, c in kinds.most_common(args.top):
        print(f"  {c:4d}  {k}|   e.g. {examples['kind:' + k]}")


if __name__ == "__main__":
    main()
