#include "draw/pdf_fonts.h"

#include <fmt/format.h>
#include <fontconfig/fontconfig.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <iconv.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <string_view>
#include <system_error>
#include <vector>

namespace gongkai {
namespace {

namespace fs = std::filesystem;

// Bump when the repertoire or the making of the copies changes: the cache key includes it.
constexpr int kReducedFontVersion = 3;

struct FontFile {
  std::string path;
  int index = 0;
};

// The file of `family` at `weight` as fontconfig resolves it, if that is really the family
// asked for (fontconfig substitutes silently otherwise).
std::optional<FontFile> FindFace(const char* family, int weight) {
  FcPattern* pattern = FcPatternCreate();
  FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family));
  FcPatternAddInteger(pattern, FC_WEIGHT, weight);
  FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result = FcResultNoMatch;
  FcPattern* match = FcFontMatch(nullptr, pattern, &result);
  FcPatternDestroy(pattern);
  if (!match) return std::nullopt;
  std::optional<FontFile> found;
  FcChar8* file = nullptr;
  FcChar8* matched_family = nullptr;
  int index = 0, matched_weight = 0;
  bool same_family = false;
  for (int i = 0; FcPatternGetString(match, FC_FAMILY, i, &matched_family) == FcResultMatch; ++i) {
    if (std::string_view(reinterpret_cast<const char*>(matched_family)) == family)
      same_family = true;
  }
  if (same_family && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
      FcPatternGetInteger(match, FC_INDEX, 0, &index) == FcResultMatch &&
      FcPatternGetInteger(match, FC_WEIGHT, 0, &matched_weight) == FcResultMatch &&
      matched_weight == weight) {
    found = FontFile{reinterpret_cast<const char*>(file), index & 0xFFFF};
  }
  FcPatternDestroy(match);
  return found;
}

// The characters of the reduced copies: GB 2312 (converted with iconv, so no table is kept
// here), ASCII, Latin-1 signs, general punctuation, CJK symbols and punctuation, enclosed
// numbers and fullwidth forms.
std::vector<uint32_t> Repertoire() {
  std::vector<uint32_t> out;
  for (uint32_t c = 0x20; c < 0x7F; ++c) out.push_back(c);
  for (auto [from, to] : {std::pair<uint32_t, uint32_t>{0xA0, 0xFF},
                          {0x2000, 0x206F},
                          {0x2100, 0x214F},
                          {0x2190, 0x21FF},
                          {0x2460, 0x24FF},
                          {0x3000, 0x303F},
                          {0xFF00, 0xFFEF}}) {
    for (uint32_t c = from; c <= to; ++c) out.push_back(c);
  }
  iconv_t cd = iconv_open("UTF-32LE", "GB2312");
  if (cd == reinterpret_cast<iconv_t>(-1)) return out;
  for (int row = 0xA1; row <= 0xF7; ++row) {
    for (int cell = 0xA1; cell <= 0xFE; ++cell) {
      char in[2] = {static_cast<char>(row), static_cast<char>(cell)};
      unsigned char buf[4];
      char* in_p = in;
      char* out_p = reinterpret_cast<char*>(buf);
      size_t in_left = 2, out_left = 4;
      if (iconv(cd, &in_p, &in_left, &out_p, &out_left) != static_cast<size_t>(-1) &&
          out_left == 0) {
        out.push_back(buf[0] | buf[1] << 8 | buf[2] << 16 | static_cast<uint32_t>(buf[3]) << 24);
      }
      iconv(cd, nullptr, nullptr, nullptr, nullptr);  // reset after an invalid code
    }
  }
  iconv_close(cd);
  return out;
}

fs::path CacheDir() {
  if (const char* dir = std::getenv("GONGKAI_FONT_CACHE"); dir && *dir) return dir;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
    return fs::path(xdg) / "gongkai" / "fonts";
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return fs::path(home) / ".cache" / "gongkai" / "fonts";
  }
  return fs::temp_directory_path() / "gongkai-fonts";
}

std::string Utf16Be(std::u16string_view s) {
  std::string out;
  for (char16_t c : s) {
    out.push_back(static_cast<char>(c >> 8));
    out.push_back(static_cast<char>(c & 0xFF));
  }
  return out;
}

std::u16string Ascii16(std::string_view s) { return std::u16string(s.begin(), s.end()); }

