// One finding per cause. A wrong figure deep in a table makes every subtotal above it wrong
// too, and a misplaced code is reported once as a duplicate and again by each sum it upsets:
// such findings are grouped under the one that explains them, the others listed beneath it as
// its consequences (Finding::consequences), so that a reviewer reads one finding per cause.
//
// Within one table, a finding on the row of a 科目 code is the cause of findings on the same code
// reported later and of findings on the codes above it (its 款 and 类, their prefixes). The cause
// is the deepest such finding — at the same code a classification finding (the code itself is
// wrong) before a sum — and it takes the most severe severity of its group. Rounding notes and
// findings outside tables are left alone.
//
// A relation between tables (Finding::related: the audit of a published document compares its
// 收支总表 with its 支出总表 …) is on several cells at once; it is grouped by each of them. With
// `totals_are_roots` a table's total row (合计, 总计, 支出总计 …) counts as above every code of
// that table, so that a wrong 类 explains the totals compared with other tables, and at the same
// cell a finding inside one table explains the relations that compare that cell elsewhere.
//
// In a text, a finding on a printed amount (its `found` an amount) explains the findings at the
// same place on a percentage that quotes that amount: 「…预留45.20万元，占政府采购预算的40.00%」 is
// wrong because 45.20 is (TXT-017), not a second cause (TXT-014).
//
// With `by_figure` (`check` of a source, whose figures are compared with its detail) one wrong
// figure is one finding wherever it shows: a finding on a cell explains the other findings on
// that cell (the table's relations that use it, another table compared with it through
// `related`); a finding that prints the same wrong amount for the same right one (`found` and
// `expected`) is a repeat of the first — the figure copied into another table or quoted in the
// text; and in a text a wrong amount explains every finding at the same place that quotes it
// (the change and the percentage computed from it). 本年收入合计 typed 1247.64 for 1274.64 in
// 收支总表 and in the text is one BAL-001 with BAL-003, BAL-013, TXT-001, TXT-002 and TXT-003
// beneath it.
#ifndef GONGKAI_REVIEW_CAUSE_GROUPS_H_
#define GONGKAI_REVIEW_CAUSE_GROUPS_H_

#include <vector>

#include "review/finding.h"

namespace gongkai {

// For each finding, the index of the finding that explains it (itself when none): the roots of
// the groups GroupByCause forms. Lets a caller with findings of its own type group them the same
// way (the audit of published documents).
std::vector<size_t> CauseOf(const std::vector<Finding>& findings, bool totals_are_roots = false,
                            bool by_figure = false);

// Regroups `findings` (kept in order otherwise).
void GroupByCause(std::vector<Finding>* findings, bool totals_are_roots = false,
                  bool by_figure = false);

}  // namespace gongkai

#endif  // GONGKAI_REVIEW_CAUSE_GROUPS_H_
