#include "engine/output_plan.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>

#include "base/atomic_file.h"

namespace gongkai {
namespace fs = std::filesystem;

namespace {

void Say(Diagnostics* errors, std::string message) {
  Diagnostic d;
  d.cause = Diagnostic::Cause::kUnreadable;
  d.code = "usage";
  d.message = std::move(message);
  errors->push_back(std::move(d));
}

// `out` itself when it names the file (one source), else out/<source name><suffix>.
std::vector<std::string> OutputPaths(const std::vector<std::string>& sources,
                                     const std::string& out, bool to_file,
                                     const std::string& suffix, bool keep_extensions = false) {
  std::vector<std::string> paths;
  std::vector<std::string> names;
  for (const auto& f : sources) names.push_back(fs::path(f).stem().string());
  if (keep_extensions) names = OutputNames(sources);
  for (const auto& name : names) {
    paths.push_back(to_file ? out : (fs::path(out) / (name + suffix)).string());
  }
  return paths;
}

}  // namespace

std::vector<std::string> OutputNames(const std::vector<std::string>& sources) {
  std::map<std::string, int> stems;
  for (const auto& f : sources) ++stems[fs::path(f).stem().string()];
  std::vector<std::string> names;
  for (const auto& f : sources) {
    const fs::path p(f);
    names.push_back(stems[p.stem().string()] > 1 ? p.filename().string() : p.stem().string());
  }
  return names;
}

std::vector<std::string> ExpandSources(const std::vector<std::string>& inputs) {
  std::vector<std::string> files;
  for (const auto& in : inputs) {
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
      std::vector<std::string> found;
      for (const auto& e : fs::directory_iterator(in, ec)) {
        if (IsSourceName(e.path().string())) found.push_back(e.path().string());
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(in);
    }
  }
  return files;
}

std::vector<std::string> ExpandPublished(const std::vector<std::string>& inputs,
                                         std::vector<std::string>* skipped) {
  std::vector<std::string> files;
  for (const auto& in : inputs) {
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
      std::vector<std::string> found;
      for (const auto& e : fs::recursive_directory_iterator(in, ec)) {
        std::string ext = e.path().extension().string();
        for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (!e.is_regular_file()) continue;
        if (ext == ".pdf" || ext == ".txt" || ext == ".xlsx") {
          found.push_back(e.path().string());
        } else if (skipped) {
          skipped->push_back(e.path().string());
        }
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(in);
    }
  }
  return files;
}

bool OutputsAreDistinct(const std::vector<std::string>& sources,
                        const std::vector<std::string>& outputs, Diagnostics* errors) {
  std::map<std::string, size_t> first;
  std::map<fs::path, size_t> by_name;
  std::error_code ec;
  for (size_t i = 0; i < sources.size(); ++i)
    by_name.emplace(fs::weakly_canonical(sources[i], ec), i);
  bool distinct = true;
  for (size_t i = 0; i < sources.size(); ++i) {
    // The same name, or the same file under another name (a hard or symbolic link).
    std::optional<size_t> source;
    if (auto it = by_name.find(fs::weakly_canonical(outputs[i], ec)); it != by_name.end()) {
      source = it->second;
    } else {
      for (size_t j = 0; j < sources.size() && !source; ++j) {
        if (SameFile(outputs[i], sources[j])) source = j;
      }
    }
    if (source) {
      Say(errors, fmt::format("{}：是源文件 {}，生成的文件会覆盖它；请换一个输出文件名或目录",
                              outputs[i], sources[*source]));
      distinct = false;
      continue;
    }
    auto [it, inserted] = first.try_emplace(fs::path(outputs[i]).lexically_normal().string(), i);
    if (!inserted) {
      Say(errors,
          fmt::format(
              "{}：{} 与 {} 会写同一个文件，后者会覆盖前者；请改名，或分别生成到不同的 -o 目录",
              outputs[i], sources[it->second], sources[i]));
      distinct = false;
    }
  }
  return distinct;
}

std::optional<RenderPlan> PlanRender(const std::vector<std::string>& sources,
                                     const std::string& out, std::optional<DisclosureFormat> format,
                                     Diagnostics* errors) {
  // A directory named like a file (made by an earlier version for `-o 公开.pdf`) stays a
  // directory, but its name still says the format (other names: HTML).
  std::error_code ec;
  const bool is_directory = fs::is_directory(out, ec);
  const FileFormat said = FormatOfName(out);
  const FileFormat named = is_directory ? FileFormat::kNone : said;
  if (!format && is_directory) format = AsDisclosureFormat(said);
  if (named != FileFormat::kNone) {
    if (named == FileFormat::kYaml) {
      Say(errors, fmt::format("-o {}：render 生成公开文件（html、json、pdf、xlsx），不写源文件；"
                              "要转换源文件请用 gongkai convert",
                              out));
      return std::nullopt;
    }
    const DisclosureFormat from_name = *AsDisclosureFormat(named);
    if (format && *format != from_name) {
      Say(errors, fmt::format("-o {}：文件扩展名表示 {} 格式，但 --format 为 {}；请改用扩展名 .{}"
                              "，或去掉 --format",
                              out, FormatName(named), FormatName(*format), FormatName(*format)));
      return std::nullopt;
    }
    if (sources.size() > 1) {
      Say(errors, fmt::format("-o {}：有{}个源文件，-o 应为输出目录", out, sources.size()));
      return std::nullopt;
    }
    format = from_name;
  }
  RenderPlan plan;
  plan.format = format.value_or(DisclosureFormat::kHtml);
  plan.outputs = OutputPaths(sources, out, named != FileFormat::kNone,
                             std::string(".") + FormatName(plan.format));
  if (!OutputsAreDistinct(sources, plan.outputs, errors)) return std::nullopt;
  return plan;
}

namespace {

// check and audit: text or JSON on standard output, or an HTML report per input (`suffix`).
std::optional<CheckPlan> PlanReports(const std::vector<std::string>& sources,
                                     const std::string& out, std::optional<ReportFormat> format,
                                     const std::string& suffix, Diagnostics* errors,
                                     bool keep_extensions = false) {
  std::error_code ec;
  const bool report_file = !fs::is_directory(out, ec) && FormatOfName(out) == FileFormat::kHtml;
  if (report_file) {
    if (!format) format = ReportFormat::kHtml;
    if (*format != ReportFormat::kHtml) {
      Say(errors, fmt::format("-o {}：.html 文件是 HTML 审核报告，与 --format {} 不符", out,
                              FormatName(*format)));
      return std::nullopt;
    }
    if (sources.size() > 1) {
      Say(errors, fmt::format("-o {}：有{}个输入文件，-o 应为输出目录", out, sources.size()));
      return std::nullopt;
    }
  }
  CheckPlan plan;
  plan.format = format.value_or(ReportFormat::kText);
  if (plan.format == ReportFormat::kHtml) {
    plan.reports = OutputPaths(sources, out, report_file, suffix, keep_extensions);
    if (!OutputsAreDistinct(sources, plan.reports, errors)) return std::nullopt;
  } else {
    plan.reports.assign(sources.size(), "");
  }
  return plan;
}

}  // namespace

std::optional<CheckPlan> PlanCheck(const std::vector<std::string>& sources, const std::string& out,
                                   std::optional<ReportFormat> format, Diagnostics* errors) {
  return PlanReports(sources, out, format, ".check.html", errors);
}

std::optional<CheckPlan> PlanAudit(const std::vector<std::string>& documents,
                                   const std::string& out, std::optional<ReportFormat> format,
                                   const std::string& extract, Diagnostics* errors) {
  // A published PDF and its workbook (dept_budget.pdf, dept_budget.xlsx) are two documents,
  // not one source written twice: both are reported.
  std::optional<CheckPlan> plan =
      PlanReports(documents, out, format, ".audit.html", errors, /*keep_extensions=*/true);
  if (!plan || extract.empty()) return plan;
  plan->extracts = OutputNames(documents);
  std::vector<std::string> yaml;
  for (const auto& name : plan->extracts)
    yaml.push_back((fs::path(extract) / name).string() + ".yaml");
  if (!OutputsAreDistinct(documents, yaml, errors)) return std::nullopt;
  return plan;
}

std::optional<SourceFormat> PlanSourceOutput(const std::string& command, const std::string& file,
                                             const std::string& out, std::optional<SourceFormat> to,
                                             Diagnostics* errors) {
  const FileFormat named = out.empty() || out == "-" ? FileFormat::kNone : FormatOfName(out);
  if (named == FileFormat::kPdf || named == FileFormat::kHtml) {
    Say(errors,
        fmt::format(
            "{}: {} 只写源文件（yaml、json 或 xlsx）；要生成公开文件请用 gongkai render {} -o {}",
            out, command, file, out));
    return std::nullopt;
  }
  const std::optional<SourceFormat> from_name = AsSourceFormat(named);
  if (!to) to = from_name.value_or(SourceFormat::kYaml);
  if (from_name && *from_name != *to) {
    Say(errors,
        fmt::format("{}: 文件扩展名表示 {} 格式，但 --to 为 {}；请改用扩展名 .{}，或去掉 --to", out,
                    FormatName(named), FormatName(*to), FormatName(*to)));
    return std::nullopt;
  }
  if (*to == SourceFormat::kXlsx && (out.empty() || out == "-")) {
    Say(errors, fmt::format("{} 写 xlsx 工作簿需要 -o 输出文件", command));
    return std::nullopt;
  }
  if (!out.empty() && out != "-" && SameFile(out, file)) {
    Say(errors, fmt::format("{}：是源文件 {}，写入会覆盖它；请换一个输出文件名", out, file));
    return std::nullopt;
  }
  return to;
}

}  // namespace gongkai
