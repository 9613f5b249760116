#include "source/workbook_source.h"

#include <fmt/format.h>
#include <xlsxwriter.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <functional>
#include <set>

#include "base/cell_text.h"
#include "base/csv.h"
#include "base/library_lock.h"
#include "base/utf8_text.h"
#include "model/document_kind.h"
#include "source/source_writer.h"

namespace gongkai {
namespace {

using Json = nlohmann::ordered_json;

// How a column's cells are written and read.
enum class Kind {
  kText,    // text as is
  kAmount,  // 万元 amount: written as a number, a number cell read through CellMoney
  kInt,     // whole number (year, count)
  kCoded,   // "code name" / "id name" from a drop-down: the first word is the value
  kBool,    // 是 / 否
  kDate,    // YYYY-MM-DD; a date cell reads as such
};

struct Column {
  const char* header;
  const char* rel;  // path inside the row's item ("" = the item itself)
  Kind kind = Kind::kText;
  double width = 14;
  const char* list = nullptr;  // drop-down list name in 代码表
};

struct ListSheet {
  const char* name;
  const char* path;  // the list in the source tree
  std::vector<Column> columns;
};

// kHeading: no field, a row of column headers over the rows that follow it (the “三公” sheet's
// last-year rows, whose columns differ from the sheet's own header); written in the header
// style, skipped when read.
enum class RowKind { kScalar, kKeyed, kIndexed, kPair, kHeading };
struct FormRow {
  const char* label;
  RowKind kind;
  const char* path;
  std::vector<Column> columns;  // value columns B, C, …
  // The label in a 决算's workbook where it differs (决算年度 for 预算年度); either is read.
  const char* final_label = nullptr;
  // Not written in a 决算's workbook (what its source refuses: declared.sections, glossary);
  // read in either, so that the loader tells why it does not belong there.
  bool budget_only = false;
};
struct FormSheet {
  const char* name;
  std::vector<FormRow> rows;
  // Headers of the value columns B, C, …; empty: one 「内容（见各行说明）」 over them all.
  std::vector<const char*> headers = {};
  double label_width = 24;  // column A
  // The headers in a 决算's workbook where they differ (上年对比: last year's 决算, not budget).
  std::vector<const char*> final_headers = {};
};

// A sheet of maps that share their keys: column A is the key (a 功能科目, a 资金来源), each
// other column a map of the source (its `rel` is the map's path), so that a row holds one key's
// entries in all of them: 功能科目 | 年初预算 | 调整预算 | 原因 → budget_items.K, adjusted_items.K,
// reasons.K.
struct KeyedSheet {
  const char* name;
  Column key;
  std::vector<Column> columns;
};

const char* kCodeSheet = "代码表";
const char* kInfoSheet = "说明";
const char* kOtherSheet = "其他数据";
const char* kLinesSheet = "项目支出";
const char* kIndicatorSheet = "绩效指标";
const char* kDepartmentOwner = "部门整体";

Column Amount(const char* header, const char* rel, double width = 14) {
  return {header, rel, Kind::kAmount, width};
}
Column Text(const char* header, const char* rel, double width = 16) {
  return {header, rel, Kind::kText, width};
}
Column Coded(const char* header, const char* rel, const char* list, double width = 28) {
  return {header, rel, Kind::kCoded, width, list};
}

const std::vector<Column>& LineColumns() {
  static const std::vector<Column> cols = {
      Text("单位", "unit", 12),
      Coded("功能科目", "function", "function", 34),
      Coded("经济科目", "economic", "economic", 28),
      Coded("人员/公用", "class", "class", 16),
      Coded("资金来源", "fund", "fund", 30),
      {"上年结转", "carryover", Kind::kBool, 10, "bool"},
      Amount("金额（万元）", "amount"),
  };
  return cols;
}

const std::vector<Column>& TransferColumns() {
  static const std::vector<Column> cols = [] {
    std::vector<Column> c = {Coded("类型", "type", "transfer_type", 22)};
    for (const Column& line : LineColumns()) {
      if (std::string(line.rel) != "class") c.push_back(line);  // not 基本支出: no 人员/公用
    }
    return c;
  }();
  return cols;
}

const std::vector<ListSheet>& ListSheets() {
  static const std::vector<ListSheet> sheets = {
      {"收入",
       "year_end_balance",
       {Coded("资金来源", "fund", "fund", 30), Amount("年终结转结余（万元）", "amount")}},
      {"支出明细", "basic", LineColumns()},
      {"项目",
       "projects",
       {Text("项目标识", "id", 16),
        Text("项目编码", "code", 26),
        Text("项目名称", "name", 30),
        Text("单位", "unit", 12),
        {"项目类别", "category", Kind::kText, 18, "category"},
        Text("主要用途", "purpose", 40),
        {"有绩效目标", "performance_goals", Kind::kBool, 10, "bool"}}},
      {"采购",
       "procurement",
       {Text("采购项目", "item", 24), Coded("类型", "type", "procurement_type", 12),
        Text("所属项目", "project"), Text("数量", "quantity", 8), Amount("金额（万元）", "amount"),
        Text("采购品目", "catalog", 10), Coded("功能科目", "function", "function", 34),
        Coded("经济科目", "economic", "economic", 28), Coded("资金来源", "fund", "fund", 30),
        Text("单位", "unit", 12), Text("中小企业份额", "sme", 12),
        Text("小微企业份额", "small_micro", 12)}},
      {"购买服务",
       "purchase_services",
       {Text("指导目录一级", "directory[0]", 20), Text("指导目录二级", "directory[1]", 20),
        Text("指导目录三级", "directory[2]", 20), Text("服务内容", "content", 24),
        Amount("金额（万元）", "amount"), Text("所属项目", "project"),
        Coded("功能科目", "function", "function", 34),
        Coded("经济科目", "economic", "economic", 28), Text("单位", "unit", 12)}},
      {"绩效项目",
       "performance.projects",
       {Text("项目标识", "project"),
        Text("项目名称", "name", 28),
        Text("项目编码", "code", 24),
        Text("填报日期", "date"),
        Text("金额单位", "unit", 8),
        Text("主管部门", "supervisor"),
        Text("执行单位", "executor"),
        Text("负责人", "leader", 10),
        Text("电话", "phone", 12),
        Text("地址", "address", 24),
        Text("邮编", "postcode", 8),
        Text("项目属性", "attribute"),
        {"支出项目类别", "category", Kind::kText, 18, "category"},
        Text("频次", "frequency", 8),
        {"开始年度", "start_year", Kind::kInt, 10},
        {"结束年度", "end_year", Kind::kInt, 10},
        Text("立项依据", "basis", 40),
        Text("实施方案", "plan", 40),
        Text("项目总预算", "total_budget", 12),
        Text("当年预算", "year_budget", 12),
        Text("预算变动情况", "change_text", 20),
        Text("上年绩效评价结果", "last_evaluation", 30),
        Text("项目绩效总目标", "goal", 40)}},
      // Last, so that the indices above stay as they are.
      {"上缴与补助", "transfers", TransferColumns()},
  };
  return sheets;
}

const std::vector<Column>& IndicatorColumns() {
  static const std::vector<Column> cols = {Text("归属（部门整体或项目名称）", "", 24),
                                           {"期限", "", Kind::kText, 8, "period"},
                                           {"目标序号", "", Kind::kInt, 8},
                                           Text("目标名称", "name", 16),
                                           Text("目标说明", "text", 30),
                                           {"截止年度", "end_year", Kind::kInt, 10},
                                           Text("一级指标", "level1", 12),
                                           Text("二级指标", "level2", 12),
                                           Text("三级指标", "name", 24),
                                           Text("指标描述", "description", 24),
                                           Text("前年", "before_last", 10),
                                           Text("上年", "last", 10),
                                           Text("指标值", "value", 12),
                                           Text("指标值确定依据", "basis", 24),
                                           Text("分值", "weight", 8)};
  return cols;
}
constexpr size_t kGoalColumns = 6;  // the first six columns describe the goal

// The headers of last year's figures and their reasons: last year's budget, in a 决算 last
// year's 决算 (上年对比, and the “三公” sheet's heading row above its last-year rows).
std::vector<const char*> PriorHeaders(bool final_accounts) {
  return {final_accounts ? "上年决算数（万元）" : "上年预算数（万元）", "变动原因"};
}

const std::vector<FormSheet>& FormSheets() {
  static const std::vector<FormSheet> sheets = {
      {"基本信息",
       {{"部门名称", RowKind::kScalar, "department.name", {Text("", "", 60)}},
        {"部门简称", RowKind::kScalar, "department.short_name", {Text("", "")}},
        {"部门编码", RowKind::kScalar, "department.code", {Text("", "")}},
        {"财政区划编码", RowKind::kScalar, "department.region.code", {Text("", "")}},
        {"财政区划名称", RowKind::kScalar, "department.region.name", {Text("", "")}},
        {"预算年度", RowKind::kScalar, "department.year", {{"", "", Kind::kInt}}, "决算年度"},
        {"上年对比年度", RowKind::kScalar, "prior_year.year", {{"", "", Kind::kInt}}},
        {"部门主要职能", RowKind::kScalar, "department.functions", {Text("", "")}},
        {"预算单位构成",
         RowKind::kScalar,
         "department.composition",
         {Text("", "")},
         "决算单位构成"},
        {"预算单位",
         RowKind::kIndexed,
         "department.units",
         {Text("单位标识", "id"),
          Text("单位名称", "name", 30),
          {"单位类型", "kind", Kind::kText, 16, "unit_kind"}}},
        {"编制",
         RowKind::kKeyed,
         "staffing.authorized",
         {Text("类别", ""), {"人数", "", Kind::kInt}}},
        {"实有人数",
         RowKind::kKeyed,
         "staffing.actual",
         {Text("类别", ""), {"人数", "", Kind::kInt}}},
        {"实有人数说明", RowKind::kScalar, "staffing.actual_note", {Text("", "")}},
        {"离退休",
         RowKind::kKeyed,
         "staffing.retired",
         {Text("类别", ""), {"人数", "", Kind::kInt}}},
        {"年度工作目标", RowKind::kScalar, "goals", {Text("", "")}},
        {"联系地址", RowKind::kScalar, "contact.address", {Text("", "")}},
        {"联系人", RowKind::kScalar, "contact.person", {Text("", "")}},
        {"联系电话", RowKind::kScalar, "contact.phone", {Text("", "")}},
        {"补充说明", RowKind::kKeyed, "notes", {Text("部分（一至九）", ""), Text("文字", "")}}}},
      // Last year's figures: a budget compares with last year's budget, a 决算 with last
      // year's 决算 (docs/source-format.md, prior_year), and its headers say so.
      {"上年对比",
       {{"部门收支总预算", RowKind::kPair, "prior_year.total", {}, "收入支出总计"},
        {"一般公共预算财政拨款支出", RowKind::kPair, "prior_year.general", {}},
        {"基本支出", RowKind::kPair, "prior_year.basic", {}},
        {"人员经费", RowKind::kPair, "prior_year.personnel", {}},
        {"公用经费", RowKind::kPair, "prior_year.public", {}},
        {"项目支出", RowKind::kPair, "prior_year.project", {}},
        {"政府性基金预算财政拨款支出", RowKind::kPair, "prior_year.fund", {}},
        {"机关运行经费", RowKind::kPair, "prior_year.operating_expenses", {}}},
       PriorHeaders(false),
       24,
       PriorHeaders(true)},
      {"三公",
       {{"单位范围", RowKind::kScalar, "three_public.scope", {Text("", "", 40)}},
        {"下属单位", RowKind::kIndexed, "three_public.units", {Text("单位名称", "")}},
        // The headers of the pair rows below: last year's budget, in a 决算 last year's 决算.
        {"上年“三公”经费", RowKind::kHeading, "", {}},
        {"因公出国（境）费", RowKind::kPair, "three_public.prior_year.outbound", {}},
        {"公务用车购置费", RowKind::kPair, "three_public.prior_year.vehicle_purchase", {}},
        {"公务用车运行维护费", RowKind::kPair, "three_public.prior_year.vehicle_operation", {}},
        {"公务接待费", RowKind::kPair, "three_public.prior_year.reception", {}}}},
      {"资产",
       {{"截至日期", RowKind::kScalar, "assets.as_of", {{"", "", Kind::kDate, 14}}},
        {"车辆",
         RowKind::kKeyed,
         "assets.vehicles",
         {Text("车辆类别", "", 20), {"数量", "", Kind::kInt}}},
        {"办公用房面积（平方米）", RowKind::kScalar, "assets.floor_area", {Text("", "")}}}},
  };
  return sheets;
}

// --- the sheets of a 决算 (final_accounts and the kind), written only for one ---

const char* kFinalInfoSheet = "决算信息";

// A row of one figure of the source, in column B.
FormRow AmountRow(const char* label, const char* path) {
  return {label, RowKind::kScalar, path, {Amount("", "")}};
}
FormRow TextRow(const char* label, const char* path) {
  return {label, RowKind::kScalar, path, {Text("", "")}};
}
FormRow CountRow(const char* label, const char* path) {
  return {label, RowKind::kScalar, path, {{"", "", Kind::kInt}}};
}
// A “三公” item: its 预算数 in B, its 决算数 in C.
FormRow BudgetAndActualRow(const char* label, const char* path) {
  return {label,
          RowKind::kScalar,
          path,
          {Amount("预算数（万元）", "budget"), Amount("决算数（万元）", "actual")}};
}

const std::vector<FormSheet>& FinalFormSheets() {
  static const std::vector<FormSheet> sheets = {
      {kFinalInfoSheet,
       {{"文件类型", RowKind::kScalar, "kind", {Text("", "", 40)}},
        TextRow("年初预算来源（预算源文件）", "final_accounts.budget"),
        AmountRow("机关运行经费预算数（万元）", "final_accounts.operating_expenses_budget"),
        AmountRow("使用非财政拨款结余（万元）", "final_accounts.non_fiscal_balance_used"),
        AmountRow("结余分配（万元）", "final_accounts.surplus_distribution"),
        TextRow("一般公共预算财政拨款差异原因", "final_accounts.reasons.general"),
        TextRow("“三公”经费差异原因", "final_accounts.reasons.three_public"),
        TextRow("因公出国（境）费差异原因", "final_accounts.reasons.outbound"),
        TextRow("公务用车购置费差异原因", "final_accounts.reasons.vehicle_purchase"),
        TextRow("公务用车运行维护费差异原因", "final_accounts.reasons.vehicle_operation"),
        TextRow("公务接待费差异原因", "final_accounts.reasons.reception"),
        TextRow("会议费差异原因", "final_accounts.reasons.meeting"),
        TextRow("培训费差异原因", "final_accounts.reasons.training"),
        TextRow("预算绩效管理情况", "final_accounts.evaluation"),
        CountRow("因公出国（境）团组数（个）", "final_accounts.counts.outbound_groups"),
        CountRow("因公出国（境）人次", "final_accounts.counts.outbound_persons"),
        CountRow("公务用车购置数（辆）", "final_accounts.counts.vehicles_purchased"),
        CountRow("公务用车保有量（辆）", "final_accounts.counts.vehicles_held"),
        CountRow("国内公务接待批次", "final_accounts.counts.reception_batches"),
        CountRow("国内公务接待人次", "final_accounts.counts.reception_persons")},
       {},
       30},
      {"三公决算",
       {BudgetAndActualRow("因公出国（境）费", "final_accounts.three_public.outbound"),
        BudgetAndActualRow("公务用车购置费", "final_accounts.three_public.vehicle_purchase"),
        BudgetAndActualRow("公务用车运行维护费", "final_accounts.three_public.vehicle_operation"),
        BudgetAndActualRow("公务接待费", "final_accounts.three_public.reception"),
        // Not “三公”: printed beside them where a region's table has the columns (西安).
        BudgetAndActualRow("会议费", "final_accounts.meeting"),
        BudgetAndActualRow("培训费", "final_accounts.training"),
        // Last year's 决算 of the two, for the 情况说明's change from it (prior_year).
        {"上年会议费、培训费", RowKind::kHeading, "", {}},
        {"上年会议费", RowKind::kPair, "prior_year.meeting", {}},
        {"上年培训费", RowKind::kPair, "prior_year.training", {}}},
       {"预算数（万元）", "决算数（万元）"}},
  };
  return sheets;
}

const std::vector<ListSheet>& FinalListSheets() {
  static const std::vector<ListSheet> sheets = {
      {"收入决算",
       "final_accounts.income",
       {Coded("功能科目", "function", "function", 34), Coded("资金来源", "fund", "fund", 30),
        Amount("本年收入（万元）", "amount")}},
  };
  return sheets;
}

const std::vector<KeyedSheet>& KeyedSheets() {
  static const std::vector<KeyedSheet> sheets = {
      {"结转结余",
       Coded("资金来源", "", "fund", 30),
       {Amount("年初结转和结余（万元）", "final_accounts.opening_balance", 24),
        Amount("年末结转和结余（万元）", "final_accounts.closing_balance", 24)}},
      {"分项预算",
       Coded("功能科目", "", "function", 34),
       {Amount("年初预算（万元）", "final_accounts.budget_items"),
        Amount("调整预算（万元）", "final_accounts.adjusted_items"),
        Text("决算数与预算数差异原因", "final_accounts.reasons", 60)}},
  };
  return sheets;
}

// --- the figures a document says it printed (declared), for a budget and a 决算 alike ---

const char* kDeclaredInfoSheet = "公开内容";
const char* kDeclaredCellsSheet = "公开数（表格）";
const char* kDeclaredTextSheet = "公开数（文字）";

// declared.cells (one printed table cell a row) and declared.text (one figure of the text a
// row), columns as docs/source-format.md "declared" names the fields.
const std::vector<ListSheet>& DeclaredListSheets() {
  static const std::vector<ListSheet> sheets = {
      {kDeclaredCellsSheet,
       "declared.cells",
       {Coded("表", "table", "table", 34), Text("行（编码或名称）", "row", 30),
        Text("行名称", "name", 28), Text("列", "column", 22), Amount("金额（万元）", "amount")}},
      {kDeclaredTextSheet,
       "declared.text",
       {Text("键", "key", 22),
        Text("位置", "at", 10),
        Amount("金额（万元）", "amount"),
        Amount("上年数（万元）", "prior", 16),
        Amount("增减额（万元）", "change", 16),
        {"增减", "direction", Kind::kText, 8, "direction"},
        Text("增减幅度（%）", "percent", 14),
        Text("占比（%）", "share", 12),
        Text("名称", "name", 24),
        {"年度", "year", Kind::kInt, 8},
        {"序号", "number", Kind::kInt, 8},
        {"说明原因", "reason", Kind::kBool, 10, "bool"},
        Amount("预算数（万元）", "budget", 16),
        Amount("调整预算数（万元）", "adjusted", 20),
        Text("完成预算（%）", "completion", 14),
        Text("完成调整预算（%）", "adjusted_completion", 18),
        Text("原文", "text", 40)}},
  };
  return sheets;
}

// The lists of declared: which tables the document prints (and which of them empty without
// the sentence saying why), which sections and which 名词解释 (a budget's only).
const FormSheet& DeclaredFormSheet() {
  static const FormSheet sheet = {
      kDeclaredInfoSheet,
      {{"公开的表", RowKind::kIndexed, "declared.tables_present", {Coded("表", "", "table", 34)}},
       {"空表未说明的表",
        RowKind::kIndexed,
        "declared.empty_without_note",
        {Coded("表", "", "table", 34)}},
       {"说明的部分", RowKind::kIndexed, "declared.sections", {Text("部分", "")}, nullptr, true},
       {"名词解释的科目",
        RowKind::kIndexed,
        "declared.glossary",
        {Text("功能科目编码", "")},
        nullptr,
        true}},
      {"内容（每行一项）"}};
  return sheet;
}

// Value columns of a pair row: last year's amount (its budget's, or in a 决算 its 决算's: the
// sheet's headers name which) and the reason.
const std::vector<Column>& PairColumns() {
  static const std::vector<Column> cols = {Amount("上年数（万元）", "amount"),
                                           Text("变动原因", "reason", 60)};
  return cols;
}
const std::vector<Column>& RowColumns(const FormRow& r) {
  return r.kind == RowKind::kPair ? PairColumns() : r.columns;
}

// --- paths: "a.b[2].c" ---

struct Seg {
  std::string key;
  int index = -1;  // ≥ 0 for a list index
};

std::vector<Seg> SplitPath(const std::string& path) {
  std::vector<Seg> out;
  std::string key;
  for (size_t i = 0; i < path.size(); ++i) {
    char c = path[i];
    if (c == '.') {
      if (!key.empty()) out.push_back({key});
      key.clear();
    } else if (c == '[') {
      if (!key.empty()) out.push_back({key});
      key.clear();
      size_t end = path.find(']', i);
      if (end == std::string::npos) return {};
      int n = 0;
      std::string num = path.substr(i + 1, end - i - 1);
      if (num.empty() || num.size() > 6 || num.find_first_not_of("0123456789") != std::string::npos)
        return {};
      n = std::stoi(num);
      out.push_back({"", n});
      i = end;
    } else {
      key += c;
    }
  }
  if (!key.empty()) out.push_back({key});
  return out;
}

std::string Join(const std::string& base, const std::string& rel) {
  if (rel.empty()) return base;
  if (rel.front() == '[') return base + rel;
  return base.empty() ? rel : base + "." + rel;
}

const Json* Get(const Json& root, const std::string& path) {
  const Json* j = &root;
  for (const auto& s : SplitPath(path)) {
    if (s.index >= 0) {
      if (!j->is_array() || static_cast<size_t>(s.index) >= j->size()) return nullptr;
      j = &(*j)[static_cast<size_t>(s.index)];
    } else {
      if (!j->is_object() || !j->contains(s.key)) return nullptr;
      j = &(*j)[s.key];
    }
  }
  return j;
}

std::string ScalarText(const Json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_boolean()) return j.get<bool>() ? "true" : "false";
  if (j.is_array() && j.empty()) return "[]";
  if (j.is_object() && j.empty()) return "{}";
  return j.dump();
}

// Every leaf (scalar or empty container) of the tree with its path, in order.
void Flatten(const Json& j, const std::string& path,
             std::vector<std::pair<std::string, const Json*>>* out) {
  if (j.is_object() && !j.empty()) {
    for (const auto& [k, v] : j.items()) Flatten(v, Join(path, k), out);
  } else if (j.is_array() && !j.empty()) {
    for (size_t i = 0; i < j.size(); ++i) Flatten(j[i], path + "[" + std::to_string(i) + "]", out);
  } else {
    out->emplace_back(path, &j);
  }
}

// ======================= writing =======================

struct CodeLists {
  std::vector<std::string> function, economic, fund;
  std::vector<std::string> table;  // the kind's standard tables, for declared figures
  std::map<std::string, std::string>
      names;  // list name → (value → "value name") map key "list\tvalue"
  std::string Display(const char* list, const std::string& value) const {
    auto it = names.find(std::string(list) + "\t" + value);
    return it == names.end() ? value : it->second;
  }
};

// The tables.csv of the kind's national template for `year`: the latest year up to it that
// has one, else the earliest (a 决算's template is kept for the years it changed).
std::string TemplateTables(const std::string& data_dir, bool final_accounts, int year) {
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::path(data_dir) / "templates" / (final_accounts ? "final-accounts" : "budget");
  std::error_code ec;
  int best = 0, earliest = 0;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    int y = 0;
    auto [end, err] = std::from_chars(name.data(), name.data() + name.size(), y);
    if (err != std::errc() || end != name.data() + name.size()) continue;  // a region's folder
    if (!fs::exists(e.path() / "tables.csv")) continue;
    if (y <= year && y > best) best = y;
    if (earliest == 0 || y < earliest) earliest = y;
  }
  const int chosen = best ? best : earliest;
  return chosen ? (dir / std::to_string(chosen) / "tables.csv").string() : "";
}

