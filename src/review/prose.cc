#include "review/prose.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <optional>

#include "base/utf8_text.h"

namespace gongkai {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// Spaces dropped, full-width digits, point and percent sign made ASCII.
std::string Normalise(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = text[i];
    if (c == ' ' || c == '\t' || c == '\r') continue;
    if (c == 0xE3 && i + 2 < text.size() && (unsigned char)text[i + 1] == 0x80 &&
        (unsigned char)text[i + 2] == 0x80) {  // U+3000 ideographic space
      i += 2;
      continue;
    }
    if (c == 0xEF && i + 2 < text.size() && (unsigned char)text[i + 1] == 0xBC) {
      unsigned char d = text[i + 2];
      if (d >= 0x90 && d <= 0x99) {  // ０ … ９
        out += static_cast<char>('0' + (d - 0x90));
        i += 2;
        continue;
      }
      if (d == 0x8E) {  // ．
        out += '.';
        i += 2;
        continue;
      }
      if (d == 0x85) {  // ％
        out += '%';
        i += 2;
        continue;
      }
    }
    out += static_cast<char>(c);
  }
  return out;
}

constexpr std::string_view kChineseDigits[] = {"零", "一", "二", "三", "四",
                                               "五", "六", "七", "八", "九"};

// The Chinese numeral at the start of `s` ("四十", "十二点五", "一百"): its value as decimal
// text and its length in bytes; nullopt when there is none.
std::optional<std::pair<std::string, size_t>> ChineseNumeral(std::string_view s) {
  long value = 0, current = 0;
  size_t pos = 0;
  bool any = false;
  auto digit_at = [&](size_t p) -> int {
    for (int d = 0; d < 10; ++d) {
      if (s.substr(p, kChineseDigits[d].size()) == kChineseDigits[d]) return d;
    }
    if (s.substr(p, 3) == "〇") return 0;
    if (s.substr(p, 3) == "两") return 2;
    return -1;
  };
  while (pos < s.size()) {
    int d = digit_at(pos);
    if (d >= 0) {
      current = d;
      pos += 3;
      any = true;
    } else if (s.substr(pos, 3) == "十") {
      value += (current == 0 && !any ? 1 : current) * 10;
      current = 0;
      pos += 3;
      any = true;
    } else if (s.substr(pos, 3) == "百") {
      value += (current == 0 ? 1 : current) * 100;
      current = 0;
      pos += 3;
      any = true;
    } else {
      break;
    }
  }
  if (!any) return std::nullopt;
  value += current;
  std::string text = std::to_string(value);
  if (s.substr(pos, 3) == "点") {
    std::string decimals;
    size_t p = pos + 3;
    for (int d; p < s.size() && (d = digit_at(p)) >= 0; p += 3) decimals += char('0' + d);
    if (!decimals.empty()) {
      text += "." + decimals;
      pos = p;
    }
  }
  return std::make_pair(text, pos);
}

