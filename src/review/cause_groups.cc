#include "review/cause_groups.h"

#include <cctype>
#include <string>

namespace gongkai {
namespace {

// The 科目 code a row label starts with ("22102 住房改革支出" → "22102"), or "".
std::string CodeOf(const std::string& row) {
  size_t n = 0;
  while (n < row.size() && row[n] >= '0' && row[n] <= '9') ++n;
  return n >= 3 ? row.substr(0, n) : "";
}

bool IsTotalRow(const std::string& row) {
  for (const char* word : {"合计", "总计"}) {
    const std::string w = word;
    if (row.size() >= w.size() && row.compare(row.size() - w.size(), w.size(), w) == 0) return true;
  }
  return false;
}

bool IsCodeFinding(const Finding& f) { return f.rule.rfind("CLS-", 0) == 0; }

// A cell a finding is on, for grouping: its table and the code of its row ("" for a total row
// when totals are roots).
struct Key {
  std::string table, code;
};

std::vector<Key> KeysOf(const Finding& f, bool totals_are_roots) {
  std::vector<Key> keys;
  if (f.rounding) return keys;
  auto add = [&](const Location& at) {
    if (at.table_id.empty()) return;
    std::string code = CodeOf(at.row);
    if (!code.empty() || (totals_are_roots && IsTotalRow(at.row))) {
      keys.push_back({at.table_id, code});
    }
  };
  add(f.where);
  for (const Location& at : f.related) add(at);
  return keys;
}

bool EndsWithPercent(const std::string& text) { return !text.empty() && text.back() == '%'; }

// The first quotation of a message (「…」), where a text finding quotes what was printed.
std::string FirstQuote(const std::string& message) {
  const std::string open = "「", close = "」";
  const size_t from = message.find(open);
  if (from == std::string::npos) return "";
  const size_t to = message.find(close, from + open.size());
  return to == std::string::npos ? "" : message.substr(from, to - from);
}

// In a text: a finding on a printed amount (the amount is wrong) explains a finding at the same
// place on a percentage that quotes that amount — the share or the rate computed from it
// (「面向中小企业预留45.20万元，占政府采购预算的40.00%」 is wrong because 45.20 is).
bool ExplainsInText(const Finding& amount, const Finding& percent) {
  if (amount.rounding || percent.rounding || amount.found.empty() ||
      EndsWithPercent(amount.found) || !EndsWithPercent(percent.found)) {
    return false;
  }
  const Location& a = amount.where;
  const Location& b = percent.where;
  if (!a.table_id.empty() || !b.table_id.empty() || a.section != b.section || a.file != b.file ||
      a.line != b.line || a.cell != b.cell) {
    return false;
  }
  const std::string quote = FirstQuote(percent.message);
  for (const char* unit : {"万元", "元"}) {
    const size_t at = quote.find(amount.found + unit);
    // The whole number: not the tail of a longer one (145.20 is not 45.20).
    if (at != std::string::npos &&
        (at == 0 ||
         !(std::isdigit(static_cast<unsigned char>(quote[at - 1])) || quote[at - 1] == '.'))) {
      return true;
    }
  }
  return false;
}

// A printed amount as a finding gives it ("1247.64", "-27.00"): digits with at most one point,
// a sign allowed; not a percentage, not blank.
bool IsAmount(const std::string& text) {
  size_t i = (!text.empty() && (text[0] == '-' || text[0] == '+')) ? 1 : 0;
  bool digit = false, point = false;
  for (; i < text.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(text[i]))) {
      digit = true;
    } else if (text[i] == '.' && !point) {
      point = true;
    } else {
      return false;
    }
  }
  return digit;
}

// `text` quotes `amount` as a whole number followed by its unit (145.20 is not 45.20).
bool QuotesAmount(const std::string& text, const std::string& amount) {
  for (const char* unit : {"万元", "元"}) {
    const std::string needle = amount + unit;
    for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
      if (at == 0 || !(std::isdigit(static_cast<unsigned char>(text[at - 1])) ||
                       text[at - 1] == '.' || text[at - 1] == '-')) {
        return true;
      }
    }
  }
  return false;
}

// One printed table figure: a cell.
bool SameCell(const Location& a, const Location& b) {
  return !a.table_id.empty() && a.table_id == b.table_id && a.row == b.row && a.column == b.column;
}

// One figure of a text: the same place in the source (a declared text figure, a note).
bool SameTextPlace(const Location& a, const Location& b) {
  return a.table_id.empty() && b.table_id.empty() && (a.line > 0 || !a.cell.empty()) &&
         a.file == b.file && a.line == b.line && a.column_pos == b.column_pos && a.cell == b.cell &&
         a.section == b.section;
}

// The figures a finding is on: its cell and the cells it is compared with.
bool SharesCell(const Finding& a, const Finding& b) {
  auto on = [](const Finding& f, const Location& at) {
    if (SameCell(f.where, at)) return true;
    for (const Location& r : f.related) {
      if (SameCell(r, at)) return true;
    }
    return false;
  };
  if (on(a, b.where)) return true;
  for (const Location& r : b.related) {
    if (on(a, r)) return true;
  }
  return false;
}

