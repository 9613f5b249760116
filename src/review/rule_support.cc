#include "review/rule_support.h"

#include <fmt/format.h>

#include <map>

namespace gongkai::rules {

namespace {

template <typename Data>
const Data* ReviewDataOrReport(const CheckContext& ctx, Emitter& emit, const Data* data,
                               const char* what) {
  if (!data) emit.Report(fmt::format("无法读取{}：{}", what, ctx.review_data_error), ctx.At(0, 0));
  return data;
}

}  // namespace

const ProseWords* ProseWordsOrReport(const CheckContext& ctx, Emitter& emit) {
  return ReviewDataOrReport(ctx, emit, ctx.prose_words, "审核用词表");
}

const EconomicItems* EconomicItemsOrReport(const CheckContext& ctx, Emitter& emit) {
  return ReviewDataOrReport(ctx, emit, ctx.economic_items, "常见品目经济分类对照表");
}

std::vector<const DeclaredCell*> CellsOf(const Department& d, const std::string& table) {
  std::vector<const DeclaredCell*> out;
  for (const auto& c : d.declared.cells) {
    if (c.table == table) out.push_back(&c);
  }
  return out;
}

const DeclaredCell* FindCell(const Department& d, const std::string& table, const std::string& row,
                             const std::string& column) {
  for (const auto& c : d.declared.cells) {
    if (c.table != table || c.row != row) continue;
    if (c.column == column) return &c;
    // "基本支出/小计" and "小计" name the same column.
    size_t slash = column.rfind('/');
    if (slash != std::string::npos && c.column == column.substr(slash + 1)) return &c;
    slash = c.column.rfind('/');
    if (slash != std::string::npos && c.column.substr(slash + 1) == column) return &c;
  }
  return nullptr;
}

std::vector<const DeclaredFigure*> TextOf(const Department& d, const std::string& key) {
  std::vector<const DeclaredFigure*> out;
  for (const auto& f : d.declared.text) {
    if (f.key == key) out.push_back(&f);
  }
  return out;
}

const DeclaredFigure* FirstText(const Department& d, const std::string& key) {
  for (const auto& f : d.declared.text) {
    if (f.key == key) return &f;
  }
  return nullptr;
}

Location CellLocation(const CheckContext& ctx, const DeclaredCell& c) {
  Location l = ctx.At(c.line, c.column_pos);
  l.table_id = c.table;
  l.table = ctx.TableName(c.table);
  l.row = c.row + (c.name.empty() ? "" : " " + c.name);
  l.column = c.column;
  return l;
}

Location TextLocation(const CheckContext& ctx, const DeclaredFigure& f) {
  // "四（一）" is a section of the 公开说明 (a 决算's 情况说明); other places (附件4,
  // 部门整体支出绩效目标表) are named.
  static const std::string kNumerals = "一二三四五六七八九十";
  const std::string part = ctx.d.kind == DocumentKind::kFinalAccounts ? "情况说明" : "公开说明";
  bool section = !f.at.empty() && kNumerals.find(f.at.substr(0, 3)) != std::string::npos;
  return ctx.At(f.line, f.column, f.at.empty() ? part : section ? part + " " + f.at : f.at);
}

bool SumNeedsFinding(const CheckContext& ctx, Money printed_total,
                     const std::vector<Money>& printed_parts) {
  switch (CompareTotal(printed_total, printed_parts)) {
    case Agreement::kExact:
      return false;
    case Agreement::kRounding:
      return ctx.d.lines.empty();
    case Agreement::kMismatch:
      return true;
  }
  return true;
}

void CheckSum(const CheckContext& ctx, Emitter& emit, const std::string& what, Money printed_total,
              const std::vector<Money>& printed_parts, Location where) {
  Money sum;
  for (const auto& p : printed_parts) sum += p;
  switch (CompareTotal(printed_total, printed_parts)) {
    case Agreement::kExact:
      return;
    case Agreement::kRounding:
      if (!ctx.d.lines.empty()) return;  // verified figure by figure against the detail
      emit.Rounding(fmt::format("{}：合计{}，各项之和{}，相差{}万元，属于尾数四舍五入差异", what,
                                Wan(printed_total), Wan(sum), Diff(printed_total, sum)),
                    where, Wan(sum), Wan(printed_total), Diff(printed_total, sum));
      return;
    case Agreement::kMismatch:
      emit.Report(fmt::format("{}不成立：合计{}，各项之和{}，相差{}万元", what, Wan(printed_total),
                              Wan(sum), Diff(printed_total, sum)),
                  where, Wan(sum), Wan(printed_total), Diff(printed_total, sum));
      return;
  }
}

void CheckDeclaredCells(const CheckContext& ctx, Emitter& emit) {
  std::map<const Table*, TableLookup> index;  // per table, built once
  for (const auto& c : ctx.d.declared.cells) {
    const Table* t = ctx.doc.FindTable(c.table);
    // Built only for a finding: most of ~600 cells have none.
    auto where = [&] { return CellLocation(ctx, c); };
    if (!t) {
      emit.Report(fmt::format("声明的表「{}」不是公开表之一", c.table), where());
      continue;
    }
    if (!c.amount) continue;  // blank cells: CMP-013
    std::string why;
    auto cached = index.find(t);
    if (cached == index.end()) cached = index.emplace(t, TableLookup(*t)).first;
    auto exact = cached->second.Find(c.row, c.column, &why);
    if (!exact) {
      // "附表4-5 没有「…」这一行…" names its table; a missing column does not.
      emit.Report(why.rfind(t->number, 0) == 0 && !t->number.empty()
                      ? why
                      : fmt::format("{}：{}", ctx.TableName(c.table), why),
                  where());
      continue;
    }
    switch (CompareAmount(*c.amount, *exact)) {
      case Agreement::kExact:
        break;
      case Agreement::kRounding:
        emit.Rounding(fmt::format("表中数字{}与明细{}相差{}万元，属尾数差异", Wan(*c.amount),
                                  exact->ExactWan(), Diff(*c.amount, *exact)),
                      where(), Wan(*exact), Wan(*c.amount), Diff(*c.amount, *exact));
        break;
      case Agreement::kMismatch:
        emit.Report(fmt::format("表中数字{}与明细数据{}不符，相差{}万元", Wan(*c.amount),
                                Wan(*exact), Diff(*c.amount, *exact)),
                    where(), Wan(*exact), Wan(*c.amount), Diff(*c.amount, *exact));
    }
  }
}

bool IsCodeLike(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::string AssetDateProblem(int budget_year, int year, int month, int day) {
  (void)month;
  (void)day;
  if (year >= budget_year) {
    return fmt::format("晚于预算年度开始（{}年1月1日），编制{}年预算时还不可能有该日的数字",
                       budget_year, budget_year);
  }
  if (year < budget_year - 2) {
    return fmt::format("早了一年以上：{}年预算的资产情况应截至{}年内的日期（通常为{}年12月31日）",
                       budget_year, budget_year - 1, budget_year - 1);
  }
  return "";
}

}  // namespace gongkai::rules