CodeLists MakeCodeLists(int year, const std::string& data_dir, bool final_accounts) {
  CodeLists lists;
  auto add = [&](const char* list, const std::string& value, const std::string& name,
                 std::vector<std::string>* into) {
    std::string shown = value + " " + name;
    lists.names[std::string(list) + "\t" + value] = shown;
    if (into) into->push_back(shown);
  };
  std::string dir = fmt::format("{}/catalogs/{}", data_dir, year);
  try {
    CsvTable f = ReadCsvFile(dir + "/function.csv");
    size_t code = f.Column("code"), name = f.Column("name");
    for (const auto& r : f.rows) {
      if (r.fields[code].size() == 7)
        add("function", r.fields[code], r.fields[name], &lists.function);
    }
    CsvTable e = ReadCsvFile(dir + "/economic.csv");
    code = e.Column("code");
    name = e.Column("name");
    for (const auto& r : e.rows) {
      if (r.fields[code].size() == 5)
        add("economic", r.fields[code], r.fields[name], &lists.economic);
    }
    auto catalog = Catalog::Load(data_dir, year);
    for (const auto& s : catalog->revenue_sources()) add("fund", s.id, s.name, &lists.fund);
  } catch (const std::exception&) {
    // No catalog for the year: the workbook is still written, without code lists.
  }
  try {
    if (std::string tables = TemplateTables(data_dir, final_accounts, year); !tables.empty()) {
      CsvTable t = ReadCsvFile(tables);
      const size_t id = t.Column("id"), title = t.Column("title");
      for (const auto& r : t.rows) add("table", r.fields[id], r.fields[title], &lists.table);
    }
  } catch (const std::exception&) {
    // No template tables: the 表 columns are written without a drop-down list.
  }
  add("class", "personnel", "人员经费", nullptr);
  add("class", "public", "公用经费", nullptr);
  add("transfer_type", "to_superior", "上缴上级支出", nullptr);
  add("transfer_type", "to_affiliates", "对附属单位补助支出", nullptr);
  add("procurement_type", "goods", "货物", nullptr);
  add("procurement_type", "works", "工程", nullptr);
  add("procurement_type", "service", "服务", nullptr);
  return lists;
}

