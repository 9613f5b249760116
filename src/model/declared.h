// Declared figures: what a document says, beside the detail it should follow from.
//
// Real inputs carry typed totals: spreadsheets from the budget system, hand-written text,
// published documents. The `declared:` section of a source file records them as printed —
// table cells by table, row and column, and the figures quoted in the 公开说明 by what they
// state — so that `gongkai check` can compare every one with what the lines give. Nothing
// here feeds the generated disclosure, which is always computed from the lines.
#ifndef GONGKAI_MODEL_DECLARED_H_
#define GONGKAI_MODEL_DECLARED_H_

#include <optional>
#include <string>
#include <vector>

#include "base/money.h"

namespace gongkai {

struct SourceLocation;  // model/department.h

// One figure quoted in the text, e.g. "一般公共预算财政拨款支出预算数1597.66万元，比2022年预算
// 减少124.81万元，下降7.24%": {key: general.total, amount: 1597.66, year: 2022,
// change: 124.81, direction: 减少, percent: 7.24}.
struct DeclaredFigure {
  std::string key;  // see docs/source-format.md, "declared"
  std::string at;   // where it is printed, e.g. 四（一）
  std::optional<Money> amount;
  bool amount_blank = false;   // the amount was left blank ("预算 万元")
  std::optional<Money> prior;  // last year's figure as printed
  std::optional<Money> change;
  std::string direction;  // 增加 / 减少 / 持平 as printed
  std::string percent;    // change percentage as printed ("7.24")
  std::string share;      // share as printed ("80.3")
  std::string name;       // name printed with it (科目 name, project name)
  int year = 0;    // the year the sentence refers to ("比2022年预算", "2022年部门预算")
  int number = 0;  // item number as printed ((4) → 4)
  bool reason = false;  // a reason ("主要原因是…") is printed with the change
  // A 决算's comparison with its budget: "年初预算为A万元，调整预算为B万元，支出决算为C万元，
  // 完成年初预算的X%，…完成调整预算的Y%" (budget A, adjusted B, completion X, adjusted_completion
  // Y); the “三公” and 机关运行经费 预算数 are `budget` too.
  std::optional<Money> budget, adjusted;
  std::string completion, adjusted_completion;
  std::string text;  // the sentence as printed (optional, for placeholder checks)
  int line = 0, column = 0;
};

// One table cell as printed.
struct DeclaredCell {
  std::string table;   // table id (income_expenditure_summary, …)
  std::string row;     // row label: code or first text cell
  std::string name;    // row name as printed (科目名称)
  std::string column;  // column name (leaf header), empty for two-sided tables
  std::optional<Money> amount;
  int line = 0, column_pos = 0;
};

struct Declared {
  bool present = false;
  std::vector<DeclaredFigure> text;
  std::vector<DeclaredCell> cells;
  // Tables the document contains (ids), when recorded; empty with has_tables = false.
  bool has_tables = false;
  std::vector<std::string> tables;
  // Section headings in printed order ("一", "八（二）", "八（三）"…), when recorded.
  std::vector<std::string> sections;
  // 功能科目 (项 codes) the 名词解释 explains, when recorded.
  bool has_glossary = false;
  std::vector<std::string> glossary;
  // Tables printed empty without the explanatory sentence.
  std::vector<std::string> empty_without_note;
};

}  // namespace gongkai

#endif  // GONGKAI_MODEL_DECLARED_H_
