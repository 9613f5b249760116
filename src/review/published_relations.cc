#include "review/published_relations.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>

#include "reader/table_catalog.h"
#include "review/cause_groups.h"
#include "review/checker.h"
#include "review/published_prose.h"

namespace gongkai {
namespace {

using reader::CellRef;
using reader::FindingLevel;
using reader::PublishedAmount;
using reader::PublishedDocument;
using reader::PublishedRow;
using reader::PublishedTable;
using reader::ReaderFinding;

bool Has(std::string_view s, std::string_view part) { return s.find(part) != std::string::npos; }

bool StartsWith(std::string_view s, std::string_view head) {
  return s.substr(0, head.size()) == head;
}

// A row name without spaces, quotes and its ordinal ("一、", "（一）", "1.", "4、"):
// "一、一般公共服务支出" → "一般公共服务支出".
std::string Bare(std::string_view name) {
  std::string n = reader::NormalizeTitle(name);
  static const std::string_view kNumerals[] = {"一", "二", "三", "四", "五", "六", "七",
                                               "八", "九", "十", "0",  "1",  "2",  "3",
                                               "4",  "5",  "6",  "7",  "8",  "9"};
  size_t i = 0;
  if (StartsWith(n, "(")) i = 1;
  size_t digits = i;
  for (bool more = true; more;) {
    more = false;
    for (std::string_view d : kNumerals) {
      if (n.compare(digits, d.size(), d) == 0) {
        digits += d.size();
        more = true;
        break;
      }
    }
  }
  if (digits == i) return n;
  for (std::string_view sep : {")", "、", ".", "．"}) {
    if (n.compare(digits, sep.size(), sep) == 0) return n.substr(digits + sep.size());
  }
  return n;
}

// How a row of a list is numbered: "一、" (kChinese), "1." or "1、" (kDigit), "（一）" or "(1)"
// (kParenthesised), or not at all.
enum class Numbering { kNone, kChinese, kDigit, kParenthesised };

Numbering NumberingOf(std::string_view name) {
  const std::string n = reader::NormalizeTitle(name);
  static const std::string_view kChinese[] = {"一", "二", "三", "四", "五",
                                              "六", "七", "八", "九", "十"};
  const bool open = StartsWith(n, "(");
  size_t at = open ? 1 : 0;
  bool chinese = false, digits = false;
  for (bool more = true; more;) {
    more = false;
    if (at < n.size() && n[at] >= '0' && n[at] <= '9') {
      ++at;
      more = digits = true;
      continue;
    }
    for (std::string_view d : kChinese) {
      if (n.compare(at, d.size(), d) == 0) {
        at += d.size();
        more = chinese = true;
        break;
      }
    }
  }
  if (chinese == digits) return Numbering::kNone;  // neither, or a mix
  const std::string_view rest = std::string_view(n).substr(at);
  if (open) return StartsWith(rest, ")") ? Numbering::kParenthesised : Numbering::kNone;
  if (StartsWith(rest, "、")) return chinese ? Numbering::kChinese : Numbering::kDigit;
  if (digits && (StartsWith(rest, ".") || StartsWith(rest, "．"))) return Numbering::kDigit;
  return Numbering::kNone;
}

// A sub-item of the row above it ("其中：…", "（一）…", "1.…"): not a part of a side's sum.
bool IsSubItem(std::string_view name) {
  const std::string n = reader::NormalizeTitle(name);
  if (StartsWith(n, "其中") || StartsWith(n, "(")) return true;
  return !n.empty() && n[0] >= '0' && n[0] <= '9';
}

bool IsCarry(std::string_view name) { return Has(name, "结转") || Has(name, "结余"); }

std::string UnitName(MoneyUnit unit) { return unit == MoneyUnit::kWan ? "万元" : "元"; }

std::string Amount(Money m, MoneyUnit unit) {
  return unit == MoneyUnit::kWan ? m.Wan(2, true) : m.Yuan(true);
}

std::string RowLabel(const PublishedRow& r) {
  return r.code.empty() ? reader::NormalizeTitle(r.name) : r.code + " " + r.name;
}

// One cell of a table: the row, the column and the amount printed there.
struct Cell {
  Cell() = default;
  Cell(const PublishedTable* t, const PublishedRow* r, size_t c) : table(t), row(r), column(c) {}

  const PublishedTable* table = nullptr;
  const PublishedRow* row = nullptr;
  size_t column = 0;
  std::string code;  // the 功能 code the row stands for, when known (a 类 listed by name)

