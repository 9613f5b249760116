#include "disclosure/tables.h"
#include "disclosure/table_ids.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <utility>

namespace gongkai {
namespace {

std::string ReplaceAll(std::string s, const std::string& from, const std::string& to) {
  for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) {
    s.replace(pos, from.size(), to);
  }
  return s;
}

// "附表4-11" → ("附表4-", 11); nullopt when the number does not end in digits.
std::optional<std::pair<std::string, int>> SplitNumber(const std::string& number) {
  size_t digits = number.size();
  while (digits > 0 && number[digits - 1] >= '0' && number[digits - 1] <= '9') --digits;
  if (digits == number.size() || number.size() - digits > 4) return std::nullopt;
  return std::make_pair(number.substr(0, digits), std::stoi(number.substr(digits)));
}

using Builder = void (*)(const Department&, const Figures&, Table*);

const std::map<std::string, Builder>& Builders() {
  static const std::map<std::string, Builder> builders = {
      {table_id::kIncomeExpenditureSummary, BuildIncomeExpenditureSummary},
      {table_id::kIncomeSummary, BuildIncomeSummary},
      {table_id::kExpenditureSummary, BuildExpenditureSummary},
      {table_id::kFiscalSummary, BuildFiscalSummary},
      {table_id::kGeneralExpenditure, BuildGeneralExpenditure},
      {table_id::kGeneralBasicExpenditure, BuildGeneralBasicExpenditure},
      {table_id::kThreePublic, BuildThreePublic},
      {table_id::kGovFundExpenditure, BuildGovFundExpenditure},
      {table_id::kProjectExpenditure, BuildProjectExpenditure},
      {table_id::kSoeExpenditure, BuildSoeExpenditure},
      {table_id::kProcurement, BuildProcurement},
      {table_id::kPurchaseServices, BuildPurchaseServices},
  };
  return builders;
}

// The 决算's builders, which read their template's rows, layout and columns.
using FinalBuilder = void (*)(const Department&, const Figures&, const TableTemplate&, Table*);

const std::map<std::string, FinalBuilder>& FinalBuilders() {
  static const std::map<std::string, FinalBuilder> builders = {
      {table_id::kFinalSummary, BuildFinalSummary},
      {table_id::kFinalIncome, BuildFinalIncome},
      {table_id::kFinalExpenditure, BuildFinalExpenditure},
      {table_id::kFinalFiscalSummary, BuildFinalFiscalSummary},
      {table_id::kFinalGeneralExpenditure, BuildFinalGeneralExpenditure},
      {table_id::kFinalGeneralBasic, BuildFinalGeneralBasic},
      {table_id::kFinalThreePublic, BuildFinalThreePublic},
      {table_id::kFinalGovFund, BuildFinalGovFund},
      {table_id::kFinalSoe, BuildFinalSoe},
  };
  return builders;
}

// The first column of each header cell, row by row, the cells reaching down from a row above
// taken into account.
std::vector<std::vector<size_t>> HeaderColumns(const Table& t) {
  std::vector<std::vector<size_t>> out;
  std::vector<int> covered;  // per column: the header rows a cell from above still covers
  for (const auto& row : t.header) {
    std::vector<size_t> starts;
    size_t col = 0;
    for (const auto& c : row) {
      while (col < covered.size() && covered[col] > 0) ++col;
      starts.push_back(col);
      const size_t span = static_cast<size_t>(std::max(c.colspan, 1));
      if (covered.size() < col + span) covered.resize(col + span, 0);
      for (size_t k = col; k < col + span; ++k) covered[k] = std::max(c.rowspan, 1);
      col += span;
    }
    for (auto& rows : covered) rows = std::max(rows - 1, 0);
    out.push_back(std::move(starts));
  }
  return out;
}

// `column.line_numbers` (西安's 公开01表 and 公开04表: 行次): a column after the label column of
// each side of the table (a text column just before an amount column) numbering its rows, the
// first side 1 … n, the next n+1 … 2n, blank rows too, as the 决算 forms number their lines.
// Marks the columns added in `line_columns`.
void AddLineNumbers(const std::string& label, Table* t, std::vector<bool>* line_columns) {
  std::vector<size_t> sides;
  for (size_t col = 0; col + 1 < t->numeric_columns.size(); ++col) {
    if (!t->numeric_columns[col] && t->numeric_columns[col + 1]) sides.push_back(col);
  }
  const auto starts = HeaderColumns(*t);
  for (size_t r = 0; r < t->header.size(); ++r) {
    auto& row = t->header[r];
    for (size_t k = sides.size(); k-- > 0;) {
      for (size_t i = 0; i < row.size(); ++i) {
        const size_t first = starts[r][i];
        const size_t last = first + static_cast<size_t>(std::max(row[i].colspan, 1)) - 1;
        if (sides[k] < first || sides[k] > last) continue;
        if (last > sides[k]) {
          ++row[i].colspan;  // over the amounts too: one column wider
        } else {
          row.insert(row.begin() + static_cast<long>(i) + 1, Cell{label, {}, 1, row[i].rowspan});
        }
        break;
      }
    }
  }
  const size_t n = t->rows.size();
  for (size_t r = 0; r < n; ++r) {
    auto& cells = t->rows[r].cells;
    std::vector<size_t> at;  // the index of each side's label cell
    size_t col = 0;
    for (size_t i = 0; i < cells.size(); ++i) {
      if (std::find(sides.begin(), sides.end(), col) != sides.end()) at.push_back(i);
      col += static_cast<size_t>(std::max(cells[i].colspan, 1));
    }
    for (size_t k = at.size(); k-- > 0;) {
      cells.insert(cells.begin() + static_cast<long>(at[k]) + 1,
                   Cell::Text(std::to_string(k * n + r + 1)));
    }
  }
  *line_columns = std::vector<bool>(t->numeric_columns.size(), false);
  for (size_t k = sides.size(); k-- > 0;) {
    t->numeric_columns.insert(t->numeric_columns.begin() + static_cast<long>(sides[k]) + 1, false);
    line_columns->insert(line_columns->begin() + static_cast<long>(sides[k]) + 1, true);
  }
}

// A region's header (labels.csv, TableTemplate::labels): `group.amounts` over the amount
// columns, `group.item` over the 科目编码 and 科目名称 columns — the header one row deeper where it
// was one row, else the two cells moved to its last row —, then every national label the region
// words differently.
void ApplyLabels(const TableTemplate& tt, Table* t) {
  if (tt.labels.empty() || t->header.empty()) return;
  // `group.amounts` over the amount columns of a one-row header (西安: 本年支出 over 小计, 基本支出
  // and 项目支出): the other cells then span both rows.
  if (auto group = tt.labels.find("group.amounts");
      group != tt.labels.end() && t->header.size() == 1) {
    std::vector<Cell> labels, amounts;
    size_t col = 0;
    for (auto& c : t->header[0]) {
      const bool numeric = col < t->numeric_columns.size() && t->numeric_columns[col];
      col += static_cast<size_t>(std::max(c.colspan, 1));
      (numeric ? amounts : labels).push_back(std::move(c));
    }
    int width = 0;
    for (const auto& c : amounts) width += std::max(c.colspan, 1);
    for (auto& c : labels) c.rowspan = 2;
    labels.push_back(Cell::Text(group->second, width));
    t->header = {std::move(labels), std::move(amounts)};
  }
  auto& top = t->header[0];
  const int depth = static_cast<int>(t->header.size());
  if (auto group = tt.labels.find("group.item");
      group != tt.labels.end() && top.size() >= 2 && top[0].text == "科目编码" &&
      top[1].text == "科目名称" && top[0].colspan == 1 && top[1].colspan == 1 &&
      top[0].rowspan == depth && top[1].rowspan == depth) {
    std::vector<Cell> codes = {top[0], top[1]};
    for (auto& c : codes) c.rowspan = 1;
    top.erase(top.begin(), top.begin() + 2);
    if (depth == 1) {
      for (auto& c : top) ++c.rowspan;
      top.insert(top.begin(), Cell::Text(group->second, 2));
      t->header.push_back(std::move(codes));
    } else {
      top.insert(top.begin(), Cell{group->second, {}, 2, depth - 1});
      auto& last = t->header.back();
      last.insert(last.begin(), codes.begin(), codes.end());
    }
  }
  for (auto& row : t->header) {
    for (auto& c : row) {
      if (auto it = tt.labels.find(c.text); it != tt.labels.end()) c.text = it->second;
    }
  }
  std::vector<bool> line_columns(t->numeric_columns.size(), false);
  if (auto lines = tt.labels.find("column.line_numbers"); lines != tt.labels.end()) {
    AddLineNumbers(lines->second, t, &line_columns);
  }
  // `row.numbers`: a last header row numbering the amount columns 1, 2, … with its label (西安:
  // 栏次) in each label column just before them (before their 行次, where they have one).
  if (auto numbers = tt.labels.find("row.numbers"); numbers != tt.labels.end()) {
    const size_t width = t->numeric_columns.size();
    std::vector<Cell> row;
    int n = 0;
    for (size_t col = 0; col < width; ++col) {
      if (t->numeric_columns[col]) {
        row.push_back(Cell::Text(std::to_string(++n)));
      } else {
        size_t next = col + 1;
        while (next < width && line_columns[next]) ++next;
        const bool before_amounts = !line_columns[col] && next < width && t->numeric_columns[next];
        row.push_back(Cell::Text(before_amounts ? numbers->second : ""));
      }
    }
    t->header.push_back(std::move(row));
  }
  // The 行次 aligned as the figures beside them, so that a reader of the printed table finds
  // each number under its header (a left-aligned 行次 stands far from its centred header).
  for (size_t col = 0; col < line_columns.size(); ++col) {
    if (line_columns[col]) t->numeric_columns[col] = true;
  }
}

}  // namespace

