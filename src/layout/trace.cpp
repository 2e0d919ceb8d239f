#include "layout/trace.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "base/atomic_file.h"

namespace thaidoc {

namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  if (s == "-0.00") s = "0.00";
  return s;
}

std::string color(const Color& c) { return num(c.r) + "," + num(c.g) + "," + num(c.b); }

std::string source_of(const LaidOutDocument& doc, int32_t source) {
  if (source < 0 || static_cast<size_t>(source) >= doc.sources.size()) return "-";
  const SourceLocation& w = doc.sources[source].where;
  return std::to_string(w.line) + ":" + std::to_string(w.column);
}

}  // namespace

void write_trace(const LaidOutDocument& doc, std::ostream& out) {
  out << "document \"" << doc.info.title << "\" pages " << doc.pages.size() << "\n";
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    const Page& page = doc.pages[p];
    out << "page " << p + 1 << " " << num(page.width) << "x" << num(page.height) << " area " << num(page.area.x0)
        << "," << num(page.area.y0) << "-" << num(page.area.x1) << "," << num(page.area.y1) << "\n";
    for (size_t i = 0; i < page.items.size(); ++i) {
      const FrameItem& item = page.items[i];
      const char* zone = i < page.flow_items ? "  " : "  ^";  // ^ = page furniture (numbers)
      if (const auto* r = std::get_if<GlyphRun>(&item)) {
        std::string text;
        for (const GlyphCluster& c : r->clusters) text += c.text;
        std::string font = r->font ? std::filesystem::path(r->font->path()).stem().string() : "?";
        out << zone << "text " << num(r->x) << " " << num(r->y) << " w" << num(r->width) << " " << font << " "
            << num(r->size) << " @" << source_of(doc, r->source) << (r->repeated ? " repeated" : "") << " \"" << text
            << "\"\n";
      } else if (const auto* l = std::get_if<LineItem>(&item)) {
        out << zone << "rule " << num(l->x1) << " " << num(l->y1) << " " << num(l->x2) << " " << num(l->y2) << " w"
            << num(l->width) << (l->dash.empty() ? "" : " dashed") << "\n";
      } else if (const auto* r = std::get_if<RectItem>(&item)) {
        out << zone << "rect " << num(r->x) << " " << num(r->y) << " " << num(r->w) << "x" << num(r->h);
        if (r->fill) out << " fill " << color(r->fill_color);
        if (r->stroke) out << " stroke " << num(r->line_width);
        out << "\n";
      } else if (const auto* im = std::get_if<ImageItem>(&item)) {
        out << zone << "image " << num(im->x) << " " << num(im->y) << " " << num(im->w) << "x" << num(im->h) << " "
            << std::filesystem::path(im->path).filename().string() << "\n";
      } else if (const auto* k = std::get_if<LinkItem>(&item)) {
        out << zone << "link " << num(k->x) << " " << num(k->y) << " " << num(k->w) << "x" << num(k->h) << " " << k->uri
            << "\n";
      } else if (const auto* b = std::get_if<BoundsItem>(&item)) {
        out << zone << "cell " << num(b->x) << " " << num(b->y) << " " << num(b->w) << "x" << num(b->h) << " items "
            << b->count << "\n";
      }
    }
  }
  for (const OutlineEntry& e : doc.outline)
    out << "outline " << e.level << " page " << e.page + 1 << " " << num(e.y) << " \"" << e.title << "\"\n";
}

}  // namespace thaidoc

namespace thaidoc {

void write_trace_file(const LaidOutDocument& doc, const std::string& path) {
  write_atomically(path, [&](const std::string& temp) {
    std::ofstream f(temp, std::ios::binary);
    write_trace(doc, f);
    if (!f.flush()) throw Error({path}, "cannot write the trace");
  });
}

}  // namespace thaidoc
