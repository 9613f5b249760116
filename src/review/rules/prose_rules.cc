// 说明文字, what the prose says with its figures (review/prose.h): an adjustment ("原安排36万元，
// 调减9万元，安排26万元"), a change against another year whose figure the sentence or the source
// gives ("2021年预算15万元，2022年预算15万元，本年预算减少4.5万元"), the items of a list against
// the total the sentence states, a share ("X万元，占Y的P%") and the rate of a change
// ("减少B万元，下降 P%") — in notes, reasons, purposes and the texts of the performance forms. Only
// sentences of an unambiguous shape are checked. The figures of `declared.text` are TXT-001 …
// TXT-005's.
#include "review/prose_texts.h"
#include "review/rule_support.h"

namespace gongkai {
namespace {

using namespace rules;

const RuleFamily Make{"说明文字", Both()};

Rule ProseRule(const char* rationale, ProseRelationKind kind) {
  return Make(ProseRuleId(kind), Severity::kError, ProseRuleTitle(kind), rationale,
              "财预〔2016〕143号《地方预决算公开操作规程》",
              [kind](const CheckContext& ctx, Emitter& emit) { EmitProse(ctx, emit, kind); });
}

}  // namespace

void RegisterProseRules(std::vector<Rule>* out) {
  out->push_back(ProseRule(
      "“原安排A万元，调减B万元，安排C万元”应有 C = A − B（调增为 A + B）；每个数字0.01以内的差异为"
      "尾数差异",
      ProseRelationKind::kAdjustment));
  out->push_back(ProseRule(
      "“2024年预算A万元，比上年增加B万元”在同一句写明上年数字时，B 应等于两年之差且方向相符；"
      "项目申报表的“前两年预算及当年预算变动情况”按申报表的当年预算和前两年预算核对，“无变化”须两年"
      "相等",
      ProseRelationKind::kChange));
  out->push_back(
      ProseRule("“A万元、B万元，合计X万元”或“分别为…”的各项之和应等于合计；“其中”“包括”"
                "所列各项之和不应超过总额",
                ProseRelationKind::kListTotal));
  out->push_back(
      ProseRule("“A万元，占B的P%”中 B 在同一段写明金额（或为所列各项的合计）时，P 应为 A ÷ "
                "B 四舍五入",
                ProseRelationKind::kShare));
  out->push_back(
      ProseRule("“A万元，比上年减少B万元，下降P%”中 P 应为 B ÷ 上年数（上年数未写明时为 A + "
                "B 或 A − B），且增减方向一致",
                ProseRelationKind::kChangeRate));
}

}  // namespace gongkai
