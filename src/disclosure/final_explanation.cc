// The 情况说明 of a final accounts (部门决算), section by section as the national template has
// it. Every amount, share, 完成% and direction word (大于/小于/等于) is computed from the same
// FinalFigures the tables use; shares and 完成% compare the printed (rounded) figures, so that a
// reader who divides the printed numbers gets the printed percentage.
#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "base/chinese_numerals.h"
#include "disclosure/explanation.h"
#include "disclosure/final_figures.h"

namespace gongkai {
namespace {

std::string Share(Money part, Money whole) {
  return SharePercent(PrintedWan(part), PrintedWan(whole)) + "%";
}

// "决算数小于预算数的主要原因是：…。" for a whole (final_accounts.reasons "general",
// "three_public"); empty when no reason is written or the printed figures are equal. `what`
// names the budget compared with where it is not the plain 预算 (调整预算).
std::string WholeReason(const FinalAccounts& fa, const char* key, Money actual, Money budget,
                        const char* what = "预算") {
  auto it = fa.reasons.find(key);
  if (it == fa.reasons.end() || it->second.empty()) return "";
  const int64_t a = actual.RoundedWan(2), b = budget.RoundedWan(2);
  if (a == b) return "";
  std::string why = it->second;
  while (why.size() >= 3 && why.compare(why.size() - 3, 3, "。") == 0) why.resize(why.size() - 3);
  return fmt::format("决算数{}{}数的主要原因是：{}。", a > b ? "大于" : "小于", what, why);
}

// "完成年初预算的95.45%，决算数小于年初预算数" (or 等于/大于; `what` 调整预算 for the adjusted
// budget); empty without a budget. Without `direction` the 完成% alone, where a reason that
// follows states the direction.
std::string Completion(Money actual, Money budget, const char* what = "年初预算",
                       bool direction = true) {
  if (budget.is_zero()) return "";
  std::string out = fmt::format("完成{}的{}", what, Share(actual, budget));
  if (!direction) return out;
  const int64_t a = actual.RoundedWan(2), b = budget.RoundedWan(2);
  return out + fmt::format("，决算数{}{}数", a > b ? "大于" : a < b ? "小于" : "等于", what);
}

std::string StripPeriods(std::string text) {
  while (text.size() >= 3 && text.compare(text.size() - 3, 3, "。") == 0)
    text.resize(text.size() - 3);
  return text;
}

class FinalWriter {
 public:
  FinalWriter(const Department& d, const Figures& f, const DocumentFrame& frame,
              const Templates& tpl)
      : d_(d),
        fa_(d.final_accounts),
        f_(f),
        x_(ComputeFinalFigures(d, f)),
        noun_(frame.noun),
        layout_(tpl.layout),
        adjusted_(x_.adjusted_known && tpl.Prints("adjusted_budget")),
        operating_budget_(x_.operating_budget && tpl.Prints("operating_budget")) {}

  // The sections in the order layout.csv's `sections` gives (the national order by default):
  // 中央 states 机关运行经费, 政府采购 and 国有资产 as sections of their own, where the national
  // template has them under 其他重要事项.
  std::vector<Section> Build() {
    auto it = layout_.find("sections");
    const std::string order =
        it != layout_.end() ? it->second
                            : "overview income spending fiscal general general_basic three_public "
                              "gov_fund soe evaluation other";
    size_t at = 0;
    while (at < order.size()) {
      size_t end = std::min(order.find(' ', at), order.size());
      const std::string id = order.substr(at, end - at);
      at = end + 1;
      if (id.empty()) continue;
      if (id == "overview") Overview();
      if (id == "income") Income();
      if (id == "spending") Spending();
      if (id == "fiscal") Fiscal();
      if (id == "general") General();
      if (id == "general_basic") GeneralBasic();
      if (id == "three_public") ThreePublic();
      if (id == "gov_fund") {
        FundBudget("gov_fund", "政府性基金预算财政拨款支出决算情况", "fund",
                   "政府性基金预算财政拨款");
      }
      if (id == "soe") {
        FundBudget("soe", "国有资本经营预算财政拨款支出决算情况", "soe",
                   "国有资本经营预算财政拨款");
      }
      if (id == "evaluation") Evaluation();
      if (id == "other") Other();
      if (id == "operating") {
        Start("operating", "机关运行经费支出情况说明");
        OperatingExpenses();
      }
      if (id == "procurement") {
        Start("procurement", "政府采购支出情况说明");
        Procurement();
      }
      if (id == "assets") {
        Start("assets", "国有资产占有使用情况说明");
        Assets();
      }
    }
    return std::move(sections_);
  }

