#include "engine/formats.h"

#include <cctype>
#include <filesystem>

namespace gongkai {

FileFormat FormatOfName(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".yaml" || ext == ".yml") return FileFormat::kYaml;
  if (ext == ".json") return FileFormat::kJson;
  if (ext == ".xlsx") return FileFormat::kXlsx;
  if (ext == ".html" || ext == ".htm") return FileFormat::kHtml;
  if (ext == ".pdf") return FileFormat::kPdf;
  return FileFormat::kNone;
}

const char* FormatName(FileFormat f) {
  switch (f) {
    case FileFormat::kYaml:
      return "yaml";
    case FileFormat::kJson:
      return "json";
    case FileFormat::kXlsx:
      return "xlsx";
    case FileFormat::kHtml:
      return "html";
    case FileFormat::kPdf:
      return "pdf";
    case FileFormat::kNone:
      break;
  }
  return "";
}

const char* FormatName(DisclosureFormat f) {
  switch (f) {
    case DisclosureFormat::kHtml:
      return "html";
    case DisclosureFormat::kJson:
      return "json";
    case DisclosureFormat::kPdf:
      return "pdf";
    case DisclosureFormat::kXlsx:
      return "xlsx";
  }
  return "";
}

const char* FormatName(SourceFormat f) {
  switch (f) {
    case SourceFormat::kYaml:
      return "yaml";
    case SourceFormat::kJson:
      return "json";
    case SourceFormat::kXlsx:
      return "xlsx";
  }
  return "";
}

const char* FormatName(ReportFormat f) {
  switch (f) {
    case ReportFormat::kText:
      return "text";
    case ReportFormat::kJson:
      return "json";
    case ReportFormat::kHtml:
      return "html";
  }
  return "";
}

std::optional<DisclosureFormat> ParseDisclosureFormat(std::string_view name) {
  for (auto f : {DisclosureFormat::kHtml, DisclosureFormat::kJson, DisclosureFormat::kPdf,
                 DisclosureFormat::kXlsx}) {
    if (name == FormatName(f)) return f;
  }
  return std::nullopt;
}

std::optional<SourceFormat> ParseSourceFormat(std::string_view name) {
  for (auto f : {SourceFormat::kYaml, SourceFormat::kJson, SourceFormat::kXlsx}) {
    if (name == FormatName(f)) return f;
  }
  return std::nullopt;
}

std::optional<ReportFormat> ParseReportFormat(std::string_view name) {
  for (auto f : {ReportFormat::kText, ReportFormat::kJson, ReportFormat::kHtml}) {
    if (name == FormatName(f)) return f;
  }
  return std::nullopt;
}

std::optional<DisclosureFormat> AsDisclosureFormat(FileFormat f) {
  return ParseDisclosureFormat(FormatName(f));
}

std::optional<SourceFormat> AsSourceFormat(FileFormat f) {
  return ParseSourceFormat(FormatName(f));
}

bool IsSourceName(const std::string& path) {
  FileFormat f = FormatOfName(path);
  return f == FileFormat::kYaml || f == FileFormat::kJson || f == FileFormat::kXlsx;
}

}  // namespace gongkai
