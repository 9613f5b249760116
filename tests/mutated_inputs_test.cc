// Hundreds of broken inputs made from the examples: every scalar of a source replaced by values
// of the wrong kind, and a workbook truncated or with flipped bytes at many places. Each must
// load or be refused with messages that name the file (and, for sources, the line), never crash
// or hang; refusals of a workbook write nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "engine/engine.h"
#include "test_support.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;

using testing::TheEngine;

void ExpectLocatedOrLoaded(const Loaded& loaded, const std::string& name, bool with_line,
                           const std::string& what) {
  if (loaded.ok()) return;
  ASSERT_FALSE(loaded.diagnostics.empty()) << what;
  for (const auto& d : loaded.diagnostics) {
    const std::string m = d.ToString();
    EXPECT_EQ(m.rfind(name, 0), 0u) << what << ": not located: " << m;
    if (with_line) {
      EXPECT_TRUE(m.size() > name.size() + 1 && m[name.size()] == ':' &&
                  isdigit(static_cast<unsigned char>(m[name.size() + 1])))
          << what << ": no line: " << m;
    }
    EXPECT_LT(m.size(), 1000u) << what;
  }
}

TEST(MutatedInputs, EveryScalarOfASourceReplacedByWrongValues) {
  const std::string text = testing::ReadFile(testing::ExamplePath("funing-finance-2021.yaml"));
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  const char* wrong[] = {"[", "-1e999", "{a: 1}", "\"\\u0001\"", "99999999999999999999.999"};
  size_t cases = 0, refused = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const size_t colon = lines[i].find(": ");
    if (colon == std::string::npos || lines[i].find('#') != std::string::npos) continue;
    for (const char* w : wrong) {
      std::vector<std::string> copy = lines;
      copy[i] = lines[i].substr(0, colon + 2) + w;
      std::string mutated;
      for (const auto& l : copy) mutated += l + "\n";
      Loaded loaded = TheEngine().LoadText(mutated, "m.yaml");
      ExpectLocatedOrLoaded(loaded, "m.yaml", true, "line " + std::to_string(i + 1) + " = " + w);
      ++cases;
      refused += !loaded.ok();
    }
  }
  EXPECT_GE(cases, 300u);
  EXPECT_GE(refused, cases / 2) << "most of these values are wrong wherever they stand";
}

TEST(MutatedInputs, WorkbookTruncatedOrFlipped) {
  fs::path dir = fs::temp_directory_path() / "gongkai-mutated-workbooks";
  fs::remove_all(dir);
  fs::create_directories(dir);
  Loaded source = TheEngine().Load(testing::ExamplePath("minimal.yaml"));
  ASSERT_TRUE(source.ok());
  std::string error;
  const std::string good = (dir / "good.xlsx").string();
  ASSERT_TRUE(TheEngine().WriteSource(*source.department, SourceFormat::kXlsx, good, &error));
  const std::string bytes = testing::ReadFile(good);
  size_t cases = 0;
  for (int k = 1; k <= 60; ++k) {
    const size_t at = bytes.size() * static_cast<size_t>(k) / 61;
    const std::string cut = (dir / ("cut" + std::to_string(k) + ".xlsx")).string();
    testing::WriteFile(cut, bytes.substr(0, at));
    ExpectLocatedOrLoaded(TheEngine().Load(cut), cut, false, "truncated at " + std::to_string(at));
    std::string flipped = bytes;
    flipped[at] = static_cast<char>(flipped[at] ^ 0x5A);
    const std::string flip = (dir / ("flip" + std::to_string(k) + ".xlsx")).string();
    testing::WriteFile(flip, flipped);
    ExpectLocatedOrLoaded(TheEngine().Load(flip), flip, false, "flipped at " + std::to_string(at));
    cases += 2;
  }
  EXPECT_EQ(cases, 120u);
}

}  // namespace
}  // namespace gongkai
