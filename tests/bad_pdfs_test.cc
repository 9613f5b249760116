// Hostile and broken published PDFs (tests/bad_pdfs/): `gongkai audit` refuses each with a
// message naming the file, or reads it and names every page it could not read and why; never
// a crash, a hang or a silent empty result. The cases are data (tests/bad_pdfs/EXPECTED.tsv),
// written by tests/bad_pdfs/make_bad_pdfs.py.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "base/read_file.h"
#include "engine/engine.h"
#include "reader/pdf_guard.h"
#include "test_support.h"

namespace gongkai {
namespace {

struct BadPdf {
  std::string file;
  bool refused = false;
  std::string expected;  // "-": every page readable
};

std::string BadPdfsDir() { return testing::SourceDir() + "/tests/bad_pdfs"; }

// `raw` compressed by zlib (a /FlateDecode stream's data).
std::string Deflated(const std::string& raw) {
  uLongf n = compressBound(raw.size());
  std::string packed(n, '\0');
  EXPECT_EQ(compress(reinterpret_cast<Bytef*>(packed.data()), &n,
                     reinterpret_cast<const Bytef*>(raw.data()), raw.size()),
            Z_OK);
  packed.resize(n);
  return packed;
}

std::vector<BadPdf> ReadExpected() {
  std::vector<BadPdf> out;
  std::ifstream in(BadPdfsDir() + "/EXPECTED.tsv");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.front() == '#') continue;
    const size_t a = line.find('\t'), b = line.find('\t', a + 1);
    if (a == std::string::npos || b == std::string::npos) {
      out.push_back({line, false, ""});  // reported by the test
      continue;
    }
    out.push_back(
        {line.substr(0, a), line.substr(a + 1, b - a - 1) == "refused", line.substr(b + 1)});
  }
  return out;
}

void PrintTo(const BadPdf& c, std::ostream* os) { *os << c.file; }

class BadPdfTest : public ::testing::TestWithParam<BadPdf> {};

TEST_P(BadPdfTest, IsRefusedOrItsDamagedPagesNamed) {
  const BadPdf& c = GetParam();
  ASSERT_FALSE(c.expected.empty()) << c.file << ": no expectation in EXPECTED.tsv";
  static const Engine engine({testing::DataDir(), {}, &CairoDrawing()});
  const std::string path = BadPdfsDir() + "/" + c.file;
  std::vector<AuditedDocument> audited = engine.AuditAll({path}, 1);
  ASSERT_EQ(audited.size(), 1u);
  const AuditedDocument& a = audited[0];
  if (c.refused) {
    ASSERT_FALSE(a.document.has_value()) << c.file << " was read";
    EXPECT_EQ(a.error.rfind(path, 0), 0u) << "the message does not name the file: " << a.error;
    EXPECT_NE(a.error.find(c.expected), std::string::npos)
        << "expected: " << c.expected << "\ngot: " << a.error;
    return;
  }
  ASSERT_TRUE(a.document.has_value()) << c.file << " was refused: " << a.error;
  std::string reasons;
  for (const auto& p : a.document->pages) {
    if (!p.readable) reasons += "第" + std::to_string(p.number) + "页：" + p.why + "\n";
  }
  if (c.expected == "-") {
    EXPECT_EQ(reasons, "") << c.file;
  } else {
    EXPECT_NE(reasons.find(c.expected), std::string::npos)
        << "expected an unreadable page with: " << c.expected << "\ngot: " << reasons;
  }
  // Nothing is checked on what could not be read.
  EXPECT_TRUE(a.findings.empty());
}

