// Versions compared (compare.h).
#include "server/compare.h"

#include <map>
#include <set>

namespace gongkai::server {

namespace {

// A table's amount cells: (row label, column name) → amount, in reading order.
struct TableCells {
  std::string name;  // "附表4-1 收支总表"
  std::vector<std::pair<std::string, std::string>> order;
  std::map<std::pair<std::string, std::string>, Money> amounts;
};

// The header path of each column: the texts of the header cells above it, top to bottom.
std::vector<std::string> ColumnNames(const Table& t) {
  std::vector<std::vector<bool>> taken(t.header.size());
  std::vector<std::string> names;
  for (size_t r = 0; r < t.header.size(); ++r) {
    size_t col = 0;
    for (const Cell& cell : t.header[r]) {
      auto busy = [&](size_t c) { return c < taken[r].size() && taken[r][c]; };
      while (busy(col)) ++col;
      for (int dr = 0; dr < std::max(cell.rowspan, 1) && r + dr < t.header.size(); ++dr) {
        auto& row = taken[r + dr];
        for (int dc = 0; dc < std::max(cell.colspan, 1); ++dc) {
          if (row.size() <= col + dc) row.resize(col + dc + 1);
          row[col + dc] = true;
          if (dr > 0) continue;
          if (names.size() <= col + dc) names.resize(col + dc + 1);
          if (!cell.text.empty()) {
            names[col + dc] += (names[col + dc].empty() ? "" : "/") + cell.text;
          }
        }
      }
      col += std::max(cell.colspan, 1);
    }
  }
  return names;
}

TableCells CellsOf(const Table& t) {
  TableCells out;
  out.name = t.number.empty() ? t.title : t.number + " " + t.title;
  const std::vector<std::string> columns = ColumnNames(t);
  std::map<std::string, int> labels;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    std::string label;
    for (const Cell& cell : t.rows[r].cells) {
      if (!cell.money && !cell.text.empty()) label += (label.empty() ? "" : " ") + cell.text;
    }
    if (label.empty()) label = "第" + std::to_string(r + 1) + "行";
    if (int n = ++labels[label]; n > 1) label += "（" + std::to_string(n) + "）";
    size_t col = 0;
    for (const Cell& cell : t.rows[r].cells) {
      if (cell.money) {
        std::string column = col < columns.size() && !columns[col].empty()
                                 ? columns[col]
                                 : "第" + std::to_string(col + 1) + "列";
        auto key = std::make_pair(label, column);
        if (out.amounts.emplace(key, *cell.money).second) out.order.push_back(key);
      }
      col += std::max(cell.colspan, 1);
    }
  }
  return out;
}

std::optional<Money> Amount(const std::map<std::pair<std::string, std::string>, Money>& cells,
                            const std::pair<std::string, std::string>& key) {
  auto it = cells.find(key);
  return it == cells.end() ? std::nullopt : std::optional<Money>(it->second);
}

nlohmann::json WanOrNull(const std::optional<Money>& m) {
  return m ? nlohmann::json(m->Wan(2)) : nlohmann::json();
}

}  // namespace

nlohmann::json ChangedCells(const Document& a, const Document& b) {
  std::vector<std::string> ids;  // a's tables in order, then those only in b
  std::map<std::string, TableCells> in_a, in_b;
  for (const Table& t : a.tables) {
    if (in_a.emplace(t.id, CellsOf(t)).second) ids.push_back(t.id);
  }
  for (const Table& t : b.tables) {
    if (in_b.emplace(t.id, CellsOf(t)).second && !in_a.count(t.id)) ids.push_back(t.id);
  }
  nlohmann::json out = nlohmann::json::array();
  const TableCells none;
  for (const std::string& id : ids) {
    const TableCells& ta = in_a.count(id) ? in_a.at(id) : none;
    const TableCells& tb = in_b.count(id) ? in_b.at(id) : none;
    std::vector<std::pair<std::string, std::string>> keys = ta.order;
    for (const auto& k : tb.order) {
      if (!ta.amounts.count(k)) keys.push_back(k);
    }
    for (const auto& k : keys) {
      auto va = Amount(ta.amounts, k), vb = Amount(tb.amounts, k);
      if (va == vb) continue;  // exact amounts: a change below the printed 0.01 still counts
      out.push_back({{"table", ta.name.empty() ? tb.name : ta.name},
                     {"table_id", id},
                     {"row", k.first},
                     {"column", k.second},
                     {"a", WanOrNull(va)},
                     {"b", WanOrNull(vb)}});
    }
  }
  return out;
}

nlohmann::json FindingChanges(const nlohmann::json& a, const nlohmann::json& b) {
  auto keys = [](const nlohmann::json& list) {
    std::set<std::string> out;
    for (const auto& f : list) out.insert(f.value("key", ""));
    return out;
  };
  const auto ka = keys(a), kb = keys(b);
  nlohmann::json added = nlohmann::json::array(), removed = nlohmann::json::array();
  for (const auto& f : b) {
    if (!ka.count(f.value("key", ""))) added.push_back(f);
  }
  for (const auto& f : a) {
    if (!kb.count(f.value("key", ""))) removed.push_back(f);
  }
  return {{"findings_added", added}, {"findings_removed", removed}};
}

}  // namespace gongkai::server
