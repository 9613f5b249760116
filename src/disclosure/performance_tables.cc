#include "disclosure/performance_tables.h"

#include <fmt/format.h>

namespace gongkai {
namespace {

// Columns of both forms: the annual indicator table needs eight, one more for 绩效指标描述
// and one more for 分值 when an indicator of the table has them.
constexpr int kWidth = 8;

struct IndicatorColumns {
  bool description = false, weight = false;
  int extra() const { return description + weight; }
};

IndicatorColumns ColumnsOf(const std::vector<Goal>& goals) {
  IndicatorColumns c;
  for (const auto& g : goals) {
    for (const auto& i : g.indicators) {
      c.description |= !i.description.empty();
      c.weight |= !i.weight.empty();
    }
  }
  return c;
}

// Amounts on a form are printed in the form's own unit (万元 or 元), two decimals.
std::string FormAmount(const std::optional<Money>& m, const std::string& unit) {
  if (!m) return "";
  return unit == "元" ? m->Yuan(true) : m->Wan(2, true);
}

class Form {
 public:
  Form(Table* t, int width) : t_(t), width_(width) { t_->numeric_columns.assign(width, false); }
  int width() const { return width_; }

  // A row of (text, colspan) pairs; the last cell stretches to the full width.
  void Row(std::vector<std::pair<std::string, int>> cells, RowKind kind = RowKind::kPlain) {
    ::gongkai::Row row{kind, {}};
    int used = 0;
    for (size_t i = 0; i < cells.size(); ++i) {
      int span = i + 1 == cells.size() ? width_ - used : cells[i].second;
      row.cells.push_back(Cell::Text(cells[i].first, span));
      used += span;
    }
    t_->rows.push_back(std::move(row));
  }
  void Heading(const std::string& text) { Row({{text, width_}}, RowKind::kHeading); }
  void Label(const std::string& label, const std::string& value) { Row({{label, 2}, {value, 6}}); }
  void Pair(const std::string& l1, const std::string& v1, const std::string& l2,
            const std::string& v2) {
    Row({{l1, 2}, {v1, 3}, {l2, 1}, {v2, 2}});
  }

  // An indicator table; 绩效指标描述 and 分值 are columns when an indicator of the table has
  // them, so every field the source holds is printed.
  void Indicators(const std::vector<Goal>& goals, bool annual) {
    IndicatorColumns extra = ColumnsOf(goals);
    std::vector<std::pair<std::string, int>> head = {
        {"目标名称", 1}, {"一级指标", 1}, {"二级指标", 1}, {"三级指标", 1}};
    if (extra.description) head.push_back({"绩效指标描述", 1});
    // The long-term value takes what the annual table gives to 前年, 上年 and 预计当年.
    int value_span = width_ - 5 - extra.extra();
    if (annual) {
      head.insert(head.end(), {{"前年", 1}, {"上年", 1}, {"预计当年实现", 1}});
    } else {
      head.push_back({"指标值", value_span});
    }
    if (extra.weight) head.push_back({"分值", 1});
    head.push_back({"指标值确定依据", 1});
    Row(head, RowKind::kHeading);
    for (const auto& g : goals) {
      if (!g.text.empty() || g.indicators.empty()) {
        std::string name = g.name.empty() ? "目标" : g.name;
        if (g.end_year) name += fmt::format("（截至{}年）", g.end_year);
        Row({{name, 2}, {g.text, 6}});
      }
      for (const auto& i : g.indicators) {
        std::vector<std::pair<std::string, int>> row = {
            {g.name, 1}, {i.level1, 1}, {i.level2, 1}, {i.name, 1}};
        if (extra.description) row.push_back({i.description, 1});
        if (annual) {
          row.insert(row.end(), {{i.before_last.raw, 1}, {i.last.raw, 1}, {i.value.raw, 1}});
        } else {
          row.push_back({i.value.raw, value_span});
        }
        if (extra.weight) row.push_back({i.weight, 1});
        row.push_back({i.basis, 1});
        Row(row);
      }
    }
  }

