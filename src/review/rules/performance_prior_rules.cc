// 绩效目标, the prior-year columns of the 部门整体支出绩效目标表: 近两年收支金额 are totals like
// the current year's, so each column's parts add up to its 合计 (PRF-019 checks the current year).
#include <fmt/format.h>

#include "review/rule_support.h"

namespace gongkai {
namespace {

using namespace rules;

const RuleFamily Make{"绩效目标", Both()};

}  // namespace

void RegisterPerformancePriorRules(std::vector<Rule>* out) {
  out->push_back(Make(
      "PRF-021", Severity::kError, "部门整体目标：近两年收支金额每列的合计 = 各项之和",
      "部门总体资金情况的近两年收支金额与当年金额一样逐列合计",
      "《中共中央 国务院关于全面实施预算绩效管理的意见》；财预〔2021〕101号",
      [](const CheckContext& ctx, Emitter& emit) {
        const DepartmentGoals& g = ctx.d.performance.department;
        if (!g.present) return;
        for (const auto* rows : {&g.income, &g.expenditure}) {
          const char* part = rows == &g.income ? "收入构成" : "支出构成";
          const FundRow* total = nullptr;
          for (const auto& r : *rows) {
            if (r.item == "合计") total = &r;
          }
          if (!total) continue;
          for (size_t column = 0; column < total->prior.size(); ++column) {
            if (!total->prior[column]) continue;
            std::vector<Money> parts;
            for (const auto& r : *rows) {
              if (&r != total && column < r.prior.size() && r.prior[column])
                parts.push_back(*r.prior[column]);
            }
            Money sum;
            for (Money m : parts) sum += m;
            std::string year = column < g.prior_years.size()
                                   ? std::to_string(g.prior_years[column]) + "年"
                                   : fmt::format("近两年第{}列", column + 1);
            Location where = ctx.At(g.line, 1, "部门整体支出绩效目标表");
            where.table = "部门整体支出绩效目标表";
            where.row = std::string(part) + "合计";
            where.column = year;
            std::string message = fmt::format("部门整体绩效目标表{}{}：合计{}万元，各项之和{}万元",
                                              part, year, total->prior[column]->Wan(), sum.Wan());
            switch (CompareTotal(*total->prior[column], parts)) {
              case Agreement::kExact:
                break;
              case Agreement::kRounding:
                emit.Rounding(message + "（尾数差异）", where, sum.Wan(),
                              total->prior[column]->Wan());
                break;
              case Agreement::kMismatch:
                emit.Report(message, where, sum.Wan(), total->prior[column]->Wan(),
                            Diff(*total->prior[column], sum));
            }
          }
        }
      }));
}

}  // namespace gongkai
