// Chinese ordinals as printed in budget documents: 一 … 十, 十一 …, 二十, 廿一 … 廿九, 三十 ….
#ifndef GONGKAI_BASE_CHINESE_NUMERALS_H_
#define GONGKAI_BASE_CHINESE_NUMERALS_H_

#include <string>

namespace gongkai {

std::string ChineseNumber(int n);  // 1 → 一, 12 → 十二, 21 → 廿一 (the form used in 收支总表)

}  // namespace gongkai

#endif  // GONGKAI_BASE_CHINESE_NUMERALS_H_