std::vector<Cell> HeaderRow(std::initializer_list<const char*> titles) {
  std::vector<Cell> row;
  for (const char* t : titles) row.push_back(Cell::Text(t));
  return row;
}

std::vector<bool> NumericColumns(size_t text_columns, size_t amount_columns) {
  std::vector<bool> out(text_columns, false);
  out.insert(out.end(), amount_columns, true);
  return out;
}

std::vector<Table> BuildTables(const Department& d, const Figures& f, const Templates& tpl) {
  std::vector<Table> tables;
  std::map<std::string, int> left_out;  // number prefix → tables left out before here
  for (const auto& tt : tpl.tables) {
    auto it = Builders().find(tt.id);
    auto final_it = FinalBuilders().find(tt.id);
    if (it == Builders().end() && final_it == FinalBuilders().end()) {
      throw std::runtime_error(
          fmt::format("模板中的表「{}」（{}）没有对应的生成程序", tt.title, tt.id));
    }
    Table t;
    t.id = tt.id;
    t.number = tt.number;
    t.title = tt.title;
    if (it != Builders().end()) {
      it->second(d, f, &t);
    } else {
      final_it->second(d, f, tt, &t);
    }
    ApplyLabels(tt, &t);
    auto split = SplitNumber(tt.number);
    if (!t.has_data && !tt.always) {
      if (split) ++left_out[split->first];
      continue;
    }
    if (split && left_out[split->first] > 0) {
      t.number = split->first + std::to_string(split->second - left_out[split->first]);
    }
    if (!t.has_data) {
      t.empty_note =
          ReplaceAll(ReplaceAll(tt.empty_note, "{dept}", d.name), "{year}", std::to_string(d.year));
    }
    tables.push_back(std::move(t));
  }
  return tables;
}

}  // namespace gongkai
