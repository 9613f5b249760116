// The one place where numbers are rounded.
//
// gongkai computes with exact integers everywhere. Rounding happens only when a figure is
// turned into text for a reader, and it always uses the same rule: round half up, applied to
// the magnitude (四舍五入; -1.005 becomes -1.01). Every display function in the project calls
// RoundHalfUp; nothing else divides with rounding.
#ifndef GONGKAI_BASE_ROUNDING_H_
#define GONGKAI_BASE_ROUNDING_H_

#include <cstdint>
#include <string>

namespace gongkai {

// Returns numerator / denominator rounded half up (by magnitude). denominator must not be 0.
__int128 RoundHalfUp(__int128 numerator, __int128 denominator);

// Formats `scaled` (a value multiplied by 10^decimals) as a decimal string, e.g.
// FormatScaled(159766, 2) == "1597.66". With `grouping` the integer part gets thousands
// separators ("1,597.66").
std::string FormatScaled(__int128 scaled, int decimals, bool grouping = false);

// numerator / denominator as a decimal string with `decimals` places, rounded half up.
std::string FormatQuotient(__int128 numerator, __int128 denominator, int decimals,
                           bool grouping = false);

}  // namespace gongkai

#endif  // GONGKAI_BASE_ROUNDING_H_
