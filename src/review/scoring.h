// Review scoring of project performance goals against a scoring standard (考核标准) kept as
// data (data/perf/scoring/<name>.yaml). Mechanical parts are scored here, each with the reason
// for its deduction; judgement parts are left open unless a reviewer's scores are supplied.
#ifndef GONGKAI_REVIEW_SCORING_H_
#define GONGKAI_REVIEW_SCORING_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/department.h"
#include "review/finding.h"

namespace gongkai {

struct ScoringPart {
  std::string method;  // judgement, required_fields, calc_errors, …
  int points = 0;
  int per = 1, max = 0;
  std::vector<std::pair<std::string, int>> thresholds;  // ("at_most:50", 5) …
  std::string note;
};

struct ScoringItem {
  std::string id, dimension, indicator, criterion, rule;
  int weight = 0;
  std::vector<ScoringPart> parts;
};

struct ScoringStandard {
  std::string id, name, source;
  int total = 100;
  std::vector<ScoringItem> items;
  // Throws CatalogError naming the file on a missing or malformed standard (weights that do
  // not add up to the total, parts that do not add up to their item, unknown methods).
  static ScoringStandard Load(const std::string& data_dir, const std::string& id);
};

struct PartResult {
  const ScoringPart* part;
  std::optional<int> score;  // nullopt: for the reviewer
  std::string reason;
};

struct ItemResult {
  const ScoringItem* item;
  std::vector<PartResult> parts;
  std::optional<int> score;  // when every part is scored
};

struct ScoreCard {
  std::string project;
  std::vector<ItemResult> items;
  int mechanical_points = 0, mechanical_score = 0;  // automatically scored parts
  int reviewed_points = 0, reviewed_score = 0;      // parts the reviewer scored
  int open_points = 0;                              // parts still to be scored
  std::optional<int> total;                         // when nothing is open
};

// Reviewer scores: project name (or "*" for every project) → item id → score of the item's
// judgement parts together.
using ReviewerScores = std::map<std::string, std::map<std::string, int>>;
// Reads a reviewer's scores (YAML: project name or * → 考核指标编号 → score). False and *error
// (file:line: message) when the file cannot be read or is malformed.
bool LoadReviewerScores(const std::string& path, ReviewerScores* scores, std::string* error);
// The rules whose findings the standards' mechanical items deduct for.
std::vector<std::string> ScoringRuleIds();

// Scores every 项目申报表 of `d`. The cards point into `standard`, which must outlive them.
// `findings` are the department's check findings (the PRF rules feed the calc_errors and
// required_fields parts).
std::vector<ScoreCard> ScoreDeclarations(const Department& d, const std::vector<Finding>& findings,
                                         const ScoringStandard& standard,
                                         const ReviewerScores& reviewer);

std::string ScoreText(const ScoringStandard& standard, const std::vector<ScoreCard>& cards);
std::string ScoreJson(const ScoringStandard& standard, const std::vector<ScoreCard>& cards);

}  // namespace gongkai

#endif  // GONGKAI_REVIEW_SCORING_H_
