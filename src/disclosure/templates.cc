#include "disclosure/templates.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <filesystem>

#include "base/csv.h"
#include "disclosure/figures.h"

namespace gongkai {

namespace {

// The keys frame.csv must define (DocumentFrame).
constexpr const char* kFrameKeys[] = {
    "title",   "noun",        "cover_title", "cover_contents",  "running_head",
    "subject", "part1",       "part1_short", "part2",           "part2_short",
    "part3",   "part3_short", "owner",       "tables_contents", "workbook_contents"};

std::string Fill(std::string text, const std::string& dept, int year, const std::string& title) {
  auto replace = [&](const std::string& key, const std::string& value) {
    for (size_t at = text.find(key); at != std::string::npos;
         at = text.find(key, at + value.size()))
      text.replace(at, key.size(), value);
  };
  replace("{title}", title);
  replace("{dept}", dept);
  replace("{year}", std::to_string(year));
  return text;
}

}  // namespace

DocumentFrame Templates::Frame(const std::string& department, int fiscal_year) const {
  auto get = [&](const char* key) -> const std::string& { return frame.at(key); };
  DocumentFrame f;
  f.title = Fill(get("title"), department, fiscal_year, "");
  auto fill = [&](const char* key) { return Fill(get(key), department, fiscal_year, f.title); };
  f.noun = fill("noun");
  f.cover_title = fill("cover_title");
  f.cover_contents = fill("cover_contents");
  f.running_head = fill("running_head");
  f.subject = fill("subject");
  const char* numbers[] = {"第一部分", "第二部分", "第三部分"};
  for (int i = 0; i < 3; ++i) {
    const std::string key = "part" + std::to_string(i + 1);
    f.parts[i] = {numbers[i], fill(key.c_str()), fill((key + "_short").c_str())};
  }
  f.owner = fill("owner");
  f.tables_contents = fill("tables_contents");
  f.workbook_contents = fill("workbook_contents");
  return f;
}

Templates Templates::Load(const std::string& data_dir, DocumentKind kind, int year) {
  namespace fs = std::filesystem;
  fs::path root = fs::path(data_dir) / "templates" / DocumentKindId(kind);
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
  t.kind = kind;
  t.year = best;
  fs::path dir = root / std::to_string(best);
  CsvTable frame = ReadCsvFile((dir / "frame.csv").string());
  const size_t key = frame.Column("key"), text = frame.Column("text");
  for (const auto& row : frame.rows) t.frame[row.fields[key]] = row.fields[text];
  for (const char* k : kFrameKeys) {
    if (!t.frame.count(k)) throw CatalogError(fmt::format("{}: 缺少「{}」一行", frame.path, k));
  }
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
