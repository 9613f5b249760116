// 说明文字: the 中小企业 sentence of the 政府采购 text against the procurement items.
//
//   决算  授予中小企业合同金额X万元，占政府采购支出总额的Y%，
//         其中：授予小微企业合同金额Z万元，占授予中小企业合同金额的W%
//   预算  面向中小企业预留X万元，占政府采购预算的Y%
//
// X is Σ amount × 中小企业份额 (procurement.sme, SmeAmount), Y is X ÷ the 政府采购 total, Z is
// Σ amount × 小微企业份额 (procurement.small_micro, SmallMicroAmount) where the items give it and
// otherwise no more than X, and W is Z ÷ X. For the 预算 and the 决算 alike, in the source's texts
// (notes, …) and the sentences recorded under declared.text; only when some item gives its share,
// for without one the source says nothing to check against.
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <utility>

#include "review/prose_texts.h"
#include "review/rule_support.h"

namespace gongkai {
namespace {

using namespace rules;

const RuleFamily Make{"说明文字", Both(), {DocumentKind::kBudget, DocumentKind::kFinalAccounts}};

// A printed amount against the exact one: right when it is the exact amount rounded half up
// to the decimals printed; a rounding difference when within 0.01 of the printed unit (as
// review/prose.h counts it).
Agreement Within(const ProseFigure& printed, Money exact) {
  const size_t point = printed.printed.find('.');
  const size_t decimals = point == std::string::npos ? 0 : printed.printed.size() - point - 1;
  int64_t quantum = printed.step.fen() * 100;  // fen in one printed unit (万元 or 元)
  for (size_t i = 0; i < decimals && quantum > 1; ++i) quantum /= 10;
  const int64_t fen = exact.fen();
  const int64_t rounded = (fen >= 0 ? fen + quantum / 2 : fen - quantum / 2) / quantum * quantum;
  if (printed.amount.fen() == rounded) return Agreement::kExact;
  Money diff = printed.amount - exact;
  if (diff.is_negative()) diff = -diff;
  return diff <= printed.step ? Agreement::kRounding : Agreement::kMismatch;
}

// The better of two agreements: a share that follows from the printed amount is not wrong when
// the amount is (the amount is reported once, on its own).
Agreement Best(Agreement a, Agreement b) { return std::min(a, b); }

std::string PrintedAmount(const ProseFigure& f) {
  return f.printed + (f.step == Money::FromFen(1) ? "元" : "万元");
}

// One text with its sentences and where it is.
struct SmeText {
  const std::vector<ProseSentence>* sentences;
  Location where;
};

void CheckText(const CheckContext& ctx, Emitter& emit, const SmeText& t, Money sme_total,
               std::optional<Money> small_micro_total,
               const std::set<std::pair<std::string, std::string>>& shares_checked) {
  const Money total = ctx.f.procurement_total;
  std::optional<ProseFigure> printed_sme;  // the 中小企业 amount the text gives, for 小微企业
  for (const auto& st : FindSmeStatements(*t.sentences, *ctx.prose_words)) {
    const std::string amount = PrintedAmount(st.amount);
    if (st.kind == SmeStatement::kSme) {
      printed_sme = st.amount;
      Agreement a = Within(st.amount, sme_total);
      std::string message = fmt::format(
          "「{}」：政府采购明细各项金额 × 中小企业份额合计{}万元，文字为{}", amount,
          PrintedWan(sme_total) == sme_total ? Wan(sme_total) : sme_total.ExactWan(), amount);
      if (a == Agreement::kRounding) {
        emit.Rounding(message + "（尾数差异）", t.where, Wan(sme_total), st.amount.printed);
      } else if (a == Agreement::kMismatch) {
        emit.Report(message + "，相差" + Diff(st.amount.amount, sme_total) + "万元", t.where,
                    Wan(sme_total), st.amount.printed, Diff(st.amount.amount, sme_total));
      }
    } else if (small_micro_total) {
      // The items give their 小微企业 shares: the amount is theirs exactly.
      Agreement a = Within(st.amount, *small_micro_total);
      std::string message = fmt::format(
          "「{}」：政府采购明细各项金额 × 小微企业份额合计{}万元，文字为{}", amount,
          PrintedWan(*small_micro_total) == *small_micro_total ? Wan(*small_micro_total)
                                                               : small_micro_total->ExactWan(),
          amount);
      if (a == Agreement::kRounding) {
        emit.Rounding(message + "（尾数差异）", t.where, Wan(*small_micro_total),
                      st.amount.printed);
      } else if (a == Agreement::kMismatch) {
        emit.Report(message + "，相差" + Diff(st.amount.amount, *small_micro_total) + "万元",
                    t.where, Wan(*small_micro_total), st.amount.printed,
                    Diff(st.amount.amount, *small_micro_total));
      }
    } else if (st.amount.amount > sme_total &&
               Within(st.amount, sme_total) == Agreement::kMismatch) {
      emit.Report(
          fmt::format("「{}」：小微企业是中小企业的一部分，不能超过授予（预留）中小企业的{}万元",
                      amount, Wan(sme_total)),
          t.where, "≤" + Wan(sme_total), st.amount.printed);
    }
    if (!st.share || shares_checked.count({st.sentence, st.share->printed + "%"})) continue;
    // The base: the 政府采购 total, or (小微企业) the 中小企业 amount, as the figures give it
    // and as the text prints it.
    Money part = PrintedWan(st.kind == SmeStatement::kSme ? sme_total
                            : small_micro_total           ? *small_micro_total
                                                          : st.amount.amount);
    Money base = PrintedWan(st.share_of_procurement ? total : sme_total);
    if (base.is_zero()) continue;
    Agreement a = ComparePercent(st.share->printed, part.fen(), base.fen());
    // A share that follows from the amounts as printed is not wrong on its own: a wrong amount
    // is reported once, above.
    if (st.kind == SmeStatement::kSme || small_micro_total) {
      a = Best(a, ComparePercent(st.share->printed, st.amount.amount.fen(), base.fen()));
    }
    if (st.kind != SmeStatement::kSme && !st.share_of_procurement && printed_sme &&
        !printed_sme->amount.is_zero()) {
      a = Best(a, ComparePercent(st.share->printed, part.fen(), printed_sme->amount.fen()));
      a = Best(
          a, ComparePercent(st.share->printed, st.amount.amount.fen(), printed_sme->amount.fen()));
    }
    if (a == Agreement::kExact) continue;
    std::string expected = SharePercent(part, base, 2);
    std::string message =
        fmt::format("「{}，占{}%」：{}万元占{}{}万元应为{}%，文字为{}%", amount, st.share->printed,
                    Wan(part), st.share_of_procurement ? "政府采购总额" : "中小企业金额", Wan(base),
                    expected, st.share->printed);
    if (a == Agreement::kRounding) {
      emit.Rounding(message + "（尾数差异）", t.where, expected + "%", st.share->printed + "%");
    } else {
      emit.Report(message, t.where, expected + "%", st.share->printed + "%");
    }
  }
}

}  // namespace

void RegisterSmeTextRules(std::vector<Rule>* out) {
  out->push_back(Make(
      "TXT-017", Severity::kError, "政府采购说明中的中小企业金额和占比与采购明细相符",
      "“授予中小企业合同金额X万元，占政府采购支出总额的Y%”（预算为“面向中小企业预留”）中 X "
      "应为各采购项金额 × 中小企业份额之和，Y 为 X ÷ 政府采购总额；其中小微企业的金额在采购项填写了"
      "小微企业份额时应为各采购项金额 × 小微企业份额之和，否则不超过中小企业的，其占比按所称基数"
      "计算。相差在0.01以内为尾数差异（提示）。"
      "采购项都没有填写中小企业份额时不核对",
      "《政府采购促进中小企业发展管理办法》（财库〔2020〕46号）；财预〔2016〕143号",
      [](const CheckContext& ctx, Emitter& emit) {
        if (!ctx.f.procurement_sme) return;
        if (!ProseWordsOrReport(ctx, emit)) return;
        const ProseReview& prose = ReviewedProse(ctx);
        // The shares TXT-014 already checks against the amounts the same text states (预算).
        std::set<std::pair<std::string, std::string>> shares_checked;
        if (ctx.d.kind == DocumentKind::kBudget) {
          for (const auto& relations : prose.relations) {
            for (const auto& r : relations) {
              if (r.kind == ProseRelationKind::kShare) shares_checked.insert({r.sentence, r.found});
            }
          }
        }
        for (size_t i = 0; i < prose.texts.size(); ++i) {
          CheckText(ctx, emit, {&prose.sentences[i], ProseLocation(ctx, prose.texts[i])},
                    *ctx.f.procurement_sme, ctx.f.procurement_small_micro, shares_checked);
        }
        // The sentences of declared.text, as printed: not among the prose texts (their typed
        // figures are TXT-001 … TXT-005's, which have no key for 中小企业).
        for (const auto& f : ctx.d.declared.text) {
          if (f.text.empty()) continue;
          std::vector<ProseSentence> sentences = SplitProse(f.text, *ctx.prose_words);
          CheckText(ctx, emit, {&sentences, TextLocation(ctx, f)}, *ctx.f.procurement_sme,
                    ctx.f.procurement_small_micro, {});
        }
      }));
}

}  // namespace gongkai
