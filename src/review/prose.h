// Arithmetic written in prose: the relations a sentence of the 公开说明 (or of a 项目申报表)
// states between the figures it quotes, and whether they hold.
//
// Text is split into sentences (at 。！？ and line breaks; a sentence that opens with a list
// marker such as 其中 or 包括 stays with the one before it), spaces dropped and full-width digits
// read as digits. The figures of a sentence are amounts (X万元, X元), percentages (X%, 百分之X)
// and years (2023年). A relation is recognised only when the sentence has exactly the shape
// described below, with nothing else between its figures than the words of
// data/check/common/prose_words.csv: a sentence that might mean something else is skipped, never
// guessed at, because a false error is worse than a missed one.
//
//  - adjustment:   原安排A万元，调减B万元，安排C万元          C = A − B (调增: A + B)
//  - change:       2024年预算A万元，比上年增加B万元 (with 上年 / 2023年 stated as R万元 in the
//                  same sentence, or known to the caller)      B = |A − R|, and the word's
//                  direction
//  - list total:   合计T万元，其中：a万元、b万元 / a万元、b万元，合计T万元
//                  a complete list (分别为…, or items followed by 合计) adds up to T; a partial
//                  one (其中, 主要包括) does not exceed it
//  - share:        a万元，占P% (of the list's total) / a万元，占<name>的P% (<name> stated with
//                  its amount earlier in the text)                                 P = a ÷ base
//  - change rate:  A万元，比上年减少B万元，下降P%              P = B ÷ (A + B), or B ÷ R
//
// Amounts are compared exactly as printed; a difference of at most 0.01 of the printed unit per
// figure involved is a rounding difference. Percentages as in review/tolerance.h.
#ifndef GONGKAI_REVIEW_PROSE_H_
#define GONGKAI_REVIEW_PROSE_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/money.h"
#include "review/prose_words.h"
#include "review/tolerance.h"

namespace gongkai {

struct ProseFigure {
  enum Kind { kAmount, kPercent, kYear } kind = kAmount;
  size_t begin = 0, end = 0;  // bytes of the sentence, from the first digit to after the unit
  std::string printed;        // the number as printed, grouping commas removed ("1301160")
  Money amount;               // kAmount: exact as printed
  Money step;                 // kAmount: 0.01 of the printed unit (0.01万元 or 0.01元)
  int year = 0;               // kYear
};

struct ProseSentence {
  std::string text;  // normalised: no spaces, ASCII digits
  std::vector<ProseFigure> figures;
  // The text before figure i (from the previous figure, or the start), i ≤ figures.size().
  std::string_view Gap(size_t i) const;
};

std::vector<ProseSentence> SplitProse(std::string_view text, const ProseWords& words);

// What the caller knows about the text: the budget year (本年), and amounts of given years
// that the source holds for what the text is about (a 项目申报表's 当年预算 and 前两年预算).
struct ProseContext {
  int year = 0;
  std::map<int, Money> known;
  std::string known_what;  // how the message names them ("项目当年预算", …)
};

enum class ProseRelationKind { kAdjustment, kChange, kListTotal, kShare, kChangeRate };

struct ProseRelation {
  ProseRelationKind kind;
  Agreement agreement = Agreement::kExact;
  std::string sentence;
  std::string message;  // Chinese: what the sentence says and what the figures give
  std::string expected, found;
  size_t sentence_index = 0;  // of the sentence in the list CheckProse was given
};

// The review rule that states a relation of `kind` (TXT-011 … TXT-015, rules/prose_rules.cc)
// and its title.
const char* ProseRuleId(ProseRelationKind kind);
const char* ProseRuleTitle(ProseRelationKind kind);

// `text` as SplitProse reads it: spaces dropped, full-width digits, point and percent sign
// made ASCII. Byte by byte, so that the normalised lines of a paragraph, joined, are the
// normalised paragraph.
std::string NormaliseProse(std::string_view text);

// Every relation of the kinds above found in `text`, whether it holds or not.
std::vector<ProseRelation> CheckProse(std::string_view text, const ProseWords& words,
                                      const ProseContext& context);
// The same for a text already split by SplitProse.
std::vector<ProseRelation> CheckProse(const std::vector<ProseSentence>& sentences,
                                      const ProseWords& words, const ProseContext& context);

// What a 政府采购 text says about 中小企业:
//   决算  授予中小企业合同金额X万元，占政府采购支出总额的Y%，
//         其中：授予小微企业合同金额Z万元，占授予中小企业合同金额的W%
//   预算  面向中小企业预留X万元，占政府采购预算的Y%
// An amount counts when the words right before it (commas, colons and a final 为 aside) end
// with a word of the role `sme` or `small_micro`; its share is the percentage right after it,
// introduced by a `share` word and a base the words name exactly: a word of
// `procurement_total` (政府采购支出总额 …) or, for 小微企业, of `sme`. A share without a named
// base is left out: 占W% after a 小微企业 amount may mean either base.
struct SmeStatement {
  enum Kind { kSme, kSmallMicro } kind = kSme;
  std::string sentence;
  ProseFigure amount;
  std::optional<ProseFigure> share;   // with its base named
  bool share_of_procurement = false;  // the base is the procurement total (else the SME amount)
};

std::vector<SmeStatement> FindSmeStatements(const std::vector<ProseSentence>& sentences,
                                            const ProseWords& words);

}  // namespace gongkai

#endif  // GONGKAI_REVIEW_PROSE_H_
