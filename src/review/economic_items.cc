#include "review/economic_items.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>

#include "base/csv.h"

namespace gongkai {
namespace {

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(';', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool IsEconomicSection(const std::string& code) {
  return code.size() == 5 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::shared_ptr<const EconomicItems> EconomicItems::Load(const std::string& data_dir, int year) {
  namespace fs = std::filesystem;
  fs::path path = fs::path(data_dir) / "check" / std::to_string(year) / "economic_items.csv";
  if (!fs::exists(path)) path = fs::path(data_dir) / "check" / "common" / "economic_items.csv";
  CsvTable t = ReadCsvFile(path.string());
  size_t keyword = t.Column("keyword"), codes = t.Column("codes"), name = t.Column("name"),
         exclude = t.Column("exclude"), reason = t.Column("reason");
  std::vector<EconomicItem> items;
  for (const auto& row : t.rows) {
    EconomicItem item{row.fields[keyword], SplitList(row.fields[codes]),
                      row.fields[name],    SplitList(row.fields[exclude]),
                      row.fields[reason],  row.line};
    if (item.keyword.empty() || item.codes.empty() || item.reason.empty()) {
      throw CatalogError(
          fmt::format("{}:{}: 关键词、经济分类编码和理由都须填写", path.string(), row.line));
    }
    for (const auto& c : item.codes) {
      if (!IsEconomicSection(c)) {
        throw CatalogError(fmt::format("{}:{}: 「{}」不是经济分类款级编码（5位数字）",
                                       path.string(), row.line, c));
      }
    }
    items.push_back(std::move(item));
  }
  return FromItems(std::move(items), path.string());
}

std::shared_ptr<const EconomicItems> EconomicItems::FromItems(std::vector<EconomicItem> items,
                                                              std::string path) {
  auto out = std::make_shared<EconomicItems>();
  out->items_ = std::move(items);
  out->path_ = std::move(path);
  std::stable_sort(out->items_.begin(), out->items_.end(),
                   [](const EconomicItem& a, const EconomicItem& b) {
                     return a.keyword.size() > b.keyword.size();
                   });
  return out;
}

std::vector<const EconomicItem*> EconomicItems::Match(std::string_view text) const {
  std::vector<const EconomicItem*> out;
  for (const auto& item : items_) {
    if (text.find(item.keyword) == std::string_view::npos) continue;
    bool excluded = std::any_of(item.exclude.begin(), item.exclude.end(), [&](const auto& w) {
      return text.find(w) != std::string_view::npos;
    });
    if (!excluded) out.push_back(&item);
  }
  return out;
}

EconomicItemsProvider MakeEconomicItemsProvider(const std::string& data_dir) {
  auto cache = std::make_shared<std::map<int, std::shared_ptr<const EconomicItems>>>();
  auto mutex = std::make_shared<std::mutex>();
  return [=](int year) {
    std::lock_guard<std::mutex> lock(*mutex);
    auto& slot = (*cache)[year];
    if (!slot) slot = EconomicItems::Load(data_dir, year);
    return slot;
  };
}

}  // namespace gongkai
