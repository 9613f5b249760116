// Reads the `final_accounts:` section of a 决算 source (docs/source-format.md, "Final
// accounts") into the model: income by 功能 项 and source, the balances, “三公” 预算数/决算数
// with their counts, the reasons for differences from the budget, and the budget it belongs
// to (a source path, resolved by the engine, or 年初预算 given inline per 项).
#ifndef GONGKAI_SOURCE_FINAL_ACCOUNTS_LOADER_H_
#define GONGKAI_SOURCE_FINAL_ACCOUNTS_LOADER_H_

#include "model/final_accounts.h"
#include "refdata/catalog.h"
#include "source/source_reader.h"

namespace gongkai {

void LoadFinalAccounts(SourceReader& reader, const YamlNode& n, const Catalog* catalog,
                       FinalAccounts* out);

}  // namespace gongkai

#endif  // GONGKAI_SOURCE_FINAL_ACCOUNTS_LOADER_H_
