// Checking that text read from outside (source files, workbook cells) is UTF-8, so that a file
// saved in another encoding (GBK, common for Chinese files) is reported where it goes wrong
// instead of reaching the documents as garbage that PDF and HTML writers cannot print.
//
// Written here rather than taken from glib (g_utf8_validate) because loading does not otherwise
// depend on glib; the rules are those of RFC 3629.
#ifndef GONGKAI_LOAD_UTF8_TEXT_H_
#define GONGKAI_LOAD_UTF8_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace gongkai {

// The offset of the first byte of `text` that does not belong to well-formed UTF-8 (RFC 3629:
// no overlong forms, no surrogates, nothing above U+10FFFF) or that is a NUL;
// std::string_view::npos when there is none.
size_t FirstBadUtf8Byte(std::string_view text);

// What is wrong at `offset` (a result of FirstBadUtf8Byte), in Chinese, with what to do:
// "不是有效的 UTF-8 文本（字节 0xB2）…" or "含有 NUL 字符…".
std::string BadUtf8Message(std::string_view text, size_t offset);

// 1-based line and column (in characters) of byte `offset` of `text`.
struct TextPosition {
  size_t line, column;
};
TextPosition PositionOf(std::string_view text, size_t offset);

}  // namespace gongkai

#endif  // GONGKAI_LOAD_UTF8_TEXT_H_
