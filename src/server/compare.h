// Two versions of a department's document compared: the amount cells of the disclosure
// tables that differ (a row or a table present in one version only counts as changed, the
// other side null), and the findings that appeared or disappeared (by their stable keys,
// finding_keys.h). Cells are matched by table id, the row's label (its text cells, numbered
// when a label repeats) and the column's header path ("本年支出/基本支出"), not by position,
// so that a row added above does not make every row below "changed".
#ifndef GONGKAI_SERVER_COMPARE_H_
#define GONGKAI_SERVER_COMPARE_H_

#include <nlohmann/json.hpp>
#include <string>

#include "disclosure/document.h"

namespace gongkai::server {

// [{table, row, column, a, b}]: amounts in 万元 as "1234.56", or null where absent.
nlohmann::json ChangedCells(const Document& a, const Document& b);

// {findings_added: [finding], findings_removed: [finding]} between two keyed finding arrays.
nlohmann::json FindingChanges(const nlohmann::json& a, const nlohmann::json& b);

}  // namespace gongkai::server

#endif  // GONGKAI_SERVER_COMPARE_H_
