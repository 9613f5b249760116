// Deterministic synthetic departments, for benchmarks and for tests that need many valid
// budgets (e.g. "every generated document checks clean"). Same seed, same department.
#ifndef GONGKAI_MODEL_SYNTHETIC_DEPARTMENT_H_
#define GONGKAI_MODEL_SYNTHETIC_DEPARTMENT_H_

#include <cstdint>
#include <memory>

#include "model/department.h"
#include "refdata/catalog.h"

namespace gongkai {

// A plausible department: 1–4 units, personnel lines on the usual pension / medical /
// housing 项, public lines, 1–12 projects, prior-year figures with reasons, "三公", some
// procurement. Uses only codes present in `catalog`.
Department MakeSyntheticDepartment(uint64_t seed, std::shared_ptr<const Catalog> catalog);

}  // namespace gongkai

#endif  // GONGKAI_MODEL_SYNTHETIC_DEPARTMENT_H_