// A name string of `face` (English, else the first language), or empty.
std::u16string NameOf(hb_face_t* face, hb_ot_name_id_t id) {
  for (hb_language_t language : {hb_language_from_string("en", -1), HB_LANGUAGE_INVALID}) {
    unsigned int size = hb_ot_name_get_utf16(face, id, language, nullptr, nullptr) + 1;
    if (size == 1) continue;
    std::vector<uint16_t> buffer(size);
    hb_ot_name_get_utf16(face, id, language, &size, buffer.data());
    return std::u16string(buffer.begin(), buffer.begin() + size);
  }
  return {};
}

void PutU16(std::string* out, uint16_t v) {
  out->push_back(static_cast<char>(v >> 8));
  out->push_back(static_cast<char>(v & 0xFF));
}

// An OpenType 'name' table (format 0, Windows Unicode English records) naming the copy
// `family`/`style`, keeping the original's copyright, PostScript name and licence texts
// (SIL Open Font License: the copy carries its notice and licence).
std::string NameTable(hb_face_t* original, std::string_view family, std::string_view style) {
  std::vector<std::pair<uint16_t, std::u16string>> names;
  auto keep = [&](uint16_t id) {
    std::u16string text = NameOf(original, id);
    if (!text.empty()) names.emplace_back(id, std::move(text));
  };
  keep(0);  // copyright
  names.emplace_back(1, Ascii16(family));
  names.emplace_back(2, Ascii16(style));
  names.emplace_back(4, Ascii16(fmt::format("{} {}", family, style)));
  keep(6);   // PostScript name: PDFs keep naming the embedded font as Noto
  keep(13);  // licence
  keep(14);  // licence URL
  std::string header, strings;
  PutU16(&header, 0);
  PutU16(&header, static_cast<uint16_t>(names.size()));
  PutU16(&header, static_cast<uint16_t>(6 + 12 * names.size()));
  for (const auto& [id, text] : names) {  // ids ascending, as the format requires
    std::string bytes = Utf16Be(text);
    PutU16(&header, 3);       // platform: Windows
    PutU16(&header, 1);       // encoding: Unicode BMP
    PutU16(&header, 0x0409);  // language: English
    PutU16(&header, id);
    PutU16(&header, static_cast<uint16_t>(bytes.size()));
    PutU16(&header, static_cast<uint16_t>(strings.size()));
    strings += bytes;
  }
  return header + strings;
}

struct Blob {
  hb_blob_t* blob;
  ~Blob() { hb_blob_destroy(blob); }
};
struct Face {
  hb_face_t* face;
  ~Face() { hb_face_destroy(face); }
};

// Writes the reduced, renamed copy of `source` to `target`. Returns an error text on failure.
std::string MakeReducedCopy(const FontFile& source, std::string_view family, std::string_view style,
                            const fs::path& target) {
  Blob file{hb_blob_create_from_file_or_fail(source.path.c_str())};
  if (!file.blob) return "无法读取 " + source.path;
  Face original{hb_face_create(file.blob, static_cast<unsigned>(source.index))};
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  if (!input) return "内存不足";
  // Without hints (see pdf_fonts.h).
  hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
  hb_set_t* unicodes = hb_subset_input_unicode_set(input);
  for (uint32_t c : Repertoire()) hb_set_add(unicodes, c);
  Face subset{hb_subset_or_fail(original.face, input)};
  hb_subset_input_destroy(input);
  if (!subset.face) return "HarfBuzz 无法精简 " + source.path;
  // Serialise the subset, read it back as a face, and rebuild it with the new 'name' table.
  Blob subset_bytes{hb_face_reference_blob(subset.face)};
  Face reread{hb_face_create(subset_bytes.blob, 0)};
  Face builder{hb_face_builder_create()};
  hb_tag_t tags[64];
  unsigned int count = 64;
  hb_face_get_table_tags(reread.face, 0, &count, tags);
  const hb_tag_t name_tag = HB_TAG('n', 'a', 'm', 'e');
  for (unsigned int i = 0; i < count; ++i) {
    if (tags[i] == name_tag) continue;
    Blob table{hb_face_reference_table(reread.face, tags[i])};
    hb_face_builder_add_table(builder.face, tags[i], table.blob);
  }
  // HarfBuzz 6 drops the BASE table (baselines per script, no glyph references in Noto CJK),
  // which pango uses to align runs of the two faces on one line: copied as it is.
  const hb_tag_t base_tag = HB_TAG('B', 'A', 'S', 'E');
  Blob base{hb_face_reference_table(original.face, base_tag)};
  Blob base_in_subset{hb_face_reference_table(reread.face, base_tag)};
  if (hb_blob_get_length(base.blob) > 0 && hb_blob_get_length(base_in_subset.blob) == 0) {
    hb_face_builder_add_table(builder.face, base_tag, base.blob);
  }
  std::string name = NameTable(original.face, family, style);
  Blob name_blob{hb_blob_create(name.data(), static_cast<unsigned>(name.size()),
                                HB_MEMORY_MODE_DUPLICATE, nullptr, nullptr)};
  hb_face_builder_add_table(builder.face, name_tag, name_blob.blob);
  Blob font{hb_face_reference_blob(builder.face)};
  unsigned int length = 0;
  const char* data = hb_blob_get_data(font.blob, &length);
  if (length == 0) return "HarfBuzz 生成了空字体";
  // Written beside the target and renamed into place, so that concurrent processes never
  // see half a file.
  fs::path temporary = target;
  temporary += fmt::format(".{}.tmp", getpid());
  {
    std::ofstream out(temporary, std::ios::binary);
    out.write(data, length);
    out.close();  // flushes: a full disk shows here, before the file is renamed into place
    if (!out) {
      std::error_code ignored;
      fs::remove(temporary, ignored);
      return "无法写入 " + temporary.string();
    }
  }
  std::error_code ec;
  fs::rename(temporary, target, ec);
  if (ec) {
    fs::remove(temporary, ec);
    return "无法写入 " + target.string();
  }
  return "";
}

