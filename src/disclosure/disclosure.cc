#include "disclosure/disclosure.h"

#include "disclosure/explanation.h"
#include "disclosure/figures.h"
#include "disclosure/performance_tables.h"
#include "disclosure/tables.h"

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
