// YAML syntax-error messages in Chinese, for every YAML file a user writes or edits: the
// department sources (read by libfyaml, source/yaml_tree.h), reviewer scores, and the data
// files (indicator frameworks, scoring standards) that can be replaced by the user's own (read
// by yaml-cpp).
#ifndef GONGKAI_BASE_YAML_MESSAGE_H_
#define GONGKAI_BASE_YAML_MESSAGE_H_

#include <optional>
#include <string>

namespace gongkai {

// yaml-cpp's message (YAML::Exception::msg) in Chinese, with the usual cause when someone edits
// a file by hand ("缩进中有制表符（Tab）…"), the original following in brackets. Messages not
// listed are returned as they are.
std::string YamlSyntaxMessage(const std::string& message);

// libfyaml's message (a collected fy_diag error) in Chinese, as YamlSyntaxMessage does for
// yaml-cpp's: the original follows in brackets; messages not listed are returned as they are.
// `at_end`: the error is at the end of the text (an unclosed bracket is reported as a missing
// comma there).
std::string LibfyamlSyntaxMessage(const std::string& message, bool at_end);

// The messages of the structure check, shared by CheckYamlStructure and the source parser.
// `what` names the file ("源文件"), `name` the anchor.
std::string YamlAliasMessage(const std::string& what, const std::string& name);
std::string YamlAnchorMessage(const std::string& what, const std::string& name);
std::string YamlDepthMessage(const std::string& what, int max_depth);
std::string YamlSecondDocumentMessage(const std::string& what);

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
