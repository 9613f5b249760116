// yaml-cpp's syntax-error messages in Chinese, for every YAML file a user writes or edits: the
// department sources, reviewer scores, and the data files (indicator frameworks, scoring
// standards) that can be replaced by the user's own.
#ifndef GONGKAI_BASE_YAML_MESSAGE_H_
#define GONGKAI_BASE_YAML_MESSAGE_H_

#include <optional>
#include <string>

namespace gongkai {

// yaml-cpp's message (YAML::Exception::msg) in Chinese, with the usual cause when someone edits
// a file by hand ("缩进中有制表符（Tab）…"), the original following in brackets. Messages not
// listed are returned as they are.
std::string YamlSyntaxMessage(const std::string& message);

// What is wrong with the shape of a YAML text, at a 1-based line and column.
struct YamlStructureProblem {
  size_t line = 0, column = 0;
  std::string message;
};

// Checks the shape of a YAML text from the parser's events, before any tree is built or walked:
// no anchors or aliases, nothing nested deeper than `max_depth`, one document. An alias makes
// the tree a graph: `goals: &a [*a]` is a list that contains itself, which a recursive walk
// never finishes, and a few lines of aliases of aliases stand for billions of nodes. A file
// written by hand has no use for them: every value is written where it belongs.
//
// Returns the first alias, the first node nested too deep or the start of a second document;
// otherwise the first anchor; nullopt when there is none. `what` names the file in messages
// ("源文件"). Throws YAML::ParserException on a syntax error, as YAML::Load would.
std::optional<YamlStructureProblem> CheckYamlStructure(const std::string& text, int max_depth,
                                                       const std::string& what);

}  // namespace gongkai

#endif  // GONGKAI_BASE_YAML_MESSAGE_H_
