// 项目支出表 (附表4-9): one row per project with its amount by type of fund.
#include "disclosure/tables.h"

namespace gongkai {

void BuildProjectExpenditure(const Department& d, const Figures&, Table* t) {
  t->header.push_back({Cell{"单位名称", {}, 1, 2}, Cell{"项目名称", {}, 1, 2},
                       Cell{"合计", {}, 1, 2}, Cell::Text("财政拨款", 3),
                       Cell{"财政专户管理资金", {}, 1, 2}, Cell{"单位资金", {}, 1, 2},
                       Cell{"上年结转", {}, 1, 2}});
  t->header.push_back(HeaderRow({"一般公共预算", "政府性基金预算", "国有资本经营预算"}));
  t->numeric_columns = NumericColumns(2, 7);
  // Column of a line: 0 合计 is implicit; 1..3 fiscal, 4 special account, 5 unit funds, 6 结转.
  auto column = [](const ExpenditureLine& l) -> size_t {
    if (l.carryover) return 5;
    if (l.fund == "general") return 0;
    if (l.fund == "fund") return 1;
    if (l.fund == "soe") return 2;
    if (l.fund == "special") return 3;
    return 4;
  };
  std::vector<Money> total(7);
  for (const auto& p : d.projects) {
    std::vector<Money> sums(6);
    for (const auto& l : d.lines) {
      if (l.project_id == p.id) sums[column(l)] += l.amount;
    }
    Money sum;
    for (const auto& m : sums) sum += m;
    const Unit* unit = d.FindUnit(p.unit_id);
    Row row{RowKind::kItem,
            {Cell::Text(unit ? unit->name : p.unit_id), Cell::Text(p.name), Cell::Amount(sum)}};
    total[0] += sum;
    for (size_t i = 0; i < sums.size(); ++i) {
      row.cells.push_back(Cell::Amount(sums[i]));
      total[i + 1] += sums[i];
    }
    t->rows.push_back(row);
  }
  if (!t->rows.empty()) {
    Row sum_row{RowKind::kTotal, {Cell::Text("合计", 2)}};
    for (const auto& m : total) sum_row.cells.push_back(Cell::Amount(m));
    t->rows.insert(t->rows.begin(), sum_row);
  }
  t->has_data = !d.projects.empty();
}

}  // namespace gongkai
