#include "refdata/framework.h"

#include <mutex>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/csv.h"
#include "base/utf8_text.h"
#include "base/yaml_message.h"

namespace gongkai {

std::string Framework::Canonical(const std::string& level) const {
  auto it = aliases.find(level);
  return it == aliases.end() ? level : it->second;
}

bool Framework::HasLevel1(const std::string& level1) const {
  for (const auto& [l1, l2s] : levels) {
    if (l1 == Canonical(level1)) return true;
  }
  return false;
}

bool Framework::HasPair(const std::string& level1, const std::string& level2) const {
  for (const auto& [l1, l2s] : levels) {
    if (l1 != Canonical(level1)) continue;
    for (const auto& l2 : l2s) {
      if (l2 == Canonical(level2)) return true;
    }
  }
  return false;
}

Framework Framework::Load(const std::string& data_dir, const std::string& id) {
  namespace fs = std::filesystem;
  std::string name = id.empty() ? "standard" : id;
  // The name comes from a source file: it must not name a file outside the data directory.
  if (!IsDataName(name)) {
    throw CatalogError(
        fmt::format("指标框架名称「{}」无效：只能由字母、数字、「-」和「_」组成", Excerpt(name)));
  }
  fs::path path = fs::path(data_dir) / "perf" / "frameworks" / (name + ".yaml");
  if (!fs::exists(path)) {
    std::string known;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(path.parent_path(), ec))
      known += " " + e.path().stem().string();
    throw CatalogError(
        fmt::format("{}: 没有指标框架「{}」（已有：{}）", path.string(), name, known));
  }
  Framework f;
  f.id = name;
  try {
    // A file that may be the user's own: no aliases (a list containing itself), no deep nesting.
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (auto p = CheckYamlStructure(text.str(), 32, "指标框架文件")) {
      throw CatalogError(
          fmt::format("{}:{}:{}: {}", path.string(), p->line, p->column, p->message));
    }
    YAML::Node root = YAML::Load(text.str());
    f.name = root["name"].as<std::string>("");
    for (auto it = root["levels"].begin(); it != root["levels"].end(); ++it) {
      f.levels.emplace_back(it->first.as<std::string>(), it->second.as<std::vector<std::string>>());
    }
    if (root["required"]) f.required = root["required"].as<std::vector<std::string>>();
    if (root["weights_total"]) f.weights_total = root["weights_total"].as<int>();
    if (root["aliases"]) f.aliases = root["aliases"].as<std::map<std::string, std::string>>();
  } catch (const YAML::Exception& e) {
    throw CatalogError(fmt::format("{}:{}: 指标框架文件格式错误：{}", path.string(),
                                   e.mark.line + 1, YamlSyntaxMessage(e.msg)));
  }
  return f;
}

FrameworkProvider MakeFrameworkProvider(const std::string& data_dir) {
  auto cache = std::make_shared<std::map<std::string, std::shared_ptr<const Framework>>>();
  auto mutex = std::make_shared<std::mutex>();
  return [=](const std::string& id) {
    std::lock_guard<std::mutex> lock(*mutex);
    auto& slot = (*cache)[id];
    if (!slot) slot = std::make_shared<const Framework>(Framework::Load(data_dir, id));
    return slot;
  };
}

}  // namespace gongkai
