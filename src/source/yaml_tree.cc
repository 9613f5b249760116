#include "source/yaml_tree.h"

#include <libfyaml.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "base/yaml_message.h"

namespace gongkai {

const std::string& YamlNode::Scalar() const {
  static const std::string kEmpty;
  if (!tree_) return kEmpty;
  const YamlTree::Node& n = tree_->nodes_[index_];
  return n.kind == Kind::kScalar ? n.scalar : kEmpty;
}

size_t YamlNode::size() const {
  if (!tree_) return 0;
  const YamlTree::Node& n = tree_->nodes_[index_];
  return n.kind == Kind::kMap ? n.count / 2 : n.kind == Kind::kSequence ? n.count : 0;
}

YamlNode YamlNode::operator[](std::string_view key) const {
  // The loaders look up every key they know in every mapping: this is their innermost loop.
  if (!IsMap()) return {};
  const std::vector<YamlTree::Node>& nodes = tree_->nodes_;
  const YamlTree::Node& n = nodes[index_];
  const uint32_t* entry = tree_->children_.data() + n.first;
  for (const uint32_t* end = entry + n.count; entry != end; entry += 2) {
    const YamlTree::Node& k = nodes[entry[0]];
    if (k.kind == Kind::kScalar && k.scalar == key) return YamlNode(tree_, entry[1]);
  }
  return {};
}

YamlNode::ItemIterator YamlNode::begin() const {
  if (!IsSequence()) return {};
  const YamlTree::Node& n = tree_->nodes_[index_];
  return {tree_, tree_->children_.data() + n.first};
}

YamlNode::ItemIterator YamlNode::end() const {
  if (!IsSequence()) return {};
  const YamlTree::Node& n = tree_->nodes_[index_];
  return {tree_, tree_->children_.data() + n.first + n.count};
}

YamlEntryRange YamlNode::entries() const {
  if (!IsMap()) return {nullptr, nullptr, nullptr};
  const YamlTree::Node& n = tree_->nodes_[index_];
  const uint32_t* first = tree_->children_.data() + n.first;
  return {tree_, first, first + n.count};
}

std::vector<YamlNode> YamlTree::Scalars(YamlStyle style) const {
  std::vector<YamlNode> out;
  for (uint32_t i = 0; i < nodes_.size(); ++i) {
    if (nodes_[i].kind == YamlNode::Kind::kScalar && nodes_[i].style == style) {
      out.push_back(YamlNode(this, i));
    }
  }
  return out;
}

namespace {

bool IsNullText(std::string_view s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

// libfyaml's parser, its diagnostics collected instead of printed, and the event being read.
struct Parser {
  Parser() {
    fy_diag_cfg dcfg;
    fy_diag_cfg_default(&dcfg);
    dcfg.fp = nullptr;
    dcfg.output_fn = [](fy_diag*, void*, const char*, size_t) {};
    dcfg.colorize = false;
    diag = fy_diag_create(&dcfg);
    if (diag) fy_diag_set_collect_errors(diag, true);
    fy_parse_cfg cfg{};
    // Depth is bounded by the structure check: libfyaml's own limit would stop first with a
    // message of its own. Duplicate keys are reported by the loaders, with the name of the key.
    cfg.flags = static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_DISABLE_DEPTH_LIMIT |
                                                FYPCF_DEFAULT_VERSION_1_2 | FYPCF_JSON_NONE |
                                                FYPCF_ALLOW_DUPLICATE_KEYS);
    cfg.diag = diag;
    parser = fy_parser_create(&cfg);
  }
  ~Parser() {
    if (event) fy_parser_event_free(parser, event);
    if (parser) fy_parser_destroy(parser);
    if (diag) fy_diag_destroy(diag);
  }
  fy_event* Next() {
    if (event) fy_parser_event_free(parser, event);
    event = fy_parser_parse(parser);
    return event;
  }

  fy_diag* diag = nullptr;
  fy_parser* parser = nullptr;
  fy_event* event = nullptr;
};

}  // namespace

// Builds a YamlTree from libfyaml's events, checking the structure on the way.
class YamlBuilder {
 public:
  YamlBuilder(YamlTree* tree, std::string_view text, int max_depth, const std::string& what)
      : tree_(tree), text_(text), max_depth_(max_depth), what_(what) {
    // A byte-order mark is not a column of the first line.
    if (text_.starts_with("\xef\xbb\xbf")) bom_ = 3;
  }

