// The nine standard tables of a final accounts (部门决算), national template order: 收入支出决算
// 总表, 收入决算表, 支出决算表, 财政拨款收入支出决算总表, 一般公共预算财政拨款支出决算表,
// 一般公共预算 财政拨款基本支出决算表, 财政拨款“三公”经费支出决算表,
// 政府性基金预算财政拨款收入支出决算表, 国有资本经营预算财政拨款收入支出决算表. Numbers, titles and
// empty-table notes come from the templates (data/templates/final-accounts/<year>/tables.csv),
// the rows of 收入支出决算总表 from rows.csv, a region's layout from its own set (templates.h).
#include <algorithm>
#include <set>
#include <tuple>

#include "base/chinese_numerals.h"
#include "disclosure/final_figures.h"
#include "disclosure/tables.h"

namespace gongkai {
namespace {

Money Get(const std::map<std::string, Money>& m, const std::string& key) {
  auto it = m.find(key);
  return it == m.end() ? Money() : it->second;
}

const char* kFiscal[][2] = {{"general", "一般公共预算财政拨款"},
                            {"fund", "政府性基金预算财政拨款"},
                            {"soe", "国有资本经营预算财政拨款"}};

// The income lines as lines of a department, so that the 功能 tree helpers can sum them.
Department IncomeView(const Department& d) {
  Department view;
  view.year = d.year;
  view.catalog = d.catalog;
  for (const auto& in : d.final_accounts.income) {
    ExpenditureLine l;
    l.function = in.function;
    l.fund = in.fund;
    l.amount = in.amount;
    view.lines.push_back(std::move(l));
  }
  return view;
}

// The template's rows whose key starts with `prefix` ("income.", "class."): (rest, label).
std::vector<std::pair<std::string, std::string>> RowsOf(const TableTemplate& tt,
                                                        const std::string& prefix) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [key, label] : tt.rows) {
    if (key.rfind(prefix, 0) == 0) out.emplace_back(key.substr(prefix.size()), label);
  }
  return out;
}

// "business+special" → {business, special}.
std::vector<std::string> Ids(const std::string& key) {
  std::vector<std::string> out;
  size_t at = 0;
  while (true) {
    size_t plus = key.find('+', at);
    out.push_back(key.substr(at, plus == std::string::npos ? std::string::npos : plus - at));
    if (plus == std::string::npos) return out;
    at = plus + 1;
  }
}

// The income side of 收入支出决算总表: the template's sources in its order and wording (the
// 决算 names them differently from the budget: 一般公共预算财政拨款收入, 经营收入 …), else the
// catalog's. A source with income that no row names is added after them, so no income is lost.
std::vector<std::pair<std::string, Money>> IncomeRows(const Department& d, const FinalFigures& x,
                                                      const TableTemplate& tt) {
  std::vector<std::pair<std::string, Money>> rows;
  std::set<std::string> shown;
  int n = 0;
  for (const auto& [key, label] : RowsOf(tt, "income.")) {
    Money amount;
    for (const auto& id : Ids(key)) {
      amount += Get(x.income_by_fund, id);
      shown.insert(id);
    }
    rows.emplace_back(ChineseNumber(++n) + "、" + label, amount);
  }
  for (const auto& src : d.catalog->revenue_sources()) {
    if (shown.count(src.id)) continue;
    Money amount = Get(x.income_by_fund, src.id);
    if (!shown.empty() && amount.is_zero()) continue;
    rows.emplace_back(ChineseNumber(++n) + "、" + src.name, amount);
  }
  return rows;
}

