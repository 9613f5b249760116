#include "source/source_loader.h"

#include <fmt/format.h>
#include "base/utf8_text.h"
#include "source/final_accounts_loader.h"
#include "source/performance_loader.h"
#include "source/source_reader.h"
#include "source/yaml_tree.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <string_view>

namespace gongkai {

namespace {

std::vector<std::string> ToStrings(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  out.reserve(diagnostics.size());
  for (const auto& d : diagnostics) out.push_back(d.ToString());
  return out;
}

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string all;
  for (const auto& m : lines) all += m + "\n";
  if (!all.empty()) all.pop_back();
  return all;
}

}  // namespace

SourceError::SourceError(Diagnostics diagnostics)
    : std::runtime_error(JoinLines(ToStrings(diagnostics))),
      diagnostics_(std::move(diagnostics)),
      messages_(ToStrings(diagnostics_)) {
  for (const auto& d : diagnostics_) {
    if (d.cause == Diagnostic::Cause::kUnreadable) unreadable_ = true;
  }
}

Diagnostic SourceDiagnostic(DiagnosticLocation where, std::string message) {
  Diagnostic d;
  d.code = "source";
  d.where = std::move(where);
  d.message = std::move(message);
  return d;
}

Diagnostic UnreadableDiagnostic(std::string file, std::string message) {
  Diagnostic d;
  d.cause = Diagnostic::Cause::kUnreadable;
  d.code = "unreadable";
  d.where.file = std::move(file);
  d.message = std::move(message);
  return d;
}

namespace {

// Walks the YAML tree, filling a Department and collecting located errors.
class Loader : public SourceReader {
 public:
  Loader(std::string path, const CatalogProvider& catalogs)
      : SourceReader(std::move(path)), catalogs_(catalogs) {}

  Department Load(const std::string& text);
  // Scalars whose decoded text is not text (see utf8_text.h), each reported at its node.
  void CheckScalars(const YamlTree& tree, Diagnostics* errors) const;

 private:
  void LoadDepartment(const YamlNode& n);
  void LoadStaffing(const YamlNode& n);
  ExpenditureLine LoadLine(const YamlNode& n, const std::string& what, bool allow_class,
                           const std::set<std::string>& more_keys = {});
  void LoadTransfers(const YamlNode& n);
  void LoadProjects(const YamlNode& n);
  Comparison LoadComparison(const YamlNode& n, const std::string& what);
  void LoadPriorYear(const YamlNode& n);
  void LoadThreePublic(const YamlNode& n);
  void LoadAttribution(const YamlNode& p, const std::string& what, std::string* function,
                       std::string* economic, std::string* unit_id, std::string* project_id);
  void LoadProcurement(const YamlNode& n);
  void LoadPurchaseServices(const YamlNode& n);
  void LoadAssets(const YamlNode& n);
  void LoadContact(const YamlNode& n);
  void LoadNotes(const YamlNode& n);
  void LoadDeclared(const YamlNode& n);
  void LoadPublished(const YamlNode& n);
  void LoadNarrative(const YamlNode& n);
  void PlacePublishedCells();

  // Validation that needs the catalog or the whole file.
  void CheckFunction(const std::string& code, const YamlNode& at, const std::string& what);
  void CheckEconomic(const std::string& code, const YamlNode& at, const std::string& what);
  void CheckFund(const std::string& fund, const YamlNode& at, const std::string& what);
  void ResolveReferences();

