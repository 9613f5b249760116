// Exact money.
//
// An amount is a whole number of fen (分, 0.01 元) in 64 bits: exact to the smallest unit
// budget systems record, with room for 9.2e10 万元. There is no floating point anywhere in
// the computation of amounts. Text is produced by the functions below, which round half up
// through rounding.h and nowhere else.
#ifndef GONGKAI_BASE_MONEY_H_
#define GONGKAI_BASE_MONEY_H_

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gongkai {

enum class MoneyUnit { kWan, kYuan };  // 万元, 元

class Money {
 public:
  static constexpr int64_t kFenPerYuan = 100;
  static constexpr int64_t kFenPerWan = 1'000'000;

  constexpr Money() = default;
  static constexpr Money FromFen(int64_t fen) { return Money(fen); }
  // Whole 万元, for tests and constants.
  static constexpr Money FromWan(int64_t wan) { return Money(wan * kFenPerWan); }

  // Parses "1,597.66", "1597.66万元", "30,000.00元", "0", "-3.5". A unit written in the text
  // wins over `default_unit`. Digits beyond 0.01 元 are an error (never silently rounded), as
  // are overflow, stray characters and empty text. On error returns nullopt and sets *why to
  // a Chinese message for the user.
  static std::optional<Money> Parse(std::string_view text, MoneyUnit default_unit,
                                    std::string* why);

  constexpr int64_t fen() const { return fen_; }
  constexpr bool is_zero() const { return fen_ == 0; }
  constexpr bool is_negative() const { return fen_ < 0; }

  // Checked arithmetic: overflow throws std::overflow_error.
  Money operator+(Money other) const;
  Money operator-(Money other) const;
  Money& operator+=(Money other) { return *this = *this + other; }
  Money& operator-=(Money other) { return *this = *this - other; }
  Money operator-() const { return Money(0) - *this; }
  constexpr auto operator<=>(const Money&) const = default;

  // Display in 万元, rounded half up: "1597.66" (decimals 2) or "1,597.66" (grouping).
  std::string Wan(int decimals = 2, bool grouping = false) const;
  // Display in 元 with 2 decimals (exact, no rounding needed).
  std::string Yuan(bool grouping = false) const;
  // Exact value in 万元 with as many decimals as needed ("80", "73.736", "0.000001").
  std::string ExactWan() const;
  // The 万元 amount rounded half up to `decimals` places, as an integer scaled by 10^decimals.
  int64_t RoundedWan(int decimals = 2) const;
  // This amount times numerator / denominator (a share), to the nearest fen, halves away from
  // zero. The product is exact in 128 bits; throws std::overflow_error when the result does
  // not fit and std::invalid_argument for a zero denominator.
  Money TimesFraction(int64_t numerator, int64_t denominator) const;

 private:
  constexpr explicit Money(int64_t fen) : fen_(fen) {}
  int64_t fen_ = 0;
};

// The amount as a reader sees it: rounded half up to 0.01万元. Shares and changes quoted in
// the text are computed from printed figures, so that a reader's arithmetic agrees.
Money PrintedWan(Money m);

// Share of `part` in `whole` as a percentage text with `decimals` places ("80.30");
// "0.00" when whole is zero.
std::string SharePercent(Money part, Money whole, int decimals = 2);

// Year-on-year change of `now` against `before` as an unsigned percentage text ("7.25");
// nullopt when `before` is zero (no base to compare with).
std::optional<std::string> ChangePercent(Money now, Money before, int decimals = 2);

}  // namespace gongkai

#endif  // GONGKAI_BASE_MONEY_H_
