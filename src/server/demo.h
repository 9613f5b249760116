// gongkai serve --demo: users for each role with fresh random passwords, and the bundled
// examples (examples/*.yaml that load) submitted, approved and published through the workflow's
// transitions (each recorded as by `demo`), so that the portal shows
// documents at once. The users bound to a department are bound to the examples': `tianbao`
// (单位填报人) and `zhuguan` (主管部门审核人) to the first example's department (in file name
// order), `tianbao2` (单位填报人) to the second's, so that both what they may and what they
// may not do can be tried. The examples are added only to a store that has no submission yet, so a
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
  std::string department;  // empty for 财政审核人 and 管理员
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
