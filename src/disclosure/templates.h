// The disclosure template of a fiscal year: which tables are published, their numbers,
// titles and the sentence printed when a table is empty, and the general glossary terms.
// Read from data/templates/<year>/ (the latest year not after the budget year), so a region
// can change numbering or wording without touching code.
#ifndef GONGKAI_DISCLOSURE_TEMPLATES_H_
#define GONGKAI_DISCLOSURE_TEMPLATES_H_

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
  int year = 0;  // the template year actually used
  std::vector<TableTemplate> tables;
  std::vector<TemplateTerm> glossary;

  static Templates Load(const std::string& data_dir, int year);
};

}  // namespace gongkai

#endif  // GONGKAI_DISCLOSURE_TEMPLATES_H_
