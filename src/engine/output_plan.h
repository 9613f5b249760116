// Where a command's outputs go, decided before anything is loaded or written.
//
// `-o` names a directory (one output per source, named after it), or, for a single source, the
// output file itself, whose extension then says the format. Outputs that would overwrite a
// source (by name, hard or symbolic link) or each other are refused, with a message saying
// which and what to do. These functions only decide; they write nothing.
#ifndef GONGKAI_ENGINE_OUTPUT_PLAN_H_
#define GONGKAI_ENGINE_OUTPUT_PLAN_H_

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "engine/formats.h"

namespace gongkai {

// Source files named on the command line, directories expanded to the sources in them
// (sorted by name).
std::vector<std::string> ExpandSources(const std::vector<std::string>& inputs);

// Published documents named on the command line, directories expanded to the .pdf, .txt and
// .xlsx files in them (sorted by name). Other files found in those directories (old .xls
// workbooks, pictures, anything else) go to *skipped, so that they can be named.
std::vector<std::string> ExpandPublished(const std::vector<std::string>& inputs,
                                         std::vector<std::string>* skipped = nullptr);

struct RenderPlan {
  DisclosureFormat format = DisclosureFormat::kHtml;
  std::vector<std::string> outputs;  // one per source
};
// `format`: --format, if given.
std::optional<RenderPlan> PlanRender(const std::vector<std::string>& sources,
                                     const std::string& out, std::optional<DisclosureFormat> format,
                                     Diagnostics* errors);

struct CheckPlan {
  ReportFormat format = ReportFormat::kText;
  std::vector<std::string> reports;  // the HTML report of each source; empty strings otherwise
  // audit --extract: the name (OutputNames) each document's extract is written under.
  std::vector<std::string> extracts;
};
std::optional<CheckPlan> PlanCheck(const std::vector<std::string>& sources, const std::string& out,
                                   std::optional<ReportFormat> format, Diagnostics* errors);
// The same for published documents (gongkai audit): reports named <name>.audit.html; with an
// `extract` directory, the name of each document's extract there (<name>.yaml and <name>/),
// refused where two would be the same.
std::optional<CheckPlan> PlanAudit(const std::vector<std::string>& documents,
                                   const std::string& out, std::optional<ReportFormat> format,
                                   const std::string& extract, Diagnostics* errors);

// The name each published document's outputs (audit) are named after: its file name without
// the extension, or with it where two share a stem (dept_budget.pdf and dept_budget.xlsx,
// audited together, are reported as dept_budget.pdf.audit.html and dept_budget.xlsx.audit.html,
// not one over the other). Sources (render, check) keep the stem: a YAML beside its workbook is
// one department twice, refused by OutputsAreDistinct.
std::vector<std::string> OutputNames(const std::vector<std::string>& sources);

// The source format to write to `out` ("-" or empty: standard output): `to` if given, else the
// one the name says, else YAML. A name that says another format than --to, or a disclosure
// format, is refused, so that a workbook is never written as text into "x.xlsx". `command` and
// `file` are for the message.
std::optional<SourceFormat> PlanSourceOutput(const std::string& command, const std::string& file,
                                             const std::string& out, std::optional<SourceFormat> to,
                                             Diagnostics* errors);

// False, with a message for each, when an output is one of the sources or two sources would
// write the same output.
bool OutputsAreDistinct(const std::vector<std::string>& sources,
                        const std::vector<std::string>& outputs, Diagnostics* errors);

}  // namespace gongkai

#endif  // GONGKAI_ENGINE_OUTPUT_PLAN_H_
