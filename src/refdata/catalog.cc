#include "refdata/catalog.h"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <set>

namespace gongkai {
namespace {

bool AllDigits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::string Field(const CsvTable& t, const CsvRow& row, const char* column) {
  return row.fields[t.Column(column)];
}

bool HasColumn(const CsvTable& t, const char* column) {
  for (const auto& h : t.header) {
    if (h == column) return true;
  }
  return false;
}

}  // namespace

FunctionLevel FunctionSubject::level() const {
  if (code.size() == 3) return FunctionLevel::kClass;
  if (code.size() == 5) return FunctionLevel::kSection;
  return FunctionLevel::kItem;
}

void Catalog::AddFunctions(const CsvTable& t) {
  for (const auto& row : t.rows) {
    FunctionSubject s{Field(t, row, "code"), Field(t, row, "name"),
                      HasColumn(t, "description") ? Field(t, row, "description") : ""};
    if (!AllDigits(s.code) || (s.code.size() != 3 && s.code.size() != 5 && s.code.size() != 7)) {
      throw CatalogError(
          fmt::format("{}:{}: 功能分类科目编码「{}」应为3、5或7位数字", t.path, row.line, s.code));
    }
    if (s.name.empty()) {
      throw CatalogError(fmt::format("{}:{}: 科目「{}」缺少名称", t.path, row.line, s.code));
    }
    functions_[s.code] = s;
  }
}

void Catalog::AddEconomics(const CsvTable& t) {
  for (const auto& row : t.rows) {
    EconomicSubject s;
    s.code = Field(t, row, "code");
    s.name = Field(t, row, "name");
    if (HasColumn(t, "gov_admin")) s.gov_admin = Field(t, row, "gov_admin");
    if (HasColumn(t, "gov_institution")) s.gov_institution = Field(t, row, "gov_institution");
    if (HasColumn(t, "three_public")) s.three_public = Field(t, row, "three_public");
    if (HasColumn(t, "description")) s.description = Field(t, row, "description");
    if (!AllDigits(s.code) || (s.code.size() != 3 && s.code.size() != 5)) {
      throw CatalogError(
          fmt::format("{}:{}: 经济分类科目编码「{}」应为3或5位数字", t.path, row.line, s.code));
    }
    if (!s.three_public.empty() && s.three_public != "outbound" &&
        s.three_public != "vehicle_purchase" && s.three_public != "vehicle_operation" &&
        s.three_public != "reception") {
      throw CatalogError(
          fmt::format("{}:{}: three_public 列的值「{}」无效", t.path, row.line, s.three_public));
    }
    economics_[s.code] = s;
  }
}

std::shared_ptr<const Catalog> Catalog::Load(const std::string& data_dir, int year) {
  return Load(data_dir, year, {});
}

std::shared_ptr<const Catalog> Catalog::Load(const std::string& data_dir, int year,
                                             const std::vector<std::string>& overlays) {
  namespace fs = std::filesystem;
  auto catalog = std::make_shared<Catalog>();
  catalog->year_ = year;
  fs::path dir = fs::path(data_dir) / "catalogs" / std::to_string(year);
  if (!fs::is_directory(dir)) {
    std::set<std::string> available;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(fs::path(data_dir) / "catalogs", ec)) {
      if (entry.is_directory()) available.insert(entry.path().filename().string());
    }
    std::string years;
    for (const auto& y : available) years += (years.empty() ? "" : "、") + y;
    throw CatalogError(
        fmt::format("{}: 没有{}年度的分类科目目录（已有：{}）。可用 --catalog 指定该年度的科目文件",
                    dir.string(), year, years.empty() ? "无" : years));
  }
  catalog->AddFunctions(ReadCsvFile((dir / "function.csv").string()));
  catalog->AddEconomics(ReadCsvFile((dir / "economic.csv").string()));
  if (fs::exists(dir / "gov_economic.csv")) {
    CsvTable t = ReadCsvFile((dir / "gov_economic.csv").string());
    for (const auto& row : t.rows)
      catalog->gov_economics_[Field(t, row, "code")] = Field(t, row, "name");
  }
  {
    CsvTable t = ReadCsvFile((dir / "revenue_sources.csv").string());
    for (const auto& row : t.rows) {
      catalog->revenue_sources_.push_back({Field(t, row, "id"), Field(t, row, "name"),
                                           Field(t, row, "fiscal") == "1", Field(t, row, "note")});
    }
  }
  {
    CsvTable t = ReadCsvFile((dir / "function_class_order.csv").string());
    for (const auto& row : t.rows) catalog->class_order_.push_back(Field(t, row, "code"));
  }
  if (fs::exists(dir / "changes.csv")) {
    CsvTable t = ReadCsvFile((dir / "changes.csv").string());
    for (const auto& row : t.rows) {
      CodeChange c;
      try {
        c.year = std::stoi(Field(t, row, "year"));
      } catch (const std::exception&) {
        throw CatalogError(
            fmt::format("{}:{}: 年份「{}」无效", t.path, row.line, Field(t, row, "year")));
      }
      c.code = Field(t, row, "code");
      c.change = Field(t, row, "change");
      c.old_name = Field(t, row, "old_name");
      c.new_name = Field(t, row, "new_name");
      c.replaced_by = Field(t, row, "replaced_by");
      c.note = Field(t, row, "note");
      catalog->changes_.push_back(c);
    }
  }
  catalog->values_ = ValueCatalog::Load(data_dir);
  // User overlays: the header decides which catalog a file extends.
  for (const auto& path : overlays) {
    CsvTable t = ReadCsvFile(path);
    if (HasColumn(t, "three_public") || HasColumn(t, "gov_admin")) {
      catalog->AddEconomics(t);
    } else {
      catalog->AddFunctions(t);
    }
  }
  // Structural check: every 款 has its 类, every 项 its 款.
  for (const auto& [code, s] : catalog->functions_) {
    if (code.size() > 3 && !catalog->functions_.count(code.substr(0, code.size() - 2))) {
      throw CatalogError(fmt::format("{}: 功能分类科目{}缺少上级科目{}", dir.string(), code,
                                     code.substr(0, code.size() - 2)));
    }
  }
  return catalog;
}

const FunctionSubject* Catalog::FindFunction(const std::string& code) const {
  auto it = functions_.find(code);
  return it == functions_.end() ? nullptr : &it->second;
}

const EconomicSubject* Catalog::FindEconomic(const std::string& code) const {
  auto it = economics_.find(code);
  return it == economics_.end() ? nullptr : &it->second;
}

const std::string* Catalog::FindGovEconomicName(const std::string& code) const {
  auto it = gov_economics_.find(code);
  return it == gov_economics_.end() ? nullptr : &it->second;
}

const RevenueSource* Catalog::FindRevenueSource(const std::string& id_or_name) const {
  for (const auto& s : revenue_sources_) {
    if (s.id == id_or_name || s.name == id_or_name) return &s;
  }
  return nullptr;
}

std::vector<const CodeChange*> Catalog::ChangesOf(const std::string& code) const {
  std::vector<const CodeChange*> out;
  for (const auto& c : changes_) {
    if (c.code == code && c.year <= year_) out.push_back(&c);
  }
  return out;
}

std::string Catalog::FunctionPath(const std::string& code) const {
  static const char* kLevels[] = {"(类)", "(款)", "(项)"};
  std::string out;
  for (size_t len = 3, level = 0; len <= code.size() && level < 3; len += 2, ++level) {
    const FunctionSubject* s = FindFunction(code.substr(0, len));
    out += (s ? s->name : code.substr(0, len)) + kLevels[level];
  }
  return out;
}

}  // namespace gongkai
