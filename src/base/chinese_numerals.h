// Chinese ordinals as printed in budget documents: 一 … 十, 十一 …, 二十, 二十一 …, 三十 ….
// Past twenty the standard form 二十一 is printed, not the abbreviation 廿一 that some
// published tables use (seed 004's 收支总表); a figure declared under 廿一 is still found
// (review/document_lookup.cc reads 廿 as 二十).
#ifndef GONGKAI_BASE_CHINESE_NUMERALS_H_
#define GONGKAI_BASE_CHINESE_NUMERALS_H_

#include <string>

namespace gongkai {

std::string ChineseNumber(int n);  // 1 → 一, 12 → 十二, 20 → 二十, 21 → 二十一

}  // namespace gongkai

#endif  // GONGKAI_BASE_CHINESE_NUMERALS_H_