std::string CaseName(const ::testing::TestParamInfo<BadPdf>& info) {
  std::string s = info.param.file.substr(0, info.param.file.find('.'));
  for (auto& ch : s) {
    if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return s;
}

INSTANTIATE_TEST_SUITE_P(Pdfs, BadPdfTest, ::testing::ValuesIn(ReadExpected()), CaseName);

TEST(BadPdfs, EveryFileIsListed) {
  std::set<std::string> listed;
  for (const auto& c : ReadExpected()) listed.insert(c.file);
  for (const auto& e : std::filesystem::directory_iterator(BadPdfsDir())) {
    const std::string name = e.path().filename().string();
    if (name == "EXPECTED.tsv" || name == "make_bad_pdfs.py") continue;
    EXPECT_TRUE(listed.count(name)) << name << " is not in EXPECTED.tsv";
  }
}

// The inflation guard counts what streams inflate to, skips images and what is not zlib, and
// stops at the limit instead of inflating everything.
TEST(PdfGuard, CountsFlateStreamsAndStopsAtTheLimit) {
  std::string bomb;
  {
    std::ifstream in(BadPdfsDir() + "/content-inflates.pdf", std::ios::binary);
    bomb.assign(std::istreambuf_iterator<char>(in), {});
  }
  ASSERT_GT(bomb.size(), 1000u);
  reader::InflatedSize all = reader::MeasureInflatedStreams(bomb, uint64_t{1} << 40);
  EXPECT_EQ(all.bytes, 300'000'000u);
  EXPECT_EQ(all.streams, 1);
  EXPECT_FALSE(all.over);
  reader::InflatedSize capped = reader::MeasureInflatedStreams(bomb, 1 << 20);
  EXPECT_TRUE(capped.over);
  EXPECT_LT(capped.bytes, (1u << 20) + (1u << 17));  // stopped within a scratch buffer or two
  const std::string image =
      "1 0 obj\n<< /Subtype /Image /Filter /FlateDecode >>\nstream\n" + bomb.substr(0, 10);
  EXPECT_EQ(reader::MeasureInflatedStreams(image, 100).streams, 0);
  EXPECT_EQ(
      reader::MeasureInflatedStreams("1 0 obj << /Filter /FlateDecode >> stream\nnot zlib", 100)
          .bytes,
      0u);
}

// Font programs are counted at their bounds (their length times deflate's largest ratio)
// without being inflated while the bounds fit in the limit; the largest are inflated and counted
// as any stream until the rest fit, and one with a /Length given by reference always is.
TEST(PdfGuard, BoundsFontProgramsByTheirLength) {
  const std::string deflated = Deflated(std::string(100'000, 'x'));
  const uLongf n = deflated.size();
  auto font = [&](const std::string& length) {
    return "5 0 obj\n<< /Length " + length + " /Length1 100000 /Filter /FlateDecode >>\nstream\n" +
           deflated + "\nendstream\nendobj\n";
  };
  const std::string pdf = font(std::to_string(n));
  reader::InflatedSize loose = reader::MeasureInflatedStreams(pdf, uint64_t{1} << 30);
  EXPECT_EQ(loose.streams, 0);
  EXPECT_EQ(loose.bytes, 0u);
  EXPECT_EQ(loose.bounded_streams, 1);
  EXPECT_GE(loose.bounded_bytes, uint64_t{n} * 1032);
  EXPECT_FALSE(loose.over);
  reader::InflatedSize tight = reader::MeasureInflatedStreams(pdf, 100'500);
  EXPECT_EQ(tight.streams, 1);
  EXPECT_EQ(tight.bounded_streams, 0);
  EXPECT_EQ(tight.bytes, 100'000u);
  EXPECT_FALSE(tight.over);
  EXPECT_TRUE(reader::MeasureInflatedStreams(pdf, 50'000).over);
  reader::InflatedSize indirect = reader::MeasureInflatedStreams(font("9 0 R"), uint64_t{1} << 30);
  EXPECT_EQ(indirect.streams, 1);
  EXPECT_EQ(indirect.bytes, 100'000u);
  // Two fonts whose bounds do not both fit: one is inflated, the other's bound fits beside it.
  const uint64_t one = loose.bounded_bytes;
  reader::InflatedSize two = reader::MeasureInflatedStreams(pdf + pdf, one + 100'000);
  EXPECT_EQ(two.streams, 1);
  EXPECT_EQ(two.bytes, 100'000u);
  EXPECT_EQ(two.bounded_streams, 1);
  EXPECT_EQ(two.bounded_bytes, one);
  EXPECT_FALSE(two.over);
  // Refused exactly when inflating everything passes the limit.
  EXPECT_FALSE(reader::MeasureInflatedStreams(pdf + pdf, 200'000).over);
  EXPECT_TRUE(reader::MeasureInflatedStreams(pdf + pdf, 199'999).over);
}

std::string ReadBad(const std::string& name) {
  std::ifstream in(BadPdfsDir() + "/" + name, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The same 300 MB behind ASCII85 and in LZW, with /EarlyChange 1 and 0 (each file decodes to
// exactly 300,000,000 spaces with qpdf --filtered-stream-data; the early-change-0 stream read as
// early change 1 gives qpdf 32,533 bytes).
TEST(PdfGuard, DecodesFilterChainsAndLzw) {
  for (const char* name : {"content-inflates-a85.pdf", "content-inflates-lzw.pdf",
                           "content-inflates-lzw-early0.pdf"}) {
    const std::string bomb = ReadBad(name);
    ASSERT_GT(bomb.size(), 1000u) << name;
    reader::InflatedSize all = reader::MeasureInflatedStreams(bomb, uint64_t{1} << 40);
    EXPECT_EQ(all.bytes, 300'000'000u) << name;
    EXPECT_EQ(all.streams, 1) << name;
    reader::InflatedSize capped = reader::MeasureInflatedStreams(bomb, 1 << 20);
    EXPECT_TRUE(capped.over) << name;
    EXPECT_LT(capped.bytes, (1u << 20) + (1u << 17)) << name;
  }
}

TEST(PdfGuard, CountsEveryExpandingFilter) {
  auto measure = [](const std::string& dict, const std::string& data) {
    return reader::MeasureInflatedStreams("1 0 obj\n<< " + dict + " >>\nstream\n" + data, 1 << 20)
        .bytes;
  };
  // RunLength: 129 → 128 copies of the next byte, 2 → the next 3 bytes, 128 ends.
  EXPECT_EQ(measure("/Filter /RunLengthDecode",
                    "\x81"
                    "a"
                    "\x02"
                    "abc"
                    "\x80"
                    "ignored"),
            131u);
  EXPECT_EQ(measure("/Filter /RL",
                    "\x81"
                    "a"
                    "\x80"),
            128u);
  // zlib of 1,000 bytes, behind ASCIIHex (with spaces) and named by abbreviations.
  const std::string packed = Deflated(std::string(1000, 'x'));
  std::string hex;
  for (unsigned char c : packed) hex += fmt::format("{:02X} ", c);
  EXPECT_EQ(measure("/Filter [/AHx /Fl]", hex + ">"), 1000u);
  EXPECT_EQ(measure("/Filter [ /ASCIIHexDecode /FlateDecode ]", hex + ">"), 1000u);
  // A filter by reference is taken for Flate; images and unknown filters are not decoded.
  EXPECT_EQ(measure("/Filter 7 0 R", packed), 1000u);
  EXPECT_EQ(measure("/Filter [/FlateDecode /DCTDecode]", packed), 0u);
  EXPECT_EQ(measure("/Filter /Crypt", packed), 0u);
  // Not compressed at all: nothing to measure.
  EXPECT_EQ(measure("/Length 3", "abc"), 0u);
}

// A stream is inflated whole (libdeflate) when it fits, else a piece at a time (zlib): a damaged
// stream counts exactly what zlib gives before the damage, one with a wrong checksum all its
// bytes, one just over the limit stops as before, and a stream larger than the whole-stream
// buffer (16 MB) is counted in full.
TEST(PdfGuard, CountsDamagedAndLargeStreamsAsZlibDoes) {
  // What zlib's inflate gives from `packed` before it stops.
  auto zlib_gives = [](const std::string& packed) {
    z_stream z{};
    EXPECT_EQ(inflateInit(&z), Z_OK);
    std::string out(1 << 20, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
    z.avail_in = static_cast<uInt>(packed.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    inflate(&z, Z_FINISH);
    const uint64_t n = z.total_out;
    inflateEnd(&z);
    return n;
  };
  auto measure = [](const std::string& data, uint64_t limit) {
    return reader::MeasureInflatedStreams("1 0 obj\n<< /Filter /FlateDecode >>\nstream\n" + data,
                                          limit);
  };
  std::string raw;
  for (int i = 0; raw.size() < 200'000; ++i) raw += fmt::format("{} 0 Td ({}) Tj\n", i, i * 7);
  const std::string packed = Deflated(raw);
  const std::string truncated = packed.substr(0, packed.size() / 2);
  ASSERT_GT(zlib_gives(truncated), 0u);
  ASSERT_LT(zlib_gives(truncated), raw.size());
  EXPECT_EQ(measure(truncated, 1 << 30).bytes, zlib_gives(truncated));
  std::string bad_checksum = packed;
  bad_checksum.back() ^= 1;
  EXPECT_EQ(measure(bad_checksum, 1 << 30).bytes, raw.size());
  EXPECT_FALSE(measure(packed, raw.size()).over);
  reader::InflatedSize over = measure(packed, raw.size() - 1);
  EXPECT_TRUE(over.over);
  EXPECT_GT(over.bytes, raw.size() - 1);
  const std::string big(20 << 20, ' ');
  EXPECT_EQ(measure(Deflated(big), 1 << 30).bytes, big.size());
}

// A PDF is read whole into memory of its own (base/read_file.h, huge pages past 256 KB): a
// regular file as it is, whatever its size; a longer file, or an endless device, is refused at
// most a block past the limit; the results are those of the string version.
TEST(ReadFile, ReadsWholeOrStopsPastTheLimit) {
  const std::string path =
      (std::filesystem::temp_directory_path() / "gongkai-read-file-test.bin").string();
  std::string bytes;
  for (int i = 0; bytes.size() < (3u << 20) + 123; ++i) bytes += fmt::format("{} ", i);
  std::ofstream(path, std::ios::binary) << bytes;
  for (uint64_t limit :
       {uint64_t{1} << 30, uint64_t{bytes.size()}, uint64_t{bytes.size()} - 1, uint64_t{100'000}}) {
    FileBytes read;
    std::string as_string;
    const ReadStatus status = ReadFileAtMost(path, limit, &read);
    EXPECT_EQ(status, ReadFileAtMost(path, limit, &as_string)) << limit;
    if (limit >= bytes.size()) {
      EXPECT_EQ(status, ReadStatus::kOk) << limit;
      EXPECT_TRUE(read.view() == bytes) << limit;
    } else {
      EXPECT_EQ(status, ReadStatus::kTooLarge) << limit;
      EXPECT_LE(read.size, limit + (1 << 16)) << limit;
    }
  }
  FileBytes zeros;
  EXPECT_EQ(ReadFileAtMost("/dev/zero", 3 << 20, &zeros), ReadStatus::kTooLarge);
  EXPECT_LE(zeros.size, (3u << 20) + (1 << 16));
  FileBytes missing;
  EXPECT_EQ(ReadFileAtMost(path + ".missing", 1 << 20, &missing), ReadStatus::kCannotOpen);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace gongkai
