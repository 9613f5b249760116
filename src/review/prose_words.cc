#include "review/prose_words.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "base/csv.h"

namespace gongkai {

const std::vector<std::string>& ProseWords::Roles() {
  static const std::vector<std::string> roles = {
      "original",    "adjust_down", "adjust_up",        "result",
      "change_down", "change_up",   "percent_down",     "percent_up",
      "label",       "total",       "list_complete",    "list_partial",
      "share",       "prior",       "current",          "flat",
      "sme",         "small_micro", "procurement_total"};
  return roles;
}

std::shared_ptr<const ProseWords> ProseWords::Load(const std::string& data_dir) {
  std::filesystem::path path =
      std::filesystem::path(data_dir) / "check" / "common" / "prose_words.csv";
  CsvTable t = ReadCsvFile(path.string());
  size_t role_col = t.Column("role"), word_col = t.Column("word");
  auto words = std::make_shared<ProseWords>();
  for (const auto& row : t.rows) {
    const std::string& role = row.fields[role_col];
    const std::string& word = row.fields[word_col];
    if (std::find(Roles().begin(), Roles().end(), role) == Roles().end()) {
      throw CatalogError(fmt::format("{}:{}: 未知的角色「{}」", path.string(), row.line, role));
    }
    if (word.empty()) throw CatalogError(fmt::format("{}:{}: 词语为空", path.string(), row.line));
    words->words_[role].push_back(word);
  }
  words->Sort();
  return words;
}

std::shared_ptr<const ProseWords> ProseWords::FromPairs(
    const std::vector<std::pair<std::string, std::string>>& pairs) {
  auto words = std::make_shared<ProseWords>();
  for (const auto& [role, word] : pairs) words->words_[role].push_back(word);
  words->Sort();
  return words;
}

void ProseWords::Sort() {
  for (auto& [role, list] : words_) {
    std::stable_sort(list.begin(), list.end(), [](const std::string& a, const std::string& b) {
      return a.size() > b.size();
    });
  }
}

const std::vector<std::string>& ProseWords::Of(const std::string& role) const {
  static const std::vector<std::string> none;
  auto it = words_.find(role);
  return it == words_.end() ? none : it->second;
}

std::string_view ProseWords::SuffixOf(const std::string& role, std::string_view text) const {
  for (const auto& w : Of(role)) {
    if (text.size() >= w.size() && text.substr(text.size() - w.size()) == w) return w;
  }
  return {};
}

std::string_view ProseWords::PrefixOf(const std::string& role, std::string_view text) const {
  for (const auto& w : Of(role)) {
    if (text.substr(0, w.size()) == w) return w;
  }
  return {};
}

bool ProseWords::Is(const std::string& role, std::string_view text) const {
  for (const auto& w : Of(role)) {
    if (text == w) return true;
  }
  return false;
}

bool ProseWords::Contains(const std::string& role, std::string_view text) const {
  for (const auto& w : Of(role)) {
    if (text.find(w) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace gongkai
