#include "reader/pdf_words.h"

#include <Error.h>
#include <GlobalParams.h>
#include <PDFDoc.h>
#include <Page.h>
#include <Stream.h>
#include <TextOutputDev.h>
#include <fmt/format.h>
#include <poppler-global.h>
#include <poppler-rectangle.h>

#include <algorithm>
#include <array>
#include <climits>
#include <memory>

#include "base/read_file.h"
#include "reader/pdf_guard.h"
#include "reader/ustring_utf8.h"

namespace gongkai::reader {
namespace {

// Poppler reports syntax errors of damaged files on stderr; the reader reports what matters:
// they are counted (per thread: poppler calls back on the thread that parses) so that a page
// that gives no text because its content is damaged says so, not "no text layer".
thread_local int poppler_errors = 0;
void CountPopplerError(ErrorCategory, Goffset, const char*) { ++poppler_errors; }

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

bool IsDigit(unsigned short c) { return c >= '0' && c <= '9'; }

// A word as poppler's text output gives it, as poppler::page::text_list() would return it: its
// text in UTF-16, its box and the boxes of its characters (rectangles from x, y, width and
// height, so that right() and bottom() are computed exactly as text_list's are).
struct TextBox {
  poppler::ustring text;
  poppler::rectf whole;
  std::vector<poppler::rectf> chars;
  bool space_after = false;

