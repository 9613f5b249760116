// A published document as a source, and back: the correct-and-recheck loop of `gongkai audit`.
//
//   reader::PublishedDocument doc = reader::ReadPublished("预算.pdf", options);
//   Department source = SourceFromPublished(doc);       // audit --extract writes it as YAML
//   … an officer corrects a misread figure in the YAML …
//   std::vector<Finding> again = RunChecks(source, …);   // = ReviewPublishedSource
//
// SourceFromPublished records what the reader recovered — the identity it read (what it did
// not read listed in published.unread, never guessed), every printed table figure as a
// declared cell (table, row by code or name, column by its header path), the headline figures
// of the text as declared text (keys `published.<reader key>`: published.income_total …, the
// phrases of data/reader/text_figures.csv), the narrative pages line by line (published.narrative,
// whose sentences' arithmetic is checked), and each table's layout as printed — in the
// "published-document mode" of the source format (model/declared.h, PublishedSource). Blank
// cells are not written: a cell the YAML does not give is blank, as it was printed.
//
// PublishedFromSource rebuilds the document from such a source, and ReviewPublishedSource runs
// on it exactly the audit's checks (reader::CheckPublished, AppendPublishedRelations, grouped
// by cause): the same rule ids at the same tables, rows and columns as the audit of the
// document, each located at its declared cell's line in the YAML. The review rules that
// compare declared figures with detail lines do not run: such a source has none.
#ifndef GONGKAI_REVIEW_PUBLISHED_SOURCE_H_
#define GONGKAI_REVIEW_PUBLISHED_SOURCE_H_

#include <vector>

#include "model/department.h"
#include "reader/reader.h"
#include "review/check_config.h"
#include "review/checker.h"
#include "review/finding.h"

namespace gongkai {

// The declared-text key prefix of the headline figures: "published.income_total".
inline constexpr const char* kPublishedTextKey = "published.";

Department SourceFromPublished(const reader::PublishedDocument& doc);

reader::PublishedDocument PublishedFromSource(const Department& d);

// The audit's findings on a published-document source (d.published.present), filtered by the
// options and the region's settings as RunChecks filters its rules.
std::vector<Finding> ReviewPublishedSource(const Department& d, const CheckConfig& config,
                                           const CheckOptions& options);

// "<department> <year>年部门预算（公开文件读出）", with what is not read left out.
std::string PublishedSourceTitle(const Department& d);

}  // namespace gongkai

#endif  // GONGKAI_REVIEW_PUBLISHED_SOURCE_H_