  explicit operator bool() const { return table && row; }
  const PublishedAmount& amount() const { return row->amounts[column]; }
  Money value() const { return amount().value; }
  int page() const { return amount().where.page ? amount().where.page : row->where.page; }
  reader::Box box() const { return amount().blank ? row->where.box : amount().where.box; }
  // In a workbook, the sheet and cell ("表3!D12"); else empty.
  std::string cell() const {
    const reader::Location& at = amount().where.InSheet() ? amount().where : row->where;
    return at.InSheet() ? reader::PlaceName(at) : "";
  }
  std::string place() const { return cell().empty() ? fmt::format("第{}页", page()) : cell(); }
  std::string column_name() const {
    const auto& c = table->columns[column];
    return c.path.empty() ? c.name : c.path;
  }
  std::string Describe() const {
    return fmt::format("《{}》{}“{}”行“{}”列 {}{}", table->title, place(), RowLabel(*row),
                       column_name(), Amount(value(), table->unit), UnitName(table->unit));
  }
  CellRef Ref() const {
    CellRef r;
    r.table_id = table->id;
    r.table_title = table->title;
    r.page = page();
    r.box = box();
    r.cell = cell();
    r.row = code.empty() ? RowLabel(*row) : code + " " + Bare(row->name);
    r.column = column_name();
    r.side = row->side;
    r.printed = value();
    return r;
  }
};

// The first column of `side` printing an amount in `row`, else the side's first column.
std::optional<size_t> FirstAmount(const PublishedTable& t, const PublishedRow& row, int side) {
  for (size_t c = 0; c < t.columns.size(); ++c) {
    if (t.columns[c].side == side && !row.amounts[c].blank) return c;
  }
  for (size_t c = 0; c < t.columns.size(); ++c) {
    if (t.columns[c].side == side) return c;
  }
  return std::nullopt;
}

Cell At(const PublishedTable* t, const PublishedRow* row, int side) {
  if (!t || !row) return {};
  std::optional<size_t> c = FirstAmount(*t, *row, side);
  if (!c) return {};
  return {t, row, *c};
}

// The last total of a side of a two-sided table: 收入总计, 支出总计, 总计.
const PublishedRow* GrandTotal(const PublishedTable& t, int side) {
  const PublishedRow* last = nullptr;
  for (const PublishedRow& r : t.rows) {
    if (r.side == side && r.is_total) last = &r;
  }
  return last;
}

// The subtotal of this year's income or spending on a side: 本年收入合计, 当年支出小计, a
// heading "一、本年支出" printed with its amount.
const PublishedRow* CurrentTotal(const PublishedTable& t, int side) {
  const char* word = side == 0 ? "收入" : "支出";
  for (const PublishedRow& r : t.rows) {
    if (r.side != side) continue;
    const std::string n = Bare(r.name);
    if (n == fmt::format("本年{}合计", word) || n == fmt::format("当年{}小计", word) ||
        n == fmt::format("本年{}小计", word) || n == fmt::format("本年{}", word)) {
      return &r;
    }
  }
  return nullptr;
}

// Whether a side carries an amount forward or back (上年结转, 年末结转和结余 …).
bool CarriesAmounts(const PublishedTable& t, int side) {
  for (const PublishedRow& r : t.rows) {
    if (r.side != side || !IsCarry(r.name)) continue;
    for (size_t c = 0; c < t.columns.size(); ++c) {
      if (t.columns[c].side == side && !r.amounts[c].value.is_zero()) return true;
    }
  }
  return false;
}

// This year's total of a side: the 本年 subtotal, else the grand total when nothing is carried.
const PublishedRow* ThisYear(const PublishedTable& t, int side) {
  if (const PublishedRow* r = CurrentTotal(t, side)) return r;
  return CarriesAmounts(t, side) ? nullptr : GrandTotal(t, side);
}

// The first row of a side whose name contains `word` (and none of `but`).
const PublishedRow* RowNamed(const PublishedTable& t, int side, std::string_view word,
                             std::initializer_list<std::string_view> but = {}) {
  for (const PublishedRow& r : t.rows) {
    if (r.side != side) continue;
    const std::string n = reader::NormalizeTitle(r.name);
    if (!Has(n, word)) continue;
    if (std::any_of(but.begin(), but.end(), [&](std::string_view b) { return Has(n, b); })) {
      continue;
    }
    return &r;
  }
  return nullptr;
}

// The total row of a one-sided table and its 合计 column (the first, when it is a total).
Cell TableTotal(const PublishedTable* t) {
  if (!t || t->sides != 1 || t->columns.empty()) return {};
  const PublishedRow* total = t->Total();
  if (!total) return {};
  const auto& first = t->columns[0].name;
  if (!Has(first, "合计") && !Has(first, "总计") && !Has(first, "小计")) return {};
  return {t, total, 0};
}

// The 合计 column of a 类 row of a one-sided table, by code.
Cell ClassRow(const PublishedTable* t, const std::string& code) {
  Cell total = TableTotal(t);
  if (!total) return {};
  const PublishedRow* r = t->Row(code);
  return r ? Cell{t, r, 0} : Cell{};
}

struct Relations {
  const PublishedDocument& doc;
  std::vector<ReaderFinding>* out;
  // The file of the tables, when they were published apart from the text (AppendTextAgainst
  // Tables): a cell compared with is named with it.
  std::string tables_file = {};

