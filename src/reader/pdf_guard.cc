#include "reader/pdf_guard.h"

#include <libdeflate.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/large_buffer.h"

namespace gongkai::reader {
namespace {

// The dictionary of the stream whose keyword starts at `at`: the text since the object's
// "obj" keyword (at most 4 KB back; longer dictionaries are cut, which only matters for the
// names looked for below).
std::string_view StreamDictionary(std::string_view pdf, size_t at) {
  const size_t from = at > 4096 ? at - 4096 : 0;
  std::string_view before = pdf.substr(from, at - from);
  size_t obj = before.rfind("obj");
  return obj == std::string_view::npos ? before : before.substr(obj + 3);
}

bool IsSpace(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

// Where decoded bytes go: counted always, kept (up to the budget) only when the next filter of
// the chain needs them. Full once more than `budget` bytes were put.
class Sink {
 public:
  Sink(uint64_t budget, std::string* keep) : budget_(budget), keep_(keep) {}
  // False once the sink is over its budget (the decoder stops).
  bool Put(const unsigned char* data, size_t n) {
    if (keep_ && size_ <= budget_) {
      keep_->append(reinterpret_cast<const char*>(data),
                    static_cast<size_t>(std::min<uint64_t>(n, budget_ - size_ + 1)));
    }
    size_ += n;
    return size_ <= budget_;
  }
  bool Put(unsigned char c) { return Put(&c, 1); }
  uint64_t size() const { return size_; }

 private:
  uint64_t budget_;
  std::string* keep_;
  uint64_t size_ = 0;
};

// Streams inflated whole by libdeflate, which is two to three times as fast as zlib (most of
// the guard's time was zlib's: 13 M of a small file's 160 M instructions; 34 ms of a 3.6 MB
// file's fonts) but inflates into memory, not a piece at a time: into a buffer of kWhole bytes
// (virtual memory: only the pages written are touched), never more than the sink's budget.
// One per MeasureInflatedStreams call. Past its first 256 KB the buffer is in huge pages
// (base/large_buffer.h): a 4.4 MB font program otherwise took 1,100 page faults, a third of
// the time it took to inflate.
class WholeInflater {
 public:
  WholeInflater() : decompressor_(libdeflate_alloc_decompressor()) {}
  // True when the stream fitted in `room` (and the buffer) and was whole and sound: its bytes
  // are then in the sink. False otherwise (larger, damaged, or not zlib): the caller inflates it
  // with zlib, which stops at the budget and counts what a damaged stream gives before its
  // damage, so the counts are the same either way.
  bool Inflate(std::string_view data, uint64_t room, Sink& sink) {
    if (!decompressor_) return false;
    if (!buffer_.data()) buffer_ = LargeBuffer(kWhole, kHugeFrom);
    if (!buffer_.data()) return false;
    const size_t capacity = static_cast<size_t>(std::min<uint64_t>(kWhole, room));
    size_t used = 0, out = 0;
    if (libdeflate_zlib_decompress_ex(decompressor_.get(), data.data(), data.size(), buffer_.data(),
                                      capacity, &used, &out) != LIBDEFLATE_SUCCESS) {
      return false;
    }
    sink.Put(buffer_.data(), out);
    return true;
  }

 private:
  // Larger than the largest stream of the corpus (a 4.4 MB font).
  static constexpr size_t kWhole = size_t{16} << 20;
  static constexpr size_t kHugeFrom = size_t{256} << 10;
  struct Free {
    void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
  };
  std::unique_ptr<libdeflate_decompressor, Free> decompressor_;
  LargeBuffer buffer_;
};

void Inflate(std::string_view data, uint64_t room, WholeInflater& whole, Sink& sink) {
  if (whole.Inflate(data, room, sink)) return;
  z_stream z{};
  if (inflateInit(&z) != Z_OK) return;
  static thread_local std::array<unsigned char, 1 << 16> scratch;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  // zlib's counts are 32-bit: feed at most 1 GB of input at a time (a stream is never more).
  z.avail_in = static_cast<uInt>(std::min<size_t>(data.size(), size_t{1} << 30));
  while (true) {
    z.next_out = scratch.data();
    z.avail_out = static_cast<uInt>(scratch.size());
    const int rc = inflate(&z, Z_NO_FLUSH);
    if (!sink.Put(scratch.data(), scratch.size() - z.avail_out)) break;
    if (rc != Z_OK) break;  // the end, an error, or no progress possible (truncated)
  }
  inflateEnd(&z);
}

// LZW as PDF uses it (ISO 32000-1 §7.4.4): 9- to 12-bit codes, 256 clears the table, 257 ends,
// and the code width grows one code early (/EarlyChange 1, the default) or, with /EarlyChange 0,
// when the table is full for the current width.
void DecodeLzw(std::string_view data, int early_change, Sink& sink) {
  struct Entry {
    uint16_t prefix;  // the code this one extends
    uint8_t last;     // the byte it adds
    uint8_t first;    // its first byte
    uint16_t length;  // its length in bytes
  };
  std::vector<Entry> table(4096);
  for (int i = 0; i < 256; ++i) {
    table[i] = {0, static_cast<uint8_t>(i), static_cast<uint8_t>(i), 1};
  }
  std::array<unsigned char, 4096> out;
  int next = 258, width = 9, prev = -1;
  uint32_t bits = 0;
  int have = 0;
  size_t at = 0;
  while (true) {
    while (have < width && at < data.size()) {
      bits = (bits << 8) | static_cast<unsigned char>(data[at++]);
      have += 8;
    }
    if (have < width) return;
    const int code = static_cast<int>((bits >> (have - width)) & ((1u << width) - 1));
    have -= width;
    if (code == 256) {
      next = 258, width = 9, prev = -1;
      continue;
    }
    if (code == 257) return;
    if (prev < 0) {
      if (code > 255) return;  // a damaged stream: poppler stops too
    } else if (code > next || (code == next && next >= 4096)) {
      return;
    } else if (next < 4096) {
      const uint8_t first = code == next ? table[prev].first : table[code].first;
      table[next] = {static_cast<uint16_t>(prev), first, table[prev].first,
                     static_cast<uint16_t>(table[prev].length + 1)};
      ++next;
      if (next + early_change >= (1 << width) && width < 12) ++width;
    }
    // Write the code's bytes, last to first.
    const uint16_t length = table[code].length;
    int c = code;
    for (int i = length - 1; i >= 0; --i) {
      out[i] = table[c].last;
      c = table[c].prefix;
    }
    if (!sink.Put(out.data(), length)) return;
    prev = code;
  }
}

// RunLengthDecode: a length byte L then L + 1 bytes (L < 128), or one byte 257 - L times
// (L > 128); 128 ends.
void DecodeRunLength(std::string_view data, Sink& sink) {
  std::array<unsigned char, 128> run;
  for (size_t at = 0; at < data.size();) {
    const unsigned char length = static_cast<unsigned char>(data[at++]);
    if (length == 128) return;
    if (length < 128) {
      const size_t n = std::min<size_t>(length + 1, data.size() - at);
      if (!sink.Put(reinterpret_cast<const unsigned char*>(data.data() + at), n)) return;
      at += n;
    } else {
      if (at >= data.size()) return;
      run.fill(static_cast<unsigned char>(data[at++]));
      if (!sink.Put(run.data(), 257 - length)) return;
    }
  }
}

void DecodeAsciiHex(std::string_view data, Sink& sink) {
  int high = -1;
  for (char c : data) {
    if (c == '>') break;
    int v;
    if (c >= '0' && c <= '9') {
      v = c - '0';
    } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
      v = (c | 0x20) - 'a' + 10;
    } else if (IsSpace(c)) {
      continue;
    } else {
      return;
    }
    if (high < 0) {
      high = v;
    } else {
      if (!sink.Put(static_cast<unsigned char>(high * 16 + v))) return;
      high = -1;
    }
  }
  if (high >= 0) sink.Put(static_cast<unsigned char>(high * 16));
}

void DecodeAscii85(std::string_view data, Sink& sink) {
  uint64_t group = 0;
  int n = 0;
  auto flush = [&](int chars) {  // chars of a group (2..5) → chars - 1 bytes
    for (int i = chars; i < 5; ++i) group = group * 85 + 84;
    const unsigned char bytes[4] = {
        static_cast<unsigned char>(group >> 24), static_cast<unsigned char>(group >> 16),
        static_cast<unsigned char>(group >> 8), static_cast<unsigned char>(group)};
    group = 0;
    return sink.Put(bytes, static_cast<size_t>(chars - 1));
  };
  for (char c : data) {
    if (c == '~') break;
    if (IsSpace(c)) continue;
    if (c == 'z' && n == 0) {
      static const unsigned char zeros[4] = {0, 0, 0, 0};
      if (!sink.Put(zeros, 4)) return;
      continue;
    }
    if (c < '!' || c > 'u') return;
    group = group * 85 + static_cast<uint64_t>(c - '!');
    if (++n == 5) {
      n = 0;
      if (!flush(5)) return;
    }
  }
  if (n >= 2) flush(n);
}

enum class Filter { kFlate, kLzw, kRunLength, kAsciiHex, kAscii85, kImage, kUnknown };

Filter FilterNamed(std::string_view name) {
  if (name == "FlateDecode" || name == "Fl") return Filter::kFlate;
  if (name == "LZWDecode" || name == "LZW") return Filter::kLzw;
  if (name == "RunLengthDecode" || name == "RL") return Filter::kRunLength;
  if (name == "ASCIIHexDecode" || name == "AHx") return Filter::kAsciiHex;
  if (name == "ASCII85Decode" || name == "A85") return Filter::kAscii85;
  if (name == "DCTDecode" || name == "DCT" || name == "JPXDecode" || name == "JBIG2Decode" ||
      name == "CCITTFaxDecode" || name == "CCF") {
    return Filter::kImage;
  }
  return Filter::kUnknown;
}

// The stream's /Filter: one name or an array of names, in the order they are applied. A filter
// given by reference (/Filter 7 0 R, rare) is taken for /FlateDecode, the usual one.
std::vector<Filter> Filters(std::string_view dict) {
  std::vector<Filter> out;
  size_t at = dict.find("/Filter");
  if (at == std::string_view::npos) return out;
  at += 7;
  while (at < dict.size() && IsSpace(dict[at])) ++at;
  if (at >= dict.size()) return out;
  const bool array = dict[at] == '[';
  if (!array && dict[at] != '/') return {Filter::kFlate};
  if (array) ++at;
  while (at < dict.size()) {
    while (at < dict.size() && IsSpace(dict[at])) ++at;
    if (at >= dict.size() || dict[at] != '/') break;
    const size_t start = ++at;
    while (at < dict.size() && !IsSpace(dict[at]) && dict[at] != '/' && dict[at] != '[' &&
           dict[at] != ']' && dict[at] != '>' && dict[at] != '<' && dict[at] != '(') {
      ++at;
    }
    out.push_back(FilterNamed(dict.substr(start, at - start)));
    if (!array) break;
  }
  return out;
}

// /EarlyChange of the stream's /DecodeParms: 1 unless it says 0.
int LzwEarlyChange(std::string_view dict) {
  size_t at = dict.find("/EarlyChange");
  if (at == std::string_view::npos) return 1;
  at += 12;
  while (at < dict.size() && IsSpace(dict[at])) ++at;
  return at < dict.size() && dict[at] == '0' ? 0 : 1;
}

// Decodes `data` through `chain`, counting the bytes the last filter gives (stopping once past
// `budget`); the filters before it keep their output, bounded by the same budget.
uint64_t DecodedSize(std::string_view data, const std::vector<Filter>& chain, int early_change,
                     uint64_t budget, WholeInflater& whole) {
  std::string held[2];
  std::string_view in = data;
  for (size_t i = 0; i < chain.size(); ++i) {
    const bool last = i + 1 == chain.size();
    std::string* keep = last ? nullptr : &held[i % 2];
    if (keep) keep->clear();
    Sink sink(budget, keep);
    switch (chain[i]) {
      case Filter::kFlate:
        Inflate(in, budget, whole, sink);
        break;
      case Filter::kLzw:
        DecodeLzw(in, early_change, sink);
        break;
      case Filter::kRunLength:
        DecodeRunLength(in, sink);
        break;
      case Filter::kAsciiHex:
        DecodeAsciiHex(in, sink);
        break;
      case Filter::kAscii85:
        DecodeAscii85(in, sink);
        break;
      case Filter::kImage:
      case Filter::kUnknown:
        return 0;
    }
    if (last || sink.size() > budget) return sink.size();
    in = *keep;
  }
  return 0;
}

// A font program (/FontFile, /FontFile2: /Length1; /FontFile3: /Subtype /Type1C, /CIDFontType0C
// or /OpenType). poppler inflates them too (it checks an embedded font even for text: a corrupt
// one is reported as "Embedded font file may be invalid"), so they are bounded, not skipped; they
// are most of what a small PDF inflates: 275 KB of 330 KB in a two-page one, 7 M instructions.
bool IsFontProgram(std::string_view dict) {
  return dict.find("/Length1") != std::string_view::npos ||
         dict.find("/Type1C") != std::string_view::npos ||
         dict.find("/CIDFontType0C") != std::string_view::npos ||
         dict.find("/OpenType") != std::string_view::npos;
}

// At most what a stream of /FlateDecode (behind ASCII filters or none) can inflate to, from its
// length, without inflating it: deflate expands at most 1032 times (zlib's technical details).
// Its length is the bytes up to the first "endstream" at or after a direct /Length, which covers
// the length poppler takes whether /Length is right or it looks for the keyword after it.
// Nothing for another chain or an indirect /Length: the stream is inflated then.
std::optional<uint64_t> FontBound(std::string_view pdf, std::string_view dict, size_t data,
                                  const std::vector<Filter>& chain) {
  constexpr uint64_t kMaxDeflateRatio = 1032;
  if (std::count(chain.begin(), chain.end(), Filter::kFlate) != 1 ||
      chain.back() != Filter::kFlate || std::any_of(chain.begin(), chain.end(), [](Filter f) {
        return f != Filter::kFlate && f != Filter::kAscii85 && f != Filter::kAsciiHex;
      })) {
    return std::nullopt;
  }
  uint64_t length = 0;
  for (size_t at = dict.find("/Length"); at != std::string_view::npos;
       at = dict.find("/Length", at + 7)) {
    size_t p = at + 7;
    if (p < dict.size() && dict[p] >= '0' && dict[p] <= '9') continue;  // /Length1, /Length2 …
    while (p < dict.size() && IsSpace(dict[p])) ++p;
    size_t digits = p;
    uint64_t n = 0;
    while (p < dict.size() && dict[p] >= '0' && dict[p] <= '9' && p - digits < 12) {
      n = n * 10 + static_cast<uint64_t>(dict[p++] - '0');
    }
    if (p == digits) return std::nullopt;
    // "7 0 R" is a reference, not a length.
    size_t q = p;
    while (q < dict.size() && IsSpace(dict[q])) ++q;
    if (q < dict.size() && dict[q] >= '0' && dict[q] <= '9') return std::nullopt;
    length = n;
    break;
  }
  if (length == 0) return std::nullopt;
  const size_t from = data + static_cast<size_t>(std::min<uint64_t>(length, pdf.size() - data));
  const size_t end = pdf.find("endstream", from);
  const uint64_t until = (end == std::string_view::npos ? pdf.size() : end) - data;
  return (std::max(length, until) + 1) * kMaxDeflateRatio;
}

}  // namespace

InflatedSize MeasureInflatedStreams(std::string_view pdf, uint64_t limit) {
  InflatedSize size;
  // Font programs with a bound, inflated only if the bounds do not fit (below).
  struct Font {
    size_t data;
    std::vector<Filter> chain;
    uint64_t bound;
  };
  std::vector<Font> fonts;
  uint64_t bounds = 0;
  WholeInflater whole;
  for (size_t at = pdf.find("stream"); at != std::string_view::npos;
       at = pdf.find("stream", at + 6)) {
    // "stream" then an end of line, not the end of "endstream".
    if (at >= 3 && pdf.substr(at - 3, 3) == "end") continue;
    size_t data = at + 6;
    if (data < pdf.size() && pdf[data] == '\r') ++data;
    if (data >= pdf.size() || pdf[data] != '\n') continue;
    ++data;
    std::string_view dict = StreamDictionary(pdf, at);
    if (dict.find("/Image") != std::string_view::npos) continue;
    std::vector<Filter> chain = Filters(dict);
    // Only the filters that can expand matter; images are not decoded for their text.
    const bool expands = std::any_of(chain.begin(), chain.end(), [](Filter f) {
      return f == Filter::kFlate || f == Filter::kLzw || f == Filter::kRunLength;
    });
    const bool image = std::any_of(chain.begin(), chain.end(), [](Filter f) {
      return f == Filter::kImage || f == Filter::kUnknown;
    });
    if (!expands || image) continue;
    if (IsFontProgram(dict)) {
      if (std::optional<uint64_t> bound = FontBound(pdf, dict, data, chain)) {
        bounds += *bound;
        fonts.push_back({data, std::move(chain), *bound});
        continue;
      }
    }
    ++size.streams;
    size.bytes += DecodedSize(pdf.substr(data), chain, LzwEarlyChange(dict),
                              limit - std::min(limit, size.bytes), whole);
    if (size.bytes > limit) {
      size.over = true;
      return size;
    }
  }
  // While the fonts' bounds do not fit in what is left, the font with the largest bound is
  // inflated and counted as it is. So the file is refused exactly when inflating everything
  // passes the limit, as if no font had been bounded.
  std::stable_sort(fonts.begin(), fonts.end(),
                   [](const Font& a, const Font& b) { return a.bound > b.bound; });
  size_t inflated = 0;
  for (; inflated < fonts.size() && size.bytes + bounds > limit; ++inflated) {
    const Font& f = fonts[inflated];
    bounds -= f.bound;
    ++size.streams;
    size.bytes +=
        DecodedSize(pdf.substr(f.data), f.chain, 1, limit - std::min(limit, size.bytes), whole);
    if (size.bytes > limit) {
      size.over = true;
      return size;
    }
  }
  size.bounded_streams = static_cast<int>(fonts.size() - inflated);
  size.bounded_bytes = bounds;
  return size;
}

}  // namespace gongkai::reader
