#include "review/published_source.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include <tuple>

#include "base/regex.h"
#include "model/published_columns.h"
#include "review/published_relations.h"

namespace gongkai {
namespace {

std::string RowLabel(const PublishedRowLayout& r) {
  return r.code.empty() ? r.name : r.code + " " + r.name;
}

// An amount as a finding shows it, in its table's unit.
std::string Printed(Money m, bool yuan) {
  return yuan ? m.Yuan(true) + "元" : m.Wan(2, true) + "万元";
}

// "第3页第5行", as the declared text's `at` records a headline figure; in a workbook its cell
// first: "说明!A12 第2页第12行".
std::string TextPlace(const std::string& cell, int page, int line) {
  return fmt::format("{}{}第{}页第{}行", cell, cell.empty() ? "" : " ", page, line);
}

}  // namespace

Department SourceFromPublished(const reader::PublishedDocument& doc) {
  Department d;
  d.kind = doc.kind == reader::DocumentKind::kFinalAccounts ? DocumentKind::kFinalAccounts
                                                            : DocumentKind::kBudget;
  d.name = doc.department;
  d.year = doc.year;
  d.prior_year = d.year - 1;  // as the loader sets it: no prior_year section written
  PublishedSource& p = d.published;
  p.present = true;
  p.file = std::filesystem::path(doc.path).filename().string();
  p.identity_from_file_name = doc.identity_from_file_name;
  if (doc.kind == reader::DocumentKind::kUnknown) p.unread.push_back("kind");
  if (doc.department.empty()) p.unread.push_back("department");
  if (doc.year == 0) p.unread.push_back("year");
  Declared& dec = d.declared;
  dec.present = true;
  dec.has_tables = true;
  std::map<std::string, int> seen;  // tables of one id: id, id-2, id-3 (as the CSVs are named)
  for (const reader::PublishedTable& t : doc.tables) {
    if (std::find(dec.tables.begin(), dec.tables.end(), t.id) == dec.tables.end()) {
      dec.tables.push_back(t.id);
    }
    PublishedTableLayout layout;
    const int n = ++seen[t.id];
    layout.id = t.id;
    layout.key = n == 1 ? t.id : fmt::format("{}-{}", t.id, n);
    layout.title = t.title;
    layout.yuan = t.unit == MoneyUnit::kYuan;
    layout.sides = t.sides;
    layout.pages = t.pages;
    layout.sheet = t.sheet;
    for (const reader::PublishedColumn& c : t.columns) {
      layout.columns.push_back({c.path, c.name, c.side});
    }
    const std::vector<std::string> keys = PublishedColumnKeys(layout);
    for (const reader::PublishedRow& r : t.rows) {
      PublishedRowLayout row{r.side, r.code, r.name, r.is_total, r.where.page};
      for (size_t c = 0; c < r.amounts.size() && c < t.columns.size(); ++c) {
        const reader::PublishedAmount& a = r.amounts[c];
        if (a.blank) continue;  // printed blank (or a dash): not written, blank when read back
        DeclaredCell cell;
        cell.table = layout.key;
        cell.row = row.label();
        if (!r.code.empty()) cell.name = r.name;
        cell.column = keys[c];
        cell.amount = a.value;
        dec.cells.push_back(std::move(cell));
      }
      layout.rows.push_back(std::move(row));
    }
    p.tables.push_back(std::move(layout));
  }
  for (const reader::NarrativePage& n : doc.narrative) p.narrative.push_back({n.page, n.lines, {}});
  for (const reader::TextFigure& f : doc.text_figures) {
    DeclaredFigure figure;
    figure.key = kPublishedTextKey + f.key;
    figure.at = TextPlace(f.cell, f.page, f.line);
    figure.amount = f.amount;
    // The amount as printed, its unit with it: the digits it prints say how far it rounds.
    for (char ch : f.text) {
      if (ch != ' ') figure.printed += ch;
    }
    figure.name = f.phrase;
    figure.text = f.sentence;
    dec.text.push_back(std::move(figure));
  }
  return d;
}

reader::PublishedDocument PublishedFromSource(const Department& d) {
  reader::PublishedDocument doc;
  doc.path = d.source_path;
  const auto unread = [&](const char* what) {
    return std::find(d.published.unread.begin(), d.published.unread.end(), what) !=
           d.published.unread.end();
  };
  doc.kind = d.kind == DocumentKind::kFinalAccounts ? reader::DocumentKind::kFinalAccounts
             : unread("kind")                       ? reader::DocumentKind::kUnknown
                                                    : reader::DocumentKind::kBudget;
  doc.department = d.name;
  doc.year = d.year;
  doc.identity_from_file_name = d.published.identity_from_file_name;
  for (const PublishedTableLayout& layout : d.published.tables) {
    reader::PublishedTable t;
    t.id = layout.id;
    t.title = layout.title;
    t.sides = layout.sides;
    t.pages = layout.pages;
    t.sheet = layout.sheet;
    t.unit = layout.yuan ? MoneyUnit::kYuan : MoneyUnit::kWan;
    t.unit_stated = true;
    for (const auto& c : layout.columns) {
      reader::PublishedColumn col;
      col.name = c.name;
      col.path = c.path;
      col.side = c.side;
      t.columns.push_back(std::move(col));
    }
    for (const auto& r : layout.rows) {
      reader::PublishedRow row;
      row.side = r.side;
      row.code = r.code;
      row.name = r.name;
      row.is_total = r.total;
      row.where.page = r.page;
      row.amounts.resize(t.columns.size());
      for (auto& a : row.amounts) a.where.page = r.page;
      t.rows.push_back(std::move(row));
    }
    doc.tables.push_back(std::move(t));
  }
  for (const PublishedNarrativePage& n : d.published.narrative) {
    doc.narrative.push_back({n.page, n.lines});
  }
  std::vector<UnplacedCell> unplaced;  // the loader refused a source with any
  for (const PlacedCell& p : PlaceDeclaredCells(d.declared, d.published, &unplaced)) {
    const DeclaredCell& c = d.declared.cells[p.cell];
    if (!c.amount) continue;
    reader::PublishedAmount& a = doc.tables[p.table].rows[p.row].amounts[p.column];
    a.value = *c.amount;
    a.blank = false;
    a.text = Printed(*c.amount, d.published.tables[p.table].yuan);
  }
  static const Regex kPlace(R"((?:(.+) )?第(\d{1,6})页第(\d{1,6})行)");
  for (const DeclaredFigure& f : d.declared.text) {
    if (!f.key.starts_with(kPublishedTextKey) || !f.amount) continue;
    reader::TextFigure figure;
    figure.key = f.key.substr(std::string_view(kPublishedTextKey).size());
    figure.phrase = f.name;
    figure.amount = *f.amount;
    figure.text = f.printed.empty() ? f.amount->Wan(2) + "万元" : f.printed;
    std::smatch m;
    if (std::regex_match(f.at, m, kPlace)) {
      figure.cell = m[1].str();
      figure.page = std::stoi(m[2].str());
      figure.line = std::stoi(m[3].str());
    } else {
      figure.cell = f.at;  // written by hand: the place as it is
    }
    figure.sentence = f.text;
    doc.text_figures.push_back(std::move(figure));
  }
  return doc;
}

namespace {

// Where in the YAML each figure is: a table cell by (table id, side, row label, column path),
// a line of the text by its place; the first of several alike.
struct SourcePlaces {
  std::map<std::tuple<std::string, int, std::string, std::string>, const DeclaredCell*> cells;
  // The same by the column's index: two columns may print one path (合计 of 预算数 and of 决算数).
  std::map<std::tuple<std::string, int, std::string, int>, const DeclaredCell*> by_index;
  std::map<std::string, const DeclaredFigure*> text;
  std::map<std::pair<int, int>, int> narrative;  // (page, line) → source line

