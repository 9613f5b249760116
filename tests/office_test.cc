// PDF and XLSX output of both examples, checked by reading the files back with independent
// tools: poppler's pdftotext/pdfinfo/pdffonts for the PDF, Python's zipfile + ElementTree for
// the workbook (a C++ xlsx reader is a later step of issue 5). Tests that need a tool the
// machine lacks are skipped with a message, never passed silently.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <set>
#include <sstream>

#include "base/chinese_numerals.h"
#include "disclosure/disclosure.h"
#include "draw/office_renderer.h"
#include "draw/pdf_fonts.h"
#include "render/compression_level.h"
#include "render/table_grid.h"
#include "render/xlsx_renderer.h"
#include "test_support.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;

const Document& Example(const std::string& file) {
  static std::map<std::string, Document> docs;
  auto it = docs.find(file);
  if (it == docs.end()) {
    Department d = LoadSource(testing::ExamplePath(file), testing::Catalogs());
    it = docs.emplace(file, BuildDisclosure(d, Templates::Load(testing::DataDir(), d.kind, d.year)))
             .first;
  }
  return it->second;
}

// A fresh directory for this test's files, removed at the end.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "gongkai-office-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string File(const std::string& name) const { return (fs::path(path_) / name).string(); }

 private:
  std::string path_;
};

// Runs a shell command and returns its standard output; *status gets the exit status.
using testing::Shell;

size_t CountOf(const std::string& haystack, const std::string& needle) {
  size_t count = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++count;
  }
  return count;
}

std::string WithoutSpaces(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\f' || s[i] == '\r') continue;
    if (s.compare(i, 3, "\u3000") == 0) {  // 全角空格 as in "收　入"
      i += 2;
      continue;
    }
    out += s[i];
  }
  return out;
}

// The text of the pages without their running header (department, year), page number and
// the 续 caption of a continued table.
std::string Unpaginated(const std::string& text, const Document& doc) {
  std::istringstream in(text);
  std::string out, line;
  const std::regex folio("^\\f?—\\s*\\d+\\s*—$");
  const std::string year = std::to_string(doc.year) + "年部门预算";
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] == '\f') line.erase(0, 1);
    if (line == doc.department || line == year || line == doc.department + " " + year ||
        std::regex_match(line, folio)) {
      continue;
    }
    const std::string continued = "（续）";  // the caption of a table's next page
    if (line.size() > continued.size() &&
        line.compare(line.size() - continued.size(), continued.size(), continued) == 0) {
      continue;
    }
    out += line + "\n";
  }
  return out;
}

// A 2024 document of `department` with nothing in it yet.
Document BareDocument(const std::string& department) {
  Document doc;
  doc.department = department;
  doc.year = 2024;
  doc.title = department + "2024年部门预算";
  return doc;
}

class OfficeExampleTest : public ::testing::TestWithParam<std::string> {
 protected:
  const Document& doc() { return Example(GetParam()); }
};

// ---------------------------------------------------------------------------------------------
// PDF

using OfficePdfTest = OfficeExampleTest;

TEST_P(OfficePdfTest, TextOfEveryCellIsExtractable) {
  TempDir dir;
  std::string path = dir.File("out.pdf");
  std::string error;
  ASSERT_TRUE(WriteOfficeDocument(doc(), "pdf", path, {}, &error)) << error;
  std::string bytes = testing::ReadFile(path);
  ASSERT_EQ(bytes.compare(0, 5, "%PDF-"), 0);
  if (!fs::exists("/usr/bin/pdftotext")) GTEST_SKIP() << "pdftotext missing (poppler-utils)";

  int status = -1;
  std::string text = Shell("pdftotext -enc UTF-8 " + path + " -", &status);
  ASSERT_EQ(status, 0);
  // Amounts: each displayed figure occurs at least as often as the tables show it.
  std::map<std::string, size_t> amounts;
  for (const auto& t : doc().tables) {
    for (const auto& row : t.rows) {
      for (const auto& c : row.cells) {
        if (c.money) ++amounts[c.Display()];
      }
    }
  }
  ASSERT_FALSE(amounts.empty());
  for (const auto& [shown, times] : amounts) {
    EXPECT_GE(CountOf(text, shown), times) << shown;
  }
  // Titles on one line, exactly; every other cell (which may wrap inside its column) with
  // line breaks ignored, and text without the running heads of the pages it runs across.
  // -raw keeps the order in which the text was drawn: a cell's lines one after the other,
  // where the reading order would interleave the lines of neighbouring wrapped cells.
  std::string raw = Shell("pdftotext -enc UTF-8 -raw " + path + " -");
  std::string flat = WithoutSpaces(Unpaginated(raw, doc()));
  for (const auto& t : doc().tables) {
    EXPECT_NE(text.find(t.title), std::string::npos) << t.title;
    if (!t.number.empty()) {
      EXPECT_NE(text.find(t.number), std::string::npos) << t.number;
    }
    if (!t.has_data) {
      EXPECT_NE(flat.find(WithoutSpaces(t.empty_note)), std::string::npos);
    }
    for (const auto& row : t.header) {
      for (const auto& c : row) EXPECT_NE(flat.find(WithoutSpaces(c.Display())), std::string::npos);
    }
    for (const auto& row : t.rows) {
      for (const auto& c : row.cells) {
        EXPECT_NE(flat.find(WithoutSpaces(c.Display())), std::string::npos)
            << t.title << ": " << c.Display();
      }
    }
    for (const auto& note : t.notes) EXPECT_NE(flat.find(WithoutSpaces(note)), std::string::npos);
  }
  // The explanation and the glossary are there too, and the 目录.
  for (const auto& s : doc().sections) {
    EXPECT_NE(text.find(s.number + "、" + s.title), std::string::npos) << s.title;
    for (const auto& p : s.paragraphs) {
      EXPECT_NE(flat.find(WithoutSpaces(p.text)), std::string::npos) << p.text;
    }
  }
  for (const auto& g : doc().glossary) {
    EXPECT_NE(flat.find(WithoutSpaces(g.term + "：" + g.definition)), std::string::npos) << g.term;
  }
  EXPECT_NE(text.find("目"), std::string::npos);
}

