// Builders of the standard disclosure tables (附表4-1 … 4-9 and the optional ones).
//
// Each builder fills the body and header of one table from the department's lines; titles,
// numbers and empty-table sentences come from the year's template (templates.h).
#ifndef GONGKAI_DISCLOSURE_TABLES_H_
#define GONGKAI_DISCLOSURE_TABLES_H_

#include "disclosure/document.h"
#include "disclosure/figures.h"
#include "disclosure/templates.h"
#include "model/department.h"

namespace gongkai {

// 收支总表 and 财政拨款收支总表 (summary_tables.cc).
void BuildIncomeExpenditureSummary(const Department& d, const Figures& f, Table* t);
void BuildFiscalSummary(const Department& d, const Figures& f, Table* t);
// 收入总表, 支出总表, 一般公共预算支出表, 政府性基金 / 国有资本经营预算支出表
// (function_tables.cc).
void BuildIncomeSummary(const Department& d, const Figures& f, Table* t);
void BuildExpenditureSummary(const Department& d, const Figures& f, Table* t);
void BuildGeneralExpenditure(const Department& d, const Figures& f, Table* t);
void BuildGovFundExpenditure(const Department& d, const Figures& f, Table* t);
void BuildSoeExpenditure(const Department& d, const Figures& f, Table* t);
// 一般公共预算基本支出表 (basic_expenditure_table.cc).
void BuildGeneralBasicExpenditure(const Department& d, const Figures& f, Table* t);
// 一般公共预算“三公”经费支出表 (three_public_table.cc).
void BuildThreePublic(const Department& d, const Figures& f, Table* t);
// 项目支出表 (project_table.cc).
void BuildProjectExpenditure(const Department& d, const Figures& f, Table* t);
// 政府采购预算表, 政府购买服务预算表 (procurement_tables.cc).
void BuildProcurement(const Department& d, const Figures& f, Table* t);
void BuildPurchaseServices(const Department& d, const Figures& f, Table* t);

// Builds every table the template lists, in template order. A table that the template marks
// optional and that has no data is left out, and the numbers after it close up (附表4-9, then
// 附表4-10 for 政府采购预算表 when there is no 国有资本经营预算支出表), so the published
// numbering has no gaps.
std::vector<Table> BuildTables(const Department& d, const Figures& f, const Templates& tpl);

// 决算 tables (final_tables.cc): 收入支出决算总表, 收入决算表, 支出决算表,
// 财政拨款收入支出决算总表, 一般公共预算财政拨款支出决算表, 一般公共预算财政拨款基本支出决算表,
// 财政拨款“三公”经费支出决算表, 政府性基金预算财政拨款收入支出决算表,
// 国有资本经营预算财政拨款收入支出决算表.
// Each takes its template too: the rows and columns a region prints (TableTemplate).
void BuildFinalSummary(const Department& d, const Figures& f, const TableTemplate& tt, Table* t);
void BuildFinalIncome(const Department& d, const Figures& f, const TableTemplate& tt, Table* t);
void BuildFinalExpenditure(const Department& d, const Figures& f, const TableTemplate& tt,
                           Table* t);
void BuildFinalFiscalSummary(const Department& d, const Figures& f, const TableTemplate& tt,
                             Table* t);
void BuildFinalGeneralExpenditure(const Department& d, const Figures& f, const TableTemplate& tt,
                                  Table* t);
void BuildFinalGeneralBasic(const Department& d, const Figures& f, const TableTemplate& tt,
                            Table* t);
void BuildFinalThreePublic(const Department& d, const Figures& f, const TableTemplate& tt,
                           Table* t);
void BuildFinalGovFund(const Department& d, const Figures& f, const TableTemplate& tt, Table* t);
void BuildFinalSoe(const Department& d, const Figures& f, const TableTemplate& tt, Table* t);

// Two-sided tables (收入 | 支出): each side a list of (label, amount) rows, merged row by row.
struct Side {
  std::vector<std::pair<std::string, Money>> rows;
};
void MergeSides(const Side& left, const Side& right, Table* t);
void TwoSidedHeader(Table* t, const char* amount_title);  // 预算数 / 决算数
void TotalRow(Table* t, RowKind kind, const char* left, Money l, const char* right, Money r);
// Spending by 功能 类 in the printed order of the year's 收支总表, "一、…" or "（一）…".
std::vector<std::pair<std::string, Money>> ClassRows(const Department& d, const LinePredicate& keep,
                                                     bool parenthesized);
// A 功能 tree table [科目编码][科目名称][合计][基本支出 (小计 人员 公用)][项目支出] of the lines
// `keep` selects.
void FunctionTreeTable(const Department& d, const LinePredicate& keep, bool split_basic, Table* t);

// A 经济分类 tree table [科目编码][科目名称][合计][人员经费][公用经费] of the basic lines `keep`
// selects, under the two header titles given (budget and 决算 word them differently).
void BasicByEconomicTable(const Department& d, const LinePredicate& keep, const char* class_title,
                          const char* amount_title, Table* t);

// Header helpers shared by the builders.
std::vector<Cell> HeaderRow(std::initializer_list<const char*> titles);
std::vector<bool> NumericColumns(size_t text_columns, size_t amount_columns);

}  // namespace gongkai

#endif  // GONGKAI_DISCLOSURE_TABLES_H_
