#include "reader/three_public_words.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/csv.h"

namespace gongkai::reader {
namespace {

// The words of each role of `csv`, into *words.
void FromTable(const CsvTable& csv,
               std::map<std::string, std::vector<std::string>, std::less<>>* words) {
  const size_t role = csv.Column("role"), word = csv.Column("word");
  const std::vector<std::string>& roles = ThreePublicWords::Roles();
  for (const CsvRow& row : csv.rows) {
    const std::string& r = row.fields[role];
    if (std::find(roles.begin(), roles.end(), r) == roles.end()) {
      throw CatalogError(fmt::format("{}:{}: 未知的 role“{}”", csv.path, row.line, r));
    }
    if (row.fields[word].empty()) {
      throw CatalogError(fmt::format("{}:{}: word 不能为空", csv.path, row.line));
    }
    (*words)[r].push_back(row.fields[word]);
  }
  for (const std::string& r : roles) {
    if (words->find(r) == words->end()) {
      throw CatalogError(fmt::format("{}: role“{}”没有任何词", csv.path, r));
    }
  }
}

}  // namespace

const std::vector<std::string>& ThreePublicWords::Roles() {
  static const std::vector<std::string> kRoles = {"parent",  "total",    "subtotal", "outbound",
                                                  "vehicle", "purchase", "running",  "reception",
                                                  "meeting", "training"};
  return kRoles;
}

std::shared_ptr<const ThreePublicWords> ThreePublicWords::FromCsv(const std::string& text,
                                                                  const std::string& path) {
  auto words = std::make_shared<ThreePublicWords>();
  FromTable(ParseCsv(text, path), &words->words_);
  return words;
}

std::shared_ptr<const ThreePublicWords> ThreePublicWords::Load(const std::string& data_dir) {
  auto words = std::make_shared<ThreePublicWords>();
  FromTable(ReadCsvFile(data_dir + "/reader/three_public.csv"), &words->words_);
  return words;
}

const std::vector<std::string>& ThreePublicWords::Of(std::string_view role) const {
  static const std::vector<std::string> kNone;
  auto it = words_.find(role);
  return it == words_.end() ? kNone : it->second;
}

bool ThreePublicWords::In(std::string_view role, std::string_view text) const {
  const std::vector<std::string>& of = Of(role);
  return std::any_of(of.begin(), of.end(),
                     [&](const std::string& w) { return text.find(w) != std::string_view::npos; });
}

bool ThreePublicWords::Is(std::string_view role, std::string_view text) const {
  const std::vector<std::string>& of = Of(role);
  return std::find(of.begin(), of.end(), text) != of.end();
}

}  // namespace gongkai::reader
