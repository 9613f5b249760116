// A message for a person about an input or an output: what is wrong and where.
//
// The location is typed (a file position, a workbook cell, a table cell of a document, a page
// of a published document), never a string to be parsed back; ToString() gives the form
// people read: `file:line:column: message`, `file: sheet!cell: message`.
#ifndef GONGKAI_BASE_DIAGNOSTIC_H_
#define GONGKAI_BASE_DIAGNOSTIC_H_

#include <string>
#include <vector>

namespace gongkai {

struct DiagnosticLocation {
  std::string file;              // may be empty (a message about the run, not a file)
  int line = 0;                  // 1-based; 0 = unknown
  int column = 0;                // 1-based; 0 = unknown
  std::string cell;              // a workbook cell, "支出明细!B3"
  std::string ToString() const;  // "file:3:5", "file: 支出明细!B3", "file", ""
};

enum class DiagnosticSeverity { kError, kWarning, kNote };

struct Diagnostic {
  DiagnosticSeverity severity = DiagnosticSeverity::kError;
  // Why the run could not go on: the input is wrong (kInvalid), or a file could not be read or
  // written at all (kUnreadable). The command's exit code follows it (README, exit codes).
  enum class Cause { kInvalid, kUnreadable } cause = Cause::kInvalid;
  // What kind of problem, for programs (the server, tests): "source" (a source is wrong),
  // "unreadable" (an input could not be read), "refdata" (the data directory lacks or has a
  // malformed file), "output" (an output could not be written), "usage" (arguments).
  std::string code;
  DiagnosticLocation where;
  std::string message;
  std::string ToString() const;  // "where: message", or the message alone
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace gongkai

#endif  // GONGKAI_BASE_DIAGNOSTIC_H_