  std::optional<YamlProblem> Run() {
    Parser p;
    if (!p.parser || fy_parser_set_string(p.parser, text_.data(), text_.size()) != 0) {
      return YamlProblem{0, 0, "YAML 解析器无法启动", true};
    }
    // About one node for every 10 bytes of a source (11 in a generated one with declared figures).
    tree_->nodes_.reserve(text_.size() / 10 + 16);
    tree_->children_.reserve(text_.size() / 10 + 16);
    int documents = 0;
    while (fy_event* e = p.Next()) {
      switch (e->type) {
        case FYET_DOCUMENT_START:
          if (++documents > 1) {
            Position at = Start(e);
            return YamlProblem{at.line, at.column, YamlSecondDocumentMessage(what_)};
          }
          break;
        case FYET_ALIAS: {
          Position at = Start(e);
          if (at.column > 1) --at.column;  // libfyaml marks the name, after the *
          size_t len = 0;
          const char* name = e->alias.anchor ? fy_token_get_text(e->alias.anchor, &len) : "";
          return YamlProblem{at.line, at.column,
                             YamlAliasMessage(what_, std::string(name ? name : "", len))};
        }
        case FYET_SCALAR:
          Anchor(e->scalar.anchor);
          Scalar(e);
          break;
        case FYET_MAPPING_START:
        case FYET_SEQUENCE_START: {
          const bool map = e->type == FYET_MAPPING_START;
          Anchor(map ? e->mapping_start.anchor : e->sequence_start.anchor);
          Position at = Tagged(e, Start(e));
          if (static_cast<int>(open_.size()) + 1 > max_depth_) {
            return YamlProblem{at.line, at.column, YamlDepthMessage(what_, max_depth_)};
          }
          const bool flow = fy_event_get_node_style(e) == FYNS_FLOW;
          uint32_t index = Add(map ? YamlNode::Kind::kMap : YamlNode::Kind::kSequence,
                               flow ? YamlStyle::kFlow : YamlStyle::kBlock, at, {});
          open_.push_back({index, children_.size(), map && !flow});
          // What follows a block sequence's start is its first "-"; anything else follows the
          // bracket or (a block mapping) is its first key.
          after_ = flow ? End(e) : Offset(e, /*end=*/false);
          break;
        }
        case FYET_MAPPING_END:
        case FYET_SEQUENCE_END: {
          Open o = open_.back();
          open_.pop_back();
          YamlTree::Node& n = tree_->nodes_[o.index];
          n.first = static_cast<uint32_t>(tree_->children_.size());
          n.count = static_cast<uint32_t>(children_.size() - o.children);
          tree_->children_.insert(tree_->children_.end(), children_.begin() + o.children,
                                  children_.end());
          children_.resize(o.children);
          after_ = End(e);
          break;
        }
        default:
          break;
      }
    }
    if (fy_parser_get_stream_error(p.parser)) return SyntaxError(p.diag);
    if (first_anchor_) return first_anchor_;
    if (tree_->nodes_.empty()) tree_->nodes_.push_back({});  // an empty text: a null root
    return std::nullopt;
  }

 private:
  struct Position {
    int line = 0, column = 0;
  };
  struct Open {
    uint32_t index;
    size_t children;  // where its children start in children_
    bool block_map;
  };

  // The 1-based line and byte column of a byte offset; `line0` is libfyaml's 0-based line.
  Position At(size_t offset, int line0) const {
    offset = std::min(offset, text_.size());
    // Most nodes are on the line of the one before or a later one: the start of the line is
    // found from the last one found.
    if (offset < at_offset_) at_offset_ = at_line_start_ = 0;
    if (const void* nl = memrchr(text_.data() + at_offset_, '\n', offset - at_offset_)) {
      at_line_start_ = static_cast<size_t>(static_cast<const char*>(nl) - text_.data()) + 1;
    }
    at_offset_ = offset;
    size_t start = at_line_start_;
    if (start == 0) start = std::min(bom_, offset);
    return {line0 + 1, static_cast<int>(offset - start) + 1};
  }
  size_t Offset(fy_event* e, bool end) const {
    const fy_mark* m = end ? fy_event_end_mark(e) : fy_event_start_mark(e);
    return m ? m->input_pos : after_;
  }
  Position Start(fy_event* e) const {
    const fy_mark* m = fy_event_start_mark(e);
    if (!m) return Skip(after_);
    return At(m->input_pos, m->line);
  }
  size_t End(fy_event* e) const { return Offset(e, true); }

