// The key figures of a department budget, each computed once from the lines.
//
// Tables and text both read from here (and from the tree helpers below), so a figure that
// appears in several places is the same number everywhere.
#ifndef GONGKAI_DISCLOSURE_FIGURES_H_
#define GONGKAI_DISCLOSURE_FIGURES_H_

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "disclosure/document.h"
#include "model/department.h"

namespace gongkai {

// The column of 支出总表 a line falls in. Transfers (上缴上级支出, 对附属单位补助支出) are their
// own; other lines paid from 事业单位经营收入 are 事业单位经营支出 whatever their cost class; the
// rest are 基本支出 or 项目支出. The text (三（二）) splits the total the same way, so that it
// always agrees with the table.
enum class SpendingKind { kBasic, kProject, kUnitOperating, kToSuperior, kToAffiliates };
SpendingKind KindOf(const ExpenditureLine& l);

// Each kind with its key (declared figures `expenditure.<key>`, the glossary's `when`) and the
// name 支出总表 and the text print, in the table's column order.
struct SpendingKindInfo {
  SpendingKind kind;
  const char* key;
  const char* name;
};
const std::vector<SpendingKindInfo>& SpendingKinds();
const SpendingKindInfo& InfoOf(SpendingKind kind);
const SpendingKindInfo* FindSpendingKind(const std::string& key);  // null if unknown

struct Figures {
  Money total;      // 支出合计 = every line (本年 and 上年结转)
  Money current;    // 本年收入合计
  Money carryover;  // 上年结转结余
  std::map<std::string, Money> current_by_fund;    // revenue source id → 本年收入
  std::map<std::string, Money> carryover_by_fund;  // revenue source id → 上年结转
  Money year_end_balance;                          // 年终结转结余
  // By SpendingKind: 基本支出 (人员经费 + 公用经费), 项目支出, 事业单位经营支出, 上缴上级支出,
  // 对附属单位补助支出; all funds.
  Money basic, personnel, public_, project, unit_operating, to_superior, to_affiliates;
  Money Spending(SpendingKind kind) const { return this->*Member(kind); }
  static Money Figures::*Member(SpendingKind kind);  // the field of that kind

  // 一般公共预算当年财政拨款
  Money general, general_basic, general_personnel, general_public, general_project;
  Money gov_fund;  // 政府性基金预算当年财政拨款
  Money soe;       // 国有资本经营预算当年财政拨款
  Money fiscal;    // 财政拨款合计 (本年 + 上年结转, three budgets)

  // "三公" (一般公共预算当年拨款), keyed outbound, vehicle_purchase, vehicle_operation, reception.
  std::map<std::string, Money> three_public;
  Money three_public_total;

  // 机关运行经费: 一般公共预算 基本支出 公用经费 of 行政单位 and 参公事业单位, by economic 款.
  Money operating_expenses;
  std::vector<std::pair<std::string, Money>> operating_items;

  Money procurement_total;
  std::map<std::string, Money> procurement_by_type;  // goods, works, service
  // 中小企业: Σ amount × share of the items that give one (SmeAmount), nullopt when none does.
  std::optional<Money> procurement_sme;
  // 小微企业: Σ amount × small_micro share (SmallMicroAmount), nullopt when no item gives one.
  std::optional<Money> procurement_small_micro;
  Money purchase_services_total;
  Money goal_projects_amount;  // projects with 绩效目标 (一般公共预算当年拨款)
  int goal_projects = 0;
};

Figures ComputeFigures(const Department& d);

using LinePredicate = std::function<bool(const ExpenditureLine&)>;
// Returns the part of a line that falls in one column (zero if none).
using ColumnFn = std::function<Money(const ExpenditureLine&)>;

Money SumLines(const Department& d, const LinePredicate& keep);

// Rows 合计 / 类 / 款 / 项 for the lines `keep` selects, cells [code, name, columns…].
// Only codes with lines appear; 类 rows in code order.
std::vector<Row> FunctionTreeRows(const Department& d, const LinePredicate& keep,
                                  const std::vector<ColumnFn>& columns);
// Rows 合计 / 类 / 款 over economic classification.
std::vector<Row> EconomicTreeRows(const Department& d, const LinePredicate& keep,
                                  const std::vector<ColumnFn>& columns);

// Common predicates.
bool IsGeneralCurrent(const ExpenditureLine& l);  // 一般公共预算当年拨款

}  // namespace gongkai

#endif  // GONGKAI_DISCLOSURE_FIGURES_H_
