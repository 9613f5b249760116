// The words of a published PDF, page by page, with their boxes.
//
// A published budget is a PDF produced by Excel, WPS, Word, iText and others; what they have in
// common is a text layer of positioned words (poppler::page::text_list). This module reads
// those words and nothing else: lines, cells and tables are built on top (text_lines.h,
// table_reader.h). Coordinates are PDF points with the origin at the top left of the page.
//
// A page without a text layer (a scanned image) or whose text is garbled (private-use or
// replacement characters from fonts without a ToUnicode map) is kept but flagged unreadable
// with the reason, so that a caller can say which pages could not be read. Hostile files are
// guarded against: the page count is limited and encrypted files that cannot be opened are
// refused with a clear message (ReaderError).
#ifndef GONGKAI_READER_PDF_WORDS_H_
#define GONGKAI_READER_PDF_WORDS_H_

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai::reader {

// A rectangle in points (PDF) or in character cells (plain text input), top-left origin.
struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
};

struct Word {
  std::string text;  // UTF-8
  Box box;
  bool space_after = false;
};

struct PageWords {
  int number = 0;  // 1-based
  double width = 0, height = 0;
  bool readable = true;
  std::string why;  // when not readable: "没有文字层（可能是扫描图像）" …
  std::vector<Word> words;
};

// Limits on a published PDF (README, "Limits on input"): a file larger than `max_file_bytes`,
// with more pages than `max_pages`, or whose non-image streams inflate to more than
// `max_inflated_bytes` in all (pdf_guard.h) is refused with a ReaderError.
struct PdfLimits {
  int max_pages = 2000;
  uint64_t max_file_bytes = uint64_t{256} << 20;
  uint64_t max_inflated_bytes = uint64_t{256} << 20;
};

// A document that cannot be read at all; what() is a Chinese message naming the file.
class ReaderError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reads the words of every page. Throws ReaderError when the file cannot be opened, is
// encrypted and locked, or exceeds a limit. A page whose content poppler reports as damaged
// and that gives no text is kept, unreadable, with that reason.
std::vector<PageWords> ExtractPdfWords(const std::string& path, const PdfLimits& limits = {});

// The same for a PDF already in memory; `name` is used in messages.
std::vector<PageWords> ExtractPdfWordsFromBytes(std::string_view bytes, const std::string& name,
                                                const PdfLimits& limits = {});

// Whether `text` looks garbled: empty, or more than a third of its characters are private-use,
// replacement (U+FFFD) or control characters.
bool LooksGarbled(const std::string& text);

}  // namespace gongkai::reader

#endif  // GONGKAI_READER_PDF_WORDS_H_
