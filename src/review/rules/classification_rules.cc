// 科目分类: codes exist in the year's catalog at the right level, names match codes (outdated
// names flagged), basic and project spending sit on the right 项, and function / economic
// pairs that must agree do agree.
#include <fmt/format.h>

#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "disclosure/table_ids.h"
#include "review/rule_support.h"

namespace gongkai {
namespace {

using namespace rules;

constexpr const char* kFamily = "科目分类";
constexpr const char* kCatalog = "当年《政府收支分类科目》";

// Codes and their pairing are the same in a budget and a final accounts.
const RuleFamily Make{kFamily, Both(), {DocumentKind::kBudget, DocumentKind::kFinalAccounts}};

std::string Name(const CheckContext& ctx, const std::string& code) {
  if (const FunctionSubject* s = ctx.d.catalog->FindFunction(code)) return s->name;
  if (const EconomicSubject* s = ctx.d.catalog->FindEconomic(code)) return s->name;
  return "";
}

Location LineLocation(const CheckContext& ctx, const ExpenditureLine& l) {
  if (l.transfer != Transfer::kNone) return ctx.At(l.where, "transfers");
  return ctx.At(l.where, l.is_basic() ? "basic" : "projects." + l.project_id);
}

// Lines on `function` must use one of `economics`, and lines with those economics the
// function (when `both_ways`).
void Pair(const CheckContext& ctx, Emitter& emit, const std::string& function,
          const std::set<std::string>& economics, bool both_ways) {
  for (const auto& l : ctx.d.lines) {
    bool f = l.function == function;
    bool e = economics.count(l.economic) > 0;
    if (f && !e) {
      emit.Report(
          fmt::format("功能科目{} {}应对应经济科目{}，此行为{} {}", function, Name(ctx, function),
                      *economics.begin(), l.economic, Name(ctx, l.economic)),
          LineLocation(ctx, l), *economics.begin(), l.economic);
    } else if (both_ways && e && !f) {
      emit.Report(fmt::format("经济科目{} {}应列入功能科目{} {}，此行为{} {}", l.economic,
                              Name(ctx, l.economic), function, Name(ctx, function), l.function,
                              Name(ctx, l.function)),
                  LineLocation(ctx, l), function, l.function);
    }
  }
}

// Names compare equal when they differ only in half- or full-width brackets or spaces, as
// printed documents mix 维修(护)费 and 维修（护）费.
bool SameName(std::string a, std::string b) {
  if (a == b) return true;
  auto normalize = [](std::string s) {
    for (const auto& [from, to] :
         {std::pair<std::string, std::string>{"(", "（"}, {")", "）"}, {" ", ""}}) {
      for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) {
        s.replace(p, from.size(), to);
      }
    }
    return s;
  };
  return normalize(std::move(a)) == normalize(std::move(b));
}

// Former names of a code from the catalog's change list.
std::vector<std::string> FormerNames(const CheckContext& ctx, const std::string& code) {
  std::vector<std::string> out;
  for (const CodeChange* c : ctx.d.catalog->ChangesOf(code)) {
    if (c->change == "renamed" && !c->old_name.empty()) out.push_back(c->old_name);
  }
  return out;
}

// A declared cell's table, row and column, and their hash: CLS-002 counts hundreds of them.
using CellKey = std::tuple<std::string_view, std::string_view, std::string_view>;
struct CellKeyHash {
  size_t operator()(const CellKey& k) const {
    const std::hash<std::string_view> h;
    return (h(std::get<0>(k)) * 31 + h(std::get<1>(k))) * 31 + h(std::get<2>(k));
  }
};

// Calls check(code, name, where_of) for each code that a declared figure prints with a name:
// the code rows of the tables and the 科目 figures of the text. where_of() makes the location,
// which only a finding needs.
template <typename Check>
void ForEachNamedCode(const CheckContext& ctx, const Check& check) {
  for (const auto& c : ctx.d.declared.cells) {
    if (IsCodeLike(c.row)) check(c.row, c.name, [&] { return CellLocation(ctx, c); });
  }
  for (const auto& f : ctx.d.declared.text) {
    if (f.key.rfind("class.", 0) == 0 || f.key.rfind("economic.", 0) == 0) {
      check(f.key.substr(f.key.find('.') + 1), f.name, [&] { return TextLocation(ctx, f); });
    }
  }
}

}  // namespace

