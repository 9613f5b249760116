// 一般公共预算基本支出表 (附表4-6): 基本支出 of 一般公共预算当年拨款 by 经济分类 类 / 款,
// split into 人员经费 and 公用经费.
#include "disclosure/tables.h"

namespace gongkai {

void BuildGeneralBasicExpenditure(const Department& d, const Figures&, Table* t) {
  BasicByEconomicTable(
      d, [](const ExpenditureLine& l) { return IsGeneralCurrent(l) && l.is_basic(); },
      "部门预算支出经济分类科目", "本年一般公共预算基本支出", t);
}

void BasicByEconomicTable(const Department& d, const LinePredicate& keep, const char* class_title,
                          const char* amount_title, Table* t) {
  t->header.push_back({Cell::Text(class_title, 2), Cell::Text(amount_title, 3)});
  t->header.push_back(HeaderRow({"科目编码", "科目名称", "合计", "人员经费", "公用经费"}));
  std::vector<ColumnFn> columns = {[](const ExpenditureLine& l) { return l.amount; },
                                   [](const ExpenditureLine& l) {
                                     return l.cost_class == CostClass::kPersonnel ? l.amount
                                                                                  : Money();
                                   },
                                   [](const ExpenditureLine& l) {
                                     return l.cost_class == CostClass::kPublic ? l.amount : Money();
                                   }};
  t->numeric_columns = NumericColumns(2, columns.size());
  t->rows = EconomicTreeRows(d, keep, columns);
  t->has_data = !t->rows.empty();
}

}  // namespace gongkai
