// Generated ITA tables as views: each of the seven tables the seeds print that a fixed
// table shape could not produce is generated from the data, and its rows are compared
// with the seed's. The expected rows are the seeds' text (tab-separated cells, as OCR gives
// them; digits compared as Arabic); where a seed row is an OCR misreading or contradicts the
// documented arithmetic, the comment next to it says so.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "base/digits.h"
#include "base/error.h"
#include "input/document_reader.h"
#include "input/ita_blocks.h"
#include "input/ita_reader.h"
#include "test_support.h"

using namespace thaidoc;

namespace {

std::string text_of(const TableCell& c) {
  std::string s;
  for (const Block& b : c.blocks) {
    if (const auto* p = std::get_if<Paragraph>(&b.content)) {
      for (const auto& span : p->text) s += span.text;
    }
  }
  return convert_digits(s, DigitStyle::Arabic);
}

// Every row (header, body, footer) as its non-empty cells joined by tabs (OCR drops empty
// cells); a group row is its one cell.
std::vector<std::string> rows_of(const Table& t) {
  std::vector<std::string> out;
  auto add = [&](const std::vector<TableRow>& rows) {
    for (const TableRow& r : rows) {
      std::string line;
      for (const TableCell& c : r.cells) {
        std::string s = text_of(c);
        if (s.empty()) continue;
        if (!line.empty()) line += "\t";
        line += s;
      }
      out.push_back(line);
    }
  };
  add(t.header);
  add(t.body);
  add(t.footer);
  return out;
}

std::vector<std::string> arabic(const std::vector<std::string>& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(convert_digits(r, DigitStyle::Arabic));
  return out;
}

// The one generated table of a document made of `ita` data and one `ita_table:` block.
Table generated(const std::string& ita_file, const std::string& block) {
  std::string ita = test::read_file(test::source_dir() + "/data/ita/" + ita_file);
  ita = ita.substr(ita.find("\nita:") + 1);
  std::string yaml = "kind: document\n" + ita + "blocks:\n" + block;
  ReadOptions options;
  Document doc = read_document_string(yaml, test::source_dir() + "/data/ita/view.yaml", options);
  EXPECT_TRUE(doc.warnings.empty()) << doc.warnings[0];
  for (const Block& b : doc.blocks) {
    if (const auto* t = std::get_if<Table>(&b.content)) return *t;
  }
  ADD_FAILURE() << "no table";
  return {};
}

// Which rows are cells spanning several rows: (body row index, column index) -> rowspan.
std::vector<int> rowspans(const Table& t) {
  std::vector<int> out;
  for (const TableRow& r : t.body) {
    for (const TableCell& c : r.cells) {
      if (c.rowspan > 1) out.push_back(c.rowspan);
    }
  }
  return out;
}

}  // namespace

