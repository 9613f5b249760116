// Fuzz target: the xlsx reader and the workbook → source conversion must report errors,
// never crash, on any bytes. libzip opens the bytes in memory (no temporary file).
#include <cstddef>
#include <cstdint>
#include <string>

#include "source/source_loader.h"
#include "source/workbook_source.h"
#include "xlsx/xlsx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    gongkai::Workbook wb = gongkai::ReadWorkbookFromMemory(data, size, "fuzz.xlsx");
    gongkai::WorkbookToYaml(wb);
  } catch (const gongkai::XlsxError&) {
    // expected for most inputs
  } catch (const gongkai::SourceError&) {
  }
  return 0;
}
