// 收支总表 (附表4-1) and 财政拨款收支总表 (附表4-4): income on the left, expenditure by
// 功能 类 on the right, in the fixed printed order of the year's template.
#include <algorithm>
#include <map>

#include "base/chinese_numerals.h"
#include "disclosure/tables.h"

namespace gongkai {

// Expenditure by 功能 类 in printed order; classes used but missing from the order are
// appended so that nothing is lost.
std::vector<std::pair<std::string, Money>> ClassRows(const Department& d, const LinePredicate& keep,
                                                     bool parenthesized) {
  std::map<std::string, Money> by_class;
  for (const auto& l : d.lines) {
    if (keep(l)) by_class[l.function.substr(0, 3)] += l.amount;
  }
  std::vector<std::string> order = d.catalog->class_order();
  for (const auto& [code, amount] : by_class) {
    if (std::find(order.begin(), order.end(), code) == order.end()) order.push_back(code);
  }
  std::vector<std::pair<std::string, Money>> rows;
  int n = 0;
  for (const auto& code : order) {
    const FunctionSubject* s = d.catalog->FindFunction(code);
    std::string name = s ? s->name : code;
    std::string label =
        parenthesized ? "（" + ChineseNumber(++n) + "）" + name : ChineseNumber(++n) + "、" + name;
    auto it = by_class.find(code);
    rows.emplace_back(label, it == by_class.end() ? Money() : it->second);
  }
  return rows;
}

void MergeSides(const Side& left, const Side& right, Table* t) {
  size_t n = std::max(left.rows.size(), right.rows.size());
  for (size_t i = 0; i < n; ++i) {
    Row row{RowKind::kPlain, {}};
    for (const Side* side : {&left, &right}) {
      if (i < side->rows.size()) {
        row.cells.push_back(Cell::Text(side->rows[i].first));
        row.cells.push_back(Cell::Amount(side->rows[i].second));
      } else {
        row.cells.push_back(Cell::Blank());
        row.cells.push_back(Cell::Blank());
      }
    }
    t->rows.push_back(row);
  }
}

void TwoSidedHeader(Table* t, const char* amount_title) {
  t->header.push_back({Cell::Text("收　入", 2), Cell::Text("支　出", 2)});
  t->header.push_back(HeaderRow({"项　目", amount_title, "项　目", amount_title}));
  t->numeric_columns = {false, true, false, true};
}

void TotalRow(Table* t, RowKind kind, const char* left, Money l, const char* right, Money r) {
  t->rows.push_back(
      {kind, {Cell::Text(left), Cell::Amount(l), Cell::Text(right), Cell::Amount(r)}});
}

void BuildIncomeExpenditureSummary(const Department& d, const Figures& f, Table* t) {
  TwoSidedHeader(t, "预算数");
  Side left, right;
  int n = 0;
  for (const auto& src : d.catalog->revenue_sources()) {
    auto it = f.current_by_fund.find(src.id);
    left.rows.emplace_back(ChineseNumber(++n) + "、" + src.name,
                           it == f.current_by_fund.end() ? Money() : it->second);
  }
  right.rows = ClassRows(
      d, [](const ExpenditureLine&) { return true; }, false);
  MergeSides(left, right, t);
  TotalRow(t, RowKind::kTotal, "本年收入合计", f.current, "本年支出合计", f.total);
  TotalRow(t, RowKind::kPlain, "上年结转结余", f.carryover, "年终结转结余", f.year_end_balance);
  TotalRow(t, RowKind::kTotal, "收 入 总 计", f.current + f.carryover, "支 出 总 计",
           f.total + f.year_end_balance);
  t->notes.push_back("备注：财政专户管理资金收入是指教育收费收入；事业收入不含教育收费收入。");
  t->has_data = true;  // always published, zeros included
}

void BuildFiscalSummary(const Department& d, const Figures& f, Table* t) {
  TwoSidedHeader(t, "预算数");
  static const char* kFiscal[][2] = {{"general", "一般公共预算拨款"},
                                     {"fund", "政府性基金预算拨款"},
                                     {"soe", "国有资本经营预算拨款"}};
  auto get = [](const std::map<std::string, Money>& m, const char* k) {
    auto it = m.find(k);
    return it == m.end() ? Money() : it->second;
  };
  Money current, carry;
  for (const auto& k : kFiscal) {
    current += get(f.current_by_fund, k[0]);
    carry += get(f.carryover_by_fund, k[0]);
  }
  Side left, right;
  left.rows.emplace_back("一、本年收入", current);
  int n = 0;
  for (const auto& k : kFiscal) {
    left.rows.emplace_back("（" + ChineseNumber(++n) + "）" + k[1], get(f.current_by_fund, k[0]));
  }
  left.rows.emplace_back("二、上年结转", carry);
  n = 0;
  for (const auto& k : kFiscal) {
    left.rows.emplace_back("（" + ChineseNumber(++n) + "）" + k[1], get(f.carryover_by_fund, k[0]));
  }
  auto fiscal = [](const ExpenditureLine& l) {
    return l.fund == "general" || l.fund == "fund" || l.fund == "soe";
  };
  Money balance;
  for (const auto& b : d.year_end_balance) {
    if (b.fund == "general" || b.fund == "fund" || b.fund == "soe") balance += b.amount;
  }
  right.rows.emplace_back("一、本年支出", f.fiscal);
  auto classes = ClassRows(d, fiscal, true);
  right.rows.insert(right.rows.end(), classes.begin(), classes.end());
  right.rows.emplace_back("二、年终结转结余", balance);
  MergeSides(left, right, t);
  TotalRow(t, RowKind::kTotal, "收 入 总 计", current + carry, "支 出 总 计", f.fiscal + balance);
  t->has_data = true;
}

}  // namespace gongkai
