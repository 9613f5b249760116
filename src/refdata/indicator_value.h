// Typed indicator values (指标值): "≥95%", "=100%", "≤2小时", ">7.4亿", "≥1次/年",
// "100--120人/年", "90%-100%", "12 套", "按合同规定", "有所提高", "≦预算数", "不低于95%" …
//
// A value is a comparator with an exact number and a unit from the unit catalog
// (data/perf/units.csv, compound units "次/年" allowed; a time denominator is the period,
// so "≥1次/年" is 1 次 per 年), a range, a comparison with a reference ("≤预算数"), or a
// graded qualitative value from data/perf/qualitative.csv. A cell left unfilled in the
// published form ("/", "-", "——", "无", "……") is a placeholder: not a value and not an
// error. Comparators may be full-width or look-alike (≧ ≦ ＞ ＜ ＝ ⩾ ⩽, ">=", TeX "\geq" as
// some PDF extractors print it) or words (不低于, 不少于, 不高于, 不超过, 达到, 大于, 小于 …).
// A text with neither a number nor a comparator that is no graded value is a description
// ("提高财政资金的使用效率"): a sentence written into the value column, which no one can
// measure — the document's fault, which the review reports as such. Anything else (a number
// with a unit the catalog does not know, "≥预算控制数") is kept verbatim and marked unparsed,
// with the reason: the reader's limit, which the review reports as a note.
#ifndef GONGKAI_REFDATA_INDICATOR_VALUE_H_
#define GONGKAI_REFDATA_INDICATOR_VALUE_H_

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "base/decimal.h"

namespace gongkai {

enum class Comparator { kNone, kEq, kGe, kLe, kGt, kLt };
const char* ComparatorSymbol(Comparator c);  // "", "=", "≥", "≤", ">", "<"

struct IndicatorValue {
  enum Kind {
    kEmpty,
    kNumber,
    kRange,
    kReference,
    kQualitative,
    kUnparsed,
    kPlaceholder,
    kDescription
  };
  Kind kind = kEmpty;
  std::string raw;  // as written
  Comparator comparator = Comparator::kNone;
  Decimal number;         // kNumber; lower bound for kRange
  Decimal upper;          // kRange
  std::string unit;       // canonical unit ("%", "人", "次/年", "万元"), may be empty
  std::string unit_kind;  // percent, count, money, time, … ("" when no unit)
  std::string period;     // "年" for "次/年": the quantity is per this time unit ("" if none)
  std::string reference;  // kReference: 预算数 …
  std::string grade;      // kQualitative: improve, on_plan, …
  std::string error;      // kUnparsed, kDescription: why

  bool quantified() const { return kind == kNumber || kind == kRange || kind == kReference; }
  // Nothing written: empty, or a placeholder such as "/" or "——".
  bool unfilled() const { return kind == kEmpty || kind == kPlaceholder; }
  // Neither quantified nor a graded value: a description, or a form not understood.
  bool unmeasurable() const { return kind == kUnparsed || kind == kDescription; }
  // The unit without its period: "次" for "次/年" and for "次".
  std::string base_unit() const;
  std::string Normalized() const;  // "≥95%", "100–120人/年", "提高"
};

// A unit measured in another: 万元 is 10000 元, 万人 is 10000 人, 米 is 0.001 公里.
struct UnitMeasure {
  std::string base;  // the unit it is measured in; the unit itself when none is listed
  Decimal factor;    // how many `base` one unit is (1 when none is listed)
};

// The unit, conversion and qualitative catalogs of data/perf/ (units.csv, unit_factors.csv,
// qualitative.csv).
class ValueCatalog {
 public:
  static std::shared_ptr<const ValueCatalog> Load(const std::string& data_dir);
  const std::string* UnitKind(const std::string& unit) const;
  const std::string* Grade(const std::string& word) const;
  // The unit in its base unit, from unit_factors.csv: only units of one quantity are listed
  // there (人次 is not 人, 亩 is not an exact number of 平方米), so two values whose units have
  // the same base measure the same thing.
  UnitMeasure Measure(const std::string& unit) const;

 private:
  std::map<std::string, std::string> units_;
  std::map<std::string, std::string> qualitative_;
  std::map<std::string, UnitMeasure> measures_;
};

IndicatorValue ParseIndicatorValue(const std::string& text, const ValueCatalog& catalog);

// Whether two values measure the same quantity: the same base unit and the same period, where
// a count without a period and the same count per 年 are taken as the same (an annual table's
// "≥1次" is "≥1次/年").
bool SameQuantity(const IndicatorValue& a, const IndicatorValue& b);

// A one-line name of the value's form, for messages: "比较值", "区间", "定性值", "未填写" …
const char* KindName(IndicatorValue::Kind kind);

}  // namespace gongkai

#endif  // GONGKAI_REFDATA_INDICATOR_VALUE_H_
