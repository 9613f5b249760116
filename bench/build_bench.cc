// In-memory speed of the build stage (no I/O): the whole disclosure of the seed 004 example,
// and of synthetic departments. Target (issue 2): under 1 ms per department.
//
// Each figure is also reported against a baseline run in the same process: copying the
// department model (BM_Baseline_CopyModel), so results compare across machines.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "disclosure/disclosure.h"
#include "draw/office_renderer.h"
#include "draw/pdf_renderer.h"
#include "model/synthetic_department.h"
#include "model/synthetic_final_accounts.h"
#include "render/html_renderer.h"
#include "render/json_renderer.h"
#include "review/checker.h"
#include "review/declare.h"
#include "source/source_loader.h"
#include "source/yaml_tree.h"

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
  static const Templates t = Templates::Load(kData, DocumentKind::kBudget, 2023);
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

// The YAML parse alone (libfyaml into a YamlTree, with the structure check), from memory: the
// part of BM_Load_Xinzhou that is not reading the file or building the model.
void BM_LoadYamlTree_Xinzhou(benchmark::State& state) {
  std::ifstream in(std::string(GONGKAI_SOURCE_DIR) + "/examples/xinzhou-gov-office-2023.yaml");
  std::stringstream text;
  text << in.rdbuf();
  const std::string s = text.str();
  for (auto _ : state) {
    YamlTree tree;
    benchmark::DoNotOptimize(tree.Parse(s, kMaxSourceDepth, "源文件"));
    benchmark::DoNotOptimize(tree.root());
  }
}
BENCHMARK(BM_LoadYamlTree_Xinzhou);

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

// Issue 3: checking with every rule, each department carrying its whole disclosure as declared
// figures (every table cell and text figure to verify). One iteration = one department.
const std::vector<Department>& SyntheticDeclared() {
  static const std::vector<Department> v = [] {
    std::vector<Department> out;
    for (uint64_t i = 0; i < 1000; ++i) {
      Department d = MakeSyntheticDepartment(i, Catalogs()(2023));
      d.declared = DeclareFromDisclosure(d, BuildDisclosure(d, Tpl()));
      out.push_back(std::move(d));
    }
    return out;
  }();
  return v;
}

void BM_CheckAllRules_SyntheticDeclared(benchmark::State& state) {
  const auto& all = SyntheticDeclared();
  static const CheckConfig config = CheckConfig::Load(kData, "default");
  size_t i = 0;
  size_t cells = 0;
  for (auto _ : state) {
    const Department& d = all[i];
    Document doc = BuildDisclosure(d, Tpl());
    benchmark::DoNotOptimize(RunChecks(d, doc, config));
    cells += d.declared.cells.size() + d.declared.text.size();
    i = (i + 1) % all.size();
  }
  state.counters["declared_figures_per_dept"] =
      benchmark::Counter(static_cast<double>(cells) / static_cast<double>(state.iterations()));
}
BENCHMARK(BM_CheckAllRules_SyntheticDeclared);

void BM_CheckAllRules_Xinzhou(benchmark::State& state) {
  static const CheckConfig config = CheckConfig::Load(kData, "default");
  Document doc = BuildDisclosure(Xinzhou(), Tpl());
  for (auto _ : state) benchmark::DoNotOptimize(RunChecks(Xinzhou(), doc, config));
}
BENCHMARK(BM_CheckAllRules_Xinzhou);

// Issue 5: office formats of the seed 004 example, from the built Document to the file in
// /tmp (the only I/O). Targets: PDF under 50 ms, XLSX under 10 ms per department.
void BM_RenderPdf_Xinzhou(benchmark::State& state) {
  const Document doc = BuildDisclosure(Xinzhou(), Tpl());
  std::string error;
  for (auto _ : state) {
    if (!WriteOfficeDocument(doc, "pdf", "/tmp/gongkai_bench.pdf", {}, &error)) {
      state.SkipWithError(error.c_str());
      break;
    }
  }
  std::string pdf;
  RenderPdf(doc, &pdf, &error);
  state.counters["bytes"] = static_cast<double>(pdf.size());
}
BENCHMARK(BM_RenderPdf_Xinzhou)->Unit(benchmark::kMillisecond);

void BM_RenderXlsx_Xinzhou(benchmark::State& state) {
  const Document doc = BuildDisclosure(Xinzhou(), Tpl());
  std::string error;
  for (auto _ : state) {
    if (!WriteOfficeDocument(doc, "xlsx", "/tmp/gongkai_bench.xlsx", {}, &error)) {
      state.SkipWithError(error.c_str());
      break;
    }
  }
}
BENCHMARK(BM_RenderXlsx_Xinzhou)->Unit(benchmark::kMillisecond);

// The same over synthetic departments (100 different ones, cycled), build included.
void BM_BuildAndRenderPdf_Synthetic(benchmark::State& state) {
  const auto& all = Synthetic();
  std::string pdf, error;
  size_t i = 0;
  for (auto _ : state) {
    RenderPdf(BuildDisclosure(all[i], Tpl()), &pdf, &error);
    benchmark::DoNotOptimize(pdf);
    i = (i + 1) % 100;
  }
}
BENCHMARK(BM_BuildAndRenderPdf_Synthetic)->Unit(benchmark::kMillisecond);

void BM_BuildAndRenderXlsx_Synthetic(benchmark::State& state) {
  const auto& all = Synthetic();
  std::string error;
  size_t i = 0;
  for (auto _ : state) {
    WriteOfficeDocument(BuildDisclosure(all[i], Tpl()), "xlsx", "/tmp/gongkai_bench.xlsx", {},
                        &error);
    i = (i + 1) % 100;
  }
}
BENCHMARK(BM_BuildAndRenderXlsx_Synthetic)->Unit(benchmark::kMillisecond);

// Issue 14: the budget's targets hold for final accounts (build < 1 ms, PDF < 50 ms).
const std::vector<Department>& SyntheticFinal() {
  static const std::vector<Department> v = [] {
    std::vector<Department> out;
    for (uint64_t i = 0; i < 100; ++i) {
      out.push_back(MakeSyntheticFinalAccounts(Synthetic()[i], i, ""));
    }
    return out;
  }();
  return v;
}

const Templates& FinalTpl() {
  static const Templates t = Templates::Load(kData, DocumentKind::kFinalAccounts, 2023);
  return t;
}

void BM_Build_SyntheticFinal(benchmark::State& state) {
  const auto& all = SyntheticFinal();
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(BuildDisclosure(all[i], FinalTpl()));
    i = (i + 1) % all.size();
  }
}
BENCHMARK(BM_Build_SyntheticFinal);

void BM_BuildAndRenderPdf_SyntheticFinal(benchmark::State& state) {
  const auto& all = SyntheticFinal();
  std::string pdf, error;
  size_t i = 0;
  for (auto _ : state) {
    RenderPdf(BuildDisclosure(all[i], FinalTpl()), &pdf, &error);
    benchmark::DoNotOptimize(pdf);
    i = (i + 1) % all.size();
  }
}
BENCHMARK(BM_BuildAndRenderPdf_SyntheticFinal)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace gongkai

BENCHMARK_MAIN();