  std::string Title(const std::string& rule) const {
    const Rule* r = FindRule(rule);
    return r ? r->title : rule;
  }

  // 0.01 of the coarser unit of the two tables, per figure summed.
  static int64_t Step(const Cell& a, const Cell& b) {
    bool wan = a.table->unit == MoneyUnit::kWan || b.table->unit == MoneyUnit::kWan;
    return wan ? Money::kFenPerWan / 100 : 1;
  }

  // `whole` printed against `parts` printed (one part: the same figure in two places).
  void Compare(const std::string& rule, const Cell& whole, const std::vector<Cell>& parts,
               const std::string& what) {
    if (!whole || parts.empty() || whole.amount().blank) return;
    Money sum;
    int64_t step = 1;
    for (const Cell& p : parts) {
      // A blank cell is a figure left out, or one the reader could not place (a label wrapped
      // over two rows): the sums inside its table judge it, not a relation.
      if (!p || p.amount().blank) return;
      sum += p.value();
      step = std::max(step, Step(whole, p));
    }
    const Money diff = whole.value() - sum;
    if (diff.is_zero()) return;
    const int64_t fen = diff.fen() < 0 ? -diff.fen() : diff.fen();
    ReaderFinding f;
    f.level = fen <= step * static_cast<int64_t>(parts.size()) ? FindingLevel::kNote
                                                               : FindingLevel::kError;
    f.rule = rule;
    f.table_id = whole.table->id;
    f.table_title = whole.table->title;
    f.page = whole.page();
    f.box = whole.box();
    f.cell = whole.cell();
    CellRef self = whole.Ref();
    f.row = self.row;
    f.side = self.side;
    f.column = self.column;
    f.printed = whole.value();
    f.computed = sum;
    std::string others;
    for (const Cell& p : parts) {
      f.related.push_back(p.Ref());
      others += (others.empty() ? "" : " + ") + p.Describe();
    }
    const MoneyUnit unit = whole.table->unit;
    const std::string sum_text =
        parts.size() > 1 ? fmt::format("之和为 {}{}", Amount(sum, unit), UnitName(unit)) : "";
    f.message = fmt::format("{}（{}）：{}，而{}{}，相差 {}{}{}", what, rule, whole.Describe(),
                            others, sum_text, Amount(diff, unit), UnitName(unit),
                            f.level == FindingLevel::kNote ? "（在各数四舍五入的范围内）" : "");
    out->push_back(std::move(f));
  }

  // `part` against whichever of `wholes` it is closest to (a figure some regions print with
  // what is carried over and some without: 本年收入合计 or 收入总计).
  void CompareEither(const std::string& rule, const std::vector<Cell>& wholes, const Cell& part,
                     const std::string& what) {
    const Cell* best = nullptr;
    Money best_diff;
    for (const Cell& w : wholes) {
      if (!w || !part) continue;
      Money d = w.value() - part.value();
      if (d.fen() < 0) d = -d;
      if (!best || d < best_diff) {
        best = &w;
        best_diff = d;
      }
    }
    if (best) Compare(rule, *best, {part}, what);
  }

