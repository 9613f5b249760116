// Helpers shared by the rule families: profiles, declared-figure look-ups and the standard
// comparison of a printed figure with the detail.
#ifndef GONGKAI_REVIEW_RULE_SUPPORT_H_
#define GONGKAI_REVIEW_RULE_SUPPORT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "review/document_lookup.h"
#include "review/rule.h"
#include "review/tolerance.h"

namespace gongkai::rules {

inline const char* kPublish = "预算公开";
inline const char* kReview = "内部审核";
inline std::vector<std::string> Both() { return {kPublish, kReview}; }

// Makes the rules of one family: `const RuleFamily Make{"平衡关系", Both()};` in a family's
// file, then `Make("BAL-001", severity, title, rationale, basis, run)` for each rule, with its
// own profiles as a last argument where they differ from the family's.
struct RuleFamily {
  const char* name;
  std::vector<std::string> profiles;
  std::vector<DocumentKind> kinds = {DocumentKind::kBudget};  // the documents it applies to
  Rule operator()(const char* id, Severity s, const char* title, const char* rationale,
                  const char* basis, std::function<void(const CheckContext&, Emitter&)> run,
                  std::optional<std::vector<std::string>> rule_profiles = std::nullopt) const {
    Rule rule{
        id, s, name, title, rationale, basis, rule_profiles.value_or(profiles), std::move(run)};
    rule.kinds = kinds;
    return rule;
  }
};

// Declared cells of one table.
std::vector<const DeclaredCell*> CellsOf(const Department& d, const std::string& table);
// A declared cell by table, row label and column ("" for two-sided tables).
const DeclaredCell* FindCell(const Department& d, const std::string& table, const std::string& row,
                             const std::string& column);
// Declared text figures with this key.
std::vector<const DeclaredFigure*> TextOf(const Department& d, const std::string& key);
const DeclaredFigure* FirstText(const Department& d, const std::string& key);

Location CellLocation(const CheckContext& ctx, const DeclaredCell& c);
Location TextLocation(const CheckContext& ctx, const DeclaredFigure& f);

// The review's own data a rule needs (rule.h: ctx.prose_words, ctx.economic_items), or null
// after a finding, at the start of the source, that says why it could not be read.
const ProseWords* ProseWordsOrReport(const CheckContext& ctx, Emitter& emit);
const EconomicItems* EconomicItemsOrReport(const CheckContext& ctx, Emitter& emit);

// Compares a printed total with its printed parts and emits a finding. `what` names the
// identity ("合计 = 基本支出 + 项目支出"). A difference within rounding tolerance is inherent
// to rounding each printed figure on its own: when the department has detail lines, every
// printed figure is verified against the exact detail by BAL-001 / TXT-001 instead, and such
// a difference is not reported; without detail it is reported as 提示.
void CheckSum(const CheckContext& ctx, Emitter& emit, const std::string& what, Money printed_total,
              const std::vector<Money>& printed_parts, Location where);
// Whether CheckSum would emit a finding for these figures: a rule that checks many sums (one per
// row and column of a table) builds the message and the location only for those that need it.
bool SumNeedsFinding(const CheckContext& ctx, Money printed_total,
                     const std::vector<Money>& printed_parts);

// Every declared table cell against the table computed from the detail (BAL-001 for budgets,
// FIN-006 for final accounts): an unknown table, row or column is reported at the cell; a
// figure off by rounding only is a 提示, any other difference a finding of the rule.
void CheckDeclaredCells(const CheckContext& ctx, Emitter& emit);

// What is wrong with an asset statement dated year-month-day (截至…) in the budget of
// `budget_year`, or "" when nothing clearly is. A budget states its assets as at a date of the
// year before (the end of it, or the month the budget was drawn up: 截至2025年8月31日 in a 2026
// budget) or as at the end of the year before that (the last final accounts); a date in the
// budget year itself cannot have been known, and one more than a year older is stale.
std::string AssetDateProblem(int budget_year, int year, int month, int day);

// True when the printed amount has more than two decimals (not a printed figure).
bool IsCodeLike(std::string_view s);  // all digits

}  // namespace gongkai::rules

#endif  // GONGKAI_REVIEW_RULE_SUPPORT_H_
