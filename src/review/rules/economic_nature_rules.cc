// 科目分类, the nature of what is bought: a purchase or service whose name says what it is (复印机,
// 印刷, 评审 …) should carry a 经济分类 that fits it — procurement items, purchased services and
// the 支出明细测算 lines of the 项目申报表 alike. The keyword table is data
// (review/economic_items.h); a keyword only speaks when it matches, so an item named otherwise
// is never guessed at, and each keyword lists every 款 that can fit it.
#include <fmt/format.h>

#include "review/rule_support.h"

namespace gongkai {
namespace {

using namespace rules;

const RuleFamily Make{"科目分类", Both(), {DocumentKind::kBudget, DocumentKind::kFinalAccounts}};

std::string Describe(const Catalog& catalog, const std::string& code) {
  const EconomicSubject* s = catalog.FindEconomic(code);
  return s ? code + " " + s->name : code;
}

std::string WithFullWidthBrackets(std::string s) {
  for (auto [from, to] : {std::pair<std::string, std::string>{"(", "（"}, {")", "）"}}) {
    for (size_t p; (p = s.find(from)) != std::string::npos;) s.replace(p, 1, to);
  }
  return s;
}

// The 经济分类 as written: a 款 or 类 code, or a name (a 项目申报表 often names it: 商品和服务支出,
// 办公费). The subject, or null when unknown. Names are looked up over the codes the catalog
// has (类 301–399, then their 款), the lowest code first (30902 before 31002 办公设备购置); only
// items a keyword matched get here, so the walk is rare.
const EconomicSubject* Resolve(const Catalog& catalog, const std::string& economic) {
  if (economic.empty()) return nullptr;
  if (const EconomicSubject* s = catalog.FindEconomic(economic)) return s;
  const std::string name = WithFullWidthBrackets(economic);
  for (int c = 301; c <= 399; ++c) {
    const EconomicSubject* cls = catalog.FindEconomic(std::to_string(c));
    if (!cls) continue;
    if (cls->name == name) return cls;
    for (int k = 1; k <= 99; ++k) {
      const EconomicSubject* s = catalog.FindEconomic(fmt::format("{}{:02}", c, k));
      if (s && s->name == name) return s;
    }
  }
  return nullptr;
}

// Whether `subject` (a 款, or a 类 when only the class is written) fits one of `codes`.
bool Fits(const EconomicSubject& subject, const std::vector<std::string>& codes) {
  for (const auto& c : codes) {
    if (subject.is_class() ? c.substr(0, 3) == subject.code : c == subject.code) return true;
  }
  return false;
}

bool IsCapital(const std::string& code) {
  return code.rfind("31", 0) == 0 || code.rfind("309", 0) == 0;
}

// The unit price in 元 when quantity is a plain positive number; nullopt otherwise.
std::optional<int64_t> UnitPriceYuan(Money amount, const std::string& quantity) {
  if (quantity.empty()) return std::nullopt;
  int64_t n = 0;
  for (char c : quantity) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
    if (n > 1000000) return std::nullopt;
  }
  if (n == 0) return std::nullopt;
  return amount.fen() / 100 / n;
}

struct Item {
  std::string text, economic;
  Money amount;
  std::string quantity;
  Location where;
};

void Check(const CheckContext& ctx, Emitter& emit, const Item& item) {
  if (item.economic.empty()) return;
  auto matches = ctx.economic_items->Match(item.text);
  if (matches.empty()) return;
  const EconomicSubject* subject = Resolve(*ctx.d.catalog, item.economic);
  if (!subject) return;
  for (const auto* m : matches) {
    if (Fits(*subject, m->codes)) return;
  }
  const EconomicItem& m = *matches.front();
  // Equipment below the fixed-asset threshold is an office expense (办公费) after all.
  if (IsCapital(m.codes.front())) {
    auto price = UnitPriceYuan(item.amount, item.quantity);
    if (price && *price < ctx.config.Number("threshold.fixed_asset_yuan", 1000)) return;
  }
  std::vector<std::string> codes;
  for (const auto& c : m.codes) codes.push_back(Describe(*ctx.d.catalog, c));
  std::string written =
      subject->code == item.economic ? Describe(*ctx.d.catalog, subject->code) : item.economic;
  emit.Report(fmt::format("「{}」含「{}」，宜列{}（{}），现列{}", item.text, m.keyword,
                          fmt::join(codes, "、"), m.reason, written),
              item.where, codes.front(), written);
}

}  // namespace

void RegisterEconomicNatureRules(std::vector<Rule>* out) {
  out->push_back(Make(
      "CLS-017", Severity::kWarning, "采购、服务和支出明细的经济分类与其性质相符",
      "复印机、打印机等达到固定资产标准的设备列31002办公设备购置而非30201办公费，印刷服务列30202印"
      "刷费，"
      "评审、咨询列委托业务费、咨询费或劳务费……（常见品目与经济分类对照表 "
      "data/check/common/economic_items.csv）",
      "当年《政府收支分类科目》部门预算支出经济分类科目说明",
      [](const CheckContext& ctx, Emitter& emit) {
        if (!EconomicItemsOrReport(ctx, emit)) return;
        for (const auto& p : ctx.d.procurement) {
          Location where = ctx.At(p.where, "procurement");
          where.table = "政府采购预算";
          Check(ctx, emit, {p.item, p.economic, p.amount, p.quantity, where});
        }
        for (const auto& s : ctx.d.purchase_services) {
          std::string text = s.content;
          for (const auto& level : s.directory) text += " " + level;
          Location where = ctx.At(s.where, "purchase_services");
          where.table = "政府购买服务预算";
          Check(ctx, emit, {text, s.economic, s.amount, "", where});
        }
        for (const auto& p : ctx.d.performance.projects) {
          for (const auto& detail : p.details) {
            Location where = ctx.At(p.line, 1, "项目申报表「" + p.name + "」支出明细测算");
            where.table = "项目申报表（含绩效目标）";
            Check(ctx, emit, {detail.content, detail.economic, detail.amount, "", where});
          }
        }
      }));
}

}  // namespace gongkai
