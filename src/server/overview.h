// The region's overview for the public portal, from the published budgets (预算; 决算 have
// other figures and count only in the ledger): totals by 功能分类 类 across departments, “三公”
// by year, 基本支出 vs 项目支出, each department's total with last year's when both years are
// published, and the completeness ledger — when each department's document was 批复 and
// 公开, and whether it is late: 《预算法》 gives 20 days from 批复 to 公开. Figures come from the
// disclosure layer (ComputeFigures, FunctionTreeRows), so they are the published tables' own;
// amounts are strings in 万元 with two decimals. Only the newest published version of a
// department's document of a year counts.
#ifndef GONGKAI_SERVER_OVERVIEW_H_
#define GONGKAI_SERVER_OVERVIEW_H_

#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "server/store.h"

namespace gongkai::server {

inline constexpr int64_t kPublishDeadlineSeconds = 20 * 24 * 3600;

// What the overview needs of one published budget.
struct BudgetFigures {
  Money total, basic, project, three_public;
  std::vector<std::pair<std::string, std::string>> classes;  // 类 code, name (in order)
  std::map<std::string, Money> by_class;
};

// Figures by submission id, computed once: a submission never changes.
class FiguresCache {
 public:
  // nullptr when the stored source no longer loads (the reference data changed).
  std::shared_ptr<const BudgetFigures> Get(const Engine& engine, Store& store, int64_t id);

 private:
  std::mutex mutex_;
  std::map<int64_t, std::shared_ptr<const BudgetFigures>> cache_;
};

// {year, years, by_function, three_public_by_year, basic_vs_project, departments, ledger} for
// `year` (0: the newest year with a published document). `now` decides lateness.
nlohmann::json Overview(const Engine& engine, Store& store, FiguresCache& cache, int year,
                        int64_t now);

// Whether a document 批复 at `approved_at` is late at `now`, published at `published_at`.
bool IsLate(std::optional<int64_t> approved_at, std::optional<int64_t> published_at, int64_t now);

}  // namespace gongkai::server

#endif  // GONGKAI_SERVER_OVERVIEW_H_