// The reduced copy of `source` as `family`, made if not cached; registered with fontconfig.
std::string Register(const FontFile& source, std::string_view family, std::string_view style) {
  std::error_code ec;
  auto size = fs::file_size(source.path, ec);
  auto time = fs::last_write_time(source.path, ec);
  if (ec) return "无法读取 " + source.path;
  size_t key = std::hash<std::string>{}(fmt::format("{}|{}|{}|{}|{}|{}", kReducedFontVersion,
                                                    source.path, source.index, size,
                                                    time.time_since_epoch().count(), family));
  fs::path dir = CacheDir();
  fs::create_directories(dir, ec);
  if (ec) {
    dir = fs::temp_directory_path(ec) / "gongkai-fonts";
    fs::create_directories(dir, ec);
    if (ec) return "没有可写的字体缓存目录";
  }
  std::string stem(family);
  for (char& c : stem) c = c == ' ' ? '-' : c;
  fs::path target = dir / fmt::format("{}-{:016x}.otf", stem, key);
  auto add = [&] {
    return FcConfigAppFontAddFile(nullptr, reinterpret_cast<const FcChar8*>(target.c_str()));
  };
  if (fs::exists(target)) {
    if (add()) return "";
    fs::remove(target, ec);  // a damaged cache file: made again below
  }
  std::string error = MakeReducedCopy(source, family, style, target);
  if (!error.empty()) return error;
  if (!add()) return "fontconfig 不接受 " + target.string();
  // Copies made by earlier versions (or from an updated source font) are not used again.
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.path() != target && name.starts_with(stem + "-") && name.ends_with(".otf")) {
      fs::remove(entry.path(), ec);
    }
  }
  return "";
}

PdfFonts Prepare() {
  constexpr const char* kSong = "Noto Serif CJK SC";
  constexpr const char* kHei = "Noto Sans CJK SC";
  PdfFonts fonts;
  // Fallbacks: the full faces, then whatever fontconfig has for the generic families.
  fonts.song_family = fmt::format("{},serif", kSong);
  fonts.hei_family = fmt::format("{},sans", kHei);
  if (const char* off = std::getenv("GONGKAI_FULL_FONTS"); off && *off) {
    fonts.note = "设置了 GONGKAI_FULL_FONTS";
    return fonts;
  }
  std::optional<FontFile> song = FindFace(kSong, FC_WEIGHT_REGULAR);
  std::optional<FontFile> hei = FindFace(kHei, FC_WEIGHT_BOLD);
  if (!song || !hei) {
    fonts.noto_missing = true;
    fonts.note = "未找到 Noto Serif CJK SC / Noto Sans CJK SC 字体（Debian 软件包 fonts-noto-cjk）";
    return fonts;
  }
  std::string error = Register(*song, "gongkai Song", "Regular");
  if (error.empty()) error = Register(*hei, "gongkai Hei", "Bold");
  if (!error.empty()) {
    fonts.note = error;
    return fonts;
  }
  fonts.song_family = "gongkai Song," + fonts.song_family;
  fonts.hei_family = "gongkai Hei," + fonts.hei_family;
  fonts.reduced = true;
  return fonts;
}

}  // namespace

const PdfFonts& PreparePdfFonts() {
  static const PdfFonts fonts = Prepare();
  return fonts;
}

}  // namespace gongkai
