// Fuzz target: the catalog CSV reader reports errors, never crashes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  try {
    gongkai::ParseCsv(text, "fuzz.csv");
  } catch (const gongkai::CatalogError&) {
  }
  return 0;
}
