// pdf.js text extraction (what Firefox's find and copy see), for the seven-reader test.
// usage: node pdfjs_extract.mjs OUTDIR A.pdf [B.pdf ...]  -> OUTDIR/A.pdfjs.txt ...
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import fs from "fs";
import path from "path";

const [outDir, ...pdfs] = process.argv.slice(2);
for (const file of pdfs) {
  const data = new Uint8Array(fs.readFileSync(file));
  const doc = await getDocument({ data, verbosity: 0 }).promise;
  let out = "";
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const tc = await page.getTextContent();
    for (const it of tc.items) {
      out += it.str;
      if (it.hasEOL) out += "\n";
    }
    out += "\n\f";
  }
  await doc.destroy();
  fs.writeFileSync(path.join(outDir, path.basename(file, ".pdf") + ".pdfjs.txt"), out);
}
