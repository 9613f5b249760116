#include "review/declare.h"

#include <map>
#include <set>

#include "disclosure/figures.h"
#include "disclosure/final_figures.h"
#include "disclosure/table_ids.h"
#include "review/document_lookup.h"

namespace gongkai {
namespace {

// Which text cell labels a row, per table.
size_t LabelColumn(const std::string& table) {
  if (table == table_id::kProjectExpenditure) return 1;
  if (table == table_id::kProcurement) return 2;
  if (table == table_id::kPurchaseServices) return 5;
  return 0;
}

bool FinalTwoSided(const std::string& table) {
  return table == table_id::kFinalSummary || table == table_id::kFinalFiscalSummary;
}

bool TwoSided(const std::string& table) {
  return table == table_id::kIncomeExpenditureSummary || table == table_id::kFiscalSummary ||
         FinalTwoSided(table);
}

// A 行次 cell of a two-sided table (西安's 公开01表: 项目, 行次, 决算数 on each side): digits
// only, between a label and its amount; neither a label nor an amount.
bool IsLineNumber(const Cell& c) {
  return !c.money && !c.text.empty() && c.text.find_first_not_of("0123456789") == std::string::npos;
}

void DeclareCells(const Table& t, Declared* out) {
  std::vector<std::string> paths = ColumnPaths(t);
  std::set<std::string> seen_labels;
  std::map<std::string, std::string> first_path;  // two-sided: label → its amount's column
  for (const auto& row : t.rows) {
    std::vector<const Cell*> cols;
    for (const auto& c : row.cells) {
      for (int i = 0; i < c.colspan; ++i) cols.push_back(&c);
    }
    if (TwoSided(t.id)) {
      for (size_t i = 0; i + 1 < cols.size(); ++i) {
        if (cols[i]->money || cols[i]->text.empty() || IsLineNumber(*cols[i])) continue;
        size_t at = i + 1;  // the amount, after the 行次 where the table has one
        while (at + 1 < cols.size() && IsLineNumber(*cols[at])) ++at;
        if (!cols[at]->money) continue;
        const std::string path = at < paths.size() ? paths[at] : "";
        // A repeated label (（一）一般公共预算拨款 under 本年收入 and 上年结转) is recorded once:
        // look-ups find the first occurrence. The 决算 prints 总计 on both sides: the second
        // is recorded with its column ("支出/决算数"), which finds it.
        if (!seen_labels.insert(cols[i]->text).second) {
          if (FinalTwoSided(t.id) && path != first_path[cols[i]->text]) {
            out->cells.push_back({t.id, cols[i]->text, "", path, PrintedWan(*cols[at]->money)});
          }
          continue;
        }
        first_path[cols[i]->text] = path;
        out->cells.push_back({t.id, cols[i]->text, "", "", PrintedWan(*cols[at]->money)});
      }
      continue;
    }
    std::string label, name;
    if (!cols.empty() && !cols[0]->money && !cols[0]->text.empty() && LabelColumn(t.id) == 0 &&
        cols.size() > 1 && !cols[1]->money) {
      label = cols[0]->text;  // a code, or 合计 spanning two columns
      if (cols[1] != cols[0]) name = cols[1]->text;
    } else if (cols.size() > 1 && cols[0]->text.empty() && !cols[1]->money) {
      label = cols[1]->text;  // 合计 row of tree tables
    } else {
      size_t at = LabelColumn(t.id);
      if (at < cols.size() && !cols[at]->money) label = cols[at]->text;
      if (!cols.empty() && cols[0]->colspan > 1 && !cols[0]->money) label = cols[0]->text;
    }
    if (label.empty() || !seen_labels.insert(label).second) continue;
    for (size_t k = 0; k < cols.size() && k < paths.size(); ++k) {
      if (!cols[k]->money || (k > 0 && cols[k] == cols[k - 1])) continue;
      out->cells.push_back({t.id, label, name, paths[k], PrintedWan(*cols[k]->money)});
    }
  }
}

// "四（一）"-style section labels in document order.
std::vector<std::string> Sections(const Document& doc) {
  std::vector<std::string> out;
  for (const auto& s : doc.sections) {
    out.push_back(s.number);
    for (const auto& p : s.paragraphs) {
      if (p.kind == Paragraph::kHeading && p.text.rfind("（", 0) == 0) {
        out.push_back(s.number + p.text.substr(0, p.text.find("）") + 3));
      }
    }
  }
  return out;
}

DeclaredFigure Figure(const std::string& key, const std::string& at, Money amount) {
  DeclaredFigure f;
  f.key = key;
  f.at = at;
  f.amount = PrintedWan(amount);
  return f;
}

// Adds last year, the change, its direction and percentage as the text prints them.
void WithChange(DeclaredFigure* f, const Comparison* c, int prior_year) {
  if (!c) return;
  int64_t now = f->amount->RoundedWan(2), before = c->amount.RoundedWan(2);
  f->year = prior_year;
  f->prior = PrintedWan(c->amount);
  if (now == before) {
    f->direction = "持平";
  } else {
    f->direction = now > before ? "增加" : "减少";
    f->change =
        Money::FromFen((now > before ? now - before : before - now) * (Money::kFenPerWan / 100));
    if (before != 0) f->percent = *ChangePercent(*f->amount, *f->prior);
  }
  f->reason = !c->reason.empty();
}

const Comparison* PriorOf(const std::map<std::string, Comparison>& m, const std::string& key) {
  auto it = m.find(key);
  return it == m.end() ? nullptr : &it->second;
}

// A 决算 figure with the budget it is compared with and its 完成%, as final_explanation.cc
// states them.
DeclaredFigure Compared(const std::string& key, const std::string& at, Money actual,
                        std::optional<Money> budget, std::optional<Money> adjusted = {}) {
  DeclaredFigure f = Figure(key, at, actual);
  if (budget) {
    f.budget = PrintedWan(*budget);
    if (!budget->is_zero()) f.completion = SharePercent(*f.amount, *f.budget);
  }
  if (adjusted) {
    f.adjusted = PrintedWan(*adjusted);
    if (!adjusted->is_zero()) f.adjusted_completion = SharePercent(*f.amount, *f.adjusted);
  }
  return f;
}

// Where the 决算's 情况说明 states the figures of section `id` (as layout.csv's `sections` names
// it): its number in the document, with `sub` ("（一）") for a heading within it. 机关运行经费
// and 政府采购 are sections of their own in the 中央 layout and the first two headings of 其他
// 重要事项 in the national one.
std::string SectionAt(const Document& doc, std::string_view id, const char* sub = "") {
  for (const Section& s : doc.sections) {
    if (s.id != id) continue;
    // A section that opens with a heading states what follows under it (西安's “三公” under
    // （一）, before its （二）培训费 and （三）会议费).
    if (*sub == '\0' && !s.paragraphs.empty() && s.paragraphs[0].kind == Paragraph::kHeading &&
        s.paragraphs[0].text.rfind("（", 0) == 0) {
      const std::string& h = s.paragraphs[0].text;
      return s.number + h.substr(0, h.find("）") + std::string("）").size());
    }
    return s.number + sub;
  }
  if (id == "operating") return SectionAt(doc, "other", "（一）");
  if (id == "procurement") return SectionAt(doc, "other", "（二）");
  return "";
}

// The figures of a 决算's 情况说明, section by section, located as the document numbers them.
void DeclareFinalText(const Department& d, const Document& doc, Declared* out) {
  auto at = [&](std::string_view id, const char* sub = "") { return SectionAt(doc, id, sub); };
  const Figures f = ComputeFigures(d);
  const FinalFigures x = ComputeFinalFigures(d, f);
  const FinalAccounts& fa = d.final_accounts;
  DeclaredFigure total = Figure("total", at("overview"), x.income_side);
  WithChange(&total, PriorOf(d.comparisons, "total"), d.prior_year);
  out->text.push_back(total);
  out->text.push_back(Figure("income.total", at("overview"), x.income));
  out->text.push_back(Figure("spending.total", at("overview"), x.spending));
  out->text.push_back(Figure("closing.total", at("overview"), x.closing));
  for (const auto& src : d.catalog->revenue_sources()) {
    auto it = x.income_by_fund.find(src.id);
    if (it == x.income_by_fund.end() || it->second.is_zero()) continue;
    DeclaredFigure r = Figure("income." + src.id, at("income"), it->second);
    r.share = SharePercent(PrintedWan(it->second), PrintedWan(x.income));
    out->text.push_back(r);
  }
  for (const auto& k : SpendingKinds()) {
    Money amount = f.Spending(k.kind);
    if (k.kind != SpendingKind::kBasic && k.kind != SpendingKind::kProject && amount.is_zero())
      continue;
    DeclaredFigure part = Figure(std::string("spending.") + k.key, at("spending"), amount);
    part.share = SharePercent(PrintedWan(amount), PrintedWan(x.spending));
    out->text.push_back(part);
  }
  out->text.push_back(Figure("fiscal.total", at("fiscal"), x.fiscal_spending + x.fiscal_closing));
  out->text.push_back(Figure("fiscal.spending", at("fiscal"), x.fiscal_spending));
  out->text.push_back(Figure("fiscal.closing", at("fiscal"), x.fiscal_closing));
  DeclaredFigure general =
      Compared("general.total", at("general", "（一）"), x.general,
               x.budget_known ? std::optional(x.general_budget) : std::nullopt,
               x.adjusted_known ? std::optional(x.general_adjusted) : std::nullopt);
  WithChange(&general, PriorOf(d.comparisons, "general"), d.prior_year);
  out->text.push_back(general);
  std::map<std::string, Money> by_class;
  for (const auto& l : d.lines) {
    if (l.fund == "general") by_class[l.function.substr(0, 3)] += l.amount;
  }
  for (const auto& [code, amount] : by_class) {
    DeclaredFigure c = Figure("class." + code, at("general", "（二）"), amount);
    c.share = SharePercent(PrintedWan(amount), PrintedWan(x.general));
    if (const FunctionSubject* s = d.catalog->FindFunction(code)) c.name = s->name;
    out->text.push_back(c);
  }
  int number = 0;
  for (const auto& [code, actual] : GeneralItems(d, x.adjusted_known)) {
    auto b = fa.budget_by_item.find(code);
    DeclaredFigure item =
        Compared("item." + code, at("general", "（三）"), actual,
                 x.budget_known ? std::optional(b == fa.budget_by_item.end() ? Money() : b->second)
                                : std::nullopt,
                 x.adjusted_known ? std::optional(AdjustedBudget(fa, code)) : std::nullopt);
    item.number = ++number;
    if (const FunctionSubject* s = d.catalog->FindFunction(code)) item.name = s->name;
    out->text.push_back(item);
  }
  for (const auto& [key, amount, prior] :
       {std::tuple{"general.basic", x.general_basic, "basic"},
        std::tuple{"general.personnel", x.general_personnel, "personnel"},
        std::tuple{"general.public", x.general_public, "public"}}) {
    DeclaredFigure g = Figure(key, at("general_basic"), amount);
    WithChange(&g, PriorOf(d.comparisons, prior), d.prior_year);
    out->text.push_back(g);
  }
  auto tp = [&](const char* key) { return x.three_public.at(key); };
  const BudgetAndActual purchase = tp("vehicle_purchase"), operation = tp("vehicle_operation");
  out->text.push_back(Compared("three_public.total", at("three_public"),
                               x.three_public_total.actual, x.three_public_total.budget));
  out->text.push_back(Compared("three_public.outbound", at("three_public"), tp("outbound").actual,
                               tp("outbound").budget));
  out->text.push_back(Compared("three_public.vehicle", at("three_public"),
                               purchase.actual + operation.actual,
                               purchase.budget + operation.budget));
  out->text.push_back(Figure("three_public.vehicle_purchase", at("three_public"), purchase.actual));
  out->text.push_back(
      Figure("three_public.vehicle_operation", at("three_public"), operation.actual));
  out->text.push_back(Compared("three_public.reception", at("three_public"), tp("reception").actual,
                               tp("reception").budget));
  for (const auto& [key, fund, section] :
       {std::tuple{"fund.total", "fund", "gov_fund"}, std::tuple{"soe.total", "soe", "soe"}}) {
    auto it = x.fiscal_spending_by_fund.find(fund);
    if (it != x.fiscal_spending_by_fund.end() && !it->second.is_zero()) {
      out->text.push_back(Figure(key, at(section), it->second));
    }
  }
  DeclaredFigure op = Compared("operating_expenses.total", at("operating"), f.operating_expenses,
                               x.operating_budget);
  WithChange(&op, PriorOf(d.comparisons, "operating_expenses"), d.prior_year);
  out->text.push_back(op);
  if (!f.procurement_total.is_zero()) {
    out->text.push_back(Figure("procurement.total", at("procurement"), f.procurement_total));
    for (const char* type : {"goods", "works", "service"}) {
      auto it = f.procurement_by_type.find(type);
      out->text.push_back(Figure(std::string("procurement.") + type, at("procurement"),
                                 it == f.procurement_by_type.end() ? Money() : it->second));
    }
    // 授予中小企业合同金额 and its share of the total; 其中 小微企业 and its share of that.
    if (f.procurement_sme) {
      DeclaredFigure sme = Figure("procurement.sme", at("procurement"), *f.procurement_sme);
      sme.share = SharePercent(PrintedWan(*f.procurement_sme), PrintedWan(f.procurement_total));
      out->text.push_back(sme);
      if (f.procurement_small_micro) {
        DeclaredFigure part =
            Figure("procurement.small_micro", at("procurement"), *f.procurement_small_micro);
        part.share =
            SharePercent(PrintedWan(*f.procurement_small_micro), PrintedWan(*f.procurement_sme));
        out->text.push_back(part);
      }
    }
  }
}

}  // namespace

Declared DeclareFromDisclosure(const Department& d, const Document& doc) {
  Declared out;
  out.present = true;
  out.has_tables = true;
  for (const auto& t : doc.tables) {
    if (t.form) continue;  // performance forms carry their own figures (performance:)
    out.tables.push_back(t.id);
    DeclareCells(t, &out);
  }
  // A 决算 records its tables and its 情况说明's figures (keys of its own).
  if (d.kind == DocumentKind::kFinalAccounts) {
    DeclareFinalText(d, doc, &out);
    return out;
  }
  out.sections = Sections(doc);
  out.has_glossary = true;
  std::set<std::string> used;
  for (const auto& l : d.lines) used.insert(l.function);
  out.glossary.assign(used.begin(), used.end());

  Figures f = ComputeFigures(d);
  auto prior = [&](const std::string& key) -> const Comparison* {
    auto it = d.comparisons.find(key);
    return it == d.comparisons.end() ? nullptr : &it->second;
  };
  Money revenue = f.current + f.carryover, spending = f.total + f.year_end_balance;
  DeclaredFigure rt = Figure("revenue.total", "三（一）", revenue);
  WithChange(&rt, prior("total"), d.prior_year);
  out.text.push_back(rt);
  for (const auto& src : d.catalog->revenue_sources()) {
    auto it = f.current_by_fund.find(src.id);
    if (it == f.current_by_fund.end() || it->second.is_zero()) continue;
    DeclaredFigure r = Figure("revenue." + src.id, "三（一）", it->second);
    r.share = SharePercent(PrintedWan(it->second), PrintedWan(revenue));
    out.text.push_back(r);
  }
  if (!f.carryover.is_zero()) {
    DeclaredFigure r = Figure("revenue.carryover", "三（一）", f.carryover);
    r.share = SharePercent(PrintedWan(f.carryover), PrintedWan(revenue));
    out.text.push_back(r);
  }
  out.text.push_back(Figure("expenditure.total", "三（二）", spending));
  for (const auto& k : SpendingKinds()) {  // as 三（二） prints them
    Money amount = f.Spending(k.kind);
    bool always = k.kind == SpendingKind::kBasic || k.kind == SpendingKind::kProject;
    if (!always && amount.is_zero()) continue;
    DeclaredFigure part = Figure(std::string("expenditure.") + k.key, "三（二）", amount);
    part.share = SharePercent(PrintedWan(amount), PrintedWan(spending));
    out.text.push_back(part);
  }
  std::map<std::string, Money> by_class;
  for (const auto& l : d.lines) by_class[l.function.substr(0, 3)] += l.amount;
  for (const auto& [code, amount] : by_class) {
    DeclaredFigure c = Figure("class." + code, "三（二）", amount);
    if (const FunctionSubject* s = d.catalog->FindFunction(code)) c.name = s->name;
    out.text.push_back(c);
  }
  std::map<std::string, Money> by_econ;
  for (const auto& l : d.lines) {
    if (KindOf(l) == SpendingKind::kBasic) {
      by_econ[l.economic.substr(0, 3)] += l.amount;  // as 三（二） prints it
    }
  }
  for (const auto& [code, amount] : by_econ) {
    DeclaredFigure e = Figure("economic." + code, "三（二）", amount);
    if (const EconomicSubject* s = d.catalog->FindEconomic(code)) e.name = s->name;
    out.text.push_back(e);
  }
  struct Item {
    const char* key;
    const char* at;
    Money amount;
    const char* prior_key;
  };
  for (const Item& item : {Item{"general.total", "四", f.general, "general"},
                           Item{"general.personnel", "四（一）", f.general_personnel, "personnel"},
                           Item{"general.public", "四（二）", f.general_public, "public"},
                           Item{"general.project", "四（三）", f.general_project, "project"}}) {
    DeclaredFigure g = Figure(item.key, item.at, item.amount);
    WithChange(&g, prior(item.prior_key), d.prior_year);
    out.text.push_back(g);
  }
  int number = 0;
  for (const auto& p : d.projects) {
    Money amount = SumLines(
        d, [&](const ExpenditureLine& l) { return l.project_id == p.id && IsGeneralCurrent(l); });
    if (amount.is_zero()) continue;
    DeclaredFigure pf = Figure("project." + p.id, "四（三）", amount);
    pf.number = ++number;
    pf.name = p.name;
    out.text.push_back(pf);
  }
  const auto& py = d.three_public.prior_year;
  auto tp = [&](const char* key) {
    auto it = f.three_public.find(key);
    return it == f.three_public.end() ? Money() : it->second;
  };
  auto tp_prior = [&](const char* key) -> const Comparison* {
    auto it = py.find(key);
    return it == py.end() ? nullptr : &it->second;
  };
  DeclaredFigure total = Figure("three_public.total", "五（二）", f.three_public_total);
  out.text.push_back(total);
  for (const char* key : {"outbound", "vehicle_purchase", "vehicle_operation", "reception"}) {
    DeclaredFigure t = Figure(std::string("three_public.") + key, "五（二）", tp(key));
    WithChange(&t, tp_prior(key), d.prior_year);
    out.text.push_back(t);
  }
  out.text.push_back(
      Figure("three_public.vehicle", "五（二）", tp("vehicle_purchase") + tp("vehicle_operation")));
  if (!f.gov_fund.is_zero()) out.text.push_back(Figure("fund.total", "六", f.gov_fund));
  DeclaredFigure op = Figure("operating_expenses.total", "八（一）", f.operating_expenses);
  WithChange(&op, prior("operating_expenses"), d.prior_year);
  out.text.push_back(op);
  for (const auto& [code, amount] : f.operating_items) {
    DeclaredFigure item = Figure("operating_expenses." + code, "八（一）", amount);
    if (const EconomicSubject* s = d.catalog->FindEconomic(code)) item.name = s->name;
    out.text.push_back(item);
  }
  if (!d.procurement.empty()) {
    out.text.push_back(Figure("procurement.total", "八（二）", f.procurement_total));
    for (const char* type : {"goods", "works", "service"}) {
      auto it = f.procurement_by_type.find(type);
      out.text.push_back(Figure(std::string("procurement.") + type, "八（二）",
                                it == f.procurement_by_type.end() ? Money() : it->second));
    }
  }
  if (!d.purchase_services.empty()) {
    out.text.push_back(Figure("purchase_services.total", "八（三）", f.purchase_services_total));
  }
  if (f.goal_projects > 0)
    out.text.push_back(Figure("performance.amount", "八（五）", f.goal_projects_amount));
  return out;
}

}  // namespace gongkai
