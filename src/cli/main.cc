// gongkai — command line front end. Thin: every command is a few calls into the library.
//
//   gongkai render FILE [-o DIR] [--format html|json]
//   gongkai convert FILE --to yaml|json [-o OUT]
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "build/disclosure.h"
#include "load/source_loader.h"
#include "load/source_writer.h"
#include "render/html_renderer.h"
#include "render/json_renderer.h"

namespace fs = std::filesystem;
using namespace gongkai;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitInvalid = 1;     // the input has errors
constexpr int kExitUnreadable = 2;  // a file could not be read or written

struct Common {
  std::string data_dir = DefaultDataDir();
  std::vector<std::string> catalogs;
};

bool WriteFile(const fs::path& path, const std::string& content) {
  std::error_code ec;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  std::ofstream out(path, std::ios::binary);
  out << content;
  if (!out) {
    std::cerr << fmt::format("{}: 无法写入文件\n", path.string());
    return false;
  }
  return true;
}

// Loads a source; on failure prints the located errors and returns nullopt.
std::optional<Department> Load(const std::string& file, const Common& common, int* exit_code) {
  try {
    return LoadSource(file, MakeCatalogProvider(common.data_dir, common.catalogs));
  } catch (const SourceError& e) {
    std::cerr << e.what() << "\n";
    bool unreadable =
        e.messages().size() == 1 && e.messages()[0].find("无法打开文件") != std::string::npos;
    std::cerr << fmt::format("{}：发现{}处错误，未生成任何输出。\n", file, e.messages().size());
    *exit_code = unreadable ? kExitUnreadable : kExitInvalid;
  } catch (const CatalogError& e) {
    std::cerr << e.what() << "\n";
    *exit_code = kExitUnreadable;
  }
  return std::nullopt;
}

int Render(const std::string& file, const std::string& out_dir, const std::string& format,
           const Common& common) {
  int code = kExitOk;
  auto d = Load(file, common, &code);
  if (!d) return code;
  Templates tpl;
  try {
    tpl = Templates::Load(common.data_dir, d->year);
  } catch (const CatalogError& e) {
    std::cerr << e.what() << "\n";
    return kExitUnreadable;
  }
  Document doc = BuildDisclosure(*d, tpl);
  std::string stem = fs::path(file).stem().string();
  fs::path out = fs::path(out_dir) / (stem + (format == "json" ? ".json" : ".html"));
  if (!WriteFile(out, format == "json" ? RenderJson(doc) : RenderHtml(doc))) return kExitUnreadable;
  std::cout << fmt::format("{}：已生成 {}（{}个表）\n", doc.title, out.string(), doc.tables.size());
  return kExitOk;
}

int Convert(const std::string& file, const std::string& to, const std::string& out,
            const Common& common) {
  int code = kExitOk;
  auto d = Load(file, common, &code);
  if (!d) return code;
  std::string text = to == "json" ? WriteSourceJson(*d) : WriteSourceYaml(*d);
  if (out.empty() || out == "-") {
    std::cout << text;
    return kExitOk;
  }
  return WriteFile(out, text) ? kExitOk : kExitUnreadable;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"gongkai — 部门预算编制、审核与公开"};
  app.require_subcommand(1);
  Common common;
  app.add_option("--data", common.data_dir, "数据目录（分类科目、公开模板），默认为内置数据")
      ->check(CLI::ExistingDirectory);
  app.add_option("--catalog", common.catalogs,
                 "用户提供的科目 CSV（function.csv 或 economic.csv 格式），替换或补充内置科目")
      ->check(CLI::ExistingFile);

  std::string file, out_dir = "out", format = "html", to = "yaml", out_file;
  auto* render =
      app.add_subcommand("render", "由源文件生成部门预算公开文件（公开说明、公开表、名词解释）");
  render->add_option("FILE", file, "部门预算源文件（YAML 或 JSON）")->required();
  render->add_option("-o,--output", out_dir, "输出目录（默认 out）");
  render->add_option("--format", format, "输出格式：html（默认）或 json")
      ->check(CLI::IsMember({"html", "json"}));

  auto* convert = app.add_subcommand("convert", "在 YAML 与 JSON 源文件格式之间转换");
  convert->add_option("FILE", file, "部门预算源文件")->required();
  convert->add_option("--to", to, "目标格式：yaml 或 json")->check(CLI::IsMember({"yaml", "json"}));
  convert->add_option("-o,--output", out_file, "输出文件（默认标准输出）");

  CLI11_PARSE(app, argc, argv);
  try {
    if (*render) return Render(file, out_dir, format, common);
    if (*convert) return Convert(file, to, out_file, common);
  } catch (const std::exception& e) {
    std::cerr << "gongkai: " << e.what() << "\n";
    return kExitUnreadable;
  }
  return kExitOk;
}
