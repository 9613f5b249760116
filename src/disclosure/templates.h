// The disclosure template of a fiscal year: which tables are published, their numbers,
// titles and the sentence printed when a table is empty, and the general glossary terms.
// Read from data/templates/<kind>/<year>/ (the latest year not after the document's year), so
// a region can change numbering or wording without touching code. frame.csv holds what the
// document says about itself (key,text rows: see DocumentFrame in document.h).
#ifndef GONGKAI_DISCLOSURE_TEMPLATES_H_
#define GONGKAI_DISCLOSURE_TEMPLATES_H_

#include <map>
#include <string>
#include <vector>

#include "disclosure/document.h"

namespace gongkai {

struct TableTemplate {
  std::string id, number, title;
  bool always = true;      // published even without data
  std::string empty_note;  // may contain {dept} and {year}
};

// A term of 名词解释. `when` names a kind of spending the department must have for the term to
// be printed (a key of SpendingKinds() in figures.h: unit_operating 事业单位经营支出,
// to_superior 上缴上级支出, to_affiliates 对附属单位补助支出, …); empty: always printed.
// glossary.csv may leave the column out.
struct TemplateTerm {
  std::string term, definition, when;
};

struct Templates {
  DocumentKind kind = DocumentKind::kBudget;
  int year = 0;  // the template year actually used
  std::vector<TableTemplate> tables;
  std::vector<TemplateTerm> glossary;
  std::map<std::string, std::string> frame;  // frame.csv: key → text with {dept} {year} {title}

  // Throws CatalogError naming the file when a template is missing or malformed.
  static Templates Load(const std::string& data_dir, DocumentKind kind, int year);

  // The frame of a department's document.
  DocumentFrame Frame(const std::string& department, int fiscal_year) const;
};

}  // namespace gongkai

#endif  // GONGKAI_DISCLOSURE_TEMPLATES_H_
