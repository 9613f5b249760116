// Reading a source file's YAML tree with located errors: the building blocks of the loaders
// (source_loader.cc, performance_loader.cc). Each helper checks the type of a node, reports a
// `file:line:column: message` error (a Diagnostic) when it is wrong, and returns a harmless default
// so that reading continues and every error of a file is found in one pass.
#ifndef GONGKAI_SOURCE_SOURCE_READER_H_
#define GONGKAI_SOURCE_SOURCE_READER_H_

#include <initializer_list>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "model/department.h"
#include "source/yaml_tree.h"

namespace gongkai {

class SourceReader {
 public:
  explicit SourceReader(std::string path) : path_(std::move(path)) {}

  // A missing key (an undefined node) has no position: line and column 0.
  SourceLocation Where(const YamlNode& n) const { return {path_, n.line(), n.column()}; }
  DiagnosticLocation At(const YamlNode& n) const { return {path_, n.line(), n.column(), ""}; }
  void Error(const YamlNode& n, const std::string& message) { Error(At(n), message); }
  void Error(DiagnosticLocation where, const std::string& message);
  const Diagnostics& errors() const { return errors_; }

  // Checks that `n` is a mapping whose keys are all in `allowed` (and none repeated).
  bool ExpectMap(const YamlNode& n, const std::string& what, const std::set<std::string>& allowed);
  // The same for a list written in place ({"id", "name"}): no set is built for each mapping.
  bool ExpectMap(const YamlNode& n, const std::string& what,
                 std::initializer_list<std::string_view> allowed);
  bool ExpectList(const YamlNode& n, const std::string& what);
  void RequireKeys(const YamlNode& n, const std::string& what,
                   std::initializer_list<const char*> keys);
  std::string Text(const YamlNode& n, const std::string& what);
  // The text of map[key], which must not be empty or null; a key with nothing after it is
  // reported at the key (a null value has no position of its own).
  std::string NonEmptyText(const YamlNode& map, const char* key, const std::string& what);
  int Integer(const YamlNode& n, const std::string& what, int min, int max);
  // A year a budget can be about: kMinYear to kMaxYear.
  int Year(const YamlNode& n, const std::string& what);
  // A calendar date written YYYY-MM-DD (2022-12-31; not 2022-13-45, not 2023-02-29).
  std::string Date(const YamlNode& n, const std::string& what);
  // A share from 0 to 1 as decimal text ("0.40"), at most 6 decimals; empty when absent.
  std::string Fraction(const YamlNode& n, const std::string& what);
  // A 支出项目类别 (ProjectCategories()); `as_printed` also accepts the form printed in a
  // 项目申报表, with "项目支出" after it (特定目标类-本级项目支出). Empty when absent.
  std::string Category(const YamlNode& n, const std::string& what, bool as_printed);
  // The name of a data file the source refers to (performance.framework): see IsDataName.
  std::string DataName(const YamlNode& n, const std::string& what);
  bool Boolean(const YamlNode& n, const std::string& what);
  Money Amount(const YamlNode& n, const std::string& what);
  std::string DecimalText(const YamlNode& n, const std::string& what);
  Counts CountMap(const YamlNode& n, const std::string& what);
  std::vector<std::string> TextList(const YamlNode& n, const std::string& what);

 protected:
  static constexpr size_t kMaxErrors = 50;
  // Years outside these are typing mistakes (20223, 203), not budgets.
  static constexpr int kMinYear = 1990;
  static constexpr int kMaxYear = 2100;
  std::string path_;
  Diagnostics errors_;
};

}  // namespace gongkai

#endif  // GONGKAI_SOURCE_SOURCE_READER_H_
