#include "base/rounding.h"

#include <cstdint>
#include <cstdlib>

namespace gongkai {

__int128 RoundHalfUp(__int128 numerator, __int128 denominator) {
  bool negative = (numerator < 0) != (denominator < 0);
  __int128 n = numerator < 0 ? -numerator : numerator;
  __int128 d = denominator < 0 ? -denominator : denominator;
  __int128 q, r;
  if (n <= UINT64_MAX && d <= UINT64_MAX) {
    // Amounts in fen fit 64 bits: a native division, not the library's 128-bit one.
    q = static_cast<uint64_t>(n) / static_cast<uint64_t>(d);
    r = static_cast<uint64_t>(n) % static_cast<uint64_t>(d);
  } else {
    q = n / d;
    r = n % d;
  }
  if (2 * r >= d) ++q;
  return negative ? -q : q;
}

std::string FormatScaled(__int128 scaled, int decimals, bool grouping) {
  bool negative = scaled < 0;
  if (negative) scaled = -scaled;
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(scaled % 10)));
    scaled /= 10;
  } while (scaled > 0);
  while (static_cast<int>(digits.size()) <= decimals) digits.insert(digits.begin(), '0');
  std::string int_part = digits.substr(0, digits.size() - decimals);
  std::string frac_part = digits.substr(digits.size() - decimals);
  if (grouping) {
    std::string grouped;
    int count = 0;
    for (auto it = int_part.rbegin(); it != int_part.rend(); ++it) {
      if (count > 0 && count % 3 == 0) grouped.insert(grouped.begin(), ',');
      grouped.insert(grouped.begin(), *it);
      ++count;
    }
    int_part = grouped;
  }
  std::string out = negative ? "-" : "";
  out += int_part;
  if (decimals > 0) out += "." + frac_part;
  if (out == "-0" || (negative && out.find_first_not_of("-0.,") == std::string::npos)) {
    out.erase(0, 1);  // never print "-0.00"
  }
  return out;
}

std::string FormatQuotient(__int128 numerator, __int128 denominator, int decimals, bool grouping) {
  __int128 scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  return FormatScaled(RoundHalfUp(numerator * scale, denominator), decimals, grouping);
}

}  // namespace gongkai
