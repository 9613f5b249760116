#include "render/pdf_stream_compression.h"

#include <dlfcn.h>
#include <zlib.h>

namespace gongkai {
namespace {

// The level that replaces Z_DEFAULT_COMPRESSION on this thread; Z_DEFAULT_COMPRESSION itself
// when no scope is active (zlib then applies its default, 6).
thread_local int g_default_level = Z_DEFAULT_COMPRESSION;

constexpr int kFastLevel = 1;     // Z_BEST_SPEED
constexpr int kZlibMemLevel = 8;  // zlib's DEF_MEM_LEVEL (not exported by zlib.h)

}  // namespace

ScopedFastPdfCompression::ScopedFastPdfCompression() : previous_(g_default_level) {
  g_default_level = kFastLevel;
}

ScopedFastPdfCompression::~ScopedFastPdfCompression() { g_default_level = previous_; }

}  // namespace gongkai

// zlib's deflateInit_ is `deflateInit2_(strm, level, Z_DEFLATED, MAX_WBITS, DEF_MEM_LEVEL,
// Z_DEFAULT_STRATEGY, version, stream_size)`; this one is the same but for the level.
extern "C" __attribute__((visibility("default"))) int deflateInit_(z_streamp strm, int level,
                                                                   const char* version,
                                                                   int stream_size) {
  if (level == Z_DEFAULT_COMPRESSION) level = gongkai::g_default_level;
  return deflateInit2_(strm, level, Z_DEFLATED, MAX_WBITS, gongkai::kZlibMemLevel,
                       Z_DEFAULT_STRATEGY, version, stream_size);
}

namespace gongkai {

bool PdfCompressionIsInterposed() {
  void* resolved = dlsym(RTLD_DEFAULT, "deflateInit_");
  return resolved == reinterpret_cast<void*>(&deflateInit_);
}

}  // namespace gongkai