std::vector<ProseFigure> ScanFigures(const std::string& s) {
  std::vector<ProseFigure> out;
  size_t i = 0;
  while (i < s.size()) {
    if (StartsWith(std::string_view(s).substr(i), "百分之")) {
      if (auto n = ChineseNumeral(std::string_view(s).substr(i + 9))) {
        ProseFigure f;
        f.kind = ProseFigure::kPercent;
        f.begin = i;
        f.end = i + 9 + n->second;
        f.printed = n->first;
        out.push_back(f);
        i = f.end;
        continue;
      }
    }
    if (!IsDigit(s[i])) {
      ++i;
      continue;
    }
    size_t begin = i;
    bool glued = begin > 0 && (IsAsciiLetter(s[begin - 1]) || s[begin - 1] == '-');
    std::string printed;
    bool point = false;
    while (i < s.size()) {
      if (IsDigit(s[i])) {
        printed += s[i++];
      } else if (s[i] == ',' && !point && i + 3 < s.size() + 0 && IsDigit(s[i + 1]) &&
                 i + 3 < s.size() && IsDigit(s[i + 2]) && IsDigit(s[i + 3]) &&
                 (i + 4 >= s.size() || !IsDigit(s[i + 4]))) {
        ++i;  // grouping comma: exactly three digits follow
      } else if (s[i] == '.' && !point && i + 1 < s.size() && IsDigit(s[i + 1])) {
        point = true;
        printed += s[i++];
      } else {
        break;
      }
    }
    if (glued || (i < s.size() && IsAsciiLetter(s[i]))) continue;  // a code such as C1900
    std::string_view rest = std::string_view(s).substr(i);
    ProseFigure f;
    f.begin = begin;
    f.printed = printed;
    std::string why;
    if (StartsWith(rest, "万元") || StartsWith(rest, "元")) {
      bool wan = StartsWith(rest, "万元");
      auto m = Money::Parse(printed, wan ? MoneyUnit::kWan : MoneyUnit::kYuan, &why);
      if (!m) continue;
      f.kind = ProseFigure::kAmount;
      f.amount = *m;
      f.step = Money::FromFen(wan ? 10000 : 1);
      f.end = i + (wan ? 6 : 3);
    } else if (StartsWith(rest, "%")) {
      f.kind = ProseFigure::kPercent;
      f.end = i + 1;
    } else if (StartsWith(rest, "年") && printed.size() == 4 && !point && printed >= "1900" &&
               printed <= "2100") {
      f.kind = ProseFigure::kYear;
      f.year = std::stoi(printed);
      f.end = i + 3;
    } else {
      continue;
    }
    out.push_back(f);
    i = f.end;
  }
  return out;
}

// The gap without the commas and colons that separate clauses of one relation.
std::string Bare(std::string_view gap) {
  std::string out;
  for (size_t i = 0; i < gap.size();) {
    bool skip = false;
    for (std::string_view p : {"，", "、", "："}) {
      if (gap.substr(i, p.size()) == p) {
        i += p.size();
        skip = true;
        break;
      }
    }
    if (skip) continue;
    if (gap[i] == ',' || gap[i] == ':') {
      ++i;
      continue;
    }
    out += gap[i++];
  }
  return out;
}

std::string_view DropSuffix(std::string_view s, std::string_view suffix) {
  return s.substr(0, s.size() - suffix.size());
}

// `s` without the label words (预算, 预算数为, 安排 …) at its end.
std::string_view StripLabels(std::string_view s, const ProseWords& w) {
  for (;;) {
    auto label = w.SuffixOf("label", s);
    if (label.empty()) return s;
    s = DropSuffix(s, label);
  }
}

bool EndsWithComparison(std::string_view s) {
  return EndsWith(s, "比") || EndsWith(s, "较") || EndsWith(s, "与") || EndsWith(s, "同");
}

bool IsComparisonWord(std::string_view s) {
  return s == "比" || s == "较" || s == "同比" || s == "较之";
}

std::string Amount(Money m) {
  std::string s = m.ExactWan();
  return s;
}

Agreement CompareWithin(Money printed, Money expected, Money tolerance) {
  Money diff = printed - expected;
  if (diff.is_negative()) diff = -diff;
  if (diff.is_zero()) return Agreement::kExact;
  return diff <= tolerance ? Agreement::kRounding : Agreement::kMismatch;
}

struct Analysis {
  const ProseSentence& s;
  const ProseWords& w;
  const ProseContext& context;
  std::vector<ProseRelation>* out;

  const std::vector<ProseFigure>& f() const { return s.figures; }
  bool IsAmount(size_t i) const { return i < f().size() && f()[i].kind == ProseFigure::kAmount; }

