// The words that give a sentence of the 公开说明 its arithmetic: "原安排…调减…安排", "比上年增加
// …增长", "合计…其中", "占…". They are data (data/check/common/prose_words.csv, columns role,
// word, note), not code, so that a region whose documents phrase a relation another way adds a
// word without touching the rules. Roles:
//   original      the figure before an adjustment (原安排, 年初预算 …)
//   adjust_down / adjust_up   the adjustment (调减 / 调增 …)
//   result        the figure after it (安排, 调整为 …)
//   change_down / change_up   a change against another year (减少 / 增加 …)
//   percent_down / percent_up the rate of that change (下降 / 增长 …)
//   label         words between a year and its figure (2023年预算安排X万元)
//   total         a stated total (合计, 共计 …)
//   list_complete a list that names every part (分别为 …); list_partial one that may not (其中 …)
//   share         a share (占, 占比 …)
//   prior / current           last year (上年 …) / the budget year (本年 …)
//   flat          no change (无变化, 持平 …)
//   sme / small_micro         the amount awarded to or reserved for 中小企业 / 小微企业
//                             (授予中小企业合同金额, 面向中小企业预留 …)
//   procurement_total         the 政府采购 total a share of it is taken of (政府采购支出总额 …)
#ifndef GONGKAI_REVIEW_PROSE_WORDS_H_
#define GONGKAI_REVIEW_PROSE_WORDS_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

class ProseWords {
 public:
  // Reads data/check/common/prose_words.csv below `data_dir`. Throws CatalogError naming
  // file:line for an unknown role or an empty word.
  static std::shared_ptr<const ProseWords> Load(const std::string& data_dir);
  // Built from (role, word) pairs, for tests.
  static std::shared_ptr<const ProseWords> FromPairs(
      const std::vector<std::pair<std::string, std::string>>& pairs);

  // The words of a role, longest first (so that 调整后为 is tried before 为).
  const std::vector<std::string>& Of(const std::string& role) const;
  // The longest word of `role` that `text` ends with, or "" when none does.
  std::string_view SuffixOf(const std::string& role, std::string_view text) const;
  // The longest word of `role` that `text` starts with, or "".
  std::string_view PrefixOf(const std::string& role, std::string_view text) const;
  // Whether `text` is exactly a word of `role`.
  bool Is(const std::string& role, std::string_view text) const;
  // Whether `text` contains a word of `role`.
  bool Contains(const std::string& role, std::string_view text) const;

  static const std::vector<std::string>& Roles();

 private:
  std::map<std::string, std::vector<std::string>> words_;
  void Sort();
};

}  // namespace gongkai

#endif  // GONGKAI_REVIEW_PROSE_WORDS_H_
