// Shared helpers for the tests: the bundled data directory and example files.
#ifndef GONGKAI_TESTS_TEST_SUPPORT_H_
#define GONGKAI_TESTS_TEST_SUPPORT_H_

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "draw/drawing.h"
#include "engine/engine.h"
#include "reader/three_public_words.h"
#include "source/source_loader.h"

namespace gongkai::testing {

inline std::string SourceDir() { return GONGKAI_SOURCE_DIR; }
inline std::string DataDir() { return SourceDir() + "/data"; }
inline std::string ExamplePath(const std::string& name) {
  return SourceDir() + "/examples/" + name;
}

// One engine on the bundled data for every test of a process (its reference data loads once),
// which draws (PDFs, audit reports: draw/drawing.h).
inline const Engine& TheEngine() {
  static const Engine engine({DataDir(), {}, &CairoDrawing()});
  return engine;
}

// The words of a published “三公” table's columns (data/reader/three_public.csv), read once.
inline const reader::ThreePublicWords& ThreePublic() {
  static const std::shared_ptr<const reader::ThreePublicWords> words =
      reader::ThreePublicWords::Load(DataDir());
  return *words;
}

inline const CatalogProvider& Catalogs() {
  static const CatalogProvider provider = MakeCatalogProvider(DataDir());
  return provider;
}

// A GoogleTest parameter name for an example file: "xinzhou-gov-office-2023.yaml" →
// "xinzhou_gov_office_2023".
struct ExampleName {
  template <typename ParamInfo>
  std::string operator()(const ParamInfo& info) const {
    std::string s = info.param.substr(0, info.param.find('.'));
    for (auto& c : s) c = c == '-' ? '_' : c;
    return s;
  }
};

// Runs a shell command; its standard output, and its exit status in *status.
inline std::string Shell(const std::string& command, int* status = nullptr) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  char buffer[65536];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  int rc = pclose(pipe);
  if (status) *status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  return out;
}

inline void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Compares `actual` with tests/golden/<name>, pointing at the first differing line. With
// GONGKAI_UPDATE_GOLDEN=1 it writes the golden file instead (then review the diff).
inline void CompareGolden(const std::string& actual, const std::string& name) {
  std::string path = SourceDir() + "/tests/golden/" + name;
  if (const char* update = std::getenv("GONGKAI_UPDATE_GOLDEN");
      update && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  std::string expected = ReadFile(path);
  ASSERT_FALSE(expected.empty()) << "missing golden file " << path;
  if (expected == actual) return;
  // Point at the first differing line rather than dumping both documents.
  size_t line = 1, i = 0;
  while (i < expected.size() && i < actual.size() && expected[i] == actual[i]) {
    if (expected[i] == '\n') ++line;
    ++i;
  }
  auto excerpt = [&](const std::string& s) { return s.substr(s.rfind('\n', i) + 1, 160); };
  FAIL() << name << " differs from the golden file at line " << line
         << "\n  expected: " << excerpt(expected) << "\n  actual:   " << excerpt(actual);
}

// The whole answer, headers as sent, to `GET target` on 127.0.0.1:`port` with `headers` (each
// "Name: value\r\n") and the request line sent as it is: for what a client library would
// change (it normalises paths, and cpp-httplib percent-decodes header values).
inline std::string RawGet(int port, const std::string& target, const std::string& headers = "") {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return "";
  }
  const std::string request =
      "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "Connection: close\r\n\r\n";
  if (send(fd, request.data(), request.size(), 0) < 0) {
    close(fd);
    return "";
  }
  std::string answer;
  char buffer[4096];
  for (ssize_t n; (n = recv(fd, buffer, sizeof buffer, 0)) > 0;) answer.append(buffer, n);
  close(fd);
  return answer;
}

// A valid source to which a test appends or substitutes one mistake.
inline std::string MinimalSource() {
  return R"(gongkai: 1
department:
  name: 测试局
  year: 2023
  units:
    - {id: 机关, name: 测试局机关, kind: 行政单位}
basic:
  - {function: "2010301", economic: "30101", amount: 100.5}
  - {function: "2010301", economic: "30201", amount: 20}
projects:
  - id: p1
    name: 测试项目
    lines:
      - {function: "2010302", economic: "30227", amount: 10}
)";
}

}  // namespace gongkai::testing

#endif  // GONGKAI_TESTS_TEST_SUPPORT_H_