// Spending by 功能 类: the template's 类 in its order (the 决算 prints all of them, 外交 and
// 抗疫特别国债 included), else the catalog's order; a 类 with spending that no row names is
// added after them.
std::vector<std::pair<std::string, Money>> ClassRowsOf(const Department& d,
                                                       const LinePredicate& keep,
                                                       const TableTemplate& tt) {
  auto classes = RowsOf(tt, "class.");
  if (classes.empty()) return ClassRows(d, keep, false);
  std::map<std::string, Money> by_class;
  for (const auto& l : d.lines) {
    if (keep(l)) by_class[l.function.substr(0, 3)] += l.amount;
  }
  std::vector<std::pair<std::string, Money>> rows;
  int n = 0;
  for (const auto& [code, label] : classes) {
    rows.emplace_back(ChineseNumber(++n) + "、" + label, Get(by_class, code));
    by_class.erase(code);
  }
  for (const auto& [code, amount] : by_class) {
    const FunctionSubject* s = d.catalog->FindFunction(code);
    rows.emplace_back(ChineseNumber(++n) + "、" + (s ? s->name : code), amount);
  }
  return rows;
}

}  // namespace

void BuildFinalSummary(const Department& d, const Figures& f, const TableTemplate& tt, Table* t) {
  const FinalFigures x = ComputeFinalFigures(d, f);
  TwoSidedHeader(t, "决算数");
  Side left, right;
  left.rows = IncomeRows(d, x, tt);
  right.rows = ClassRowsOf(
      d, [](const ExpenditureLine&) { return true; }, tt);
  MergeSides(left, right, t);
  TotalRow(t, RowKind::kTotal, "本年收入合计", x.income, "本年支出合计", x.spending);
  TotalRow(t, RowKind::kPlain, "使用非财政拨款结余", d.final_accounts.non_fiscal_balance_used,
           "结余分配", d.final_accounts.surplus_distribution);
  TotalRow(t, RowKind::kPlain, "年初结转和结余", x.opening, "年末结转和结余", x.closing);
  TotalRow(t, RowKind::kTotal, "总计", x.income_side, "总计", x.spending_side);
  t->has_data = true;
}

// The columns of 收入决算表 after 本年收入合计: the template's sources in its order and wording
// (rows.csv `income.` keys of final_income; several sources in one column, 西安's 财政拨款收入 =
// general+fund+soe), else one per source of the catalog. A source with income that no column
// names gets its own after them, so no income is lost.
void BuildFinalIncome(const Department& d, const Figures&, const TableTemplate& tt, Table* t) {
  const Department view = IncomeView(d);
  std::vector<Cell> header = HeaderRow({"科目编码", "科目名称", "本年收入合计"});
  std::vector<ColumnFn> columns = {[](const ExpenditureLine& l) { return l.amount; }};
  auto add = [&](const std::string& label, std::vector<std::string> ids) {
    header.push_back(Cell::Text(label));
    columns.push_back([ids = std::move(ids)](const ExpenditureLine& l) {
      return std::find(ids.begin(), ids.end(), l.fund) != ids.end() ? l.amount : Money();
    });
  };
  std::set<std::string> shown;
  for (const auto& [key, label] : RowsOf(tt, "income.")) {
    const std::vector<std::string> ids = Ids(key);
    shown.insert(ids.begin(), ids.end());
    add(label, ids);
  }
  std::set<std::string> with_income;
  for (const auto& in : d.final_accounts.income) with_income.insert(in.fund);
  for (const auto& src : d.catalog->revenue_sources()) {
    if (shown.count(src.id) || (!shown.empty() && !with_income.count(src.id))) continue;
    add(src.name, {src.id});
  }
  t->header.push_back(header);
  t->numeric_columns = NumericColumns(2, columns.size());
  t->rows = FunctionTreeRows(
      view, [](const ExpenditureLine&) { return true; }, columns);
  t->has_data = !t->rows.empty();
}

void BuildFinalExpenditure(const Department& d, const Figures& f, const TableTemplate&, Table* t) {
  BuildExpenditureSummary(d, f, t);  // the same columns: 基本, 项目, 经营, 上缴上级, 对附属单位
  if (!t->header.empty() && t->header[0].size() > 2) t->header[0][2] = Cell::Text("本年支出合计");
}

