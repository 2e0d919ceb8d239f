#include "input/error_collector.h"

namespace thaidoc {

namespace {
thread_local ErrorCollector* current = nullptr;

// A consequence of an error already recorded: at the same place about the same key (a
// missing field, then the empty value read in its place), or the same message again.
bool follows_from(const Error& known, const Error& e) {
  const SourceLocation &a = known.where(), &b = e.where();
  if (a.file != b.file || a.line != b.line || a.column != b.column) return false;
  if (a.line > 0 && !known.key_path().empty() && known.key_path() == e.key_path()) return true;
  return known.message() == e.message();
}
}  // namespace

ErrorCollector::ErrorCollector() : outer_(current) { current = this; }
ErrorCollector::~ErrorCollector() { current = outer_; }

ErrorCollector* ErrorCollector::active() { return current; }

void ErrorCollector::add(const Error& e) {
  // Full: the list goes on up (also out of an attempt() that is handling it).
  if (errors_.size() >= kMaxErrors) throw ErrorList(errors_, true);
  for (const Error& error : errors_of(e)) {
    bool seen = false;
    for (const Error& known : errors_) seen = seen || follows_from(known, error);
    if (seen) continue;
    errors_.push_back(error);
    if (errors_.size() >= kMaxErrors) throw ErrorList(errors_, true);
  }
}

void ErrorCollector::throw_if_any() {
  if (errors_.size() == 1) throw errors_.front();
  if (!errors_.empty()) throw ErrorList(errors_, false);
}

void report_error(const Error& e) {
  if (ErrorCollector* collector = ErrorCollector::active()) {
    collector->add(e);
  } else {
    throw e;
  }
}

}  // namespace thaidoc
