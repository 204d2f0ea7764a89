// What an event of a case's log says beyond who did what when: typed, one optional member per
// key, listed once with its wire name in ForEachPayloadField. The domain writes it to the JSON
// text the hash chain seals (PayloadJson); storage reads that text back through the same table,
// and the API shows it. A key absent from the text is an empty member, so the text of every
// event written before the payload was typed reads back and writes out the same.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "domain/case.hpp"
#include "domain/supervision.hpp"

namespace minqing::domain {

/// A unit as the event named it then (names change; the event keeps the one it was given).
struct NamedUnit {
    OrgUnitId id = 0;
    std::string name;
    bool operator==(const NamedUnit&) const = default;
};

struct CaseEventPayload {
    // create
    std::optional<Channel> channel;
    std::optional<std::string> number;
    std::optional<std::string> title;
    // every workflow action; sweeps and supervision: the holder at the time
    std::optional<OrgUnitId> holder_id;
    // the texts an action was given
    std::optional<std::string> note;
    std::optional<std::string> reason;
    std::optional<std::string> legal_basis;
    std::optional<std::string> answer_text;
    std::optional<std::string> external_ref;
    std::optional<std::string> relay_message;
    // dispatch, transfer, escalate, assign
    std::optional<OrgUnitId> target_id;
    std::optional<std::string> target_name;
    std::vector<NamedUnit> assisting;
    std::optional<DispatchMethod> method;
    std::optional<UserId> assignee_id;
    // answer, follow-up, merge
    std::optional<AnswerResult> result;
    std::optional<bool> unit_review;
    std::optional<bool> contacted;
    std::optional<bool> solved;
    std::optional<Satisfaction> satisfaction;
    std::optional<bool> unreachable;
    std::optional<CaseId> master_case_id;
    // time: extensions, commitments, the answer's deadline
    std::optional<std::int64_t> extension_days;
    std::optional<std::int64_t> requested_days;
    std::optional<std::int64_t> granted_days;
    std::optional<Instant> committed_date;
    std::optional<Instant> answer_deadline;
    // supervision, by hand or by the sweep
    std::optional<std::int64_t> supervision_id;
    std::optional<SupervisionLevel> level;
    std::optional<bool> automatic;
    std::optional<DeadlineStep> step;
    std::optional<Instant> step_deadline;
    std::optional<Instant> reply_due;
    std::optional<std::string> reply;
    // attach
    std::optional<std::int64_t> attachment_id;
    std::optional<std::string> filename;
    std::optional<std::string> sha256;
    std::optional<std::int64_t> size;

    bool operator==(const CaseEventPayload&) const = default;
};

/// Calls `fn(name, member)` for every member, by its camelCase key. `Payload` is
/// CaseEventPayload or const CaseEventPayload.
template <typename Payload, typename Fn>
void ForEachPayloadField(Payload& p, Fn&& fn) {
    fn(std::string_view("channel"), p.channel);
    fn(std::string_view("number"), p.number);
    fn(std::string_view("title"), p.title);
    fn(std::string_view("holderId"), p.holder_id);
    fn(std::string_view("note"), p.note);
    fn(std::string_view("reason"), p.reason);
    fn(std::string_view("legalBasis"), p.legal_basis);
    fn(std::string_view("answerText"), p.answer_text);
    fn(std::string_view("externalRef"), p.external_ref);
    fn(std::string_view("relayMessage"), p.relay_message);
    fn(std::string_view("targetId"), p.target_id);
    fn(std::string_view("targetName"), p.target_name);
    fn(std::string_view("assisting"), p.assisting);
    fn(std::string_view("method"), p.method);
    fn(std::string_view("assigneeId"), p.assignee_id);
    fn(std::string_view("result"), p.result);
    fn(std::string_view("unitReview"), p.unit_review);
    fn(std::string_view("contacted"), p.contacted);
    fn(std::string_view("solved"), p.solved);
    fn(std::string_view("satisfaction"), p.satisfaction);
    fn(std::string_view("unreachable"), p.unreachable);
    fn(std::string_view("masterCaseId"), p.master_case_id);
    fn(std::string_view("extensionDays"), p.extension_days);
    fn(std::string_view("requestedDays"), p.requested_days);
    fn(std::string_view("grantedDays"), p.granted_days);
    fn(std::string_view("committedDate"), p.committed_date);
    fn(std::string_view("answerDeadline"), p.answer_deadline);
    fn(std::string_view("supervisionId"), p.supervision_id);
    fn(std::string_view("level"), p.level);
    fn(std::string_view("automatic"), p.automatic);
    fn(std::string_view("step"), p.step);
    fn(std::string_view("stepDeadline"), p.step_deadline);
    fn(std::string_view("replyDue"), p.reply_due);
    fn(std::string_view("reply"), p.reply);
    fn(std::string_view("attachmentId"), p.attachment_id);
    fn(std::string_view("filename"), p.filename);
    fn(std::string_view("sha256"), p.sha256);
    fn(std::string_view("size"), p.size);
}

/// The names a payload's enumerations are written with: `PayloadEnum<E>::Name` / `Parse`.
template <typename Enum>
struct PayloadEnum;
template <auto NameOf, auto ParseName>
struct EnumNames {
    static constexpr auto Name = NameOf;
    static constexpr auto Parse = ParseName;
};
template <>
struct PayloadEnum<Channel> : EnumNames<&ChannelName, &ParseChannel> {};
template <>
struct PayloadEnum<DispatchMethod> : EnumNames<&DispatchMethodName, &ParseDispatchMethod> {};
template <>
struct PayloadEnum<AnswerResult> : EnumNames<&AnswerResultName, &ParseAnswerResult> {};
template <>
struct PayloadEnum<Satisfaction> : EnumNames<&SatisfactionName, &ParseSatisfaction> {};
template <>
struct PayloadEnum<SupervisionLevel> : EnumNames<&SupervisionLevelName, &ParseSupervisionLevel> {};
template <>
struct PayloadEnum<DeadlineStep> : EnumNames<&DeadlineStepName, &ParseDeadlineStep> {};

/// The JSON text the event log keeps and seals: the members that are set, keys in byte order
/// (common/json_writer.hpp), instants in ISO 8601 at +08:00.
std::string PayloadJson(const CaseEventPayload& payload);

}  // namespace minqing::domain
