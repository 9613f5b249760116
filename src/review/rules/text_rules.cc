// 说明文字: every amount, share, change amount and change percentage quoted in the 公开说明
// must follow from the tables and last year's figures, with the display rounding rule.
#include <fmt/format.h>

#include "base/rounding.h"
#include "disclosure/table_ids.h"
#include "review/rule_support.h"

namespace gongkai {
namespace {

using namespace rules;

constexpr const char* kFamily = "说明文字";
constexpr const char* kBasis143 = "财预〔2016〕143号《地方预决算公开操作规程》";

const RuleFamily Make{kFamily, Both()};
// The rules that read only declared figures against LookupText: a 决算's 情况说明 too.
const RuleFamily MakeBoth{kFamily, Both(), {DocumentKind::kBudget, DocumentKind::kFinalAccounts}};

// Last year's figure for a declared change: as printed with it, else from the source.
std::optional<Money> PriorOf(const CheckContext& ctx, const DeclaredFigure& f) {
  if (f.prior) return f.prior;
  std::string why;
  auto truth = LookupText(ctx.d, ctx.f, f.key, &why);
  if (truth && truth->prior) return truth->prior->amount;
  return std::nullopt;
}

}  // namespace

void RegisterTextRules(std::vector<Rule>* out) {
  out->push_back(MakeBoth(
      "TXT-001", Severity::kError, "公开说明中的金额与明细数据一致",
      "文字中引用的金额应等于明细数据汇总（四舍五入到0.01万元）", kBasis143,
      [](const CheckContext& ctx, Emitter& emit) {
        for (const auto& f : ctx.d.declared.text) {
          if (!f.amount) continue;
          std::string why;
          auto truth = LookupText(ctx.d, ctx.f, f.key, &why);
          if (!truth) {
            emit.Report(fmt::format("无法核对「{}」：{}", f.key, why), TextLocation(ctx, f));
            continue;
          }
          std::string what = f.name.empty() ? f.key : f.name;
          switch (CompareAmount(*f.amount, truth->amount)) {
            case Agreement::kExact:
              break;
            case Agreement::kRounding:
              emit.Rounding(fmt::format("「{}」文字为{}万元，明细为{}万元，属尾数差异", what,
                                        Wan(*f.amount), truth->amount.ExactWan()),
                            TextLocation(ctx, f), Wan(truth->amount), Wan(*f.amount));
              break;
            case Agreement::kMismatch:
              emit.Report(
                  fmt::format("「{}」文字为{}万元，按明细应为{}万元，相差{}万元", what,
                              Wan(*f.amount), Wan(truth->amount), Diff(*f.amount, truth->amount)),
                  TextLocation(ctx, f), Wan(truth->amount), Wan(*f.amount),
                  Diff(*f.amount, truth->amount));
          }
        }
      }));
  out->push_back(MakeBoth(
      "TXT-002", Severity::kError, "增减金额 = 本年预算 − 上年预算",
      "“比上年预算增加（减少）X万元”的X应等于两个公开数字之差", kBasis143,
      [](const CheckContext& ctx, Emitter& emit) {
        for (const auto& f : ctx.d.declared.text) {
          if (!f.change || !f.amount) continue;
          auto prior = PriorOf(ctx, f);
          if (!prior) continue;
          Money diff = PrintedWan(*f.amount) - PrintedWan(*prior);
          Money magnitude = diff.is_negative() ? -diff : diff;
          if (CompareAmount(*f.change, magnitude) == Agreement::kMismatch) {
            emit.Report(
                fmt::format("「{}」本年{}万元、上年{}万元，增减额应为{}万元，文字为{}万元", f.key,
                            Wan(*f.amount), Wan(*prior), Wan(magnitude), Wan(*f.change)),
                TextLocation(ctx, f), Wan(magnitude), Wan(*f.change), Diff(*f.change, magnitude));
          }
        }
      }));
  out->push_back(MakeBoth(
      "TXT-003", Severity::kError, "增减百分比 = 增减额 ÷ 上年预算",
      "百分比按公开数字计算并四舍五入；截尾等造成的末位差异为尾数差异", kBasis143,
      [](const CheckContext& ctx, Emitter& emit) {
        for (const auto& f : ctx.d.declared.text) {
          if (f.percent.empty() || !f.amount) continue;
          auto prior = PriorOf(ctx, f);
          if (!prior || prior->is_zero()) continue;
          __int128 now = PrintedWan(*f.amount).fen(), before = PrintedWan(*prior).fen();
          __int128 diff = now - before;
          std::string expected = FormatQuotient((diff < 0 ? -diff : diff) * 100, before, 2);
          switch (ComparePercent(f.percent, diff < 0 ? -diff : diff, before)) {
            case Agreement::kExact:
              break;
            case Agreement::kRounding:
              emit.Rounding(fmt::format("「{}」变动百分比文字为{}%，按四舍五入应为{}%（尾数差异）",
                                        f.key, f.percent, expected),
                            TextLocation(ctx, f), expected + "%", f.percent + "%");
              break;
            case Agreement::kMismatch:
              emit.Report(fmt::format("「{}」变动百分比文字为{}%，按{}万元与上年{}万元计算应为{}%",
                                      f.key, f.percent, Wan(*f.amount), Wan(*prior), expected),
                          TextLocation(ctx, f), expected + "%", f.percent + "%");
          }
        }
      }));
  out->push_back(MakeBoth(
      "TXT-004", Severity::kError, "增减方向用词与数字相符（增加/减少/持平）",
      "本年大于上年写“增加”，小于写“减少”，相等写“持平”，不得写“减少0万元”", kBasis143,
      [](const CheckContext& ctx, Emitter& emit) {
        for (const auto& f : ctx.d.declared.text) {
          if (f.direction.empty() || !f.amount) continue;
          auto prior = PriorOf(ctx, f);
          if (!prior) continue;
          int64_t now = f.amount->RoundedWan(2), before = prior->RoundedWan(2);
          std::string expected = now > before ? "增加" : now < before ? "减少" : "持平";
          if (f.direction != expected) {
            emit.Report(fmt::format("「{}」本年{}万元、上年{}万元，应写“{}”，文字写“{}”", f.key,
                                    Wan(*f.amount), Wan(*prior), expected, f.direction),
                        TextLocation(ctx, f), expected, f.direction);
          }
        }
      }));
  out->push_back(MakeBoth(
      "TXT-005", Severity::kError, "占比 = 部分 ÷ 总额", "文字中的占比应按公开数字计算并四舍五入",
      kBasis143, [](const CheckContext& ctx, Emitter& emit) {
        for (const auto& f : ctx.d.declared.text) {
          if (f.share.empty()) continue;
          std::string why;
          auto truth = LookupText(ctx.d, ctx.f, f.key, &why);
          if (!truth || !truth->share_base || truth->share_base->is_zero()) continue;
          Money part = f.amount ? *f.amount : truth->amount;
          std::string expected = SharePercent(PrintedWan(part), PrintedWan(*truth->share_base), 2);
          switch (ComparePercent(f.share, PrintedWan(part).fen(),
                                 PrintedWan(*truth->share_base).fen())) {
            case Agreement::kExact:
              break;
            case Agreement::kRounding:
              emit.Rounding(fmt::format("「{}」占比文字为{}%，按四舍五入应为{}%（尾数差异）", f.key,
                                        f.share, expected),
                            TextLocation(ctx, f), expected + "%", f.share + "%");
              break;
            case Agreement::kMismatch:
              emit.Report(fmt::format("「{}」占比文字为{}%，{}万元占{}万元应为{}%", f.key, f.share,
                                      Wan(part), Wan(*truth->share_base), expected),
                          TextLocation(ctx, f), expected + "%", f.share + "%");
          }
        }
      }));
  out->push_back(Make(
      "TXT-006", Severity::kWarning, "预算增减须说明原因", "与上年相比有增减的，应说明主要原因",
      kBasis143, [](const CheckContext& ctx, Emitter& emit) {
        auto check = [&](const std::string& what, Money now, const Comparison& c) {
          if (now.RoundedWan(2) != c.amount.RoundedWan(2) && c.reason.empty()) {
            emit.Report(fmt::format("{}本年{}万元，比{}年预算{}万元有增减，但未说明原因", what,
                                    Wan(now), ctx.d.prior_year, Wan(c.amount)),
                        ctx.At(c.where, "prior_year"));
          }
        };
        static const std::pair<const char*, const char*> kKeys[] = {
            {"general", "一般公共预算财政拨款支出"},
            {"personnel", "人员经费"},
            {"public", "公用经费"},
            {"project", "项目支出"},
            {"operating_expenses", "机关运行经费"},
            {"total", "部门预算总收入"},
            {"fund", "政府性基金预算财政拨款支出"}};
        std::map<std::string, Money> now = {{"general", ctx.f.general},
                                            {"personnel", ctx.f.general_personnel},
                                            {"public", ctx.f.general_public},
                                            {"project", ctx.f.general_project},
                                            {"operating_expenses", ctx.f.operating_expenses},
                                            {"total", ctx.f.current + ctx.f.carryover},
                                            {"fund", ctx.f.gov_fund}};
        for (const auto& [key, name] : kKeys) {
          auto it = ctx.d.comparisons.find(key);
          if (it != ctx.d.comparisons.end()) check(name, now[key], it->second);
        }
        static const std::pair<const char*, const char*> kThree[] = {
            {"outbound", "因公出国（境）费"},
            {"vehicle_purchase", "公务用车购置费"},
            {"vehicle_operation", "公务用车运行维护费"},
            {"reception", "公务接待费"}};
        for (const auto& [key, name] : kThree) {
          auto it = ctx.d.three_public.prior_year.find(key);
          if (it == ctx.d.three_public.prior_year.end()) continue;
          auto amount = ctx.f.three_public.find(key);
          check(name, amount == ctx.f.three_public.end() ? Money() : amount->second, it->second);
        }
        for (const auto& f : ctx.d.declared.text) {
          if (!f.direction.empty() && f.direction != "持平" && !f.reason &&
              f.key.rfind("three_public.", 0) != 0 && f.key != "general.total" &&
              f.key != "revenue.total" && f.key != "expenditure.total") {
            emit.Report(fmt::format("「{}」写明{}，但未说明原因", f.key, f.direction),
                        TextLocation(ctx, f));
          }
        }
      }));
  out->push_back(
      Make("TXT-007", Severity::kError, "公开说明中的金额与公开表一致",
           "同一数字在文字和表格中应相同", kBasis143, [](const CheckContext& ctx, Emitter& emit) {
             // Pairs of (text key, table, row, column) that state the same figure.
             struct Pair {
               std::string key, table, row, column;
             };
             std::vector<Pair> pairs = {
                 {"general.total", table_id::kGeneralExpenditure, "合计", "合计"},
                 {"general.personnel", table_id::kGeneralExpenditure, "合计", "人员经费"},
                 {"general.public", table_id::kGeneralExpenditure, "合计", "公用经费"},
                 {"general.project", table_id::kGeneralExpenditure, "合计", "项目支出"},
                 {"three_public.total", table_id::kThreePublic,
                  std::to_string(ctx.d.year) + "年预算数", "“三公”经费合计"},
                 {"three_public.reception", table_id::kThreePublic,
                  std::to_string(ctx.d.year) + "年预算数", "公务接待费"},
                 {"three_public.outbound", table_id::kThreePublic,
                  std::to_string(ctx.d.year) + "年预算数", "因公出国（境）费"},
             };
             for (const auto& f : ctx.d.declared.text) {
               if (f.key.rfind("class.", 0) == 0 && f.key.size() == 9) {
                 const FunctionSubject* s = ctx.d.catalog->FindFunction(f.key.substr(6));
                 // 三（二） quotes each 功能类 over all funds, as 支出总表 does.
                 if (s)
                   pairs.push_back({f.key, table_id::kExpenditureSummary, f.key.substr(6), "合计"});
               }
             }
             for (const auto& p : pairs) {
               const DeclaredCell* cell = FindCell(ctx.d, p.table, p.row, p.column);
               for (const DeclaredFigure* f : TextOf(ctx.d, p.key)) {
                 if (!cell || !cell->amount || !f->amount) continue;
                 if (CompareAmount(*f->amount, *cell->amount) == Agreement::kMismatch) {
                   emit.Report(fmt::format("「{}」文字为{}万元，{}为{}万元", p.key, Wan(*f->amount),
                                           ctx.TableName(p.table), Wan(*cell->amount)),
                               TextLocation(ctx, *f), Wan(*cell->amount), Wan(*f->amount),
                               Diff(*f->amount, *cell->amount));
                 }
               }
             }
           }));
  out->push_back(
      MakeBoth("TXT-008", Severity::kError, "同一上年数字在文件各处一致",
               "上年预算数在说明、表格和绩效目标表中应一致", kBasis143,
               [](const CheckContext& ctx, Emitter& emit) {
                 for (const auto& f : ctx.d.declared.text) {
                   if (!f.prior) continue;
                   std::string why;
                   auto truth = LookupText(ctx.d, ctx.f, f.key, &why);
                   if (!truth || !truth->prior) continue;
                   if (CompareAmount(*f.prior, truth->prior->amount) == Agreement::kMismatch) {
                     emit.Report(fmt::format("「{}」此处上年数为{}万元，源文件 prior_year 为{}万元",
                                             f.key, Wan(*f.prior), Wan(truth->prior->amount)),
                                 TextLocation(ctx, f), Wan(truth->prior->amount), Wan(*f.prior),
                                 Diff(*f.prior, truth->prior->amount));
                   }
                 }
               }));
  out->push_back(MakeBoth(
      "TXT-009", Severity::kError, "文字所称年度正确",
      "对比年度应为上一年度，预算年度应为本年度；年份写错会误导读者", kBasis143,
      [](const CheckContext& ctx, Emitter& emit) {
        for (const auto& f : ctx.d.declared.text) {
          if (f.year == 0) continue;
          bool comparison = f.change || f.prior || !f.direction.empty() || !f.percent.empty();
          int expected = comparison ? ctx.d.prior_year : ctx.d.year;
          if (f.year != expected) {
            emit.Report(fmt::format("「{}」写作{}年，应为{}年", f.key, f.year, expected),
                        TextLocation(ctx, f), std::to_string(expected), std::to_string(f.year));
          }
        }
      }));
  out->push_back(MakeBoth(
      "TXT-010", Severity::kInfo, "有增减的对比应同时写明增减百分比",
      "规范表述为“比上年预算增加（减少）X万元，增长（下降）Y%”", kBasis143,
      [](const CheckContext& ctx, Emitter& emit) {
        for (const auto& f : ctx.d.declared.text) {
          if (!f.change || f.change->is_zero() || !f.percent.empty() || f.direction == "持平")
            continue;
          auto prior = PriorOf(ctx, f);
          if (!prior || prior->is_zero()) continue;
          emit.Report(fmt::format("「{}」写明增减{}万元，但未写增减百分比", f.key, Wan(*f.change)),
                      TextLocation(ctx, f));
        }
      }));
}

}  // namespace gongkai
