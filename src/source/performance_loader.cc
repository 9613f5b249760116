#include "source/performance_loader.h"

#include <fmt/format.h>

#include "base/utf8_text.h"

namespace gongkai {
namespace {

class PerformanceLoader {
 public:
  PerformanceLoader(SourceReader& r, const Catalog* catalog) : r_(r), catalog_(catalog) {}

  void Load(const YamlNode& n, Performance* out) {
    if (!r_.ExpectMap(n, "performance", {"framework", "department", "projects"})) return;
    out->present = true;
    out->framework = r_.DataName(n["framework"], "performance.framework");
    if (n["department"]) LoadDepartment(n["department"], &out->department);
    if (const auto& list = n["projects"]; list && r_.ExpectList(list, "performance.projects")) {
      int index = 0;
      for (const auto& p : list) {
        ProjectDeclaration decl;
        LoadProject(p, fmt::format("第{}个项目申报表", ++index), &decl);
        out->projects.push_back(std::move(decl));
      }
    }
  }

 private:
  IndicatorValue Value(const YamlNode& n, const std::string& what) {
    std::string text = r_.Text(n, what);
    if (!catalog_) {
      IndicatorValue v;
      v.raw = text;
      v.kind = text.empty() ? IndicatorValue::kEmpty : IndicatorValue::kUnparsed;
      return v;
    }
    return ParseIndicatorValue(text, catalog_->values());
  }

  std::optional<Money> OptionalAmount(const YamlNode& n, const std::string& what) {
    if (!n || n.IsNull() || (n.IsScalar() && n.Scalar().empty())) return std::nullopt;
    return r_.Amount(n, what);
  }

  // Amounts in a 元 declaration are converted to exact Money from 元.
  Money AmountIn(const YamlNode& n, const std::string& what, const std::string& unit) {
    if (unit != "元") return r_.Amount(n, what);
    std::string text = r_.Text(n, what), why;
    auto m = Money::Parse(text, MoneyUnit::kYuan, &why);
    if (!m) {
      r_.Error(n, fmt::format("{}：{}", what, why));
      return {};
    }
    return *m;
  }

  std::vector<Indicator> Indicators(const YamlNode& n, const std::string& what) {
    std::vector<Indicator> out;
    if (!n || !r_.ExpectList(n, what)) return out;
    int index = 0;
    for (const auto& i : n) {
      std::string w = fmt::format("{}第{}个指标", what, ++index);
      if (!r_.ExpectMap(i, w,
                        {"level1", "level2", "name", "description", "value", "before_last", "last",
                         "basis", "weight"})) {
        continue;
      }
      Indicator ind;
      ind.level1 = r_.Text(i["level1"], w + " level1");
      ind.level2 = r_.Text(i["level2"], w + " level2");
      ind.name = r_.Text(i["name"], w + " name");
      ind.description = r_.Text(i["description"], w + " description");
      ind.value = Value(i["value"], w + " value");
      ind.before_last = Value(i["before_last"], w + " before_last");
      ind.last = Value(i["last"], w + " last");
      ind.basis = r_.Text(i["basis"], w + " basis");
      ind.weight = r_.DecimalText(i["weight"], w + " weight");
      ind.line = r_.Where(i).line;
      out.push_back(std::move(ind));
    }
    return out;
  }

  std::vector<Goal> Goals(const YamlNode& n, const std::string& what) {
    std::vector<Goal> out;
    if (!n || !r_.ExpectList(n, what)) return out;
    int index = 0;
    for (const auto& g : n) {
      std::string w = fmt::format("{}第{}个目标", what, ++index);
      if (!r_.ExpectMap(g, w, {"name", "text", "end_year", "indicators"})) continue;
      Goal goal;
      goal.name = r_.Text(g["name"], w + " name");
      goal.text = r_.Text(g["text"], w + " text");
      if (g["end_year"]) goal.end_year = r_.Year(g["end_year"], w + " end_year");
      goal.indicators = Indicators(g["indicators"], w);
      goal.line = r_.Where(g).line;
      out.push_back(std::move(goal));
    }
    return out;
  }