// Seed 000 (lines 17-32): the score table with the unit คะแนน after each score, group rows
// per instrument, and one comment cell per instrument spanning its indicators.
TEST(ItaSeedTables, Seed000ScoresWithUnitAndOneCommentPerInstrument) {
  const std::string iit =
      "ผลคะแนน IIT มีที่ต้องปรับปรุงในเรื่องการใช้ทรัพย์สินของราชการพบว่าบุคลากรนำทรัพย์สินของราชการไปใช้โดยไม่ได้ออก"
      "อนุญาตอีกทั้งบุคลากรส่วนใหญ่ไม่ทราบหรือรับรู้ถึงวิธีการในการใช้ทรัพย์สินขององค์กรปกครองส่วนท้องถิ่น";
  const std::string eit =
      "ผลคะแนน EIT พบว่า ควรจะต้องปฏิบัติหน้าที่เพื่อยกระดับคุณภาพการปรับปรุงการทำงาน และพัฒนางานให้มีประสิทธิภาพและ"
      "คุณภาพการดำเนินงานมากยิ่งขึ้น รวมทั้งประชาสัมพันธ์การดำเนินงานเป็นระยะต่อไป";
  const std::string oit =
      "ผลคะแนน OIT พบว่า มีแนวทางในการจัดการความเสี่ยงการทุจริตอย่างเป็นรูปธรรมมากขึ้น ขณะเดียวมีการจัดทำมาตรการส่งเสริม"
      "คุณธรรมและความโปร่งใสในหน่วยงาน และสามารถพัฒนาให้ดียิ่งขึ้นไป";
  Table t = generated("wangsomboon-2566.yaml",
                      "  - ita_table: scores\n"
                      "    columns:\n"
                      "      - {key: name, header: ตัวชี้วัดของการประเมิน ITA, name: \"{number}.{name}\"}\n"
                      "      - {key: score, header: \"\", unit: คะแนน}\n"
                      "      - {key: comment, header: ประเด็นที่ต้องแก้ไข/ปรับปรุง/รักษาระดับ}\n"
                      "    groups: instrument\n"
                      "    instruments: {IIT: แบบวัดการรับรู้ของผู้มีส่วนได้เสียภายใน(IIT), "
                      "EIT: แบบวัดการรับรู้ของผู้มีส่วนได้เสียภายนอก(EIT), OIT: แบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT)}\n"
                      "    comments: {IIT: \"" + iit + "\", EIT: \"" + eit + "\", OIT: \"" + oit + "\"}\n"
                      "    footer: []\n");
  EXPECT_EQ(rows_of(t), arabic({
                            "ตัวชี้วัดของการประเมิน ITA\tประเด็นที่ต้องแก้ไข/ปรับปรุง/รักษาระดับ",
                            "แบบวัดการรับรู้ของผู้มีส่วนได้เสียภายใน(IIT)",
                            "๑.การปฏิบัติหน้าที่\t๙๒.๙๕ คะแนน\t" + iit,
                            "๒.การใช้งบประมาณ\t๘๕.๙๘ คะแนน",
                            "๓.การใช้อำนาจ\t๘๙.๒๗ คะแนน",
                            "๔.การใช้ทรัพย์สินของราชการ\t๘๑.๐๑ คะแนน",
                            "๕.การแก้ไขปัญหาการทุจริต\t๘๔.๗๓ คะแนน",
                            "แบบวัดการรับรู้ของผู้มีส่วนได้เสียภายนอก(EIT)",
                            "๖.คุณภาพการดำเนินงาน\t๘๕.๗๗ คะแนน\t" + eit,
                            "๗.ประสิทธิภาพการสื่อสาร\t๘๕.๔๘ คะแนน",
                            "๘.การปรับปรุงการทำงาน\t๘๕.๗๖ คะแนน",
                            "แบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT)",
                            "๙.การเปิดเผยข้อมูล\t๙๕.๐๐ คะแนน\t" + oit,
                            "๑๐.การป้องกันการทุจริต\t๑๐๐.๐๐ คะแนน",
                        }));
  EXPECT_EQ(rowspans(t), (std::vector<int>{5, 3, 2}));  // one comment per instrument
  EXPECT_EQ(t.columns.size(), 3u);
}

// Seed 003 (lines 67-75): the levels table, integer bands "85 – 94", columns คะแนน | ระดับ.
TEST(ItaSeedTables, Seed003LevelsWithIntegerBands) {
  Table t = generated("nakhonpathom-2565.yaml",
                      "  - ita_table: levels\n"
                      "    columns: [{key: range, header: คะแนน, format: integer}, {key: level, header: ระดับ}]\n"
                      "    separator: \" – \"\n");
  EXPECT_EQ(rows_of(t), (std::vector<std::string>{"คะแนน\tระดับ", "95 – 100\tAA", "85 – 94\tA", "75 – 84\tB",
                                                  "65 – 74\tC", "55 – 64\tD", "50 – 54\tE", "0 – 49\tF"}));
}

// Seed 003 (lines 88-99): the ranking with names only and ordinal ranks: the two 100.00
// scores are ranked 1 and 2, in indicator order.
TEST(ItaSeedTables, Seed003RankingOrdinalNamesOnly) {
  Table t = generated("nakhonpathom-2565.yaml",
                      "  - ita_table: ranking\n"
                      "    columns: [rank, {key: name, name: \"{name}\"}, score]\n"
                      "    rank_style: ordinal\n"
                      "    footer: []\n");
  EXPECT_EQ(rows_of(t), (std::vector<std::string>{
                            "อันดับ\tตัวชี้วัด\tคะแนน",
                            "1\tการเปิดเผยข้อมูล\t100.00",
                            "2\tการป้องกันการทุจริต\t100.00",
                            "3\tประสิทธิภาพการสื่อสาร\t96.20",
                            "4\tคุณภาพการดำเนินงาน\t96.03",
                            "5\tการปรับปรุงการทำงาน\t94.74",
                            "6\tการปฏิบัติหน้าที่\t94.56",
                            "7\tการใช้อำนาจ\t90.81",
                            "8\tการแก้ไขปัญหาการทุจริต\t90.53",
                            "9\tการใช้งบประมาณ\t88.13",
                            "10\tการใช้ทรัพย์สินของราชการ\t88.09",
                        }));
  // The default (shared) style ranks the tie 1, 1, 3.
  Table shared = generated("nakhonpathom-2565.yaml", "  - ita_table: ranking\n    rank_style: shared\n");
  EXPECT_EQ(rows_of(shared)[2], "1\t10. การป้องกันการทุจริต\t100.00");
  EXPECT_EQ(rows_of(shared)[3], "3\t7. ประสิทธิภาพการสื่อสาร\t96.20");
  Table dense = generated("nakhonpathom-2565.yaml", "  - ita_table: ranking\n    rank_style: dense\n");
  EXPECT_EQ(rows_of(dense)[3], "2\t7. ประสิทธิภาพการสื่อสาร\t96.20");
}

