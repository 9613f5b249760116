#include "render/html_renderer.h"

#include <fmt/format.h>

#include "base/chinese_numerals.h"

namespace gongkai {
namespace {

constexpr const char* kStyle = R"css(
@page { size: A4; margin: 20mm 18mm; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, "Noto Sans CJK SC", serif;
       font-size: 12pt; line-height: 1.7; color: #000; max-width: 180mm; margin: 0 auto; padding: 10mm 0; }
h1 { font-size: 20pt; text-align: center; margin: 0 0 8mm; }
h2 { font-size: 15pt; text-align: center; margin: 10mm 0 5mm; page-break-before: always; }
h2.first { page-break-before: auto; }
h3 { font-size: 13pt; margin: 6mm 0 2mm; }
h4 { font-size: 12pt; margin: 3mm 0 1mm; }
p { text-indent: 2em; margin: 0 0 2mm; text-align: justify; }
p.item { text-indent: 2em; }
nav ol { list-style: none; padding-left: 0; }
nav li { margin: 1mm 0; }
section.table { page-break-before: always; margin-top: 6mm; }
@page wide { size: A4 landscape; margin: 15mm 15mm; }
section.table.wide { page: wide; }
.table-number { font-size: 11pt; }
.table-title { font-size: 15pt; font-weight: bold; text-align: center; margin: 2mm 0; }
.table-meta { display: flex; justify-content: space-between; font-size: 10.5pt; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; line-height: 1.35; }
th, td { border: 0.5pt solid #000; padding: 1mm 1.5mm; }
th { font-weight: bold; text-align: center; background: #f2f2f2; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td, tr.class td { font-weight: bold; }
tr.heading td { font-weight: bold; text-align: center; background: #f7f7f7; }
table.form td { vertical-align: top; }
tr.section td:nth-child(2) { padding-left: 4mm; }
tr.item td:nth-child(2) { padding-left: 7mm; }
.empty-note { text-align: center; padding: 4mm; }
.note { font-size: 10pt; text-indent: 0; }
dl.glossary dt { font-weight: bold; margin-top: 2mm; }
dl.glossary dd { margin: 0 0 1mm 2em; }
@media print { body { max-width: none; padding: 0; } }
)css";

void RenderTable(const Table& t, const DocumentFrame& frame, std::string* out) {
  // Tables wider than eight columns go on landscape pages when printed.
  bool wide = t.numeric_columns.size() > 8;
  *out += fmt::format("<section class=\"table{}\" id=\"{}\">\n", wide ? " wide" : "", t.id);
  *out += fmt::format("<div class=\"table-number\">{}</div>\n", HtmlEscape(t.number));
  *out += fmt::format("<div class=\"table-title\">{}</div>\n", HtmlEscape(t.title));
  *out += fmt::format("<div class=\"table-meta\"><span>{}</span><span>{}</span></div>\n",
                      HtmlEscape(frame.owner), HtmlEscape(t.unit_label));
  *out += t.form ? "<table class=\"form\">\n<thead>\n" : "<table>\n<thead>\n";
  for (const auto& row : t.header) {
    *out += "<tr>";
    for (const auto& c : row) {
      *out += "<th";
      if (c.colspan > 1) *out += fmt::format(" colspan=\"{}\"", c.colspan);
      if (c.rowspan > 1) *out += fmt::format(" rowspan=\"{}\"", c.rowspan);
      *out += ">" + HtmlEscape(c.Display()) + "</th>";
    }
    *out += "</tr>\n";
  }
  *out += "</thead>\n<tbody>\n";
  size_t columns = t.numeric_columns.size();
  if (!t.has_data) {
    *out += fmt::format("<tr><td class=\"empty-note\" colspan=\"{}\">{}</td></tr>\n", columns,
                        HtmlEscape(t.empty_note));
  }
  for (const auto& row : t.rows) {
    *out += fmt::format("<tr class=\"{}\">", RowKindName(row.kind));
    size_t col = 0;
    for (const auto& c : row.cells) {
      bool numeric = col < columns && t.numeric_columns[col];
      *out += numeric ? "<td class=\"num\"" : "<td";
      if (c.colspan > 1) *out += fmt::format(" colspan=\"{}\"", c.colspan);
      *out += ">" + HtmlEscape(c.Display()) + "</td>";
      col += c.colspan;
    }
    *out += "</tr>\n";
  }
  *out += "</tbody>\n</table>\n";
  for (const auto& note : t.notes) *out += "<p class=\"note\">" + HtmlEscape(note) + "</p>\n";
  *out += "</section>\n";
}

}  // namespace

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string RenderHtml(const Document& doc) {
  std::string out;
  out.reserve(64 * 1024);
  out += "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<title>" + HtmlEscape(doc.title) + "</title>\n<style>" + kStyle +
         "</style>\n</head>\n<body>\n";
  out += "<h1>" + HtmlEscape(doc.title) + "</h1>\n";
  // 目录
  out += "<nav><h3>目　录</h3><ol>\n";
  const DocumentFrame::Part* parts = doc.frame.parts;
  auto part_title = [&](int i) { return parts[i].number + " " + HtmlEscape(parts[i].title); };
  out += "<li><a href=\"#part1\">" + part_title(0) + "</a><ol>\n";
  for (const auto& s : doc.sections) {
    out += fmt::format("<li><a href=\"#s{}\">{}、{}</a></li>\n", s.number, s.number,
                       HtmlEscape(s.title));
  }
  out += "</ol></li>\n<li><a href=\"#part2\">" + part_title(1) + "</a><ol>\n";
  int n = 0;
  for (const auto& t : doc.tables) {
    out += fmt::format("<li><a href=\"#{}\">{}、{}</a></li>\n", t.id, ChineseNumber(++n),
                       HtmlEscape(t.title));
  }
  out += "</ol></li>\n<li><a href=\"#part3\">" + part_title(2) + "</a></li>\n</ol></nav>\n";
  // 第一部分
  out += "<h2 class=\"part\" id=\"part1\">" + part_title(0) + "</h2>\n";
  for (const auto& s : doc.sections) {
    out += fmt::format("<h3 id=\"s{}\">{}、{}</h3>\n", s.number, s.number, HtmlEscape(s.title));
    for (const auto& p : s.paragraphs) {
      switch (p.kind) {
        case Paragraph::kHeading:
          out += "<h4>" + HtmlEscape(p.text) + "</h4>\n";
          break;
        case Paragraph::kListItem:
          out += "<p class=\"item\">" + HtmlEscape(p.text) + "</p>\n";
          break;
        case Paragraph::kText:
          out += "<p>" + HtmlEscape(p.text) + "</p>\n";
          break;
      }
    }
  }
  // 第二部分
  out += "<h2 class=\"part\" id=\"part2\">" + part_title(1) + "</h2>\n";
  for (const auto& t : doc.tables) RenderTable(t, doc.frame, &out);
  // 第三部分
  out += "<h2 class=\"part\" id=\"part3\">" + part_title(2) + "</h2>\n<dl class=\"glossary\">\n";
  n = 0;
  for (const auto& g : doc.glossary) {
    out += fmt::format("<dt>{}、{}</dt><dd>{}</dd>\n", ChineseNumber(++n), HtmlEscape(g.term),
                       HtmlEscape(g.definition));
  }
  out += "</dl>\n</body>\n</html>\n";
  return out;
}

}  // namespace gongkai
