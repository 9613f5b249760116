// The prose a source holds — 职能, 工作目标, notes, the reasons of the comparisons, the projects'
// purposes, the texts of the performance forms — each with where it is and what the source
// knows about it, for the rules that check what the prose says (rules/prose_*_rules.cc).
//
// The sentences recorded under `declared.text` are not included: each is checked through its
// typed figures by the TXT rules of text_rules.cc, and would otherwise be reported twice.
#ifndef GONGKAI_REVIEW_PROSE_TEXTS_H_
#define GONGKAI_REVIEW_PROSE_TEXTS_H_

#include <string>
#include <vector>

#include "model/department.h"
#include "review/prose.h"
#include "review/rule.h"

namespace gongkai {

struct ProseText {
  std::string what;   // where it is, for the location: "notes 八", "项目「X」用途" …
  std::string table;  // the form it is printed in, when it is in one
  std::string text;
  int line = 0;
  ProseContext context;
  const ProjectDeclaration* declaration = nullptr;  // the 项目申报表 it belongs to
  bool change_text = false;  // a 项目申报表's 前两年预算及当年预算变动情况
};

std::vector<ProseText> ProseTextsOf(const Department& d);
Location ProseLocation(const CheckContext& ctx, const ProseText& t);

// The prose texts of the department, each split into sentences and with the relations
// CheckProse finds in it: read once per review, for the six rules that check prose (TXT-011 …
// TXT-016). Only when ctx.prose_words could be read.
struct ProseReview {
  std::vector<ProseText> texts;
  std::vector<std::vector<ProseSentence>> sentences;  // of texts[i]
  std::vector<std::vector<ProseRelation>> relations;  // of texts[i]
};
const ProseReview& ReviewedProse(const CheckContext& ctx);

// Runs CheckProse on every text and emits the relations of `kind` that do not hold: a
// mismatch at the rule's severity, a rounding difference as a note. Reports the reference
// data that could not be read, once.
void EmitProse(const CheckContext& ctx, Emitter& emit, ProseRelationKind kind);

}  // namespace gongkai

#endif  // GONGKAI_REVIEW_PROSE_TEXTS_H_