 private:
  // A section, titled as layout.csv's `title.<id>` says where it does ({year}: the year).
  void Start(const char* id, std::string title) {
    if (auto it = layout_.find(std::string("title.") + id); it != layout_.end()) {
      title = it->second;
      for (size_t p = title.find("{year}"); p != std::string::npos; p = title.find("{year}", p))
        title.replace(p, 6, Year());
    }
    sections_.push_back({ChineseNumber(static_cast<int>(sections_.size()) + 1), title, {}, id});
  }
  void Text(std::string text) { sections_.back().paragraphs.push_back({Paragraph::kText, text}); }
  void Heading(std::string text) {
    sections_.back().paragraphs.push_back({Paragraph::kHeading, text});
  }
  std::string Year() const { return std::to_string(d_.year); }

  // "，比2023年度决算增加…，主要原因是…" when last year's figure is given (prior_year).
  std::string Change(Money now, const char* key) const {
    auto it = d_.comparisons.find(key);
    if (it == d_.comparisons.end()) return "";
    return "，" + ChangeSentence(now, &it->second, d_.prior_year, "度决算");
  }

  void Overview() {
    Start("overview", "收入支出决算总体情况说明");
    Text(fmt::format("{}年度收、支总计{}{}。其中本年收入合计{}，本年支出合计{}，年末结转和结余{}。",
                     Year(), WanText(x_.income_side), Change(x_.income_side, "total"),
                     WanText(x_.income), WanText(x_.spending), WanText(x_.closing)));
  }

  void Income() {
    Start("income", "收入决算情况说明");
    std::vector<std::string> parts;
    for (const auto& src : d_.catalog->revenue_sources()) {
      auto it = x_.income_by_fund.find(src.id);
      if (it == x_.income_by_fund.end() || it->second.is_zero()) continue;
      parts.push_back(
          fmt::format("{}{}，占{}", src.name, WanText(it->second), Share(it->second, x_.income)));
    }
    Text(fmt::format("{}年度本年收入合计{}{}", Year(), WanText(x_.income),
                     parts.empty() ? "。" : "，其中：" + Join(parts) + "。"));
  }

  void Spending() {
    Start("spending", "支出决算情况说明");
    std::vector<std::string> parts;
    for (const auto& k : SpendingKinds()) {
      Money amount = f_.Spending(k.kind);
      if (k.kind == SpendingKind::kBasic || k.kind == SpendingKind::kProject || !amount.is_zero()) {
        parts.push_back(
            fmt::format("{}{}，占{}", k.name, WanText(amount), Share(amount, x_.spending)));
      }
    }
    Text(
        fmt::format("{}年度本年支出合计{}，其中：{}。", Year(), WanText(x_.spending), Join(parts)));
  }

  void Fiscal() {
    Start("fiscal", "财政拨款收入支出决算总体情况说明");
    Text(fmt::format("{}年度财政拨款收、支总计{}。财政拨款支出{}，年末财政拨款结转和结余{}。",
                     Year(), WanText(x_.fiscal_spending + x_.fiscal_closing),
                     WanText(x_.fiscal_spending), WanText(x_.fiscal_closing)));
  }

