// The document level of every PDF (Title, Author, Subject, Keywords, Lang, trailer /ID,
// printable links, every drawn code mapped to Unicode) and PDF/A-2b/-2u/-3u
// (--pdf-standard, the template key pdf_standard): tests/pdfa_check.py asserts each clause
// thaidoc implements, qpdf --check the file structure.
#include <gtest/gtest.h>

#include <string>

#include "test_support.h"

namespace thaidoc {
namespace {

using test::quote;
using test::read_file;
using test::run;
using test::source_dir;

class PdfStandardTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = test::temp_dir("pdf-standard"); }

  std::string render(const std::string& input, const std::string& name, const std::string& args = "",
                     const std::string& env = "") {
    std::string out = dir_ + "/" + name + ".pdf";
    auto r = run(env + quote(test::thaidoc_binary()) + " render " + quote(source_dir() + "/" + input) + " -o " +
                 quote(out) + " " + args);
    EXPECT_EQ(r.exit_code, 0) << r.out;
    return out;
  }

  // pdfa_check.py and qpdf --check on the file: both must be clean.
  void expect_valid(const std::string& pdf, const std::string& standard) {
    auto c = run("/usr/bin/python3 " + quote(source_dir() + "/tests/pdfa_check.py") + " --standard " + standard +
                 " " + quote(pdf));
    EXPECT_EQ(c.exit_code, 0) << c.out;
    auto q = run("qpdf --check " + quote(pdf));
    EXPECT_EQ(q.exit_code, 0) << q.out;
    EXPECT_EQ(q.out.find("WARNING"), std::string::npos) << q.out;
  }

  std::string dir_;
};

TEST_F(PdfStandardTest, EveryPdfCarriesItsInformationAndMapsEveryCode) {
  expect_valid(render("data/memo/taneun-ita-results.yaml", "memo"), "none");
  expect_valid(render("tests/readers/corpus.yaml", "corpus"), "none");
  std::string text = dir_ + "/text.pdf";
  auto r = run(quote(test::thaidoc_binary()) + " text " + quote(source_dir() + "/data/text/corpus.txt") + " -o " +
               quote(text));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  expect_valid(text, "none");
  EXPECT_EQ(read_file(text).rfind("%PDF-1.4", 0), 0u);  // plain PDF stays 1.4, without XMP
  EXPECT_EQ(read_file(text).find("/Metadata"), std::string::npos);
}

TEST_F(PdfStandardTest, EachStandardPassesTheStructuralCheck) {
  expect_valid(render("data/memo/taneun-ita-results.yaml", "memo-a2u", "--pdf-standard a-2u"), "a-2u");
  expect_valid(render("tests/readers/corpus.yaml", "corpus-a2b", "--pdf-standard a-2b"), "a-2b");
  expect_valid(render("data/tables/wangsomboon-measures-2567.yaml", "table-a3u", "--pdf-standard a-3u"), "a-3u");
  std::string text = dir_ + "/text-a2u.pdf";
  auto r = run(quote(test::thaidoc_binary()) + " text " + quote(source_dir() + "/data/text/memo-taneun.txt") +
               " --pdf-standard a-2u -o " + quote(text));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  expect_valid(text, "a-2u");
  // The structural check is not vacuous: a plain PDF fails it as PDF/A.
  auto c = run("/usr/bin/python3 " + quote(source_dir() + "/tests/pdfa_check.py") + " --standard a-2u " +
               quote(dir_ + "/memo-a2u.pdf") + " " + quote(render("data/memo/taneun-ita-results.yaml", "plain")));
  EXPECT_NE(c.exit_code, 0) << c.out;
  EXPECT_NE(c.out.find("xmp: no /Metadata"), std::string::npos) << c.out;
}

TEST_F(PdfStandardTest, MetadataIsThaiAndDatedFromTheDocumentOrSourceDateEpoch) {
  std::string pdf = read_file(render("data/memo/taneun-ita-results.yaml", "memo", "--pdf-standard a-2u"));
  // dc:title in Thai (UTF-8 in the XMP), the memo's date as the creation date.
  EXPECT_NE(pdf.find("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">รายงานผลการดำเนินการ"), std::string::npos);
  EXPECT_NE(pdf.find("<dc:creator><rdf:Seq><rdf:li>สำนักปลัด องค์การบริหารส่วนตำบลตาเนิน</rdf:li>"), std::string::npos);
  EXPECT_NE(pdf.find("<xmp:CreateDate>2025-04-24T00:00:00Z</xmp:CreateDate>"), std::string::npos);
  EXPECT_NE(pdf.find("/CreationDate (D:20250424000000Z)"), std::string::npos);
  std::string epoch = read_file(render("data/memo/taneun-ita-results.yaml", "memo-epoch", "--pdf-standard a-2u",
                                       "SOURCE_DATE_EPOCH=1700000000 "));
  EXPECT_NE(epoch.find("<xmp:CreateDate>2023-11-14T22:13:20Z</xmp:CreateDate>"), std::string::npos);
}

TEST_F(PdfStandardTest, RerunsAreByteIdenticalAndTheIdFollowsTheContent) {
  std::string a = read_file(render("data/memo/taneun-ita-results.yaml", "a", "--pdf-standard a-2u"));
  std::string b = read_file(render("data/memo/taneun-ita-results.yaml", "b", "--pdf-standard a-2u"));
  EXPECT_EQ(a, b);
  auto id_of = [](const std::string& pdf) {
    size_t at = pdf.rfind("/ID [");
    return at == std::string::npos ? std::string() : pdf.substr(at, 80);
  };
  ASSERT_FALSE(id_of(a).empty());
  std::string other = read_file(render("data/memo/klongmai-ita-meeting.yaml", "other", "--pdf-standard a-2u"));
  EXPECT_NE(id_of(a), id_of(other));
}

TEST_F(PdfStandardTest, TheTemplateKeyChoosesTheStandardAndTheFlagOverridesIt) {
  std::string doc = dir_ + "/styled.yaml";
  test::write_file(doc, "kind: document\ntitle: ทดสอบ\nstyle: {pdf_standard: a-3u}\nblocks:\n  - น้ำ ผู้ใหญ่\n");
  std::string out = dir_ + "/styled.pdf";
  auto r = run(quote(test::thaidoc_binary()) + " render " + quote(doc) + " -o " + quote(out));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  expect_valid(out, "a-3u");
  r = run(quote(test::thaidoc_binary()) + " render " + quote(doc) + " --pdf-standard none -o " + quote(out));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(read_file(out).find("/Metadata"), std::string::npos);
  r = run(quote(test::thaidoc_binary()) + " render " + quote(doc) + " --pdf-standard a-4 -o " + quote(out));
  EXPECT_NE(r.exit_code, 0) << r.out;
  test::write_file(doc, "kind: document\nstyle: {pdf_standard: a-1b}\nblocks:\n  - น้ำ\n");
  r = run(quote(test::thaidoc_binary()) + " render " + quote(doc) + " -o " + quote(out));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("pdf_standard"), std::string::npos) << r.out;
}

TEST_F(PdfStandardTest, BatchWritesTheStandard) {
  auto r = run(quote(test::thaidoc_binary()) + " batch " + quote(source_dir() + "/data/batch/memo-template.yaml") +
               " --data " + quote(source_dir() + "/data/batch/orgs.csv") + " --shard 1/60 -q -j 1 -o " +
               quote(dir_ + "/batch/{record}.pdf") + " --pdf-standard a-2u");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  expect_valid(dir_ + "/batch/1.pdf", "a-2u");
}

}  // namespace
}  // namespace thaidoc
