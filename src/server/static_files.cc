// The built front end served at /app/ (static_files.h): cpp-httplib's mount point serves the
// files (it refuses paths that climb out of the directory and lists no directory); the
// handlers here answer what is not a file.
#include "server/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/engine.h"
#include "server/http_support.h"

namespace gongkai::server {

namespace fs = std::filesystem;

namespace {

constexpr const char* kMount = "/app/";
constexpr const char* kAssets = "/app/assets/";

// The front end's own scripts and styles only (Element Plus sets inline styles); the
// document beside the findings is shown in a sandboxed srcdoc frame, which inherits this.
constexpr const char* kAppPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// Replaces a default header (set_header would add a second one, and a browser enforces
// every Content-Security-Policy it gets).
void ReplaceHeader(httplib::Response& res, const char* name, const std::string& value) {
  res.headers.erase(name);
  res.set_header(name, value);
}

void AppHeaders(const httplib::Request& req, httplib::Response& res) {
  ReplaceHeader(res, "Content-Security-Policy", kAppPolicy);
  // Vite names every asset by its content: it never changes. index.html may, at each build.
  ReplaceHeader(res, "Cache-Control",
                StartsWith(req.path, kAssets) ? "public, max-age=31536000, immutable" : "no-cache");
}

void NotFound(httplib::Response& res, const std::string& message) {
  res.status = 404;
  res.set_content(
      "<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>没有这个页面"
      "</title><p>" +
          message + "</p><p><a href=\"/\">返回公开门户</a></p></html>",
      "text/html; charset=utf-8");
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::string BundledWebDir() {
  return (fs::path(BundledDataDir()).parent_path() / "web" / "dist").string();
}

bool IsWebBuild(const std::string& dir) {
  std::error_code ec;
  return !dir.empty() && fs::is_regular_file(fs::path(dir) / "index.html", ec);
}

void RegisterStaticFiles(httplib::Server& http, const std::string& dir) {
  http.Get("/app",
           [](const httplib::Request&, httplib::Response& res) { res.set_redirect(kMount); });
  const fs::path index = fs::path(dir) / "index.html";
  if (!IsWebBuild(dir) || !http.set_mount_point(kMount, dir)) {
    const std::string message =
        "网页前端尚未构建：目录「" + HtmlEscape(dir.empty() ? "（未指定）" : dir) +
        "」中没有 index.html。请在源代码目录运行 <code>make web</code>（即 <code>cd web &amp;&amp; "
        "npm ci &amp;&amp; npx vite build</code>），或用 <code>gongkai serve --web 目录</code> "
        "指定构建好的目录。公开门户不受影响。";
    http.Get("/app/.*", [message](const httplib::Request&, httplib::Response& res) {
      NotFound(res, message);
    });
    return;
  }
  for (const auto& [ext, type] : {std::pair{"html", "text/html; charset=utf-8"},
                                  {"js", "text/javascript; charset=utf-8"},
                                  {"mjs", "text/javascript; charset=utf-8"},
                                  {"css", "text/css; charset=utf-8"},
                                  {"json", "application/json; charset=utf-8"},
                                  {"svg", "image/svg+xml"},
                                  {"png", "image/png"},
                                  {"ico", "image/x-icon"},
                                  {"woff", "font/woff"},
                                  {"woff2", "font/woff2"},
                                  {"ttf", "font/ttf"},
                                  {"map", "application/json; charset=utf-8"}}) {
    http.set_file_extension_and_mimetype_mapping(ext, type);
  }
  // Called for every file the mount point serves (not for HEAD: those carry the defaults).
  http.set_file_request_handler(AppHeaders);
  // Reached only by what the mount point did not serve as a file.
  http.Get("/app/.*", [index](const httplib::Request& req, httplib::Response& res) {
    if (StartsWith(req.path, kAssets) || req.path.find("..") != std::string::npos) {
      return NotFound(res, "没有这个文件。");
    }
    res.set_content(ReadFile(index), "text/html; charset=utf-8");
    AppHeaders(req, res);
  });
}

}  // namespace gongkai::server
