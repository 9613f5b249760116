#include "base/yaml_message.h"

#include <fmt/format.h>

#include <utility>

namespace gongkai {

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
