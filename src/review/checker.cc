#include "review/checker.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "disclosure/figures.h"
#include "refdata/catalog.h"
#include "review/cause_groups.h"
#include "review/published_source.h"

namespace gongkai {

void RegisterBalanceRules(std::vector<Rule>* rules);
void RegisterClassificationRules(std::vector<Rule>* rules);
void RegisterTextRules(std::vector<Rule>* rules);
void RegisterCompletenessRules(std::vector<Rule>* rules);
void RegisterPlausibilityRules(std::vector<Rule>* rules);
void RegisterPerformanceRules(std::vector<Rule>* rules);
void RegisterFinalAccountsRules(std::vector<Rule>* rules);
void RegisterEconomicNatureRules(std::vector<Rule>* rules);
void RegisterProseRules(std::vector<Rule>* rules);
void RegisterTextYearRules(std::vector<Rule>* rules);
void RegisterPerformancePriorRules(std::vector<Rule>* rules);
void RegisterPerformanceCopyRules(std::vector<Rule>* rules);
void RegisterSmeTextRules(std::vector<Rule>* rules);

// The one place where rules are registered.
const std::vector<Rule>& AllRules() {
  static const std::vector<Rule> rules = [] {
    std::vector<Rule> all;
    RegisterBalanceRules(&all);
    RegisterClassificationRules(&all);
    RegisterEconomicNatureRules(&all);
    RegisterTextRules(&all);
    RegisterProseRules(&all);
    RegisterTextYearRules(&all);
    RegisterSmeTextRules(&all);
    RegisterCompletenessRules(&all);
    RegisterPlausibilityRules(&all);
    RegisterPerformanceRules(&all);
    RegisterPerformancePriorRules(&all);
    RegisterPerformanceCopyRules(&all);
    RegisterFinalAccountsRules(&all);
    std::set<std::string> ids;
    for (const auto& r : all) {
      if (!ids.insert(r.id).second) throw std::logic_error("duplicate rule id " + r.id);
    }
    return all;
  }();
  return rules;
}

const Rule* FindRule(const std::string& id) {
  for (const auto& r : AllRules()) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

std::vector<std::string> AllProfiles() {
  std::vector<std::string> out;
  for (const auto& r : AllRules()) {
    for (const auto& p : r.profiles) {
      if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
    }
  }
  return out;
}

Location CheckContext::At(int line, int column, std::string section) const {
  Location l;
  l.file = d.source_path;
  l.line = line;
  l.column_pos = column;
  l.section = std::move(section);
  // A workbook source: report the cell the line came from (the nearest one above for lines
  // that only open a list or mapping).
  if (!d.line_cells.empty() && line > 0) {
    for (int i = std::min<int>(line, static_cast<int>(d.line_cells.size()) - 1); i > 0; --i) {
      if (!d.line_cells[i].empty()) {
        l.cell = d.line_cells[i];
        break;
      }
    }
  }
  return l;
}

Location CheckContext::At(const SourceLocation& where, std::string section) const {
  return At(where.line, where.column, std::move(section));
}

std::string CheckContext::TableName(const std::string& id) const {
  for (const auto& t : doc.tables) {
    if (t.id == id) return t.number.empty() ? t.title : t.number + " " + t.title;
  }
  return id;
}

void Emitter::Report(std::string message, Location where, std::string expected, std::string found,
                     std::string difference) {
  Finding f;
  f.message = std::move(message);
  f.where = std::move(where);
  f.expected = std::move(expected);
  f.found = std::move(found);
  f.difference = std::move(difference);
  out_->push_back(std::move(f));
}

void Emitter::Relate(Location other) {
  if (!out_->empty()) out_->back().related.push_back(std::move(other));
}

void Emitter::Rounding(std::string message, Location where, std::string expected, std::string found,
                       std::string difference) {
  Finding f;
  f.severity = Severity::kInfo;
  f.message = std::move(message);
  f.where = std::move(where);
  f.expected = std::move(expected);
  f.found = std::move(found);
  f.difference = std::move(difference);
  f.rounding = true;
  out_->push_back(std::move(f));
}

bool RuleSelected(const std::string& id, const Rule* rule, const CheckConfig& config,
                  const CheckOptions& options) {
  if (config.disabled.count(id)) return false;
  if (!options.only.empty() &&
      std::find(options.only.begin(), options.only.end(), id) == options.only.end()) {
    return false;
  }
  return options.profile.empty() || !rule ||
         std::find(rule->profiles.begin(), rule->profiles.end(), options.profile) !=
             rule->profiles.end();
}

Severity ConfiguredSeverity(const std::string& id, Severity normal, const CheckConfig& config) {
  auto it = config.severity.find(id);
  return it == config.severity.end() ? normal : it->second;
}

std::vector<Finding> RunChecks(const Department& d, const Document& doc, const CheckConfig& config,
                               const CheckOptions& options) {
  // A published document read back has no detail to check its figures against: it gets the
  // audit's checks of the figures among themselves.
  if (d.published.present) return ReviewPublishedSource(d, config, options);
  Figures f = ComputeFigures(d);
  CheckContext ctx{d, f, doc, config, nullptr, {}, nullptr, nullptr, {}, nullptr};
  std::shared_ptr<const Framework> framework;
  if (d.performance.present) {
    try {
      framework = config.frameworks ? config.frameworks(d.performance.framework)
                                    : std::make_shared<const Framework>(Framework::Load(
                                          config.data_dir, d.performance.framework));
      ctx.framework = framework.get();
    } catch (const std::exception& e) {
      ctx.framework_error = e.what();
    }
  }
  std::shared_ptr<const ProseWords> words;
  std::shared_ptr<const EconomicItems> items;
  try {
    words = config.prose_words ? config.prose_words() : ProseWords::Load(config.data_dir);
    items = config.economic_items ? config.economic_items(d.year)
                                  : EconomicItems::Load(config.data_dir, d.year);
    ctx.prose_words = words.get();
    ctx.economic_items = items.get();
  } catch (const std::exception& e) {
    ctx.review_data_error = e.what();
  }
  std::vector<Finding> all;
  for (const auto& rule : AllRules()) {
    if (!rule.AppliesTo(d.kind)) continue;
    if (!RuleSelected(rule.id, &rule, config, options)) continue;
    std::vector<Finding> found;
    Emitter emit(&found);
    rule.run(ctx, emit);
    const Severity severity = ConfiguredSeverity(rule.id, rule.severity, config);
    for (auto& finding : found) {
      // Rounding differences stay 提示 whatever the rule's severity.
      finding.severity = finding.rounding ? Severity::kInfo : severity;
      finding.rule = rule.id;
      all.push_back(std::move(finding));
    }
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const Finding& a, const Finding& b) { return a.severity < b.severity; });
  GroupByCause(&all, /*totals_are_roots=*/false, /*by_figure=*/true);
  return all;
}

std::string RulesMarkdown() {
  std::string out =
      "# 审核规则 (review rules)\n\n"
      "Generated from the rule registry (`src/review/checker.cc`) by `gongkai rules`; a test fails "
      "when this file is stale. Severities are the defaults; a region changes them in "
      "`data/check/<region>.csv`.\n\n"
      "Tolerance: a printed figure is right when it equals the exact detail rounded half up to "
      "0.01万元; within 0.01万元 of it (or, for a total against its printed parts, within half a "
      "cent per part) it is a rounding difference and reported as 提示; beyond that it gets the "
      "rule's severity. Percentages likewise at their printed precision "
      "(`src/review/tolerance.h`).\n\n";
  out += fmt::format("{} rules.\n\n", AllRules().size());
  std::string family;
  for (const auto& r : AllRules()) {
    if (r.family != family) {
      family = r.family;
      out += fmt::format(
          "## {}\n\n| id | 严重程度 | 规则 | 依据与理由 | 适用 |\n|---|---|---|---|---|\n", family);
    }
    std::string profiles;
    for (const auto& p : r.profiles) profiles += (profiles.empty() ? "" : "、") + p;
    if (!r.AppliesTo(DocumentKind::kBudget)) {
      profiles = "决算：" + profiles;
    } else if (r.AppliesTo(DocumentKind::kFinalAccounts)) {
      profiles = "预算、决算：" + profiles;
    }
    out += fmt::format("| {} | {} | {} | {}（{}） | {} |\n", r.id, SeverityName(r.severity),
                       r.title, r.rationale, r.basis, profiles);
    auto next = &r + 1;
    if (next == AllRules().data() + AllRules().size() || next->family != family) out += "\n";
  }
  return out;
}

}  // namespace gongkai
