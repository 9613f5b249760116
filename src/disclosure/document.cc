#include "disclosure/document.h"

namespace gongkai {

std::string Cell::Display() const { return money ? money->Wan(2, true) : text; }

const char* RowKindName(RowKind kind) {
  switch (kind) {
    case RowKind::kTotal:
      return "total";
    case RowKind::kClass:
      return "class";
    case RowKind::kSection:
      return "section";
    case RowKind::kItem:
      return "item";
    case RowKind::kPlain:
      return "plain";
    case RowKind::kHeading:
      return "heading";
  }
  return "plain";
}

const Table* Document::FindTable(const std::string& id) const {
  for (const auto& t : tables) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

}  // namespace gongkai
