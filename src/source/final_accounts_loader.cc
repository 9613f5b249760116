#include "source/final_accounts_loader.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/utf8_text.h"
#include "model/department.h"

namespace gongkai {
namespace {

class FinalLoader {
 public:
  FinalLoader(SourceReader& r, const Catalog* catalog, FinalAccounts* out)
      : r_(r), catalog_(catalog), out_(out) {}

  void Load(const YamlNode& n) {
    if (!r_.ExpectMap(n, "final_accounts",
                      {"budget", "budget_items", "adjusted_items", "operating_expenses_budget",
                       "income", "opening_balance", "closing_balance", "non_fiscal_balance_used",
                       "surplus_distribution", "three_public", "meeting", "training", "counts",
                       "reasons", "evaluation"})) {
      return;
    }
    out_->present = true;
    out_->budget_source = r_.Text(n["budget"], "final_accounts.budget");
    if (n["budget"] && n["budget_items"]) {
      r_.Error(n["budget_items"],
               "budget 与 budget_items 只能写一个：年初预算取自预算源文件，或逐项写出");
    }
    out_->budget_total =
        Items(n["budget_items"], "budget_items", "年初预算数", &out_->budget_by_item);
    Items(n["adjusted_items"], "adjusted_items", "调整预算数", &out_->adjusted_by_item);
    if (n["operating_expenses_budget"]) {
      out_->operating_budget = r_.Amount(n["operating_expenses_budget"],
                                         "operating_expenses_budget（机关运行经费预算数）");
    }
    if (const auto& income = n["income"]; income && r_.ExpectList(income, "income")) {
      int index = 0;
      for (YamlNode l : income) {
        const std::string what = fmt::format("第{}条收入", ++index);
        if (!r_.ExpectMap(l, what, {"function", "fund", "amount"})) continue;
        r_.RequireKeys(l, what, {"function", "fund", "amount"});
        IncomeLine line;
        line.function = r_.Text(l["function"], what + " function");
        if (l["function"]) Function(line.function, l["function"], what);
        line.fund = r_.Text(l["fund"], what + " fund");
        if (l["fund"]) Fund(line.fund, l["fund"], what);
        line.amount = r_.Amount(l["amount"], what + " amount");
        line.line = r_.Where(l).line;
        out_->income.push_back(std::move(line));
      }
    }
    Balances(n["opening_balance"], "opening_balance（年初结转和结余）", &out_->opening_balance);
    Balances(n["closing_balance"], "closing_balance（年末结转和结余）", &out_->closing_balance);
    if (n["non_fiscal_balance_used"]) {
      out_->non_fiscal_balance_used =
          r_.Amount(n["non_fiscal_balance_used"], "non_fiscal_balance_used（使用非财政拨款结余）");
    }
    if (n["surplus_distribution"]) {
      out_->surplus_distribution =
          r_.Amount(n["surplus_distribution"], "surplus_distribution（结余分配）");
    }
    if (const auto& tp = n["three_public"];
        tp && r_.ExpectMap(tp, "final_accounts.three_public",
                           {"outbound", "vehicle_purchase", "vehicle_operation", "reception"})) {
      for (const auto& key : ThreePublicKeys()) {
        const auto& item = tp[key];
        if (!item) continue;
        const std::string what = "three_public." + key;
        if (!r_.ExpectMap(item, what, {"budget", "actual"})) continue;
        BudgetAndActual& ba = out_->three_public[key];
        if (item["budget"]) ba.budget = r_.Amount(item["budget"], what + ".budget（预算数）");
        if (item["actual"]) ba.actual = r_.Amount(item["actual"], what + ".actual（决算数）");
      }
    }
    Optional(n["meeting"], "meeting（会议费）", &out_->meeting);
    Optional(n["training"], "training（培训费）", &out_->training);
    if (const auto& c = n["counts"];
        c && r_.ExpectMap(c, "counts",
                          {"outbound_groups", "outbound_persons", "vehicles_purchased",
                           "vehicles_held", "reception_batches", "reception_persons"})) {
      ThreePublicCounts& k = out_->counts;
      auto count = [&](const char* key, int* v) {
        if (c[key]) *v = r_.Integer(c[key], std::string("counts.") + key, 0, 10000000);
      };
      count("outbound_groups", &k.outbound_groups);
      count("outbound_persons", &k.outbound_persons);
      count("vehicles_purchased", &k.vehicles_purchased);
      count("vehicles_held", &k.vehicles_held);
      count("reception_batches", &k.reception_batches);
      count("reception_persons", &k.reception_persons);
    }
    if (const auto& reasons = n["reasons"]; reasons) {
      if (!reasons.IsMap()) {
        r_.Error(
            reasons,
            "reasons 应为「功能科目编码（或 general、three_public、outbound、vehicle_purchase、"
            "vehicle_operation、reception、meeting、training）: "
            "原因」的映射");
      } else {
        for (const auto& e : reasons.entries()) {
          const std::string code = e.key.Scalar();
          // general: 一般公共预算财政拨款支出 as a whole; three_public: the “三公” as a whole,
          // outbound … reception its items (where a region states each with its reason);
          // meeting, training: the 会议费 and 培训费 (where a region states them).
          const auto& items = ThreePublicKeys();
          if (code != "general" && code != "three_public" && code != "meeting" &&
              code != "training" && std::find(items.begin(), items.end(), code) == items.end()) {
            Function(code, e.key, "reasons");
          }
          out_->reasons[code] = r_.Text(e.value, "reasons「" + Excerpt(code) + "」");
        }
      }
    }
    out_->evaluation = r_.Text(n["evaluation"], "evaluation");
  }

