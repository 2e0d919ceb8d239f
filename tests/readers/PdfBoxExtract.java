// PDFBox text extraction as Apache Tika and the PDFBox ExtractText tool do it (PDFTextStripper,
// content-stream order, beads), for the seven-reader test. Run as a single-file source program:
//   java -cp PDFBOX_JARS PdfBoxExtract.java OUTDIR A.pdf [B.pdf ...]  -> OUTDIR/A.pdfbox.txt ...
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

public class PdfBoxExtract {
  public static void main(String[] args) throws Exception {
    File outDir = new File(args[0]);
    for (int i = 1; i < args.length; i++) {
      File pdf = new File(args[i]);
      try (PDDocument doc = PDDocument.load(pdf)) {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(false);
        stripper.setShouldSeparateByBeads(true);
        String text = stripper.getText(doc);
        String name = pdf.getName().replaceAll("\\.pdf$", "") + ".pdfbox.txt";
        Files.write(new File(outDir, name).toPath(), text.getBytes(StandardCharsets.UTF_8));
      }
    }
  }
}
