// Per-region check settings, from data/check/<region>.csv: severity overrides, rules switched
// off, and numeric thresholds. `default` applies when no region file is named.
//
// File format (CSV, header `key,value,reason`):
//   severity.BAL-003,警告,本地区公开表不列该行   change a rule's severity, saying why
//   disable.PLS-006,1,本地区不审核增减幅度      switch a rule off, saying why
//   threshold.change_percent,30,               any other named setting (reason optional)
// A rule switched off or given another severity must say why (the `reason` column), so that a
// report can show which rules a region changed and for what reason.
#ifndef GONGKAI_REVIEW_CHECK_CONFIG_H_
#define GONGKAI_REVIEW_CHECK_CONFIG_H_

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "reader/three_public_words.h"
#include "refdata/framework.h"
#include "review/economic_items.h"
#include "review/finding.h"
#include "review/prose_words.h"

namespace gongkai {

struct CheckConfig {
  std::string region = "default";
  std::string data_dir;          // where frameworks and scoring standards are read from
  FrameworkProvider frameworks;  // set by Load: frameworks of data_dir, cached
  // Set by Load, read on first use and cached: data/check/common/prose_words.csv and the
  // economic_items.csv of a year (review/economic_items.h).
  std::function<std::shared_ptr<const ProseWords>()> prose_words;
  // Set by Load, read on first use and cached: data/reader/three_public.csv, the words of a
  // published “三公” table's columns (a published document read back from its source).
  std::function<std::shared_ptr<const reader::ThreePublicWords>()> three_public_words;
  EconomicItemsProvider economic_items;
  std::map<std::string, Severity> severity;  // rule id → severity
  std::set<std::string> disabled;
  std::map<std::string, std::string> reasons;  // rule id → why it is switched off or changed
  std::map<std::string, std::string> settings;

  // Why the region switched `rule` off or changed its severity; empty when it did neither.
  std::string Reason(const std::string& rule) const;

  // A numeric setting, or `fallback` when not set.
  long long Number(const std::string& key, long long fallback) const;

  // Loads data/check/<region>.csv (region "default" may be absent). Throws CatalogError.
  static CheckConfig Load(const std::string& data_dir, const std::string& region);
};

}  // namespace gongkai

#endif  // GONGKAI_REVIEW_CHECK_CONFIG_H_
