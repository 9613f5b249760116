#include "disclosure/explanation.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "base/chinese_numerals.h"

namespace gongkai {
namespace {

// Drops a final 。 so a sentence can be continued or closed uniformly.
std::string StripPeriod(std::string s) {
  static const std::string kPeriod = "。";
  while (s.size() >= kPeriod.size() &&
         s.compare(s.size() - kPeriod.size(), kPeriod.size(), kPeriod) == 0) {
    s.erase(s.size() - kPeriod.size());
  }
  return s;
}

std::vector<std::string> SplitParagraphs(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line, current;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t") == std::string::npos) {
      if (!current.empty()) out.push_back(current);
      current.clear();
    } else {
      current += line;
    }
  }
  if (!current.empty()) out.push_back(current);
  return out;
}

std::string Join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
  return out;
}

std::string CountsText(const Counts& counts) {
  std::vector<std::string> parts;
  for (const auto& [kind, n] : counts) parts.push_back(fmt::format("{}{}人", kind, n));
  return Join(parts, "，");
}

int CountsTotal(const Counts& counts) {
  int sum = 0;
  for (const auto& c : counts) sum += c.second;
  return sum;
}

const Comparison* Find(const std::map<std::string, Comparison>& m, const std::string& key) {
  auto it = m.find(key);
  return it == m.end() ? nullptr : &it->second;
}

// Appends "，change" (when there is a comparison) and a final 。.
std::string WithChange(const std::string& head, Money now, const Comparison* c, int prior) {
  std::string change = ChangeSentence(now, c, prior);
  return head + (change.empty() ? "" : "，" + change) + "。";
}

constexpr const char* kNoContent = "本部门无此项内容。";

class Writer {
 public:
  Writer(const Department& d, const Figures& f, const DocumentFrame& frame)
      : d_(d), f_(f), noun_(frame.noun) {}
  std::vector<Section> Build();

 private:
  Section& Start(const char* number, const char* title) {
    sections_.push_back({number, title, {}, {}});
    return sections_.back();
  }
  void Heading(const std::string& text) {
    sections_.back().paragraphs.push_back({Paragraph::kHeading, text});
  }
  void Text(const std::string& text) {
    sections_.back().paragraphs.push_back({Paragraph::kText, text});
  }
  void Item(const std::string& text) {
    sections_.back().paragraphs.push_back({Paragraph::kListItem, text});
  }
  void Notes(const char* number) {
    auto it = d_.notes.find(number);
    if (it != d_.notes.end()) {
      for (const auto& p : SplitParagraphs(it->second)) Text(p);
    }
  }
  std::string Year() const { return std::to_string(d_.year); }
  std::string EconomicClassName(const std::string& code) const {
    const EconomicSubject* s = d_.catalog->FindEconomic(code);
    return s ? s->name : code;
  }

  void BasicInformation();
  void Goals();
  void Overall();
  void GeneralBudget();
  void ThreePublic();
  void GovFund();
  void Soe();
  void OtherMatters();
  void Contact();
  void SayWhenEmpty();

  const Department& d_;
  const Figures& f_;
  const std::string& noun_;  // 部门预算 (the frame's noun)
  std::vector<Section> sections_;
};

void Writer::BasicInformation() {
  Start("一", "部门基本情况");
  Heading("（一）部门主要职能");
  for (const auto& p : SplitParagraphs(d_.functions)) Text(p);
  Heading("（二）" + noun_ + "单位构成");
  if (!d_.composition.empty()) {
    for (const auto& p : SplitParagraphs(d_.composition)) Text(p);
  } else {
    std::vector<std::string> names;
    for (const auto& u : d_.units) names.push_back(u.name);
    Text(fmt::format("纳入{}{}年{}编制范围的预算单位共{}个，包括：{}。", d_.name, Year(), noun_,
                     d_.units.size(), Join(names, "、")));
  }
  Heading("（三）部门人员构成");
  const Staffing& s = d_.staffing;
  if (s.present) {
    std::string text;
    if (!s.authorized.empty()) {
      text += fmt::format("{}总编制人数{}人，其中：{}。", d_.display_name(),
                          CountsTotal(s.authorized), CountsText(s.authorized));
    }
    if (!s.actual.empty()) {
      text +=
          fmt::format("在职实有人数{}人，其中：{}{}。", CountsTotal(s.actual), CountsText(s.actual),
                      s.actual_note.empty() ? "" : "（" + StripPeriod(s.actual_note) + "）");
    }
    if (!s.retired.empty()) {
      text +=
          fmt::format("离退休人员{}人，其中：{}。", CountsTotal(s.retired), CountsText(s.retired));
    }
    Text(text);
  }
  Notes("一");
}

