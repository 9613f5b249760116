#include "reader/pdf_guard.h"

#include <zlib.h>

#include <algorithm>
#include <array>

namespace gongkai::reader {
namespace {

// The dictionary of the stream whose keyword starts at `at`: the text since the object's
// "obj" keyword (at most 4 KB back; longer dictionaries are cut, which only matters for the
// two names looked for below).
std::string_view StreamDictionary(std::string_view pdf, size_t at) {
  const size_t from = at > 4096 ? at - 4096 : 0;
  std::string_view before = pdf.substr(from, at - from);
  size_t obj = before.rfind("obj");
  return obj == std::string_view::npos ? before : before.substr(obj + 3);
}

// Inflates the zlib data starting at `data` into a scratch buffer; returns how many bytes it
// gave, stopping once `budget` is exceeded. Data that is not zlib gives 0.
uint64_t Inflate(std::string_view data, uint64_t budget) {
  z_stream z{};
  if (inflateInit(&z) != Z_OK) return 0;
  static thread_local std::array<unsigned char, 1 << 16> scratch;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  // zlib's counts are 32-bit: feed at most 1 GB of input at a time (a stream is never more).
  z.avail_in = static_cast<uInt>(std::min<size_t>(data.size(), size_t{1} << 30));
  uint64_t out = 0;
  while (out <= budget) {
    z.next_out = scratch.data();
    z.avail_out = static_cast<uInt>(scratch.size());
    const int rc = inflate(&z, Z_NO_FLUSH);
    out += scratch.size() - z.avail_out;
    if (rc != Z_OK) break;  // the end, an error, or no progress possible (truncated)
  }
  inflateEnd(&z);
  return out;
}

}  // namespace

InflatedSize MeasureInflatedStreams(std::string_view pdf, uint64_t limit) {
  InflatedSize size;
  for (size_t at = pdf.find("stream"); at != std::string_view::npos;
       at = pdf.find("stream", at + 6)) {
    // "stream" then an end of line, not the end of "endstream".
    if (at >= 3 && pdf.substr(at - 3, 3) == "end") continue;
    size_t data = at + 6;
    if (data < pdf.size() && pdf[data] == '\r') ++data;
    if (data >= pdf.size() || pdf[data] != '\n') continue;
    ++data;
    std::string_view dict = StreamDictionary(pdf, at);
    if (dict.find("/FlateDecode") == std::string_view::npos) continue;
    if (dict.find("/Image") != std::string_view::npos) continue;
    ++size.streams;
    size.bytes += Inflate(pdf.substr(data), limit - std::min(limit, size.bytes));
    if (size.bytes > limit) {
      size.over = true;
      break;
    }
  }
  return size;
}

}  // namespace gongkai::reader
