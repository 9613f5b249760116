// 完整性: everything a disclosure must contain is there — tables (empty ones with their note),
// sections, "三公" explained item by item, 机关运行经费, procurement split, assets, 绩效目标
// coverage, 名词解释 for every 功能科目 used, contact — and nothing is left as a placeholder,
// a blank figure, a wrong year or broken numbering.
#include <fmt/format.h>

#include <map>
#include <set>

#include "base/chinese_numerals.h"
#include "disclosure/table_ids.h"
#include "review/rule_support.h"

namespace gongkai {
namespace {

using namespace rules;

constexpr const char* kFamily = "完整性";
constexpr const char* kBasis143 = "财预〔2016〕143号《地方预决算公开操作规程》";

const RuleFamily Make{kFamily, Both()};

// The same, for rules about the budget disclosure: a source with no budget lines is a
// performance-goal document only (seeds 002, 003) and is not held to them.
Rule MakeDisclosure(const char* id, Severity s, const char* title, const char* rationale,
                    const char* basis, std::function<void(const CheckContext&, Emitter&)> run) {
  return Make(id, s, title, rationale, basis, [run](const CheckContext& ctx, Emitter& emit) {
    if (!ctx.d.lines.empty() || ctx.d.declared.present) run(ctx, emit);
  });
}

// Free texts of the source with where they are.
std::vector<std::pair<std::string, std::string>> Texts(const Department& d) {
  std::vector<std::pair<std::string, std::string>> out = {{"department.functions", d.functions},
                                                          {"department.composition", d.composition},
                                                          {"goals", d.goals}};
  for (const auto& [k, c] : d.comparisons) out.push_back({"prior_year." + k + ".reason", c.reason});
  for (const auto& [k, c] : d.three_public.prior_year)
    out.push_back({"three_public.prior_year." + k + ".reason", c.reason});
  for (const auto& p : d.projects) out.push_back({"projects." + p.id + ".purpose", p.purpose});
  for (const auto& [k, n] : d.notes) out.push_back({"notes." + k, n});
  for (const auto& f : d.declared.text) out.push_back({"declared.text " + f.key, f.text});
  return out;
}

// A declared section heading: "八（二） 政府采购预算情况" → number "八（二）", title after the
// space.
std::pair<std::string, std::string> SplitHeading(const std::string& heading) {
  size_t space = heading.find(' ');
  if (space == std::string::npos) return {heading, ""};
  return {heading.substr(0, space), heading.substr(space + 1)};
}

}  // namespace

void RegisterCompletenessRules(std::vector<Rule>* out) {
  out->push_back(Make(
      "CMP-001", Severity::kError, "必须公开的表齐全",
      "部门预算公开表应完整，不得缺表；没有数据的表也应公开并说明", kBasis143,
      [](const CheckContext& ctx, Emitter& emit) {
        if (!ctx.d.declared.has_tables) return;
        std::set<std::string> present(ctx.d.declared.tables.begin(), ctx.d.declared.tables.end());
        static const char* kRequired[] = {table_id::kIncomeExpenditureSummary,
                                          table_id::kIncomeSummary,
                                          table_id::kExpenditureSummary,
                                          table_id::kFiscalSummary,
                                          table_id::kGeneralExpenditure,
                                          table_id::kGeneralBasicExpenditure,
                                          table_id::kThreePublic,
                                          table_id::kGovFundExpenditure,
                                          table_id::kProjectExpenditure};
        for (const char* id : kRequired) {
          if (!present.count(id)) {
            emit.Report(fmt::format("缺少公开表：{}", ctx.TableName(id)), ctx.At(0, 0, "公开表"));
          }
        }
      }));
  out->push_back(Make(
      "CMP-002", Severity::kWarning, "空表须注明原因", "没有数据的表应保留表样并说明为空的原因",
      kBasis143, [](const CheckContext& ctx, Emitter& emit) {
        for (const auto& id : ctx.d.declared.empty_without_note) {
          emit.Report(fmt::format("{}为空表，但没有说明为空的原因", ctx.TableName(id)),
                      ctx.At(0, 0, "公开表"));
        }
      }));
  out->push_back(Make("CMP-003", Severity::kError, "公开说明各部分齐全（一至九）",
                      "公开说明应包括部门职能、机构设置、收支预算、三公经费、机关运行经费、政府采购"
                      "、国有资产、绩效目标等内容",
                      kBasis143, [](const CheckContext& ctx, Emitter& emit) {
                        if (ctx.d.declared.sections.empty()) return;
                        std::set<std::string> tops;
                        for (const auto& heading : ctx.d.declared.sections) {
                          std::string number = SplitHeading(heading).first;
                          tops.insert(number.substr(0, number.find("（")));
                        }
                        static const std::pair<const char*, const char*> kSections[] = {
                            {"一", "部门基本情况"},
                            {"二", "年度工作目标及主要任务"},
                            {"三", "部门收支预算总体安排情况"},
                            {"四", "一般公共预算财政拨款支出预算情况"},
                            {"五", "“三公”经费支出预算情况"},
                            {"六", "政府性基金预算财政拨款支出预算情况"},
                            {"七", "国有资本经营预算财政拨款支出预算情况"},
                            {"八", "其他重要事项的情况说明"},
                            {"九", "联系方式"}};
                        for (const auto& [number, title] : kSections) {
                          if (!tops.count(number)) {
                            emit.Report(fmt::format("公开说明缺少第{}部分「{}」", number, title),
                                        ctx.At(0, 0, "公开说明"));
                          }
                        }
                      }));
  out->push_back(
      Make("CMP-004", Severity::kWarning, "章节编号不重复、不跳号",
           "编号重复或跳号说明内容缺失或复制时出错", kBasis143,
           [](const CheckContext& ctx, Emitter& emit) {
             // Sub-sections of each top section must run （一）（二）… without gaps or repeats.
             std::map<std::string, std::vector<std::string>> subs;
             std::vector<std::string> order;
             std::map<std::string, std::string> title_at;  // top|title → first number
             for (const auto& heading : ctx.d.declared.sections) {
               auto [s, title] = SplitHeading(heading);
               size_t p = s.find("（");
               std::string top = s.substr(0, p);
               if (!subs.count(top)) order.push_back(top);
               subs[top];
               if (p != std::string::npos) subs[top].push_back(s.substr(p));
               // The same heading twice under different numbers (seed 004: 八（二） and
               // 八（三） are both 政府采购预算情况).
               if (!title.empty() && p != std::string::npos) {
                 auto [it, inserted] = title_at.emplace(top + "|" + title, s);
                 if (!inserted) {
                   emit.Report(fmt::format("小节标题「{}」重复：{}和{}", title, it->second, s),
                               ctx.At(0, 0, "公开说明 " + top));
                 }
               }
             }
             for (const auto& top : order) {
               const auto& list = subs[top];
               for (size_t i = 0; i < list.size(); ++i) {
                 std::string expected = "（" + ChineseNumber(static_cast<int>(i) + 1) + "）";
                 if (list[i] != expected) {
                   emit.Report(fmt::format("第{}部分的第{}个小节编号为{}，应为{}", top, i + 1,
                                           list[i], expected),
                               ctx.At(0, 0, "公开说明 " + top), expected, list[i]);
                   break;
                 }
               }
             }
             std::set<std::string> seen;
             for (const auto& top : order) {
               if (!seen.insert(top).second)
                 emit.Report(fmt::format("第{}部分重复出现", top), ctx.At(0, 0, "公开说明"));
             }
           }));
  out->push_back(MakeDisclosure(
      "CMP-005", Severity::kWarning, "“三公”经费逐项说明上年对比和原因",
      "“三公”经费应按因公出国（境）费、公务用车购置及运行维护费、公务接待费分项说明增减变化及原因",
      kBasis143, [](const CheckContext& ctx, Emitter& emit) {
        static const std::pair<const char*, const char*> kItems[] = {
            {"outbound", "因公出国（境）费"},
            {"vehicle_purchase", "公务用车购置费"},
            {"vehicle_operation", "公务用车运行维护费"},
            {"reception", "公务接待费"}};
        for (const auto& [key, name] : kItems) {
          auto it = ctx.d.three_public.prior_year.find(key);
          if (it == ctx.d.three_public.prior_year.end()) {
            emit.Report(fmt::format("“三公”经费中{}没有上年对比", name),
                        ctx.At(0, 0, "three_public.prior_year"));
          } else if (it->second.reason.empty()) {
            emit.Report(fmt::format("“三公”经费中{}没有说明原因", name),
                        ctx.At(it->second.where, "three_public.prior_year"));
          }
        }
      }));
  out->push_back(MakeDisclosure(
      "CMP-006", Severity::kInfo, "机关运行经费说明上年对比",
      "机关运行经费应与上年对比并说明增减原因", kBasis143,
      [](const CheckContext& ctx, Emitter& emit) {
        bool admin = false;
        for (const auto& u : ctx.d.units) {
          admin |=
              u.kind == UnitKind::kAdministrative || u.kind == UnitKind::kCivilServantInstitution;
        }
        if (admin && !ctx.d.comparisons.count("operating_expenses")) {
          emit.Report("未填写上年机关运行经费（prior_year.operating_expenses），公开说明无法对比",
                      ctx.At(0, 0, "prior_year"));
        }
      }));
  out->push_back(Make(
      "CMP-007", Severity::kWarning, "政府采购按货物、工程、服务分别说明",
      "政府采购预算应说明货物类、工程类、服务类各自金额", "《政府采购法》；财预〔2016〕143号",
      [](const CheckContext& ctx, Emitter& emit) {
        const DeclaredFigure* total = FirstText(ctx.d, "procurement.total");
        if (!total) return;
        std::vector<std::string> missing;
        for (const auto& [k, name] :
             std::vector<std::pair<std::string, std::string>>{{"procurement.goods", "货物类"},
                                                              {"procurement.works", "工程类"},
                                                              {"procurement.service", "服务类"}}) {
          if (!FirstText(ctx.d, k)) missing.push_back(name);
        }
        if (!missing.empty() && missing.size() < 3) {
          std::string list;
          for (const auto& m : missing) list += (list.empty() ? "" : "、") + m;
          emit.Report(fmt::format("政府采购说明缺少{}金额", list), TextLocation(ctx, *total));
        } else if (missing.size() == 3) {
          emit.Report("政府采购说明只有合计，没有按货物、工程、服务分别说明",
                      TextLocation(ctx, *total));
        }
      }));
  out->push_back(MakeDisclosure(
      "CMP-008", Severity::kWarning, "说明国有资产占有使用情况（车辆）",
      "应说明截至上年末车辆数量及构成", kBasis143, [](const CheckContext& ctx, Emitter& emit) {
        if (!ctx.d.assets.present) {
          emit.Report("未填写国有资产占有使用情况（assets）", ctx.At(0, 0, "assets"));
        } else if (ctx.d.assets.vehicles.empty()) {
          emit.Report("国有资产占有使用情况未说明车辆数量", ctx.At(0, 0, "assets"));
        }
      }));
  out->push_back(Make("CMP-009", Severity::kWarning, "项目均设置绩效目标",
                      "预算项目应全面设置绩效目标",
                      "《中共中央 国务院关于全面实施预算绩效管理的意见》",
                      [](const CheckContext& ctx, Emitter& emit) {
                        for (const auto& p : ctx.d.projects) {
                          if (!p.performance_goals) {
                            emit.Report(fmt::format("项目「{}」没有设置绩效目标", p.name),
                                        ctx.At(p.where, "projects"));
                          }
                        }
                      }));
  out->push_back(
      Make("CMP-010", Severity::kWarning, "名词解释涵盖所用的每个功能科目",
           "名词解释应对使用的功能科目（项级）逐一说明", kBasis143,
           [](const CheckContext& ctx, Emitter& emit) {
             if (!ctx.d.declared.has_glossary) return;
             std::set<std::string> explained(ctx.d.declared.glossary.begin(),
                                             ctx.d.declared.glossary.end());
             std::set<std::string> used;
             for (const auto& l : ctx.d.lines) used.insert(l.function);
             for (const auto& code : used) {
               if (!explained.count(code)) {
                 const FunctionSubject* s = ctx.d.catalog->FindFunction(code);
                 emit.Report(fmt::format("名词解释缺少所用功能科目{} {}", code, s ? s->name : ""),
                             ctx.At(0, 0, "名词解释"));
               }
             }
           }));
  out->push_back(MakeDisclosure(
      "CMP-011", Severity::kWarning, "公开联系方式", "应公开联系人、联系电话和地址，便于公众咨询",
      kBasis143, [](const CheckContext& ctx, Emitter& emit) {
        const Contact& c = ctx.d.contact;
        if (!c.present) {
          emit.Report("未填写联系方式（contact）", ctx.At(0, 0, "contact"));
          return;
        }
        if (c.phone.empty()) emit.Report("联系方式缺少联系电话", ctx.At(0, 0, "contact"));
        if (c.person.empty()) emit.Report("联系方式缺少联系人", ctx.At(0, 0, "contact"));
      }));
  out->push_back(
      Make("CMP-012", Severity::kError, "文字中没有占位符（XX、××、……、待定）",
           "占位符说明文字未填完", kBasis143, [](const CheckContext& ctx, Emitter& emit) {
             static const char* kMarks[] = {"XX", "xx", "××", "……", "待定", "待补充", "＊＊", "**"};
             for (const auto& [where, text] : Texts(ctx.d)) {
               for (const char* m : kMarks) {
                 if (text.find(m) != std::string::npos) {
                   emit.Report(fmt::format("{}中有占位符「{}」", where, m), ctx.At(0, 0, where));
                   break;
                 }
               }
             }
           }));
  out->push_back(Make(
      "CMP-013", Severity::kError, "金额不得空缺", "“预算 万元”之类有单位无数字的表述说明数字漏填",
      kBasis143, [](const CheckContext& ctx, Emitter& emit) {
        for (const auto& f : ctx.d.declared.text) {
          if (!f.amount_blank) continue;
          std::string why;
          auto truth = LookupText(ctx.d, ctx.f, f.key, &why);
          emit.Report(fmt::format("「{}」的金额空缺{}", f.key,
                                  truth ? "，按明细应为" + Wan(truth->amount) + "万元" : ""),
                      TextLocation(ctx, f), truth ? Wan(truth->amount) : "", "（空）");
        }
        for (const auto& c : ctx.d.declared.cells) {
          if (!c.amount) emit.Report("表中金额空缺", CellLocation(ctx, c));
        }
      }));
  out->push_back(Make("CMP-014", Severity::kError, "资产统计日期在预算年度之前（上年内或前年末）",
                      "预算公开中的国有资产情况截至上一年度内的日期（多为上年12月31日，也有编制预算"
                      "时的上年8月31日等）"
                      "或前年末；预算年度内的日期编制时还不可能有，早一年以上的日期已过时",
                      kBasis143, [](const CheckContext& ctx, Emitter& emit) {
                        if (!ctx.d.assets.present || ctx.d.assets.as_of.size() != 10) return;
                        const std::string& as_of =
                            ctx.d.assets.as_of;  // YYYY-MM-DD, checked by the loader
                        std::string problem = AssetDateProblem(
                            ctx.d.year, std::stoi(as_of.substr(0, 4)),
                            std::stoi(as_of.substr(5, 2)), std::stoi(as_of.substr(8, 2)));
                        if (!problem.empty()) {
                          std::string expected = fmt::format("{}-12-31", ctx.d.prior_year);
                          emit.Report(fmt::format("资产统计日期为{}，{}", as_of, problem),
                                      ctx.At(0, 0, "assets.as_of"), expected, as_of);
                        }
                      }));
  out->push_back(Make(
      "CMP-015", Severity::kWarning, "逐项列示的项目编号连续", "编号跳号或重复说明有项目漏列或重复",
      kBasis143, [](const CheckContext& ctx, Emitter& emit) {
        int expected = 1;
        for (const auto& f : ctx.d.declared.text) {
          if (f.key.rfind("project.", 0) != 0 || f.number == 0) continue;
          if (f.number != expected) {
            emit.Report(fmt::format("项目编号为({})，应为({})", f.number, expected),
                        TextLocation(ctx, f), std::to_string(expected), std::to_string(f.number));
          }
          expected = f.number + 1;
        }
      }));
  out->push_back(MakeDisclosure(
      "CMP-016", Severity::kError, "部门职能和年度工作目标已填写", "公开说明第一、二部分的必备内容",
      kBasis143, [](const CheckContext& ctx, Emitter& emit) {
        if (ctx.d.functions.empty())
          emit.Report("未填写部门主要职能", ctx.At(0, 0, "department.functions"));
        if (ctx.d.goals.empty()) emit.Report("未填写年度工作目标及主要任务", ctx.At(0, 0, "goals"));
      }));
  out->push_back(MakeDisclosure(
      "CMP-017", Severity::kWarning, "人员构成已说明", "应说明编制数、在职实有人数和离退休人数",
      kBasis143, [](const CheckContext& ctx, Emitter& emit) {
        const Staffing& s = ctx.d.staffing;
        if (!s.present) {
          emit.Report("未填写人员构成（staffing）", ctx.At(0, 0, "staffing"));
          return;
        }
        if (s.authorized.empty()) emit.Report("人员构成缺少编制数", ctx.At(0, 0, "staffing"));
        if (s.actual.empty()) emit.Report("人员构成缺少在职实有人数", ctx.At(0, 0, "staffing"));
      }));
  out->push_back(Make(
      "CMP-018", Severity::kWarning, "每个项目说明用途", "公开说明应逐项说明项目的主要用途",
      kBasis143, [](const CheckContext& ctx, Emitter& emit) {
        for (const auto& p : ctx.d.projects) {
          if (p.purpose.empty()) {
            emit.Report(fmt::format("项目「{}」没有说明用途", p.name), ctx.At(p.where, "projects"));
          }
        }
      }));
  out->push_back(MakeDisclosure(
      "CMP-019", Severity::kInfo, "说明“三公”经费的单位范围", "应说明“三公”经费涵盖的单位",
      kBasis143, [](const CheckContext& ctx, Emitter& emit) {
        if (ctx.d.units.size() > 1 && ctx.d.three_public.scope.empty() &&
            ctx.d.three_public.units.empty()) {
          emit.Report(
              "部门有多个预算单位，但未说明“三公”经费的单位范围（three_public.scope/units）",
              ctx.At(0, 0, table_id::kThreePublic));
        }
      }));
}

}  // namespace gongkai
