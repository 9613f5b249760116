// 绩效目标: project declarations and department-wide goals — required fields, indicator
// framework, typed values, weights, spending plan, money that must agree with the budget,
// and signs of copied or careless goals.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <limits>
#include <map>
#include <set>

#include "review/rule_support.h"

namespace gongkai {
namespace {

using namespace rules;

constexpr const char* kFamily = "绩效目标";
constexpr const char* kBasis =
    "《中共中央 国务院关于全面实施预算绩效管理的意见》；财预〔2021〕101号";

const RuleFamily Make{kFamily, Both()};

Location DeclLocation(const CheckContext& ctx, const ProjectDeclaration& p, int line = 0) {
  Location l = ctx.At(line ? line : p.line, 1, "项目申报表「" + p.name + "」");
  l.table = "项目申报表（含绩效目标）";
  return l;
}

Location DeptLocation(const CheckContext& ctx, int line = 0) {
  Location l = ctx.At(line ? line : ctx.d.performance.department.line, 1, "部门整体支出绩效目标表");
  l.table = "部门整体支出绩效目标表";
  return l;
}

// Every goal of the file with where it is and whose it is.
struct GoalRef {
  const Goal* goal;
  std::string owner;  // 项目申报表「X」 or 部门整体
  bool annual;
  const ProjectDeclaration* project;  // null for the department
};

std::vector<GoalRef> AllGoals(const Performance& perf) {
  std::vector<GoalRef> out;
  for (const auto& g : perf.department.long_term)
    out.push_back({&g, "部门整体支出绩效目标表", false, nullptr});
  for (const auto& g : perf.department.annual)
    out.push_back({&g, "部门整体支出绩效目标表", true, nullptr});
  for (const auto& p : perf.projects) {
    for (const auto& g : p.long_term)
      out.push_back({&g, "项目申报表「" + p.name + "」", false, &p});
    for (const auto& g : p.annual) out.push_back({&g, "项目申报表「" + p.name + "」", true, &p});
  }
  return out;
}

Location GoalLocation(const CheckContext& ctx, const GoalRef& g, int line = 0) {
  Location l =
      ctx.At(line ? line : g.goal->line, 1, g.owner + (g.annual ? " 年度目标" : " 长期目标"));
  l.table = g.project ? "项目申报表（含绩效目标）" : "部门整体支出绩效目标表";
  return l;
}

std::string GoalName(const GoalRef& g) {
  return g.goal->name.empty() ? (g.annual ? "年度目标" : "长期目标") : g.goal->name;
}

bool IsRateName(const std::string& name) {
  for (const char* w : {"率", "满意度", "比例", "占比"}) {
    if (name.find(w) != std::string::npos) return true;
  }
  return false;
}

std::string AmountText(Money m, const std::string& unit) {
  return unit == "元" ? m.Yuan() + "元" : m.Wan() + "万元";
}

// a₁ × a₂ × … ÷ divisor, in 元, as Money to the nearest fen (halves up); nullopt when a factor
// is negative or the result does not fit. Exact: the decimals are multiplied as integers in
// 128 bits.
std::optional<Money> YuanProduct(std::initializer_list<Decimal> factors, Decimal divisor) {
  using Wide = __int128;
  auto pow10 = [](int n) {
    Wide p = 1;
    for (int i = 0; i < n; ++i) p *= 10;
    return p;
  };
  Wide numerator = Money::kFenPerYuan, denominator = divisor.units();
  int scale = 0;
  for (const Decimal& f : factors) {
    if (f.units() < 0 || __builtin_mul_overflow(numerator, Wide{f.units()}, &numerator))
      return std::nullopt;
    scale += f.scale();
  }
  // Scales are at most 9 decimals each (decimal.h), so 10^scale fits for a few factors.
  if (denominator <= 0 || scale > 36 ||
      __builtin_mul_overflow(numerator, pow10(divisor.scale()), &numerator) ||
      __builtin_mul_overflow(denominator, pow10(scale), &denominator))
    return std::nullopt;
  Wide fen = numerator / denominator;
  if (2 * (numerator % denominator) >= denominator) ++fen;
  if (fen > std::numeric_limits<int64_t>::max()) return std::nullopt;
  return Money::FromFen(static_cast<int64_t>(fen));
}

// The amount of an indicator value with a money unit, through the unit's size in 元
// (data/perf/unit_factors.csv): "≤15万元" is 150000元; for a per-unit cost ("500元/人") the
// amount per unit. nullopt otherwise.
std::optional<Money> MoneyOf(const IndicatorValue& v, const ValueCatalog& units) {
  if (v.kind != IndicatorValue::kNumber || v.unit_kind != "money") return std::nullopt;
  UnitMeasure m = units.Measure(v.unit.substr(0, v.unit.find('/')));
  if (m.base != "元") return std::nullopt;
  return YuanProduct({v.number, m.factor}, Decimal::FromInt(1));
}

bool IsCost(const Indicator& i) {
  return i.level1.find("成本") != std::string::npos || i.level2.find("成本") != std::string::npos;
}

// A per-unit cost (成本指标 "≤500元/人", "2万元/公里") paired with the one 数量指标 of the
// project's annual goals that counts the same unit ("≥200人", "3千米"), and what the two give.
struct CostPair {
  const Goal* goal;
  const Indicator* cost;
  const Indicator* count = nullptr;  // null: no count, or more than one, counts this unit
  std::optional<Money> total;        // cost × count
};

// The per-unit costs of one owner's annual goals (a project's, or the department-wide goals').
// Units pair only when unit_factors.csv gives them the same base (元/人 with 人 or 万人, 万元/公里
// with 公里, 千米 or 米; never 人 with 人次), and a count measured per period pairs only when that
// period is the year.
std::vector<CostPair> CostPairs(const std::vector<Goal>& annual, const ValueCatalog& units) {
  std::vector<CostPair> out;
  for (const auto& g : annual) {
    for (const auto& i : g.indicators) {
      const IndicatorValue& v = i.value;
      size_t slash = v.unit.find('/');
      if (!IsCost(i) || !MoneyOf(v, units) || slash == std::string::npos || !v.period.empty())
        continue;
      CostPair pair{&g, &i, nullptr, std::nullopt};
      UnitMeasure per = units.Measure(v.unit.substr(slash + 1));
      int matches = 0;
      for (const auto& h : annual) {
        for (const auto& c : h.indicators) {
          const IndicatorValue& n = c.value;
          if (c.level2.find("数量") == std::string::npos || n.kind != IndicatorValue::kNumber ||
              n.unit_kind == "money" || (!n.period.empty() && n.period != "年"))
            continue;
          UnitMeasure counted = units.Measure(n.base_unit());
          if (counted.base != per.base) continue;
          if (++matches == 1) {
            pair.count = &c;
            // cost per `per` unit × count in `counted` units: × counted.factor ÷ per.factor.
            UnitMeasure money = units.Measure(v.unit.substr(0, slash));
            pair.total =
                YuanProduct({v.number, money.factor, n.number, counted.factor}, per.factor);
          }
        }
      }
      if (matches != 1) {  // which count the cost multiplies is not known
        pair.count = nullptr;
        pair.total.reset();
      }
      out.push_back(pair);
    }
  }
  return out;
}

// A computed cost: in 元 below 1万元, so that a cost mistyped in 元 does not read "0.00万元".
std::string CostText(Money m, const std::string& unit) {
  return AmountText(m, m < Money::FromWan(1) ? "元" : unit);
}

std::string Relation(const CostPair& c) {
  return fmt::format("成本指标「{}」{} × 数量指标「{}」{}", c.cost->name, c.cost->value.raw,
                     c.count->name, c.count->value.raw);
}

// Why a value is not understood, without repeating the value: "应为比较符加数字…".
std::string Reason(const IndicatorValue& v) {
  for (const std::string& head : {"无法识别的指标值「" + v.raw + "」：",
                                  "指标值「" + v.raw + "」是文字描述，没有可考核的目标值："}) {
    if (v.error.rfind(head, 0) == 0) return v.error.substr(head.size());
  }
  return v.error;
}

// One finding per indicator whose values are of `kind`, naming the form, the table, the goal,
// the row and each such column: "…第8行指标「X」的指标值列「…」是文字描述（应为…）".
void ReportValues(const CheckContext& ctx, Emitter& emit, IndicatorValue::Kind kind,
                  const char* verdict) {
  for (const auto& g : AllGoals(ctx.d.performance)) {
    int row = 0;
    for (const auto& i : g.goal->indicators) {
      ++row;
      bool yearly = !i.last.unfilled() || !i.before_last.unfilled();
      std::string columns, raw;
      const IndicatorValue* first = nullptr;
      for (const auto& [v, column] :
           {std::pair{&i.value, yearly ? "预计当年" : "指标值"}, std::pair{&i.before_last, "前年"},
            std::pair{&i.last, "上年"}}) {
        if (v->kind != kind) continue;
        columns += fmt::format("{}{}列「{}」", columns.empty() ? "" : "、", column, v->raw);
        if (!first) first = v;
      }
      if (!first) continue;
      emit.Report(fmt::format("{}{}表「{}」第{}行指标「{}」的{}{}（{}）", g.owner,
                              g.annual ? "年度目标" : "长期目标", GoalName(g), row,
                              i.name.empty() ? i.level2 : i.name, columns, verdict, Reason(*first)),
                  GoalLocation(ctx, g, i.line), "", first->raw);
    }
  }
}

Money SumDetails(const ProjectDeclaration& p) {
  Money sum;
  for (const auto& d : p.details) sum += d.amount;
  return sum;
}

Money SumFunding(const ProjectDeclaration& p) {
  Money sum;
  for (const auto& f : p.funding) sum += f.amount;
  return sum;
}

// The money a department-wide goal's costs are measured against, as the source states it: the
// amount of the 年度工作任务 the goal is named after, else the tasks' total (the tasks say what
// the year's work costs, as seed 003 prints them), else the department's budget total, which
// bounds every cost.
struct Funds {
  std::optional<Money> amount;
  std::string label;
  const Task* task = nullptr;  // the task the goal is named after
};

Funds DepartmentFunds(const CheckContext& ctx, const Goal* goal) {
  const DepartmentGoals& dg = ctx.d.performance.department;
  if (goal && !goal->name.empty()) {
    for (const auto& t : dg.tasks) {
      if (t.amount && t.name == goal->name) {
        return {
            t.amount,
            fmt::format("年度工作任务「{}」的资金{}", t.name, AmountText(*t.amount, dg.unit_label)),
            &t};
      }
    }
  }
  Money tasks;
  bool any_task = false;
  for (const auto& t : dg.tasks) {
    if (t.amount) {
      tasks += *t.amount;
      any_task = true;
    }
  }
  if (any_task) return {tasks, "年度工作任务资金合计" + AmountText(tasks, dg.unit_label)};
  if (!ctx.d.lines.empty()) return {ctx.f.total, "部门预算总额" + ctx.f.total.Wan() + "万元"};
  return {};
}

// What the cost indicators of one owner's annual goals add up to when every one of them gives
// an amount: a per-unit cost through its pair (cost × count), a total cost ("≤15万元") as it
// is; any other cost (a rate, "≤预算数", 万元/年, a per-unit cost without its one count) leaves
// the sum unknown (`complete` false).
struct CostSum {
  std::vector<CostPair> pairs;
  bool complete = true;
  Money sum;
  std::vector<std::string> parts;
};

CostSum SumCosts(const std::vector<Goal>& annual, const ValueCatalog& units,
                 const std::string& unit) {
  CostSum out;
  out.pairs = CostPairs(annual, units);
  for (const auto& c : out.pairs) {
    if (!c.total) {
      out.complete = false;
      return out;
    }
    out.sum += *c.total;
    out.parts.push_back(Relation(c) + " = " + CostText(*c.total, unit));
  }
  for (const auto& g : annual) {
    for (const auto& i : g.indicators) {
      if (!IsCost(i) || i.value.unfilled()) continue;
      auto m = MoneyOf(i.value, units);
      bool per_unit = i.value.unit.find('/') != std::string::npos;
      if (!m || (per_unit && !i.value.period.empty())) {
        out.complete = false;
      } else if (!per_unit) {
        out.sum += *m;
        out.parts.push_back(fmt::format("成本指标「{}」{}", i.name, i.value.raw));
      }
    }
  }
  return out;
}

}  // namespace

void RegisterPerformanceRules(std::vector<Rule>* out) {
  out->push_back(Make("PRF-001", Severity::kWarning, "项目申报表必填项齐全",
                      "申报表各栏为必填项，空缺影响审核（考核标准“内容完整”：空缺一项扣1分）",
                      kBasis, [](const CheckContext& ctx, Emitter& emit) {
                        for (const auto& p : ctx.d.performance.projects) {
                          std::vector<std::string> missing;
                          auto need = [&](bool ok, const char* field) {
                            if (!ok) missing.push_back(field);
                          };
                          need(!p.code.empty(), "项目编码");
                          need(!p.supervisor.empty(), "项目主管部门");
                          need(!p.executor.empty(), "项目执行单位");
                          need(!p.leader.empty(), "项目负责人");
                          need(!p.phone.empty(), "联系电话");
                          need(!p.attribute.empty(), "项目属性");
                          need(!p.category.empty(), "支出项目类别");
                          need(p.start_year != 0, "起始年度");
                          need(p.end_year != 0, "终止年度");
                          need(!p.basis.empty(), "项目立项依据");
                          need(!p.plan.empty(), "项目实施方案");
                          need(p.total_budget.has_value(), "项目总预算");
                          need(p.year_budget.has_value(), "项目当年预算");
                          need(!p.funding.empty(), "项目资金来源");
                          need(!p.details.empty(), "项目支出明细测算");
                          need(!p.goal.empty(), "项目绩效总目标");
                          need(!p.annual.empty(), "年度绩效目标");
                          if (missing.empty()) continue;
                          std::string list;
                          for (const auto& m : missing) list += (list.empty() ? "" : "、") + m;
                          emit.Report(fmt::format("项目申报表「{}」缺少{}项必填内容：{}", p.name,
                                                  missing.size(), list),
                                      DeclLocation(ctx, p), "", std::to_string(missing.size()));
                        }
                      }));
  out->push_back(Make(
      "PRF-002", Severity::kWarning,
      "每张目标表都设置产出、效益、满意度指标（及框架要求的成本指标）",
      "绩效指标一般包括产出指标、效益指标、满意度指标三类一级指标；一张长期或年度目标表（表中各行常"
      "各有"
      "目标名称）作为整体衡量",
      kBasis, [](const CheckContext& ctx, Emitter& emit) {
        if (!ctx.framework) return;
        // One table = the long-term or the annual goals of one owner.
        std::map<std::pair<std::string, bool>, std::pair<std::set<std::string>, const GoalRef*>>
            tables;
        std::vector<GoalRef> goals = AllGoals(ctx.d.performance);
        std::vector<std::pair<std::string, bool>> order;
        for (const auto& g : goals) {
          if (g.goal->indicators.empty()) continue;
          auto key = std::make_pair(g.owner, g.annual);
          if (!tables.count(key)) order.push_back(key);
          auto& entry = tables[key];
          if (!entry.second) entry.second = &g;
          for (const auto& i : g.goal->indicators)
            entry.first.insert(ctx.framework->Canonical(i.level1));
        }
        // One finding per form: a form whose long-term and annual tables both lack 满意度指标
        // has one omission, not two. The second table is related to the finding.
        struct Lack {
          bool annual;
          std::string missing;
          const GoalRef* first;
        };
        std::vector<std::string> owners;
        std::map<std::string, std::vector<Lack>> lacks;
        for (const auto& key : order) {
          const auto& [have, first] = tables[key];
          std::string missing;
          for (const auto& r : ctx.framework->required) {
            if (!have.count(r)) missing += (missing.empty() ? "" : "、") + r;
          }
          if (missing.empty()) continue;
          if (!lacks.count(key.first)) owners.push_back(key.first);
          lacks[key.first].push_back({key.second, missing, first});
        }
        for (const auto& owner : owners) {
          const auto& tables_lacking = lacks[owner];
          std::string what;
          if (tables_lacking.size() == 2 &&
              tables_lacking[0].missing == tables_lacking[1].missing) {
            what = "长期目标表、年度目标表缺少" + tables_lacking[0].missing;
          } else {
            for (const auto& l : tables_lacking) {
              what += fmt::format("{}{}目标表缺少{}", what.empty() ? "" : "，",
                                  l.annual ? "年度" : "长期", l.missing);
            }
          }
          emit.Report(fmt::format("{}的{}", owner, what),
                      GoalLocation(ctx, *tables_lacking[0].first));
          for (size_t k = 1; k < tables_lacking.size(); ++k)
            emit.Relate(GoalLocation(ctx, *tables_lacking[k].first));
        }
      }));
  out->push_back(Make(
      "PRF-003", Severity::kError, "一级、二级指标的搭配符合指标框架",
      "一级指标下只能选用框架规定的二级指标（如产出指标下为数量、质量、时效、成本）",
      "当地预算绩效指标框架", [](const CheckContext& ctx, Emitter& emit) {
        if (!ctx.framework) {
          if (!ctx.framework_error.empty())
            emit.Report("无法读取指标框架：" + ctx.framework_error,
                        ctx.At(0, 0, "performance.framework"));
          return;
        }
        const Framework& fw = *ctx.framework;
        // A form's indicator copied into its long-term and annual goals is one mistake: one
        // finding naming every goal that holds it, the other places related to it.
        struct Misfit {
          std::string owner, name, level1, level2;
          bool level1_unknown;
          std::vector<std::pair<GoalRef, int>> places;  // the goal and the indicator's line
        };
        std::vector<Misfit> misfits;
        for (const auto& g : AllGoals(ctx.d.performance)) {
          for (const auto& i : g.goal->indicators) {
            if (i.level1.empty() && i.level2.empty()) continue;
            bool unknown = !fw.HasLevel1(i.level1);
            if (!unknown && (i.level2.empty() || fw.HasPair(i.level1, i.level2))) continue;
            // An indicator without a name is known by its goal only: never grouped.
            auto same = std::find_if(misfits.begin(), misfits.end(), [&](const Misfit& m) {
              return !i.name.empty() && m.owner == g.owner && m.name == i.name &&
                     m.level1 == i.level1 && m.level1_unknown == unknown &&
                     (unknown || m.level2 == i.level2);
            });
            if (same == misfits.end()) {
              misfits.push_back(
                  {g.owner, i.name.empty() ? i.level2 : i.name, i.level1, i.level2, unknown, {}});
              same = misfits.end() - 1;
            }
            same->places.push_back({g, i.line});
          }
        }
        for (const auto& m : misfits) {
          std::vector<std::string> goals;
          for (const auto& [g, line] : m.places) {
            goals.push_back(
                m.places.size() == 1
                    ? fmt::format("「{}」", GoalName(g))
                    : fmt::format("{}「{}」", g.annual ? "年度目标" : "长期目标", GoalName(g)));
          }
          std::string where = fmt::format("{}{}", m.owner, fmt::join(goals, "、"));
          if (m.level1_unknown) {
            emit.Report(fmt::format("{}的指标「{}」一级指标「{}」不在框架「{}」中", where, m.name,
                                    m.level1, fw.name),
                        GoalLocation(ctx, m.places[0].first, m.places[0].second));
          } else {
            emit.Report(fmt::format("{}的指标「{}」：二级指标「{}」不属于一级指标「{}」", where,
                                    m.name, m.level2, m.level1),
                        GoalLocation(ctx, m.places[0].first, m.places[0].second));
          }
          for (size_t k = 1; k < m.places.size(); ++k)
            emit.Relate(GoalLocation(ctx, m.places[k].first, m.places[k].second));
        }
      }));
  out->push_back(Make("PRF-004", Severity::kWarning,
                      "指标值是可考核的目标值（比较符、数字、单位，或分级定性值），不是文字描述",
                      "指标值应细化、量化；写在指标值栏中的工作描述（如“提高资金使用效率”）无法考"
                      "核",
                      kBasis, [](const CheckContext& ctx, Emitter& emit) {
                        ReportValues(ctx, emit, IndicatorValue::kDescription, "是文字描述");
                      }));
  out->push_back(
      Make("PRF-027", Severity::kInfo, "指标值的写法可以识别",
           "含数字或比较符、但写法未能识别的指标值（如计量单位不在单位目录 data/perf/units.csv 中）"
           "无法与其他指标和金额核对；多半是gongkai的单位目录缺少该单位，或数字与单位之间夹有文字",
           kBasis, [](const CheckContext& ctx, Emitter& emit) {
             ReportValues(ctx, emit, IndicatorValue::kUnparsed, "无法识别");
           }));
  out->push_back(Make(
      "PRF-005", Severity::kError, "比率、满意度类指标值在合理范围内（不超过100%）",
      "满意度、完成率等比率不可能超过100%，如“2000%”应为“20”或“100%”", kBasis,
      [](const CheckContext& ctx, Emitter& emit) {
        for (const auto& g : AllGoals(ctx.d.performance)) {
          for (const auto& i : g.goal->indicators) {
            const IndicatorValue& v = i.value;
            if (v.kind != IndicatorValue::kNumber || v.unit != "%") continue;
            bool rate = IsRateName(i.name) || i.level2.find("满意度") != std::string::npos;
            Decimal limit = Decimal::FromInt(rate ? 100 : 1000);
            bool above = v.comparator == Comparator::kGt ? v.number >= limit : v.number > limit;
            if (above) {
              emit.Report(fmt::format("{}指标「{}」的值{}超过{}%", g.owner, i.name, v.raw,
                                      rate ? 100 : 1000),
                          GoalLocation(ctx, g, i.line), rate ? "≤100%" : "≤1000%", v.raw);
            }
          }
        }
      }));
  out->push_back(Make(
      "PRF-006", Severity::kWarning, "比率、满意度类指标值写明百分号",
      "“1”“0.95”之类无单位的比率值含义不明，应写作“100%”“95%”", kBasis,
      [](const CheckContext& ctx, Emitter& emit) {
        for (const auto& g : AllGoals(ctx.d.performance)) {
          for (const auto& i : g.goal->indicators) {
            const IndicatorValue& v = i.value;
            if (v.kind != IndicatorValue::kNumber || !v.unit.empty() || !IsRateName(i.name))
              continue;
            if (v.number > Decimal::FromInt(1)) continue;  // "≥80" counts, not shares
            emit.Report(fmt::format("{}比率指标「{}」的值「{}」没有百分号", g.owner, i.name, v.raw),
                        GoalLocation(ctx, g, i.line), "", v.raw);
          }
        }
      }));
  out->push_back(Make(
      "PRF-007", Severity::kError, "使用分值时各指标分值之和等于框架总分",
      "指标权重（分值）之和应为总分（通常100分）", "当地预算绩效指标框架",
      [](const CheckContext& ctx, Emitter& emit) {
        if (!ctx.framework) return;
        for (const auto& g : AllGoals(ctx.d.performance)) {
          __int128 sum = 0;
          bool any = false;
          for (const auto& i : g.goal->indicators) {
            auto w = Decimal::Parse(i.weight);
            if (!w) continue;
            any = true;
            Decimal x = *w;
            __int128 u = x.units();
            for (int k = x.scale(); k < 4; ++k) u *= 10;
            sum += u;
          }
          if (!any) continue;
          __int128 expected = static_cast<__int128>(ctx.framework->weights_total) * 10000;
          if (sum != expected) {
            emit.Report(fmt::format("{}「{}」各指标分值之和为{}，应为{}", g.owner, GoalName(g),
                                    Decimal::Parse(fmt::format("{}.{:04}",
                                                               static_cast<long long>(sum / 10000),
                                                               static_cast<long long>(sum % 10000)))
                                        ->ToString(),
                                    ctx.framework->weights_total),
                        GoalLocation(ctx, g));
          }
        }
      }));
  out->push_back(Make(
      "PRF-008", Severity::kError, "资金支出计划逐期不减，最后一期为100%",
      "支出计划是累计进度，应逐期递增并在年底达到100%", kBasis,
      [](const CheckContext& ctx, Emitter& emit) {
        for (const auto& p : ctx.d.performance.projects) {
          if (p.spending_plan.empty()) continue;
          std::optional<Decimal> previous;
          for (const auto& s : p.spending_plan) {
            auto v = Decimal::Parse(s.percent);
            if (!v) continue;
            if (previous && *v < *previous) {
              emit.Report(
                  fmt::format("项目「{}」资金支出计划{}为{}%，低于上一期{}%（累计进度不能下降）",
                              p.name, s.by, s.percent, previous->ToString()),
                  DeclLocation(ctx, p));
            }
            if (*v > Decimal::FromInt(100)) {
              emit.Report(
                  fmt::format("项目「{}」资金支出计划{}为{}%，超过100%", p.name, s.by, s.percent),
                  DeclLocation(ctx, p));
            }
            previous = v;
          }
          if (previous && *previous != Decimal::FromInt(100)) {
            emit.Report(fmt::format("项目「{}」资金支出计划最后一期为{}%，应为100%", p.name,
                                    previous->ToString()),
                        DeclLocation(ctx, p), "100%", previous->ToString() + "%");
          }
        }
      }));
  out->push_back(Make(
      "PRF-009", Severity::kError, "资金来源合计 = 支出明细测算合计 = 项目当年预算",
      "申报表内资金来源、支出测算与当年预算应一致（考核标准“数字准确无误”）", kBasis,
      [](const CheckContext& ctx, Emitter& emit) {
        for (const auto& p : ctx.d.performance.projects) {
          if (!p.year_budget) continue;
          const std::string& u = p.unit_label;
          if (!p.funding.empty() && SumFunding(p) != *p.year_budget) {
            emit.Report(fmt::format("项目「{}」资金来源合计{}，当年预算{}", p.name,
                                    AmountText(SumFunding(p), u), AmountText(*p.year_budget, u)),
                        DeclLocation(ctx, p), AmountText(*p.year_budget, u),
                        AmountText(SumFunding(p), u));
          }
          if (!p.details.empty() && SumDetails(p) != *p.year_budget) {
            emit.Report(fmt::format("项目「{}」支出明细测算合计{}，当年预算{}", p.name,
                                    AmountText(SumDetails(p), u), AmountText(*p.year_budget, u)),
                        DeclLocation(ctx, p), AmountText(*p.year_budget, u),
                        AmountText(SumDetails(p), u));
          }
        }
      }));
  out->push_back(Make(
      "PRF-010", Severity::kError, "项目当年预算 = 部门预算中该项目的金额",
      "绩效目标申报表与预算表反映同一个项目", kBasis, [](const CheckContext& ctx, Emitter& emit) {
        for (const auto& p : ctx.d.performance.projects) {
          if (p.project_id.empty() || !p.year_budget) continue;
          Money budget = ctx.d.ProjectAmount(p.project_id);
          if (budget != *p.year_budget) {
            emit.Report(fmt::format("项目「{}」申报表当年预算{}，预算表为{}万元", p.name,
                                    AmountText(*p.year_budget, p.unit_label), budget.Wan()),
                        DeclLocation(ctx, p), budget.Wan() + "万元",
                        AmountText(*p.year_budget, p.unit_label));
          }
        }
      }));
  out->push_back(Make(
      "PRF-011", Severity::kError, "成本指标不超过它所描述的资金",
      "项目的成本指标不能超过项目当年预算；部门整体目标的成本指标不能超过它所描述的年"
      "度工作任务的资金（目标以任务命名时），否则不能超过年度工作任务的资金合计（无"
      "任务金额时为部门预算总额）",
      kBasis, [](const CheckContext& ctx, Emitter& emit) {
        // The money each owner's cost indicators are measured against.
        for (const auto& g : AllGoals(ctx.d.performance)) {
          std::optional<Money> limit;
          std::string label;
          if (g.project && g.project->year_budget) {
            limit = g.project->year_budget;
            label = "项目当年预算" + AmountText(*g.project->year_budget, g.project->unit_label);
          } else if (!g.project) {
            Funds funds = DepartmentFunds(ctx, g.goal);
            limit = funds.amount;
            label = funds.label;
          }
          if (!limit) continue;
          for (const auto& i : g.goal->indicators) {
            if (!IsCost(i)) continue;
            auto m = MoneyOf(i.value, ctx.d.catalog->values());
            if (!m || i.value.unit.find('/') != std::string::npos) continue;  // per-unit costs
            if (*m > *limit) {
              emit.Report(
                  fmt::format("{}成本指标「{}」为{}，超过{}", g.owner, i.name, i.value.raw, label),
                  GoalLocation(ctx, g, i.line));
            }
          }
        }
      }));
  out->push_back(Make(
      "PRF-023", Severity::kWarning, "单位成本 × 数量不超过项目当年预算",
      "成本指标给出单位成本（如“人均培训成本≤500元/人”）、数量指标给出同一单位的数量（如“培训人"
      "数≥200人”）时，两者之积是这部分产出的成本，不能超过项目当年预算。单位须一致（元/人对人、"
      "万元/公里对公里，换算见 data/perf/unit_factors.csv），同一单位有多个数量指标时不核对",
      kBasis, [](const CheckContext& ctx, Emitter& emit) {
        for (const auto& p : ctx.d.performance.projects) {
          if (!p.year_budget) continue;
          const std::string budget = AmountText(*p.year_budget, p.unit_label);
          for (const auto& c : CostPairs(p.annual, ctx.d.catalog->values())) {
            if (!c.total || *c.total <= *p.year_budget) continue;
            std::string product = CostText(*c.total, p.unit_label);
            emit.Report(
                fmt::format("项目「{}」{} = {}，超过项目当年预算{}", p.name, Relation(c), product,
                            budget),
                GoalLocation(ctx, {c.goal, "项目申报表「" + p.name + "」", true, &p}, c.cost->line),
                "≤" + budget, product);
          }
        }
      }));
  out->push_back(Make(
      "PRF-024", Severity::kInfo, "单位成本 × 数量不远低于项目当年预算",
      "项目的成本指标都能算出金额（单位成本 × 同一单位的数量，或总成本）时，其合计低于项目当年预"
      "算的一定比例（threshold.cost_far_below_percent，默认10%），多半是单位写错（元与万元）或"
      "数量漏填；有无法算出金额的成本指标时不核对",
      kBasis, [](const CheckContext& ctx, Emitter& emit) {
        const long long percent = ctx.config.Number("threshold.cost_far_below_percent", 10);
        const ValueCatalog& units = ctx.d.catalog->values();
        for (const auto& p : ctx.d.performance.projects) {
          if (!p.year_budget || p.year_budget->is_zero() || p.year_budget->is_negative()) continue;
          CostSum costs = SumCosts(p.annual, units, p.unit_label);
          if (costs.pairs.empty() || !costs.complete) continue;
          const Money sum = costs.sum;
          Money floor = p.year_budget->TimesFraction(percent, 100);
          if (sum >= floor) continue;
          const CostPair& first = costs.pairs.front();
          emit.Report(fmt::format("项目「{}」{}，合计{}，不到项目当年预算{}的{}%，请核对单位和数量",
                                  p.name, fmt::join(costs.parts, "；"), CostText(sum, p.unit_label),
                                  AmountText(*p.year_budget, p.unit_label), percent),
                      GoalLocation(ctx, {first.goal, "项目申报表「" + p.name + "」", true, &p},
                                   first.cost->line),
                      "≥" + AmountText(floor, p.unit_label), CostText(sum, p.unit_label));
        }
      }));
  // The department-wide goals: the same products, against what the source says the work costs
  // (DepartmentFunds).
  out->push_back(Make(
      "PRF-025", Severity::kWarning, "部门整体目标的单位成本 × 数量不超过它所描述的资金",
      "部门整体绩效目标的成本指标给出单位成本、数量指标给出同一单位的数量时，两者之积不能超过目"
      "标所描述的年度工作任务的资金（目标以任务命名时），否则不能超过年度工作任务的资金合计（无"
      "任务金额时为部门预算总额）。单位换算与配对同 PRF-023",
      kBasis, [](const CheckContext& ctx, Emitter& emit) {
        const DepartmentGoals& dg = ctx.d.performance.department;
        if (!dg.present) return;
        for (const auto& c : CostPairs(dg.annual, ctx.d.catalog->values())) {
          Funds funds = DepartmentFunds(ctx, c.goal);
          if (!c.total || !funds.amount || *c.total <= *funds.amount) continue;
          std::string product = CostText(*c.total, dg.unit_label);
          emit.Report(
              fmt::format("部门整体支出绩效目标表{} = {}，超过{}", Relation(c), product,
                          funds.label),
              GoalLocation(ctx, {c.goal, "部门整体支出绩效目标表", true, nullptr}, c.cost->line),
              "≤" + AmountText(*funds.amount, dg.unit_label), product);
        }
      }));
  out->push_back(Make(
      "PRF-026", Severity::kInfo,
      "部门整体目标的单位成本 × 数量不远低于它所描述的年度工作任务的资金",
      "部门整体绩效目标以某项年度工作任务命名、任务给出金额，且目标的成本指标都能算出金额（单位成"
      "本 × 同一单位的数量，或总成本）时，其合计低于任务资金的一定比例（threshold."
      "cost_far_below_percent，默认10%），多半是单位写错（元与万元）或数量漏填。不以任务命名的目"
      "标只描述部门工作的一部分，不核对",
      kBasis, [](const CheckContext& ctx, Emitter& emit) {
        const DepartmentGoals& dg = ctx.d.performance.department;
        if (!dg.present) return;
        const long long percent = ctx.config.Number("threshold.cost_far_below_percent", 10);
        for (const auto& g : dg.annual) {
          Funds funds = DepartmentFunds(ctx, &g);
          if (!funds.task || funds.amount->is_zero() || funds.amount->is_negative()) continue;
          // Only this goal's indicators: it is the one the task's money describes.
          const std::vector<Goal> one{g};
          CostSum costs = SumCosts(one, ctx.d.catalog->values(), dg.unit_label);
          if (costs.pairs.empty() || !costs.complete) continue;
          Money floor = funds.amount->TimesFraction(percent, 100);
          if (costs.sum >= floor) continue;
          emit.Report(
              fmt::format("部门整体支出绩效目标「{}」{}，合计{}，不到{}的{}%，请核对单位和数量",
                          g.name, fmt::join(costs.parts, "；"), CostText(costs.sum, dg.unit_label),
                          funds.label, percent),
              GoalLocation(ctx, {&g, "部门整体支出绩效目标表", true, nullptr},
                           costs.pairs.front().cost->line),
              "≥" + AmountText(floor, dg.unit_label), CostText(costs.sum, dg.unit_label));
        }
      }));
  out->push_back(Make(
      "PRF-012", Severity::kError, "部门整体目标的支出构成与预算一致（人员类、运转类、特定目标类）",
      "人员类、运转类、特定目标类项目支出分别对应人员经费、公用经费、项目支出", kBasis,
      [](const CheckContext& ctx, Emitter& emit) {
        const DepartmentGoals& g = ctx.d.performance.department;
        if (!g.present || ctx.d.lines.empty()) return;
        std::map<std::string, Money> expected = {{"人员类项目支出", ctx.f.personnel},
                                                 {"运转类项目支出", ctx.f.public_},
                                                 {"特定目标类项目支出", ctx.f.project}};
        for (const auto& row : g.expenditure) {
          auto it = expected.find(row.item);
          if (it == expected.end()) continue;
          Money found = row.amount.value_or(Money());
          if (CompareAmount(found, it->second) == Agreement::kMismatch) {
            emit.Report(fmt::format("部门整体绩效目标表{}为{}万元，预算为{}万元", row.item,
                                    row.amount ? found.Wan() : "（空）", it->second.Wan()),
                        DeptLocation(ctx), it->second.Wan(), row.amount ? found.Wan() : "");
          }
        }
      }));
  out->push_back(Make(
      "PRF-013", Severity::kWarning, "部门整体目标的上年支出与上年预算一致",
      "同一上年数在绩效目标表和公开说明中应相同", kBasis,
      [](const CheckContext& ctx, Emitter& emit) {
        const DepartmentGoals& g = ctx.d.performance.department;
        if (!g.present || g.prior_years.size() < 2 || g.prior_years[1] != ctx.d.prior_year) return;
        std::map<std::string, std::string> keys = {{"人员类项目支出", "personnel"},
                                                   {"运转类项目支出", "public"},
                                                   {"特定目标类项目支出", "project"}};
        for (const auto& row : g.expenditure) {
          auto k = keys.find(row.item);
          if (k == keys.end() || row.prior.size() < 2 || !row.prior[1]) continue;
          auto c = ctx.d.comparisons.find(k->second);
          if (c == ctx.d.comparisons.end()) continue;
          if (CompareAmount(*row.prior[1], c->second.amount) == Agreement::kMismatch) {
            emit.Report(fmt::format("部门整体绩效目标表{}{}年为{}万元，公开说明的上年预算为{}万元",
                                    row.item, ctx.d.prior_year, row.prior[1]->Wan(),
                                    c->second.amount.Wan()),
                        DeptLocation(ctx), c->second.amount.Wan(), row.prior[1]->Wan());
          }
        }
      }));
  out->push_back(Make(
      "PRF-014", Severity::kError, "近两年数字所标的年度正确（前年、上年）",
      "编制某年预算时，“前年”“上年”分别为预算年度的前两年和前一年", kBasis,
      [](const CheckContext& ctx, Emitter& emit) {
        const DepartmentGoals& g = ctx.d.performance.department;
        if (!g.present || g.prior_years.empty()) return;
        std::vector<int> expected = {ctx.d.year - 2, ctx.d.year - 1};
        for (size_t i = 0; i < g.prior_years.size() && i < 2; ++i) {
          if (g.prior_years[i] != expected[i]) {
            emit.Report(fmt::format("部门整体绩效目标表近两年的第{}列标为{}年，{}年预算应为{}年",
                                    i + 1, g.prior_years[i], ctx.d.year, expected[i]),
                        DeptLocation(ctx), std::to_string(expected[i]),
                        std::to_string(g.prior_years[i]));
          }
        }
      }));
  out->push_back(Make(
      "PRF-015", Severity::kWarning, "同一指标的年度值与长期值一致",
      "年度目标由长期目标分解而来，同名指标的单位应一致、年度值不应超过长期值", kBasis,
      [](const CheckContext& ctx, Emitter& emit) {
        auto check = [&](const std::vector<Goal>& long_term, const std::vector<Goal>& annual,
                         const std::string& owner) {
          std::map<std::string, const Indicator*> longs;
          for (const auto& g : long_term) {
            for (const auto& i : g.indicators) longs[i.name] = &i;
          }
          for (const auto& g : annual) {
            for (const auto& i : g.indicators) {
              auto it = longs.find(i.name);
              if (i.name.empty() || it == longs.end()) continue;
              const IndicatorValue &a = i.value, &l = it->second->value;
              if (a.kind != IndicatorValue::kNumber || l.kind != IndicatorValue::kNumber) continue;
              // "≥1次/年" and "≥1次" are the same quantity (a year's count).
              if (!SameQuantity(a, l)) {
                emit.Report(fmt::format("{}指标「{}」长期值{}与年度值{}单位不一致", owner, i.name,
                                        l.raw, a.raw),
                            ctx.At(i.line, 1, owner), l.raw, a.raw);
              } else if ((a.comparator == Comparator::kGe || a.comparator == Comparator::kNone) &&
                         a.unit != "%" && a.number > l.number && l.comparator != Comparator::kLe) {
                emit.Report(
                    fmt::format("{}指标「{}」年度值{}超过长期值{}", owner, i.name, a.raw, l.raw),
                    ctx.At(i.line, 1, owner), l.raw, a.raw);
              }
            }
          }
        };
        const auto& perf = ctx.d.performance;
        check(perf.department.long_term, perf.department.annual, "部门整体支出绩效目标表");
        for (const auto& p : perf.projects)
          check(p.long_term, p.annual, "项目申报表「" + p.name + "」");
      }));
  out->push_back(Make("PRF-016", Severity::kWarning, "不同项目的指标不雷同",
                      "指标应与项目内容相关；不相关项目套用同一套指标说明绩效目标流于形式", kBasis,
                      [](const CheckContext& ctx, Emitter& emit) {
                        const auto& projects = ctx.d.performance.projects;
                        auto signature = [](const ProjectDeclaration& p) {
                          std::set<std::string> s;
                          for (const auto& g : p.annual) {
                            for (const auto& i : g.indicators)
                              s.insert(i.level2 + "|" + i.name + "|" + i.value.raw);
                          }
                          return s;
                        };
                        for (size_t a = 0; a < projects.size(); ++a) {
                          auto sa = signature(projects[a]);
                          if (sa.size() < 3) continue;
                          for (size_t b = a + 1; b < projects.size(); ++b) {
                            auto sb = signature(projects[b]);
                            size_t common = 0;
                            for (const auto& x : sa) common += sb.count(x);
                            if (common * 5 >= std::max(sa.size(), sb.size()) * 4) {
                              emit.Report(
                                  fmt::format("项目「{}」与「{}」的年度指标{}项中有{}项相同",
                                              projects[a].name, projects[b].name,
                                              std::max(sa.size(), sb.size()), common),
                                  DeclLocation(ctx, projects[b]));
                            }
                          }
                        }
                      }));
  out->push_back(Make(
      "PRF-017", Severity::kInfo, "每个指标填写指标值确定依据",
      "指标值应依据计划、行业、历史等标准设置并说明依据（考核标准“说明了绩效标准的依据”）", kBasis,
      [](const CheckContext& ctx, Emitter& emit) {
        // One note per form, naming its goals: a basis left out of a goal and of its copy
        // in the other table is one habit of the form's author, not two findings.
        struct Gap {
          GoalRef goal;
          int missing, first_line;
        };
        std::vector<std::string> owners;
        std::map<std::string, std::vector<Gap>> gaps;
        for (const auto& g : AllGoals(ctx.d.performance)) {
          int missing = 0, first_line = 0;
          for (const auto& i : g.goal->indicators) {
            if (i.basis.empty()) {
              if (!missing++) first_line = i.line;
            }
          }
          if (!missing) continue;
          if (!gaps.count(g.owner)) owners.push_back(g.owner);
          gaps[g.owner].push_back({g, missing, first_line});
        }
        for (const auto& owner : owners) {
          const auto& list = gaps[owner];
          if (list.size() == 1) {
            emit.Report(fmt::format("{}「{}」有{}个指标没有填写指标值确定依据", owner,
                                    GoalName(list[0].goal), list[0].missing),
                        GoalLocation(ctx, list[0].goal, list[0].first_line));
            continue;
          }
          int total = 0;
          std::vector<std::string> parts;
          for (const auto& gap : list) {
            total += gap.missing;
            parts.push_back(fmt::format("{}「{}」{}个", gap.goal.annual ? "年度目标" : "长期目标",
                                        GoalName(gap.goal), gap.missing));
          }
          emit.Report(fmt::format("{}有{}个指标没有填写指标值确定依据（{}）", owner, total,
                                  fmt::join(parts, "、")),
                      GoalLocation(ctx, list[0].goal, list[0].first_line));
          for (size_t k = 1; k < list.size(); ++k)
            emit.Relate(GoalLocation(ctx, list[k].goal, list[k].first_line));
        }
      }));
  out->push_back(
      Make("PRF-018", Severity::kWarning, "项目申报表与预算项目一一对应",
           "每个预算项目都应申报绩效目标，申报表应对应预算中的项目", kBasis,
           [](const CheckContext& ctx, Emitter& emit) {
             const auto& perf = ctx.d.performance;
             if (perf.projects.empty()) return;
             std::set<std::string> declared;
             for (const auto& p : perf.projects) {
               if (!p.project_id.empty()) declared.insert(p.project_id);
             }
             for (const auto& p : ctx.d.projects) {
               if (p.performance_goals && !declared.count(p.id)) {
                 emit.Report(fmt::format("预算项目「{}」没有项目申报表（绩效目标）", p.name),
                             ctx.At(p.where, "projects"));
               }
             }
             for (const auto& p : perf.projects) {
               if (p.project_id.empty() && !ctx.d.projects.empty()) {
                 emit.Report(fmt::format("项目申报表「{}」没有对应的预算项目（project:）", p.name),
                             DeclLocation(ctx, p));
               }
             }
           }));
  out->push_back(Make(
      "PRF-019", Severity::kError, "部门整体目标：收入、支出构成的合计 = 各项之和，且收支合计相等",
      "部门总体资金情况中收入构成与支出构成应平衡", kBasis,
      [](const CheckContext& ctx, Emitter& emit) {
        const DepartmentGoals& g = ctx.d.performance.department;
        if (!g.present) return;
        std::optional<Money> totals[2];
        int index = 0;
        for (const auto* rows : {&g.income, &g.expenditure}) {
          const FundRow* total = nullptr;
          std::vector<Money> parts;
          for (const auto& r : *rows) {
            if (r.item == "合计") {
              total = &r;
            } else if (r.amount) {
              parts.push_back(*r.amount);
            }
          }
          if (total && total->amount) {
            totals[index] = total->amount;
            CheckSum(ctx, emit,
                     std::string("部门整体绩效目标表") + (index == 0 ? "收入构成" : "支出构成") +
                         "合计 = 各项之和",
                     *total->amount, parts, DeptLocation(ctx));
          }
          ++index;
        }
        if (totals[0] && totals[1] && *totals[0] != *totals[1]) {
          emit.Report(fmt::format("部门整体绩效目标表收入合计{}万元与支出合计{}万元不相等",
                                  totals[0]->Wan(), totals[1]->Wan()),
                      DeptLocation(ctx), totals[0]->Wan(), totals[1]->Wan());
        }
      }));
  out->push_back(
      Make("PRF-020", Severity::kInfo, "每个分目标的指标数量适当（原则上不超过5个，且不为空）",
           "考核标准：每个分目标的绩效指标原则上控制在5个以内，过多或过少酌情扣分", kBasis,
           [](const CheckContext& ctx, Emitter& emit) {
             for (const auto& g : AllGoals(ctx.d.performance)) {
               size_t n = g.goal->indicators.size();
               if (n == 0) {
                 emit.Report(fmt::format("{}「{}」没有设置绩效指标", g.owner, GoalName(g)),
                             GoalLocation(ctx, g));
               } else if (n > 10) {
                 emit.Report(fmt::format("{}「{}」设置了{}个指标，过多", g.owner, GoalName(g), n),
                             GoalLocation(ctx, g));
               }
             }
           }));
}

}  // namespace gongkai
