// What a final accounts (部门决算) source holds beyond the lines it shares with a budget.
//
// In a 决算 the lines (basic, projects, transfers) carry the 决算数: what was actually spent,
// per 功能 项 × 经济 款 × fund, lines paid out of 年初结转和结余 marked `carryover`. Income is
// no longer the mirror of spending, so it is given by 功能 项 and source; the balances close
// the identity every 收入支出决算总表 prints:
//
//   本年收入合计 + 使用非财政拨款结余 + 年初结转和结余
//     = 本年支出合计 + 结余分配 + 年末结转和结余
//
// The 年初预算 each figure is compared with comes from the department's budget of that year:
// a budget source named by `budget:` (loaded beside it), or figures given inline.
#ifndef GONGKAI_MODEL_FINAL_ACCOUNTS_H_
#define GONGKAI_MODEL_FINAL_ACCOUNTS_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/money.h"

namespace gongkai {

struct SourceLocation;

// 本年收入 of one source on one 功能 项.
struct IncomeLine {
  std::string function;  // 功能分类 项
  std::string fund;      // revenue source id (general, fund, soe, superior, business, …)
  Money amount;
  int line = 0;
};

// 预算数 and 决算数 of one “三公” item (outbound, vehicle_purchase, vehicle_operation,
// reception).
struct BudgetAndActual {
  Money budget, actual;
};

// Activity counts printed with the “三公” figures.
struct ThreePublicCounts {
  int outbound_groups = 0, outbound_persons = 0;     // 因公出国（境）团组数, 人次
  int vehicles_purchased = 0, vehicles_held = 0;     // 公务用车购置数, 保有量
  int reception_batches = 0, reception_persons = 0;  // 国内公务接待批次, 人次
};

struct FinalAccounts {
  bool present = false;
  std::string budget_source;  // the year's budget source, relative to this file; may be empty
  // 年初预算 per 功能 项 of 一般公共预算财政拨款 (from the budget source or given inline).
  std::map<std::string, Money> budget_by_item;
  Money budget_total;  // 年初预算 of 一般公共预算财政拨款支出, total
  // 调整预算 per 功能 项 of 一般公共预算财政拨款, where the region's 决算 compares with it too
  // (adjusted_items); a 项 not listed kept its 年初预算. Empty: no 调整预算 was given.
  std::map<std::string, Money> adjusted_by_item;
  // 机关运行经费预算数: as the 决算 states it (operating_expenses_budget), and the 机关运行经费 of
  // the budget source's lines (set by the engine). The stated one is printed where given.
  std::optional<Money> operating_budget;
  std::optional<Money> operating_budget_of_budget;
  std::vector<IncomeLine> income;
  std::map<std::string, Money> opening_balance;  // 年初结转和结余 by fund
  std::map<std::string, Money> closing_balance;  // 年末结转和结余 by fund
  Money non_fiscal_balance_used;                 // 使用非财政拨款结余
  Money surplus_distribution;                    // 结余分配
  std::map<std::string, BudgetAndActual> three_public;
  // 会议费 and 培训费, 预算数 and 决算数, where a region prints them beside the “三公” (西安's
  // 财政拨款“三公”经费及会议费、培训费支出决算表): optional, and never part of the “三公”.
  std::optional<BudgetAndActual> meeting, training;
  ThreePublicCounts counts;
  // Why 决算 differs from 年初预算: per 功能 项 (code), and for 一般公共预算财政拨款支出 as a
  // whole ("general") and the “三公” as a whole ("three_public").
  std::map<std::string, std::string> reasons;
  std::string evaluation;  // 预算绩效管理情况 (自评 summary)
};

}  // namespace gongkai

#endif  // GONGKAI_MODEL_FINAL_ACCOUNTS_H_