  void General() {
    Start("general", "一般公共预算财政拨款支出决算情况说明");
    Heading("（一）一般公共预算财政拨款支出决算总体情况");
    std::string completion = Completion(x_.general, x_.general_budget);
    if (adjusted_) {
      // The 调整预算 after the 年初预算 it adjusts; the reason explains the difference from it.
      completion += (completion.empty() ? "" : "，") +
                    fmt::format("调整预算为{}", WanText(x_.general_adjusted));
      if (std::string c = Completion(x_.general, x_.general_adjusted, "调整预算"); !c.empty()) {
        completion += "，" + c;
      }
    }
    std::string whole_reason =
        adjusted_ ? WholeReason(fa_, "general", x_.general, x_.general_adjusted, "调整预算")
        : x_.budget_known ? WholeReason(fa_, "general", x_.general, x_.general_budget)
                          : "";
    Text(fmt::format("{}年度一般公共预算财政拨款支出{}{}{}。{}", Year(), WanText(x_.general),
                     completion.empty() ? "" : "，" + completion, Change(x_.general, "general"),
                     whole_reason));
    Heading("（二）一般公共预算财政拨款支出决算结构情况");
    std::vector<std::string> parts;
    std::map<std::string, Money> by_class;
    for (const auto& l : d_.lines) {
      if (l.fund == "general") by_class[l.function.substr(0, 3)] += l.amount;
    }
    for (const auto& [code, amount] : by_class) {
      const FunctionSubject* s = d_.catalog->FindFunction(code);
      parts.push_back(fmt::format("{}（类）{}，占{}", s ? s->name : code, WanText(amount),
                                  Share(amount, x_.general)));
    }
    Text(parts.empty() ? "本年度没有一般公共预算财政拨款支出。"
                       : "一般公共预算财政拨款支出主要用于：" + Join(parts) + "。");
    Heading("（三）一般公共预算财政拨款支出决算具体情况");
    int n = 0;
    for (const auto& [code, actual] : GeneralItems(d_, adjusted_)) {
      auto b = fa_.budget_by_item.find(code);
      const Money budget = b == fa_.budget_by_item.end() ? Money() : b->second;
      std::string text = fmt::format("{}. {}：", ++n, d_.catalog->FunctionPath(code));
      if (x_.budget_known) text += fmt::format("年初预算为{}，", WanText(budget));
      const Money adjusted = AdjustedBudget(fa_, code);
      if (adjusted_) text += fmt::format("调整预算为{}，", WanText(adjusted));
      text += fmt::format("支出决算为{}", WanText(actual));
      if (std::string c = Completion(actual, budget); !c.empty()) text += "，" + c;
      if (adjusted_) {
        if (std::string c = Completion(actual, adjusted, "调整预算"); !c.empty()) text += "，" + c;
      }
      auto reason = fa_.reasons.find(code);
      if (reason != fa_.reasons.end() && !reason->second.empty()) {
        text += "，主要原因是：" + StripPeriods(reason->second);
      }
      Text(text + "。");
    }
  }

  void GeneralBasic() {
    Start("general_basic", "一般公共预算财政拨款基本支出决算情况说明");
    Text(fmt::format("{}年度一般公共预算财政拨款基本支出{}，其中：人员经费{}，公用经费{}。", Year(),
                     WanText(x_.general_basic), WanText(x_.general_personnel),
                     WanText(x_.general_public)));
  }

  void ThreePublic() {
    Start("three_public", "财政拨款“三公”经费支出决算情况说明");
    PartHeading("three_public");
    if (!Layout("three_public.order").empty()) {
      ThreePublicInLayout();
      MeetingAndTraining();
      return;
    }
    const BudgetAndActual& t = x_.three_public_total;
    // "完成预算的60.46%" as the 中央 and local 决算 state the “三公” (the budget of the year is
    // its only budget); the direction is said once, by the reason when there is one.
    const std::string reason = WholeReason(fa_, "three_public", t.actual, t.budget);
    const std::string completion = Completion(t.actual, t.budget, "预算", reason.empty());
    // Compared with last year's 决算 only when its four items are all given.
    const std::optional<Comparison> before = ThreePublicBefore();
    std::string change =
        before ? "，" + ChangeSentence(t.actual, &*before, d_.prior_year, "度决算") : "";
    Text(fmt::format("{}年度“三公”经费财政拨款支出预算为{}，支出决算为{}{}{}。{}", Year(),
                     WanText(t.budget), WanText(t.actual),
                     completion.empty() ? "" : "，" + completion, change, reason));
    const ThreePublicCounts& c = fa_.counts;
    auto item = [&](const char* key) { return x_.three_public.at(key); };
    // "因公出国（境）费支出预算为…，支出决算为…，完成预算的…%" (完成 only with a budget).
    auto budget_and_actual = [&](const std::string& name, const BudgetAndActual& ba) {
      std::string out =
          fmt::format("{}支出预算为{}，支出决算为{}", name, WanText(ba.budget), WanText(ba.actual));
      if (!ba.budget.is_zero()) {
        out += fmt::format("，完成预算的{}", Share(ba.actual, ba.budget));
      }
      return out;
    };
    Text(budget_and_actual("因公出国（境）费", item("outbound")) +
         fmt::format("。全年安排因公出国（境）团组{}个，累计{}人次。", c.outbound_groups,
                     c.outbound_persons));
    const BudgetAndActual purchase = item("vehicle_purchase"),
                          operation = item("vehicle_operation");
    Text(budget_and_actual("公务用车购置及运行费", {purchase.budget + operation.budget,
                                                    purchase.actual + operation.actual}) +
         fmt::format("。其中：公务用车购置费支出决算{}，购置车辆{}辆；公务用车运行费支出决算{}，"
                     "年末公务用车保有量{}辆。",
                     WanText(purchase.actual), c.vehicles_purchased, WanText(operation.actual),
                     c.vehicles_held));
    Text(budget_and_actual("公务接待费", item("reception")) +
         fmt::format("。国内公务接待{}批次，{}人次。", c.reception_batches, c.reception_persons));
    MeetingAndTraining();
  }