  // The position of the next thing written from `offset` on: blanks, line breaks and comments
  // are skipped, then one indicator (the ":" of a value, the "-" of an item) and blanks again.
  // An empty value is there (yaml-cpp's place for it), and so is a block scalar's | or >.
  Position Skip(size_t offset, bool indicator = true) const {
    size_t pos = std::min(offset, text_.size());
    auto blanks = [&] {
      while (pos < text_.size()) {
        const char c = text_[pos];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
          ++pos;
        } else if (c == '#' && (pos == 0 || text_[pos - 1] == ' ' || text_[pos - 1] == '\t' ||
                                text_[pos - 1] == '\n')) {
          while (pos < text_.size() && text_[pos] != '\n') ++pos;
        } else {
          break;
        }
      }
    };
    blanks();
    if (indicator && pos < text_.size() &&
        (text_[pos] == ':' || text_[pos] == '-' || text_[pos] == '?')) {
      ++pos;
      blanks();
    }
    return At(pos, LineOf(pos));
  }

  // The 0-based line of a byte offset. Offsets asked for mostly grow: the count goes on from
  // the last one.
  int LineOf(size_t offset) const {
    if (offset < line_offset_) line_offset_ = 0, line_ = 0;
    line_ +=
        static_cast<int>(std::count(text_.begin() + line_offset_, text_.begin() + offset, '\n'));
    line_offset_ = offset;
    return line_;
  }

  // A node with a tag (!!str 123) starts at its tag.
  Position Tagged(fy_event* e, Position at) const {
    fy_token* tag = fy_event_get_tag_token(e);
    const fy_mark* m = tag ? fy_token_start_mark(tag) : nullptr;
    return m ? At(m->input_pos, m->line) : at;
  }

  void Anchor(fy_token* anchor) {
    if (!anchor || first_anchor_) return;
    const fy_mark* m = fy_token_start_mark(anchor);
    Position at = m ? At(m->input_pos, m->line) : Position{};
    if (at.column > 1) --at.column;  // libfyaml marks the name, after the &
    size_t len = 0;
    const char* name = fy_token_get_text(anchor, &len);
    first_anchor_ = YamlProblem{at.line, at.column,
                                YamlAnchorMessage(what_, std::string(name ? name : "", len))};
  }

  void Scalar(fy_event* e) {
    fy_token* value = e->scalar.value;
    // Known: libfyaml 0.7.12 leaks 512 bytes formatting a quoted scalar of more than a few
    // chunks (five '' escapes, say; found by the source fuzzer, fuzz/corpus/source/
    // escaped-quotes-many.yaml). Its token iterator, the documented alternative, returns wrong
    // text in that version, so the leak is accepted until a fixed libfyaml is packaged.
    size_t len = 0;
    const char* text = value ? fy_token_get_text(value, &len) : nullptr;
    std::string_view s(text ? text : "", text ? len : 0);
    YamlStyle style = YamlStyle::kPlain;
    switch (value ? fy_token_scalar_style(value) : FYSS_PLAIN) {
      case FYSS_SINGLE_QUOTED:
        style = YamlStyle::kSingleQuoted;
        break;
      case FYSS_DOUBLE_QUOTED:
        style = YamlStyle::kDoubleQuoted;
        break;
      case FYSS_LITERAL:
        style = YamlStyle::kLiteral;
        break;
      case FYSS_FOLDED:
        style = YamlStyle::kFolded;
        break;
      default:
        break;
    }
    const fy_mark* start = fy_event_start_mark(e);
    Position at;
    size_t after = after_;
    if (style == YamlStyle::kLiteral || style == YamlStyle::kFolded || !start) {
      // At the | or >, or where an empty value would be; an empty key is at its ":".
      const bool key = !open_.empty() &&
                       tree_->nodes_[open_.back().index].kind == YamlNode::Kind::kMap &&
                       (children_.size() - open_.back().children) % 2 == 0;
      at = Skip(after_, !key);
      if (const fy_mark* end = fy_event_end_mark(e)) after = end->input_pos;
    } else {
      at = At(start->input_pos, start->line);
      after = End(e);
      if (style == YamlStyle::kSingleQuoted || style == YamlStyle::kDoubleQuoted) {
        --at.column;  // at the quote
        ++after;      // after the closing quote
      }
    }
    at = Tagged(e, at);
    const bool null = style == YamlStyle::kPlain && !e->scalar.tag && IsNullText(s);
    Add(null ? YamlNode::Kind::kNull : YamlNode::Kind::kScalar, style, at,
        null ? std::string_view() : s);
    after_ = after;
  }

