// Fuzz target: the source loader must report errors, never crash, on any input.
#include <cstddef>
#include <cstdint>
#include <string>

#include "source/source_loader.h"

namespace {
const gongkai::CatalogProvider& Catalogs() {
  static const gongkai::CatalogProvider p = gongkai::MakeCatalogProvider(GONGKAI_DATA_DIR);
  return p;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  try {
    gongkai::ParseSource(text, "fuzz.yaml", Catalogs());
  } catch (const gongkai::SourceError&) {
    // expected for most inputs
  }
  return 0;
}