// Seed 003 (lines 105-110): the weighted table printing whole numbers as 100 and 40, and
// the total only in the footer.
TEST(ItaSeedTables, Seed003WeightedWholeNumbers) {
  Table t = generated("nakhonpathom-2565.yaml",
                      "  - ita_table: weighted\n"
                      "    columns:\n"
                      "      - name\n"
                      "      - {key: weight, header: น้ำหนัก}\n"
                      "      - {key: mean, format: auto}\n"
                      "      - {key: weighted, format: auto}\n"
                      "    instruments: {IIT: การรับรู้ของบุคลากรภายในหน่วยงาน (IIT), "
                      "EIT: การรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT), OIT: การเปิดเผยข้อมูลสาธารณะ (OIT)}\n"
                      "    footer: [{row: total, weight: false}]\n");
  EXPECT_EQ(rows_of(t), (std::vector<std::string>{
                            "ประเด็นการประเมิน\tน้ำหนัก\tคะแนนเฉลี่ยที่ได้รับ\tคะแนนถ่วงน้ำหนัก",
                            "การรับรู้ของบุคลากรภายในหน่วยงาน (IIT)\t30\t90.42\t27.13",
                            // The seed prints 28.69: 0.3 x 95.65 = 28.695, which rounds half up
                            // to 28.70 (data/report/README.md lists this difference).
                            "การรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)\t30\t95.65\t28.70",
                            "การเปิดเผยข้อมูลสาธารณะ (OIT)\t40\t100\t40",
                            "รวม\t95.82",
                        }));
}

// Seed 003 (lines 158-170): the framework table: a title row, indicator | score |
// instrument, the instrument cell spanning 5, 3 and 2 rows.
TEST(ItaSeedTables, Seed003FrameworkTableInstrumentSpans) {
  Table t = generated(
      "nakhonpathom-2565.yaml",
      "  - ita_table: scores\n"
      "    title: กรอบการประเมิน {{ita.indicators}} ตัวชี้วัด เชื่อมโยงกับ {{ita.instruments}} เครื่องมือ\n"
      "    columns:\n"
      "      - {key: name, header: ประเด็นตัวชี้วัด, name: \"ตัวชี้วัดที่ {number} {name}\"}\n"
      "      - {key: score, header: คะแนน(ร้อยละ)}\n"
      "      - instrument\n"
      "    groups: none\n"
      "    names: {8: การปรับปรุงระบบการทำงาน}\n"
      "    instruments:\n"
      "      IIT: \"ผู้มีส่วนได้ส่วนเสียภายใน (Internal Integrity and Transparency Assessment System : IIT)\"\n"
      "      EIT: \"ผู้มีส่วนได้ส่วนเสียภายนอก (External Integrity and Transparency Assessment System : EIT)\"\n"
      "      OIT: \"แบบตรวจการเปิดเผยข้อมูลสาธารณะ (Open Data Integrity and Transparency Assessment : OIT)\"\n"
      "    footer: []\n");
  EXPECT_EQ(rows_of(t), (std::vector<std::string>{
                            "กรอบการประเมิน 10 ตัวชี้วัด เชื่อมโยงกับ 3 เครื่องมือ",
                            "ประเด็นตัวชี้วัด\tคะแนน(ร้อยละ)\tเครื่องมือการประเมิน",
                            "ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่\t94.56\tผู้มีส่วนได้ส่วนเสียภายใน (Internal Integrity and "
                            "Transparency Assessment System : IIT)",
                            "ตัวชี้วัดที่ 2 การใช้งบประมาณ\t88.13",
                            "ตัวชี้วัดที่ 3 การใช้อำนาจ\t90.81",
                            "ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ\t88.09",
                            "ตัวชี้วัดที่ 5 การแก้ไขปัญหาการทุจริต\t90.53",
                            "ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน\t96.03\tผู้มีส่วนได้ส่วนเสียภายนอก (External Integrity and "
                            "Transparency Assessment System : EIT)",
                            "ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร\t96.20",
                            "ตัวชี้วัดที่ 8 การปรับปรุงระบบการทำงาน\t94.74",
                            "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล\t100.00\tแบบตรวจการเปิดเผยข้อมูลสาธารณะ (Open Data Integrity and "
                            "Transparency Assessment : OIT)",
                            "ตัวชี้วัดที่ 10 การป้องกันการทุจริต\t100.00",
                        }));
  EXPECT_EQ(rowspans(t), (std::vector<int>{5, 3, 2}));
  ASSERT_EQ(t.header.size(), 2u);
  EXPECT_EQ(t.header[0].cells[0].colspan, 3);
}

