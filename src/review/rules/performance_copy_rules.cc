// 绩效目标, goals copied between projects: the same 绩效总目标 or 目标说明, word for word, in the
// 申报表 of two different projects says that neither was written for its project (seed 000: 财政
// 专项业务经费 and 党建活动经费 both aim at "全年预算执行力百分之九十五"). Indicator sets copied
// between projects are PRF-016's.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>

#include "base/utf8_text.h"
#include "review/rule_support.h"

namespace gongkai {
namespace {

using namespace rules;

const RuleFamily Make{"绩效目标", Both()};

// The text without spaces, line breaks and the final punctuation.
std::string Normalised(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') out += c;
  }
  for (std::string_view end : {"。", "；", "，", ".", ";"}) {
    if (out.size() >= end.size() && out.compare(out.size() - end.size(), end.size(), end) == 0)
      out.erase(out.size() - end.size());
  }
  return out;
}

}  // namespace

void RegisterPerformanceCopyRules(std::vector<Rule>* out) {
  out->push_back(Make("PRF-022", Severity::kWarning, "不同项目的绩效目标不雷同",
                      "绩效总目标和目标说明应写明本项目要达到的产出和效果；不同项目的目标一字不差，"
                      "说明目标是套用的",
                      "《中共中央 国务院关于全面实施预算绩效管理的意见》；财预〔2021〕101号",
                      [](const CheckContext& ctx, Emitter& emit) {
                        // text → the projects whose 总目标 or 目标说明 it is, in order, and the
                        // first one's line.
                        std::map<std::string, std::vector<const ProjectDeclaration*>> by_text;
                        std::vector<std::string> order;
                        auto add = [&](const std::string& text, const ProjectDeclaration& p) {
                          std::string key = Normalised(text);
                          if (key.size() < 4 * 3)
                            return;  // at least four characters: 无, 同上 say nothing
                          auto& projects = by_text[key];
                          if (projects.empty()) order.push_back(key);
                          if (projects.empty() || projects.back() != &p) projects.push_back(&p);
                        };
                        for (const auto& p : ctx.d.performance.projects) {
                          add(p.goal, p);
                          for (const auto* goals : {&p.long_term, &p.annual}) {
                            for (const auto& g : *goals) add(g.text, p);
                          }
                        }
                        for (const auto& key : order) {
                          const auto& projects = by_text[key];
                          std::vector<std::string> names;
                          for (const auto* p : projects) {
                            std::string name = "「" + p->name + "」";
                            if (std::find(names.begin(), names.end(), name) == names.end())
                              names.push_back(name);
                          }
                          if (names.size() < 2) continue;
                          Location where = ctx.At(projects.front()->line, 1,
                                                  "项目申报表「" + projects.front()->name + "」");
                          where.table = "项目申报表（含绩效目标）";
                          emit.Report(fmt::format("项目{}的绩效目标一字不差：「{}」",
                                                  fmt::join(names, ""), Excerpt(key, 60)),
                                      where);
                        }
                      }));
}

}  // namespace gongkai