const std::vector<std::pair<const char*, std::vector<std::string>>> FixedLists() {
  return {{"class", {"personnel 人员经费", "public 公用经费"}},
          {"procurement_type", {"goods 货物", "works 工程", "service 服务"}},
          {"transfer_type", {"to_superior 上缴上级支出", "to_affiliates 对附属单位补助支出"}},
          {"unit_kind", {"行政单位", "参公事业单位", "事业单位", "其他"}},
          {"bool", {"是", "否"}},
          {"category", {"运转类", "特定目标类", "特定目标类-本级", "特定目标类-上级转移"}},
          {"period", {"长期", "年度"}},
          {"direction", {"增加", "减少", "持平"}}};
}

bool PlainDecimal(const std::string& s) {
  if (s.empty() || s.size() > 20) return false;
  return s.find_first_not_of("0123456789.") == std::string::npos &&
         std::count(s.begin(), s.end(), '.') <= 1 && s.front() != '.' && s.back() != '.';
}

// Whether an amount's text is what reading it back as a number gives (the exact 万元 with no
// trailing zero): a figure as printed ("114.70", a published document's) is written as text,
// which keeps its last digit, which says how far its document rounds.
bool Canonical(const std::string& text) {
  std::string why;
  auto m = Money::Parse(text, MoneyUnit::kWan, &why);
  return m && m->ExactWan() == text;
}

// Whether the source tree is a 决算's: its kind, or final_accounts given.
bool IsFinalAccounts(const Json& root) {
  const Json* kind = Get(root, "kind");
  if (kind && kind->is_string()) {
    auto k = ParseDocumentKind(kind->get<std::string>());
    if (k) return *k == DocumentKind::kFinalAccounts;
  }
  return root.contains("final_accounts");
}

class Writer {
 public:
  Writer(const Json& root, int year, const std::string& data_dir, bool template_only)
      : root_(root),
        lists_(MakeCodeLists(year, data_dir, IsFinalAccounts(root))),
        year_(year),
        template_(template_only),
        final_(IsFinalAccounts(root)) {}

  bool Write(const std::string& path, std::string* error);

 private:
  void Cell(lxw_worksheet* ws, int row, int col, const Column& c, const Json* v);
  void Header(lxw_worksheet* ws, const std::vector<std::string>& headers,
              const std::vector<Column>& cols, int first_col);
  void Validate(lxw_worksheet* ws, int col, const Column& c, int first_row, int last_row);
  void Consume(const std::string& path) { consumed_.insert(path); }
  bool Consumed(const std::string& path) const;
  void WriteInfo();
  void WriteForm(const FormSheet& f);
  void WriteList(const ListSheet& s);
  void WriteKeyed(const KeyedSheet& s);
  void WriteLines();
  void WriteIndicators();
  void WriteOther();
  void WriteCodes();

