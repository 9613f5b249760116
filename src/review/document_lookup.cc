#include "review/document_lookup.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <string_view>

#include "disclosure/final_figures.h"
#include "disclosure/table_ids.h"

namespace gongkai {

std::vector<std::string> ColumnPaths(const Table& t) {
  size_t width = t.numeric_columns.size();
  // Lay the header out on a grid, honouring row and column spans.
  std::vector<std::vector<std::string>> grid(t.header.size(), std::vector<std::string>(width));
  std::vector<std::vector<bool>> taken(t.header.size(), std::vector<bool>(width, false));
  for (size_t r = 0; r < t.header.size(); ++r) {
    size_t c = 0;
    for (const auto& cell : t.header[r]) {
      while (c < width && taken[r][c]) ++c;
      for (int dr = 0; dr < cell.rowspan && r + dr < t.header.size(); ++dr) {
        for (int dc = 0; dc < cell.colspan && c + dc < width; ++dc) {
          grid[r + dr][c + dc] = cell.text;
          taken[r + dr][c + dc] = true;
        }
      }
      c += cell.colspan;
    }
  }
  // A row of column numbers (栏次 1 2 3 …, as 西安 prints one) names no column.
  auto numbering = [&](size_t r) {
    for (const auto& text : grid[r]) {
      if (!text.empty() && text != "栏次" &&
          text.find_first_not_of("0123456789") != std::string::npos) {
        return false;
      }
    }
    return true;
  };
  std::vector<std::string> paths(width);
  for (size_t c = 0; c < width; ++c) {
    std::string path;
    for (size_t r = 0; r < grid.size(); ++r) {
      if (numbering(r)) continue;
      if (grid[r][c].empty() || (r > 0 && grid[r][c] == grid[r - 1][c])) continue;
      path += (path.empty() ? "" : "/") + grid[r][c];
    }
    paths[c] = path;
  }
  return paths;
}

namespace {

bool IsCode(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// The code points of a UTF-8 string.
std::vector<std::string> CodePoints(const std::string& s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

// A few rows of the table for a message: those sharing the most characters with the wanted
// label (spaces ignored), else the first rows; in table order.
std::string SomeRows(const std::vector<std::string>& rows, const std::string& wanted) {
  constexpr size_t kShown = 5;
  std::vector<std::string> want;
  for (auto& cp : CodePoints(wanted)) {
    if (cp != " " && cp != "　") want.push_back(cp);
  }
  std::vector<std::pair<int, size_t>> scored;  // (-common, index)
  for (size_t i = 0; i < rows.size(); ++i) {
    int common = 0;
    for (const auto& cp : CodePoints(rows[i])) {
      if (cp != " " && std::find(want.begin(), want.end(), cp) != want.end()) ++common;
    }
    scored.push_back({-common, i});
  }
  std::stable_sort(scored.begin(), scored.end());
  std::vector<size_t> chosen;
  bool similar = !scored.empty() && scored[0].first < 0;
  for (size_t k = 0; k < scored.size() && chosen.size() < kShown; ++k) {
    if (similar && scored[k].first == 0) break;
    chosen.push_back(similar ? scored[k].second : k);
  }
  std::sort(chosen.begin(), chosen.end());
  std::string out;
  for (size_t i : chosen) out += (out.empty() ? "「" : "、「") + rows[i] + "」";
  if (rows.size() > chosen.size()) out += fmt::format("等{}行", rows.size());
  return out.empty() ? "（无）" : out;
}

// A row label as compared: the abbreviations 廿 and 卅 of published tables read as 二十, 三十,
// so that "廿一、灾害防治及应急管理支出" finds the row printed "二十一、…".
std::string LabelKey(std::string s) {
  if (s.find("廿") == std::string::npos && s.find("卅") == std::string::npos) return s;
  for (const auto& [from, to] :
       {std::pair<std::string, std::string>{"廿", "二十"}, {"卅", "三十"}}) {
    for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
      s.replace(p, from.size(), to);
  }
  return s;
}

// A header as compared: without the spaces that spread short headers out ("支　出", "项　目"), so
// that "支出/决算数" names the column printed "支　出 / 决算数".
std::string HeaderKey(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (s[i] == ' ') {
      ++i;
    } else if (s.compare(i, 3, "　") == 0) {
      i += 3;
    } else {
      out += s[i++];
    }
  }
  return out;
}

// `path` and `wanted` as HeaderKey gives them: the path's keys are made once per table, the
// wanted column's once per look-up (this runs for every declared cell and column).
bool ColumnMatches(std::string_view path, std::string_view wanted) {
  if (path == wanted) return true;
  // The lower levels of a deep header ("公务接待费/预算数" under 财政拨款“三公”经费).
  if (path.size() > wanted.size() + 1 && path[path.size() - wanted.size() - 1] == '/' &&
      path.substr(path.size() - wanted.size()) == wanted) {
    return true;
  }
  // The leaf alone ("人员经费") or a single-level parent.
  size_t slash = path.rfind('/');
  return slash != std::string_view::npos && path.substr(slash + 1) == wanted;
}

std::vector<std::string> HeaderKeys(std::vector<std::string> paths) {
  for (auto& p : paths) p = HeaderKey(p);
  return paths;
}

}  // namespace

TableLookup::TableLookup(const Table& t) : number_(t.number), paths_(HeaderKeys(ColumnPaths(t))) {
  for (const auto& r : t.rows) {
    std::vector<const Cell*> cols;  // cells by grid column
    for (const auto& c : r.cells) {
      for (int i = 0; i < c.colspan; ++i) cols.push_back(&c);
    }
    // The row as a reader names it: its first text, with the name after a code.
    std::string label;
    for (const auto& c : r.cells) {
      if (c.money || c.text.empty()) continue;
      if (!label.empty()) {
        if (IsCode(label)) label += " " + c.text;
        break;
      }
      label = c.text;
    }
    if (!label.empty() && r.kind != RowKind::kHeading) rows_.push_back(label);
    for (size_t i = 0; i < cols.size(); ++i) {
      if (!cols[i]->money && (i == 0 || cols[i] != cols[i - 1])) {
        labels_[LabelKey(cols[i]->text)].push_back({grid_.size(), i});  // text: not money
      }
    }
    grid_.push_back(std::move(cols));
  }
}

std::optional<Money> TableLookup::Find(const std::string& row, const std::string& column,
                                       std::string* why) const {
  const std::string wanted = HeaderKey(column);
  auto it = labels_.find(LabelKey(row));
  if (it != labels_.end()) {
    for (const auto& [r, i] : it->second) {
      const auto& cols = grid_[r];
      if (column.empty()) {
        // Two-sided tables: the amount after the label (and after its 行次, digits only,
        // where the table numbers its lines: 西安's 公开01表).
        for (size_t k = i + 1; k < cols.size(); ++k) {
          if (cols[k]->money) return cols[k]->money;
          const bool line_number =
              cols[k]->text.find_first_not_of("0123456789") == std::string::npos &&
              !cols[k]->text.empty();
          if (cols[k] != cols[i] && !line_number) break;
        }
        continue;
      }
      for (size_t k = 0; k < cols.size() && k < paths_.size(); ++k) {
        if (cols[k]->money && ColumnMatches(paths_[k], wanted)) return cols[k]->money;
      }
      *why = fmt::format("表中没有列「{}」", column);
      return std::nullopt;
    }
  }
  // A 科目 row the detail does not produce is zero in the detail, if the column exists.
  if (!column.empty() && IsCode(row)) {
    for (const auto& p : paths_) {
      if (ColumnMatches(p, wanted)) return Money();
    }
    *why = fmt::format("表中没有列「{}」", column);
    return std::nullopt;
  }
  *why = fmt::format("{}没有「{}」这一行；该表的行有：{}", number_.empty() ? "表中" : number_ + " ",
                     row, SomeRows(rows_, row));
  return std::nullopt;
}

namespace {

Money Get(const std::map<std::string, Money>& m, const std::string& key) {
  auto it = m.find(key);
  return it == m.end() ? Money() : it->second;
}

std::optional<Comparison> Prior(const std::map<std::string, Comparison>& m,
                                const std::string& key) {
  auto it = m.find(key);
  if (it == m.end()) return std::nullopt;
  return it->second;
}

// general.total|personnel|public|basic|project: the figure of `tail` in `fig` (a budget's Figures
// or a 决算's FinalFigures, which name their 一般公共预算 figures alike) and last year's under its
// prior_year key; false (*why set) for another tail.
template <typename GeneralFigures>
bool GeneralTruth(const Department& d, const std::string& tail, const GeneralFigures& fig,
                  TextTruth* t, std::string* why) {
  const std::array<Money, 5> of = {fig.general, fig.general_personnel, fig.general_public,
                                   fig.general_basic, fig.general_project};
  static const char* const kTails[][2] = {{"total", "general"},
                                          {"personnel", "personnel"},
                                          {"public", "public"},
                                          {"basic", "basic"},
                                          {"project", "project"}};
  for (size_t i = 0; i < 5; ++i) {
    if (tail != kTails[i][0]) continue;
    t->amount = of[i];
    t->prior = Prior(d.comparisons, kTails[i][1]);
    return true;
  }
  *why = fmt::format("未知的一般公共预算项「{}」", tail);
  return false;
}

// spending.total|basic|project|… (决算) or expenditure.… (预算): all spending (`total`, also the
// share base) or one kind of it; false (*why set) for another tail.
bool SpendingTruth(const Figures& f, const std::string& tail, Money total, TextTruth* t,
                   std::string* why) {
  t->share_base = total;
  if (tail == "total") {
    t->amount = total;
  } else if (const SpendingKindInfo* k = FindSpendingKind(tail)) {
    t->amount = f.Spending(k->kind);
  } else {
    *why = fmt::format("未知的支出项「{}」", tail);
    return false;
  }
  return true;
}

// class.<功能 code>: the spending under one 功能 class (of the general fund only, as a 决算's
// 五（二） states it, or of all funds), out of `share_base`, and the class's name; false (*why
// set) when the code is neither in the year's catalog nor spent under.
bool FunctionClassTruth(const Department& d, const std::string& tail, bool general_fund_only,
                        Money share_base, TextTruth* t, std::string* why) {
  const FunctionSubject* s = d.catalog->FindFunction(tail);
  t->name = s ? s->name : "";
  t->amount = SumLines(d, [&](const ExpenditureLine& l) {
    return (!general_fund_only || l.fund == "general") && l.function.rfind(tail, 0) == 0;
  });
  t->share_base = share_base;
  if (!s && t->amount.is_zero()) {
    *why = fmt::format("功能科目「{}」不在{}年科目中", tail, d.year);
    return false;
  }
  return true;
}

// Last year's “三公” for a sum of its items, when every one of them is given.
std::optional<Comparison> PriorSum(const Department& d, std::initializer_list<const char*> keys) {
  Money sum;
  for (const char* k : keys) {
    auto it = d.three_public.prior_year.find(k);
    if (it == d.three_public.prior_year.end()) return std::nullopt;
    sum += it->second.amount;
  }
  return Comparison{sum, "", {}};
}

// The figures of a 决算's 情况说明 (final_explanation.cc), by key.
std::optional<TextTruth> LookupFinalText(const Department& d, const Figures& f,
                                         const std::string& key, const std::string& head,
                                         const std::string& tail, std::string* why) {
  const FinalFigures x = ComputeFinalFigures(d, f);
  const FinalAccounts& fa = d.final_accounts;
  TextTruth t;
  if (key == "total") {  // 收、支总计
    t.amount = x.income_side;
    t.prior = Prior(d.comparisons, "total");
    return t;
  }
  if (key == "closing.total") {
    t.amount = x.closing;
    return t;
  }
  if (head == "income") {
    t.share_base = x.income;
    if (tail == "total") {
      t.amount = x.income;
    } else if (const RevenueSource* s = d.catalog->FindRevenueSource(tail)) {
      t.amount = Get(x.income_by_fund, s->id);
      t.name = s->name;
    } else {
      *why = fmt::format("未知的收入项「{}」", tail);
      return std::nullopt;
    }
    return t;
  }
  if (head == "spending") {
    if (!SpendingTruth(f, tail, x.spending, &t, why)) return std::nullopt;
    return t;
  }
  if (head == "fiscal") {
    if (tail == "total") {
      t.amount = x.fiscal_spending + x.fiscal_closing;
    } else if (tail == "spending") {
      t.amount = x.fiscal_spending;
    } else if (tail == "closing") {
      t.amount = x.fiscal_closing;
    } else {
      *why = fmt::format("未知的财政拨款项「{}」（可用：total、spending、closing）", tail);
      return std::nullopt;
    }
    return t;
  }
  if (head == "general") {
    if (!GeneralTruth(d, tail, x, &t, why)) return std::nullopt;
    if (tail == "total") {
      if (x.budget_known) t.budget = x.general_budget;
      if (x.adjusted_known) t.adjusted = x.general_adjusted;
    }
    return t;
  }
  if (head == "class") {  // 一般公共预算财政拨款支出 by 功能 类, as 五（二） states it
    if (!FunctionClassTruth(d, tail, true, x.general, &t, why)) return std::nullopt;
    return t;
  }
  if (head == "item") {  // one 项 of 一般公共预算财政拨款, as 五（三） states it
    const auto items = GeneralItems(d, true);
    auto it = items.find(tail);
    const FunctionSubject* s = d.catalog->FindFunction(tail);
    if (it == items.end() && !s) {
      *why = fmt::format("功能科目「{}」不在{}年科目中", tail, d.year);
      return std::nullopt;
    }
    t.name = s ? s->name : "";
    t.amount = it == items.end() ? Money() : it->second;
    if (x.budget_known) t.budget = Get(fa.budget_by_item, tail);
    if (x.adjusted_known) t.adjusted = AdjustedBudget(fa, tail);
    return t;
  }
  if (head == table_id::kThreePublic) {
    auto item = [&](const char* k) { return x.three_public.at(k); };
    BudgetAndActual ba;
    if (tail == "total") {
      ba = x.three_public_total;
      t.prior = PriorSum(d, {"outbound", "vehicle_purchase", "vehicle_operation", "reception"});
    } else if (tail == "vehicle") {
      ba = {item("vehicle_purchase").budget + item("vehicle_operation").budget,
            item("vehicle_purchase").actual + item("vehicle_operation").actual};
      t.prior = PriorSum(d, {"vehicle_purchase", "vehicle_operation"});
    } else if (tail == "outbound" || tail == "vehicle_purchase" || tail == "vehicle_operation" ||
               tail == "reception") {
      ba = item(tail.c_str());
      t.prior = Prior(d.three_public.prior_year, tail);
    } else {
      *why = fmt::format("未知的“三公”项「{}」", tail);
      return std::nullopt;
    }
    t.amount = ba.actual;
    t.budget = ba.budget;
    return t;
  }
  if (key == "fund.total" || key == "soe.total") {
    t.amount = Get(x.fiscal_spending_by_fund, head);
    return t;
  }
  if (key == "operating_expenses.total") {
    t.amount = f.operating_expenses;
    t.budget = x.operating_budget;
    t.prior = Prior(d.comparisons, "operating_expenses");
    return t;
  }
  *why = fmt::format("未知的决算文字数字键「{}」", key);
  return std::nullopt;
}

}  // namespace

std::optional<TextTruth> LookupText(const Department& d, const Figures& f, const std::string& key,
                                    std::string* why) {
  TextTruth t;
  Money revenue = f.current + f.carryover;
  Money spending = f.total + f.year_end_balance;
  size_t dot = key.find('.');
  std::string head = key.substr(0, dot);
  std::string tail = dot == std::string::npos ? "" : key.substr(dot + 1);
  if (d.kind == DocumentKind::kFinalAccounts && head != table_id::kProcurement) {
    return LookupFinalText(d, f, key, head, tail, why);
  }
  if (head == "revenue") {
    t.share_base = revenue;
    if (tail == "total") {
      t.amount = revenue;
      t.prior = Prior(d.comparisons, "total");
    } else if (tail == "carryover") {
      t.amount = f.carryover;
    } else if (d.catalog->FindRevenueSource(tail)) {
      t.amount = Get(f.current_by_fund, d.catalog->FindRevenueSource(tail)->id);
      t.name = d.catalog->FindRevenueSource(tail)->name;
    } else {
      *why = fmt::format("未知的收入项「{}」", tail);
      return std::nullopt;
    }
    return t;
  }
  if (head == "expenditure") {
    if (!SpendingTruth(f, tail, spending, &t, why)) return std::nullopt;
    // A budget compares its total and its 基本支出 with last year's (under the same keys).
    if (tail == "total" || tail == "basic") t.prior = Prior(d.comparisons, tail);
    return t;
  }
  if (head == "general") {
    if (!GeneralTruth(d, tail, f, &t, why)) return std::nullopt;
    t.share_base = f.general;
    return t;
  }
  if (head == "class") {
    if (!FunctionClassTruth(d, tail, false, spending, &t, why)) return std::nullopt;
    return t;
  }
  if (head == "economic") {
    const EconomicSubject* s = d.catalog->FindEconomic(tail);
    t.name = s ? s->name : "";
    // 三（二） quotes 基本支出 by economic class over all funds.
    t.amount = SumLines(d, [&](const ExpenditureLine& l) {
      return KindOf(l) == SpendingKind::kBasic && l.economic.rfind(tail, 0) == 0;
    });
    if (!s) {
      *why = fmt::format("经济科目「{}」不在{}年科目中", tail, d.year);
      return std::nullopt;
    }
    return t;
  }
  if (head == "project") {
    const Project* p = d.FindProject(tail);
    if (!p) {
      *why = fmt::format("项目「{}」未在 projects 中定义", tail);
      return std::nullopt;
    }
    t.name = p->name;
    // As 四（三） prints it: the project's 一般公共预算当年拨款.
    t.amount = SumLines(
        d, [&](const ExpenditureLine& l) { return l.project_id == p->id && IsGeneralCurrent(l); });
    return t;
  }
  if (head == table_id::kThreePublic) {
    const auto& py = d.three_public.prior_year;
    // Last year's total and 公务用车 subtotal are the sums of last year's items, when known.
    if (tail == "total") {
      t.amount = f.three_public_total;
      t.prior = PriorSum(d, {"outbound", "vehicle_purchase", "vehicle_operation", "reception"});
    } else if (tail == "vehicle") {
      t.amount = Get(f.three_public, "vehicle_purchase") + Get(f.three_public, "vehicle_operation");
      t.prior = PriorSum(d, {"vehicle_purchase", "vehicle_operation"});
    } else if (tail == "outbound" || tail == "vehicle_purchase" || tail == "vehicle_operation" ||
               tail == "reception") {
      t.amount = Get(f.three_public, tail);
      t.prior = Prior(py, tail);
    } else {
      *why = fmt::format("未知的“三公”项「{}」", tail);
      return std::nullopt;
    }
    return t;
  }
  if (head == "operating_expenses") {
    if (tail == "total") {
      t.amount = f.operating_expenses;
      t.prior = Prior(d.comparisons, "operating_expenses");
      return t;
    }
    // One item may name several codes printed together: "30205+30206" (水电费).
    size_t start = 0;
    while (true) {
      size_t plus = tail.find('+', start);
      std::string code =
          tail.substr(start, plus == std::string::npos ? std::string::npos : plus - start);
      const EconomicSubject* s = d.catalog->FindEconomic(code);
      if (!s) {
        *why = fmt::format("经济科目「{}」不在{}年科目中", code, d.year);
        return std::nullopt;
      }
      t.name += (t.name.empty() ? "" : "+") + s->name;
      for (const auto& [item, amount] : f.operating_items) {
        if (item.rfind(code, 0) == 0) t.amount += amount;
      }
      if (plus == std::string::npos) break;
      start = plus + 1;
    }
    return t;
  }
  if (head == table_id::kProcurement) {
    if (tail == "total") {
      t.amount = f.procurement_total;
    } else if (tail == "goods" || tail == "works" || tail == "service") {
      t.amount = Get(f.procurement_by_type, tail);
    } else if (tail == "sme" || tail == "small_micro") {
      // 授予（预留）中小企业 and, 其中, 小微企业: from the items' shares, their share of the
      // 政府采购 total and of the 中小企业 amount.
      const std::optional<Money>& amount =
          tail == "sme" ? f.procurement_sme : f.procurement_small_micro;
      if (!amount) {
        *why = tail == "sme" ? "政府采购明细没有填写中小企业份额（sme）"
                             : "政府采购明细没有填写小微企业份额（small_micro）";
        return std::nullopt;
      }
      t.amount = *amount;
      t.share_base = tail == "sme" ? f.procurement_total : *f.procurement_sme;
    } else {
      *why = fmt::format("未知的政府采购项「{}」", tail);
      return std::nullopt;
    }
    return t;
  }
  if (key == "purchase_services.total") {
    t.amount = f.purchase_services_total;
    return t;
  }
  if (key == "fund.total") {
    t.amount = f.gov_fund;
    t.prior = Prior(d.comparisons, "fund");
    return t;
  }
  if (key == "soe.total") {
    t.amount = f.soe;
    return t;
  }
  if (key == "performance.amount") {
    t.amount = f.goal_projects_amount;
    return t;
  }
  *why = fmt::format("未知的文字数字键「{}」", key);
  return std::nullopt;
}

}  // namespace gongkai
