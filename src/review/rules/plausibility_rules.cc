// 合理性: figures that are possible but suspicious — staffing beyond authorised posts,
// procurement larger than the spending it comes from, sudden changes beyond a configurable
// threshold, vehicles without running costs. Thresholds live in data/check/<region>.csv.
#include <fmt/format.h>

#include "disclosure/table_ids.h"
#include "review/rule_support.h"

namespace gongkai {
namespace {

using namespace rules;

constexpr const char* kFamily = "合理性";
constexpr const char* kBasis = "预算审核常规";

const RuleFamily Make{kFamily, {kReview}};

int Total(const Counts& c) {
  int sum = 0;
  for (const auto& [k, n] : c) sum += n;
  return sum;
}

int CountOf(const Counts& c, const std::string& kind) {
  for (const auto& [k, n] : c) {
    if (k == kind) return n;
  }
  return -1;
}

// Items (procurement, purchase services) that together exceed the project they belong to.
template <typename Item>
void ExceedsProject(const CheckContext& ctx, Emitter& emit, const std::vector<Item>& items,
                    const char* what, const char* section) {
  std::map<std::string, Money> by_project;
  std::map<std::string, const Item*> first;
  for (const auto& item : items) {
    if (item.project_id.empty()) continue;
    by_project[item.project_id] += item.amount;
    if (!first.count(item.project_id)) first[item.project_id] = &item;
  }
  for (const auto& [id, amount] : by_project) {
    Money project = ctx.d.ProjectAmount(id);
    if (amount > project) {
      const Project* p = ctx.d.FindProject(id);
      emit.Report(fmt::format("项目「{}」的{}{}万元超过项目金额{}万元", p ? p->name : id, what,
                              Wan(amount), Wan(project)),
                  ctx.At(first[id]->where, section), Wan(project), Wan(amount));
    }
  }
}

}  // namespace

void RegisterPlausibilityRules(std::vector<Rule>* out) {
  out->push_back(Make(
      "PLS-001", Severity::kWarning, "在职实有人数不超过编制数",
      "实有人数超过编制（可设容差 threshold.staff_over_authorized）需核实", "机构编制管理规定",
      [](const CheckContext& ctx, Emitter& emit) {
        const Staffing& s = ctx.d.staffing;
        if (!s.present || s.authorized.empty() || s.actual.empty()) return;
        // 工勤人员 and 员额 are not 编制 posts; compare like with like.
        int authorized = Total(s.authorized), actual = 0;
        for (const auto& [kind, n] : s.actual) {
          if (CountOf(s.authorized, kind) >= 0) actual += n;
        }
        long long allowed = ctx.config.Number("threshold.staff_over_authorized", 0);
        if (actual > authorized + allowed) {
          emit.Report(fmt::format("在职实有编制内人员{}人，超过编制数{}人", actual, authorized),
                      ctx.At(0, 0, "staffing"), std::to_string(authorized), std::to_string(actual));
        }
        for (const auto& [kind, n] : s.actual) {
          int posts = CountOf(s.authorized, kind);
          if (posts >= 0 && n > posts + allowed) {
            emit.Report(fmt::format("{}实有{}人，超过编制{}人", kind, n, posts),
                        ctx.At(0, 0, "staffing"), std::to_string(posts), std::to_string(n));
          }
        }
      },
      Both()));
  out->push_back(Make(
      "PLS-002", Severity::kWarning, "机关运行经费不超过公用经费",
      "机关运行经费是行政单位和参公单位公用经费的一部分", "财预〔2016〕143号",
      [](const CheckContext& ctx, Emitter& emit) {
        const DeclaredFigure* op = FirstText(ctx.d, "operating_expenses.total");
        if (!op || !op->amount) return;
        Money limit = ctx.f.general_public;
        if (const DeclaredFigure* pub = FirstText(ctx.d, "general.public"); pub && pub->amount)
          limit = *pub->amount;
        if (*op->amount > limit) {
          emit.Report(
              fmt::format("机关运行经费{}万元超过公用经费{}万元", Wan(*op->amount), Wan(limit)),
              TextLocation(ctx, *op), Wan(limit), Wan(*op->amount));
        }
      },
      Both()));
  out->push_back(Make(
      "PLS-003", Severity::kError, "政府采购金额不超过其所属项目",
      "采购资金来自项目预算，不能超过项目金额", "《政府采购法》",
      [](const CheckContext& ctx, Emitter& emit) {
        ExceedsProject(ctx, emit, ctx.d.procurement, "政府采购", table_id::kProcurement);
      },
      Both()));
  out->push_back(Make(
      "PLS-004", Severity::kError, "政府采购合计不超过支出合计", "采购预算是支出预算的一部分",
      "《政府采购法》",
      [](const CheckContext& ctx, Emitter& emit) {
        if (ctx.f.procurement_total > ctx.f.total) {
          emit.Report(fmt::format("政府采购合计{}万元超过部门支出合计{}万元",
                                  Wan(ctx.f.procurement_total), Wan(ctx.f.total)),
                      ctx.At(ctx.d.procurement.front().where, table_id::kProcurement));
        }
      },
      Both()));
  out->push_back(Make(
      "PLS-005", Severity::kError, "政府购买服务金额不超过其所属项目", "购买服务资金来自项目预算",
      "《政府购买服务管理办法》",
      [](const CheckContext& ctx, Emitter& emit) {
        ExceedsProject(ctx, emit, ctx.d.purchase_services, "政府购买服务",
                       table_id::kPurchaseServices);
      },
      Both()));
  out->push_back(
      Make("PLS-006", Severity::kInfo, "与上年相比变动幅度过大",
           "变动超过阈值（threshold.change_percent，默认30%）的应重点审核原因", kBasis,
           [](const CheckContext& ctx, Emitter& emit) {
             long long limit = ctx.config.Number("threshold.change_percent", 30);
             static const std::pair<const char*, const char*> kKeys[] = {
                 {"general", "一般公共预算财政拨款支出"},
                 {"personnel", "人员经费"},
                 {"public", "公用经费"},
                 {"project", "项目支出"},
                 {"operating_expenses", "机关运行经费"}};
             std::map<std::string, Money> now = {{"general", ctx.f.general},
                                                 {"personnel", ctx.f.general_personnel},
                                                 {"public", ctx.f.general_public},
                                                 {"project", ctx.f.general_project},
                                                 {"operating_expenses", ctx.f.operating_expenses}};
             for (const auto& [key, name] : kKeys) {
               auto it = ctx.d.comparisons.find(key);
               if (it == ctx.d.comparisons.end() || it->second.amount.is_zero()) continue;
               __int128 diff = static_cast<__int128>(now[key].fen()) - it->second.amount.fen();
               if (diff < 0) diff = -diff;
               if (diff * 100 > static_cast<__int128>(limit) * it->second.amount.fen()) {
                 emit.Report(fmt::format("{}本年{}万元，上年{}万元，变动{}%，超过{}%", name,
                                         Wan(now[key]), Wan(it->second.amount),
                                         *ChangePercent(now[key], it->second.amount), limit),
                             ctx.At(it->second.where, "prior_year." + std::string(key)));
               }
             }
           }));
  out->push_back(Make(
      "PLS-007", Severity::kInfo, "“三公”经费比上年增长",
      "“三公”经费原则上只减不增，增长的应有充分理由", "中央八项规定及实施细则",
      [](const CheckContext& ctx, Emitter& emit) {
        const auto& py = ctx.d.three_public.prior_year;
        if (py.size() != 4) return;
        Money before;
        for (const auto& [k, c] : py) before += c.amount;
        if (ctx.f.three_public_total > before) {
          emit.Report(fmt::format("“三公”经费本年{}万元，比上年{}万元增长",
                                  Wan(ctx.f.three_public_total), Wan(before)),
                      ctx.At(0, 0, table_id::kThreePublic), Wan(before),
                      Wan(ctx.f.three_public_total));
        }
      },
      Both()));
  out->push_back(
      Make("PLS-008", Severity::kInfo, "人均人员经费在合理范围内",
           "人员经费 ÷ 在职实有人数超过阈值（threshold.personnel_per_head_wan，万元）需核实",
           kBasis, [](const CheckContext& ctx, Emitter& emit) {
             int staff = Total(ctx.d.staffing.actual);
             if (staff <= 0) return;
             long long limit = ctx.config.Number("threshold.personnel_per_head_wan", 60);
             // Pensions paid for retirees are personnel spending too; count them as heads.
             staff += Total(ctx.d.staffing.retired);
             if (ctx.f.personnel > Money::FromWan(limit * staff)) {
               emit.Report(fmt::format("人员经费{}万元，在职及离退休{}人，人均超过{}万元",
                                       Wan(ctx.f.personnel), staff, limit),
                           ctx.At(0, 0, "staffing"));
             }
           }));
  out->push_back(
      Make("PLS-009", Severity::kWarning, "公务用车运行维护费与车辆数相符",
           "有公务用车运行维护费应有车辆，有车辆一般应有运行维护费", kBasis,
           [](const CheckContext& ctx, Emitter& emit) {
             if (!ctx.d.assets.present || ctx.d.assets.vehicles.empty()) return;  // CMP-008
             int vehicles = Total(ctx.d.assets.vehicles);
             auto it = ctx.f.three_public.find("vehicle_operation");
             Money cost = it == ctx.f.three_public.end() ? Money() : it->second;
             if (vehicles == 0 && !cost.is_zero()) {
               emit.Report(fmt::format("没有车辆，但安排公务用车运行维护费{}万元", Wan(cost)),
                           ctx.At(0, 0, "assets.vehicles"));
             } else if (vehicles > 0 && cost.is_zero()) {
               emit.Report(fmt::format("有车辆{}辆，但没有安排公务用车运行维护费", vehicles),
                           ctx.At(0, 0, "assets.vehicles"));
             }
           }));
  out->push_back(Make("PLS-010", Severity::kInfo, "有离退休人员应有离退休经费",
                      "离退休人员的经费通过303类或2080501/2080502项安排", kBasis,
                      [](const CheckContext& ctx, Emitter& emit) {
                        int retired = Total(ctx.d.staffing.retired);
                        if (retired == 0) return;
                        Money spending = SumLines(ctx.d, [](const ExpenditureLine& l) {
                          return l.economic.rfind("303", 0) == 0 || l.function == "2080501" ||
                                 l.function == "2080502";
                        });
                        if (spending.is_zero()) {
                          emit.Report(
                              fmt::format("有离退休人员{}人，但没有安排离退休经费", retired),
                              ctx.At(0, 0, "staffing.retired"));
                        }
                      }));
  out->push_back(
      Make("PLS-011", Severity::kInfo, "预算中安排年终结转结余",
           "年初预算一般收支平衡，不安排年终结转结余", kBasis,
           [](const CheckContext& ctx, Emitter& emit) {
             if (!ctx.f.year_end_balance.is_zero()) {
               emit.Report(fmt::format("预算安排年终结转结余{}万元", Wan(ctx.f.year_end_balance)),
                           ctx.At(ctx.d.year_end_balance.front().where, "year_end_balance"));
             }
           }));
  out->push_back(Make(
      "PLS-012", Severity::kWarning, "政府采购的功能、经济科目与所属项目的支出行一致",
      "采购预算的科目应来自项目自身的支出", kBasis,
      [](const CheckContext& ctx, Emitter& emit) {
        for (const auto& p : ctx.d.procurement) {
          if (p.project_id.empty() || (p.function.empty() && p.economic.empty())) continue;
          bool found = false;
          for (const auto& l : ctx.d.lines) {
            if (l.project_id != p.project_id) continue;
            if ((p.function.empty() || l.function == p.function) &&
                (p.economic.empty() || l.economic == p.economic)) {
              found = true;
            }
          }
          if (!found) {
            const Project* proj = ctx.d.FindProject(p.project_id);
            emit.Report(fmt::format("采购「{}」的科目{} {}不在项目「{}」的支出中", p.item,
                                    p.function, p.economic, proj ? proj->name : p.project_id),
                        ctx.At(p.where, table_id::kProcurement));
          }
        }
      },
      Both()));
}

}  // namespace gongkai