  const CatalogProvider& catalogs_;
  Department d_;
  // References to check once everything is read: (node, what, id).
  struct Ref {
    YamlNode node;
    std::string what, id;
  };
  std::vector<Ref> unit_refs_, project_refs_;
};

void Loader::CheckFunction(const std::string& code, const YamlNode& at, const std::string& what) {
  if (!d_.catalog) return;
  const FunctionSubject* s = d_.catalog->FindFunction(code);
  if (!s) {
    Error(at, fmt::format("{}：功能分类科目「{}」不在{}年支出功能分类科目中", what, Excerpt(code),
                          d_.year));
  } else if (s->level() != FunctionLevel::kItem) {
    Error(at, fmt::format("{}：功能分类科目「{} {}」是{}级科目，支出应列到项级（7位）", what, code,
                          s->name, s->level() == FunctionLevel::kClass ? "类" : "款"));
  }
}

void Loader::CheckEconomic(const std::string& code, const YamlNode& at, const std::string& what) {
  if (!d_.catalog) return;
  const EconomicSubject* s = d_.catalog->FindEconomic(code);
  if (!s) {
    Error(at, fmt::format("{}：经济分类科目「{}」不在{}年部门预算支出经济分类科目中", what,
                          Excerpt(code), d_.year));
  } else if (s->is_class()) {
    Error(at, fmt::format("{}：经济分类科目「{} {}」是类级科目，支出应列到款级（5位）", what, code,
                          s->name));
  }
}

void Loader::CheckFund(const std::string& fund, const YamlNode& at, const std::string& what) {
  if (!d_.catalog) return;
  if (!d_.catalog->FindRevenueSource(fund)) {
    std::string ids;
    for (const auto& s : d_.catalog->revenue_sources()) ids += (ids.empty() ? "" : ", ") + s.id;
    Error(at, fmt::format("{}：未知的资金来源「{}」（可用：{}）", what, Excerpt(fund), ids));
  }
}

void Loader::LoadDepartment(const YamlNode& n) {
  if (!ExpectMap(
          n, "department",
          {"name", "short_name", "code", "region", "year", "functions", "composition", "units"})) {
    return;
  }
  // A published document may not state its department or year (published.unread says so),
  // and never lists its budget units: none is required of it.
  if (!d_.published.present) RequireKeys(n, "department", {"name", "year", "units"});
  d_.name = d_.published.present ? Text(n["name"], "department.name")
                                 : NonEmptyText(n, "name", "department.name");
  d_.short_name = Text(n["short_name"], "department.short_name");
  d_.code = Text(n["code"], "department.code");
  if (const auto& r = n["region"]) {
    if (ExpectMap(r, "department.region", {"code", "name"})) {
      d_.region_code = Text(r["code"], "department.region.code");
      d_.region_name = Text(r["name"], "department.region.name");
    }
  }
  if (n["year"]) d_.year = Year(n["year"], "department.year");
  d_.functions = Text(n["functions"], "department.functions");
  d_.composition = Text(n["composition"], "department.composition");
  if (d_.year != 0) {
    try {
      d_.catalog = catalogs_(d_.year);
    } catch (const std::exception& e) {
      // A published document has no 科目 to look up: a year without a bundled catalog is no
      // error for it.
      if (!d_.published.present) Error(n["year"], e.what());
    }
  }
  const YamlNode units = n["units"];
  if (units && ExpectList(units, "department.units")) {
    std::set<std::string> ids;
    for (const auto& u : units) {
      if (!ExpectMap(u, "预算单位", {"id", "name", "kind"})) continue;
      RequireKeys(u, "预算单位", {"id", "name"});
      Unit unit;
      unit.id = NonEmptyText(u, "id", "预算单位 id");
      unit.name = NonEmptyText(u, "name", "预算单位 name");
      unit.where = Where(u);
      std::string kind = Text(u["kind"], "预算单位 kind");
      if (kind.empty() || kind == "行政单位") {
        unit.kind = UnitKind::kAdministrative;
      } else if (kind == "参公事业单位" || kind == "参照公务员法管理事业单位") {
        unit.kind = UnitKind::kCivilServantInstitution;
      } else if (kind == "事业单位") {
        unit.kind = UnitKind::kInstitution;
      } else if (kind == "其他") {
        unit.kind = UnitKind::kOther;
      } else {
        Error(u["kind"],
              fmt::format("预算单位类型「{}」无效（可用：行政单位、参公事业单位、事业单位、其他）",
                          Excerpt(kind)));
      }
      if (!unit.id.empty() && !ids.insert(unit.id).second) {
        Error(u["id"], fmt::format("预算单位 id「{}」重复", Excerpt(unit.id)));
      }
      d_.units.push_back(unit);
    }
    if (d_.units.empty()) Error(units, "department.units 至少要有一个预算单位");
  }
}

void Loader::LoadStaffing(const YamlNode& n) {
  if (!ExpectMap(n, "staffing", {"authorized", "actual", "actual_note", "retired"})) return;
  d_.staffing.present = true;
  d_.staffing.authorized = CountMap(n["authorized"], "staffing.authorized");
  d_.staffing.actual = CountMap(n["actual"], "staffing.actual");
  d_.staffing.actual_note = Text(n["actual_note"], "staffing.actual_note");
  d_.staffing.retired = CountMap(n["retired"], "staffing.retired");
}

ExpenditureLine Loader::LoadLine(const YamlNode& n, const std::string& what, bool allow_class,
                                 const std::set<std::string>& more_keys) {
  ExpenditureLine line;
  line.where = Where(n);
  // The keys a line may have: the usual two sets are made once, not for every line.
  static const std::set<std::string> kKeys = {"function", "economic", "amount",
                                              "unit",     "fund",     "carryover"};
  static const std::set<std::string> kKeysWithClass = [] {
    std::set<std::string> keys = kKeys;
    keys.insert("class");
    return keys;
  }();
  const std::set<std::string>* keys = allow_class ? &kKeysWithClass : &kKeys;
  std::set<std::string> more;
  if (!more_keys.empty()) {
    more = *keys;
    more.insert(more_keys.begin(), more_keys.end());
    keys = &more;
  }
  if (!ExpectMap(n, what, *keys)) return line;
  RequireKeys(n, what, {"function", "economic", "amount"});
  line.function = Text(n["function"], what + " function");
  line.economic = Text(n["economic"], what + " economic");
  if (n["amount"]) line.amount = Amount(n["amount"], what + " amount");  // missing: RequireKeys
  if (n["function"]) CheckFunction(line.function, n["function"], what);
  if (n["economic"]) CheckEconomic(line.economic, n["economic"], what);
  if (n["unit"]) {
    line.unit_id = Text(n["unit"], what + " unit");
    unit_refs_.push_back({n["unit"], what, line.unit_id});
  }
  if (n["fund"]) {
    line.fund = Text(n["fund"], what + " fund");
    CheckFund(line.fund, n["fund"], what);
    if (d_.catalog) {
      if (const RevenueSource* s = d_.catalog->FindRevenueSource(line.fund)) line.fund = s->id;
    }
  }
  line.carryover = Boolean(n["carryover"], what + " carryover");
  // Default class from the economic 类: 301 工资福利, 303 对个人和家庭的补助 are 人员经费.
  std::string prefix = line.economic.substr(0, 3);
  line.cost_class =
      (prefix == "301" || prefix == "303") ? CostClass::kPersonnel : CostClass::kPublic;
  if (allow_class && n["class"]) {
    std::string c = Text(n["class"], what + " class");
    line.class_explicit = true;
    if (c == "personnel" || c == "人员经费") {
      line.cost_class = CostClass::kPersonnel;
    } else if (c == "public" || c == "公用经费") {
      line.cost_class = CostClass::kPublic;
    } else {
      Error(n["class"],
            fmt::format("{} class「{}」无效（可用：personnel、public）", what, Excerpt(c)));
    }
  }
  return line;
}

// 上缴上级支出 and 对附属单位补助支出: lines with a `type`, paid from income other than 财政拨款
// (the budget rules define both as spending of a 事业单位's own income).
void Loader::LoadTransfers(const YamlNode& n) {
  if (!ExpectList(n, "transfers")) return;
  int index = 0;
  for (const auto& t : n) {
    std::string what = fmt::format("第{}条上缴上级或对附属单位补助支出", ++index);
    if (t.IsMap()) RequireKeys(t, what, {"type"});
    ExpenditureLine line = LoadLine(t, what, false, {"type"});
    if (!t.IsMap() || !t["type"]) continue;
    std::string type = Text(t["type"], what + " type");
    if (type == "to_superior" || type == "上缴上级" || type == "上缴上级支出") {
      line.transfer = Transfer::kToSuperior;
    } else if (type == "to_affiliates" || type == "对附属单位补助" ||
               type == "对附属单位补助支出") {
      line.transfer = Transfer::kToAffiliates;
    } else {
      Error(t["type"], fmt::format("{} type「{}」无效（可用：to_superior 上缴上级支出、"
                                   "to_affiliates 对附属单位补助支出）",
                                   what, Excerpt(type)));
      continue;
    }
    if (line.fund == "general" || line.fund == "fund" || line.fund == "soe") {
      Error(t["fund"] ? t["fund"] : t,
            fmt::format("{}：{}只能由财政拨款以外的收入安排（fund 应为 business、operating、"
                        "other 等，不能是 {}）",
                        what, TransferName(line.transfer), line.fund));
    }
    d_.lines.push_back(line);
  }
}

void Loader::LoadProjects(const YamlNode& n) {
  if (!ExpectList(n, "projects")) return;
  std::set<std::string> ids;
  int index = 0;
  for (const auto& p : n) {
    ++index;
    std::string what = fmt::format("第{}个项目", index);
    if (!ExpectMap(
            p, what,
            {"id", "code", "name", "unit", "category", "purpose", "performance_goals", "lines"})) {
      continue;
    }
    RequireKeys(p, what, {"id", "name", "lines"});
    Project project;
    project.id = NonEmptyText(p, "id", what + " id");
    project.code = Text(p["code"], what + " code");
    project.name = NonEmptyText(p, "name", what + " name");
    project.category = Category(p["category"], what + " category", false);
    project.purpose = Text(p["purpose"], what + " purpose");
    project.where = Where(p);
    if (p["performance_goals"]) {
      project.performance_goals = Boolean(p["performance_goals"], what + " performance_goals");
    }
    if (!project.name.empty()) what = "项目「" + Excerpt(project.name) + "」";
    if (p["unit"]) {
      project.unit_id = Text(p["unit"], what + " unit");
      unit_refs_.push_back({p["unit"], what, project.unit_id});
    }
    if (!project.id.empty() && !ids.insert(project.id).second) {
      Error(p["id"], fmt::format("项目 id「{}」重复", Excerpt(project.id)));
    }
    if (const auto& lines = p["lines"]; lines && ExpectList(lines, what + " lines")) {
      for (const auto& l : lines) {
        ExpenditureLine line = LoadLine(l, what + "的支出行", false);
        line.project_id = project.id;
        line.cost_class = CostClass::kProject;
        if (line.unit_id.empty()) line.unit_id = project.unit_id;
        d_.lines.push_back(line);
      }
    }
    d_.projects.push_back(project);
  }
}

Comparison Loader::LoadComparison(const YamlNode& n, const std::string& what) {
  Comparison c;
  c.where = Where(n);
  if (!ExpectMap(n, what, {"amount", "reason"})) return c;
  RequireKeys(n, what, {"amount"});
  if (n["amount"]) c.amount = Amount(n["amount"], what + " amount");
  c.reason = Text(n["reason"], what + " reason");
  return c;
}

void Loader::LoadPriorYear(const YamlNode& n) {
  std::set<std::string> keys(ComparisonKeys().begin(), ComparisonKeys().end());
  keys.insert("year");
  if (!ExpectMap(n, "prior_year", keys)) return;
  if (n["year"]) d_.prior_year = Year(n["year"], "prior_year.year");
  for (const auto& key : ComparisonKeys()) {
    if (!n[key]) continue;
    // 会议费 and 培训费 are stated by a 决算 only (final_accounts.meeting, training).
    if ((key == "meeting" || key == "training") && d_.kind != DocumentKind::kFinalAccounts) {
      Error(n[key], fmt::format("prior_year.{} 只用于决算（kind: 决算）：上年决算的{}", key,
                                key == "meeting" ? "会议费" : "培训费"));
      continue;
    }
    d_.comparisons[key] = LoadComparison(n[key], "prior_year." + key);
  }
}

void Loader::LoadThreePublic(const YamlNode& n) {
  if (!ExpectMap(n, "three_public", {"scope", "units", "prior_year"})) return;
  d_.three_public.scope = Text(n["scope"], "three_public.scope");
  if (const auto& units = n["units"]; units && ExpectList(units, "three_public.units")) {
    for (const auto& u : units) d_.three_public.units.push_back(Text(u, "three_public.units"));
  }
  if (const auto& py = n["prior_year"]) {
    std::set<std::string> keys(ThreePublicKeys().begin(), ThreePublicKeys().end());
    if (ExpectMap(py, "three_public.prior_year", keys)) {
      for (const auto& key : ThreePublicKeys()) {
        if (py[key]) {
          d_.three_public.prior_year[key] =
              LoadComparison(py[key], "three_public.prior_year." + key);
        }
      }
    }
  }
}

// The optional function / economic codes and unit / project references of an item that is
// attributed to budget lines (政府采购, 政府购买服务).
void Loader::LoadAttribution(const YamlNode& p, const std::string& what, std::string* function,
                             std::string* economic, std::string* unit_id, std::string* project_id) {
  if (p["function"]) {
    *function = Text(p["function"], what);
    CheckFunction(*function, p["function"], what);
  }
  if (p["economic"]) {
    *economic = Text(p["economic"], what);
    CheckEconomic(*economic, p["economic"], what);
  }
  if (p["unit"]) {
    *unit_id = Text(p["unit"], what);
    unit_refs_.push_back({p["unit"], what, *unit_id});
  }
  if (p["project"]) {
    *project_id = Text(p["project"], what);
    project_refs_.push_back({p["project"], what, *project_id});
  }
}

void Loader::LoadProcurement(const YamlNode& n) {
  if (!ExpectList(n, "procurement")) return;
  int index = 0;
  for (const auto& p : n) {
    std::string what = fmt::format("第{}条政府采购", ++index);
    if (!ExpectMap(p, what,
                   {"item", "type", "project", "quantity", "amount", "catalog", "function",
                    "economic", "fund", "unit", "sme", "small_micro"})) {
      continue;
    }
    RequireKeys(p, what, {"item", "type", "amount"});
    ProcurementItem item;
    item.where = Where(p);
    item.item = Text(p["item"], what + " item");
    item.type = Text(p["type"], what + " type");
    if (p["type"] && item.type != "goods" && item.type != "works" && item.type != "service") {
      Error(p["type"],
            fmt::format("{} type「{}」无效（可用：goods 货物、works 工程、service 服务）", what,
                        Excerpt(item.type)));
    }
    if (p["amount"]) item.amount = Amount(p["amount"], what + " amount");
    item.quantity = DecimalText(p["quantity"], what + " quantity");
    item.catalog = Text(p["catalog"], what + " catalog");
    item.sme = Fraction(p["sme"], what + " sme");
    item.small_micro = Fraction(p["small_micro"], what + " small_micro");
    // 小微企业 are a part of 中小企业: their share is one of the item's 中小企业 share.
    if (!item.small_micro.empty()) {
      auto part = Decimal::Parse(item.small_micro), whole = Decimal::Parse(item.sme);
      if (item.sme.empty()) {
        Error(p["small_micro"],
              fmt::format("{} small_micro（小微企业份额）须与 sme（中小企业份额）一同填写：小微企业"
                          "是中小企业的一部分",
                          what));
      } else if (part && whole && *part > *whole && *part <= Decimal::FromInt(1)) {
        Error(p["small_micro"],
              fmt::format("{} small_micro（小微企业份额）{}大于 sme（中小企业份额）{}：小微企业是"
                          "中小企业的一部分",
                          what, item.small_micro, item.sme));
      }
    }
    LoadAttribution(p, what, &item.function, &item.economic, &item.unit_id, &item.project_id);
    if (p["fund"]) {
      item.fund = Text(p["fund"], what);
      CheckFund(item.fund, p["fund"], what);
    }
    d_.procurement.push_back(item);
  }
}

void Loader::LoadPurchaseServices(const YamlNode& n) {
  if (!ExpectList(n, "purchase_services")) return;
  int index = 0;
  for (const auto& p : n) {
    std::string what = fmt::format("第{}条政府购买服务", ++index);
    if (!ExpectMap(p, what,
                   {"directory", "content", "amount", "project", "function", "economic", "unit"})) {
      continue;
    }
    RequireKeys(p, what, {"content", "amount"});
    PurchaseService s;
    s.where = Where(p);
    if (const auto& dir = p["directory"]; dir && ExpectList(dir, what + " directory")) {
      for (const auto& level : dir) s.directory.push_back(Text(level, what + " directory"));
    }
    s.content = Text(p["content"], what + " content");
    if (p["amount"]) s.amount = Amount(p["amount"], what + " amount");
    LoadAttribution(p, what, &s.function, &s.economic, &s.unit_id, &s.project_id);
    d_.purchase_services.push_back(s);
  }
}

void Loader::LoadAssets(const YamlNode& n) {
  if (!ExpectMap(n, "assets", {"as_of", "vehicles", "floor_area"})) return;
  d_.assets.present = true;
  d_.assets.as_of = Date(n["as_of"], "assets.as_of");
  d_.assets.vehicles = CountMap(n["vehicles"], "assets.vehicles");
  d_.assets.floor_area = DecimalText(n["floor_area"], "assets.floor_area");
}

void Loader::LoadContact(const YamlNode& n) {
  if (!ExpectMap(n, "contact", {"address", "person", "phone"})) return;
  d_.contact.present = true;
  d_.contact.address = Text(n["address"], "contact.address");
  d_.contact.person = Text(n["person"], "contact.person");
  d_.contact.phone = Text(n["phone"], "contact.phone");
}

void Loader::LoadNotes(const YamlNode& n) {
  static const std::set<std::string> kSections = {"一", "二", "三", "四", "五",
                                                  "六", "七", "八", "九"};
  if (!ExpectMap(n, "notes", kSections)) return;
  for (const auto& entry : n.entries()) {
    d_.notes[entry.key.Scalar()] = Text(entry.value, "notes." + entry.key.Scalar());
  }
}

void Loader::LoadDeclared(const YamlNode& n) {
  if (!ExpectMap(
          n, "declared",
          {"tables_present", "sections", "glossary", "empty_without_note", "text", "cells"})) {
    return;
  }
  Declared& dec = d_.declared;
  dec.present = true;
  if (n["tables_present"]) {
    dec.has_tables = true;
    dec.tables = TextList(n["tables_present"], "declared.tables_present");
  }
  dec.sections = TextList(n["sections"], "declared.sections");
  if (n["glossary"]) {
    dec.has_glossary = true;
    dec.glossary = TextList(n["glossary"], "declared.glossary");
  }
  dec.empty_without_note = TextList(n["empty_without_note"], "declared.empty_without_note");
  auto optional_amount = [&](const YamlNode& v, const std::string& what, bool* blank) {
    std::optional<Money> out;
    if (!v) return out;
    const std::string s = Text(v, what);  // empty for a null; reports a mapping or a list
    if (v.IsNull() || (v.IsScalar() && s.empty())) {
      if (blank) *blank = true;
      return out;
    }
    std::string why;
    auto m = Money::Parse(s, MoneyUnit::kWan, &why);
    if (!m) {
      Error(v, fmt::format("{}：{}", what, why));
    } else {
      out = *m;
    }
    return out;
  };
  // An item ("declared.cells 第3项") and one of its fields ("declared.cells 第3项 row") as
  // messages name them, written into buffers reused from item to item: a source declares
  // hundreds of figures, and the names are read only for an error.
  std::string what, field;
  auto of = [&](const char* name) -> const std::string& {
    field.assign(what).append(name);
    return field;
  };
  if (const auto& text = n["text"]; text && ExpectList(text, "declared.text")) {
    int index = 0;
    for (const auto& t : text) {
      what.assign("declared.text 第").append(std::to_string(++index)).append("项");
      if (!ExpectMap(t, what,
                     {"key", "at", "amount", "prior", "change", "direction", "percent", "share",
                      "name", "year", "number", "reason", "text", "budget", "adjusted",
                      "completion", "adjusted_completion"})) {
        continue;
      }
      RequireKeys(t, what, {"key"});
      DeclaredFigure f;
      f.key = Text(t["key"], of(" key"));
      f.at = Text(t["at"], of(" at"));
      f.amount = optional_amount(t["amount"], of(" amount"), &f.amount_blank);
      f.prior = optional_amount(t["prior"], of(" prior"), nullptr);
      f.change = optional_amount(t["change"], of(" change"), nullptr);
      f.direction = Text(t["direction"], of(" direction"));
      if (!f.direction.empty() && f.direction != "增加" && f.direction != "减少" &&
          f.direction != "持平") {
        Error(t["direction"], fmt::format("{} direction「{}」无效（可用：增加、减少、持平）", what,
                                          Excerpt(f.direction)));
      }
      f.percent = DecimalText(t["percent"], of(" percent"));
      f.share = DecimalText(t["share"], of(" share"));
      f.name = Text(t["name"], of(" name"));
      if (t["year"]) f.year = Year(t["year"], of(" year"));
      if (t["number"]) f.number = Integer(t["number"], of(" number"), 0, 100000);
      if (t["reason"]) f.reason = Boolean(t["reason"], of(" reason"));
      f.text = Text(t["text"], of(" text"));
      // What a 决算 states beside its budget; a budget has no budget to compare with.
      for (const char* key : {"budget", "adjusted", "completion", "adjusted_completion"}) {
        if (t[key] && d_.kind != DocumentKind::kFinalAccounts) {
          Error(t[key], fmt::format("{} {} 只用于决算（kind: 决算）：预算的文字数字没有预算数可比",
                                    what, key));
        }
      }
      f.budget = optional_amount(t["budget"], of(" budget"), nullptr);
      f.adjusted = optional_amount(t["adjusted"], of(" adjusted"), nullptr);
      f.completion = DecimalText(t["completion"], of(" completion"));
      f.adjusted_completion = DecimalText(t["adjusted_completion"], of(" adjusted_completion"));
      if (d_.published.present && f.amount) f.printed = Text(t["amount"], of(" amount"));
      f.line = t.line();
      f.column = t.column();
      dec.text.push_back(std::move(f));
    }
  }
  if (const auto& cells = n["cells"]; cells && ExpectList(cells, "declared.cells")) {
    int index = 0;
    for (const auto& c : cells) {
      what.assign("declared.cells 第").append(std::to_string(++index)).append("项");
      if (!ExpectMap(c, what, {"table", "row", "name", "column", "amount"})) continue;
      RequireKeys(c, what, {"table", "row", "amount"});
      DeclaredCell cell;
      cell.table = Text(c["table"], of(" table"));
      cell.row = Text(c["row"], of(" row"));
      cell.name = Text(c["name"], of(" name"));
      cell.column = Text(c["column"], of(" column"));
      bool blank = false;
      cell.amount = optional_amount(c["amount"], of(" amount"), &blank);
      cell.line = c.line();
      cell.column_pos = c.column();
      dec.cells.push_back(std::move(cell));
    }
  }
}

constexpr size_t kMaxPublishedColumns = 200, kMaxPublishedRows = 20000;

void Loader::LoadPublished(const YamlNode& n) {
  if (!ExpectMap(n, "published",
                 {"file", "identity_from_file_name", "unread", "tables", "narrative"})) {
    return;
  }
  PublishedSource& p = d_.published;
  p.present = true;
  p.file = Text(n["file"], "published.file");
  if (n["identity_from_file_name"]) {
    p.identity_from_file_name =
        Boolean(n["identity_from_file_name"], "published.identity_from_file_name");
  }
  p.unread = TextList(n["unread"], "published.unread");
  for (const auto& u : p.unread) {
    if (u != "kind" && u != "department" && u != "year") {
      Error(n["unread"],
            fmt::format("published.unread「{}」无效（可用：kind、department、year）", Excerpt(u)));
    }
  }
  LoadNarrative(n["narrative"]);
  const YamlNode tables = n["tables"];
  if (!tables || !ExpectList(tables, "published.tables")) return;
  std::set<std::string> keys;
  int index = 0;
  for (const auto& t : tables) {
    const std::string what = fmt::format("published.tables 第{}项", ++index);
    if (!ExpectMap(t, what,
                   {"key", "id", "title", "unit", "sides", "pages", "sheet", "columns", "rows"})) {
      continue;
    }
    RequireKeys(t, what, {"id"});
    PublishedTableLayout table;
    table.id = Text(t["id"], what + " id");
    table.key = t["key"] ? Text(t["key"], what + " key") : table.id;
    if (!keys.insert(table.key).second) {
      Error(t["key"] ? t["key"] : t["id"],
            fmt::format("{}：表「{}」重复（同一张表的第二份写 key: {}-2）", what,
                        Excerpt(table.key), Excerpt(table.id)));
    }
    table.title = Text(t["title"], what + " title");
    const std::string unit = t["unit"] ? Text(t["unit"], what + " unit") : "万元";
    if (unit != "万元" && unit != "元") {
      Error(t["unit"], fmt::format("{} unit「{}」无效（可用：万元、元）", what, Excerpt(unit)));
    }
    table.yuan = unit == "元";
    if (t["sides"]) table.sides = Integer(t["sides"], what + " sides", 1, 16);
    if (const auto& pages = t["pages"]; pages && ExpectList(pages, what + " pages")) {
      for (const auto& page : pages)
        table.pages.push_back(Integer(page, what + " pages", 1, 100000));
    }
    table.sheet = Text(t["sheet"], what + " sheet");
    // 收入 (the default) or 支出: the half of a two-sided table; in a table printed in parts
    // side by side (决算 基本支出表), the part counted from 0 at the left.
    auto side = [&](const YamlNode& v, const std::string& of) {
      if (!v) return 0;
      const std::string s = Text(v, of);
      if (s == "收入") return 0;
      if (s == "支出" && table.sides == 2) return 1;
      if (!s.empty() && s.size() <= 2 &&
          std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; }) &&
          std::stoi(s) < table.sides) {
        return std::stoi(s);
      }
      Error(v, fmt::format("{}「{}」无效（{}）", of, Excerpt(s),
                           table.sides == 2 ? "可用：收入、支出"
                                            : fmt::format("可用：0 到 {}", table.sides - 1)));
      return 0;
    };
    if (const auto& columns = t["columns"]; columns && ExpectList(columns, what + " columns")) {
      for (const auto& c : columns) {
        const std::string of = what + " columns";
        if (!ExpectMap(c, of, {"path", "name", "side"})) continue;
        PublishedColumnLayout col;
        col.path = Text(c["path"], of + " path");
        const size_t slash = col.path.rfind('/');
        col.name = c["name"] ? Text(c["name"], of + " name")
                             : (slash == std::string::npos ? col.path : col.path.substr(slash + 1));
        col.side = side(c["side"], of + " side");
        table.columns.push_back(std::move(col));
      }
    }
    if (const auto& rows = t["rows"]; rows && ExpectList(rows, what + " rows")) {
      for (const auto& r : rows) {
        const std::string of = what + " rows";
        if (!ExpectMap(r, of, {"code", "name", "side", "total", "page"})) continue;
        PublishedRowLayout row;
        row.code = Text(r["code"], of + " code");
        row.name = Text(r["name"], of + " name");
        row.side = side(r["side"], of + " side");
        if (r["total"]) row.total = Boolean(r["total"], of + " total");
        if (r["page"]) row.page = Integer(r["page"], of + " page", 1, 100000);
        table.rows.push_back(std::move(row));
      }
    }
    // Published tables have tens of columns and hundreds of rows: far more is no document.
    if (table.columns.size() > kMaxPublishedColumns || table.rows.size() > kMaxPublishedRows) {
      Error(t, fmt::format("{}：列数（{}）或行数（{}）超过上限（{} 列、{} 行）", what,
                           table.columns.size(), table.rows.size(), kMaxPublishedColumns,
                           kMaxPublishedRows));
    }
    table.line = t.line();
    table.column = t.column();
    p.tables.push_back(std::move(table));
  }
}

