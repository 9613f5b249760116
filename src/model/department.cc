#include "model/department.h"

#include <fmt/format.h>

namespace gongkai {

std::string SourceLocation::ToString() const {
  if (line == 0) return file;
  return fmt::format("{}:{}:{}", file, line, column);
}

const char* UnitKindName(UnitKind kind) {
  switch (kind) {
    case UnitKind::kAdministrative:
      return "行政单位";
    case UnitKind::kCivilServantInstitution:
      return "参公事业单位";
    case UnitKind::kInstitution:
      return "事业单位";
    case UnitKind::kOther:
      return "其他";
  }
  return "其他";
}

const char* TransferName(Transfer t) {
  switch (t) {
    case Transfer::kNone:
      return "";
    case Transfer::kToSuperior:
      return "上缴上级支出";
    case Transfer::kToAffiliates:
      return "对附属单位补助支出";
  }
  return "";
}

const Unit* Department::FindUnit(const std::string& id) const {
  for (const auto& u : units) {
    if (u.id == id) return &u;
  }
  return nullptr;
}

const Project* Department::FindProject(const std::string& id) const {
  for (const auto& p : projects) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

Money Department::ProjectAmount(const std::string& project_id) const {
  Money sum;
  for (const auto& l : lines) {
    if (l.project_id == project_id) sum += l.amount;
  }
  return sum;
}

namespace {

// A share as the loader allows it: 0–1 with at most 6 decimals; anything else is not a share.
std::optional<Decimal> ShareOf(const std::string& text) {
  if (text.empty()) return std::nullopt;
  auto share = Decimal::Parse(text);
  if (!share || share->units() < 0 || share->scale() > 6 || *share > Decimal::FromInt(1))
    return std::nullopt;
  return share;
}

}  // namespace

std::optional<Decimal> SmeShare(const ProcurementItem& p) { return ShareOf(p.sme); }

std::optional<Decimal> SmallMicroShare(const ProcurementItem& p) {
  // Only as a part of the item's 中小企业 share (the loader refuses one without the other).
  return SmeShare(p) ? ShareOf(p.small_micro) : std::nullopt;
}

namespace {

// `amount` × share, to the nearest fen (halves away from zero).
Money TimesShare(Money amount, const Decimal& share) {
  int64_t denominator = 1;
  for (int i = 0; i < share.scale(); ++i) denominator *= 10;
  return amount.TimesFraction(share.units(), denominator);
}

}  // namespace

std::optional<Money> SmeAmount(const std::vector<ProcurementItem>& items) {
  std::optional<Money> sum;
  for (const auto& p : items) {
    if (auto share = SmeShare(p)) sum = sum.value_or(Money()) + TimesShare(p.amount, *share);
  }
  return sum;
}

std::optional<Money> SmallMicroAmount(const std::vector<ProcurementItem>& items) {
  std::optional<Money> sum;
  for (const auto& p : items) {
    if (auto share = SmallMicroShare(p)) sum = sum.value_or(Money()) + TimesShare(p.amount, *share);
  }
  return sum;
}

std::string SmePercent(const ProcurementItem& p) {
  auto share = SmeShare(p);
  if (!share) return "";
  // With at most 6 decimals the share of 1万元 is exact in fen.
  return SharePercent(TimesShare(Money::FromWan(1), *share), Money::FromWan(1));
}

// meeting and training (会议费, 培训费) only in a 决算, whose 情况说明 states them where a
// region prints them (the loader refuses them in a budget).
const std::vector<std::string>& ComparisonKeys() {
  static const std::vector<std::string> keys = {"total",   "general", "basic", "personnel",
                                                "public",  "project", "fund",  "operating_expenses",
                                                "meeting", "training"};
  return keys;
}

const std::vector<std::string>& ThreePublicKeys() {
  static const std::vector<std::string> keys = {"outbound", "vehicle_purchase", "vehicle_operation",
                                                "reception"};
  return keys;
}

const std::vector<std::string>& ProjectCategories() {
  static const std::vector<std::string> categories = {"运转类", "特定目标类", "特定目标类-本级",
                                                      "特定目标类-上级转移"};
  return categories;
}

}  // namespace gongkai
