// An exact decimal number for quantities that are not money (indicator values: 95%, 7.4亿,
// 5423.98平方米). Stored as an integer of units of 10^-scale; no floating point.
#ifndef GONGKAI_BASE_DECIMAL_H_
#define GONGKAI_BASE_DECIMAL_H_

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gongkai {

class Decimal {
 public:
  Decimal() = default;
  static Decimal FromInt(int64_t v) { return Decimal(v, 0); }
  // "95", "7.4", "1,000", "0.95". At most 9 decimals and 18 digits; nullopt otherwise.
  static std::optional<Decimal> Parse(std::string_view text);

  int64_t units() const { return units_; }
  int scale() const { return scale_; }
  bool is_zero() const { return units_ == 0; }
  std::string ToString() const;  // shortest exact form: "95", "7.4"

  // Exact comparison across scales.
  std::strong_ordering operator<=>(const Decimal& other) const;
  bool operator==(const Decimal& other) const { return (*this <=> other) == 0; }

 private:
  Decimal(int64_t units, int scale) : units_(units), scale_(scale) {}
  int64_t units_ = 0;
  int scale_ = 0;
};

}  // namespace gongkai

#endif  // GONGKAI_BASE_DECIMAL_H_
