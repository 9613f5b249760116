// Finding, in the computed disclosure, the figure a declared figure claims to be.
//
// Table cells are found by table id, row label (the code of a 科目 row, or the first text
// of the row, e.g. "合计", "一、一般公共预算拨款收入") and column name (the lowest header
// over the column, or "上级/下级" such as "基本支出/小计"). In the two-sided summary tables
// the amount is the cell right after the label. Text figures are found by key (see
// docs/source-format.md): general.total, class.210, three_public.reception, ….
#ifndef GONGKAI_REVIEW_DOCUMENT_LOOKUP_H_
#define GONGKAI_REVIEW_DOCUMENT_LOOKUP_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "disclosure/document.h"
#include "disclosure/figures.h"
#include "model/department.h"

namespace gongkai {

// Column names of a table: "基本支出/小计" style paths, one per column (a header row of column
// numbers, 栏次 1 2 3 …, names nothing).
std::vector<std::string> ColumnPaths(const Table& t);

// An index of one table for look-ups (row labels → positions, column paths). Find gives the
// computed amount of a cell, or nullopt with *why set when there is no such row or column.
// A 科目 code the table has no row for is zero in the detail (the published row has no
// detail behind it); any other label that matches no row is an error of the declaration,
// said as "附表4-5 没有「…」这一行；该表的行有：…" with the rows most like it.
class TableLookup {
 public:
  explicit TableLookup(const Table& t);
  std::optional<Money> Find(const std::string& row, const std::string& column,
                            std::string* why) const;

 private:
  std::string number_;              // 附表4-5
  std::vector<std::string> rows_;   // each row's label as read, in table order
  std::vector<std::string> paths_;  // each grid column's header path, as compared (HeaderKey)
  std::vector<std::vector<const Cell*>> grid_;  // rows of cells by grid column
  std::map<std::string, std::vector<std::pair<size_t, size_t>>> labels_;  // → (row, column)
};

// What the detail says about a text key.
struct TextTruth {
  Money amount;
  std::optional<Comparison> prior;  // last year's figure and reason, when the key has one
  std::optional<Money> share_base;  // denominator of a share quoted with the figure
  std::string name;                 // the correct name for the key (科目, project)
  // A 决算's budget for the figure, when known: 年初预算 (the “三公” and 机关运行经费 预算数)
  // and 调整预算.
  std::optional<Money> budget, adjusted;
};

// nullopt when the key is unknown (*why says so) — an unknown key is itself reported. A 决算
// has keys of its own (its 情况说明's figures: total, income.*, spending.*, closing.total,
// fiscal.*, general.*, class.*, item.*, three_public.*, fund.total, soe.total,
// operating_expenses.total), and shares procurement.* with the budget.
std::optional<TextTruth> LookupText(const Department& d, const Figures& f, const std::string& key,
                                    std::string* why);

}  // namespace gongkai

#endif  // GONGKAI_REVIEW_DOCUMENT_LOOKUP_H_
