// The YAML tree of a source file: mappings, sequences and scalars, each with the line and
// column it starts at, read by libfyaml's event parser in one pass.
//
// The tree is immutable and small: every node is an entry of one array, its children entries of
// another, so reading a department is a few allocations rather than one per node. Positions are
// those people count in an editor, 1-based, the column in bytes (as the messages have always
// given them): a quoted scalar starts at its quote, a block scalar (`|`, `>`) at its indicator,
// a block mapping at its first key, a value left empty (`name:`) where the next thing starts.
//
// The parse also checks the shape a hand-written file must have (see CheckYamlStructure in
// base/yaml_message.h, whose rules and messages it follows): no anchors or aliases, nothing
// nested deeper than a bound, one document. A tree is therefore never a graph, and a walk of it
// can rely on the bound.
#ifndef GONGKAI_SOURCE_YAML_TREE_H_
#define GONGKAI_SOURCE_YAML_TREE_H_

#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace gongkai {

class YamlTree;
struct YamlEntryRange;
template <typename Value>
class YamlChildIterator;

// How a node was written. A plain `123` and a quoted "123" are both scalars with the text 123;
// only a plain ~, null, Null, NULL or nothing at all is null.
enum class YamlStyle : uint8_t {
  kPlain,
  kSingleQuoted,
  kDoubleQuoted,
  kLiteral,  // |
  kFolded,   // >
  kBlock,    // a mapping or sequence written with indentation
  kFlow,     // { … } or [ … ]
};

// A node of a YamlTree, or an undefined node (a key that is not there): a handle, cheap to copy,
// valid as long as its tree.
class YamlNode {
 public:
  enum class Kind : uint8_t { kUndefined, kNull, kScalar, kMap, kSequence };

  YamlNode() = default;

  explicit operator bool() const { return tree_ != nullptr; }
  bool IsDefined() const { return tree_ != nullptr; }
  Kind kind() const;
  bool IsNull() const { return kind() == Kind::kNull; }
  bool IsScalar() const { return kind() == Kind::kScalar; }
  bool IsMap() const { return kind() == Kind::kMap; }
  bool IsSequence() const { return kind() == Kind::kSequence; }
  // The text of a scalar as decoded (escapes, folding); empty for any other node.
  const std::string& Scalar() const;
  YamlStyle style() const;
  // 1-based; 0 for an undefined node (and for the null root of an empty text).
  int line() const;
  int column() const;

  // The number of items of a sequence or entries of a mapping.
  size_t size() const;
  // The value of the first entry of a mapping whose key is the scalar `key`; undefined when
  // there is none, or when this is not a mapping.
  YamlNode operator[](std::string_view key) const;

  // The items of a sequence (none for any other node): for (YamlNode item : list).
  using ItemIterator = YamlChildIterator<YamlNode>;
  ItemIterator begin() const;
  ItemIterator end() const;

  // The entries of a mapping in the order written (none for any other node):
  // for (const YamlEntry& e : map.entries()) … e.key, e.value.
  YamlEntryRange entries() const;

 private:
  friend class YamlTree;
  template <typename Value>
  friend class YamlChildIterator;
  YamlNode(const YamlTree* tree, uint32_t index) : tree_(tree), index_(index) {}
  const YamlTree* tree_ = nullptr;
  uint32_t index_ = 0;
};

// Why a text is not a tree: a syntax error, or a shape a source must not have. Both located.
struct YamlProblem {
  int line = 0, column = 0;  // 1-based, the column in bytes
  std::string message;       // in Chinese (see YamlSyntaxMessage, CheckYamlStructure)
  bool syntax = false;       // a syntax error (the message says what libfyaml found)
};

class YamlTree {
 public:
  YamlTree() = default;
  YamlTree(const YamlTree&) = delete;  // nodes point to their tree
  YamlTree& operator=(const YamlTree&) = delete;

  // Parses `text` as one YAML document (YAML 1.2, so JSON too). Returns the first problem, in
  // the order CheckYamlStructure gives them: the first syntax error, alias, node nested deeper
  // than `max_depth` or start of a second document, else the first anchor; `what` names the
  // file in messages ("源文件"). On a problem the tree is empty.
  std::optional<YamlProblem> Parse(std::string_view text, int max_depth, const std::string& what);

  // The document's root: null for an empty text.
  YamlNode root() const { return nodes_.empty() ? YamlNode() : YamlNode(this, 0); }

  // The scalars written in `style`, keys and values alike, in the order written (the order of a
  // walk from the root, keys before their values): a scan of the nodes, not a walk.
  std::vector<YamlNode> Scalars(YamlStyle style) const;

 private:
  friend class YamlNode;
  friend class YamlBuilder;
  struct Node {
    YamlNode::Kind kind = YamlNode::Kind::kNull;
    YamlStyle style = YamlStyle::kPlain;
    int line = 0, column = 0;
    uint32_t first = 0, count = 0;  // children: children_[first, first + count)
    std::string scalar;
  };
  std::vector<Node> nodes_;
  std::vector<uint32_t> children_;  // maps: key, value, key, value …
};

struct YamlEntry {
  YamlNode key, value;
};

// Steps through a node's children as the tree stores them (YamlTree::children_): one index per
// item of a sequence, read as a YamlNode; a key's and a value's per entry of a mapping, read as
// a YamlEntry.
template <typename Value>
class YamlChildIterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = Value;
  using difference_type = std::ptrdiff_t;
  using pointer = void;
  using reference = Value;
  static constexpr int kStride = std::is_same_v<Value, YamlEntry> ? 2 : 1;
  YamlChildIterator() = default;
  YamlChildIterator(const YamlTree* tree, const uint32_t* p) : tree_(tree), p_(p) {}
  Value operator*() const {
    if constexpr (kStride == 2) {
      return {YamlNode(tree_, p_[0]), YamlNode(tree_, p_[1])};
    } else {
      return YamlNode(tree_, *p_);
    }
  }
  YamlChildIterator& operator++() {
    p_ += kStride;
    return *this;
  }
  YamlChildIterator operator++(int) {
    YamlChildIterator old = *this;
    p_ += kStride;
    return old;
  }
  bool operator==(const YamlChildIterator& o) const { return p_ == o.p_; }

 private:
  const YamlTree* tree_ = nullptr;
  const uint32_t* p_ = nullptr;
};

struct YamlEntryRange {
  const YamlTree* tree = nullptr;
  const uint32_t *first = nullptr, *last = nullptr;
  YamlChildIterator<YamlEntry> begin() const { return {tree, first}; }
  YamlChildIterator<YamlEntry> end() const { return {tree, last}; }
};

inline YamlNode::Kind YamlNode::kind() const {
  return tree_ ? tree_->nodes_[index_].kind : Kind::kUndefined;
}
inline YamlStyle YamlNode::style() const {
  return tree_ ? tree_->nodes_[index_].style : YamlStyle::kPlain;
}
inline int YamlNode::line() const { return tree_ ? tree_->nodes_[index_].line : 0; }
inline int YamlNode::column() const { return tree_ ? tree_->nodes_[index_].column : 0; }

}  // namespace gongkai

#endif  // GONGKAI_SOURCE_YAML_TREE_H_
