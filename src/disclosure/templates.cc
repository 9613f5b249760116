#include "disclosure/templates.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <filesystem>
#include <optional>

#include "base/csv.h"
#include "disclosure/figures.h"

namespace gongkai {

namespace {

// The keys frame.csv must define (DocumentFrame).
constexpr const char* kFrameKeys[] = {
    "title",   "noun",        "cover_title", "cover_contents",  "running_head",
    "subject", "part1",       "part1_short", "part2",           "part2_short",
    "part3",   "part3_short", "owner",       "tables_contents", "workbook_contents"};

// The keys layout.csv may set, with the values each allows (none listed: checked below —
// `sections`, the 决算 情况说明's parts in order by id; `title.<id>` a part's title, any text).
struct LayoutKey {
  const char* key;
  std::vector<std::string> values;
};
const LayoutKey kLayoutKeys[] = {{"adjusted_budget", {"printed", "omitted"}},
                                 {"operating_budget", {"printed", "omitted"}},
                                 {"sections", {}}};
// The 决算 情况说明's sections a layout may order (`sections`) and title (`title.<id>`): see
// final_explanation.cc.
const char* const kFinalSections[] = {
    "overview", "income", "spending",   "fiscal", "general",   "general_basic", "three_public",
    "gov_fund", "soe",    "evaluation", "other",  "operating", "procurement",   "assets"};

// The wording layout.csv gives the 决算 情况说明's items of a 预算数 and a 决算数
// (final_explanation.cc), each key with the placeholders its text may hold: the 会议费 and
// 培训费 (meeting_training.*; `meeting_training.order` lists the two ids in the order stated),
// the “三公” in a region's own words (three_public.*; `three_public.order` lists its items, the
// keys of ThreePublicKeys(), in the order stated), the parts their sentences share
// (meeting_training.completion, more, less, reason) and the change from last year's 决算
// (change.*).
struct TextKey {
  std::string key;
  std::vector<std::string> placeholders;
};
const std::vector<TextKey>& TextKeys() {
  static const std::vector<TextKey> keys = [] {
    const std::vector<std::string> sentence = {"{year}",
                                               "{budget}",
                                               "{actual}",
                                               "{completion}",
                                               "{difference}",
                                               "{change}",
                                               "{outbound_groups}",
                                               "{outbound_persons}",
                                               "{vehicles_purchased}",
                                               "{vehicles_held}",
                                               "{reception_batches}",
                                               "{reception_persons}"};
    std::vector<TextKey> out = {
        {"meeting_training.order", {}},
        {"meeting_training.heading.three_public", {}},
        {"meeting_training.heading.meeting", {}},
        {"meeting_training.heading.training", {}},
        {"meeting_training.text.meeting", sentence},
        {"meeting_training.text.training", sentence},
        {"meeting_training.completion", {"{rate}"}},
        {"meeting_training.more", {"{amount}"}},
        {"meeting_training.less", {"{amount}"}},
        {"meeting_training.reason", {"{reason}"}},
        {"three_public.order", {}},
        {"three_public.text.total", sentence},
        {"change.more", {"{amount}", "{prior_year}", "{reason}"}},
        {"change.less", {"{amount}", "{prior_year}", "{reason}"}},
        {"change.same", {"{prior_year}", "{reason}"}},
        {"change.reason", {"{reason}"}},
    };
    for (const std::string& item : ThreePublicKeys()) {
      out.push_back({"three_public.text." + item, sentence});
      out.push_back({"three_public.heading." + item, {"{n}"}});
      out.push_back({"three_public.none." + item, {"{year}"}});
    }
    return out;
  }();
  return keys;
}

// The ids a list of layout.csv may name (meeting_training.order, three_public.order).
const std::map<std::string, std::vector<std::string>>& ListKeys() {
  static const std::map<std::string, std::vector<std::string>> keys = {
      {"meeting_training.order", {"meeting", "training"}},
      {"three_public.order", ThreePublicKeys()}};
  return keys;
}

// The first placeholder of `text` that `allowed` does not name, empty when there is none.
std::string UnknownPlaceholder(const std::string& text, const std::vector<std::string>& allowed) {
  for (size_t at = text.find('{'); at != std::string::npos; at = text.find('{', at + 1)) {
    const size_t end = text.find('}', at);
    const std::string name = text.substr(at, end == std::string::npos ? end : end - at + 1);
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) return name;
  }
  return "";
}

bool IsFinalSection(const std::string& id) {
  return std::find(std::begin(kFinalSections), std::end(kFinalSections), id) !=
         std::end(kFinalSections);
}

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

bool Templates::Prints(const std::string& key) const {
  auto it = layout.find(key);
  return it != layout.end() && it->second == "printed";
}

bool TableTemplate::HasColumn(const std::string& key) const {
  return std::find(columns.begin(), columns.end(), key) != columns.end();
}

std::string TableTemplate::Label(const std::string& key, const std::string& national) const {
  auto it = labels.find(key);
  return it == labels.end() ? national : it->second;
}

namespace {

// The latest year directory under `root` not after `year`, 0 when there is none.
int LatestYear(const std::filesystem::path& root, int year) {
  int best = 0;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(root, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos ||
        name.size() > 4) {
      continue;
    }
    int y = std::stoi(name);
    if (y <= year && y > best) best = y;
  }
  return best;
}

// The regional directory for a region name: the longest non-year directory name under `root`
// that begins `region`, empty when none does.
std::string RegionDirectory(const std::filesystem::path& root, const std::string& region) {
  std::string best;
  if (region.empty()) return best;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(root, ec)) {
    if (!entry.is_directory(ec)) continue;
    const std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") == std::string::npos) continue;  // a year
    if (region.rfind(name, 0) == 0 && name.size() > best.size()) best = name;
  }
  return best;
}