  explicit SourcePlaces(const Department& d) {
    std::vector<UnplacedCell> unplaced;
    for (const PlacedCell& p : PlaceDeclaredCells(d.declared, d.published, &unplaced)) {
      const PublishedTableLayout& t = d.published.tables[p.table];
      const PublishedRowLayout& r = t.rows[p.row];
      cells.emplace(std::make_tuple(t.id, r.side, RowLabel(r), t.columns[p.column].path),
                    &d.declared.cells[p.cell]);
      by_index.emplace(std::make_tuple(t.id, r.side, RowLabel(r), static_cast<int>(p.column)),
                       &d.declared.cells[p.cell]);
    }
    for (const DeclaredFigure& f : d.declared.text) {
      if (f.key.starts_with(kPublishedTextKey)) text.emplace(f.at, &f);
    }
    for (const PublishedNarrativePage& n : d.published.narrative) {
      for (size_t i = 0; i < n.lines.size() && i < n.source_lines.size(); ++i) {
        narrative.emplace(std::make_pair(n.page, static_cast<int>(i) + 1), n.source_lines[i]);
      }
    }
  }

  // The cell of a finding on a table's cell by its column's index (ReaderFinding::column_index;
  // -1 finds none), else null: Cell then finds it by the column's name.
  const DeclaredCell* At(const std::string& table, int side, const std::string& row,
                         int column) const {
    if (column < 0) return nullptr;
    if (auto it = by_index.find({table, side, row, column}); it != by_index.end()) {
      return it->second;
    }
    return nullptr;
  }

