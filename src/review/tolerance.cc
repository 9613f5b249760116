#include "review/tolerance.h"

#include <cstdlib>

#include "base/rounding.h"

namespace gongkai {
namespace {

// One cent of 万元 (0.01万元 = 100元) in fen.
constexpr int64_t kCent = Money::kFenPerWan / 100;

__int128 Abs(__int128 v) { return v < 0 ? -v : v; }

}  // namespace

Agreement CompareAmount(Money printed, Money exact) {
  const int64_t printed_cents = printed.RoundedWan(2);
  if (printed_cents * kCent == printed.fen() && printed_cents == exact.RoundedWan(2)) {
    return Agreement::kExact;
  }
  if (printed == exact) return Agreement::kExact;
  return Abs(static_cast<__int128>(printed.fen()) - exact.fen()) < kCent ? Agreement::kRounding
                                                                         : Agreement::kMismatch;
}

Agreement CompareTotal(Money printed_total, const std::vector<Money>& printed_parts) {
  __int128 sum = 0;
  for (const auto& p : printed_parts) sum += p.fen();
  __int128 diff = Abs(static_cast<__int128>(printed_total.fen()) - sum);
  if (diff == 0) return Agreement::kExact;
  // Each printed part may be off by up to half a cent from its exact value.
  __int128 allowed = static_cast<__int128>(printed_parts.size()) * kCent / 2;
  return diff <= allowed ? Agreement::kRounding : Agreement::kMismatch;
}

Agreement ComparePercent(const std::string& printed, __int128 numerator, __int128 denominator) {
  if (denominator == 0) return Agreement::kMismatch;
  // Parse the printed decimal exactly.
  __int128 value = 0;
  int decimals = -1;
  for (char c : printed) {
    if (c >= '0' && c <= '9') {
      value = value * 10 + (c - '0');
      if (decimals >= 0) ++decimals;
    } else if (c == '.' && decimals < 0) {
      decimals = 0;
    } else {
      return Agreement::kMismatch;
    }
  }
  if (printed.empty()) return Agreement::kMismatch;
  if (decimals < 0) decimals = 0;
  __int128 scale = 100;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  __int128 rounded = RoundHalfUp(Abs(numerator) * scale, Abs(denominator));
  if (rounded == value) return Agreement::kExact;
  // Within one unit of the last printed place of the exact ratio: value·den vs num·scale.
  __int128 lhs = Abs(value * Abs(denominator) - Abs(numerator) * scale);
  return lhs < Abs(denominator) ? Agreement::kRounding : Agreement::kMismatch;
}

std::string Wan(Money m) { return m.Wan(2); }

std::string Diff(Money printed, Money exact) {
  Money d = printed - exact;
  std::string s = d.Wan(2);
  return d.is_negative() ? s : "+" + s;
}

}  // namespace gongkai
