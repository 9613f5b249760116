#include "render/pdf_stream_compression.h"

#include <dlfcn.h>
#include <zlib.h>

namespace gongkai {
namespace {

// The level and strategy that replace Z_DEFAULT_COMPRESSION on this thread; zlib's own
// defaults (level 6) when no scope is active.
thread_local int g_level = Z_DEFAULT_COMPRESSION;
thread_local int g_strategy = Z_DEFAULT_STRATEGY;

constexpr int kZlibMemLevel = 8;  // zlib's DEF_MEM_LEVEL (not exported by zlib.h)

void Set(PdfStreams streams) {
  switch (streams) {
    case PdfStreams::kPageContents:
      g_level = Z_BEST_SPEED;
      g_strategy = Z_DEFAULT_STRATEGY;
      break;
    case PdfStreams::kFonts:
      g_level = Z_BEST_SPEED;
      g_strategy = Z_HUFFMAN_ONLY;
      break;
  }
}

}  // namespace

ScopedPdfCompression::ScopedPdfCompression(PdfStreams streams)
    : previous_level_(g_level), previous_strategy_(g_strategy) {
  Set(streams);
}

ScopedPdfCompression::~ScopedPdfCompression() {
  g_level = previous_level_;
  g_strategy = previous_strategy_;
}

void ScopedPdfCompression::Switch(PdfStreams streams) { Set(streams); }

}  // namespace gongkai

// zlib's deflateInit_ is `deflateInit2_(strm, level, Z_DEFLATED, MAX_WBITS, DEF_MEM_LEVEL,
// Z_DEFAULT_STRATEGY, version, stream_size)`; this one is the same unless a scope is active
// and the default level is asked for.
extern "C" __attribute__((visibility("default"))) int deflateInit_(z_streamp strm, int level,
                                                                   const char* version,
                                                                   int stream_size) {
  int strategy = Z_DEFAULT_STRATEGY;
  if (level == Z_DEFAULT_COMPRESSION) {
    level = gongkai::g_level;
    strategy = gongkai::g_strategy;
  }
  return deflateInit2_(strm, level, Z_DEFLATED, MAX_WBITS, gongkai::kZlibMemLevel, strategy,
                       version, stream_size);
}

namespace gongkai {

bool PdfCompressionIsInterposed() {
  void* resolved = dlsym(RTLD_DEFAULT, "deflateInit_");
  return resolved == reinterpret_cast<void*>(&deflateInit_);
}

}  // namespace gongkai