void RegisterClassificationRules(std::vector<Rule>* out) {
  out->push_back(Make(
      "CLS-001", Severity::kError, "公开表中的科目编码存在于当年科目目录", "使用当年有效的科目编码",
      kCatalog, [](const CheckContext& ctx, Emitter& emit) {
        for (const auto& c : ctx.d.declared.cells) {
          if (!IsCodeLike(c.row)) continue;
          bool economic = c.table == table_id::kGeneralBasicExpenditure ||
                          c.table == table_id::kFinalGeneralBasic;
          bool found = economic ? ctx.d.catalog->FindEconomic(c.row) != nullptr
                                : ctx.d.catalog->FindFunction(c.row) != nullptr;
          if (!found) {
            emit.Report(fmt::format("科目编码{}不在{}年{}中", c.row, ctx.d.year,
                                    economic ? "部门预算支出经济分类科目" : "支出功能分类科目"),
                        CellLocation(ctx, c));
          }
        }
      }));
  out->push_back(Make(
      "CLS-002", Severity::kError, "公开表中同一科目编码不重复列示",
      "类、款、项应分级列示，各行使用各自的编码；下级科目误用上级编码会使汇总无法核对", kCatalog,
      [](const CheckContext& ctx, Emitter& emit) {
        // Views of the declared cells' own strings.
        std::unordered_map<CellKey, int, CellKeyHash> seen;
        std::set<std::pair<std::string_view, std::string_view>> reported;  // once per row
        for (const auto& c : ctx.d.declared.cells) {
          if (!IsCodeLike(c.row)) continue;
          if (++seen[{c.table, c.row, c.column}] == 2 && reported.insert({c.table, c.row}).second) {
            emit.Report(fmt::format("编码{}在{}中出现在多行，下级科目应使用各自的编码", c.row,
                                    ctx.TableName(c.table)),
                        CellLocation(ctx, c));
          }
        }
      }));
  out->push_back(Make(
      "CLS-003", Severity::kError, "科目名称与编码相符（按当年科目目录）",
      "科目名称应与当年目录一致", kCatalog, [](const CheckContext& ctx, Emitter& emit) {
        std::set<std::string> reported;
        // `where_of` makes the location, wanted only for a finding.
        auto check = [&](const std::string& code, const std::string& name, const auto& where_of) {
          std::string expected = Name(ctx, code);
          if (expected.empty() || name.empty() || SameName(name, expected)) return;
          const Location where = where_of();
          if (!reported.insert(where.table + "|" + code).second) return;  // once per row
          auto former = FormerNames(ctx, code);
          if (std::find(former.begin(), former.end(), name) != former.end()) return;  // CLS-004
          // A child's name under the parent's code is CLS-002's finding.
          for (const auto& l : ctx.d.lines) {
            if (l.function.rfind(code, 0) == 0 && Name(ctx, l.function) == name) return;
          }
          emit.Report(fmt::format("编码{}在{}年科目中为「{}」，此处写作「{}」", code, ctx.d.year,
                                  expected, name),
                      where, expected, name);
        };
        ForEachNamedCode(ctx, check);
      }));
  out->push_back(Make(
      "CLS-004", Severity::kWarning, "使用了已更名的旧科目名称",
      "科目更名后应使用当年名称（如“医疗卫生与计划生育支出”自2019年起为“卫生健康支出”）", kCatalog,
      [](const CheckContext& ctx, Emitter& emit) {
        auto check = [&](const std::string& code, const std::string& name, const auto& where_of) {
          for (const CodeChange* c : ctx.d.catalog->ChangesOf(code)) {
            if (c->change == "renamed" && c->old_name == name) {
              emit.Report(
                  fmt::format("「{}」是{}的旧名称，{}年起已更名为「{}」", name, code, c->year,
                              Name(ctx, code).empty() ? c->new_name : Name(ctx, code)),
                  where_of(), Name(ctx, code), name);
            }
          }
        };
        ForEachNamedCode(ctx, check);
      }));
  out->push_back(
      Make("CLS-005", Severity::kError, "项目支出不得列入“行政运行”“事业运行”项",
           "行政运行、事业运行项反映基本支出；项目支出应列入一般行政管理事务等项", kCatalog,
           [](const CheckContext& ctx, Emitter& emit) {
             // One finding per 运行 item, naming its projects: a department that files its projects
             // under 行政运行 made one mistake, however many projects it filed there.
             std::map<std::string, int> reported;
             std::vector<std::string> codes;
             std::map<std::string, std::vector<const ExpenditureLine*>> filed;
             for (const auto& l : ctx.d.lines) {
               if (!l.is_project() || l.function.size() != 7) continue;
               std::string tail = l.function.substr(5);
               if (tail != "01" && tail != "50") continue;
               std::string name = Name(ctx, l.function);
               if (name != "行政运行" && name != "事业运行") continue;
               if (reported[l.project_id]++) continue;  // once per project
               if (!filed.count(l.function)) codes.push_back(l.function);
               filed[l.function].push_back(&l);
             }
             for (const auto& code : codes) {
               const auto& lines = filed[code];
               std::vector<std::string> names;
               for (const ExpenditureLine* l : lines) {
                 const Project* p = ctx.d.FindProject(l->project_id);
                 names.push_back(fmt::format("「{}」", p ? p->name : l->project_id));
               }
               emit.Report(fmt::format("项目{}{}列入{} {}（基本支出科目），应列入{}02 "
                                       "一般行政管理事务等项目支出科目",
                                       fmt::join(names, "、"),
                                       lines.size() > 1 ? fmt::format("共{}个", lines.size()) : "",
                                       code, Name(ctx, code), code.substr(0, 5)),
                           LineLocation(ctx, *lines[0]));
               for (size_t k = 1; k < lines.size(); ++k) emit.Relate(LineLocation(ctx, *lines[k]));
             }
           }));
  out->push_back(Make(
      "CLS-006", Severity::kWarning, "基本支出宜列入“行政运行”“事业运行”“机关服务”或专门的项",
      "一般行政管理事务项反映未单独设置项级科目的项目支出", kCatalog,
      [](const CheckContext& ctx, Emitter& emit) {
        for (const auto& l : ctx.d.lines) {
          if (!l.is_basic() || Name(ctx, l.function) != "一般行政管理事务") continue;
          emit.Report(fmt::format("基本支出列入{} 一般行政管理事务（项目支出科目）", l.function),
                      LineLocation(ctx, l));
        }
      }));
  out->push_back(Make(
      "CLS-007", Severity::kError, "基本养老保险缴费：2080505 ↔ 30108",
      "机关事业单位基本养老保险缴费支出项只核算单位缴纳的基本养老保险费", kCatalog,
      [](const CheckContext& ctx, Emitter& emit) { Pair(ctx, emit, "2080505", {"30108"}, true); }));
  out->push_back(Make(
      "CLS-008", Severity::kError, "职业年金缴费：2080506 ↔ 30109",
      "机关事业单位职业年金缴费支出项只核算单位缴纳的职业年金", kCatalog,
      [](const CheckContext& ctx, Emitter& emit) { Pair(ctx, emit, "2080506", {"30109"}, true); }));
  out->push_back(Make(
      "CLS-009", Severity::kError, "住房公积金：2210201 ↔ 30113",
      "住房公积金项只核算单位为职工缴纳的住房公积金", kCatalog,
      [](const CheckContext& ctx, Emitter& emit) { Pair(ctx, emit, "2210201", {"30113"}, true); }));
  out->push_back(Make(
      "CLS-010", Severity::kWarning, "行政事业单位医疗项使用医疗保险类经济科目",
      "2101101–2101103 反映基本医疗保险缴费和公务员医疗补助", kCatalog,
      [](const CheckContext& ctx, Emitter& emit) {
        for (const char* f : {"2101101", "2101102", "2101103"}) {
          for (const auto& l : ctx.d.lines) {
            if (l.function != f) continue;
            if (l.economic != "30110" && l.economic != "30111" && l.economic != "30112" &&
                l.economic != "30307") {
              emit.Report(
                  fmt::format("{} {}的支出列入经济科目{} {}，应为30110/30111/30112等医疗保险类科目",
                              f, Name(ctx, f), l.economic, Name(ctx, l.economic)),
                  LineLocation(ctx, l));
            }
          }
        }
      }));
  out->push_back(Make(
      "CLS-011", Severity::kWarning, "人员类经济科目（301、303）不宜列入项目支出",
      "工资福利和对个人和家庭的补助属于人员经费，应在基本支出中安排",
      "财预〔2016〕143号；部门预算管理规定", [](const CheckContext& ctx, Emitter& emit) {
        for (const auto& l : ctx.d.lines) {
          if (!l.is_project()) continue;
          std::string c = l.economic.substr(0, 3);
          if (c == "301" || c == "303") {
            const Project* p = ctx.d.FindProject(l.project_id);
            emit.Report(fmt::format("项目「{}」使用人员类经济科目{} {}", p ? p->name : l.project_id,
                                    l.economic, Name(ctx, l.economic)),
                        LineLocation(ctx, l));
          }
        }
      }));
  out->push_back(Make(
      "CLS-012", Severity::kWarning, "人员经费/公用经费划分与经济科目相符",
      "人员经费为301、303类，公用经费为302类及基本支出中的资本性支出", "部门预算管理规定",
      [](const CheckContext& ctx, Emitter& emit) {
        for (const auto& l : ctx.d.lines) {
          if (!l.is_basic() || !l.class_explicit) continue;
          std::string c = l.economic.substr(0, 3);
          bool personnel_code = c == "301" || c == "303";
          if (personnel_code != (l.cost_class == CostClass::kPersonnel)) {
            emit.Report(
                fmt::format("经济科目{} {}标为{}，按科目应为{}", l.economic, Name(ctx, l.economic),
                            l.cost_class == CostClass::kPersonnel ? "人员经费" : "公用经费",
                            personnel_code ? "人员经费" : "公用经费"),
                LineLocation(ctx, l));
          }
        }
      }));
  out->push_back(
      Make("CLS-013", Severity::kError, "不得使用已停用的科目", "科目停用后应改用替代科目",
           kCatalog, [](const CheckContext& ctx, Emitter& emit) {
             std::set<std::string> done;
             auto check = [&](const std::string& code, const auto& where_of) {
               if (done.count(code)) return;
               for (const CodeChange* c : ctx.d.catalog->ChangesOf(code)) {
                 if (c->change != "retired") continue;
                 done.insert(code);
                 emit.Report(fmt::format("科目{}已于{}年停用{}{}", code, c->year,
                                         c->old_name.empty() ? "" : "（" + c->old_name + "）",
                                         c->replaced_by.empty() ? "" : "，应改用" + c->replaced_by),
                             where_of());
               }
             };
             for (const auto& l : ctx.d.lines) {
               check(l.function, [&] { return LineLocation(ctx, l); });
               check(l.economic, [&] { return LineLocation(ctx, l); });
             }
             // Printed documents may still show codes the catalog no longer has.
             for (const auto& c : ctx.d.declared.cells) {
               if (IsCodeLike(c.row)) check(c.row, [&] { return CellLocation(ctx, c); });
             }
             for (const auto& f : ctx.d.declared.text) {
               size_t dot = f.key.find('.');
               if (dot != std::string::npos && IsCodeLike(f.key.substr(dot + 1))) {
                 check(f.key.substr(dot + 1), [&] { return TextLocation(ctx, f); });
               }
             }
           }));
  out->push_back(
      Make("CLS-014", Severity::kWarning, "“行政运行”用于行政单位，“事业运行”用于事业单位",
           "行政运行反映行政单位（含参公事业单位）的基本支出，事业运行反映事业单位的基本支出",
           kCatalog, [](const CheckContext& ctx, Emitter& emit) {
             std::set<std::pair<std::string, std::string>> done;
             for (const auto& l : ctx.d.lines) {
               const Unit* u = ctx.d.FindUnit(l.unit_id);
               if (!u) continue;
               std::string name = Name(ctx, l.function);
               bool admin = u->kind == UnitKind::kAdministrative ||
                            u->kind == UnitKind::kCivilServantInstitution;
               bool wrong = (name == "行政运行" && u->kind == UnitKind::kInstitution) ||
                            (name == "事业运行" && admin);
               if (wrong && done.insert({l.unit_id, l.function}).second) {
                 emit.Report(fmt::format("{}（{}）的支出列入{} {}", u->name, UnitKindName(u->kind),
                                         l.function, name),
                             LineLocation(ctx, l));
               }
             }
           }));
  out->push_back(Make("CLS-015", Severity::kInfo, "基本支出中安排资本性支出（310）",
                      "设备购置等资本性支出一般通过项目安排", "部门预算管理规定",
                      [](const CheckContext& ctx, Emitter& emit) {
                        for (const auto& l : ctx.d.lines) {
                          if (l.is_basic() && l.economic.rfind("310", 0) == 0) {
                            emit.Report(
                                fmt::format("基本支出中安排了资本性支出{} {} {}万元", l.economic,
                                            Name(ctx, l.economic), Wan(l.amount)),
                                LineLocation(ctx, l));
                          }
                        }
                      }));
  out->push_back(
      Make("CLS-016", Severity::kWarning, "上缴上级支出、对附属单位补助支出应由事业单位安排",
           "两者是事业单位用财政拨款以外的收入上缴上级或补助附属单位的支出，行政单位不应有",
           "《事业单位财务规则》（财政部令第108号）", [](const CheckContext& ctx, Emitter& emit) {
             for (const auto& l : ctx.d.lines) {
               if (l.transfer == Transfer::kNone) continue;
               const Unit* unit = ctx.d.FindUnit(l.unit_id);
               if (!unit || unit->kind == UnitKind::kInstitution ||
                   unit->kind == UnitKind::kCivilServantInstitution) {
                 continue;
               }
               emit.Report(fmt::format("{}「{}」安排了{}{}万元", UnitKindName(unit->kind),
                                       unit->name, TransferName(l.transfer), Wan(l.amount)),
                           LineLocation(ctx, l));
             }
           }));
}

}  // namespace gongkai
