// The formats gongkai reads and writes, declared once. Names are the lower-case extensions
// without the dot ("html", "xlsx"); a file name's extension says its format (.yml is yaml,
// .htm is html, case does not matter).
#ifndef GONGKAI_ENGINE_FORMATS_H_
#define GONGKAI_ENGINE_FORMATS_H_

#include <optional>
#include <string>
#include <string_view>

namespace gongkai {

// A disclosure (the published package), as `render` writes it.
enum class DisclosureFormat { kHtml, kJson, kPdf, kXlsx };
// A source (one department's budget), as `convert` and `declare` write it.
enum class SourceFormat { kYaml, kJson, kXlsx };
// A review report, as `check` prints or writes it.
enum class ReportFormat { kText, kJson, kHtml };

// Any format a file name can say.
enum class FileFormat { kNone, kYaml, kJson, kXlsx, kHtml, kPdf };

FileFormat FormatOfName(const std::string& path);
const char* FormatName(FileFormat f);  // "" for kNone
const char* FormatName(DisclosureFormat f);
const char* FormatName(SourceFormat f);
const char* FormatName(ReportFormat f);

std::optional<DisclosureFormat> ParseDisclosureFormat(std::string_view name);
std::optional<SourceFormat> ParseSourceFormat(std::string_view name);
std::optional<ReportFormat> ParseReportFormat(std::string_view name);

// The disclosure / source format a file format is, if it is one.
std::optional<DisclosureFormat> AsDisclosureFormat(FileFormat f);
std::optional<SourceFormat> AsSourceFormat(FileFormat f);

// Whether a path names a file gongkai reads as a source (.yaml .yml .json .xlsx).
bool IsSourceName(const std::string& path);

}  // namespace gongkai

#endif  // GONGKAI_ENGINE_FORMATS_H_
