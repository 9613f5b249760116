// Presenting findings: plain text for a terminal (grouped by table / section, with a summary
// per department), JSON for machines, and HTML for a reviewer (the rendered disclosure with
// the findings above it, each linked to its table or section).
#ifndef GONGKAI_RENDER_REVIEW_REPORT_H_
#define GONGKAI_RENDER_REVIEW_REPORT_H_

#include <string>
#include <vector>

#include "disclosure/document.h"
#include "review/finding.h"

namespace gongkai {

struct CheckedFile {
  std::string path;
  std::string title;  // department + year, empty when the file could not be read
  std::vector<std::string> load_errors;
  std::vector<Finding> findings;
  int Count(Severity s) const;
};

// The report opens with an overview: counts by severity, by family and by place, then the ten
// most important findings; the detail follows by place, rounding-level notes grouped.
std::string ReportOverview(const CheckedFile& file);
std::string TextReport(const CheckedFile& file);
std::string SummaryLine(const CheckedFile& file);
std::string JsonReport(const std::vector<CheckedFile>& files);
std::string HtmlReport(const CheckedFile& file, const Document& doc);
// The HTML report of a source that could not be loaded: its load errors.
std::string LoadErrorReport(const CheckedFile& file);

}  // namespace gongkai

#endif  // GONGKAI_RENDER_REVIEW_REPORT_H_
