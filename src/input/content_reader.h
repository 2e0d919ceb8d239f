// The parts of a document any kind reads its content with: blocks (paragraphs,
// headings, lists, tables, ...), signers, comment blocks, images and dates. Each kind's
// own part of the reader (src/layout/kinds/*.cpp) builds its model from these; errors
// are located at file:line:col with the key path, like every input error.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "input/yaml_reader.h"
#include "model/blocks.h"
#include "model/memo.h"
#include "model/stamps.h"
#include "model/thai_date.h"

namespace thaidoc {

namespace ita {
struct ItaData;
struct Analysis;
}  // namespace ita

class ContentReader {
 public:
  ContentReader(std::string base_dir, bool images_outside);
  ~ContentReader();
  ContentReader(const ContentReader&) = delete;
  ContentReader& operator=(const ContentReader&) = delete;

  // ITA data for `chart:` and `ita_table:` blocks (null: those blocks are errors).
  void set_ita(const ita::ItaData* data, const ita::Analysis* analysis);

  // A list of blocks, or a single string (one paragraph).
  std::vector<Block> blocks(const YamlNode& node);
  // {name, position, acting, image}
  Signature signature(const YamlNode& node);
  // {heading, lines, text, signer}
  MemoComment comment(const YamlNode& node);
  // An existing PNG or JPEG, resolved against the document's folder.
  std::string image(const YamlNode& node) const;
  // An ISO date (2025-04-24), a Buddhist-era date (2568-04-24 BE) or a Thai one.
  static ThaiDate date(const YamlNode& node);
  // The optional `speed:` (ด่วนที่สุด | ด่วนมาก | ด่วน) and `secrecy:` (ลับที่สุด | ลับมาก | ลับ)
  // keys of a kind's content mapping.
  static Stamps stamps(const YamlNode& content);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// Names the document gives (an organisation, a district, a signer) as dictionary entries:
// each word of `value` that has a Thai letter and no digit, and the whole value too when
// `whole` (a person's name: "นางสาวเสาวนิตย์ ประยูรพันธ์" stays on one line).
void add_name_entries(std::vector<std::string>& words, const std::string& value, bool whole);

// digits: thai | arabic | keep
DigitStyle read_digits(const YamlNode& node);

// The names a signer gives, into the dictionary (never broken across lines).
void add_signer_names(std::vector<std::string>& words, const Signature& signer);

}  // namespace thaidoc
