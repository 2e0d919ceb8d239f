// The document kinds of issue 13 (letter, stamped, order, announcement) and the speed
// and secrecy stamps: each kind's parts in order with their positions (from the
// templates' numbers, computed by hand), and the stamps' colour and place.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "input/document_reader.h"
#include "layout/document_layout.h"
#include "layout/verify.h"
#include "test_support.h"

using namespace thaidoc;

namespace {

using test::RunInfo;
using test::runs_of;

constexpr double cm = 72.0 / 2.54;
constexpr double kLeft = 3 * cm;           // the templates' left margin
constexpr double kPageWidth = 595.276;     // A4
constexpr double kPageHeight = 841.89;

ReadOptions options() {
  ReadOptions o;
  o.template_dirs = {test::source_dir() + "/templates"};
  return o;
}

Resources& resources() {
  static Resources res{FontManager({test::source_dir() + "/fonts"}), ShapeCache()};
  return res;
}

LaidOutDocument checked(LaidOutDocument doc) {
  for (const LayoutViolation& v : verify_layout(doc)) ADD_FAILURE() << describe(v, "test document");
  return doc;
}

LaidOutDocument layout_example(const std::string& relative) {
  return checked(layout_document(read_document(test::source_dir() + "/" + relative, options()), resources()));
}

LaidOutDocument layout_yaml(const std::string& yaml) {
  std::string dir = test::temp_dir("kinds");
  return checked(layout_document(read_document_string(yaml, dir + "/doc.yaml", options()), resources()));
}

const RunInfo& find(const std::vector<RunInfo>& runs, const std::string& prefix, int page = -1) {
  for (const auto& r : runs)
    if (r.text.rfind(prefix, 0) == 0 && (page < 0 || r.page == page)) return r;
  static RunInfo none;
  ADD_FAILURE() << "no run starting with '" << prefix << "'";
  return none;
}

bool has(const std::vector<RunInfo>& runs, const std::string& prefix) {
  for (const auto& r : runs)
    if (r.text.rfind(prefix, 0) == 0) return true;
  return false;
}

// Pages and baselines strictly increasing along `parts`.
void expect_in_order(const std::vector<RunInfo>& runs, const std::vector<std::string>& parts) {
  const RunInfo* prev = nullptr;
  for (const std::string& p : parts) {
    const RunInfo& r = find(runs, p);
    if (prev) {
      EXPECT_TRUE(r.page > prev->page || (r.page == prev->page && r.y > prev->y + 1))
          << "'" << p << "' (page " << r.page << ", y " << r.y << ") is not after '" << prev->text << "' (page "
          << prev->page << ", y " << prev->y << ")";
    }
    prev = &r;
  }
}

std::vector<const GlyphRun*> glyph_runs(const Page& page, const std::string& text) {
  std::vector<const GlyphRun*> out;
  for (const FrameItem& item : page.items) {
    if (const auto* g = std::get_if<GlyphRun>(&item)) {
      std::string t;
      for (const auto& c : g->clusters) t += c.text;
      if (t == text) out.push_back(g);
    }
  }
  return out;
}

const ImageItem* first_image(const Page& page) {
  for (const FrameItem& item : page.items)
    if (const auto* i = std::get_if<ImageItem>(&item)) return i;
  return nullptr;
}

TEST(Letter, PartsInOrderAndInPlace) {
  LaidOutDocument doc = layout_example("data/letter/huaisai-health-speaker.yaml");
  ASSERT_EQ(doc.pages.size(), 2u);
  auto runs = runs_of(doc);
  // The Garuda: 3 cm high, centred on the paper, 1.5 cm from the top of page 1.
  const ImageItem* garuda = first_image(doc.pages[0]);
  ASSERT_NE(garuda, nullptr);
  EXPECT_NEAR(garuda->h, 3 * cm, 0.01);
  EXPECT_NEAR(garuda->x + garuda->w / 2, kPageWidth / 2, 0.01);
  EXPECT_NEAR(garuda->y, 1.5 * cm, 0.01);
  // ที่ at the left margin; the office's address and the date from the centre of the paper.
  EXPECT_NEAR(find(runs, "ที่", 0).x, kLeft, 0.01);
  EXPECT_NEAR(find(runs, "องค์การบริหารส่วนตำบลห้วยทราย", 0).x, kLeft + 7.5 * cm, 0.01);
  EXPECT_NEAR(find(runs, "ที่", 0).y, find(runs, "องค์การบริหารส่วนตำบลห้วยทราย", 0).y, 0.01);
  EXPECT_NEAR(find(runs, "๙ มิถุนายน ๒๕๖๘").x, kLeft + 7.5 * cm, 0.01);
  EXPECT_GT(find(runs, "ที่", 0).y, garuda->y + garuda->h);
  expect_in_order(runs, {"ที่", "ถนนสกลนคร-นาแก", "๔๗๐๐๐", "๙ มิถุนายน ๒๕๖๘", "เรื่อง", "เรียน", "อ้างถึง",
                         "สิ่งที่ส่งมาด้วย", "๒. แบบตอบรับ", "ตามหนังสือที่อ้างถึง", "ขอแสดงความนับถือ",
                         "(นายประเสริฐ วงศ์คำจันทร์)", "นายกองค์การบริหารส่วนตำบลห้วยทราย", "กองสาธารณสุขและสิ่งแวดล้อม",
                         "โทร.", "โทรสาร", "ไปรษณีย์อิเล็กทรอนิกส์"});
  EXPECT_NEAR(find(runs, "ขอแสดงความนับถือ").x, kLeft + 7.5 * cm, 0.01);
  EXPECT_NEAR(find(runs, "กองสาธารณสุขและสิ่งแวดล้อม").x, kLeft, 0.01);
  EXPECT_NEAR(find(runs, "(นายประเสริฐ").center(), kLeft + 0.62 * 16 * cm, 0.01);
  // Continuation pages are numbered; the first is not.
  EXPECT_TRUE(has(runs_of(doc), "- ๒ -"));
  EXPECT_EQ(find(runs, "- ๒ -").page, 1);
}

TEST(Stamps, SpeedIsRedAtTheTopLeftOfPageOneOnly) {
  LaidOutDocument doc = layout_example("data/letter/huaisai-health-speaker.yaml");
  auto speed = glyph_runs(doc.pages[0], "ด่วน");
  ASSERT_EQ(speed.size(), 1u);
  EXPECT_EQ(speed[0]->color.r, 1);
  EXPECT_EQ(speed[0]->color.g, 0);
  EXPECT_EQ(speed[0]->color.b, 0);
  EXPECT_EQ(speed[0]->size, 32);
  EXPECT_NEAR(speed[0]->x, kLeft, 0.01);
  EXPECT_NEAR(speed[0]->y, 2.6 * cm, 0.01);  // letter.yaml: stamps.speed_baseline
  EXPECT_TRUE(glyph_runs(doc.pages[1], "ด่วน").empty());
}

std::string memo_with(const std::string& keys) {
  std::string memo = test::kMinimalMemo;
  size_t at = memo.find("memo:\n");
  memo.insert(at + 6, keys);
  return memo;
}

TEST(Stamps, SecrecyIsRedAndCentredAtTheTopAndFootOfEveryPage) {
  std::string yaml = memo_with("  speed: ด่วนที่สุด\n  secrecy: ลับมาก\n");
  yaml += "  comments:\n";
  for (int i = 0; i < 6; ++i) yaml += "    - {heading: ความคิดเห็น, lines: 3, signer: {name: นายก ข}}\n";
  LaidOutDocument doc = layout_yaml(yaml);
  ASSERT_GE(doc.pages.size(), 2u);
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    auto secrecy = glyph_runs(doc.pages[p], "ลับมาก");
    ASSERT_EQ(secrecy.size(), 2u) << "page " << p + 1;
    for (const GlyphRun* g : secrecy) {
      EXPECT_EQ(g->color.r, 1);
      EXPECT_EQ(g->color.g, 0);
      EXPECT_EQ(g->size, 20);
      EXPECT_NEAR(g->x + g->width / 2, kPageWidth / 2, 0.01);
    }
    EXPECT_NEAR(secrecy[0]->y, 0.9 * cm, 0.01);
    EXPECT_NEAR(secrecy[1]->y, kPageHeight - 0.9 * cm, 0.01);
  }
  // The memo's speed stamp: above the Garuda at the left margin (memo.yaml).
  auto speed = glyph_runs(doc.pages[0], "ด่วนที่สุด");
  ASSERT_EQ(speed.size(), 1u);
  EXPECT_NEAR(speed[0]->x, kLeft, 0.01);
  EXPECT_NEAR(speed[0]->y, 1.2 * cm, 0.01);
  EXPECT_EQ(speed[0]->color.r, 1);
}