  // The sentence from the clause that holds figure `first` to the end of figure `last`.
  std::string Quote(size_t first, size_t last) const {
    // "2023年预算25万元": the year that labels the first figure belongs to the quote.
    while (first > 0 && f()[first - 1].kind == ProseFigure::kYear &&
           Bare(s.Gap(first)) == std::string(s.Gap(first)))
      --first;
    size_t start = f()[first].begin;
    std::string_view text = s.text;
    size_t limit = first > 0 ? f()[first - 1].end : 0;
    while (start > limit) {
      std::string_view before = text.substr(0, start);
      bool stop = false;
      for (std::string_view p : {"，", "。", "；", "：", ",", ";", ":"}) {
        if (EndsWith(before, p)) stop = true;
      }
      if (stop) break;
      --start;
      while (start > limit && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    }
    return Excerpt(text.substr(start, f()[last].end - start), 100);
  }

  void Emit(ProseRelationKind kind, Agreement a, std::string message, std::string expected,
            std::string found) const {
    out->push_back({kind, a, s.text, std::move(message), std::move(expected), std::move(found)});
  }

  // The year a sentence gives an amount: "2023年预算X万元", "本年预算X万元", "上年X万元"; 0 if
  // none.
  int LabelYear(size_t j) const {
    std::string bare = Bare(s.Gap(j));
    std::string_view rest = StripLabels(bare, w);
    if (j > 0 && f()[j - 1].kind == ProseFigure::kYear && (rest.empty() || rest == "度"))
      return f()[j - 1].year;
    if (auto c = w.SuffixOf("current", rest);
        !c.empty() && !EndsWithComparison(DropSuffix(rest, c)))
      return context.year;
    if (auto p = w.SuffixOf("prior", rest); !p.empty() && !EndsWithComparison(DropSuffix(rest, p)))
      return context.year ? context.year - 1 : 0;
    return 0;
  }

  // Amounts of given years: those the sentence labels (a year labelled twice with different
  // amounts is ambiguous and dropped), then those the caller knows.
  std::map<int, Money> YearAmounts() const {
    std::map<int, Money> years;
    std::map<int, bool> conflict;
    for (size_t j = 0; j < f().size(); ++j) {
      if (!IsAmount(j)) continue;
      int y = LabelYear(j);
      if (y == 0 || IsChange(j)) continue;
      auto [it, inserted] = years.emplace(y, f()[j].amount);
      if (!inserted && it->second != f()[j].amount) conflict[y] = true;
    }
    for (const auto& [y, bad] : conflict) years.erase(y);
    for (const auto& [y, m] : context.known) years.emplace(y, m);
    return years;
  }

  struct Change {
    size_t figure;                  // the change amount
    int direction;                  // +1 增加, −1 减少
    std::optional<size_t> subject;  // the amount it is the change of, when printed just before
    int subject_year = 0;           // 0: not known
    int reference_year = 0;         // 0: not known
    std::string verb;
  };

  // Figure j as "…比上年增加B万元" / "比2022年预算减少B万元" / "本年预算减少B万元".
  std::optional<Change> ChangeAt(size_t j) const {
    if (!IsAmount(j)) return std::nullopt;
    std::string bare = Bare(s.Gap(j));
    std::string_view x = bare;
    if (EndsWith(x, "了")) x = DropSuffix(x, "了");
    auto up = w.SuffixOf("change_up", x), down = w.SuffixOf("change_down", x);
    if (up.empty() && down.empty()) return std::nullopt;
    Change c;
    c.figure = j;
    c.direction = up.size() >= down.size() ? 1 : -1;
    c.verb = std::string(c.direction > 0 ? up : down);
    std::string_view rest = StripLabels(DropSuffix(x, c.verb), w);
    // 比2022年预算减少B: the year is a figure of its own.
    if ((rest.empty() || rest == "度") && j >= 2 && f()[j - 1].kind == ProseFigure::kYear &&
        IsComparisonWord(Bare(s.Gap(j - 1))) && IsAmount(j - 2)) {
      c.subject = j - 2;
      c.subject_year = LabelYear(j - 2);
      c.reference_year = f()[j - 1].year;
      return c;
    }
    if (auto p = w.SuffixOf("prior", rest); !p.empty()) {
      std::string_view before = DropSuffix(rest, p);
      if (IsComparisonWord(before) && j >= 1 && IsAmount(j - 1)) {
        c.subject = j - 1;
        c.subject_year = LabelYear(j - 1);
        c.reference_year = c.subject_year ? c.subject_year - 1 : 0;
        return c;
      }
      return std::nullopt;
    }
    if (auto cur = w.SuffixOf("current", rest); !cur.empty() && context.year) {
      if (EndsWithComparison(DropSuffix(rest, cur))) return std::nullopt;
      c.subject_year = context.year;
      c.reference_year = context.year - 1;
      return c;
    }
    return std::nullopt;
  }
  bool IsChange(size_t j) const { return ChangeAt(j).has_value(); }

  Money Tolerance(std::initializer_list<const ProseFigure*> figures) const {
    Money t;
    for (const auto* p : figures) {
      if (p) t += p->step;
    }
    return t;
  }

  // 原安排A万元，调减B万元，安排C万元
  void Adjustments() const {
    for (size_t i = 0; i + 2 < f().size(); ++i) {
      if (!IsAmount(i) || !IsAmount(i + 1) || !IsAmount(i + 2)) continue;
      std::string before = Bare(s.Gap(i));
      std::string_view b = before;
      if (EndsWith(b, "为")) b = DropSuffix(b, "为");
      if (w.SuffixOf("original", b).empty()) continue;
      std::string adjust = Bare(s.Gap(i + 1));
      std::string_view a = adjust;
      if (EndsWith(a, "了")) a = DropSuffix(a, "了");
      int sign = w.Is("adjust_down", a) ? -1 : w.Is("adjust_up", a) ? 1 : 0;
      if (sign == 0) continue;
      std::string result = Bare(s.Gap(i + 2));
      std::string_view r = result;
      if (auto cur = w.PrefixOf("current", r); !cur.empty()) r = r.substr(cur.size());
      if (!w.Is("result", r)) continue;
      const auto &A = f()[i], &B = f()[i + 1], &C = f()[i + 2];
      Money expected = sign < 0 ? A.amount - B.amount : A.amount + B.amount;
      Agreement agreement = CompareWithin(C.amount, expected, Tolerance({&A, &B}));
      Emit(ProseRelationKind::kAdjustment, agreement,
           fmt::format("「{}」：{} {} {} = {}万元，文字为{}万元", Quote(i, i + 2), Amount(A.amount),
                       sign < 0 ? "−" : "+", Amount(B.amount), Amount(expected), Amount(C.amount)),
           Amount(expected), Amount(C.amount));
    }
  }

  // 2024年预算A万元，比上年增加B万元 (上年 R 万元 stated or known); 本年无变化.
  void Changes() const {
    auto years = YearAmounts();
    bool any_change = false;
    for (size_t j = 0; j < f().size(); ++j) {
      auto c = ChangeAt(j);
      if (!c) continue;
      any_change = true;
      if (!c->subject_year || !c->reference_year) continue;
      auto s_it = years.find(c->subject_year);
      auto r_it = years.find(c->reference_year);
      if (s_it == years.end() || r_it == years.end()) continue;
      Money S = s_it->second, R = r_it->second, B = f()[j].amount;
      Money expected = S - R;
      int direction = expected.is_negative() ? -1 : expected.is_zero() ? 0 : 1;
      if (expected.is_negative()) expected = -expected;
      const ProseFigure* subject = c->subject ? &f()[*c->subject] : nullptr;
      Agreement agreement = CompareWithin(B, expected, Tolerance({subject, &f()[j]}));
      if (direction != 0 && direction != c->direction && !B.is_zero())
        agreement = Agreement::kMismatch;
      std::string should = direction > 0   ? fmt::format("增加{}万元", Amount(expected))
                           : direction < 0 ? fmt::format("减少{}万元", Amount(expected))
                                           : std::string("持平");
      Emit(ProseRelationKind::kChange, agreement,
           fmt::format("「{}」：{}年{}万元、{}年{}万元，应为{}，文字为“{}{}万元”",
                       Quote(c->subject ? *c->subject : j, j), c->subject_year, Amount(S),
                       c->reference_year, Amount(R), should, c->verb, Amount(B)),
           should, c->verb + Amount(B) + "万元");
    }
    // "本年无变化" where the caller knows both years.
    if (!any_change && context.year && w.Contains("flat", s.text) && f().empty()) {
      auto s_it = context.known.find(context.year);
      auto r_it = context.known.find(context.year - 1);
      if (s_it != context.known.end() && r_it != context.known.end()) {
        Money d = s_it->second - r_it->second;
        Emit(ProseRelationKind::kChange, d.is_zero() ? Agreement::kExact : Agreement::kMismatch,
             fmt::format("「{}」：{}{}年{}万元、{}年{}万元，并非没有变化", Excerpt(s.text, 60),
                         context.known_what, context.year, Amount(s_it->second), context.year - 1,
                         Amount(r_it->second)),
             d.is_negative() ? "减少" + Amount(-d) + "万元" : "增加" + Amount(d) + "万元",
             Excerpt(s.text, 20));
      }
    }
  }

  // 减少B万元，下降P%
  void ChangeRates() const {
    auto years = YearAmounts();
    for (size_t j = 1; j < f().size(); ++j) {
      if (f()[j].kind != ProseFigure::kPercent) continue;
      std::string bare = Bare(s.Gap(j));
      std::string_view x = bare;
      if (EndsWith(x, "为")) x = DropSuffix(x, "为");
      if (EndsWith(x, "了")) x = DropSuffix(x, "了");
      int direction = w.Is("percent_up", x) ? 1 : w.Is("percent_down", x) ? -1 : 0;
      if (direction == 0) continue;
      auto c = ChangeAt(j - 1);
      if (!c) continue;
      Money B = f()[j - 1].amount;
      std::optional<Money> prior;
      if (c->reference_year && c->subject_year) {
        if (auto it = years.find(c->reference_year); it != years.end()) prior = it->second;
      }
      std::optional<Money> now;
      if (c->subject) {
        now = f()[*c->subject].amount;
      } else if (auto it = years.find(c->subject_year); it != years.end()) {
        now = it->second;
      }
      if (!prior && now) prior = c->direction > 0 ? *now - B : *now + B;
      if (!prior || prior->is_zero() || prior->is_negative()) continue;
      const std::string& printed = f()[j].printed;
      std::string expected = FormatRate(B, *prior);
      Agreement agreement = ComparePercent(printed, B.fen(), prior->fen());
      std::string word(x);
      if (direction != c->direction && !B.is_zero()) {
        Emit(ProseRelationKind::kChangeRate, Agreement::kMismatch,
             fmt::format("「{}」：前面写“{}{}万元”，后面却写“{}{}%”，增减方向矛盾", Quote(j - 1, j),
                         c->verb, Amount(B), word, printed),
             c->direction > 0 ? "增长" : "下降", word);
        continue;
      }
      Emit(ProseRelationKind::kChangeRate, agreement,
           fmt::format("「{}」：{}{}万元，上年为{}万元，{}幅度应为{}%，文字为{}%", Quote(j - 1, j),
                       c->verb, Amount(B), Amount(*prior), direction > 0 ? "增长" : "下降",
                       expected, printed),
           expected + "%", printed + "%");
    }
  }

  static std::string FormatRate(Money part, Money whole) { return SharePercent(part, whole, 2); }

  // An item of a list: an amount with nothing between it and the figure before that would
  // make it something else (a change, a nested list, an aside in brackets, a comparison).
  bool CleanItemGap(size_t j) const {
    std::string_view gap = s.Gap(j);
    if (ChangeAt(j)) return false;
    std::string bare = Bare(gap);
    if (w.Contains("list_partial", bare) || w.Contains("list_complete", bare)) return false;
    for (std::string_view bad : {"（", "(", "）", ")", "比", "较", "上年", "减少", "增加"}) {
      if (bare.find(bad) != std::string::npos) return false;
    }
    return true;
  }

  // True when some item equals the sum of a run of the items after it: a sub-breakdown written
  // without its own 其中, which a sum over all items would count twice.
  bool Nested(const std::vector<size_t>& items) const {
    for (size_t a = 0; a < items.size(); ++a) {
      if (f()[items[a]].amount.is_zero()) continue;  // a zero adds nothing: no breakdown
      Money sum, tol;
      for (size_t b = a + 1; b < items.size(); ++b) {
        sum += f()[items[b]].amount;
        tol += f()[items[b]].step;
        if (b > a + 1 && CompareWithin(f()[items[a]].amount, sum, tol) != Agreement::kMismatch)
          return true;
      }
    }
    return false;
  }

  // The list total of this sentence: (total figure, items, complete).
  struct List {
    size_t total;
    std::vector<size_t> items;
    bool complete;
  };

  std::optional<List> TotalFirstList() const {
    // The first gap holding a list marker, after an amount.
    for (size_t k = 1; k < f().size(); ++k) {
      std::string bare = Bare(s.Gap(k));
      std::string_view marker;
      bool complete = false;
      size_t at = std::string::npos;
      for (const char* role : {"list_complete", "list_partial"}) {
        for (const auto& word : w.Of(role)) {
          size_t p = bare.rfind(word);
          if (p != std::string::npos &&
              (at == std::string::npos || p + word.size() > at + marker.size() ||
               (p + word.size() == at + marker.size() && word.size() > marker.size()))) {
            at = p;
            marker = word;
            complete = std::string_view(role) == "list_complete";
          }
        }
      }
      if (marker.empty()) continue;
      // "服务4,813.5万元；其中一般公共预算拨款…": after a semicolon, 其中 opens a breakdown of
      // the whole sentence's subject, not of the amount right before it; which, is not said.
      const std::string_view before_marker = std::string_view(bare).substr(0, at);
      if (before_marker.find("；") != std::string_view::npos ||
          before_marker.find(';') != std::string_view::npos) {
        return std::nullopt;
      }
      // The total: the last amount before the marker, not itself a change, with no other
      // amount between it and the marker.
      std::optional<size_t> total;
      for (size_t t = k; t-- > 0;) {
        if (IsAmount(t)) {
          total = t;
          break;
        }
      }
      if (!total || ChangeAt(*total)) return std::nullopt;
      // Nothing but the marker and the first item's name after the marker.
      std::vector<size_t> items;
      for (size_t m = k; m < f().size(); ++m) {
        if (!IsAmount(m)) continue;
        if (m != k && !CleanItemGap(m)) return std::nullopt;
        if (m == k && ChangeAt(m)) return std::nullopt;
        items.push_back(m);
      }
      if (!IsAmount(k)) return std::nullopt;
      if (items.size() < 2 || Nested(items)) return std::nullopt;
      return List{*total, items, complete};
    }
    return std::nullopt;
  }

  std::optional<List> TotalLastList() const {
    for (size_t t = 2; t < f().size(); ++t) {
      if (!IsAmount(t)) continue;
      std::string bare = Bare(s.Gap(t));
      if (!w.Is("total", bare)) continue;
      std::string_view gap = s.Gap(t);
      if (!(StartsWith(gap, "，") || StartsWith(gap, ","))) continue;
      std::vector<size_t> items;
      size_t m = t;
      while (m-- > 0) {
        if (!IsAmount(m)) break;
        items.insert(items.begin(), m);
        if (m == 0) break;
        std::string_view g = s.Gap(m);
        if (g.find("、") == std::string_view::npos || !CleanItemGap(m)) break;
      }
      if (items.size() < 2 || Nested(items)) continue;
      // The first item's own gap must not make it a change either.
      if (ChangeAt(items.front())) continue;
      return List{t, items, true};
    }
    return std::nullopt;
  }

  void Lists(std::optional<List>* first) const {
    auto check = [&](const List& list) {
      Money sum, tol;
      for (size_t i : list.items) {
        sum += f()[i].amount;
        tol += f()[i].step;
      }
      const ProseFigure& T = f()[list.total];
      Agreement agreement = CompareWithin(sum, T.amount, tol);
      if (!list.complete && sum < T.amount) agreement = Agreement::kExact;
      std::vector<std::string> parts;
      for (size_t i : list.items) parts.push_back(Amount(f()[i].amount));
      size_t from = std::min(list.total, list.items.front());
      size_t to = std::max(list.total, list.items.back());
      Emit(ProseRelationKind::kListTotal, agreement,
           fmt::format("「{}」：所列各项 {} = {}万元，{}{}万元", Quote(from, to),
                       fmt::join(parts, " + "), Amount(sum),
                       list.complete ? "文字所称合计为" : "超过总额", Amount(T.amount)),
           Amount(T.amount), Amount(sum));
    };
    *first = TotalFirstList();
    if (*first) check(**first);
    if (auto last = TotalLastList()) check(*last);
  }

  // a万元，占P% (of the list total) / a万元，占<name>的P%
  void Shares(const std::optional<List>& list, const std::vector<ProseSentence>& all) const {
    for (size_t j = 1; j < f().size(); ++j) {
      if (f()[j].kind != ProseFigure::kPercent || !IsAmount(j - 1)) continue;
      std::string bare = Bare(s.Gap(j));
      auto word = w.PrefixOf("share", bare);
      if (word.empty()) continue;
      std::string_view rest = std::string_view(bare).substr(word.size());
      Money part = f()[j - 1].amount, base;
      std::string base_name;
      if (rest.empty()) {
        if (!list || std::find(list->items.begin(), list->items.end(), j - 1) == list->items.end())
          continue;
        base = f()[list->total].amount;
        base_name = "合计";
      } else {
        if (!EndsWith(rest, "的")) continue;
        std::string_view name = DropSuffix(rest, "的");
        if (name.size() < 6) continue;  // at least two characters
        auto found = NamedAmount(name, all);
        if (!found) continue;
        base = *found;
        base_name = std::string(name);
      }
      if (base.is_zero() || base.is_negative()) continue;
      const std::string& printed = f()[j].printed;
      Emit(ProseRelationKind::kShare, ComparePercent(printed, part.fen(), base.fen()),
           fmt::format("「{}」：{}万元占{}{}万元应为{}%，文字为{}%", Quote(j - 1, j), Amount(part),
                       base_name, Amount(base), FormatRate(part, base), printed),
           FormatRate(part, base) + "%", printed + "%");
    }
  }

  // The one amount the text states right after `name` ("授予中小企业合同金额1820.69万元").
  std::optional<Money> NamedAmount(std::string_view name,
                                   const std::vector<ProseSentence>& all) const {
    std::optional<Money> found;
    for (const auto& sentence : all) {
      for (size_t j = 0; j < sentence.figures.size(); ++j) {
        if (sentence.figures[j].kind != ProseFigure::kAmount) continue;
        std::string bare = Bare(sentence.Gap(j));
        std::string_view b = bare;
        if (EndsWith(b, "为")) b = DropSuffix(b, "为");
        if (!EndsWith(b, name)) {
          auto t = w.SuffixOf("total", b);
          if (t.empty() || !EndsWith(DropSuffix(b, t), name)) continue;
          b = DropSuffix(b, t);
        }
        // Not "占<name>的" itself, nor a change of it.
        if (EndsWith(DropSuffix(b, name), "占")) continue;
        if (found && *found != sentence.figures[j].amount) return std::nullopt;
        found = sentence.figures[j].amount;
      }
    }
    return found;
  }
};

}  // namespace

