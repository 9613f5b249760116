#include "draw/pdf_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstring>

#include "draw/pdf_fonts.h"
#include "draw/pdf_glyph_batch.h"

namespace gongkai::pdf {

const char* SongFamily() { return PreparePdfFonts().song_family.c_str(); }
const char* HeiFamily() { return PreparePdfFonts().hei_family.c_str(); }

ShapedLine::~ShapedLine() {
  for (GSList* r = runs_; r; r = r->next) {
    auto* run = static_cast<PangoGlyphItem*>(r->data);
    pango_item_free(run->item);
    pango_glyph_string_free(run->glyphs);
    delete run;
  }
  g_slist_free(runs_);
}

void ShapedLine::Add(PangoItem* item, PangoGlyphString* glyphs) {
  runs_ = g_slist_prepend(runs_, new PangoGlyphItem{item, glyphs, 0, 0, 0});
}

const char* Text::Utf8() const {
  if (source) return source->Utf8();
  return shaped ? shaped->text().c_str() : pango_layout_get_text(layout.get());
}

GSList* Text::Runs(int line) const {
  if (source) return source->Runs(line);
  return shaped ? shaped->runs() : pango_layout_get_line_readonly(layout.get(), line)->runs;
}

void DrawTextLine(GlyphBatch* batch, const Text& t, size_t line, double x, double y, double gray) {
  const LineBox& box = t.lines[line];
  x += box.x - box.from;
  y += box.baseline;
  if (t.layout) {  // laid out by pango, drawn by pango if need be
    PangoLayout* layout = t.layout.get();
    batch->AddLine(layout, pango_layout_get_line_readonly(layout, box.line), x, y, gray);
  } else {  // shaped directly, or a slice of a line
    batch->AddRuns(t.Utf8(), t.Runs(box.line), x, y, gray, box.start, box.end);
  }
}

namespace {

bool IsNoncharacter(gunichar c) { return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE; }

}  // namespace

std::string_view Printable(std::string_view text, std::string* storage) {
  const auto length = static_cast<gssize>(text.size());
  bool clean = g_utf8_validate(text.data(), length, nullptr);
  for (const char* p = text.data(); clean && p < text.data() + text.size();
       p = g_utf8_next_char(p)) {
    clean = !IsNoncharacter(g_utf8_get_char(p));
  }
  if (clean) return text;
  gchar* valid = g_utf8_make_valid(text.data(), length);  // NULs become U+FFFD too
  storage->clear();
  for (const char* p = valid; *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    char utf8[6];
    storage->append(utf8,
                    static_cast<size_t>(g_unichar_to_utf8(IsNoncharacter(c) ? 0xFFFD : c, utf8)));
  }
  g_free(valid);
  return *storage;
}

Shaper::Shaper(Lines lines) : lines_(lines) {
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
  std::string printable;
  text = Printable(text, &printable);
  if (wrap != Wrap::kAlways && !attrs) {
    // The style's fields as bytes, then the text (formatting them was 1.5% of a PDF's time).
    struct StyleKey {
      int32_t face, size, align, justify;
      double line_spacing, indent;
    } fields{static_cast<int32_t>(style.face),
             Units(style.size),
             static_cast<int32_t>(style.align),
             style.justify,
             style.line_spacing,
             style.indent};
    static_assert(sizeof(StyleKey) == 32, "no padding: every byte of the key is set");
    std::string key(sizeof fields + text.size(), '\0');
    std::memcpy(key.data(), &fields, sizeof fields);
    std::memcpy(key.data() + sizeof fields, text.data(), text.size());
    auto [it, inserted] = shared_.try_emplace(std::move(key), nullptr);
    if (inserted) it->second = NewText(text, style, Wrap::kNone, 0, nullptr);
    return wrap == Wrap::kIfNeeded ? WrapAt(it->second, width) : it->second;
  }
  return NewText(text, style, wrap, width, attrs);
}

Text* Shaper::WrapAt(Text* t, double width, bool balanced, double em) {
  if (t->source) t = t->source;  // a slice is wrapped again from its whole line
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
  w.wrapped = true;
  w.wrap_width = target;
  w.align = t->align;
  if (t->sliceable) {
    Slice(*t, target, &w);
    return &w;
  }
  w.layout.reset(pango_layout_copy(t->layout.get()));
  pango_layout_set_width(w.layout.get(), Units(target));
  Measure(&w);
  return &w;
}

namespace {

// A cluster of a shaped line: the characters [start, end) of the text that its glyphs show.
struct Cluster {
  int start, end;
  int character;  // index of the first character in the layout's text
  double x, width;
};

std::vector<Cluster> ClustersOf(const char* text, GSList* runs) {
  std::vector<Cluster> clusters;
  double x = 0;
  int byte = 0, character = 0;  // a position in the text and its character index
  for (GSList* r = runs; r; r = r->next) {
    auto* run = static_cast<PangoGlyphItem*>(r->data);
    PangoGlyphItemIter iter;
    for (gboolean more = pango_glyph_item_iter_init_start(&iter, run, text); more;
         more = pango_glyph_item_iter_next_cluster(&iter)) {
      int width = 0;
      for (int i = iter.start_glyph; i < iter.end_glyph; ++i) {
        width += run->glyphs->glyphs[i].geometry.width;
      }
      character += static_cast<int>(g_utf8_pointer_to_offset(text + byte, text + iter.start_index));
      byte = iter.start_index;
      clusters.push_back(Cluster{iter.start_index, iter.end_index, character, x, Points(width)});
      x += Points(width);
    }
  }
  return clusters;
}

}  // namespace

// Greedy line filling, as pango does it: each line takes the most clusters that fit, ending
// at the last place where a line may break (else, when a word is wider than the line, the
// last place between characters; at least one cluster); spaces at the end of a line hang
// outside the width. (Pango lets only the last of several spaces hang, so where two or more
// spaces end a line it may break between them; cells seldom hold two spaces in a row.)
void Shaper::Slice(Text& t, double width, Text* out) {
  // Where lines may break: as the layout found, or found now for a line shaped directly.
  int n_attrs = 0;
  const PangoLogAttr* attrs = nullptr;
  std::vector<PangoLogAttr> found;
  if (t.layout) {
    attrs = pango_layout_get_log_attrs_readonly(t.layout.get(), &n_attrs);
  } else {
    const std::string& text = t.shaped->text();
    found.resize(static_cast<size_t>(g_utf8_strlen(text.data(), -1)) + 1);
    pango_get_log_attrs(text.data(), static_cast<int>(text.size()), -1,
                        pango_context_get_language(context_), found.data(),
                        static_cast<int>(found.size()));
    attrs = found.data();
    n_attrs = static_cast<int>(found.size());
  }
  auto attr = [&](int character) -> const PangoLogAttr& {
    return attrs[std::clamp(character, 0, n_attrs - 1)];
  };
  out->source = &t;
  double top = 0;
  for (size_t l = 0; l < t.lines.size(); ++l) {
    const LineBox& whole = t.lines[l];
    const double height = whole.bottom - whole.top;
    const std::vector<Cluster> clusters = ClustersOf(t.Utf8(), t.Runs(static_cast<int>(l)));
    size_t first = 0;
    do {  // one output line per pass; an empty source line gives one empty line
      size_t end = first, line_break = first, char_break = first;
      for (; end < clusters.size(); ++end) {
        const Cluster& c = clusters[end];
        if (end > first && attr(c.character).is_line_break) line_break = end;
        if (end > first && attr(c.character).is_char_break) char_break = end;
        bool overflows = c.x + c.width - clusters[first].x > width + 0.01;
        if (overflows && !attr(c.character).is_white) break;
      }
      if (end < clusters.size()) {
        end = line_break > first ? line_break : char_break > first ? char_break : first + 1;
      }
      size_t visible = end;  // without the spaces that hang at the end
      while (visible > first && attr(clusters[visible - 1].character).is_white) --visible;
      LineBox box;
      box.top = top;
      box.bottom = top + height;
      box.baseline = top + whole.baseline - whole.top;
      box.line = static_cast<int>(l);
      if (end > first) {
        box.from = clusters[first].x;
        box.start = clusters[first].start;
        box.end = clusters[end - 1].end;
        box.width =
            visible > first ? clusters[visible - 1].x + clusters[visible - 1].width - box.from : 0;
      } else {
        // An empty line: nothing to draw.
        box.start = box.end =
            t.layout
                ? pango_layout_get_line_readonly(t.layout.get(), static_cast<int>(l))->start_index
                : 0;
        box.width = 0;
      }
      box.x = t.align == PANGO_ALIGN_CENTER  ? (width - box.width) / 2
              : t.align == PANGO_ALIGN_RIGHT ? width - box.width
                                             : 0;
      out->lines.push_back(box);
      out->width = std::max(out->width, box.x + box.width);
      top += height;
      first = end;
    } while (first < clusters.size());
  }
  out->height = top;
}

Text* Shaper::NewText(std::string_view text, const Style& style, Wrap wrap, double width,
                      PangoAttrList* attrs) {
  Text& t = texts_.emplace_back();
  t.align = style.align;
  const bool plain = wrap == Wrap::kNone && !attrs && style.line_spacing == 0 &&
                     style.indent == 0 && !style.justify;
  if (plain && lines_ == Lines::kShapedDirectly && ShapeDirectly(text, style, &t)) return &t;
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
  t.sliceable = plain;
  for (int l = 0; t.sliceable && l < pango_layout_get_line_count(layout); ++l) {
    t.sliceable = GlyphBatch::Batchable(pango_layout_get_line_readonly(layout, l)->runs);
  }
  return &t;
}

// What pango_layout does for a one-line paragraph: itemize with the font, shape each item; the
// line's logical extent is the union of the runs'. Only for text that a layout would set on
// one line left to right and that GlyphBatch draws; false (and `t` unchanged) otherwise.
bool Shaper::ShapeDirectly(std::string_view text, const Style& style, Text* t) {
  if (text.empty() || text.size() > INT_MAX) return false;
  // pango_itemize needs valid UTF-8 (a layout replaces invalid bytes); no NUL either.
  if (!g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr)) return false;
  // Paragraph and line separators, and tabs (set at tab stops).
  if (text.find_first_of("\n\r\t") != std::string_view::npos ||
      text.find("\u2028") != std::string_view::npos ||
      text.find("\u2029") != std::string_view::npos) {
    return false;
  }
  auto line = std::make_unique<ShapedLine>(text);
  const char* utf8 = line->text().c_str();
  const int length = static_cast<int>(text.size());
  PangoAttrList* attrs = pango_attr_list_new();
  pango_attr_list_insert(attrs, pango_attr_font_desc_new(Font(style)));
  GList* items = pango_itemize(context_, utf8, 0, length, attrs, nullptr);
  pango_attr_list_unref(attrs);
  for (GList* i = items; i; i = i->next) {
    auto* item = static_cast<PangoItem*>(i->data);
    PangoGlyphString* glyphs = pango_glyph_string_new();
    pango_shape_with_flags(utf8 + item->offset, item->length, utf8, length, &item->analysis, glyphs,
                           PANGO_SHAPE_NONE);
    line->Add(item, glyphs);
  }
  g_list_free(items);
  line->Finish();
  bool ok = GlyphBatch::Batchable(line->runs());
  for (GSList* r = line->runs(); ok && r; r = r->next) {
    ok = (static_cast<PangoGlyphItem*>(r->data)->item->analysis.level & 1) == 0;
  }
  if (!ok) return false;
  int x = 0, top = 0, bottom = 0;
  for (GSList* r = line->runs(); r; r = r->next) {
    auto* run = static_cast<PangoGlyphItem*>(r->data);
    PangoRectangle logical;
    pango_glyph_string_extents(run->glyphs, run->item->analysis.font, nullptr, &logical);
    const bool first = r == line->runs();
    top = first ? logical.y : std::min(top, logical.y);
    bottom = first ? logical.y + logical.height : std::max(bottom, logical.y + logical.height);
    x += logical.width;
  }
  t->lines.push_back(LineBox{0, Points(bottom - top), Points(-top), 0, Points(x)});
  t->width = Points(x);
  t->height = Points(bottom - top);
  t->shaped = std::move(line);
  t->sliceable = true;
  return true;
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
    box.line = static_cast<int>(t->lines.size());
    widest = std::max(widest, box.x + box.width);
    t->lines.push_back(box);
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  t->width = widest;
  t->height = t->lines.back().bottom - t->lines.front().top;
}

}  // namespace gongkai::pdf
