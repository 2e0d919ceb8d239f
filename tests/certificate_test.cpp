// kind: certificate (หนังสือรับรอง): its parts in order and in place, from
// templates/certificate.yaml's numbers, and the person's photograph frame.
#include <gtest/gtest.h>

#include <algorithm>

#include "input/document_reader.h"
#include "layout/document_layout.h"
#include "layout/verify.h"
#include "test_support.h"

using namespace thaidoc;

namespace {

constexpr double cm = 72.0 / 2.54;
constexpr double kLeft = 3 * cm;

LaidOutDocument layout_certificate(const std::string& path) {
  ReadOptions o;
  o.template_dirs = {test::source_dir() + "/templates"};
  static Resources res{FontManager({test::source_dir() + "/fonts"}), ShapeCache()};
  LaidOutDocument doc = layout_document(read_document(path, o), res);
  for (const LayoutViolation& v : verify_layout(doc)) ADD_FAILURE() << describe(v, path);
  return doc;
}

const test::RunInfo& find(const std::vector<test::RunInfo>& runs, const std::string& prefix) {
  for (const auto& r : runs)
    if (r.text.rfind(prefix, 0) == 0) return r;
  static test::RunInfo none;
  ADD_FAILURE() << "no run starting with '" << prefix << "'";
  return none;
}

TEST(Certificate, PartsInOrderAndInPlace) {
  LaidOutDocument doc = layout_certificate(test::source_dir() + "/data/certificate/huaisai-employment.yaml");
  ASSERT_EQ(doc.pages.size(), 1u);
  auto runs = test::runs_of(doc);
  std::vector<std::string> order = {"องค์การบริหารส่วนตำบลห้วยทราย",
                                    "ถนนสกลนคร-นาแก",
                                    "หนังสือรับรอง",
                                    "หนังสือฉบับนี้ให้ไว้เพื่อรับรองว่า",
                                    "หนังสือรับรองฉบับนี้ออกให้",
                                    "ให้ไว้ ณ วันที่ ๑๐ มิถุนายน พ.ศ. ๒๕๖๘",
                                    "(นายประเสริฐ วงศ์คำจันทร์)",
                                    "(นางสาวกัลยา ศรีสุวรรณ)"};
  for (size_t i = 1; i < order.size(); ++i) {
    const auto& a = find(runs, order[i - 1]);
    const auto& b = find(runs, order[i]);
    EXPECT_GT(b.y, a.y + 1) << order[i] << " is not below " << order[i - 1];
  }
  EXPECT_NEAR(find(runs, "ที่").x, kLeft, 0.01);
  EXPECT_NEAR(find(runs, "ที่").y, find(runs, "องค์การบริหารส่วนตำบลห้วยทราย").y, 0.01);  // one line
  EXPECT_NEAR(find(runs, "องค์การบริหารส่วนตำบลห้วยทราย").x, kLeft + 7.5 * cm, 0.01);
  const auto& title = find(runs, "หนังสือรับรอง");
  EXPECT_EQ(title.size, 20);
  EXPECT_NEAR(title.center(), kLeft + 8 * cm, 0.01);
  // From the centre of the paper, or, too long for that, ending at the right margin.
  const auto& date = find(runs, "ให้ไว้ ณ วันที่");
  EXPECT_NEAR(date.x, std::min(kLeft + 7.5 * cm, kLeft + 16 * cm - date.width), 0.01);
  EXPECT_NEAR(find(runs, "(นายประเสริฐ").center(), kLeft + 0.62 * 16 * cm, 0.01);
  EXPECT_NEAR(find(runs, "(นางสาวกัลยา").x, kLeft, 0.01);
  // The photograph's frame: 4 x 6 cm at the left margin, beside the signature, above the name.
  const RectItem* frame = nullptr;
  for (const FrameItem& item : doc.pages[0].items)
    if (const auto* r = std::get_if<RectItem>(&item)) frame = r;
  ASSERT_NE(frame, nullptr);
  EXPECT_NEAR(frame->x, kLeft, 0.01);
  EXPECT_NEAR(frame->w, 4 * cm, 0.01);
  EXPECT_NEAR(frame->h, 6 * cm, 0.01);
  EXPECT_LT(frame->y, find(runs, "(นายประเสริฐ").y);
  EXPECT_GT(find(runs, "(นางสาวกัลยา").y, frame->y + frame->h);
}

}  // namespace