constexpr size_t kMaxNarrativeLines = 2000;  // lines of one page

// published.narrative: the text pages, each `{page, lines: […]}`.
void Loader::LoadNarrative(const YamlNode& n) {
  if (!n || !ExpectList(n, "published.narrative")) return;
  int index = 0;
  for (const auto& page : n) {
    const std::string what = fmt::format("published.narrative 第{}项", ++index);
    if (!ExpectMap(page, what, {"page", "lines"})) continue;
    RequireKeys(page, what, {"page"});
    PublishedNarrativePage out;
    out.page = Integer(page["page"], what + " page", 1, 100000);
    if (const auto& lines = page["lines"]; lines && ExpectList(lines, what + " lines")) {
      for (const auto& line : lines) {
        out.lines.push_back(Text(line, what + " lines"));
        out.source_lines.push_back(line.line());
      }
    }
    if (out.lines.size() > kMaxNarrativeLines) {
      Error(page, fmt::format("{}：行数（{}）超过上限（{} 行）", what, out.lines.size(),
                              kMaxNarrativeLines));
    }
    d_.published.narrative.push_back(std::move(out));
  }
}

// Every declared cell of a published-document source has its table, row and column in the
// layout: a figure that fits none would be left out of every check without a word.
void Loader::PlacePublishedCells() {
  std::vector<UnplacedCell> unplaced;
  PlaceDeclaredCells(d_.declared, d_.published, &unplaced);
  for (const auto& u : unplaced) {
    const DeclaredCell& c = d_.declared.cells[u.cell];
    errors_.push_back(
        SourceDiagnostic({path_, c.line, c.column_pos, ""},
                         fmt::format("declared.cells 第{}项：{}", u.cell + 1, u.why)));
  }
}