  uint32_t Add(YamlNode::Kind kind, YamlStyle style, Position at, std::string_view scalar) {
    const uint32_t index = static_cast<uint32_t>(tree_->nodes_.size());
    // The text constructed in place: cheaper than assigning to an empty string.
    tree_->nodes_.push_back({kind, style, at.line, at.column, 0, 0, std::string(scalar)});
    if (!open_.empty()) {
      Open& parent = open_.back();
      // A block mapping starts at its first key: at its quote when quoted (libfyaml gives the
      // text after it), at the "?" of an explicit key (libfyaml's own mark).
      if (parent.block_map && children_.size() == parent.children) {
        YamlTree::Node& map = tree_->nodes_[parent.index];
        if (at.line < map.line || (at.line == map.line && at.column < map.column)) {
          map.line = at.line;
          map.column = at.column;
        }
      }
      children_.push_back(index);
    }
    return index;
  }

  YamlProblem SyntaxError(fy_diag* diag) const {
    YamlProblem p;
    p.syntax = true;
    void* iter = nullptr;
    const fy_diag_error* err = diag ? fy_diag_errors_iterate(diag, &iter) : nullptr;
    if (!err) {
      p.message = "无法解析";
      return p;
    }
    std::string message = err->msg ? err->msg : "";
    p.line = err->line;
    p.column = err->column;
    size_t offset = LineStart(p.line);
    // libfyaml's columns count characters; ours count bytes.
    if (offset != std::string_view::npos) {
      size_t pos = offset;
      for (int c = 1; c < p.column && pos < text_.size() && text_[pos] != '\n'; ++c) {
        ++pos;
        while (pos < text_.size() && (static_cast<unsigned char>(text_[pos]) & 0xC0) == 0x80) ++pos;
      }
      if (message.find("tab") != std::string::npos && message.find("indent") != std::string::npos) {
        // At the tab, not after it.
        size_t tab = offset;
        while (tab < text_.size() && text_[tab] == ' ') ++tab;
        if (tab < text_.size() && text_[tab] == '\t') pos = tab;
      } else if (message.starts_with("invalid multiline plain key")) {
        // A line indented too far continues the text above it, which then ends at ": " as a
        // key: the mistake is at that colon.
        for (size_t i = pos; i < text_.size(); ++i) {
          if (text_[i] == ':' && (i + 1 == text_.size() || text_[i + 1] == ' ' ||
                                  text_[i + 1] == '\n' || text_[i + 1] == '\r')) {
            pos = i;
            break;
          }
        }
      }
      Position at = At(pos, LineOf(pos));
      p.line = at.line;
      p.column = at.column;
      bool at_end = true;
      for (size_t i = pos; i < text_.size() && at_end; ++i) {
        at_end = text_[i] == ' ' || text_[i] == '\n' || text_[i] == '\r' || text_[i] == '\t';
      }
      p.message = LibfyamlSyntaxMessage(message, at_end);
    } else {
      p.message = LibfyamlSyntaxMessage(message, true);
    }
    return p;
  }

  // The offset of a 1-based line, npos when the text is shorter.
  size_t LineStart(int line) const {
    if (line < 1) return std::string_view::npos;
    size_t pos = 0;
    for (int l = 1; l < line; ++l) {
      pos = text_.find('\n', pos);
      if (pos == std::string_view::npos) return pos;
      ++pos;
    }
    return pos == 0 ? bom_ : pos;
  }

  YamlTree* tree_;
  std::string_view text_;
  const int max_depth_;
  const std::string& what_;
  size_t bom_ = 0;
  size_t after_ = 0;                                  // where the last node read ends
  mutable size_t at_offset_ = 0, at_line_start_ = 0;  // At's last offset, and its line's start
  mutable size_t line_offset_ = 0;                    // LineOf's last offset and line
  mutable int line_ = 0;
  std::vector<Open> open_;
  std::vector<uint32_t> children_;  // children of the open collections, innermost last
  std::optional<YamlProblem> first_anchor_;
};

std::optional<YamlProblem> YamlTree::Parse(std::string_view text, int max_depth,
                                           const std::string& what) {
  nodes_.clear();
  children_.clear();
  std::optional<YamlProblem> problem = YamlBuilder(this, text, max_depth, what).Run();
  if (problem) {
    nodes_.clear();
    children_.clear();
  }
  return problem;
}

}  // namespace gongkai
