#include "reader/text_facts.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/csv.h"
#include "base/regex.h"
#include "reader/table_catalog.h"

namespace gongkai::reader {
namespace {

std::vector<std::string> SplitBar(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t bar = s.find('|', start);
    if (bar == std::string::npos) bar = s.size();
    std::string part = NormalizeTitle(s.substr(start, bar - start));
    if (!part.empty()) out.push_back(part);
    start = bar + 1;
  }
  return out;
}

bool StartsWithAt(const std::string& s, size_t at, std::string_view part) {
  return s.compare(at, part.size(), part) == 0;
}

size_t CodePointLength(unsigned char lead) {
  return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Words that end the short run between a phrase and its amount: another clause, a comparison
// with another figure, a share, a part ("其中").
constexpr std::string_view kStops[] = {"，", ",",  "。", "；", ";",  "：", "比", "较",  "增",
                                       "减", "降", "升", "占", "其", "（", "(",  "上年"};

// A year other than `year`, or "上年", in the clause before `at`.
bool OtherYearBefore(const std::string& text, size_t at, int year) {
  size_t start = 0;
  for (std::string_view stop : {"。", "；", "，"}) {
    size_t p = text.rfind(stop, at);
    if (p != std::string::npos && p + stop.size() <= at) start = std::max(start, p + stop.size());
  }
  const std::string clause = text.substr(start, at - start);
  if (clause.find("上年") != std::string::npos || clause.find("上一年") != std::string::npos) {
    return true;
  }
  static const Regex kYear(R"((20\d\d)年)");
  for (auto it = RegexIterator(clause.begin(), clause.end(), kYear); it != RegexIterator(); ++it) {
    if (year != 0 && std::stoi((*it)[1].str()) != year) return true;
  }
  return false;
}

bool LooksLikeContents(const std::string& norm) {
  return norm.find("…") != std::string::npos || norm.find("....") != std::string::npos ||
         norm.find("··") != std::string::npos;
}

}  // namespace

TextFacts TextFacts::Load(const std::string& data_dir) {
  TextFacts facts;
  const CsvTable figures = ReadCsvFile(data_dir + "/reader/text_figures.csv");
  const size_t key = figures.Column("key"), phrase = figures.Column("phrase"),
               not_after = figures.Column("not_after");
  for (const CsvRow& row : figures.rows) {
    TextFigurePattern p{row.fields[key], NormalizeTitle(row.fields[phrase]),
                        SplitBar(row.fields[not_after])};
    if (p.key.empty() || p.phrase.empty()) {
      throw CatalogError(fmt::format("{}:{}: key 和 phrase 不能为空", figures.path, row.line));
    }
    facts.figures.push_back(std::move(p));
  }
  const CsvTable items = ReadCsvFile(data_dir + "/reader/completeness.csv");
  const size_t id = items.Column("id"), name = items.Column("name"), kinds = items.Column("kinds"),
               keywords = items.Column("keywords"), min_chars = items.Column("min_chars");
  for (const CsvRow& row : items.rows) {
    CompletenessItem item;
    item.id = row.fields[id];
    item.name = row.fields[name];
    for (const std::string& k : SplitBar(row.fields[kinds])) {
      if (k == "预算") {
        item.kinds.push_back(DocumentKind::kBudget);
      } else if (k == "决算") {
        item.kinds.push_back(DocumentKind::kFinalAccounts);
      } else {
        throw CatalogError(fmt::format("{}:{}: kinds 应为“预算”“决算”或“预算|决算”，而不是“{}”",
                                       items.path, row.line, k));
      }
    }
    item.keywords = SplitBar(row.fields[keywords]);
    const std::string& m = row.fields[min_chars];
    if (!m.empty()) {
      if (!std::all_of(m.begin(), m.end(), IsDigit)) {
        throw CatalogError(
            fmt::format("{}:{}: min_chars 应为整数，而不是“{}”", items.path, row.line, m));
      }
      item.min_chars = std::stoi(m);
    }
    if (item.id.empty() || item.name.empty() || item.kinds.empty()) {
      throw CatalogError(fmt::format("{}:{}: id、name 和 kinds 不能为空", items.path, row.line));
    }
    facts.completeness.push_back(std::move(item));
  }
  const CsvTable elsewhere = ReadCsvFile(data_dir + "/reader/tables_elsewhere.csv");
  const size_t starts = elsewhere.Column("starts_with"), contains = elsewhere.Column("contains");
  for (const CsvRow& row : elsewhere.rows) {
    TablesElsewherePattern p{NormalizeTitle(row.fields[starts]),
                             NormalizeTitle(row.fields[contains])};
    if (p.contains.empty()) {
      throw CatalogError(fmt::format("{}:{}: contains 不能为空", elsewhere.path, row.line));
    }
    facts.tables_elsewhere.push_back(std::move(p));
  }
  return facts;
}

std::vector<TextFigure> ReadTextFigures(const std::vector<Page>& pages,
                                        const std::vector<TextFigurePattern>& patterns, int year) {
  static const Regex kAmount(R"(^([0-9][0-9,]*(?:\.[0-9]+)?)(万元|元))");
  std::vector<TextFigure> out;
  for (const Page& page : pages) {
    if (!page.readable) continue;
    // The page as one string, so that a sentence wrapped over lines is read whole.
    std::string text;
    std::vector<size_t> starts;
    for (const Line& line : page.lines) {
      starts.push_back(text.size());
      text += NormalizeTitle(line.Compact());
    }
    struct Match {
      size_t at, length;
      const TextFigurePattern* pattern;
    };
    std::vector<Match> matches;
    for (const TextFigurePattern& p : patterns) {
      for (size_t at = text.find(p.phrase); at != std::string::npos;
           at = text.find(p.phrase, at + 1)) {
        bool excluded = std::any_of(p.not_after.begin(), p.not_after.end(), [&](const auto& w) {
          return at >= w.size() && StartsWithAt(text, at - w.size(), w);
        });
        if (!excluded) matches.push_back({at, p.phrase.size(), &p});
      }
    }
    // Each match read on to its amount.
    std::vector<std::pair<Match, TextFigure>> read;
    for (const Match& m : matches) {
      if (OtherYearBefore(text, m.at, year)) continue;
      size_t i = m.at + m.length;
      bool stopped = false;
      for (size_t gap = 0; i < text.size() && !IsDigit(text[i]); ++gap) {
        if (gap >= 12) {
          stopped = true;
          break;
        }
        for (std::string_view stop : kStops) stopped |= StartsWithAt(text, i, stop);
        if (stopped) break;
        i += CodePointLength(static_cast<unsigned char>(text[i]));
      }
      if (stopped || i >= text.size()) continue;
      std::smatch a;
      const std::string rest = text.substr(i, 40);
      if (!std::regex_search(rest, a, kAmount)) continue;
      const MoneyUnit unit = a[2].str() == "万元" ? MoneyUnit::kWan : MoneyUnit::kYuan;
      std::optional<Money> amount = ParsePublishedAmount(a[1].str(), unit);
      if (!amount) continue;
      TextFigure f;
      f.key = m.pattern->key;
      f.phrase = m.pattern->phrase;
      f.amount = *amount;
      f.text = a[0].str();
      f.page = page.number;
      size_t line = std::upper_bound(starts.begin(), starts.end(), m.at) - starts.begin();
      f.line = static_cast<int>(line);
      if (line >= 1) {
        f.box = page.lines[line - 1].box;
        f.sentence = NormalizeTitle(page.lines[line - 1].Compact());
        const Cell& first = page.lines[line - 1].cells.front();
        if (!page.sheet.empty())
          f.cell = PlaceName({page.number, f.box, page.sheet, first.row, first.col});
      }
      Match spanned = m;
      spanned.length = i + a[0].length() - m.at;  // phrase, words between, amount
      read.emplace_back(spanned, std::move(f));
    }
    for (size_t k = 0; k < read.size(); ++k) {
      const Match& m = read[k].first;
      const size_t phrase_end = m.at + read[k].second.phrase.size();
      // A phrase inside another one's figure is part of it: 财政拨款收支总预算 is not
      // 收支总预算, and in "财政拨款收入总计、支出总计均为…" the 支出总计 is the 财政拨款 one.
      bool inside = false;
      for (size_t o = 0; o < read.size() && !inside; ++o) {
        if (o == k) continue;
        const Match& other = read[o].first;
        const size_t other_phrase_end = other.at + read[o].second.phrase.size();
        bool longer_phrase = other.at <= m.at && other_phrase_end >= phrase_end &&
                             other_phrase_end - other.at > phrase_end - m.at;
        bool starts_inside = other.at < m.at && m.at < other.at + other.length;
        inside = longer_phrase || starts_inside;
      }
      if (inside) continue;
      TextFigure f = read[k].second;
      out.push_back(std::move(f));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const TextFigure& a, const TextFigure& b) {
    return a.page != b.page ? a.page < b.page : a.line < b.line;
  });
  return out;
}

std::vector<CompletenessMark> ReadCompleteness(
    const std::vector<Page>& pages, const std::vector<CompletenessItem>& items,
    const PublishedDocument& doc, const std::vector<TablesElsewherePattern>& elsewhere) {
  const DocumentKind kind = doc.kind == DocumentKind::kUnknown ? DocumentKind::kBudget : doc.kind;
  // Where the text says the tables are published apart, when none is printed here.
  int elsewhere_page = 0;
  for (size_t p = 0; p < pages.size() && doc.tables.empty() && !elsewhere_page; ++p) {
    if (!pages[p].readable) continue;
    for (const Line& line : pages[p].lines) {
      const std::string norm = NormalizeTitle(line.Compact());
      if (LooksLikeContents(norm)) continue;
      bool said = std::any_of(elsewhere.begin(), elsewhere.end(), [&](const auto& e) {
        return norm.rfind(e.starts_with, 0) == 0 && norm.find(e.contains) != std::string::npos;
      });
      if (said) {
        elsewhere_page = pages[p].number;
        break;
      }
    }
  }
  // Every line normalised once (the items below each look through all of them).
  std::vector<std::vector<std::string>> normal(pages.size());
  for (size_t p = 0; p < pages.size(); ++p) {
    if (!pages[p].readable) continue;
    normal[p].reserve(pages[p].lines.size());
    for (const Line& line : pages[p].lines) normal[p].push_back(NormalizeTitle(line.Compact()));
  }
  std::vector<CompletenessMark> out;
  for (const CompletenessItem& item : items) {
    if (std::find(item.kinds.begin(), item.kinds.end(), kind) == item.kinds.end()) continue;
    CompletenessMark mark{item.id, item.name, item.keywords.empty()};
    if (mark.is_table) {
      if (const PublishedTable* t = doc.Find(item.id)) {
        mark.found = true;
        mark.page = t->pages.empty() ? 0 : t->pages.front();
        mark.sheet = t->sheet;
      } else if (elsewhere_page) {
        mark.elsewhere = true;
        mark.page = elsewhere_page;
      }
      out.push_back(std::move(mark));
      continue;
    }
    for (size_t p = 0; p < pages.size() && !mark.found; ++p) {
      if (!pages[p].readable) continue;
      for (const std::string& norm : normal[p]) {
        if (LooksLikeContents(norm)) continue;
        // A title of a table (…表) names the subject without explaining it.
        if (item.min_chars > 0 && norm.size() >= 3 && norm.compare(norm.size() - 3, 3, "表") == 0)
          continue;
        if (static_cast<int>(CodePoints(norm)) < item.min_chars) continue;
        for (const std::string& k : item.keywords) {
          if (norm.find(k) != std::string::npos) {
            mark.found = true;
            mark.page = pages[p].number;
            mark.sheet = pages[p].sheet;
            break;
          }
        }
        if (mark.found) break;
      }
    }
    out.push_back(std::move(mark));
  }
  return out;
}

namespace {

bool HasSentencePunctuation(std::string_view s) {
  for (std::string_view p : {"，", "。", "；", ",", ";"}) {
    if (s.find(p) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

std::vector<NarrativePage> ReadNarrative(const std::vector<Page>& pages,
                                         const PublishedDocument& doc) {
  std::vector<NarrativePage> out;
  for (const Page& p : pages) {
    if (!p.readable || !p.sheet.empty() || p.lines.empty()) continue;
    // Lines of the tables read on this page are not text.
    std::vector<bool> in_table(p.lines.size(), false);
    for (const PublishedTable& t : doc.tables) {
      for (const LineSpan& span : t.spans) {
        if (span.page != p.number) continue;
        for (int i = std::max(span.first, 1); i <= span.last && i <= int(p.lines.size()); ++i)
          in_table[i - 1] = true;
      }
    }
    NarrativePage n;
    n.page = p.number;
    bool sentence = false;  // a page that is all table but for a page number has no text
    for (size_t i = 0; i < p.lines.size(); ++i) {
      const Line& l = p.lines[i];
      if (in_table[i]) {
        n.lines.emplace_back();
        continue;
      }
      // A row of a table the reader does not know (a 绩效目标表 …): cells apart, no
      // punctuation of a sentence, and amounts or rates ("检查收入 ≥18.5万元 19.8万元 10 10").
      // Kept as an empty line, which ends a paragraph, so that line numbers stay those of the
      // page and its figures are not read as a sentence's. A line of justified text split at
      // a number ("2017 年本部门…预算支出") has no unit and stays.
      std::string text = l.Compact();
      if (l.cells.size() >= 2 && !HasSentencePunctuation(text) &&
          (text.find("元") != std::string::npos || text.find('%') != std::string::npos ||
           text.find("％") != std::string::npos)) {
        text.clear();
      }
      sentence |= HasSentencePunctuation(text) || text.find("。") != std::string::npos;
      n.lines.push_back(std::move(text));
    }
    // Empty lines after the last line of text tell nothing.
    while (!n.lines.empty() && n.lines.back().empty()) n.lines.pop_back();
    if (sentence || std::find(in_table.begin(), in_table.end(), true) == in_table.end())
      out.push_back(std::move(n));
  }
  return out;
}

}  // namespace gongkai::reader