void Writer::Goals() {
  Start("二", "年度工作目标及主要任务");
  for (const auto& p : SplitParagraphs(d_.goals)) Text(p);
  Notes("二");
}

void Writer::Overall() {
  Start("三", "部门收支预算总体安排情况");
  Money revenue = f_.current + f_.carryover;
  std::vector<std::string> sources;
  for (const auto& src : d_.catalog->revenue_sources()) {
    auto it = f_.current_by_fund.find(src.id);
    if (it == f_.current_by_fund.end() || it->second.is_zero()) continue;
    sources.push_back(fmt::format("{}{}，占{}%", src.name, WanText(it->second),
                                  SharePercent(PrintedWan(it->second), PrintedWan(revenue))));
  }
  if (!f_.carryover.is_zero()) {
    sources.push_back(fmt::format("上年结转{}，占{}%", WanText(f_.carryover),
                                  SharePercent(PrintedWan(f_.carryover), PrintedWan(revenue))));
  }
  Text(WithChange(fmt::format("（一）{}年{}总收入{}", Year(), noun_, WanText(revenue)), revenue,
                  Find(d_.comparisons, "total"), d_.prior_year) +
       (sources.empty() ? "" : "其中：" + Join(sources, "；") + "。"));
  Money spending = f_.total + f_.year_end_balance;
  // Split as 支出总表's columns are (KindOf), each with its share.
  auto part = [&](const char* name, Money amount) {
    return fmt::format("{}{}，占{}%", name, WanText(amount),
                       SharePercent(PrintedWan(amount), PrintedWan(spending)));
  };
  std::vector<std::string> parts;  // 基本支出 and 项目支出 always, the other kinds when present
  for (const auto& k : SpendingKinds()) {
    Money amount = f_.Spending(k.kind);
    if (k.kind == SpendingKind::kBasic || k.kind == SpendingKind::kProject || !amount.is_zero()) {
      parts.push_back(part(k.name, amount));
    }
  }
  if (!f_.year_end_balance.is_zero()) {
    parts.push_back(fmt::format("年终结转结余{}", WanText(f_.year_end_balance)));
  }
  Text(fmt::format("（二）{}年{}总支出{}。其中：{}。", Year(), noun_, WanText(spending),
                   Join(parts, "；")));
  // By 功能 类, in the printed order of 收支总表.
  std::map<std::string, Money> by_class;
  for (const auto& l : d_.lines) by_class[l.function.substr(0, 3)] += l.amount;
  std::vector<std::string> classes;
  for (const auto& code : d_.catalog->class_order()) {
    auto it = by_class.find(code);
    if (it == by_class.end()) continue;
    classes.push_back(d_.catalog->FindFunction(code)->name + WanText(it->second));
    by_class.erase(it);
  }
  for (const auto& [code, amount] : by_class) {
    const FunctionSubject* s = d_.catalog->FindFunction(code);
    classes.push_back((s ? s->name : code) + WanText(amount));
  }
  if (!classes.empty()) Text("1. 按照支出功能分类科目，主要用于：" + Join(classes, "；") + "。");
  std::map<std::string, Money> basic_by_econ;
  for (const auto& l : d_.lines) {
    if (KindOf(l) == SpendingKind::kBasic) basic_by_econ[l.economic.substr(0, 3)] += l.amount;
  }
  std::vector<std::string> econ;
  for (const auto& [code, amount] : basic_by_econ)
    econ.push_back(EconomicClassName(code) + WanText(amount));
  std::string econ_text = "2. 按照支出经济分类科目，基本支出主要用于：" + Join(econ, "；");
  bool others = false;
  for (const auto& k : SpendingKinds()) {  // the kinds other than 基本支出, as totals
    Money amount = f_.Spending(k.kind);
    if (k.kind == SpendingKind::kBasic || amount.is_zero()) continue;
    econ_text += std::string("；") + k.name + WanText(amount);
    others = true;
  }
  if (!econ.empty() || others) Text(econ_text + "。");
  Notes("三");
}

