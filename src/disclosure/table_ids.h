// The ids of the standard tables, declared once. An id names a table in the templates
// (data/templates/<kind>/<year>/tables.csv), in HTML anchors and JSON, in findings'
// locations and in declared figures (`declared.tables.<id>`); code refers to a table only
// through these constants.
#ifndef GONGKAI_DISCLOSURE_TABLE_IDS_H_
#define GONGKAI_DISCLOSURE_TABLE_IDS_H_

namespace gongkai::table_id {

inline constexpr char kIncomeExpenditureSummary[] = "income_expenditure_summary";  // 收支总表
inline constexpr char kIncomeSummary[] = "income_summary";                         // 收入总表
inline constexpr char kExpenditureSummary[] = "expenditure_summary";               // 支出总表
inline constexpr char kFiscalSummary[] = "fiscal_summary";            // 财政拨款收支总表
inline constexpr char kGeneralExpenditure[] = "general_expenditure";  // 一般公共预算支出表
inline constexpr char kGeneralBasicExpenditure[] =
    "general_basic_expenditure";                        // 一般公共预算基本支出表
inline constexpr char kThreePublic[] = "three_public";  // “三公”经费支出表
inline constexpr char kGovFundExpenditure[] = "gov_fund_expenditure";  // 政府性基金预算支出表
inline constexpr char kProjectExpenditure[] = "project_expenditure";  // 项目支出表
inline constexpr char kSoeExpenditure[] = "soe_expenditure";  // 国有资本经营预算支出表
inline constexpr char kProcurement[] = "procurement";         // 政府采购预算表
inline constexpr char kPurchaseServices[] = "purchase_services";  // 政府购买服务预算表

// Final accounts (决算), national template order.
inline constexpr char kFinalSummary[] = "final_summary";          // 收入支出决算总表
inline constexpr char kFinalIncome[] = "final_income";            // 收入决算表
inline constexpr char kFinalExpenditure[] = "final_expenditure";  // 支出决算表
inline constexpr char kFinalFiscalSummary[] = "final_fiscal_summary";  // 财政拨款收入支出决算总表
inline constexpr char kFinalGeneralExpenditure[] =
    "final_general_expenditure";  // 一般公共预算财政拨款支出决算表
inline constexpr char kFinalGeneralBasic[] =
    "final_general_basic_expenditure";  // 一般公共预算财政拨款基本支出决算表
inline constexpr char kFinalThreePublic[] = "final_three_public";  // 财政拨款“三公”经费支出决算表
inline constexpr char kFinalGovFund[] = "final_gov_fund";  // 政府性基金预算财政拨款收入支出决算表
inline constexpr char kFinalSoe[] = "final_soe";  // 国有资本经营预算财政拨款收入支出决算表

}  // namespace gongkai::table_id

#endif  // GONGKAI_DISCLOSURE_TABLE_IDS_H_
