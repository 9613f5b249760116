#include "base/utf8_text.h"

#include <fmt/format.h>

#include <cstdint>

namespace gongkai {
namespace {

// Decodes the character at `i`; returns its length in bytes, 0 if the bytes there are not
// well-formed UTF-8.
size_t Decode(std::string_view text, size_t i, uint32_t* code) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char c = s[i];
  if (c < 0x80) {
    *code = c;
    return 1;
  }
  size_t length;
  unsigned char low = 0x80, high = 0xBF;  // the allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    length = 2;
    *code = c & 0x1Fu;
  } else if (c >= 0xE0 && c <= 0xEF) {
    length = 3;
    *code = c & 0x0Fu;
    if (c == 0xE0) low = 0xA0;   // overlong
    if (c == 0xED) high = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    length = 4;
    *code = c & 0x07u;
    if (c == 0xF0) low = 0x90;   // overlong
    if (c == 0xF4) high = 0x8F;  // above U+10FFFF
  } else {
    return 0;  // a continuation byte on its own, an overlong lead (C0, C1), or F5–FF
  }
  if (i + length > text.size() || s[i + 1] < low || s[i + 1] > high) return 0;
  for (size_t k = 1; k < length; ++k) {
    if (s[i + k] < 0x80 || s[i + k] > 0xBF) return 0;
    *code = (*code << 6) | (s[i + k] & 0x3Fu);
  }
  return length;
}

bool IsControl(uint32_t c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
}

bool IsNoncharacter(uint32_t c) { return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE; }

}  // namespace

size_t FirstNonTextByte(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  for (size_t i = 0; i < text.size();) {
    // Printable ASCII and line breaks, most of a source, need no decoding; nor does a
    // well-formed character from U+1000 to U+CFFF (lead bytes E1 to EC: no overlong forms, no
    // surrogates, controls or noncharacters there), where the CJK ideographs are.
    if ((s[i] >= 0x20 && s[i] < 0x7F) || s[i] == '\n') {
      ++i;
      continue;
    }
    if (s[i] >= 0xE1 && s[i] <= 0xEC && i + 2 < text.size() && (s[i + 1] & 0xC0) == 0x80 &&
        (s[i + 2] & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    uint32_t code = 0;
    const size_t length = Decode(text, i, &code);
    if (length == 0 || IsControl(code) || IsNoncharacter(code)) return i;
    i += length;
  }
  return std::string_view::npos;
}

std::string NonTextMessage(std::string_view text, size_t offset, bool in_workbook) {
  if (offset >= text.size()) return "文本有误";
  uint32_t code = 0;
  if (Decode(text, offset, &code) == 0 && in_workbook) {
    return fmt::format(
        "不是有效的 UTF-8 文本（字节 0x{:02X}）：工作簿可能已损坏，请在 Excel/WPS 中另存后再试",
        static_cast<unsigned char>(text[offset]));
  }
  if (Decode(text, offset, &code) == 0 &&
      (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF"))) {
    return "是 UTF-16 编码的文件：请以 UTF-8 编码保存（可用 iconv -f UTF-16 -t UTF-8 转换）";
  }
  if (Decode(text, offset, &code) == 0) {
    return fmt::format(
        "不是有效的 UTF-8 文本（字节 0x{:02X}）：请将文件以 UTF-8 编码保存（GBK/GB18030 编码的"
        "文件可用 iconv -f GB18030 -t UTF-8 转换）",
        static_cast<unsigned char>(text[offset]));
  }
  if (IsControl(code)) {
    return fmt::format(
        "含有控制字符 U+{:04X}{}，不是正文文字：请删除（常见于从其他程序复制粘贴的文本）", code,
        code == 0 ? "（NUL）" : "");
  }
  return fmt::format("含有 Unicode 非字符 U+{:04X}，不能显示或打印：请删除", code);
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

std::string Excerpt(std::string_view text, size_t max_chars) {
  std::string out;
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80 && chars++ == max_chars) {  // the start of one character too many
      out += "…";
      break;
    }
    if (c == '\n') {
      out += "↵";
    } else if (c == '\r' || c == '\t') {
      out += ' ';
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

bool IsDataName(std::string_view name) {
  if (name.empty() || name.size() > 64 || name.front() == '-') return false;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

}  // namespace gongkai
