// The relations between the tables of a published document, and its text against its tables:
// the second half of `gongkai audit` (the first, the sums inside each table, is
// reader::CheckPublished).
//
//   std::vector<reader::ReaderFinding> all = reader::CheckPublished(doc, three_public_words);
//   AppendPublishedRelations(doc, &all);  // relations between tables, text against tables
//   AppendPublishedProse(doc, words, &all);  // the prose's own arithmetic (published_prose.h)
//   GroupPublishedFindings(&all);         // one finding per cause (cause_groups.h)
// — all four are AuditPublished.
//
// The relations are those the review rules state for a source's declared figures (the rule ids
// are theirs: BAL-013 收支总表与支出总表一致, BAL-012, BAL-014, BAL-016, FIN-001, FIN-002,
// TXT-007 …), found in a published document's own layout:
//   - 收支总表 本年支出 (本年支出合计, 当年支出小计; 支出总计 when nothing is carried forward) =
//     支出总表 合计, and each 功能 类 the 收支总表 lists by name = that 类 of the 支出总表;
//   - 收支总表 本年收入 (收入总计 when the 收入总表 has a 上年结转 column) = 收入总表 合计;
//   - where every 收入 is 一般公共预算 (the 收支总表 says so), 支出总表 = 一般公共预算支出表,
//     合计 and 类 by 类;
//   - 一般公共预算支出表 合计 = the 一般公共预算 column (or row) of the 财政拨款收支总表's 本年
//     支出, and the same for the 政府性基金预算支出表;
//   - 基本支出表 合计 (人员经费, 公用经费) = 一般公共预算支出表 合计 row's 基本支出 (人员经费,
//     公用经费);
//   - in 收支总表 and 财政拨款收支总表, each side's 总计 = its 本年 subtotal + the rows printed
//     between them (上年结转; 年初结转和结余, 使用非财政拨款结余, 结余分配, 年末结转和结余);
//   - the headline figures of the text (reader/text_facts.h) against the table figures they
//     state (also when the tables were published in a file of their own:
//     AppendTextAgainstTables), and each project the text names with its amount against its
//     row of the 项目支出表.
// A relation is checked only where both of its cells are found; a layout where a cell cannot be
// identified without guessing is left out (a relation on a misread cell would report a defect
// that is not there).
//
// A difference no larger than 0.01 of the coarser unit per figure summed (a text figure: one
// unit of its last printed digit) is rounding: a note, never an error.
#ifndef GONGKAI_REVIEW_PUBLISHED_RELATIONS_H_
#define GONGKAI_REVIEW_PUBLISHED_RELATIONS_H_

#include <vector>

#include "reader/reader.h"
#include "review/prose_words.h"

namespace gongkai {

// Appends the findings of the relations of `doc` to *findings.
void AppendPublishedRelations(const reader::PublishedDocument& doc,
                              std::vector<reader::ReaderFinding>* findings);

// The headline figures of the text of `text` — a 情况说明 whose tables were published apart
// (北京's 附件1 and 附件2) — against the tables of `tables`, the same department's document of
// the same year and kind, read from the file `tables_file` (its name, as a finding cites it).
// Only the text against tables (TXT-007): each document's own checks are AuditPublished's.
void AppendTextAgainstTables(const reader::PublishedDocument& text,
                             const reader::PublishedDocument& tables,
                             const std::string& tables_file,
                             std::vector<reader::ReaderFinding>* findings);

// Groups *findings by cause (cause_groups.h, with total rows as roots): the findings explained
// by another are moved into its `consequences`; the order is kept otherwise.
void GroupPublishedFindings(std::vector<reader::ReaderFinding>* findings);

// Everything `gongkai audit` checks in a document once read, grouped by cause, in the order
// above; `three_public` the words of data/reader/three_public.csv; `words`
// (data/check/common/prose_words.csv) null: the prose is not checked.
std::vector<reader::ReaderFinding> AuditPublished(const reader::PublishedDocument& doc,
                                                  const reader::ThreePublicWords& three_public,
                                                  const ProseWords* words);

}  // namespace gongkai

#endif  // GONGKAI_REVIEW_PUBLISHED_RELATIONS_H_