 private:
  // A 「功能科目编码: 金额」 mapping per 项 (budget_items, adjusted_items) into `out`; its total.
  Money Items(const YamlNode& items, const std::string& key, const char* figure,
              std::map<std::string, Money>* out) {
    Money total;
    if (!items) return total;
    if (!items.IsMap()) {
      r_.Error(items, fmt::format("{} 应为「功能科目编码: {}」的映射", key, figure));
      return total;
    }
    for (const auto& e : items.entries()) {
      const std::string code = e.key.Scalar();
      Function(code, e.key, key);
      Money m = r_.Amount(e.value, key + "「" + Excerpt(code) + "」");
      (*out)[code] += m;
      total += m;
    }
    return total;
  }
  // A figure given where a region prints it (会议费, 培训费): its 预算数 and 决算数, each 0 if
  // left out.
  void Optional(const YamlNode& item, const std::string& what,
                std::optional<BudgetAndActual>* out) {
    if (!item || !r_.ExpectMap(item, what, {"budget", "actual"})) return;
    BudgetAndActual ba;
    if (item["budget"]) ba.budget = r_.Amount(item["budget"], what + ".budget（预算数）");
    if (item["actual"]) ba.actual = r_.Amount(item["actual"], what + ".actual（决算数）");
    *out = ba;
  }
  void Function(const std::string& code, const YamlNode& at, const std::string& what) {
    if (!catalog_) return;
    const FunctionSubject* s = catalog_->FindFunction(code);
    if (!s) {
      r_.Error(at, fmt::format("{}：功能分类科目「{}」不在{}年支出功能分类科目中", what,
                               Excerpt(code), catalog_->year()));
    } else if (s->level() != FunctionLevel::kItem) {
      r_.Error(at,
               fmt::format("{}：功能分类科目「{} {}」不是项级科目（7位）", what, code, s->name));
    }
  }
  void Fund(const std::string& fund, const YamlNode& at, const std::string& what) {
    if (catalog_ && !catalog_->FindRevenueSource(fund)) {
      r_.Error(at, fmt::format("{}：未知的资金来源「{}」", what, Excerpt(fund)));
    }
  }
  void Balances(const YamlNode& n, const std::string& what, std::map<std::string, Money>* out) {
    if (!n) return;
    if (!n.IsMap()) {
      r_.Error(n, what + " 应为「资金来源: 金额」的映射");
      return;
    }
    for (const auto& e : n.entries()) {
      const std::string fund = e.key.Scalar();
      Fund(fund, e.key, what);
      (*out)[fund] = r_.Amount(e.value, what + "「" + Excerpt(fund) + "」");
    }
  }

  SourceReader& r_;
  const Catalog* catalog_;
  FinalAccounts* out_;
};

}  // namespace

void LoadFinalAccounts(SourceReader& reader, const YamlNode& n, const Catalog* catalog,
                       FinalAccounts* out) {
  FinalLoader(reader, catalog, out).Load(n);
}

}  // namespace gongkai