  // The cell a finding names: by its row label as printed; else (a relation names a 收支总表
  // row by the 类 it matched, "208 社会保障和就业支出" for "八、社会保障和就业支出") the first
  // row of that table, side and column whose label ends with the name.
  const DeclaredCell* Cell(const std::string& table, int side, const std::string& row,
                           const std::string& column) const {
    if (auto it = cells.find({table, side, row, column}); it != cells.end()) return it->second;
    const size_t space = row.find(' ');
    if (space == std::string::npos) return nullptr;
    const std::string_view name = std::string_view(row).substr(space + 1);
    for (auto it = cells.lower_bound({table, side, "", ""});
         it != cells.end() && std::get<0>(it->first) == table && std::get<1>(it->first) == side;
         ++it) {
      if (std::get<3>(it->first) == column && std::get<2>(it->first).ends_with(name)) {
        return it->second;
      }
    }
    return nullptr;
  }
};

Finding ToFinding(const reader::ReaderFinding& f, const Department& d, const SourcePlaces& places,
                  const CheckConfig& config) {
  Finding out;
  out.rule = f.rule;
  out.rounding = f.level == reader::FindingLevel::kNote;
  const Rule* rule = FindRule(f.rule);
  out.severity = out.rounding
                     ? Severity::kInfo
                     : ConfiguredSeverity(f.rule, rule ? rule->severity : Severity::kError, config);
  out.message = f.message;
  out.where.table_id = f.table_id;
  out.where.table = f.table_title;
  out.where.row = f.row;
  out.where.column = f.column;
  out.where.file = d.source_path;
  if (f.table_id.empty()) {  // a line of the text
    out.where.section = "公开说明";
    if (auto it = places.text.find(TextPlace(f.cell, f.page, f.line)); it != places.text.end()) {
      out.where.line = it->second->line;
      out.where.column_pos = it->second->column;
    } else if (auto n = places.narrative.find({f.page, f.line}); n != places.narrative.end()) {
      out.where.line = n->second;  // a sentence of the prose: its first line in the YAML
    }
  } else if (const DeclaredCell* c = places.At(f.table_id, f.side, f.row, f.column_index);
             c || (c = places.Cell(f.table_id, f.side, f.row, f.column))) {
    out.where.line = c->line;
    out.where.column_pos = c->column_pos;
  }
  const bool yuan = [&] {
    for (const auto& t : d.published.tables) {
      if (t.id == f.table_id) return t.yuan;
    }
    return false;
  }();
  out.found = Printed(f.printed, yuan);
  out.expected = Printed(f.computed, yuan);
  out.difference = Printed(f.printed - f.computed, yuan);
  for (const reader::CellRef& r : f.related) {
    Location at;
    at.table_id = r.table_id;
    at.table = r.table_title;
    at.row = r.row;
    at.column = r.column;
    if (const DeclaredCell* c = places.Cell(r.table_id, r.side, r.row, r.column)) {
      at.file = d.source_path;
      at.line = c->line;
      at.column_pos = c->column_pos;
    }
    out.related.push_back(std::move(at));
  }
  for (const reader::ReaderFinding& c : f.consequences) {
    out.consequences.push_back(ToFinding(c, d, places, config));
  }
  return out;
}

}  // namespace

std::vector<Finding> ReviewPublishedSource(const Department& d, const CheckConfig& config,
                                           const CheckOptions& options) {
  const reader::PublishedDocument doc = PublishedFromSource(d);
  const std::shared_ptr<const ProseWords> words =
      config.prose_words ? config.prose_words() : nullptr;
  const std::shared_ptr<const reader::ThreePublicWords> three_public =
      config.three_public_words ? config.three_public_words()
                                : reader::ThreePublicWords::Load(config.data_dir);
  const std::vector<reader::ReaderFinding> read = AuditPublished(doc, *three_public, words.get());
  const SourcePlaces places(d);
  std::vector<Finding> out;
  for (const reader::ReaderFinding& f : read) {
    if (!RuleSelected(f.rule, FindRule(f.rule), config, options)) continue;
    out.push_back(ToFinding(f, d, places, config));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Finding& a, const Finding& b) { return a.severity < b.severity; });
  return out;
}

std::string PublishedSourceTitle(const Department& d) {
  std::string title = d.name.empty() ? "（部门未读出）" : d.name;
  if (d.year != 0) title += fmt::format(" {}年", d.year);
  const bool kind_read = std::find(d.published.unread.begin(), d.published.unread.end(), "kind") ==
                         d.published.unread.end();
  title +=
      kind_read ? (d.kind == DocumentKind::kFinalAccounts ? "部门决算" : "部门预算") : "公开文件";
  return title + "（公开文件读出）";
}

}  // namespace gongkai
