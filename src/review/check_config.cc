#include "review/check_config.h"

#include <fmt/format.h>

#include <filesystem>
#include <mutex>

#include "base/csv.h"
#include "base/utf8_text.h"

namespace gongkai {

long long CheckConfig::Number(const std::string& key, long long fallback) const {
  auto it = settings.find(key);
  if (it == settings.end()) return fallback;
  try {
    return std::stoll(it->second);
  } catch (const std::exception&) {
    return fallback;
  }
}

std::string CheckConfig::Reason(const std::string& rule) const {
  auto it = reasons.find(rule);
  return it == reasons.end() ? "" : it->second;
}

CheckConfig CheckConfig::Load(const std::string& data_dir, const std::string& region) {
  namespace fs = std::filesystem;
  CheckConfig config;
  config.region = region;
  config.data_dir = data_dir;
  config.frameworks = MakeFrameworkProvider(data_dir);
  config.economic_items = MakeEconomicItemsProvider(data_dir);
  config.prose_words = [data_dir, cache = std::make_shared<std::shared_ptr<const ProseWords>>(),
                        mutex = std::make_shared<std::mutex>()] {
    std::lock_guard<std::mutex> lock(*mutex);
    if (!*cache) *cache = ProseWords::Load(data_dir);
    return *cache;
  };
  config.three_public_words =
      [data_dir, cache = std::make_shared<std::shared_ptr<const reader::ThreePublicWords>>(),
       mutex = std::make_shared<std::mutex>()] {
        std::lock_guard<std::mutex> lock(*mutex);
        if (!*cache) *cache = reader::ThreePublicWords::Load(data_dir);
        return *cache;
      };
  if (!IsDataName(region)) {  // a name, never a path out of the data directory
    throw CatalogError(
        fmt::format("地区名称「{}」无效：只能由字母、数字、「-」和「_」组成", Excerpt(region)));
  }
  fs::path path = fs::path(data_dir) / "check" / (region + ".csv");
  if (!fs::exists(path)) {
    if (region == "default") return config;
    throw CatalogError(fmt::format("{}: 没有地区「{}」的审核设置文件", path.string(), region));
  }
  CsvTable t = ReadCsvFile(path.string());
  size_t key_col = t.Column("key"), value_col = t.Column("value");
  size_t reason_col = t.header.size();
  for (size_t i = 0; i < t.header.size(); ++i) {
    if (t.header[i] == "reason") reason_col = i;
  }
  for (const auto& row : t.rows) {
    const std::string& key = row.fields[key_col];
    const std::string& value = row.fields[value_col];
    std::string reason = reason_col < row.fields.size() ? row.fields[reason_col] : "";
    bool rule_setting = key.rfind("severity.", 0) == 0 ||
                        (key.rfind("disable.", 0) == 0 && (value == "1" || value == "true"));
    if (rule_setting && reason.empty()) {
      throw CatalogError(
          fmt::format("{}:{}: 「{}」没有说明原因（reason 列）：关闭规则或改变严重程度须写明理由",
                      path.string(), row.line, key));
    }
    if (rule_setting) config.reasons[key.substr(key.find('.') + 1)] = reason;
    if (key.rfind("severity.", 0) == 0) {
      Severity s;
      if (!ParseSeverity(value, &s)) {
        throw CatalogError(fmt::format("{}:{}: 严重程度「{}」无效（可用：错误、警告、提示）",
                                       path.string(), row.line, value));
      }
      config.severity[key.substr(9)] = s;
    } else if (key.rfind("disable.", 0) == 0) {
      if (value == "1" || value == "true") config.disabled.insert(key.substr(8));
    } else {
      config.settings[key] = value;
    }
  }
  return config;
}

}  // namespace gongkai