  // layout.csv's text for `key`, empty where it has none.
  std::string Layout(const std::string& key) const {
    auto it = layout_.find(key);
    return it == layout_.end() ? "" : it->second;
  }

  // A heading of the “三公” section's parts where the layout gives one (西安: （一）“三公”经费,
  // （二）培训费, （三）会议费), numbered in the order printed; only where 会议费 or 培训费 is
  // stated, so that the “三公” alone stands without a lone （一）.
  void PartHeading(const std::string& id) {
    if (!fa_.meeting && !fa_.training) return;
    const std::string text = Layout("meeting_training.heading." + id);
    if (text.empty()) return;
    Heading("（" + ChineseNumber(++part_) + "）" + text);
  }

  // Last year's “三公” 决算 as one figure, where its four items are all given (three_public.
  // prior_year), as the budget compares it.
  std::optional<Comparison> ThreePublicBefore() const {
    const auto& py = d_.three_public.prior_year;
    if (py.size() != ThreePublicKeys().size()) return std::nullopt;
    Comparison before;
    for (const auto& [key, item] : py) before.amount += item.amount;
    return before;
  }

  // The “三公” in the layout's wording (three_public.*, where a region gives its order of
  // items: 西安): the whole, then each item under its numbered heading — a sentence of
  // 预算数, 决算数, 完成%, the difference from the 预算数 with its reason (final_accounts.reasons.
  // three_public and reasons.<item>) and the change from last year's 决算 (three_public.
  // prior_year) — or the layout's sentence for an item with neither 预算数 nor 决算数.
  void ThreePublicInLayout() {
    const std::optional<Comparison> before = ThreePublicBefore();
    Text(ItemSentence("three_public.text.total", x_.three_public_total, "three_public",
                      before ? &*before : nullptr));
    int n = 0;
    for (const std::string& id : Words(Layout("three_public.order"))) {
      const BudgetAndActual& item = x_.three_public.at(id);
      const std::string heading =
          Fill(Layout("three_public.heading." + id), {{"{n}", std::to_string(++n)}});
      if (!heading.empty()) Heading(heading);
      const std::string none = Layout("three_public.none." + id);
      if (!none.empty() && PrintedWan(item.budget).is_zero() && PrintedWan(item.actual).is_zero()) {
        Text(Fill(none, {{"{year}", Year()}}));
        continue;
      }
      auto prior = d_.three_public.prior_year.find(id);
      Text(ItemSentence("three_public.text." + id, item, id,
                        prior == d_.three_public.prior_year.end() ? nullptr : &prior->second));
    }
  }

  // The 会议费 and 培训费 a source gives (final_accounts.meeting, training), each in the
  // wording of layout.csv's meeting_training.* (the order, the sentence) with the parts every
  // such sentence shares (ItemSentence: 完成%, difference from the 预算数 and its reason,
  // final_accounts.reasons.meeting/training, the change from last year's 决算, prior_year.
  // meeting/training); every figure computed here. Nothing where the source gives neither.
  void MeetingAndTraining() {
    for (const std::string& id : Words(Layout("meeting_training.order"))) {
      const std::optional<BudgetAndActual>& item = id == "meeting" ? fa_.meeting : fa_.training;
      if (!item) continue;
      PartHeading(id);
      auto prior = d_.comparisons.find(id);
      Text(ItemSentence("meeting_training.text." + id, *item, id,
                        prior == d_.comparisons.end() ? nullptr : &prior->second));
    }
  }

