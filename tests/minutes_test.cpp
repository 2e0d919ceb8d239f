// kind: minutes (รายงานการประชุม): the parts in the regulation's order, where they sit,
// the weekday date, the numbered attendance tables, and bad input at file:line:col.
#include <gtest/gtest.h>

#include <cmath>

#include "input/document_reader.h"
#include "layout/verify.h"
#include "report/report_layout.h"
#include "test_support.h"

using namespace thaidoc;

namespace {

ReadOptions options() {
  ReadOptions o;
  o.template_dirs = {test::source_dir() + "/templates"};
  return o;
}

Resources& resources() {
  static Resources res{FontManager({test::source_dir() + "/fonts"}), ShapeCache(), ParagraphCache()};
  return res;
}

const char* const kMinutes = R"Y(kind: minutes
minutes:
  title: รายงานการประชุมคณะทำงานทดสอบ
  session: ๒/๒๕๖๘
  date: 2025-04-24
  place: ห้องประชุมสำนักปลัด
  present:
    - {name: นายหนึ่ง ทดสอบ, position: ประธาน}
    - {name: นางสองวรรณ ทดสอบ, position: กรรมการ}
  absent:
    - {name: นายสาม ทดสอบ, position: กรรมการ, reason: ลาป่วย}
  attending:
    - {name: นางสาวสี่ ทดสอบ, position: ผู้สังเกตการณ์}
  opened: "9.30"
  agenda:
    - title: เรื่องแจ้งเพื่อทราบ
      body: ประธานแจ้งให้ที่ประชุมทราบ
      resolution: ที่ประชุมรับทราบ
    - title: เรื่องเพื่อพิจารณา
      body: เลขานุการเสนอเรื่อง
      resolution: ที่ประชุมเห็นชอบ
  closed: "11.45"
  recorder: {name: นางสาวผู้จด บันทึก, position: นักวิเคราะห์นโยบายและแผน}
  checker: {name: นายผู้ตรวจ ตรวจทาน, position: หัวหน้าสำนักปลัด}
)Y";

LaidOutDocument layout_text(const std::string& yaml) {
  std::string dir = test::temp_dir("minutes");
  Document doc = read_document_string(yaml, dir + "/minutes.yaml", options());
  EXPECT_EQ(doc.kind, "minutes");
  LaidOutDocument out = layout_any(doc, resources());
  for (const LayoutViolation& v : verify_layout(out)) ADD_FAILURE() << describe(v, "minutes");
  return out;
}

// The first run whose text starts with `prefix`.
const test::RunInfo* find(const std::vector<test::RunInfo>& runs, const std::string& prefix) {
  for (const auto& r : runs)
    if (r.text.rfind(prefix, 0) == 0) return &r;
  return nullptr;
}

bool before(const test::RunInfo& a, const test::RunInfo& b) {
  return a.page < b.page || (a.page == b.page && a.y < b.y - 0.1);
}

std::string error_of(const std::string& yaml) {
  std::string dir = test::temp_dir("minutes-bad");
  try {
    read_document_string(yaml, dir + "/m.yaml", options());
  } catch (const Error& e) {
    std::string what = e.what();
    EXPECT_EQ(e.exit_code(), 2);
    return what.substr(what.find("m.yaml"));
  }
  return "";
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

}  // namespace

TEST(Minutes, PartsComeInTheRegulationsOrder) {
  LaidOutDocument doc = layout_text(kMinutes);
  std::vector<test::RunInfo> runs = test::runs_of(doc);
  const std::vector<std::string> order = {
      "รายงานการประชุมคณะทำงานทดสอบ", "ครั้งที่ ๒/๒๕๖๘", "เมื่อวันพฤหัสบดีที่ ๒๔ เมษายน ๒๕๖๘", "ณ ห้องประชุมสำนักปลัด",
      "ผู้มาประชุม", "นายหนึ่ง ทดสอบ", "นางสองวรรณ ทดสอบ", "ผู้ไม่มาประชุม", "นายสาม ทดสอบ", "ผู้เข้าร่วมประชุม",
      "นางสาวสี่ ทดสอบ", "เริ่มประชุมเวลา", "ระเบียบวาระที่ ๑ เรื่องแจ้งเพื่อทราบ", "ประธานแจ้ง", "มติที่ประชุม",
      "ระเบียบวาระที่ ๒ เรื่องเพื่อพิจารณา", "เลขานุการเสนอเรื่อง", "เลิกประชุมเวลา", "(นางสาวผู้จด บันทึก)",
      "ผู้จดรายงานการประชุม", "(นายผู้ตรวจ ตรวจทาน)", "ผู้ตรวจรายงานการประชุม"};
  const test::RunInfo* previous = nullptr;
  for (const std::string& text : order) {
    const test::RunInfo* r = find(runs, text);
    ASSERT_NE(r, nullptr) << "not printed: " << text;
    if (previous) EXPECT_TRUE(before(*previous, *r)) << previous->text << " is not above " << text;
    previous = r;
  }
}