void Loader::ResolveReferences() {
  for (const auto& r : unit_refs_) {
    if (!d_.FindUnit(r.id)) {
      Error(r.node,
            fmt::format("{}：预算单位「{}」未在 department.units 中定义", r.what, Excerpt(r.id)));
    }
  }
  for (const auto& r : project_refs_) {
    if (!d_.FindProject(r.id)) {
      Error(r.node, fmt::format("{}：项目「{}」未在 projects 中定义", r.what, Excerpt(r.id)));
    }
  }
  if (!d_.units.empty()) {
    for (auto& p : d_.projects) {
      if (p.unit_id.empty()) p.unit_id = d_.units.front().id;
    }
    for (auto& l : d_.lines) {
      if (l.unit_id.empty()) l.unit_id = d_.units.front().id;
    }
    for (auto& p : d_.procurement) {
      if (p.unit_id.empty()) p.unit_id = d_.units.front().id;
    }
    for (auto& s : d_.purchase_services) {
      if (s.unit_id.empty()) s.unit_id = d_.units.front().id;
    }
  }
  if (d_.prior_year == 0 && d_.year != 0) d_.prior_year = d_.year - 1;
  // Totals must be representable: summing every line must not overflow.
  Money total;
  for (const auto& l : d_.lines) {
    if (Money::FromFen(INT64_MAX) - total < l.amount) {
      errors_.push_back(SourceDiagnostic({l.where.file, l.where.line, l.where.column, ""},
                                         "金额合计溢出，超出可表示的范围"));
      break;
    }
    total += l.amount;
  }
}

