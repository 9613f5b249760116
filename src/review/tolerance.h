// How close a printed figure must be to count as right.
//
// Printed figures are 万元 with 2 decimals, each rounded half up from exact detail. So:
//  - A printed figure is right when it equals the exact value rounded half up.
//  - It is a rounding difference (提示) when it is within 0.01万元 of the exact value (it was
//    rounded another way, e.g. truncated), or, for a total compared with its printed parts,
//    within 0.005万元 per part of their sum (each part may be off by half a cent).
//  - Anything further is a real difference (the rule's own severity, usually 错误).
// Percentages follow the same idea at the precision they are printed with: right when equal
// to the exact ratio rounded half up to the printed decimals; a rounding difference when
// within one unit of the last printed decimal (e.g. 7.24 for 7.246%); otherwise wrong.
#ifndef GONGKAI_REVIEW_TOLERANCE_H_
#define GONGKAI_REVIEW_TOLERANCE_H_

#include <string>
#include <vector>

#include "base/money.h"

namespace gongkai {

enum class Agreement { kExact, kRounding, kMismatch };

// A printed amount against the exact value it should show.
Agreement CompareAmount(Money printed, Money exact);
// A printed total against its printed parts.
Agreement CompareTotal(Money printed_total, const std::vector<Money>& printed_parts);
// A printed percentage ("7.24", "100", "80.3") against numerator / denominator × 100.
// Unparseable text is a mismatch.
Agreement ComparePercent(const std::string& printed, __int128 numerator, __int128 denominator);

// "1597.66" — display helpers for messages.
std::string Wan(Money m);
// Signed difference printed − exact, "+0.01" / "-124.81".
std::string Diff(Money printed, Money exact);

}  // namespace gongkai

#endif  // GONGKAI_REVIEW_TOLERANCE_H_
