#!/usr/bin/python3
"""Structural check of thaidoc's PDFs: the document information every PDF carries, and each
PDF/A-2/-3 clause thaidoc implements. Not a PDF/A validator (use veraPDF for that: see README);
it asserts what thaidoc writes, so that a change that drops one of them fails the tests.

usage: pdfa_check.py [--standard none|a-2b|a-2u|a-3u] FILE.pdf ...
Prints each failed clause; exit 0 if none failed.

Every PDF:
  info      Title, Author, Subject, Keywords (non-empty) in the information dictionary; /Lang
  id        a trailer /ID of two identical 16-byte strings
  print     every annotation printable (F has Print, not Hidden/Invisible/NoView)
  fonts     every font Type0/Identity-H over CIDFontType2 with an embedded FontFile2 (or, for
            OpenType/CFF, Type0/Identity-H over CIDFontType0 with FontFile3 /CIDFontType0C),
            a CIDToGIDMap and a ToUnicode CMap
  unicode   every code drawn with a font is in its ToUnicode CMap with a non-empty value
            without control, private-use or U+FFFD characters
PDF/A in addition:
  version   %PDF-1.7 header and a binary comment line
  xmp       catalog /Metadata: Type Metadata, Subtype XML, not filtered; pdfaid:part and
            pdfaid:conformance as the standard says; dc:title, dc:creator, dc:description,
            pdf:Keywords, pdf:Producer, xmp:CreatorTool equal to the information dictionary;
            xmp:CreateDate equal to /CreationDate when there is one
  intent    one /OutputIntents entry, S GTS_PDFA1, an ICC profile stream with N 3 that is an
            RGB display profile ('acsp', 'RGB ')
  forbidden no /Encrypt, no JavaScript, no embedded files for a-2b/a-2u
  streams   every stream's /Length is the number of bytes between 'stream' and its EOL before
            'endstream' (ISO 19005-2 6.1.7.1); no /F, /FFilter or /FDecodeParms (external data)
  xobjects  no form XObject with /OPI, /PS or /Subtype2 /PS (6.2.5)
  cidset    a CIDFont's /CIDSet, when there is one, identifies exactly the glyphs present in
            its font program (6.2.11.4.2; PDF/A-2 does not require one and thaidoc writes none)
  widths    every width in a CIDFont's /W equals the font program's advance of the glyph the
            CID maps to, in 1/1000 em, within 1 (6.2.11.5)
"""
import re, sys, xml.etree.ElementTree as ET

import pypdf
from pypdf.generic import ArrayObject, ContentStream, IndirectObject

NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "dc": "http://purl.org/dc/elements/1.1/",
      "pdf": "http://ns.adobe.com/pdf/1.3/", "xmp": "http://ns.adobe.com/xap/1.0/",
      "pdfaid": "http://www.aiim.org/pdfa/ns/id/"}


def r(o):
    return o.get_object() if isinstance(o, IndirectObject) else o


def bad_text(s):
    for c in s:
        o = ord(c)
        if o < 0x20 or 0xE000 <= o <= 0xF8FF or o == 0xFFFD or o >= 0xF0000:
            return True
    return False


def to_unicode_map(stream):
    data = stream.get_data().decode("latin-1")
    m = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for code, uni in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            m[int(code, 16)] = bytes.fromhex(uni).decode("utf-16-be", errors="replace")
    if "beginbfrange" in data:
        m["range"] = True  # thaidoc writes bfchar only; a range would be reported below
    return m


def sfnt_tables(data):
    import struct
    n = struct.unpack(">H", data[4:6])[0]
    out = {}
    for i in range(n):
        tag, _, off, ln = struct.unpack(">4sIII", data[12 + 16 * i:28 + 16 * i])
        out[tag.decode("latin-1")] = data[off:off + ln]
    return out