void Writer::GeneralBudget() {
  Start("四", "一般公共预算财政拨款支出预算情况");
  Text(WithChange(fmt::format("{}年一般公共预算财政拨款支出预算数{}", Year(), WanText(f_.general)),
                  f_.general, Find(d_.comparisons, "general"), d_.prior_year) +
       "安排情况如下：");
  // 人员经费 by economic 类.
  std::map<std::string, Money> personnel;
  for (const auto& l : d_.lines) {
    if (IsGeneralCurrent(l) && l.cost_class == CostClass::kPersonnel) {
      personnel[l.economic.substr(0, 3)] += l.amount;
    }
  }
  Text(WithChange("（一）人员经费" + WanText(f_.general_personnel), f_.general_personnel,
                  Find(d_.comparisons, "personnel"), d_.prior_year));
  int n = 0;
  for (const auto& [code, amount] : personnel) {
    std::string use = code == "301" ? "主要用于在职人员工资福利的发放及社会保险、住房公积金的缴纳"
                      : code == "303" ? "主要用于离退休人员费用、生活补助及医疗费补助等"
                                      : "";
    Item(fmt::format("（{}）{}{}{}。", ++n, EconomicClassName(code), WanText(amount),
                     use.empty() ? "" : "，" + use));
  }
  // 公用经费: name its largest items.
  std::vector<std::pair<Money, std::string>> items;
  std::map<std::string, Money> public_items;
  for (const auto& l : d_.lines) {
    if (IsGeneralCurrent(l) && l.cost_class == CostClass::kPublic)
      public_items[l.economic] += l.amount;
  }
  for (const auto& [code, amount] : public_items) items.emplace_back(amount, code);
  std::stable_sort(items.begin(), items.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> names;
  for (size_t i = 0; i < items.size() && i < 6; ++i)
    names.push_back(EconomicClassName(items[i].second));
  Text(WithChange("（二）公用经费" + WanText(f_.general_public), f_.general_public,
                  Find(d_.comparisons, "public"), d_.prior_year) +
       (names.empty() ? "" : "主要用于" + Join(names, "、") + "等日常运转支出。"));
  Text(WithChange("（三）项目支出" + WanText(f_.general_project), f_.general_project,
                  Find(d_.comparisons, "project"), d_.prior_year) +
       (d_.projects.empty() ? "" : "其中："));
  n = 0;
  for (const auto& p : d_.projects) {
    Money amount = SumLines(
        d_, [&](const ExpenditureLine& l) { return l.project_id == p.id && IsGeneralCurrent(l); });
    if (amount.is_zero()) continue;
    Item(fmt::format("（{}）{}{}。{}", ++n, p.name, WanText(amount),
                     p.purpose.empty() ? "" : StripPeriod(p.purpose) + "。"));
  }
  Notes("四");
}

void Writer::ThreePublic() {
  Start("五", "一般公共预算“三公”经费支出预算情况");
  Heading("（一）“三公”经费的单位范围");
  const auto& tp = d_.three_public;
  std::string scope =
      tp.scope.empty()
          ? (d_.units.size() > 1 ? fmt::format("机关及下属{}个二级单位", d_.units.size() - 1)
                                 : "机关")
          : tp.scope;
  Text(fmt::format("{}安排“三公”经费的单位由{}组成。", d_.name, StripPeriod(scope)));
  if (!tp.units.empty()) {
    Text("二级单位包括：");
    int n = 0;
    for (const auto& u : tp.units) Item(fmt::format("{}. {}", ++n, u));
  }
  Heading("（二）“三公”经费财政拨款预算情况");
  auto amount = [&](const char* key) {
    auto it = f_.three_public.find(key);
    return it == f_.three_public.end() ? Money() : it->second;
  };
  // The total is compared only when last year's four items are all known.
  std::optional<Comparison> total_before;
  if (tp.prior_year.size() == ThreePublicKeys().size()) {
    Comparison c;
    for (const auto& [key, item] : tp.prior_year) c.amount += item.amount;
    total_before = c;
  }
  Text(WithChange(fmt::format("{}年一般公共预算财政拨款安排“三公”经费预算{}", Year(),
                              WanText(f_.three_public_total)),
                  f_.three_public_total, total_before ? &*total_before : nullptr, d_.prior_year) +
       "其中：");
  Money outbound = amount("outbound"), purchase = amount("vehicle_purchase"),
        operation = amount("vehicle_operation"), reception = amount("reception");
  const auto& py = tp.prior_year;
  Item(WithChange("1. 因公出国（境）费" + WanText(outbound), outbound, Find(py, "outbound"),
                  d_.prior_year));
  std::optional<Comparison> vehicles_before;
  if (py.count("vehicle_purchase") && py.count("vehicle_operation")) {
    vehicles_before =
        Comparison{py.at("vehicle_purchase").amount + py.at("vehicle_operation").amount, "", {}};
  }
  Item(WithChange("2. 公务用车购置及运行维护费" + WanText(purchase + operation),
                  purchase + operation, vehicles_before ? &*vehicles_before : nullptr,
                  d_.prior_year) +
       "其中：");
  Item(WithChange("（1）公务用车购置费" + WanText(purchase), purchase, Find(py, "vehicle_purchase"),
                  d_.prior_year));
  Item(WithChange("（2）公务用车运行维护费" + WanText(operation), operation,
                  Find(py, "vehicle_operation"), d_.prior_year));
  Item(WithChange("3. 公务接待费" + WanText(reception), reception, Find(py, "reception"),
                  d_.prior_year));
  Notes("五");
}

void Writer::GovFund() {
  Start("六", "政府性基金预算财政拨款支出预算情况");
  if (f_.gov_fund.is_zero() && !d_.comparisons.count("fund")) {
    Text(fmt::format("{}{}年没有使用政府性基金预算财政拨款安排的支出。", d_.name, Year()));
  } else {
    Text(WithChange(
        fmt::format("{}年政府性基金预算财政拨款支出预算{}", Year(), WanText(f_.gov_fund)),
        f_.gov_fund, Find(d_.comparisons, "fund"), d_.prior_year));
  }
  Notes("六");
}

void Writer::Soe() {
  Start("七", "国有资本经营预算财政拨款支出预算情况");
  if (f_.soe.is_zero()) {
    Text(fmt::format("{}{}年没有使用国有资本经营预算财政拨款安排的支出。", d_.name, Year()));
  } else {
    Text(fmt::format("{}年国有资本经营预算财政拨款支出预算{}。", Year(), WanText(f_.soe)));
  }
  Notes("七");
}

void Writer::OtherMatters() {
  Start("八", "其他重要事项的情况说明");
  Heading("（一）机关运行经费情况");
  int civil_servant_units = 0;
  bool any_admin = false;
  for (const auto& u : d_.units) {
    if (u.kind == UnitKind::kCivilServantInstitution) ++civil_servant_units;
    if (u.kind == UnitKind::kAdministrative || u.kind == UnitKind::kCivilServantInstitution)
      any_admin = true;
  }
  if (!any_admin) {
    Text("本部门没有行政单位和参照公务员法管理的事业单位，不安排机关运行经费。");
  } else {
    std::string who = civil_servant_units > 0
                          ? fmt::format("部门机关及下属{}家参照公务员法管理事业单位的机关运行经费",
                                        civil_servant_units)
                          : std::string("部门机关运行经费");
    std::vector<std::string> items;
    for (const auto& [code, amount] : f_.operating_items)
      items.push_back(EconomicClassName(code) + WanText(amount));
    Text(WithChange(fmt::format("{}年{}{}", Year(), who, WanText(f_.operating_expenses)),
                    f_.operating_expenses, Find(d_.comparisons, "operating_expenses"),
                    d_.prior_year) +
         (items.empty() ? "" : "主要包括：" + Join(items, "、") + "。"));
  }
  Heading("（二）政府采购预算情况");
  if (d_.procurement.empty()) {
    Text(fmt::format("{}年本部门没有政府采购预算。", Year()));
  } else {
    auto type_amount = [&](const char* type) {
      auto it = f_.procurement_by_type.find(type);
      return it == f_.procurement_by_type.end() ? Money() : it->second;
    };
    Text(
        fmt::format("按照现行政府采购管理规定，{}年{}中纳入政府采购预算支出合计{}"
                    "。包括：货物类{}，工程类{}，服务类{}。",
                    Year(), noun_, WanText(f_.procurement_total), WanText(type_amount("goods")),
                    WanText(type_amount("works")), WanText(type_amount("service"))));
    static const std::pair<const char*, const char*> kTypes[] = {
        {"goods", "货物类"}, {"works", "工程类"}, {"service", "服务类"}};
    int n = 0;
    for (const auto& [type, label] : kTypes) {
      std::vector<std::string> items;
      for (const auto& p : d_.procurement) {
        if (p.type == type) items.push_back(p.item + WanText(p.amount));
      }
      if (!items.empty()) {
        Item(fmt::format("{}. {}{}。其中：{}。", ++n, label, WanText(type_amount(type)),
                         Join(items, "；")));
      }
    }
  }
  Heading("（三）政府购买服务预算情况");
  if (d_.purchase_services.empty()) {
    Text(fmt::format("{}年本部门没有政府购买服务预算。", Year()));
  } else {
    std::map<std::string, Money> by_directory;
    std::vector<std::string> order;
    for (const auto& s : d_.purchase_services) {
      std::string top = s.directory.empty() ? s.content : s.directory.front();
      if (!by_directory.count(top)) order.push_back(top);
      by_directory[top] += s.amount;
    }
    std::vector<std::string> parts;
    for (const auto& top : order) parts.push_back(top + WanText(by_directory[top]));
    Text(fmt::format("按照现行政府购买服务规定，{}年{}中纳入政府购买服务支出合计{}。其中：{}。",
                     Year(), noun_, WanText(f_.purchase_services_total), Join(parts, "；")));
  }
  Heading("（四）国有资产占有使用情况");
  if (d_.assets.present) {
    std::string date = d_.assets.as_of;
    std::string when = date.size() == 10
                           ? fmt::format("截至{}年{}月{}日", date.substr(0, 4),
                                         std::stoi(date.substr(5, 2)), std::stoi(date.substr(8, 2)))
                           : "截至目前";
    int vehicles = 0;
    std::vector<std::string> kinds;
    for (const auto& [kind, n] : d_.assets.vehicles) {
      vehicles += n;
      kinds.push_back(fmt::format("{}{}辆", kind, n));
    }
    std::string text = fmt::format("{}，部门共有车辆{}辆", when, vehicles);
    if (!kinds.empty()) text += "。其中：" + Join(kinds, "，");
    text += "。";
    if (!d_.assets.floor_area.empty())
      text += fmt::format("办公用房面积{}平方米。", d_.assets.floor_area);
    Text(text);
  } else {
    Text("（未填写国有资产占有使用情况）");
  }
  Heading("（五）绩效目标设置情况");
  if (f_.goal_projects == 0) {
    Text(fmt::format("{}年本部门没有设置项目绩效目标。", Year()));
  } else if (f_.goal_projects == static_cast<int>(d_.projects.size())) {
    Text(fmt::format("{}年部门项目均实行绩效目标管理，共{}个项目，涉及一般公共预算当年财政拨款{}。",
                     Year(), f_.goal_projects, WanText(f_.goal_projects_amount)));
  } else {
    Text(fmt::format("{}年部门共{}个项目实行绩效目标管理，涉及一般公共预算当年财政拨款{}。", Year(),
                     f_.goal_projects, WanText(f_.goal_projects_amount)));
  }
  Notes("八");
}

void Writer::Contact() {
  Start("九", "联系方式");
  if (d_.contact.present) {
    if (!d_.contact.address.empty()) Text("部门单位地址：" + d_.contact.address);
    if (!d_.contact.person.empty()) Text("联系人：" + d_.contact.person);
    if (!d_.contact.phone.empty()) Text("联系电话：" + d_.contact.phone);
  } else {
    Text("（未填写联系方式）");
  }
  Notes("九");
}

std::vector<Section> Writer::Build() {
  BasicInformation();
  Goals();
  Overall();
  GeneralBudget();
  ThreePublic();
  GovFund();
  Soe();
  OtherMatters();
  Contact();
  SayWhenEmpty();
  return std::move(sections_);
}

// A section or a heading of the 公开说明 with no text under it says so in the phrasing of
// published documents, rather than standing bare (a source without 部门主要职能, 年度工作目标
// or 人员构成). Empty paragraphs are dropped first.
void Writer::SayWhenEmpty() {
  for (auto& section : sections_) {
    std::vector<Paragraph> out;
    // Whether nothing came since the heading that left `out` at size `open`.
    constexpr size_t kNone = static_cast<size_t>(-1);
    size_t open = kNone;
    auto close = [&] {
      if (open != kNone && out.size() == open) out.push_back({Paragraph::kText, kNoContent});
    };
    for (auto& p : section.paragraphs) {
      if (p.kind != Paragraph::kHeading && p.text.empty()) continue;
      if (p.kind == Paragraph::kHeading) {
        close();
        out.push_back(std::move(p));
        open = out.size();
        continue;
      }
      out.push_back(std::move(p));
    }
    close();
    if (out.empty()) out.push_back({Paragraph::kText, kNoContent});
    section.paragraphs = std::move(out);
  }
}

}  // namespace

