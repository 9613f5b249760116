#include "review/cause_groups.h"

#include <string>

namespace gongkai {
namespace {

// The 科目 code a row label starts with ("22102 住房改革支出" → "22102"), or "".
std::string CodeOf(const std::string& row) {
  size_t n = 0;
  while (n < row.size() && row[n] >= '0' && row[n] <= '9') ++n;
  return n >= 3 ? row.substr(0, n) : "";
}

bool IsCodeFinding(const Finding& f) { return f.rule.rfind("CLS-", 0) == 0; }

bool Groupable(const Finding& f) {
  return !f.rounding && !f.where.table_id.empty() && !CodeOf(f.where.row).empty();
}

}  // namespace

void GroupByCause(std::vector<Finding>* findings) {
  std::vector<Finding>& all = *findings;
  const size_t n = all.size();
  std::vector<std::string> codes(n);
  for (size_t i = 0; i < n; ++i) {
    if (Groupable(all[i])) codes[i] = CodeOf(all[i].where.row);
  }
  // The cause of each finding: the deepest finding of the same table whose code is this one's
  // code or extends it (the first such when several are as deep).
  std::vector<size_t> cause(n);
  for (size_t i = 0; i < n; ++i) {
    cause[i] = i;
    if (codes[i].empty()) continue;
    for (size_t j = 0; j < n; ++j) {
      if (j == i || codes[j].empty() || all[j].where.table_id != all[i].where.table_id) continue;
      if (codes[j].compare(0, codes[i].size(), codes[i]) != 0) continue;  // not below or same
      const size_t best = cause[i];
      const bool deeper = codes[j].size() > codes[best].size();
      const bool same_depth = codes[j].size() == codes[best].size();
      // At the same code, a classification finding (a misplaced or repeated code) explains the
      // sums it upsets; otherwise the first reported.
      const bool j_code = IsCodeFinding(all[j]), best_code = IsCodeFinding(all[best]);
      const bool preferred = same_depth && (j_code != best_code ? j_code : j < best);
      if (deeper || preferred) cause[i] = j;
    }
  }
  // Follow chains to their end (a cause that is itself grouped under another).
  for (size_t i = 0; i < n; ++i) {
    size_t c = cause[i];
    for (int guard = 0; cause[c] != c && guard < 64; ++guard) c = cause[c];
    cause[i] = c;
  }
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
