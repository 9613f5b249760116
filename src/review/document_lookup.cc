#include "review/document_lookup.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string_view>

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
  std::vector<std::string> paths(width);
  for (size_t c = 0; c < width; ++c) {
    std::string path;
    for (size_t r = 0; r < grid.size(); ++r) {
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

bool ColumnMatches(const std::string& raw_path, const std::string& raw_wanted) {
  if (raw_path == raw_wanted) return true;
  const std::string path = HeaderKey(raw_path), wanted = HeaderKey(raw_wanted);
  if (path == wanted) return true;
  // The lower levels of a deep header ("公务接待费/预算数" under 财政拨款“三公”经费).
  if (path.size() > wanted.size() + 1 &&
      path.compare(path.size() - wanted.size() - 1, std::string::npos, "/" + wanted) == 0) {
    return true;
  }
  // The leaf alone ("人员经费") or a single-level parent.
  size_t slash = path.rfind('/');
  return slash != std::string_view::npos && path.substr(slash + 1) == wanted;
}

}  // namespace

TableLookup::TableLookup(const Table& t) : number_(t.number), paths_(ColumnPaths(t)) {
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
  auto it = labels_.find(LabelKey(row));
  if (it != labels_.end()) {
    for (const auto& [r, i] : it->second) {
      const auto& cols = grid_[r];
      if (column.empty()) {
        // Two-sided tables: the amount after the label.
        for (size_t k = i + 1; k < cols.size(); ++k) {
          if (cols[k]->money) return cols[k]->money;
          if (cols[k] != cols[i]) break;
        }
        continue;
      }
      for (size_t k = 0; k < cols.size() && k < paths_.size(); ++k) {
        if (cols[k]->money && ColumnMatches(paths_[k], column)) return cols[k]->money;
      }
      *why = fmt::format("表中没有列「{}」", column);
      return std::nullopt;
    }
  }
  // A 科目 row the detail does not produce is zero in the detail, if the column exists.
  if (!column.empty() && IsCode(row)) {
    for (const auto& p : paths_) {
      if (ColumnMatches(p, column)) return Money();
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

}  // namespace

std::optional<TextTruth> LookupText(const Department& d, const Figures& f, const std::string& key,
                                    std::string* why) {
  TextTruth t;
  Money revenue = f.current + f.carryover;
  Money spending = f.total + f.year_end_balance;
  size_t dot = key.find('.');
  std::string head = key.substr(0, dot);
  std::string tail = dot == std::string::npos ? "" : key.substr(dot + 1);
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
    t.share_base = spending;
    if (tail == "total") {
      t.amount = spending;
      t.prior = Prior(d.comparisons, "total");
    } else if (const SpendingKindInfo* k = FindSpendingKind(tail)) {
      t.amount = f.Spending(k->kind);
      if (k->kind == SpendingKind::kBasic) t.prior = Prior(d.comparisons, "basic");
    } else {
      *why = fmt::format("未知的支出项「{}」", tail);
      return std::nullopt;
    }
    return t;
  }
  if (head == "general") {
    static const std::map<std::string, std::string> kPrior = {{"total", "general"},
                                                              {"personnel", "personnel"},
                                                              {"public", "public"},
                                                              {"project", "project"},
                                                              {"basic", "basic"}};
    if (!kPrior.count(tail)) {
      *why = fmt::format("未知的一般公共预算项「{}」", tail);
      return std::nullopt;
    }
    t.amount = tail == "total"       ? f.general
               : tail == "personnel" ? f.general_personnel
               : tail == "public"    ? f.general_public
               : tail == "basic"     ? f.general_basic
                                     : f.general_project;
    t.prior = Prior(d.comparisons, kPrior.at(tail));
    t.share_base = f.general;
    return t;
  }
  if (head == "class") {
    const FunctionSubject* s = d.catalog->FindFunction(tail);
    t.name = s ? s->name : "";
    t.amount =
        SumLines(d, [&](const ExpenditureLine& l) { return l.function.rfind(tail, 0) == 0; });
    t.share_base = spending;
    if (!s && t.amount.is_zero()) {
      *why = fmt::format("功能科目「{}」不在{}年科目中", tail, d.year);
      return std::nullopt;
    }
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
    auto sum_prior = [&](std::initializer_list<const char*> keys) -> std::optional<Comparison> {
      Money sum;
      for (const char* k : keys) {
        auto it = py.find(k);
        if (it == py.end()) return std::nullopt;
        sum += it->second.amount;
      }
      return Comparison{sum, "", {}};
    };
    if (tail == "total") {
      t.amount = f.three_public_total;
      t.prior = sum_prior({"outbound", "vehicle_purchase", "vehicle_operation", "reception"});
    } else if (tail == "vehicle") {
      t.amount = Get(f.three_public, "vehicle_purchase") + Get(f.three_public, "vehicle_operation");
      t.prior = sum_prior({"vehicle_purchase", "vehicle_operation"});
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
