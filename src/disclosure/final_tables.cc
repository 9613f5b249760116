// The nine standard tables of a final accounts (部门决算), national template order: 收入支出决算
// 总表, 收入决算表, 支出决算表, 财政拨款收入支出决算总表, 一般公共预算财政拨款支出决算表,
// 一般公共预算 财政拨款基本支出决算表, 财政拨款“三公”经费支出决算表,
// 政府性基金预算财政拨款收入支出决算表, 国有资本经营预算财政拨款收入支出决算表. Numbers, titles and
// empty-table notes come from the templates (data/templates/final-accounts/<year>/tables.csv).
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

}  // namespace

void BuildFinalSummary(const Department& d, const Figures& f, Table* t) {
  const FinalFigures x = ComputeFinalFigures(d, f);
  TwoSidedHeader(t, "决算数");
  Side left, right;
  int n = 0;
  for (const auto& src : d.catalog->revenue_sources()) {
    left.rows.emplace_back(ChineseNumber(++n) + "、" + src.name, Get(x.income_by_fund, src.id));
  }
  right.rows = ClassRows(
      d, [](const ExpenditureLine&) { return true; }, false);
  MergeSides(left, right, t);
  TotalRow(t, RowKind::kTotal, "本年收入合计", x.income, "本年支出合计", x.spending);
  TotalRow(t, RowKind::kPlain, "使用非财政拨款结余", d.final_accounts.non_fiscal_balance_used,
           "结余分配", d.final_accounts.surplus_distribution);
  TotalRow(t, RowKind::kPlain, "年初结转和结余", x.opening, "年末结转和结余", x.closing);
  TotalRow(t, RowKind::kTotal, "总计", x.income_side, "总计", x.spending_side);
  t->has_data = true;
}

void BuildFinalIncome(const Department& d, const Figures&, Table* t) {
  const Department view = IncomeView(d);
  std::vector<Cell> header = HeaderRow({"科目编码", "科目名称", "本年收入合计"});
  std::vector<ColumnFn> columns = {[](const ExpenditureLine& l) { return l.amount; }};
  for (const auto& src : d.catalog->revenue_sources()) {
    header.push_back(Cell::Text(src.name));
    columns.push_back(
        [id = src.id](const ExpenditureLine& l) { return l.fund == id ? l.amount : Money(); });
  }
  t->header.push_back(header);
  t->numeric_columns = NumericColumns(2, columns.size());
  t->rows = FunctionTreeRows(
      view, [](const ExpenditureLine&) { return true; }, columns);
  t->has_data = !t->rows.empty();
}

void BuildFinalExpenditure(const Department& d, const Figures& f, Table* t) {
  BuildExpenditureSummary(d, f, t);  // the same columns: 基本, 项目, 经营, 上缴上级, 对附属单位
  if (!t->header.empty() && t->header[0].size() > 2) t->header[0][2] = Cell::Text("本年支出合计");
}

void BuildFinalFiscalSummary(const Department& d, const Figures& f, Table* t) {
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

void BuildFinalGeneralExpenditure(const Department& d, const Figures&, Table* t) {
  FunctionTreeTable(
      d, [](const ExpenditureLine& l) { return l.fund == "general"; }, true, t);
}

void BuildFinalGeneralBasic(const Department& d, const Figures&, Table* t) {
  BasicByEconomicTable(
      d, [](const ExpenditureLine& l) { return l.fund == "general" && l.is_basic(); },
      "经济分类科目", "一般公共预算财政拨款基本支出", t);
}

void BuildFinalThreePublic(const Department& d, const Figures& f, Table* t) {
  const FinalFigures x = ComputeFinalFigures(d, f);
  t->header.push_back({Cell{"项目", {}, 1, 2}, Cell{"合计", {}, 1, 2},
                       Cell{"因公出国（境）费", {}, 1, 2}, Cell::Text("公务用车购置及运行费", 3),
                       Cell{"公务接待费", {}, 1, 2}});
  t->header.push_back(HeaderRow({"小计", "公务用车购置费", "公务用车运行费"}));
  t->numeric_columns = NumericColumns(1, 6);
  auto row = [&](const char* label, Money BudgetAndActual::*which) {
    auto get = [&](const char* key) { return x.three_public.at(key).*which; };
    Money outbound = get("outbound"), purchase = get("vehicle_purchase"),
          operation = get("vehicle_operation"), reception = get("reception");
    t->rows.push_back(
        {RowKind::kPlain,
         {Cell::Text(label), Cell::Amount(outbound + purchase + operation + reception),
          Cell::Amount(outbound), Cell::Amount(purchase + operation), Cell::Amount(purchase),
          Cell::Amount(operation), Cell::Amount(reception)}});
  };
  row("预算数", &BudgetAndActual::budget);
  row("决算数", &BudgetAndActual::actual);
  t->has_data = true;  // published with zeros when there is no “三公” spending
}

void BuildFinalGovFund(const Department& d, const Figures&, Table* t) {
  FunctionTreeTable(
      d, [](const ExpenditureLine& l) { return l.fund == "fund"; }, false, t);
}

void BuildFinalSoe(const Department& d, const Figures&, Table* t) {
  FunctionTreeTable(
      d, [](const ExpenditureLine& l) { return l.fund == "soe"; }, false, t);
}

}  // namespace gongkai
