#include "pdf/pdf_archive.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

#include "base/error.h"
#include "pdf/pdf_font.h"

namespace thaidoc::pdf_detail {

// The sRGB profile (src/pdf/icc/sRGB.icc, compiled in by CMake as icc_srgb.cpp).
extern const unsigned char kSrgbIcc[];
extern const size_t kSrgbIccSize;

void ContentHash::add(std::string_view bytes) {
  for (unsigned char c : bytes) {
    a_ = (a_ ^ c) * 1099511628211ull;
    b_ = (b_ ^ c) * 0x100000001B3ull + 0x632BE59BD9B4E019ull;
  }
}

std::string ContentHash::digest() const {
  std::string out(16, '\0');
  uint64_t a = a_ ^ (b_ >> 29), b = b_ ^ (a_ << 17);
  for (int i = 0; i < 8; ++i) {
    out[i] = static_cast<char>((a >> (8 * i)) & 0xFF);
    out[8 + i] = static_cast<char>((b >> (8 * i)) & 0xFF);
  }
  return out;
}

long long creation_time(const std::string& document_date) {
  if (const char* env = std::getenv("SOURCE_DATE_EPOCH"); env && *env) {
    char* end = nullptr;
    long long v = std::strtoll(env, &end, 10);
    if (end && *end == '\0' && v >= 0 && v < 253402300800LL) return v;  // before year 10000
  }
  int year = 0, month = 0, day = 0;
  char rest = 0;
  if (std::sscanf(document_date.c_str(), "%4d-%2d-%2d%c", &year, &month, &day, &rest) == 3 && year >= 1970 &&
      month >= 1 && month <= 12 && day >= 1 && day <= 31) {
    // Days from 1970-01-01 to the date (proleptic Gregorian, the days_from_civil algorithm).
    long long y = year - (month <= 2);
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    long long days = era * 146097 + doe - 719468;
    if (days >= 0) return days * 86400;
  }
  return -1;
}

namespace {

std::tm utc(long long t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  return tm;
}

void xml_escape(std::string& out, const std::string& s) {
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        // XML 1.0 allows no C0 control characters but tab, line feed and carriage return.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r')
          out.push_back(' ');
        else
          out.push_back(c);
    }
  }
}

void* text_string(HPDF_Doc pdf, const std::string& s) {
  bool ascii = true;
  for (unsigned char c : s)
    if (c < 0x20 || c > 0x7E) ascii = false;
  if (ascii) return HPDF_String_New(pdf->mmgr, s.c_str(), nullptr);
  std::string bytes = "\xFE\xFF" + utf16be(s);
  return HPDF_Binary_New(pdf->mmgr, reinterpret_cast<HPDF_BYTE*>(bytes.data()), static_cast<HPDF_UINT>(bytes.size()));
}

HPDF_Dict raw_stream(HPDF_Doc pdf, const void* data, size_t size, bool compress) {
  HPDF_Dict s = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
  if (!s) return nullptr;
  s->filter = compress ? HPDF_STREAM_FILTER_FLATE_DECODE : HPDF_STREAM_FILTER_NONE;
  HPDF_Stream_Write(s->stream, static_cast<const HPDF_BYTE*>(data), static_cast<HPDF_UINT>(size));
  return s;
}

}  // namespace

