#include "reader/pdf_words.h"

#include <fmt/format.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <memory>

namespace gongkai {
namespace {

// Poppler reports syntax errors of damaged files on stderr; the reader reports what matters.
void QuietPoppler(const std::string&, void*) {}

std::string Utf8(const poppler::ustring& s) {
  poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// Decodes one UTF-8 code point at `i`, advancing it; invalid bytes give U+FFFD.
char32_t NextCodePoint(const std::string& s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
  if (extra < 0 || i + extra >= s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = extra == 0 ? c : c & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k) {
    unsigned char d = static_cast<unsigned char>(s[i + k]);
    if ((d >> 6) != 2) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (d & 0x3F);
  }
  i += extra + 1;
  return cp;
}

}  // namespace

bool LooksGarbled(const std::string& text) {
  size_t total = 0, bad = 0;
  for (size_t i = 0; i < text.size();) {
    char32_t cp = NextCodePoint(text, i);
    if (cp == ' ' || cp == '\n') continue;
    ++total;
    if (cp == 0xFFFD || cp < 0x20 || (cp >= 0xE000 && cp <= 0xF8FF)) ++bad;
  }
  return total == 0 || bad * 3 > total;
}

std::vector<PageWords> ExtractPdfWords(const std::string& path, const PdfLimits& limits) {
  poppler::set_debug_error_function(QuietPoppler, nullptr);
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path));
  if (!doc) {
    throw ReaderError(fmt::format("{}：无法打开，文件不存在或不是有效的 PDF", path));
  }
  if (doc->is_locked()) {
    throw ReaderError(
        fmt::format("{}：PDF 已加密，需要密码才能打开；请提供未加密的公开文件", path));
  }
  int count = doc->pages();
  if (count <= 0) throw ReaderError(fmt::format("{}：PDF 没有页面", path));
  if (count > limits.max_pages) {
    throw ReaderError(
        fmt::format("{}：PDF 有 {} 页，超过上限 {} 页，不予读取", path, count, limits.max_pages));
  }
  std::vector<PageWords> pages;
  pages.reserve(count);
  for (int n = 0; n < count; ++n) {
    PageWords out;
    out.number = n + 1;
    std::unique_ptr<poppler::page> page(doc->create_page(n));
    if (!page) {
      out.readable = false;
      out.why = "页面无法解析";
      pages.push_back(std::move(out));
      continue;
    }
    poppler::rectf rect = page->page_rect();
    out.width = rect.width();
    out.height = rect.height();
    std::string all;
    for (poppler::text_box& box : page->text_list()) {
      Word w;
      w.text = Utf8(box.text());
      poppler::rectf r = box.bbox();
      w.box = {r.left(), r.top(), r.right(), r.bottom()};
      w.space_after = box.has_space_after();
      all += w.text;
      out.words.push_back(std::move(w));
    }
    if (out.words.empty()) {
      out.readable = false;
      out.why = "没有文字层（可能是扫描图像），无法读取";
    } else if (LooksGarbled(all)) {
      out.readable = false;
      out.why = "文字层乱码（字体缺少 Unicode 映射），无法读取";
      out.words.clear();
    }
    pages.push_back(std::move(out));
  }
  return pages;
}

}  // namespace gongkai