  const Json& root_;
  CodeLists lists_;
  int year_;
  bool template_;
  bool final_;  // a 决算: its own sheets are written, and the 说明 speaks of them
  lxw_workbook* wb_ = nullptr;
  lxw_format *header_ = nullptr, *amount_ = nullptr, *wrap_ = nullptr, *title_ = nullptr;
  std::set<std::string> consumed_;
  std::map<std::string, std::string> list_ranges_;  // list name → formula
};

bool Writer::Consumed(const std::string& path) const {
  // A leaf is taken when it or one of its ancestors was.
  for (std::string p = path;;) {
    if (consumed_.count(p)) return true;
    size_t cut = p.find_last_of(".[");
    if (cut == std::string::npos || cut == 0) return false;
    p.resize(cut);
  }
}

void Writer::Cell(lxw_worksheet* ws, int row, int col, const Column& c, const Json* v) {
  if (!v || v->is_null()) return;
  std::string text = ScalarText(*v);
  auto r = static_cast<lxw_row_t>(row);
  auto k = static_cast<lxw_col_t>(col);
  if ((c.kind == Kind::kAmount || c.kind == Kind::kInt) && PlainDecimal(text) &&
      (c.kind == Kind::kInt || Canonical(text))) {
    // The exact decimal as the nearest double: amounts are exact to 0.01 元 and far below
    // 2^53 of those units, so reading it back through CellMoney gives the same Money.
    double value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    worksheet_write_number(ws, r, k, value, c.kind == Kind::kAmount ? amount_ : nullptr);
  } else if (c.kind == Kind::kCoded && c.list) {
    worksheet_write_string(ws, r, k, lists_.Display(c.list, text).c_str(), nullptr);
  } else if (c.kind == Kind::kBool && v->is_boolean()) {
    worksheet_write_string(ws, r, k, v->get<bool>() ? "是" : "否", nullptr);
  } else {
    worksheet_write_string(ws, r, k, text.c_str(),
                           text.find('\n') != std::string::npos ? wrap_ : nullptr);
  }
}

void Writer::Header(lxw_worksheet* ws, const std::vector<std::string>& headers,
                    const std::vector<Column>& cols, int first_col) {
  for (size_t i = 0; i < headers.size(); ++i)
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(i), headers[i].c_str(), header_);
  for (size_t i = 0; i < cols.size(); ++i) {
    auto k = static_cast<lxw_col_t>(first_col + static_cast<int>(i));
    worksheet_set_column(ws, k, k, cols[i].width, nullptr);
  }
  worksheet_freeze_panes(ws, 1, 0);
}

void Writer::Validate(lxw_worksheet* ws, int col, const Column& c, int first_row, int last_row) {
  if (!c.list) return;
  auto it = list_ranges_.find(c.list);
  if (it == list_ranges_.end()) return;
  lxw_data_validation dv = {};
  dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
  dv.value_formula = const_cast<char*>(it->second.c_str());
  // A warning, not a stop: a bare code ("2010301") or a code of a user catalog is accepted.
  dv.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
  worksheet_data_validation_range(ws, static_cast<lxw_row_t>(first_row),
                                  static_cast<lxw_col_t>(col), static_cast<lxw_row_t>(last_row),
                                  static_cast<lxw_col_t>(col), &dv);
}

void Writer::WriteCodes() {
  lxw_worksheet* ws = workbook_add_worksheet(wb_, kCodeSheet);
  std::vector<std::pair<const char*, std::vector<std::string>>> all = {
      {"function", lists_.function},
      {"economic", lists_.economic},
      {"fund", lists_.fund},
      {"table", lists_.table}};
  for (auto& l : FixedLists()) all.push_back(l);
  for (size_t c = 0; c < all.size(); ++c) {
    auto k = static_cast<lxw_col_t>(c);
    worksheet_write_string(ws, 0, k, all[c].first, nullptr);
    for (size_t r = 0; r < all[c].second.size(); ++r)
      worksheet_write_string(ws, static_cast<lxw_row_t>(r + 1), k, all[c].second[r].c_str(),
                             nullptr);
    worksheet_set_column(ws, k, k, 30, nullptr);
    if (!all[c].second.empty()) {
      std::string col = ColumnName(static_cast<int>(c) + 1);
      list_ranges_[all[c].first] =
          fmt::format("='{}'!${}$2:${}${}", kCodeSheet, col, col, all[c].second.size() + 1);
    }
  }
  worksheet_hide(ws);
}

void Writer::WriteInfo() {
  lxw_worksheet* ws = workbook_add_worksheet(wb_, kInfoSheet);
  std::vector<const char*> lines = {
      final_ ? "部门决算录入工作簿（gongkai）" : "部门预算录入工作簿（gongkai）",
      "",
      "每个工作表的第一行是表头，请勿修改表头和工作表名称；从第二行起每行一条。",
      "金额单位为万元，可精确到0.01元（小数点后6位）；超出的位数是错误，不会被舍入。",
      "功能科目、经济科目、资金来源等列可从下拉列表选择（「代码 名称」，只取代码），也可只填代码。",
      "基本信息、上年对比、三公、资产：A列为项目名称，B列起填写内容；预算单位、编制等可重复多行。",
      final_ ? "收入表只填年终结转结余（如有）；决算的本年收入填在收入决算表。"
             : "收入表只填年终结转结余（如有）；收入由支出明细的资金来源自动汇总。",
      "支出明细：基本支出；项目：项目清单；项目支出：各项目的支出明细（第一列为项目标识）；"
      "上缴与补助：事业单位的上缴上级支出和对附属单位补助支出（由财政拨款以外的收入安排）。",
      "绩效项目：项目申报表的主要内容；绩效指标：部门整体和各项目的绩效目标与指标，"
      "归属填「部门整体」或项目名称，期限填长期或年度，目标序号从1起。",
      "公开内容、公开数（表格）、公开数（文字）：已公开文件印出的表和数字（declared），供审核"
      "与计算结果核对；表可从下拉列表选择，各列含义见 docs/source-format.md 的 declared。",
      "其他数据：其余内容（绩效表的资金明细等），每行「路径 | 值」，格式见 "
      "docs/source-format.md。",
      "填好后：gongkai check 文件.xlsx 审核，gongkai render 文件.xlsx 生成公开文件。",
  };
  if (final_) {
    // Before the last line: what a 决算 has beyond a budget's sheets, which hold the 决算数.
    const char* final_lines[] = {
        "决算：支出明细、项目支出等表填写决算数（实际支出），由年初结转和结余安排的支出在"
        "「上年结转」列选「是」。",
        "决算信息（A列为项目名称，B列填写）：文件类型（决算）、年初预算来源（同年度预算源文件"
        "的相对路径）、机关运行经费预算数、使用非财政拨款结余、结余分配、差异原因、预算绩效"
        "管理情况和“三公”经费的数量。",
        "收入决算：本年收入按功能科目（项）和资金来源逐行填写；结转结余：按资金来源填写年初和"
        "年末结转和结余。",
        "上年对比：B列填上年决算数（与上年度决算比较），C列填变动原因。",
        "分项预算：每个功能科目（项）一行，填一般公共预算财政拨款的年初预算（未写年初预算来源"
        "时填写）、调整预算（年中调整过的项）和决算数与预算数的差异原因；三公决算：“三公”"
        "经费各项及会议费、培训费的预算数和决算数，其下为上年会议费、培训费的决算数和变动原因。",
    };
    lines.insert(lines.end() - 1, std::begin(final_lines), std::end(final_lines));
  }
  // One column as wide as an A4 page in portrait, each line wrapped in it, each row as tall as
  // its lines (base/cell_text.h: LibreOffice does not fit row heights when it opens a file).
  constexpr double kWidth = 90, kSize = 11, kTitleSize = 14;
  worksheet_set_column(ws, 0, 0, kWidth, wrap_);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_fit_to_pages(ws, 1, 0);
  for (size_t i = 0; i < lines.size(); ++i) {
    const auto row = static_cast<lxw_row_t>(i);
    const double size = i == 0 ? kTitleSize : kSize;
    worksheet_write_string(ws, row, 0, lines[i], i == 0 ? title_ : wrap_);
    worksheet_set_row(ws, row, WrappedLines(lines[i], kWidth, size) * LineHeight(size) + 4,
                      nullptr);
  }
}

