// The compression level of the streams cairo writes into a PDF.
//
// Why this exists: cairo 1.16 (Debian 12) compresses every PDF stream — page contents and the
// embedded font subsets — with zlib's default level 6 and has no API to choose another. For
// our documents most of those bytes are CJK glyph outlines (CFF charstrings, 0.6–1 MB per
// document), which deflate shrinks by only about a fifth whatever the level, and at level 6
// compressing them was about 40% of the time of a PDF render (bench/build_bench.cc). Level 1
// is several times faster and the files grow by about 3%.
//
// How: this module defines zlib's `deflateInit_` (the function behind the `deflateInit`
// macro, which is what cairo calls). The definition in the executable takes precedence over
// libz's (ELF symbol interposition) and does exactly what zlib's own does — `deflateInit2_`
// with zlib's default window, memory level and strategy — except that, while a
// `ScopedFastPdfCompression` is alive on the calling thread, a request for the default level
// becomes level 1. Calls that name a level, and all calls outside the scope (libzip,
// libxlsxwriter, other threads), are unchanged. If the interposition does not happen (gongkai
// built into a shared library that is loaded after libz), PDFs are only slower, not different
// in content. `PdfCompressionIsInterposed()` tells which; tests/office_test.cc checks it.
#ifndef GONGKAI_RENDER_PDF_STREAM_COMPRESSION_H_
#define GONGKAI_RENDER_PDF_STREAM_COMPRESSION_H_

namespace gongkai {

// While alive, deflate streams opened on this thread at the default level use level 1.
class ScopedFastPdfCompression {
 public:
  ScopedFastPdfCompression();
  ~ScopedFastPdfCompression();
  ScopedFastPdfCompression(const ScopedFastPdfCompression&) = delete;
  ScopedFastPdfCompression& operator=(const ScopedFastPdfCompression&) = delete;

 private:
  int previous_;
};

// True when `deflateInit_` as the dynamic linker resolves it (the one cairo calls) is ours.
bool PdfCompressionIsInterposed();

}  // namespace gongkai

#endif  // GONGKAI_RENDER_PDF_STREAM_COMPRESSION_H_
