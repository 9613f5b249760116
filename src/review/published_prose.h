// The arithmetic of a published document's prose: the relations its sentences state between the
// figures they quote (review/prose.h: 原安排 ± 调整 = 调整后, a change against the year before,
// a list against its total, a share, the rate of a change), checked on the narrative pages of
// the document (reader::NarrativePage) under the same rule ids as in a source's texts (TXT-011 …
// TXT-015). In a 政府采购 text this is the share of the 中小企业 amount in the procurement total
// and of the 小微企业 amount in the 中小企业 amount (TXT-014): the items behind the amounts are
// not published, so TXT-017 itself cannot be checked.
//
// The lines are joined into paragraphs from their text alone (so that a document rebuilt from
// an extracted source joins them the same way): a line that begins with a heading or list
// marker (一、 （一） 1. 1、 (1)) starts a paragraph, as does the first line after a page that is
// not narrative, after a row of a table (an empty line) or after a heading alone on its line
// (a marker and no punctuation); a line that is only a page number ("- 3 -", "第3页") is left out. A sentence
// continues across a page break.
//
// Each relation that does not hold is a finding at the page and line where its sentence begins,
// a 错误, or a note when the difference is within the rounding of the printed figures.
#ifndef GONGKAI_REVIEW_PUBLISHED_PROSE_H_
#define GONGKAI_REVIEW_PUBLISHED_PROSE_H_

#include <vector>

#include "reader/reader.h"
#include "review/prose_words.h"

namespace gongkai {

void AppendPublishedProse(const reader::PublishedDocument& doc, const ProseWords& words,
                          std::vector<reader::ReaderFinding>* findings);

}  // namespace gongkai

#endif  // GONGKAI_REVIEW_PUBLISHED_PROSE_H_
