#include "refdata/indicator_value.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <utility>
#include <vector>

#include "base/csv.h"

namespace gongkai {
namespace {

void ReplaceAll(std::string* s, const std::string& from, const std::string& to) {
  for (size_t p = s->find(from); p != std::string::npos; p = s->find(from, p + to.size())) {
    s->replace(p, from.size(), to);
  }
}

// Full-width and look-alike characters as typed in Word/Excel, mapped to one spelling.
std::string Normalize(std::string s) {
  static const std::vector<std::pair<std::string, std::string>> kMap = {
      // TeX as some PDF extractors print a formula cell: "$\geq 95\%$".
      {"$", ""},     {"\\geqslant", "≥"}, {"\\leqslant", "≤"}, {"\\geq", "≥"}, {"\\leq", "≤"},
      {"\\ge", "≥"}, {"\\le", "≤"},       {"\\%", "%"},        {"　", ""},     {" ", ""},
      {"\t", ""},    {"\u00a0", ""},      {"％", "%"},         {"﹪", "%"},    {"＝", "="},
      {"＞", ">"},   {"＜", "<"},         {"﹥", ">"},         {"﹤", "<"},    {"≧", "≥"},
      {"≦", "≤"},    {"⩾", "≥"},          {"⩽", "≤"},          {">=", "≥"},    {"<=", "≤"},
      {"=>", "≥"},   {"=<", "≤"},         {"≥=", "≥"},         {"≤=", "≤"},    {"．", "."},
      {"，", ","},   {"(", "（"},         {")", "）"},         {"０", "0"},    {"１", "1"},
      {"２", "2"},   {"３", "3"},         {"４", "4"},         {"５", "5"},    {"６", "6"},
      {"７", "7"},   {"８", "8"},         {"９", "9"},         {"／", "/"},    {"～", "~"},
      {"〜", "~"},   {"—", "-"},          {"－", "-"},         {"–", "-"},     {"―", "-"},
      {"‐", "-"},    {"﹣", "-"}};
  for (const auto& [from, to] : kMap) ReplaceAll(&s, from, to);
  return s;
}

bool StartsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

bool HasNumeralWord(const std::string& s) {
  for (const char* n :
       {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "两", "百", "千"}) {
    if (s.find(n) != std::string::npos) return true;
  }
  return false;
}

// Removes a leading comparator (symbol or words) and returns it.
Comparator TakeComparator(std::string* s) {
  static const std::vector<std::pair<std::string, Comparator>> kWords = {
      {"大于或等于", Comparator::kGe}, {"小于或等于", Comparator::kLe},
      {"达到", Comparator::kGe},       {"≥", Comparator::kGe},
      {"≤", Comparator::kLe},          {">", Comparator::kGt},
      {"<", Comparator::kLt},          {"=", Comparator::kEq},
      {"大于等于", Comparator::kGe},   {"不少于", Comparator::kGe},
      {"不低于", Comparator::kGe},     {"不小于", Comparator::kGe},
      {"至少", Comparator::kGe},       {"小于等于", Comparator::kLe},
      {"不超过", Comparator::kLe},     {"不高于", Comparator::kLe},
      {"不多于", Comparator::kLe},     {"不大于", Comparator::kLe},
      {"最多", Comparator::kLe},       {"控制在", Comparator::kLe},
      {"大于", Comparator::kGt},       {"高于", Comparator::kGt},
      {"超过", Comparator::kGt},       {"多于", Comparator::kGt},
      {"小于", Comparator::kLt},       {"低于", Comparator::kLt},
      {"少于", Comparator::kLt},       {"等于", Comparator::kEq}};
  for (const auto& [word, c] : kWords) {
    if (StartsWith(*s, word)) {
      s->erase(0, word.size());
      return c;
    }
  }
  return Comparator::kNone;
}

// Takes a leading number ("1,000.5"); empty when there is none.
std::string TakeNumber(std::string* s) {
  size_t i = 0;
  bool digit = false;
  while (i < s->size() && (isdigit(static_cast<unsigned char>((*s)[i])) || (*s)[i] == '.' ||
                           ((*s)[i] == ',' && digit))) {
    digit |= isdigit(static_cast<unsigned char>((*s)[i])) != 0;
    ++i;
  }
  if (!digit) return "";
  std::string number = s->substr(0, i);
  s->erase(0, i);
  return number;
}

// The length of a range separator at the start of s ("--", "-", "~", "至", "到"), else 0.
size_t RangeSeparator(const std::string& s, size_t at) {
  for (const char* sep : {"--", "-", "~", "至", "到"}) {
    if (s.compare(at, std::string(sep).size(), sep) == 0) return std::string(sep).size();
  }
  return 0;
}

// What is left of a cell once a number was taken: "%-100%", "-120人/年", "~100%" make a
// range when the text before the separator is empty or the same unit as after the upper
// bound. On success, *s is the unit and *upper the upper bound.
bool TakeRange(std::string* s, std::string* upper) {
  for (size_t at = 0; at < s->size(); ++at) {
    size_t len = RangeSeparator(*s, at);
    if (!len) continue;
    std::string left = s->substr(0, at), rest = s->substr(at + len);
    std::string number = TakeNumber(&rest);
    if (number.empty() || (!left.empty() && left != rest)) return false;
    *upper = number;
    *s = rest;
    return true;
  }
  return false;
}

// Cells left unfilled in a published form.
bool IsPlaceholder(const std::string& s) {
  static const char* kPlaceholders[] = {"/",    "//",   "\\", "-",      "--",     "---",
                                        "----", "…",    "……", "...",    "......", "。。。",
                                        "无",   "暂无", "空", "不适用", "不涉及"};
  for (const char* p : kPlaceholders) {
    if (s == p) return true;
  }
  return false;
}

bool IsTimeUnit(const ValueCatalog& catalog, const std::string& unit) {
  const std::string* kind = catalog.UnitKind(unit);
  return kind && *kind == "time";
}

}  // namespace

const char* ComparatorSymbol(Comparator c) {
  switch (c) {
    case Comparator::kNone:
      return "";
    case Comparator::kEq:
      return "=";
    case Comparator::kGe:
      return "≥";
    case Comparator::kLe:
      return "≤";
    case Comparator::kGt:
      return ">";
    case Comparator::kLt:
      return "<";
  }
  return "";
}

std::string IndicatorValue::Normalized() const {
  switch (kind) {
    case kEmpty:
      return "";
    case kNumber:
      return ComparatorSymbol(comparator) + number.ToString() + unit;
    case kRange:
      return number.ToString() + "–" + upper.ToString() + unit;
    case kReference:
      return ComparatorSymbol(comparator) + reference;
    case kQualitative:
    case kUnparsed:
    case kPlaceholder:
    case kDescription:
      return raw;
  }
  return raw;
}

std::string IndicatorValue::base_unit() const {
  if (period.empty()) return unit;
  return unit.substr(0, unit.size() - period.size() - 1);
}

bool SameQuantity(const IndicatorValue& a, const IndicatorValue& b) {
  if (a.base_unit() != b.base_unit()) return false;
  if (a.period == b.period) return true;
  auto yearly = [](const std::string& p) { return p.empty() || p == "年"; };
  return yearly(a.period) && yearly(b.period);
}

const char* KindName(IndicatorValue::Kind kind) {
  switch (kind) {
    case IndicatorValue::kEmpty:
      return "空白";
    case IndicatorValue::kNumber:
      return "数值";
    case IndicatorValue::kRange:
      return "区间";
    case IndicatorValue::kReference:
      return "参照值";
    case IndicatorValue::kQualitative:
      return "定性值";
    case IndicatorValue::kUnparsed:
      return "无法识别";
    case IndicatorValue::kPlaceholder:
      return "未填写";
    case IndicatorValue::kDescription:
      return "文字描述";
  }
  return "";
}

std::shared_ptr<const ValueCatalog> ValueCatalog::Load(const std::string& data_dir) {
  namespace fs = std::filesystem;
  auto c = std::make_shared<ValueCatalog>();
  CsvTable units = ReadCsvFile((fs::path(data_dir) / "perf" / "units.csv").string());
  for (const auto& row : units.rows) {
    c->units_[Normalize(row.fields[units.Column("unit")])] = row.fields[units.Column("kind")];
  }
  CsvTable factors = ReadCsvFile((fs::path(data_dir) / "perf" / "unit_factors.csv").string());
  for (const auto& row : factors.rows) {
    const std::string& text = row.fields[factors.Column("factor")];
    auto factor = Decimal::Parse(text);
    if (!factor || factor->is_zero() || text.find('-') != std::string::npos) {
      throw CatalogError(
          fmt::format("{}:{}: 换算系数「{}」应为正数", factors.path, row.line, text));
    }
    c->measures_[Normalize(row.fields[factors.Column("unit")])] = {
        Normalize(row.fields[factors.Column("base")]), *factor};
  }
  CsvTable words = ReadCsvFile((fs::path(data_dir) / "perf" / "qualitative.csv").string());
  for (const auto& row : words.rows) {
    c->qualitative_[Normalize(row.fields[words.Column("value")])] =
        row.fields[words.Column("grade")];
  }
  return c;
}

const std::string* ValueCatalog::UnitKind(const std::string& unit) const {
  auto it = units_.find(unit);
  return it == units_.end() ? nullptr : &it->second;
}

UnitMeasure ValueCatalog::Measure(const std::string& unit) const {
  auto it = measures_.find(unit);
  return it == measures_.end() ? UnitMeasure{unit, Decimal::FromInt(1)} : it->second;
}

const std::string* ValueCatalog::Grade(const std::string& word) const {
  auto it = qualitative_.find(word);
  return it == qualitative_.end() ? nullptr : &it->second;
}

IndicatorValue ParseIndicatorValue(const std::string& text, const ValueCatalog& catalog) {
  IndicatorValue v;
  v.raw = text;
  std::string s = Normalize(text);
  if (s.empty()) return v;
  if (IsPlaceholder(s)) {
    v.kind = IndicatorValue::kPlaceholder;
    return v;
  }
  // Whole words first, so that "达标" or "达到预期" is not read as the comparator "达到".
  if (const std::string* grade = catalog.Grade(s)) {
    v.kind = IndicatorValue::kQualitative;
    v.grade = *grade;
    return v;
  }
  // "每年≥1次": the period first.
  std::string period;
  if (StartsWith(s, "每")) {
    for (const char* p : {"季度", "年", "月", "周", "天", "日"}) {
      if (StartsWith(s, std::string("每") + p) && IsTimeUnit(catalog, p)) {
        period = p;
        s.erase(0, std::string("每").size() + period.size());
        break;
      }
    }
  }
  v.comparator = TakeComparator(&s);
  // "约150个": an approximate value is still a number.
  for (const char* about : {"约", "大约", "左右"}) {
    if (StartsWith(s, about)) s.erase(0, std::string(about).size());
  }
  // Suffix comparators: "95%以上" is ≥95%, "2小时以内" ≤2小时.
  static const std::vector<std::pair<std::string, Comparator>> kSuffixes = {
      {"及以上", Comparator::kGe}, {"以上", Comparator::kGe},   {"及以内", Comparator::kLe},
      {"以内", Comparator::kLe},   {"及以下", Comparator::kLe}, {"以下", Comparator::kLe},
      {"左右", Comparator::kNone}};
  for (const auto& [suffix, c] : kSuffixes) {
    if (s.size() > suffix.size() &&
        s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0 &&
        v.comparator == Comparator::kNone) {
      s.erase(s.size() - suffix.size());
      v.comparator = c;
      break;
    }
  }
  std::string number = TakeNumber(&s);
  if (!number.empty()) {
    auto n = Decimal::Parse(number);
    if (!n) {
      v.kind = IndicatorValue::kUnparsed;
      v.error = "数字「" + number + "」无效或位数过多";
      return v;
    }
    v.number = *n;
    v.kind = IndicatorValue::kNumber;
    std::string upper;
    if (TakeRange(&s, &upper)) {
      auto u = Decimal::Parse(upper);
      if (!u) {
        v.kind = IndicatorValue::kUnparsed;
        v.error = "数字「" + upper + "」无效或位数过多";
        return v;
      }
      v.kind = IndicatorValue::kRange;
      v.upper = *u;
    }
    if (!period.empty()) s += "/" + period;
    // The unit: a catalog unit, or a compound such as 次/年, 元/户.
    if (!s.empty()) {
      const std::string* kind = catalog.UnitKind(s);
      size_t slash = s.find('/');
      if (!kind && slash != std::string::npos && catalog.UnitKind(s.substr(0, slash)) &&
          catalog.UnitKind(s.substr(slash + 1))) {
        kind = catalog.UnitKind(s.substr(0, slash));
        if (IsTimeUnit(catalog, s.substr(slash + 1))) v.period = s.substr(slash + 1);
      }
      if (!kind) {
        v.kind = IndicatorValue::kUnparsed;
        v.error = "未知的计量单位「" + s + "」（单位目录见 data/perf/units.csv）";
        return v;
      }
      v.unit = s;
      v.unit_kind = *kind;
    }
    return v;
  }
  if (v.comparator != Comparator::kNone && period.empty()) {
    static const char* kReferences[] = {"预算数", "预算", "计划数",   "计划",   "上年",
                                        "上年数", "标准", "合同金额", "市场价", "定额标准"};
    for (const char* r : kReferences) {
      if (s == r) {
        v.kind = IndicatorValue::kReference;
        v.reference = s;
        return v;
      }
    }
  }
  // No number and no comparator: a sentence about the work, not a target ("统筹管理区级预算资金").
  // A numeral in words ("全年两次") may be a count the parser does not read: not a description.
  if (v.comparator == Comparator::kNone && period.empty() &&
      std::none_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
      !HasNumeralWord(s)) {
    v.kind = IndicatorValue::kDescription;
    v.error =
        "指标值「" + text +
        "」是文字描述，没有可考核的目标值：应为比较符加数字和单位（如≥95%）、区间或分级定性值";
    return v;
  }
  v.kind = IndicatorValue::kUnparsed;
  v.comparator = Comparator::kNone;
  v.error = "无法识别的指标值「" + text + "」：应为比较符加数字和单位（如≥95%）、区间或分级定性值";
  return v;
}

}  // namespace gongkai