  void Run() {
    const PublishedTable* summary = Two("income_expenditure_summary");
    const PublishedTable* fiscal = Two("fiscal_summary");
    const PublishedTable* income = doc.Find("income_summary");
    const PublishedTable* spending = doc.Find("expenditure_summary");
    const PublishedTable* general = doc.Find("general_expenditure");
    const PublishedTable* basic = doc.Find("general_basic_expenditure");
    const PublishedTable* fund = doc.Find("gov_fund_expenditure");
    const bool final_accounts = doc.kind == reader::DocumentKind::kFinalAccounts;

    // 总计 = 本年 + the rows between (上年结转; 年初/年末结转和结余 …), each side.
    for (const PublishedTable* t : {summary, fiscal}) {
      if (!t) continue;
      const bool is_summary = t == summary;
      const std::string rule = final_accounts ? (is_summary ? "FIN-001" : "FIN-002")
                                              : (is_summary ? "BAL-002" : "BAL-011");
      for (int side = 0; side < 2; ++side) {
        Carried(*t, side, rule);
        Listed(*t, side, rule);
      }
    }

    // 收支总表 ↔ 支出总表: this year's spending, and each 类 listed by name.
    if (summary && spending) {
      CompareEither(
          "BAL-013",
          {At(summary, ThisYear(*summary, 1), 1), At(summary, GrandTotal(*summary, 1), 1)},
          TableTotal(spending), "收支总表的本年支出与支出总表合计应一致");
      ByClass(*summary, spending, "BAL-013", "收支总表与支出总表同一功能类的支出应一致");
    }
    // 收支总表 ↔ 收入总表.
    if (summary && income) {
      CompareEither(
          "BAL-013",
          {At(summary, ThisYear(*summary, 0), 0), At(summary, GrandTotal(*summary, 0), 0)},
          TableTotal(income), "收支总表的本年收入（或收入总计）与收入总表合计应一致");
    }
    // Every 收入 is 一般公共预算: 支出总表 = 一般公共预算支出表.
    if (summary && spending && general && AllGeneral(*summary)) {
      Compare("BAL-013", TableTotal(general), {TableTotal(spending)},
              "收入全部为一般公共预算拨款时，一般公共预算支出表合计与支出总表合计应一致");
      for (const PublishedRow& r : general->rows) {
        if (r.code.size() != 3) continue;
        Compare("BAL-013", ClassRow(general, r.code), {ClassRow(spending, r.code)},
                "收入全部为一般公共预算拨款时，一般公共预算支出表与支出总表同一功能类的支出应"
                "一致");
      }
    }
    // 财政拨款收支总表 ↔ 一般公共预算支出表, 政府性基金预算支出表.
    if (fiscal) {
      Compare("BAL-012", TableTotal(general), {Fund(*fiscal, "一般公共预算")},
              "一般公共预算支出表合计与财政拨款收支总表的一般公共预算本年支出应一致");
      if (fund && fund->Total()) {
        Compare("BAL-016", TableTotal(fund), {Fund(*fiscal, "政府性基金")},
                "政府性基金预算支出表合计与财政拨款收支总表的政府性基金预算本年支出应一致");
      }
    }
    // 基本支出表 ↔ 一般公共预算支出表 基本支出.
    if (basic && general && basic->sides == 1) Basic(*basic, *general);
    RunText();
  }

  // The headline figures of the text against the tables.
  void RunText() {
    const PublishedTable* summary = Two("income_expenditure_summary");
    const PublishedTable* fiscal = Two("fiscal_summary");
    for (const reader::TextFigure& f : doc.text_figures) Text(f, summary, fiscal);
    Projects();
  }

  // The projects the 情况说明 names with their amount ("2.预算准备金945.03万元，主要用于…",
  // 深圳) against the 项目支出表's row of that project, its first column (总计/合计): TXT-007.
  // Only where the match is unambiguous: the row's name, of four characters or more, is no
  // other row's and inside no other row's name; in the text it starts the line or follows a
  // list marker or punctuation (not 综合管理大队 in 交通综合管理大队…) and is followed at once,
  // or after 项目, by an amount with 万元 or 元 on the same line.
  void Projects() {
    const PublishedTable* t = doc.Find("project_expenditure");
    if (!t || t->sides != 1 || t->columns.empty()) return;
    const std::string& first = t->columns[0].name;
    if (!Has(first, "合计") && !Has(first, "总计")) return;
    std::vector<const PublishedRow*> projects;
    for (const PublishedRow& r : t->rows) {
      // Four Chinese characters are twelve bytes.
      if (r.is_total || r.amounts[0].blank || r.name.size() < 12) continue;
      bool alone = std::none_of(t->rows.begin(), t->rows.end(), [&](const PublishedRow& o) {
        return &o != &r && Has(o.name, r.name);
      });
      if (alone) projects.push_back(&r);
    }
    for (const reader::NarrativePage& page : doc.narrative) {
      for (size_t l = 0; l < page.lines.size(); ++l) {
        const std::string& line = page.lines[l];
        for (const PublishedRow* r : projects) {
          for (size_t at = line.find(r->name); at != std::string::npos;
               at = line.find(r->name, at + 1)) {
            if (!StartsAName(line, at)) continue;
            std::string_view rest = std::string_view(line).substr(at + r->name.size());
            if (StartsWith(rest, "项目")) rest.remove_prefix(std::string_view("项目").size());
            size_t n = 0;
            while (n < rest.size() &&
                   ((rest[n] >= '0' && rest[n] <= '9') || rest[n] == ',' || rest[n] == '.')) {
              ++n;
            }
            std::string_view unit_text = rest.substr(n);
            const bool wan = StartsWith(unit_text, "万元");
            if (n == 0 || (!wan && !StartsWith(unit_text, "元"))) continue;
            const MoneyUnit unit = wan ? MoneyUnit::kWan : MoneyUnit::kYuan;
            std::optional<Money> amount = reader::ParsePublishedAmount(rest.substr(0, n), unit);
            if (!amount) continue;
            reader::TextFigure f;
            f.key = "project";
            f.phrase = r->name;
            f.amount = *amount;
            f.text = std::string(rest.substr(0, n)) + (wan ? "万元" : "元");
            f.page = page.page;
            f.line = static_cast<int>(l) + 1;
            f.sentence = line;
            Judge(f, {Cell{t, r, 0}});
          }
        }
      }
    }
  }

