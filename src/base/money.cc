#include "base/money.h"

#include <climits>
#include <limits>
#include <stdexcept>

#include "base/rounding.h"
#include "base/utf8_text.h"

namespace gongkai {
namespace {

// Removes a trailing unit word, returning the unit found (if any).
std::optional<MoneyUnit> StripUnit(std::string_view* text) {
  static constexpr std::string_view kWanYuan = "万元";
  static constexpr std::string_view kWan = "万";
  static constexpr std::string_view kYuan = "元";
  auto ends_with = [&](std::string_view suffix) {
    return text->size() >= suffix.size() && text->substr(text->size() - suffix.size()) == suffix;
  };
  if (ends_with(kWanYuan)) {
    text->remove_suffix(kWanYuan.size());
    return MoneyUnit::kWan;
  }
  if (ends_with(kWan)) {
    text->remove_suffix(kWan.size());
    return MoneyUnit::kWan;
  }
  if (ends_with(kYuan)) {
    text->remove_suffix(kYuan.size());
    return MoneyUnit::kYuan;
  }
  return std::nullopt;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<Money> Money::Parse(std::string_view text, MoneyUnit default_unit, std::string* why) {
  std::string_view s = Trim(text);
  MoneyUnit unit = default_unit;
  if (auto found = StripUnit(&s)) unit = *found;
  s = Trim(s);
  if (s.empty()) {
    *why = "金额为空";
    return std::nullopt;
  }
  bool negative = false;
  if (s.front() == '-' || s.front() == '+') {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  // Scale to fen: 万元 has 6 decimal places of fen, 元 has 2. Decimals beyond these are kept
  // only if they are zeros ("1.50000000"); every character is read, so that nothing after
  // the digits that count ("100.000000000 junk") goes unnoticed.
  const int max_digits = unit == MoneyUnit::kWan ? 6 : 2;
  __int128 int_part = 0;
  __int128 frac = 0;
  int frac_digits = 0;  // decimals kept in `frac`, at most max_digits
  bool too_precise = false;
  bool seen_digit = false, seen_point = false;
  size_t digits_since_comma = 0;
  bool seen_comma = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      seen_digit = true;
      if (seen_point) {
        if (frac_digits < max_digits) {
          frac = frac * 10 + (c - '0');
          ++frac_digits;
        } else if (c != '0') {
          too_precise = true;  // reported once the whole text is known to be a number
        }
      } else {
        int_part = int_part * 10 + (c - '0');
        ++digits_since_comma;
        if (int_part > std::numeric_limits<int64_t>::max()) {
          *why = "金额过大，超出可表示的范围";
          return std::nullopt;
        }
      }
    } else if (c == ',' && !seen_point) {
      if (!seen_digit || (seen_comma && digits_since_comma != 3) ||
          (!seen_comma && digits_since_comma > 3)) {
        *why = "千位分隔符位置不正确：「" + Excerpt(text) + "」";
        return std::nullopt;
      }
      seen_comma = true;
      digits_since_comma = 0;
    } else if (c == '.' && !seen_point) {
      if (seen_comma && digits_since_comma != 3) {
        *why = "千位分隔符位置不正确：「" + Excerpt(text) + "」";
        return std::nullopt;
      }
      seen_point = true;
    } else {
      *why = "不是有效的金额：「" + Excerpt(text) + "」";
      return std::nullopt;
    }
  }
  if (!seen_digit) {
    *why = "不是有效的金额：「" + Excerpt(text) + "」";
    return std::nullopt;
  }
  if (seen_comma && !seen_point && digits_since_comma != 3) {
    *why = "千位分隔符位置不正确：「" + Excerpt(text) + "」";
    return std::nullopt;
  }
  if (too_precise) {
    *why = "金额精度超过0.01元（" +
           std::string(unit == MoneyUnit::kWan ? "万元最多6位小数" : "元最多2位小数") + "）：「" +
           Excerpt(text) + "」";
    return std::nullopt;
  }
  for (int i = frac_digits; i < max_digits; ++i) frac *= 10;
  __int128 scale = unit == MoneyUnit::kWan ? kFenPerWan : kFenPerYuan;
  __int128 fen = int_part * scale + frac;
  if (fen > std::numeric_limits<int64_t>::max()) {
    *why = "金额过大，超出可表示的范围";
    return std::nullopt;
  }
  return Money(static_cast<int64_t>(negative ? -fen : fen));
}

Money Money::operator+(Money other) const {
  int64_t out;
  if (__builtin_add_overflow(fen_, other.fen_, &out)) throw std::overflow_error("金额相加溢出");
  return Money(out);
}

Money Money::operator-(Money other) const {
  int64_t out;
  if (__builtin_sub_overflow(fen_, other.fen_, &out)) throw std::overflow_error("金额相减溢出");
  return Money(out);
}

int64_t Money::RoundedWan(int decimals) const {
  __int128 scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  return static_cast<int64_t>(RoundHalfUp(static_cast<__int128>(fen_) * scale, kFenPerWan));
}

Money Money::TimesFraction(int64_t numerator, int64_t denominator) const {
  if (denominator == 0) throw std::invalid_argument("比例的分母为0");
  // Through RoundHalfUp (rounding.h), the one place that divides with rounding.
  const __int128 out =
      RoundHalfUp(static_cast<__int128>(fen_) * numerator, static_cast<__int128>(denominator));
  if (out > INT64_MAX || out < INT64_MIN) throw std::overflow_error("金额按比例计算溢出");
  return Money(static_cast<int64_t>(out));
}

std::string Money::Wan(int decimals, bool grouping) const {
  return FormatScaled(RoundedWan(decimals), decimals, grouping);
}

std::string Money::Yuan(bool grouping) const { return FormatScaled(fen_, 2, grouping); }

std::string Money::ExactWan() const {
  std::string s = FormatScaled(fen_, 6);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

Money PrintedWan(Money m) { return Money::FromFen(m.RoundedWan(2) * (Money::kFenPerWan / 100)); }

std::string SharePercent(Money part, Money whole, int decimals) {
  if (whole.is_zero()) return FormatScaled(0, decimals);
  return FormatQuotient(static_cast<__int128>(part.fen()) * 100, whole.fen(), decimals);
}

std::optional<std::string> ChangePercent(Money now, Money before, int decimals) {
  if (before.is_zero()) return std::nullopt;
  __int128 diff = static_cast<__int128>(now.fen()) - before.fen();
  if (diff < 0) diff = -diff;
  return FormatQuotient(diff * 100, before.fen(), decimals);
}

}  // namespace gongkai
