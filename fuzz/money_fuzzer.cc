// Fuzz target: Money::Parse accepts or rejects, and what it accepts prints and re-parses to
// the same amount.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "base/money.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  std::string why;
  for (auto unit : {gongkai::MoneyUnit::kWan, gongkai::MoneyUnit::kYuan}) {
    auto m = gongkai::Money::Parse(text, unit, &why);
    if (!m) continue;
    auto again = gongkai::Money::Parse(m->ExactWan(), gongkai::MoneyUnit::kWan, &why);
    if (!again || *again != *m) std::abort();
    (void)m->Wan(2, true);
  }
  return 0;
}
