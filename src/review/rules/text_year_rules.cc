// 说明文字, years named in prose: "上年（2021年）" in a 2023 budget, "近两年（2020年、2021年）",
// an asset statement "截至2023年12月31日" in a 2023 budget, a 项目申报表 giving the budget of
// 2020 as one of its 前两年. The budget year fixes them all.
#include <fmt/format.h>

#include "base/regex.h"
#include "review/prose_texts.h"
#include "review/rule_support.h"

namespace gongkai {
namespace {

using namespace rules;

constexpr const char* kBasis143 = "财预〔2016〕143号《地方预决算公开操作规程》";

const RuleFamily Make{"说明文字", Both()};

const Regex& PriorNamed() {  // 上年（2022年）
  static const Regex r("(上一年度|上年度|上年|去年)(?:（|\\()([0-9]{4})年(?:度)?(?:）|\\))");
  return r;
}
const Regex& PriorNamedAfter() {  // 2022年（上年）
  static const Regex r("([0-9]{4})年(?:度)?(?:（|\\()(上一年度|上年度|上年|去年)(?:）|\\))");
  return r;
}
const Regex& TwoYearsNamed() {  // 近两年（2021年、2022年）, 前两年(2021-2022年)
  static const Regex r(
      "(近两年|前两年|近二年|前二年)(?:（|\\()([0-9]{4})(?:年)?(?:度)?(?:、|和|及|与|—|－|–|-|至|~|"
      "～)"
      "([0-9]{4})(?:年)?(?:度)?(?:）|\\))");
  return r;
}
const Regex& AssetDate() {  // 截至2022年12月31日 / 截至2025年底
  static const Regex r(
      "^(?:截至到|截止到|截至|截止)([0-9]{4})年(?:([0-9]{1,2})月(?:([0-9]{1,2})日)?|底|末)");
  return r;
}
const Regex& BudgetOfYear() {  // 2021年预算15万元 (in 前两年预算及当年预算变动情况)
  static const Regex r("([0-9]{4})年(?:度)?(?:预算数|预算安排|预算)(?:为)?[0-9]");
  return r;
}

bool Has(const std::string& s, const char* word) { return s.find(word) != std::string::npos; }

bool IsAssetSentence(const std::string& s) {
  for (const char* w : {"车辆", "资产", "房屋", "办公用房", "设备"}) {
    if (s.find(w) != std::string::npos) return true;
  }
  return false;
}

void CheckText(const CheckContext& ctx, Emitter& emit, const ProseText& t,
               const std::vector<ProseSentence>& sentences) {
  const int year = ctx.d.year;
  for (const auto& s : sentences) {
    const std::string& text = s.text;
    // Each pattern is tried only on a sentence holding the words it needs: std::regex is slow,
    // and most sentences name no year.
    if (Has(text, "上年") || Has(text, "上一年度") || Has(text, "去年")) {
      for (const Regex* r : {&PriorNamed(), &PriorNamedAfter()}) {
        for (RegexIterator it(text.begin(), text.end(), *r), end; it != end; ++it) {
          int named = std::stoi((*it)[r == &PriorNamed() ? 2 : 1].str());
          if (named != year - 1) {
            emit.Report(fmt::format("「{}」：{}年预算的上年是{}年，文字写作{}年", it->str(), year,
                                    year - 1, named),
                        ProseLocation(ctx, t), std::to_string(year - 1), std::to_string(named));
          }
        }
      }
    }
    if (Has(text, "两年") || Has(text, "二年")) {
      for (RegexIterator it(text.begin(), text.end(), TwoYearsNamed()), end; it != end; ++it) {
        int a = std::stoi((*it)[2].str()), b = std::stoi((*it)[3].str());
        if (a != year - 2 || b != year - 1) {
          emit.Report(fmt::format("「{}」：{}年预算的{}是{}年和{}年，文字写作{}年和{}年", it->str(),
                                  year, (*it)[1].str(), year - 2, year - 1, a, b),
                      ProseLocation(ctx, t), fmt::format("{}、{}", year - 2, year - 1),
                      fmt::format("{}、{}", a, b));
        }
      }
    }
    std::smatch m;
    if ((text.starts_with("截至") || text.starts_with("截止")) &&
        std::regex_search(text, m, AssetDate()) && IsAssetSentence(text)) {
      int y = std::stoi(m[1].str());
      int month = m[2].matched ? std::stoi(m[2].str()) : 12;
      int day = m[3].matched ? std::stoi(m[3].str()) : 31;
      std::string problem = AssetDateProblem(year, y, month, day);
      if (!problem.empty()) {
        emit.Report(fmt::format("「{}」：资产情况的日期{}", m[0].str(), problem),
                    ProseLocation(ctx, t), fmt::format("{}年", year - 1), m[0].str());
      }
    }
    if (t.change_text && Has(text, "预算")) {
      for (RegexIterator it(text.begin(), text.end(), BudgetOfYear()), end; it != end; ++it) {
        int named = std::stoi((*it)[1].str());
        if (named < year - 2 || named > year) {
          emit.Report(
              fmt::format("「{}」：{}年预算的前两年预算是{}年和{}年的，文字写{}年",
                          it->str().substr(0, it->length() - 1), year, year - 2, year - 1, named),
              ProseLocation(ctx, t), fmt::format("{}、{}", year - 2, year - 1),
              std::to_string(named));
        }
      }
    }
  }
}

}  // namespace

void RegisterTextYearRules(std::vector<Rule>* out) {
  out->push_back(Make(
      "TXT-016", Severity::kError, "文字所称的上年、近两年和资产日期与预算年度相符",
      "编制某年预算时，“上年”是前一年，“近两年”“前两年”是前两年；资产情况截至上年内或前年末；"
      "项目申报表的前两年预算是前两年的",
      kBasis143, [](const CheckContext& ctx, Emitter& emit) {
        if (!ProseWordsOrReport(ctx, emit)) return;
        const ProseReview& prose = ReviewedProse(ctx);
        for (size_t i = 0; i < prose.texts.size(); ++i) {
          CheckText(ctx, emit, prose.texts[i], prose.sentences[i]);
        }
        const int year = ctx.d.year;
        for (const auto& p : ctx.d.performance.projects) {
          for (const auto& y : p.prior_budgets) {
            if (y.year == year - 2 || y.year == year - 1) continue;
            Location where = ctx.At(p.line, 1, "项目申报表「" + p.name + "」前两年预算");
            where.table = "项目申报表（含绩效目标）";
            emit.Report(fmt::format("项目申报表「{}」的前两年预算写作{}年，{}年预算应为{}年和{}年",
                                    p.name, y.year, year, year - 2, year - 1),
                        where, fmt::format("{}、{}", year - 2, year - 1), std::to_string(y.year));
          }
        }
      }));
}

}  // namespace gongkai
