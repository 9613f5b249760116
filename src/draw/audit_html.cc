#include "draw/audit_html.h"

#include <cairo.h>
#include <fmt/format.h>

#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <vector>

#include "render/html_renderer.h"

namespace gongkai {

namespace {

void QuietPoppler(const std::string&, void*) {}

bool IsPdfName(const std::string& path) {
  if (path.size() < 4) return false;
  std::string ext = path.substr(path.size() - 4);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".pdf";
}

cairo_status_t AppendPng(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// A PDF opened once for the pictures of all its findings.
class PdfPictures {
 public:
  explicit PdfPictures(const std::string& path) {
    poppler::set_debug_error_function(QuietPoppler, nullptr);
    doc_.reset(poppler::document::load_from_file(path));
    if (doc_ && doc_->is_locked()) doc_.reset();
  }
  bool ok() const { return doc_ != nullptr; }

  std::string RegionPng(int number, const reader::Box& box, const AuditHtmlOptions& o) const {
    if (!doc_ || number < 1 || number > doc_->pages()) return "";
    if (!(box.width() >= 0 && box.height() >= 0) || (box.width() == 0 && box.height() == 0)) {
      return "";
    }
    std::unique_ptr<poppler::page> page(doc_->create_page(number - 1));
    if (!page) return "";
    // The page as displayed (text boxes follow the page's own rotation; so does rendering).
    poppler::rectf rect = page->page_rect();
    double width = rect.width(), height = rect.height();
    if (page->orientation() == poppler::page::landscape ||
        page->orientation() == poppler::page::seascape) {
      std::swap(width, height);
    }
    const double x0 = o.full_width ? 0 : std::clamp(box.x0 - o.margin_x, 0.0, width);
    const double y0 = std::clamp(box.y0 - o.margin_y, 0.0, height);
    const double x1 = o.full_width ? width : std::clamp(box.x1 + o.margin_x, 0.0, width);
    const double y1 = std::clamp(box.y1 + o.margin_y, 0.0, height);
    if (x1 - x0 < 1 || y1 - y0 < 1) return "";
    // Bounded whatever the page size says (hostile files): at most 2400 pixels a side.
    double dpi = o.dpi;
    dpi = std::min(dpi, 2400.0 * 72 / (x1 - x0));
    dpi = std::min(dpi, 2400.0 * 72 / (y1 - y0));
    const double scale = dpi / 72;
    const int px = static_cast<int>(std::floor(x0 * scale));
    const int py = static_cast<int>(std::floor(y0 * scale));
    const int pw = std::max(1, static_cast<int>(std::ceil(x1 * scale)) - px);
    const int ph = std::max(1, static_cast<int>(std::ceil(y1 * scale)) - py);

    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    renderer.set_image_format(poppler::image::format_argb32);
    poppler::image image = renderer.render_page(page.get(), dpi, dpi, px, py, pw, ph);
    if (!image.is_valid() || image.width() <= 0 || image.height() <= 0) return "";
    const int w = image.width(), h = image.height();
    // Copied row by row into a buffer with cairo's stride (usually the same).
    const int stride = cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, w);
    std::vector<unsigned char> pixels(static_cast<size_t>(stride) * h);
    const char* data = image.const_data();
    for (int row = 0; row < h; ++row) {
      std::copy_n(data + static_cast<size_t>(row) * image.bytes_per_row(), w * 4,
                  pixels.begin() + static_cast<ptrdiff_t>(row) * stride);
    }
    cairo_surface_t* surface =
        cairo_image_surface_create_for_data(pixels.data(), CAIRO_FORMAT_ARGB32, w, h, stride);
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 0.85, 0, 0);
    cairo_set_line_width(cr, 2);
    cairo_rectangle(cr, box.x0 * scale - px - 3, box.y0 * scale - py - 3, box.width() * scale + 6,
                    box.height() * scale + 6);
    cairo_stroke(cr);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    std::string png;
    if (cairo_surface_write_to_png_stream(surface, AppendPng, &png) != CAIRO_STATUS_SUCCESS) {
      png.clear();
    }
    cairo_surface_destroy(surface);
    return png;
  }