void Writer::WriteForm(const FormSheet& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb_, f.name);
  Header(ws, {"项目", "内容", "", ""},
         {Text("", "", f.label_width), Text("", "", 40), Text("", "", 40)}, 0);
  const auto& headers = final_ && !f.final_headers.empty() ? f.final_headers : f.headers;
  if (headers.empty()) {
    worksheet_write_string(ws, 0, 1, "内容（见各行说明）", header_);
  } else {
    for (size_t i = 0; i < headers.size(); ++i)
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(i + 1), headers[i], header_);
  }
  int row = 1;
  for (const auto& r : f.rows) {
    if (final_ && r.budget_only) continue;
    const auto& cols = RowColumns(r);
    auto put_label = [&] {
      worksheet_write_string(ws, static_cast<lxw_row_t>(row), 0,
                             final_ && r.final_label ? r.final_label : r.label, header_);
    };
    auto validate_row = [&] {
      for (size_t c = 0; c < cols.size(); ++c)
        Validate(ws, static_cast<int>(c) + 1, cols[c], row, row);
    };
    if (r.kind == RowKind::kHeading) {
      put_label();
      const auto texts = PriorHeaders(final_);
      for (size_t c = 0; c < texts.size(); ++c)
        worksheet_write_string(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(c + 1),
                               texts[c], header_);
      ++row;
    } else if (r.kind == RowKind::kScalar || r.kind == RowKind::kPair) {
      put_label();
      for (size_t c = 0; c < cols.size(); ++c) {
        std::string p = Join(r.path, cols[c].rel);
        // A template's root holds only what it lays out (a 决算's kind).
        const Json* v = Get(root_, p);
        if (template_ && std::string(r.path) == "department.year") {
          worksheet_write_number(ws, static_cast<lxw_row_t>(row), 1, year_, nullptr);
        }
        Cell(ws, row, static_cast<int>(c) + 1, cols[c], v);
        if (v) Consume(p);
      }
      validate_row();
      ++row;
    } else if (r.kind == RowKind::kIndexed) {
      const Json* list = template_ ? nullptr : Get(root_, r.path);
      size_t n = list && list->is_array() ? list->size() : 0;
      for (size_t i = 0; i < std::max<size_t>(n, 1); ++i) {
        put_label();
        for (size_t c = 0; c < cols.size(); ++c) {
          std::string p = Join(fmt::format("{}[{}]", r.path, i), cols[c].rel);
          const Json* v = i < n ? Get(root_, p) : nullptr;
          Cell(ws, row, static_cast<int>(c) + 1, cols[c], v);
          if (v) Consume(p);
        }
        validate_row();
        ++row;
      }
    } else {  // keyed: B key, C value
      const Json* map = template_ ? nullptr : Get(root_, r.path);
      std::vector<std::pair<std::string, const Json*>> items;
      if (map && map->is_object()) {
        for (const auto& [k, v] : map->items()) items.emplace_back(k, &v);
      }
      for (size_t i = 0; i < std::max<size_t>(items.size(), 1); ++i) {
        put_label();
        if (i < items.size()) {
          Json key = items[i].first;
          Cell(ws, row, 1, cols[0], &key);
          Cell(ws, row, 2, cols[1], items[i].second);
          Consume(Join(r.path, items[i].first));
        }
        ++row;
      }
    }
  }
}

void Writer::WriteList(const ListSheet& s) {
  lxw_worksheet* ws = workbook_add_worksheet(wb_, s.name);
  std::vector<std::string> headers;
  for (const auto& c : s.columns) headers.push_back(c.header);
  Header(ws, headers, s.columns, 0);
  const Json* list = template_ ? nullptr : Get(root_, s.path);
  size_t n = list && list->is_array() ? list->size() : 0;
  for (size_t i = 0; i < n; ++i) {
    for (size_t c = 0; c < s.columns.size(); ++c) {
      std::string p = Join(fmt::format("{}[{}]", s.path, i), s.columns[c].rel);
      const Json* v = Get(root_, p);
      Cell(ws, static_cast<int>(i) + 1, static_cast<int>(c), s.columns[c], v);
      // An empty text is no cell: it stays on 其他数据 (a declared amount left blank), so
      // that it comes back.
      if (v && !(v->is_string() && v->get_ref<const std::string&>().empty())) Consume(p);
    }
    // A project's lines are on 项目支出; an empty list needs no row.
    if (std::string(s.path) == "projects") Consume(fmt::format("projects[{}].lines", i));
  }
  for (size_t c = 0; c < s.columns.size(); ++c)
    Validate(ws, static_cast<int>(c), s.columns[c], 1, static_cast<int>(n) + 500);
}

void Writer::WriteKeyed(const KeyedSheet& s) {
  lxw_worksheet* ws = workbook_add_worksheet(wb_, s.name);
  std::vector<Column> cols = {s.key};
  cols.insert(cols.end(), s.columns.begin(), s.columns.end());
  std::vector<std::string> headers;
  for (const auto& c : cols) headers.push_back(c.header);
  Header(ws, headers, cols, 0);
  // Every key of the maps once, in order (功能科目 codes are all seven digits); an entry another
  // sheet took (reasons.general on 决算信息) stays there, and a key that a path cannot hold
  // (with . or [ ], refused by the loader anyway) is left to 其他数据.
  std::vector<std::string> keys;
  for (const auto& c : s.columns) {
    const Json* map = Get(root_, c.rel);
    if (!map || !map->is_object()) continue;
    for (const auto& item : map->items()) {
      const std::string& k = item.key();
      if (k.empty() || k.find_first_of(".[]") != std::string::npos || Consumed(Join(c.rel, k)))
        continue;
      if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
    }
  }
  std::sort(keys.begin(), keys.end());
  int row = 1;
  for (const auto& k : keys) {
    Json key = k;
    Cell(ws, row, 0, s.key, &key);
    for (size_t c = 0; c < s.columns.size(); ++c) {
      std::string p = Join(s.columns[c].rel, k);
      const Json* v = Get(root_, p);
      Cell(ws, row, static_cast<int>(c) + 1, s.columns[c], v);
      if (v) Consume(p);
    }
    ++row;
  }
  for (size_t c = 0; c < cols.size(); ++c) Validate(ws, static_cast<int>(c), cols[c], 1, row + 500);
}

void Writer::WriteLines() {
  lxw_worksheet* ws = workbook_add_worksheet(wb_, kLinesSheet);
  std::vector<Column> cols = {Text("项目标识", "", 16)};
  for (const auto& c : LineColumns()) {
    if (std::string(c.rel) != "class") cols.push_back(c);
  }
  std::vector<std::string> headers;
  for (const auto& c : cols) headers.push_back(c.header);
  Header(ws, headers, cols, 0);
  int row = 1;
  const Json* projects = template_ ? nullptr : Get(root_, "projects");
  if (projects && projects->is_array()) {
    for (size_t p = 0; p < projects->size(); ++p) {
      const Json* lines = Get(root_, fmt::format("projects[{}].lines", p));
      const Json* id = Get(root_, fmt::format("projects[{}].id", p));
      if (!lines || !lines->is_array()) continue;
      for (size_t i = 0; i < lines->size(); ++i, ++row) {
        Cell(ws, row, 0, cols[0], id);
        for (size_t c = 1; c < cols.size(); ++c) {
          std::string path = Join(fmt::format("projects[{}].lines[{}]", p, i), cols[c].rel);
          const Json* v = Get(root_, path);
          Cell(ws, row, static_cast<int>(c), cols[c], v);
          if (v) Consume(path);
        }
      }
    }
  }
  for (size_t c = 0; c < cols.size(); ++c) Validate(ws, static_cast<int>(c), cols[c], 1, row + 500);
}

void Writer::WriteIndicators() {
  lxw_worksheet* ws = workbook_add_worksheet(wb_, kIndicatorSheet);
  const auto& cols = IndicatorColumns();
  std::vector<std::string> headers;
  for (const auto& c : cols) headers.push_back(c.header);
  Header(ws, headers, cols, 0);
  int row = 1;
  // Owners: the department, then each declaration by name ("#N" when names repeat).
  std::vector<std::pair<std::string, std::string>> owners;  // (owner text, path)
  if (!template_) {
    if (Get(root_, "performance.department"))
      owners.push_back({kDepartmentOwner, "performance.department"});
    const Json* decl = Get(root_, "performance.projects");
    if (decl && decl->is_array()) {
      std::map<std::string, int> seen;
      for (const auto& p : *decl) ++seen[p.value("name", "")];
      for (size_t i = 0; i < decl->size(); ++i) {
        std::string name = (*decl)[i].value("name", "");
        bool unique =
            seen[name] == 1 && !name.empty() && name != kDepartmentOwner && name[0] != '#';
        owners.push_back({unique ? name : fmt::format("#{}", i + 1),
                          fmt::format("performance.projects[{}]", i)});
      }
    }
  }
  for (const auto& [owner, base] : owners) {
    for (const char* period : {"long_term", "annual"}) {
      std::string gpath = Join(base, period);
      const Json* goals = Get(root_, gpath);
      if (!goals || !goals->is_array()) continue;
      Consume(gpath);
      for (size_t g = 0; g < goals->size(); ++g) {
        const Json& goal = (*goals)[g];
        const Json* inds = goal.contains("indicators") ? &goal["indicators"] : nullptr;
        size_t n = inds && inds->is_array() ? inds->size() : 0;
        for (size_t i = 0; i < std::max<size_t>(n, 1); ++i, ++row) {
          Json o = owner, per = std::string(period) == "annual" ? "年度" : "长期";
          Json num = std::to_string(g + 1);
          Cell(ws, row, 0, cols[0], &o);
          Cell(ws, row, 1, cols[1], &per);
          Cell(ws, row, 2, cols[2], &num);
          for (size_t c = 3; c < kGoalColumns; ++c)
            Cell(ws, row, static_cast<int>(c), cols[c], Get(goal, cols[c].rel));
          if (i < n) {
            for (size_t c = kGoalColumns; c < cols.size(); ++c)
              Cell(ws, row, static_cast<int>(c), cols[c], Get((*inds)[i], cols[c].rel));
          }
        }
      }
    }
  }
  Validate(ws, 1, cols[1], 1, row + 500);
}

void Writer::WriteOther() {
  lxw_worksheet* ws = workbook_add_worksheet(wb_, kOtherSheet);
  Header(ws, {"路径", "值"}, {Text("", "", 50), Text("", "", 60)}, 0);
  // A template's root holds only what its kind lays out here (a 决算's kind and figures).
  std::vector<std::pair<std::string, const Json*>> leaves;
  Flatten(root_, "", &leaves);
  int row = 1;
  for (const auto& [path, v] : leaves) {
    if (path.empty() || Consumed(path)) continue;  // an empty root (a budget's template) has none
    worksheet_write_string(ws, static_cast<lxw_row_t>(row), 0, path.c_str(), nullptr);
    std::string text = ScalarText(*v);
    if (!text.empty())
      worksheet_write_string(ws, static_cast<lxw_row_t>(row), 1, text.c_str(), nullptr);
    ++row;
  }
}