std::string_view ProseSentence::Gap(size_t i) const {
  size_t from = i == 0 ? 0 : figures[i - 1].end;
  size_t to = i < figures.size() ? figures[i].begin : text.size();
  return std::string_view(text).substr(from, to - from);
}

std::vector<ProseSentence> SplitProse(std::string_view raw, const ProseWords& words) {
  std::string text = Normalise(raw);
  std::vector<std::string> pieces;
  std::string current;
  auto flush = [&] {
    if (current.empty()) return;
    // A list that opens a sentence belongs to the sentence before it (合计X万元。其中：…).
    bool list = !words.PrefixOf("list_partial", current).empty() ||
                !words.PrefixOf("list_complete", current).empty();
    if (list && !pieces.empty()) {
      pieces.back() += "。" + current;
    } else {
      pieces.push_back(current);
    }
    current.clear();
  };
  // A sentence ends at 。！？ (their UTF-8 starts with E3 or EF), a line break, ! or ?.
  auto may_stop = [](char c) {
    return c == '\xE3' || c == '\xEF' || c == '\n' || c == '!' || c == '?';
  };
  for (size_t i = 0; i < text.size();) {
    std::string_view rest = std::string_view(text).substr(i);
    size_t stop = 0;
    if (may_stop(text[i])) {
      for (std::string_view p : {"。", "！", "？"}) {
        if (StartsWith(rest, p)) stop = p.size();
      }
      if (!stop && (text[i] == '\n' || text[i] == '!' || text[i] == '?')) stop = 1;
    }
    if (stop) {
      flush();
      i += stop;
      continue;
    }
    size_t next = i + 1;  // the text up to the next byte that may end the sentence
    while (next < text.size() && !may_stop(text[next])) ++next;
    current.append(text, i, next - i);
    i = next;
  }
  flush();
  std::vector<ProseSentence> out;
  for (auto& p : pieces) {
    ProseSentence s;
    s.text = std::move(p);
    s.figures = ScanFigures(s.text);
    out.push_back(std::move(s));
  }
  return out;
}

