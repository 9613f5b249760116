// The HTML report of gongkai audit (render/audit_html.h): pictures of the page around an error,
// with the amount outlined, embedded as PNG; every text escaped.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

#include "draw/audit_html.h"
#include "engine/engine.h"
#include "render/audit_report.h"
#include "test_support.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;

using testing::TheEngine;

// A disclosure rendered to PDF and audited once for all the tests.
const AuditedDocument& Audited() {
  static const AuditedDocument audited = [] {
    // Of this process: ctest runs this file's tests in parallel processes.
    const fs::path dir =
        fs::temp_directory_path() / ("gongkai-audit-html-test-" + std::to_string(getpid()));
    fs::create_directories(dir);
    const std::string pdf = (dir / "x.pdf").string();
    Loaded l = TheEngine().Load(testing::ExamplePath("xinzhou-gov-office-2023.yaml"));
    EXPECT_TRUE(l.ok());
    std::string error;
    EXPECT_TRUE(TheEngine().WriteDisclosure(TheEngine().Disclose(*l.department),
                                            DisclosureFormat::kPdf, {}, pdf, &error))
        << error;
    return TheEngine().AuditAll({pdf}, 1).at(0);
  }();
  return audited;
}

uint32_t PngWidth(const std::string& png) {
  if (png.size() < 24) return 0;
  uint32_t w = 0;
  for (int i = 16; i < 20; ++i) w = w << 8 | static_cast<uint8_t>(png[i]);
  return w;
}

// A table's sums round by 0.01 per figure added; the text's figures by the digits they print.
TEST(AuditHtml, RoundingNotesSayHowTheyRound) {
  EXPECT_EQ(RoundingNotes("支出总表", 3),
            "支出总表：3处差额在四舍五入范围内（每个加项不超过0.01）");
  EXPECT_EQ(RoundingNotes("公开说明", 2), "公开说明：2处差额在所印数字的四舍五入范围内");
}

TEST(AuditHtml, Base64) {
  EXPECT_EQ(Base64(""), "");
  EXPECT_EQ(Base64("f"), "Zg==");
  EXPECT_EQ(Base64("fo"), "Zm8=");
  EXPECT_EQ(Base64("foo"), "Zm9v");
  EXPECT_EQ(Base64("foobar"), "Zm9vYmFy");
  EXPECT_EQ(Base64(std::string("\xff\xfe\x00", 3)), "//4A");
}

TEST(AuditHtml, PictureOfTheRegionAroundTheBox) {
  const AuditedDocument& a = Audited();
  ASSERT_TRUE(a.document) << a.error;
  ASSERT_FALSE(a.findings.empty());  // rounding notes, each with its box
  const reader::ReaderFinding& f = a.findings.front();
  AuditHtmlOptions o;
  o.full_width = false;
  o.margin_x = 50;
  o.dpi = 72;
  const std::string png = PdfRegionPng(a.path, f.page, f.box, o);
  ASSERT_GT(png.size(), 8u);
  EXPECT_EQ(png.substr(0, 8), "\x89PNG\r\n\x1a\n");
  EXPECT_NEAR(PngWidth(png), f.box.width() + 100, 3);
  // Whole width (the default) at 100 dpi.
  EXPECT_GT(PngWidth(PdfRegionPng(a.path, f.page, f.box)), PngWidth(png));
  // Nothing to show: a box off the page, no box, a page that is not there, no PDF.
  reader::Box off{5000, 5000, 5010, 5010};
  EXPECT_EQ(PdfRegionPng(a.path, f.page, off), "");
  EXPECT_EQ(PdfRegionPng(a.path, f.page, reader::Box{}), "");
  EXPECT_EQ(PdfRegionPng(a.path, 9999, f.box), "");
  EXPECT_EQ(PdfRegionPng(testing::ExamplePath("minimal.yaml"), 1, f.box), "");
}

TEST(AuditHtml, ErrorsHavePicturesAndEveryTextIsEscaped) {
  AuditedDocument a = Audited();
  ASSERT_TRUE(a.document) << a.error;
  ASSERT_FALSE(a.findings.empty());
  reader::ReaderFinding f = a.findings.front();
  f.level = reader::FindingLevel::kError;
  f.message = "印为 <b>1</b> & \"2\"";
  f.row = "<行>";
  a.findings.push_back(f);
  std::string html = AuditHtml(a);
  EXPECT_NE(html.find("印为 &lt;b&gt;1&lt;/b&gt; &amp; &quot;2&quot;"), std::string::npos);
  EXPECT_NE(html.find("行「&lt;行&gt;」"), std::string::npos);
  EXPECT_EQ(html.find("<b>1</b>"), std::string::npos);
  EXPECT_NE(html.find("<img src=\"data:image/png;base64,iVBORw0KGgo"), std::string::npos);
  EXPECT_NE(html.find("错误 1，"), std::string::npos);
  // Beyond max_images: listed without a picture.
  AuditHtmlOptions o;
  o.max_images = 0;
  html = AuditHtml(a, o);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_NE(html.find("印为 &lt;b&gt;"), std::string::npos);
  // A document that could not be read: the reason, escaped.
  AuditedDocument broken;
  broken.path = "a<b>.pdf";
  broken.error = "不是 PDF & 无法打开";
  html = AuditHtml(broken);
  EXPECT_NE(html.find("a&lt;b&gt;.pdf"), std::string::npos);
  EXPECT_NE(html.find("不是 PDF &amp; 无法打开"), std::string::npos);
}

}  // namespace
}  // namespace gongkai
