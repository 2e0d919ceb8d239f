#include "cli/batch_command.h"
#include "cli/diagnostics.h"
#include "cli/render_command.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "base/atomic_file.h"
#include "base/error.h"
#include "base/input_file.h"
#include "cli/batch_output.h"
#include "cli/missing_glyphs.h"
#include "input/batch_data.h"
#include "input/document_reader.h"
#include "input/placeholders.h"
#include "input/template_cache.h"
#include "layout/verify.h"
#include "layout/document_layout.h"
#include "pdf/pdf_writer.h"

namespace thaidoc {
namespace fs = std::filesystem;
using batch::OutputPattern;

namespace {

using Clock = std::chrono::steady_clock;

struct TemplateFile {
  std::string path;      // as given
  std::string filename;  // memo-template.yaml
  std::string stem;      // memo-template
  std::string text;
  const OutputPattern* pattern = nullptr;
};

struct Job {
  size_t record = 0;    // index into DataSet::records
  size_t templ = 0;     // index into the templates
  std::string output;   // "" if the pattern could not be expanded
  std::string error;    // known before rendering (broken record, pattern, duplicate output)
};

enum class Status { Pending, Done, Skipped, Failed };

struct Result {
  Status status = Status::Pending;
  int pages = 0;
  int warnings = 0;                     // printed or not (--warnings), for the report
  std::string message;                  // the first error, "file:line:col: key.path: message"
  std::vector<Diagnostic> diagnostics;  // every error (a template may have several)
};

std::atomic<int> g_signal{0};
extern "C" void on_signal(int sig) { g_signal.store(sig); }

std::string read_text_file(const std::string& path) {
  return read_input_file(path, input_limits::kMaxFileBytes);  // regular files only, at most 50 MB
}

void parse_shard(const std::string& shard, size_t& k, size_t& n) {
  k = 1;
  n = 1;
  if (shard.empty()) return;
  // Digits only, each number within size_t (sscanf's %lu saturated 99999999999999999999 silently).
  size_t a = 0, b = 0;
  const char* begin = shard.data();
  const char* end = begin + shard.size();
  auto [a_end, a_ec] = std::from_chars(begin, end, a);
  bool ok = a_ec == std::errc() && a_end != begin && a_end < end && *a_end == '/';
  if (ok) {
    auto [b_end, b_ec] = std::from_chars(a_end + 1, end, b);
    ok = b_ec == std::errc() && b_end != a_end + 1 && b_end == end;
  }
  if (!ok || b < 1 || a < 1 || a > b || shard.find_first_not_of("0123456789/") != std::string::npos) {
    throw Error({}, "--shard '" + shard + "': expected K/N with 1 <= K <= N (e.g. 2/8)", 2);
  }
  k = a;
  n = b;
}

std::string format_seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", s);
  return buf;
}

std::string format_eta(double s) {
  long t = static_cast<long>(s + 0.5);
  char buf[32];
  if (t >= 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
  else std::snprintf(buf, sizeof buf, "%ld:%02ld", t / 60, t % 60);
  return buf;
}

class Batch {
 public:
  Batch(const BatchOptions& options, Resources& resources) : options_(options), resources_(resources) {}

  int run() {
    start_ = last_progress_ = Clock::now();
    size_t shard_k, shard_n;
    parse_shard(options_.shard, shard_k, shard_n);
    if (options_.templates.empty()) throw Error({}, "no template given", 2);

    load_templates();
    data_ = read_data_file(options_.data);
    assign_patterns();
    check_against_columns();
    make_jobs();

    for (size_t j = 0; j < jobs_.size(); ++j) {
      if (jobs_[j].record % shard_n == shard_k - 1) selected_.push_back(j);
    }
    results_.assign(jobs_.size(), Result{});

    std::set<std::string> outputs;
    for (size_t j : selected_)
      if (!jobs_[j].output.empty()) outputs.insert(jobs_[j].output);
    batch::remove_stale_temp_files(outputs);

    // --resume: an output counts as done only if it is newer than every input.
    inputs_time_ = fs::file_time_type::min();
    std::vector<std::string> inputs = options_.templates;
    inputs.push_back(options_.data);
    inputs_ = inputs;  // never written over
    for (const auto& path : inputs) {
      std::error_code ec;
      auto t = fs::last_write_time(path, ec);
      inputs_time_ = ec ? fs::file_time_type::max() : std::max(inputs_time_, t);
      if (ec) break;  // unknown: nothing counts as up to date
    }

    read_options_.template_dirs = default_template_dirs();
    read_options_.allow_outside = options_.allow_outside;
    read_options_.font_dirs = FontManager::default_search_dirs();
    read_options_.template_cache = std::make_shared<TemplateCache>();
    read_options_.font_exists = [this](const std::string& name) {
      std::error_code ec;  // a name too long for the file system is "not found", not an exception
      return fs::is_regular_file(resources_.fonts.resolve(name), ec);
    };

    run_workers();

    double seconds = std::chrono::duration<double>(Clock::now() - start_).count();
    if (disk_full_.load()) {
      std::fputs("thaidoc: error: the disk is full: no further documents were started\n", stderr);
      if (!options_.report.empty()) {
        try {
          write_report(seconds, shard_k, shard_n);
        } catch (const Error& e) {
          std::fprintf(stderr, "thaidoc: error: the report could not be written: %s\n", e.what());
        }
      }
      print_summary(seconds);
      return 2;
    }
    if (!options_.report.empty()) write_report(seconds, shard_k, shard_n);
    print_summary(seconds);
    if (g_signal.load()) return 130;
    return failed_.load() > 0 ? 2 : 0;
  }

 private:
  // ---- setup -------------------------------------------------------------

  void load_templates() {
    templates_.reserve(options_.templates.size());
    for (const std::string& path : options_.templates) {
      TemplateFile t;
      t.path = path;
      t.filename = fs::path(path).filename().string();
      t.stem = fs::path(path).stem().string();
      t.text = read_text_file(path);
      // Fails fast on invalid YAML or a malformed placeholder.
      placeholders_.push_back(find_placeholders(t.text, path));
      // Data values never choose which template or font file is read (a record could
      // otherwise name any file on the machine).
      for (const PlaceholderUse& use : placeholders_.back()) {
        if (use.path == "template" || use.path.rfind("style.fonts", 0) == 0) {
          throw Error(use.where, use.path + ": placeholder {{" + use.key +
                                     "}}: the template and the fonts cannot come from the data (name them in the "
                                     "template itself)",
                      2);
        }
      }
      templates_.push_back(std::move(t));
    }
  }

  void assign_patterns() {
    std::optional<size_t> general;
    std::vector<std::optional<size_t>> specific(templates_.size());
    if (options_.outputs.empty()) throw Error({}, "no output pattern given (-o PATTERN)", 2);
    for (const std::string& o : options_.outputs) {
      if (is_std_stream(o)) {
        throw Error({}, "-o -: a batch writes one file per record, so standard output cannot be its output pattern", 2);
      }
      size_t eq = o.find('=');
      bool matched = false;
      if (eq != std::string::npos) {
        std::string name = o.substr(0, eq);
        for (size_t t = 0; t < templates_.size(); ++t) {
          const TemplateFile& tf = templates_[t];
          if (name != tf.path && name != tf.filename && name != tf.stem) continue;
          if (specific[t]) throw Error({}, "-o: template '" + name + "' is given two output patterns", 2);
          patterns_.push_back(std::make_unique<OutputPattern>(o.substr(eq + 1)));
          specific[t] = patterns_.size() - 1;
          matched = true;
        }
      }
      if (matched) continue;
      if (general) {
        throw Error({}, "-o: two output patterns without TEMPLATE= ('" + patterns_[*general]->text() + "' and '" + o +
                            "'); give each template its own: -o TEMPLATE.yaml=PATTERN",
                    2);
      }
      patterns_.push_back(std::make_unique<OutputPattern>(o));
      general = patterns_.size() - 1;
    }
    size_t sharing = 0;
    for (size_t t = 0; t < templates_.size(); ++t) {
      if (specific[t]) {
        templates_[t].pattern = patterns_[*specific[t]].get();
      } else if (general) {
        templates_[t].pattern = patterns_[*general].get();
        ++sharing;
      } else {
        throw Error({}, "no output pattern for template '" + templates_[t].path + "' (give -o " +
                            templates_[t].filename + "=PATTERN)",
                    2);
      }
    }
    if (sharing > 1 && !patterns_[*general]->uses("template")) {
      throw Error({}, "output pattern '" + patterns_[*general]->text() +
                          "' is shared by several templates: put {template} in it, or give each template its own "
                          "-o TEMPLATE.yaml=PATTERN",
                  2);
    }
  }

  bool builtin_field(const std::string& name) const { return name == "template" || name == "record"; }

  // With CSV every record has the same columns: a placeholder or pattern field that is
  // not a column would fail every record, so stop before starting.
  void check_against_columns() {
    size_t records = data_.records.size();
    for (const auto& p : patterns_) {
      if (records > 1 && p->fields().empty()) {
        throw Error({}, "output pattern '" + p->text() +
                            "' has no {field}, so every record would write the same file (e.g. use {record})",
                    2);
      }
    }
    if (!data_.csv) return;
    std::set<std::string> columns(data_.columns.begin(), data_.columns.end());
    std::string list;
    for (const auto& c : data_.columns) {
      if (c.empty()) continue;
      if (!list.empty()) list += ", ";
      list += c;
    }
    for (size_t t = 0; t < templates_.size(); ++t) {
      for (const PlaceholderUse& use : placeholders_[t]) {
        if (!columns.count(use.key) && !is_computed_key(use.key)) {  // ita.*: a report's own values
          throw Error(use.where, use.path + ": placeholder {{" + use.key + "}}: " + data_.path +
                                     " has no column '" + use.key + "' (columns: " + list + ")",
                      2);
        }
      }
      for (const std::string& f : templates_[t].pattern->fields()) {
        if (!builtin_field(f) && !columns.count(f)) {
          throw Error({}, "output pattern '" + templates_[t].pattern->text() + "': " + data_.path +
                              " has no column '" + f + "' (columns: " + list + "; also {template} and {record})",
                      2);
        }
      }
    }
  }

  void make_jobs() {
    std::map<std::string, size_t> owner;  // output path -> job
    for (size_t r = 0; r < data_.records.size(); ++r) {
      const DataRecord& record = data_.records[r];
      std::map<std::string, const std::string*> fields;
      for (const auto& [k, v] : record.fields) fields.emplace(k, &v);
      std::string number = std::to_string(record.number);
      for (size_t t = 0; t < templates_.size(); ++t) {
        Job job;
        job.record = r;
        job.templ = t;
        auto lookup = [&](const std::string& name) -> const std::string* {
          if (name == "template") return &templates_[t].stem;
          if (name == "record") return &number;
          auto it = fields.find(name);
          return it == fields.end() ? nullptr : it->second;
        };
        std::string error;
        std::string path = templates_[t].pattern->expand(lookup, error);
        if (!error.empty()) error += short_row_note(job);
        if (!path.empty()) {
          job.output = fs::path(path).lexically_normal().string();
          auto [it, inserted] = owner.emplace(job.output, jobs_.size());
          if (!inserted) {
            const Job& first = jobs_[it->second];
            error = "output file '" + job.output + "' is also the output of record " +
                    std::to_string(data_.records[first.record].number) +
                    (templates_.size() > 1 ? " (" + templates_[first.templ].filename + ")" : "") +
                    "; make the pattern unique, e.g. with {record}";
          }
        }
        if (!record.error.empty()) error = record.error;  // the record itself is broken
        job.error = error;
        jobs_.push_back(std::move(job));
      }
    }
  }

  // ---- work --------------------------------------------------------------

  std::string record_label(const Job& job) const {
    const DataRecord& r = data_.records[job.record];
    std::string s = "record " + std::to_string(r.number) + " (" + data_.path;
    if (r.line > 0) s += ":" + std::to_string(r.line);
    s += ")";
    if (templates_.size() > 1) s += " " + templates_[job.templ].filename;
    return s;
  }

  // For a CSV row that is too short: why its values are missing.
  std::string short_row_note(const Job& job) const {
    const DataRecord& r = data_.records[job.record];
    if (!data_.csv || r.field_count >= data_.columns.size()) return "";
    return " (the row has " + std::to_string(r.field_count) + " fields, the header " +
           std::to_string(data_.columns.size()) + ")";
  }

  // Warnings of a record that is written: printed like its errors.
  void warn(size_t j, std::vector<Diagnostic> warnings) {
    const Job& job = jobs_[j];
    std::string text;
    for (Diagnostic& d : warnings) {
      d.record = static_cast<int>(data_.records[job.record].number);
      d.data = SourceLocation{data_.path, data_.records[job.record].line};
      if (templates_.size() > 1) d.templ = templates_[job.templ].filename;
      text += format_diagnostic(d, diagnostic_format());
    }
    std::lock_guard<std::mutex> lock(print_mutex_);
    if (bar_shown_) std::fputs("\r\033[K", stderr);
    std::fputs(text.c_str(), stderr);
    bar_shown_ = false;
  }

  // A record that failed before its template was read (a broken row, a pattern, a duplicate
  // output): the error is at the record's line in the data file.
  void fail(size_t j, std::string message) {
    const DataRecord& r = data_.records[jobs_[j].record];
    Diagnostic d;
    d.where = SourceLocation{data_.path, r.line};
    d.message = message;
    fail(j, std::move(message), {std::move(d)});
  }

  // An error thrown while the record was read, laid out or written: every error it holds.
  void fail(size_t j, const Error& e, const std::string& note = "") {
    std::vector<Diagnostic> all = diagnostics_of(e);
    if (!all.empty()) all.front().message += note;
    fail(j, e.what() + note, std::move(all));
  }

  // Prints each diagnostic with the record's number, data line (and template, when there are
  // several): "memo-template.yaml:19:9: error: memo.date: ... [record 3, orgs.csv:5]".
  void fail(size_t j, std::string message, std::vector<Diagnostic> diagnostics) {
    const Job& job = jobs_[j];
    const DataRecord& r = data_.records[job.record];
    Result& res = results_[j];
    res.status = Status::Failed;
    res.message = std::move(message);
    for (Diagnostic& d : diagnostics) {
      d.record = static_cast<int>(r.number);
      d.data = SourceLocation{data_.path, r.line};
      if (templates_.size() > 1) d.templ = templates_[job.templ].filename;
    }
    res.diagnostics = std::move(diagnostics);
    failed_++;
    std::string text;
    for (const Diagnostic& d : res.diagnostics) text += format_diagnostic(d, diagnostic_format());
    std::lock_guard<std::mutex> lock(print_mutex_);
    if (bar_shown_) std::fputs("\r\033[K", stderr);
    std::fputs(text.c_str(), stderr);
    bar_shown_ = false;
  }

  void run_job(size_t j, std::vector<std::unique_ptr<PlaceholderTemplate>>& parsed) {
    const Job& job = jobs_[j];
    Result& res = results_[j];
    if (!job.error.empty()) return fail(j, job.error);
    if (options_.resume) {
      std::error_code ec;
      auto mtime = fs::last_write_time(job.output, ec);
      int pages = 0;
      if (!ec && mtime > inputs_time_ && batch::pdf_is_complete(job.output, pages)) {
        res.status = Status::Skipped;
        res.pages = pages;
        skipped_++;
        return;
      }
    }
    try {
      // This worker's parsed copy of the template, filled in for the record.
      const TemplateFile& t = templates_[job.templ];
      if (!parsed[job.templ]) parsed[job.templ] = std::make_unique<PlaceholderTemplate>(t.text, t.path);
      const auto& fields = data_.records[job.record].fields;
      Document doc = parsed[job.templ]->read(std::map<std::string, std::string>(fields.begin(), fields.end()),
                                             read_options_);
      LaidOutDocument laid_out = layout_any(doc, resources_);
      // Every warning is counted for the report; --warnings chooses which are printed.
      std::vector<Diagnostic> warnings;
      res.warnings += static_cast<int>(doc.warnings.size());  // supplied ITA values that disagree
      if (prints_other(options_.warnings))
        for (const std::string& w : doc.warnings) warnings.push_back(parse_warning(w));
      std::vector<std::string> missing = missing_glyph_warnings(laid_out);
      res.warnings += static_cast<int>(missing.size());
      if (prints_other(options_.warnings)) {
        for (const std::string& w : missing) {
          Diagnostic d;
          d.severity = "warning";
          d.where = SourceLocation{data_.path, data_.records[job.record].line};
          d.message = w;
          warnings.push_back(std::move(d));
        }
      }
      std::vector<std::string> layout_warnings = check_layout(laid_out, data_.path, options_.strict);
      res.warnings += static_cast<int>(layout_warnings.size());
      if (prints_layout(options_.warnings))
        for (const std::string& w : layout_warnings) warnings.push_back(parse_warning(w));
      if (!warnings.empty()) warn(j, std::move(warnings));
      PdfOptions pdf = pdf_options_for(doc, options_.pdf_standard, laid_out);
      write_atomically(job.output, [&](const std::string& temp) { write_pdf(laid_out, temp, pdf); }, inputs_);
      res.pages = std::max<int>(1, static_cast<int>(laid_out.pages.size()));
      res.status = Status::Done;
      pages_ += res.pages;
      done_++;
    } catch (const NoSpaceError& e) {
      disk_full_ = true;  // no worker starts another document
      fail(j, e);
    } catch (const Error& e) {
      fail(j, e, short_row_note(job));
    } catch (const std::exception& e) {
      fail(j, std::string("internal error: ") + e.what());
    }
  }

  void run_workers() {
    size_t workers = options_.jobs > 0 ? static_cast<size_t>(options_.jobs)
                                       : std::max(1u, std::thread::hardware_concurrency());
    workers = std::max<size_t>(1, std::min(workers, selected_.size()));

    struct sigaction action {}, old_int{}, old_term{};
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;  // a second signal stops at once
    g_signal.store(0);
    sigaction(SIGINT, &action, &old_int);
    sigaction(SIGTERM, &action, &old_term);

    std::atomic<size_t> next{0};
    std::atomic<size_t> running{workers};
    std::mutex wake_mutex;
    std::condition_variable wake;
    auto work = [&] {
      std::vector<std::unique_ptr<PlaceholderTemplate>> parsed(templates_.size());
      while (g_signal.load() == 0 && !disk_full_.load()) {
        size_t k = next++;
        if (k >= selected_.size()) break;
        run_job(selected_[k], parsed);
      }
      if (--running == 0) {
        std::lock_guard<std::mutex> lock(wake_mutex);
        wake.notify_all();
      }
    };
    std::vector<std::thread> threads;
    for (size_t i = 0; i < workers; ++i) threads.emplace_back(work);

    // Progress: a bar on a terminal, a line every few seconds otherwise.
    const bool tty = isatty(STDERR_FILENO);
    const auto interval = tty ? std::chrono::milliseconds(200) : std::chrono::milliseconds(5000);
    bool told_interrupt = false;
    {
      std::unique_lock<std::mutex> lock(wake_mutex);
      while (running.load() > 0) {
        wake.wait_for(lock, std::chrono::milliseconds(200));
        if (g_signal.load() && !told_interrupt) {
          told_interrupt = true;
          std::lock_guard<std::mutex> plock(print_mutex_);
          if (bar_shown_) std::fputs("\r\033[K", stderr);
          bar_shown_ = false;
          std::fputs("thaidoc: interrupted: finishing the documents in progress (again to stop at once)\n", stderr);
        }
        if (running.load() > 0 && !options_.quiet && Clock::now() - last_progress_ >= interval) progress(tty);
      }
    }
    for (auto& t : threads) t.join();
    sigaction(SIGINT, &old_int, nullptr);
    sigaction(SIGTERM, &old_term, nullptr);
    if (tty && bar_shown_) {
      std::fputs("\r\033[K", stderr);
      bar_shown_ = false;
    }
  }

  void progress(bool tty) {
    last_progress_ = Clock::now();
    size_t total = selected_.size();
    size_t done = done_.load(), skipped = skipped_.load(), failed = failed_.load();
    size_t finished = done + skipped + failed;
    double elapsed = std::chrono::duration<double>(last_progress_ - start_).count();
    double rate = elapsed > 0 ? done / elapsed : 0;
    char line[256];
    std::lock_guard<std::mutex> lock(print_mutex_);
    if (tty) {
      constexpr int kWidth = 30;
      int filled = total ? static_cast<int>(kWidth * finished / total) : kWidth;
      std::string bar(filled, '#');
      bar.append(kWidth - filled, '-');
      double left = rate > 0 ? (total - finished) / rate : 0;
      std::snprintf(line, sizeof line, "\r\033[K[%s] %zu/%zu  done %zu  skipped %zu  failed %zu  %.1f doc/s  ETA %s",
                    bar.c_str(), finished, total, done, skipped, failed, rate, format_eta(left).c_str());
      std::fputs(line, stderr);
      bar_shown_ = true;
    } else {
      std::snprintf(line, sizeof line, "thaidoc batch: %zu/%zu (%zu%%): %zu done, %zu skipped, %zu failed, %.1f documents/s\n",
                    finished, total, total ? finished * 100 / total : 100, done, skipped, failed, rate);
      std::fputs(line, stderr);
    }
    std::fflush(stderr);
  }

  // ---- results -----------------------------------------------------------

  void print_summary(double seconds) {
    size_t done = done_.load(), pages = pages_.load();
    size_t pending = selected_.size() - done - skipped_.load() - failed_.load();
    std::string line = "thaidoc batch: " + std::to_string(done) + " done, " + std::to_string(skipped_.load()) +
                       " skipped, " + std::to_string(failed_.load()) + " failed, " + std::to_string(pages) +
                       " pages, " + format_seconds(seconds) + " s";
    if (seconds > 0 && done > 0) {
      char rates[96];
      std::snprintf(rates, sizeof rates, " (%.1f documents/s, %.1f pages/s)", done / seconds, pages / seconds);
      line += rates;
    }
    if (pending > 0) {
      line += "; " + std::to_string(pending) + (disk_full_.load() ? " not started (disk full)" : " not started (interrupted)");
    }
    std::printf("%s\n", line.c_str());
    std::fflush(stdout);
  }

  void write_report(double seconds, size_t shard_k, size_t shard_n) {
    std::string out = "{\n";
    out += "  \"data\": " + batch::json_string(data_.path) + ",\n";
    out += "  \"templates\": [";
    for (size_t t = 0; t < templates_.size(); ++t) out += (t ? ", " : "") + batch::json_string(templates_[t].path);
    out += "],\n";
    out += "  \"records\": " + std::to_string(data_.records.size()) + ",\n";
    out += "  \"shard\": \"" + std::to_string(shard_k) + "/" + std::to_string(shard_n) + "\",\n";
    size_t pending = selected_.size() - done_.load() - skipped_.load() - failed_.load();
    out += "  \"summary\": {\"documents\": " + std::to_string(selected_.size()) +
           ", \"done\": " + std::to_string(done_.load()) + ", \"skipped\": " + std::to_string(skipped_.load()) +
           ", \"failed\": " + std::to_string(failed_.load()) + ", \"not_started\": " + std::to_string(pending) +
           ", \"pages\": " + std::to_string(pages_.load()) + ", \"seconds\": " + format_seconds(seconds) + "},\n";
    std::string outputs, errors;
    long total_warnings = 0;
    for (size_t j : selected_) total_warnings += results_[j].status == Status::Done ? results_[j].warnings : 0;
    out.insert(out.rfind("},\n"), ", \"warnings\": " + std::to_string(total_warnings));
    for (size_t j : selected_) {
      const Job& job = jobs_[j];
      const Result& res = results_[j];
      const DataRecord& record = data_.records[job.record];
      std::string head = "    {\"record\": " + std::to_string(record.number) + ", \"line\": " +
                         std::to_string(record.line) + ", \"template\": " +
                         batch::json_string(templates_[job.templ].path);
      if (res.status == Status::Done || res.status == Status::Skipped) {
        if (!outputs.empty()) outputs += ",\n";
        outputs += head + ", \"path\": " + batch::json_string(job.output) + ", \"pages\": " +
                   std::to_string(res.pages) + ", \"status\": \"" +
                   (res.status == Status::Done ? "done" : "skipped") + "\"" +
                   (res.status == Status::Done ? ", \"warnings\": " + std::to_string(res.warnings) : "") + "}";
      } else if (res.status == Status::Failed) {
        if (!errors.empty()) errors += ",\n";
        errors += head;
        if (!job.output.empty()) errors += ", \"path\": " + batch::json_string(job.output);
        errors += ", \"message\": " + batch::json_string(res.message);
        // Every error of the record, each as --diagnostic-format json prints it.
        errors += ", \"diagnostics\": [";
        for (size_t k = 0; k < res.diagnostics.size(); ++k) {
          std::string d = format_diagnostic(res.diagnostics[k], DiagnosticFormat::Json);
          errors += (k ? ", " : "") + d.substr(0, d.size() - 1);  // without its newline
        }
        errors += "]}";
      }
    }
    out += "  \"outputs\": [" + (outputs.empty() ? "" : "\n" + outputs + "\n  ") + "],\n";
    out += "  \"errors\": [" + (errors.empty() ? "" : "\n" + errors + "\n  ") + "]\n}\n";
    write_atomically(options_.report, [&](const std::string& temp) {
      std::ofstream f(temp, std::ios::binary);
      f << out;
      f.close();
      if (!f) throw Error({options_.report}, "cannot write the report");
    }, inputs_);
  }

  const BatchOptions& options_;
  Resources& resources_;
  Clock::time_point start_, last_progress_;
  std::vector<TemplateFile> templates_;
  std::vector<std::vector<PlaceholderUse>> placeholders_;
  std::vector<std::unique_ptr<OutputPattern>> patterns_;
  DataSet data_;
  std::vector<Job> jobs_;
  std::vector<size_t> selected_;
  std::vector<Result> results_;
  fs::file_time_type inputs_time_;
  std::vector<std::string> inputs_;  // the templates and the data file
  ReadOptions read_options_;
  std::atomic<size_t> done_{0}, skipped_{0}, failed_{0}, pages_{0};
  std::atomic<bool> disk_full_{false};  // a write failed with ENOSPC: start no more documents
  std::mutex print_mutex_;
  bool bar_shown_ = false;
};

}  // namespace

int run_batch_command(const BatchOptions& options, Resources& resources) {
  Batch batch(options, resources);
  return batch.run();
}

}  // namespace thaidoc
