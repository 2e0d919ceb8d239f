// PDFium text extraction (FPDFText, what Chrome and Edge see), for the seven-reader test.
// usage: node pdfium_extract.mjs OUTDIR A.pdf [B.pdf ...]  -> OUTDIR/A.pdfium.txt ...
import { PDFiumLibrary } from "@hyzyla/pdfium";
import fs from "fs";
import path from "path";

const [outDir, ...pdfs] = process.argv.slice(2);
const lib = await PDFiumLibrary.init();
for (const file of pdfs) {
  const doc = await lib.loadDocument(fs.readFileSync(file));
  let out = "";
  for (const page of doc.pages()) out += page.getText() + "\n\f";
  doc.destroy();
  fs.writeFileSync(path.join(outDir, path.basename(file, ".pdf") + ".pdfium.txt"), out);
}
lib.destroy();