 private:
  Table* t_;
  int width_;
};

Table ProjectForm(const Department& d, const ProjectDeclaration& p, int index) {
  Table t;
  t.id = fmt::format("project_goals_{}", index);
  t.title =
      "部门项目申报表（含绩效目标）：" + p.name;  // named, so 目录, bookmarks and sheets differ
  t.unit_label = "单位：" + p.unit_label;
  t.form = true;
  Form f(&t, kWidth + ColumnsOf(p.annual).extra());
  const std::string& u = p.unit_label;
  if (!p.date.empty()) f.Row({{"申报日期：" + p.date, f.width()}});
  f.Pair("项目名称", p.name, "项目编码", p.code);
  f.Pair("项目主管部门", p.supervisor, "项目执行单位", p.executor);
  f.Pair("项目负责人", p.leader, "联系电话", p.phone);
  f.Pair("单位地址", p.address, "邮政编码", p.postcode);
  f.Label("项目属性", p.attribute);
  f.Label("支出项目类别", p.category);
  if (!p.frequency.empty()) f.Label("项目频度", p.frequency);
  f.Pair("起始年度", p.start_year ? std::to_string(p.start_year) : "", "终止年度",
         p.end_year ? std::to_string(p.end_year) : "");
  f.Label("项目立项依据", p.basis);
  f.Label("项目实施方案", p.plan);
  f.Pair("项目总预算", FormAmount(p.total_budget, u), "项目当年预算", FormAmount(p.year_budget, u));
  std::string prior;
  for (const auto& b : p.prior_budgets) {
    prior += fmt::format("{}{}年预算{}{}", prior.empty() ? "" : "，", b.year,
                         FormAmount(b.amount, u), u);
  }
  if (!p.change_text.empty()) prior += (prior.empty() ? "" : "；") + p.change_text;
  f.Label("项目前两年预算及当年预算变动情况", prior);
  if (!p.last_evaluation.empty()) f.Label("上年绩效评价结果及应用", p.last_evaluation);
  f.Heading("项目资金来源");
  f.Row({{"来源项目", 5}, {"金额", 3}}, RowKind::kHeading);
  Money sum;
  for (const auto& s : p.funding) sum += s.amount;
  f.Row({{"合计", 5}, {FormAmount(sum, u), 3}}, RowKind::kTotal);
  for (const auto& s : p.funding) {
    f.Row({{s.source, 5}, {FormAmount(s.amount, u), 3}});
    if (s.current) f.Row({{"其中：申请当年预算拨款", 5}, {FormAmount(s.current, u), 3}});
  }
  f.Heading("项目支出明细测算");
  f.Row({{"项目活动", 1},
         {"活动内容表述", 2},
         {"支出经济分类", 1},
         {"金额", 1},
         {"测算依据及说明", 2},
         {"备注", 1}},
        RowKind::kHeading);
  for (const auto& c : p.details) {
    f.Row({{c.activity, 1},
           {c.content, 2},
           {c.economic, 1},
           {FormAmount(c.amount, u), 1},
           {c.basis, 2},
           {c.note, 1}});
  }
  f.Heading("项目采购");
  f.Row({{"品名", 4}, {"数量", 2}, {"金额", 2}}, RowKind::kHeading);
  for (const auto& pu : p.purchases)
    f.Row({{pu.item, 4}, {pu.quantity, 2}, {FormAmount(pu.amount, u), 2}});
  if (!p.spending_plan.empty()) {
    f.Heading("资金支出计划（%）");
    std::vector<std::pair<std::string, int>> by, pct;
    for (const auto& s : p.spending_plan) {
      by.push_back({s.by, 1});
      pct.push_back({s.percent + "%", 1});
    }
    f.Row(by, RowKind::kHeading);
    f.Row(pct);
  }
  f.Heading("项目绩效总目标");
  f.Row({{"名称", 2}, {"目标说明", 6}}, RowKind::kHeading);
  f.Row({{p.name, 2}, {p.goal, 6}});
  if (!p.long_term.empty()) {
    f.Heading("长期绩效目标表");
    f.Indicators(p.long_term, false);
  }
  if (!p.annual.empty()) {
    f.Heading("年度绩效目标表");
    f.Indicators(p.annual, true);
  }
  (void)d;
  return t;
}

Table DepartmentForm(const Department& d, const DepartmentGoals& g) {
  Table t;
  t.id = "department_goals";
  t.title = "部门整体支出绩效目标表";
  t.unit_label = "单位：" + g.unit_label;
  t.form = true;
  Form f(&t, kWidth + ColumnsOf(g.annual).extra());
  if (!g.date.empty()) f.Row({{"填报日期：" + g.date, f.width()}});
  f.Label("部门（单位）名称", d.name);
  if (!g.filler.empty() || !g.phone.empty()) f.Pair("填报人", g.filler, "联系电话", g.phone);
  if (!g.income.empty() || !g.expenditure.empty()) {
    f.Heading("部门总体资金情况");
    std::string y1 = g.prior_years.size() > 0 ? std::to_string(g.prior_years[0]) + "年" : "前年";
    std::string y2 = g.prior_years.size() > 1 ? std::to_string(g.prior_years[1]) + "年" : "上年";
    f.Row({{"总体资金情况", 3}, {"当年金额", 1}, {"占比", 1}, {y1, 1}, {y2, 2}}, RowKind::kHeading);
    auto rows = [&](const char* label, const std::vector<FundRow>& list) {
      Money total;
      for (const auto& r : list) {
        if (r.item != "合计" && r.amount) total += *r.amount;
      }
      for (const auto& r : list) {
        std::string share =
            r.amount && !total.is_zero() ? SharePercent(*r.amount, total) + "%" : "";
        auto prior = [&](size_t i) {
          return i < r.prior.size() ? FormAmount(r.prior[i], g.unit_label) : "";
        };
        f.Row({{label, 1},
               {r.item, 2},
               {FormAmount(r.amount, g.unit_label), 1},
               {share, 1},
               {prior(0), 1},
               {prior(1), 2}});
      }
    };
    rows("收入构成", g.income);
    rows("支出构成", g.expenditure);
  }
  if (!g.functions.empty()) {
    f.Heading("部门职能概述");
    for (const auto& fn : g.functions) f.Row({{fn, f.width()}});
  }
  if (!g.tasks.empty()) {
    f.Heading("年度工作任务");
    f.Row({{"任务名称", 2}, {"主要内容", 3}, {"总额", 1}, {"财政拨款", 1}, {"其他资金", 1}},
          RowKind::kHeading);
    for (const auto& task : g.tasks) {
      f.Row({{task.name, 2},
             {task.content, 3},
             {FormAmount(task.amount, g.unit_label), 1},
             {FormAmount(task.fiscal, g.unit_label), 1},
             {FormAmount(task.other, g.unit_label), 1}});
    }
  }
  if (!g.projects.empty()) {
    f.Heading("项目支出情况");
    f.Row({{"项目名称", 3},
           {"支出项目类别", 1},
           {"项目总预算", 1},
           {"项目本年度预算", 1},
           {"项目主要支出方向和用途", 2}},
          RowKind::kHeading);
    for (const auto& p : g.projects) {
      f.Row({{p.name, 3},
             {p.category, 1},
             {FormAmount(p.total, g.unit_label), 1},
             {FormAmount(p.amount, g.unit_label), 1},
             {p.use, 2}});
    }
  }
  if (!g.overall.empty()) {
    f.Heading("总体绩效目标");
    f.Row({{g.overall, f.width()}});
  }
  if (!g.long_term.empty()) {
    f.Heading("长期目标及绩效指标");
    f.Indicators(g.long_term, false);
  }
  if (!g.annual.empty()) {
    f.Heading("年度目标及绩效指标");
    f.Indicators(g.annual, true);
  }
  return t;
}

}  // namespace

void BuildPerformanceTables(const Department& d, std::vector<Table>* tables) {
  const Performance& perf = d.performance;
  if (!perf.present) return;
  if (perf.department.present) tables->push_back(DepartmentForm(d, perf.department));
  int index = 0;
  for (const auto& p : perf.projects) tables->push_back(ProjectForm(d, p, ++index));
}

}  // namespace gongkai
