#include "model/declared.h"

#include "model/published_columns.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace gongkai {

const PublishedTableLayout* PublishedSource::Find(const std::string& key) const {
  for (const auto& t : tables) {
    if (t.key == key) return &t;
  }
  return nullptr;
}

namespace {

bool RowCarries(const PublishedRowLayout& r, const DeclaredCell& c) {
  if (r.code.empty()) return c.name.empty() && r.name == c.row;
  return r.code == c.row && (c.name.empty() || c.name == r.name);
}

}  // namespace

std::vector<std::string> PublishedColumnKeys(const PublishedTableLayout& table) {
  std::vector<std::string> keys;
  std::map<std::pair<int, std::string>, int> seen;  // columns of one side and path
  for (const auto& c : table.columns) {
    const int n = ++seen[{c.side, c.path}];
    keys.push_back(n == 1 ? c.path : fmt::format("{}#{}", c.path, n));
  }
  return keys;
}

std::vector<PlacedCell> PlaceDeclaredCells(const Declared& declared,
                                           const PublishedSource& published,
                                           std::vector<UnplacedCell>* unplaced) {
  std::vector<PlacedCell> placed;
  std::map<std::string, size_t> table_of;
  for (size_t t = 0; t < published.tables.size(); ++t) {
    table_of.emplace(published.tables[t].key, t);
  }
  // Per table: the rows carrying each label, in order; the slots filled (row, column); the
  // row of the previous cell.
  struct State {
    std::map<std::string, std::vector<size_t>> rows_of;
    std::set<std::pair<size_t, size_t>> filled;
    size_t cursor = 0;
    std::vector<std::string> keys;  // of the columns
  };
  std::vector<State> state(published.tables.size());
  for (size_t t = 0; t < published.tables.size(); ++t) {
    const auto& rows = published.tables[t].rows;
    for (size_t r = 0; r < rows.size(); ++r) state[t].rows_of[rows[r].label()].push_back(r);
    state[t].keys = PublishedColumnKeys(published.tables[t]);
  }
  for (size_t i = 0; i < declared.cells.size(); ++i) {
    const DeclaredCell& c = declared.cells[i];
    auto it = table_of.find(c.table);
    if (it == table_of.end()) {
      unplaced->push_back({i, fmt::format("published.tables 中没有表「{}」", c.table)});
      continue;
    }
    const size_t t = it->second;
    const PublishedTableLayout& table = published.tables[t];
    State& st = state[t];
    // The free slot of row r in a column of this header path: of the row's own side, or
    // (a figure the document prints across the halves' boundary) of any side.
    auto slot = [&](size_t r, bool own_side) -> std::optional<size_t> {
      for (size_t k = 0; k < table.columns.size(); ++k) {
        const auto& col = table.columns[k];
        if ((!own_side || col.side == table.rows[r].side) && st.keys[k] == c.column &&
            !st.filled.count({r, k})) {
          return k;
        }
      }
      return std::nullopt;
    };
    bool row_found = false, done = false;
    static const std::vector<size_t> kNone;
    auto rows = st.rows_of.find(c.row);
    const std::vector<size_t>& candidates = rows == st.rows_of.end() ? kNone : rows->second;
    // A row of its own side first (the halves of a two-sided table may print the same labels
    // and headers); from the previous cell's row on, then from the top (cells written out of
    // order).
    for (bool own_side : {true, false}) {
      for (size_t start : {st.cursor, size_t{0}}) {
        for (auto r = std::lower_bound(candidates.begin(), candidates.end(), start);
             r != candidates.end() && !done; ++r) {
          if (!RowCarries(table.rows[*r], c)) continue;
          row_found = true;
          if (auto k = slot(*r, own_side)) {
            st.filled.insert({*r, *k});
            placed.push_back({i, t, *r, *k});
            st.cursor = *r;
            done = true;
          }
        }
        if (done) break;
      }
      if (done) break;
    }
    if (done) continue;
    const std::string row = c.name.empty() ? c.row : c.row + " " + c.name;
    unplaced->push_back(
        {i, row_found
                ? fmt::format("表「{}」的行「{}」中没有（未填的）列「{}」", c.table, row, c.column)
                : fmt::format("表「{}」（published.tables）中没有行「{}」", c.table, row)});
  }
  return placed;
}

}  // namespace gongkai
