// Fuzz target: reading pdftotext-style text of a published document (tables, columns, checks)
// reports what it cannot read, never crashes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/csv.h"
#include "reader/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  gongkai::reader::ReaderOptions options;
  options.data_dir = GONGKAI_DATA_DIR;
  try {
    gongkai::reader::PublishedDocument doc =
        gongkai::reader::ReadPublishedText(text, "fuzz.txt", options);
    static const auto words = gongkai::reader::ThreePublicWords::Load(GONGKAI_DATA_DIR);
    gongkai::reader::CheckPublished(doc, *words);
  } catch (const gongkai::reader::ReaderError&) {
  } catch (const gongkai::CatalogError&) {
  } catch (const std::overflow_error&) {  // sums beyond 9.2e10 万元
  }
  return 0;
}