std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> out;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find(' ', at);
    if (end == std::string::npos) end = text.size();
    if (end > at) out.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

// Each row of a file of table,key,label rows (rows.csv, labels.csv) with the template of its
// table: fn(table, key, label, file, line). A table tables.csv does not list is an error naming
// the file and line.
template <typename Fn>
void ForEachTableRow(const std::string& path, std::vector<TableTemplate>* tables, Fn fn) {
  CsvTable csv = ReadCsvFile(path);
  const size_t table = csv.Column("table"), key = csv.Column("key"), label = csv.Column("label");
  for (const auto& row : csv.rows) {
    auto it = std::find_if(tables->begin(), tables->end(),
                           [&](const TableTemplate& tt) { return tt.id == row.fields[table]; });
    if (it == tables->end()) {
      throw CatalogError(
          fmt::format("{}:{}: 表「{}」不在 tables.csv 中", csv.path, row.line, row.fields[table]));
    }
    fn(*it, row.fields[key], row.fields[label], csv.path, row.line);
  }
}

}  // namespace

Templates Templates::Load(const std::string& data_dir, DocumentKind kind, int year,
                          const std::string& region) {
  namespace fs = std::filesystem;
  fs::path root = fs::path(data_dir) / "templates" / DocumentKindId(kind);
  const int best = LatestYear(root, year);
  if (best == 0) {
    throw CatalogError(fmt::format("{}: 没有{}年或更早年度的公开模板", root.string(), year));
  }
  Templates t;
  t.kind = kind;
  t.year = best;
  const fs::path dir = root / std::to_string(best);
  fs::path regional;
  if (std::string name = RegionDirectory(root, region); !name.empty()) {
    if (int y = LatestYear(root / name, year); y > 0) {
      t.region = name;
      t.region_year = y;
      regional = root / name / std::to_string(y);
    }
  }
  // A file of the regional set where it has one, else the national file.
  auto file = [&](const char* name) {
    std::error_code ec;
    if (!regional.empty() && fs::exists(regional / name, ec)) return (regional / name).string();
    return (dir / name).string();
  };
  CsvTable frame = ReadCsvFile(file("frame.csv"));
  const size_t key = frame.Column("key"), text = frame.Column("text");
  for (const auto& row : frame.rows) t.frame[row.fields[key]] = row.fields[text];
  for (const char* k : kFrameKeys) {
    if (!t.frame.count(k)) throw CatalogError(fmt::format("{}: 缺少「{}」一行", frame.path, k));
  }
  CsvTable tables = ReadCsvFile(file("tables.csv"));
  auto optional = [](const CsvTable& csv, const char* column) -> std::optional<size_t> {
    auto it = std::find(csv.header.begin(), csv.header.end(), column);
    if (it == csv.header.end()) return std::nullopt;
    return static_cast<size_t>(it - csv.header.begin());
  };
  const auto layout = optional(tables, "layout"), columns = optional(tables, "columns");
  for (const auto& row : tables.rows) {
    TableTemplate tt;
    tt.id = row.fields[tables.Column("id")];
    tt.number = row.fields[tables.Column("number")];
    tt.title = row.fields[tables.Column("title")];
    tt.always = row.fields[tables.Column("always")] == "1";
    tt.empty_note = row.fields[tables.Column("empty_note")];
    if (layout) tt.layout = row.fields[*layout];
    if (columns) tt.columns = Words(row.fields[*columns]);
    t.tables.push_back(std::move(tt));
  }
  if (std::error_code ec; fs::exists(file("rows.csv"), ec)) {
    ForEachTableRow(file("rows.csv"), &t.tables,
                    [](TableTemplate& tt, const std::string& k, const std::string& v,
                       const std::string&, auto) { tt.rows.emplace_back(k, v); });
  }
  if (std::error_code ec; fs::exists(file("labels.csv"), ec)) {
    ForEachTableRow(
        file("labels.csv"), &t.tables,
        [](TableTemplate& tt, const std::string& k, const std::string& v, const std::string& path,
           auto line) {
          if (k.rfind("group.", 0) == 0 && k != "group.item" && k != "group.amounts" &&
              !(k == "group.three_public" && tt.id == "final_three_public")) {
            throw CatalogError(fmt::format(
                "{}:{}: 「{}」不是表「{}」的表头分组（可用：group.item、group.amounts{}）", path,
                line, k, tt.id, tt.id == "final_three_public" ? "、group.three_public" : ""));
          }
          if (k.rfind("column.", 0) == 0 && k != "column.line_numbers") {
            throw CatalogError(fmt::format("{}:{}: 「{}」不是表格的列（可用：column.line_numbers）",
                                           path, line, k));
          }
          if (k.rfind("row.", 0) == 0 && k != "row.numbers") {
            throw CatalogError(
                fmt::format("{}:{}: 「{}」不是表头的行（可用：row.numbers）", path, line, k));
          }
          tt.labels[k] = v;
        });
  }
  // layout.csv: the national values, then the region's key by key.
  for (const fs::path& layout_dir : {dir, regional}) {
    std::error_code ec;
    if (layout_dir.empty() || !fs::exists(layout_dir / "layout.csv", ec)) continue;
    CsvTable settings = ReadCsvFile((layout_dir / "layout.csv").string());
    const size_t lkey = settings.Column("key"), value = settings.Column("value");
    for (const auto& row : settings.rows) {
      const std::string& k = row.fields[lkey];
      const std::string& v = row.fields[value];
      if (k.rfind("title.", 0) == 0 && IsFinalSection(k.substr(6))) {  // a section's title
        t.layout[k] = v;
        continue;
      }
      if (auto text_key = std::find_if(TextKeys().begin(), TextKeys().end(),
                                       [&](const TextKey& tk) { return k == tk.key; });
          text_key != TextKeys().end()) {
        if (auto list = ListKeys().find(k); list != ListKeys().end()) {
          for (const auto& id : Words(v)) {
            if (std::find(list->second.begin(), list->second.end(), id) == list->second.end()) {
              throw CatalogError(fmt::format("{}:{}: {} 中的「{}」无效（可用：{}）", settings.path,
                                             row.line, k, id, fmt::join(list->second, "、")));
            }
          }
        } else if (std::string bad = UnknownPlaceholder(v, text_key->placeholders); !bad.empty()) {
          throw CatalogError(
              fmt::format("{}:{}: {} 中的「{}」无效（可用：{}）", settings.path, row.line, k, bad,
                          text_key->placeholders.empty()
                              ? std::string("无")
                              : fmt::format("{}", fmt::join(text_key->placeholders, "、"))));
        }
        t.layout[k] = v;
        continue;
      }
      auto known = std::find_if(std::begin(kLayoutKeys), std::end(kLayoutKeys),
                                [&](const LayoutKey& l) { return k == l.key; });
      if (known == std::end(kLayoutKeys)) {
        std::vector<std::string> keys;
        for (const auto& l : kLayoutKeys) keys.push_back(l.key);
        keys.push_back("title.<部分>");
        for (const auto& tk : TextKeys()) keys.push_back(tk.key);
        throw CatalogError(fmt::format("{}:{}: 未知的版式设置「{}」（可用：{}）", settings.path,
                                       row.line, k, fmt::join(keys, "、")));
      }
      if (k == "sections") {
        for (const auto& id : Words(v)) {
          if (!IsFinalSection(id)) {
            throw CatalogError(
                fmt::format("{}:{}: sections 中的「{}」不是决算情况说明的部分（可用：{}）",
                            settings.path, row.line, id, fmt::join(kFinalSections, "、")));
          }
        }
      } else if (std::find(known->values.begin(), known->values.end(), v) == known->values.end()) {
        throw CatalogError(fmt::format("{}:{}: 版式设置 {} 的值「{}」无效（可用：{}）",
                                       settings.path, row.line, k, v,
                                       fmt::join(known->values, "、")));
      }
      t.layout[k] = v;
    }
  }
  CsvTable glossary = ReadCsvFile(file("glossary.csv"));
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