TEST(Stamps, OnlyTheRegulationsClasses) {
  std::string dir = test::temp_dir("kinds-bad");
  try {
    read_document_string(memo_with("  speed: ด่วนๆ\n"), dir + "/memo.yaml", options());
    FAIL() << "accepted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("memo.speed: unknown value 'ด่วนๆ' (expected ด่วนที่สุด, ด่วนมาก or ด่วน"),
              std::string::npos)
        << e.what();
  }
}

TEST(Order, PartsInOrderAndInPlace) {
  LaidOutDocument doc = layout_example("data/order/huaisai-appoint-disaster-committee.yaml");
  auto runs = runs_of(doc);
  const double centre = kLeft + 8 * cm;  // of the text width
  EXPECT_NEAR(find(runs, "คำสั่งองค์การบริหารส่วนตำบลห้วยทราย").center(), centre, 0.01);
  EXPECT_NEAR(find(runs, "ที่ ๒๑๘/๒๕๖๘").center(), centre, 0.01);
  expect_in_order(runs, {"คำสั่งองค์การบริหารส่วนตำบลห้วยทราย", "ที่ ๒๑๘/๒๕๖๘", "เรื่อง แต่งตั้ง", "เพื่อให้การป้องกัน",
                         "๑.", "๒.", "๓.", "๔.", "๕.", "ให้คณะกรรมการมีหน้าที่",
                         "ทั้งนี้ ตั้งแต่วันที่ ๑๖ มิถุนายน พ.ศ. ๒๕๖๘ เป็นต้นไป", "สั่ง ณ วันที่ ๑๖ มิถุนายน พ.ศ. ๒๕๖๘",
                         "(นายประเสริฐ วงศ์คำจันทร์)"});
  EXPECT_NEAR(find(runs, "สั่ง ณ วันที่").x, kLeft + 7.5 * cm, 0.01);
  EXPECT_NEAR(find(runs, "ทั้งนี้ ตั้งแต่วันที่").x, kLeft + 2.5 * cm, 0.01);
}