bool Writer::Write(const std::string& path, std::string* error) {
  lxw_workbook_options options = {};
  options.constant_memory = LXW_FALSE;
  wb_ = workbook_new_opt(path.c_str(), &options);
  if (!wb_) {
    *error = "无法创建文件";
    return false;
  }
  header_ = workbook_add_format(wb_);
  format_set_bold(header_);
  format_set_bg_color(header_, 0xDDEBF7);
  amount_ = workbook_add_format(wb_);
  format_set_num_format(amount_, "#,##0.00####");
  wrap_ = workbook_add_format(wb_);
  format_set_text_wrap(wrap_);
  title_ = workbook_add_format(wb_);
  format_set_bold(title_);
  format_set_font_size(title_, 14);
  Consume("gongkai");
  WriteInfo();
  // The code lists are written first so validations can refer to them; the sheet is hidden
  // and moved nowhere (readers skip it by name).
  WriteCodes();
  const auto& forms = FormSheets();
  const auto& lists = ListSheets();
  WriteForm(forms[0]);  // 基本信息
  if (final_) {
    // A 决算's own figures first, after who it is: 决算信息, 收入决算, 结转结余, 分项预算,
    // 三公决算.
    WriteForm(FinalFormSheets()[0]);
    for (const auto& s : FinalListSheets()) WriteList(s);
    for (const auto& s : KeyedSheets()) WriteKeyed(s);
    WriteForm(FinalFormSheets()[1]);
  }
  WriteList(lists[0]);  // 收入
  WriteList(lists[1]);  // 支出明细
  WriteList(lists[2]);  // 项目
  WriteLines();         // 项目支出
  WriteList(lists[6]);  // 上缴与补助
  WriteForm(forms[1]);  // 上年对比
  WriteForm(forms[2]);  // 三公
  WriteList(lists[3]);  // 采购
  WriteList(lists[4]);  // 购买服务
  WriteForm(forms[3]);  // 资产
  WriteList(lists[5]);  // 绩效项目
  WriteIndicators();    // 绩效指标
  // The declared figures, a budget's and a 决算's: 公开内容, 公开数（表格）, 公开数（文字）.
  WriteForm(DeclaredFormSheet());
  for (const auto& s : DeclaredListSheets()) WriteList(s);
  WriteOther();  // 其他数据
  lxw_error err;
  {
    std::lock_guard gmtime_lock(NonReentrantLibraryLock());  // base/library_lock.h
    err = workbook_close(wb_);
  }
  if (err != LXW_NO_ERROR) {
    *error = lxw_strerror(err);
    return false;
  }
  return true;
}

// ======================= reading =======================

struct Leaf {
  std::string path, value, cell;
  bool raw = false;      // from 其他数据: "[]" and "{}" are empty containers
  std::string key_cell;  // the cell of the path's last key, where another than the value's
};

struct Node {
  enum Type { kNone, kMap, kList, kScalar } type = kNone;
  // A map's keys and values side by side (a vector of pair<string, Node> would need Node
  // complete, which libc++/clang do not accept for a member).
  std::vector<std::string> keys;
  std::vector<Node> map;
  std::vector<Node> list;
  std::string value, cell;
  std::string key_cell;  // where the key of this map entry was written, if not at `cell`
};

class Builder {
 public:
  explicit Builder(const std::string& file) : file_(file) {}
  void Add(const Leaf& leaf);
  WorkbookYaml Emit() const;
  Diagnostics errors;

 private:
  void EmitNode(const Node& n, int indent, WorkbookYaml* out) const;
  static std::string FirstCell(const Node& n);
  Diagnostic AtCell(const std::string& cell, std::string message) const {
    return SourceDiagnostic({file_, 0, 0, cell}, std::move(message));
  }
  void Line(WorkbookYaml* out, const std::string& text, const std::string& cell) const {
    out->text += text + "\n";
    out->line_cells.push_back(cell);
  }
  std::string file_;
  Node root_{Node::kMap, {}, {}, {}, {}, {}, {}};
};

void Builder::Add(const Leaf& leaf) {
  auto segs = SplitPath(leaf.path);
  if (segs.empty()) {
    errors.push_back(AtCell(leaf.cell, fmt::format("路径「{}」无效", Excerpt(leaf.path))));
    return;
  }
  Node* n = &root_;
  for (size_t i = 0; i < segs.size(); ++i) {
    const Seg& s = segs[i];
    Node::Type want = s.index >= 0 ? Node::kList : Node::kMap;
    if (n->type == Node::kNone) n->type = want;
    if (n->type != want) {
      errors.push_back(
          AtCell(leaf.cell, fmt::format("路径「{}」与其他数据冲突", Excerpt(leaf.path))));
      return;
    }
    if (s.index >= 0) {
      if (static_cast<size_t>(s.index) > n->list.size() + 1000) {
        errors.push_back(
            AtCell(leaf.cell, fmt::format("路径「{}」的序号过大", Excerpt(leaf.path))));
        return;
      }
      while (n->list.size() <= static_cast<size_t>(s.index)) n->list.emplace_back();
      n = &n->list[static_cast<size_t>(s.index)];
    } else {
      auto it = std::find(n->keys.begin(), n->keys.end(), s.key);
      size_t at = static_cast<size_t>(it - n->keys.begin());
      if (it == n->keys.end()) {
        n->keys.push_back(s.key);
        n->map.emplace_back();
      }
      n = &n->map[at];
    }
  }
  if (leaf.raw && (leaf.value == "[]" || leaf.value == "{}")) {
    Node::Type t = leaf.value == "[]" ? Node::kList : Node::kMap;
    if (n->type == Node::kNone) n->type = t;
    if (n->cell.empty()) n->cell = leaf.cell;
    return;
  }
  if (n->type != Node::kNone && n->type != Node::kScalar) {
    errors.push_back(
        AtCell(leaf.cell, fmt::format("路径「{}」与其他数据冲突", Excerpt(leaf.path))));
    return;
  }
  n->type = Node::kScalar;
  n->value = leaf.value;
  n->cell = leaf.cell;
  n->key_cell = leaf.key_cell;
}

std::string Builder::FirstCell(const Node& n) {
  if (!n.cell.empty()) return n.cell;
  for (const auto& v : n.map) {
    std::string c = FirstCell(v);
    if (!c.empty()) return c;
  }
  for (const auto& v : n.list) {
    std::string c = FirstCell(v);
    if (!c.empty()) return c;
  }
  return "";
}

// Scalars and keys are written as JSON strings, which are YAML double-quoted scalars: no
// value can change meaning (a name "true", a code "0101", a text with ": ").
std::string Quoted(const std::string& s) {
  return Json(s).dump(-1, ' ', false, Json::error_handler_t::replace);
}

void Builder::EmitNode(const Node& n, int indent, WorkbookYaml* out) const {
  std::string pad(static_cast<size_t>(indent), ' ');
  if (n.type == Node::kMap) {
    for (size_t i = 0; i < n.map.size(); ++i) {
      const std::string& k = n.keys[i];
      const Node& v = n.map[i];
      if (v.type == Node::kScalar || v.type == Node::kNone) {
        if (!v.key_cell.empty()) {
          // Columns before the value's (1-based) are the key's: its cell, not the value's.
          out->key_cells[out->line_cells.size()] = {
              static_cast<int>(pad.size() + Quoted(k).size()) + 3, v.key_cell};
        }
        Line(out, pad + Quoted(k) + ": " + (v.type == Node::kNone ? "null" : Quoted(v.value)),
             v.cell);
      } else if ((v.type == Node::kMap && v.map.empty()) ||
                 (v.type == Node::kList && v.list.empty())) {
        Line(out, pad + Quoted(k) + (v.type == Node::kMap ? ": {}" : ": []"), FirstCell(v));
      } else {
        Line(out, pad + Quoted(k) + ":", FirstCell(v));
        EmitNode(v, indent + 2, out);
      }
    }
  } else if (n.type == Node::kList) {
    for (const auto& v : n.list) {
      if (v.type == Node::kScalar || v.type == Node::kNone) {
        Line(out, pad + "- " + (v.type == Node::kNone ? "null" : Quoted(v.value)), v.cell);
      } else if ((v.type == Node::kMap && v.map.empty()) ||
                 (v.type == Node::kList && v.list.empty())) {
        Line(out, pad + (v.type == Node::kMap ? "- {}" : "- []"), FirstCell(v));
      } else {
        Line(out, pad + "-", FirstCell(v));
        EmitNode(v, indent + 2, out);
      }
    }
  }
}

