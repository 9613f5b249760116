// The comparison tool of tests/libreoffice_test.sh: it tells whether a workbook gongkai wrote
// and the same workbook saved back by LibreOffice hold the same content.
//
//   xlsx_compare cells GONGKAI.xlsx LIBREOFFICE.xlsx
//     Every sheet (names, order, hidden or not), every merged range and every cell of every
//     sheet must be the same. Strings compare exactly; numbers compare as amounts exact to
//     0.01 元 (CellMoney in 万元: spreadsheets hold doubles, and LibreOffice writes them with
//     other digits than libxlsxwriter); a formula must still be a formula, and its value — which
//     LibreOffice recomputed on loading — must be the value gongkai cached. Cells holding an
//     empty string count as empty (LibreOffice drops them). Exit 1 with the differences.
//   xlsx_compare printed WORKBOOK.xlsx TEXT.txt
//     Every string cell of every visible sheet occurs whole in TEXT.txt (`pdftotext -raw` of
//     the workbook printed by LibreOffice), white space ignored: a cell whose text the printed
//     page cuts (a row too low for its wrapped lines, a column wider than the page) is missing.
//   xlsx_compare canary OUT.xlsx
//     Writes a workbook whose formula =SUM(A1:A2) caches the wrong value 0.
//   xlsx_compare canary-recomputed FILE.xlsx
//     Whether that formula reads 3 in FILE.xlsx: the proof that LibreOffice recomputed the
//     formulas on loading (with its default settings it keeps the cached values, and the
//     comparison above would then pass without testing anything).
//
// The workbooks are read with gongkai's own reader (xlsx/xlsx_reader.h), so reading what
// LibreOffice writes is tested on the way.
#include <xlsxwriter.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>

#include "xlsx/xlsx_reader.h"

