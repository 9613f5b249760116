// What gongkai and gongkai-serve share on their command lines: the exit codes and the options
// that make the engine (--data, --catalog), which `gongkai serve` passes on to gongkai-serve.
#ifndef GONGKAI_CLI_ENGINE_OPTIONS_H_
#define GONGKAI_CLI_ENGINE_OPTIONS_H_

#include <CLI/CLI.hpp>

#include "engine/engine.h"

namespace gongkai::cli {

constexpr int kExitOk = 0;
constexpr int kExitInvalid = 1;     // the input has errors
constexpr int kExitUnreadable = 2;  // a file could not be read or written
constexpr int kExitUsage = 3;       // the command line is wrong

// --data and --catalog into `options`, whose data directory starts as the bundled one.
inline void AddEngineOptions(CLI::App& app, EngineOptions* options) {
  options->data_dir = BundledDataDir();
  app.add_option("--data", options->data_dir, "数据目录（分类科目、公开模板），默认为内置数据")
      ->check(CLI::ExistingDirectory);
  app.add_option("--catalog", options->catalog_overlays,
                 "用户提供的科目 CSV（function.csv 或 economic.csv 格式），替换或补充内置科目")
      ->check(CLI::ExistingFile);
}

}  // namespace gongkai::cli

#endif  // GONGKAI_CLI_ENGINE_OPTIONS_H_
