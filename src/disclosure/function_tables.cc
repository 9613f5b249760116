// Tables whose rows are the 支出功能分类 tree (类 / 款 / 项 with a 合计 row): 收入总表,
// 支出总表, 一般公共预算支出表, 政府性基金预算支出表 and 国有资本经营预算支出表.
#include "disclosure/tables.h"

namespace gongkai {
namespace {

ColumnFn When(LinePredicate p) {
  return [p](const ExpenditureLine& l) { return p(l) ? l.amount : Money(); };
}
ColumnFn All() {
  return [](const ExpenditureLine& l) { return l.amount; };
}
bool IsBasic(const ExpenditureLine& l) { return l.is_basic(); }
bool IsProject(const ExpenditureLine& l) { return l.is_project(); }

}  // namespace

void FunctionTreeTable(const Department& d, const LinePredicate& keep, bool split_basic, Table* t) {
  std::vector<ColumnFn> columns = {All(), When(IsBasic)};
  if (split_basic) {
    t->header.push_back({Cell{"科目编码", {}, 1, 2}, Cell{"科目名称", {}, 1, 2},
                         Cell{"合计", {}, 1, 2}, Cell::Text("基本支出", 3),
                         Cell{"项目支出", {}, 1, 2}});
    t->header.push_back(HeaderRow({"小计", "人员经费", "公用经费"}));
    columns.push_back(
        When([](const ExpenditureLine& l) { return l.cost_class == CostClass::kPersonnel; }));
    columns.push_back(
        When([](const ExpenditureLine& l) { return l.cost_class == CostClass::kPublic; }));
  } else {
    t->header.push_back(HeaderRow({"科目编码", "科目名称", "合计", "基本支出", "项目支出"}));
  }
  columns.push_back(When(IsProject));
  t->numeric_columns = NumericColumns(2, columns.size());
  t->rows = FunctionTreeRows(d, keep, columns);
  t->has_data = !t->rows.empty();
}

void BuildIncomeSummary(const Department& d, const Figures&, Table* t) {
  std::vector<Cell> header = HeaderRow({"科目编码", "科目名称", "合计"});
  std::vector<ColumnFn> columns = {All()};
  for (const auto& src : d.catalog->revenue_sources()) {
    header.push_back(Cell::Text(src.name));
    std::string id = src.id;
    columns.push_back(
        When([id](const ExpenditureLine& l) { return l.fund == id && !l.carryover; }));
  }
  header.push_back(Cell::Text("上年结转"));
  columns.push_back(When([](const ExpenditureLine& l) { return l.carryover; }));
  t->header.push_back(header);
  t->numeric_columns = NumericColumns(2, columns.size());
  t->rows = FunctionTreeRows(
      d, [](const ExpenditureLine&) { return true; }, columns);
  t->has_data = !t->rows.empty();
}

void BuildExpenditureSummary(const Department& d, const Figures&, Table* t) {
  std::vector<Cell> header = HeaderRow({"科目编码", "科目名称", "合计"});
  std::vector<ColumnFn> columns = {All()};
  for (const auto& k : SpendingKinds()) {  // a column per kind of spending
    header.push_back(Cell::Text(k.name));
    columns.push_back(
        When([kind = k.kind](const ExpenditureLine& l) { return KindOf(l) == kind; }));
  }
  t->header.push_back(header);
  t->numeric_columns = NumericColumns(2, columns.size());
  t->rows = FunctionTreeRows(
      d, [](const ExpenditureLine&) { return true; }, columns);
  t->has_data = !t->rows.empty();
}

void BuildGeneralExpenditure(const Department& d, const Figures&, Table* t) {
  FunctionTreeTable(d, IsGeneralCurrent, true, t);
}

void BuildGovFundExpenditure(const Department& d, const Figures&, Table* t) {
  FunctionTreeTable(
      d, [](const ExpenditureLine& l) { return l.fund == "fund" && !l.carryover; }, false, t);
}

void BuildSoeExpenditure(const Department& d, const Figures&, Table* t) {
  FunctionTreeTable(
      d, [](const ExpenditureLine& l) { return l.fund == "soe" && !l.carryover; }, false, t);
}

}  // namespace gongkai
