// The 考核标准 scoring of a submission's 项目申报表 (绩效科), through the review layer's
// ScoreDeclarations exactly as `gongkai score` does (mechanical parts computed with the
// reason for each deduction, judgement parts from the reviewer's stored scores):
//
//   GET  /api/submissions/{id}/score   anyone who may read it
//   POST /api/submissions/{id}/score   {items: {code: {score, reason}}}  财政审核人 only
//
// Both answer {standard: {id, name, total}, total, max, complete, projects: [{project, total|
// null, max}], items: [{code, project, item, name, max, score|null, mechanical, reason}]}.
// An item's code is "<project number>/<item id>" ("2/1.2": item 1.2 of the second 项目申报表),
// since a department declares several projects and each is scored on the whole standard.
// `total` sums the items scored so far; `complete` says whether any is still open.
#include <fmt/format.h>

#include "server/api_support.h"

namespace gongkai::server {

namespace {

constexpr const char* kStandard = "wuhan-2021";

std::string Code(size_t project, const std::string& item) {
  return std::to_string(project + 1) + "/" + item;
}

int JudgementPoints(const ScoringItem& item) {
  int points = 0;
  for (const auto& part : item.parts) {
    if (part.method == "judgement") points += part.points;
  }
  return points;
}

// The cards of `s` with the reviewer's stored scores applied, or nullopt after a 500.
struct Scored {
  ScoringStandard standard;
  std::vector<ScoreCard> cards;
};

std::optional<Scored> Score(Context& c, const Submission& s,
                            const std::map<std::string, ScoreEntry>& stored,
                            httplib::Response& res) {
  std::string error;
  auto d = LoadStored(c.engine, s, &error);
  if (!d) {
    SendError(res, 500, "无法读取已保存的版本：" + error);
    return std::nullopt;
  }
  Scored out{c.engine.ScoringStandardOf(kStandard), {}};
  ReviewerScores reviewer;
  for (const auto& [code, entry] : stored) {
    const size_t slash = code.find('/');
    const size_t project = std::stoul(code.substr(0, slash)) - 1;
    if (project < d->performance.projects.size()) {
      reviewer[d->performance.projects[project].name][code.substr(slash + 1)] = entry.score;
    }
  }
  Document doc = c.engine.Disclose(*d);
  ReviewOptions only_performance;  // the rules whose findings the standard deducts for
  only_performance.rules.only = ScoringRuleIds();
  out.cards =
      ScoreDeclarations(*d, c.engine.Review(*d, doc, only_performance), out.standard, reviewer);
  return out;
}

nlohmann::json ScoreJson(const Scored& scored, const std::map<std::string, ScoreEntry>& stored) {
  nlohmann::json items = nlohmann::json::array(), projects = nlohmann::json::array();
  int total = 0, max = 0;
  bool complete = true;
  for (size_t p = 0; p < scored.cards.size(); ++p) {
    const ScoreCard& card = scored.cards[p];
    for (const ItemResult& ir : card.items) {
      const std::string code = Code(p, ir.item->id);
      std::string reason;
      for (const PartResult& pr : ir.parts) {
        if (!pr.reason.empty()) reason += (reason.empty() ? "" : "；") + pr.reason;
      }
      if (auto it = stored.find(code); it != stored.end() && !it->second.reason.empty()) {
        reason += (reason.empty() ? "" : "；") + ("评审意见：" + it->second.reason);
      }
      items.push_back({{"code", code},
                       {"project", card.project},
                       {"item", ir.item->id},
                       {"name", ir.item->dimension + "·" + ir.item->indicator},
                       {"criterion", ir.item->criterion},
                       {"max", ir.item->weight},
                       {"score", ir.score ? nlohmann::json(*ir.score) : nlohmann::json()},
                       {"mechanical", JudgementPoints(*ir.item) == 0},
                       {"reason", reason}});
      if (ir.score) total += *ir.score;
    }
    complete = complete && card.total.has_value();
    max += scored.standard.total;
    projects.push_back({{"project", card.project},
                        {"total", card.total ? nlohmann::json(*card.total) : nlohmann::json()},
                        {"max", scored.standard.total}});
  }
  return {{"standard",
           {{"id", scored.standard.id},
            {"name", scored.standard.name},
            {"total", scored.standard.total}}},
          {"total", total},
          {"max", max},
          {"complete", complete},
          {"projects", projects},
          {"items", items}};
}

void GetScore(Context& c, const httplib::Request& req, httplib::Response& res) {
  auto caller = Authenticate(c, req, res, false);
  if (!caller) return;
  auto s = ReadableSubmission(c, *caller, req, res, "查看评分");
  if (!s) return;
  const auto stored = c.store.Scores(s->id);
  auto scored = Score(c, *s, stored, res);
  if (scored) SendJson(res, 200, ScoreJson(*scored, stored));
}

void PostScore(Context& c, const httplib::Request& req, httplib::Response& res) {
  auto caller = Authenticate(c, req, res, true);
  if (!caller) return;
  auto s = ReadableSubmission(c, *caller, req, res, "评分");
  if (!s) return;
  if (caller->role != kRoleReviewer) {
    return Refuse(c, *caller, req, res, "拒绝评分 #" + std::to_string(s->id),
                  "只有财政审核人可以评分");
  }
  auto body = JsonBody(req, res);
  if (!body) return;
  const nlohmann::json given = body->value("items", nlohmann::json());
  if (!given.is_object()) return SendError(res, 400, "请求体应为 {items: {编号: {score, reason}}}");
  auto current = Score(c, *s, {}, res);
  if (!current) return;
  std::map<std::string, ScoreEntry> entries;
  for (const auto& [code, value] : given.items()) {
    const ScoringItem* item = nullptr;
    for (size_t p = 0; p < current->cards.size() && !item; ++p) {
      for (const auto& candidate : current->standard.items) {
        if (Code(p, candidate.id) == code) item = &candidate;
      }
    }
    if (!item) return SendError(res, 400, "没有这个评分项：" + code);
    const int points = JudgementPoints(*item);
    if (points == 0) return SendError(res, 400, code + " 是自动评分项，不能人工评分");
    if (!value.is_object() || !value.value("score", nlohmann::json()).is_number_integer()) {
      return SendError(res, 400, code + "：score 应为整数");
    }
    const int score = value["score"];
    if (score < 0 || score > points) {
      return SendError(res, 400, fmt::format("{}：评审部分为 0 至 {} 分", code, points));
    }
    const auto reason = value.value("reason", nlohmann::json(""));
    if (!reason.is_string()) return SendError(res, 400, code + "：reason 应为文字");
    entries[code] = {score, reason.get<std::string>(), caller->name, c.Now()};
  }
  c.store.AddScores(s->id, entries);
  c.store.Audit(caller->name, fmt::format("评分 #{}（{} 项）", s->id, entries.size()),
                ClientAddress(req), c.Now());
  const auto stored = c.store.Scores(s->id);
  auto scored = Score(c, *s, stored, res);
  if (scored) SendJson(res, 200, ScoreJson(*scored, stored));
}

}  // namespace

void RegisterScoreApi(httplib::Server& http, Context& c) {
  Routes(http, c)
      .Get(R"(/api/submissions/(\d{1,15})/score)", GetScore)
      .Post(R"(/api/submissions/(\d{1,15})/score)", PostScore);
}

}  // namespace gongkai::server
