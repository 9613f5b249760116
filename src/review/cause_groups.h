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
#ifndef GONGKAI_REVIEW_CAUSE_GROUPS_H_
#define GONGKAI_REVIEW_CAUSE_GROUPS_H_

#include <vector>

#include "review/finding.h"

namespace gongkai {

// Regroups `findings` (kept in order otherwise).
void GroupByCause(std::vector<Finding>* findings);

}  // namespace gongkai

#endif  // GONGKAI_REVIEW_CAUSE_GROUPS_H_
