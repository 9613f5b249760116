#include "reader/published_document.h"

#include <algorithm>

#include "xlsx/xlsx_reader.h"

namespace gongkai::reader {
namespace {

bool IsDash(std::string_view t) {
  return t == "-" || t == "--" || t == "—" || t == "——" || t == "－" || t == "–" || t == "/";
}

// Normalises full-width digits and signs; removes thousands separators and spaces.
std::string Plain(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBC) {
      unsigned char d = static_cast<unsigned char>(text[i + 2]);
      if (d >= 0x90 && d <= 0x99) {  // ０-９
        out += static_cast<char>('0' + (d - 0x90));
        i += 3;
        continue;
      }
      if (d == 0x8E) {  // ．
        out += '.';
        i += 3;
        continue;
      }
      if (d == 0x8C) {  // ，
        i += 3;
        continue;
      }
      if (d == 0x8D) {  // －
        out += '-';
        i += 3;
        continue;
      }
    }
    if (c == ',' || c == ' ') {
      ++i;
      continue;
    }
    out += text[i++];
  }
  return out;
}

}  // namespace

bool LooksLikeAmount(std::string_view text) {
  if (IsDash(text)) return true;
  std::string t = Plain(text);
  if (t.size() >= 2 && (t.front() == '(' || t.substr(0, 3) == "（") &&
      (t.back() == ')' || (t.size() >= 3 && t.substr(t.size() - 3) == "）"))) {
    size_t open = t.front() == '(' ? 1 : 3;
    size_t close = t.back() == ')' ? 1 : 3;
    if (t.size() <= open + close) return false;
    t = t.substr(open, t.size() - open - close);
  }
  if (!t.empty() && t.front() == '-') t.erase(0, 1);
  if (t.empty()) return false;
  int digits = 0, dots = 0;
  for (char c : t) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c == '.') {
      ++dots;
    } else {
      return false;
    }
  }
  return digits > 0 && dots <= 1 && t.front() != '.' && t.back() != '.';
}

std::optional<Money> ParsePublishedAmount(std::string_view text, MoneyUnit unit) {
  if (text.empty() || IsDash(text)) return Money();
  if (!LooksLikeAmount(text)) return std::nullopt;
  std::string t = Plain(text);
  bool negative = false;
  if (t.front() == '(' || t.substr(0, 3) == "（") {
    negative = true;
    size_t open = t.front() == '(' ? 1 : 3;
    size_t close = t.back() == ')' ? 1 : 3;
    t = t.substr(open, t.size() - open - close);
  }
  std::string why;
  std::optional<Money> m = Money::Parse(t, unit, &why);
  if (!m) return std::nullopt;
  return negative ? -*m : *m;
}

std::optional<size_t> PublishedTable::Column(std::string_view label, int side) const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].side != side) continue;
    if (columns[i].name.find(label) != std::string::npos ||
        columns[i].path.find(label) != std::string::npos) {
      return i;
    }
  }
  return std::nullopt;
}

const PublishedRow* PublishedTable::Row(std::string_view code, int side) const {
  for (const PublishedRow& r : rows) {
    if (r.side == side && r.code == code) return &r;
  }
  return nullptr;
}

const PublishedRow* PublishedTable::Total(int side) const {
  for (const PublishedRow& r : rows) {
    if (r.side == side && r.is_total) return &r;
  }
  return nullptr;
}

bool PublishedTable::HasFigures() const {
  return std::any_of(rows.begin(), rows.end(), [](const PublishedRow& r) {
    return std::any_of(r.amounts.begin(), r.amounts.end(),
                       [](const PublishedAmount& a) { return !a.blank; });
  });
}

bool PublishedDocument::IsBlankForm() const {
  return !tables.empty() && std::none_of(tables.begin(), tables.end(),
                                         [](const PublishedTable& t) { return t.HasFigures(); });
}

std::string PlaceName(const Location& where) {
  if (!where.InSheet()) return "第" + std::to_string(where.page) + "页";
  // Excel quotes a sheet name that starts with a digit or holds spaces or punctuation.
  const std::string& name = where.sheet;
  bool quote = name.front() >= '0' && name.front() <= '9';
  for (unsigned char c : name) {
    bool plain = c >= 0x80 || c == '_' || c == '.' || (c >= '0' && c <= '9') ||
                 (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    quote = quote || !plain;
  }
  quote = quote || name.find("\u3000") != std::string::npos;
  std::string sheet = name;
  if (quote) {
    sheet = "'";
    for (char c : name) sheet += c == '\'' ? std::string("''") : std::string(1, c);
    sheet += "'";
  }
  if (where.row < 1 || where.col < 1) return sheet;
  return sheet + "!" + CellRef(where.row, where.col);
}

const PublishedTable* PublishedDocument::Find(std::string_view id) const {
  for (const PublishedTable& t : tables) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

std::string KindName(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::kBudget:
      return "预算";
    case DocumentKind::kFinalAccounts:
      return "决算";
    default:
      return "未知";
  }
}

}  // namespace gongkai::reader