void BuildFinalFiscalSummary(const Department& d, const Figures& f, const TableTemplate&,
                             Table* t) {
  const FinalFigures x = ComputeFinalFigures(d, f);
  const FinalAccounts& fa = d.final_accounts;
  TwoSidedHeader(t, "决算数");
  Side left, right;
  Money income;
  for (const auto& k : kFiscal) income += Get(x.income_by_fund, k[0]);
  left.rows.emplace_back("一、本年收入", income);
  int n = 0;
  for (const auto& k : kFiscal) {
    left.rows.emplace_back("（" + ChineseNumber(++n) + "）" + k[1], Get(x.income_by_fund, k[0]));
  }
  left.rows.emplace_back("二、年初财政拨款结转和结余", x.fiscal_opening);
  n = 0;
  for (const auto& k : kFiscal) {
    left.rows.emplace_back("（" + ChineseNumber(++n) + "）" + k[1], Get(fa.opening_balance, k[0]));
  }
  right.rows.emplace_back("一、本年支出", x.fiscal_spending);
  auto classes = ClassRows(
      d, [](const ExpenditureLine& l) { return IsFiscalFund(l.fund); }, true);
  right.rows.insert(right.rows.end(), classes.begin(), classes.end());
  right.rows.emplace_back("二、年末财政拨款结转和结余", x.fiscal_closing);
  MergeSides(left, right, t);
  TotalRow(t, RowKind::kTotal, "总计", income + x.fiscal_opening, "总计",
           x.fiscal_spending + x.fiscal_closing);
  t->has_data = true;
}

void BuildFinalGeneralExpenditure(const Department& d, const Figures&, const TableTemplate& tt,
                                  Table* t) {
  const FinalAccounts& fa = d.final_accounts;
  // 调整预算 where a region prints it (tables.csv `columns: adjusted`) and the source gives
  // one, with the 年初预算 it adjusts beside it; 年初预算 alone where a region prints that
  // (`columns: budget`). Both before 合计.
  const bool adjusted = tt.HasColumn("adjusted") && !fa.adjusted_by_item.empty();
  const bool budget = (tt.HasColumn("budget") || adjusted) && !fa.budget_by_item.empty();
  if (!budget && !adjusted) {
    // 基本支出 split into 人员经费 and 公用经费, unless the region prints it whole (西安).
    FunctionTreeTable(
        d, [](const ExpenditureLine& l) { return l.fund == "general"; },
        tt.layout != "basic_project", t);
    return;
  }
  // The budget figures of each 项 are lines of their own, marked by their fund, so that the
  // 功能 tree sums them as it sums the 决算数.
  static const std::string kBudget = "年初预算", kAdjusted = "调整预算";
  Department view;
  view.year = d.year;
  view.catalog = d.catalog;
  for (const auto& l : d.lines) {
    if (l.fund == "general") view.lines.push_back(l);
  }
  auto budget_line = [&](const std::string& code, const std::string& fund, Money amount) {
    ExpenditureLine l;
    l.function = code;
    l.fund = fund;
    l.amount = amount;
    view.lines.push_back(std::move(l));
  };
  if (budget) {
    for (const auto& [code, amount] : fa.budget_by_item) budget_line(code, kBudget, amount);
  }
  if (adjusted) {
    for (const auto& [code, actual] : GeneralItems(d, true)) {
      budget_line(code, kAdjusted, AdjustedBudget(fa, code));
    }
  }
  auto column = [](auto keep) {
    return ColumnFn([keep](const ExpenditureLine& l) { return keep(l) ? l.amount : Money(); });
  };
  auto actual = [](const ExpenditureLine& l) { return l.fund != kBudget && l.fund != kAdjusted; };
  std::vector<Cell> first = {Cell{"科目编码", {}, 1, 2}, Cell{"科目名称", {}, 1, 2}};
  std::vector<ColumnFn> columns;
  if (budget) {
    first.push_back(Cell{kBudget, {}, 1, 2});
    columns.push_back(column([](const ExpenditureLine& l) { return l.fund == kBudget; }));
  }
  if (adjusted) {
    first.push_back(Cell{kAdjusted, {}, 1, 2});
    columns.push_back(column([](const ExpenditureLine& l) { return l.fund == kAdjusted; }));
  }
  for (Cell c : {Cell{"合计", {}, 1, 2}, Cell::Text("基本支出", 3), Cell{"项目支出", {}, 1, 2}}) {
    first.push_back(std::move(c));
  }
  t->header.push_back(std::move(first));
  t->header.push_back(HeaderRow({"小计", "人员经费", "公用经费"}));
  columns.push_back(column(actual));
  columns.push_back(column([&](const ExpenditureLine& l) { return actual(l) && l.is_basic(); }));
  columns.push_back(column([&](const ExpenditureLine& l) {
    return actual(l) && l.cost_class == CostClass::kPersonnel;
  }));
  columns.push_back(column(
      [&](const ExpenditureLine& l) { return actual(l) && l.cost_class == CostClass::kPublic; }));
  columns.push_back(column([&](const ExpenditureLine& l) { return actual(l) && l.is_project(); }));
  t->numeric_columns = NumericColumns(2, columns.size());
  t->rows = FunctionTreeRows(
      view, [](const ExpenditureLine&) { return true; }, columns);
  t->has_data = !t->rows.empty();
}

