// Performance goals (预算绩效目标): project declarations (项目申报表（含绩效目标）) and the
// department-wide goals (部门整体支出绩效目标), as in seeds 000, 002, 003 and 004.
//
// Goals carry indicator tables; every indicator value is typed (indicator_value.h), the raw
// text always kept. Amounts are exact Money; a declaration may be kept in 元 or 万元 as
// published (`unit`), amounts are stored exact either way.
#ifndef GONGKAI_MODEL_GOALS_H_
#define GONGKAI_MODEL_GOALS_H_

#include <optional>
#include <string>
#include <vector>

#include "base/money.h"
#include "refdata/indicator_value.h"

namespace gongkai {

struct SourceLocation;

// One row of an indicator table.
struct Indicator {
  std::string level1;  // 一级指标: 产出指标 / 效益指标 / 满意度指标 / 成本指标
  std::string level2;  // 二级指标: 数量指标 …
  std::string name;    // 三级指标
  std::string description;     // 绩效指标描述 / 指标解释
  IndicatorValue value;        // 指标值 (预计当年)
  IndicatorValue before_last;  // 前年
  IndicatorValue last;         // 上年
  std::string basis;           // 指标值确定依据
  std::string weight;          // 分值 (decimal text), may be empty
  int line = 0;                // source position
};

struct Goal {
  std::string name;  // 目标1 / 目标名称
  std::string text;  // 目标说明
  int end_year = 0;  // 长期目标截止年
  std::vector<Indicator> indicators;
  int line = 0;
};

struct FundingSource {
  std::string source;  // 一般公共预算财政拨款收入 …
  Money amount;
  std::optional<Money> current;  // 其中：申请当年预算拨款
};

struct CostDetail {  // 项目支出明细测算
  std::string activity, content, economic, basis, note;
  Money amount;
};

struct Purchase {  // 项目采购
  std::string item, quantity;
  Money amount;
};

struct SpendingStep {   // 资金支出计划: cumulative % by a date
  std::string by;       // 3月底
  std::string percent;  // "60"
};

struct YearAmount {
  int year = 0;
  Money amount;
};

struct ProjectDeclaration {
  std::string project_id;  // the budget project it declares (may be empty)
  std::string code, name, date, unit_label = "万元";
  std::string supervisor, executor, leader, phone, address, postcode;
  std::string attribute;  // 项目属性: 新增项目 / 延续项目 / 持续性项目
  std::string category;   // 支出项目类别
  std::string frequency;  // 一次性 / 常年 / 延续性
  int start_year = 0, end_year = 0;
  std::string basis, plan;  // 立项依据, 实施方案
  std::optional<Money> total_budget, year_budget;
  std::vector<YearAmount> prior_budgets;  // 前两年预算
  std::string change_text;                // 前两年预算及当年预算变动情况
  std::string last_evaluation;            // 上年绩效评价结果及应用
  std::vector<FundingSource> funding;
  std::vector<CostDetail> details;
  std::vector<Purchase> purchases;
  std::vector<SpendingStep> spending_plan;
  std::string goal;  // 项目绩效总目标
  std::vector<Goal> long_term, annual;
  int line = 0;
};

struct FundRow {  // a row of 部门总体资金情况
  std::string item;
  std::optional<Money> amount;
  std::vector<std::optional<Money>> prior;  // the two prior years, in `prior_years` order
};

struct Task {  // 年度工作任务 (seed 003 gives amounts)
  std::string name, content;
  std::optional<Money> amount, fiscal, other;
};

struct ProjectSummary {  // 项目支出情况
  std::string name, category, use;
  std::optional<Money> total, amount;
};

struct DepartmentGoals {
  bool present = false;
  std::string date, filler, phone, unit_label = "万元";
  std::vector<int> prior_years;  // the years of the two prior columns
  std::vector<FundRow> income, expenditure;
  std::vector<std::string> functions;
  std::vector<Task> tasks;
  std::vector<ProjectSummary> projects;
  std::vector<Goal> long_term, annual;
  std::string overall;  // 总体绩效目标 text (seed 002)
  int line = 0;
};

struct Performance {
  bool present = false;
  std::string framework;  // data/perf/frameworks/<name>.yaml
  DepartmentGoals department;
  std::vector<ProjectDeclaration> projects;
};

}  // namespace gongkai

#endif  // GONGKAI_MODEL_GOALS_H_
