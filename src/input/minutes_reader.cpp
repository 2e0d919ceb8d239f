#include "input/minutes_reader.h"

#include <cstdio>

#include "base/digits.h"
#include "input/template_reader.h"
#include "input/yaml_reader.h"

namespace thaidoc {

namespace {

// "09.30", "9.30", "09:30" or "๐๙.๓๐": a clock time as the minutes print it (HH.MM).
std::string read_time(const YamlNode& node) {
  std::string s = node.as_nonempty_string();
  std::string ascii = convert_digits(s, DigitStyle::Arabic);
  int h = -1, m = -1;
  char sep = 0;
  int used = 0;
  if (std::sscanf(ascii.c_str(), "%d%c%d%n", &h, &sep, &m, &used) != 3 || used != static_cast<int>(ascii.size()) ||
      (sep != '.' && sep != ':') || h < 0 || h > 23 || m < 0 || m > 59 || ascii.size() - ascii.find(sep) != 3) {
    node.fail("'" + s + "' is not a time (expected HH.MM, e.g. 09.30)");
  }
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d.%02d", h, m);
  return buf;
}

std::vector<Attendee> attendees(const YamlNode& node, bool with_reason) {
  std::vector<Attendee> out;
  for (const YamlNode& item : node.items()) {
    Attendee a;
    a.where = item.where();
    if (item.is_scalar()) {
      a.name = item.as_nonempty_string();
    } else {
      item.expect_map();
      if (with_reason) item.check_keys({"name", "position", "reason"});
      else item.check_keys({"name", "position"});
      a.name = item.required("name").as_nonempty_string();
      if (auto n = item.get("position")) a.position = n->as_string();
      if (with_reason) {
        if (auto n = item.get("reason")) a.reason = n->as_string();
      }
    }
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace

Minutes read_minutes(const YamlNode& node, const MinutesReaders& r) {
  node.expect_map();
  node.check_keys({"title", "session", "date", "place", "present", "absent", "attending", "opened", "opening",
                   "agenda", "closed", "recorder", "checker"});
  Minutes m;
  YamlNode title = node.required("title");
  m.title = title.as_string_list();
  m.title_at = title.where();
  if (auto n = node.get("session")) {
    m.session = n->as_string();
    m.session_at = n->where();
  }
  YamlNode date = node.required("date");
  m.date_at = date.where();
  if (!date.is_scalar()) date.fail("expected a date (YYYY-MM-DD)");
  std::string error;
  if (!parse_date(date.as_string(), m.date, error)) date.fail(error);
  YamlNode place = node.required("place");
  m.place = place.as_nonempty_string();
  m.place_at = place.where();
  m.present = attendees(node.required("present"), false);
  if (auto n = node.get("absent")) m.absent = attendees(*n, true);
  if (auto n = node.get("attending")) m.attending = attendees(*n, false);
  YamlNode opened = node.required("opened");
  m.opened = read_time(opened);
  m.opened_at = opened.where();
  if (auto n = node.get("opening")) m.opening = r.blocks(*n);
  YamlNode agenda = node.required("agenda");
  for (const YamlNode& item : agenda.items()) {
    item.expect_map();
    item.check_keys({"title", "body", "resolution"});
    AgendaItem a;
    a.where = item.where();
    YamlNode t = item.required("title");
    a.title = t.as_nonempty_string();
    a.title_at = t.where();
    if (auto n = item.get("body")) a.body = r.blocks(*n);
    if (auto n = item.get("resolution")) {
      a.resolution = r.blocks(*n);
      a.resolution_at = n->where();
    }
    m.agenda.push_back(std::move(a));
  }
  if (m.agenda.empty()) agenda.fail("expected at least one agenda item (ระเบียบวาระที่ ๑)");
  YamlNode closed = node.required("closed");
  m.closed = read_time(closed);
  m.closed_at = closed.where();
  m.recorder = r.signature(node.required("recorder"));
  if (auto n = node.get("checker")) m.checker = r.signature(*n);
  return m;
}

void add_minutes_names(const Minutes& m, std::vector<std::string>& words) {
  for (const auto* list : {&m.present, &m.absent, &m.attending}) {
    for (const Attendee& a : *list) {
      add_name_entries(words, a.name, true);
      add_name_entries(words, a.position, false);
    }
  }
  for (const Signature* s : {&m.recorder, &m.checker}) {
    add_name_entries(words, s->name, true);
    for (const auto& p : s->positions) add_name_entries(words, p, false);
  }
}

void read_minutes_style(const YamlNode& node, MinutesStyle& m) {
  node.expect_map();
  node.check_keys({"title_size",      "title_bold",         "session_label",      "date_label",
                   "weekday",         "place_label",        "space_after_title",  "present_label",
                   "absent_label",    "attending_label",    "section_label_size", "section_label_bold",
                   "section_space_before", "number_header", "name_header",        "position_header",
                   "signature_header", "reason_header",     "number_width",       "signature_width", "name_weight", "position_weight",
                   "table_font_size", "opened_label",       "closed_label",       "time_suffix",
                   "agenda_label",    "agenda_size",        "agenda_bold",        "agenda_space_before",
                   "resolution_label", "resolution_label_bold", "recorder_label", "checker_label",
                   "signature_center", "signature_space_before"});
  auto text = [&](const char* key, std::string& out) {
    if (auto n = node.get(key)) out = n->as_string();
  };
  auto len = [&](const char* key, double& out) {
    if (auto n = node.get(key)) out = n->as_length(0, 10000);
  };
  auto size = [&](const char* key, double& out) {
    if (auto n = node.get(key)) out = n->as_length(4, 200);
  };
  auto flag = [&](const char* key, bool& out) {
    if (auto n = node.get(key)) out = n->as_bool();
  };
  size("title_size", m.title_size);
  flag("title_bold", m.title_bold);
  text("session_label", m.session_label);
  text("date_label", m.date_label);
  flag("weekday", m.weekday);
  text("place_label", m.place_label);
  len("space_after_title", m.space_after_title);
  text("present_label", m.present_label);
  text("absent_label", m.absent_label);
  text("attending_label", m.attending_label);
  size("section_label_size", m.section_label_size);
  flag("section_label_bold", m.section_label_bold);
  len("section_space_before", m.section_space_before);
  text("number_header", m.number_header);
  text("name_header", m.name_header);
  text("position_header", m.position_header);
  text("signature_header", m.signature_header);
  text("reason_header", m.reason_header);
  if (auto n = node.get("number_width")) m.number_width = n->as_length(1, 10000);
  if (auto n = node.get("signature_width")) m.signature_width = n->as_length(1, 10000);
  if (auto n = node.get("name_weight")) m.name_weight = n->as_number(0.1, 100);
  if (auto n = node.get("position_weight")) m.position_weight = n->as_number(0.1, 100);
  size("table_font_size", m.table_font_size);
  text("opened_label", m.opened_label);
  text("closed_label", m.closed_label);
  text("time_suffix", m.time_suffix);
  text("agenda_label", m.agenda_label);
  size("agenda_size", m.agenda_size);
  flag("agenda_bold", m.agenda_bold);
  len("agenda_space_before", m.agenda_space_before);
  text("resolution_label", m.resolution_label);
  flag("resolution_label_bold", m.resolution_label_bold);
  text("recorder_label", m.recorder_label);
  text("checker_label", m.checker_label);
  if (auto n = node.get("signature_center")) m.signature_center = n->as_number(0.1, 0.9);
  len("signature_space_before", m.signature_space_before);
}

}  // namespace thaidoc
