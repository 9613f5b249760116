#include "disclosure/final_figures.h"

namespace gongkai {

bool IsFiscalFund(const std::string& fund) {
  return fund == "general" || fund == "fund" || fund == "soe";
}

FinalFigures ComputeFinalFigures(const Department& d, const Figures& f) {
  const FinalAccounts& fa = d.final_accounts;
  FinalFigures x;
  for (const auto& l : fa.income) {
    x.income += l.amount;
    x.income_by_fund[l.fund] += l.amount;
  }
  x.spending = f.total;
  for (const auto& [fund, m] : fa.opening_balance) {
    x.opening += m;
    if (IsFiscalFund(fund)) x.fiscal_opening += m;
  }
  for (const auto& [fund, m] : fa.closing_balance) {
    x.closing += m;
    if (IsFiscalFund(fund)) x.fiscal_closing += m;
  }
  x.income_side = x.income + fa.non_fiscal_balance_used + x.opening;
  x.spending_side = x.spending + fa.surplus_distribution + x.closing;
  for (const auto& l : d.lines) {
    if (IsFiscalFund(l.fund)) {
      x.fiscal_spending += l.amount;
      x.fiscal_spending_by_fund[l.fund] += l.amount;
    }
    if (l.fund != "general") continue;
    x.general += l.amount;
    if (l.is_basic()) {
      x.general_basic += l.amount;
      (l.cost_class == CostClass::kPersonnel ? x.general_personnel : x.general_public) += l.amount;
    } else if (l.is_project()) {
      x.general_project += l.amount;
    }
  }
  x.general_budget = fa.budget_total;
  x.budget_known = !fa.budget_by_item.empty();
  x.adjusted_known = !fa.adjusted_by_item.empty();
  x.operating_budget = fa.operating_budget ? fa.operating_budget : fa.operating_budget_of_budget;
  if (x.adjusted_known) {
    for (const auto& [code, actual] : GeneralItems(d, true)) {
      x.general_adjusted += AdjustedBudget(fa, code);
    }
  }
  for (const auto& key : ThreePublicKeys()) {
    auto it = fa.three_public.find(key);
    BudgetAndActual ba = it == fa.three_public.end() ? BudgetAndActual{} : it->second;
    x.three_public[key] = ba;
    x.three_public_total.budget += ba.budget;
    x.three_public_total.actual += ba.actual;
  }
  return x;
}

Money AdjustedBudget(const FinalAccounts& fa, const std::string& item) {
  if (auto it = fa.adjusted_by_item.find(item); it != fa.adjusted_by_item.end()) return it->second;
  auto it = fa.budget_by_item.find(item);
  return it == fa.budget_by_item.end() ? Money() : it->second;
}

std::map<std::string, Money> GeneralItems(const Department& d, bool adjusted) {
  std::map<std::string, Money> out;
  for (const auto& l : d.lines) {
    if (l.fund == "general") out[l.function] += l.amount;
  }
  for (const auto& [code, budget] : d.final_accounts.budget_by_item) out.try_emplace(code);
  if (adjusted) {
    for (const auto& [code, budget] : d.final_accounts.adjusted_by_item) out.try_emplace(code);
  }
  return out;
}

}  // namespace gongkai