// Seed 004 (lines 62-74): the ranking with a unit column in the footer rows.
TEST(ItaSeedTables, Seed004RankingWithUnitColumn) {
  Table t = generated("klongmai-2565.yaml",
                      "  - ita_table: ranking\n"
                      "    columns: [rank, {key: name, name: \"{name}\"}, score, {key: unit, text: คะแนน}]\n");
  EXPECT_EQ(rows_of(t), arabic({
                            "อันดับ\tตัวชี้วัด\tคะแนน",
                            "1\tการปฏิบัติหน้าที่\t93.37",
                            "2\tการแก้ไขปัญหาการทุจริต\t89.65",
                            "3\tการใช้อำนาจ\t89.17",
                            "4\tการเปิดเผยข้อมูล\t87.00",
                            "5\tคุณภาพการดำเนินงาน\t84.20",
                            "6\tการใช้งบประมาณ\t83.33",
                            "7\tการใช้ทรัพย์สินของราชการ\t83.06",
                            "8\tประสิทธิภาพการสื่อสาร\t82.10",
                            "9\tการปรับปรุงการทำงาน\t77.08",
                            "10\tการป้องกันการทุจริต\t43.75",
                            "คะแนนสูงสุด\t93.37\tคะแนน",
                            "คะแนนต่ำสุด\t43.75\tคะแนน",
                        }));
  EXPECT_EQ(t.columns.size(), 4u);
  EXPECT_EQ(t.footer[0].cells[0].colspan, 2);  // the label spans อันดับ and ตัวชี้วัด
}

// Seed 004 (lines 80-97): the grouped table with a ที่ column, the seed's own indicator names.
TEST(ItaSeedTables, Seed004GroupedWithNoColumn) {
  Table t = generated("klongmai-2565.yaml",
                      "  - ita_table: scores\n"
                      "    columns: [no, {key: name, name: \"{name}\"}, {key: score, header: ผลคะแนน}]\n"
                      "    groups: instrument\n"
                      "    instruments: {IIT: แบบวัดการรับรู้ของผู้มีส่วนได้เสียภายใน (IIT), "
                      "EIT: แบบวัดการรับรู้ของผู้มีส่วนได้เสียภายนอก (EIT), OIT: แบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT)}\n"
                      "    names: {4: การใช้ทรัพย์สินของทางราชการ, 7: ประสิทธิภาพของการสื่อสาร, 8: การปรับปรุงระบบการทำงาน}\n"
                      "    footer: []\n");
  EXPECT_EQ(rows_of(t), arabic({
                            "ที่\tตัวชี้วัด\tผลคะแนน",
                            "แบบวัดการรับรู้ของผู้มีส่วนได้เสียภายใน (IIT)",
                            "๑\tการปฏิบัติหน้าที่\t๙๓.๓๗",  // OCR: ๘๓.๓๗ (the ranking and analysis say 93.37)
                            "๒\tการใช้งบประมาณ\t๘๓.๓๓",
                            "๓\tการใช้อำนาจ\t๘๙.๑๗",  // OCR: ๘๘.๑๗
                            "๔\tการใช้ทรัพย์สินของทางราชการ\t๘๓.๐๖",
                            "๕\tการแก้ไขปัญหาการทุจริต\t๘๙.๖๕",  // OCR: ๘๘.๖๕
                            "แบบวัดการรับรู้ของผู้มีส่วนได้เสียภายนอก (EIT)",
                            "๖\tคุณภาพการดำเนินงาน\t๘๔.๒๐",
                            "๗\tประสิทธิภาพของการสื่อสาร\t๘๒.๑๐",
                            "๘\tการปรับปรุงระบบการทำงาน\t๗๗.๐๘",
                            "แบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT)",
                            "๙\tการเปิดเผยข้อมูล\t๘๗.๐๐",
                            "๑๐\tการป้องกันการทุจริต\t๔๓.๗๕",
                        }));
}

TEST(ItaViews, FooterTotalsAreComputed) {
  // Three equal weights print 33.33 each; the footer adds the printed column: 99.99.
  std::string yaml = test::read_file(test::source_dir() + "/data/ita/klongmai-2565.yaml");
  yaml = yaml.substr(yaml.find("\nita:") + 1);
  yaml.replace(yaml.find("  supplied:"), 0, "  framework: {weights: {IIT: 1, EIT: 1, OIT: 1}}\n");
  yaml.replace(yaml.find("    total: ๗๖.๘๑\n"), std::string("    total: ๗๖.๘๑\n").size(), "");
  yaml.replace(yaml.find("    level: B\n"), std::string("    level: B\n").size(), "");
  ReadOptions options;
  Document doc = read_document_string("kind: document\n" + yaml + "blocks:\n  - ita_table: weighted\n",
                                      "/tmp/w.yaml", options);
  const Table& t = std::get<Table>(doc.blocks[0].content);
  std::vector<std::string> rows = rows_of(t);
  ASSERT_EQ(rows.size(), 5u);
  // (87.72 + 81.13 + 65.38) / 3 = 78.0766... -> 78.08; 87.72 / 3 = 29.24, 81.13 / 3 = 27.0433 -> 27.04,
  // 65.38 / 3 = 21.7933 -> 21.79.
  EXPECT_EQ(rows[1], "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)\t33.33\t87.72\t29.24");
  EXPECT_EQ(rows[4], "รวม\t99.99\t78.08");
}

