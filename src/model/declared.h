// Declared figures: what a document says, beside the detail it should follow from.
//
// Real inputs carry typed totals: spreadsheets from the budget system, hand-written text,
// published documents. The `declared:` section of a source file records them as printed —
// table cells by table, row and column, and the figures quoted in the 公开说明 by what they
// state — so that `gongkai check` can compare every one with what the lines give. Nothing
// here feeds the generated disclosure, which is always computed from the lines.
#ifndef GONGKAI_MODEL_DECLARED_H_
#define GONGKAI_MODEL_DECLARED_H_

#include <optional>
#include <string>
#include <vector>

#include "base/money.h"

namespace gongkai {

struct SourceLocation;  // model/department.h

// One figure quoted in the text, e.g. "一般公共预算财政拨款支出预算数1597.66万元，比2022年预算
// 减少124.81万元，下降7.24%": {key: general.total, amount: 1597.66, year: 2022,
// change: 124.81, direction: 减少, percent: 7.24}.
struct DeclaredFigure {
  std::string key;  // see docs/source-format.md, "declared"
  std::string at;   // where it is printed, e.g. 四（一）
  std::optional<Money> amount;
  bool amount_blank = false;   // the amount was left blank ("预算 万元")
  std::optional<Money> prior;  // last year's figure as printed
  std::optional<Money> change;
  std::string direction;  // 增加 / 减少 / 持平 as printed
  std::string percent;    // change percentage as printed ("7.24")
  std::string share;      // share as printed ("80.3")
  std::string name;       // name printed with it (科目 name, project name)
  int year = 0;    // the year the sentence refers to ("比2022年预算", "2022年部门预算")
  int number = 0;  // item number as printed ((4) → 4)
  bool reason = false;  // a reason ("主要原因是…") is printed with the change
  // A 决算's comparison with its budget: "年初预算为A万元，调整预算为B万元，支出决算为C万元，
  // 完成年初预算的X%，…完成调整预算的Y%" (budget A, adjusted B, completion X, adjusted_completion
  // Y); the “三公” and 机关运行经费 预算数 are `budget` too.
  std::optional<Money> budget, adjusted;
  std::string completion, adjusted_completion;
  std::string text;  // the sentence as printed (optional, for placeholder checks)
  // A published-document source (PublishedSource below): the amount as the document prints it
  // ("3,210.10万元"), whose last digit says how far the text rounds.
  std::string printed;
  int line = 0, column = 0;
};

// One table cell as printed.
struct DeclaredCell {
  std::string table;   // table id (income_expenditure_summary, …)
  std::string row;     // row label: code or first text cell
  std::string name;    // row name as printed (科目名称)
  std::string column;  // column name (leaf header), empty for two-sided tables
  std::optional<Money> amount;
  int line = 0, column_pos = 0;
};

struct Declared {
  bool present = false;
  std::vector<DeclaredFigure> text;
  std::vector<DeclaredCell> cells;
  // Tables the document contains (ids), when recorded; empty with has_tables = false.
  bool has_tables = false;
  std::vector<std::string> tables;
  // Section headings in printed order ("一", "八（二）", "八（三）"…), when recorded.
  std::vector<std::string> sections;
  // 功能科目 (项 codes) the 名词解释 explains, when recorded.
  bool has_glossary = false;
  std::vector<std::string> glossary;
  // Tables printed empty without the explanatory sentence.
  std::vector<std::string> empty_without_note;
};

// A published document read back by `gongkai audit` and written as a source
// (`audit --extract`): a source in "published-document mode". It has no detail lines — the
// document gives none — only what was read: its identity, every printed table figure as a
// declared cell and the headline figures of its text as declared text. Beside them it keeps
// how each table is laid out as printed (`published:`: title, unit, header columns, rows in
// printed order with their codes, names and sides), which the figures fill: what the audit's
// arithmetic needs to check the figures exactly as it checked the document (合计 rows, the
// halves of a two-sided table, the order of 类/款/项). `gongkai check` reviews such a source
// with the audit's checks (review/published_source.h), so that a figure corrected by hand in
// the YAML is checked again as the document would be.
struct PublishedColumnLayout {
  std::string path;  // the header labels over the column, top down: "基本支出/人员经费"
  std::string name;  // the lowest label (the last part of path unless it holds a '/')
  int side = 0;      // 1: the 支出 half of a two-sided table
};

struct PublishedRowLayout {
  int side = 0;
  std::string code;  // 功能 or 经济 科目 code, empty if none
  std::string name;
  bool total = false;  // 合计, 总计, 收入总计 …
  int page = 0;
  // A cell names its row by code (or, without one, by name): the label it carries.
  const std::string& label() const { return code.empty() ? name : code; }
};

struct PublishedTableLayout {
  // How declared cells name the table: its id, or "<id>-2", "<id>-3" for a second and third
  // table of the same id (a document that prints a table per unit), as the CSVs are named.
  std::string key;
  std::string id;     // income_expenditure_summary … (the reader's ids, docs/reader.md)
  std::string title;  // as printed
  bool yuan = false;  // 单位：元 (else 万元)
  int sides = 1;
  std::vector<int> pages;
  std::string sheet;  // read from a workbook: the sheet
  std::vector<PublishedColumnLayout> columns;
  std::vector<PublishedRowLayout> rows;
  int line = 0, column = 0;  // of its entry in the source
};

// A page of the document's text on which no table was found (reader::NarrativePage): its lines
// as printed, an empty one where a row of a table stood; checked for the arithmetic of its
// sentences (review/published_prose.h).
struct PublishedNarrativePage {
  int page = 0;
  std::vector<std::string> lines;
  std::vector<int> source_lines;  // the source line of each (0: not known)
};

struct PublishedSource {
  bool present = false;
  std::string file;  // the document read (its file name)
  // Kind, department or year taken from the file name, the document not stating them.
  bool identity_from_file_name = false;
  // What of the identity the document does not give: kind, department, year. A kind not read
  // is 预算 in the model (the source's default), a department or year not read is empty / 0.
  std::vector<std::string> unread;
  std::vector<PublishedTableLayout> tables;
  std::vector<PublishedNarrativePage> narrative;

  const PublishedTableLayout* Find(const std::string& key) const;
};

// Where each declared cell of a published-document source goes in its tables' layouts: the
// table (index into published.tables), the row and the column. Cells are placed in the order
// written, each in the first row at or after the previous cell's row (of the same table) that
// carries its label, on the side of a column with its header path, whose slot is still free —
// so that rows and columns printed twice with the same label keep their own figures.
struct PlacedCell {
  size_t cell = 0;  // index into declared.cells
  size_t table = 0, row = 0, column = 0;
};
struct UnplacedCell {
  size_t cell = 0;
  std::string why;  // Chinese: 「published.tables 中没有表「x」」 …
};
std::vector<PlacedCell> PlaceDeclaredCells(const Declared& declared,
                                           const PublishedSource& published,
                                           std::vector<UnplacedCell>* unplaced);

}  // namespace gongkai

#endif  // GONGKAI_MODEL_DECLARED_H_
