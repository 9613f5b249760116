// The two typefaces of the PDF, 宋体 (Noto Serif CJK SC Regular) and 黑体 (Noto Sans CJK SC
// Bold), as fonts that cairo can embed quickly.
//
// Why: fonts-noto-cjk ships each face inside a Pan-CJK collection whose glyph table (CFF)
// holds 65,535 glyphs in about 20 MB. cairo 1.16 copies and parses that whole table twice
// per face for every PDF it writes (to see whether the font is CID-keyed, then to subset it):
// about 6 ms per face per document, a quarter of the time of a typical department's PDF. So
// once per process gongkai makes a reduced copy of each face holding the characters of GB 2312
// (all 6,763 hanzi and its symbols) plus ASCII and common punctuation, about 7,500 glyphs in
// 3–4 MB, with HarfBuzz's subsetter (libharfbuzz-subset, the library that makes web-font
// subsets), renamed to its own family ("gongkai Song", "gongkai Hei") so that fontconfig
// never confuses it with the original, and registers it with fontconfig as an application
// font. The copies leave out the fonts' hints (stem hints, which help rasterisers only at low
// resolution: poppler draws the pages pixel for pixel the same without them): they were a
// sixth of the bytes that cairo copies and parses, and 8% of a PDF. The copies are cached on disk
// ($GONGKAI_FONT_CACHE, else $XDG_CACHE_HOME/gongkai/fonts, else ~/.cache/gongkai/fonts, else a
// temporary directory), keyed by the source font's path, size and time, so making them (about 0.3
// s) happens once per machine; copies made by another version are removed.
//
// Nothing is lost: the family lists put the full Noto face second, so a character outside the
// reduced copy (a rare hanzi in a name) is drawn from the full font, which cairo then embeds as
// well. If the Noto fonts are missing or a step fails, the lists simply start with the full
// faces (or whatever fontconfig substitutes), as before. The glyphs, metrics and layout
// features are those of the original font, so documents look the same either way.
#ifndef GONGKAI_DRAW_PDF_FONTS_H_
#define GONGKAI_DRAW_PDF_FONTS_H_

#include <string>

namespace gongkai {

struct PdfFonts {
  std::string song_family;  // pango family list for 宋体 text, e.g. "gongkai Song,Noto Serif…"
  std::string hei_family;   // the same for 黑体 (bold) headings
  bool reduced = false;     // the reduced copies are in use
  bool noto_missing = false;  // fonts-noto-cjk is not installed: Chinese may not display
  std::string note;           // why the copies are not in use, when they are not
};

// Prepares the fonts on first call (thread-safe) and returns the families to use.
const PdfFonts& PreparePdfFonts();

}  // namespace gongkai

#endif  // GONGKAI_DRAW_PDF_FONTS_H_
