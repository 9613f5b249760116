// 决算勾稽: the relations of a final accounts (部门决算) — the 总计 identity of 收入支出决算总表,
// each 财政拨款 budget's balance, “三公” 决算数 against the lines' economic 款, the 决算
// against its 年初预算 (every difference explained) — and a published 决算's printed figures
// (declared) against the detail: every table cell, every table present, empty ones explained,
// and its 情况说明's figures (declared.text): the same figure alike wherever it is stated, the
// budget figures it states, its 完成%.
// Applied to 决算 only.
#include <fmt/format.h>

#include <set>

#include "base/rounding.h"
#include "disclosure/final_figures.h"
#include "disclosure/table_ids.h"
#include "review/rule_support.h"

namespace gongkai {
namespace {

using namespace rules;

constexpr const char* kFamily = "决算勾稽";
constexpr const char* kBasis = "财政部部门决算报表编制说明；财预〔2016〕143号";

const RuleFamily Make{kFamily, Both(), {DocumentKind::kFinalAccounts}};

Location TableAt(const CheckContext& ctx, const char* table_id, std::string row,
                 std::string column = {}) {
  Location at = ctx.At(0, 0);
  at.table_id = table_id;
  at.table = ctx.TableName(table_id);
  at.row = std::move(row);
  at.column = std::move(column);
  return at;
}

Money Get(const std::map<std::string, Money>& m, const std::string& key) {
  auto it = m.find(key);
  return it == m.end() ? Money() : it->second;
}

}  // namespace

void RegisterFinalAccountsRules(std::vector<Rule>* out) {
  out->push_back(Make(
      "FIN-001", Severity::kError, "收入支出决算总表：收入总计 = 支出总计",
      "本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 = 本年支出合计 + 结余分配 + "
      "年末结转和结余",
      kBasis, [](const CheckContext& ctx, Emitter& emit) {
        const FinalFigures x = ComputeFinalFigures(ctx.d, ctx.f);
        if (x.income_side == x.spending_side) return;
        emit.Report(
            fmt::format("收入总计{}万元（本年收入合计{} + 使用非财政拨款结余{} + 年初结转和结余{}）"
                        "≠ 支出总计{}万元（本年支出合计{} + 结余分配{} + 年末结转和结余{}）",
                        Wan(x.income_side), Wan(x.income),
                        Wan(ctx.d.final_accounts.non_fiscal_balance_used), Wan(x.opening),
                        Wan(x.spending_side), Wan(x.spending),
                        Wan(ctx.d.final_accounts.surplus_distribution), Wan(x.closing)),
            TableAt(ctx, table_id::kFinalSummary, "总计"), Wan(x.income_side), Wan(x.spending_side),
            Wan(x.income_side - x.spending_side));
      }));
  out->push_back(
      Make("FIN-002", Severity::kError,
           "财政拨款：本年收入 + 年初结转和结余 = 本年支出 + 年末结转和结余",
           "每一本预算（一般公共预算、政府性基金预算、国有资本经营预算）的财政拨款分别平衡", kBasis,
           [](const CheckContext& ctx, Emitter& emit) {
             const FinalFigures x = ComputeFinalFigures(ctx.d, ctx.f);
             const FinalAccounts& fa = ctx.d.final_accounts;
             static const char* kFunds[][2] = {{"general", "一般公共预算财政拨款"},
                                               {"fund", "政府性基金预算财政拨款"},
                                               {"soe", "国有资本经营预算财政拨款"}};
             for (const auto& [fund, name] : kFunds) {
               Money in = Get(x.income_by_fund, fund) + Get(fa.opening_balance, fund);
               Money outgo = Get(x.fiscal_spending_by_fund, fund) + Get(fa.closing_balance, fund);
               if (in == outgo) continue;
               emit.Report(fmt::format("{}：本年收入{} + 年初结转和结余{} = {}万元，"
                                       "本年支出{} + 年末结转和结余{} = {}万元",
                                       name, Wan(Get(x.income_by_fund, fund)),
                                       Wan(Get(fa.opening_balance, fund)), Wan(in),
                                       Wan(Get(x.fiscal_spending_by_fund, fund)),
                                       Wan(Get(fa.closing_balance, fund)), Wan(outgo)),
                           TableAt(ctx, table_id::kFinalFiscalSummary, name), Wan(in), Wan(outgo),
                           Wan(in - outgo));
             }
           }));
  out->push_back(
      Make("FIN-003", Severity::kWarning, "“三公”经费决算数与支出明细的经济分类一致",
           "因公出国（境）费、公务用车购置费、公务用车运行维护费、公务接待费的决算数应等于一般公共"
           "预算财政拨款支出中相应经济分类科目的合计",
           kBasis, [](const CheckContext& ctx, Emitter& emit) {
             std::map<std::string, Money> from_lines;
             for (const auto& l : ctx.d.lines) {
               if (l.fund != "general") continue;
               const EconomicSubject* s = ctx.d.catalog->FindEconomic(l.economic);
               if (s && !s->three_public.empty()) from_lines[s->three_public] += l.amount;
             }
             static const std::map<std::string, const char*> kNames = {
                 {"outbound", "因公出国（境）费"},
                 {"vehicle_purchase", "公务用车购置费"},
                 {"vehicle_operation", "公务用车运行费"},
                 {"reception", "公务接待费"}};
             for (const auto& key : ThreePublicKeys()) {
               auto it = ctx.d.final_accounts.three_public.find(key);
               Money stated =
                   it == ctx.d.final_accounts.three_public.end() ? Money() : it->second.actual;
               Money lines = Get(from_lines, key);
               if (stated == lines) continue;
               emit.Report(fmt::format("{}决算数{}万元，支出明细中相应经济分类科目合计{}万元",
                                       kNames.at(key), Wan(stated), Wan(lines)),
                           TableAt(ctx, table_id::kFinalThreePublic, "决算数", kNames.at(key)),
                           Wan(lines), Wan(stated), Wan(stated - lines));
             }
           }));
  out->push_back(Make(
      "FIN-004", Severity::kWarning, "决算数与年初预算数不同的项目说明原因",
      "情况说明应对一般公共预算财政拨款支出逐项说明决算数大于或小于年初预算数的主要原因", kBasis,
      [](const CheckContext& ctx, Emitter& emit) {
        const FinalAccounts& fa = ctx.d.final_accounts;
        if (fa.budget_by_item.empty()) return;  // FIN-005
        std::map<std::string, Money> actual;
        for (const auto& l : ctx.d.lines) {
          if (l.fund == "general") actual[l.function] += l.amount;
        }
        for (const auto& [code, budget] : fa.budget_by_item) actual.try_emplace(code);
        for (const auto& [code, amount] : actual) {
          Money budget = Get(fa.budget_by_item, code);
          if (amount.RoundedWan(2) == budget.RoundedWan(2)) continue;
          auto reason = fa.reasons.find(code);
          if (reason != fa.reasons.end() && !reason->second.empty()) continue;
          emit.Report(fmt::format("{}：年初预算{}万元，决算{}万元，未说明差异原因（final_accounts."
                                  "reasons）",
                                  ctx.d.catalog->FunctionPath(code), Wan(budget), Wan(amount)),
                      TableAt(ctx, table_id::kFinalGeneralExpenditure, code));
        }
      }));
  out->push_back(Make("FIN-005", Severity::kWarning, "决算注明所属年度的预算",
                      "完成年初预算的百分比和差异说明都以年初预算为准，应能从本年度预算取得",
                      kBasis, [](const CheckContext& ctx, Emitter& emit) {
                        const FinalAccounts& fa = ctx.d.final_accounts;
                        if (!fa.budget_source.empty() || !fa.budget_by_item.empty()) return;
                        Location at = ctx.At(0, 0, "final_accounts");
                        emit.Report(
                            "没有年初预算：请在 final_accounts.budget 写出本年度预算源文件（或在 "
                            "budget_items 逐项写出年初预算数），否则无法计算完成年初预算的百分比",
                            at);
                      }));
  out->push_back(Make("FIN-006", Severity::kError, "决算表中的每个数字与明细数据一致",
                      "已公开决算表中的数字（declared.cells）应等于明细数据按四舍五入汇总后的结果；"
                      "差额在0.01万元以内视为尾数差异",
                      kBasis, CheckDeclaredCells));
  out->push_back(Make(
      "FIN-007", Severity::kError, "决算公开表齐全",
      "部门决算公开的各张表都应公开（declared.tables_present 记录已公开的表）；没有数据的表也应"
      "公开并说明",
      kBasis, [](const CheckContext& ctx, Emitter& emit) {
        if (!ctx.d.declared.has_tables) return;
        const std::set<std::string> present(ctx.d.declared.tables.begin(),
                                            ctx.d.declared.tables.end());
        for (const auto& t : ctx.doc.tables) {
          if (!present.count(t.id)) {
            emit.Report(fmt::format("缺少决算公开表：{}", ctx.TableName(t.id)),
                        ctx.At(0, 0, "决算表"));
          }
        }
        for (const auto& id : ctx.d.declared.tables) {
          if (!ctx.doc.FindTable(id)) {
            emit.Report(fmt::format("declared.tables_present 中的表「{}」不是决算公开表之一", id),
                        ctx.At(0, 0, "决算表"));
          }
        }
      }));
  out->push_back(Make("FIN-008", Severity::kWarning, "决算空表须注明原因",
                      "没有数据的决算表应保留表样，并在表下说明为空的原因", kBasis,
                      [](const CheckContext& ctx, Emitter& emit) {
                        for (const auto& id : ctx.d.declared.empty_without_note) {
                          emit.Report(
                              fmt::format("{}为空表，但没有说明为空的原因", ctx.TableName(id)),
                              ctx.At(0, 0, "决算表"));
                        }
                      }));
  out->push_back(
      Make("FIN-009", Severity::kWarning,
           "一般公共预算财政拨款支出和“三公”经费的决算数与预算数不同时说明原因",
           "情况说明应说明一般公共预算财政拨款支出总体和“三公”经费决算数大于或小于预算数的主要原因"
           "（final_accounts.reasons 的 general、three_public）",
           kBasis, [](const CheckContext& ctx, Emitter& emit) {
             const FinalFigures x = ComputeFinalFigures(ctx.d, ctx.f);
             const FinalAccounts& fa = ctx.d.final_accounts;
             auto explained = [&](const char* key) {
               auto it = fa.reasons.find(key);
               return it != fa.reasons.end() && !it->second.empty();
             };
             auto differ = [](Money a, Money b) { return a.RoundedWan(2) != b.RoundedWan(2); };
             if (x.budget_known && differ(x.general, x.general_budget) && !explained("general")) {
               emit.Report(
                   fmt::format("一般公共预算财政拨款支出年初预算{}万元，决算{}万元，未说明差异原因"
                               "（final_accounts.reasons.general）",
                               Wan(x.general_budget), Wan(x.general)),
                   ctx.At(0, 0, "情况说明 一般公共预算财政拨款支出决算总体情况"));
             }
             const BudgetAndActual& t = x.three_public_total;
             if (differ(t.actual, t.budget) && !explained("three_public")) {
               emit.Report(fmt::format("“三公”经费预算{}万元，决算{}万元，未说明差异原因"
                                       "（final_accounts.reasons.three_public）",
                                       Wan(t.budget), Wan(t.actual)),
                           TableAt(ctx, table_id::kFinalThreePublic, "决算数", "合计"));
             }
           }));
  out->push_back(Make(
      "FIN-010", Severity::kWarning, "决算数与调整预算数不同时说明原因",
      "给出调整预算的，情况说明应对一般公共预算财政拨款支出总体和逐项说明决算数大于或小于调整"
      "预算数的主要原因（未列出调整预算的项按年初预算；final_accounts.reasons）",
      kBasis, [](const CheckContext& ctx, Emitter& emit) {
        const FinalAccounts& fa = ctx.d.final_accounts;
        if (fa.adjusted_by_item.empty()) return;
        auto explained = [&](const std::string& key) {
          auto it = fa.reasons.find(key);
          return it != fa.reasons.end() && !it->second.empty();
        };
        auto differ = [](Money a, Money b) { return a.RoundedWan(2) != b.RoundedWan(2); };
        const FinalFigures x = ComputeFinalFigures(ctx.d, ctx.f);
        if (differ(x.general, x.general_adjusted) && !explained("general")) {
          emit.Report(
              fmt::format("一般公共预算财政拨款支出调整预算{}万元，决算{}万元，未说明差异原因"
                          "（final_accounts.reasons.general）",
                          Wan(x.general_adjusted), Wan(x.general)),
              ctx.At(0, 0, "情况说明 一般公共预算财政拨款支出决算总体情况"));
        }
        for (const auto& [code, amount] : GeneralItems(ctx.d, true)) {
          const Money adjusted = AdjustedBudget(fa, code);
          if (!differ(amount, adjusted) || explained(code)) continue;
          emit.Report(fmt::format("{}：调整预算{}万元，决算{}万元，未说明差异原因（final_accounts."
                                  "reasons）",
                                  ctx.d.catalog->FunctionPath(code), Wan(adjusted), Wan(amount)),
                      TableAt(ctx, table_id::kFinalGeneralExpenditure, code));
        }
      }));
  out->push_back(
      Make("FIN-011", Severity::kError, "同一数字在决算各处一致",
           "同一数字（如机关运行经费，在情况说明和其他重要事项中各写一次）在文件各处应相同"
           "（declared.text 中同一键的金额和预算数）",
           kBasis, [](const CheckContext& ctx, Emitter& emit) {
             std::map<std::string, const DeclaredFigure*> first;
             for (const auto& f : ctx.d.declared.text) {
               auto [it, fresh] = first.emplace(f.key, &f);
               if (fresh) continue;
               const DeclaredFigure& a = *it->second;
               auto compare = [&](const char* what, const std::optional<Money>& x,
                                  const std::optional<Money>& y) {
                 if (!x || !y || *x == *y) return;
                 emit.Report(fmt::format("「{}」的{}在{}为{}万元，在{}为{}万元", f.key, what,
                                         a.at.empty() ? "前文" : a.at, Wan(*x),
                                         f.at.empty() ? "此处" : f.at, Wan(*y)),
                             TextLocation(ctx, f), Wan(*x), Wan(*y), Diff(*y, *x));
               };
               compare("金额", a.amount, f.amount);
               compare("预算数", a.budget, f.budget);
               compare("调整预算数", a.adjusted, f.adjusted);
             }
           }));
  out->push_back(Make(
      "FIN-012", Severity::kError, "情况说明所列预算数与预算一致",
      "情况说明写出的年初预算（“三公”经费、机关运行经费的预算数）和调整预算应等于所属年度的预算"
      "（final_accounts.budget 或 budget_items、adjusted_items、three_public、"
      "operating_expenses_budget）",
      kBasis, [](const CheckContext& ctx, Emitter& emit) {
        for (const auto& f : ctx.d.declared.text) {
          if (!f.budget && !f.adjusted) continue;
          std::string why;
          auto truth = LookupText(ctx.d, ctx.f, f.key, &why);
          if (!truth) {
            emit.Report(fmt::format("无法核对「{}」：{}", f.key, why), TextLocation(ctx, f));
            continue;
          }
          auto check = [&](const char* what, const std::optional<Money>& printed,
                           const std::optional<Money>& exact) {
            if (!printed) return;
            if (!exact) {
              emit.Report(fmt::format("「{}」文字写{}{}万元，但源文件没有{}", f.key, what,
                                      Wan(*printed), what),
                          TextLocation(ctx, f));
              return;
            }
            switch (CompareAmount(*printed, *exact)) {
              case Agreement::kExact:
                break;
              case Agreement::kRounding:
                emit.Rounding(fmt::format("「{}」{}文字为{}万元，预算为{}万元，属尾数差异", f.key,
                                          what, Wan(*printed), exact->ExactWan()),
                              TextLocation(ctx, f), Wan(*exact), Wan(*printed));
                break;
              case Agreement::kMismatch:
                emit.Report(
                    fmt::format("「{}」{}文字为{}万元，所属年度预算为{}万元，相差{}万元", f.key,
                                what, Wan(*printed), Wan(*exact), Diff(*printed, *exact)),
                    TextLocation(ctx, f), Wan(*exact), Wan(*printed), Diff(*printed, *exact));
            }
          };
          check("预算数", f.budget, truth->budget);
          check("调整预算数", f.adjusted, truth->adjusted);
        }
      }));
  out->push_back(Make(
      "FIN-013", Severity::kError, "完成预算的百分比 = 决算数 ÷ 预算数",
      "“完成年初预算（调整预算）的X%”按公开的决算数和预算数计算并四舍五入；末位差异为尾数差异；"
      "预算和决算都为0时写“完成预算的0%”是地区惯例，不报",
      kBasis, [](const CheckContext& ctx, Emitter& emit) {
        for (const auto& f : ctx.d.declared.text) {
          if (f.completion.empty() && f.adjusted_completion.empty()) continue;
          std::string why;
          auto truth = LookupText(ctx.d, ctx.f, f.key, &why);
          if (!truth) continue;  // FIN-012 and TXT-001 say why
          const Money actual = PrintedWan(f.amount ? *f.amount : truth->amount);
          auto check = [&](const char* what, const std::string& printed,
                           const std::optional<Money>& stated, const std::optional<Money>& exact) {
            if (printed.empty() || (!stated && !exact)) return;
            const Money budget = PrintedWan(stated ? *stated : *exact);
            // "决算为0.00万元，完成预算的0%" with a 预算 of 0: nothing was budgeted and nothing
            // spent, which regions print so by convention (上海); not an arithmetic error.
            const bool printed_zero = printed.find_first_not_of("0.") == std::string::npos;
            if (budget.is_zero() && actual.is_zero() && printed_zero) return;
            if (budget.is_zero()) {
              emit.Report(fmt::format("「{}」写完成{}的{}%，但{}为0", f.key, what, printed, what),
                          TextLocation(ctx, f));
              return;
            }
            const std::string expected = SharePercent(actual, budget);
            switch (ComparePercent(printed, actual.fen(), budget.fen())) {
              case Agreement::kExact:
                break;
              case Agreement::kRounding:
                emit.Rounding(fmt::format("「{}」完成{}的{}%，按四舍五入应为{}%（尾数差异）", f.key,
                                          what, printed, expected),
                              TextLocation(ctx, f), expected + "%", printed + "%");
                break;
              case Agreement::kMismatch:
                emit.Report(fmt::format("「{}」完成{}的{}%，决算{}万元 ÷ {}{}万元应为{}%", f.key,
                                        what, printed, Wan(actual), what, Wan(budget), expected),
                            TextLocation(ctx, f), expected + "%", printed + "%");
            }
          };
          // 年初预算 for 一般公共预算财政拨款, the plain 预算 of the “三公” and 机关运行经费.
          const bool initial = f.key.rfind("general.", 0) == 0 || f.key.rfind("item.", 0) == 0;
          check(initial ? "年初预算" : "预算", f.completion, f.budget, truth->budget);
          check("调整预算", f.adjusted_completion, f.adjusted, truth->adjusted);
        }
      }));
}

}  // namespace gongkai
