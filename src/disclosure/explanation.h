// The 公开说明 (explanatory text), generated section by section (一 … 九) as in the standard
// outline, and the 名词解释. Every figure, share and change in the text is computed here
// from the same Figures the tables use.
//
// Change sentences compare the figures as printed (rounded to 0.01万元), so that a reader
// who subtracts the two printed numbers gets the printed difference:
//   "比2022年预算减少124.81万元，下降7.25%，主要原因是：…" or "与2022年预算持平".
#ifndef GONGKAI_DISCLOSURE_EXPLANATION_H_
#define GONGKAI_DISCLOSURE_EXPLANATION_H_

#include <string>
#include <vector>

#include "disclosure/document.h"
#include "disclosure/figures.h"
#include "disclosure/templates.h"
#include "model/department.h"

namespace gongkai {

// "比{year}年预算增加X万元，增长Y%" / "…减少…下降…" / "与{year}年预算持平", followed by
// "，主要原因是：reason" when a reason is given. Empty when there is no comparison. `what` is
// what last year's figure was: 预算, or 度决算 for a final accounts ("比2023年度决算减少…").
std::string ChangeSentence(Money now, const Comparison* before, int prior_year,
                           const char* what = "预算");

// "1597.66万元"
std::string WanText(Money m);

std::vector<Section> BuildExplanation(const Department& d, const Figures& f,
                                      const DocumentFrame& frame);
// The 情况说明 of a final accounts (final_explanation.cc), stated as the templates' layout.csv
// says (the 调整预算 printed or not).
std::vector<Section> BuildFinalExplanation(const Department& d, const Figures& f,
                                           const DocumentFrame& frame, const Templates& tpl);
std::vector<GlossaryEntry> BuildGlossary(const Department& d, const Templates& tpl);

}  // namespace gongkai

#endif  // GONGKAI_DISCLOSURE_EXPLANATION_H_