TEST(ItaViews, BadViewsAreLocatedErrors) {
  std::string ita = test::read_file(test::source_dir() + "/data/ita/klongmai-2565.yaml");
  ita = ita.substr(ita.find("\nita:") + 1);
  auto error = [&](const std::string& block) {
    try {
      ReadOptions options;
      read_document_string("kind: document\n" + ita + "blocks:\n" + block, "v.yaml", options);
    } catch (const Error& e) {
      std::string m = e.what();
      return m.substr(m.find(": ", m.find("v.yaml")) + 2);
    }
    return std::string("(no error)");
  };
  EXPECT_EQ(error("  - ita_table: ranking\n    columns: [rank, nmae]\n"),
            "blocks[1].columns[2]: unknown column 'nmae' for ita_table: ranking (expected no, rank, number, name, "
            "score, unit, instrument, comment or tier; did you mean 'name'?)");
  EXPECT_EQ(error("  - ita_table: levels\n    footer: [highest]\n"),
            "blocks[1].footer[1]: only indicator tables have highest and lowest rows");
  EXPECT_EQ(error("  - ita_table: ranking\n    rank_style: olympic\n"),
            "blocks[1].rank_style: unknown value 'olympic' (expected shared, competition, dense or ordinal)");
  EXPECT_EQ(error("  - ita_table: ranking\n    columns: [score, name]\n"),
            "blocks[1]: footer row 'highest' needs a value column (score, weighted) after a first column");
  // A comment for a group that does not exist would be dropped: an error naming the groups.
  EXPECT_EQ(error("  - ita_table: scores\n    groups: instrument\n    comments: {IIT: ก, EIT: ข, OTI: ค}\n"),
            "blocks[1].comments.OTI: unknown group 'OTI' (expected IIT, EIT, OIT, urgent, develop or maintain)");
  EXPECT_EQ(error("  - ita_table: scores\n    instruments: {SIT: x}\n"),
            "blocks[1].instruments.SIT: unknown instrument 'SIT' (expected IIT, EIT or OIT)");
}

// ---------------------------------------------------------------- frameworks by fiscal year

TEST(ItaFrameworks, PresetsByYearAndAWarningForAYearWithout) {
  auto read = [](const std::string& year, const std::string& extra = "") {
    return read_ita_string("ita:\n  organisation: {name: อบต.ทดสอบ}\n  year: " + year +
                               "\n  scores: {1: 90, 2: 90, 3: 90, 4: 90, 5: 90, 6: 90, 7: 90, 8: 90, 9: 90, 10: 90}\n" +
                               extra,
                           "f.yaml");
  };
  EXPECT_EQ(read("2565").framework.name, "FY2565");
  EXPECT_EQ(read("2566").framework.name, "FY2566");
  EXPECT_TRUE(read("2565").framework.oit_items.empty());  // no seed lists the FY2565 checklist
  // Sub-indicators: seed 003 lists FY2565's (lines 48-62) and FY2566's (lines 262-391); 9.3 and
  // 10.2 changed.
  auto sub = [](const ita::Framework& f, const std::string& n) {
    for (const auto& [number, name] : f.subindicators)
      if (number == n) return name;
    return std::string("(none)");
  };
  EXPECT_EQ(read("2565").framework.subindicators.size(), 7u);
  EXPECT_EQ(sub(read("2565").framework, "9.3"), "การบริหารเงินงบประมาณ");
  EXPECT_EQ(sub(read("2566").framework, "9.3"), "การจัดซื้อจัดจ้าง");
  EXPECT_EQ(sub(read("2565").framework, "10.2"), "มาตรการภายในเพื่อป้องกันการทุจริต");
  EXPECT_EQ(sub(read("2566").framework, "10.2"), "มาตรการส่งเสริมคุณธรรมและความโปร่งใส");
  ita::ItaData d = read("2568");
  EXPECT_EQ(d.framework.name, "FY2566");
  ita::Analysis a = ita::analyse(d);
  ASSERT_EQ(a.warnings.size(), 1u);
  EXPECT_EQ(a.warnings[0].to_string(),
            "f.yaml:3:9: warning: ita.year: there is no ITA framework preset for fiscal year 2568 (presets: FY2565 "
            "and FY2566); the FY2566 framework is used (select one with 'framework: {preset: ...}' or define it)");
  // Selected explicitly: no warning.
  EXPECT_TRUE(ita::analyse(read("2568", "  framework: {preset: FY2566}\n")).warnings.empty());
  EXPECT_EQ(read("2568", "  framework: FY2565\n").framework.name, "FY2565");
  try {
    read("2565", "  framework: {preset: FY2556}\n");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "f.yaml:5:23: ita.framework.preset: unknown ITA framework 'FY2556' (expected FY2565, FY2566 or none)");
  }
}

