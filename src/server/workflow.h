// The review chain a submission goes through, and who may move it:
//
//   编制 ──submit──▶ 主管部门审核 ──approve──▶ 财政审核 ──approve──▶ 已批复 ──publish──▶ 已公开
//     ▲                   │ return                  │ return
//     └── 已退回 ◀────────┴─────────────────────────┘     (已退回 ──submit──▶ 主管部门审核)
//
// submit: 单位填报人 (own department) or 管理员; approve and return: 主管部门审核人 (own
// department) at 主管部门审核, 财政审核人 at 财政审核; publish: 财政审核人 or 管理员. A returned
// version may be submitted again as it is (with explanations answering the reasons), or a
// corrected source uploaded as a new version (a new submission in 编制) and submitted; the
// returned one then stays 已退回. Every version is immutable; only its transitions grow.
#ifndef GONGKAI_SERVER_WORKFLOW_H_
#define GONGKAI_SERVER_WORKFLOW_H_

#include <optional>
#include <string>

namespace gongkai::server {

inline constexpr const char* kStateDraft = "编制";
inline constexpr const char* kStateDepartmentReview = "主管部门审核";
inline constexpr const char* kStateFinanceReview = "财政审核";
inline constexpr const char* kStateReturned = "已退回";
inline constexpr const char* kStateApproved = "已批复";
inline constexpr const char* kStatePublished = "已公开";

bool IsState(const std::string& state);

enum class Action { kSubmit, kApprove, kReturn, kPublish };
const char* ActionName(Action a);  // 提交, 审核通过/批复, 退回, 公开 (as the history shows)

// Whether `role` takes part in `action` at all (otherwise 403).
bool RoleMay(const std::string& role, Action action);

// Where `action` by `role` takes a submission in `state`, or nullopt when that state does not
// allow it (409). Assumes RoleMay.
std::optional<std::string> NextState(const std::string& role, Action action,
                                     const std::string& state);

// The history's name of a step: approve is 审核通过 at 主管部门审核, 批复 at 财政审核.
std::string StepName(Action action, const std::string& from_state);

}  // namespace gongkai::server

#endif  // GONGKAI_SERVER_WORKFLOW_H_
