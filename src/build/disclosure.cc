#include "build/disclosure.h"

#include "build/explanation.h"
#include "build/figures.h"
#include "build/performance_tables.h"
#include "build/tables.h"

namespace gongkai {

Document BuildDisclosure(const Department& d, const Templates& tpl) {
  Document doc;
  doc.department = d.name;
  doc.year = d.year;
  doc.title = d.name + std::to_string(d.year) + "年部门预算";
  Figures f = ComputeFigures(d);
  doc.sections = BuildExplanation(d, f);
  doc.tables = BuildTables(d, f, tpl);
  BuildPerformanceTables(d, &doc.tables);
  doc.glossary = BuildGlossary(d, tpl);
  return doc;
}

}  // namespace gongkai