void BuildFinalGeneralBasic(const Department& d, const Figures&, const TableTemplate&, Table* t) {
  BasicByEconomicTable(
      d, [](const ExpenditureLine& l) { return l.fund == "general" && l.is_basic(); },
      "经济分类科目", "一般公共预算财政拨款基本支出", t);
}

void BuildFinalThreePublic(const Department& d, const Figures& f, const TableTemplate& tt,
                           Table* t) {
  const FinalFigures x = ComputeFinalFigures(d, f);
  // The six figures of one kind (预算数 or 决算数): 合计, 出国, 用车 小计, 购置, 运行, 接待.
  auto figures = [&](Money BudgetAndActual::*which) {
    auto get = [&](const char* key) { return x.three_public.at(key).*which; };
    Money outbound = get("outbound"), purchase = get("vehicle_purchase"),
          operation = get("vehicle_operation"), reception = get("reception");
    return std::vector<Money>{outbound + purchase + operation + reception,
                              outbound,
                              purchase + operation,
                              purchase,
                              operation,
                              reception};
  };
  const std::vector<Money> budget = figures(&BudgetAndActual::budget),
                           actual = figures(&BudgetAndActual::actual);
  t->has_data = true;  // published with zeros when there is no “三公” spending
  if (tt.layout == "pairs" || tt.layout == "groups") {
    // One row. "pairs" (上海): 预算数 and 决算数 side by side under each item; "groups" (中央):
    // the six 预算数, then the six 决算数, each group with the items' headers.
    const bool pairs = tt.layout == "pairs";
    const char* vehicle = pairs ? "公务用车购置及运行费" : "公务用车购置及运行维护费";
    const char* operation = pairs ? "公务用车运行费" : "公务用车运行维护费";
    auto items = [&](int span) {
      return std::vector<Cell>{Cell{"合计", {}, span, 2}, Cell{"因公出国（境）费", {}, span, 2},
                               Cell::Text(vehicle, 3 * span), Cell{"公务接待费", {}, span, 2}};
    };
    auto parts = [&](int span) {
      return std::vector<Cell>{Cell::Text("小计", span), Cell::Text("公务用车购置费", span),
                               Cell::Text(operation, span)};
    };
    Row row{RowKind::kPlain, {Cell::Text("财政拨款“三公”经费")}};
    if (pairs) {
      t->header.push_back({Cell{"项目", {}, 1, 4}, Cell::Text("财政拨款“三公”经费", 12)});
      t->header.push_back(items(2));
      t->header.push_back(parts(2));
      std::vector<Cell> kinds;
      for (size_t i = 0; i < budget.size(); ++i) {
        kinds.push_back(Cell::Text("预算数"));
        kinds.push_back(Cell::Text("决算数"));
        row.cells.push_back(Cell::Amount(budget[i]));
        row.cells.push_back(Cell::Amount(actual[i]));
      }
      t->header.push_back(kinds);
    } else {
      t->header.push_back(
          {Cell{"项目", {}, 1, 3}, Cell::Text("预算数", 6), Cell::Text("决算数", 6)});
      std::vector<Cell> second = items(1), third = parts(1);
      for (const auto& c : items(1)) second.push_back(c);  // the same under 决算数
      for (const auto& c : parts(1)) third.push_back(c);
      t->header.push_back(second);
      t->header.push_back(third);
      for (Money m : budget) row.cells.push_back(Cell::Amount(m));
      for (Money m : actual) row.cells.push_back(Cell::Amount(m));
    }
    t->numeric_columns = NumericColumns(1, 12);
    t->rows.push_back(std::move(row));
    return;
  }
  // "meeting_training" (西安): 会议费 and 培训费 after the “三公”, outside their 合计.
  // With a cell over the six “三公” columns where the region prints one (labels.csv
  // group.three_public: 西安's 财政拨款安排的“三公”经费), the header is three rows deep.
  const bool meeting_training = tt.HasColumn("meeting_training");
  const std::string group = tt.Label("group.three_public", "");
  const int depth = group.empty() ? 2 : 3;
  std::vector<Cell> items = {Cell{"合计", {}, 1, 2}, Cell{"因公出国（境）费", {}, 1, 2},
                             Cell::Text("公务用车购置及运行费", 3), Cell{"公务接待费", {}, 1, 2}};
  std::vector<Cell> top = {Cell{"项目", {}, 1, depth}};
  if (group.empty()) {
    top.insert(top.end(), items.begin(), items.end());
  } else {
    top.push_back(Cell::Text(group, 6));
  }
  if (meeting_training) {
    top.push_back(Cell{"会议费", {}, 1, depth});
    top.push_back(Cell{"培训费", {}, 1, depth});
  }
  t->header.push_back(std::move(top));
  if (!group.empty()) t->header.push_back(std::move(items));
  t->header.push_back(HeaderRow({"小计", "公务用车购置费", "公务用车运行费"}));
  t->numeric_columns = NumericColumns(1, meeting_training ? 8 : 6);
  const FinalAccounts& fa = d.final_accounts;
  const BudgetAndActual meeting = fa.meeting.value_or(BudgetAndActual{}),
                        training = fa.training.value_or(BudgetAndActual{});
  for (const auto& [label, values, which] :
       {std::tuple{"预算数", &budget, &BudgetAndActual::budget},
        {"决算数", &actual, &BudgetAndActual::actual}}) {
    Row row{RowKind::kPlain, {Cell::Text(label)}};
    for (Money m : *values) row.cells.push_back(Cell::Amount(m));
    if (meeting_training) {
      row.cells.push_back(Cell::Amount(meeting.*which));
      row.cells.push_back(Cell::Amount(training.*which));
    }
    t->rows.push_back(std::move(row));
  }
}

void BuildFinalGovFund(const Department& d, const Figures&, const TableTemplate&, Table* t) {
  FunctionTreeTable(
      d, [](const ExpenditureLine& l) { return l.fund == "fund"; }, false, t);
}

void BuildFinalSoe(const Department& d, const Figures&, const TableTemplate&, Table* t) {
  FunctionTreeTable(
      d, [](const ExpenditureLine& l) { return l.fund == "soe"; }, false, t);
}

}  // namespace gongkai
