#include "load/utf8_text.h"

#include <fmt/format.h>

namespace gongkai {

size_t FirstBadUtf8Byte(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c == 0) return i;
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t length;
    unsigned char low = 0x80, high = 0xBF;  // the allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      if (c == 0xE0) low = 0xA0;   // overlong
      if (c == 0xED) high = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      if (c == 0xF0) low = 0x90;   // overlong
      if (c == 0xF4) high = 0x8F;  // above U+10FFFF
    } else {
      return i;  // a continuation byte on its own, an overlong lead (C0, C1), or F5–FF
    }
    if (i + length > n || s[i + 1] < low || s[i + 1] > high) return i;
    for (size_t k = 2; k < length; ++k) {
      if (s[i + k] < 0x80 || s[i + k] > 0xBF) return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

std::string BadUtf8Message(std::string_view text, size_t offset) {
  if (offset < text.size() && text[offset] == '\0') {
    return "含有 NUL 字符（U+0000），不是文本：请检查文件是否为 UTF-8 编码的文本文件";
  }
  return fmt::format(
      "不是有效的 UTF-8 文本（字节 0x{:02X}）：请将文件以 UTF-8 编码保存（GBK/GB18030 编码的"
      "文件可用 iconv -f GB18030 -t UTF-8 转换）",
      offset < text.size() ? static_cast<unsigned char>(text[offset]) : 0);
}

TextPosition PositionOf(std::string_view text, size_t offset) {
  TextPosition p{1, 1};
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++p.line;
      p.column = 1;
    } else if ((c & 0xC0) != 0x80) {  // not a continuation byte: a new character
      ++p.column;
    }
  }
  return p;
}

}  // namespace gongkai