std::string NormaliseProse(std::string_view text) { return Normalise(text); }

const char* ProseRuleId(ProseRelationKind kind) {
  switch (kind) {
    case ProseRelationKind::kAdjustment:
      return "TXT-011";
    case ProseRelationKind::kChange:
      return "TXT-012";
    case ProseRelationKind::kListTotal:
      return "TXT-013";
    case ProseRelationKind::kShare:
      return "TXT-014";
    case ProseRelationKind::kChangeRate:
      return "TXT-015";
  }
  return "";
}

const char* ProseRuleTitle(ProseRelationKind kind) {
  switch (kind) {
    case ProseRelationKind::kAdjustment:
      return "文字中的调整算式成立（原安排 ± 调整 = 调整后）";
    case ProseRelationKind::kChange:
      return "文字中的增减额与同一句（或源文件）给出的两年数字相符";
    case ProseRelationKind::kListTotal:
      return "文字中列举的各项与所称合计相符";
    case ProseRelationKind::kShare:
      return "文字中的占比与所述数字相符";
    case ProseRelationKind::kChangeRate:
      return "文字中的增减幅度与增减额相符";
  }
  return "";
}

std::vector<ProseRelation> CheckProse(std::string_view text, const ProseWords& words,
                                      const ProseContext& context) {
  return CheckProse(SplitProse(text, words), words, context);
}

