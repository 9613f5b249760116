// The workflow's states and who may move a submission between them (workflow.h).
#include "server/workflow.h"

#include "server/auth.h"

namespace gongkai::server {

bool IsState(const std::string& state) {
  for (const char* s : {kStateDraft, kStateDepartmentReview, kStateFinanceReview, kStateReturned,
                        kStateApproved, kStatePublished}) {
    if (state == s) return true;
  }
  return false;
}

const char* ActionName(Action a) {
  switch (a) {
    case Action::kSubmit:
      return "提交";
    case Action::kApprove:
      return "审核通过";
    case Action::kReturn:
      return "退回";
    case Action::kPublish:
      return "公开";
  }
  return "";
}

bool RoleMay(const std::string& role, Action action) {
  switch (action) {
    case Action::kSubmit:
      return MaySubmit(role);
    case Action::kApprove:
    case Action::kReturn:
      return role == kRoleDepartmentReviewer || role == kRoleReviewer;
    case Action::kPublish:
      return MayPublish(role);
  }
  return false;
}

std::optional<std::string> NextState(const std::string& role, Action action,
                                     const std::string& state) {
  switch (action) {
    case Action::kSubmit:
      if (state == kStateDraft || state == kStateReturned) return kStateDepartmentReview;
      break;
    case Action::kApprove:
    case Action::kReturn: {
      // Each reviewer acts at its own stage only.
      const char* stage =
          role == kRoleDepartmentReviewer ? kStateDepartmentReview : kStateFinanceReview;
      if (state != stage) break;
      if (action == Action::kReturn) return kStateReturned;
      return role == kRoleDepartmentReviewer ? kStateFinanceReview : kStateApproved;
    }
    case Action::kPublish:
      if (state == kStateApproved) return kStatePublished;
      break;
  }
  return std::nullopt;
}

std::string StepName(Action action, const std::string& from_state) {
  if (action == Action::kApprove && from_state == kStateFinanceReview) return "批复";
  return ActionName(action);
}

}  // namespace gongkai::server
