// The compression level of the streams cairo writes into a PDF.
//
// Why this exists: cairo 1.16 (Debian 12) compresses every PDF stream — page contents and the
// embedded font subsets — with zlib's default level 6 and has no API to choose another. At
// level 6 that was about 40% of the time of a PDF render (bench/build_bench.cc), and it buys
// little where most of the bytes are: CJK glyph outlines (CFF charstrings, 0.6–1 MB per
// document) shrink by only about a fifth whatever the level. So while gongkai draws the pages
// their content streams (text and line operators, very compressible) are deflated at level 1,
// which is four times faster than level 6; and while cairo writes the fonts (at
// cairo_surface_finish) the streams are Huffman-coded only, with no string matching, which
// is two to three times faster again than level 1 on glyph outlines for 8% more bytes. The
// files grow by about 9% in all (seed 004: 959 KB at level 6 everywhere, 1,048 KB so).
//
// How: this module defines zlib's `deflateInit_` (the function behind the `deflateInit`
// macro, which is what cairo calls). The definition in the executable takes precedence over
// libz's (ELF symbol interposition) and does what zlib's own does — `deflateInit2_` with
// zlib's default window and memory level — except that, while a `ScopedPdfCompression` is
// alive on the calling thread, a request for the default level gets the scope's level and
// strategy. Calls that name a level, and all calls outside the scope (libzip, libxlsxwriter,
// other threads), are unchanged. If the interposition does not happen (gongkai built into a
// shared library loaded after libz), PDFs are only slower, not different in content.
// `PdfCompressionIsInterposed()` tells which; tests/office_test.cc checks it.
#ifndef GONGKAI_RENDER_PDF_STREAM_COMPRESSION_H_
#define GONGKAI_RENDER_PDF_STREAM_COMPRESSION_H_

namespace gongkai {

// What cairo is writing, for the choice of level and strategy (see above).
enum class PdfStreams { kPageContents, kFonts };

// While alive, deflate streams opened on this thread at the default level are compressed as
// suits `streams`; Switch changes that for the streams opened after it.
class ScopedPdfCompression {
 public:
  explicit ScopedPdfCompression(PdfStreams streams);
  ~ScopedPdfCompression();
  ScopedPdfCompression(const ScopedPdfCompression&) = delete;
  ScopedPdfCompression& operator=(const ScopedPdfCompression&) = delete;

  void Switch(PdfStreams streams);

 private:
  int previous_level_, previous_strategy_;
};

// True when `deflateInit_` as the dynamic linker resolves it (the one cairo calls) is ours.
bool PdfCompressionIsInterposed();

}  // namespace gongkai

#endif  // GONGKAI_RENDER_PDF_STREAM_COMPRESSION_H_