  // One item's 预算数 and 决算数 in the layout's sentence `text_key`: {year} {budget} {actual},
  // {completion} (meeting_training.completion, with a 预算数), {difference} (meeting_training.
  // more/less, where the printed figures differ, with meeting_training.reason where
  // final_accounts.reasons has `reason_key`), {change} (ChangeFromLastYear, where last year's
  // 决算 is given) and the counts of final_accounts.counts by name ({reception_batches} …).
  std::string ItemSentence(const std::string& text_key, const BudgetAndActual& item,
                           const std::string& reason_key, const Comparison* prior) const {
    const Money printed_budget = PrintedWan(item.budget), printed_actual = PrintedWan(item.actual);
    std::string completion, difference;
    if (!item.budget.is_zero()) {
      completion = Fill(Layout("meeting_training.completion"),
                        {{"{rate}", Share(item.actual, item.budget)}});
    }
    if (printed_actual != printed_budget) {
      const bool more = printed_actual > printed_budget;
      difference = Fill(Layout(more ? "meeting_training.more" : "meeting_training.less"),
                        {{"{amount}", WanText(more ? printed_actual - printed_budget
                                                   : printed_budget - printed_actual)}});
      auto reason = fa_.reasons.find(reason_key);
      if (reason != fa_.reasons.end() && !reason->second.empty()) {
        difference +=
            Fill(Layout("meeting_training.reason"), {{"{reason}", StripPeriods(reason->second)}});
      }
    }
    const ThreePublicCounts& c = fa_.counts;
    return Fill(Layout(text_key),
                {{"{year}", Year()},
                 {"{budget}", WanText(item.budget)},
                 {"{actual}", WanText(item.actual)},
                 {"{completion}", completion},
                 {"{difference}", difference},
                 {"{change}", prior ? ChangeFromLastYear(item.actual, *prior) : ""},
                 {"{outbound_groups}", std::to_string(c.outbound_groups)},
                 {"{outbound_persons}", std::to_string(c.outbound_persons)},
                 {"{vehicles_purchased}", std::to_string(c.vehicles_purchased)},
                 {"{vehicles_held}", std::to_string(c.vehicles_held)},
                 {"{reception_batches}", std::to_string(c.reception_batches)},
                 {"{reception_persons}", std::to_string(c.reception_persons)}});
  }

  // "决算数较上年减少0.50万元，主要原因是：…。" in the layout's words (change.more, change.less,
  // change.same with {amount}, {prior_year} and {reason}, the latter change.reason filled where
  // last year's figure has a reason); empty where the layout words no change.
  std::string ChangeFromLastYear(Money actual, const Comparison& prior) const {
    const Money now = PrintedWan(actual), before = PrintedWan(prior.amount);
    const char* key = now > before ? "change.more" : now < before ? "change.less" : "change.same";
    std::string reason;
    if (!prior.reason.empty()) {
      reason = Fill(Layout("change.reason"), {{"{reason}", StripPeriods(prior.reason)}});
    }
    return Fill(Layout(key), {{"{amount}", WanText(now > before ? now - before : before - now)},
                              {"{prior_year}", std::to_string(d_.prior_year)},
                              {"{reason}", reason}});
  }

  void FundBudget(const char* id, const std::string& title, const char* fund, const char* name) {
    Start(id, title);
    Money amount = Get(x_.fiscal_spending_by_fund, fund);
    Text(amount.is_zero() ? fmt::format("{}{}年度没有使用{}安排的支出。", d_.name, Year(), name)
                          : fmt::format("{}年度{}支出{}。", Year(), name, WanText(amount)));
  }

  void Evaluation() {
    Start("evaluation", "预算绩效管理情况说明");
    Text(fa_.evaluation.empty() ? "本部门本年度没有填报预算绩效管理情况。" : fa_.evaluation);
  }

  // "2024年度机关运行经费预算15.00万元，支出决算13.50万元，完成预算的90.00%，比2023年度决算
  // 减少…，主要原因是：…。" — the 预算数 where the layout prints it, the change where last
  // year's 决算 is given; "…年度无机关运行经费支出。" where there is nothing to state.
  void OperatingExpenses() {
    const Money actual = f_.operating_expenses;
    const std::string change = Change(actual, "operating_expenses");
    if (operating_budget_) {
      const Money budget = *x_.operating_budget;
      std::string text = fmt::format("{}年度机关运行经费预算{}，支出决算{}", Year(),
                                     WanText(budget), WanText(actual));
      if (!budget.is_zero()) text += fmt::format("，完成预算的{}", Share(actual, budget));
      Text(text + change + "。");
    } else if (actual.is_zero() && change.empty()) {
      Text(fmt::format("{}{}年度无机关运行经费支出。", d_.name, Year()));
    } else {
      Text(fmt::format("{}年度机关运行经费支出{}{}。", Year(), WanText(actual), change));
    }
  }

