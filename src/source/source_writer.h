// Writes the model back as a source file, YAML or JSON, in the documented format.
//
// Used by `gongkai convert` and the round-trip tests: loading what is written gives the same
// model, and writing that again gives the same text. Amounts are written exactly (as
// decimal strings in JSON, never as floating point).
#ifndef GONGKAI_SOURCE_SOURCE_WRITER_H_
#define GONGKAI_SOURCE_SOURCE_WRITER_H_

#include <string>

#include "model/department.h"

namespace gongkai {

std::string WriteSourceYaml(const Department& d);
std::string WriteSourceJson(const Department& d);

}  // namespace gongkai

#endif  // GONGKAI_SOURCE_SOURCE_WRITER_H_
