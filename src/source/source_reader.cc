#include "source/source_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdint>

#include "base/decimal.h"
#include "base/utf8_text.h"
#include "source/source_loader.h"

namespace gongkai {

void SourceReader::Error(DiagnosticLocation where, const std::string& message) {
  if (errors_.size() < kMaxErrors) errors_.push_back(SourceDiagnostic(std::move(where), message));
}

namespace {

const std::string kNoKey;  // the key of an entry whose key is not a scalar

// "…中有未知的键「000.00」…". In a { … } mapping a key without a value is most often the rest of
// a value that holds a comma (amount: 1,000.00; note: 办公费, 印刷费): the comma ended the value
// and started a "key". Say so, and how to write it.
std::string UnknownKey(const std::string& what, const std::string& key, const std::string& list,
                       const YamlNode& map, const YamlNode& value) {
  std::string message =
      fmt::format("{}中有未知的键「{}」（可用的键：{}）", what, Excerpt(key), list);
  if (map.style() == YamlStyle::kFlow && (!value || value.IsNull())) {
    message +=
        "。花括号 { } 中逗号分隔各项：若前一项的值本身含逗号（如千分位 1,000.00 或“办公费, "
        "印刷费”），请去掉千分位逗号，或给值加引号";
  }
  return message;
}

}  // namespace

bool SourceReader::ExpectMap(const YamlNode& n, const std::string& what,
                             std::initializer_list<std::string_view> allowed) {
  if (allowed.size() > 64) {  // more than `seen` holds
    return ExpectMap(n, what, std::set<std::string>(allowed.begin(), allowed.end()));
  }
  if (!n.IsMap()) {
    Error(n, fmt::format("{}应为键值映射（key: value）", what));
    return false;
  }
  uint64_t seen = 0;  // by index in `allowed`
  for (const auto& entry : n.entries()) {
    const std::string& key = entry.key.IsScalar() ? entry.key.Scalar() : kNoKey;
    auto it = std::find(allowed.begin(), allowed.end(), key);
    if (it == allowed.end()) {
      if (errors_.size() >= kMaxErrors) continue;  // a hostile map of a million unknown keys
      // The keys in the order of a set, as the other ExpectMap lists them.
      std::string list;
      for (const auto& a : std::set<std::string>(allowed.begin(), allowed.end())) {
        list += (list.empty() ? "" : ", ") + a;
      }
      Error(entry.key, UnknownKey(what, key, list, n, entry.value));
      continue;
    }
    const uint64_t bit = uint64_t{1} << (it - allowed.begin());
    if (seen & bit) Error(entry.key, fmt::format("{}中的键「{}」重复", what, Excerpt(key)));
    seen |= bit;
  }
  return true;
}

bool SourceReader::ExpectMap(const YamlNode& n, const std::string& what,
                             const std::set<std::string>& allowed) {
  if (!n.IsMap()) {
    Error(n, fmt::format("{}应为键值映射（key: value）", what));
    return false;
  }
  std::vector<std::string_view> seen;  // a mapping has a few keys: no set is needed
  for (const auto& entry : n.entries()) {
    const std::string& key = entry.key.IsScalar() ? entry.key.Scalar() : kNoKey;
    if (!allowed.count(key)) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      Error(entry.key, UnknownKey(what, key, list, n, entry.value));
    } else if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
      Error(entry.key, fmt::format("{}中的键「{}」重复", what, Excerpt(key)));
    } else {
      seen.push_back(key);
    }
  }
  return true;
}

bool SourceReader::ExpectList(const YamlNode& n, const std::string& what) {
  if (n.IsNull()) return false;
  if (!n.IsSequence()) {
    Error(n, fmt::format("{}应为列表（- …）", what));
    return false;
  }
  return true;
}

void SourceReader::RequireKeys(const YamlNode& n, const std::string& what,
                               std::initializer_list<const char*> keys) {
  if (!n.IsMap()) return;
  for (const char* k : keys) {
    if (!n[k]) Error(n, fmt::format("{}缺少必填项「{}」", what, k));
  }
}

std::string SourceReader::Text(const YamlNode& n, const std::string& what) {
  if (!n || n.IsNull()) return "";
  if (!n.IsScalar()) {
    Error(n, fmt::format("{}应为文字", what));
    return "";
  }
  std::string s = n.Scalar();
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

std::string SourceReader::NonEmptyText(const YamlNode& map, const char* key,
                                       const std::string& what) {
  const YamlNode n = map[key];
  std::string s = Text(n, what);
  if (!n || !s.empty() || !(n.IsNull() || n.IsScalar())) return s;
  YamlNode at = n;
  if (n.IsNull()) {
    for (const auto& entry : map.entries()) {
      if (entry.key.IsScalar() && entry.key.Scalar() == key) at = entry.key;
    }
  }
  Error(at, fmt::format("{}不能为空", what));
  return s;
}

int SourceReader::Year(const YamlNode& n, const std::string& what) {
  return Integer(n, what, kMinYear, kMaxYear);
}

std::string SourceReader::Date(const YamlNode& n, const std::string& what) {
  std::string s = Text(n, what);
  if (s.empty()) return s;
  bool shape = s.size() == 10 && s[4] == '-' && s[7] == '-';
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) shape = shape && i < s.size() && isdigit(s[i]);
  if (!shape) {
    Error(n, fmt::format("{}应为日期 YYYY-MM-DD，而不是「{}」", what, Excerpt(s)));
    return s;
  }
  const int y = std::stoi(s.substr(0, 4));
  const unsigned m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  if (!std::chrono::year_month_day(std::chrono::year(y), std::chrono::month(m), std::chrono::day(d))
           .ok()) {
    Error(n, fmt::format("{}「{}」不是有效的日期（{}年没有{}月{}日）", what, s, y, m, d));
  } else if (y < kMinYear || y > kMaxYear) {
    Error(n, fmt::format("{}「{}」的年份应在{}到{}之间", what, s, kMinYear, kMaxYear));
  }
  return s;
}

