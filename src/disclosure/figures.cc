#include "disclosure/figures.h"

#include <map>

namespace gongkai {

bool IsGeneralCurrent(const ExpenditureLine& l) { return l.fund == "general" && !l.carryover; }

Money SumLines(const Department& d, const LinePredicate& keep) {
  Money sum;
  for (const auto& l : d.lines) {
    if (keep(l)) sum += l.amount;
  }
  return sum;
}

SpendingKind KindOf(const ExpenditureLine& l) {
  if (l.transfer == Transfer::kToSuperior) return SpendingKind::kToSuperior;
  if (l.transfer == Transfer::kToAffiliates) return SpendingKind::kToAffiliates;
  if (l.fund == "operating") return SpendingKind::kUnitOperating;
  return l.is_basic() ? SpendingKind::kBasic : SpendingKind::kProject;
}

const std::vector<SpendingKindInfo>& SpendingKinds() {
  static const std::vector<SpendingKindInfo> kinds = {
      {SpendingKind::kBasic, "basic", "基本支出"},
      {SpendingKind::kProject, "project", "项目支出"},
      {SpendingKind::kUnitOperating, "unit_operating", "事业单位经营支出"},
      {SpendingKind::kToSuperior, "to_superior", "上缴上级支出"},
      {SpendingKind::kToAffiliates, "to_affiliates", "对附属单位补助支出"},
  };
  return kinds;
}

const SpendingKindInfo& InfoOf(SpendingKind kind) {
  for (const auto& k : SpendingKinds()) {
    if (k.kind == kind) return k;
  }
  return SpendingKinds().front();  // unreachable: every kind is listed
}

const SpendingKindInfo* FindSpendingKind(const std::string& key) {
  for (const auto& k : SpendingKinds()) {
    if (key == k.key) return &k;
  }
  return nullptr;
}

Money Figures::*Figures::Member(SpendingKind kind) {
  switch (kind) {
    case SpendingKind::kBasic:
      return &Figures::basic;
    case SpendingKind::kProject:
      return &Figures::project;
    case SpendingKind::kUnitOperating:
      return &Figures::unit_operating;
    case SpendingKind::kToSuperior:
      return &Figures::to_superior;
    case SpendingKind::kToAffiliates:
      return &Figures::to_affiliates;
  }
  return &Figures::basic;  // unreachable: every kind is listed
}

Figures ComputeFigures(const Department& d) {
  Figures f;
  std::map<std::string, Money> operating;
  for (const auto& l : d.lines) {
    f.total += l.amount;
    (l.carryover ? f.carryover_by_fund : f.current_by_fund)[l.fund] += l.amount;
    (l.carryover ? f.carryover : f.current) += l.amount;
    bool fiscal = l.fund == "general" || l.fund == "fund" || l.fund == "soe";
    if (fiscal) f.fiscal += l.amount;
    SpendingKind kind = KindOf(l);
    f.*Figures::Member(kind) += l.amount;
    if (kind == SpendingKind::kBasic) {
      (l.cost_class == CostClass::kPersonnel ? f.personnel : f.public_) += l.amount;
    }
    if (!l.carryover && l.fund == "fund") f.gov_fund += l.amount;
    if (!l.carryover && l.fund == "soe") f.soe += l.amount;
    if (!IsGeneralCurrent(l)) continue;
    f.general += l.amount;
    if (l.cost_class == CostClass::kPersonnel) f.general_personnel += l.amount;
    if (l.cost_class == CostClass::kPublic) f.general_public += l.amount;
    if (l.cost_class == CostClass::kProject) f.general_project += l.amount;
    if (d.catalog) {
      if (const EconomicSubject* e = d.catalog->FindEconomic(l.economic);
          e && !e->three_public.empty()) {
        f.three_public[e->three_public] += l.amount;
        f.three_public_total += l.amount;
      }
    }
    const Unit* unit = d.FindUnit(l.unit_id);
    bool admin = unit && (unit->kind == UnitKind::kAdministrative ||
                          unit->kind == UnitKind::kCivilServantInstitution);
    if (admin && l.cost_class == CostClass::kPublic) {
      f.operating_expenses += l.amount;
      operating[l.economic] += l.amount;
    }
  }
  f.general_basic = f.general_personnel + f.general_public;
  for (const auto& [code, amount] : operating) f.operating_items.emplace_back(code, amount);
  // Money kept for next year was still received this year: it is revenue without a line.
  for (const auto& b : d.year_end_balance) {
    f.year_end_balance += b.amount;
    f.current_by_fund[b.fund] += b.amount;
    f.current += b.amount;
    if (b.fund == "general" || b.fund == "fund" || b.fund == "soe") f.fiscal += b.amount;
  }
  for (const auto& p : d.procurement) {
    f.procurement_total += p.amount;
    f.procurement_by_type[p.type] += p.amount;
  }
  f.procurement_sme = SmeAmount(d.procurement);
  f.procurement_small_micro = SmallMicroAmount(d.procurement);
  for (const auto& s : d.purchase_services) f.purchase_services_total += s.amount;
  for (const auto& p : d.projects) {
    if (!p.performance_goals) continue;
    ++f.goal_projects;
    f.goal_projects_amount += SumLines(
        d, [&](const ExpenditureLine& l) { return l.project_id == p.id && IsGeneralCurrent(l); });
  }
  return f;
}

namespace {

struct TreeNode {
  std::vector<Money> sums;
};

std::vector<Row> TreeRows(const Department& d, const LinePredicate& keep,
                          const std::vector<ColumnFn>& columns,
                          const std::function<std::string(const ExpenditureLine&)>& leaf_code,
                          const std::vector<size_t>& prefix_lengths,
                          const std::function<std::string(const std::string&)>& name_of) {
  std::map<std::string, TreeNode> nodes;
  std::vector<Money> total(columns.size());
  bool any = false;
  for (const auto& l : d.lines) {
    if (!keep(l)) continue;
    any = true;
    std::string code = leaf_code(l);
    for (size_t len : prefix_lengths) {
      if (code.size() < len) continue;
      auto& node = nodes[code.substr(0, len)];
      node.sums.resize(columns.size());
      for (size_t c = 0; c < columns.size(); ++c) node.sums[c] += columns[c](l);
    }
    for (size_t c = 0; c < columns.size(); ++c) total[c] += columns[c](l);
  }
  std::vector<Row> rows;
  if (!any) return rows;
  Row total_row{RowKind::kTotal, {Cell::Text(""), Cell::Text("合计")}};
  for (const auto& m : total) total_row.cells.push_back(Cell::Amount(m));
  rows.push_back(total_row);
  // std::map orders codes so that each 类 is followed by its 款 and 项.
  for (const auto& [code, node] : nodes) {
    RowKind kind = code.size() == prefix_lengths[0]   ? RowKind::kClass
                   : code.size() == prefix_lengths[1] ? RowKind::kSection
                                                      : RowKind::kItem;
    Row row{kind, {Cell::Text(code), Cell::Text(name_of(code))}};
    for (const auto& m : node.sums) row.cells.push_back(Cell::Amount(m));
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

std::vector<Row> FunctionTreeRows(const Department& d, const LinePredicate& keep,
                                  const std::vector<ColumnFn>& columns) {
  return TreeRows(
      d, keep, columns, [](const ExpenditureLine& l) { return l.function; }, {3, 5, 7},
      [&](const std::string& code) {
        const FunctionSubject* s = d.catalog ? d.catalog->FindFunction(code) : nullptr;
        return s ? s->name : std::string();
      });
}

std::vector<Row> EconomicTreeRows(const Department& d, const LinePredicate& keep,
                                  const std::vector<ColumnFn>& columns) {
  return TreeRows(
      d, keep, columns, [](const ExpenditureLine& l) { return l.economic; }, {3, 5, 99},
      [&](const std::string& code) {
        const EconomicSubject* s = d.catalog ? d.catalog->FindEconomic(code) : nullptr;
        return s ? s->name : std::string();
      });
}

}  // namespace gongkai