TEST(Announcement, PartsInOrderWithoutANumberAndItsOwnTitle) {
  LaidOutDocument doc = layout_example("data/announcement/huaisai-water-fees.yaml");
  auto runs = runs_of(doc);
  expect_in_order(runs, {"ประกาศองค์การบริหารส่วนตำบลห้วยทราย", "เรื่อง กำหนดวันและสถานที่ชำระค่าน้ำประปาหมู่บ้าน",
                         "ด้วยองค์การบริหารส่วนตำบลห้วยทราย", "๑.", "๓.", "จึงประกาศให้ทราบโดยทั่วกัน",
                         "ทั้งนี้ ตั้งแต่วันที่ ๑ กรกฎาคม พ.ศ. ๒๕๖๘ เป็นต้นไป", "ประกาศ ณ วันที่ ๒๐ มิถุนายน พ.ศ. ๒๕๖๘",
                         "(นายประเสริฐ วงศ์คำจันทร์)"});
  EXPECT_FALSE(has(runs, "ที่ "));
  // The date line is too long for the room from the centre: it ends at the right margin.
  const RunInfo& date = find(runs, "ประกาศ ณ วันที่");
  EXPECT_LE(date.x + date.width, kLeft + 16 * cm + 0.01);
  EXPECT_LE(date.x, kLeft + 7.5 * cm + 0.01);

  LaidOutDocument statement = layout_yaml(
      "kind: announcement\nannouncement:\n  title: แถลงการณ์\n  issuer: องค์การบริหารส่วนตำบลห้วยทราย\n"
      "  subject: เหตุอุทกภัย\n  body: [ข้อความ]\n  date: 2025-09-01\n  signer: {name: นายก ข}\n");
  auto s = runs_of(statement);
  EXPECT_TRUE(has(s, "แถลงการณ์องค์การบริหารส่วนตำบลห้วยทราย"));
  EXPECT_TRUE(has(s, "ประกาศ ณ วันที่ ๑ กันยายน พ.ศ. ๒๕๖๘"));
}