std::string SourceReader::Fraction(const YamlNode& n, const std::string& what) {
  const size_t before = errors_.size();
  std::string s = DecimalText(n, what);
  if (s.empty() || errors_.size() != before) return s;
  auto value = Decimal::Parse(s);
  const size_t point = s.find('.');
  const size_t decimals = point == std::string::npos ? 0 : s.size() - point - 1;
  if (!value || *value > Decimal::FromInt(1) || decimals > 6) {
    Error(n, fmt::format("{}应为0到1之间的比例（如 0.4 表示40%，最多6位小数），而不是「{}」", what,
                         Excerpt(s)));
  }
  return s;
}

std::string SourceReader::Category(const YamlNode& n, const std::string& what, bool as_printed) {
  std::string s = Text(n, what);
  if (s.empty()) return s;
  std::string list;
  for (const auto& c : ProjectCategories()) {
    if (s == c || (as_printed && s == c + "项目支出")) return s;
    list += (list.empty() ? "" : "、") + c;
  }
  Error(n, fmt::format("{}「{}」不是支出项目类别（可用：{}）", what, Excerpt(s), list));
  return s;
}

std::string SourceReader::DataName(const YamlNode& n, const std::string& what) {
  std::string s = Text(n, what);
  if (!s.empty() && !IsDataName(s)) {
    Error(n, fmt::format("{}「{}」不是有效的名称：只能由字母、数字、「-」和「_」组成（如 "
                         "wuhan-2023），指数据目录中的文件名，不能是路径",
                         what, Excerpt(s)));
    return "";
  }
  return s;
}

int SourceReader::Integer(const YamlNode& n, const std::string& what, int min, int max) {
  std::string s = Text(n, what);
  if (s.empty()) return 0;
  size_t pos = 0;
  int value = 0;
  try {
    value = std::stoi(s, &pos);
  } catch (const std::exception&) {
    pos = 0;
  }
  if (pos != s.size() || value < min || value > max) {
    Error(n, fmt::format("{}应为{}到{}之间的整数，而不是「{}」", what, min, max, Excerpt(s)));
    return 0;
  }
  return value;
}

bool SourceReader::Boolean(const YamlNode& n, const std::string& what) {
  std::string s = Text(n, what);
  if (s == "true" || s == "yes" || s == "是") return true;
  if (s == "false" || s == "no" || s == "否" || s.empty()) return false;
  Error(n, fmt::format("{}应为 true 或 false，而不是「{}」", what, Excerpt(s)));
  return false;
}

Money SourceReader::Amount(const YamlNode& n, const std::string& what) {
  if (!n || n.IsNull()) {
    Error(n, fmt::format("{}缺少金额", what));
    return {};
  }
  std::string s = Text(n, what);
  std::string why;
  auto m = Money::Parse(s, MoneyUnit::kWan, &why);
  if (!m) {
    Error(n, fmt::format("{}：{}", what, why));
    return {};
  }
  if (m->is_negative()) {
    Error(n, fmt::format("{}不能为负数：「{}」", what, Excerpt(s)));
    return {};
  }
  return *m;
}

std::string SourceReader::DecimalText(const YamlNode& n, const std::string& what) {
  std::string s = Text(n, what);
  if (s.empty()) return s;
  bool point = false, digit = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c == '.' && !point) {
      point = true;
    } else {
      digit = false;
      break;
    }
  }
  if (!digit) Error(n, fmt::format("{}应为数字，而不是「{}」", what, Excerpt(s)));
  return s;
}

Counts SourceReader::CountMap(const YamlNode& n, const std::string& what) {
  Counts out;
  if (!n || n.IsNull()) return out;
  if (!n.IsMap()) {
    Error(n, fmt::format("{}应为「类别: 人数」的映射", what));
    return out;
  }
  for (const auto& entry : n.entries()) {
    std::string key = Text(entry.key, what);
    out.emplace_back(key, Integer(entry.value, what + "「" + Excerpt(key) + "」", 0, 10000000));
  }
  return out;
}

std::vector<std::string> SourceReader::TextList(const YamlNode& n, const std::string& what) {
  std::vector<std::string> out;
  if (!n || !ExpectList(n, what)) return out;
  for (const auto& item : n) out.push_back(Text(item, what));
  return out;
}

}  // namespace gongkai
