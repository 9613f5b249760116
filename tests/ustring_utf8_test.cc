// The reader's UTF-8 ⇄ UTF-16 conversions (reader/ustring_utf8.h) against poppler's own, which
// they replace: every string of up to five pieces of a mixed alphabet — ASCII, CJK, a
// character beyond the BMP, byte order marks, U+FFFE, and broken UTF-8 (a lone continuation
// byte, a cut sequence, an encoded surrogate, 0xFF) — converts exactly as poppler converts it.
#include "reader/ustring_utf8.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace gongkai::reader {
namespace {

std::string Hex(const std::string& s) {
  std::string out;
  for (unsigned char c : s) out += "0123456789abcdef"[c >> 4], out += "0123456789abcdef"[c & 15];
  return out;
}

TEST(UstringUtf8Test, FromUtf8AsPoppler) {
  const std::vector<std::string> pieces = {"a",
                                           "1",
                                           " ",
                                           ".",
                                           "中",
                                           "\xF0\x9F\x98\x80",
                                           "\xEF\xBB\xBF",
                                           "\xED\xA0\x80",
                                           "\x80",
                                           "\xC3\xA9",
                                           "\xE4\xB8",
                                           "\xFF",
                                           "\xEF\xBF\xBE",
                                           "\xC0\x80"};
  std::mt19937 rng(42);
  int broken = 0;
  for (int k = 0; k < 20000; ++k) {
    std::string s;
    for (int j = static_cast<int>(rng() % 6); j > 0; --j) s += pieces[rng() % pieces.size()];
    const poppler::ustring expected = poppler::ustring::from_utf8(s.c_str());
    ASSERT_EQ(UstringFromUtf8(s.c_str()), expected) << Hex(s);
    if (expected.size() < s.size() / 4) ++broken;
  }
  EXPECT_GT(broken, 1000);  // the broken pieces were met, and cut the conversion short
}

TEST(UstringUtf8Test, ToUtf8AsPoppler) {
  // Well-formed UTF-16 only: pairs are kept whole, as the reader cuts words at spaces and digits.
  const std::vector<std::vector<unsigned short>> pieces = {
      {'a'},  {'1'},   {' '},   {0x4E2D}, {0xFEFF}, {0xFFFE}, {0xD83D, 0xDE00},
      {0xE9}, {0x7FF}, {0x800}, {0xFFFF}, {0}};
  std::mt19937 rng(7);
  for (int k = 0; k < 20000; ++k) {
    poppler::ustring u;
    for (int j = static_cast<int>(rng() % 6); j > 0; --j) {
      for (unsigned short unit : pieces[rng() % pieces.size()]) u.push_back(unit);
    }
    const poppler::byte_array bytes = u.to_utf8();
    ASSERT_EQ(Utf8FromUstring(u), std::string(bytes.begin(), bytes.end()));
  }
  // And back: the words of a PDF (well-formed UTF-8) come back unchanged.
  const std::string word = "2024年 预算\xF0\x9F\x98\x80";
  EXPECT_EQ(Utf8FromUstring(UstringFromUtf8(word.c_str())), word);
}

}  // namespace
}  // namespace gongkai::reader
