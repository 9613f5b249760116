// The PDF's text layout (src/render/pdf_text.h): wrapping a shaped line by slicing it must
// break where pango itself breaks the same text at the same width, and draw every character.
#include "render/pdf_text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gongkai::pdf {
namespace {

struct Break {
  int start;
  double width;
};

// Where pango breaks `t`'s text at `width` (its own line breaking, on a copy of the layout).
std::vector<Break> PangoBreaks(const Text& t, double width) {
  PangoLayout* layout = pango_layout_copy(t.layout.get());
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

struct Case {
  std::string text;
  std::vector<double> widths;
};

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
    std::vector<Break> expected = PangoBreaks(*one, width);
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
    EXPECT_EQ(text, source);  // every character drawn, once
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
