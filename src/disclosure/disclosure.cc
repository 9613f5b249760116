#include "disclosure/disclosure.h"

#include "disclosure/explanation.h"
#include "disclosure/figures.h"
#include "disclosure/performance_tables.h"
#include "disclosure/tables.h"

namespace gongkai {

Document BuildDisclosure(const Department& d, const Templates& tpl) {
  Document doc;
  doc.kind = d.kind;
  doc.department = d.name;
  doc.year = d.year;
  doc.frame = tpl.Frame(d.name, d.year);
  doc.title = doc.frame.title;
  Figures f = ComputeFigures(d);
  if (d.kind == DocumentKind::kFinalAccounts) {
    doc.sections = BuildFinalExplanation(d, f, doc.frame, tpl);
    doc.tables = BuildTables(d, f, tpl);
  } else {
    doc.sections = BuildExplanation(d, f, doc.frame);
    doc.tables = BuildTables(d, f, tpl);
    BuildPerformanceTables(d, &doc.tables);
  }
  doc.glossary = BuildGlossary(d, tpl);
  return doc;
}

}  // namespace gongkai
