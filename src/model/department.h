// One department's budget for one fiscal year: the single source of truth.
//
// The model holds only what a person enters (lines, texts, last year's figures, reasons).
// Every total, share and change of the disclosure is derived from it by build/, so the
// published package cannot disagree with itself. Each element remembers where in the source
// file it came from, so that later stages can point at it.
#ifndef GONGKAI_MODEL_DEPARTMENT_H_
#define GONGKAI_MODEL_DEPARTMENT_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/decimal.h"
#include "base/money.h"
#include "model/declared.h"
#include "model/document_kind.h"
#include "model/final_accounts.h"
#include "model/goals.h"
#include "refdata/catalog.h"

namespace gongkai {

struct SourceLocation {
  std::string file;
  int line = 0;    // 1-based; 0 = unknown
  int column = 0;  // 1-based
  std::string ToString() const;
};

enum class UnitKind { kAdministrative, kCivilServantInstitution, kInstitution, kOther };
const char* UnitKindName(UnitKind kind);  // 行政单位, 参公事业单位, 事业单位, 其他

struct Unit {
  std::string id;
  std::string name;
  UnitKind kind = UnitKind::kAdministrative;
  SourceLocation where;
};

enum class CostClass { kPersonnel, kPublic, kProject };  // 人员经费, 公用经费, 项目支出

// 上缴上级支出 and 对附属单位补助支出: what 事业单位 pay to their superior or to their affiliated
// units out of income other than 财政拨款. Neither 基本支出 nor 项目支出: 支出总表 has a column
// for each.
enum class Transfer { kNone, kToSuperior, kToAffiliates };
const char* TransferName(Transfer t);  // 上缴上级支出, 对附属单位补助支出 ("" for kNone)

struct ExpenditureLine {
  std::string unit_id;
  std::string function;          // 功能分类 项
  std::string economic;          // 部门预算经济分类 款
  std::string fund = "general";  // revenue source id
  bool carryover = false;        // paid from 上年结转
  CostClass cost_class = CostClass::kPublic;
  bool class_explicit = false;  // `class:` was written in the source
  std::string project_id;       // empty for 基本支出 and transfers
  Transfer transfer = Transfer::kNone;
  Money amount;
  SourceLocation where;
  bool is_basic() const { return project_id.empty() && transfer == Transfer::kNone; }
  bool is_project() const { return !project_id.empty(); }
};

struct Project {
  std::string id;
  std::string code;
  std::string name;
  std::string unit_id;
  std::string category;  // 运转类 / 特定目标类 …
  std::string purpose;
  bool performance_goals = true;
  SourceLocation where;
};

// Last year's figure for one comparison and the stated reason for the change.
struct Comparison {
  Money amount;
  std::string reason;
  SourceLocation where;
};

struct FundAmount {
  std::string fund;
  Money amount;
  SourceLocation where;
};

struct ProcurementItem {
  std::string item;
  std::string type;  // goods | works | service
  std::string project_id;
  std::string quantity;  // decimal text, may be empty
  Money amount;
  std::string catalog;  // 采购品目 code (A…/B…/C…)
  std::string function, economic, fund = "general", unit_id;
  std::string sme;  // share for SMEs, decimal text 0–1, may be empty
  // The part of it for 小微企业 (small and micro enterprises), a share of the amount too:
  // 0 ≤ small_micro ≤ sme, given only with sme; may be empty.
  std::string small_micro;
  SourceLocation where;
};

struct PurchaseService {
  std::vector<std::string> directory;  // 指导目录 一级/二级/三级
  std::string content;
  Money amount;
  std::string project_id, function, economic, unit_id;
  SourceLocation where;
};

using Counts = std::vector<std::pair<std::string, int>>;  // ordered kind → count

struct Staffing {
  Counts authorized;
  Counts actual;
  std::string actual_note;
  Counts retired;
  bool present = false;
};

struct Assets {
  std::string as_of;  // YYYY-MM-DD
  Counts vehicles;
  std::string floor_area;  // m², decimal text
  bool present = false;
};

struct Contact {
  std::string address, person, phone;
  bool present = false;
};

struct ThreePublic {
  std::string scope;
  std::vector<std::string> units;
  // outbound, vehicle_purchase, vehicle_operation, reception
  std::map<std::string, Comparison> prior_year;
};

struct Department {
  int format_version = 1;
  DocumentKind kind = DocumentKind::kBudget;  // final accounts: issue 14
  std::string name, short_name, code, region_code, region_name;
  int year = 0;
  std::string functions;    // 主要职能
  std::string composition;  // 预算单位构成
  std::vector<Unit> units;
  Staffing staffing;
  std::string goals;
  std::vector<ExpenditureLine> lines;  // basic lines first, then each project's, then transfers
  std::vector<Project> projects;
  std::vector<FundAmount> year_end_balance;
  int prior_year = 0;
  // total, general, basic, personnel, public, project, fund, operating_expenses
  std::map<std::string, Comparison> comparisons;
  ThreePublic three_public;
  std::vector<ProcurementItem> procurement;
  std::vector<PurchaseService> purchase_services;
  Assets assets;
  Contact contact;
  std::map<std::string, std::string> notes;  // section number (一…九) → text
  Declared declared;                         // figures as printed elsewhere, for checking
  Performance performance;                   // 绩效目标
  FinalAccounts final_accounts;              // kind == kFinalAccounts only
  // A published document read back (audit --extract): no detail, only its declared figures
  // and its tables' layout (model/declared.h). Such a source is checked, not rendered.
  PublishedSource published;

  std::string source_path;
  // For a source read from a workbook: the cell ("支出明细!G5") each line of the intermediate
  // YAML came from, so that locations can be reported as cells (index = line number).
  std::vector<std::string> line_cells;
  std::shared_ptr<const Catalog> catalog;

  const std::string& display_name() const { return short_name.empty() ? name : short_name; }
  const Unit* FindUnit(const std::string& id) const;
  const Project* FindProject(const std::string& id) const;
  Money ProjectAmount(const std::string& project_id) const;
};

// The 中小企业 share of procurement items, read here only, for the 政府采购 table (面向中小企业预留
// 比例), the 授予中小企业合同金额 of the 决算's text and the review of what a text says about it.
// An item's share (`sme`, a fraction 0–1 with at most 6 decimals, checked by the loader); nullopt
// when it gives none.
std::optional<Decimal> SmeShare(const ProcurementItem& p);
// Σ amount × share over the items that give a share, each to the nearest fen; nullopt when no
// item gives one.
std::optional<Money> SmeAmount(const std::vector<ProcurementItem>& items);
// The 小微企业 part likewise (授予小微企业合同金额 / 预留给小微企业): an item's `small_micro`
// share, only beside its `sme`; Σ amount × small_micro over the items that give one, nullopt
// when none does.
std::optional<Decimal> SmallMicroShare(const ProcurementItem& p);
std::optional<Money> SmallMicroAmount(const std::vector<ProcurementItem>& items);
// An item's share as a percentage with two decimals ("40.00"), "" when it gives none.
std::string SmePercent(const ProcurementItem& p);

// Keys allowed in prior_year / three_public.prior_year, in display order.
const std::vector<std::string>& ComparisonKeys();
const std::vector<std::string>& ThreePublicKeys();
// The 支出项目类别 a project may have (projects[].category, 项目申报表 category), in the order
// a list offers them.
const std::vector<std::string>& ProjectCategories();

}  // namespace gongkai

#endif  // GONGKAI_MODEL_DEPARTMENT_H_