// Seed 003 (lines 262-409): the FY2566 OIT checklist, O1-O43 under sub-indicators 9.1-10.2,
// with its topics and their four footnotes.
TEST(ItaFrameworks, Fy2566OitChecklistAsSeed003ListsIt) {
  ita::Framework f = *ita::Framework::preset("FY2566");
  ASSERT_EQ(f.oit_items.size(), 43u);
  for (size_t i = 0; i < 43; ++i) EXPECT_EQ(f.oit_items[i].code, "O" + std::to_string(i + 1));
  EXPECT_EQ(f.oit_items[0].item, "โครงสร้าง");
  EXPECT_EQ(f.oit_items[0].subindicator, "9.1");
  EXPECT_EQ(f.oit_items[14].topic, "การให้บริการ");  // O15
  EXPECT_EQ(f.oit_items[42].subindicator, "10.2");
  EXPECT_EQ(f.oit_items[41].item, "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน");
  EXPECT_EQ(f.oit_items[41].components.rfind("• แสดงการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใ", 0), 0u);
  EXPECT_EQ(f.oit_notes.size(), 4u);
  std::set<std::string> topics;
  for (const auto& o : f.oit_items) topics.insert(o.topic);
  EXPECT_EQ(topics.size(), 15u);  // the 15 topic headings of the seed's tables

  // The generated table: a sub-indicator row, topic rows (with the footnote rows), the items.
  Table t = generated("nakhonpathom-2565.yaml", "  - ita_table: oit\n");
  std::vector<std::string> rows = rows_of(t);
  EXPECT_EQ(rows[0], "ข้อ\tข้อมูล\tองค์ประกอบด้านข้อมูล\tหน่วยงานรับผิดชอบ");
  EXPECT_EQ(rows[1], "ตัวชี้วัดย่อยที่ 9.1 ข้อมูลพื้นฐาน");
  EXPECT_EQ(rows[2], "ข้อมูลพื้นฐาน");
  EXPECT_EQ(rows[3].rfind("O1\tโครงสร้าง\t• แสดงแผนผังโครงสร้าง", 0), 0u) << rows[3];
  EXPECT_EQ(rows[3].substr(rows[3].rfind('\t') + 1), "สำนักปลัดเทศบาล");  // data: ita.responsible
  size_t groups = 0;
  for (const TableRow& r : t.body) groups += r.kind == RowKind::Group;
  EXPECT_EQ(groups, 7u + 15u);
  EXPECT_EQ(t.body.size(), 7u + 15u + 4u + 43u);
}

