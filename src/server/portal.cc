// The region's public portal, without sign-in (server.h):
//
//   GET /                    the published disclosures by year and department (?q= 部门名称),
//                            with links to the web front end (/app/: overview, sign-in)
//   GET /portal/{id}.html    one published disclosure, as Engine::Render makes it;
//       /portal/{id}.pdf     also as PDF, Excel workbook and JSON
//       /portal/{id}.xlsx
//       /portal/{id}.json
//
// Only published submissions are served; any other id is 404 (not 403: the portal does not
// say what exists).
#include <fmt/format.h>

#include <ctime>

#include "server/http_support.h"

namespace gongkai::server {

namespace {

std::string Date(int64_t at) {
  std::time_t t = static_cast<std::time_t>(at);
  std::tm tm{};
  localtime_r(&t, &tm);
  return fmt::format("{}-{:02}-{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

constexpr const char* kStyle = R"(<style>
body{font-family:"Noto Sans CJK SC","Source Han Sans SC",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{font-size:1.25rem;border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #eee}
form{margin:1rem 0}input[type=search]{width:20rem;padding:.3rem}a{color:#0645ad}.note{color:#666}
</style>)";

std::string IndexPage(const std::vector<Submission>& published, const std::string& query) {
  std::string html = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<title>部门预算、决算公开</title>{}</head><body>\n<h1>部门预算、决算公开</h1>\n"
      "<p class=\"note\"><a href=\"/app/public/overview\">统计概览</a> · "
      "<a href=\"/app/\">工作人员登录（填报、审核、发布）</a></p>\n"
      "<form method=\"get\" action=\"/\" role=\"search\"><label>按部门名称查找："
      "<input type=\"search\" name=\"q\" value=\"{}\"></label> <button>查找</button></form>\n",
      kStyle, HtmlEscape(query));
  if (published.empty()) {
    html += query.empty()
                ? "<p class=\"note\">尚无公开的文件。</p>\n"
                : "<p class=\"note\">没有名称含“" + HtmlEscape(query) + "”的部门的公开文件。</p>\n";
  } else {
    html += fmt::format("<p class=\"note\">共{}份公开文件。</p>\n", published.size());
  }
  int year = 0;
  for (const auto& s : published) {
    if (s.year != year) {
      if (year != 0) html += "</tbody></table>\n";
      year = s.year;
      html += fmt::format(
          "<h2>{}年</h2>\n<table><thead><tr><th>部门</th><th>文件</th><th>公开日期</th>"
          "<th>下载</th></tr></thead><tbody>\n",
          year);
    }
    const std::string base = fmt::format("/portal/{}", s.id);
    html += fmt::format(
        "<tr><td>{}</td><td><a href=\"{}.html\">{}年部门{}</a></td><td>{}</td>"
        "<td><a href=\"{}.pdf\">PDF</a> · <a href=\"{}.xlsx\">Excel</a> · "
        "<a href=\"{}.json\">JSON</a></td></tr>\n",
        HtmlEscape(s.department_name), base, s.year, HtmlEscape(s.kind),
        Date(s.published_at.value_or(0)), base, base, base);
  }
  if (year != 0) html += "</tbody></table>\n";
  html += "</body></html>\n";
  return html;
}

const char* ContentType(DisclosureFormat f) {
  switch (f) {
    case DisclosureFormat::kHtml:
      return "text/html; charset=utf-8";
    case DisclosureFormat::kJson:
      return "application/json; charset=utf-8";
    case DisclosureFormat::kPdf:
      return "application/pdf";
    case DisclosureFormat::kXlsx:
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  return "application/octet-stream";
}

// A published submission by id (nullptr when there is none or it is not published), from the
// cache: a published submission never changes.
std::shared_ptr<const Submission> Published(Context& c, int64_t id) {
  return c.published.Get(std::to_string(id), [&]() -> std::shared_ptr<const Submission> {
    auto s = c.store.GetSubmission(id);
    if (!s || !s->published_at) return nullptr;
    return std::make_shared<const Submission>(std::move(*s));
  });
}

void ServeDocument(Context& c, const httplib::Request& req, httplib::Response& res) {
  auto s = Published(c, std::stoll(req.matches[1]));
  auto format = ParseDisclosureFormat(req.matches[2].str());
  if (!s || !format) {
    res.status = 404;
    res.set_content("<!DOCTYPE html><meta charset=\"utf-8\"><p>没有这份公开文件。</p>",
                    "text/html; charset=utf-8");
    return;
  }
  std::string error;
  auto bytes = c.renderer.Render(*s, *format, &error);
  if (!bytes) {
    res.status = 500;
    res.set_content("生成失败：" + error, "text/plain; charset=utf-8");
    return;
  }
  if (*format != DisclosureFormat::kHtml) {
    res.set_header("Content-Disposition",
                   fmt::format("inline; filename=\"gongkai-{}.{}\"", s->id, FormatName(*format)));
  }
  res.set_content(*bytes, ContentType(*format));
}

}  // namespace

void RegisterPortal(httplib::Server& http, Context& c) {
  http.Get("/", [&c](const httplib::Request& req, httplib::Response& res) {
    const std::string query = req.get_param_value("q");
    auto page = c.public_answers.Get("index?" + query, [&] {
      return std::make_shared<const CachedAnswer>(CachedAnswer{
          200, "text/html; charset=utf-8", IndexPage(c.store.ListPublished(query), query)});
    });
    res.set_content(page->body, page->content_type);
  });
  http.Get(
      R"(/portal/(\d{1,15})\.(html|pdf|xlsx|json))",
      [&c](const httplib::Request& req, httplib::Response& res) { ServeDocument(c, req, res); });
}

}  // namespace gongkai::server