// check: one wrong figure of a source, wherever it shows. Only findings that are still their
// own cause are regrouped, each with its group under the cause of a group that comes before it
// in this order: a classification finding (as in CauseOf), a finding on one cell before a
// relation between cells, a table's before a text's, then the first reported — so that no two
// groups explain each other.
//  1. A finding on a cell explains every other finding on that cell: the relations it takes part
//     in (本年收入合计 = Σ收入, or compared with another table's total through `related`).
//  2. A finding that prints the same wrong amount as another (the same `found` for the same
//     `expected`) repeats it: the figure copied into another table or quoted in the text.
//  3. In a text, a wrong amount explains the findings at the same place whose message quotes
//     it (the change and the percentage computed from it).
void GroupByFigure(const std::vector<Finding>& all, std::vector<size_t>* cause_of) {
  std::vector<size_t>& cause = *cause_of;
  const size_t n = all.size();
  // The cause a finding is grouped under so far (the groups formed by code).
  auto root = [&](size_t i) {
    for (int guard = 0; cause[i] != i && guard < 64; ++guard) i = cause[i];
    return i;
  };
  auto before = [&](size_t a, size_t b) {
    if (IsCodeFinding(all[a]) != IsCodeFinding(all[b])) return IsCodeFinding(all[a]);
    if (all[a].related.empty() != all[b].related.empty()) return all[a].related.empty();
    const bool text_a = all[a].where.table_id.empty(), text_b = all[b].where.table_id.empty();
    if (text_a != text_b) return !text_a;
    return a < b;
  };
  auto wrong_amount = [&](const Finding& f) {
    return !f.rounding && IsAmount(f.found) && IsAmount(f.expected) && f.found != f.expected;
  };
  for (size_t i = 0; i < n; ++i) {
    if (cause[i] != i || all[i].rounding) continue;
    // A finding that explains i stands for its group: i goes under that group's cause, unless
    // it is i's own group.
    size_t best = i;
    for (size_t j = 0; j < n; ++j) {
      if (j == i || all[j].rounding) continue;
      const size_t r = root(j);
      if (r == i || !before(r, best)) continue;
      const bool same_cell = SharesCell(all[j], all[i]);
      const bool repeat = wrong_amount(all[i]) && wrong_amount(all[j]) &&
                          all[i].found == all[j].found && all[i].expected == all[j].expected;
      const bool quoted = wrong_amount(all[j]) && SameTextPlace(all[j].where, all[i].where) &&
                          QuotesAmount(all[i].message, all[j].found);
      if (same_cell || repeat || quoted) best = r;
    }
    cause[i] = best;
  }
}

}  // namespace

std::vector<size_t> CauseOf(const std::vector<Finding>& all, bool totals_are_roots,
                            bool by_figure) {
  const size_t n = all.size();
  std::vector<std::vector<Key>> keys(n);
  for (size_t i = 0; i < n; ++i) keys[i] = KeysOf(all[i], totals_are_roots);
  // How deep j explains i: the longest code of a cell of j that is a cell of i or below one
  // (same table, code extending it); -1 when j does not explain i.
  auto depth = [&](size_t j, size_t i) {
    int best = -1;
    for (const Key& a : keys[i]) {
      for (const Key& b : keys[j]) {
        if (a.table != b.table || b.code.compare(0, a.code.size(), a.code) != 0) continue;
        best = std::max(best, static_cast<int>(b.code.size()));
      }
    }
    return best;
  };
  // Which of two findings at the same depth is the cause: a classification finding (a misplaced
  // or repeated code), then a finding inside one table before a relation between tables, then
  // the first reported.
  auto before = [&](size_t a, size_t b) {
    if (IsCodeFinding(all[a]) != IsCodeFinding(all[b])) return IsCodeFinding(all[a]);
    if (all[a].related.empty() != all[b].related.empty()) return all[a].related.empty();
    return a < b;
  };
  // The cause of each finding: the deepest finding that explains it.
  std::vector<size_t> cause(n);
  for (size_t i = 0; i < n; ++i) {
    cause[i] = i;
    if (keys[i].empty()) continue;
    int best_depth = depth(i, i);
    for (size_t j = 0; j < n; ++j) {
      if (j == i || keys[j].empty()) continue;
      const int d = depth(j, i);
      if (d < 0) continue;
      if (d > best_depth || (d == best_depth && before(j, cause[i]))) {
        cause[i] = j;
        best_depth = d;
      }
    }
  }
  // Findings outside tables: a wrong amount in a text explains the percentages quoting it.
  for (size_t i = 0; i < n; ++i) {
    if (cause[i] != i || !keys[i].empty()) continue;
    for (size_t j = 0; j < n; ++j) {
      if (j != i && ExplainsInText(all[j], all[i])) {
        cause[i] = j;
        break;
      }
    }
  }
  if (by_figure) GroupByFigure(all, &cause);
  // Follow chains to their end (a cause that is itself grouped under another).
  for (size_t i = 0; i < n; ++i) {
    size_t c = cause[i];
    for (int guard = 0; cause[c] != c && guard < 64; ++guard) c = cause[c];
    cause[i] = c;
  }
  // A cycle the guard cut leaves no root: make its member its own cause.
  for (size_t i = 0; i < n; ++i) {
    if (cause[cause[i]] != cause[i]) cause[i] = i;
  }
  return cause;
}

void GroupByCause(std::vector<Finding>* findings, bool totals_are_roots, bool by_figure) {
  std::vector<Finding>& all = *findings;
  const size_t n = all.size();
  const std::vector<size_t> cause = CauseOf(all, totals_are_roots, by_figure);
  std::vector<Finding> grouped;
  std::vector<size_t> position(n, static_cast<size_t>(-1));
  for (size_t i = 0; i < n; ++i) {
    if (cause[i] != i) continue;
    position[i] = grouped.size();
    grouped.push_back(std::move(all[i]));
  }
  for (size_t i = 0; i < n; ++i) {
    if (cause[i] == i) continue;
    Finding& root = grouped[position[cause[i]]];
    if (all[i].severity < root.severity) root.severity = all[i].severity;
    root.consequences.push_back(std::move(all[i]));
  }
  all = std::move(grouped);
}

}  // namespace gongkai
