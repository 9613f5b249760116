// The performance-goal tables, laid out like the official forms: the 部门整体支出绩效目标表
// and one 项目申报表（含绩效目标） per declared project. They are form tables (label/value
// cells with spans, section headings inside), appended to the disclosure's tables.
#ifndef GONGKAI_DISCLOSURE_PERFORMANCE_TABLES_H_
#define GONGKAI_DISCLOSURE_PERFORMANCE_TABLES_H_

#include <vector>

#include "disclosure/document.h"
#include "model/department.h"

namespace gongkai {

void BuildPerformanceTables(const Department& d, std::vector<Table>* tables);

}  // namespace gongkai

#endif  // GONGKAI_DISCLOSURE_PERFORMANCE_TABLES_H_
