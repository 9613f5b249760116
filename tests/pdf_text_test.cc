// The PDF's text layout (src/render/pdf_text.h): a line shaped directly must be what a pango
// layout makes of it, glyph for glyph; wrapping a shaped line by slicing it must break where
// pango itself breaks the same text at the same width, and draw every character.
#include "draw/pdf_text.h"

#include <gtest/gtest.h>

#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "disclosure/disclosure.h"
#include "draw/pdf_glyph_batch.h"
#include "source/source_loader.h"
#include "test_support.h"

namespace gongkai::pdf {
namespace {

struct Break {
  int start;
  double width;
};

// Where pango breaks `text` at `width` (its own line breaking, on a copy of its layout).
std::vector<Break> PangoBreaks(const std::string& text, const Style& style, double width) {
  Shaper pango(Shaper::Lines::kPangoLayouts);
  const Text* t = pango.Shape(text, style);
  EXPECT_TRUE(t->layout);
  PangoLayout* layout = pango_layout_copy(t->layout.get());
  pango_layout_set_width(layout, Units(width));
  std::vector<Break> breaks;
  for (GSList* l = pango_layout_get_lines_readonly(layout); l; l = l->next) {
    auto* line = static_cast<PangoLayoutLine*>(l->data);
    PangoRectangle logical;
    pango_layout_line_get_extents(line, nullptr, &logical);
    breaks.push_back({line->start_index, Points(logical.width)});
  }
  g_object_unref(layout);
  return breaks;
}

const Style kCell{Face::kSong, 9.5, 0, PANGO_ALIGN_LEFT, false, 0};

// Every text of the examples' tables, and some that test the edges: fallback fonts (堃 is not
// in the reduced fonts; Arabic is right to left), spaces, several lines.
std::set<std::string> Texts() {
  std::set<std::string> texts{"堃",         "测试堃局 2023", "السلام عليكم", "a\nb",     "甲\t乙",
                              " 前后空格 ", "①②③",           "–—…·",         "＋－×÷＝", "e\u0301"};
  for (const char* file : {"xinzhou-gov-office-2023.yaml", "dongxihu-finance-2023.yaml"}) {
    Department d = LoadSource(testing::ExamplePath(file), testing::Catalogs());
    Document doc = BuildDisclosure(d, Templates::Load(testing::DataDir(), d.kind, d.year));
    for (const auto& t : doc.tables) {
      texts.insert(t.title);
      for (const auto& row : t.header) {
        for (const auto& c : row) texts.insert(c.Display());
      }
      for (const auto& row : t.rows) {
        for (const auto& c : row.cells) texts.insert(c.Display());
      }
    }
  }
  return texts;
}

void ExpectSameLine(const Text& direct, const Text& laid_out, const std::string& text) {
  ASSERT_EQ(direct.lines.size(), laid_out.lines.size()) << text;
  EXPECT_DOUBLE_EQ(direct.width, laid_out.width) << text;
  EXPECT_DOUBLE_EQ(direct.height, laid_out.height) << text;
  for (size_t l = 0; l < direct.lines.size(); ++l) {
    const LineBox& a = direct.lines[l];
    const LineBox& b = laid_out.lines[l];
    EXPECT_EQ(std::vector<double>({a.top, a.bottom, a.baseline, a.x, a.width}),
              std::vector<double>({b.top, b.bottom, b.baseline, b.x, b.width}))
        << text;
    GSList* ra = direct.Runs(static_cast<int>(l));
    GSList* rb = laid_out.Runs(static_cast<int>(l));
    for (; ra && rb; ra = ra->next, rb = rb->next) {
      auto* x = static_cast<PangoGlyphItem*>(ra->data);
      auto* y = static_cast<PangoGlyphItem*>(rb->data);
      EXPECT_EQ(x->item->offset, y->item->offset) << text;
      EXPECT_EQ(x->item->length, y->item->length) << text;
      EXPECT_EQ(x->item->analysis.font, y->item->analysis.font) << text;
      ASSERT_EQ(x->glyphs->num_glyphs, y->glyphs->num_glyphs) << text;
      for (int g = 0; g < x->glyphs->num_glyphs; ++g) {
        const PangoGlyphInfo& p = x->glyphs->glyphs[g];
        const PangoGlyphInfo& q = y->glyphs->glyphs[g];
        EXPECT_EQ(
            std::vector<int>({static_cast<int>(p.glyph), p.geometry.width, p.geometry.x_offset,
                              p.geometry.y_offset, x->glyphs->log_clusters[g]}),
            std::vector<int>({static_cast<int>(q.glyph), q.geometry.width, q.geometry.x_offset,
                              q.geometry.y_offset, y->glyphs->log_clusters[g]}))
            << text << " glyph " << g;
      }
    }
    EXPECT_EQ(ra, nullptr) << text;
    EXPECT_EQ(rb, nullptr) << text;
  }
}

TEST(ShapeDirectly, IsWhatAPangoLayoutMakesOfTheLine) {
  Shaper direct, pango(Shaper::Lines::kPangoLayouts);
  const std::set<std::string> texts = Texts();
  ASSERT_GT(texts.size(), 300u);
  std::set<std::string> laid_out, expected;
  for (const Style& style : {kCell, Style{Face::kHei, 9.5, 0, PANGO_ALIGN_CENTER, false, 0},
                             Style{Face::kSong, 10.5, 0, PANGO_ALIGN_RIGHT, false, 0}}) {
    for (const std::string& text : texts) {
      const Text* a = direct.Shape(text, style);
      const Text* b = pango.Shape(text, style);
      ASSERT_FALSE(b->shaped);
      if (!a->shaped) laid_out.insert(text);
      ExpectSameLine(*a, *b, text);
      // Shaped directly: all but the empty text, those of several lines or with tabs, and what
      // GlyphBatch leaves to pango (right to left; characters no installed font has).
      bool batchable = b->lines.size() == 1 && GlyphBatch::Batchable(b->Runs(0));
      for (GSList* r = b->Runs(0); r; r = r->next) {
        batchable = batchable && !(static_cast<PangoGlyphItem*>(r->data)->item->analysis.level & 1);
      }
      if (text.empty() || text.find_first_of("\n\t") != std::string::npos || !batchable) {
        expected.insert(text);
      }
    }
  }
  EXPECT_EQ(laid_out, expected);
  EXPECT_TRUE(expected.count("السلام عليكم"));
}

// What a layout would set differently is left to pango: several lines, tabs, right to left.
TEST(ShapeDirectly, LeavesToPangoWhatItSetsOtherwise) {
  Shaper shaper;
  for (const char* text : {"a\nb", "甲\t乙", "السلام", "一\u2028二"}) {
    const Text* t = shaper.Shape(text, kCell);
    EXPECT_FALSE(t->shaped) << text;
    EXPECT_TRUE(t->layout) << text;
  }
  EXPECT_TRUE(shaper.Shape("一般公共服务支出", kCell)->shaped);
}

// Bytes that are not UTF-8 (a Document not made from a checked source) and noncharacters are
// drawn as U+FFFD rather than making cairo refuse the whole PDF.
TEST(ShapeDirectly, BytesThatAreNotUtf8AreReplaced) {
  Shaper shaper;
  const Text* t = shaper.Shape(std::string("合\xff计\0尾", 11), kCell);
  EXPECT_STREQ(t->Utf8(), "合\uFFFD计\uFFFD尾");
  EXPECT_TRUE(t->shaped);
  // Noncharacters are valid UTF-8, but cairo refuses them.
  t = shaper.Shape("甲\U0003FFFF乙\uFDD0\tx", kCell);
  EXPECT_STREQ(t->Utf8(), "甲\uFFFD乙\uFFFD\tx");
  std::string storage;
  EXPECT_EQ(Printable("合计 1.00", &storage), "合计 1.00");
  EXPECT_TRUE(storage.empty());
}

struct Case {
  std::string text;
  std::vector<double> widths;
};

void PrintTo(const Case& c, std::ostream* out) { *out << c.text; }

class SliceTest : public ::testing::TestWithParam<Case> {};

TEST_P(SliceTest, BreaksWherePangoBreaks) {
  Shaper shaper;
  const std::string& source = GetParam().text;
  Text* one = shaper.Shape(source, kCell);
  ASSERT_TRUE(one->sliceable);
  for (double width : GetParam().widths) {
    ASSERT_GT(one->width, width);
    SCOPED_TRACE(width);
    Text* wrapped = shaper.WrapAt(one, width);
    EXPECT_EQ(wrapped->source, one);  // sliced, not laid out again
    std::vector<Break> expected = PangoBreaks(source, kCell, width);
    ASSERT_EQ(wrapped->lines.size(), expected.size());
    std::string text;
    for (size_t i = 0; i < expected.size(); ++i) {
      const LineBox& box = wrapped->lines[i];
      EXPECT_EQ(box.start, expected[i].start) << "line " << i;
      EXPECT_NEAR(box.width, expected[i].width, 0.05) << "line " << i;
      EXPECT_NEAR(box.top, i * (one->lines[0].bottom - one->lines[0].top), 1e-9);
      text +=
          source.substr(static_cast<size_t>(box.start), static_cast<size_t>(box.end - box.start));
    }
    EXPECT_EQ(text, source);  // the slices cover every byte, once and in order
  }
}

const std::vector<double> kAnyWidth{20, 38, 47.5, 60, 95, 150};

INSTANTIATE_TEST_SUITE_P(
    Texts, SliceTest,
    ::testing::Values(
        Case{"一般公共服务支出（政府办公厅（室）及相关机构事务）", kAnyWidth},
        Case{"完成全年公文处理、会议组织，确保政务运转高效。督查督办事项办结率达到95%以上。",
             kAnyWidth},
        Case{"12,345,678.90", {20, 38, 47.5}}, Case{"2010101 行政运行", {20, 38}},
        Case{"指标值：≥98%（满意度）", {20, 38, 47.5, 60}},
        // Latin words only where they fit on a line (see the next test).
        Case{"IT运维服务费 and office supplies for 2023", {47.5, 60, 95, 150}}));

// pango hyphenates a Latin word that it breaks between characters ("of-" "fice"); slices
// break it without one: in these tables such a word is a code or an amount, where a hyphen
// would read as part of it.
TEST(Slice, WordWiderThanTheLineBreaksBetweenCharactersWithoutAHyphen) {
  Shaper shaper;
  Text* one = shaper.Shape("office supplies", kCell);
  Text* wrapped = shaper.WrapAt(one, 20);
  std::vector<std::string> lines;
  for (const LineBox& box : wrapped->lines) {
    EXPECT_LE(box.width, 20.01);
    lines.push_back(
        std::string("office supplies")
            .substr(static_cast<size_t>(box.start), static_cast<size_t>(box.end - box.start)));
  }
  EXPECT_EQ(lines, (std::vector<std::string>{"offi", "ce ", "sup", "plie", "s"}));
}

// A slice wrapped again is wrapped from its whole line (it has no layout of its own).
TEST(Slice, WrappingASliceAgainStartsFromTheWholeLine) {
  Shaper shaper;
  Text* one = shaper.Shape("一般公共服务支出（政府办公厅（室）及相关机构事务）", kCell);
  Text* at40 = shaper.WrapAt(one, 40);
  ASSERT_EQ(at40->source, one);
  Text* at20 = shaper.WrapAt(at40, 20);
  EXPECT_EQ(at20, shaper.WrapAt(one, 20));
  EXPECT_EQ(shaper.WrapAt(at40, 1000), one);
}

TEST(Slice, CentersAndRightAlignsEachLineInTheWidth) {
  Shaper shaper;
  for (PangoAlignment align : {PANGO_ALIGN_CENTER, PANGO_ALIGN_RIGHT}) {
    Style style = kCell;
    style.align = align;
    Text* one = shaper.Shape("部门预算项目支出绩效目标申报表", style);
    Text* wrapped = shaper.WrapAt(one, 40);
    ASSERT_GT(wrapped->lines.size(), 1u);
    for (const LineBox& box : wrapped->lines) {
      double room = 40 - box.width;
      EXPECT_NEAR(box.x, align == PANGO_ALIGN_CENTER ? room / 2 : room, 1e-9);
    }
  }
}

TEST(Slice, JustifiedOrIndentedTextIsLaidOutAgainByPango) {
  Shaper shaper;
  Style style = kCell;
  style.indent = 19;
  Text* one = shaper.Shape("完成全年公文处理、会议组织，确保政务运转高效。", style);
  EXPECT_FALSE(one->sliceable);
  Text* wrapped = shaper.WrapAt(one, 60);
  EXPECT_EQ(wrapped->source, nullptr);
  EXPECT_GT(wrapped->lines.size(), 1u);
}

}  // namespace
}  // namespace gongkai::pdf
