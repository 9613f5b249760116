// Bounds on what a PDF may make the reader do, checked before poppler parses it.
//
// poppler-cpp offers no limit on how much a file may decompress to, and a 1 MB PDF can hold a
// content stream that inflates to a gigabyte, which poppler then parses for minutes. So the raw
// bytes are scanned first: every stream whose dictionary names /FlateDecode (and that is not an
// image, which text extraction does not decode) is inflated into a scratch buffer and its size
// counted, stopping as soon as the total passes the limit. Written here because no packaged
// library bounds poppler; zlib does the inflating.
//
// What this does not see: streams behind another filter first ([/ASCII85Decode /FlateDecode]),
// which inflate to nothing here; they are rare in published budgets and poppler still parses
// them. The page limit is checked after loading (pdf_words.cc), where poppler counts pages.
#ifndef GONGKAI_READER_PDF_GUARD_H_
#define GONGKAI_READER_PDF_GUARD_H_

#include <cstdint>
#include <string_view>

namespace gongkai::reader {

struct InflatedSize {
  uint64_t bytes = 0;  // the total, or the first total above the limit
  int streams = 0;     // streams inflated
  bool over = false;   // stopped at the limit
};

// Sums the inflated sizes of the /FlateDecode streams of `pdf` that are not images, stopping
// once the sum exceeds `limit`.
InflatedSize MeasureInflatedStreams(std::string_view pdf, uint64_t limit);

}  // namespace gongkai::reader

#endif  // GONGKAI_READER_PDF_GUARD_H_
