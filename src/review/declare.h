// Records the figures of a computed disclosure as declared figures, as if the generated
// document had been typed in: every table cell and every figure of the 公开说明 (amounts,
// shares, changes, directions, percentages, item numbers), the tables and sections present
// and the glossary. Checking a department against its own generated disclosure must find
// nothing — the precision test of the rule set — and `gongkai declare` gives a user a
// starting point for recording a published document. For a 决算 the tables (cells and
// tables_present) and the 情况说明's figures under the 决算's text keys.
#ifndef GONGKAI_REVIEW_DECLARE_H_
#define GONGKAI_REVIEW_DECLARE_H_

#include "disclosure/document.h"
#include "model/department.h"

namespace gongkai {

Declared DeclareFromDisclosure(const Department& d, const Document& doc);

}  // namespace gongkai

#endif  // GONGKAI_REVIEW_DECLARE_H_
