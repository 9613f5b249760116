// Reads the `performance:` section of a source file (项目申报表 and 部门整体支出绩效目标, see
// docs/source-format.md) into the model, parsing every indicator value.
#ifndef GONGKAI_LOAD_PERFORMANCE_LOADER_H_
#define GONGKAI_LOAD_PERFORMANCE_LOADER_H_

#include "catalog/catalog.h"
#include "load/source_reader.h"
#include "perf/goals.h"

namespace gongkai {

// Unparsed indicator values are not errors here (they are kept verbatim and reported by the
// review rules); wrong keys, types and amounts are.
void LoadPerformance(SourceReader& reader, const YAML::Node& n, const Catalog* catalog,
                     Performance* out);

}  // namespace gongkai

#endif  // GONGKAI_LOAD_PERFORMANCE_LOADER_H_
