#include "render/json_renderer.h"

#include <nlohmann/json.hpp>

namespace gongkai {
namespace {

using Json = nlohmann::ordered_json;

Json CellJson(const Cell& c) {
  Json j;
  if (c.money) {
    j["text"] = c.Display();
    j["amount"] = c.money->ExactWan();  // exact, 万元
  } else {
    j["text"] = c.text;
  }
  if (c.colspan > 1) j["colspan"] = c.colspan;
  if (c.rowspan > 1) j["rowspan"] = c.rowspan;
  return j;
}

}  // namespace

std::string RenderJson(const Document& doc) {
  Json root;
  root["title"] = doc.title;
  root["department"] = doc.department;
  root["year"] = doc.year;
  root["unit"] = "万元";
  Json sections = Json::array();
  for (const auto& s : doc.sections) {
    Json js;
    js["number"] = s.number;
    js["title"] = s.title;
    Json paragraphs = Json::array();
    for (const auto& p : s.paragraphs) {
      static const char* kKinds[] = {"heading", "text", "item"};
      paragraphs.push_back({{"kind", kKinds[p.kind]}, {"text", p.text}});
    }
    js["paragraphs"] = paragraphs;
    sections.push_back(js);
  }
  root["sections"] = sections;
  Json tables = Json::array();
  for (const auto& t : doc.tables) {
    Json jt;
    jt["id"] = t.id;
    jt["number"] = t.number;
    jt["title"] = t.title;
    jt["unit"] = t.unit_label;
    Json header = Json::array();
    for (const auto& row : t.header) {
      Json jr = Json::array();
      for (const auto& c : row) jr.push_back(CellJson(c));
      header.push_back(jr);
    }
    jt["header"] = header;
    Json rows = Json::array();
    for (const auto& row : t.rows) {
      Json cells = Json::array();
      for (const auto& c : row.cells) cells.push_back(CellJson(c));
      rows.push_back({{"kind", RowKindName(row.kind)}, {"cells", cells}});
    }
    jt["rows"] = rows;
    jt["has_data"] = t.has_data;
    if (t.form) jt["form"] = true;
    if (!t.has_data) jt["empty_note"] = t.empty_note;
    if (!t.notes.empty()) jt["notes"] = t.notes;
    tables.push_back(jt);
  }
  root["tables"] = tables;
  Json glossary = Json::array();
  for (const auto& g : doc.glossary)
    glossary.push_back({{"term", g.term}, {"definition", g.definition}});
  root["glossary"] = glossary;
  return root.dump(2) + "\n";
}

}  // namespace gongkai
