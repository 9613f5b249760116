// The disclosure template of a fiscal year: which tables are published, their numbers,
// titles and the sentence printed when a table is empty, and the general glossary terms.
// Read from data/templates/<year>/ (the latest year not after the budget year), so a region
// can change numbering or wording without touching code.
#ifndef GONGKAI_BUILD_TEMPLATES_H_
#define GONGKAI_BUILD_TEMPLATES_H_

#include <string>
#include <vector>

#include "build/document.h"

namespace gongkai {

struct TableTemplate {
  std::string id, number, title;
  bool always = true;      // published even without data
  std::string empty_note;  // may contain {dept} and {year}
};

struct Templates {
  int year = 0;  // the template year actually used
  std::vector<TableTemplate> tables;
  std::vector<GlossaryEntry> glossary;

  static Templates Load(const std::string& data_dir, int year);
};

}  // namespace gongkai

#endif  // GONGKAI_BUILD_TEMPLATES_H_