  // Whether a name found at `at` of a line of text starts there: at the line's start, or after
  // a digit, a list marker's dot or bracket, or punctuation — not inside a longer word.
  static bool StartsAName(const std::string& line, size_t at) {
    if (at == 0) return true;
    const unsigned char before = static_cast<unsigned char>(line[at - 1]);
    if (before < 0x80)
      return std::string_view("0123456789.,;:) ").find(char(before)) != std::string_view::npos;
    for (std::string_view mark : {"、", "．", "，", "；", "：", "）", "。"}) {
      if (at >= mark.size() && line.compare(at - mark.size(), mark.size(), mark) == 0) return true;
    }
    return false;
  }

  // The table cells a headline figure of the text may state.
  std::vector<Cell> Candidates(const reader::TextFigure& f, const PublishedTable* summary,
                               const PublishedTable* fiscal) const {
    std::vector<Cell> cells;
    auto add = [&](const PublishedTable* t, const PublishedRow* r, int side) {
      if (Cell c = At(t, r, side)) cells.push_back(c);
    };
    if (f.key == "income_total" && summary) {
      add(summary, GrandTotal(*summary, 0), 0);
      add(summary, ThisYear(*summary, 0), 0);
      add(summary, GrandTotal(*summary, 1), 1);  // 收支总预算: the two totals are one figure
    } else if (f.key == "expenditure_total" && summary) {
      add(summary, GrandTotal(*summary, 1), 1);
      add(summary, ThisYear(*summary, 1), 1);
    } else if (f.key == "fiscal_total" && fiscal) {
      add(fiscal, GrandTotal(*fiscal, 0), 0);
      add(fiscal, GrandTotal(*fiscal, 1), 1);
    } else if (f.key == "fiscal_income") {
      if (summary) add(summary, RowNamed(*summary, 0, "财政拨款", {"结转", "结余"}), 0);
      if (fiscal) {
        add(fiscal, GrandTotal(*fiscal, 0), 0);
        add(fiscal, ThisYear(*fiscal, 0), 0);
      }
    } else if (f.key == "three_public" || f.key == "operating_expenses") {
      const PublishedTable* t = doc.Find("three_public");
      if (!t || t->rows.empty()) return cells;
      // The row of the document's year where the table compares years, else the total.
      const PublishedRow* row = nullptr;
      const std::string year = std::to_string(doc.year) + "年";
      for (const PublishedRow& r : t->rows) {
        if (!row && doc.year && Has(reader::NormalizeTitle(r.name), year)) row = &r;
      }
      if (!row) row = t->Total() ? t->Total() : &t->rows.front();
      for (size_t c = 0; c < t->columns.size(); ++c) {
        const auto& col = t->columns[c];
        bool wanted =
            f.key == "operating_expenses"
                ? Has(col.path, "机关运行")
                : !Has(col.path, "机关运行") && (c == 0 || Has(col.name, "合计") ||
                                                 Has(col.name, "总计") || Has(col.path, "三公"));
        if (wanted) cells.push_back({t, row, c});
      }
    }
    return cells;
  }

  // A headline figure of the text against the table figure it states: right when one of the
  // cells it may mean, rounded as the text prints it, is the figure.
  void Text(const reader::TextFigure& f, const PublishedTable* summary,
            const PublishedTable* fiscal) {
    Judge(f, Candidates(f, summary, fiscal));
  }

