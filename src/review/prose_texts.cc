#include "review/prose_texts.h"

#include <fmt/format.h>

#include <memory>

#include "review/rule_support.h"

namespace gongkai {
namespace {

void Add(std::vector<ProseText>* out, const Department& d, std::string what,
         const std::string& text, int line, std::string table = {}) {
  if (text.empty()) return;
  ProseText t;
  t.what = std::move(what);
  t.table = std::move(table);
  t.text = text;
  t.line = line;
  t.context.year = d.year;
  out->push_back(std::move(t));
}

void AddGoals(std::vector<ProseText>* out, const Department& d, const std::vector<Goal>& goals,
              const std::string& owner, const std::string& table) {
  for (const auto& g : goals) {
    Add(out, d, owner + "「" + g.name + "」目标说明", g.text, g.line, table);
    for (const auto& i : g.indicators)
      Add(out, d, owner + "指标「" + i.name + "」描述", i.description, i.line, table);
  }
}

}  // namespace

std::vector<ProseText> ProseTextsOf(const Department& d) {
  std::vector<ProseText> out;
  Add(&out, d, "部门主要职能", d.functions, 0);
  Add(&out, d, "预算单位构成", d.composition, 0);
  Add(&out, d, "年度工作目标及主要任务", d.goals, 0);
  for (const auto& [section, text] : d.notes) Add(&out, d, "notes " + section, text, 0);
  for (const auto& [key, c] : d.comparisons)
    Add(&out, d, "prior_year." + key + " 原因", c.reason, c.where.line);
  for (const auto& [key, c] : d.three_public.prior_year)
    Add(&out, d, "three_public." + key + " 原因", c.reason, c.where.line);
  for (const auto& p : d.projects)
    Add(&out, d, "项目「" + p.name + "」用途", p.purpose, p.where.line);
  const DepartmentGoals& g = d.performance.department;
  if (g.present) {
    const std::string table = "部门整体支出绩效目标表";
    Add(&out, d, "部门整体总体绩效目标", g.overall, g.line, table);
    for (const auto& f : g.functions) Add(&out, d, "部门职能概述", f, g.line, table);
    for (const auto& t : g.tasks)
      Add(&out, d, "年度工作任务「" + t.name + "」", t.content, g.line, table);
    for (const auto& p : g.projects)
      Add(&out, d, "项目支出情况「" + p.name + "」", p.use, g.line, table);
    AddGoals(&out, d, g.long_term, "部门整体长期目标", table);
    AddGoals(&out, d, g.annual, "部门整体年度目标", table);
  }
  for (const auto& p : d.performance.projects) {
    const std::string table = "项目申报表（含绩效目标）";
    const std::string owner = "项目申报表「" + p.name + "」";
    size_t first = out.size();
    Add(&out, d, owner + "立项依据", p.basis, p.line, table);
    Add(&out, d, owner + "实施方案", p.plan, p.line, table);
    size_t before = out.size();
    Add(&out, d, owner + "前两年预算及当年预算变动情况", p.change_text, p.line, table);
    if (out.size() > before) {
      ProseText& t = out.back();
      t.change_text = true;
      if (p.year_budget) t.context.known[d.year] = *p.year_budget;
      for (const auto& y : p.prior_budgets) t.context.known.emplace(y.year, y.amount);
      t.context.known_what = "项目";
    }
    Add(&out, d, owner + "上年绩效评价结果", p.last_evaluation, p.line, table);
    Add(&out, d, owner + "绩效总目标", p.goal, p.line, table);
    AddGoals(&out, d, p.long_term, owner + "长期目标", table);
    AddGoals(&out, d, p.annual, owner + "年度目标", table);
    for (size_t i = first; i < out.size(); ++i) out[i].declaration = &p;
  }
  return out;
}

Location ProseLocation(const CheckContext& ctx, const ProseText& t) {
  Location l = ctx.At(t.line, t.line ? 1 : 0, t.what);
  l.table = t.table;
  return l;
}

const ProseReview& ReviewedProse(const CheckContext& ctx) {
  if (!ctx.prose_review) {
    auto review = std::make_shared<ProseReview>();
    review->texts = ProseTextsOf(ctx.d);
    for (const auto& t : review->texts) {
      review->sentences.push_back(SplitProse(t.text, *ctx.prose_words));
      review->relations.push_back(
          CheckProse(review->sentences.back(), *ctx.prose_words, t.context));
    }
    ctx.prose_review = std::move(review);
  }
  return *ctx.prose_review;
}

void EmitProse(const CheckContext& ctx, Emitter& emit, ProseRelationKind kind) {
  if (!rules::ProseWordsOrReport(ctx, emit)) return;
  const ProseReview& prose = ReviewedProse(ctx);
  for (size_t i = 0; i < prose.texts.size(); ++i) {
    const ProseText& t = prose.texts[i];
    for (const auto& r : prose.relations[i]) {
      if (r.kind != kind) continue;
      if (r.agreement == Agreement::kRounding) {
        emit.Rounding(r.message + "（尾数差异）", ProseLocation(ctx, t), r.expected, r.found);
      } else if (r.agreement == Agreement::kMismatch) {
        emit.Report(r.message, ProseLocation(ctx, t), r.expected, r.found);
      }
    }
  }
}

}  // namespace gongkai
