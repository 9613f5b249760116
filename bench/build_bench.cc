// In-memory speed of the build stage (no I/O): the whole disclosure of the seed 004 example,
// and of synthetic departments. Target (issue 2): under 1 ms per department.
//
// Each figure is also reported against a baseline run in the same process: copying the
// department model (BM_Baseline_CopyModel), so results compare across machines.
#include <benchmark/benchmark.h>

#include "build/disclosure.h"
#include "load/source_loader.h"
#include "model/synthetic_department.h"
#include "render/html_renderer.h"
#include "render/json_renderer.h"

namespace gongkai {
namespace {

const std::string kData = std::string(GONGKAI_SOURCE_DIR) + "/data";

const CatalogProvider& Catalogs() {
  static const CatalogProvider p = MakeCatalogProvider(kData);
  return p;
}

const Department& Xinzhou() {
  static const Department d = LoadSource(
      std::string(GONGKAI_SOURCE_DIR) + "/examples/xinzhou-gov-office-2023.yaml", Catalogs());
  return d;
}

const Templates& Tpl() {
  static const Templates t = Templates::Load(kData, 2023);
  return t;
}

const std::vector<Department>& Synthetic() {
  static const std::vector<Department> v = [] {
    std::vector<Department> out;
    for (uint64_t i = 0; i < 1000; ++i) out.push_back(MakeSyntheticDepartment(i, Catalogs()(2023)));
    return out;
  }();
  return v;
}

void BM_Baseline_CopyModel(benchmark::State& state) {
  for (auto _ : state) {
    Department copy = Xinzhou();
    benchmark::DoNotOptimize(copy);
  }
}
BENCHMARK(BM_Baseline_CopyModel);

void BM_Build_Xinzhou(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(BuildDisclosure(Xinzhou(), Tpl()));
}
BENCHMARK(BM_Build_Xinzhou);

void BM_BuildAndRenderHtml_Xinzhou(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(RenderHtml(BuildDisclosure(Xinzhou(), Tpl())));
}
BENCHMARK(BM_BuildAndRenderHtml_Xinzhou);

void BM_Load_Xinzhou(benchmark::State& state) {
  std::string path = std::string(GONGKAI_SOURCE_DIR) + "/examples/xinzhou-gov-office-2023.yaml";
  for (auto _ : state) benchmark::DoNotOptimize(LoadSource(path, Catalogs()));
}
BENCHMARK(BM_Load_Xinzhou);

// One iteration = one synthetic department (cycling over 1,000 different ones).
void BM_Build_Synthetic(benchmark::State& state) {
  const auto& all = Synthetic();
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(BuildDisclosure(all[i], Tpl()));
    i = (i + 1) % all.size();
  }
}
BENCHMARK(BM_Build_Synthetic);

}  // namespace
}  // namespace gongkai

BENCHMARK_MAIN();
