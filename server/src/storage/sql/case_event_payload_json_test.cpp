// The payload text the domain writes is the text nlohmann::json::dump() gave for the same
// members before payloads were typed, so the hash chains of logs written then still verify;
// and storage reads every member back from it.
#include "storage/sql/case_event_payload_json.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace minqing::storage {
namespace {

using domain::CaseEventPayload;
using domain::PayloadJson;

const Instant kAt = FromEpochMs(1'796'000'000'123);

// Every member set, with texts that need escaping or are not ASCII.
CaseEventPayload Everything() {
    CaseEventPayload p;
    p.channel = domain::Channel::kHotline;
    p.number = "2026-0000042";
    p.title = "楼上漏水，\"急\"";
    p.holder_id = 7;
    p.note = "第一行\n第二行\t\\ 结束\x01";
    p.reason = "不属于本单位职责 😀";
    p.legal_basis = "《信访工作条例》第三十二条";
    p.answer_text = "已修复";
    p.external_ref = "12345-A/7";
    p.relay_message = "明日上门\u2028";
    p.target_id = 9;
    p.target_name = "船营区住建局";
    p.assisting = {{11, "昌邑区城管局"}, {12, ""}};
    p.method = domain::DispatchMethod::kPhone;
    p.assignee_id = 31;
    p.result = domain::AnswerResult::kPartlySolved;
    p.unit_review = true;
    p.contacted = false;
    p.solved = true;
    p.satisfaction = domain::Satisfaction::kSatisfied;
    p.unreachable = true;
    p.master_case_id = 40;
    p.extension_days = 5;
    p.requested_days = 5;
    p.granted_days = 3;
    p.committed_date = kAt;
    p.answer_deadline = kAt + std::chrono::hours(24);
    p.supervision_id = 3;
    p.level = domain::SupervisionLevel::kBulletin;
    p.automatic = true;
    p.step = domain::DeadlineStep::kAnswer;
    p.step_deadline = kAt;
    p.reply_due = kAt;
    p.reply = "已整改";
    p.attachment_id = 5;
    p.filename = "现场 照片.jpg";
    p.sha256 = std::string(64, 'a');
    p.size = 1'048'576;
    return p;
}

TEST(CaseEventPayloadJsonTest, TheWrittenTextIsNlohmannsDumpOfTheSameMembers) {
    for (const CaseEventPayload& payload : {CaseEventPayload{}, Everything()}) {
        const std::string text = PayloadJson(payload);
        EXPECT_EQ(nlohmann::json::parse(text).dump(), text);
    }
    EXPECT_EQ(PayloadJson({}), "{}");
}

TEST(CaseEventPayloadJsonTest, AnActionsTextIsTheOneNlohmannBuiltFromItsKeysBefore) {
    CaseEventPayload dispatch;
    dispatch.note = "请尽快处理";
    dispatch.target_id = 9;
    dispatch.target_name = "船营区住建局";
    dispatch.assisting = {{11, "昌邑区城管局"}};
    dispatch.method = domain::DispatchMethod::kNetwork;
    dispatch.holder_id = 9;
    nlohmann::json before = {{"note", "请尽快处理"},
                             {"targetId", 9},
                             {"targetName", "船营区住建局"},
                             {"method", "network"},
                             {"holderId", 9}};
    before["assisting"] = nlohmann::json::array();
    before["assisting"].push_back({{"id", 11}, {"name", "昌邑区城管局"}});
    EXPECT_EQ(PayloadJson(dispatch), before.dump());
}

TEST(CaseEventPayloadJsonTest, EveryMemberReadsBack) {
    const CaseEventPayload everything = Everything();
    EXPECT_EQ(PayloadFromJson(PayloadJson(everything)), everything);
    EXPECT_EQ(PayloadFromJson("{}"), CaseEventPayload{});
}

TEST(CaseEventPayloadJsonTest, UnknownKeysOtherTypesAndNonObjectsReadAsEmpty) {
    const auto read = PayloadFromJson(
        R"({"note":7,"method":"网络","holderId":"9","assisting":[{"name":"x"},{"id":2}],)"
        R"("legacy":true,"reason":"仍然读出"})");
    CaseEventPayload expected;
    expected.reason = "仍然读出";
    expected.assisting = {{2, ""}};
    EXPECT_EQ(read, expected);
    EXPECT_EQ(PayloadFromJson("[1]"), CaseEventPayload{});
    EXPECT_EQ(PayloadFromJson("not json"), CaseEventPayload{});
}

}  // namespace
}  // namespace minqing::storage
