#!/usr/bin/python3
"""Extracts the text of thaidoc's PDFs with the seven PDF readers people and search systems use
and checks it is exactly the text thaidoc drew (tests/seven_readers_test.cpp writes the cases).

usage: seven_readers.py [--readers a,b,...] [--keep] CASE_DIR

CASE_DIR holds, for each case NAME:
  NAME.pdf    the PDF
  NAME.words  the words thaidoc drew, one per line (text lines split at whitespace); a word
              that ends a line with '-' is followed by a tab and "line-final"
  NAME.seq    (optional) all drawn text in drawing order: the case is single-column, so the
              reader's whole text, whitespace removed, must equal it

Each reader runs once for all PDFs (one process per reader; poppler and MuPDF are one fast
process per file). A reader passes a case when its text (Unicode NFC, whitespace removed):
  * has no control character, U+FFFD, private-use character or "(cid:N)";
  * has exactly the characters drawn, each as many times (nothing lost, doubled or added);
  * contains every drawn word unbroken (no mark moved to another word or line);
  * for a .seq case, equals the drawn text in order.
Word order between lines and columns is each reader's own layout analysis and is not judged.
Whitespace is not judged either (readers infer spaces from gaps). No allowance for a '-' that
ends a line (the "- ๒ -" page numbers): thaidoc maps it to "- ", so that neither pdftotext
(which would drop it as a hyphen and join the lines) nor PDFium (U+FFFE) takes it for a hyphen.

  poppler  pdftotext            apt: poppler-utils
  mupdf    mutool draw -F txt   apt: mupdf-tools
  pdfjs    pdf.js getTextContent npm: pdfjs-dist (tests/readers/node_modules, npm ci)
  pdfium   PDFium FPDFText      npm: @hyzyla/pdfium
  pdfminer pdfminer.six         apt: python3-pdfminer
  pypdf    pypdf                apt: python3-pypdf
  pdfbox   PDFBox PDFTextStripper (as ExtractText and Apache Tika)  apt: libpdfbox2-java

Prints one line per reader and case and 'readers_exact=K/N cases'; exit 0 only if all pass,
1 if any differs, 2 if a reader is missing (run scripts/setup.sh).
"""
import collections, os, subprocess, sys, unicodedata
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
JARS = ["/usr/share/java/pdfbox2.jar", "/usr/share/java/fontbox2.jar", "/usr/share/java/commons-logging.jar"]
READERS = ["poppler", "mupdf", "pdfjs", "pdfium", "pdfminer", "pypdf", "pdfbox"]


class Missing(Exception):
    pass


def run(cmd, **kw):
    try:
        r = subprocess.run(cmd, capture_output=True, timeout=600, **kw)
    except FileNotFoundError as e:
        raise Missing(f"{cmd[0]} not found") from e
    if r.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:3])} ... failed: {r.stderr.decode(errors='replace').strip()[-400:]}")
    return r.stdout.decode("utf-8", errors="replace")


def per_file(cmd_for):
    def extract(pdfs, out):
        return {p: run(cmd_for(p)) for p in pdfs}
    return extract


def from_files(suffix, cmd, pdfs, out):
    run(cmd + [out] + pdfs)
    got = {}
    for p in pdfs:
        with open(os.path.join(out, os.path.basename(p)[:-4] + suffix), encoding="utf-8", errors="replace") as f:
            got[p] = f.read()
    return got


def node(script, suffix):
    def extract(pdfs, out):
        if not os.path.isdir(os.path.join(HERE, "node_modules")):
            raise Missing("tests/readers/node_modules missing (scripts/setup.sh runs npm ci there)")
        return from_files(suffix, ["node", os.path.join(HERE, script)], pdfs, out)
    return extract


def pdfbox(pdfs, out):
    for j in JARS:
        if not os.path.exists(j):
            raise Missing(f"{j} missing (apt-get install libpdfbox2-java)")
    return from_files(".pdfbox.txt", ["java", "-cp", ":".join(JARS), os.path.join(HERE, "PdfBoxExtract.java")], pdfs, out)


def pdfminer(pdfs, out):
    try:
        from pdfminer.high_level import extract_text
    except ImportError as e:
        raise Missing("pdfminer missing (apt-get install python3-pdfminer)") from e
    return {p: extract_text(p) for p in pdfs}


def pypdf_reader(pdfs, out):
    try:
        import pypdf
    except ImportError as e:
        raise Missing("pypdf missing (apt-get install python3-pypdf)") from e
    return {p: "\n".join(page.extract_text() for page in pypdf.PdfReader(p).pages) for p in pdfs}


