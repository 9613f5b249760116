// Stable names for findings, so that an explanation, a comment or a comparison can refer to
// one: `RULE-xxxxxxxx`, the rule and eight hex digits of a SHA-256 of what the finding says
// and where in the document (table, row, column, section, cell) — not the source line, which
// moves when lines are added above it. So the same finding in two versions of a department's
// source has the same key, and a finding whose figures changed gets a new one. Findings alike
// in every respect are told apart by "-2", "-3" in their order.
#ifndef GONGKAI_SERVER_FINDING_KEYS_H_
#define GONGKAI_SERVER_FINDING_KEYS_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace gongkai::server {

// The stored findings (the `check --json` array) with a "key" on each top-level finding.
nlohmann::json KeyedFindings(const std::string& findings_json);

// The keys of the 错误 findings (severity "error", not merely rounding) among `keyed`.
std::vector<std::string> ErrorKeys(const nlohmann::json& keyed);

}  // namespace gongkai::server

#endif  // GONGKAI_SERVER_FINDING_KEYS_H_
