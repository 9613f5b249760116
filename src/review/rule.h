// A review rule and what it sees.
//
// A rule has a stable id (BAL-003), a default severity, a family, a one-line title, a
// rationale with its source (law, 财预〔2016〕143号, the year's catalog, the region's rules)
// and the profiles it belongs to. Its function looks at the department (lines, texts, the
// declared figures) and the disclosure computed from it, and emits findings. Rules are
// registered in one place (registry.cc); docs/rules.md is generated from the registry.
#ifndef GONGKAI_REVIEW_RULE_H_
#define GONGKAI_REVIEW_RULE_H_

#include <algorithm>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "disclosure/document.h"
#include "disclosure/figures.h"
#include "model/department.h"
#include "refdata/framework.h"
#include "review/check_config.h"
#include "review/economic_items.h"
#include "review/finding.h"
#include "review/prose_words.h"

namespace gongkai {

struct ProseReview;  // review/prose_texts.h

struct CheckContext {
  const Department& d;
  const Figures& f;
  const Document& doc;  // the disclosure computed from the lines
  const CheckConfig& config;
  // The indicator framework named by the file (performance.framework), when it could be read;
  // framework_error says why not.
  const Framework* framework = nullptr;
  std::string framework_error;
  // The review's own reference data (data/check/): the words of prose arithmetic and the
  // economic classification of common items, when they could be read; review_data_error says
  // why not.
  const ProseWords* prose_words = nullptr;
  const EconomicItems* economic_items = nullptr;
  std::string review_data_error;

  // The source position of a declared figure or other element.
  Location At(int line, int column, std::string section = {}) const;
  Location At(const SourceLocation& where, std::string section = {}) const;
  // Display name of a table id ("附表4-5 一般公共预算支出表"), or the id when unknown.
  std::string TableName(const std::string& id) const;

  // The department's prose read once for the rules that check it (ReviewedProse), made by the
  // first of them to ask: the rules of one review run one after another on one thread.
  mutable std::shared_ptr<const ProseReview> prose_review;
};

// Collects the findings of one rule; severity and rule id are filled in by the checker.
class Emitter {
 public:
  explicit Emitter(std::vector<Finding>* out) : out_(out) {}
  // A finding at the rule's (configured) severity.
  void Report(std::string message, Location where, std::string expected = {},
              std::string found = {}, std::string difference = {});
  // A difference explained by rounding: always 提示 (see check/tolerance.h).
  void Rounding(std::string message, Location where, std::string expected = {},
                std::string found = {}, std::string difference = {});
  // Another cell the last finding compares (Finding::related), so that a wrong figure there
  // explains it too (cause_groups.h). Nothing when no finding was reported.
  void Relate(Location other);

 private:
  friend class Checker;
  std::vector<Finding>* out_;
};

struct Rule {
  std::string id;
  Severity severity = Severity::kError;
  std::string family;  // 平衡关系 / 科目分类 / 说明文字 / 完整性 / 合理性 / 绩效目标
  std::string title;                  // one line
  std::string rationale;              // why, and on what basis
  std::string basis;                  // source: 预算法, 财预〔2016〕143号, catalog …
  std::vector<std::string> profiles;  // 预算公开, 内部审核
  std::function<void(const CheckContext&, Emitter&)> run;
  // The documents the rule applies to: the budget's rules know the budget's tables and text,
  // the final accounts' rules theirs.
  std::vector<DocumentKind> kinds = {DocumentKind::kBudget};
  bool AppliesTo(DocumentKind kind) const {
    return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
  }
};

}  // namespace gongkai

#endif  // GONGKAI_REVIEW_RULE_H_