  // A figure of the text against the cells it may state.
  void Judge(const reader::TextFigure& f, const std::vector<Cell>& cells) {
    if (cells.empty()) return;
    const MoneyUnit unit = Has(f.text, "万元") ? MoneyUnit::kWan : MoneyUnit::kYuan;
    size_t dot = f.text.find('.');
    int decimals = 0;
    if (dot != std::string::npos) {
      while (dot + 1 + decimals < f.text.size() && f.text[dot + 1 + decimals] >= '0' &&
             f.text[dot + 1 + decimals] <= '9') {
        ++decimals;
      }
    }
    int64_t step = unit == MoneyUnit::kWan ? Money::kFenPerWan : 100;  // fen per printed unit
    for (int d = 0; d < decimals && step > 1; ++d) step /= 10;
    bool rounding = false;
    for (const Cell& c : cells) {
      const int64_t v = c.value().fen(), a = v < 0 ? -v : v;
      const int64_t rounded = (a + step / 2) / step * step * (v < 0 ? -1 : 1);
      if (rounded == f.amount.fen()) return;
      const int64_t diff = v - f.amount.fen();
      rounding |= (diff < 0 ? -diff : diff) <= step;
    }
    ReaderFinding out_f;
    out_f.level = rounding ? FindingLevel::kNote : FindingLevel::kError;
    out_f.rule = "TXT-007";
    out_f.table_title = "公开说明";
    out_f.page = f.page;
    out_f.line = f.line;
    out_f.box = f.box;
    out_f.cell = f.cell;
    out_f.row = fmt::format("第{}行", f.line);
    out_f.printed = f.amount;
    out_f.computed = cells.front().value();
    std::string tables;
    for (const Cell& c : cells) {
      out_f.related.push_back(c.Ref());
      out_f.related.back().file = tables_file;
      tables += (tables.empty() ? "" : "；") +
                (tables_file.empty() ? "" : "《" + tables_file + "》中") + c.Describe();
    }
    out_f.message =
        fmt::format("公开说明中的金额与公开表一致（TXT-007）：{}“{}{}”，而表中{}{}",
                    f.cell.empty() ? fmt::format("第{}页第{}行", f.page, f.line) : f.cell, f.phrase,
                    f.text, tables, rounding ? "（在文字所印位数的四舍五入范围内）" : "，均不相符");
    out->push_back(std::move(out_f));
  }

  // A two-sided table, or nullptr.
  const PublishedTable* Two(const char* id) const {
    const PublishedTable* t = doc.Find(id);
    return t && t->sides == 2 ? t : nullptr;
  }

  void Carried(const PublishedTable& t, int side, const std::string& rule) {
    const PublishedRow* current = CurrentTotal(t, side);
    const PublishedRow* grand = GrandTotal(t, side);
    if (!current || !grand || current == grand || grand < current) return;
    std::vector<Cell> parts = {At(&t, current, side)};
    std::string what = Bare(current->name);
    for (const PublishedRow* r = current + 1; r < grand; ++r) {
      if (r->side != side || r->name.empty()) continue;
      // Only rows a reader can name as carried (上年结转, 年初结转和结余, 结余分配 …); a row it
      // cannot name (a wrapped label, a sub-item) leaves the identity unchecked.
      if (IsSubItem(r->name)) continue;
      if (!IsCarry(r->name)) return;
      parts.push_back(At(&t, r, side));
      what += " + " + Bare(r->name);
    }
    if (parts.size() < 2) return;
    Cell whole = At(&t, grand, side);
    // The same column on both sides of the equation.
    for (Cell& p : parts) {
      if (p && whole) p.column = whole.column;
    }
    Compare(rule, whole, parts, fmt::format("{}应等于{}", Bare(grand->name), what));
  }

