// What the text of a published document states, beside its tables: the headline figures of the
// 公开说明 / 情况说明 (收支总预算, 收入总计, 支出总计, 财政拨款收入, “三公”经费, 机关运行经费)
// with page and line, and the completeness scorecard (required tables, “三公”经费 explanation,
// 政府采购, 国有资产占用, 绩效目标, 名词解释, contact line).
//
// Both are data: data/reader/text_figures.csv lists the phrases that introduce each headline
// figure (with words that must not come right before it: 财政拨款收入总计 is not 收入总计), and
// data/reader/completeness.csv the items of the scorecard by document kind, a text item by its
// keywords (found on a line of at least min_chars characters, so that a table title alone does
// not count as an explanation). Add a row when a region words a figure or a section otherwise.
//
// A figure is read only where the words are followed, within a few characters and without a
// comma, a digit or a comparison (比, 增, 减 …), by an amount with its unit (万元 or 元): table
// rows print no unit, so they are not taken for sentences. A figure of another year ("2025年
// “三公”经费预算…", "上年…") is left out.
#ifndef GONGKAI_READER_TEXT_FACTS_H_
#define GONGKAI_READER_TEXT_FACTS_H_

#include <string>
#include <vector>

#include "reader/published_document.h"
#include "reader/text_lines.h"

namespace gongkai::reader {

struct TextFigurePattern {
  std::string key;
  std::string phrase;                  // normalised (NormalizeTitle)
  std::vector<std::string> not_after;  // words that must not end right before the phrase
};

struct CompletenessItem {
  std::string id, name;
  std::vector<DocumentKind> kinds;
  std::vector<std::string> keywords;  // empty: a table, found when the reader found it
  int min_chars = 0;
};

struct TextFacts {
  std::vector<TextFigurePattern> figures;
  std::vector<CompletenessItem> completeness;
  // Reads <data_dir>/reader/text_figures.csv and completeness.csv; throws CatalogError.
  static TextFacts Load(const std::string& data_dir);
};

// The headline figures stated in the readable pages; `year` (0: unknown) leaves out figures of
// other years.
std::vector<TextFigure> ReadTextFigures(const std::vector<Page>& pages,
                                        const std::vector<TextFigurePattern>& patterns, int year);

// The scorecard of `doc` (its kind and tables already read) over the readable pages.
std::vector<CompletenessMark> ReadCompleteness(const std::vector<Page>& pages,
                                               const std::vector<CompletenessItem>& items,
                                               const PublishedDocument& doc);

}  // namespace gongkai::reader

#endif  // GONGKAI_READER_TEXT_FACTS_H_
