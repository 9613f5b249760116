// The zlib compression level of the files gongkai writes through libraries: PDF streams
// (cairo) and the parts of XLSX workbooks (libxlsxwriter, through minizip).
//
// Why this exists: neither library lets its caller choose. cairo 1.16 (Debian 12) deflates
// every PDF stream — page contents and embedded font subsets — at zlib's default level 6, and
// libxlsxwriter 1.1.4 zips every workbook part at the default level too. That was about 40% of
// the time of a PDF render and of an XLSX render (bench/build_bench.cc), for little: level 1
// is about four times faster than level 6 on page contents and XML, for files a little larger.
// CJK glyph outlines (CFF charstrings, 0.4–0.6 MB of a PDF) shrink by only an eighth even when
// Huffman-coded (the cheapest compression), which took 4 ms of seed 004's 53 ms: so what cairo
// writes when finishing — the font subsets and their ToUnicode maps — is stored (level 0,
// deflate's uncompressed blocks). Seed 004: PDF 959 KB at level 6 throughout; with levels 1
// and 0, 746 KB thanks to fonts without hints (pdf_fonts.h). XLSX 79 KB at level 6, 92 KB at 1.
//
// How: this module defines zlib's `deflateInit_` and `deflateInit2_` (the functions behind the
// `deflateInit` and `deflateInit2` macros, which cairo and minizip call). Definitions in the
// executable take precedence over libz's (ELF symbol interposition); ours pass everything on
// to libz's `deflateInit2_` (found with dlsym(RTLD_NEXT)) unchanged, except that while a
// `ScopedCompressionLevel` is alive on the calling thread a request for the *default* level
// gets the scope's level. Calls that name a level, and all calls outside a scope
// (libzip, other threads), are unchanged. If the interposition does not happen (gongkai built
// into a shared library loaded after libz), files are only written more slowly, not
// differently in content. `CompressionLevelIsInterposed()` tells which; tests/office_test.cc
// checks it.
#ifndef GONGKAI_RENDER_COMPRESSION_LEVEL_H_
#define GONGKAI_RENDER_COMPRESSION_LEVEL_H_

namespace gongkai {

// What is being compressed, for the choice of level (see above).
enum class Compressing {
  kPdfPages,       // page content streams: level 1
  kPdfFonts,       // what cairo writes when finishing (font subsets, their cmaps): stored
  kWorkbookParts,  // the XML parts of an XLSX: level 1
};

// While alive, deflate streams opened on this thread at the default level are compressed as
// suits `what`; Switch changes that for the streams opened after it.
class ScopedCompressionLevel {
 public:
  explicit ScopedCompressionLevel(Compressing what);
  ~ScopedCompressionLevel();
  ScopedCompressionLevel(const ScopedCompressionLevel&) = delete;
  ScopedCompressionLevel& operator=(const ScopedCompressionLevel&) = delete;

  void Switch(Compressing what);

 private:
  int previous_level_;
};

// True when `deflateInit_` and `deflateInit2_` as the dynamic linker resolves them (the ones
// cairo and minizip call) are ours.
bool CompressionLevelIsInterposed();

}  // namespace gongkai

#endif  // GONGKAI_RENDER_COMPRESSION_LEVEL_H_