  void LoadProject(const YamlNode& p, const std::string& what, ProjectDeclaration* d) {
    if (!r_.ExpectMap(p, what,
                      {"project",
                       "code",
                       "name",
                       "date",
                       "unit",
                       "supervisor",
                       "executor",
                       "leader",
                       "phone",
                       "address",
                       "postcode",
                       "attribute",
                       "category",
                       "frequency",
                       "start_year",
                       "end_year",
                       "basis",
                       "plan",
                       "total_budget",
                       "year_budget",
                       "prior_budgets",
                       "change_text",
                       "last_evaluation",
                       "funding",
                       "details",
                       "purchases",
                       "spending_plan",
                       "goal",
                       "long_term",
                       "annual"})) {
      return;
    }
    r_.RequireKeys(p, what, {"name"});
    d->line = r_.Where(p).line;
    d->project_id = r_.Text(p["project"], what + " project");
    d->code = r_.Text(p["code"], what + " code");
    d->name = r_.NonEmptyText(p, "name", what + " name");
    std::string w = d->name.empty() ? what : "项目申报表「" + Excerpt(d->name) + "」";
    d->date = r_.Text(p["date"], w + " date");
    if (p["unit"]) {
      d->unit_label = r_.Text(p["unit"], w + " unit");
      if (d->unit_label != "万元" && d->unit_label != "元") {
        r_.Error(p["unit"], fmt::format("{} unit 应为「万元」或「元」", w));
      }
    }
    const std::string unit = d->unit_label;
    d->supervisor = r_.Text(p["supervisor"], w);
    d->executor = r_.Text(p["executor"], w);
    d->leader = r_.Text(p["leader"], w);
    d->phone = r_.Text(p["phone"], w);
    d->address = r_.Text(p["address"], w);
    d->postcode = r_.Text(p["postcode"], w);
    d->attribute = r_.Text(p["attribute"], w);
    d->category = r_.Category(p["category"], w + " category", true);
    d->frequency = r_.Text(p["frequency"], w);
    if (p["start_year"]) d->start_year = r_.Year(p["start_year"], w + " start_year");
    if (p["end_year"]) d->end_year = r_.Year(p["end_year"], w + " end_year");
    if (d->start_year != 0 && d->end_year != 0 && d->end_year < d->start_year) {
      r_.Error(p["end_year"],
               fmt::format("{}：项目结束年 end_year（{}）早于开始年 start_year（{}）", w,
                           d->end_year, d->start_year));
    }
    d->basis = r_.Text(p["basis"], w + " basis");
    d->plan = r_.Text(p["plan"], w + " plan");
    if (p["total_budget"]) d->total_budget = AmountIn(p["total_budget"], w + " total_budget", unit);
    if (p["year_budget"]) d->year_budget = AmountIn(p["year_budget"], w + " year_budget", unit);
    if (const auto& list = p["prior_budgets"]; list && r_.ExpectList(list, w + " prior_budgets")) {
      for (const auto& b : list) {
        if (!r_.ExpectMap(b, w + " prior_budgets", {"year", "amount"})) continue;
        r_.RequireKeys(b, w + " prior_budgets", {"year", "amount"});
        YearAmount ya;
        if (b["year"]) ya.year = r_.Year(b["year"], w + " prior_budgets year");
        if (b["amount"]) ya.amount = AmountIn(b["amount"], w + " prior_budgets amount", unit);
        d->prior_budgets.push_back(ya);
      }
    }
    d->change_text = r_.Text(p["change_text"], w);
    d->last_evaluation = r_.Text(p["last_evaluation"], w);
    if (const auto& list = p["funding"]; list && r_.ExpectList(list, w + " funding")) {
      for (const auto& f : list) {
        if (!r_.ExpectMap(f, w + " funding", {"source", "amount", "current"})) continue;
        r_.RequireKeys(f, w + " funding", {"source", "amount"});
        FundingSource fs;
        fs.source = r_.Text(f["source"], w + " funding source");
        if (f["amount"]) fs.amount = AmountIn(f["amount"], w + " funding amount", unit);
        if (f["current"]) fs.current = AmountIn(f["current"], w + " funding current", unit);
        d->funding.push_back(fs);
      }
    }
    if (const auto& list = p["details"]; list && r_.ExpectList(list, w + " details")) {
      for (const auto& c : list) {
        if (!r_.ExpectMap(c, w + " details",
                          {"activity", "content", "economic", "amount", "basis", "note"})) {
          continue;
        }
        r_.RequireKeys(c, w + " details", {"amount"});
        CostDetail cd;
        cd.activity = r_.Text(c["activity"], w);
        cd.content = r_.Text(c["content"], w);
        cd.economic = r_.Text(c["economic"], w);
        if (c["amount"]) cd.amount = AmountIn(c["amount"], w + " details amount", unit);
        cd.basis = r_.Text(c["basis"], w);
        cd.note = r_.Text(c["note"], w);
        d->details.push_back(cd);
      }
    }
    if (const auto& list = p["purchases"]; list && r_.ExpectList(list, w + " purchases")) {
      for (const auto& c : list) {
        if (!r_.ExpectMap(c, w + " purchases", {"item", "quantity", "amount"})) continue;
        Purchase pu;
        pu.item = r_.Text(c["item"], w);
        pu.quantity = r_.Text(c["quantity"], w);
        if (c["amount"]) pu.amount = AmountIn(c["amount"], w + " purchases amount", unit);
        d->purchases.push_back(pu);
      }
    }
    if (const auto& list = p["spending_plan"]; list && r_.ExpectList(list, w + " spending_plan")) {
      for (const auto& c : list) {
        if (!r_.ExpectMap(c, w + " spending_plan", {"by", "percent"})) continue;
        r_.RequireKeys(c, w + " spending_plan", {"by", "percent"});
        d->spending_plan.push_back(
            {r_.Text(c["by"], w), r_.DecimalText(c["percent"], w + " spending_plan percent")});
      }
    }
    d->goal = r_.Text(p["goal"], w + " goal");
    d->long_term = Goals(p["long_term"], w + "长期目标");
    d->annual = Goals(p["annual"], w + "年度目标");
  }

