#include "review/published_prose.h"

#include <fmt/format.h>

#include <string_view>

#include "review/prose.h"

namespace gongkai {
namespace {

using reader::FindingLevel;
using reader::ReaderFinding;

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// One UTF-8 character at the start of `s`, or empty.
std::string_view FirstChar(std::string_view s) {
  if (s.empty()) return s;
  const auto c = static_cast<unsigned char>(s[0]);
  const size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  return s.substr(0, std::min(n, s.size()));
}

bool IsChineseDigit(std::string_view c) {
  for (std::string_view d : {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}) {
    if (c == d) return true;
  }
  return false;
}

// 一、 十二、 （一） (一) （1） (1) 1. 1、 1．: a heading or an item of a list.
bool StartsWithMarker(std::string_view s) {
  std::string_view rest = s;
  bool open = false;
  for (std::string_view p : {"（", "("}) {
    if (StartsWith(rest, p)) {
      rest.remove_prefix(p.size());
      open = true;
      break;
    }
  }
  size_t digits = 0;
  while (!rest.empty()) {
    std::string_view c = FirstChar(rest);
    if (!(c.size() == 1 && c[0] >= '0' && c[0] <= '9') && !IsChineseDigit(c)) break;
    rest.remove_prefix(c.size());
    ++digits;
  }
  if (digits == 0 || digits > 3) return false;
  if (open) return StartsWith(rest, "）") || StartsWith(rest, ")");
  for (std::string_view p : {"、", ".", "．"}) {
    // "1.5万元" is a number, not an item.
    if (StartsWith(rest, p)) {
      std::string_view after = rest.substr(p.size());
      return after.empty() || !(after[0] >= '0' && after[0] <= '9');
    }
  }
  return false;
}

// "3", "-3-", "- 3 -", "第3页", "第3页共40页", "3/40": a page number.
bool IsPageNumber(std::string_view s) {
  bool digit = false;
  while (!s.empty()) {
    std::string_view c = FirstChar(s);
    if (c.size() == 1 && c[0] >= '0' && c[0] <= '9') {
      digit = true;
    } else if (!(c == "-" || c == "—" || c == "－" || c == "/" || c == "第" || c == "页" ||
                 c == "共")) {
      return false;
    }
    s.remove_prefix(c.size());
  }
  return digit;
}

bool HasPunctuation(std::string_view s) {
  for (std::string_view p : {"，", "。", "；", "：", ",", ";", ":"}) {
    if (s.find(p) != std::string_view::npos) return true;
  }
  return false;
}

// A paragraph: its normalised text and where each of its lines begins in it.
struct Paragraph {
  std::string text;
  struct LineStart {
    size_t offset;
    int page, line;
  };
  std::vector<LineStart> starts;

  // The page and line of byte `offset` of the text.
  const LineStart& At(size_t offset) const {
    size_t i = 0;
    while (i + 1 < starts.size() && starts[i + 1].offset <= offset) ++i;
    return starts[i];
  }
};

std::vector<Paragraph> Paragraphs(const std::vector<reader::NarrativePage>& pages) {
  std::vector<Paragraph> out;
  int previous_page = -1;
  for (const reader::NarrativePage& p : pages) {
    bool new_paragraph = p.page != previous_page + 1;
    previous_page = p.page;
    for (size_t i = 0; i < p.lines.size(); ++i) {
      const std::string line = NormaliseProse(p.lines[i]);
      if (line.empty()) {  // a row of a table: the paragraph ends
        new_paragraph = true;
        continue;
      }
      if (IsPageNumber(line)) continue;
      const bool marker = StartsWithMarker(line);
      if (new_paragraph || out.empty() || marker) out.emplace_back();
      // A heading alone on its line ("九、政府采购支出说明") is not the start of the sentence
      // after it.
      new_paragraph = marker && !HasPunctuation(line);
      Paragraph& g = out.back();
      g.starts.push_back({g.text.size(), p.page, static_cast<int>(i) + 1});
      g.text += line;
    }
  }
  return out;
}

// A figure read from a broken number ("—121—.55万元": a page number's dashes printed into the
// line, "41,534 .73" split): the sentence cannot be read, and is not checked.
bool Garbled(const ProseSentence& s) {
  for (const ProseFigure& f : s.figures) {
    if (f.begin > 0 && s.text[f.begin - 1] == '.') return true;
  }
  return false;
}

}  // namespace

void AppendPublishedProse(const reader::PublishedDocument& doc, const ProseWords& words,
                          std::vector<ReaderFinding>* findings) {
  const std::vector<Paragraph> paragraphs = Paragraphs(doc.narrative);
  // All sentences in one list (a share may name an amount stated in an earlier paragraph),
  // each with the page and line where it begins.
  std::vector<ProseSentence> sentences;
  std::vector<Paragraph::LineStart> begins;
  for (const Paragraph& g : paragraphs) {
    size_t cursor = 0;
    for (ProseSentence& s : SplitProse(g.text, words)) {
      // A list that opens a sentence is joined to the one before with "。": look for the part
      // before it.
      std::string_view head = s.text;
      head = head.substr(0, head.find("。"));
      const size_t at = g.text.find(head, cursor);
      if (at != std::string::npos) cursor = at;
      begins.push_back(g.At(cursor));
      sentences.push_back(std::move(s));
    }
  }
  ProseContext context;
  context.year = doc.year;
  for (const ProseRelation& r : CheckProse(sentences, words, context)) {
    if (r.agreement == Agreement::kExact || Garbled(sentences[r.sentence_index])) continue;
    const Paragraph::LineStart& where = begins[r.sentence_index];
    ReaderFinding f;
    f.level = r.agreement == Agreement::kRounding ? FindingLevel::kNote : FindingLevel::kError;
    f.rule = ProseRuleId(r.kind);
    f.table_title = "公开说明";
    f.page = where.page;
    f.line = where.line;
    f.row = fmt::format("第{}行", where.line);
    f.message =
        fmt::format("{}（{}）：第{}页第{}行{}{}", ProseRuleTitle(r.kind), f.rule, where.page,
                    where.line, r.message, f.level == FindingLevel::kNote ? "（尾数差异）" : "");
    findings->push_back(std::move(f));
  }
}

}  // namespace gongkai
