// UTF-8 ⇄ UTF-16 (poppler::ustring) exactly as poppler::ustring::from_utf8 and to_utf8 convert,
// without their iconv: converting every word of a PDF there and back through iconv was a
// twentieth of reading a small document (pdf_words.cc).
//
// From UTF-8: up to the first NUL, and up to the first byte that is not well-formed UTF-8 (an
// overlong form, a surrogate, beyond U+10FFFF, a cut sequence), as poppler returns what iconv
// converted before it stopped. To UTF-8: up to a lone surrogate (poppler's words have none:
// they come from well-formed UTF-8 and are cut at spaces and digits only).
// tests/ustring_utf8_test.cc compares both with poppler's own.
#ifndef GONGKAI_READER_USTRING_UTF8_H_
#define GONGKAI_READER_USTRING_UTF8_H_

#include <poppler-global.h>

#include <string>

namespace gongkai::reader {

poppler::ustring UstringFromUtf8(const char* s);
std::string Utf8FromUstring(const poppler::ustring& s);

}  // namespace gongkai::reader

#endif  // GONGKAI_READER_USTRING_UTF8_H_
