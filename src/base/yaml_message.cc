#include "base/yaml_message.h"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <sstream>
#include <utility>
#include <vector>

#include "base/utf8_text.h"

namespace gongkai {
namespace {

// The event handler of CheckYamlStructure: it throws Problem to stop the parser.
class StructureCheck : public YAML::EventHandler {
 public:
  StructureCheck(int max_depth, const std::string& what)
      : max_depth_(max_depth),
        what_(what),
        no_aliases_(what + "不支持 YAML 锚点与别名（&/*），请写出完整内容") {}

  struct Problem {
    YAML::Mark mark;
    std::string message;
  };

  // Throws Problem at the first alias, the first node nested too deep or the start of a second
  // document; otherwise at the first anchor, once the whole stream has been read.
  void Run(const std::string& text) {
    std::istringstream in(text);
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(*this)) {
    }
    if (first_anchor_) throw *first_anchor_;
  }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ > 1) {
      throw Problem{mark,
                    what_ +
                        "只能有一个 YAML 文档，这里（「---」之后）开始了第二个：请合并为一个文档，"
                        "或分成两个文件"};
    }
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { Anchored(mark, anchor); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    std::string name = anchor >= 1 && anchor <= names_.size() ? names_[anchor - 1] : "";
    throw Problem{mark, fmt::format("{}（此处为别名「*{}」）", no_aliases_, Excerpt(name))};
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string&) override {
    Anchored(mark, anchor);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Anchored(mark, anchor);
    Enter(mark);
  }
  void OnSequenceEnd() override { --depth_; }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    Anchored(mark, anchor);
    Enter(mark);
  }
  void OnMapEnd() override { --depth_; }
  void OnAnchor(const YAML::Mark& mark, const std::string& name) override {
    names_.push_back(name);
    if (!first_anchor_) {
      first_anchor_ =
          Problem{mark, fmt::format("{}（此处为锚点「&{}」）", no_aliases_, Excerpt(name))};
    }
  }

 private:
  void Anchored(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor && !first_anchor_) {
      first_anchor_ = Problem{mark, fmt::format("{}（此处为锚点「&」）", no_aliases_)};
    }
  }
  void Enter(const YAML::Mark& mark) {
    if (++depth_ > max_depth_) {
      throw Problem{mark, fmt::format("嵌套超过{}层：{}的结构没有这么深，请检查缩进与括号",
                                      max_depth_, what_)};
    }
  }

  const int max_depth_;
  const std::string what_, no_aliases_;
  int documents_ = 0;
  int depth_ = 0;
  std::vector<std::string> names_;  // anchor names by anchor number - 1
  std::optional<Problem> first_anchor_;
};

}  // namespace

std::optional<YamlStructureProblem> CheckYamlStructure(const std::string& text, int max_depth,
                                                       const std::string& what) {
  try {
    StructureCheck(max_depth, what).Run(text);
  } catch (const StructureCheck::Problem& p) {
    return YamlStructureProblem{static_cast<size_t>(p.mark.line) + 1,
                                static_cast<size_t>(p.mark.column) + 1, p.message};
  }
  return std::nullopt;
}

std::string YamlSyntaxMessage(const std::string& message) {
  static const std::pair<const char*, const char*> kMessages[] = {
      {"end of map not found", "「键: 值」映射没有正确结束：检查这一行与上一行的缩进是否对齐"},
      {"end of map flow not found", "花括号 { … } 没有闭合"},
      {"end of sequence not found", "列表没有正确结束：检查「- 」各项的缩进是否对齐"},
      {"end of sequence flow not found", "方括号 [ … ] 没有闭合"},
      {"illegal map value",
       "这里不能出现「键: 值」：常见原因是缩进不对，或值中含有「: 」却没有加引号"},
      {"illegal map key", "这里不能出现键：检查缩进"},
      {"illegal block entry", "这里不能出现列表项「- 」：检查缩进"},
      {"illegal tab when looking for indentation", "缩进中有制表符（Tab）：YAML 只能用空格缩进"},
      {"illegal EOF in scalar", "文本到文件末尾仍未结束：引号没有闭合？"},
      {"illegal flow end", "多余的 ] 或 }"},
      {"unknown escape character: ",
       "双引号文本中有未知的转义「\\」：反斜杠请写成 \\\\，或改用单引号"},
      {"invalid unicode: ", "\\u 转义不是有效的 Unicode 字符"},
      {"bad character found while scanning hex number", "\\x 或 \\u 转义中有非十六进制字符"},
      {"unknown token", "无法识别的符号"},
      {"the referenced anchor is not defined", "引用（*名称）没有对应的锚点（&名称）"},
      {"bad file", "文件无法读取，或嵌套层次过深"},
  };
  for (const auto& [english, chinese] : kMessages) {
    if (message.starts_with(english)) return fmt::format("{}（yaml-cpp：{}）", chinese, message);
  }
  return message;
}

}  // namespace gongkai
