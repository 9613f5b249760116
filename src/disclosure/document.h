// The computed disclosure: what every renderer (HTML, JSON, …) draws.
//
// It is deliberately format-neutral: text sections made of paragraphs, tables made of header
// rows and body rows of cells, and the glossary. Amount cells keep their exact Money so a
// renderer chooses only the presentation; the rounding rule lives in money/.
#ifndef GONGKAI_DISCLOSURE_DOCUMENT_H_
#define GONGKAI_DISCLOSURE_DOCUMENT_H_

#include <optional>
#include <string>
#include <vector>

#include "base/money.h"
#include "model/document_kind.h"

namespace gongkai {

struct Cell {
  std::string text;            // for text cells
  std::optional<Money> money;  // for amount cells (text is then derived at render time)
  int colspan = 1;
  int rowspan = 1;

  static Cell Text(std::string t, int colspan = 1) {
    return {std::move(t), std::nullopt, colspan, 1};
  }
  static Cell Amount(Money m) { return {"", m, 1, 1}; }
  static Cell Blank() { return {}; }
  // The text a reader sees: amounts in 万元, 2 decimals, thousands separators.
  std::string Display() const;
};

// What a row is, for styling (totals bold, 类 rows bold, 项 rows indented …).
enum class RowKind { kTotal, kClass, kSection, kItem, kPlain, kHeading };
const char* RowKindName(RowKind kind);

struct Row {
  RowKind kind = RowKind::kPlain;
  std::vector<Cell> cells;
};

struct Table {
  std::string id;      // stable identifier: income_expenditure_summary, …
  std::string number;  // 附表4-1
  std::string title;   // 收支总表
  std::string unit_label = "单位：万元";
  std::vector<std::vector<Cell>> header;  // header rows (cells with spans)
  std::vector<Row> rows;
  std::vector<bool> numeric_columns;  // right-aligned columns
  std::string empty_note;             // shown when the table has no data
  bool has_data = true;
  std::vector<std::string> notes;  // 备注 under the table
  bool form = false;  // a form (label/value cells, headings inside) rather than a data table
};

struct Paragraph {
  enum Kind { kHeading, kText, kListItem } kind = kText;
  std::string text;
};

struct Section {
  std::string number;  // 一 … 九
  std::string title;
  std::vector<Paragraph> paragraphs;
  // What the section is, where its place varies by layout (决算: "three_public", "operating",
  // "other", … as layout.csv's `sections` names them); empty where the order is fixed.
  std::string id;
};

struct GlossaryEntry {
  std::string term;
  std::string definition;
};

// What a document says about itself, the same in every format: its title, cover, running
// head, the titles of its three parts and the line above each table. From the frame template
// of its kind and year (data/templates/<kind>/<year>/frame.csv), with {dept}, {year} and
// {title} filled in.
struct DocumentFrame {
  std::string title;  // 武汉市新洲区人民政府办公室2023年部门预算
  std::string noun;   // 部门预算: the kind's noun in sentences ("纳入2023年部门预算…")
  std::string cover_title;     // 2023年部门预算
  std::string cover_contents;  // 公开说明　公开表　名词解释
  std::string running_head;    // 2023年部门预算
  std::string subject;         // 部门预算公开 (file metadata)
  struct Part {
    std::string number;       // 第一部分
    std::string title;        // …2023年部门预算公开说明
    std::string short_title;  // 公开说明 (outline, sheet name)
  };
  Part parts[3];
  std::string owner;              // 部门/单位：… (above every table)
  std::string tables_contents;    // 公开表目录
  std::string workbook_contents;  // …公开目录 (the workbook's first sheet)
};

struct Document {
  DocumentKind kind = DocumentKind::kBudget;
  std::string department;
  int year = 0;
  DocumentFrame frame;
  std::string title;              // 武汉市新洲区人民政府办公室2023年部门预算
  std::vector<Section> sections;  // 第一部分 公开说明
  std::vector<Table> tables;      // 第二部分 公开表
  std::vector<GlossaryEntry> glossary;  // 第三部分 名词解释

  const Table* FindTable(const std::string& id) const;
};

}  // namespace gongkai

#endif  // GONGKAI_DISCLOSURE_DOCUMENT_H_