std::string pdf_date(long long t) {
  std::tm tm = utc(t);
  char buf[80];
  std::snprintf(buf, sizeof buf, "D:%04d%02d%02d%02d%02d%02dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

std::string xmp_date(long long t) {
  std::tm tm = utc(t);
  char buf[80];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

std::string xmp_packet(const DocumentInfo& info, PdfStandard standard, long long time, const std::string& producer) {
  std::string x;
  x += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
  x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
  x += "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
  x += "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
       " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\""
       " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n";
  x += "<dc:format>application/pdf</dc:format>\n";
  auto alt = [&](const char* key, const std::string& v) {
    if (v.empty()) return;
    x += std::string("<") + key + "><rdf:Alt><rdf:li xml:lang=\"x-default\">";
    xml_escape(x, v);
    x += std::string("</rdf:li></rdf:Alt></") + key + ">\n";
  };
  alt("dc:title", info.title);
  if (!info.author.empty()) {
    x += "<dc:creator><rdf:Seq><rdf:li>";
    xml_escape(x, info.author);
    x += "</rdf:li></rdf:Seq></dc:creator>\n";
  }
  alt("dc:description", info.subject);
  if (!info.language.empty()) {
    x += "<dc:language><rdf:Bag><rdf:li>";
    xml_escape(x, info.language);
    x += "</rdf:li></rdf:Bag></dc:language>\n";
  }
  if (!info.keywords.empty()) {
    x += "<pdf:Keywords>";
    xml_escape(x, info.keywords);
    x += "</pdf:Keywords>\n";
  }
  x += "<pdf:Producer>";
  xml_escape(x, producer);
  x += "</pdf:Producer>\n";
  if (!info.creator.empty()) {
    x += "<xmp:CreatorTool>";
    xml_escape(x, info.creator);
    x += "</xmp:CreatorTool>\n";
  }
  if (time >= 0) {
    const std::string d = xmp_date(time);
    x += "<xmp:CreateDate>" + d + "</xmp:CreateDate>\n<xmp:ModifyDate>" + d +
         "</xmp:ModifyDate>\n<xmp:MetadataDate>" + d + "</xmp:MetadataDate>\n";
  }
  if (standard != PdfStandard::None) {
    x += std::string("<pdfaid:part>") + (standard == PdfStandard::A3u ? "3" : "2") + "</pdfaid:part>\n";
    x += std::string("<pdfaid:conformance>") + (standard == PdfStandard::A2b ? "B" : "U") + "</pdfaid:conformance>\n";
  }
  x += "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n";
  // Room to edit the packet in place, as XMP writers leave.
  x += std::string(10, ' ') + "\n<?xpacket end=\"w\"?>";
  return x;
}

void write_document_level(HPDF_Doc pdf, const DocumentInfo& info, PdfStandard standard, const std::string& id) {
  const bool archival = standard != PdfStandard::None;
  if (archival) pdf->pdf_version = HPDF_VER_17;
  const std::string producer = std::string("thaidoc (LibHaru ") + HPDF_VERSION_TEXT + ")";
  const long long time = creation_time(info.date);

  HPDF_Dict dict = pdf->info;
  if (!dict) {
    dict = HPDF_Dict_New(pdf->mmgr);
    if (dict) {
      HPDF_Xref_Add(pdf->xref, dict);
      HPDF_Dict_Add(pdf->trailer, "Info", dict);
    }
    check_hpdf(pdf, "creating the document information");
    pdf->info = dict;
  }
  const std::pair<const char*, const std::string*> fields[] = {
      {"Title", &info.title},       {"Author", &info.author},   {"Subject", &info.subject},
      {"Keywords", &info.keywords}, {"Creator", &info.creator}, {"Producer", &producer},
  };
  for (const auto& [key, value] : fields)
    if (!value->empty()) HPDF_Dict_Add(dict, key, text_string(pdf, *value));
  if (time >= 0) {
    const std::string d = pdf_date(time);
    HPDF_Dict_Add(dict, "CreationDate", HPDF_String_New(pdf->mmgr, d.c_str(), nullptr));
    HPDF_Dict_Add(dict, "ModDate", HPDF_String_New(pdf->mmgr, d.c_str(), nullptr));
  }
  if (!info.language.empty()) HPDF_Dict_Add(pdf->catalog, "Lang", text_string(pdf, info.language));
  check_hpdf(pdf, "writing the document information");

  // The trailer /ID: the same string twice (the file was never updated).
  HPDF_Array ids = HPDF_Array_New(pdf->mmgr);
  if (ids) {
    HPDF_Dict_Add(pdf->trailer, "ID", ids);
    for (int i = 0; i < 2; ++i)
      HPDF_Array_Add(ids, HPDF_Binary_New(pdf->mmgr, reinterpret_cast<HPDF_BYTE*>(const_cast<char*>(id.data())),
                                          static_cast<HPDF_UINT>(id.size())));
  }
  check_hpdf(pdf, "writing the document ID");
  if (!archival) return;

  // XMP metadata: uncompressed (PDF/A: the metadata stream has no filter).
  const std::string xmp = xmp_packet(info, standard, time, producer);
  HPDF_Dict meta = raw_stream(pdf, xmp.data(), xmp.size(), false);
  if (meta) {
    HPDF_Dict_AddName(meta, "Type", "Metadata");
    HPDF_Dict_AddName(meta, "Subtype", "XML");
    HPDF_Dict_Add(pdf->catalog, "Metadata", meta);
  }
  check_hpdf(pdf, "writing the XMP metadata");

  // The output intent: every colour is DeviceRGB or DeviceGray, meant as sRGB.
  HPDF_Dict icc = raw_stream(pdf, kSrgbIcc, kSrgbIccSize, true);
  if (icc) HPDF_Dict_AddNumber(icc, "N", 3);
  HPDF_Dict intent = HPDF_Dict_New(pdf->mmgr);
  HPDF_Array intents = HPDF_Array_New(pdf->mmgr);
  if (intent && intents && icc) {
    HPDF_Dict_AddName(intent, "Type", "OutputIntent");
    HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
    HPDF_Dict_Add(intent, "OutputConditionIdentifier", HPDF_String_New(pdf->mmgr, "sRGB IEC61966-2.1", nullptr));
    HPDF_Dict_Add(intent, "Info", HPDF_String_New(pdf->mmgr, "sRGB IEC61966-2.1", nullptr));
    HPDF_Dict_Add(intent, "DestOutputProfile", icc);
    HPDF_Array_Add(intents, intent);
    HPDF_Dict_Add(pdf->catalog, "OutputIntents", intents);
  }
  check_hpdf(pdf, "writing the output intent");
}

}  // namespace thaidoc::pdf_detail