std::vector<ProseRelation> CheckProse(const std::vector<ProseSentence>& sentences,
                                      const ProseWords& words, const ProseContext& context) {
  std::vector<ProseRelation> out;
  for (size_t i = 0; i < sentences.size(); ++i) {
    const size_t before = out.size();
    const ProseSentence& s = sentences[i];
    Analysis a{s, words, context, &out};
    a.Adjustments();
    a.Changes();
    a.ChangeRates();
    std::optional<Analysis::List> list;
    a.Lists(&list);
    a.Shares(list, sentences);
    for (size_t r = before; r < out.size(); ++r) out[r].sentence_index = i;
  }
  return out;
}

std::vector<SmeStatement> FindSmeStatements(const std::vector<ProseSentence>& sentences,
                                            const ProseWords& words) {
  std::vector<SmeStatement> out;
  for (const auto& s : sentences) {
    for (size_t j = 0; j < s.figures.size(); ++j) {
      if (s.figures[j].kind != ProseFigure::kAmount) continue;
      std::string bare = Bare(s.Gap(j));
      std::string_view before = bare;
      if (EndsWith(before, "为")) before = DropSuffix(before, "为");
      SmeStatement st;
      if (!words.SuffixOf("small_micro", before).empty()) {
        st.kind = SmeStatement::kSmallMicro;
      } else if (!words.SuffixOf("sme", before).empty()) {
        st.kind = SmeStatement::kSme;
      } else {
        continue;
      }
      st.sentence = s.text;
      st.amount = s.figures[j];
      if (j + 1 < s.figures.size() && s.figures[j + 1].kind == ProseFigure::kPercent) {
        std::string gap = Bare(s.Gap(j + 1));
        auto share = words.PrefixOf("share", gap);
        std::string_view rest = std::string_view(gap).substr(share.size());
        if (!share.empty() && EndsWith(rest, "的")) {
          std::string_view base = DropSuffix(rest, "的");
          bool procurement = words.Is("procurement_total", base);
          if (procurement || (st.kind == SmeStatement::kSmallMicro && words.Is("sme", base))) {
            st.share = s.figures[j + 1];
            st.share_of_procurement = procurement;
          }
        }
      }
      out.push_back(std::move(st));
    }
  }
  return out;
}

}  // namespace gongkai
