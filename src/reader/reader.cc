#include "reader/reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/read_file.h"
#include "reader/sheet_pages.h"
#include "reader/table_catalog.h"
#include "reader/table_reader.h"
#include "reader/text_facts.h"
#include "reader/text_lines.h"

namespace gongkai::reader {
namespace {

bool HasExtension(const std::string& path, const char* ext) {
  std::string e = std::filesystem::path(path).extension().string();
  for (char& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return e == ext;
}

PublishedDocument FromPages(const std::vector<Page>& pages, const std::string& path,
                            const ReaderOptions& options) {
  PublishedDocument doc;
  doc.path = path;
  for (const Page& p : pages) doc.pages.push_back({p.number, p.readable, p.why});
  TableCatalog catalog = TableCatalog::Load(options.data_dir);
  doc.tables = ReadTables(pages, catalog);
  ReadDocumentFacts(pages, &doc);
  IdentityFromFileName(path, &doc);
  TextFacts facts = TextFacts::Load(options.data_dir);
  doc.text_figures = ReadTextFigures(pages, facts.figures, doc.year);
  doc.completeness = ReadCompleteness(pages, facts.completeness, doc, facts.tables_elsewhere);
  doc.narrative = ReadNarrative(pages, doc);
  return doc;
}

// A workbook's sheets as pages (the catalog names the sheets whose name is their title). Its
// cover is its first sheet alone (封面, 目录, or the first table with the year in its title):
// the second is already the 说明, whose comparisons with last year are no cover.
PublishedDocument FromWorkbook(const Workbook& workbook, const std::string& path,
                               const ReaderOptions& options) {
  std::vector<Page> pages = PagesFromWorkbook(workbook, TableCatalog::Load(options.data_dir));
  PublishedDocument doc = FromPages(pages, path, options);
  if (!pages.empty()) {
    PublishedDocument cover;
    ReadDocumentFacts({pages.front()}, &cover);
    if (cover.year != 0) doc.year = cover.year;
    if (cover.kind != DocumentKind::kUnknown) doc.kind = cover.kind;
  }
  return doc;
}

std::string Amount(Money m, MoneyUnit unit) {
  return unit == MoneyUnit::kWan ? m.Wan(2, true) : m.Yuan(true);
}

std::string UnitName(MoneyUnit unit) { return unit == MoneyUnit::kWan ? "万元" : "元"; }

std::string RowLabel(const PublishedRow& r) {
  return r.code.empty() ? r.name : r.code + " " + r.name;
}

// One equation: `whole` printed against the sum of `parts`.
struct Equation {
  const PublishedTable* table;
  const PublishedRow* row;
  size_t column;
  Money printed, computed;
  int items;
  std::string what;             // "各类之和", "基本支出 + 项目支出" …
  bool computed_blank = false;  // the other side is one cell printed blank (read as 0)
};

// An amount as the message shows it: a blank cell is said to be blank, not "0.00".
std::string Shown(Money m, bool blank, MoneyUnit unit) {
  return blank ? std::string("空白（按 0 计）") : Amount(m, unit) + UnitName(unit);
}

void Judge(const Equation& e, std::vector<ReaderFinding>* out) {
  Money diff = e.printed - e.computed;
  if (diff.is_zero()) return;
  int64_t step = e.table->unit == MoneyUnit::kWan ? Money::kFenPerWan / 100 : 1;  // 0.01 unit
  int64_t fen = diff.fen() < 0 ? -diff.fen() : diff.fen();
  ReaderFinding f;
  f.level = fen <= step * e.items ? FindingLevel::kNote : FindingLevel::kError;
  f.table_id = e.table->id;
  f.table_title = e.table->title;
  const PublishedAmount& a = e.row->amounts[e.column];
  f.page = a.where.page ? a.where.page : e.row->where.page;
  f.box = a.blank ? e.row->where.box : a.where.box;
  f.row = RowLabel(*e.row);
  f.side = e.row->side;
  f.column = e.table->columns[e.column].path;
  f.column_index = static_cast<int>(e.column);
  f.printed = e.printed;
  f.computed = e.computed;
  if (const Location& at = a.where.InSheet() ? a.where : e.row->where; at.InSheet()) {
    f.cell = PlaceName(at);
  }
  std::string unit = UnitName(e.table->unit);
  f.message = fmt::format(
      "《{}》{}“{}”行“{}”列：印为 {}，{}为 {}，相差 {}{}{}", e.table->title, FindingPlace(f), f.row,
      f.column, Shown(e.printed, a.blank, e.table->unit), e.what,
      Shown(e.computed, e.computed_blank, e.table->unit), Amount(diff, e.table->unit), unit,
      f.level == FindingLevel::kNote
          ? fmt::format("（不超过 {} 项各 0.01{} 的舍入，可能来自分项四舍五入）", e.items, unit)
          : "");
  out->push_back(std::move(f));
}

bool NameIs(const PublishedColumn& c, std::string_view word) {
  return c.name.find(word) != std::string::npos;
}

// 收入总计 = 支出总计 in a two-sided table (收支总表, 财政拨款收支总表): the last total of each
// half, in the half's first amount column.
void CheckBalance(const PublishedTable& t, std::vector<ReaderFinding>* out) {
  const PublishedRow* halves[2] = {nullptr, nullptr};
  std::optional<size_t> columns[2];
  for (int side = 0; side < 2; ++side) {
    for (const PublishedRow& r : t.rows) {
      if (r.side == side && r.is_total) halves[side] = &r;
    }
    // The first amount printed in the total's row (a third part, 支出用途 of Jiangsu, may
    // hold it), else the half's first column.
    for (size_t c = 0; c < t.columns.size() && halves[side] && !columns[side]; ++c) {
      if (t.columns[c].side == side && !halves[side]->amounts[c].blank) columns[side] = c;
    }
    for (size_t c = 0; c < t.columns.size() && !columns[side]; ++c) {
      if (t.columns[c].side == side) columns[side] = c;
    }
  }
  if (!halves[0] || !halves[1] || !columns[0] || !columns[1]) return;
  Money income = halves[0]->amounts[*columns[0]].value;
  Money spending = halves[1]->amounts[*columns[1]].value;
  Judge({&t, halves[1], *columns[1], spending, income, 0, "收入方“" + halves[0]->name + "”",
         halves[0]->amounts[*columns[0]].blank},
        out);
}

// 合计 = the funds' columns, across every row of a half of the 财政拨款收支总表 printed as 合计 |
// 一般公共预算… | 政府性基金预算… | 国有资本经营预算… (the 支出 half, of 西安's 决算 too). Only
// where every column of the half after its 合计 names one fund: a half with 小计, 基本支出 or
// carried columns is another layout, left to the relations.
void CheckFundColumns(const PublishedTable& t, std::vector<ReaderFinding>* out) {
  for (int side = 0; side < t.sides; ++side) {
    std::vector<size_t> cols;
    for (size_t c = 0; c < t.columns.size(); ++c) {
      if (t.columns[c].side == side) cols.push_back(c);
    }
    if (cols.size() < 3) continue;
    const std::string& first = t.columns[cols[0]].name;
    if (first != "合计" && first != "小计" && first != "总计") continue;
    bool funds = std::all_of(cols.begin() + 1, cols.end(), [&](size_t c) {
      const std::string& n = t.columns[c].name;
      return (NameIs(t.columns[c], "一般公共预算") + NameIs(t.columns[c], "政府性基金") +
              NameIs(t.columns[c], "国有资本经营")) == 1 &&
             n.find("结转") == std::string::npos && n.find("结余") == std::string::npos;
    });
    if (!funds) continue;
    std::string what;
    for (size_t i = 1; i < cols.size(); ++i) {
      what += (i > 1 ? " + " : "") + t.columns[cols[i]].name;
    }
    for (const PublishedRow& r : t.rows) {
      if (r.side != side) continue;
      Money sum;
      for (size_t i = 1; i < cols.size(); ++i) sum += r.amounts[cols[i]].value;
      Judge(
          {&t, &r, cols[0], r.amounts[cols[0]].value, sum, static_cast<int>(cols.size() - 1), what},
          out);
    }
  }
}

// The labels of a header path, top down: "本年收入", "财政拨款", "一般公共预算" of
// "本年收入/财政拨款/一般公共预算".
std::vector<std::string> PathLabels(const std::string& path) {
  std::vector<std::string> labels;
  size_t from = 0;
  for (size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', from)) {
    labels.push_back(path.substr(from, slash - from));
    from = slash + 1;
  }
  labels.push_back(path.substr(from));
  return labels;
}

// Whether a label names a sum over the columns beside it: 合计, 总计, 小计, 收入总计, 本年收入合计.
bool SumLabel(const std::string& label) {
  return label == "合计" || label == "总计" || label == "小计" || label == "收入总计" ||
         label == "收入合计" || label == "本年收入合计" || label == "本年收入小计";
}

// The sources of income across a row of the 收入总表 (收入决算表), by the header's tree of
// labels: in each group of columns under one label (the whole header is the top group), a
// column labelled 合计/总计/小计 is the sum of the group's other members, each member being its
// own sum column where it prints one (本年收入/小计, 上年结转结余/小计) and else the sum of its
// members (深圳's 本年收入 over 财政拨款 (一般公共预算拨款 | 政府性基金预算拨款 | …) | 单位资金 (…)
// without a 小计). A column under 其中 is part of the one before it, not a source of its own.
// The equations are collected first and judged row by row, so that a table whose header the
// reader could not read as such a tree (two sums in one group, a 其中 column heading none) is
// left unchecked rather than misjudged.
struct IncomeSum {
  size_t total;
  std::vector<size_t> parts;
  std::string name = {};  // of the total, where its path does not say what it sums
};

// The columns `cols` (all under the same `depth` labels) as members of their group: the sum
// column `*sum` where the group prints one, else nullopt; each other member's own
// contribution appended to `parts`. Equations of subgroups are added to `sums`. False where
// the header does not read as a tree.
bool IncomeGroup(const std::vector<size_t>& cols,
                 const std::vector<std::vector<std::string>>& labels, size_t depth,
                 std::optional<size_t>* sum, std::vector<size_t>* parts,
                 std::vector<IncomeSum>* sums) {
  // Members by their label at `depth`, in the order printed; a member is either one column
  // ending there or a subgroup of columns with more labels under it.
  std::vector<std::vector<size_t>> members;
  std::vector<std::string> names;
  for (size_t c : cols) {
    const std::string& label = labels[c][depth];
    if (names.empty() || names.back() != label) {
      names.push_back(label);
      members.emplace_back();
    } else if (labels[c].size() == depth + 1 ||
               labels[members.back().front()].size() == depth + 1) {
      return false;  // one label over a column of its own and over others: not a tree
    }
    members.back().push_back(c);
  }
  for (size_t m = 0; m < members.size(); ++m) {
    if (names[m].starts_with("其中")) continue;  // a part of the member before it
    if (labels[members[m].front()].size() == depth + 1) {
      size_t c = members[m].front();
      if (SumLabel(names[m])) {
        if (*sum) return false;  // two sums in one group
        *sum = c;
      } else {
        parts->push_back(c);
      }
      continue;
    }
    std::optional<size_t> own;
    std::vector<size_t> inner;
    if (!IncomeGroup(members[m], labels, depth + 1, &own, &inner, sums)) return false;
    if (inner.empty()) return false;
    if (own) {
      sums->push_back({*own, inner});
      parts->push_back(*own);
    } else {
      parts->insert(parts->end(), inner.begin(), inner.end());
    }
  }
  return true;
}

// The header of 无锡's, 苏州's and 北京's 收入总表 as the reader names it: 合计 | 小计 |
// 一般公共预算 | … | 其他收入 | 小计 | 一般公共预算 | … | 单位资金, the labels 本年收入 and
// 上年结转结余 centred over their groups reaching over one column each (本年收入/财政专户管理资金;
// in text split at tabs, the 小计 below them: 本年收入/小计).
// Read flat, each 小计 sums the columns after it up to the next 小计, and the leading total sums
// the 小计s (and any source before the first). Only where each group's parents, where seen, are one
// label of its own, and no other sum label is printed.
bool FlatIncomeGroups(const std::vector<size_t>& cols,
                      const std::vector<std::vector<std::string>>& labels,
                      std::vector<IncomeSum>* sums) {
  if (cols.size() < 3 || !SumLabel(labels[cols[0]].back()) || labels[cols[0]].size() != 1 ||
      labels[cols[0]].back() == "小计") {
    return false;
  }
  IncomeSum top{cols[0], {}};
  std::vector<IncomeSum> groups;
  std::vector<std::string> parents;  // of each group, where one of its columns shows it
  for (size_t i = 1; i < cols.size(); ++i) {
    const std::vector<std::string>& l = labels[cols[i]];
    if (l.size() > 2 || std::any_of(l.begin(), l.end(),
                                    [](const std::string& x) { return x.starts_with("其中"); })) {
      if (l.back().starts_with("其中") && l.size() <= 2) continue;  // part of the one before
      return false;
    }
    if (l.back() == "小计") {  // its parent, where the reader saw it over the 小计 alone
      groups.push_back({cols[i], {}});
      parents.push_back(l.size() == 2 ? l[0] : std::string());
      continue;
    }
    if (SumLabel(l.back())) return false;
    if (groups.empty()) {
      if (l.size() != 1) return false;
      top.parts.push_back(cols[i]);
      continue;
    }
    if (l.size() == 2) {
      if (!parents.back().empty() && parents.back() != l[0]) return false;
      parents.back() = l[0];
    }
    groups.back().parts.push_back(cols[i]);
  }
  if (groups.empty()) return false;
  for (size_t g = 0; g < groups.size(); ++g) {
    if (groups[g].parts.empty()) return false;
    if (!parents[g].empty()) groups[g].name = parents[g] + "/小计";
    for (size_t h = 0; h < g; ++h) {
      if (!parents[g].empty() && parents[g] == parents[h]) return false;
    }
    top.parts.push_back(groups[g].total);
  }
  sums->push_back(top);
  sums->insert(sums->end(), groups.begin(), groups.end());
  return true;
}

// A header that reads as no tree: a parent label centred over several columns seen over one
// only (西安 2019's 部门预算, printed over 合计 … 上年实户资金余额 with 其他收入 beside it, read
// over 上级补助收入). Whatever columns such a label spans, the leading total (总计) is the sum
// of the sources that are no sums themselves: a group's 小计 stands for its group (whose other
// columns, 其中 ones too, are in it), and another sum label (合计) is the sum of columns that
// are counted already. Only this equation is checked; the others depend on spans not read.
// False where a 小计's group is not known (no parent seen over it) or fewer than two sources
// are left.
bool LeafSources(const std::vector<size_t>& cols,
                 const std::vector<std::vector<std::string>>& labels,
                 std::vector<IncomeSum>* sums) {
  if (cols.size() < 3 || labels[cols[0]].size() != 1 || !SumLabel(labels[cols[0]][0]) ||
      labels[cols[0]][0] == "小计") {
    return false;
  }
  const auto parent = [&](size_t c) {
    std::string p;
    for (size_t k = 0; k + 1 < labels[c].size(); ++k) p += labels[c][k] + "/";
    return p;
  };
  std::vector<std::string> summed;  // the parents of the 小计s, "一般公共预算拨款/"
  for (size_t i = 1; i < cols.size(); ++i) {
    if (labels[cols[i]].back() != "小计") continue;
    if (labels[cols[i]].size() < 2) return false;
    summed.push_back(parent(cols[i]));
  }
  IncomeSum top{cols[0], {}};
  for (size_t i = 1; i < cols.size(); ++i) {
    const std::vector<std::string>& l = labels[cols[i]];
    if (l.back() == "小计") {
      top.parts.push_back(cols[i]);
      continue;
    }
    if (std::any_of(l.begin(), l.end(), [](const std::string& x) { return x.starts_with("其中"); }))
      continue;
    const std::string p = parent(cols[i]);
    if (std::any_of(summed.begin(), summed.end(),
                    [&](const std::string& s) { return p.starts_with(s); })) {
      continue;
    }
    if (SumLabel(l.back())) continue;
    top.parts.push_back(cols[i]);
  }
  if (top.parts.size() < 2) return false;
  sums->push_back(top);
  return true;
}

void CheckIncomeSources(const PublishedTable& t, std::vector<ReaderFinding>* out) {
  if (t.sides != 1) return;
  std::vector<size_t> cols;
  std::vector<std::vector<std::string>> labels(t.columns.size());
  for (size_t c = 0; c < t.columns.size(); ++c) {
    // A column without a header label is not known to hold amounts (a unit's code).
    if (t.columns[c].name.empty()) continue;
    labels[c] = PathLabels(t.columns[c].path);
    if (std::any_of(labels[c].begin(), labels[c].end(),
                    [](const std::string& l) { return l.empty(); })) {
      return;
    }
    cols.push_back(c);
  }
  std::optional<size_t> total;
  std::vector<size_t> parts;
  std::vector<IncomeSum> sums;
  // A 小计 leading the whole header sums it is not known what: its parent was not read.
  if (IncomeGroup(cols, labels, 0, &total, &parts, &sums) && total && !parts.empty() &&
      t.columns[*total].name != "小计") {
    sums.insert(sums.begin(), {*total, parts});
  } else {
    sums.clear();
    if (!FlatIncomeGroups(cols, labels, &sums) && !LeafSources(cols, labels, &sums)) return;
  }
  auto shown = [&](size_t c) {
    for (const IncomeSum& s : sums) {
      if (s.total == c && !s.name.empty()) return s.name;
    }
    // 长沙's 本级财政拨款 prints its amount under 金额 (and 其中:经费拨款 beside it).
    const std::string& name = t.columns[c].name;
    return SumLabel(name) || name == "金额" ? t.columns[c].path : name;
  };
  for (const PublishedRow& r : t.rows) {
    for (const IncomeSum& s : sums) {
      Money sum;
      std::string what;
      for (size_t p : s.parts) {
        sum += r.amounts[p].value;
        what += (what.empty() ? "" : " + ") + shown(p);
      }
      const size_t from = out->size();
      Judge(
          {&t, &r, s.total, r.amounts[s.total].value, sum, static_cast<int>(s.parts.size()), what},
          out);
      // A 小计 whose parent the reader did not see is named by its group's parent in the
      // message (the column keeps its path as read, by which the extract finds the cell).
      for (size_t i = from; i < out->size() && !s.name.empty(); ++i) {
        ReaderFinding& f = (*out)[i];
        const std::string seen = "“" + f.column + "”列";
        if (size_t at = f.message.find(seen); at != std::string::npos) {
          f.message.replace(at, seen.size(), "“" + s.name + "”列");
        }
      }
    }
  }
}

// The sources of income printed as rows in groups, each group's 小计 first (江苏省级's 收入预算
// 总表, as table_reader.cc reads it: "一般公共预算资金小计", its items, "政府性基金小计", …):
// each 小计 = the rows after it up to the next 小计, the total above them (收入总计) = the
// 小计s and any source printed between it and the first. A row "其中：…" is part of the one
// before it, no source of its own. Only where no row has a code.
void CheckGroupedSources(const PublishedTable& t, std::vector<ReaderFinding>* out) {
  if (t.sides != 1) return;
  const auto subtotal = [](const PublishedRow& r) { return r.name.ends_with("小计"); };
  const auto part = [](const PublishedRow& r) { return r.name.starts_with("其中"); };
  size_t first = t.rows.size();
  for (size_t i = 0; i < t.rows.size(); ++i) {
    if (!t.rows[i].code.empty()) return;
    if (subtotal(t.rows[i]) && first == t.rows.size()) first = i;
  }
  if (first == t.rows.size()) return;
  for (size_t c = 0; c < t.columns.size(); ++c) {
    const PublishedRow* total = nullptr;
    std::vector<const PublishedRow*> sources;
    for (size_t i = 0; i < first; ++i) {
      const PublishedRow& r = t.rows[i];
      if (r.is_total && !total) {
        total = &r;
      } else if (total && !part(r)) {
        sources.push_back(&r);
      }
    }
    for (size_t i = first; i < t.rows.size();) {
      const PublishedRow& head = t.rows[i];
      sources.push_back(&head);
      Money sum;
      int items = 0;
      std::string what;
      for (++i; i < t.rows.size() && !subtotal(t.rows[i]) && !t.rows[i].is_total; ++i) {
        if (part(t.rows[i])) continue;
        sum += t.rows[i].amounts[c].value;
        what += (what.empty() ? "" : " + ") + t.rows[i].name;
        ++items;
      }
      if (items > 0) {
        Judge({&t, &head, c, head.amounts[c].value, sum, items, what}, out);
      }
      if (i < t.rows.size() && t.rows[i].is_total) break;  // a second table's total
    }
    if (!total) continue;
    Money sum;
    std::string what;
    for (const PublishedRow* r : sources) {
      sum += r->amounts[c].value;
      what += (what.empty() ? "" : " + ") + r->name;
    }
    Judge({&t, total, c, total->amounts[c].value, sum, static_cast<int>(sources.size()), what},
          out);
  }
}

// A column's own words: its header path without the parents the layouts of the “三公” table
// print over several columns (role `parent` of data/reader/three_public.csv), so that
// "“三公”经费/公务用车购置及运行维护费/公务用车购/置费" reads 公务用车购置费 and its 小计 reads
// 公务用车小计.
std::string OwnWords(const PublishedColumn& c, const ThreePublicWords& words) {
  std::string s;
  for (char ch : c.path) {
    if (ch != '/') s += ch;
  }
  for (const std::string& parent : words.Of("parent")) {
    for (size_t at = s.find(parent); at != std::string::npos; at = s.find(parent)) {
      s.erase(at, parent.size());
    }
  }
  return s;
}

// The layouts that print 会议费 and 培训费 beside the “三公”, nine columns: 合计 | “三公”经费
// (小计 | 因公出国(境)费 | 公务用车购置及运行维护费 (小计 | 购置费 | 运行维护费) | 公务接待费) |
// 会议费 | 培训费 (江苏省级), or with 公务接待费 before 公务用车 (西安 2019, 2018年 | 2019年 |
// 增减变化情况 each printing these nine) — 合计 = “三公” 小计 + 会议费 + 培训费, 小计 = 因公出国 +
// 公务用车 + 公务接待, 公务用车 小计 = 购置费 + 运行维护费. Any other order or number of columns
// (a blank column the reader could not see, prior-year columns) is left unchecked. The columns
// are known by the words of data/reader/three_public.csv (`words`); the 公务用车 小计 by its place
// before 购置费 and 运行维护费 where its parent is not seen over it.
void CheckThreePublicWithMeetings(const PublishedTable& t, const ThreePublicWords& words,
                                  std::vector<ReaderFinding>* out) {
  if (t.columns.size() != 9) return;
  std::vector<std::string> w;
  for (const PublishedColumn& c : t.columns) w.push_back(OwnWords(c, words));
  auto has = [&](size_t k, std::string_view role) { return words.In(role, w[k]); };
  // 购置费 and 运行维护费 by their place under 公务用车: their labels are often printed as one
  // run ("公务用车购置 公务用车运行") that names both.
  auto vehicle_item = [&](size_t k) {
    return has(k, "vehicle") && !has(k, "subtotal") && !words.Is("subtotal", t.columns[k].name);
  };
  auto vehicle_at = [&](size_t v) {
    return has(v, "subtotal") && (has(v, "vehicle") || words.Is("subtotal", w[v])) &&
           vehicle_item(v + 1) && !(has(v + 1, "running") && !has(v + 1, "purchase")) &&
           vehicle_item(v + 2) && !(has(v + 2, "purchase") && !has(v + 2, "running"));
  };
  struct Order {
    size_t vehicle, reception;
  };
  std::optional<Order> order;
  for (const Order& o : {Order{3, 6}, Order{4, 3}}) {
    if (!order && vehicle_at(o.vehicle) && has(o.reception, "reception") &&
        !has(o.reception, "subtotal")) {
      order = o;
    }
  }
  bool layout = order && has(0, "total") && !has(0, "subtotal") && words.Is("subtotal", w[1]) &&
                has(2, "outbound") && !has(2, "subtotal") && has(7, "meeting") &&
                !has(7, "training") && has(8, "training") && !has(8, "meeting");
  if (!layout) return;
  const size_t v = order->vehicle;
  for (const PublishedRow& r : t.rows) {
    auto at = [&](size_t k) { return r.amounts[k].value; };
    Judge({&t, &r, v, at(v), at(v + 1) + at(v + 2), 2, "购置费 + 运行维护费"}, out);
    Judge({&t, &r, 1, at(1), at(2) + at(v) + at(order->reception), 3,
           "因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费"},
          out);
    Judge({&t, &r, 0, at(0), at(1) + at(7) + at(8), 3, "“三公”经费 + 会议费 + 培训费"}, out);
  }
}

// "三公"经费 in the standard layout — 合计 | 因公出国(境)费 | 公务用车购置及运行费 (小计 |
// 购置费 | 运行费) | 公务接待费, the first six columns, whatever follows them (会议费 and 培训费
// of 西安, with rows 预算数 and 决算数) — or in 上海's order, 合计 | 因公出国(境)费 | 公务接待费
// | 公务用车购置及运行费 (小计 | 购置费 | 运行费) (机关运行经费 after them), or in 长沙's, 小计 |
// 公务接待费 | 因公出国(境)费 | 公务用车购置及运行费 | 其中：购置 | 其中：运行: 合计 = 因公出国 +
// 公务用车 + 公务接待 and 小计 = 购置费 + 运行费. Other layouts (合计 with 会议费 and 培训费
// beside a 三公 小计, prior-year columns, labels the reader could not separate) are not checked
// here: a check on a misread column would report defects that are not there. The columns are
// known by the words of data/reader/three_public.csv (`words`).
void CheckThreePublic(const PublishedTable& t, const ThreePublicWords& words,
                      std::vector<ReaderFinding>* out) {
  if (t.columns.size() < 6) return;
  const auto& c = t.columns;
  auto name_is = [&](size_t k, std::string_view role) { return words.In(role, c[k].name); };
  auto path_is = [&](size_t k, std::string_view role) { return words.In(role, c[k].path); };
  // The first column sums the three: 合计 or 总额, or the “三公” 小计 where 会议费 and 培训费
  // follow 公务接待费 (西安).
  const bool total_first =
      name_is(0, "total") || (words.Is("subtotal", c[0].name) && !path_is(0, "vehicle"));
  // The 公务用车 小计 at `v`, its 购置费 and 运行费 after it: the 小计 whose parent is 公务用车,
  // or the one before its two items when the reader did not see the parent above it.
  // Or the column 公务用车购置及运行费 itself, its items after it under 其中 (长沙).
  auto vehicle_at = [&](size_t v) {
    if (v + 2 >= c.size()) return false;
    const bool sum =
        (words.Is("subtotal", c[v].name) && (path_is(v, "vehicle") || path_is(v + 1, "vehicle"))) ||
        (name_is(v, "vehicle") && name_is(v, "purchase") && name_is(v, "running") &&
         c[v + 1].name.starts_with("其中") && c[v + 2].name.starts_with("其中"));
    return sum && name_is(v + 1, "purchase") && !name_is(v + 1, "running") &&
           name_is(v + 2, "running") && !name_is(v + 2, "purchase");
  };
  struct Order {
    size_t outbound, vehicle, reception;
  };
  std::optional<Order> order;
  for (const Order& o : {Order{1, 2, 5}, Order{1, 3, 2}, Order{2, 3, 1}}) {
    if (!order && total_first && name_is(o.outbound, "outbound") && vehicle_at(o.vehicle) &&
        name_is(o.reception, "reception")) {
      order = o;
    }
  }
  if (!order) {
    CheckThreePublicWithMeetings(t, words, out);
    return;
  }
  const size_t v = order->vehicle;
  for (const PublishedRow& r : t.rows) {
    auto at = [&](size_t k) { return r.amounts[k].value; };
    Judge({&t, &r, v, at(v), at(v + 1) + at(v + 2), 2, "购置费 + 运行费"}, out);
    Judge({&t, &r, 0, at(0), at(order->outbound) + at(v) + at(order->reception), 3,
           "因公出国（境）费 + 公务用车购置及运行费 + 公务接待费"},
          out);
  }
}

// The findings from `from` on are under `rule`: the review rule that states the same identity
// for a source's declared figures, so that a published document read back as a source (audit
// --extract) is reported under the same ids by `gongkai check`.
void Tag(std::vector<ReaderFinding>* out, size_t from, const char* rule) {
  for (size_t i = from; i < out->size(); ++i) (*out)[i].rule = rule;
}

// A column's header path without its lowest label: "财政拨款“三公”经费/合计" of
// "财政拨款“三公”经费/合计/预算数".
std::string ParentPath(const PublishedColumn& c) {
  size_t slash = c.path.rfind('/');
  return slash == std::string::npos ? std::string() : c.path.substr(0, slash);
}

// The last label of a header path: "合计" of "财政拨款“三公”经费/合计".
std::string LastLabel(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Two header paths of one item, each missing labels the other has over or under it: the path
// with them all ("合计" and "" → "合计"; "A/B" and "B/购置费" → "A/B/购置费"), or nullopt where
// they disagree.
std::optional<std::string> JoinPaths(const std::string& a, const std::string& b) {
  auto split = [](const std::string& path) {
    std::vector<std::string> parts;
    for (size_t from = 0; !path.empty();) {
      size_t slash = path.find('/', from);
      parts.push_back(path.substr(from, slash == std::string::npos ? slash : slash - from));
      if (slash == std::string::npos) break;
      from = slash + 1;
    }
    return parts;
  };
  std::vector<std::string> x = split(a), y = split(b);
  std::string longer = a;
  if (x.size() < y.size()) {
    std::swap(x, y);
    longer = b;
  }
  // y within x; else y's start overlapping x's end, or x's start overlapping y's end.
  for (size_t at = 0; at + y.size() <= x.size(); ++at) {
    if (std::equal(y.begin(), y.end(), x.begin() + static_cast<std::ptrdiff_t>(at))) return longer;
  }
  auto join = [](const std::vector<std::string>& head, const std::vector<std::string>& tail,
                 size_t overlap) {
    std::string out;
    for (const auto& p : head) out += (out.empty() ? "" : "/") + p;
    for (size_t i = overlap; i < tail.size(); ++i) out += "/" + tail[i];
    return out;
  };
  for (size_t overlap = y.size() - 1; overlap >= 1 && overlap < y.size(); --overlap) {
    if (std::equal(x.end() - static_cast<std::ptrdiff_t>(overlap), x.end(), y.begin())) {
      return join(x, y, overlap);
    }
    if (std::equal(y.end() - static_cast<std::ptrdiff_t>(overlap), y.end(), x.begin())) {
      return join(y, x, overlap);
    }
  }
  return std::nullopt;
}

// A table that prints several figures under each item — 上海's “三公” 决算: 合计 | 因公出国(境)费
// | … each over 预算数 | 决算数 — seen as one table per figure: the columns of the first figure,
// then of the second …, each named by the item above it. Recognised by its shape alone: the
// lowest labels repeat a cycle of k distinct names (k ≥ 2) over every group of k columns, and
// each group stands under an item of its own. An item's label, centred over its group, may
// reach over one of the group's columns only (boxes a few points high, ONLYOFFICE): the group
// is named by the longest parent path among its columns, and the others must be its top or its
// bottom, or none. Empty when the table is not printed that way.
std::vector<PublishedTable> PerFigureViews(const PublishedTable& t) {
  const auto& c = t.columns;
  for (size_t k = 2; k <= 4 && 2 * k <= c.size(); ++k) {
    if (c.size() % k != 0) continue;
    bool cycle = true;
    std::vector<std::string> items;  // the parent path of each group
    for (size_t g = 0; g < c.size() / k && cycle; ++g) {
      std::string item;
      for (size_t j = 0; j < k && cycle; ++j) {
        const PublishedColumn& col = c[g * k + j];
        cycle = !col.name.empty() && col.name == c[j].name;
        for (size_t i = 0; i < j && cycle; ++i) cycle = col.name != c[i].name;
        std::optional<std::string> joined = JoinPaths(item, ParentPath(col));
        cycle = cycle && joined.has_value();
        if (joined) item = *joined;
      }
      cycle =
          cycle && !item.empty() && (items.empty() || LastLabel(items.back()) != LastLabel(item));
      items.push_back(item);
    }
    if (!cycle) continue;
    std::vector<PublishedTable> views;
    for (size_t figure = 0; figure < k; ++figure) {
      PublishedTable v = t;
      v.columns.clear();
      for (PublishedRow& r : v.rows) r.amounts.clear();
      for (size_t g = 0; g < items.size(); ++g) {
        PublishedColumn col = c[g * k + figure];
        col.path = items[g];
        col.name = LastLabel(items[g]);
        v.columns.push_back(col);
        for (size_t r = 0; r < t.rows.size(); ++r) {
          v.rows[r].amounts.push_back(t.rows[r].amounts[g * k + figure]);
        }
      }
      views.push_back(std::move(v));
    }
    return views;
  }
  return {};
}

// A sum wrong in every row that prints figures — 西安 2019's “三公” table fills 2018年's 合计 and
// 小计 with other figures than its header says, in all six rows — is one cause, not six: the
// findings from `from` on of such a column are kept as one, on its first row, the other rows'
// listed beneath it. A column wrong in some rows only keeps a finding per row: each may be a
// typing error of its own.
void OneFindingPerColumnWrongInEveryRow(const PublishedTable& t, size_t from,
                                        std::vector<ReaderFinding>* out) {
  const size_t printed =
      static_cast<size_t>(std::count_if(t.rows.begin(), t.rows.end(), [](const PublishedRow& r) {
        return std::any_of(r.amounts.begin(), r.amounts.end(),
                           [](const PublishedAmount& a) { return !a.blank; });
      }));
  std::vector<ReaderFinding> kept(std::make_move_iterator(out->begin() + from),
                                  std::make_move_iterator(out->end()));
  out->resize(from);
  std::vector<bool> done(kept.size(), false);
  for (size_t i = 0; i < kept.size(); ++i) {
    if (done[i]) continue;
    std::vector<size_t> same;
    for (size_t j = i; j < kept.size(); ++j) {
      if (!done[j] && kept[j].column == kept[i].column && kept[j].level == FindingLevel::kError) {
        same.push_back(j);
      }
    }
    if (printed < 2 || same.size() != printed || same.front() != i) {
      done[i] = true;
      out->push_back(std::move(kept[i]));
      continue;
    }
    ReaderFinding root = std::move(kept[i]);
    root.message += fmt::format("；本列有数字的{}行均不符，各行见下", printed);
    for (size_t j : same) {
      done[j] = true;
      if (j != i) root.consequences.push_back(std::move(kept[j]));
    }
    out->push_back(std::move(root));
  }
}

// Whether two printed labels are one, the longer cut short where its cell ended ("因公出国（"
// under 2018年, "因公出国（境）费" under 增减变化情况), at least two characters of it printed.
bool SameLabel(const std::string& a, const std::string& b) {
  const std::string& shorter = a.size() < b.size() ? a : b;
  const std::string& longer = a.size() < b.size() ? b : a;
  return shorter.size() >= 6 && longer.starts_with(shorter);  // two CJK characters
}

// A table that prints the same columns once per block side by side — 西安 2019's “三公” table:
// 2018年 | 2019年 | 增减变化情况, each over 合计 | 小计 | 因公出国（境）费 | … | 培训费 — seen as
// one table per block, each column named by its own label (the labels over it are not read
// reliably that high: centred over many narrow columns, they reach over a few). Recognised by
// its shape: the columns' own labels repeat with a period of six or more, the first of each
// block a total; each block named by the label over it that no other block prints (2018年), in
// `names`. Empty when the table is not printed that way.
std::vector<PublishedTable> PerBlockViews(const PublishedTable& t,
                                          std::vector<std::string>* names) {
  const auto& c = t.columns;
  for (size_t p = 6; 2 * p <= c.size(); ++p) {
    if (c.size() % p != 0 || !SumLabel(c[0].name)) continue;
    bool repeats = true;
    for (size_t k = p; k < c.size() && repeats; ++k) {
      repeats = SameLabel(c[k].name, c[k % p].name);
    }
    if (!repeats) continue;
    const size_t blocks = c.size() / p;
    std::vector<std::vector<std::string>> labels(blocks);  // each block's labels over columns
    for (size_t k = 0; k < c.size(); ++k) {
      std::vector<std::string> l = PathLabels(c[k].path);
      labels[k / p].insert(labels[k / p].end(), l.begin(), l.end() - 1);
    }
    names->clear();
    for (size_t b = 0; b < blocks; ++b) {
      std::string own;
      for (const std::string& l : labels[b]) {
        bool elsewhere = false;
        for (size_t o = 0; o < blocks && !elsewhere; ++o) {
          elsewhere = o != b && std::find(labels[o].begin(), labels[o].end(), l) != labels[o].end();
        }
        if (!elsewhere && own != l) own = own.empty() ? l : own + "、" + l;
      }
      names->push_back(own.empty() ? fmt::format("第{}组", b + 1) : own);
    }
    std::vector<PublishedTable> views;
    for (size_t b = 0; b < blocks; ++b) {
      PublishedTable v = t;
      v.columns.assign(c.begin() + static_cast<std::ptrdiff_t>(b * p),
                       c.begin() + static_cast<std::ptrdiff_t>((b + 1) * p));
      for (PublishedColumn& col : v.columns) col.path = col.name;
      for (size_t r = 0; r < t.rows.size(); ++r) {
        const auto& a = t.rows[r].amounts;
        v.rows[r].amounts.assign(a.begin() + static_cast<std::ptrdiff_t>(b * p),
                                 a.begin() + static_cast<std::ptrdiff_t>((b + 1) * p));
      }
      views.push_back(std::move(v));
    }
    return views;
  }
  return {};
}

// The findings from `from` on, made on a view of a table (PerFigureViews, PerBlockViews), as
// findings on the table: `to_table` gives for a view's column name and index the table's
// column as a reader names it and its index, which the message says instead.
template <typename ToTable>
void InTable(std::vector<ReaderFinding>* out, size_t from, const ToTable& to_table) {
  for (size_t i = from; i < out->size(); ++i) {
    ReaderFinding& f = (*out)[i];
    const std::string seen = "“" + f.column + "”列";
    auto [column, index] = to_table(f.column, static_cast<size_t>(f.column_index));
    f.column = column;
    f.column_index = static_cast<int>(index);
    if (size_t at = f.message.find(seen); at != std::string::npos) {
      f.message.replace(at, seen.size(), "“" + f.column + "”列");
    }
  }
}

// 决算's 一般公共预算财政拨款基本支出决算表 prints one list of 经济 classes in three parts side
// by side (人员经费 | 公用经费 | 公用经费), each part code | 科目名称 | 决算数, a 类's 款 running
// on from the foot of one part to the head of the next, and each part onto the same part of the
// next page (西安 2022): read part after part, each 类 = Σ its 款 (by code), and the parts'
// totals: 人员经费合计 = the first part's 类, 公用经费合计 = the others'. Each part's amounts are
// in one column (a column seen under a part's header but printing nothing is none).
void CheckListInParts(const PublishedTable& t, std::vector<ReaderFinding>* out) {
  std::vector<size_t> column(static_cast<size_t>(t.sides), SIZE_MAX);
  for (size_t c = 0; c < t.columns.size(); ++c) {
    const bool printed = std::any_of(t.rows.begin(), t.rows.end(),
                                     [&](const PublishedRow& r) { return !r.amounts[c].blank; });
    if (!printed) continue;
    size_t& at = column[static_cast<size_t>(t.columns[c].side)];
    if (at != SIZE_MAX) return;
    at = c;
  }
  if (std::find(column.begin(), column.end(), SIZE_MAX) != column.end()) return;
  std::vector<const PublishedRow*> rows;
  for (int side = 0; side < t.sides; ++side) {
    for (const PublishedRow& r : t.rows) {
      if (r.side == side && !r.code.empty()) rows.push_back(&r);
    }
  }
  std::vector<Money> sums(rows.size());
  std::vector<int> counts(rows.size(), 0);
  std::optional<size_t> open;  // the 类 whose 款 follow
  for (size_t i = 0; i < rows.size(); ++i) {
    const std::string& code = rows[i]->code;
    if (code.size() == 3) {
      open = i;
    } else if (open && code.size() == 5 && code.starts_with(rows[*open]->code)) {
      sums[*open] += rows[i]->amounts[column[static_cast<size_t>(rows[i]->side)]].value;
      ++counts[*open];
    } else {
      open.reset();  // a 款 of no 类 printed above it: the sums after it are not known
    }
  }
  for (size_t i = 0; i < rows.size(); ++i) {
    if (counts[i] == 0) continue;
    const size_t c = column[static_cast<size_t>(rows[i]->side)];
    Judge({&t, rows[i], c, rows[i]->amounts[c].value, sums[i], counts[i], "其下各款之和"}, out);
  }
  // 人员经费合计 = the 类 of the first part, 公用经费合计 = those of the others. The 公用经费合计
  // of one part may print its amount in the next part's column, on a row of its own (国家信访局).
  for (size_t k = 0; k < t.rows.size(); ++k) {
    const PublishedRow& r = t.rows[k];
    const bool personnel = r.name.find("人员经费") != std::string::npos;
    if (!r.is_total || (personnel != (r.side == 0)) ||
        (!personnel && r.name.find("公用经费") == std::string::npos)) {
      continue;
    }
    PublishedRow total = r;
    size_t c = column[static_cast<size_t>(r.side)];
    if (total.amounts[c].blank && k + 1 < t.rows.size()) {
      const PublishedRow& next = t.rows[k + 1];
      const size_t d = column[static_cast<size_t>(next.side)];
      if (next.side > r.side && next.name.empty() && next.code.empty() && !next.amounts[d].blank) {
        total.amounts = next.amounts;
        c = d;
      }
    }
    if (total.amounts[c].blank) continue;
    Money sum;
    int items = 0;
    for (const PublishedRow* row : rows) {
      if (row->code.size() != 3 || (row->side == 0) != personnel) continue;
      sum += row->amounts[column[static_cast<size_t>(row->side)]].value;
      ++items;
    }
    if (items > 0) Judge({&t, &total, c, total.amounts[c].value, sum, items, "各类之和"}, out);
  }
}

void CheckTable(const PublishedTable& t, bool final_accounts, const ThreePublicWords& words,
                std::vector<ReaderFinding>* out) {
  if (t.id == "three_public") {
    const size_t from = out->size();
    // Each figure of a table printing several under each item is checked by itself; its
    // findings name the column as printed ("…/合计/决算数").
    std::vector<PublishedTable> views = PerFigureViews(t);
    const size_t k = views.size();
    for (size_t figure = 0; figure < k; ++figure) {
      const size_t first = out->size();
      CheckThreePublic(views[figure], words, out);
      InTable(out, first, [&](const std::string& column, size_t c) {
        return std::pair{column + "/" + t.columns[figure].name, c * k + figure};
      });
    }
    // Each block of a table printing the same columns per year is checked by itself; its
    // findings name the column by its block ("2018年/合计").
    std::vector<std::string> names;
    std::vector<PublishedTable> blocks =
        views.empty() ? PerBlockViews(t, &names) : std::vector<PublishedTable>{};
    for (size_t b = 0; b < blocks.size(); ++b) {
      const size_t first = out->size();
      CheckThreePublic(blocks[b], words, out);
      const size_t p = blocks[b].columns.size();
      InTable(out, first, [&](const std::string& column, size_t c) {
        return std::pair{names[b] + "/" + column, b * p + c};
      });
      OneFindingPerColumnWrongInEveryRow(blocks[b], first, out);
    }
    if (views.empty() && blocks.empty()) CheckThreePublic(t, words, out);
    Tag(out, from, "BAL-010");
    return;
  }
  if (t.sides == 2 && (t.id == "income_expenditure_summary" || t.id == "fiscal_summary")) {
    const size_t from = out->size();
    CheckBalance(t, out);
    if (t.id == "fiscal_summary") CheckFundColumns(t, out);
    // As the relations name the same identity (published_relations.cc, 总计 = 本年 + 结转).
    const bool summary = t.id == "income_expenditure_summary";
    Tag(out, from,
        final_accounts ? (summary ? "FIN-001" : "FIN-002") : (summary ? "BAL-002" : "BAL-011"));
  }
  if (t.id == "income_summary") {
    const size_t from = out->size();
    CheckIncomeSources(t, out);
    CheckGroupedSources(t, out);
    Tag(out, from, "BAL-003");
  }
  // 西安 2019's 支出总表 divides each unit's spending by its source of funds, not into 基本支出 |
  // 项目支出: 总计 | 合计 | 公共预算拨款 (小计 | 其中…) | 政府性基金拨款 | 事业收入 | … — its rows
  // sum as the 收入总表's do. Only where no column is 基本支出 or 项目支出 and some names a
  // source (拨款, 收入, 资金).
  if (t.id == "expenditure_summary" && t.sides == 1) {
    const auto named = [&](std::initializer_list<std::string_view> any) {
      return std::any_of(t.columns.begin(), t.columns.end(), [&](const PublishedColumn& c) {
        return std::any_of(any.begin(), any.end(),
                           [&](std::string_view w) { return c.path.find(w) != std::string::npos; });
      });
    };
    if (!named({"基本支出", "项目支出"}) && named({"拨款", "收入", "资金"})) {
      const size_t from = out->size();
      CheckIncomeSources(t, out);
      Tag(out, from, "BAL-005");
    }
  }
  const bool economic = t.id == "general_basic_expenditure";
  // A one-sided table printed in parts side by side (人员经费 | 公用经费 lists of 决算 基本支出
  // tables) continues a 类 from one part into the next: read part after part.
  if (t.sides > 1 && t.id != "income_expenditure_summary" && t.id != "fiscal_summary") {
    const size_t from = out->size();
    CheckListInParts(t, out);
    Tag(out, from, economic ? "BAL-008" : "BAL-007");
    return;
  }
  // The halves of 收支总表 list 类 by name; they are only checked to balance.
  if (t.sides > 1) return;
  for (int side = 0; side < t.sides; ++side) {
    std::vector<const PublishedRow*> rows;
    for (const PublishedRow& r : t.rows) {
      if (r.side == side) rows.push_back(&r);
    }
    // Vertical: 类 = Σ 款, 款 = Σ 项 over the rows printed below each (codes repeat when a
    // table lists its units one after another); each unit's row = Σ its 类; 合计 = Σ units,
    // or Σ 类 where no unit rows are printed.
    const PublishedRow* total = nullptr;
    std::vector<size_t> units;
    for (size_t i = 0; i < rows.size(); ++i) {
      const PublishedRow* r = rows[i];
      if (r->is_total && r->code.empty() && !total) total = r;
      bool printed = std::any_of(r->amounts.begin(), r->amounts.end(),
                                 [](const PublishedAmount& a) { return !a.blank; });
      // A unit's row comes right before its first 类.
      bool heads_classes = i + 1 < rows.size() && rows[i + 1]->code.size() == 3;
      if (!r->is_total && r->code.empty() && !r->name.empty() && printed && heads_classes) {
        units.push_back(i);
      }
    }
    std::vector<bool> is_unit(rows.size(), false);
    for (size_t u : units) is_unit[u] = true;
    // Each coded row's nearest printed ancestor among the rows above it (a 项 printed without
    // its 款, as 3010201 under 301, belongs to the 类), found with a stack of open codes; a
    // row without a code closes them all.
    std::vector<size_t> parents(rows.size(), SIZE_MAX);
    std::vector<size_t> open;
    for (size_t j = 0; j < rows.size(); ++j) {
      const std::string& code = rows[j]->code;
      if (code.empty()) {
        open.clear();
        continue;
      }
      while (!open.empty()) {
        const std::string& top = rows[open.back()]->code;
        if (top.size() < code.size() && code.compare(0, top.size(), top) == 0) break;
        open.pop_back();
      }
      if (!open.empty()) parents[j] = open.back();
      open.push_back(j);
    }
    const size_t vertical = out->size();
    for (size_t c = 0; c < t.columns.size(); ++c) {
      // A column without a header label is not known to hold amounts (a unit's code).
      if (t.columns[c].side != side || t.columns[c].name.empty()) continue;
      std::vector<Money> sums(rows.size());
      std::vector<int> counts(rows.size(), 0);
      for (size_t j = 0; j < rows.size(); ++j) {
        if (parents[j] == SIZE_MAX) continue;
        sums[parents[j]] += rows[j]->amounts[c].value;
        ++counts[parents[j]];
      }
      for (size_t i = 0; i < rows.size(); ++i) {
        size_t len = rows[i]->code.size();
        if ((len != 3 && len != 5) || counts[i] == 0) continue;
        Judge({&t, rows[i], c, rows[i]->amounts[c].value, sums[i], counts[i],
               len == 3 ? "其下各款之和" : "其下各项之和"},
              out);
      }
      // Σ 类 from row `from` up to the next unit row.
      auto classes = [&](size_t from, int* items) {
        Money sum;
        for (size_t j = from; j < rows.size(); ++j) {
          if (j > from && is_unit[j]) break;
          if (rows[j]->code.size() == 3) {
            sum += rows[j]->amounts[c].value;
            ++*items;
          }
        }
        return sum;
      };
      if (units.empty()) {
        int items = 0;
        Money sum = classes(0, &items);
        if (total && items > 0) {
          Judge({&t, total, c, total->amounts[c].value, sum, items, "各类之和"}, out);
        }
        continue;
      }
      Money sum_of_units;
      for (size_t u : units) {
        int items = 0;
        Money sum = classes(u, &items);
        sum_of_units += rows[u]->amounts[c].value;
        if (items > 0) {
          Judge({&t, rows[u], c, rows[u]->amounts[c].value, sum, items, "其下各类之和"}, out);
        }
      }
      if (total) {
        Judge({&t, total, c, total->amounts[c].value, sum_of_units, static_cast<int>(units.size()),
               "各单位之和"},
              out);
      }
    }
    Tag(out, vertical, economic ? "BAL-008" : "BAL-007");
    // Across a row: total = basic + project (+ others); basic = 人员经费 + 公用经费.
    std::optional<size_t> sum_col, basic, project, personnel, office;
    std::vector<size_t> others;
    for (size_t c = 0; c < t.columns.size(); ++c) {
      const PublishedColumn& col = t.columns[c];
      if (col.side != side) continue;
      bool under_basic = col.path.rfind("基本支出/", 0) == 0;
      bool total_name = col.name.ends_with("合计") || col.name.ends_with("总计") ||
                        col.name == "小计" || col.name == "总";
      if (!sum_col && total_name && !under_basic) {
        sum_col = c;
      } else if (!basic && (col.name == "基本支出" ||
                            (under_basic && (NameIs(col, "小计") || NameIs(col, "合计"))))) {
        basic = c;
      } else if (!project && (NameIs(col, "项目支出") || NameIs(col, "专项业务经费")) &&
                 !under_basic) {
        project = c;
      } else if (!personnel && NameIs(col, "人员经费")) {
        personnel = c;
      } else if (!office && NameIs(col, "公用经费")) {
        office = c;
      } else if (!basic && personnel == std::nullopt && col.name == "小计") {
        basic = c;  // 基本支出 centred over 小计 | 人员经费 | 公用经费 names only one of them
      } else if (col.path == col.name &&
                 (NameIs(col, "事业单位经营支出") || NameIs(col, "上缴上级支出") ||
                  NameIs(col, "对附属单位补助支出") || NameIs(col, "预留机动") ||
                  NameIs(col, "结转下年"))) {
        others.push_back(c);
      }
    }
    for (const PublishedRow* r : rows) {
      if (sum_col && basic && project) {
        Money sum = r->amounts[*basic].value + r->amounts[*project].value;
        std::string what = "基本支出 + 项目支出";
        for (size_t o : others) {
          sum += r->amounts[o].value;
          what += " + " + t.columns[o].name;
        }
        const size_t from = out->size();
        Judge({&t, r, *sum_col, r->amounts[*sum_col].value, sum, 2 + int(others.size()), what},
              out);
        Tag(out, from, "BAL-005");
      }
      std::optional<size_t> whole = basic ? basic : (project ? std::nullopt : sum_col);
      if (whole && personnel && office && *whole != *personnel) {
        Money sum = r->amounts[*personnel].value + r->amounts[*office].value;
        const size_t from = out->size();
        Judge({&t, r, *whole, r->amounts[*whole].value, sum, 2, "人员经费 + 公用经费"}, out);
        Tag(out, from, economic ? "BAL-009" : "BAL-006");
      }
    }
  }
}

}  // namespace

PublishedDocument ReadPublishedText(const std::string& text, const std::string& path,
                                    const ReaderOptions& options) {
  return FromPages(PagesFromText(text), path, options);
}

PublishedDocument ReadPublishedPdf(const std::string& bytes, const std::string& path,
                                   const ReaderOptions& options) {
  return FromPages(PagesFromPdf(ExtractPdfWordsFromBytes(bytes, path, options.limits)), path,
                   options);
}

bool IsWorkbookName(const std::string& path) {
  return HasExtension(path, ".xlsx") || HasExtension(path, ".xls");
}

PublishedDocument ReadPublishedWorkbook(const std::string& bytes, const std::string& path,
                                        const ReaderOptions& options) {
  Workbook workbook;
  try {
    workbook = ReadWorkbookFromMemory(bytes.data(), bytes.size(), path);
  } catch (const XlsxError& e) {
    throw ReaderError(e.what());
  }
  return FromWorkbook(workbook, path, options);
}

PublishedDocument ReadPublished(const std::string& path, const ReaderOptions& options) {
  if (IsWorkbookName(path)) {
    // The xlsx reader's own limits apply (file, parts, cells, shared strings: xlsx_reader.h);
    // its messages name the file and, where it has one, the sheet and cell.
    Workbook workbook;
    try {
      workbook = ReadWorkbook(path);
    } catch (const XlsxError& e) {
      throw ReaderError(e.what());
    }
    return FromWorkbook(workbook, path, options);
  }
  if (HasExtension(path, ".txt")) {
    std::string text;
    switch (ReadFileAtMost(path, options.max_text_bytes, &text)) {
      case ReadStatus::kCannotOpen:
        throw ReaderError(fmt::format("{}：无法打开文本文件", path));
      case ReadStatus::kTooLarge:
        throw ReaderError(fmt::format("{}：文本文件超过 {} MB 的上限，不予读取", path,
                                      options.max_text_bytes >> 20));
      case ReadStatus::kOk:
        break;
    }
    return ReadPublishedText(text, path, options);
  }
  return FromPages(PagesFromPdf(ExtractPdfWords(path, options.limits)), path, options);
}

std::string FindingPlace(const ReaderFinding& f) {
  return f.cell.empty() ? "第" + std::to_string(f.page) + "页" : f.cell;
}

std::string FindingPlace(const CellRef& r) {
  const std::string place = r.cell.empty() ? "第" + std::to_string(r.page) + "页" : r.cell;
  return r.file.empty() ? place : "《" + r.file + "》" + place;
}

std::vector<ReaderFinding> CheckPublished(const PublishedDocument& doc,
                                          const ThreePublicWords& words) {
  std::vector<ReaderFinding> out;
  for (const PublishedTable& t : doc.tables) {
    CheckTable(t, doc.kind == DocumentKind::kFinalAccounts, words, &out);
  }
  return out;
}

}  // namespace gongkai::reader
