// The key figures of a final accounts (决算), each computed once: spending from the lines (as
// for a budget, figures.h), income from the income lines, the balances from the source. The
// 决算 tables, its 情况说明 and its rules all read from here.
#ifndef GONGKAI_DISCLOSURE_FINAL_FIGURES_H_
#define GONGKAI_DISCLOSURE_FINAL_FIGURES_H_

#include <map>
#include <optional>
#include <string>

#include "disclosure/figures.h"
#include "model/department.h"

namespace gongkai {

struct FinalFigures {
  Money income;                                 // 本年收入合计
  std::map<std::string, Money> income_by_fund;  // revenue source id → 本年收入
  Money spending;                               // 本年支出合计 (every line)
  Money opening, closing;                       // 年初 / 年末结转和结余, all funds
  Money fiscal_opening, fiscal_closing;         // the same, 财政拨款 (general, fund, soe)
  // 总计 of 收入支出决算总表: both sides, which the source must make equal (FIN-001).
  Money income_side, spending_side;
  // 财政拨款 spending by budget (本年 + 结转), and in all.
  Money fiscal_spending;
  std::map<std::string, Money> fiscal_spending_by_fund;
  // 一般公共预算财政拨款支出 (all general lines, 本年 and 结转), its basic split.
  Money general, general_basic, general_personnel, general_public, general_project;
  // 年初预算 of 一般公共预算财政拨款支出, when known.
  Money general_budget;
  bool budget_known = false;
  // 调整预算 of 一般公共预算财政拨款支出 (every 项's, AdjustedBudget), when one was given.
  Money general_adjusted;
  bool adjusted_known = false;
  // 机关运行经费预算数: as the 决算 states it, else from its budget source; nullopt: unknown.
  std::optional<Money> operating_budget;
  // “三公” 预算数 and 决算数 by key, and totals.
  std::map<std::string, BudgetAndActual> three_public;
  BudgetAndActual three_public_total;
};

// The funds whose money is 财政拨款.
bool IsFiscalFund(const std::string& fund);

FinalFigures ComputeFinalFigures(const Department& d, const Figures& f);

// The 调整预算 of one 功能 项: as given (adjusted_items), else its 年初预算 (a 项 the budget
// adjustment did not touch).
Money AdjustedBudget(const FinalAccounts& fa, const std::string& item);

// The 项 a 决算 of 一般公共预算财政拨款 speaks of: those spent on, those with a 年初预算 and,
// with `adjusted`, those with a 调整预算; each with its 决算数.
std::map<std::string, Money> GeneralItems(const Department& d, bool adjusted);

}  // namespace gongkai

#endif  // GONGKAI_DISCLOSURE_FINAL_FIGURES_H_
