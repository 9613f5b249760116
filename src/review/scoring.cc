#include "review/scoring.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "base/csv.h"
#include "base/utf8_text.h"
#include "base/yaml_message.h"

namespace gongkai {

ScoringStandard ScoringStandard::Load(const std::string& data_dir, const std::string& id) {
  namespace fs = std::filesystem;
  if (!IsDataName(id)) {  // a name, never a path out of the data directory
    throw CatalogError(
        fmt::format("考核标准名称「{}」无效：只能由字母、数字、「-」和「_」组成", Excerpt(id)));
  }
  fs::path path = fs::path(data_dir) / "perf" / "scoring" / (id + ".yaml");
  if (!fs::exists(path))
    throw CatalogError(fmt::format("{}: 没有考核标准「{}」", path.string(), id));
  static const std::set<std::string> kMethods = {
      "judgement",       "required_fields", "calc_errors",         "sub_goals",
      "unparsed_values", "basis_present",   "indicators_per_goal", "quantified_share"};
  ScoringStandard s;
  s.id = id;
  int sum = 0;
  try {
    // A file that may be the user's own: no aliases (a list containing itself), no deep nesting.
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (auto p = CheckYamlStructure(text.str(), 32, "考核标准文件")) {
      throw CatalogError(
          fmt::format("{}:{}:{}: {}", path.string(), p->line, p->column, p->message));
    }
    YAML::Node root = YAML::Load(text.str());
    s.name = root["name"].as<std::string>("");
    s.source = root["source"].as<std::string>("");
    s.total = root["total"].as<int>(100);
    for (const auto& n : root["items"]) {
      ScoringItem item;
      item.id = n["id"].as<std::string>();
      item.dimension = n["dimension"].as<std::string>("");
      item.indicator = n["indicator"].as<std::string>("");
      item.criterion = n["criterion"].as<std::string>("");
      item.rule = n["rule"].as<std::string>("");
      item.weight = n["weight"].as<int>();
      int parts = 0;
      for (const auto& p : n["parts"]) {
        ScoringPart part;
        part.method = p["method"].as<std::string>();
        if (!kMethods.count(part.method)) {
          throw CatalogError(fmt::format("{}:{}: 未知的评分方法「{}」", path.string(),
                                         p.Mark().line + 1, part.method));
        }
        part.points = p["points"].as<int>();
        part.per = p["per"].as<int>(1);
        part.max = p["max"].as<int>(0);
        part.note = p["note"].as<std::string>("");
        for (const auto& t : p["thresholds"]) {
          if (t["at_most"])
            part.thresholds.push_back(
                {"at_most:" + t["at_most"].as<std::string>(), t["deduct"].as<int>()});
          if (t["below"])
            part.thresholds.push_back(
                {"below:" + t["below"].as<std::string>(), t["deduct"].as<int>()});
        }
        parts += part.points;
        item.parts.push_back(part);
      }
      if (parts != item.weight) {
        throw CatalogError(fmt::format("{}:{}: 考核指标{}的分项之和{}不等于权重{}", path.string(),
                                       n.Mark().line + 1, item.id, parts, item.weight));
      }
      sum += item.weight;
      s.items.push_back(std::move(item));
    }
  } catch (const YAML::Exception& e) {
    throw CatalogError(fmt::format("{}:{}: 考核标准格式错误：{}", path.string(), e.mark.line + 1,
                                   YamlSyntaxMessage(e.msg)));
  }
  if (sum != s.total) {
    throw CatalogError(
        fmt::format("{}: 各考核指标权重之和{}不等于总分{}", path.string(), sum, s.total));
  }
  return s;
}

namespace {

std::vector<const Goal*> GoalsOf(const ProjectDeclaration& p) {
  std::vector<const Goal*> out;
  for (const auto& g : p.long_term) out.push_back(&g);
  for (const auto& g : p.annual) out.push_back(&g);
  return out;
}

// Findings of `rule` about this declaration (their section names it).
std::vector<const Finding*> FindingsFor(const std::vector<Finding>& findings,
                                        const std::string& rule, const ProjectDeclaration& p) {
  std::vector<const Finding*> out;
  std::string tag = "项目申报表「" + p.name + "」";
  for (const auto& f : findings) {
    if (f.rule == rule && f.where.section.find(tag) != std::string::npos) out.push_back(&f);
  }
  return out;
}

PartResult ScorePart(const ScoringPart& part, const ProjectDeclaration& p,
                     const std::vector<Finding>& findings) {
  PartResult r{&part, std::nullopt, ""};
  auto deduct = [&](int count, const std::string& what) {
    int score = std::max(0, part.points - count * part.per);
    r.score = score;
    r.reason = count == 0 ? "无扣分" : fmt::format("{}，扣{}分", what, part.points - score);
  };
  if (part.method == "judgement") {
    r.reason = "待评审";
  } else if (part.method == "required_fields") {
    auto f = FindingsFor(findings, "PRF-001", p);
    int missing = f.empty() ? 0 : std::stoi(f.front()->found);
    deduct(missing, f.empty() ? "" : f.front()->message);
  } else if (part.method == "calc_errors") {
    int errors = 0;
    std::string list;
    for (const char* rule : {"PRF-009", "PRF-010", "PRF-011"}) {
      for (const Finding* f : FindingsFor(findings, rule, p)) {
        ++errors;
        list += (list.empty() ? "" : "；") + f->message;
      }
    }
    deduct(errors, fmt::format("数据测算有误{}处：{}", errors, list));
  } else if (part.method == "sub_goals") {
    size_t most = std::max(p.long_term.size(), p.annual.size());
    r.score = most <= static_cast<size_t>(part.max) ? part.points : 0;
    r.reason = most <= static_cast<size_t>(part.max)
                   ? fmt::format("子目标{}个，不超过{}个", most, part.max)
                   : fmt::format("子目标{}个，超过{}个，不得分", most, part.max);
  } else if (part.method == "unparsed_values") {
    int count = 0;
    std::string examples;
    for (const Goal* g : GoalsOf(p)) {
      for (const auto& i : g->indicators) {
        // An indicator counts once, however many of its columns are not understood.
        for (const IndicatorValue* v : {&i.value, &i.before_last, &i.last}) {
          if (!v->unmeasurable()) continue;
          if (count++ < 3) examples += (examples.empty() ? "" : "、") + ("「" + v->raw + "」");
          break;
        }
      }
    }
    deduct(count, fmt::format("{}处指标值既非量化也非可衡量的定性值（如{}）", count, examples));
  } else if (part.method == "basis_present") {
    int missing = 0, all = 0;
    for (const Goal* g : GoalsOf(p)) {
      for (const auto& i : g->indicators) {
        ++all;
        missing += i.basis.empty();
      }
    }
    r.score = missing == 0 && all > 0 ? part.points : 0;
    r.reason = all == 0 ? "没有绩效指标，不得分"
               : missing == 0
                   ? "每个指标都说明了指标值确定依据"
                   : fmt::format("{}个指标中{}个未说明指标值确定依据，不得分", all, missing);
  } else if (part.method == "indicators_per_goal") {
    int bad = 0;
    std::string which;
    for (const Goal* g : GoalsOf(p)) {
      size_t n = g->indicators.size();
      if (n == 0 || n > static_cast<size_t>(part.max)) {
        ++bad;
        which += fmt::format("{}「{}」{}个；", which.empty() ? "" : "", g->name, n);
      }
    }
    deduct(bad, fmt::format("{}个分目标的指标数不在1–{}个之间（{}）", bad, part.max, which));
  } else if (part.method == "quantified_share") {
    int all = 0, quantified = 0;
    for (const Goal* g : GoalsOf(p)) {
      for (const auto& i : g->indicators) {
        ++all;
        quantified += i.value.quantified();
      }
    }
    if (all == 0) {
      r.score = 0;
      r.reason = "没有绩效指标，不得分";
      return r;
    }
    int deduction = 0;
    std::string rule_hit;
    // Compare quantified/all with each bound exactly: q·100 vs bound·all.
    for (const auto& [bound, minus] : part.thresholds) {
      int value = std::stoi(bound.substr(bound.find(':') + 1));
      bool hit = bound.rfind("at_most:", 0) == 0 ? quantified * 100 <= value * all
                                                 : quantified * 100 < value * all;
      if (hit) {
        deduction = minus;
        rule_hit = bound;
        break;
      }
    }
    r.score = std::max(0, part.points - deduction);
    r.reason = fmt::format("量化指标{}个/共{}个，占比{}%{}", quantified, all,
                           SharePercent(Money::FromWan(quantified), Money::FromWan(all), 1),
                           deduction ? fmt::format("，扣{}分", deduction) : "，得满分");
  }
  return r;
}

}  // namespace

std::vector<ScoreCard> ScoreDeclarations(const Department& d, const std::vector<Finding>& findings,
                                         const ScoringStandard& standard,
                                         const ReviewerScores& reviewer) {
  std::vector<ScoreCard> cards;
  for (const auto& p : d.performance.projects) {
    ScoreCard card;
    card.project = p.name;
    // Scores given for this project override those given for every project ("*").
    std::map<std::string, int> merged;
    if (auto all = reviewer.find("*"); all != reviewer.end()) merged = all->second;
    if (auto it = reviewer.find(p.name); it != reviewer.end()) {
      for (const auto& [id, v] : it->second) merged[id] = v;
    }
    const std::map<std::string, int>* reviewed = merged.empty() ? nullptr : &merged;
    for (const auto& item : standard.items) {
      ItemResult ir{&item, {}, std::nullopt};
      int score = 0, judgement_points = 0;
      bool complete = true;
      for (const auto& part : item.parts) {
        PartResult pr = ScorePart(part, p, findings);
        if (pr.score) {
          score += *pr.score;
          card.mechanical_points += part.points;
          card.mechanical_score += *pr.score;
        } else {
          judgement_points += part.points;
        }
        ir.parts.push_back(pr);
      }
      if (judgement_points > 0) {
        auto it = reviewed ? reviewed->find(item.id) : decltype(reviewed->end()){};
        if (reviewed && it != reviewed->end()) {
          int given = std::clamp(it->second, 0, judgement_points);
          score += given;
          card.reviewed_points += judgement_points;
          card.reviewed_score += given;
          for (auto& pr : ir.parts) {
            if (!pr.score)
              pr.reason = fmt::format("评审人评分（评审部分共{}分）", judgement_points);
          }
        } else {
          complete = false;
          card.open_points += judgement_points;
        }
      }
      if (complete) ir.score = score;
      card.items.push_back(std::move(ir));
    }
    if (card.open_points == 0) card.total = card.mechanical_score + card.reviewed_score;
    cards.push_back(std::move(card));
  }
  return cards;
}

std::string ScoreText(const ScoringStandard& standard, const std::vector<ScoreCard>& cards) {
  std::string out = fmt::format("考核标准：{}（总分{}）\n", standard.name, standard.total);
  if (cards.empty()) out += "没有项目申报表（performance.projects），无可评分内容。\n";
  for (const auto& c : cards) {
    out += fmt::format("\n== 项目：{}\n", c.project);
    for (const auto& ir : c.items) {
      out += fmt::format("  {} {}·{}（{}分）：{}\n", ir.item->id, ir.item->dimension,
                         ir.item->indicator, ir.item->weight,
                         ir.score ? std::to_string(*ir.score) + "分" : "部分待评审");
      for (const auto& pr : ir.parts) {
        out += fmt::format("      {} {}分：{}{}\n",
                           pr.part->method == "judgement" ? "[评审]" : "[自动]", pr.part->points,
                           pr.score ? std::to_string(*pr.score) + "分，" : "", pr.reason);
      }
    }
    out += fmt::format("  自动评分：{}/{}分；评审评分：{}/{}分；待评审：{}分\n", c.mechanical_score,
                       c.mechanical_points, c.reviewed_score, c.reviewed_points, c.open_points);
    out += c.total ? fmt::format("  总分：{}分\n", *c.total)
                   : fmt::format("  总分：待评审（已得{}分，最高可得{}分）\n",
                                 c.mechanical_score + c.reviewed_score,
                                 c.mechanical_score + c.reviewed_score + c.open_points);
  }
  return out;
}

std::string ScoreJson(const ScoringStandard& standard, const std::vector<ScoreCard>& cards) {
  using Json = nlohmann::ordered_json;
  Json root;
  root["standard"] = {{"id", standard.id}, {"name", standard.name}, {"total", standard.total}};
  Json list = Json::array();
  for (const auto& c : cards) {
    Json jc;
    jc["project"] = c.project;
    Json items = Json::array();
    for (const auto& ir : c.items) {
      Json ji;
      ji["id"] = ir.item->id;
      ji["dimension"] = ir.item->dimension;
      ji["indicator"] = ir.item->indicator;
      ji["weight"] = ir.item->weight;
      ji["score"] = ir.score ? Json(*ir.score) : Json(nullptr);
      Json parts = Json::array();
      for (const auto& pr : ir.parts) {
        parts.push_back({{"method", pr.part->method},
                         {"points", pr.part->points},
                         {"score", pr.score ? Json(*pr.score) : Json(nullptr)},
                         {"reason", pr.reason}});
      }
      ji["parts"] = parts;
      items.push_back(ji);
    }
    jc["items"] = items;
    jc["mechanical"] = {{"score", c.mechanical_score}, {"points", c.mechanical_points}};
    jc["reviewed"] = {{"score", c.reviewed_score}, {"points", c.reviewed_points}};
    jc["open_points"] = c.open_points;
    jc["total"] = c.total ? Json(*c.total) : Json(nullptr);
    list.push_back(jc);
  }
  root["projects"] = list;
  return root.dump(2) + "\n";
}

bool LoadReviewerScores(const std::string& path, ReviewerScores* scores, std::string* error) {
  try {
    YAML::Node root = YAML::LoadFile(path);
    for (auto p = root.begin(); p != root.end(); ++p) {
      for (auto i = p->second.begin(); i != p->second.end(); ++i) {
        (*scores)[p->first.as<std::string>()][i->first.as<std::string>()] = i->second.as<int>();
      }
    }
  } catch (const YAML::Exception& e) {
    *error =
        fmt::format("{}:{}: 评审评分文件格式错误（应为「项目名称: {{考核指标编号: 分数}}」）：{}",
                    path, e.mark.line + 1, YamlSyntaxMessage(e.msg));
    return false;
  }
  return true;
}

std::vector<std::string> ScoringRuleIds() { return {"PRF-001", "PRF-009", "PRF-010", "PRF-011"}; }

}  // namespace gongkai
