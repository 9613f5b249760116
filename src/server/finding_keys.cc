// Stable finding keys (finding_keys.h).
#include "server/finding_keys.h"

#include <map>

#include "server/auth.h"

namespace gongkai::server {

nlohmann::json KeyedFindings(const std::string& findings_json) {
  nlohmann::json findings = nlohmann::json::parse(findings_json, nullptr, false);
  if (!findings.is_array()) return nlohmann::json::array();
  std::map<std::string, int> seen;
  for (auto& f : findings) {
    if (!f.is_object()) continue;
    const nlohmann::json where = f.value("location", nlohmann::json::object());
    std::string identity =
        f.value("rule", "") + '\x1f' + f.value("severity", "") + '\x1f' + f.value("message", "");
    for (const char* part : {"table", "row", "column", "section", "cell"}) {
      identity += '\x1f';
      if (where.is_object() && where.contains(part) && where[part].is_string()) {
        identity += where[part].get<std::string>();
      }
    }
    std::string key = f.value("rule", "") + "-" + Sha256Hex(identity).substr(0, 8);
    if (int n = ++seen[key]; n > 1) key += "-" + std::to_string(n);
    f["key"] = key;
  }
  return findings;
}

std::vector<std::string> ErrorKeys(const nlohmann::json& keyed) {
  std::vector<std::string> out;
  for (const auto& f : keyed) {
    if (f.value("severity", "") == "error" && !f.value("rounding", false)) {
      out.push_back(f.value("key", ""));
    }
  }
  return out;
}

}  // namespace gongkai::server