void Loader::CheckScalars(const YamlTree& tree, Diagnostics* errors) const {
  // Only a double-quoted scalar has escapes: any other is the text's own bytes, already
  // checked, with at most line breaks folded into spaces.
  for (const YamlNode& node : tree.Scalars(YamlStyle::kDoubleQuoted)) {
    const std::string& value = node.Scalar();
    if (size_t bad = FirstNonTextByte(value); bad != std::string_view::npos) {
      errors->push_back(SourceDiagnostic(At(node), "文本" + NonTextMessage(value, bad)));
    }
  }
}

Department Loader::Load(const std::string& text) {
  if (size_t bad = FirstNonTextByte(text); bad != std::string_view::npos) {
    const TextPosition at = PositionOf(text, bad);
    throw SourceError(
        {SourceDiagnostic({path_, static_cast<int>(at.line), static_cast<int>(at.column), ""},
                          NonTextMessage(text, bad))});
  }
  if (text.size() > kMaxSourceBytes) {
    throw SourceError(
        {SourceDiagnostic({path_, 0, 0, ""}, fmt::format("源文件过大（{}字节），超过上限{} MiB",
                                                         text.size(), kMaxSourceBytes >> 20))});
  }
  // The parse refuses aliases, anchors, a second document and deep nesting as it reads.
  YamlTree tree;
  if (auto p = tree.Parse(text, kMaxSourceDepth, "源文件")) {
    throw SourceError({SourceDiagnostic({path_, p->line, p->column, ""},
                                        p->syntax ? "YAML 语法错误：" + p->message : p->message)});
  }
  const YamlNode root = tree.root();
  // Escapes ("\x01", "\uFFFF" in YAML, \u0001 in JSON) make characters that the bytes above
  // do not show: every scalar is checked again as it was decoded.
  Diagnostics bad_scalars;
  CheckScalars(tree, &bad_scalars);
  if (!bad_scalars.empty()) throw SourceError(bad_scalars);
  d_.source_path = path_;
  if (!root.IsMap()) {
    Error(root, "源文件的顶层应为键值映射（gongkai: 1, department: …）");
    throw SourceError(errors_);
  }
  ExpectMap(root, "顶层", {"gongkai",     "department",   "staffing",       "goals",
                           "basic",       "projects",     "transfers",      "year_end_balance",
                           "prior_year",  "three_public", "procurement",    "purchase_services",
                           "assets",      "contact",      "notes",          "declared",
                           "performance", "kind",         "final_accounts", "published"});
  RequireKeys(root, "源文件", {"gongkai", "department"});
  // A published document read back (audit --extract) holds its figures and its tables'
  // layout, never detail: read first, as it relaxes what the department must give.
  if (const auto& published = root["published"]) {
    LoadPublished(published);
    for (const char* key :
         {"staffing", "goals", "basic", "projects", "transfers", "year_end_balance", "prior_year",
          "three_public", "procurement", "purchase_services", "assets", "contact", "notes",
          "performance", "final_accounts"}) {
      if (root[key]) {
        Error(root[key], fmt::format("{} 不能用于公开文件读出的源文件（published）：它只记录公开"
                                     "文件印出的数字（declared），不含明细；请删除 {}，或删除 "
                                     "published 而写出完整的源文件",
                                     key, key));
      }
    }
  }
  if (root["gongkai"]) d_.format_version = Integer(root["gongkai"], "gongkai（格式版本）", 1, 1);
  if (const auto& kind = root["kind"]) {
    const std::string kind_text = Text(kind, "kind");
    if (auto k = ParseDocumentKind(kind_text)) {
      d_.kind = *k;
    } else {
      Error(kind, fmt::format("kind 应为 预算 或 决算，而不是「{}」", Excerpt(kind_text)));
    }
  }
  if (root["department"]) LoadDepartment(root["department"]);
  if (root["staffing"]) LoadStaffing(root["staffing"]);
  d_.goals = Text(root["goals"], "goals");
  if (const auto& basic = root["basic"]; basic && ExpectList(basic, "basic")) {
    int index = 0;
    for (const auto& l : basic) {
      d_.lines.push_back(LoadLine(l, fmt::format("第{}条基本支出", ++index), true));
    }
  }
  if (root["projects"]) LoadProjects(root["projects"]);
  if (root["transfers"]) LoadTransfers(root["transfers"]);
  if (const auto& yeb = root["year_end_balance"]; yeb && ExpectList(yeb, "year_end_balance")) {
    for (const auto& b : yeb) {
      if (!ExpectMap(b, "year_end_balance", {"fund", "amount"})) continue;
      RequireKeys(b, "year_end_balance", {"fund", "amount"});
      FundAmount fa{Text(b["fund"], "year_end_balance fund"), {}, Where(b)};
      if (b["fund"]) CheckFund(fa.fund, b["fund"], "year_end_balance");
      if (b["amount"]) fa.amount = Amount(b["amount"], "year_end_balance amount");
      d_.year_end_balance.push_back(fa);
    }
  }
  if (root["prior_year"]) LoadPriorYear(root["prior_year"]);
  if (root["three_public"]) LoadThreePublic(root["three_public"]);
  if (root["procurement"]) LoadProcurement(root["procurement"]);
  if (root["purchase_services"]) LoadPurchaseServices(root["purchase_services"]);
  if (root["assets"]) LoadAssets(root["assets"]);
  if (root["contact"]) LoadContact(root["contact"]);
  if (root["notes"]) LoadNotes(root["notes"]);
  if (root["declared"]) LoadDeclared(root["declared"]);
  if (d_.published.present) PlacePublishedCells();
  if (root["performance"]) {
    LoadPerformance(*this, root["performance"], d_.catalog.get(), &d_.performance);
    for (const auto& p : d_.performance.projects) {
      if (!p.project_id.empty() && !d_.FindProject(p.project_id)) {
        // Located at the line of its declaration (the model keeps no column).
        errors_.push_back(SourceDiagnostic(
            {path_, p.line, 0, ""}, fmt::format("项目申报表「{}」：项目「{}」未在 projects 中定义",
                                                Excerpt(p.name), Excerpt(p.project_id))));
      }
    }
  }
  if (d_.kind == DocumentKind::kFinalAccounts) {
    // What a 决算 does not publish (yet): refused rather than silently dropped. Its declared
    // figures are the tables' (cells, tables_present, empty_without_note) and the 情况说明's
    // (text, with the 决算's keys); sections and glossary are the budget's.
    if (const auto& perf = root["performance"]) {
      Error(perf, "performance 尚不支持用于决算（kind: 决算），请删除；绩效目标在决算中还没有实现");
    }
    if (const auto& dec = root["declared"]; dec && dec.IsMap()) {
      for (const char* key : {"sections", "glossary"}) {
        if (dec[key]) {
          Error(dec[key], fmt::format("declared.{} 尚不支持用于决算（kind: 决算），请删除；决算只"
                                      "核对表中数字（cells）、情况说明中的数字（text）和公开的"
                                      "表（tables_present、empty_without_note）",
                                      key));
        }
      }
    }
  }
  if (const auto& fa = root["final_accounts"]) {
    if (d_.kind != DocumentKind::kFinalAccounts) {
      Error(fa, "final_accounts 只用于决算：请在顶层写 kind: 决算");
    } else {
      LoadFinalAccounts(*this, fa, d_.catalog.get(), &d_.final_accounts);
    }
  }
  ResolveReferences();
  if (!errors_.empty()) throw SourceError(errors_);
  return std::move(d_);
}

}  // namespace

