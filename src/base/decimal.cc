#include "base/decimal.h"

#include "base/rounding.h"

namespace gongkai {

std::optional<Decimal> Decimal::Parse(std::string_view text) {
  if (text.empty()) return std::nullopt;
  bool negative = false;
  if (text.front() == '-') {
    negative = true;
    text.remove_prefix(1);
  }
  __int128 units = 0;
  int scale = -1, digits = 0;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      units = units * 10 + (c - '0');
      if (scale >= 0) ++scale;
      if (++digits > 18 || scale > 9) return std::nullopt;
    } else if (c == '.' && scale < 0) {
      scale = 0;
    } else if (c == ',' && scale < 0 && digits > 0) {
      continue;
    } else {
      return std::nullopt;
    }
  }
  if (digits == 0) return std::nullopt;
  return Decimal(static_cast<int64_t>(negative ? -units : units), scale < 0 ? 0 : scale);
}

std::string Decimal::ToString() const {
  __int128 u = units_;
  int s = scale_;
  while (s > 0 && u % 10 == 0) {
    u /= 10;
    --s;
  }
  return FormatScaled(u, s);
}

std::strong_ordering Decimal::operator<=>(const Decimal& other) const {
  __int128 a = units_, b = other.units_;
  for (int i = scale_; i < other.scale_; ++i) a *= 10;
  for (int i = other.scale_; i < scale_; ++i) b *= 10;
  return a <=> b;
}

}  // namespace gongkai