WorkbookYaml Builder::Emit() const {
  WorkbookYaml out;
  out.line_cells.push_back("");  // line 0 does not exist
  EmitNode(root_, 0, &out);
  return out;
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// A cell's value for the source, by column kind.
std::string CellValue(const XlsxCell& c, Kind kind) {
  if (c.type == CellType::kBoolean) return c.text == "TRUE" ? "true" : "false";
  if (c.type == CellType::kNumber && kind == Kind::kAmount) {
    if (auto m = CellMoney(c.text, MoneyUnit::kWan)) return m->ExactWan();
    return c.text;
  }
  if (c.type == CellType::kNumber && c.text.size() > 2 &&
      c.text.compare(c.text.size() - 2, 2, ".0") == 0)
    return c.text.substr(0, c.text.size() - 2);
  std::string t = kind == Kind::kText ? c.text : Trim(c.text);
  if (kind == Kind::kCoded) {
    size_t sp = t.find(' ');
    if (sp != std::string::npos) t.resize(sp);
  }
  return t;
}

class SheetReader {
 public:
  SheetReader(const Workbook& wb, Builder* b) : wb_(wb), b_(b) {}
  void Run();

 private:
  void Error(const XlsxSheet& s, int row, int col, const std::string& message) {
    b_->errors.push_back(
        SourceDiagnostic({wb_.path, 0, 0, s.name + "!" + CellRef(row, col)}, message));
  }
  void Put(const XlsxSheet& s, int row, int col, const std::string& path, const std::string& value,
           bool raw = false) {
    b_->Add({path, value, s.name + "!" + CellRef(row, col), raw, ""});
  }
  bool CheckHeader(const XlsxSheet& s, const std::vector<Column>& cols, int first_col);
  void ReadList(const XlsxSheet& s, const ListSheet& spec);
  void ReadKeyed(const XlsxSheet& s, const KeyedSheet& spec);
  void ReadForm(const XlsxSheet& s, const FormSheet& spec);
  void ReadLines(const XlsxSheet& s);
  void ReadIndicators(const XlsxSheet& s);
  void ReadOther(const XlsxSheet& s);

  const Workbook& wb_;
  Builder* b_;
  std::vector<std::string> project_ids_;
  std::vector<std::string> declaration_names_;
};

bool SheetReader::CheckHeader(const XlsxSheet& s, const std::vector<Column>& cols, int first_col) {
  bool ok = true;
  for (size_t i = 0; i < cols.size(); ++i) {
    int col = first_col + static_cast<int>(i);
    std::string h = Trim(s.Text(1, col));
    if (h != cols[i].header) {
      Error(
          s, 1, col,
          fmt::format("表头应为「{}」，而不是「{}」（请勿修改表头）", cols[i].header, Excerpt(h)));
      ok = false;
    }
  }
  for (const auto& [rc, cell] : s.cells) {
    if (rc.second > first_col + static_cast<int>(cols.size()) - 1) {
      Error(s, rc.first, rc.second, fmt::format("此列不属于工作表「{}」，内容未被读取", s.name));
      break;
    }
  }
  return ok;
}

void SheetReader::ReadList(const XlsxSheet& s, const ListSheet& spec) {
  if (!CheckHeader(s, spec.columns, 1)) return;
  int index = 0;
  for (int row = 2; row <= s.max_row; ++row) {
    bool any = false;
    for (size_t c = 0; c < spec.columns.size(); ++c)
      any = any || s.At(row, static_cast<int>(c) + 1);
    if (!any) continue;
    std::string base = fmt::format("{}[{}]", spec.path, index++);
    const std::string list = spec.path;
    for (size_t c = 0; c < spec.columns.size(); ++c) {
      int col = static_cast<int>(c) + 1;
      const XlsxCell* cell = s.At(row, col);
      std::string v = cell ? CellValue(*cell, spec.columns[c].kind) : "";
      std::string rel = spec.columns[c].rel;
      // Remember the keys other sheets refer to: project ids, declaration names.
      if (list == "projects" && rel == "id") project_ids_.push_back(v);
      if (list == "performance.projects" && rel == "name") declaration_names_.push_back(v);
      if (!v.empty()) Put(s, row, col, Join(base, rel), v);
    }
    if (list == "projects") Put(s, row, 1, base + ".lines", "[]", true);  // may stay empty
  }
}

void SheetReader::ReadKeyed(const XlsxSheet& s, const KeyedSheet& spec) {
  std::vector<Column> cols = {spec.key};
  cols.insert(cols.end(), spec.columns.begin(), spec.columns.end());
  if (!CheckHeader(s, cols, 1)) return;
  std::map<std::string, int> rows;  // key → the row that gave it
  for (int row = 2; row <= s.max_row; ++row) {
    bool any = false;
    for (size_t c = 1; c < cols.size(); ++c) any = any || s.At(row, static_cast<int>(c) + 1);
    const XlsxCell* key_cell = s.At(row, 1);
    const std::string key = key_cell ? CellValue(*key_cell, spec.key.kind) : "";
    if (!any) continue;  // a key alone says nothing
    if (key.empty()) {
      Error(s, row, 1, fmt::format("缺少{}", spec.key.header));
      continue;
    }
    if (key.find_first_of(".[]") != std::string::npos) {
      Error(s, row, 1, fmt::format("「{}」不能含有 . [ ]", Excerpt(key)));
      continue;
    }
    if (auto [it, fresh] = rows.emplace(key, row); !fresh) {
      Error(s, row, 1,
            fmt::format("{}「{}」重复（已在 {}!{} 填写）", spec.key.header, Excerpt(key), s.name,
                        CellRef(it->second, 1)));
      continue;
    }
    for (size_t c = 1; c < cols.size(); ++c) {
      const int col = static_cast<int>(c) + 1;
      const XlsxCell* cell = s.At(row, col);
      std::string v = cell ? CellValue(*cell, cols[c].kind) : "";
      if (v.empty()) continue;
      // The key's own mistakes (a 款 for a 项, an unknown 资金来源) are told at its cell.
      b_->Add({Join(cols[c].rel, key), v, s.name + "!" + CellRef(row, col), false,
               s.name + "!" + CellRef(row, 1)});
    }
  }
}

void SheetReader::ReadForm(const XlsxSheet& s, const FormSheet& spec) {
  std::map<std::string, const FormRow*> rows;
  for (const auto& r : spec.rows) {
    rows[r.label] = &r;
    if (r.final_label) rows[r.final_label] = &r;
  }
  std::map<std::string, int> counts;
  for (int row = 2; row <= s.max_row; ++row) {
    std::string label = Trim(s.Text(row, 1));
    bool any = false;
    for (int c = 2; c <= std::max(2, s.max_col); ++c) any = any || s.At(row, c);
    if (label.empty()) {
      if (any) Error(s, row, 1, "缺少项目名称（A列）");
      continue;
    }
    auto it = rows.find(label);
    if (it == rows.end()) {
      std::string all;
      for (const auto& r : spec.rows) all += (all.empty() ? "" : "、") + std::string(r.label);
      Error(s, row, 1, fmt::format("未知的项目「{}」（可用：{}）", Excerpt(label), all));
      continue;
    }
    const FormRow& r = *it->second;
    if (!any || r.kind == RowKind::kHeading) continue;  // a heading's headers are no field
    const auto& cols = RowColumns(r);
    for (int c = static_cast<int>(cols.size()) + 2; c <= s.max_col; ++c) {
      if (s.At(row, c))
        Error(s, row, c,
              fmt::format("「{}」只有{}列内容，此格未被读取", Excerpt(label), cols.size()));
    }
    auto value = [&](size_t c) -> std::string {
      const XlsxCell* cell = s.At(row, static_cast<int>(c) + 2);
      return cell ? CellValue(*cell, cols[c].kind) : "";
    };
    switch (r.kind) {
      case RowKind::kHeading:
        break;
      case RowKind::kScalar:
      case RowKind::kPair:
        if (r.kind == RowKind::kScalar && counts[label]++ > 0) {
          Error(s, row, 1, fmt::format("「{}」重复", Excerpt(label)));
          break;
        }
        for (size_t c = 0; c < cols.size(); ++c) {
          std::string v = value(c);
          if (!v.empty()) Put(s, row, static_cast<int>(c) + 2, Join(r.path, cols[c].rel), v);
        }
        break;
      case RowKind::kIndexed: {
        std::string base = fmt::format("{}[{}]", r.path, counts[label]++);
        for (size_t c = 0; c < cols.size(); ++c) {
          std::string v = value(c);
          if (!v.empty() || cols[c].rel[0] == '\0')
            Put(s, row, static_cast<int>(c) + 2, Join(base, cols[c].rel), v);
        }
        break;
      }
      case RowKind::kKeyed: {
        std::string key = value(0);
        if (key.empty()) {
          Error(s, row, 2, fmt::format("「{}」缺少{}", Excerpt(label), cols[0].header));
          break;
        }
        if (key.find_first_of(".[]") != std::string::npos) {
          Error(s, row, 2, fmt::format("「{}」不能含有 . [ ]", Excerpt(key)));
          break;
        }
        Put(s, row, 3, Join(r.path, key), value(1));
        break;
      }
    }
  }
}

void SheetReader::ReadLines(const XlsxSheet& s) {
  std::vector<Column> cols = {Text("项目标识", "", 16)};
  for (const auto& c : LineColumns()) {
    if (std::string(c.rel) != "class") cols.push_back(c);
  }
  if (!CheckHeader(s, cols, 1)) return;
  std::map<std::string, int> next;
  for (int row = 2; row <= s.max_row; ++row) {
    bool any = false;
    for (size_t c = 0; c < cols.size(); ++c) any = any || s.At(row, static_cast<int>(c) + 1);
    if (!any) continue;
    std::string id = Trim(s.Text(row, 1));
    auto it = std::find(project_ids_.begin(), project_ids_.end(), id);
    if (it == project_ids_.end()) {
      Error(
          s, row, 1,
          id.empty() ? "缺少项目标识" : fmt::format("项目「{}」未在「项目」表中列出", Excerpt(id)));
      continue;
    }
    std::string base = fmt::format("projects[{}].lines[{}]", it - project_ids_.begin(), next[id]++);
    for (size_t c = 1; c < cols.size(); ++c) {
      const XlsxCell* cell = s.At(row, static_cast<int>(c) + 1);
      std::string v = cell ? CellValue(*cell, cols[c].kind) : "";
      if (!v.empty()) Put(s, row, static_cast<int>(c) + 1, Join(base, cols[c].rel), v);
    }
  }
}

void SheetReader::ReadIndicators(const XlsxSheet& s) {
  const auto& cols = IndicatorColumns();
  if (!CheckHeader(s, cols, 1)) return;
  std::map<std::string, int> next;  // goal path → next indicator index
  for (int row = 2; row <= s.max_row; ++row) {
    bool any = false;
    for (size_t c = 0; c < cols.size(); ++c) any = any || s.At(row, static_cast<int>(c) + 1);
    if (!any) continue;
    std::string owner = Trim(s.Text(row, 1)), period = Trim(s.Text(row, 2)),
                num = Trim(s.Text(row, 3));
    std::string base;
    if (owner == kDepartmentOwner) {
      base = "performance.department";
    } else if (!owner.empty() && owner[0] == '#') {
      int n = std::atoi(owner.c_str() + 1);
      if (n >= 1 && static_cast<size_t>(n) <= declaration_names_.size())
        base = fmt::format("performance.projects[{}]", n - 1);
    } else {
      auto it = std::find(declaration_names_.begin(), declaration_names_.end(), owner);
      if (it != declaration_names_.end())
        base = fmt::format("performance.projects[{}]", it - declaration_names_.begin());
    }
    if (base.empty()) {
      Error(s, row, 1,
            fmt::format("归属「{}」应为「{}」或「绩效项目」表中的项目名称", Excerpt(owner),
                        kDepartmentOwner));
      continue;
    }
    if (period != "长期" && period != "年度") {
      Error(s, row, 2, fmt::format("期限应为「长期」或「年度」，而不是「{}」", Excerpt(period)));
      continue;
    }
    int g =
        num.size() <= 4 && !num.empty() && num.find_first_not_of("0123456789") == std::string::npos
            ? std::stoi(num)
            : 0;
    if (g < 1) {
      Error(s, row, 3, fmt::format("目标序号应为从1起的整数，而不是「{}」", Excerpt(num)));
      continue;
    }
    std::string gpath =
        fmt::format("{}.{}[{}]", base, period == "长期" ? "long_term" : "annual", g - 1);
    for (size_t c = 3; c < kGoalColumns; ++c) {
      const XlsxCell* cell = s.At(row, static_cast<int>(c) + 1);
      std::string v = cell ? CellValue(*cell, cols[c].kind) : "";
      if (!v.empty()) Put(s, row, static_cast<int>(c) + 1, Join(gpath, cols[c].rel), v);
    }
    bool indicator = false;
    for (size_t c = kGoalColumns; c < cols.size(); ++c)
      indicator = indicator || s.At(row, static_cast<int>(c) + 1);
    if (!indicator) {
      Put(s, row, 1, gpath + ".indicators", "[]", true);
      continue;
    }
    std::string ipath = fmt::format("{}.indicators[{}]", gpath, next[gpath]++);
    for (size_t c = kGoalColumns; c < cols.size(); ++c) {
      const XlsxCell* cell = s.At(row, static_cast<int>(c) + 1);
      std::string v = cell ? CellValue(*cell, cols[c].kind) : "";
      if (!v.empty()) Put(s, row, static_cast<int>(c) + 1, Join(ipath, cols[c].rel), v);
    }
  }
}

void SheetReader::ReadOther(const XlsxSheet& s) {
  for (int row = 2; row <= s.max_row; ++row) {
    std::string path = Trim(s.Text(row, 1));
    const XlsxCell* v = s.At(row, 2);
    if (path.empty()) {
      if (v) Error(s, row, 1, "缺少路径");
      continue;
    }
    if (SplitPath(path).empty()) {
      Error(s, row, 1, fmt::format("路径「{}」无效", Excerpt(path)));
      continue;
    }
    Put(s, row, 2, path, v ? CellValue(*v, Kind::kText) : "", true);
  }
}

void SheetReader::Run() {
  std::map<std::string, std::function<void(const XlsxSheet&)>> readers;
  for (const auto& spec : ListSheets())
    readers[spec.name] = [this, &spec](const XlsxSheet& s) { ReadList(s, spec); };
  for (const auto& spec : FormSheets())
    readers[spec.name] = [this, &spec](const XlsxSheet& s) { ReadForm(s, spec); };
  for (const auto& spec : FinalFormSheets())
    readers[spec.name] = [this, &spec](const XlsxSheet& s) { ReadForm(s, spec); };
  for (const auto& spec : FinalListSheets())
    readers[spec.name] = [this, &spec](const XlsxSheet& s) { ReadList(s, spec); };
  for (const auto& spec : KeyedSheets())
    readers[spec.name] = [this, &spec](const XlsxSheet& s) { ReadKeyed(s, spec); };
  for (const auto& spec : DeclaredListSheets())
    readers[spec.name] = [this, &spec](const XlsxSheet& s) { ReadList(s, spec); };
  const FormSheet& declared = DeclaredFormSheet();
  readers[declared.name] = [this, &declared](const XlsxSheet& s) { ReadForm(s, declared); };
  // Order matters: 项目 before 项目支出, 绩效项目 before 绩效指标.
  const char* order[] = {"基本信息",
                         kFinalInfoSheet,
                         "收入决算",
                         "结转结余",
                         "分项预算",
                         "三公决算",
                         "收入",
                         "支出明细",
                         "项目",
                         kLinesSheet,
                         "上缴与补助",
                         "上年对比",
                         "三公",
                         "采购",
                         "购买服务",
                         "资产",
                         "绩效项目",
                         kIndicatorSheet,
                         kDeclaredInfoSheet,
                         kDeclaredCellsSheet,
                         kDeclaredTextSheet,
                         kOtherSheet};
  for (const auto& s : wb_.sheets) {
    bool known = s.name == kInfoSheet || s.name == kCodeSheet ||
                 std::find_if(std::begin(order), std::end(order),
                              [&](const char* n) { return s.name == n; }) != std::end(order);
    if (!known && !s.hidden)
      b_->errors.push_back(
          SourceDiagnostic({wb_.path, 0, 0, s.name}, "未知的工作表（内容未被读取）"));
  }
  for (const char* name : order) {
    const XlsxSheet* s = wb_.Find(name);
    if (!s) continue;
    if (std::string(name) == kLinesSheet) {
      ReadLines(*s);
    } else if (std::string(name) == kIndicatorSheet) {
      ReadIndicators(*s);
    } else if (std::string(name) == kOtherSheet) {
      ReadOther(*s);
    } else {
      readers[name](*s);
    }
  }
  b_->Add({"gongkai", "1", "", false, ""});
}

// A diagnostic at a line of the workbook's YAML text is moved to the cell that line came from
// (`file: sheet!cell: message`), or to the workbook itself for a structural line.
Diagnostic Relocate(Diagnostic d, const std::string& file, const WorkbookYaml& y) {
  if (d.where.file != file || d.where.line <= 0 || !d.where.cell.empty()) return d;
  const size_t line = static_cast<size_t>(d.where.line);
  d.where.cell = line < y.line_cells.size() ? y.line_cells[line] : "";
  if (auto k = y.key_cells.find(line);
      k != y.key_cells.end() && d.where.column > 0 && d.where.column < k->second.first) {
    d.where.cell = k->second.second;
  }
  d.where.line = 0;
  d.where.column = 0;
  return d;
}

}  // namespace

