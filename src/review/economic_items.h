// What common purchases and services are, in the 部门预算支出经济分类: a keyword of an item's
// name (复印机, 印刷, 评审 …) and the 经济分类 款 that fit it. Data, not code:
// data/check/<year>/economic_items.csv, or data/check/common/economic_items.csv when the year
// has none; columns keyword, codes (款 codes that fit, ';'-separated, the usual one first),
// name (of the usual one), exclude (';'-separated words that make the keyword mean something
// else: 打印机耗材 is 办公费, not an 打印机), reason (shown with the finding).
#ifndef GONGKAI_REVIEW_ECONOMIC_ITEMS_H_
#define GONGKAI_REVIEW_ECONOMIC_ITEMS_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

struct EconomicItem {
  std::string keyword;
  std::vector<std::string> codes;  // 款 codes that fit, the usual one first
  std::string name;                // name of the usual one
  std::vector<std::string> exclude;
  std::string reason;
  int line = 0;
};

class EconomicItems {
 public:
  // Reads the file of `year` (see above). Throws CatalogError naming file:line.
  static std::shared_ptr<const EconomicItems> Load(const std::string& data_dir, int year);
  static std::shared_ptr<const EconomicItems> FromItems(std::vector<EconomicItem> items,
                                                        std::string path = {});

  // The entries whose keyword occurs in `text` and none of whose exclusions does, longest
  // keyword first.
  std::vector<const EconomicItem*> Match(std::string_view text) const;
  const std::string& path() const { return path_; }

 private:
  std::vector<EconomicItem> items_;
  std::string path_;
};

// The table of a year, loaded once per data directory and year.
using EconomicItemsProvider = std::function<std::shared_ptr<const EconomicItems>(int year)>;
EconomicItemsProvider MakeEconomicItemsProvider(const std::string& data_dir);

}  // namespace gongkai

#endif  // GONGKAI_REVIEW_ECONOMIC_ITEMS_H_
