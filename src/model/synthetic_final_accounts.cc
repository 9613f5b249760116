#include "model/synthetic_final_accounts.h"

#include <random>

namespace gongkai {

Department MakeSyntheticFinalAccounts(const Department& budget, uint64_t seed,
                                      const std::string& budget_file) {
  std::mt19937_64 random(seed * 7919 + 17);
  Department d = budget;
  d.kind = DocumentKind::kFinalAccounts;
  // Sections a 决算 does not carry (see the loader).
  d.comparisons.clear();
  d.three_public.prior_year.clear();
  d.declared = {};
  d.performance = {};
  d.prior_year = d.year - 1;
  FinalAccounts& fa = d.final_accounts;
  fa = {};
  fa.present = true;
  fa.budget_source = budget_file;
  std::map<std::pair<std::string, std::string>, Money> income;  // (项, fund) → amount
  std::map<std::string, Money> budget_items, actual_items;
  for (auto& l : d.lines) {
    if (l.fund == "general" && !l.carryover) budget_items[l.function] += l.amount;
    // 90–102% of the budget, to the fen.
    const int64_t permille = 900 + static_cast<int64_t>(random() % 121);
    l.amount = Money::FromFen(l.amount.fen() * permille / 1000);
    if (l.fund == "general") actual_items[l.function] += l.amount;
    income[{l.function, l.fund}] += l.amount;
    if (l.carryover) l.carryover = false;  // spent from this year's income
  }
  for (const auto& [key, amount] : income) {
    fa.income.push_back({key.first, key.second, amount, 0});
  }
  const Money balance = Money::FromWan(static_cast<int64_t>(random() % 50));
  fa.opening_balance["general"] = balance;
  fa.closing_balance["general"] = balance;
  // “三公” 预算数 from the budget's lines, 决算数 from the 决算's, by the catalog's marks.
  auto three_public = [&](const Department& x, bool actual) {
    for (const auto& l : x.lines) {
      if (l.fund != "general") continue;
      const EconomicSubject* s = x.catalog ? x.catalog->FindEconomic(l.economic) : nullptr;
      if (!s || s->three_public.empty()) continue;
      BudgetAndActual& ba = fa.three_public[s->three_public];
      (actual ? ba.actual : ba.budget) += l.amount;
    }
  };
  three_public(budget, false);
  three_public(d, true);
  fa.counts.vehicles_held = static_cast<int>(random() % 5);
  fa.counts.reception_batches = static_cast<int>(random() % 40);
  fa.counts.reception_persons = fa.counts.reception_batches * 6;
  for (const auto& [code, amount] : actual_items) {
    auto b = budget_items.find(code);
    const Money planned = b == budget_items.end() ? Money() : b->second;
    if (amount.RoundedWan(2) == planned.RoundedWan(2)) continue;
    fa.reasons[code] = amount < planned ? "严格控制一般性支出，节约开支" : "按实际需要追加支出";
  }
  // The wholes too: 一般公共预算财政拨款支出 and the “三公”, where they differ (FIN-009).
  Money planned_total, actual_total;
  for (const auto& [code, amount] : budget_items) planned_total += amount;
  for (const auto& [code, amount] : actual_items) actual_total += amount;
  if (planned_total.RoundedWan(2) != actual_total.RoundedWan(2)) {
    fa.reasons["general"] = actual_total < planned_total ? "严格执行过紧日子要求，压减一般性支出"
                                                         : "按实际需要追加支出";
  }
  Money tp_budget, tp_actual;
  for (const auto& [key, ba] : fa.three_public) {
    tp_budget += ba.budget;
    tp_actual += ba.actual;
  }
  if (tp_budget.RoundedWan(2) != tp_actual.RoundedWan(2)) {
    fa.reasons["three_public"] = "严格控制“三公”经费支出";
  }
  fa.evaluation = "本部门对全部项目开展了绩效自评。";
  return d;
}

}  // namespace gongkai