 private:
  std::unique_ptr<poppler::document> doc_;
};

std::string Esc(const std::string& s) { return HtmlEscape(s); }

const char* kStyle = R"(<style>
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;
margin:2em auto;max-width:60em;padding:0 1em;color:#222;line-height:1.5}
h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:1px solid #ccc;margin-top:1.6em}
table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #bbb;padding:.2em .6em;
text-align:left;vertical-align:top}th{background:#f2f2f2}
.summary{font-weight:bold}.ok{color:#060}.bad{color:#b00}
.finding{border:1px solid #d99;border-left:4px solid #c00;padding:.6em 1em;margin:1em 0}
.finding .message{margin:.4em 0}.finding img{max-width:100%;border:1px solid #999;display:block}
.muted{color:#666}.note{margin:.2em 0}
</style>)";

std::string PagesText(const std::vector<int>& pages) {
  std::string out;
  for (int p : pages) out += (out.empty() ? "" : "、") + std::to_string(p);
  return out.empty() ? "—" : out;
}

}  // namespace

std::string Base64(std::string_view bytes) {
  static const char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const uint32_t v = static_cast<uint8_t>(bytes[i]) << 16 |
                       static_cast<uint8_t>(bytes[i + 1]) << 8 | static_cast<uint8_t>(bytes[i + 2]);
    out += kAlphabet[v >> 18 & 63];
    out += kAlphabet[v >> 12 & 63];
    out += kAlphabet[v >> 6 & 63];
    out += kAlphabet[v & 63];
  }
  if (i < bytes.size()) {
    uint32_t v = static_cast<uint8_t>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<uint8_t>(bytes[i + 1]) << 8;
    out += kAlphabet[v >> 18 & 63];
    out += kAlphabet[v >> 12 & 63];
    out += i + 1 < bytes.size() ? kAlphabet[v >> 6 & 63] : '=';
    out += '=';
  }
  return out;
}

std::string PdfRegionPng(const std::string& path, int page, const reader::Box& box,
                         const AuditHtmlOptions& options) {
  return PdfPictures(path).RegionPng(page, box, options);
}

std::string AuditHtml(const AuditedDocument& a, const AuditHtmlOptions& options) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  if (!a.document) {
    out += fmt::format("<title>审核报告：{}</title>\n{}\n</head>\n<body>\n", Esc(a.path), kStyle);
    out += "<h1>公开文件审核报告</h1>\n";
    out += fmt::format("<p>文件：{}</p>\n<p class=\"bad summary\">无法读取：{}</p>\n", Esc(a.path),
                       Esc(a.error));
    return out + "</body>\n</html>\n";
  }
  const reader::PublishedDocument& d = *a.document;
  const std::string department = d.department.empty() ? "（未识别部门）" : d.department;
  const std::string year = d.year == 0 ? std::string("？") : std::to_string(d.year);
  out += fmt::format("<title>审核报告：{} {}年{}</title>\n{}\n</head>\n<body>\n", Esc(department),
                     Esc(year), Esc(reader::KindName(d.kind)), kStyle);
  out += "<h1>公开文件审核报告</h1>\n<table class=\"identity\">\n";
  out += fmt::format("<tr><th>文件</th><td>{}</td></tr>\n", Esc(a.path));
  out += fmt::format("<tr><th>类型</th><td>{}</td></tr>\n", Esc(reader::KindName(d.kind)));
  out += fmt::format("<tr><th>年度</th><td>{}</td></tr>\n", Esc(year));
  out += fmt::format("<tr><th>部门</th><td>{}</td></tr>\n", Esc(department));
  out += fmt::format("<tr><th>页数</th><td>{}</td></tr>\n</table>\n", d.pages.size());
  const int errors = a.Errors(), notes = a.Notes();
  out += fmt::format("<p class=\"summary {}\">错误 {}，提示 {}</p>\n", errors ? "bad" : "ok",
                     errors, notes);
  if (d.IsBlankForm()) {
    out += "<p class=\"muted\">空白表样（模板）：识别的公开表中没有填写数字，未做核对。</p>\n";
  }

  out += fmt::format("<h2>识别的公开表（{}张）</h2>\n", d.tables.size());
  if (d.tables.empty()) {
    out += "<p class=\"muted\">未识别出公开表。</p>\n";
    if (!a.tables_from.empty()) {
      out +=
          "<p>公开表另行公开：文字中的金额已与《" + Esc(a.tables_from) + "》的公开表核对。</p>\n";
    }
  } else {
    out += "<table>\n<tr><th>表</th><th>页</th><th>单位</th><th>行数</th></tr>\n";
    for (const auto& t : d.tables) {
      out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", Esc(t.title),
                         t.sheet.empty() ? PagesText(t.pages) : "工作表「" + Esc(t.sheet) + "」",
                         t.unit == MoneyUnit::kYuan ? "元" : "万元", t.rows.size());
    }
    out += "</table>\n";
  }

  if (!d.completeness.empty()) {
    out += "<h2>完整性</h2>\n<table>\n<tr><th>项目</th><th>情况</th></tr>\n";
    for (const auto& m : d.completeness) {
      out += fmt::format("<tr><td>{}{}</td><td class=\"{}\">{}</td></tr>\n",
                         m.is_table ? "公开表：" : "", Esc(m.name),
                         m.found || m.elsewhere ? "ok" : "bad",
                         m.elsewhere ? fmt::format("另附（第{}页说明另行公开）", m.page)
                         : !m.found  ? std::string("未找到")
                         : m.sheet.empty() ? fmt::format("有（第{}页）", m.page)
                                           : "有（工作表「" + Esc(m.sheet) + "」）");
    }
    out += "</table>\n";
  }

  int unreadable = 0;
  for (const auto& p : d.pages) unreadable += !p.readable;
  out += fmt::format("<h2>无法读取的页（{}）</h2>\n", unreadable);
  if (unreadable == 0) {
    out += "<p class=\"muted\">无。</p>\n";
  } else {
    out += "<ul>\n";
    for (const auto& p : d.pages) {
      if (!p.readable) {
        out += fmt::format("<li>第{}页：{}，未做核对</li>\n", p.number, Esc(p.why));
      }
    }
    out += "</ul>\n";
  }

  out += fmt::format("<h2>错误（{}）</h2>\n", errors);
  if (errors == 0) out += "<p class=\"ok\">未发现错误。</p>\n";
  std::unique_ptr<PdfPictures> pictures;
  if (errors > 0 && IsPdfName(a.path)) {
    pictures = std::make_unique<PdfPictures>(a.path);
    if (!pictures->ok()) {
      out += "<p class=\"muted\">无法重新打开 PDF，以下错误不附页面图像。</p>\n";
    }
  }
  int shown = 0, number = 0;
  for (const auto& f : a.findings) {
    if (f.level != reader::FindingLevel::kError) continue;
    ++number;
    out += "<section class=\"finding\">\n";
    out += fmt::format("<div><b>错误 {}</b>　{}　{}", number, Esc(reader::FindingPlace(f)),
                       Esc(f.table_title));
    if (!f.row.empty()) out += fmt::format("　行「{}」", Esc(f.row));
    if (!f.column.empty()) out += fmt::format("　列「{}」", Esc(f.column));
    out += "</div>\n";
    for (const auto& r : f.related) {
      out += fmt::format("<div>对照　{}　{}", Esc(reader::FindingPlace(r)), Esc(r.table_title));
      if (!r.row.empty()) out += fmt::format("　行「{}」", Esc(r.row));
      if (!r.column.empty()) out += fmt::format("　列「{}」", Esc(r.column));
      out += "</div>\n";
    }
    out += fmt::format("<div class=\"message\">{}</div>\n", Esc(f.message));
    // The amount in question, then (a relation) the first cell it is compared with.
    std::vector<std::pair<int, reader::Box>> places = {{f.page, f.box}};
    if (!f.related.empty()) places.emplace_back(f.related.front().page, f.related.front().box);
    for (const auto& [page, box] : places) {
      if (!pictures || !pictures->ok()) break;
      std::string png;
      if (shown < options.max_images) png = pictures->RegionPng(page, box, options);
      if (!png.empty()) {
        ++shown;
        out += fmt::format(
            "<img src=\"data:image/png;base64,{}\" alt=\"第{}页，红框为所核对的数字\">\n",
            Base64(png), page);
      } else if (shown >= options.max_images) {
        out +=
            fmt::format("<p class=\"muted\">（图像过多，此处不再附图，见原文第{}页）</p>\n", page);
      }
    }
    if (!f.consequences.empty()) {
      out += "<div class=\"muted\">由此引起：</div>\n<ul>\n";
      for (const auto& c : f.consequences) {
        out += fmt::format("<li>{}：{}</li>\n", Esc(AuditWhere(c)), Esc(c.message));
      }
      out += "</ul>\n";
    }
    out += "</section>\n";
  }

  std::map<std::string, int> grouped;
  for (const auto& f : a.findings) {
    if (f.level == reader::FindingLevel::kNote) ++grouped[f.table_title];
  }
  out += fmt::format("<h2>提示（{}）</h2>\n", notes);
  if (grouped.empty()) out += "<p class=\"muted\">无。</p>\n";
  for (const auto& [table, n] : grouped) {
    out += "<p class=\"note\">" + Esc(RoundingNotes(table, n)) + "</p>\n";
  }
  out += "<p class=\"muted\">由 gongkai audit 生成。页面图像按原文件渲染，红框为有误的数字。</p>\n";
  return out + "</body>\n</html>\n";
}

}  // namespace gongkai
