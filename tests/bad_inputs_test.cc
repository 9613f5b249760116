// Hostile and broken source files (tests/bad_inputs/): each is refused, quickly, with a located
// message. The cases are data: tests/bad_inputs/EXPECTED.tsv names each file and a substring
// its message must contain, so a new case is a new file and a new line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "test_support.h"

namespace gongkai {
namespace {

struct BadInput {
  std::string file;      // in tests/bad_inputs/, or an absolute path (/dev/zero)
  std::string expected;  // a substring of the error message
};

std::string BadInputsDir() { return testing::SourceDir() + "/tests/bad_inputs"; }

std::vector<BadInput> ReadExpected() {
  std::vector<BadInput> out;
  std::ifstream in(BadInputsDir() + "/EXPECTED.tsv");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.front() == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string::npos) {
      out.push_back({line, ""});  // reported by the test: a case without an expectation
      continue;
    }
    out.push_back({line.substr(0, tab), line.substr(tab + 1)});
  }
  return out;
}

class BadInputTest : public ::testing::TestWithParam<BadInput> {};

TEST_P(BadInputTest, IsRefusedWithLocatedMessage) {
  const BadInput& c = GetParam();
  ASSERT_FALSE(c.expected.empty()) << c.file << ": no expected message in EXPECTED.tsv";
  const std::string path = c.file.front() == '/' ? c.file : BadInputsDir() + "/" + c.file;
  static const Engine engine({testing::DataDir(), {}, &CairoDrawing()});
  Loaded loaded = engine.Load(path);  // a source or, by extension, a workbook
  ASSERT_FALSE(loaded.ok()) << path << " was loaded";
  std::string what;
  for (const auto& d : loaded.diagnostics) {
    const std::string m = d.ToString();
    what += m + "\n";
    EXPECT_EQ(m.rfind(path, 0), 0u) << "not located in the file: " << m;
    EXPECT_LT(m.size(), 1000u) << "message too long: " << m.substr(0, 200);
  }
  EXPECT_NE(what.find(c.expected), std::string::npos) << "expected: " << c.expected << "\n"
                                                      << "got: " << what;
}

std::string CaseName(const ::testing::TestParamInfo<BadInput>& info) {
  std::string s = info.param.file;
  if (size_t slash = s.rfind('/'); slash != std::string::npos) s = s.substr(slash + 1);
  s = s.substr(0, s.find('.'));
  for (auto& c : s) {
    if (!isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return s;
}

INSTANTIATE_TEST_SUITE_P(Sources, BadInputTest, ::testing::ValuesIn(ReadExpected()), CaseName);

// Every file in the directory has its line in the table (a file without one would be tested
// by nothing).
TEST(BadInputs, EveryFileIsListed) {
  std::set<std::string> listed;
  for (const auto& c : ReadExpected()) listed.insert(c.file);
  EXPECT_GE(listed.size(), 10u);
  for (const auto& e : std::filesystem::directory_iterator(BadInputsDir())) {
    const std::string name = e.path().filename().string();
    if (name == "EXPECTED.tsv") continue;
    EXPECT_TRUE(listed.count(name)) << name << " is not in EXPECTED.tsv";
  }
}

}  // namespace
}  // namespace gongkai