// A document changes a preset: a new instrument (SIT, weight 20) with a new indicator 11,
// indicator 8 removed. By hand: IIT (90 + 80 + 70 + 60 + 50) / 5 = 70.00; EIT (81.25 + 80) / 2
// = 80.625 -> 80.63; OIT (100 + 91.11) / 2 = 95.555 -> 95.56; SIT 77.77. Weights 30, 30, 40,
// 20 (sum 120): total (2100 + 2418.9 + 3822.4 + 1555.4) / 120 = 9896.7 / 120 = 82.4725 -> 82.47
// (B). Shares 25.00, 25.00, 33.33, 16.67 (100.00 printed); weighted 17.50, 20.1575 -> 20.16,
// 31.8533 -> 31.85, 12.9617 -> 12.96, which add up to 82.47.
TEST(ItaFrameworks, DocumentAddsAndRemovesInstrumentsAndIndicators) {
  const std::string yaml =
      "kind: document\n"
      "ita:\n"
      "  organisation: {name: อบต.ทดสอบ}\n"
      "  year: 2565\n"
      "  framework:\n"
      "    preset: FY2565\n"
      "    instruments: {SIT: {name: แบบวัดการมีส่วนร่วม, weight: 20}}\n"
      "    indicators: {8: {remove: true}, 11: {name: การมีส่วนร่วมของประชาชน, instrument: SIT}}\n"
      "  scores: {1: 90, 2: 80, 3: 70, 4: 60, 5: 50, 6: 81.25, 7: 80, 9: 100, 10: 91.11, 11: 77.77}\n"
      "  supplied: {SIT: 77.77}\n"
      "  recommendations: {S1: ควรเปิดให้ประชาชนมีส่วนร่วม, I20: ควรเผยแพร่แผน}\n"
      "blocks:\n"
      "  - \"{{ita.SIT}} {{ita.SIT.weighted}} {{ita.total}} {{ita.level}} {{ita.indicators}} {{ita.instruments}}\"\n"
      "  - ita_table: weighted\n"
      "  - ita_table: recommendations\n";
  ReadOptions options;
  Document doc = read_document_string(yaml, "own.yaml", options);
  EXPECT_TRUE(doc.warnings.empty()) << doc.warnings[0];
  ASSERT_TRUE(doc.ita);
  const ita::Analysis& a = *doc.ita;
  EXPECT_EQ(a.framework.name, "FY2565");
  EXPECT_EQ(a.indicator(8), nullptr);
  ASSERT_NE(a.indicator(11), nullptr);
  EXPECT_EQ(a.indicator(11)->instrument, ita::Instrument("SIT"));
  EXPECT_EQ(a.total().str(), "82.47");
  EXPECT_EQ(a.total_exact, ita::Exact(824725, 10000));
  EXPECT_EQ(a.level, "B");
  const auto* p = std::get_if<Paragraph>(&doc.blocks[0].content);
  ASSERT_NE(p, nullptr);
  std::string text;
  for (const auto& span : p->text) text += span.text;
  EXPECT_EQ(convert_digits(text, DigitStyle::Arabic), "77.77 12.96 82.47 B 10 4");
  std::vector<const Table*> tables;
  for (const Block& b : doc.blocks)
    if (const auto* t = std::get_if<Table>(&b.content)) tables.push_back(t);
  ASSERT_EQ(tables.size(), 2u);
  EXPECT_EQ(rows_of(*tables[0]),
            (std::vector<std::string>{"ประเด็นการประเมิน\tน้ำหนัก (ร้อยละ)\tคะแนนเฉลี่ยที่ได้รับ\tคะแนนถ่วงน้ำหนัก",
                                      "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)\t25\t70.00\t17.50",
                                      "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)\t25\t80.63\t20.16",
                                      "แบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT)\t33.33\t95.56\t31.85",
                                      "แบบวัดการมีส่วนร่วม (SIT)\t16.67\t77.77\t12.96", "รวม\t100\t82.47"}));
  // Recommendations by the instrument's letter: S1 is SIT's.
  EXPECT_EQ(rows_of(*tables[1])[1], "S1\tควรเปิดให้ประชาชนมีส่วนร่วม");
  ita::ItaData data = read_ita_string(yaml.substr(yaml.find("ita:"), yaml.find("blocks:") - yaml.find("ita:")), "own.yaml");
  EXPECT_EQ(data.recommendations_for(ita::Instrument("SIT")).size(), 1u);
  EXPECT_EQ(data.recommendations_for(ita::Instrument::IIT).size(), 1u);
}

