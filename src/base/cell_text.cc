#include "base/cell_text.h"

#include <algorithm>
#include <cmath>

namespace gongkai {

double DisplayWidth(std::string_view s) {
  double w = 0;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x80)
      w += 1.1;  // ASCII
    else if (c >= 0xE0)
      w += 2.05;  // lead byte of a 3- or 4-byte character: CJK, full width
    else if (c >= 0xC0)
      w += 1.1;  // lead byte of a 2-byte character
  }
  return w;
}

double LineHeight(double size) { return size * 1.45; }

int WrappedLines(std::string_view text, double width, double size) {
  const double usable = std::max(1.0, width - 1.5);  // the cell's inner margins
  int lines = 0;
  for (size_t start = 0;;) {
    size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? end : end - start);
    lines += std::max(1, static_cast<int>(std::ceil(DisplayWidth(line) * size / 10 / usable)));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return lines;
}

}  // namespace gongkai
