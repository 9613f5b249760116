// Classification catalogs (政府收支分类科目) of one fiscal year.
//
// The catalogs are data, not code: data/catalogs/<year>/ holds function.csv (支出功能分类,
// 类/款/项), economic.csv (部门预算支出经济分类, 类/款, with its mapping to 政府预算支出经济分类
// and the "三公" items), gov_economic.csv, revenue_sources.csv, function_class_order.csv (the
// 类 rows of 收支总表) and changes.csv (renamed, retired and added codes). A user can point
// gongkai at the official full catalog of his year: files passed to Overlay() replace rows
// with the same code and add new ones.
#ifndef GONGKAI_REFDATA_CATALOG_H_
#define GONGKAI_REFDATA_CATALOG_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/csv.h"
#include "refdata/indicator_value.h"

namespace gongkai {

enum class FunctionLevel { kClass = 1, kSection = 2, kItem = 3 };  // 类, 款, 项

struct FunctionSubject {
  std::string code;  // 3, 5 or 7 digits
  std::string name;
  std::string description;  // official 科目说明, used in 名词解释
  FunctionLevel level() const;
};

struct EconomicSubject {
  std::string code;  // 3 (类) or 5 (款) digits
  std::string name;
  std::string gov_admin;        // 政府预算经济分类 款 for 机关
  std::string gov_institution;  // … for 事业单位
  std::string three_public;     // outbound | vehicle_purchase | vehicle_operation | reception | ""
  std::string description;
  bool is_class() const { return code.size() == 3; }
};

struct RevenueSource {
  std::string id;  // general, fund, soe, special, business, operating, superior, subsidiary, other
  std::string name;
  bool fiscal = false;  // 财政拨款
  std::string note;
};

struct CodeChange {
  int year = 0;
  std::string code, change, old_name, new_name, replaced_by, note;
};

class Catalog {
 public:
  // Loads data/catalogs/<year>/ below `data_dir`. Throws CatalogError naming file:line.
  static std::shared_ptr<const Catalog> Load(const std::string& data_dir, int year);
  // Loads with user files layered over the bundled ones (see class comment).
  static std::shared_ptr<const Catalog> Load(const std::string& data_dir, int year,
                                             const std::vector<std::string>& overlays);

  int year() const { return year_; }
  const FunctionSubject* FindFunction(const std::string& code) const;
  const EconomicSubject* FindEconomic(const std::string& code) const;
  const std::string* FindGovEconomicName(const std::string& code) const;
  const RevenueSource* FindRevenueSource(const std::string& id_or_name) const;
  const std::vector<RevenueSource>& revenue_sources() const { return revenue_sources_; }
  // 功能 类 codes in the printed order of 收支总表.
  const std::vector<std::string>& class_order() const { return class_order_; }
  const std::vector<CodeChange>& changes() const { return changes_; }
  // Changes that concern `code` (any year up to this catalog's year).
  std::vector<const CodeChange*> ChangesOf(const std::string& code) const;

  // "一般公共服务支出(类)政府办公厅（室）及相关机构事务(款)行政运行(项)" for a 项 code.
  std::string FunctionPath(const std::string& code) const;

  // Units and graded words for indicator values (data/perf/), shared by all years.
  const ValueCatalog& values() const { return *values_; }

  size_t function_count() const { return functions_.size(); }
  size_t economic_count() const { return economics_.size(); }

 private:
  void AddFunctions(const CsvTable& table);
  void AddEconomics(const CsvTable& table);

  int year_ = 0;
  std::map<std::string, FunctionSubject> functions_;
  std::map<std::string, EconomicSubject> economics_;
  std::map<std::string, std::string> gov_economics_;
  std::vector<RevenueSource> revenue_sources_;
  std::vector<std::string> class_order_;
  std::vector<CodeChange> changes_;
  std::shared_ptr<const ValueCatalog> values_;
};

}  // namespace gongkai

#endif  // GONGKAI_REFDATA_CATALOG_H_
