// The Excel workbook a finance officer fills in, and its conversion to and from the model.
//
// Sheets (see 说明 in the template and README "Excel input"): 基本信息 (label rows: identity,
// 预算单位, 编制/实有/离退休, texts, contact, 补充说明), 收入 (年终结转结余), 支出明细 (基本支出
// lines), 项目, 项目支出, 上年对比, 三公, 采购, 购买服务, 资产, 绩效项目 (项目申报表 main
// fields), 绩效指标 (every goal and indicator, of the department and of each declaration), the
// `declared` figures on 公开内容 (the lists: tables printed, sections, 名词解释), 公开数（表格）
// (cells) and 公开数（文字） (text figures), and 其他数据: `path | value` rows for whatever has no
// sheet of its own (the remaining fields of the performance forms, an amount printed blank), so
// that no content is lost. A hidden sheet 代码表 holds the drop-down lists (项-level 功能科目,
// 款-level 经济科目 of the year, 资金来源, the kind's standard tables …).
//
// A 决算 (kind: 决算, final_accounts) has five sheets more, after 基本信息; its lines on the
// budget's sheets carry the 决算数. 决算信息 (label rows: the kind, the budget source, 机关运行经费
// 预算数, 使用非财政拨款结余, 结余分配, the reasons for the wholes, 预算绩效管理情况, the “三公”
// counts), 收入决算 (income by 功能 项 and 资金来源), and two sheets of maps sharing their keys,
// one row per key: 结转结余 (资金来源 | 年初 | 年末结转和结余) and 分项预算 (功能科目 | 年初预算 |
// 调整预算 | 差异原因: budget_items, adjusted_items, reasons); 三公决算 (预算数 | 决算数 per item,
// and of 会议费 and 培训费).
// Every field of final_accounts has its cell there; its `declared` figures are on the sheets a
// budget's are (without the rows of sections and 名词解释, which a 决算 does not declare), and
// its 上年对比 says 上年决算数 where a budget's says 上年预算数.
//
// Reading goes through the source format on purpose: the workbook becomes a YAML text (one
// scalar per line, each line remembering its cell) and is parsed by ParseSource, so a workbook
// is validated by exactly the rules of a YAML source. Every error is then rewritten from the
// YAML line to the cell it came from: `file: 支出明细!B3: message`. Writing goes the other way:
// the model → WriteSourceJson's tree → cells; whatever a dedicated sheet does not take lands
// in 其他数据, so model → workbook → model is lossless.
#ifndef GONGKAI_SOURCE_WORKBOOK_SOURCE_H_
#define GONGKAI_SOURCE_WORKBOOK_SOURCE_H_

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/department.h"
#include "refdata/catalog.h"
#include "source/source_loader.h"
#include "xlsx/xlsx_reader.h"

namespace gongkai {

// Whether a path names a workbook (by extension: .xlsx).
bool IsWorkbookPath(const std::string& path);

// The YAML source text of a workbook, and for each YAML line (1-based) the cell it came from
// ("支出明细!G5"; empty for structural lines).
struct WorkbookYaml {
  std::string text;
  std::vector<std::string> line_cells;  // index = line number
  // Lines whose key came from a cell of its own (column A of a keyed sheet: 分项预算's 功能科目):
  // line → (the 1-based column where the value begins, the key's cell). A message at a column
  // before it is about the key.
  std::map<size_t, std::pair<int, std::string>> key_cells;
};
WorkbookYaml WorkbookToYaml(const Workbook& wb);

// Reads a filled workbook into the model; all errors as SourceError `file: sheet!cell: message`.
Department ReadWorkbookSource(const std::string& path, const CatalogProvider& catalogs);
// The same from the workbook's bytes (an upload), `name` standing for the file in messages.
Department ReadWorkbookSourceBytes(std::string_view bytes, const std::string& name,
                                   const CatalogProvider& catalogs);

// Writes the model as a filled workbook. Drop-down lists come from the catalog CSVs of the
// department's year in `data_dir`. Returns false and sets *error when it cannot be written.
bool WriteWorkbookSource(const Department& d, const std::string& path, std::string* error,
                         const std::string& data_dir);

// Writes an empty workbook for a document of `kind` and `year` (instructions, headers,
// drop-down lists; for a 决算 its own sheets, with the kind and zeros to overwrite).
bool WriteWorkbookTemplate(DocumentKind kind, int year, const std::string& path, std::string* error,
                           const std::string& data_dir);

}  // namespace gongkai

#endif  // GONGKAI_SOURCE_WORKBOOK_SOURCE_H_