  // A side of a two-sided table listing its items numbered — 一、财政拨款收入 (1.一般公共预算 |
  // 2.政府性基金预算 | …) | 二、事业收入 | … above 本年收入合计, or below a 合计 printed first
  // (重庆): this year's total = the items numbered as the first is (一、二、…, or 1、2、… where
  // (1) (2) number their parts, 西安), each such item = its parts numbered the next way; in each
  // amount column of the side. Rows not numbered after an item are its detail (深圳 lists the
  // 款 and 项 of each 类 by name): left out of the total, and an item with such detail is not
  // summed from its parts. Not where a row that is not numbered prints an amount for an item
  // that prints none (a label wrapped onto the amount's line) or comes before the first item.
  // Two lists printed side by side on a side (江苏's 支出 half: 功能 类 | 支出用途, each row
  // read as one name "一、一般公共服务支出一、基本支出") each sum in their own column. Blank
  // cells are zero.
  void Listed(const PublishedTable& t, int side, const std::string& rule) {
    const PublishedRow* total = ThisYear(t, side);
    if (!total) return;
    std::vector<size_t> columns;
    for (size_t c = 0; c < t.columns.size(); ++c) {
      if (t.columns[c].side == side) columns.push_back(c);
    }
    if (columns.empty()) return;
    std::vector<const PublishedRow*> before, after;
    for (const PublishedRow& r : t.rows) {
      if (r.side != side || &r == total) continue;
      (&r < total ? before : after).push_back(&r);
    }
    auto numbered = [](const std::vector<const PublishedRow*>& rows) {
      return std::any_of(rows.begin(), rows.end(), [](const PublishedRow* r) {
        return NumberingOf(r->name) != Numbering::kNone;
      });
    };
    std::vector<const PublishedRow*> rows;
    if (numbered(before)) {
      rows = before;
    } else {
      for (const PublishedRow* r : after) {  // up to the next total or carried amount
        if (r->is_total || IsCarry(r->name)) break;
        rows.push_back(r);
      }
    }
    auto printed = [&](const PublishedRow* r) {
      return std::any_of(columns.begin(), columns.end(),
                         [&](size_t c) { return !r->amounts[c].blank; });
    };
    struct Item {
      const PublishedRow* row;
      std::vector<const PublishedRow*> parts;
      bool detail = false;  // rows not numbered under it
    };
    std::vector<Item> items;
    Numbering top = Numbering::kNone, sub = Numbering::kNone;
    for (const PublishedRow* r : rows) {
      const Numbering n = NumberingOf(r->name);
      if (top == Numbering::kNone) {
        if (n == Numbering::kNone) {
          if (r->name.empty() && !printed(r)) continue;
          return;  // a row before the first item
        }
        top = n;
      }
      if (n == top) {
        items.push_back({r, {}, false});
        continue;
      }
      if (StartsWith(reader::NormalizeTitle(r->name), "其中")) continue;
      if (n != Numbering::kNone && (sub == Numbering::kNone || sub == n)) {
        sub = n;
        items.back().parts.push_back(r);
        continue;
      }
      if (printed(r) && !printed(items.back().row)) return;  // a label wrapped
      items.back().detail = true;
    }
    if (items.size() < 2) return;
    for (size_t c : columns) {
      auto cells = [&](const std::vector<const PublishedRow*>& parts) {
        std::vector<Cell> printed_parts;
        for (const PublishedRow* p : parts) {
          if (!p->amounts[c].blank) printed_parts.push_back({&t, p, c});
        }
        return printed_parts;
      };
      std::vector<const PublishedRow*> tops;
      for (const Item& i : items) tops.push_back(i.row);
      Compare(rule, {&t, total, c}, cells(tops),
              fmt::format("{}应等于所列各项之和", Bare(total->name)));
      for (const Item& i : items) {
        if (i.parts.empty() || i.detail) continue;
        Compare(rule, {&t, i.row, c}, cells(i.parts),
                fmt::format("{}应等于其下各项之和", Bare(i.row->name)));
      }
    }
  }

  // The 支出 side of the 收支总表 lists 功能 类 by name: each against the 支出总表's 类.
  void ByClass(const PublishedTable& summary, const PublishedTable* spending,
               const std::string& rule, const std::string& what) {
    if (!TableTotal(spending)) return;
    for (const PublishedRow& r : spending->rows) {
      if (r.code.size() != 3) continue;
      const std::string name = Bare(r.name);
      for (const PublishedRow& s : summary.rows) {
        if (s.side != 1 || Bare(s.name) != name) continue;
        Cell left = At(&summary, &s, 1);
        left.code = r.code;
        Compare(rule, left, {ClassRow(spending, r.code)}, what);
        break;
      }
    }
  }

  // Every 收入 of the 收支总表 is 一般公共预算: its 一般公共预算 row holds this year's income
  // and nothing is carried over.
  static bool AllGeneral(const PublishedTable& summary) {
    const PublishedRow* total = ThisYear(summary, 0);
    const PublishedRow* general = RowNamed(summary, 0, "一般公共预算");
    if (!total || !general || CarriesAmounts(summary, 0) || CarriesAmounts(summary, 1)) {
      return false;
    }
    Cell a = At(&summary, total, 0), b = At(&summary, general, 0);
    return a && b && a.value() == b.value() && !a.value().is_zero();
  }

