// The two documents a department publishes each year: the budget (预算), before the year, and
// the final accounts (决算), after it. Everything a document says about its own kind (titles,
// cover, running head, the noun in sentences) comes from the templates of its kind
// (data/templates/<kind>/<year>/frame.csv), never from code.
#ifndef GONGKAI_MODEL_DOCUMENT_KIND_H_
#define GONGKAI_MODEL_DOCUMENT_KIND_H_

#include <optional>
#include <string_view>

namespace gongkai {

enum class DocumentKind { kBudget, kFinalAccounts };

// The identifier used in data paths and sources: "budget", "final-accounts".
const char* DocumentKindId(DocumentKind kind);
// The Chinese name: 预算, 决算.
const char* DocumentKindName(DocumentKind kind);
// From an identifier or a Chinese name.
std::optional<DocumentKind> ParseDocumentKind(std::string_view text);

}  // namespace gongkai

#endif  // GONGKAI_MODEL_DOCUMENT_KIND_H_