  explicit TextBox(const TextWord& word) {
    std::unique_ptr<GooString> utf8(word.getText());
    text = UstringFromUtf8(utf8->c_str());
    double x0, y0, x1, y1;
    word.getBBox(&x0, &y0, &x1, &y1);
    whole = {x0, y0, x1 - x0, y1 - y0};
    chars.reserve(static_cast<size_t>(word.getLength()));
    for (int j = 0; j < word.getLength(); ++j) {
      word.getCharBBox(j, &x0, &y0, &x1, &y1);
      chars.emplace_back(x0, y0, x1 - x0, y1 - y0);
    }
    space_after = word.hasSpaceAfter();
  }
  poppler::rectf char_bbox(size_t i) const {
    return i < chars.size() ? chars[i] : poppler::rectf();
  }
};

// Splits a poppler text box at spaces and between amounts printed with no gap, which some
// producers' boxes run together: "174,900.64101,833.8441,534.73" is three amounts (each ends
// two digits after its point). Each piece gets the box of its glyphs.
std::vector<Word> SplitBox(const TextBox& box) {
  const poppler::ustring& text = box.text;
  bool figures = !text.empty();
  for (unsigned short c : text) {
    if (!IsDigit(c) && c != ',' && c != '.' && c != ' ' && c != '-') figures = false;
  }
  std::vector<std::pair<size_t, size_t>> pieces;  // [begin, end) in UTF-16 units
  size_t begin = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    bool cut_before = i == text.size() || text[i] == ' ';
    // Cut after two decimals only when another amount follows (its own point further on):
    // "10,096.054007" is one amount with six decimals (北京), not 10,096.05 and 4007.
    bool cut_after =
        figures && i >= 3 && i < text.size() && text[i - 3] == '.' && IsDigit(text[i - 2]) &&
        IsDigit(text[i - 1]) && IsDigit(text[i]) &&
        std::find(text.begin() + static_cast<std::ptrdiff_t>(i), text.end(), '.') != text.end();
    if (cut_before || cut_after) {
      if (i > begin) pieces.push_back({begin, i});
      begin = cut_before ? i + 1 : i;
    }
  }
  std::vector<Word> words;
  const poppler::rectf& whole = box.whole;
  if (pieces.size() == 1 && pieces[0].first == 0 && pieces[0].second == text.size()) {
    words.push_back({Utf8FromUstring(text),
                     {whole.left(), whole.top(), whole.right(), whole.bottom()},
                     box.space_after});
    return words;
  }
  for (const auto& [b, e] : pieces) {
    Word w;
    poppler::ustring piece(e - b, 0);
    std::copy(text.begin() + static_cast<std::ptrdiff_t>(b),
              text.begin() + static_cast<std::ptrdiff_t>(e), piece.begin());
    w.text = Utf8FromUstring(piece);
    poppler::rectf first = box.char_bbox(b), last = box.char_bbox(e - 1);
    w.box = {first.left(), whole.top(), last.right(), whole.bottom()};
    words.push_back(std::move(w));
  }
  if (!words.empty()) words.back().space_after = box.space_after;
  return words;
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
  FileBytes bytes;
  switch (ReadFileAtMost(path, limits.max_file_bytes, &bytes)) {
    case ReadStatus::kCannotOpen:
      throw ReaderError(fmt::format("{}：无法打开，文件不存在或不是有效的 PDF", path));
    case ReadStatus::kTooLarge:
      throw ReaderError(
          fmt::format("{}：文件超过 {} MB 的上限，不予读取", path, limits.max_file_bytes >> 20));
    case ReadStatus::kOk:
      break;
  }
  return ExtractPdfWordsFromBytes(bytes.view(), path, limits);
}

std::vector<PageWords> ExtractPdfWordsFromBytes(std::string_view bytes, const std::string& name,
                                                const PdfLimits& limits) {
  const std::string& path = name;
  if (bytes.size() > limits.max_file_bytes) {
    throw ReaderError(
        fmt::format("{}：文件超过 {} MB 的上限，不予读取", path, limits.max_file_bytes >> 20));
  }
  if (InflatedSize inflated = MeasureInflatedStreams(bytes, limits.max_inflated_bytes);
      inflated.over) {
    throw ReaderError(
        fmt::format("{}：PDF 的数据流解压后超过 {} MB 的上限（可能是压缩炸弹），不予读取", path,
                    limits.max_inflated_bytes >> 20));
  }
  // poppler's global parameters (font and CMap tables) exist while an initer does: this one is
  // made once and kept until the process ends (building them takes 3.9 M instructions, more
  // than a page, and a server that read one document after another built them again for
  // each). The error callback is set again in case another initer (poppler-cpp's, which the
  // audit report's pictures use) came first.
  static const GlobalParamsIniter* const params = new GlobalParamsIniter(CountPopplerError);
  (void)params;
  setErrorCallback(CountPopplerError);
  // poppler's core reads the bytes in place (`bytes` outlives `core`), once: poppler-cpp's
  // document, which the reader opened first for its checks, parsed the cross-reference table and
  // the page tree a second time. Its checks are these, in its order.
  PDFDoc core(new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull)));
  if (!core.isOk()) {
    if (core.getErrorCode() == errEncrypted) {
      throw ReaderError(
          fmt::format("{}：PDF 已加密，需要密码才能打开；请提供未加密的公开文件", path));
    }
    throw ReaderError(fmt::format("{}：无法打开，文件不存在或不是有效的 PDF", path));
  }
  const int count = core.getNumPages();
  if (count <= 0) throw ReaderError(fmt::format("{}：PDF 没有页面（页面树为空或已损坏）", path));
  if (count > limits.max_pages) {
    throw ReaderError(
        fmt::format("{}：PDF 有 {} 页，超过上限 {} 页，不予读取", path, count, limits.max_pages));
  }
  // The words are read with poppler's own text output, as poppler::page::text_list() reads
  // them, but with one output device for the whole document instead of a new one per page:
  // the device keeps the ICC colour spaces it has built (OutputDev's cache), which text_list
  // built again on every page (lcms transforms: most of the time on Excel and WPS files).
  TextOutputDev text_output(nullptr, /*physLayoutA=*/false, /*fixedPitchA=*/0,
                            /*rawOrderA=*/false, /*append=*/false);
  std::vector<PageWords> pages;
  pages.reserve(count);
  for (int n = 0; n < count; ++n) {
    PageWords out;
    out.number = n + 1;
    poppler_errors = 0;
    const ::Page* page = core.getPage(n + 1);
    if (!page) {
      out.readable = false;
      out.why = "页面无法解析";
      pages.push_back(std::move(out));
      continue;
    }
    const PDFRectangle* crop = page->getCropBox();
    poppler::rectf rect(crop->x1, crop->y1, crop->x2 - crop->x1, crop->y2 - crop->y1);
    out.width = rect.width();
    out.height = rect.height();
    // The document's own cross-reference table, not a copy per page as poppler-cpp's
    // text_list makes (for pages drawn on several threads): a copy starts without the objects
    // already read, so every page read the object streams and fonts again (18 M of the 2017
    // 公开表格's 160 M instructions). pdftotext does not copy either.
    core.displayPageSlice(&text_output, n + 1, 72, 72, 0, /*useMediaBox=*/false, /*crop=*/false,
                          /*printing=*/false, -1, -1, -1, -1, nullptr, nullptr, nullptr, nullptr,
                          /*copyXRef=*/false);
    std::string all;
    if (std::unique_ptr<TextWordList> list = text_output.makeWordList()) {
      for (int i = 0; i < list->getLength(); ++i) {
        for (Word& w : SplitBox(TextBox(*list->get(i)))) {
          all += w.text;
          out.words.push_back(std::move(w));
        }
      }
    }
    if (out.words.empty() && poppler_errors > 0) {
      out.readable = false;
      out.why = "页面内容已损坏，无法读取";
    } else if (out.words.empty()) {
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

}  // namespace gongkai::reader
