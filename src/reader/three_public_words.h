// The words by which the columns of a “三公” table are known: data/reader/three_public.csv.
//
// The “三公” sums (reader.h: 合计 = 因公出国 + 公务用车 + 公务接待, 公务用车 小计 = 购置 + 运行,
// and 江苏省级's 合计 = “三公” 小计 + 会议费 + 培训费) are checked only where each column is
// recognised by its header words. Regions word those headers their own way (公务用车购置及运行费,
// …运行维护费; 合计, 总计, 总额), so the words are data, one row per word with the role it plays
// and where it was seen (columns role, word, seen_in). Roles:
//   parent     a label printed over several columns, not part of any one column's own words
//              (“三公”经费, 购置及运行维护费 …): removed from a header path before it is read
//   total      the column summing the three (合计, 总计, 总额)
//   subtotal   小计: the “三公” 小计, the 公务用车 小计
//   outbound   因公出国（境）费;  vehicle  公务用车…;  purchase  its 购置费;  running  its 运行费
//   reception  公务接待费;  meeting  会议费;  training  培训费 (printed beside the “三公”)
// A column is of a role when its words contain one of the role's words.
#ifndef GONGKAI_READER_THREE_PUBLIC_WORDS_H_
#define GONGKAI_READER_THREE_PUBLIC_WORDS_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai::reader {

class ThreePublicWords {
 public:
  // Reads <data_dir>/reader/three_public.csv. Throws CatalogError naming file:line for an
  // unknown role or an empty word, and naming the file for a role without any word.
  static std::shared_ptr<const ThreePublicWords> Load(const std::string& data_dir);
  static std::shared_ptr<const ThreePublicWords> FromCsv(const std::string& text,
                                                         const std::string& path);

  // The words of a role, in the order of the file.
  const std::vector<std::string>& Of(std::string_view role) const;
  // Whether `text` contains a word of `role`.
  bool In(std::string_view role, std::string_view text) const;
  // Whether `text` is exactly a word of `role`.
  bool Is(std::string_view role, std::string_view text) const;

  static const std::vector<std::string>& Roles();

 private:
  std::map<std::string, std::vector<std::string>, std::less<>> words_;
};

}  // namespace gongkai::reader

#endif  // GONGKAI_READER_THREE_PUBLIC_WORDS_H_
