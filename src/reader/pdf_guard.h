// Bounds on what a PDF may make the reader do, checked before poppler parses it.
//
// poppler-cpp offers no limit on how much a file may decompress to, and a 1 MB PDF can hold a
// content stream that inflates to a gigabyte, which poppler then parses for minutes. So the raw
// bytes are scanned first: every stream whose /Filter chain can expand (/FlateDecode,
// /LZWDecode, /RunLengthDecode, also behind /ASCII85Decode or /ASCIIHexDecode, in any order) and
// that is not an image (text extraction does not decode images) is decoded into a scratch buffer
// and its size counted, stopping as soon as the total passes the limit. Written here because no
// packaged library bounds poppler or decodes PDF's filters on their own; libdeflate does the
// inflating (zlib, a piece at a time, when a stream is larger than 16 MB or damaged), the other
// filters are a few lines each (ISO 32000-1 §7.4).
//
// Font programs, most of a small PDF's compressed bytes, are bounded by their length (times
// deflate's largest ratio) instead of inflated while the bounds fit in the limit.
//
// A filter given by reference (/Filter 7 0 R) is taken for /FlateDecode; an unknown filter ends
// the chain (poppler cannot decode it either). The page limit is checked after loading
// (pdf_words.cc), where poppler counts pages.
#ifndef GONGKAI_READER_PDF_GUARD_H_
#define GONGKAI_READER_PDF_GUARD_H_

#include <cstdint>
#include <string_view>

namespace gongkai::reader {

struct InflatedSize {
  uint64_t bytes = 0;          // inflated: the total, or the first total above the limit
  int streams = 0;             // streams inflated
  uint64_t bounded_bytes = 0;  // at most what the font programs not inflated inflate to
  int bounded_streams = 0;     // font programs not inflated
  bool over = false;           // stopped at the limit
};

// Sums the decoded sizes of the streams of `pdf` that can expand and are not images, stopping
// once the sum exceeds `limit`. Font programs are not inflated while their bounds (a program's
// compressed length times deflate's largest ratio, 1032) fit in what the other streams leave of
// the limit: they are counted at their bounds in `bounded_bytes`, the largest inflated first
// until the rest fit. `over` is therefore what inflating every stream would give.
InflatedSize MeasureInflatedStreams(std::string_view pdf, uint64_t limit);

}  // namespace gongkai::reader

#endif  // GONGKAI_READER_PDF_GUARD_H_
