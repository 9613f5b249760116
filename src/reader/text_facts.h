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

// A line saying that the tables are published apart from this document ("具体公开表样附后",
// "附件：北京市财政局2026年度部门预算报表"): it starts with `starts_with` (when given) and
// contains `contains`.
struct TablesElsewherePattern {
  std::string starts_with, contains;  // normalised
};

struct TextFacts {
  std::vector<TextFigurePattern> figures;
  std::vector<CompletenessItem> completeness;
  std::vector<TablesElsewherePattern> tables_elsewhere;
  // Reads <data_dir>/reader/text_figures.csv, completeness.csv and tables_elsewhere.csv;
  // throws CatalogError.
  static TextFacts Load(const std::string& data_dir);
};

// The headline figures stated in the readable pages; `year` (0: unknown) leaves out figures of
// other years.
std::vector<TextFigure> ReadTextFigures(const std::vector<Page>& pages,
                                        const std::vector<TextFigurePattern>& patterns, int year);

// The scorecard of `doc` (its kind and tables already read) over the readable pages. A
// document in which no table was found but whose text says its tables are published apart
// (`elsewhere`, data/reader/tables_elsewhere.csv) has its tables marked so, with the page:
// a 情况说明 printed without its 公开表 lacks nothing.
std::vector<CompletenessMark> ReadCompleteness(
    const std::vector<Page>& pages, const std::vector<CompletenessItem>& items,
    const PublishedDocument& doc, const std::vector<TablesElsewherePattern>& elsewhere);

// The text of `doc` (its tables already read): every readable page of a PDF or text that
// holds a sentence outside the tables read on it (PublishedTable::spans), with the tables'
// lines empty. A workbook's sheets have none.
std::vector<NarrativePage> ReadNarrative(const std::vector<Page>& pages,
                                         const PublishedDocument& doc);

}  // namespace gongkai::reader

#endif  // GONGKAI_READER_TEXT_FACTS_H_
