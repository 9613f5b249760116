#include "render/review_report.h"

#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>

#include "render/html_renderer.h"
#include "review/checker.h"

namespace gongkai {

int CheckedFile::Count(Severity s) const {
  int n = 0;
  for (const auto& f : findings) n += f.severity == s;
  return n;
}

namespace {

std::string GroupOf(const Finding& f) {
  if (!f.where.table.empty()) return f.where.table;
  if (!f.where.section.empty()) return f.where.section;
  return "源文件";
}

}  // namespace

std::string SummaryLine(const CheckedFile& file) {
  if (!file.load_errors.empty()) {
    return fmt::format("{}：无法读取（{}处错误）", file.path, file.load_errors.size());
  }
  return fmt::format("{}（{}）：错误 {}，警告 {}，提示 {}", file.title, file.path,
                     file.Count(Severity::kError), file.Count(Severity::kWarning),
                     file.Count(Severity::kInfo));
}

std::string ReportOverview(const CheckedFile& file) {
  if (file.findings.empty()) return "";
  // Counts by family and by place, in order of first appearance (findings come severity first).
  std::vector<std::pair<std::string, int>> families, places;
  auto bump = [](std::vector<std::pair<std::string, int>>* v, const std::string& key) {
    for (auto& [k, n] : *v) {
      if (k == key) return void(++n);
    }
    v->emplace_back(key, 1);
  };
  for (const auto& f : file.findings) {
    const Rule* r = FindRule(f.rule);
    bump(&families, r ? r->family : f.rule);
    bump(&places, GroupOf(f));
  }
  auto join = [](const std::vector<std::pair<std::string, int>>& v) {
    std::string out;
    for (const auto& [k, n] : v) out += fmt::format("{}{} {}", out.empty() ? "" : "，", k, n);
    return out;
  };
  std::string out = fmt::format("  概要：错误 {}，警告 {}，提示 {}\n", file.Count(Severity::kError),
                                file.Count(Severity::kWarning), file.Count(Severity::kInfo));
  out += "  按类别：" + join(families) + "\n";
  out += "  按位置：" + join(places) + "\n";
  int shown = 0;
  for (const auto& f : file.findings) {
    if (f.severity == Severity::kInfo || shown == 10) break;
    if (shown++ == 0) out += "  最需要处理的问题：\n";
    out += fmt::format("    {}. {} {} {}\n", shown, SeverityName(f.severity), f.rule, f.message);
  }
  return out;
}

std::string TextReport(const CheckedFile& file) {
  std::string out =
      fmt::format("== {}\n", file.title.empty() ? file.path : file.title + "  " + file.path);
  for (const auto& e : file.load_errors) out += "  " + e + "\n";
  out += ReportOverview(file);
  // Groups in order of first appearance; findings keep their severity order within a group.
  std::vector<std::string> order;
  std::map<std::string, std::vector<const Finding*>> groups;
  for (const auto& f : file.findings) {
    std::string g = GroupOf(f);
    if (!groups.count(g)) order.push_back(g);
    groups[g].push_back(&f);
  }
  for (const auto& g : order) {
    out += fmt::format("-- {}\n", g);
    std::vector<const Finding*> rounding;
    for (const Finding* f : groups[g]) {
      if (f->rounding) {
        rounding.push_back(f);  // one note per table below
        continue;
      }
      out += fmt::format("  {} {} {}\n", SeverityName(f->severity), f->rule, f->message);
      std::string where = f->where.ToString();
      if (!where.empty()) out += fmt::format("       位置：{}\n", where);
      if (!f->consequences.empty()) {
        out += fmt::format("       由此引起（{}处，同一原因，不另计）：\n", f->consequences.size());
        for (const auto& c : f->consequences) {
          // Where it is, when not where its cause is: its row (and table), or its part of the text.
          std::string at;
          if (!c.where.row.empty()) {
            at = "（" +
                 (c.where.table_id != f->where.table_id && !c.where.table.empty()
                      ? c.where.table + " "
                      : std::string()) +
                 "行「" + c.where.row + "」" +
                 (c.where.column.empty() ? std::string() : " 列「" + c.where.column + "」") + "）";
          } else if (!c.where.section.empty() && c.where.section != f->where.section) {
            at = "（" + c.where.section + "）";
          }
          out += fmt::format("         {} {}{}\n", c.rule, c.message, at.empty() ? "" : " " + at);
        }
      }
    }
    if (!rounding.empty()) {
      out +=
          fmt::format("  提示 {}处差额在四舍五入范围内（打印数字各自四舍五入所致，不是错误）：\n",
                      rounding.size());
      for (const Finding* f : rounding) out += fmt::format("       {} {}\n", f->rule, f->message);
    }
  }
  out += "小结：" + SummaryLine(file) + "\n";
  return out;
}

namespace {

nlohmann::ordered_json FindingJson(const Finding& f) {
  using Json = nlohmann::ordered_json;
  Json jf;
  jf["rule"] = f.rule;
  jf["severity"] = SeverityId(f.severity);
  jf["severity_name"] = SeverityName(f.severity);
  jf["message"] = f.message;
  Json where;
  if (!f.where.table_id.empty()) where["table"] = f.where.table_id;
  if (!f.where.table.empty()) where["table_name"] = f.where.table;
  if (!f.where.row.empty()) where["row"] = f.where.row;
  if (!f.where.column.empty()) where["column"] = f.where.column;
  if (!f.where.section.empty()) where["section"] = f.where.section;
  if (!f.where.file.empty()) where["file"] = f.where.file;
  if (!f.where.cell.empty()) where["cell"] = f.where.cell;
  if (f.where.line > 0 && f.where.cell.empty()) {
    where["line"] = f.where.line;
    where["column_number"] = f.where.column_pos;
  }
  jf["location"] = where;
  if (!f.expected.empty()) jf["expected"] = f.expected;
  if (!f.found.empty()) jf["found"] = f.found;
  if (!f.difference.empty()) jf["difference"] = f.difference;
  if (f.rounding) jf["rounding"] = true;
  if (!f.consequences.empty()) {
    Json list = Json::array();
    for (const auto& c : f.consequences) list.push_back(FindingJson(c));
    jf["consequences"] = list;
  }
  return jf;
}

}  // namespace

std::string JsonReport(const std::vector<CheckedFile>& files) {
  using Json = nlohmann::ordered_json;
  Json root;
  Json list = Json::array();
  for (const auto& file : files) {
    Json j;
    j["file"] = file.path;
    j["title"] = file.title;
    if (!file.load_errors.empty()) j["load_errors"] = file.load_errors;
    j["summary"] = {{"error", file.Count(Severity::kError)},
                    {"warning", file.Count(Severity::kWarning)},
                    {"info", file.Count(Severity::kInfo)}};
    Json findings = Json::array();
    for (const auto& f : file.findings) findings.push_back(FindingJson(f));
    j["findings"] = findings;
    list.push_back(j);
  }
  root["files"] = list;
  return root.dump(2) + "\n";
}

std::string HtmlReport(const CheckedFile& file, const Document& doc) {
  std::string page = RenderHtml(doc);
  std::string panel =
      "<section class=\"findings\" style=\"border:1pt solid "
      "#c00;padding:4mm;margin-bottom:8mm\">\n";
  panel += "<h3>审核结果</h3>\n<p>" + HtmlEscape(SummaryLine(file)) + "</p>\n";
  if (std::string overview = ReportOverview(file); !overview.empty()) {
    panel += "<pre class=\"overview\" style=\"white-space:pre-wrap\">" + HtmlEscape(overview) +
             "</pre>\n";
  }
  panel += "<ol>\n";
  for (const auto& f : file.findings) {
    std::string anchor;
    if (!f.where.table_id.empty()) anchor = "#" + f.where.table_id;
    std::string where = HtmlEscape(f.where.ToString());
    std::string consequences;
    for (const auto& c : f.consequences) {
      consequences += fmt::format("<li>{} {} <small>{}</small></li>", c.rule, HtmlEscape(c.message),
                                  HtmlEscape(c.where.ToString()));
    }
    if (!consequences.empty()) {
      consequences =
          "<br><small>由此引起（同一原因，不另计）：</small><ul>" + consequences + "</ul>";
    }
    panel += fmt::format("<li><b>{}</b> {} {}<br><small>{}{}</small>{}</li>\n",
                         SeverityName(f.severity), f.rule, HtmlEscape(f.message),
                         anchor.empty() ? "" : "<a href=\"" + anchor + "\">查看表格</a> ", where,
                         consequences);
  }
  panel += "</ol>\n</section>\n";
  size_t body = page.find("<h1>");
  page.insert(body == std::string::npos ? 0 : body, panel);
  return page;
}

std::string LoadErrorReport(const CheckedFile& file) {
  std::string page =
      "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
      HtmlEscape(file.path) + " 审核报告</title>\n</head>\n<body>\n";
  page += "<section class=\"findings\" style=\"border:1pt solid #c00;padding:4mm\">\n";
  page += "<h3>审核结果</h3>\n<p>" + HtmlEscape(SummaryLine(file)) + "</p>\n";
  page += fmt::format("<p>源文件有{}处错误，无法生成公开文件，也无法审核；请先改正：</p>\n<ol>\n",
                      file.load_errors.size());
  for (const auto& e : file.load_errors) page += "<li>" + HtmlEscape(e) + "</li>\n";
  page += "</ol>\n</section>\n</body>\n</html>\n";
  return page;
}

}  // namespace gongkai