def font_glyphs(program):
    """(set of glyph ids with an outline, plus 0; advances in 1/1000 em by glyph id)."""
    import struct
    t = sfnt_tables(program)
    upem = struct.unpack(">H", t["head"][18:20])[0]
    long_loca = struct.unpack(">h", t["head"][50:52])[0] == 1
    num_glyphs = struct.unpack(">H", t["maxp"][4:6])[0]
    loca = t["loca"]
    if long_loca:
        offs = struct.unpack(f">{num_glyphs + 1}I", loca[:4 * (num_glyphs + 1)])
    else:
        offs = [2 * v for v in struct.unpack(f">{num_glyphs + 1}H", loca[:2 * (num_glyphs + 1)])]
    present = {g for g in range(num_glyphs) if offs[g + 1] > offs[g]} | {0}
    n_h = struct.unpack(">H", t["hhea"][34:36])[0]
    adv = [struct.unpack(">H", t["hmtx"][4 * min(g, n_h - 1):4 * min(g, n_h - 1) + 2])[0] * 1000.0 / upem
           for g in range(num_glyphs)]
    return present, adv


def check_structure(path, raw, reader, fail):
    # streams: /Length against the bytes in the file (pypdf trusts /Length, so read the raw file).
    for num, offset in sorted(reader.xref.get(0, {}).items()):
        obj = reader.get_object(IndirectObject(num, 0, reader))
        if not hasattr(obj, "get_data"):
            continue
        for key in ("/F", "/FFilter", "/FDecodeParms"):
            if key in obj:
                fail("streams", f"object {num}: {key} (external stream data)")
        end = raw.find(b"endobj", offset)
        m = re.compile(rb">>\s*stream(\r\n|\n)").search(raw, offset, end)
        if not m:
            fail("streams", f"object {num}: no 'stream' keyword followed by an EOL")
            continue
        start = m.end()
        stop = raw.rfind(b"endstream", start, end)
        data_end = stop - (2 if raw[stop - 2:stop] == b"\r\n" else 1 if raw[stop - 1:stop] in (b"\n", b"\r") else 0)
        if stop < 0 or data_end == stop:
            fail("streams", f"object {num}: 'endstream' not preceded by an EOL")
        else:
            lm = re.compile(rb"/Length(?![0-9])\s+(\d+)(\s+0\s+R)?").search(raw, offset, m.start())
            if not lm:
                fail("streams", f"object {num}: no /Length")
                continue
            length = int(lm[1]) if not lm[2] else int(reader.get_object(IndirectObject(int(lm[1]), 0, reader)))
            # The data may itself end in CR: what counts is that /Length bytes are followed by
            # exactly one EOL and 'endstream' (CR LF, LF or CR).
            after = raw[start + length:stop]
            if length != data_end - start and after not in (b"\r\n", b"\n", b"\r"):
                fail("streams", f"object {num}: /Length {length}, {data_end - start} bytes in the file")
        if obj.get("/Subtype") == "/Form" and ("/OPI" in obj or "/PS" in obj or obj.get("/Subtype2") == "/PS"):
            fail("xobjects", f"object {num}: form XObject with /OPI or PostScript")
    # cidset and widths, per CIDFont.
    for num in sorted(reader.xref.get(0, {})):
        f = reader.get_object(IndirectObject(num, 0, reader))
        if not isinstance(f, dict) or f.get("/Subtype") != "/CIDFontType2":
            continue
        fd = r(f.get("/FontDescriptor")) or {}
        if "/FontFile2" not in fd:
            continue
        present, adv = font_glyphs(r(fd["/FontFile2"]).get_data())
        c2g = r(f.get("/CIDToGIDMap"))
        if hasattr(c2g, "get_data"):
            m = c2g.get_data()
            gid_of = lambda cid: (m[2 * cid] << 8 | m[2 * cid + 1]) if 2 * cid + 1 < len(m) else 0
            present = {cid for cid in range(len(m) // 2) if gid_of(cid) in present}  # as CIDs
        else:
            gid_of = lambda cid: cid
        if "/CIDSet" in fd:
            bits = r(fd["/CIDSet"]).get_data()
            marked = {8 * i + k for i, byte in enumerate(bits) for k in range(8) if byte & (0x80 >> k)}
            if marked != present:
                fail("cidset", f"{f.get('/BaseFont')}: /CIDSet marks {len(marked)} CIDs, {len(present)} have a glyph "
                               f"in the font program ({sorted(marked ^ present)[:8]} differ)")
        w = r(f.get("/W")) or []
        i = 0
        while i < len(w):
            first = int(w[i])
            if isinstance(r(w[i + 1]), list):
                for k, width in enumerate(r(w[i + 1])):
                    g = gid_of(first + k)
                    if g < len(adv) and abs(float(width) - adv[g]) > 1:
                        fail("widths", f"{f.get('/BaseFont')}: CID {first + k} (glyph {g}) /W {float(width)}, font {adv[g]:.2f}")
                i += 2
            else:
                last, width = int(w[i + 1]), float(w[i + 2])
                for cid in range(first, last + 1):
                    g = gid_of(cid)
                    if g < len(adv) and abs(width - adv[g]) > 1:
                        fail("widths", f"{f.get('/BaseFont')}: CID {cid} (glyph {g}) /W {width}, font {adv[g]:.2f}")
                i += 3


def check(path, standard):
    fails = []
    fail = lambda clause, msg: fails.append(f"{path}: {clause}: {msg}")
    raw = open(path, "rb").read()
    reader = pypdf.PdfReader(path)
    trailer = reader.trailer
    root = r(trailer["/Root"])
    info = r(trailer.get("/Info")) or {}

    for key in ("/Title", "/Author", "/Subject", "/Keywords"):
        if not str(info.get(key, "")).strip():
            fail("info", f"{key} missing or empty")
    if not str(root.get("/Lang", "")).strip():
        fail("info", "/Lang missing")

    ids = trailer.get("/ID")
    if not ids or len(ids) != 2 or bytes(ids[0].original_bytes) != bytes(ids[1].original_bytes) \
            or len(ids[0].original_bytes) != 16:
        fail("id", f"trailer /ID is {ids!r}")

    for n, page in enumerate(reader.pages, 1):
        for a in page.get("/Annots", []) or []:
            a = r(a)
            f = int(a.get("/F", 0))
            if not f & 4 or f & (1 | 2 | 32):
                fail("print", f"page {n}: annotation {a.get('/Subtype')} has /F {f}")

    fonts = {}
    for n, page in enumerate(reader.pages, 1):
        res = r(page.get("/Resources")) or {}
        font_dict = r(res.get("/Font")) or {}
        for name, ref in font_dict.items():
            f = r(ref)
            key = id(f)
            if key not in fonts:
                desc = r(r(f["/DescendantFonts"])[0]) if "/DescendantFonts" in f else {}
                fd = r(desc.get("/FontDescriptor")) or {}
                if desc.get("/Subtype") == "/CIDFontType0":
                    # OpenType/CFF: a bare CFF in code order (FontFile3 /CIDFontType0C),
                    # Identity-H, no CIDToGIDMap (CID = glyph).
                    ff3 = r(fd.get("/FontFile3")) if "/FontFile3" in fd else None
                    ok = (f.get("/Subtype") == "/Type0" and f.get("/Encoding") == "/Identity-H"
                          and ff3 is not None and ff3.get("/Subtype") == "/CIDFontType0C"
                          and "/CIDToGIDMap" not in desc)
                    if not ok:
                        fail("fonts", f"{f.get('/BaseFont')}: not an embedded Type0/CIDFontType0 CFF font")
                else:
                    ok = f.get("/Subtype") == "/Type0" and f.get("/Encoding") == "/Identity-H"
                    ok = ok and desc.get("/Subtype") == "/CIDFontType2" and "/CIDToGIDMap" in desc
                    if not ok or "/FontFile2" not in fd:
                        fail("fonts", f"{f.get('/BaseFont')}: not an embedded Type0/CIDFontType2 font")
                if "/ToUnicode" not in f:
                    fail("fonts", f"{f.get('/BaseFont')}: no ToUnicode")
                    fonts[key] = (f.get("/BaseFont"), {})
                else:
                    fonts[key] = (f.get("/BaseFont"), to_unicode_map(r(f["/ToUnicode"])))
        # Codes drawn with each font in the page's content.
        current = None
        content = ContentStream(page.get_contents(), reader) if page.get_contents() else None
        for operands, op in (content.operations if content else []):
            if op == b"Tf":
                current = fonts.get(id(r(font_dict[operands[0]])))
            elif op in (b"TJ", b"Tj", b"'", b'"'):
                strings = operands[0] if op == b"TJ" else operands[-1:]
                for s in (strings if isinstance(strings, (list, ArrayObject)) else [strings]):
                    if isinstance(s, (int, float)) or not hasattr(s, "original_bytes"):
                        continue
                    b = bytes(s.original_bytes)
                    for i in range(0, len(b) - 1, 2):
                        code = b[i] << 8 | b[i + 1]
                        text = current[1].get(code) if current else None
                        if not text or bad_text(text):
                            fail("unicode", f"page {n}: code {code:04X} of {current[0] if current else '?'} maps to {text!r}")
    for name, m in fonts.values():
        if "range" in m:
            fail("unicode", f"{name}: unexpected bfrange in ToUnicode")

    check_structure(path, raw, reader, fail)
    if standard == "none":
        return fails
    if not raw.startswith(b"%PDF-1.7\n%") or not all(c >= 128 for c in raw[10:14]):
        fail("version", f"header {raw[:14]!r}")
    if "/Encrypt" in trailer:
        fail("forbidden", "encrypted")
    if b"/JavaScript" in raw or b"/JS " in raw:
        fail("forbidden", "JavaScript")
    if standard in ("a-2b", "a-2u") and b"/EmbeddedFiles" in raw:
        fail("forbidden", "embedded files")

    meta = r(root.get("/Metadata"))
    if meta is None:
        fail("xmp", "no /Metadata")
    else:
        if meta.get("/Type") != "/Metadata" or meta.get("/Subtype") != "/XML" or "/Filter" in meta:
            fail("xmp", f"metadata stream dictionary {dict(meta)!r}")
        x = ET.fromstring(meta.get_data().decode("utf-8").split("?>", 1)[1].rsplit("<?xpacket", 1)[0])
        d = x.find(".//rdf:Description", NS)
        get = lambda tag: (d.find(tag, NS).text if d is not None and d.find(tag, NS) is not None else None)
        li = lambda tag: (d.find(tag + "//rdf:li", NS).text if d is not None and d.find(tag + "//rdf:li", NS) is not None else None)
        part, conf = {"a-2b": ("2", "B"), "a-2u": ("2", "U"), "a-3u": ("3", "U")}[standard]
        if get("pdfaid:part") != part or get("pdfaid:conformance") != conf:
            fail("xmp", f"pdfaid {get('pdfaid:part')}/{get('pdfaid:conformance')}, want {part}/{conf}")
        pairs = [("dc:title", li, "/Title"), ("dc:creator", li, "/Author"), ("dc:description", li, "/Subject"),
                 ("pdf:Keywords", get, "/Keywords"), ("pdf:Producer", get, "/Producer"),
                 ("xmp:CreatorTool", get, "/Creator")]
        for tag, fn, key in pairs:
            if fn(tag) != str(info.get(key, "")):
                fail("xmp", f"{tag} {fn(tag)!r} != {key} {str(info.get(key, ''))!r}")
        if "/CreationDate" in info:
            m = re.match(r"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z", str(info["/CreationDate"]))
            want = f"{m[1]}-{m[2]}-{m[3]}T{m[4]}:{m[5]}:{m[6]}Z" if m else None
            if get("xmp:CreateDate") != want:
                fail("xmp", f"xmp:CreateDate {get('xmp:CreateDate')!r} != /CreationDate {info['/CreationDate']!r}")

    intents = r(root.get("/OutputIntents"))
    if not intents or len(intents) != 1:
        fail("intent", f"/OutputIntents {intents!r}")
    else:
        oi = r(intents[0])
        prof = r(oi.get("/DestOutputProfile"))
        data = prof.get_data() if prof is not None else b""
        if oi.get("/S") != "/GTS_PDFA1" or prof is None or int(prof.get("/N", 0)) != 3 \
                or data[36:40] != b"acsp" or data[16:20] != b"RGB ":
            fail("intent", "not an sRGB GTS_PDFA1 output intent with an RGB ICC profile (N 3)")
    return fails


def main():
    args = sys.argv[1:]
    standard = "none"
    if "--standard" in args:
        i = args.index("--standard")
        standard = args[i + 1]
        del args[i:i + 2]
    fails = []
    for path in args:
        fails += check(path, standard)
    for f in fails:
        print(f)
    print(f"pdfa_check: {len(args)} file(s), standard {standard}: {'ok' if not fails else f'{len(fails)} failure(s)'}")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
