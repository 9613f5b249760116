// The disclosure template of a fiscal year: which tables are published, their numbers,
// titles and the sentence printed when a table is empty, the rows and columns a region prints,
// and the general glossary terms. Read from data/templates/<kind>/<year>/ (the latest year not
// after the document's year), so a region can change numbering or wording without touching
// code. frame.csv holds what the document says about itself (key,text rows: see DocumentFrame
// in document.h).
//
// Regional variants: data/templates/<kind>/<region>/<year>/ holds the files a region prints
// differently (any of frame.csv, tables.csv, glossary.csv, rows.csv, labels.csv); a file it does
// not have is the national one. The region is the longest directory name that begins the source's
// `department.region.name` (上海市 for 上海市普陀区; 中央 for a central department), with its
// latest year not after the document's; without one the national set is used.
//
// layout.csv (key,value; optional) says how the 情况说明 of a region states what it states:
// `adjusted_budget` printed|omitted — whether the 一般公共预算财政拨款 sentences give the
// 调整预算 beside the 年初预算 where a source has one; `operating_budget` printed|omitted —
// whether the 机关运行经费 is stated with its 预算数 and 完成% (as 西安 does); `sections` and
// `title.<id>` the order and titles of its parts; `meeting_training.*` the wording of the 会议费
// and 培训费 a source gives (their order, headings — 西安 states them as （二）培训费 and
// （三）会议费 of its “三公” part —, the sentence with {year} {budget} {actual} {completion}
// {difference} {change} and the counts by name, the 完成% with {rate}, the difference from the
// 预算数 with {amount} and its reason with {reason}); `three_public.*` the “三公” in a region's own
// words where it gives `three_public.order` (its items, keys of ThreePublicKeys(), in order; per
// item a heading with {n}, its number, a sentence as the 会议费's and a sentence for an item with
// neither figure; `three_public.text.total` the whole: 西安); `change.more|less|same` the
// change from last year's 决算 ({amount} {prior_year} {reason}, the latter `change.reason`
// filled). A regional layout.csv overrides the national one key by key; an unknown key, value or
// placeholder is an error naming the file and line.
#ifndef GONGKAI_DISCLOSURE_TEMPLATES_H_
#define GONGKAI_DISCLOSURE_TEMPLATES_H_

#include <map>
#include <string>
#include <vector>

#include "disclosure/document.h"

namespace gongkai {

struct TableTemplate {
  std::string id, number, title;
  bool always = true;      // published even without data
  std::string empty_note;  // may contain {dept} and {year}
  // tables.csv's optional `layout` column: the builder's variant of the table where regions
  // lay it out differently (final_three_public: "pairs", 预算数 and 决算数 side by side under
  // each item in one row, as 上海 prints it; final_general_expenditure: "basic_project", 合计,
  // 基本支出 and 项目支出 without 人员经费 and 公用经费, as 西安 prints it); empty: the national
  // layout.
  std::string layout;
  // tables.csv's optional `columns` column: extra columns a region prints, space-separated
  // keys the builder knows (final_general_expenditure: "budget", 年初预算 before 合计;
  // "adjusted", 调整预算 there too — with 年初预算 beside it — where a source gives one).
  std::vector<std::string> columns;
  // rows.csv (table,key,label): the rows a table prints, in order, by key: the 决算 收入支出
  // 决算总表's income sources ("income.general", "income.business+special": several sources on
  // one row) and 功能 类 ("class.201"). Empty: the builder's own rows from the catalog. In
  // final_income the `income.` keys name its columns after 本年收入合计 instead (西安's 公开02表:
  // 财政拨款收入 = general+fund+soe, 事业收入 = business+special, …).
  std::vector<std::pair<std::string, std::string>> rows;
  // labels.csv (table,key,label): the labels a region prints in the table's header. A key is
  // the label the national table prints (西安: 合计 → 小计, 因公出国（境）费 → 因公出国（境）费用,
  // 科目编码 → 科目代码), replaced wherever it heads a column, or a header cell the national
  // table has not: `group.item`, a cell over the 科目编码 and 科目名称 columns (西安: 项目);
  // `group.amounts`, a cell over the amount columns of a one-row header (西安: 本年支出); and
  // in final_three_public `group.three_public`, a cell over the six “三公” columns that makes
  // its header three rows deep (西安: 财政拨款安排的“三公”经费 over 小计 … 公务接待费, with
  // 会议费 and 培训费 beside it); `row.numbers`, a last header row numbering the amount columns
  // 1, 2, … with the label given (西安: 栏次) in the label column before them;
  // `column.line_numbers`, a column after the label column of each side of a two-sided table
  // numbering its lines, the first side 1 … n, the next n+1 … 2n (西安's 公开01表 and 公开04表:
  // 行次).
  std::map<std::string, std::string> labels;

  bool HasColumn(const std::string& key) const;
  // The region's label for `key`, else `national`.
  std::string Label(const std::string& key, const std::string& national) const;
};

// A term of 名词解释. `when` names a kind of spending the department must have for the term to
// be printed (a key of SpendingKinds() in figures.h: unit_operating 事业单位经营支出,
// to_superior 上缴上级支出, to_affiliates 对附属单位补助支出, …); empty: always printed.
// glossary.csv may leave the column out.
struct TemplateTerm {
  std::string term, definition, when;
};

struct Templates {
  DocumentKind kind = DocumentKind::kBudget;
  int year = 0;        // the national template year actually used
  std::string region;  // the regional set used (its directory name), empty: national only
  int region_year = 0;
  std::vector<TableTemplate> tables;
  std::vector<TemplateTerm> glossary;
  std::map<std::string, std::string> frame;   // frame.csv: key → text with {dept} {year} {title}
  std::map<std::string, std::string> layout;  // layout.csv: key → value (see above)

  // Whether layout.csv says `key` is printed.
  bool Prints(const std::string& key) const;

  // Throws CatalogError naming the file when a template is missing or malformed. `region` is
  // the source's department.region.name (empty: national).
  static Templates Load(const std::string& data_dir, DocumentKind kind, int year,
                        const std::string& region = {});

  // The frame of a department's document.
  DocumentFrame Frame(const std::string& department, int fiscal_year) const;
};

}  // namespace gongkai

#endif  // GONGKAI_DISCLOSURE_TEMPLATES_H_
