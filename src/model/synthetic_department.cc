#include "model/synthetic_department.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <random>

namespace gongkai {
namespace {

class Random {
 public:
  explicit Random(uint64_t seed) : engine_(seed) {}
  int Int(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(engine_); }
  // An amount between lo and hi 万元, exact to the 元.
  Money Amount(int64_t lo_wan, int64_t hi_wan) {
    int64_t yuan = std::uniform_int_distribution<int64_t>(lo_wan * 10000, hi_wan * 10000)(engine_);
    return Money::FromFen(yuan * 100);
  }

 private:
  std::mt19937_64 engine_;
};

// Function 项 of administration (款 20101 … 20138) that exist in the catalog.
std::vector<std::string> AdministrationSections(const Catalog& c) {
  std::vector<std::string> out;
  for (const char* code : {"20103", "20104", "20105", "20106", "20107", "20108", "20111", "20113",
                           "20126", "20129", "20131", "20132", "20133", "20138"}) {
    if (c.FindFunction(std::string(code) + "01") && c.FindFunction(std::string(code) + "02")) {
      out.push_back(code);
    }
  }
  return out;
}

}  // namespace

Department MakeSyntheticDepartment(uint64_t seed, std::shared_ptr<const Catalog> catalog) {
  Random r(seed * 7919 + 17);
  Department d;
  d.catalog = catalog;
  d.year = catalog->year();
  d.prior_year = d.year - 1;
  auto sections = AdministrationSections(*catalog);
  std::string section = sections.empty() ? "20103" : sections[seed % sections.size()];
  d.name = fmt::format("示例区第{}号部门", seed);
  d.code = fmt::format("{:03}", seed % 1000);
  d.region_code = "420100";
  d.region_name = "示例区";
  d.functions = "负责本部门职责范围内的各项工作。\n\n承办区委、区政府交办的其他事项。";
  d.goals = "围绕年度重点工作，保障机构正常运转，完成各项工作任务。";
  int unit_count = r.Int(1, 4);
  for (int i = 0; i < unit_count; ++i) {
    d.units.push_back({fmt::format("u{}", i),
                       i == 0 ? d.name + "机关" : fmt::format("{}下属单位{}", d.name, i),
                       i == 0
                           ? UnitKind::kAdministrative
                           : (i % 2 ? UnitKind::kCivilServantInstitution : UnitKind::kInstitution),
                       {}});
  }
  d.staffing.present = true;
  int staff = r.Int(10, 120);
  d.staffing.authorized = {{"行政编制", staff / 2}, {"事业编制", staff - staff / 2}};
  d.staffing.actual = {{"行政编制", staff / 2 - 1}, {"事业编制", staff - staff / 2 - 1}};
  d.staffing.retired = {{"离休", 0}, {"退休", r.Int(0, 40)}};
  auto line = [&](const std::string& unit, const std::string& function, const std::string& economic,
                  Money amount, CostClass cls, const std::string& project) {
    ExpenditureLine l;
    l.unit_id = unit;
    l.function = function;
    l.economic = economic;
    l.amount = amount;
    l.cost_class = cls;
    l.project_id = project;
    d.lines.push_back(l);
  };
  // Personnel spending scales with the staff: about 10–25万元 a head across all units.
  int64_t per_unit_staff = std::max(1, staff / unit_count);
  bool vehicles = r.Int(0, 2) != 0;
  for (auto& u : d.units) {
    // 事业单位 need a 款 with a 事业运行 项; otherwise the unit is 参公.
    if (u.kind == UnitKind::kInstitution && !catalog->FindFunction(section + "50")) {
      u.kind = UnitKind::kCivilServantInstitution;
    }
    bool admin = u.kind != UnitKind::kInstitution;
    std::string run = section + (admin ? "01" : "50");
    for (const char* econ : {"30101", "30102", "30103", "30107", "30199"}) {
      line(u.id, run, econ, r.Amount(per_unit_staff, per_unit_staff * 3), CostClass::kPersonnel,
           "");
    }
    line(u.id, "2080505", "30108", r.Amount(per_unit_staff, per_unit_staff * 2),
         CostClass::kPersonnel, "");
    line(u.id, admin ? "2101101" : "2101102", "30110", r.Amount(1, per_unit_staff),
         CostClass::kPersonnel, "");
    line(u.id, "2210201", "30113", r.Amount(1, per_unit_staff), CostClass::kPersonnel, "");
    line(u.id, run, "30302", r.Amount(0, 10), CostClass::kPersonnel, "");
    for (const char* econ : {"30201", "30202", "30205", "30206", "30207", "30211", "30215", "30216",
                             "30228", "30229", "30239", "30299"}) {
      line(u.id, run, econ, r.Amount(0, 40), CostClass::kPublic, "");
    }
    if (vehicles) line(u.id, run, "30231", r.Amount(1, 20), CostClass::kPublic, "");
    if (r.Int(0, 2) == 0) line(u.id, run, "30217", r.Amount(0, 5), CostClass::kPublic, "");
    if (!admin) {
      // A 事业单位's own income: 事业收入 spent on its work, sometimes 经营收入 spent on its
      // business (事业单位经营支出) and a transfer to its superior or its affiliates.
      line(u.id, run, "30201", r.Amount(1, 30), CostClass::kPublic, "");
      d.lines.back().fund = "business";
      if (r.Int(0, 2) == 0) {
        line(u.id, run, "30299", r.Amount(1, 20), CostClass::kPublic, "");
        d.lines.back().fund = "operating";
      }
      if (r.Int(0, 2) == 0) {
        line(u.id, run, "39999", r.Amount(1, 10), CostClass::kPublic, "");
        d.lines.back().fund = "business";
        d.lines.back().transfer = r.Int(0, 1) ? Transfer::kToSuperior : Transfer::kToAffiliates;
      }
    }
  }
  // Transfers after the basic lines, as a loaded source has them.
  std::stable_partition(d.lines.begin(), d.lines.end(),
                        [](const ExpenditureLine& l) { return l.transfer == Transfer::kNone; });
  int projects = r.Int(1, 12);
  for (int i = 0; i < projects; ++i) {
    Project p;
    p.id = fmt::format("p{}", i);
    p.code = fmt::format("4201{:06}T{:08}", seed % 1000000, i);
    p.name = fmt::format("专项工作经费{}", i + 1);
    p.unit_id = d.units[i % d.units.size()].id;
    p.category = "特定目标类";
    p.purpose = "用于开展专项业务工作。";
    d.projects.push_back(p);
    int n = r.Int(1, 4);
    for (int k = 0; k < n; ++k) {
      static const char* kEcon[] = {"30201", "30202", "30215", "30216", "30226", "30227", "30299"};
      line(p.unit_id, section + "02", kEcon[r.Int(0, 6)], r.Amount(1, 150), CostClass::kProject,
           p.id);
    }
  }
  // Prior year: each figure moved by up to ±15 %, with a reason.
  Money personnel, public_, project, operating, vehicle_operation, reception;
  for (const auto& l : d.lines) {
    (l.cost_class == CostClass::kPersonnel ? personnel
     : l.cost_class == CostClass::kPublic  ? public_
                                           : project) += l.amount;
    const Unit* u = d.FindUnit(l.unit_id);
    // 机关运行经费: 公用经费 of 行政 and 参公 units.
    if (l.cost_class == CostClass::kPublic && u && u->kind != UnitKind::kInstitution)
      operating += l.amount;
    if (l.economic == "30231") vehicle_operation += l.amount;
    if (l.economic == "30217") reception += l.amount;
  }
  auto before = [&](Money now) {
    int64_t pct = r.Int(85, 115);
    return Money::FromFen(now.fen() / 10000 * 100 * pct);  // whole 元 × pct %
  };
  Money bp = before(personnel), bu = before(public_), bj = before(project);
  d.comparisons["general"] = {bp + bu + bj, "人员、公用经费和项目支出均有调整。", {}};
  d.comparisons["personnel"] = {bp, "人员变动及工资调整。", {}};
  d.comparisons["public"] = {bu, "按标准核定公用经费。", {}};
  d.comparisons["project"] = {bj, "项目安排调整。", {}};
  d.comparisons["operating_expenses"] = {before(operating), "按标准核定机关运行经费。", {}};
  // "三公" last year a little higher: they are cut, not raised.
  d.three_public.prior_year["outbound"] = {Money(), "没有安排因公出国（境）活动。", {}};
  d.three_public.prior_year["vehicle_purchase"] = {Money(), "没有计划购置公务用车。", {}};
  d.three_public.prior_year["vehicle_operation"] = {
      vehicle_operation + Money::FromWan(1), "压减公务用车运行维护费。", {}};
  d.three_public.prior_year["reception"] = {
      reception + Money::FromWan(1), "严格控制公务接待。", {}};
  if (d.units.size() > 1)
    d.three_public.scope = fmt::format("机关及下属{}个二级单位", d.units.size() - 1);
  if (!d.projects.empty()) {
    // The first project's purchase, named after what its first line buys, and its purpose
    // listing its lines with their total: prose the review rules read (CLS-017, TXT-013).
    Project& first = d.projects[0];
    std::vector<const ExpenditureLine*> own;
    for (const auto& l : d.lines) {
      if (l.project_id == first.id) own.push_back(&l);
    }
    static const std::map<std::string, std::string> kServiceOf = {
        {"30201", "办公用品"},
        {"30202", "宣传资料印刷服务"},
        {"30215", "会议服务"},
        {"30216", "业务培训服务"},
        {"30226", "劳务服务"},
        {"30227", "项目评审服务"},
        {"30299", "信息系统运行维护服务"}};
    ProcurementItem item;
    auto named = kServiceOf.find(own.front()->economic);
    item.item = named == kServiceOf.end() ? "信息系统运行维护服务" : named->second;
    item.type = own.front()->economic == "30201" ? "goods" : "service";
    item.project_id = first.id;
    item.unit_id = first.unit_id;
    item.amount = d.ProjectAmount(first.id);
    item.function = section + "02";
    item.economic = own.front()->economic;
    d.procurement.push_back(item);
    if (own.size() >= 2) {
      std::string parts;
      for (const auto* l : own) {
        const EconomicSubject* e = catalog->FindEconomic(l->economic);
        parts += fmt::format("{}{}{}万元", parts.empty() ? "" : "、", e ? e->name : l->economic,
                             l->amount.ExactWan());
      }
      first.purpose += fmt::format("本项目安排{}万元，其中：{}。", item.amount.ExactWan(), parts);
    }
  }
  d.assets.present = true;
  d.assets.as_of = fmt::format("{}-12-31", d.prior_year);
  d.assets.vehicles = {{"一般公务用车", vehicles ? r.Int(1, 8) : 0}};
  d.contact = {"示例区行政中心", "张三", "027-12345678", true};
  return d;
}

}  // namespace gongkai
