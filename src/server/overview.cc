// The public overview (overview.h).
#include "server/overview.h"

#include <set>

#include "disclosure/figures.h"
#include "server/api_support.h"
#include "server/documents.h"

namespace gongkai::server {

namespace {

constexpr const char* kBudget = "预算";

BudgetFigures Compute(const Department& d) {
  BudgetFigures out;
  const Figures f = ComputeFigures(d);
  out.total = f.total;
  out.basic = f.basic;
  out.project = f.project;
  out.three_public = f.three_public_total;
  const auto all = [](const ExpenditureLine&) { return true; };
  for (const Row& row :
       FunctionTreeRows(d, all, {[](const ExpenditureLine& l) { return l.amount; }})) {
    if (row.kind != RowKind::kClass || row.cells.size() < 3 || !row.cells[2].money) continue;
    out.classes.emplace_back(row.cells[0].text, row.cells[1].text);
    out.by_class[row.cells[0].text] += *row.cells[2].money;
  }
  return out;
}

// The newest version of each (department, year, kind) among `list` (newest id first within
// a key, as the store lists them).
std::vector<Submission> Newest(const std::vector<Submission>& list) {
  std::set<std::tuple<std::string, int, std::string>> seen;
  std::vector<Submission> out;
  for (const Submission& s : list) {
    if (seen.insert({s.department_code, s.year, s.kind}).second) out.push_back(s);
  }
  return out;
}

}  // namespace

std::shared_ptr<const BudgetFigures> FiguresCache::Get(const Engine& engine, Store& store,
                                                       int64_t id) {
  {
    std::lock_guard lock(mutex_);
    if (auto it = cache_.find(id); it != cache_.end()) return it->second;
  }
  auto s = store.GetSubmission(id);
  if (!s) return nullptr;
  std::string error;
  auto d = LoadStored(engine, *s, &error);
  if (!d) return nullptr;
  auto figures = std::make_shared<const BudgetFigures>(Compute(*d));
  std::lock_guard lock(mutex_);
  cache_.emplace(id, figures);
  return figures;
}

bool IsLate(std::optional<int64_t> approved_at, std::optional<int64_t> published_at, int64_t now) {
  if (!approved_at) return false;
  return published_at.value_or(now) - *approved_at > kPublishDeadlineSeconds;
}

nlohmann::json Overview(const Engine& engine, Store& store, FiguresCache& cache, int year,
                        int64_t now) {
  std::vector<Submission> published;  // budgets, newest version per department and year
  std::set<int, std::greater<>> years;
  for (const Submission& s : Newest(store.ListPublished(""))) {
    years.insert(s.year);
    if (s.kind == kBudget) published.push_back(s);
  }
  if (year == 0 && !years.empty()) year = *years.begin();

  // Figures of every published budget, and per (department, year).
  std::map<std::pair<std::string, int>, std::shared_ptr<const BudgetFigures>> by_department;
  std::map<int, Money> three_public;
  for (const Submission& s : published) {
    auto f = cache.Get(engine, store, s.id);
    if (!f) continue;
    by_department[{s.department_code, s.year}] = f;
    three_public[s.year] += f->three_public;
  }

  std::vector<std::pair<std::string, std::string>> classes;  // in order of appearance
  std::map<std::string, Money> by_class;
  Money basic, project;
  nlohmann::json departments = nlohmann::json::array();
  for (const Submission& s : published) {
    if (s.year != year) continue;
    auto it = by_department.find({s.department_code, s.year});
    if (it == by_department.end()) continue;
    const BudgetFigures& f = *it->second;
    for (const auto& c : f.classes) {
      if (!by_class.count(c.first)) classes.push_back(c);
      by_class[c.first] += f.by_class.at(c.first);
    }
    basic += f.basic;
    project += f.project;
    auto before = by_department.find({s.department_code, s.year - 1});
    departments.push_back({{"department", s.department_name},
                           {"department_code", s.department_code},
                           {"year", s.year},
                           {"total", f.total.Wan(2)},
                           {"previous_total", before == by_department.end()
                                                  ? nlohmann::json()
                                                  : nlohmann::json(before->second->total.Wan(2))}});
  }
  std::sort(classes.begin(), classes.end());
  nlohmann::json by_function = nlohmann::json::array();
  for (const auto& [code, name] : classes) {
    by_function.push_back({{"code", code}, {"name", name}, {"amount", by_class[code].Wan(2)}});
  }
  nlohmann::json three_public_by_year = nlohmann::json::array();
  for (const auto& [y, amount] : three_public) {
    three_public_by_year.push_back({{"year", y}, {"amount", amount.Wan(2)}});
  }

  // The ledger: every department, with its newest 批复 document of the year of each kind.
  nlohmann::json ledger = nlohmann::json::array();
  std::set<std::string> listed;
  SubmissionFilter filter;
  filter.year = year;
  std::vector<Submission> approved;
  for (const Submission& s : store.ListSubmissions(filter)) {
    if (s.approved_at || s.published_at) approved.push_back(s);
  }
  std::map<std::string, std::string> names;
  for (const DepartmentRecord& d : store.ListDepartments()) names[d.code] = d.name;
  for (const Submission& s : Newest(approved)) {
    listed.insert(s.department_code);
    ledger.push_back({{"department", s.department_name},
                      {"department_code", s.department_code},
                      {"id", s.id},
                      {"kind", s.kind},
                      {"approved_at", TimeOrNull(s.approved_at)},
                      {"published_at", TimeOrNull(s.published_at)},
                      {"late", IsLate(s.approved_at, s.published_at, now)}});
  }
  for (const auto& [code, name] : names) {
    if (listed.count(code)) continue;
    ledger.push_back({{"department", name},
                      {"department_code", code},
                      {"id", nullptr},
                      {"kind", nullptr},
                      {"approved_at", nullptr},
                      {"published_at", nullptr},
                      {"late", false}});
  }
  return {{"year", year == 0 ? nlohmann::json() : nlohmann::json(year)},
          {"years", nlohmann::json(std::vector<int>(years.begin(), years.end()))},
          {"by_function", by_function},
          {"three_public_by_year", three_public_by_year},
          {"basic_vs_project", {{"basic", basic.Wan(2)}, {"project", project.Wan(2)}}},
          {"departments", departments},
          {"ledger", ledger}};
}

}  // namespace gongkai::server
