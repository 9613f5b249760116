// How the declared cells of a published-document source (model/declared.h, PublishedSource)
// name the columns of a table: by header path, and where one side of a table prints two
// columns under the same path (header labels the reader could not tell apart), the second and
// later as "<path>#2", "<path>#3" … — so that every figure keeps its own column.
#ifndef GONGKAI_MODEL_PUBLISHED_COLUMNS_H_
#define GONGKAI_MODEL_PUBLISHED_COLUMNS_H_

#include <string>
#include <vector>

#include "model/declared.h"

namespace gongkai {

// The name of each column of `table`, in order.
std::vector<std::string> PublishedColumnKeys(const PublishedTableLayout& table);

}  // namespace gongkai

#endif  // GONGKAI_MODEL_PUBLISHED_COLUMNS_H_