bool IsWorkbookPath(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".xlsx";
}

WorkbookYaml WorkbookToYaml(const Workbook& wb) {
  Builder b(wb.path);
  SheetReader r(wb, &b);
  r.Run();
  if (!b.errors.empty()) throw SourceError(b.errors);
  return b.Emit();
}

namespace {

// The workbook `read` gives, named `name` in messages, into the model.
template <typename ReadFn>
Department WorkbookSourceFrom(const ReadFn& read, const std::string& name,
                              const CatalogProvider& catalogs) {
  Workbook wb;
  try {
    wb = read();
  } catch (const XlsxError& e) {
    DiagnosticLocation where{e.file(), 0, 0, e.location()};
    throw SourceError({e.message().find("无法打开文件") != std::string::npos
                           ? UnreadableDiagnostic(e.file(), e.message())
                           : SourceDiagnostic(std::move(where), e.message())});
  }
  WorkbookYaml y = WorkbookToYaml(wb);
  try {
    Department d = ParseSource(y.text, name, catalogs);
    d.line_cells = std::move(y.line_cells);
    return d;
  } catch (const SourceError& e) {
    Diagnostics out;
    for (const auto& d : e.diagnostics()) out.push_back(Relocate(d, name, y));
    throw SourceError(std::move(out));
  }
}

}  // namespace

Department ReadWorkbookSource(const std::string& path, const CatalogProvider& catalogs) {
  return WorkbookSourceFrom([&] { return ReadWorkbook(path); }, path, catalogs);
}

Department ReadWorkbookSourceBytes(std::string_view bytes, const std::string& name,
                                   const CatalogProvider& catalogs) {
  return WorkbookSourceFrom(
      [&] { return ReadWorkbookFromMemory(bytes.data(), bytes.size(), name); }, name, catalogs);
}

bool WriteWorkbookSource(const Department& d, const std::string& path, std::string* error,
                         const std::string& data_dir) {
  Json root = Json::parse(WriteSourceJson(d));
  return Writer(root, d.year, data_dir, false).Write(path, error);
}

bool WriteWorkbookTemplate(DocumentKind kind, int year, const std::string& path, std::string* error,
                           const std::string& data_dir) {
  Json root = Json::object();
  if (kind == DocumentKind::kFinalAccounts) {
    // A 决算 is a budget's sheets with 决算数 in them, plus its own sheets: the kind is filled
    // in on 决算信息, the “三公” 预算数/决算数, counts and the 一般公共预算 balances are laid out
    // with zeros to overwrite; income and 分项预算 rows are added by the officer.
    root["kind"] = DocumentKindName(kind);
    Json fa = Json::object();
    fa["opening_balance"] = {{"general", "0"}};
    fa["closing_balance"] = {{"general", "0"}};
    Json tp = Json::object();
    for (const auto& key : ThreePublicKeys()) tp[key] = {{"budget", "0"}, {"actual", "0"}};
    fa["three_public"] = tp;
    Json counts = Json::object();
    for (const char* key : {"outbound_groups", "outbound_persons", "vehicles_purchased",
                            "vehicles_held", "reception_batches", "reception_persons"}) {
      counts[key] = 0;
    }
    fa["counts"] = counts;
    root["final_accounts"] = fa;
  }
  return Writer(root, year, data_dir, true).Write(path, error);
}

}  // namespace gongkai
