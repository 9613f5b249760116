// An indicator framework (指标框架): the valid 一级 → 二级 pairs of a region and year, the 一级
// levels every goal must have, the total of weights, and spelling aliases. Loaded from
// data/perf/frameworks/<name>.yaml; "standard" when a file names none.
#ifndef GONGKAI_REFDATA_FRAMEWORK_H_
#define GONGKAI_REFDATA_FRAMEWORK_H_

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace gongkai {

struct Framework {
  std::string id, name;
  std::vector<std::pair<std::string, std::vector<std::string>>> levels;  // ordered
  std::vector<std::string> required;
  int weights_total = 100;
  std::map<std::string, std::string> aliases;

  // Canonical spelling of a level name.
  std::string Canonical(const std::string& level) const;
  bool HasLevel1(const std::string& level1) const;
  bool HasPair(const std::string& level1, const std::string& level2) const;

  // Throws CatalogError when the file is missing or malformed.
  static Framework Load(const std::string& data_dir, const std::string& id);
};

// Frameworks by id, each read once and then shared (thread-safe). Throws CatalogError.
using FrameworkProvider = std::function<std::shared_ptr<const Framework>(const std::string& id)>;
FrameworkProvider MakeFrameworkProvider(const std::string& data_dir);

}  // namespace gongkai

#endif  // GONGKAI_REFDATA_FRAMEWORK_H_