TEST(Stamped, StampAndInitialsInPlaceOfASignature) {
  LaidOutDocument doc = layout_example("data/stamped/huaisai-tax-reminder.yaml");
  ASSERT_EQ(doc.pages.size(), 1u);
  auto runs = runs_of(doc);
  expect_in_order(runs, {"ที่", "ถึง", "ด้วยองค์การบริหารส่วนตำบลห้วยทราย", "จึงขอให้ท่าน", "องค์การบริหารส่วนตำบลห้วยทราย",
                         "ส.ว.", "๒ มิถุนายน ๒๕๖๘", "กองคลัง งานพัฒนาและจัดเก็บรายได้", "โทร.", "ไปรษณีย์อิเล็กทรอนิกส์"});
  const double centre = kLeft + 0.62 * 16 * cm;
  const RunInfo& office = find(runs, "องค์การบริหารส่วนตำบลห้วยทราย", 0);
  // (the second run of that text: the one above the stamp)
  const RunInfo* above = nullptr;
  for (const auto& r : runs)
    if (r.text == "องค์การบริหารส่วนตำบลห้วยทราย") above = &r;
  ASSERT_NE(above, nullptr);
  EXPECT_NEAR(above->center(), centre, 0.01);
  (void)office;
  // The stamp's two circles: 4.5 and 3.5 cm across, centred on stamp_center.
  double min_x = 1e9, max_x = -1e9;
  int segments = 0;
  for (const FrameItem& item : doc.pages[0].items) {
    if (const auto* l = std::get_if<LineItem>(&item); l && l->dash.empty()) {
      ++segments;
      min_x = std::min({min_x, l->x1, l->x2});
      max_x = std::max({max_x, l->x1, l->x2});
    }
  }
  EXPECT_EQ(segments, 144);
  EXPECT_NEAR(max_x - min_x, 4.5 * cm, 0.01);
  EXPECT_NEAR((max_x + min_x) / 2, centre, 0.01);
  EXPECT_NEAR(find(runs, "ส.ว.").x, centre + 2.25 * cm + 0.3 * cm, 0.01);
  EXPECT_FALSE(has(runs, "("));  // no signature
}

}  // namespace

// Every kind renders from a batch template too: each kind's example, used as the template of
// a two-record batch, gives two PDFs (strict: no layout violation).
TEST(EveryKind, RendersFromABatchTemplate) {
  std::string dir = test::temp_dir("kinds_batch");
  test::write_file(dir + "/records.csv", "name\nหนึ่ง\nสอง\n");
  int kinds = 0;
  for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() + "/data")) {
    std::string kind = entry.path().filename().string();
    if (!entry.is_directory() || kind == "batch" || kind == "ita" || kind == "text") continue;
    for (const auto& file : std::filesystem::directory_iterator(entry.path())) {
      if (file.path().extension() != ".yaml") continue;
      std::string out = dir + "/" + kind + "-" + file.path().stem().string() + "-{name}.pdf";
      auto r = test::run(test::quote(test::thaidoc_binary()) + " batch " + test::quote(file.path().string()) +
                         " --data " + test::quote(dir + "/records.csv") + " -o " + test::quote(out) +
                         " -q --strict -j1 --warnings none 2>&1");
      EXPECT_EQ(r.exit_code, 0) << file.path() << "\n" << r.out;
      EXPECT_NE(r.out.find("2 done, 0 skipped, 0 failed"), std::string::npos) << file.path() << "\n" << r.out;
      ++kinds;
      break;  // one example a kind
    }
  }
  EXPECT_GE(kinds, 9);  // memo, report, tables, letter, stamped, order, announcement, certificate, minutes
  std::filesystem::remove_all(dir);
}