  void Other() {
    Start("other", "其他重要事项的情况说明");
    Heading("（一）机关运行经费支出情况");
    OperatingExpenses();
    Heading("（二）政府采购支出情况");
    Procurement();
    Heading("（三）国有资产占有使用情况");
    Assets();
  }

  void Procurement() {
    if (f_.procurement_total.is_zero()) {
      Text(fmt::format("{}年度本部门没有政府采购支出。", Year()));
    } else {
      auto type = [&](const char* t) { return Get(f_.procurement_by_type, t); };
      std::string text = fmt::format(
          "{}年度政府采购支出总额{}，其中：政府采购货物支出{}，政府采购工程支出{}，"
          "政府采购服务支出{}。",
          Year(), WanText(f_.procurement_total), WanText(type("goods")), WanText(type("works")),
          WanText(type("service")));
      // 授予中小企业合同金额: each item's amount times its SME share, when any item gives one;
      // 其中 the 小微企业 part likewise, when any item gives its share.
      if (f_.procurement_sme) {
        text += fmt::format("授予中小企业合同金额{}，占政府采购支出总额的{}",
                            WanText(*f_.procurement_sme),
                            Share(*f_.procurement_sme, f_.procurement_total));
        if (f_.procurement_small_micro) {
          text += fmt::format("，其中：授予小微企业合同金额{}，占授予中小企业合同金额的{}",
                              WanText(*f_.procurement_small_micro),
                              Share(*f_.procurement_small_micro, *f_.procurement_sme));
        }
        text += "。";
      }
      Text(text);
    }
  }

  void Assets() {
    if (!d_.assets.present) {
      Text("本部门本年度没有填报国有资产占有使用情况。");
    } else {
      int vehicles = 0;
      std::vector<std::string> kinds;
      for (const auto& [kind, count] : d_.assets.vehicles) {
        vehicles += count;
        kinds.push_back(fmt::format("{}{}辆", kind, count));
      }
      std::string text = fmt::format("截至{}年12月31日，本部门共有车辆{}辆", Year(), vehicles);
      if (!kinds.empty()) text += "，其中：" + Join(kinds);
      text += "。";
      if (!d_.assets.floor_area.empty()) {
        text += fmt::format("办公用房面积{}平方米。", d_.assets.floor_area);
      }
      Text(text);
    }
  }

  static Money Get(const std::map<std::string, Money>& m, const std::string& key) {
    auto it = m.find(key);
    return it == m.end() ? Money() : it->second;
  }
  // `text` with each placeholder replaced by its value.
  static std::string Fill(std::string text,
                          const std::vector<std::pair<std::string, std::string>>& values) {
    for (const auto& [key, value] : values) {
      for (size_t at = text.find(key); at != std::string::npos;
           at = text.find(key, at + value.size()))
        text.replace(at, key.size(), value);
    }
    return text;
  }
  // "training meeting" → {training, meeting}.
  static std::vector<std::string> Words(const std::string& text) {
    std::vector<std::string> out;
    size_t at = 0;
    while (at < text.size()) {
      size_t end = std::min(text.find(' ', at), text.size());
      if (end > at) out.push_back(text.substr(at, end - at));
      at = end + 1;
    }
    return out;
  }
  static std::string Join(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "；") + p;
    return out;
  }

  const Department& d_;
  const FinalAccounts& fa_;
  const Figures& f_;
  const FinalFigures x_;
  const std::string& noun_;
  const std::map<std::string, std::string>& layout_;
  const bool adjusted_;          // the 调整预算 is printed (given, and the layout prints it)
  const bool operating_budget_;  // the 机关运行经费预算数 is printed (known, and printed)
  std::vector<Section> sections_;
  int part_ = 0;  // the headings of the “三公” section's parts printed so far
};

}  // namespace

std::vector<Section> BuildFinalExplanation(const Department& d, const Figures& f,
                                           const DocumentFrame& frame, const Templates& tpl) {
  return FinalWriter(d, f, frame, tpl).Build();
}

}  // namespace gongkai