TEST_P(OfficePdfTest, PagesFontsAndOutline) {
  TempDir dir;
  std::string path = dir.File("out.pdf");
  std::string error;
  ASSERT_TRUE(WriteOfficeDocument(doc(), "pdf", path, {}, &error)) << error;
  if (!fs::exists("/usr/bin/pdfinfo")) GTEST_SKIP() << "pdfinfo missing (poppler-utils)";

  std::string info = Shell("pdfinfo " + path);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)")));
  int pages = std::stoi(m[1]);
  // Cover, 目录, at least a page of text, a page per table, the glossary; and not runaway.
  int tables = static_cast<int>(doc().tables.size());
  EXPECT_GE(pages, 2 + 1 + tables + 1);
  EXPECT_LE(pages, 3 * tables + 20);
  EXPECT_NE(info.find("Page size:       595.276 x 841.89 pts (A4)"), std::string::npos);
  EXPECT_NE(info.find("Title:           " + doc().title), std::string::npos);

  // Wide tables are on landscape pages.
  bool wide = false;
  for (const auto& t : doc().tables) wide = wide || ColumnCount(t) > 8;
  std::string sizes = Shell("pdfinfo -f 1 -l " + std::to_string(pages) + " " + path);
  EXPECT_EQ(sizes.find("841.89 x 595.276") != std::string::npos, wide);

  // Every font embedded (as a subset) with a Unicode map, so text is searchable.
  std::string fonts = Shell("pdffonts " + path);
  size_t lines = 0;
  std::istringstream in(fonts);
  std::string line;
  while (std::getline(in, line)) {
    if (line.find("CJK") == std::string::npos) continue;
    ++lines;
    EXPECT_NE(line.find(" yes yes yes "), std::string::npos) << line;
  }
  EXPECT_GE(lines, 2u) << fonts;

  // Outline (bookmarks) and links from the 目录.
  std::string bytes = testing::ReadFile(path);
  EXPECT_NE(bytes.find("/Outlines"), std::string::npos);
  EXPECT_NE(bytes.find("/Annots"), std::string::npos);
}

