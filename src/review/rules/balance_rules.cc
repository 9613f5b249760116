// 平衡关系: the identities every budget table must satisfy, checked on the figures as printed
// (declared), and every printed table figure against the detail.
#include <fmt/format.h>

#include <functional>
#include <map>
#include <set>

#include "disclosure/table_ids.h"
#include "review/rule_support.h"

namespace gongkai {
namespace {

using namespace rules;

constexpr const char* kFamily = "平衡关系";
constexpr const char* kBasis143 = "财预〔2016〕143号《地方预决算公开操作规程》";
constexpr const char* kBasisLaw = "《预算法》第十二条";

std::string_view Leaf(std::string_view column) {
  size_t slash = column.rfind('/');
  return slash == std::string_view::npos ? column : column.substr(slash + 1);
}

// Declared rows of a table: row label → column leaf → cell. The labels are views of the
// department's declared cells, which outlive the map.
using ColumnMap = std::map<std::string_view, const DeclaredCell*>;
using RowMap = std::map<std::string_view, ColumnMap>;
RowMap RowsOf(const Department& d, const std::string& table) {
  RowMap rows;
  std::set<std::pair<std::string_view, std::string_view>> duplicated;
  for (const DeclaredCell* c : CellsOf(d, table)) {
    if (!c->amount) continue;
    auto& slot = rows[c->row][Leaf(c->column)];
    if (slot) duplicated.insert({c->row, Leaf(c->column)});
    slot = c;
  }
  // A row label printed twice is ambiguous (CLS-002 reports it); leave it out of the sums.
  for (const auto& [row, column] : duplicated) rows[row].erase(column);
  return rows;
}

// Declared amount of a two-sided table row (column-less cell).
std::optional<Money> Side(const Department& d, const std::string& table, const std::string& row,
                          const DeclaredCell** cell = nullptr) {
  const DeclaredCell* c = FindCell(d, table, row, "");
  if (cell) *cell = c;
  if (!c || !c->amount) return std::nullopt;
  return c->amount;
}

// Checks total = Σ parts for each row that has all the columns.
// `optional_cols` join the parts where the document prints them (a published 支出总表 may
// leave its last columns out when they are empty).
void RowIdentity(const CheckContext& ctx, Emitter& emit, const std::string& table,
                 const std::string& total_col, const std::vector<std::string>& part_cols,
                 const std::string& what, const std::vector<std::string>& optional_cols = {}) {
  for (const auto& [row, cols] : RowsOf(ctx.d, table)) {
    auto total = cols.find(total_col);
    if (total == cols.end()) continue;
    std::vector<Money> parts;
    for (const auto& p : part_cols) {
      auto it = cols.find(p);
      if (it == cols.end()) break;
      parts.push_back(*it->second->amount);
    }
    if (parts.size() != part_cols.size()) continue;
    std::vector<const std::string*> printed;  // the optional columns the table has
    for (const auto& p : optional_cols) {
      if (auto it = cols.find(p); it != cols.end()) {
        parts.push_back(*it->second->amount);
        printed.push_back(&p);
      }
    }
    if (!SumNeedsFinding(ctx, *total->second->amount, parts)) continue;
    std::string identity = what;
    for (const std::string* p : printed) identity += " + " + *p;
    CheckSum(ctx, emit, fmt::format("{}行「{}」{}", ctx.TableName(table), row, identity),
             *total->second->amount, parts, CellLocation(ctx, *total->second));
  }
}

// Checks parent code = Σ child codes (one level down) for every column, and 合计 = Σ top codes.
void TreeRollUp(const CheckContext& ctx, Emitter& emit, const std::string& table, size_t top_length,
                const std::string& what) {
  RowMap rows = RowsOf(ctx.d, table);
  std::vector<std::pair<std::string_view, const ColumnMap*>> codes;  // the code rows, in order
  for (const auto& [row, cols] : rows) {
    if (IsCodeLike(row)) codes.emplace_back(row, &cols);
  }
  for (const auto& [row, cols] : rows) {
    bool is_total = row == "合计";
    if (!is_total && (!IsCodeLike(row) || row.size() >= 7)) continue;
    size_t child_len = is_total ? top_length : row.size() + 2;
    for (const auto& [col, cell] : cols) {
      std::vector<Money> parts;
      for (const auto& [child, child_cols] : codes) {
        if (child.size() != child_len) continue;
        if (!is_total && !child.starts_with(row)) continue;
        auto it = child_cols->find(col);
        if (it != child_cols->end()) parts.push_back(*it->second->amount);
      }
      if (parts.empty() || !SumNeedsFinding(ctx, *cell->amount, parts)) continue;
      CheckSum(ctx, emit, fmt::format("{}「{}」列「{}」{}", ctx.TableName(table), row, col, what),
               *cell->amount, parts, CellLocation(ctx, *cell));
    }
  }
}

void CompareDeclared(const CheckContext& ctx, Emitter& emit, const DeclaredCell* a,
                     const DeclaredCell* b, const std::string& what) {
  if (!a || !b || !a->amount || !b->amount) return;
  switch (CompareAmount(*a->amount, *b->amount)) {
    case Agreement::kExact:
      return;
    case Agreement::kRounding:
      emit.Rounding(fmt::format("{}：{}与{}相差{}万元（尾数差异）", what, Wan(*a->amount),
                                Wan(*b->amount), Diff(*a->amount, *b->amount)),
                    CellLocation(ctx, *a), Wan(*b->amount), Wan(*a->amount));
      return;
    case Agreement::kMismatch:
      emit.Report(fmt::format("{}不一致：{}（{}）与{}（{}）相差{}万元", what, Wan(*a->amount),
                              ctx.TableName(a->table), Wan(*b->amount), ctx.TableName(b->table),
                              Diff(*a->amount, *b->amount)),
                  CellLocation(ctx, *a), Wan(*b->amount), Wan(*a->amount),
                  Diff(*a->amount, *b->amount));
      // The relation is on both cells: a wrong figure in either explains it (cause_groups.h).
      emit.Relate(CellLocation(ctx, *b));
  }
}

// A cell of a declared table: its table, row and column ("" where the table has one amount).
struct CellAt {
  const char* table;
  const char* row;
  const char* column;
};

// Two cells that state one amount, and how a finding names the pair.
struct SameAmount {
  CellAt a, b;
  const char* what;
};

// A rule's check that each pair agrees: CompareDeclared where both cells are declared.
std::function<void(const CheckContext&, Emitter&)> SameAmounts(std::vector<SameAmount> pairs) {
  return [pairs = std::move(pairs)](const CheckContext& ctx, Emitter& emit) {
    for (const SameAmount& p : pairs)
      CompareDeclared(ctx, emit, FindCell(ctx.d, p.a.table, p.a.row, p.a.column),
                      FindCell(ctx.d, p.b.table, p.b.row, p.b.column), p.what);
  };
}

const RuleFamily Make{kFamily, Both()};

}  // namespace

void RegisterBalanceRules(std::vector<Rule>* out) {
  out->push_back(
      Make("BAL-001", Severity::kError, "公开表中的每个数字与明细数据一致",
           "表中数字应等于明细数据按四舍五入汇总后的结果；差额在0.01万元以内视为尾数差异",
           kBasis143, CheckDeclaredCells));
  out->push_back(Make(
      "BAL-002", Severity::kError, "收支总表：收入总计 = 支出总计",
      "部门预算收支平衡，收入总计必须等于支出总计", kBasisLaw,
      [](const CheckContext& ctx, Emitter& emit) {
        const DeclaredCell* in = nullptr;
        const DeclaredCell* out_cell = nullptr;
        auto a = Side(ctx.d, table_id::kIncomeExpenditureSummary, "收 入 总 计", &in);
        auto b = Side(ctx.d, table_id::kIncomeExpenditureSummary, "支 出 总 计", &out_cell);
        if (a && b)
          CheckSum(ctx, emit, "收支总表 收入总计 = 支出总计", *a, {*b}, CellLocation(ctx, *in));
      }));
  out->push_back(Make(
      "BAL-003", Severity::kError, "收支总表：本年收入合计 = 各项收入之和",
      "本年收入合计应为各收入来源之和", kBasis143, [](const CheckContext& ctx, Emitter& emit) {
        const DeclaredCell* total = nullptr;
        auto sum = Side(ctx.d, table_id::kIncomeExpenditureSummary, "本年收入合计", &total);
        if (!sum) return;
        std::vector<Money> parts;
        for (const DeclaredCell* c : CellsOf(ctx.d, table_id::kIncomeExpenditureSummary)) {
          if (!c->amount || !c->column.empty()) continue;
          for (const auto& src : ctx.d.catalog->revenue_sources()) {
            if (c->row.size() > src.name.size() &&
                c->row.compare(c->row.size() - src.name.size(), src.name.size(), src.name) == 0) {
              parts.push_back(*c->amount);
            }
          }
        }
        if (!parts.empty())
          CheckSum(ctx, emit, "收支总表 本年收入合计 = 各项收入之和", *sum, parts,
                   CellLocation(ctx, *total));
      }));
  out->push_back(
      Make("BAL-004", Severity::kError, "收支总表：本年支出合计 = 各功能类支出之和",
           "本年支出合计应为各支出功能分类类级科目之和", kBasis143,
           [](const CheckContext& ctx, Emitter& emit) {
             const DeclaredCell* total = nullptr;
             auto sum = Side(ctx.d, table_id::kIncomeExpenditureSummary, "本年支出合计", &total);
             if (!sum) return;
             std::vector<Money> parts;
             for (const DeclaredCell* c : CellsOf(ctx.d, table_id::kIncomeExpenditureSummary)) {
               if (c->amount && c->column.empty() && c->row.size() > 6 &&
                   c->row.compare(c->row.size() - 6, 6, "支出") == 0 &&
                   c->row.find("合计") == std::string::npos &&
                   c->row.find("本年") == std::string::npos) {
                 parts.push_back(*c->amount);
               }
             }
             if (!parts.empty())
               CheckSum(ctx, emit, "收支总表 本年支出合计 = 各功能类支出之和", *sum, parts,
                        CellLocation(ctx, *total));
           }));
  out->push_back(Make("BAL-005", Severity::kError, "支出表每行：合计 = 基本支出 + 项目支出",
                      "支出按性质分为基本支出和项目支出，两者之和应等于合计；支出总表另加事业"
                      "单位经营支出、上缴上级支出和对附属单位补助支出",
                      kBasis143, [](const CheckContext& ctx, Emitter& emit) {
                        RowIdentity(ctx, emit, table_id::kExpenditureSummary, "合计",
                                    {"基本支出", "项目支出"}, "合计 = 基本支出 + 项目支出",
                                    {"事业单位经营支出", "上缴上级支出", "对附属单位补助支出"});
                        RowIdentity(ctx, emit, table_id::kGeneralExpenditure, "合计",
                                    {"小计", "项目支出"}, "合计 = 基本支出 + 项目支出");
                        RowIdentity(ctx, emit, table_id::kGovFundExpenditure, "合计",
                                    {"基本支出", "项目支出"}, "合计 = 基本支出 + 项目支出");
                      }));
  out->push_back(Make(
      "BAL-006", Severity::kError, "一般公共预算支出表每行：基本支出 = 人员经费 + 公用经费",
      "基本支出由人员经费和公用经费组成", kBasis143, [](const CheckContext& ctx, Emitter& emit) {
        RowIdentity(ctx, emit, table_id::kGeneralExpenditure, "小计", {"人员经费", "公用经费"},
                    "基本支出 = 人员经费 + 公用经费");
      }));
  out->push_back(Make(
      "BAL-007", Severity::kError,
      "功能分类汇总：类 = 所属款之和，款 = 所属项之和，合计 = 各类之和", "支出功能分类科目逐级汇总",
      "当年《政府收支分类科目》", [](const CheckContext& ctx, Emitter& emit) {
        for (const char* t : {table_id::kIncomeSummary, table_id::kExpenditureSummary,
                              table_id::kGeneralExpenditure, table_id::kGovFundExpenditure,
                              table_id::kSoeExpenditure}) {
          TreeRollUp(ctx, emit, t, 3, "应等于下级科目之和");
        }
      }));
  out->push_back(
      Make("BAL-008", Severity::kError, "基本支出表：经济分类类 = 所属款之和，合计 = 各类之和",
           "部门预算支出经济分类科目逐级汇总", "当年《政府收支分类科目》",
           [](const CheckContext& ctx, Emitter& emit) {
             TreeRollUp(ctx, emit, table_id::kGeneralBasicExpenditure, 3, "应等于下级科目之和");
           }));
  out->push_back(Make("BAL-009", Severity::kError, "基本支出表每行：合计 = 人员经费 + 公用经费",
                      "基本支出由人员经费和公用经费组成", kBasis143,
                      [](const CheckContext& ctx, Emitter& emit) {
                        RowIdentity(ctx, emit, table_id::kGeneralBasicExpenditure, "合计",
                                    {"人员经费", "公用经费"}, "合计 = 人员经费 + 公用经费");
                      }));
  out->push_back(Make(
      "BAL-010", Severity::kError, "“三公”经费表：合计 = 各项之和，公务用车小计 = 购置费 + 运行费",
      "“三公”经费由因公出国（境）费、公务用车购置及运行费、公务接待费组成", kBasis143,
      [](const CheckContext& ctx, Emitter& emit) {
        RowIdentity(ctx, emit, table_id::kThreePublic, "“三公”经费合计",
                    {"因公出国（境）费", "小计", "公务接待费"},
                    "“三公”经费合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费");
        RowIdentity(ctx, emit, table_id::kThreePublic, "小计", {"公务用车购置费", "公务用车运行费"},
                    "公务用车购置及运行费 = 购置费 + 运行费");
      }));
  out->push_back(Make("BAL-011", Severity::kError,
                      "财政拨款收支总表：收入总计 = 支出总计，本年收入 = 三本预算拨款之和",
                      "财政拨款收支平衡", kBasisLaw, [](const CheckContext& ctx, Emitter& emit) {
                        const DeclaredCell* in = nullptr;
                        auto a = Side(ctx.d, table_id::kFiscalSummary, "收 入 总 计", &in);
                        auto b = Side(ctx.d, table_id::kFiscalSummary, "支 出 总 计");
                        if (a && b)
                          CheckSum(ctx, emit, "财政拨款收支总表 收入总计 = 支出总计", *a, {*b},
                                   CellLocation(ctx, *in));
                        const DeclaredCell* current = nullptr;
                        auto c = Side(ctx.d, table_id::kFiscalSummary, "一、本年收入", &current);
                        std::vector<Money> parts;
                        for (const char* row :
                             {"（一）一般公共预算拨款", "（二）政府性基金预算拨款",
                              "（三）国有资本经营预算拨款"}) {
                          // The first occurrence of each label is under 本年收入.
                          if (auto v = Side(ctx.d, table_id::kFiscalSummary, row))
                            parts.push_back(*v);
                        }
                        if (c && !parts.empty())
                          CheckSum(ctx, emit, "财政拨款收支总表 本年收入 = 三本预算拨款之和", *c,
                                   parts, CellLocation(ctx, *current));
                      }));
  out->push_back(Make(
      "BAL-012", Severity::kError, "财政拨款收支总表的一般公共预算拨款 = 一般公共预算支出表合计",
      "两表反映同一笔一般公共预算财政拨款", kBasis143,
      SameAmounts({{{table_id::kFiscalSummary, "（一）一般公共预算拨款", ""},
                    {table_id::kGeneralExpenditure, "合计", "合计"},
                    "一般公共预算拨款（附表4-4）与一般公共预算支出表合计（附表4-5）"}})));
  out->push_back(
      Make("BAL-013", Severity::kError, "收支总表与支出总表、财政拨款收支总表一致",
           "同一部门同一年度的各表合计应相互一致", kBasis143,
           SameAmounts({{{table_id::kExpenditureSummary, "合计", "合计"},
                         {table_id::kIncomeExpenditureSummary, "本年支出合计", ""},
                         "支出总表合计与收支总表本年支出合计"},
                        {{table_id::kIncomeSummary, "合计", "合计"},
                         {table_id::kIncomeExpenditureSummary, "本年收入合计", ""},
                         "收入总表合计与收支总表本年收入合计"},
                        {{table_id::kFiscalSummary, "（一）一般公共预算拨款", ""},
                         {table_id::kIncomeExpenditureSummary, "一、一般公共预算拨款收入", ""},
                         "财政拨款收支总表一般公共预算拨款与收支总表一般公共预算拨款收入"}})));
  out->push_back(Make("BAL-014", Severity::kError, "一般公共预算支出表的基本支出 = 基本支出表合计",
                      "附表4-5的基本支出与附表4-6按经济分类反映的是同一笔资金", kBasis143,
                      SameAmounts({{{table_id::kGeneralExpenditure, "合计", "小计"},
                                    {table_id::kGeneralBasicExpenditure, "合计", "合计"},
                                    "一般公共预算支出表基本支出与基本支出表合计"},
                                   {{table_id::kGeneralExpenditure, "合计", "人员经费"},
                                    {table_id::kGeneralBasicExpenditure, "合计", "人员经费"},
                                    "一般公共预算支出表人员经费与基本支出表人员经费"},
                                   {{table_id::kGeneralExpenditure, "合计", "公用经费"},
                                    {table_id::kGeneralBasicExpenditure, "合计", "公用经费"},
                                    "一般公共预算支出表公用经费与基本支出表公用经费"}})));
  out->push_back(Make(
      "BAL-015", Severity::kError, "项目支出表合计 = 各项目之和，且与支出表的项目支出一致",
      "项目支出表逐项列示全部项目支出", kBasis143, [](const CheckContext& ctx, Emitter& emit) {
        const DeclaredCell* total = FindCell(ctx.d, table_id::kProjectExpenditure, "合计", "合计");
        if (!total || !total->amount) return;
        std::vector<Money> parts;
        for (const DeclaredCell* c : CellsOf(ctx.d, table_id::kProjectExpenditure)) {
          if (c->row != "合计" && Leaf(c->column) == "合计" && c->amount)
            parts.push_back(*c->amount);
        }
        if (!parts.empty())
          CheckSum(ctx, emit, "项目支出表 合计 = 各项目之和", *total->amount, parts,
                   CellLocation(ctx, *total));
        CompareDeclared(ctx, emit, total,
                        FindCell(ctx.d, table_id::kExpenditureSummary, "合计", "项目支出"),
                        "项目支出表合计与支出总表项目支出");
      }));
  out->push_back(
      Make("BAL-016", Severity::kError,
           "政府性基金预算支出表合计 = 财政拨款收支总表的政府性基金预算拨款",
           "两表反映同一笔政府性基金预算财政拨款", kBasis143,
           SameAmounts({{{table_id::kGovFundExpenditure, "合计", "合计"},
                         {table_id::kFiscalSummary, "（二）政府性基金预算拨款", ""},
                         "政府性基金预算支出表合计与财政拨款收支总表政府性基金预算拨款"}})));
  out->push_back(Make(
      "BAL-017", Severity::kError, "公开说明：收入（支出）各部分占比之和为100%",
      "各组成部分占比合计应为100%（允许尾数差异）", kBasis143,
      [](const CheckContext& ctx, Emitter& emit) {
        for (const char* prefix : {"revenue.", "expenditure."}) {
          long long sum = 0;  // in 0.001 percentage points
          int count = 0;
          const DeclaredFigure* first = nullptr;
          for (const auto& f : ctx.d.declared.text) {
            if (f.key.rfind(prefix, 0) != 0 || f.key.ends_with(".total") || f.share.empty())
              continue;
            // Shares of one breakdown are printed together; repeats elsewhere are not parts.
            if (first && f.at != first->at) continue;
            std::string s = f.share;
            size_t dot = s.find('.');
            std::string frac = dot == std::string::npos ? "" : s.substr(dot + 1);
            while (frac.size() < 3) frac += "0";
            sum += std::stoll(s.substr(0, dot)) * 1000 + std::stoll(frac.substr(0, 3));
            ++count;
            if (!first) first = &f;
          }
          if (count < 2) continue;
          long long diff = sum - 100000;
          if (diff == 0) continue;
          // Each share may be off by half a unit of its last place (at most 0.05 for 1 decimal).
          bool rounding = std::llabs(diff) <= 50LL * count;
          std::string msg = fmt::format("{}各部分占比之和为{}.{:03}%，不等于100%",
                                        prefix[0] == 'r' ? "收入" : "支出", sum / 1000, sum % 1000);
          if (rounding) {
            // Each share is verified against the detail by TXT-005 when there is detail.
            if (!ctx.d.lines.empty()) continue;
            emit.Rounding(msg + "（尾数差异）", TextLocation(ctx, *first));
          } else {
            emit.Report(msg, TextLocation(ctx, *first), "100%");
          }
        }
      }));
  out->push_back(Make("BAL-018", Severity::kError, "公开说明：机关运行经费 = 所列各明细之和",
                      "文字中列举的机关运行经费明细应与总额一致", kBasis143,
                      [](const CheckContext& ctx, Emitter& emit) {
                        const DeclaredFigure* total = FirstText(ctx.d, "operating_expenses.total");
                        if (!total || !total->amount) return;
                        std::vector<Money> parts;
                        for (const auto& f : ctx.d.declared.text) {
                          if (f.key.rfind("operating_expenses.", 0) == 0 &&
                              f.key != "operating_expenses.total" && f.amount &&
                              f.at == total->at) {
                            parts.push_back(*f.amount);
                          }
                        }
                        if (!parts.empty())
                          CheckSum(ctx, emit, "机关运行经费 = 所列明细之和", *total->amount, parts,
                                   TextLocation(ctx, *total));
                      }));
  out->push_back(Make(
      "BAL-019", Severity::kError, "公开说明：政府采购合计 = 货物类 + 工程类 + 服务类",
      "政府采购预算按货物、工程、服务分类列示", "《政府采购法》；财预〔2016〕143号",
      [](const CheckContext& ctx, Emitter& emit) {
        const DeclaredFigure* total = FirstText(ctx.d, "procurement.total");
        if (!total || !total->amount) return;
        std::vector<Money> parts;
        for (const char* k : {"procurement.goods", "procurement.works", "procurement.service"}) {
          if (const DeclaredFigure* f = FirstText(ctx.d, k); f && f->amount)
            parts.push_back(*f->amount);
        }
        if (!parts.empty())
          CheckSum(ctx, emit, "政府采购合计 = 货物类 + 工程类 + 服务类", *total->amount, parts,
                   TextLocation(ctx, *total));
      }));
  out->push_back(Make("BAL-020", Severity::kError, "公开说明：项目支出 = 所列各项目之和",
                      "逐项列示的项目金额之和应等于项目支出总额", kBasis143,
                      [](const CheckContext& ctx, Emitter& emit) {
                        const DeclaredFigure* total = FirstText(ctx.d, "general.project");
                        if (!total || !total->amount) return;
                        std::vector<Money> parts;
                        for (const auto& f : ctx.d.declared.text) {
                          if (f.key.rfind("project.", 0) == 0 && f.amount && f.at == total->at)
                            parts.push_back(*f.amount);
                        }
                        if (!parts.empty())
                          CheckSum(ctx, emit, "项目支出 = 所列各项目之和", *total->amount, parts,
                                   TextLocation(ctx, *total));
                      }));
  out->push_back(Make(
      "BAL-021", Severity::kError, "公开说明：“三公”经费合计 = 各项之和",
      "“三公”经费由因公出国（境）费、公务用车购置及运行维护费、公务接待费组成", kBasis143,
      [](const CheckContext& ctx, Emitter& emit) {
        const DeclaredFigure* total = FirstText(ctx.d, "three_public.total");
        if (!total || !total->amount) return;
        std::vector<Money> parts;
        for (const char* k :
             {"three_public.outbound", "three_public.vehicle", "three_public.reception"}) {
          if (const DeclaredFigure* f = FirstText(ctx.d, k); f && f->amount)
            parts.push_back(*f->amount);
        }
        if (parts.size() == 3)
          CheckSum(ctx, emit, "“三公”经费合计 = 各项之和", *total->amount, parts,
                   TextLocation(ctx, *total));
        const DeclaredFigure* vehicle = FirstText(ctx.d, "three_public.vehicle");
        const DeclaredFigure* purchase = FirstText(ctx.d, "three_public.vehicle_purchase");
        const DeclaredFigure* operation = FirstText(ctx.d, "three_public.vehicle_operation");
        if (vehicle && purchase && operation && vehicle->amount && purchase->amount &&
            operation->amount) {
          CheckSum(ctx, emit, "公务用车购置及运行维护费 = 购置费 + 运行维护费", *vehicle->amount,
                   {*purchase->amount, *operation->amount}, TextLocation(ctx, *vehicle));
        }
      }));
}

}  // namespace gongkai
