// How each stored enum is written: its name from the domain, parsed back with the value a
// row that holds an unknown name reads as (a row written by hand or by a newer version).
#pragma once

#include "domain/case.hpp"
#include "domain/notice_routing.hpp"
#include "domain/notification.hpp"
#include "domain/org_unit.hpp"
#include "domain/role.hpp"
#include "storage/sql/column_table.hpp"

namespace minqing::storage {

template <typename Enum, std::string_view (*Name)(Enum),
          std::optional<Enum> (*Parse)(std::string_view), Enum Fallback>
struct EnumTextOf {
    static constexpr auto kName = Name;
    static constexpr auto kParse = Parse;
    static constexpr Enum kFallback = Fallback;
};

// clang-format off
template <> struct EnumText<domain::OrgKind> : EnumTextOf<domain::OrgKind, &domain::OrgKindName, &domain::ParseOrgKind, domain::OrgKind::kDivision> {};
template <> struct EnumText<domain::OrgLevel> : EnumTextOf<domain::OrgLevel, &domain::OrgLevelName, &domain::ParseOrgLevel, domain::OrgLevel::kCity> {};
template <> struct EnumText<domain::Role> : EnumTextOf<domain::Role, &domain::RoleName, &domain::ParseRole, domain::Role::kCadre> {};
template <> struct EnumText<domain::NotificationChannel> : EnumTextOf<domain::NotificationChannel, &domain::NotificationChannelName, &domain::ParseNotificationChannel, domain::NotificationChannel::kInbox> {};
template <> struct EnumText<domain::NotificationStatus> : EnumTextOf<domain::NotificationStatus, &domain::NotificationStatusName, &domain::ParseNotificationStatus, domain::NotificationStatus::kPending> {};
template <> struct EnumText<domain::Channel> : EnumTextOf<domain::Channel, &domain::ChannelName, &domain::ParseChannel, domain::Channel::kWalkIn> {};
template <> struct EnumText<domain::CaseKind> : EnumTextOf<domain::CaseKind, &domain::CaseKindName, &domain::ParseCaseKind, domain::CaseKind::kOther> {};
template <> struct EnumText<domain::CaseScope> : EnumTextOf<domain::CaseScope, &domain::CaseScopeName, &domain::ParseCaseScope, domain::CaseScope::kIndividual> {};
template <> struct EnumText<domain::Urgency> : EnumTextOf<domain::Urgency, &domain::UrgencyName, &domain::ParseUrgency, domain::Urgency::kNormal> {};
template <> struct EnumText<domain::CaseState> : EnumTextOf<domain::CaseState, &domain::CaseStateName, &domain::ParseCaseState, domain::CaseState::kRegistered> {};
// Stored only as optional columns: an unknown name reads as absent, never as a fallback.
template <> struct EnumText<domain::DeadlineStep> : EnumTextOf<domain::DeadlineStep, &domain::DeadlineStepName, &domain::ParseDeadlineStep, domain::DeadlineStep{}> {};
template <> struct EnumText<domain::AnswerResult> : EnumTextOf<domain::AnswerResult, &domain::AnswerResultName, &domain::ParseAnswerResult, domain::AnswerResult{}> {};
template <> struct EnumText<domain::Satisfaction> : EnumTextOf<domain::Satisfaction, &domain::SatisfactionName, &domain::ParseSatisfaction, domain::Satisfaction{}> {};
// clang-format on

}  // namespace minqing::storage
