// Reads the `performance:` section of a source file (项目申报表 and 部门整体支出绩效目标, see
// docs/source-format.md) into the model, parsing every indicator value.
#ifndef GONGKAI_SOURCE_PERFORMANCE_LOADER_H_
#define GONGKAI_SOURCE_PERFORMANCE_LOADER_H_

#include "model/goals.h"
#include "refdata/catalog.h"
#include "source/source_reader.h"

namespace gongkai {

// Unparsed indicator values are not errors here (they are kept verbatim and reported by the
// review rules); wrong keys, types and amounts are.
void LoadPerformance(SourceReader& reader, const YamlNode& n, const Catalog* catalog,
                     Performance* out);

}  // namespace gongkai

#endif  // GONGKAI_SOURCE_PERFORMANCE_LOADER_H_
