// Checking that text read from outside (source files, workbook cells) is text in UTF-8, so
// that a file saved in another encoding (GBK, common for Chinese files) or holding stray
// control characters is reported where it goes wrong, instead of reaching the documents as
// garbage that the PDF and XLSX writers cannot write (cairo refuses a PDF showing a
// noncharacter; XML, inside XLSX, has no place for control characters).
//
// Written here rather than taken from glib (g_utf8_validate) because loading does not otherwise
// depend on glib; the rules are those of RFC 3629 and of YAML's printable characters.
#ifndef GONGKAI_BASE_UTF8_TEXT_H_
#define GONGKAI_BASE_UTF8_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace gongkai {

// The offset of the first byte of `text` that does not belong to well-formed UTF-8 (RFC 3629:
// no overlong forms, no surrogates, nothing above U+10FFFF), or that starts a character that
// is not text: a control character other than tab, line feed and carriage return (NUL, DEL
// and U+0080–U+009F included), or a Unicode noncharacter (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF).
// std::string_view::npos when there is none.
size_t FirstNonTextByte(std::string_view text);

// What is wrong at `offset` (a result of FirstNonTextByte), in Chinese, with what to do:
// "不是有效的 UTF-8 文本（字节 0xB2）…", "含有控制字符 U+001C…". What to do about bytes that
// are not UTF-8 depends on where the text is: a text file (`in_workbook` false) was saved in
// another encoding; a workbook is damaged.
std::string NonTextMessage(std::string_view text, size_t offset, bool in_workbook = false);

// 1-based line and column (in characters) of byte `offset` of `text`.
struct TextPosition {
  size_t line, column;
};
TextPosition PositionOf(std::string_view text, size_t offset);

// How many characters of text read from a file an error message echoes. A message quotes what
// the user wrote so that it can be found, not to reproduce it: an unknown key of 50 MB must not
// make a 50 MB message.
inline constexpr size_t kExcerptChars = 60;

// `text` as an error message quotes it: at most `max_chars` characters (never cutting a UTF-8
// sequence), followed by "…" when something was left out, on one line (a line break is shown as
// "↵", a tab or carriage return as a space). Used by every loader for user text in messages.
std::string Excerpt(std::string_view text, size_t max_chars = kExcerptChars);

// Whether `name` may name a data file (an indicator framework, a scoring standard, a region's
// check settings) that is then looked up as <data dir>/…/<name>.yaml: 1 to 64 ASCII letters,
// digits, '-' and '_', not starting with '-'. No '/', no "..", nothing absolute: a name read
// from a file cannot reach outside the data directory.
bool IsDataName(std::string_view name);

}  // namespace gongkai

#endif  // GONGKAI_BASE_UTF8_TEXT_H_