std::string WanText(Money m) { return m.Wan(2) + "万元"; }

std::string ChangeSentence(Money now, const Comparison* before, int prior_year, const char* what) {
  if (!before) return "";
  // Compare the printed figures (see header comment).
  int64_t now_cents = now.RoundedWan(2), before_cents = before->amount.RoundedWan(2);
  std::string out;
  if (now_cents == before_cents) {
    out = fmt::format("与{}年{}持平", prior_year, what);
  } else {
    Money diff = PrintedWan(now) - PrintedWan(before->amount);
    bool up = now_cents > before_cents;
    out = fmt::format("比{}年{}{}{}", prior_year, what, up ? "增加" : "减少",
                      WanText(up ? diff : -diff));
    if (auto pct = ChangePercent(PrintedWan(now), PrintedWan(before->amount))) {
      out += fmt::format("，{}{}%", up ? "增长" : "下降", *pct);
    }
  }
  if (!before->reason.empty()) out += "，主要原因是：" + StripPeriod(before->reason);
  return out;
}

std::vector<Section> BuildExplanation(const Department& d, const Figures& f,
                                      const DocumentFrame& frame) {
  return Writer(d, f, frame).Build();
}

std::vector<GlossaryEntry> BuildGlossary(const Department& d, const Templates& tpl) {
  std::set<std::string> kinds;  // the keys (`when`) of the kinds of spending present
  for (const auto& l : d.lines) kinds.insert(InfoOf(KindOf(l)).key);
  std::vector<GlossaryEntry> out;
  for (const auto& t : tpl.glossary) {
    if (t.when.empty() || kinds.count(t.when)) out.push_back({t.term, t.definition});
  }
  std::set<std::string> used;
  for (const auto& l : d.lines) used.insert(l.function);
  for (const auto& code : used) {
    const FunctionSubject* s = d.catalog->FindFunction(code);
    out.push_back({d.catalog->FunctionPath(code), s ? s->description : ""});
  }
  return out;
}

}  // namespace gongkai
