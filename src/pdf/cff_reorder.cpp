#include "pdf/cff_reorder.h"

#include <optional>
#include <stdexcept>

namespace thaidoc::pdf_detail {

namespace {

// Bounds-checked reading of the CFF data (Adobe Technical Note #5176); any fault throws.
struct Reader {
  std::string_view d;
  uint32_t u(size_t at, int size) const {
    if (size < 1 || size > 4 || at + size > d.size()) throw std::out_of_range("cff");
    uint32_t v = 0;
    for (int i = 0; i < size; ++i) v = (v << 8) | static_cast<unsigned char>(d[at + i]);
    return v;
  }
};

struct Index {
  size_t start = 0, end = 0;            // the whole INDEX, in the data
  std::vector<std::string_view> items;  // its objects
};

Index read_index(const Reader& r, size_t at) {
  Index ix;
  ix.start = at;
  uint32_t count = r.u(at, 2);
  if (count == 0) {
    ix.end = at + 2;
    return ix;
  }
  int off_size = static_cast<int>(r.u(at + 2, 1));
  size_t offsets = at + 3;
  size_t data = offsets + (static_cast<size_t>(count) + 1) * off_size - 1;  // offsets are 1-based
  uint32_t prev = r.u(offsets, off_size);
  for (uint32_t i = 1; i <= count; ++i) {
    uint32_t next = r.u(offsets + static_cast<size_t>(i) * off_size, off_size);
    if (next < prev || data + next > r.d.size()) throw std::out_of_range("cff index");
    ix.items.push_back(r.d.substr(data + prev, next - prev));
    prev = next;
  }
  ix.end = data + prev;
  return ix;
}

void put(std::string& out, uint32_t v, int size) {
  for (int i = size - 1; i >= 0; --i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

std::string write_index(const std::vector<std::string_view>& items) {
  std::string out;
  put(out, static_cast<uint32_t>(items.size()), 2);
  if (items.empty()) return out;
  size_t total = 1;
  for (auto s : items) total += s.size();
  int off_size = total <= 0xFF ? 1 : total <= 0xFFFF ? 2 : total <= 0xFFFFFF ? 3 : 4;
  out.push_back(static_cast<char>(off_size));
  uint32_t offset = 1;
  put(out, offset, off_size);
  for (auto s : items) {
    offset += static_cast<uint32_t>(s.size());
    put(out, offset, off_size);
  }
  for (auto s : items) out.append(s);
  return out;
}

// One DICT entry: its operator (12 x as 1200 + x) and the bytes of its operands.
struct DictEntry {
  int op = 0;
  std::string operands;
  std::vector<double> numbers;  // the operands as numbers (reals approximated)
};

std::vector<DictEntry> read_dict(std::string_view d) {
  std::vector<DictEntry> out;
  DictEntry cur;
  size_t i = 0;
  auto need = [&](size_t n) {
    if (i + n > d.size()) throw std::out_of_range("cff dict");
  };
  while (i < d.size()) {
    int b0 = static_cast<unsigned char>(d[i]);
    size_t start = i;
    if (b0 <= 21) {  // an operator
      cur.op = b0 == 12 ? (need(2), 1200 + static_cast<unsigned char>(d[i + 1])) : b0;
      i += b0 == 12 ? 2 : 1;
      out.push_back(std::move(cur));
      cur = DictEntry{};
      continue;
    }
    double v = 0;
    if (b0 == 28) {
      need(3);
      v = static_cast<int16_t>((static_cast<unsigned char>(d[i + 1]) << 8) | static_cast<unsigned char>(d[i + 2]));
      i += 3;
    } else if (b0 == 29) {
      need(5);
      uint32_t u = 0;
      for (int k = 1; k <= 4; ++k) u = (u << 8) | static_cast<unsigned char>(d[i + k]);
      v = static_cast<int32_t>(u);
      i += 5;
    } else if (b0 == 30) {  // a real: nibbles up to 0xf
      ++i;
      for (bool done = false; !done;) {
        need(1);
        int byte = static_cast<unsigned char>(d[i++]);
        done = (byte & 0x0F) == 0x0F || (byte >> 4) == 0x0F;
      }
    } else if (b0 >= 32 && b0 <= 246) {
      v = b0 - 139;
      i += 1;
    } else if (b0 >= 247 && b0 <= 250) {
      need(2);
      v = (b0 - 247) * 256 + static_cast<unsigned char>(d[i + 1]) + 108;
      i += 2;
    } else if (b0 >= 251 && b0 <= 254) {
      need(2);
      v = -(b0 - 251) * 256 - static_cast<unsigned char>(d[i + 1]) - 108;
      i += 2;
    } else {
      throw std::out_of_range("cff dict operand");
    }
    cur.operands.append(d.substr(start, i - start));
    cur.numbers.push_back(v);
  }
  return out;
}

std::string int5(uint32_t v) {  // a DICT integer in its 5-byte form, so sizes are known first
  std::string out(1, static_cast<char>(29));
  put(out, v, 4);
  return out;
}

const DictEntry* find(const std::vector<DictEntry>& dict, int op) {
  for (const auto& e : dict)
    if (e.op == op) return &e;
  return nullptr;
}

}  // namespace

std::string reorder_cff_glyphs(std::string_view cff, const std::vector<uint32_t>& gids) {
  try {
    Reader r{cff};
    if (r.u(0, 1) != 1) return "";  // CFF2 or not CFF
    size_t at = r.u(2, 1);           // hdrSize
    Index names = read_index(r, at);
    Index tops = read_index(r, names.end);
    Index strings = read_index(r, tops.end);
    Index gsubrs = read_index(r, strings.end);
    if (names.items.size() != 1 || tops.items.size() != 1) return "";
    std::vector<DictEntry> top = read_dict(tops.items[0]);
    if (find(top, 1230)) return "";  // ROS: a CID-keyed font
    const DictEntry* cs_entry = find(top, 17);
    const DictEntry* priv_entry = find(top, 18);
    if (!cs_entry || cs_entry->numbers.size() != 1 || !priv_entry || priv_entry->numbers.size() != 2) return "";
    Index charstrings = read_index(r, static_cast<size_t>(cs_entry->numbers[0]));
    size_t n_glyphs = charstrings.items.size();
    if (n_glyphs == 0) return "";
    for (uint32_t g : gids)
      if (g >= n_glyphs) return "";

    // The glyph names (SIDs) of the charset; glyph 0 is .notdef.
    std::vector<uint32_t> sid(n_glyphs, 0);
    uint32_t charset_offset = 0;
    if (const DictEntry* cs = find(top, 15); cs && cs->numbers.size() == 1) charset_offset = static_cast<uint32_t>(cs->numbers[0]);
    if (charset_offset > 2) {
      size_t p = charset_offset;
      int format = static_cast<int>(r.u(p++, 1));
      size_t g = 1;
      if (format == 0) {
        for (; g < n_glyphs; ++g, p += 2) sid[g] = r.u(p, 2);
      } else if (format == 1 || format == 2) {
        while (g < n_glyphs) {
          uint32_t first = r.u(p, 2);
          uint32_t left = format == 1 ? r.u(p + 2, 1) : r.u(p + 2, 2);
          p += format == 1 ? 3 : 4;
          for (uint32_t k = 0; k <= left && g < n_glyphs; ++k) sid[g++] = first + k;
        }
      } else {
        return "";
      }
    } else {
      for (size_t g = 1; g < n_glyphs; ++g) sid[g] = static_cast<uint32_t>(g);  // predefined ISOAdobe: SID = GID
    }

    // The Private DICT and its local Subrs (at an offset from the Private DICT) move as one
    // block, so the Subrs offset inside it stays right.
    size_t priv_size = static_cast<size_t>(priv_entry->numbers[0]);
    size_t priv_offset = static_cast<size_t>(priv_entry->numbers[1]);
    if (priv_offset + priv_size > cff.size()) return "";
    size_t block_end = priv_offset + priv_size;
    std::vector<DictEntry> priv = read_dict(cff.substr(priv_offset, priv_size));
    if (const DictEntry* subrs = find(priv, 19); subrs && subrs->numbers.size() == 1) {
      size_t subrs_at = priv_offset + static_cast<size_t>(subrs->numbers[0]);
      block_end = std::max(block_end, read_index(r, subrs_at).end);
    }
    std::string_view private_block = cff.substr(priv_offset, block_end - priv_offset);

    // The new program: header, Name, Top DICT, String, Global Subr INDEXes, then the
    // charset, the CharStrings in code order and the Private block.
    std::vector<std::string_view> glyphs;
    glyphs.push_back(charstrings.items[0]);
    for (uint32_t g : gids) glyphs.push_back(charstrings.items[g]);
    std::string charset(1, '\0');  // format 0
    for (uint32_t g : gids) put(charset, sid[g], 2);
    std::string charstrings_index = write_index(glyphs);

    std::string top_fixed;  // every entry but the offsets, which are rewritten
    for (const auto& e : top) {
      if (e.op == 15 || e.op == 16 || e.op == 17 || e.op == 18) continue;
      top_fixed += e.operands;
      if (e.op >= 1200) {
        top_fixed.push_back(static_cast<char>(12));
        top_fixed.push_back(static_cast<char>(e.op - 1200));
      } else {
        top_fixed.push_back(static_cast<char>(e.op));
      }
    }
    const size_t top_size = top_fixed.size() + 3 * 6 + 5;  // charset, CharStrings, Private (2 ints)
    std::string header = {1, 0, 4, 4};
    std::string name_index(cff.substr(names.start, names.end - names.start));
    std::string strings_index(cff.substr(strings.start, strings.end - strings.start));
    std::string gsubrs_index(cff.substr(gsubrs.start, gsubrs.end - gsubrs.start));
    std::string placeholder(top_size, '\0');
    size_t top_index_size = write_index({placeholder}).size();
    size_t charset_at = header.size() + name_index.size() + top_index_size + strings_index.size() + gsubrs_index.size();
    size_t charstrings_at = charset_at + charset.size();
    size_t private_at = charstrings_at + charstrings_index.size();
    std::string new_top = top_fixed;
    new_top += int5(static_cast<uint32_t>(charset_at)) + char(15);
    new_top += int5(static_cast<uint32_t>(charstrings_at)) + char(17);
    new_top += int5(static_cast<uint32_t>(priv_size)) + int5(static_cast<uint32_t>(private_at)) + char(18);
    if (new_top.size() != top_size) return "";
    std::string out = header + name_index + write_index({new_top}) + strings_index + gsubrs_index;
    if (out.size() != charset_at) return "";
    out += charset;
    out += charstrings_index;
    out += private_block;
    return out;
  } catch (const std::out_of_range&) {
    return "";
  }
}

}  // namespace thaidoc::pdf_detail
