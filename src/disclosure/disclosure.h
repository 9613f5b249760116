// Builds the whole disclosure package of one department: 公开说明, the tables and 名词解释.
// Pure computation: no I/O, so it can be benchmarked and tested in memory.
#ifndef GONGKAI_DISCLOSURE_DISCLOSURE_H_
#define GONGKAI_DISCLOSURE_DISCLOSURE_H_

#include "disclosure/document.h"
#include "disclosure/templates.h"
#include "model/department.h"

namespace gongkai {

Document BuildDisclosure(const Department& d, const Templates& tpl);

}  // namespace gongkai

#endif  // GONGKAI_DISCLOSURE_DISCLOSURE_H_
