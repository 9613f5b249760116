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
  StructureCheck(int max_depth, const std::string& what) : max_depth_(max_depth), what_(what) {}

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
      throw Problem{mark, YamlSecondDocumentMessage(what_)};
    }
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { Anchored(mark, anchor); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    std::string name = anchor >= 1 && anchor <= names_.size() ? names_[anchor - 1] : "";
    throw Problem{mark, YamlAliasMessage(what_, name)};
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
      first_anchor_ = Problem{mark, YamlAnchorMessage(what_, name)};
    }
  }

 private:
  void Anchored(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor && !first_anchor_) {
      first_anchor_ = Problem{mark, YamlAnchorMessage(what_, "")};
    }
  }
  void Enter(const YAML::Mark& mark) {
    if (++depth_ > max_depth_) {
      throw Problem{mark, YamlDepthMessage(what_, max_depth_)};
    }
  }

  const int max_depth_;
  const std::string what_;
  int documents_ = 0;
  int depth_ = 0;
  std::vector<std::string> names_;  // anchor names by anchor number - 1
  std::optional<Problem> first_anchor_;
};

}  // namespace

std::string YamlAliasMessage(const std::string& what, const std::string& name) {
  return fmt::format("{}不支持 YAML 锚点与别名（&/*），请写出完整内容（此处为别名「*{}」）", what,
                     Excerpt(name));
}

std::string YamlAnchorMessage(const std::string& what, const std::string& name) {
  return fmt::format("{}不支持 YAML 锚点与别名（&/*），请写出完整内容（此处为锚点「&{}」）", what,
                     Excerpt(name));
}

std::string YamlDepthMessage(const std::string& what, int max_depth) {
  return fmt::format("嵌套超过{}层：{}的结构没有这么深，请检查缩进与括号", max_depth, what);
}

std::string YamlSecondDocumentMessage(const std::string& what) {
  return what +
         "只能有一个 YAML 文档，这里（「---」之后）开始了第二个：请合并为一个文档，或分成两个文件";
}

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

std::string LibfyamlSyntaxMessage(const std::string& message, bool at_end) {
  static const char kUnclosedQuote[] = "文本到文件末尾仍未结束：引号没有闭合？";
  static const char kTab[] = "缩进中有制表符（Tab）：YAML 只能用空格缩进";
  static const char kIndent[] = "缩进不对：检查这一行与上一行的缩进是否对齐";
  static const char kMapEnd[] = "「键: 值」映射没有正确结束：检查这一行与上一行的缩进是否对齐";
  static const char kSequenceEnd[] = "列表没有正确结束：检查「- 」各项的缩进是否对齐";
  static const char kMapValue[] =
      "这里不能出现「键: 值」：常见原因是缩进不对，或值中含有「: 」却没有加引号";
  static const std::pair<const char*, const char*> kMessages[] = {
      {"flow mapping without a closing brace", "花括号 { … } 没有闭合"},
      {"flow sequence without a closing bracket", "方括号 [ … ] 没有闭合"},
      {"missing comma in flow mapping", "花括号 { … } 中缺少逗号"},
      {"missing comma in flow sequence", "方括号 [ … ] 中缺少逗号"},
      {"flow sequence with invalid extra comma", "方括号 [ … ] 中有多余的逗号"},
      {"flow mapping with invalid extra comma", "花括号 { … } 中有多余的逗号"},
      {"flow sequence with invalid extra closing bracket", "多余的 ] 或 }"},
      {"flow mapping with invalid extra closing brace", "多余的 ] 或 }"},
      {"invalid tab used as indentation", kTab},
      {"invalid tab as indendation", kTab},
      {"invalid tab character as indent", kTab},
      {"tab character may not be used as indentation", kTab},
      {"cannot use tab for indentation", kTab},
      {"invalid multiline plain key", kMapValue},
      {"invalid multiline", kMapValue},
      {"invalid nested block mapping on the same line", kMapValue},
      {"invalid block mapping key on same line as previous key", kMapValue},
      {"invalid mapping in plain multiline", kMapValue},
      {"block sequence on the same line as",
       "列表项「- 」不能写在键或上一项的同一行：请换行并缩进"},
      {"invalid indentation in mapping", kIndent},
      {"wrongly indented", kIndent},
      {"mismatched flow", "括号不成对：[ 应以 ] 结束，{ 应以 } 结束"},
      {"invalid trailing content after", "引号之后还有内容：整段文本都应写在引号之内"},
      {"invalid comment without whitespace", "「#」注释之前须有空格"},
      {"did not find expected key", kMapEnd},
      {"wrong indendation in sequence while in mapping", kSequenceEnd},
      {"invalid scalar at the end of block sequence", kSequenceEnd},
      {"invalid block sequence entry", "这里不能出现列表项「- 」：检查缩进"},
      {"block sequence entries not allowed in this context", "这里不能出现列表项「- 」：检查缩进"},
      {"illegal block entry", "这里不能出现列表项「- 」：检查缩进"},
      {"did not find expected node content", "这里缺少内容：检查缩进，或列表项「- 」后是否为空"},
      {"double-quoted scalar without closing quote", kUnclosedQuote},
      {"single-quoted scalar without closing quote", kUnclosedQuote},
      {"invalid escape", "双引号文本中有未知的转义「\\」：反斜杠请写成 \\\\，或改用单引号"},
      {"double-quoted scalar has invalid hex escape", "\\x 或 \\u 转义中有非十六进制字符"},
      {"plain scalar cannot start with", "无法识别的符号"},
  };
  for (const auto& [english, chinese] : kMessages) {
    if (!message.starts_with(english)) continue;
    // At the end of the text a flow collection lacks its closing bracket, not a comma.
    const char* text = chinese;
    if (at_end && message.starts_with("missing comma in flow mapping")) {
      text = "花括号 { … } 没有闭合";
    } else if (at_end && message.starts_with("missing comma in flow sequence")) {
      text = "方括号 [ … ] 没有闭合";
    }
    return fmt::format("{}（libfyaml：{}）", text, message);
  }
  return message;
}

}  // namespace gongkai