Department ParseSource(const std::string& text, const std::string& path,
                       const CatalogProvider& catalogs) {
  Loader loader(path, catalogs);
  return loader.Load(text);
}

namespace {

// Why a file could not be opened or read, in Chinese where the reason is a common one, with the
// system's own words after it.
std::string OpenFailure(int error) {
  const char* why = nullptr;
  switch (error) {
    case ENOENT:
      why = "文件不存在";
      break;
    case EACCES:
    case EPERM:
      why = "没有读取权限";
      break;
    case ELOOP:
      why = "符号链接层数过多（可能是循环链接）";
      break;
    case ENAMETOOLONG:
      why = "路径过长";
      break;
    case ENOTDIR:
      why = "路径中有一部分不是目录";
      break;
    case EMFILE:
    case ENFILE:
      why = "打开的文件过多";
      break;
    case EIO:
      why = "读取出错（输入输出错误）";
      break;
    default:
      break;
  }
  return why ? fmt::format("{}（{}）", why, std::strerror(error)) : std::strerror(error);
}

// Reads a source file: a regular file of at most kMaxSourceBytes. The type is checked on the
// open file, before anything is read: a FIFO is opened without waiting for a writer, and a
// device such as /dev/zero, which never ends, is never read.
std::string ReadSourceFile(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0)
    throw SourceError({UnreadableDiagnostic(path, "无法打开文件：" + OpenFailure(errno))});
  struct Closer {
    int fd;
    ~Closer() { close(fd); }
  } closer{fd};
  struct stat st;
  if (fstat(fd, &st) != 0) {
    throw SourceError({UnreadableDiagnostic(path, "无法读取文件：" + OpenFailure(errno))});
  }
  if (S_ISDIR(st.st_mode)) throw SourceError({UnreadableDiagnostic(path, "是目录，不是源文件")});
  if (!S_ISREG(st.st_mode)) {
    throw SourceError(
        {UnreadableDiagnostic(path, "不是普通文件（是设备、管道或套接字），不能作为源文件读取")});
  }
  auto too_big = [&] {
    return SourceError({UnreadableDiagnostic(
        path, fmt::format("文件过大（{:.1f} MiB），源文件最大为{} MiB",
                          static_cast<double>(st.st_size) / (1 << 20), kMaxSourceBytes >> 20))});
  };
  if (static_cast<uintmax_t>(st.st_size) > kMaxSourceBytes) throw too_big();
  // Read to the end, but never more than the limit: the file may have grown since fstat.
  std::string text;
  char buffer[65536];
  for (;;) {
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      throw SourceError({UnreadableDiagnostic(path, "读取文件出错：" + OpenFailure(errno))});
    }
    if (n == 0) break;
    text.append(buffer, static_cast<size_t>(n));
    if (text.size() > kMaxSourceBytes) {
      st.st_size = static_cast<off_t>(text.size());
      throw too_big();
    }
  }
  return text;
}

}  // namespace

Department LoadSource(const std::string& path, const CatalogProvider& catalogs) {
  return ParseSource(ReadSourceFile(path), path, catalogs);
}

CatalogProvider MakeCatalogProvider(const std::string& data_dir,
                                    std::vector<std::string> overlays) {
  auto cache = std::make_shared<std::map<int, std::shared_ptr<const Catalog>>>();
  auto mutex = std::make_shared<std::mutex>();
  return [=](int year) {
    std::lock_guard<std::mutex> lock(*mutex);
    auto it = cache->find(year);
    if (it != cache->end()) return it->second;
    auto catalog = Catalog::Load(data_dir, year, overlays);
    (*cache)[year] = catalog;
    return catalog;
  };
}

}  // namespace gongkai