  std::vector<FundRow> FundRows(const YamlNode& n, const std::string& what,
                                const std::string& unit) {
    std::vector<FundRow> out;
    if (!n || !r_.ExpectList(n, what)) return out;
    for (const auto& f : n) {
      if (!r_.ExpectMap(f, what, {"item", "amount", "prior"})) continue;
      FundRow row;
      row.item = r_.Text(f["item"], what + " item");
      if (f["amount"] && !(f["amount"].IsScalar() && f["amount"].Scalar().empty())) {
        row.amount = AmountIn(f["amount"], what + " amount", unit);
      }
      if (const auto& prior = f["prior"]; prior && r_.ExpectList(prior, what + " prior")) {
        for (const auto& v : prior) {
          if (v.IsNull() || (v.IsScalar() && v.Scalar().empty())) {
            row.prior.push_back(std::nullopt);
          } else {
            row.prior.push_back(AmountIn(v, what + " prior", unit));
          }
        }
      }
      out.push_back(row);
    }
    return out;
  }

  void LoadDepartment(const YamlNode& n, DepartmentGoals* g) {
    if (!r_.ExpectMap(n, "performance.department",
                      {"date", "filler", "phone", "unit", "prior_years", "income", "expenditure",
                       "functions", "tasks", "projects", "overall", "long_term", "annual"})) {
      return;
    }
    g->present = true;
    g->line = r_.Where(n).line;
    g->date = r_.Text(n["date"], "performance.department.date");
    g->filler = r_.Text(n["filler"], "performance.department.filler");
    g->phone = r_.Text(n["phone"], "performance.department.phone");
    if (n["unit"]) g->unit_label = r_.Text(n["unit"], "performance.department.unit");
    if (const auto& years = n["prior_years"]; years && r_.ExpectList(years, "prior_years")) {
      for (const auto& y : years) g->prior_years.push_back(r_.Year(y, "prior_years"));
    }
    g->income = FundRows(n["income"], "部门整体绩效目标 income", g->unit_label);
    g->expenditure = FundRows(n["expenditure"], "部门整体绩效目标 expenditure", g->unit_label);
    g->functions = r_.TextList(n["functions"], "performance.department.functions");
    if (const auto& list = n["tasks"]; list && r_.ExpectList(list, "tasks")) {
      for (const auto& t : list) {
        if (!r_.ExpectMap(t, "年度工作任务", {"name", "content", "amount", "fiscal", "other"}))
          continue;
        Task task;
        task.name = r_.Text(t["name"], "年度工作任务 name");
        task.content = r_.Text(t["content"], "年度工作任务 content");
        task.amount = OptionalAmount(t["amount"], "年度工作任务 amount");
        task.fiscal = OptionalAmount(t["fiscal"], "年度工作任务 fiscal");
        task.other = OptionalAmount(t["other"], "年度工作任务 other");
        g->tasks.push_back(task);
      }
    }
    if (const auto& list = n["projects"]; list && r_.ExpectList(list, "projects")) {
      for (const auto& t : list) {
        if (!r_.ExpectMap(t, "项目支出情况", {"name", "category", "total", "amount", "use"}))
          continue;
        ProjectSummary ps;
        ps.name = r_.Text(t["name"], "项目支出情况 name");
        ps.category = r_.Text(t["category"], "项目支出情况 category");
        ps.total = OptionalAmount(t["total"], "项目支出情况 total");
        ps.amount = OptionalAmount(t["amount"], "项目支出情况 amount");
        ps.use = r_.Text(t["use"], "项目支出情况 use");
        g->projects.push_back(ps);
      }
    }
    g->overall = r_.Text(n["overall"], "performance.department.overall");
    g->long_term = Goals(n["long_term"], "部门整体长期目标");
    g->annual = Goals(n["annual"], "部门整体年度目标");
  }

  SourceReader& r_;
  const Catalog* catalog_;
};

}  // namespace

void LoadPerformance(SourceReader& reader, const YamlNode& n, const Catalog* catalog,
                     Performance* out) {
  PerformanceLoader(reader, catalog).Load(n, out);
}

}  // namespace gongkai
