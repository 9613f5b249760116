#include "source/source_writer.h"

#include <nlohmann/json.hpp>

#include <set>

namespace gongkai {
namespace {

using Json = nlohmann::ordered_json;

// Keys whose string values are numbers and are written without quotes in YAML.
const std::set<std::string>& NumericKeys() {
  static const std::set<std::string> keys = {"amount",       "quantity",    "sme",    "small_micro",
                                             "floor_area",   "prior",       "change", "percent",
                                             "share",        "total",       "fiscal", "other",
                                             "total_budget", "year_budget", "weight"};
  return keys;
}

void PutText(Json& j, const char* key, const std::string& value) {
  if (!value.empty()) j[key] = value;
}

Json CountsJson(const Counts& counts) {
  Json j = Json::object();
  for (const auto& [kind, n] : counts) j[kind] = n;
  return j;
}

Json LineJson(const Department& d, const ExpenditureLine& l, bool in_project) {
  Json j;
  j["function"] = l.function;
  j["economic"] = l.economic;
  j["amount"] = l.amount.ExactWan();
  std::string default_unit = in_project ? d.FindProject(l.project_id)->unit_id
                                        : (d.units.empty() ? "" : d.units.front().id);
  if (l.unit_id != default_unit) j["unit"] = l.unit_id;
  if (l.fund != "general") j["fund"] = l.fund;
  if (l.carryover) j["carryover"] = true;
  if (l.class_explicit) j["class"] = l.cost_class == CostClass::kPersonnel ? "personnel" : "public";
  return j;
}

Json ComparisonJson(const Comparison& c) {
  Json j;
  j["amount"] = c.amount.ExactWan();
  PutText(j, "reason", c.reason);
  return j;
}

// The 支出 half of a two-sided table; a part of a table printed in parts, by its number.
std::string PublishedSide(const PublishedTableLayout& t, int side) {
  return t.sides == 2 && side == 1 ? "支出" : std::to_string(side);
}

// A published-document source's tables as laid out (model/declared.h, PublishedSource).
Json PublishedJson(const PublishedSource& p) {
  Json j;
  PutText(j, "file", p.file);
  if (p.identity_from_file_name) j["identity_from_file_name"] = true;
  if (!p.unread.empty()) j["unread"] = p.unread;
  Json tables = Json::array();
  for (const auto& t : p.tables) {
    Json tj;
    if (t.key != t.id) tj["key"] = t.key;
    tj["id"] = t.id;
    PutText(tj, "title", t.title);
    tj["unit"] = t.yuan ? "元" : "万元";
    if (t.sides != 1) tj["sides"] = t.sides;
    if (!t.pages.empty()) tj["pages"] = t.pages;
    PutText(tj, "sheet", t.sheet);
    Json columns = Json::array();
    for (const auto& c : t.columns) {
      Json cj;
      cj["path"] = c.path;
      const size_t slash = c.path.rfind('/');
      if (c.name != (slash == std::string::npos ? c.path : c.path.substr(slash + 1))) {
        cj["name"] = c.name;
      }
      if (c.side != 0) cj["side"] = PublishedSide(t, c.side);
      columns.push_back(cj);
    }
    tj["columns"] = columns;
    Json rows = Json::array();
    for (const auto& r : t.rows) {
      Json rj;
      if (r.side != 0) rj["side"] = PublishedSide(t, r.side);
      PutText(rj, "code", r.code);
      rj["name"] = r.name;
      if (r.total) rj["total"] = true;
      if (r.page) rj["page"] = r.page;
      rows.push_back(rj);
    }
    tj["rows"] = rows;
    tables.push_back(tj);
  }
  j["tables"] = tables;
  if (!p.narrative.empty()) {
    Json pages = Json::array();
    for (const auto& page : p.narrative)
      pages.push_back({{"page", page.page}, {"lines", page.lines}});
    j["narrative"] = pages;
  }
  return j;
}

Json DeclaredJson(const Declared& dec, const PublishedSource& published) {
  Json j = Json::object();
  if (dec.has_tables) j["tables_present"] = dec.tables;
  if (!dec.sections.empty()) j["sections"] = dec.sections;
  if (dec.has_glossary) j["glossary"] = dec.glossary;
  if (!dec.empty_without_note.empty()) j["empty_without_note"] = dec.empty_without_note;
  if (!dec.text.empty()) {
    Json list = Json::array();
    for (const auto& f : dec.text) {
      Json t;
      t["key"] = f.key;
      PutText(t, "at", f.at);
      if (f.amount) t["amount"] = f.printed.empty() ? f.amount->ExactWan() : f.printed;
      if (f.amount_blank) t["amount"] = "";
      if (f.prior) t["prior"] = f.prior->ExactWan();
      if (f.change) t["change"] = f.change->ExactWan();
      PutText(t, "direction", f.direction);
      PutText(t, "percent", f.percent);
      PutText(t, "share", f.share);
      PutText(t, "name", f.name);
      if (f.year) t["year"] = f.year;
      if (f.number) t["number"] = f.number;
      if (f.reason) t["reason"] = true;
      PutText(t, "text", f.text);
      if (f.budget) t["budget"] = f.budget->ExactWan();
      if (f.adjusted) t["adjusted"] = f.adjusted->ExactWan();
      PutText(t, "completion", f.completion);
      PutText(t, "adjusted_completion", f.adjusted_completion);
      list.push_back(t);
    }
    j["text"] = list;
  }
  if (!dec.cells.empty()) {
    Json list = Json::array();
    for (const auto& c : dec.cells) {
      Json t;
      t["table"] = c.table;
      t["row"] = c.row;
      PutText(t, "name", c.name);
      PutText(t, "column", c.column);
      // A published table printed in 元 keeps its figures in 元 ("30000.00元").
      const PublishedTableLayout* in = published.present ? published.Find(c.table) : nullptr;
      // … and in 万元 with the two decimals tables print (114.70, not 114.7).
      const bool cents = c.amount && c.amount->fen() % (Money::kFenPerWan / 100) == 0;
      t["amount"] = !c.amount                   ? ""
                    : in != nullptr && in->yuan ? c.amount->Yuan() + "元"
                    : in != nullptr && cents    ? c.amount->Wan(2)
                                                : c.amount->ExactWan();
      list.push_back(t);
    }
    j["cells"] = list;
  }
  return j;
}

// --- performance ---

std::string AmountIn(Money m, const std::string& unit) {
  if (unit != "元") return m.ExactWan();
  std::string s = m.Yuan();  // exact in 元
  if (s.size() > 3 && s.compare(s.size() - 3, 3, ".00") == 0) s.resize(s.size() - 3);
  return s;
}

Json IndicatorJson(const Indicator& i) {
  Json j;
  PutText(j, "level1", i.level1);
  PutText(j, "level2", i.level2);
  PutText(j, "name", i.name);
  PutText(j, "description", i.description);
  PutText(j, "before_last", i.before_last.raw);
  PutText(j, "last", i.last.raw);
  PutText(j, "value", i.value.raw);
  PutText(j, "basis", i.basis);
  PutText(j, "weight", i.weight);
  return j.is_null() ? Json::object() : j;
}

Json GoalsJson(const std::vector<Goal>& goals) {
  Json list = Json::array();
  for (const auto& g : goals) {
    Json j = Json::object();
    PutText(j, "name", g.name);
    PutText(j, "text", g.text);
    if (g.end_year) j["end_year"] = g.end_year;
    Json indicators = Json::array();
    for (const auto& i : g.indicators) indicators.push_back(IndicatorJson(i));
    j["indicators"] = indicators;
    list.push_back(j);
  }
  return list;
}

Json FundRowsJson(const std::vector<FundRow>& rows, const std::string& unit) {
  Json list = Json::array();
  for (const auto& r : rows) {
    Json j;
    j["item"] = r.item;
    if (r.amount) j["amount"] = AmountIn(*r.amount, unit);
    if (!r.prior.empty()) {
      Json prior = Json::array();
      for (const auto& p : r.prior) prior.push_back(p ? Json(AmountIn(*p, unit)) : Json(""));
      j["prior"] = prior;
    }
    list.push_back(j);
  }
  return list;
}

Json PerformanceJson(const Performance& perf) {
  Json j;
  PutText(j, "framework", perf.framework);
  const DepartmentGoals& g = perf.department;
  if (g.present) {
    Json dj = Json::object();
    PutText(dj, "date", g.date);
    PutText(dj, "filler", g.filler);
    PutText(dj, "phone", g.phone);
    if (g.unit_label != "万元") dj["unit"] = g.unit_label;
    if (!g.prior_years.empty()) dj["prior_years"] = g.prior_years;
    if (!g.income.empty()) dj["income"] = FundRowsJson(g.income, g.unit_label);
    if (!g.expenditure.empty()) dj["expenditure"] = FundRowsJson(g.expenditure, g.unit_label);
    if (!g.functions.empty()) dj["functions"] = g.functions;
    if (!g.tasks.empty()) {
      Json list = Json::array();
      for (const auto& t : g.tasks) {
        Json tj;
        tj["name"] = t.name;
        PutText(tj, "content", t.content);
        if (t.amount) tj["amount"] = AmountIn(*t.amount, g.unit_label);
        if (t.fiscal) tj["fiscal"] = AmountIn(*t.fiscal, g.unit_label);
        if (t.other) tj["other"] = AmountIn(*t.other, g.unit_label);
        list.push_back(tj);
      }
      dj["tasks"] = list;
    }
    if (!g.projects.empty()) {
      Json list = Json::array();
      for (const auto& p : g.projects) {
        Json pj;
        pj["name"] = p.name;
        PutText(pj, "category", p.category);
        if (p.total) pj["total"] = AmountIn(*p.total, g.unit_label);
        if (p.amount) pj["amount"] = AmountIn(*p.amount, g.unit_label);
        PutText(pj, "use", p.use);
        list.push_back(pj);
      }
      dj["projects"] = list;
    }
    PutText(dj, "overall", g.overall);
    if (!g.long_term.empty()) dj["long_term"] = GoalsJson(g.long_term);
    if (!g.annual.empty()) dj["annual"] = GoalsJson(g.annual);
    j["department"] = dj;
  }
  if (!perf.projects.empty()) {
    Json list = Json::array();
    for (const auto& p : perf.projects) {
      const std::string& u = p.unit_label;
      Json pj;
      PutText(pj, "project", p.project_id);
      pj["name"] = p.name;
      PutText(pj, "code", p.code);
      PutText(pj, "date", p.date);
      if (u != "万元") pj["unit"] = u;
      PutText(pj, "supervisor", p.supervisor);
      PutText(pj, "executor", p.executor);
      PutText(pj, "leader", p.leader);
      PutText(pj, "phone", p.phone);
      PutText(pj, "address", p.address);
      PutText(pj, "postcode", p.postcode);
      PutText(pj, "attribute", p.attribute);
      PutText(pj, "category", p.category);
      PutText(pj, "frequency", p.frequency);
      if (p.start_year) pj["start_year"] = p.start_year;
      if (p.end_year) pj["end_year"] = p.end_year;
      PutText(pj, "basis", p.basis);
      PutText(pj, "plan", p.plan);
      if (p.total_budget) pj["total_budget"] = AmountIn(*p.total_budget, u);
      if (p.year_budget) pj["year_budget"] = AmountIn(*p.year_budget, u);
      if (!p.prior_budgets.empty()) {
        Json list2 = Json::array();
        for (const auto& b : p.prior_budgets)
          list2.push_back({{"year", b.year}, {"amount", AmountIn(b.amount, u)}});
        pj["prior_budgets"] = list2;
      }
      PutText(pj, "change_text", p.change_text);
      PutText(pj, "last_evaluation", p.last_evaluation);
      if (!p.funding.empty()) {
        Json list2 = Json::array();
        for (const auto& f : p.funding) {
          Json fj;
          fj["source"] = f.source;
          fj["amount"] = AmountIn(f.amount, u);
          if (f.current) fj["current"] = AmountIn(*f.current, u);
          list2.push_back(fj);
        }
        pj["funding"] = list2;
      }
      if (!p.details.empty()) {
        Json list2 = Json::array();
        for (const auto& c : p.details) {
          Json cj;
          PutText(cj, "activity", c.activity);
          PutText(cj, "content", c.content);
          PutText(cj, "economic", c.economic);
          cj["amount"] = AmountIn(c.amount, u);
          PutText(cj, "basis", c.basis);
          PutText(cj, "note", c.note);
          list2.push_back(cj);
        }
        pj["details"] = list2;
      }
      if (!p.purchases.empty()) {
        Json list2 = Json::array();
        for (const auto& c : p.purchases) {
          Json cj;
          PutText(cj, "item", c.item);
          PutText(cj, "quantity", c.quantity);
          cj["amount"] = AmountIn(c.amount, u);
          list2.push_back(cj);
        }
        pj["purchases"] = list2;
      }
      if (!p.spending_plan.empty()) {
        Json list2 = Json::array();
        for (const auto& sp : p.spending_plan)
          list2.push_back({{"by", sp.by}, {"percent", sp.percent}});
        pj["spending_plan"] = list2;
      }
      PutText(pj, "goal", p.goal);
      if (!p.long_term.empty()) pj["long_term"] = GoalsJson(p.long_term);
      if (!p.annual.empty()) pj["annual"] = GoalsJson(p.annual);
      list.push_back(pj);
    }
    j["projects"] = list;
  }
  return j.is_null() ? Json::object() : j;
}

Json FinalAccountsJson(const FinalAccounts& fa) {
  Json j = Json::object();
  PutText(j, "budget", fa.budget_source);
  if (fa.budget_source.empty() && !fa.budget_by_item.empty()) {
    Json items = Json::object();
    for (const auto& [code, m] : fa.budget_by_item) items[code] = m.ExactWan();
    j["budget_items"] = items;
  }
  if (!fa.adjusted_by_item.empty()) {
    Json items = Json::object();
    for (const auto& [code, m] : fa.adjusted_by_item) items[code] = m.ExactWan();
    j["adjusted_items"] = items;
  }
  if (fa.operating_budget) j["operating_expenses_budget"] = fa.operating_budget->ExactWan();
  if (!fa.income.empty()) {
    Json list = Json::array();
    for (const auto& l : fa.income) {
      list.push_back({{"function", l.function}, {"fund", l.fund}, {"amount", l.amount.ExactWan()}});
    }
    j["income"] = list;
  }
  auto balances = [&](const char* key, const std::map<std::string, Money>& m) {
    if (m.empty()) return;
    Json b = Json::object();
    for (const auto& [fund, amount] : m) b[fund] = amount.ExactWan();
    j[key] = b;
  };
  balances("opening_balance", fa.opening_balance);
  balances("closing_balance", fa.closing_balance);
  if (!fa.non_fiscal_balance_used.is_zero()) {
    j["non_fiscal_balance_used"] = fa.non_fiscal_balance_used.ExactWan();
  }
  if (!fa.surplus_distribution.is_zero()) {
    j["surplus_distribution"] = fa.surplus_distribution.ExactWan();
  }
  if (!fa.three_public.empty()) {
    Json tp = Json::object();
    for (const auto& key : ThreePublicKeys()) {
      auto it = fa.three_public.find(key);
      if (it == fa.three_public.end()) continue;
      tp[key] = {{"budget", it->second.budget.ExactWan()},
                 {"actual", it->second.actual.ExactWan()}};
    }
    j["three_public"] = tp;
  }
  for (const auto& [key, figure] :
       {std::pair{"meeting", &fa.meeting}, {"training", &fa.training}}) {
    if (*figure) {
      j[key] = {{"budget", (*figure)->budget.ExactWan()}, {"actual", (*figure)->actual.ExactWan()}};
    }
  }
  const ThreePublicCounts& c = fa.counts;
  Json counts = Json::object();
  auto count = [&](const char* key, int v) {
    if (v != 0) counts[key] = v;
  };
  count("outbound_groups", c.outbound_groups);
  count("outbound_persons", c.outbound_persons);
  count("vehicles_purchased", c.vehicles_purchased);
  count("vehicles_held", c.vehicles_held);
  count("reception_batches", c.reception_batches);
  count("reception_persons", c.reception_persons);
  if (!counts.empty()) j["counts"] = counts;
  if (!fa.reasons.empty()) {
    Json r = Json::object();
    for (const auto& [code, text] : fa.reasons) r[code] = text;
    j["reasons"] = r;
  }
  PutText(j, "evaluation", fa.evaluation);
  return j;
}

Json ToJson(const Department& d) {
  Json root;
  root["gongkai"] = d.format_version;
  if (d.kind != DocumentKind::kBudget) root["kind"] = DocumentKindName(d.kind);
  // A published document read back says what it gives: no name, year or units it does not
  // state (published.unread).
  const bool published = d.published.present;
  if (published) root["published"] = PublishedJson(d.published);
  Json dept;
  if (!published || !d.name.empty()) dept["name"] = d.name;
  PutText(dept, "short_name", d.short_name);
  PutText(dept, "code", d.code);
  if (!d.region_code.empty() || !d.region_name.empty()) {
    Json region;
    PutText(region, "code", d.region_code);
    PutText(region, "name", d.region_name);
    dept["region"] = region;
  }
  if (!published || d.year != 0) dept["year"] = d.year;
  PutText(dept, "functions", d.functions);
  PutText(dept, "composition", d.composition);
  Json units = Json::array();
  for (const auto& u : d.units)
    units.push_back({{"id", u.id}, {"name", u.name}, {"kind", UnitKindName(u.kind)}});
  if (!published || !units.empty()) dept["units"] = units;
  root["department"] = dept.is_null() ? Json::object() : dept;
  if (d.staffing.present) {
    Json s;
    if (!d.staffing.authorized.empty()) s["authorized"] = CountsJson(d.staffing.authorized);
    if (!d.staffing.actual.empty()) s["actual"] = CountsJson(d.staffing.actual);
    PutText(s, "actual_note", d.staffing.actual_note);
    if (!d.staffing.retired.empty()) s["retired"] = CountsJson(d.staffing.retired);
    root["staffing"] = s.is_null() ? Json::object() : s;
  }
  PutText(root, "goals", d.goals);
  Json basic = Json::array();
  for (const auto& l : d.lines) {
    if (l.is_basic()) basic.push_back(LineJson(d, l, false));
  }
  if (!basic.empty()) root["basic"] = basic;
  if (!d.projects.empty()) {
    Json projects = Json::array();
    for (const auto& p : d.projects) {
      Json jp;
      jp["id"] = p.id;
      PutText(jp, "code", p.code);
      jp["name"] = p.name;
      if (!d.units.empty() && p.unit_id != d.units.front().id) jp["unit"] = p.unit_id;
      PutText(jp, "category", p.category);
      PutText(jp, "purpose", p.purpose);
      if (!p.performance_goals) jp["performance_goals"] = false;
      Json lines = Json::array();
      for (const auto& l : d.lines) {
        if (l.project_id == p.id) lines.push_back(LineJson(d, l, true));
      }
      jp["lines"] = lines;
      projects.push_back(jp);
    }
    root["projects"] = projects;
  }
  Json transfers = Json::array();
  for (const auto& l : d.lines) {
    if (l.transfer == Transfer::kNone) continue;
    Json j;
    j["type"] = l.transfer == Transfer::kToSuperior ? "to_superior" : "to_affiliates";
    j.update(LineJson(d, l, false));
    transfers.push_back(j);
  }
  if (!transfers.empty()) root["transfers"] = transfers;
  if (!d.year_end_balance.empty()) {
    Json list = Json::array();
    for (const auto& b : d.year_end_balance)
      list.push_back({{"fund", b.fund}, {"amount", b.amount.ExactWan()}});
    root["year_end_balance"] = list;
  }
  if (!published && (!d.comparisons.empty() || d.prior_year != d.year - 1)) {
    Json py;
    if (d.prior_year != d.year - 1) py["year"] = d.prior_year;
    for (const auto& key : ComparisonKeys()) {
      auto it = d.comparisons.find(key);
      if (it != d.comparisons.end()) py[key] = ComparisonJson(it->second);
    }
    root["prior_year"] = py;
  }
  const ThreePublic& tp = d.three_public;
  if (!tp.scope.empty() || !tp.units.empty() || !tp.prior_year.empty()) {
    Json j;
    PutText(j, "scope", tp.scope);
    if (!tp.units.empty()) j["units"] = tp.units;
    if (!tp.prior_year.empty()) {
      Json py;
      for (const auto& key : ThreePublicKeys()) {
        auto it = tp.prior_year.find(key);
        if (it != tp.prior_year.end()) py[key] = ComparisonJson(it->second);
      }
      j["prior_year"] = py;
    }
    root["three_public"] = j;
  }
  if (!d.procurement.empty()) {
    Json list = Json::array();
    for (const auto& p : d.procurement) {
      Json j;
      j["item"] = p.item;
      j["type"] = p.type;
      PutText(j, "project", p.project_id);
      PutText(j, "quantity", p.quantity);
      j["amount"] = p.amount.ExactWan();
      PutText(j, "catalog", p.catalog);
      PutText(j, "function", p.function);
      PutText(j, "economic", p.economic);
      if (p.fund != "general") j["fund"] = p.fund;
      if (!d.units.empty() && p.unit_id != d.units.front().id) j["unit"] = p.unit_id;
      PutText(j, "sme", p.sme);
      PutText(j, "small_micro", p.small_micro);
      list.push_back(j);
    }
    root["procurement"] = list;
  }
  if (!d.purchase_services.empty()) {
    Json list = Json::array();
    for (const auto& s : d.purchase_services) {
      Json j;
      if (!s.directory.empty()) j["directory"] = s.directory;
      j["content"] = s.content;
      j["amount"] = s.amount.ExactWan();
      PutText(j, "project", s.project_id);
      PutText(j, "function", s.function);
      PutText(j, "economic", s.economic);
      if (!d.units.empty() && s.unit_id != d.units.front().id) j["unit"] = s.unit_id;
      list.push_back(j);
    }
    root["purchase_services"] = list;
  }
  if (d.assets.present) {
    Json j = Json::object();
    PutText(j, "as_of", d.assets.as_of);
    if (!d.assets.vehicles.empty()) j["vehicles"] = CountsJson(d.assets.vehicles);
    PutText(j, "floor_area", d.assets.floor_area);
    root["assets"] = j;
  }
  if (d.contact.present) {
    Json j = Json::object();
    PutText(j, "address", d.contact.address);
    PutText(j, "person", d.contact.person);
    PutText(j, "phone", d.contact.phone);
    root["contact"] = j;
  }
  if (!d.notes.empty()) {
    Json j;
    for (const char* key : {"一", "二", "三", "四", "五", "六", "七", "八", "九"}) {
      auto it = d.notes.find(key);
      if (it != d.notes.end()) j[key] = it->second;
    }
    root["notes"] = j;
  }
  if (d.final_accounts.present) root["final_accounts"] = FinalAccountsJson(d.final_accounts);
  if (d.performance.present) root["performance"] = PerformanceJson(d.performance);
  if (d.declared.present) root["declared"] = DeclaredJson(d.declared, d.published);
  return root;
}

// --- A small YAML emitter for the tree above (block maps, flow maps for simple list items,
// literal blocks for multi-line text). yaml-cpp's emitter cannot mix styles this way.

bool LooksNumeric(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!(isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-')) return false;
  }
  return true;
}

bool NeedsQuotes(const std::string& s, bool in_flow = false) {
  if (in_flow && s.find_first_of(",[]{}") != std::string::npos) return true;
  static const std::set<std::string> kReserved = {"true", "false", "yes",  "no",    "null", "~",
                                                  "on",   "off",   "True", "False", "Null"};
  if (s.empty() || kReserved.count(s) || LooksNumeric(s)) return true;
  if (s.front() == ' ' || s.back() == ' ') return true;
  if (std::string("-?:,[]{}#&*!|>'\"%@`").find(s.front()) != std::string::npos) return true;
  if (s.find(": ") != std::string::npos || s.find(" #") != std::string::npos) return true;
  if (s.back() == ':') return true;
  for (char c : s) {
    if (c == '\t' || c == '\\' || c == '\r') return true;
  }
  return false;
}

std::string Quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\t') {
      out += "\\t";
      continue;
    }
    if (c == '\r') {
      out += "\\r";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string Scalar(const std::string& key, const Json& v, bool in_flow = false) {
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_number()) return v.dump();
  std::string s = v.get<std::string>();
  if (NumericKeys().count(key) && LooksNumeric(s)) return s;
  return NeedsQuotes(s, in_flow) ? Quote(s) : s;
}

bool IsSimple(const Json& v) {
  if (v.is_object()) {
    for (const auto& [k, x] : v.items()) {
      if (x.is_structured() ||
          (x.is_string() && x.get<std::string>().find('\n') != std::string::npos)) {
        return false;
      }
    }
    return true;
  }
  if (v.is_array()) {
    for (const auto& x : v) {
      if (x.is_structured() ||
          (x.is_string() && x.get<std::string>().find('\n') != std::string::npos)) {
        return false;
      }
    }
    return true;
  }
  return true;
}

std::string Flow(const std::string& key, const Json& v) {
  std::string out;
  if (v.is_object()) {
    out = "{";
    bool first = true;
    for (const auto& [k, x] : v.items()) {
      out +=
          (first ? "" : ", ") + (NeedsQuotes(k, true) ? Quote(k) : k) + ": " + Scalar(k, x, true);
      first = false;
    }
    return out + "}";
  }
  out = "[";
  bool first = true;
  for (const auto& x : v) {
    out += (first ? "" : ", ") + Scalar(key, x, true);
    first = false;
  }
  return out + "]";
}

void Emit(const Json& v, int indent, std::string* out);

void EmitValue(const std::string& key, const Json& v, int indent, std::string* out) {
  std::string pad(indent, ' ');
  if (v.is_string() && v.get<std::string>().find('\n') != std::string::npos) {
    *out += " |\n";
    std::string s = v.get<std::string>();
    size_t start = 0;
    while (start <= s.size()) {
      size_t end = s.find('\n', start);
      std::string line =
          s.substr(start, end == std::string::npos ? std::string::npos : end - start);
      *out += line.empty() ? "\n" : pad + "  " + line + "\n";
      if (end == std::string::npos) break;
      start = end + 1;
    }
  } else if (v.is_object() && !v.empty()) {
    if (IsSimple(v) && v.size() <= 3) {
      *out += " " + Flow(key, v) + "\n";
    } else {
      *out += "\n";
      Emit(v, indent + 2, out);
    }
  } else if (v.is_array()) {
    if (v.empty()) {
      *out += " []\n";
    } else if (IsSimple(v)) {
      *out += " " + Flow(key, v) + "\n";
    } else {
      *out += "\n";
      for (const auto& item : v) {
        if (IsSimple(item) && item.is_object()) {
          *out += pad + "  - " + Flow(key, item) + "\n";
        } else {
          *out += pad + "  -";
          std::string nested;
          Emit(item, indent + 4, &nested);
          // The first key of the item goes on the dash line.
          *out += " " + nested.substr(indent + 4);
        }
      }
    }
  } else if (v.is_object()) {
    *out += " {}\n";
  } else {
    *out += " " + Scalar(key, v) + "\n";
  }
}

void Emit(const Json& v, int indent, std::string* out) {
  std::string pad(indent, ' ');
  for (const auto& [k, x] : v.items()) {
    *out += pad + (NeedsQuotes(k) ? Quote(k) : k) + ":";
    EmitValue(k, x, indent, out);
  }
}

}  // namespace

std::string WriteSourceJson(const Department& d) { return ToJson(d).dump(2) + "\n"; }

std::string WriteSourceYaml(const Department& d) {
  // The first line says what the file is: a budget, final accounts, or a published document
  // read back (whose kind may be unknown).
  const char* what = d.published.present                      ? "公开文件读出的数字"
                     : d.kind == DocumentKind::kFinalAccounts ? "部门决算源文件"
                                                              : "部门预算源文件";
  std::string out = std::string("# gongkai ") + what + " — 格式见 docs/source-format.md\n";
  Emit(ToJson(d), 0, &out);
  return out;
}

}  // namespace gongkai
