// kind: report — the ITA analysis report: cover, คำนำ, สารบัญ generated from the
// headings with their pages, body. Model: model/report.h; layout: report/report_layout.cpp
// (two passes: the contents' page numbers); settings: the template's `report:` section.
#include "layout/kinds/kind.h"

#include "report/report_layout.h"

namespace thaidoc {

namespace {

void read(const YamlNode& node, ContentReader& reader, Document& doc) {
  node.expect_map();
  node.check_keys({"cover", "preface", "contents", "body"});
  Report r;
  if (auto c = node.get("cover")) {
    c->check_keys({"title", "by", "organisation", "logo"});
    ReportCover cover;
    cover.title = c->required("title").as_string_list();
    if (auto n = c->get("by")) cover.by = n->as_string();
    if (auto n = c->get("organisation")) cover.organisation = n->as_string_list();
    if (auto n = c->get("logo")) cover.logo = reader.image(*n);
    r.cover = std::move(cover);
  }
  if (auto p = node.get("preface")) {
    p->check_keys({"heading", "body", "closing"});
    ReportPreface preface;
    if (auto n = p->get("heading")) preface.heading = n->as_nonempty_string();
    preface.body = reader.blocks(p->required("body"));
    if (auto n = p->get("closing")) preface.closing = n->as_string_list();
    r.preface = std::move(preface);
  }
  if (auto n = node.get("contents")) r.contents = n->as_bool();
  r.body = reader.blocks(node.required("body"));
  if (r.cover)
    for (const auto& line : r.cover->organisation) add_name_entries(doc.style.line_breaking.dictionary, line, false);
  doc.report = std::move(r);
}

}  // namespace

extern const Kind kReportKind{"report", "report", "report", "รายงาน (ITA analysis report)", read, nullptr, nullptr,
                       layout_report};

}  // namespace thaidoc
