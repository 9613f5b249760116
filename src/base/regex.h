// std::regex, cheaper to build. Patterns are matched as bytes, as std::regex matches them (a
// quantifier after a Chinese character applies to its last byte: write (?:度)?, never 度?).
//
// Building a std::regex fills a 256-entry table for every bracket expression ([0-9], \d, and a
// class of Chinese characters, which is a class of their bytes), asking std::regex_traits for
// each byte's collation key in case the class names an equivalence class ([[=a=]]). That key
// comes from the locale's collate facet, a string per byte: building the handful of patterns
// that `audit` uses cost about 8 M instructions, as much as reading a small PDF's text. No
// pattern of gongkai names an equivalence class, so the key is never needed: RegexTraits
// answers it with an empty string, and everything else is std::regex_traits<char>.
#ifndef GONGKAI_BASE_REGEX_H_
#define GONGKAI_BASE_REGEX_H_

#include <regex>
#include <string>

namespace gongkai {

struct RegexTraits : std::regex_traits<char> {
  // Only equivalence classes ([[=a=]]) use it: none is written in gongkai's patterns.
  template <typename It>
  string_type transform_primary(It, It) const {
    return {};
  }
};

using Regex = std::basic_regex<char, RegexTraits>;
using RegexIterator = std::regex_iterator<std::string::const_iterator, char, RegexTraits>;

}  // namespace gongkai

#endif  // GONGKAI_BASE_REGEX_H_
