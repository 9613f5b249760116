// 一般公共预算“三公”经费支出表 (附表4-7): this year's amounts (computed from the economic
// codes the catalog marks as "三公") and, when given, last year's beside them.
#include "disclosure/tables.h"

namespace gongkai {
namespace {

Money Get(const std::map<std::string, Money>& m, const char* key) {
  auto it = m.find(key);
  return it == m.end() ? Money() : it->second;
}

Row AmountsRow(const std::string& label, const std::map<std::string, Money>& m) {
  Money outbound = Get(m, "outbound"), purchase = Get(m, "vehicle_purchase"),
        operation = Get(m, "vehicle_operation"), reception = Get(m, "reception");
  return {RowKind::kPlain,
          {Cell::Text(label), Cell::Amount(outbound + purchase + operation + reception),
           Cell::Amount(outbound), Cell::Amount(purchase + operation), Cell::Amount(purchase),
           Cell::Amount(operation), Cell::Amount(reception)}};
}

}  // namespace

void BuildThreePublic(const Department& d, const Figures& f, Table* t) {
  t->header.push_back({Cell{"年度", {}, 1, 2}, Cell{"“三公”经费合计", {}, 1, 2},
                       Cell{"因公出国（境）费", {}, 1, 2}, Cell::Text("公务用车购置及运行费", 3),
                       Cell{"公务接待费", {}, 1, 2}});
  t->header.push_back(HeaderRow({"小计", "公务用车购置费", "公务用车运行费"}));
  t->numeric_columns = NumericColumns(1, 6);
  t->rows.push_back(AmountsRow(std::to_string(d.year) + "年预算数", f.three_public));
  if (!d.three_public.prior_year.empty()) {
    std::map<std::string, Money> prior;
    for (const auto& [key, c] : d.three_public.prior_year) prior[key] = c.amount;
    t->rows.push_back(AmountsRow(std::to_string(d.prior_year) + "年预算数", prior));
  }
  t->has_data = true;  // published with zeros when there is no "三公" spending
}

}  // namespace gongkai
