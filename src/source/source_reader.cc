#include "source/source_reader.h"

#include <fmt/format.h>

namespace gongkai {

bool SourceReader::ExpectMap(const YAML::Node& n, const std::string& what,
                             const std::set<std::string>& allowed) {
  if (!n.IsMap()) {
    Error(n, fmt::format("{}应为键值映射（key: value）", what));
    return false;
  }
  std::set<std::string> seen;
  for (auto it = n.begin(); it != n.end(); ++it) {
    std::string key = it->first.IsScalar() ? it->first.Scalar() : "";
    if (!allowed.count(key)) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      Error(it->first, fmt::format("{}中有未知的键「{}」（可用的键：{}）", what, key, list));
    } else if (!seen.insert(key).second) {
      Error(it->first, fmt::format("{}中的键「{}」重复", what, key));
    }
  }
  return true;
}

bool SourceReader::ExpectList(const YAML::Node& n, const std::string& what) {
  if (n.IsNull()) return false;
  if (!n.IsSequence()) {
    Error(n, fmt::format("{}应为列表（- …）", what));
    return false;
  }
  return true;
}

void SourceReader::RequireKeys(const YAML::Node& n, const std::string& what,
                               std::initializer_list<const char*> keys) {
  if (!n.IsMap()) return;
  for (const char* k : keys) {
    if (!n[k]) Error(n, fmt::format("{}缺少必填项「{}」", what, k));
  }
}

std::string SourceReader::Text(const YAML::Node& n, const std::string& what) {
  if (!n || n.IsNull()) return "";
  if (!n.IsScalar()) {
    Error(n, fmt::format("{}应为文字", what));
    return "";
  }
  std::string s = n.Scalar();
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

int SourceReader::Integer(const YAML::Node& n, const std::string& what, int min, int max) {
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
    Error(n, fmt::format("{}应为{}到{}之间的整数，而不是「{}」", what, min, max, s));
    return 0;
  }
  return value;
}

bool SourceReader::Boolean(const YAML::Node& n, const std::string& what) {
  std::string s = Text(n, what);
  if (s == "true" || s == "yes" || s == "是") return true;
  if (s == "false" || s == "no" || s == "否" || s.empty()) return false;
  Error(n, fmt::format("{}应为 true 或 false，而不是「{}」", what, s));
  return false;
}

Money SourceReader::Amount(const YAML::Node& n, const std::string& what) {
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
    Error(n, fmt::format("{}不能为负数：「{}」", what, s));
    return {};
  }
  return *m;
}

std::string SourceReader::DecimalText(const YAML::Node& n, const std::string& what) {
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
  if (!digit) Error(n, fmt::format("{}应为数字，而不是「{}」", what, s));
  return s;
}

Counts SourceReader::CountMap(const YAML::Node& n, const std::string& what) {
  Counts out;
  if (!n || n.IsNull()) return out;
  if (!n.IsMap()) {
    Error(n, fmt::format("{}应为「类别: 人数」的映射", what));
    return out;
  }
  for (auto it = n.begin(); it != n.end(); ++it) {
    std::string key = Text(it->first, what);
    out.emplace_back(key, Integer(it->second, what + "「" + key + "」", 0, 10000000));
  }
  return out;
}

std::vector<std::string> SourceReader::TextList(const YAML::Node& n, const std::string& what) {
  std::vector<std::string> out;
  if (!n || !ExpectList(n, what)) return out;
  for (const auto& item : n) out.push_back(Text(item, what));
  return out;
}

}  // namespace gongkai
