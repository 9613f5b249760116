// 政府采购预算表 and 政府购买服务预算表: one row per item with a 合计 row first.
#include "disclosure/tables.h"

namespace gongkai {
namespace {

std::string UnitName(const Department& d, const std::string& id) {
  const Unit* u = d.FindUnit(id);
  return u ? u->name : id;
}

std::string ProjectName(const Department& d, const std::string& id) {
  const Project* p = d.FindProject(id);
  return p ? p->name : "";
}

std::string FunctionLabel(const Department& d, const std::string& code) {
  const FunctionSubject* s = code.empty() ? nullptr : d.catalog->FindFunction(code);
  return s ? code + " " + s->name : code;
}

std::string EconomicLabel(const Department& d, const std::string& code) {
  const EconomicSubject* s = code.empty() ? nullptr : d.catalog->FindEconomic(code);
  return s ? code + " " + s->name : code;
}

}  // namespace

void BuildProcurement(const Department& d, const Figures& f, Table* t) {
  t->header.push_back(HeaderRow({"单位名称", "项目名称", "采购品目", "采购类别", "功能科目",
                                 "经济科目", "资金性质", "数量", "金额", "面向中小企业预留比例"}));
  t->numeric_columns = {false, false, false, false, false, false, false, true, true, true};
  static const std::map<std::string, std::string> kTypes = {
      {"goods", "货物"}, {"works", "工程"}, {"service", "服务"}};
  for (const auto& p : d.procurement) {
    const RevenueSource* fund = d.catalog->FindRevenueSource(p.fund);
    // The share is entered as a fraction (0.40) and shown as a percentage (40.00%).
    std::string sme = SmePercent(p);
    if (!sme.empty()) sme += "%";
    t->rows.push_back(
        {RowKind::kItem,
         {Cell::Text(UnitName(d, p.unit_id)), Cell::Text(ProjectName(d, p.project_id)),
          Cell::Text(p.catalog.empty() ? p.item : p.catalog + " " + p.item),
          Cell::Text(kTypes.at(p.type)), Cell::Text(FunctionLabel(d, p.function)),
          Cell::Text(EconomicLabel(d, p.economic)), Cell::Text(fund ? fund->name : p.fund),
          Cell::Text(p.quantity), Cell::Amount(p.amount), Cell::Text(sme)}});
  }
  if (!t->rows.empty()) {
    t->rows.insert(t->rows.begin(),
                   Row{RowKind::kTotal,
                       {Cell::Text("合计", 8), Cell::Amount(f.procurement_total), Cell::Blank()}});
  }
  t->has_data = !d.procurement.empty();
}

void BuildPurchaseServices(const Department& d, const Figures& f, Table* t) {
  t->header.push_back({Cell{"单位名称", {}, 1, 2}, Cell{"项目名称", {}, 1, 2},
                       Cell::Text("政府购买服务指导性目录", 3), Cell{"服务内容", {}, 1, 2},
                       Cell{"功能科目", {}, 1, 2}, Cell{"经济科目", {}, 1, 2},
                       Cell{"金额", {}, 1, 2}});
  t->header.push_back(HeaderRow({"一级目录", "二级目录", "三级目录"}));
  t->numeric_columns = {false, false, false, false, false, false, false, false, true};
  for (const auto& s : d.purchase_services) {
    Row row{RowKind::kItem,
            {Cell::Text(UnitName(d, s.unit_id)), Cell::Text(ProjectName(d, s.project_id))}};
    for (size_t i = 0; i < 3; ++i) {
      row.cells.push_back(Cell::Text(i < s.directory.size() ? s.directory[i] : ""));
    }
    row.cells.push_back(Cell::Text(s.content));
    row.cells.push_back(Cell::Text(FunctionLabel(d, s.function)));
    row.cells.push_back(Cell::Text(EconomicLabel(d, s.economic)));
    row.cells.push_back(Cell::Amount(s.amount));
    t->rows.push_back(row);
  }
  if (!t->rows.empty()) {
    t->rows.insert(
        t->rows.begin(),
        Row{RowKind::kTotal, {Cell::Text("合计", 8), Cell::Amount(f.purchase_services_total)}});
  }
  t->has_data = !d.purchase_services.empty();
}

}  // namespace gongkai
