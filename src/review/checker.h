// Runs the review rules on a department and returns the findings.
#ifndef GONGKAI_REVIEW_CHECKER_H_
#define GONGKAI_REVIEW_CHECKER_H_

#include <string>
#include <vector>

#include "disclosure/document.h"
#include "model/department.h"
#include "review/check_config.h"
#include "review/finding.h"
#include "review/rule.h"

namespace gongkai {

// Every rule, in registry order (registry.cc).
const std::vector<Rule>& AllRules();
const Rule* FindRule(const std::string& id);

// Profiles named by the rules (预算公开, 内部审核).
std::vector<std::string> AllProfiles();

struct CheckOptions {
  std::string profile;            // empty: every rule
  std::vector<std::string> only;  // rule ids; empty: all
};

// Whether the region's settings and `options` let rule `id` run (`rule`: its registry entry,
// null for an id the registry does not hold, which no profile names and so none filters out).
bool RuleSelected(const std::string& id, const Rule* rule, const CheckConfig& config,
                  const CheckOptions& options);

// The severity of rule `id` as the region's settings make it (`normal`: the rule's own).
Severity ConfiguredSeverity(const std::string& id, Severity normal, const CheckConfig& config);

// Runs the rules on `d`, whose disclosure `doc` was built from it. Findings are ordered by
// severity, then by where they are.
std::vector<Finding> RunChecks(const Department& d, const Document& doc, const CheckConfig& config,
                               const CheckOptions& options = {});

// docs/rules.md, generated from the registry.
std::string RulesMarkdown();

}  // namespace gongkai

#endif  // GONGKAI_REVIEW_CHECKER_H_
