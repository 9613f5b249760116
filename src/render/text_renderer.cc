#include "render/text_renderer.h"

#include <vector>

#include "base/chinese_numerals.h"

namespace gongkai {

std::string RenderText(const Document& doc) {
  std::string out = doc.title + "\n\n";
  const DocumentFrame::Part* parts = doc.frame.parts;
  out += parts[0].number + " " + parts[0].title + "\n\n";
  for (const auto& s : doc.sections) {
    out += s.number + "、" + s.title + "\n\n";
    for (const auto& p : s.paragraphs) out += p.text + "\n\n";
  }
  out += parts[1].number + " " + parts[1].title + "\n\n";
  for (const auto& t : doc.tables) {
    if (!t.number.empty()) out += t.number + "\n\n";
    out += t.title + "\n\n" + doc.frame.owner + "\n\n" + t.unit_label + "\n\n";
    // Header cells at their grid columns: a cell spanning rows above leaves its columns empty
    // in the rows below (as pdftotext prints merged header cells: "\t\t\t小计\t人员经费…").
    std::vector<int> busy;  // per column, rows still covered by a cell from above
    for (const auto& row : t.header) {
      std::vector<std::string> line;
      size_t column = 0;
      auto skip_busy = [&] {
        while (column < busy.size() && busy[column] > 0) {
          line.emplace_back();
          --busy[column++];
        }
      };
      for (const auto& cell : row) {
        skip_busy();
        for (int k = 0; k < cell.colspan; ++k, ++column) {
          line.push_back(k == 0 ? cell.text : "");
          if (busy.size() <= column) busy.resize(column + 1, 0);
          busy[column] = cell.rowspan - 1;
        }
      }
      skip_busy();
      std::string text;
      for (size_t i = 0; i < line.size(); ++i) text += (i ? "\t" : "") + line[i];
      out += text + "\n";
    }
    if (!t.has_data) out += t.empty_note + "\n";
    for (const auto& row : t.rows) {
      std::string line;
      for (size_t i = 0; i < row.cells.size(); ++i)
        line += (i ? "\t" : "") + row.cells[i].Display();
      out += line + "\n";
    }
    for (const auto& note : t.notes) out += "\n" + note + "\n";
    out += "\n";
  }
  out += parts[2].number + " " + parts[2].title + "\n\n";
  int n = 0;
  for (const auto& g : doc.glossary) {
    out += ChineseNumber(++n) + "、" + g.term + "：" + g.definition + "\n\n";
  }
  return out;
}

}  // namespace gongkai
