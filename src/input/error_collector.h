// Reporting every error of a document, not only the first. While a document is read, an
// ErrorCollector is active on the reading thread; the readers then go on after an error
// wherever they can skip the bad value:
//   - report_error(e): a value that can be skipped or replaced (an unknown key, a number out
//     of range, a missing field) is recorded and reading continues; with no collector
//     active it is thrown as before;
//   - attempt(f): a part of the document (a block, a memo field, a section) is read by f;
//     an Error f throws is recorded and reading goes on with the next part.
// When the document has been read, ErrorCollector::run throws them all: the one Error, or
// an ErrorList. At kMaxErrors reading stops there. An error at the same place as one
// already recorded about the same key is dropped (it follows from the first: a missing
// field, then the empty value read in its place).
#pragma once
#include <cstddef>
#include <utility>
#include <vector>

#include "base/error.h"

namespace thaidoc {

class ErrorCollector {
 public:
  static constexpr size_t kMaxErrors = 20;

  // Runs read() with a collector active on this thread and returns what it returns; throws
  // the errors recorded meanwhile (and the one read() threw, if any) together.
  template <class Read>
  static auto run(Read&& read) {
    ErrorCollector collector;
    try {
      auto result = read();
      collector.throw_if_any();
      return result;
    } catch (const Error& e) {
      if (auto* list = dynamic_cast<const ErrorList*>(&e); list && list->truncated()) throw;  // at the limit
      collector.add(e);
      collector.throw_if_any();
      throw;  // not reached
    }
  }

  // The collector active on this thread, or nullptr.
  static ErrorCollector* active();

  // Records e (each error of an ErrorList); throws the list at kMaxErrors.
  void add(const Error& e);
  size_t size() const { return errors_.size(); }

  ErrorCollector(const ErrorCollector&) = delete;
  ErrorCollector& operator=(const ErrorCollector&) = delete;

 private:
  ErrorCollector();
  ~ErrorCollector();
  void throw_if_any();

  std::vector<Error> errors_;
  ErrorCollector* outer_;
};

// Records e in the active collector, or throws it when there is none.
void report_error(const Error& e);

// Runs f(); with a collector active, an Error it throws is recorded instead of passed on.
// Returns false if f threw.
template <class F>
bool attempt(F&& f) {
  ErrorCollector* collector = ErrorCollector::active();
  if (!collector) {
    f();
    return true;
  }
  try {
    f();
    return true;
  } catch (const Error& e) {
    collector->add(e);
    return false;
  }
}

}  // namespace thaidoc
