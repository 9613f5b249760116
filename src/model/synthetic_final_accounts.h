// Deterministic synthetic final accounts (决算) for tests and benchmarks: the 决算 of a synthetic
// budget, consistent by construction (income equals spending by 功能 项 and fund, balances
// close, “三公” 决算数 equal the lines' economic 款, every 项 that differs from its 年初预算 has a
// reason), so that every generated 决算 must check clean.
#ifndef GONGKAI_MODEL_SYNTHETIC_FINAL_ACCOUNTS_H_
#define GONGKAI_MODEL_SYNTHETIC_FINAL_ACCOUNTS_H_

#include <cstdint>
#include <string>

#include "model/department.h"

namespace gongkai {

// The 决算 of `budget` (a budget, with its catalog): each line spent at 90–102% of its budget,
// naming `budget_file` as its budget. Same seed, same 决算.
Department MakeSyntheticFinalAccounts(const Department& budget, uint64_t seed,
                                      const std::string& budget_file);

}  // namespace gongkai

#endif  // GONGKAI_MODEL_SYNTHETIC_FINAL_ACCOUNTS_H_
