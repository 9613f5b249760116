#include "render/pdf_text.h"

#include <fmt/format.h>

#include <algorithm>

#include "render/pdf_fonts.h"

namespace gongkai::pdf {

const char* SongFamily() { return PreparePdfFonts().song_family.c_str(); }
const char* HeiFamily() { return PreparePdfFonts().hei_family.c_str(); }

Shaper::Shaper() {
  PreparePdfFonts();  // registers the reduced fonts before pango first asks fontconfig
  // The default font map is per thread, so concurrent renders (render --jobs) are safe.
  context_ = pango_font_map_create_context(pango_cairo_font_map_get_default());
  // Unhinted metrics at 72 dpi: one pango point is one PDF point, and positions measured
  // here are exactly where cairo draws them.
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options(context_, options);
  cairo_font_options_destroy(options);
  pango_cairo_context_set_resolution(context_, 72);
  pango_context_set_round_glyph_positions(context_, FALSE);
  pango_context_set_language(context_, pango_language_from_string("zh-cn"));
}

Shaper::~Shaper() {
  for (auto& [key, font] : fonts_) pango_font_description_free(font);
  g_object_unref(context_);
}

Text* Shaper::Shape(std::string_view text, const Style& style, Wrap wrap, double width,
                    PangoAttrList* attrs) {
  if (wrap != Wrap::kAlways && !attrs) {
    std::string key = fmt::format("{}|{}|{}|{}|{}|{}|{}", static_cast<int>(style.face),
                                  Units(style.size), style.line_spacing,
                                  static_cast<int>(style.align), style.justify, style.indent, text);
    auto [it, inserted] = shared_.try_emplace(std::move(key), nullptr);
    if (inserted) it->second = NewText(text, style, Wrap::kNone, 0, nullptr);
    return wrap == Wrap::kIfNeeded ? WrapAt(it->second, width) : it->second;
  }
  return NewText(text, style, wrap, width, attrs);
}

Text* Shaper::WrapAt(Text* t, double width, bool balanced, double em) {
  if (t->width <= width + 0.01) return t;
  double target = width;
  double per_line = balanced && em > 0 ? std::floor(width / em + 0.01) : 0;
  if (per_line >= 1) {
    double chars = t->width / em;
    double lines = std::ceil(chars / per_line - 0.01);
    target = std::min(width, (std::ceil(chars / lines - 0.01) + 0.25) * em);
  }
  // Forms repeat the same labels at the same column widths: each wrapping is made once.
  auto [it, inserted] = wrapped_.try_emplace(std::make_pair(t, Units(target)), nullptr);
  if (!inserted) return it->second;
  Text& w = texts_.emplace_back();
  it->second = &w;
  w.layout.reset(pango_layout_copy(t->layout.get()));
  pango_layout_set_width(w.layout.get(), Units(target));
  w.wrapped = true;
  w.wrap_width = target;
  Measure(&w);
  return &w;
}

Text* Shaper::NewText(std::string_view text, const Style& style, Wrap wrap, double width,
                      PangoAttrList* attrs) {
  Text& t = texts_.emplace_back();
  PangoLayout* layout = pango_layout_new(context_);
  t.layout.reset(layout);
  pango_layout_set_font_description(layout, Font(style));
  if (style.line_spacing > 0) pango_layout_set_line_spacing(layout, style.line_spacing);
  pango_layout_set_alignment(layout, style.align);
  pango_layout_set_justify(layout, style.justify);
  if (style.indent != 0) pango_layout_set_indent(layout, Units(style.indent));
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  if (attrs) pango_layout_set_attributes(layout, attrs);
  if (wrap == Wrap::kAlways) pango_layout_set_width(layout, Units(width));
  pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
  t.wrapped = wrap == Wrap::kAlways;
  t.wrap_width = t.wrapped ? width : 0;
  Measure(&t);
  return &t;
}

PangoFontDescription* Shaper::Font(const Style& style) {
  auto key = std::make_pair(style.face, Units(style.size));
  auto it = fonts_.find(key);
  if (it != fonts_.end()) return it->second;
  PangoFontDescription* font = pango_font_description_new();
  // Noto CJK SC first; the generic family lets fontconfig substitute if it is missing.
  bool hei = style.face == Face::kHei;
  pango_font_description_set_family(font, hei ? HeiFamily() : SongFamily());
  pango_font_description_set_weight(font, hei ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size(font, Units(style.size));
  fonts_.emplace(key, font);
  return font;
}

void Shaper::Measure(Text* t) {
  t->lines.clear();
  PangoLayoutIter* it = pango_layout_get_iter(t->layout.get());
  double widest = 0;
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, nullptr, &logical);
    LineBox box{Points(logical.y), Points(logical.y + logical.height),
                Points(pango_layout_iter_get_baseline(it)), Points(logical.x),
                Points(logical.width)};
    widest = std::max(widest, box.x + box.width);
    t->lines.push_back(box);
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  t->width = widest;
  t->height = t->lines.back().bottom - t->lines.front().top;
}

}  // namespace gongkai::pdf