TEST(Minutes, PositionsFollowTheTemplate) {
  LaidOutDocument doc = layout_text(kMinutes);
  std::vector<test::RunInfo> runs = test::runs_of(doc);
  const Page& page = doc.pages[0];
  const double left = page.area.x0, width = page.area.x1 - page.area.x0;
  // The title block is centred on the text width, bold at 18 pt.
  for (const char* t : {"รายงานการประชุมคณะทำงานทดสอบ", "ครั้งที่ ๒/๒๕๖๘", "ณ ห้องประชุมสำนักปลัด"}) {
    const test::RunInfo* r = find(runs, t);
    ASSERT_NE(r, nullptr) << t;
    EXPECT_NEAR(r->center(), left + width / 2, 0.6) << t;
    EXPECT_DOUBLE_EQ(r->size, 18);
  }
  // Section labels and times start at the left margin.
  for (const char* t : {"ผู้มาประชุม", "เริ่มประชุมเวลา", "ระเบียบวาระที่ ๑", "เลิกประชุมเวลา"}) {
    const test::RunInfo* r = find(runs, t);
    ASSERT_NE(r, nullptr) << t;
    EXPECT_NEAR(r->x, left, 0.01) << t;
  }
  // The numbers sit centred in the 1 cm ที่ column; the names start in the next column.
  const double cm = 72.0 / 2.54;
  const test::RunInfo* one = find(runs, "๑");
  ASSERT_NE(one, nullptr);
  EXPECT_NEAR(one->center(), left + 0.5 * cm, 0.6);
  const test::RunInfo* name = find(runs, "นายหนึ่ง ทดสอบ");
  ASSERT_NE(name, nullptr);
  EXPECT_GT(name->x, left + 1 * cm);
  EXPECT_LT(name->x, left + 1.5 * cm);
  EXPECT_DOUBLE_EQ(name->size, 14);
  // The signature blocks centre on 0.62 of the text width.
  const test::RunInfo* recorder = find(runs, "(นางสาวผู้จด บันทึก)");
  ASSERT_NE(recorder, nullptr);
  EXPECT_NEAR(recorder->center(), left + 0.62 * width, 0.6);
  // The times: "9.30" is printed as ๐๙.๓๐ น.
  const test::RunInfo* opened = find(runs, "เริ่มประชุมเวลา");
  ASSERT_NE(opened, nullptr);
  bool found = false;
  for (const auto& r : runs)
    if (r.page == opened->page && std::abs(r.y - opened->y) < 0.1 && r.text.find("๐๙.๓๐ น.") != std::string::npos)
      found = true;
  EXPECT_TRUE(found);
}

TEST(Minutes, TheDateNamesItsWeekday) {
  // Hand-checked: 24 April 2025 was a Thursday, 16 November 2022 a Wednesday, 1 January 2000 a Saturday.
  for (const auto& [iso, printed] : {std::pair<std::string, std::string>{"2022-11-16", "เมื่อวันพุธที่ ๑๖ พฤศจิกายน ๒๕๖๕"},
                                     {"2000-01-01", "เมื่อวันเสาร์ที่ ๑ มกราคม ๒๕๔๓"}}) {
    std::vector<test::RunInfo> runs = test::runs_of(layout_text(replaced(kMinutes, "2025-04-24", iso)));
    EXPECT_NE(find(runs, printed), nullptr) << printed;
  }
}

TEST(Minutes, TheTemplateSectionChangesLabels) {
  std::string yaml = replaced(kMinutes, "kind: minutes\n",
                              "kind: minutes\nstyle:\n  minutes: {present_label: รายชื่อผู้มาประชุม, weekday: false}\n");
  std::vector<test::RunInfo> runs = test::runs_of(layout_text(yaml));
  EXPECT_NE(find(runs, "รายชื่อผู้มาประชุม"), nullptr);
  EXPECT_NE(find(runs, "เมื่อ๒๔ เมษายน ๒๕๖๘"), nullptr);
}

TEST(Minutes, BadInputNamesFileLineAndColumn) {
  EXPECT_EQ(error_of(replaced(kMinutes, "opened: \"9.30\"", "opened: \"25.00\"")),
            "m.yaml:14:11: minutes.opened: '25.00' is not a time (expected HH.MM, e.g. 09.30)");
  EXPECT_EQ(error_of(replaced(kMinutes, "reason: ลาป่วย", "cause: ลาป่วย")),
            "m.yaml:11:47: minutes.absent[1].cause: unknown key (expected one of: name, position, reason)");
  EXPECT_EQ(error_of(replaced(kMinutes, "    - {name: นายหนึ่ง ทดสอบ, position: ประธาน}",
                              "    - {name: นายหนึ่ง ทดสอบ, position: ประธาน, reason: x}")),
            "m.yaml:8:48: minutes.present[1].reason: unknown key (expected one of: name, position)");
  EXPECT_EQ(error_of(replaced(kMinutes, "  recorder: {name: นางสาวผู้จด บันทึก, position: นักวิเคราะห์นโยบายและแผน}\n", "")),
            "m.yaml:3:3: minutes.recorder: required field is missing");
  EXPECT_EQ(error_of(replaced(kMinutes, "date: 2025-04-24", "date: 2568-04-24")),
            "m.yaml:5:9: minutes.date: 2568-04-24 looks like a Buddhist-era year: write 2025-04-24 or 2568-04-24 BE");
  EXPECT_EQ(error_of("kind: minutes\nblocks: [x]\nminutes: {}\n"),
            "m.yaml:2:1: blocks: not used in a minutes (the minutes's text goes in minutes.body)");
  EXPECT_EQ(error_of("kind: memo\nminutes: {}\n"), "m.yaml:2:1: minutes: only used with 'kind: minutes'");
  std::string no_agenda = kMinutes;
  size_t from = no_agenda.find("  agenda:\n"), to = no_agenda.find("  closed:");
  no_agenda.replace(from, to - from, "  agenda: []\n");
  EXPECT_EQ(error_of(no_agenda), "m.yaml:15:11: minutes.agenda: expected at least one agenda item (ระเบียบวาระที่ ๑)");
  EXPECT_EQ(error_of(std::string(kMinutes) + "style: {minutes: {agenda_labl: x}}\n"),
            "m.yaml:25:19: style.minutes.agenda_labl: unknown key (did you mean 'agenda_label'?)");
}