EXTRACT = {
    "poppler": per_file(lambda p: ["pdftotext", "-enc", "UTF-8", p, "-"]),
    "mupdf": per_file(lambda p: ["mutool", "draw", "-q", "-F", "txt", "-o", "-", p]),
    "pdfjs": node("pdfjs_extract.mjs", ".pdfjs.txt"),
    "pdfium": node("pdfium_extract.mjs", ".pdfium.txt"),
    "pdfminer": pdfminer,
    "pypdf": pypdf_reader,
    "pdfbox": pdfbox,
}


def squash(s):
    return "".join(c for c in unicodedata.normalize("NFC", s) if not c.isspace())


def bad_characters(raw):
    bad = collections.Counter()
    for c in raw:
        cat = unicodedata.category(c)
        if c in "\ufffd\ufffe\uffff" or cat == "Co" or (cat == "Cc" and not c.isspace()):
            bad[f"U+{ord(c):04X}"] += 1
    if "(cid:" in raw:
        bad["(cid:N)"] += raw.count("(cid:")
    return bad


def judge(raw, entries, seq, reader):
    """(None, note) if the text is right, else (why not, None)."""
    note = ""
    bad = bad_characters(raw)
    if bad:
        return "bad characters: " + ", ".join(f"{k} x{v}" for k, v in bad.most_common(5)), None
    got = squash(raw)
    words = [e.split("\t")[0] for e in entries]
    want = squash("".join(words))
    want_counter = collections.Counter(want)
    if collections.Counter(got) != want_counter:
        missing = want_counter - collections.Counter(got)
        extra = collections.Counter(got) - want_counter
        fmt = lambda c: "".join(f"{k}x{v} " for k, v in c.most_common(6)).strip()
        return f"characters differ: missing [{fmt(missing)}] extra [{fmt(extra)}]", None
    for w in words:
        sw = squash(w)
        if sw and sw not in got:
            return f"word not found unbroken: {w!r}", None
    if seq is not None and got != squash(seq):
        i = next((k for k, (a, b) in enumerate(zip(got, squash(seq))) if a != b), min(len(got), len(seq)))
        return f"order differs at {i}: {squash(seq)[max(0, i - 10):i + 10]!r} -> {got[max(0, i - 10):i + 10]!r}", None
    return None, note


def main():
    args = sys.argv[1:]
    names = READERS
    keep = False
    if "--readers" in args:
        i = args.index("--readers")
        names = args[i + 1].split(",")
        del args[i:i + 2]
    if "--keep" in args:
        args.remove("--keep")
        keep = True
    case_dir = os.path.abspath(args[0])
    cases = sorted(f[:-4] for f in os.listdir(case_dir) if f.endswith(".pdf"))
    if not cases:
        print(f"no cases in {case_dir}")
        return 1
    pdfs = [os.path.join(case_dir, c + ".pdf") for c in cases]
    out = os.path.join(case_dir, "extracted")
    os.makedirs(out, exist_ok=True)

    def attempt(name):
        try:
            return name, EXTRACT[name](pdfs, out), None
        except Missing as e:
            return name, None, f"missing: {e}"
        except Exception as e:  # a reader that fails on our PDF is a failure too
            return name, None, f"failed: {e}"

    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(attempt, names))

    status, exact, total = 0, 0, 0
    for name, texts, error in results:
        if error:
            print(f"{name:9s} {error}")
            status = 2 if error.startswith("missing") else max(status, 1)
            total += len(cases)
            continue
        for case, pdf in zip(cases, pdfs):
            total += 1
            with open(os.path.join(case_dir, case + ".words"), encoding="utf-8") as f:
                words = [w for w in f.read().split("\n") if w]
            seq_path = os.path.join(case_dir, case + ".seq")
            seq = open(seq_path, encoding="utf-8").read() if os.path.exists(seq_path) else None
            if keep:
                with open(os.path.join(out, f"{case}.{name}.got"), "w", encoding="utf-8") as f:
                    f.write(texts[pdf])
            why, note = judge(texts[pdf], words, seq, name)
            if why is None:
                exact += 1
                print(f"{name:9s} {case:16s} exact{note}")
            else:
                status = max(status, 1)
                print(f"{name:9s} {case:16s} DIFFERS  {why}")
    print(f"readers_exact={exact}/{total} cases")
    return status


if __name__ == "__main__":
    sys.exit(main())