TEST_P(OfficePdfTest, TocShowsRealPageNumbers) {
  TempDir dir;
  std::string path = dir.File("out.pdf");
  std::string error;
  ASSERT_TRUE(WriteOfficeDocument(doc(), "pdf", path, {}, &error)) << error;
  if (!fs::exists("/usr/bin/pdftotext")) GTEST_SKIP() << "pdftotext missing (poppler-utils)";
  // The 目录 says on which printed page each table starts; that page (printed numbers start
  // after the cover and the 目录) carries the table's title.
  // Long entries wrap onto a second line: compare without white space.
  std::string toc = std::regex_replace(
      Shell("pdftotext -enc UTF-8 -layout -f 2 -l 4 " + path + " -"), std::regex(R"(\s+)"), "");
  std::string info = Shell("pdfinfo " + path);
  int n = 0;
  for (const auto& t : doc().tables) {
    std::string entry = ChineseNumber(++n) + "、" + t.title;
    std::smatch m;
    std::string pattern =
        std::regex_replace(entry, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") + "\\.*(\\d+)";
    ASSERT_TRUE(std::regex_search(toc, m, std::regex(pattern))) << entry << "\n" << toc;
    int printed = std::stoi(m[1]);
    // Find the physical page: the 目录 takes one or two pages after the cover.
    bool found = false;
    // The 目录 takes one to three pages; titles may wrap, so compare without white space.
    for (int offset = 2; offset <= 4 && !found; ++offset) {
      std::string page =
          std::regex_replace(Shell("pdftotext -enc UTF-8 -f " + std::to_string(printed + offset) +
                                   " -l " + std::to_string(printed + offset) + " " + path + " -"),
                             std::regex(R"(\s+)"), "");
      found = page.find(t.title) != std::string::npos &&
              page.find("—" + std::to_string(printed) + "—") != std::string::npos;
    }
    EXPECT_TRUE(found) << entry << " on page " << printed;
  }
}

// The reduced copies of the Noto faces (pdf_fonts.h) change nothing on the page: the example
// rendered by the command with them (made afresh in an empty cache) and without them
// (GONGKAI_FULL_FONTS) has every word in the same place.
TEST(OfficePdf, ReducedFontsSetTheSamePagesAsTheFullOnes) {
  if (!fs::exists("/usr/bin/pdftotext")) GTEST_SKIP() << "pdftotext missing (poppler-utils)";
  ASSERT_TRUE(PreparePdfFonts().reduced) << PreparePdfFonts().note;
  TempDir dir;
  const std::string example = testing::ExamplePath("dongxihu-finance-2023.yaml");
  int status = -1;
  Shell("GONGKAI_FONT_CACHE=" + dir.File("cache") + " " GONGKAI_CLI " render " + example +
            " --format pdf -o " + dir.File("reduced") + " > /dev/null",
        &status);
  ASSERT_EQ(status, 0);
  Shell("GONGKAI_FULL_FONTS=1 " GONGKAI_CLI " render " + example + " --format pdf -o " +
            dir.File("full") + " > /dev/null",
        &status);
  ASSERT_EQ(status, 0);
  EXPECT_FALSE(fs::is_empty(dir.File("cache")));  // the copies were made there
  const std::string pdf = "/dongxihu-finance-2023.pdf";
  // The word boxes, without the <meta> lines (CreationDate differs when the two renders fall
  // in different seconds).
  auto words = [&](const std::string& path) {
    return std::regex_replace(Shell("pdftotext -bbox " + path + " -"), std::regex("<meta [^\n]*\n"),
                              "");
  };
  std::string reduced = words(dir.File("reduced") + pdf);
  std::string full = words(dir.File("full") + pdf);
  ASSERT_GT(CountOf(full, "<word"), 1000u);
  EXPECT_EQ(reduced, full);
  // Both embed the same two faces, named as Noto.
  std::string fonts = Shell("pdffonts " + dir.File("reduced") + pdf);
  EXPECT_EQ(CountOf(fonts, "CID Type 0C"), 2u) << fonts;
  EXPECT_EQ(CountOf(fonts, "NotoSerifCJKsc-Regular"), 1u) << fonts;
  EXPECT_EQ(CountOf(fonts, "NotoSansCJKsc-Bold"), 1u) << fonts;
}

// A damaged file in the font cache (a disk that filled up, say) is made again, not used; and
// making the copies removes those of other versions, not other files.
TEST(OfficePdf, DamagedFontCacheIsMadeAgain) {
  TempDir dir;
  const std::string render = "GONGKAI_FONT_CACHE=" + dir.File("cache") +
                             " " GONGKAI_CLI " render " + testing::ExamplePath("minimal.yaml") +
                             " --format pdf -o " + dir.File("out") + " > /dev/null";
  int status = -1;
  Shell(render, &status);
  ASSERT_EQ(status, 0);
  std::vector<fs::path> fonts;
  for (const auto& entry : fs::directory_iterator(dir.File("cache"))) fonts.push_back(entry.path());
  ASSERT_EQ(fonts.size(), 2u);
  for (const auto& font : fonts) {
    std::ofstream(font, std::ios::binary | std::ios::trunc) << "not a font";
  }
  const std::string stale = dir.File("cache/gongkai-Song-0123456789abcdef.otf");
  const std::string other = dir.File("cache/gongkai-Songti.txt");
  std::ofstream(stale) << "an older copy";
  std::ofstream(other) << "not ours";
  Shell(render, &status);
  ASSERT_EQ(status, 0);
  for (const auto& font : fonts) EXPECT_GT(fs::file_size(font), 1000000u) << font;
  EXPECT_FALSE(fs::exists(stale));
  EXPECT_TRUE(fs::exists(other));
}

// Without fonts-noto-cjk (here: a fontconfig setup that does not see it) `render --format pdf`
// still writes the file but warns that Chinese may not display, and says what to install.
TEST(OfficePdf, MissingNotoFontsAreReported) {
  TempDir dir;
  {
    std::ofstream conf(dir.File("fonts.conf"));
    conf << "<?xml version=\"1.0\"?>\n<fontconfig><dir>/usr/share/fonts/truetype</dir>"
            "<cachedir>"
         << dir.File("fc-cache") << "</cachedir></fontconfig>\n";
  }
  int status = -1;
  std::string err = Shell("FONTCONFIG_FILE=" + dir.File("fonts.conf") + " " GONGKAI_CLI " render " +
                              testing::ExamplePath("minimal.yaml") + " --format pdf -o " +
                              dir.File("out") + " 2>&1 >/dev/null",
                          &status);
  EXPECT_EQ(status, 0);
  EXPECT_NE(err.find("警告：未找到 Noto Serif CJK SC"), std::string::npos) << err;
  EXPECT_NE(err.find("fonts-noto-cjk"), std::string::npos) << err;
  EXPECT_TRUE(fs::exists(dir.File("out") + "/minimal.pdf"));
}

// A character outside the reduced copies (堃 is not in GB 2312) is drawn from the full face,
// which is embedded as well, and reads back as written.
TEST(OfficePdf, CharactersOutsideTheReducedFontsComeFromTheFullOnes) {
  if (!fs::exists("/usr/bin/pdftotext")) GTEST_SKIP() << "pdftotext missing (poppler-utils)";
  Document doc = BareDocument("测试堃局");
  TempDir dir;
  std::string path = dir.File("rare.pdf");
  std::string error;
  ASSERT_TRUE(WriteOfficeDocument(doc, "pdf", path, {}, &error)) << error;
  EXPECT_GE(CountOf(Shell("pdftotext -enc UTF-8 " + path + " -"), "测试堃局"), 2u);
  std::string fonts = Shell("pdffonts " + path);
  if (PreparePdfFonts().reduced) {
    EXPECT_GE(CountOf(fonts, "CID Type 0C"), 3u) << fonts;
  }
}

// Deflates `data` with a stream that `init` opened. kDefault: through zlib's deflateInit at
// the default level (the call cairo makes); otherwise deflateInit2 with the level and strategy.
constexpr int kDefault = -100;
std::string Deflate(const std::string& data, int level = kDefault) {
  z_stream z{};
  int init = level == kDefault
                 ? deflateInit(&z, Z_DEFAULT_COMPRESSION)
                 : deflateInit2(&z, level, Z_DEFLATED, MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  EXPECT_EQ(init, Z_OK);
  std::string out(deflateBound(&z, data.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// compress2, which calls deflateInit with a named level.
std::string DeflateAtLevel(const std::string& data, int level) {
  uLongf size = compressBound(data.size());
  std::string out(size, '\0');
  EXPECT_EQ(compress2(reinterpret_cast<Bytef*>(out.data()), &size,
                      reinterpret_cast<const Bytef*>(data.data()), data.size(), level),
            Z_OK);
  out.resize(size);
  return out;
}

// Streams get the scope's level only inside it (compression_level.h), and only
// if our deflateInit_/deflateInit2_ are the ones the dynamic linker hands to cairo and minizip.
TEST(OfficeCompression, DefaultLevelIsReplacedOnlyInsideTheScope) {
  ASSERT_TRUE(CompressionLevelIsInterposed());
  std::string data;
  for (int i = 0; i < 20000; ++i) data += std::to_string(i * 7919 % 10007) + " 0 Td <0a1b> Tj ";
  const std::string level1 = DeflateAtLevel(data, 1), level6 = DeflateAtLevel(data, 6);
  const std::string stored = DeflateAtLevel(data, 0);
  ASSERT_NE(level1, level6);
  ASSERT_GT(stored.size(), data.size());
  EXPECT_EQ(Deflate(data), level6);
  EXPECT_EQ(Deflate(data, Z_DEFAULT_COMPRESSION), level6);
  {
    ScopedCompressionLevel compression(Compressing::kPdfPages);
    EXPECT_EQ(Deflate(data), level1);
    EXPECT_EQ(Deflate(data, Z_DEFAULT_COMPRESSION), level1);  // as minizip asks
    EXPECT_EQ(DeflateAtLevel(data, 6), level6);               // a named level is kept
    EXPECT_EQ(Deflate(data, 6), level6);
    compression.Switch(Compressing::kPdfFonts);
    EXPECT_EQ(Deflate(data), stored);
    compression.Switch(Compressing::kWorkbookParts);
    EXPECT_EQ(Deflate(data), level1);
  }
  EXPECT_EQ(Deflate(data), level6);
}

TEST(OfficePdf, RowsTallerThanAPageAndLongTablesBreakAcrossPages) {
  if (!fs::exists("/usr/bin/pdftotext")) GTEST_SKIP() << "pdftotext missing (poppler-utils)";
  Document doc = BareDocument("测试局");
  // A form row with ~6,000 characters in one cell, and a table of 300 rows.
  Table form;
  form.title = "项目申报表";
  form.form = true;
  form.numeric_columns.assign(4, false);
  std::string long_text;
  for (int i = 0; i < 300; ++i) long_text += "第" + std::to_string(i) + "句，项目实施方案的内容。";
  form.rows.push_back(Row{RowKind::kHeading, {Cell::Text("项目情况", 4)}});
  form.rows.push_back(Row{RowKind::kPlain, {Cell::Text("实施方案"), Cell::Text(long_text, 3)}});
  form.rows.push_back(Row{RowKind::kPlain, {Cell::Text("备注"), Cell::Text("无", 3)}});
  Table list;
  list.number = "附表9-9";
  list.title = "长表";
  list.header = {{Cell::Text("序号"), Cell::Text("金额")}};
  list.numeric_columns = {false, true};
  for (int i = 0; i < 300; ++i) {
    list.rows.push_back(Row{
        RowKind::kPlain,
        {Cell::Text(std::to_string(i + 1)), Cell::Amount(Money::FromFen(10000LL * (123456 + i)))}});
  }
  doc.tables = {form, list};
  TempDir dir;
  std::string path = dir.File("tall.pdf");
  std::string error;
  ASSERT_TRUE(WriteOfficeDocument(doc, "pdf", path, {}, &error)) << error;
  std::string text = Shell("pdftotext -enc UTF-8 " + path + " -");
  std::string flat =
      WithoutSpaces(Unpaginated(Shell("pdftotext -enc UTF-8 -raw " + path + " -"), doc));
  // Every sentence of the tall cell is there, in order, none twice.
  size_t at = 0;
  for (int i = 0; i < 300; ++i) {
    std::string sentence = "第" + std::to_string(i) + "句，项目实施方案的内容。";
    size_t found = flat.find(sentence, at);
    ASSERT_NE(found, std::string::npos) << sentence;
    at = found + sentence.size();
  }
  EXPECT_EQ(CountOf(flat, "第17句，"), 1u);
  EXPECT_NE(flat.find("备注无"), std::string::npos);
  for (int i = 0; i < 300; ++i) {
    EXPECT_EQ(CountOf(text, Money::FromFen(10000LL * (123456 + i)).Wan(2, true)), 1u) << i;
  }
  // The header row is repeated on every page of the long table, after a 续 caption (and
  // once more in the list of tables under 第二部分).
  EXPECT_GE(CountOf(text, "长表（续）"), 3u);
  EXPECT_EQ(CountOf(text, "序号"), CountOf(text, "长表（续）") + 2);
}

INSTANTIATE_TEST_SUITE_P(OfficeExamples, OfficePdfTest,
                         ::testing::Values("xinzhou-gov-office-2023.yaml",
                                           "dongxihu-finance-2023.yaml"));

// ---------------------------------------------------------------------------------------------
// XLSX

// Reads a workbook with Python's standard library into JSON: the sheet names in order, and
// per sheet its cells (type, value with shared strings resolved, formula, style), merged
// ranges, frozen rows, row heights and column widths; the cell styles (whether text wraps,
// font size); plus the workbook's defined names (print titles).
constexpr const char* kReadXlsx = R"py(
import json, sys, zipfile, xml.etree.ElementTree as ET
M = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
R = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}'
z = zipfile.ZipFile(sys.argv[1])
wb = ET.fromstring(z.read('xl/workbook.xml'))
rels = ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))
target = {r.get('Id'): r.get('Target') for r in rels}
strings = []
if 'xl/sharedStrings.xml' in z.namelist():
    for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall(M + 'si'):
        strings.append(''.join(t.text or '' for t in si.iter(M + 't')))
out = {'sheets': [], 'cells': {}, 'merges': {}, 'frozen': {}, 'landscape': {},
       'heights': {}, 'widths': {}, 'styles': [],
       'names': [d.text for d in wb.iter(M + 'definedName')]}
styles = ET.fromstring(z.read('xl/styles.xml'))
sizes = []
for font in styles.find(M + 'fonts'):
    sz = font.find(M + 'sz')
    sizes.append(float(sz.get('val')) if sz is not None else 11.0)
for xf in styles.find(M + 'cellXfs'):
    al = xf.find(M + 'alignment')
    out['styles'].append({'wrap': al is not None and al.get('wrapText') in ('1', 'true'),
                          'size': sizes[int(xf.get('fontId', 0))]})
for s in wb.find(M + 'sheets'):
    name = s.get('name')
    out['sheets'].append(name)
    x = ET.fromstring(z.read('xl/' + target[s.get(R + 'id')]))
    cells = {}
    for c in x.iter(M + 'c'):
        v, f, t = c.find(M + 'v'), c.find(M + 'f'), c.get('t', 'n')
        value = v.text if v is not None else None
        if t == 's' and value is not None:
            value = strings[int(value)]
        cells[c.get('r')] = {'t': t, 'v': value, 'f': f.text if f is not None else None,
                             's': int(c.get('s', 0))}
    out['cells'][name] = cells
    out['merges'][name] = [m.get('ref') for m in x.iter(M + 'mergeCell')]
    out['heights'][name] = {r.get('r'): float(r.get('ht')) for r in x.iter(M + 'row')
                            if r.get('ht')}
    out['widths'][name] = [[int(c.get('min')), int(c.get('max')), float(c.get('width'))]
                           for c in x.iter(M + 'col')]
    pane = x.find('.//' + M + 'pane')
    out['frozen'][name] = int(float(pane.get('ySplit', 0))) if pane is not None else 0
    setup = x.find(M + 'pageSetup')
    out['landscape'][name] = setup is not None and setup.get('orientation') == 'landscape'
print(json.dumps(out, ensure_ascii=False))
)py";

// A number cell's value as Excel reads it, then exactly. Excel keeps 15 significant digits
// and libxlsxwriter writes 16 ("9.869999999999999" for the double nearest 9.87), so the value
// is rounded to 15 digits first; amounts of up to 9 digits before the point and 6 after (0.01
// 元 in 万元) come back exact.
std::optional<Money> ExcelAmount(const nlohmann::json& cell) {
  if (!cell["v"].is_string() || cell["t"] != "n") return std::nullopt;
  double value = std::strtod(cell["v"].get<std::string>().c_str(), nullptr);
  char text[64];
  std::snprintf(text, sizeof text, "%.15g", value);
  std::string why;
  return Money::Parse(text, MoneyUnit::kWan, &why);
}

std::string Ref(size_t row, size_t col) {
  std::string letters;
  for (size_t c = col + 1; c > 0; c = (c - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  }
  return letters + std::to_string(row + 1);
}

class OfficeXlsxTest : public OfficeExampleTest {
 protected:
  // Writes the workbook and reads it back; skips when Python is missing.
  nlohmann::json WriteAndRead(const OfficeOptions& options) {
    std::string path = dir_.File("out.xlsx");
    std::string error;
    EXPECT_TRUE(WriteOfficeDocument(doc(), "xlsx", path, options, &error)) << error;
    std::string bytes = testing::ReadFile(path);
    EXPECT_EQ(bytes.compare(0, 2, "PK"), 0);
    std::string script = dir_.File("read_xlsx.py");
    std::ofstream(script) << kReadXlsx;
    int status = -1;
    std::string json = Shell("python3 " + script + " " + path + " 2>&1", &status);
    if (status != 0) return nullptr;
    return nlohmann::json::parse(json);
  }
  TempDir dir_;
};

TEST_P(OfficeXlsxTest, EveryCellReadsBackExactly) {
  if (Shell("python3 -c 'import zipfile' 2>&1 && echo ok").find("ok") == std::string::npos) {
    GTEST_SKIP() << "python3 missing: cannot read the workbook back";
  }
  nlohmann::json book = WriteAndRead({});
  ASSERT_FALSE(book.is_null());

  std::vector<std::string> names = TableSheetNames(doc());
  std::vector<std::string> expected = {"目录", "公开说明"};
  expected.insert(expected.end(), names.begin(), names.end());
  expected.push_back("名词解释");
  EXPECT_EQ(book["sheets"].get<std::vector<std::string>>(), expected);

  for (size_t i = 0; i < doc().tables.size(); ++i) {
    const Table& t = doc().tables[i];
    const std::string& sheet = names[i];
    SCOPED_TRACE(sheet);
    const nlohmann::json& cells = book["cells"][sheet];
    auto merges = book["merges"][sheet].get<std::vector<std::string>>();
    auto merged = [&](const std::string& range) {
      return std::find(merges.begin(), merges.end(), range) != merges.end();
    };
    size_t columns = ColumnCount(t);
    // Number, title merged across the table, 部门/单位 and 单位：万元.
    if (!t.number.empty()) {
      EXPECT_EQ(cells["A1"]["v"], t.number);
    }
    EXPECT_EQ(cells["A2"]["v"], t.title);
    EXPECT_TRUE(merged("A2:" + Ref(1, columns - 1)));
    EXPECT_EQ(cells["A3"]["v"], "部门/单位：" + doc().department);
    EXPECT_EQ(cells[Ref(2, columns - 1)]["v"], t.unit_label);
    // Header cells with their spans.
    for (const auto& g : HeaderGrid(t, columns)) {
      std::string at = Ref(3 + g.row, g.col);
      EXPECT_EQ(cells[at]["v"], g.cell->Display()) << at;
      if (g.rows > 1 || g.cols > 1) {
        EXPECT_TRUE(merged(at + ":" + Ref(3 + g.row + g.rows - 1, g.col + g.cols - 1))) << at;
      }
    }
    const size_t body = 3 + t.header.size();
    EXPECT_EQ(book["frozen"][sheet], body);
    EXPECT_EQ(book["landscape"][sheet].get<bool>(), columns > 8);
    // Body: amounts as numbers equal to the exact amount, text as strings.
    for (size_t r = 0; r < t.rows.size(); ++r) {
      size_t col = 0;
      for (const auto& c : t.rows[r].cells) {
        std::string at = Ref(body + r, col);
        const nlohmann::json& got = cells[at];
        if (c.money) {
          std::optional<Money> value = ExcelAmount(got);
          ASSERT_TRUE(value) << at << ": " << got;
          EXPECT_EQ(value->fen(), c.money->fen())
              << at << ": " << got["v"] << " vs " << c.money->ExactWan();
          EXPECT_TRUE(got["f"].is_null()) << at;  // values only by default
        } else if (!c.text.empty()) {
          EXPECT_EQ(got["v"], c.text) << at;
        }
        col += static_cast<size_t>(std::max(c.colspan, 1));
      }
    }
    if (!t.has_data) {
      EXPECT_EQ(cells[Ref(body + t.rows.size(), 0)]["v"], t.empty_note);
    }
  }
  // Print titles (header rows repeated) for every table sheet with header rows.
  size_t print_titles = 0, with_header = 0;
  for (const auto& n : book["names"]) {
    if (n.is_string() && n.get<std::string>().find("$") != std::string::npos) ++print_titles;
  }
  for (const auto& t : doc().tables) with_header += !t.header.empty();
  EXPECT_GE(print_titles, with_header);

  // Text sheets: every paragraph one row; every glossary term.
  const nlohmann::json& text = book["cells"]["公开说明"];
  std::set<std::string> rows;
  for (const auto& [ref, c] : text.items()) {
    if (c["v"].is_string()) rows.insert(c["v"].get<std::string>());
  }
  for (const auto& s : doc().sections) {
    for (const auto& p : s.paragraphs) EXPECT_TRUE(rows.count(p.text)) << p.text;
  }
  const nlohmann::json& glossary = book["cells"]["名词解释"];
  for (size_t i = 0; i < doc().glossary.size(); ++i) {
    EXPECT_EQ(glossary[Ref(2 + i, 1)]["v"], doc().glossary[i].term);
    EXPECT_EQ(glossary[Ref(2 + i, 2)]["v"], doc().glossary[i].definition);
  }
}

TEST_P(OfficeXlsxTest, FormulasSumTheChildrenAndCacheTheValue) {
  if (Shell("python3 -c 'import zipfile' 2>&1 && echo ok").find("ok") == std::string::npos) {
    GTEST_SKIP() << "python3 missing: cannot read the workbook back";
  }
  OfficeOptions options;
  options.with_formulas = true;
  nlohmann::json book = WriteAndRead(options);
  ASSERT_FALSE(book.is_null());
  std::vector<std::string> names = TableSheetNames(doc());
  size_t formulas = 0;
  for (size_t i = 0; i < doc().tables.size(); ++i) {
    const Table& t = doc().tables[i];
    const nlohmann::json& cells = book["cells"][names[i]];
    const size_t body = 3 + t.header.size();
    auto children = SubtotalChildren(t);
    for (size_t r = 0; r < t.rows.size(); ++r) {
      size_t col = 0;
      for (const Cell& cell : t.rows[r].cells) {
        std::string at = Ref(body + r, col);
        col += static_cast<size_t>(std::max(cell.colspan, 1));
        if (!cell.money) continue;
        const nlohmann::json& got = cells[at];
        // The cached value is still the exact amount, formula or not.
        std::optional<Money> value = ExcelAmount(got);
        ASSERT_TRUE(value) << at << ": " << got;
        EXPECT_EQ(value->fen(), cell.money->fen()) << at;
        if (!got["f"].is_null()) {
          ++formulas;
          EXPECT_FALSE(children[r].empty()) << at;
        }
      }
    }
  }
  EXPECT_GT(formulas, 0u);
}

INSTANTIATE_TEST_SUITE_P(OfficeExamples, OfficeXlsxTest,
                         ::testing::Values("xinzhou-gov-office-2023.yaml",
                                           "dongxihu-finance-2023.yaml"));

// Every wrapped text cell of every sheet has a row tall enough for all its lines. LibreOffice
// does not fit a row to its wrapped text when it opens an .xlsx (Excel does), so a row left at
// the default height showed one cut line of each paragraph of 公开说明 and 名词解释, and the
// multi-line cells of the performance forms half hidden. The lines are counted here from the
// font's real metrics, independently of the renderer's estimate: a CJK character is 1 em wide,
// an ASCII one half an em, a column unit is 7 pixels (5.25 points), and a line is at least
// 1.3 em tall (SimSun; LibreOffice's Noto CJK fallback needs more).
using OfficeXlsxLayoutTest = OfficeXlsxTest;

TEST_P(OfficeXlsxLayoutTest, WrappedTextFitsItsRow) {
  if (Shell("python3 -c 'import zipfile' 2>&1 && echo ok").find("ok") == std::string::npos) {
    GTEST_SKIP() << "python3 missing: cannot read the workbook back";
  }
  nlohmann::json book = WriteAndRead({});
  ASSERT_FALSE(book.is_null());
  auto ems = [](std::string_view line) {
    double em = 0;
    for (char ch : line) {
      auto c = static_cast<unsigned char>(ch);
      em += c < 0x80 ? 0.5 : c >= 0xE0 ? 1.0 : c >= 0xC0 ? 0.5 : 0.0;
    }
    return em;
  };
  size_t checked = 0;
  for (const auto& sheet : book["sheets"]) {
    const std::string name = sheet.get<std::string>();
    SCOPED_TRACE(name);
    std::map<int, double> width;  // 1-based column → width in units
    for (const auto& w : book["widths"][name]) {
      for (int c = w[0].get<int>(); c <= w[1].get<int>(); ++c) width[c] = w[2].get<double>();
    }
    auto width_of = [&](int c) { return width.count(c) ? width[c] : 8.43; };
    std::map<std::string, std::pair<int, int>> span;  // top-left → (columns, rows)
    for (const auto& m : book["merges"][name]) {
      std::smatch g;
      std::string range = m.get<std::string>();
      ASSERT_TRUE(std::regex_match(range, g, std::regex("([A-Z]+)(\\d+):([A-Z]+)(\\d+)")));
      auto col = [](const std::string& letters) {
        int c = 0;
        for (char l : letters) c = c * 26 + (l - 'A' + 1);
        return c;
      };
      span[g[1].str() + g[2].str()] = {col(g[3]) - col(g[1]) + 1,
                                       std::stoi(g[4]) - std::stoi(g[2]) + 1};
    }
    for (const auto& [ref, cell] : book["cells"][name].items()) {
      if (cell["t"] != "s" || !cell["v"].is_string()) continue;
      const nlohmann::json& style = book["styles"][cell["s"].get<size_t>()];
      if (!style["wrap"].get<bool>()) continue;
      auto [cols, rows] = span.count(ref) ? span[ref] : std::pair<int, int>{1, 1};
      if (rows > 1) continue;  // header cells over several rows
      std::smatch g;
      std::regex_match(ref, g, std::regex("([A-Z]+)(\\d+)"));
      int first = 0;
      for (char l : g[1].str()) first = first * 26 + (l - 'A' + 1);
      double units = 0;
      for (int c = first; c < first + cols; ++c) units += width_of(c);
      const double size = style["size"].get<double>();
      const double inner = units * 5.25 - 4;  // points, less the cell's margins
      int lines = 0;
      std::istringstream text(cell["v"].get<std::string>());
      for (std::string line; std::getline(text, line);) {
        lines += std::max(1, static_cast<int>(std::ceil(ems(line) * size / inner)));
      }
      if (lines < 2) continue;
      ++checked;
      const nlohmann::json& heights = book["heights"][name];
      const std::string row = g[2].str();
      double height = heights.contains(row) ? heights[row].get<double>() : 15.0;
      EXPECT_GE(height, lines * size * 1.3)
          << ref << " (" << lines << " lines of " << size << " pt): " << cell["v"];
    }
  }
  EXPECT_GT(checked, 10u);  // the text sheets alone have many
}

INSTANTIATE_TEST_SUITE_P(OfficeExamples, OfficeXlsxLayoutTest,
                         ::testing::Values("xinzhou-gov-office-2023.yaml",
                                           "dongxihu-finance-2023.yaml",
                                           "putuo-finance-2024-final.yaml"));

TEST(OfficeXlsx, SubtotalFormulasOfTheExpenditureTable) {
  if (Shell("python3 -c 'import zipfile' 2>&1 && echo ok").find("ok") == std::string::npos) {
    GTEST_SKIP() << "python3 missing: cannot read the workbook back";
  }
  // Seed 004's 一般公共预算支出表: 合计, 201 › 20103 › 2010301, 208 › 20805 › 2080505,
  // 210 › 21011 › 2101103, 221 › 22102 › 2210201 + 2210202. Two header rows, so the body
  // starts on row 6.
  const Document& doc = Example("xinzhou-gov-office-2023.yaml");
  TempDir dir;
  std::string path = dir.File("f.xlsx");
  std::string error;
  OfficeOptions options;
  options.with_formulas = true;
  ASSERT_TRUE(WriteOfficeDocument(doc, "xlsx", path, options, &error)) << error;
  std::string script = dir.File("read.py");
  std::ofstream(script) << kReadXlsx;
  nlohmann::json book = nlohmann::json::parse(Shell("python3 " + script + " " + path));
  const nlohmann::json& cells = book["cells"]["附表4-5"];
  EXPECT_EQ(cells["B6"]["v"], "合计");
  EXPECT_EQ(cells["C6"]["f"], "SUM(C7,C10,C13,C16)");
  EXPECT_EQ(cells["G6"]["f"], "SUM(G7,G10,G13,G16)");
  EXPECT_EQ(cells["C7"]["f"], "SUM(C8)");
  EXPECT_EQ(cells["C8"]["f"], "SUM(C9)");
  EXPECT_TRUE(cells["C9"]["f"].is_null());  // 2010301 行政运行: a leaf
  EXPECT_EQ(cells["C16"]["f"], "SUM(C17)");
  EXPECT_EQ(cells["C17"]["f"], "SUM(C18:C19)");
  EXPECT_EQ(cells["C6"]["v"], "1597.6622");
  // The values-only workbook has no formulas at all.
  ASSERT_TRUE(WriteOfficeDocument(doc, "xlsx", path, {}, &error)) << error;
  book = nlohmann::json::parse(Shell("python3 " + script + " " + path));
  EXPECT_TRUE(book["cells"]["附表4-5"]["C6"]["f"].is_null());
}

TEST(OfficeXlsx, SubtotalChildrenFollowTheCodes) {
  Table t;
  auto row = [](RowKind kind, std::string code, int64_t wan) {
    return Row{kind,
               {Cell::Text(std::move(code)), Cell::Text("x"), Cell::Amount(Money::FromWan(wan))}};
  };
  t.rows = {row(RowKind::kTotal, "", 10),       row(RowKind::kClass, "201", 6),
            row(RowKind::kSection, "20101", 6), row(RowKind::kItem, "2010101", 4),
            row(RowKind::kItem, "2010102", 2),  row(RowKind::kClass, "208", 4),
            row(RowKind::kItem, "2080505", 4)};  // a 项 directly under its 类
  auto kids = SubtotalChildren(t);
  EXPECT_EQ(kids[0], (std::vector<size_t>{1, 5}));
  EXPECT_EQ(kids[1], (std::vector<size_t>{2}));
  EXPECT_EQ(kids[2], (std::vector<size_t>{3, 4}));
  EXPECT_TRUE(kids[3].empty());
  EXPECT_EQ(kids[5], (std::vector<size_t>{6}));
  // A table without codes has no subtotals.
  Table plain;
  plain.rows = {Row{RowKind::kTotal, {Cell::Text("合计"), Cell::Amount(Money::FromWan(1))}}};
  EXPECT_TRUE(SubtotalChildren(plain)[0].empty());
}

TEST(OfficeXlsx, SheetNamesAreValidAndUnique) {
  Document doc;
  Table a;
  a.number = "附表4-1";
  Table b;
  b.number = "附表4-1";  // a duplicate number
  Table c;
  c.title = "部门项目申报表（含绩效目标）：一个非常非常非常非常长的项目名称超过三十一个字符";
  Table d = c;
  Table e;
  e.title = "目录";  // a reserved sheet
  Table f;
  f.title = "a/b:c*d?[e]";
  doc.tables = {a, b, c, d, e, f};
  std::vector<std::string> names = TableSheetNames(doc);
  ASSERT_EQ(names.size(), 6u);
  EXPECT_EQ(names[0], "附表4-1");
  EXPECT_EQ(names[1], "附表4-1(2)");
  EXPECT_NE(names[2], names[3]);
  EXPECT_EQ(names[4], "目录(2)");
  EXPECT_EQ(names[5], "a_b_c_d__e_");
  for (const auto& n : names) {
    size_t chars = 0;
    for (unsigned char ch : n) chars += (ch & 0xC0) != 0x80;
    EXPECT_LE(chars, 31u) << n;
  }
}

// ---------------------------------------------------------------------------------------------
// Errors

// `convert` without --to writes the format the output's name says (a workbook for *.xlsx, not
// YAML text under that name), and refuses a name that says another format than --to.
TEST(OfficeErrors, ConvertTakesTheFormatFromTheOutputName) {
  TempDir dir;
  const std::string convert = GONGKAI_CLI " convert " + testing::ExamplePath("minimal.yaml");
  int status = -1;
  Shell(convert + " -o " + dir.File("a.xlsx"), &status);
  EXPECT_EQ(status, 0);
  EXPECT_EQ(testing::ReadFile(dir.File("a.xlsx")).substr(0, 2), "PK");  // a zip
  Shell(convert + " -o " + dir.File("a.JSON"), &status);
  EXPECT_EQ(status, 0);
  EXPECT_EQ(testing::ReadFile(dir.File("a.JSON")).substr(0, 1), "{");
  Shell(convert + " -o " + dir.File("a.txt"), &status);
  EXPECT_EQ(status, 0);
  EXPECT_NE(testing::ReadFile(dir.File("a.txt")).find("gongkai: 1"), std::string::npos);  // YAML
  std::string err = Shell(convert + " --to yaml -o " + dir.File("b.xlsx") + " 2>&1", &status);
  EXPECT_EQ(status, 2);
  EXPECT_NE(err.find("扩展名"), std::string::npos) << err;
  EXPECT_FALSE(fs::exists(dir.File("b.xlsx")));
}

// `render -o 公开.pdf` writes that file (the format from its name) rather than a directory of
// that name; a name that contradicts --format, a source format, or several sources are
// refused with a message; a directory stays a directory.
TEST(OfficeErrors, RenderWritesTheFileOutputNames) {
  TempDir dir;
  const std::string render = GONGKAI_CLI " render " + testing::ExamplePath("minimal.yaml");
  int status = -1;
  Shell(render + " -o " + dir.File("公开.pdf") + " > /dev/null", &status);
  EXPECT_EQ(status, 0);
  EXPECT_EQ(testing::ReadFile(dir.File("公开.pdf")).substr(0, 5), "%PDF-");
  Shell(render + " -o " + dir.File("sub/表.XLSX") + " > /dev/null", &status);
  EXPECT_EQ(status, 0);
  EXPECT_EQ(testing::ReadFile(dir.File("sub/表.XLSX")).substr(0, 2), "PK");
  Shell(render + " --format html -o " + dir.File("a.html") + " > /dev/null", &status);
  EXPECT_EQ(status, 0);
  EXPECT_NE(testing::ReadFile(dir.File("a.html")).find("<html"), std::string::npos);
  std::string err = Shell(render + " --format pdf -o " + dir.File("b.xlsx") + " 2>&1", &status);
  EXPECT_EQ(status, 2);
  EXPECT_NE(err.find("--format 为 pdf"), std::string::npos) << err;
  err = Shell(render + " -o " + dir.File("c.yaml") + " 2>&1", &status);
  EXPECT_EQ(status, 2);
  EXPECT_NE(err.find("gongkai convert"), std::string::npos) << err;
  err = Shell(
      render + " " + testing::ExamplePath("minimal.yaml") + " -o " + dir.File("d.pdf") + " 2>&1",
      &status);
  EXPECT_EQ(status, 2);
  EXPECT_NE(err.find("-o 应为输出目录"), std::string::npos) << err;
  for (const char* refused : {"b.xlsx", "c.yaml", "d.pdf"})
    EXPECT_FALSE(fs::exists(dir.File(refused)));
  // An existing directory keeps its meaning, and its name still says the format.
  fs::create_directories(dir.File("dir.pdf"));
  Shell(render + " -o " + dir.File("dir.pdf") + " > /dev/null", &status);
  EXPECT_EQ(status, 0);
  EXPECT_TRUE(fs::exists(dir.File("dir.pdf/minimal.pdf")));
  Shell(render + " --format json -o " + dir.File("dir.pdf") + " > /dev/null", &status);
  EXPECT_TRUE(fs::exists(dir.File("dir.pdf/minimal.json")));
  err = Shell(GONGKAI_CLI " convert " + testing::ExamplePath("minimal.yaml") + " -o " +
                  dir.File("e.pdf") + " 2>&1",
              &status);
  EXPECT_EQ(status, 2);
  EXPECT_NE(err.find("gongkai render"), std::string::npos) << err;
}

// `declare` on a 决算 records its tables (cells and tables_present), as YAML and as the
// workbook, and both read back as the same source: gongkai can read what it writes.
TEST(OfficeErrors, DeclareRecordsFinalAccountsTables) {
  TempDir dir;
  const std::string example = testing::ExamplePath("putuo-finance-2024-final.yaml");
  int status = -1;
  std::string err =
      Shell(GONGKAI_CLI " declare " + example + " -o " + dir.File("d.yaml") + " 2>&1", &status);
  ASSERT_EQ(status, 0) << err;
  const std::string yaml = testing::ReadFile(dir.File("d.yaml"));
  EXPECT_NE(yaml.find("table: final_summary"), std::string::npos) << yaml.substr(0, 2000);
  EXPECT_NE(yaml.find("tables_present"), std::string::npos);
  EXPECT_EQ(yaml.find("sections:"), std::string::npos);
  err = Shell(GONGKAI_CLI " declare " + example + " -o " + dir.File("d.xlsx") + " 2>&1", &status);
  ASSERT_EQ(status, 0) << err;
  err =
      Shell(GONGKAI_CLI " convert " + dir.File("d.xlsx") + " -o " + dir.File("back.yaml") + " 2>&1",
            &status);
  ASSERT_EQ(status, 0) << err;
  EXPECT_EQ(testing::ReadFile(dir.File("back.yaml")), yaml);
}

// `declare -o` writes the format the name says (the workbook keeps the declared figures);
// `check -o 报告.html` writes that report for one source.
TEST(OfficeErrors, DeclareAndCheckTakeTheFormatFromTheOutputName) {
  TempDir dir;
  const std::string example = testing::ExamplePath("minimal.yaml");
  int status = -1;
  Shell(GONGKAI_CLI " declare " + example + " -o " + dir.File("d.xlsx"), &status);
  EXPECT_EQ(status, 0);
  std::string direct = Shell(GONGKAI_CLI " declare " + example, &status);
  std::string back = Shell(GONGKAI_CLI " convert " + dir.File("d.xlsx"), &status);
  EXPECT_EQ(status, 0);
  EXPECT_NE(direct.find("declared:"), std::string::npos);
  EXPECT_EQ(back, direct);
  std::string err =
      Shell(GONGKAI_CLI " declare " + example + " -o " + dir.File("d.pdf") + " 2>&1", &status);
  EXPECT_EQ(status, 2);
  EXPECT_NE(err.find("gongkai render"), std::string::npos) << err;
  Shell(GONGKAI_CLI " check " + example + " -o " + dir.File("报告.html") + " > /dev/null", &status);
  EXPECT_EQ(status, 1);  // the example has findings
  EXPECT_NE(testing::ReadFile(dir.File("报告.html")).find("<html"), std::string::npos);
  err =
      Shell(GONGKAI_CLI " check " + example + " " + example + " -o " + dir.File("r.html") + " 2>&1",
            &status);
  EXPECT_EQ(status, 2);
  EXPECT_NE(err.find("-o 应为输出目录"), std::string::npos) << err;
}

// Two sources that would write the same output file (the same name in two directories, or a
// YAML beside its workbook) are refused before anything is written: one would replace the other.
TEST(OfficeErrors, SourcesThatWouldWriteTheSameFileAreRefused) {
  TempDir dir;
  fs::create_directories(dir.File("a"));
  fs::create_directories(dir.File("b"));
  fs::copy_file(testing::ExamplePath("minimal.yaml"), dir.File("a/x.yaml"));
  fs::copy_file(testing::ExamplePath("bazhou-finance-2022.yaml"), dir.File("b/x.yaml"));
  int status = -1;
  std::string err = Shell(GONGKAI_CLI " render " + dir.File("a") + " " + dir.File("b") + " -o " +
                              dir.File("out") + " 2>&1",
                          &status);
  EXPECT_EQ(status, 2);
  EXPECT_NE(err.find("会写同一个文件"), std::string::npos) << err;
  EXPECT_FALSE(fs::exists(dir.File("out")));
  err = Shell(GONGKAI_CLI " check --format html " + dir.File("a/x.yaml") + " " +
                  dir.File("b/x.yaml") + " -o " + dir.File("rep") + " 2>&1",
              &status);
  EXPECT_EQ(status, 2);
  EXPECT_NE(err.find("x.check.html"), std::string::npos) << err;
  Shell(GONGKAI_CLI " convert " + dir.File("a/x.yaml") + " -o " + dir.File("a/x.xlsx"), &status);
  err = Shell(
      GONGKAI_CLI " render " + dir.File("a") + " --format pdf -o " + dir.File("out") + " 2>&1",
      &status);
  EXPECT_EQ(status, 2);
  EXPECT_NE(err.find("x.pdf"), std::string::npos) << err;
  Shell(GONGKAI_CLI " render " + dir.File("b") + " -o " + dir.File("out") + " > /dev/null",
        &status);
  EXPECT_EQ(status, 0);  // one source per name is fine
  // An output that is a source would replace the officer's workbook.
  const std::string workbook = testing::ReadFile(dir.File("a/x.xlsx"));
  err =
      Shell(GONGKAI_CLI " render " + dir.File("a/x.xlsx") + " -o " + dir.File("a/x.xlsx") + " 2>&1",
            &status);
  EXPECT_EQ(status, 2);
  EXPECT_NE(err.find("是源文件"), std::string::npos) << err;
  fs::remove(dir.File("a/x.yaml"));
  err =
      Shell(GONGKAI_CLI " render " + dir.File("a") + " --format xlsx -o " + dir.File("a") + " 2>&1",
            &status);
  EXPECT_EQ(status, 2);
  EXPECT_NE(err.find("是源文件"), std::string::npos) << err;
  EXPECT_EQ(testing::ReadFile(dir.File("a/x.xlsx")), workbook);
}

// A reviewer's scores file with a YAML mistake is reported at its line, in Chinese.
TEST(OfficeErrors, ReviewerScoresSyntaxErrorIsExplained) {
  TempDir dir;
  std::ofstream(dir.File("scores.yaml")) << "项目:\n\tA1: 5\n";
  int status = -1;
  std::string err =
      Shell(GONGKAI_CLI " score " + testing::ExamplePath("xinzhou-gov-office-2023.yaml") +
                " --reviewer " + dir.File("scores.yaml") + " 2>&1 >/dev/null",
            &status);
  EXPECT_EQ(status, 2);
  EXPECT_NE(err.find(dir.File("scores.yaml") + ":2: 评审评分文件格式错误"), std::string::npos)
      << err;
  EXPECT_NE(err.find("这里不能出现「键: 值」"), std::string::npos) << err;
}

// `template` writes a workbook only under an .xlsx name, and only for a year whose catalog
// gives the drop-down lists.
TEST(OfficeErrors, TemplateNeedsAnXlsxNameAndACatalog) {
  TempDir dir;
  int status = -1;
  std::string err =
      Shell(GONGKAI_CLI " template --year 2024 -o " + dir.File("t.yaml") + " 2>&1", &status);
  EXPECT_EQ(status, 2);
  EXPECT_NE(err.find("文件名应以 .xlsx 结尾"), std::string::npos) << err;
  err = Shell(GONGKAI_CLI " template --year 1990 -o " + dir.File("t.xlsx") + " 2>&1", &status);
  EXPECT_EQ(status, 2);
  EXPECT_NE(err.find("没有1990年度的内置分类科目目录"), std::string::npos) << err;
  EXPECT_FALSE(fs::exists(dir.File("t.yaml")));
  EXPECT_FALSE(fs::exists(dir.File("t.xlsx")));
  Shell(GONGKAI_CLI " template --year 2024 -o " + dir.File("t.xlsx") + " > /dev/null", &status);
  EXPECT_EQ(status, 0);
}

TEST(OfficeErrors, UnwritablePathFailsWithAMessage) {
  const Document& doc = Example("xinzhou-gov-office-2023.yaml");
  TempDir dir;
  std::string file = dir.File("plain-file");
  std::ofstream(file) << "x";
  for (const std::string format : {"pdf", "xlsx"}) {
    std::string path = file + "/out." + format;  // a path under a regular file: never writable
    std::string error;
    EXPECT_FALSE(WriteOfficeDocument(doc, format, path, {}, &error)) << format;
    EXPECT_FALSE(error.empty()) << format;
    EXPECT_FALSE(fs::exists(path));
  }
  std::string error;
  EXPECT_FALSE(WriteOfficeDocument(doc, "docx", dir.File("x.docx"), {}, &error));
  EXPECT_NE(error.find("docx"), std::string::npos);
}

}  // namespace
}  // namespace gongkai
