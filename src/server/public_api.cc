// The portal's open data, without sign-in (the front end's charts read it):
//
//   GET /api/public/published?q=&year=   {items: [{id, department, department_code, year, kind,
//                                         published_at, url}]}: q keeps department names that
//                                         contain it
//   GET /api/public/overview?year=       overview.h (year: the newest when absent)
//
// Only what is published is shown; the ledger names departments and dates, nothing else.
#include <fmt/format.h>

#include <functional>

#include "server/api_support.h"

namespace gongkai::server {

namespace {

// `year` from the query: 0 when absent, nullopt (after a 400) when not a year.
std::optional<int> YearParam(const httplib::Request& req, httplib::Response& res) {
  const std::string text = req.get_param_value("year");
  if (text.empty()) return 0;
  if (text.size() != 4 || text.find_first_not_of("0123456789") != std::string::npos) {
    SendError(res, 400, "year 应为四位年份");
    return std::nullopt;
  }
  return std::stoi(text);
}

// Sends the answer cached under `key`, made by `make` (a JSON body) when there is none.
void SendCached(Context& c, httplib::Response& res, const std::string& key,
                const std::function<nlohmann::json()>& make) {
  auto answer = c.public_answers.Get(key, [&] {
    return std::make_shared<const CachedAnswer>(
        CachedAnswer{200, "application/json; charset=utf-8", make().dump()});
  });
  res.status = answer->status;
  res.set_content(answer->body, answer->content_type);
}

nlohmann::json PublishedList(Context& c, const std::string& query, int year) {
  nlohmann::json items = nlohmann::json::array();
  for (const Submission& s : c.store.ListPublished(query)) {
    if (year != 0 && s.year != year) continue;
    items.push_back({{"id", s.id},
                     {"department", s.department_name},
                     {"department_code", s.department_code},
                     {"year", s.year},
                     {"kind", s.kind},
                     {"published_at", TimeOrNull(s.published_at)},
                     {"url", "/portal/" + std::to_string(s.id) + ".html"}});
  }
  return {{"items", items}};
}

void Published(Context& c, const httplib::Request& req, httplib::Response& res) {
  auto year = YearParam(req, res);
  if (!year) return;
  const std::string query = req.get_param_value("q");
  SendCached(c, res, fmt::format("published?{}&{}", *year, query),
             [&] { return PublishedList(c, query, *year); });
}

void OverviewRoute(Context& c, const httplib::Request& req, httplib::Response& res) {
  auto year = YearParam(req, res);
  if (!year) return;
  // The overview's lateness depends on the day: the cache's ttl keeps it current.
  SendCached(c, res, fmt::format("overview?{}", *year),
             [&] { return Overview(c.engine, c.store, c.figures, *year, c.Now()); });
}

}  // namespace

void RegisterPublicApi(httplib::Server& http, Context& c) {
  Routes(http, c)
      .Get("/api/public/published", Published)
      .Get("/api/public/overview", OverviewRoute);
}

}  // namespace gongkai::server