namespace gongkai {
namespace {

constexpr size_t kMaxReported = 20;  // differences printed per workbook

std::string Describe(const XlsxCell* c) {
  if (!c) return "(empty)";
  std::string type = c->type == CellType::kNumber    ? "number"
                     : c->type == CellType::kString  ? "string"
                     : c->type == CellType::kBoolean ? "boolean"
                     : c->type == CellType::kDate    ? "date"
                                                     : "error";
  return type + (c->formula ? " formula " : " ") + "「" + c->text + "」";
}

const XlsxCell* NonEmpty(const XlsxSheet& s, std::pair<int, int> at) {
  const XlsxCell* c = s.At(at.first, at.second);
  return c && !c->text.empty() ? c : nullptr;
}

bool SameCell(const XlsxCell* a, const XlsxCell* b) {
  if (!a || !b) return a == b;
  if (a->type != b->type || a->formula != b->formula) return false;
  if (a->type != CellType::kNumber) return a->text == b->text;
  std::optional<Money> x = CellMoney(a->text, MoneyUnit::kWan);
  std::optional<Money> y = CellMoney(b->text, MoneyUnit::kWan);
  return x && y && *x == *y;
}

std::string Range(const CellRange& r) {
  return CellRef(r.first_row, r.first_col) + ":" + CellRef(r.last_row, r.last_col);
}

int CompareCells(const std::string& left, const std::string& right) {
  Workbook a = ReadWorkbook(left);
  Workbook b = ReadWorkbook(right);
  size_t differences = 0, cells = 0;
  auto report = [&](const std::string& what) {
    if (++differences <= kMaxReported) std::cout << right << ": " << what << "\n";
  };
  if (a.sheets.size() != b.sheets.size()) {
    report("sheets: " + std::to_string(a.sheets.size()) + " in " + left + ", " +
           std::to_string(b.sheets.size()) + " here");
  }
  for (size_t i = 0; i < a.sheets.size() && i < b.sheets.size(); ++i) {
    const XlsxSheet& sa = a.sheets[i];
    const XlsxSheet& sb = b.sheets[i];
    if (sa.name != sb.name)
      report("sheet " + std::to_string(i + 1) + ": 「" + sb.name + "」, " + left + " has 「" +
             sa.name + "」");
    if (sa.hidden != sb.hidden) report(sb.name + ": hidden " + (sb.hidden ? "yes" : "no"));
    std::set<std::string> ma, mb;
    for (const auto& r : sa.merged) ma.insert(Range(r));
    for (const auto& r : sb.merged) mb.insert(Range(r));
    for (const auto& r : ma) {
      if (!mb.count(r)) report(sb.name + "!" + r + ": no longer merged");
    }
    for (const auto& r : mb) {
      if (!ma.count(r)) report(sb.name + "!" + r + ": merged, and was not");
    }
    std::set<std::pair<int, int>> refs;
    for (const auto& [at, c] : sa.cells) refs.insert(at);
    for (const auto& [at, c] : sb.cells) refs.insert(at);
    for (const auto& at : refs) {
      const XlsxCell* ca = NonEmpty(sa, at);
      const XlsxCell* cb = NonEmpty(sb, at);
      if (ca) ++cells;
      if (!SameCell(ca, cb)) {
        report(sb.name + "!" + CellRef(at.first, at.second) + ": " + Describe(cb) + ", was " +
               Describe(ca));
      }
    }
  }
  if (differences > kMaxReported) {
    std::cout << right << ": … " << differences - kMaxReported << " more differences\n";
  }
  if (differences > 0) return 1;
  std::cout << right << ": " << a.sheets.size() << " sheets, " << cells << " cells: the same\n";
  return 0;
}

std::string WithoutSpace(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f') continue;
    if (s.compare(i, 3, "\u3000") == 0) {  // the ideographic space
      i += 2;
      continue;
    }
    out += s[i];
  }
  return out;
}

int Printed(const std::string& workbook, const std::string& text_path) {
  Workbook wb = ReadWorkbook(workbook);
  std::ifstream in(text_path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string text = WithoutSpace(buffer.str());
  size_t missing = 0, strings = 0;
  for (const auto& sheet : wb.sheets) {
    if (sheet.hidden) continue;
    for (const auto& [at, cell] : sheet.cells) {
      if (cell.type != CellType::kString) continue;
      std::string want = WithoutSpace(cell.text);
      if (want.empty()) continue;
      ++strings;
      if (text.find(want) != std::string::npos) continue;
      if (++missing <= kMaxReported) {
        std::cout << workbook << ": " << sheet.name << "!" << CellRef(at.first, at.second)
                  << " is not printed whole: 「" << cell.text << "」\n";
      }
    }
  }
  if (missing > 0) {
    std::cout << workbook << ": " << missing << " of " << strings << " texts not printed whole\n";
    return 1;
  }
  std::cout << workbook << ": " << strings << " texts printed whole\n";
  return 0;
}

int WriteCanary(const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) return 2;
  lxw_worksheet* ws = workbook_add_worksheet(wb, "canary");
  worksheet_write_number(ws, 0, 0, 1, nullptr);
  worksheet_write_number(ws, 1, 0, 2, nullptr);
  worksheet_write_formula_num(ws, 2, 0, "=SUM(A1:A2)", nullptr, 0);  // cached wrong on purpose
  return workbook_close(wb) == LXW_NO_ERROR ? 0 : 2;
}

int CanaryRecomputed(const std::string& path) {
  Workbook wb = ReadWorkbook(path);
  const XlsxCell* c = wb.sheets.empty() ? nullptr : wb.sheets[0].At("A3");
  if (c && c->formula && c->text == "3") return 0;
  std::cout << path << ": canary!A3 is " << Describe(c)
            << ", not the formula's value 3: LibreOffice did not recompute on loading\n";
  return 1;
}

}  // namespace
}  // namespace gongkai

int main(int argc, char** argv) {
  using namespace gongkai;
  std::string mode = argc > 1 ? argv[1] : "";
  try {
    if (mode == "cells" && argc == 4) return CompareCells(argv[2], argv[3]);
    if (mode == "printed" && argc == 4) return Printed(argv[2], argv[3]);
    if (mode == "canary" && argc == 3) return WriteCanary(argv[2]);
    if (mode == "canary-recomputed" && argc == 3) return CanaryRecomputed(argv[2]);
  } catch (const XlsxError& e) {
    std::cout << e.what() << "\n";
    return 1;
  }
  std::cerr << "usage: xlsx_compare cells A.xlsx B.xlsx | printed WORKBOOK.xlsx TEXT.txt | "
               "canary OUT.xlsx | "
               "canary-recomputed FILE.xlsx\n";
  return 3;
}
