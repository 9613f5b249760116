#include "render/compression_level.h"

#include <dlfcn.h>
#include <zlib.h>

namespace gongkai {
namespace {

// The level that replaces Z_DEFAULT_COMPRESSION on this thread; zlib's own default (level 6)
// when no scope is active.
thread_local int g_level = Z_DEFAULT_COMPRESSION;

constexpr int kZlibMemLevel = 8;  // zlib's DEF_MEM_LEVEL (not exported by zlib.h)

void Set(Compressing what) {
  g_level = what == Compressing::kPdfFonts ? Z_NO_COMPRESSION : Z_BEST_SPEED;
}

using DeflateInit2 = int (*)(z_streamp, int, int, int, int, int, const char*, int);

// libz's own deflateInit2_, the next definition after ours in the lookup order.
DeflateInit2 ZlibDeflateInit2() {
  static const DeflateInit2 zlib =
      reinterpret_cast<DeflateInit2>(dlsym(RTLD_NEXT, "deflateInit2_"));
  return zlib;
}

}  // namespace

ScopedCompressionLevel::ScopedCompressionLevel(Compressing what) : previous_level_(g_level) {
  Set(what);
}

ScopedCompressionLevel::~ScopedCompressionLevel() { g_level = previous_level_; }

void ScopedCompressionLevel::Switch(Compressing what) { Set(what); }

}  // namespace gongkai

extern "C" __attribute__((visibility("default"))) int deflateInit2_(z_streamp strm, int level,
                                                                    int method, int window_bits,
                                                                    int mem_level, int strategy,
                                                                    const char* version,
                                                                    int stream_size) {
  if (level == Z_DEFAULT_COMPRESSION) level = gongkai::g_level;
  gongkai::DeflateInit2 zlib = gongkai::ZlibDeflateInit2();
  if (!zlib) return Z_VERSION_ERROR;  // no libz after us: cannot happen when linked with -lz
  return zlib(strm, level, method, window_bits, mem_level, strategy, version, stream_size);
}

// zlib's deflateInit_ is deflateInit2_ with its defaults for everything but the level.
extern "C" __attribute__((visibility("default"))) int deflateInit_(z_streamp strm, int level,
                                                                   const char* version,
                                                                   int stream_size) {
  return deflateInit2_(strm, level, Z_DEFLATED, MAX_WBITS, gongkai::kZlibMemLevel,
                       Z_DEFAULT_STRATEGY, version, stream_size);
}

namespace gongkai {

bool CompressionLevelIsInterposed() {
  return dlsym(RTLD_DEFAULT, "deflateInit_") == reinterpret_cast<void*>(&deflateInit_) &&
         dlsym(RTLD_DEFAULT, "deflateInit2_") == reinterpret_cast<void*>(&deflateInit2_) &&
         ZlibDeflateInit2() != nullptr;
}

}  // namespace gongkai
