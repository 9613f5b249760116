#include "disclosure/templates.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <filesystem>

#include "base/csv.h"
#include "disclosure/figures.h"

namespace gongkai {

Templates Templates::Load(const std::string& data_dir, int year) {
  namespace fs = std::filesystem;
  fs::path root = fs::path(data_dir) / "templates";
  int best = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(root, ec)) {
    int y = 0;
    try {
      y = std::stoi(entry.path().filename().string());
    } catch (const std::exception&) {
      continue;
    }
    if (y <= year && y > best) best = y;
  }
  if (best == 0) {
    throw CatalogError(fmt::format("{}: 没有{}年或更早年度的公开模板", root.string(), year));
  }
  Templates t;
  t.year = best;
  fs::path dir = root / std::to_string(best);
  CsvTable tables = ReadCsvFile((dir / "tables.csv").string());
  for (const auto& row : tables.rows) {
    t.tables.push_back({row.fields[tables.Column("id")], row.fields[tables.Column("number")],
                        row.fields[tables.Column("title")],
                        row.fields[tables.Column("always")] == "1",
                        row.fields[tables.Column("empty_note")]});
  }
  CsvTable glossary = ReadCsvFile((dir / "glossary.csv").string());
  const size_t term = glossary.Column("term"), definition = glossary.Column("definition");
  auto when = std::find(glossary.header.begin(), glossary.header.end(), "when");
  for (const auto& row : glossary.rows) {
    TemplateTerm entry{row.fields[term], row.fields[definition], ""};
    if (when != glossary.header.end()) {
      entry.when = row.fields[static_cast<size_t>(when - glossary.header.begin())];
      if (!entry.when.empty() && !FindSpendingKind(entry.when)) {
        std::vector<std::string> keys;
        for (const auto& k : SpendingKinds()) keys.push_back(k.key);
        throw CatalogError(fmt::format("{}:{}: when「{}」无效（可用：{}，或留空）", glossary.path,
                                       row.line, entry.when, fmt::join(keys, "、")));
      }
    }
    t.glossary.push_back(std::move(entry));
  }
  return t;
}

}  // namespace gongkai
