// yaml-cpp's syntax-error messages in Chinese, for every YAML file a user writes or edits: the
// department sources, reviewer scores, and the data files (indicator frameworks, scoring
// standards) that can be replaced by the user's own.
#ifndef GONGKAI_BASE_YAML_MESSAGE_H_
#define GONGKAI_BASE_YAML_MESSAGE_H_

#include <string>

namespace gongkai {

// yaml-cpp's message (YAML::Exception::msg) in Chinese, with the usual cause when someone edits
// a file by hand ("缩进中有制表符（Tab）…"), the original following in brackets. Messages not
// listed are returned as they are.
std::string YamlSyntaxMessage(const std::string& message);

}  // namespace gongkai

#endif  // GONGKAI_BASE_YAML_MESSAGE_H_