// `preset: none`: the document defines the whole framework, so no year warning. Two equal
// instruments, pass 60: (59.99 + 60.00) / 2 = 59.995, half up 60.00, so level ผ่าน and passed.
TEST(ItaFrameworks, DocumentDefinesItsOwn) {
  const std::string own =
      "ita:\n"
      "  organisation: {name: อบต.ทดสอบ}\n"
      "  year: 2570\n"
      "  framework:\n"
      "    preset: none\n"
      "    instruments: {AB: {name: แบบวัด ก, weight: 1}, CD: {name: แบบวัด ข, weight: 1}}\n"
      "    indicators: {1: {name: ตัวชี้วัด ก, instrument: AB}, 2: {name: ตัวชี้วัด ข, instrument: CD}}\n"
      "    levels: [{level: ดี, from: 60}, {level: ปรับปรุง, from: 0}]\n"
      "    tiers: [{from: 0, label: ทั้งหมด}]\n"
      "    pass: 60\n"
      "  scores: {1: 59.99, 2: 60}\n";
  ita::ItaData d = read_ita_string(own, "own.yaml");
  EXPECT_EQ(d.framework.name, "");
  EXPECT_TRUE(d.notes.empty());
  ita::Analysis a = ita::analyse(d);
  EXPECT_TRUE(a.warnings.empty());
  EXPECT_EQ(a.total_exact, ita::Exact(59995, 1000));
  EXPECT_EQ(a.total().str(), "60.00");
  EXPECT_EQ(a.level, "ดี");
  EXPECT_TRUE(a.passed);
  EXPECT_EQ(a.instruments.size(), 2u);
  EXPECT_EQ(a.instruments[0].instrument.code(), "AB");

  auto error_of = [](const std::string& yaml) -> std::string {
    try {
      read_ita_string(yaml, "e.yaml");
    } catch (const Error& e) {
      return e.what();
    }
    return "no error";
  };
  auto replaced = [&](const std::string& from, const std::string& to) {
    std::string s = own;
    size_t at = s.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return s.replace(at, from.size(), to);
  };
  // A part of the framework missing.
  EXPECT_EQ(error_of(replaced("    levels: [{level: ดี, from: 60}, {level: ปรับปรุง, from: 0}]\n", "")),
            "e.yaml:5:5: ita.framework: no levels");
  // An indicator of an instrument the framework does not have.
  EXPECT_EQ(error_of(replaced("instrument: CD}}", "instrument: CE}}")),
            "e.yaml:7:93: ita.framework.indicators.2.instrument: unknown instrument 'CE' (expected AB or CD; define "
            "one under 'instruments:')");
  // A new instrument without its weight; a malformed code.
  EXPECT_NE(error_of(replaced("CD: {name: แบบวัด ข, weight: 1}", "CD: {name: แบบวัด ข}")).find("weight"),
            std::string::npos);
  EXPECT_NE(error_of(replaced("CD: {name", "cd: {name")).find("'cd' is not an instrument code"), std::string::npos);

  // Removing from a preset: an instrument whose indicators stay is an error; a question whose
  // letter starts no instrument is an error; a supplied mean of an unknown instrument too.
  auto preset = [](const std::string& framework, const std::string& extra = "") {
    return "ita:\n  organisation: {name: อบต.ทดสอบ}\n  year: 2565\n" + framework +
           "  scores: {1: 90, 2: 90, 3: 90, 4: 90, 5: 90, 6: 90, 7: 90, 8: 90, 9: 90, 10: 90}\n" + extra;
  };
  // `framework: none` alone defines nothing.
  EXPECT_NE(error_of(preset("  framework: none\n")).find("defines no framework"), std::string::npos);
  EXPECT_NE(error_of(preset("  framework: {instruments: {OIT: {remove: true}}}\n"))
                .find("indicator 9 belongs to OIT, which the framework does not have"),
            std::string::npos);
  EXPECT_NE(error_of(preset("  framework: {indicators: {12: {remove: true}}}\n")).find("indicator 12 is not in the framework"),
            std::string::npos);
  EXPECT_NE(error_of(preset("  framework: {indicators: {10: {remove: true, name: x}}}\n")).find("no other keys"),
            std::string::npos);
  EXPECT_NE(error_of(preset("  framework: {indicators: {10: {remove: true}}}\n")).find("unknown indicator 10"),
            std::string::npos);  // its score is now one too many
  EXPECT_NE(error_of(preset("", "  recommendations: {S1: x}\n")).find("question S1 belongs to no instrument"),
            std::string::npos);
  EXPECT_NE(error_of(preset("", "  supplied: {SIT: 80}\n")).find("SIT"), std::string::npos);
  // Removing both OIT indicators and OIT itself leaves IIT 30 / EIT 30.
  ita::ItaData two = read_ita_string(
      "ita:\n  organisation: {name: อบต.ทดสอบ}\n  year: 2565\n"
      "  framework: {instruments: {OIT: {remove: true}}, indicators: {9: {remove: true}, 10: {remove: true}}}\n"
      "  scores: {1: 90, 2: 90, 3: 90, 4: 90, 5: 90, 6: 80, 7: 80, 8: 80}\n",
      "two.yaml");
  ita::Analysis ta = ita::analyse(two);
  EXPECT_EQ(ta.instruments.size(), 2u);
  EXPECT_EQ(ta.total().str(), "85.00");  // (30 x 90 + 30 x 80) / 60
}

// History values for text: each year's total and level (the level of the printed total
// unless the data gives one), and the first, last, best and worst years. klongmai (seed 004):
// 2561 75.41 (B), 2562 85.03 (A by the bands; the seed says B), 2563 84.05, 2564 80.95,
// 2565 76.81 (supplied, and the assessed year).
TEST(ItaValues, HistoryTotalsAndLevelsForText) {
  ita::ItaData d = read_ita_file(test::source_dir() + "/data/ita/klongmai-2565.yaml");
  ita::Analysis a = ita::analyse(d);
  auto v = ita_values(d, a);
  EXPECT_EQ(v["ita.history.2561.total"], "75.41");
  EXPECT_EQ(v["ita.history.2561.level"], "B");
  EXPECT_EQ(v["ita.history.2562.total"], "85.03");
  EXPECT_EQ(v["ita.history.2562.level"], "A");
  EXPECT_EQ(v["ita.history.2564.total"], "80.95");
  EXPECT_EQ(v["ita.history.2564.level"], "B");
  EXPECT_EQ(v["ita.history.2565.total"], "76.81");
  EXPECT_EQ(v["ita.history.count"], "5");
  EXPECT_EQ(v["ita.history.first"], "2561");
  EXPECT_EQ(v["ita.history.last"], "2565");
  EXPECT_EQ(v["ita.history.highest"], "2562");
  EXPECT_EQ(v["ita.history.highest.total"], "85.03");
  EXPECT_EQ(v["ita.history.lowest"], "2561");
  EXPECT_EQ(v["ita.history.lowest.total"], "75.41");
  EXPECT_EQ(v.count("ita.history.2560.total"), 0u);
  // A level the data gives is the one printed.
  d.history[1].level = ita::Sourced<std::string>{"B", {}};
  EXPECT_EQ(ita_values(d, ita::analyse(d))["ita.history.2562.level"], "B");
}
