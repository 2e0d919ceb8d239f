// The one list of document kinds. Each kind is defined in its own file in this folder
// (`const Kind kLetterKind{...}` in letter.cpp); adding a kind adds its line here.
#include "layout/kinds/registry.h"

namespace thaidoc {

// X(the Kind object a kind's file defines), in the order messages list the kinds.
#define THAIDOC_KINDS(X) \
  X(kMemoKind)           \
  X(kDocumentKind)       \
  X(kReportKind)         \
  X(kLetterKind)         \
  X(kStampedKind)        \
  X(kOrderKind)          \
  X(kAnnouncementKind)   \
  X(kCertificateKind)    \
  X(kMinutesKind)        \
  /* one line a kind, above this one */

#define THAIDOC_DECLARE_KIND(k) extern const Kind k;
THAIDOC_KINDS(THAIDOC_DECLARE_KIND)
#undef THAIDOC_DECLARE_KIND

const std::vector<Kind>& document_kinds() {
#define THAIDOC_KIND_ENTRY(k) k,
  static const std::vector<Kind> kinds = {THAIDOC_KINDS(THAIDOC_KIND_ENTRY)};
#undef THAIDOC_KIND_ENTRY
  return kinds;
}

const Kind* find_kind(std::string_view name) {
  for (const Kind& k : document_kinds())
    if (k.name == name) return &k;
  return nullptr;
}

std::vector<std::string> kind_names() {
  std::vector<std::string> names;
  for (const Kind& k : document_kinds()) names.emplace_back(k.name);
  return names;
}

}  // namespace thaidoc
