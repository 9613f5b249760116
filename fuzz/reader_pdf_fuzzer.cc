// Fuzz target: reading a published PDF from bytes (the inflation guard, poppler's parsing, words
// → lines → tables, the checks) reports what it cannot read, never crashes or hangs. Small
// limits keep each input fast: 50 pages, 16 MB inflated.
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/csv.h"
#include "reader/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  gongkai::reader::ReaderOptions options;
  options.data_dir = GONGKAI_DATA_DIR;
  options.limits.max_pages = 50;
  options.limits.max_inflated_bytes = 16 << 20;
  try {
    gongkai::reader::PublishedDocument doc =
        gongkai::reader::ReadPublishedPdf(bytes, "fuzz.pdf", options);
    static const auto words = gongkai::reader::ThreePublicWords::Load(GONGKAI_DATA_DIR);
    gongkai::reader::CheckPublished(doc, *words);
  } catch (const gongkai::reader::ReaderError&) {
  } catch (const gongkai::CatalogError&) {
  } catch (const std::overflow_error&) {  // sums beyond 9.2e10 万元
  }
  return 0;
}
