#include "model/document_kind.h"

namespace gongkai {

const char* DocumentKindId(DocumentKind kind) {
  return kind == DocumentKind::kBudget ? "budget" : "final-accounts";
}

const char* DocumentKindName(DocumentKind kind) {
  return kind == DocumentKind::kBudget ? "预算" : "决算";
}

std::optional<DocumentKind> ParseDocumentKind(std::string_view text) {
  for (auto kind : {DocumentKind::kBudget, DocumentKind::kFinalAccounts}) {
    if (text == DocumentKindId(kind) || text == DocumentKindName(kind)) return kind;
  }
  return std::nullopt;
}

}  // namespace gongkai