  // This year's spending of one fund in the 财政拨款收支总表: its column on the 支出 side
  // (合计 | 一般公共预算 | 政府性基金预算 …) at the 本年支出 row; else, with nothing carried,
  // its row on the 收入 side.
  static Cell Fund(const PublishedTable& fiscal, std::string_view word) {
    const PublishedRow* row = ThisYear(fiscal, 1);
    std::vector<size_t> columns;
    for (size_t c = 0; c < fiscal.columns.size(); ++c) {
      const auto& col = fiscal.columns[c];
      if (col.side == 1 && Has(col.name, word)) columns.push_back(c);
    }
    // A header the reader could not split over its columns names two funds in one label.
    if (columns.size() == 1 && row) {
      const auto& name = fiscal.columns[columns[0]].name;
      int funds = Has(name, "一般公共预算") + Has(name, "政府性基金") + Has(name, "国有资本");
      if (funds == 1) return {&fiscal, row, columns[0]};
      return {};
    }
    if (!columns.empty()) return {};
    if (CarriesAmounts(fiscal, 0) || CarriesAmounts(fiscal, 1)) return {};
    return At(&fiscal, RowNamed(fiscal, 0, word), 0);
  }

  void Basic(const PublishedTable& basic, const PublishedTable& general) {
    const PublishedRow* total = general.Total();
    Cell whole = TableTotal(&basic);
    if (!total || !whole) return;
    std::optional<size_t> column;
    for (size_t c = 0; c < general.columns.size(); ++c) {
      const auto& col = general.columns[c];
      if (col.name == "基本支出" ||
          (StartsWith(col.path, "基本支出/") && (Has(col.name, "小计") || Has(col.name, "合计")))) {
        column = c;
        break;
      }
    }
    if (!column) return;
    Compare("BAL-014", whole, {Cell{&general, total, *column}},
            "基本支出表合计与一般公共预算支出表的基本支出应一致");
    for (const char* part : {"人员经费", "公用经费"}) {
      std::optional<size_t> in_basic = basic.Column(part), in_general = general.Column(part);
      if (!in_basic || !in_general) continue;
      Compare("BAL-014", Cell{&basic, whole.row, *in_basic}, {Cell{&general, total, *in_general}},
              fmt::format("基本支出表的{}与一般公共预算支出表的{}应一致", part, part));
    }
  }
};

}  // namespace

void AppendPublishedRelations(const PublishedDocument& doc, std::vector<ReaderFinding>* findings) {
  Relations{doc, findings}.Run();
}

void AppendTextAgainstTables(const PublishedDocument& text, const PublishedDocument& tables,
                             const std::string& tables_file, std::vector<ReaderFinding>* findings) {
  // The tables' document with the text's figures: the text is of the same department, year
  // and kind (the caller's pairing), so its year picks the row of a “三公” table of years.
  PublishedDocument both;
  both.kind = text.kind;
  both.year = text.year;
  both.tables = tables.tables;
  both.text_figures = text.text_figures;
  Relations{both, findings, tables_file}.RunText();
}

std::vector<ReaderFinding> AuditPublished(const PublishedDocument& doc,
                                          const reader::ThreePublicWords& three_public,
                                          const ProseWords* words) {
  std::vector<ReaderFinding> all = reader::CheckPublished(doc, three_public);
  AppendPublishedRelations(doc, &all);
  if (words) AppendPublishedProse(doc, *words, &all);
  GroupPublishedFindings(&all);
  return all;
}

void GroupPublishedFindings(std::vector<ReaderFinding>* findings) {
  std::vector<ReaderFinding>& all = *findings;
  // The halves of a two-sided table are apart: a 类 on the 支出 side is not below 收入总计.
  auto table_key = [](const std::string& id, int side) { return side == 0 ? id : id + ":支出"; };
  std::vector<Finding> keys;
  for (const ReaderFinding& f : all) {
    Finding k;
    k.rule = f.rule;
    k.rounding = f.level == FindingLevel::kNote;
    k.where.table_id = f.table_id.empty() ? "" : table_key(f.table_id, f.side);
    k.where.row = f.row;
    k.where.column = f.column;
    for (const CellRef& r : f.related) {
      Location at;
      at.table_id = r.table_id.empty() ? "" : table_key(r.table_id, r.side);
      at.row = r.row;
      at.column = r.column;
      k.related.push_back(std::move(at));
    }
    keys.push_back(std::move(k));
  }
  const std::vector<size_t> cause = CauseOf(keys, true, true);
  std::vector<ReaderFinding> grouped;
  std::vector<size_t> position(all.size(), static_cast<size_t>(-1));
  for (size_t i = 0; i < all.size(); ++i) {
    if (cause[i] != i) continue;
    position[i] = grouped.size();
    grouped.push_back(std::move(all[i]));
  }
  for (size_t i = 0; i < all.size(); ++i) {
    if (cause[i] == i) continue;
    ReaderFinding& root = grouped[position[cause[i]]];
    if (all[i].level == FindingLevel::kError) root.level = FindingLevel::kError;
    root.consequences.push_back(std::move(all[i]));
  }
  all = std::move(grouped);
}

}  // namespace gongkai
