// gongkai serve --demo: users for each role with fresh random passwords, and the bundled
// examples (examples/*.yaml that load) submitted and published, so that the portal shows
// documents at once. The examples are added only to a store that has no submission yet, so a
// second --demo on the same database adds nothing twice.
#ifndef GONGKAI_SERVER_DEMO_H_
#define GONGKAI_SERVER_DEMO_H_

#include <string>
#include <vector>

#include "engine/engine.h"
#include "server/store.h"

namespace gongkai::server {

struct DemoUser {
  std::string name, role, password;
};

struct DemoSeed {
  std::vector<DemoUser> users;
  std::vector<std::string> published;  // "file → #id"
  std::vector<std::string> skipped;    // files that did not load, with the first error
};

DemoSeed SeedDemo(const Engine& engine, Store& store, const std::string& examples_dir);

// Where the bundled examples are: beside the bundled data directory.
std::string BundledExamplesDir();

}  // namespace gongkai::server

#endif  // GONGKAI_SERVER_DEMO_H_
