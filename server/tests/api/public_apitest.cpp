// Residents without an account: submitting to the mailbox and the message board
// (POST /api/v1/public/submissions), following the case by number and query code
// (GET /api/v1/public/submissions/{number}?code=…), safe retries, and the per-address limit.
#include <regex>
#include <string>

#include "support/api_test.hpp"
#include "support/case_body.hpp"

namespace minqing::tests {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;

constexpr std::string_view kSubmissions = "/api/v1/public/submissions";

std::string StatusPath(const nlohmann::json& submitted, std::string_view code) {
    return std::string(kSubmissions) + "/" + submitted.value("number", "") +
           "?code=" + UrlEncode(code);
}

std::string StatusPath(const nlohmann::json& submitted) {
    return StatusPath(submitted, submitted.value("queryCode", ""));
}

nlohmann::json MailboxBody() {
    return CaseBody("mailbox")
        .Title("小区供暖温度不达标")
        .Content("我家住在船营区某小区，今年入冬以来室温一直只有十五六度，物业说是热力公司的问题。")
        .Reporter("李四", "13912345678");
}

class PublicApiTest : public ApiTest {
  protected:
    static void SetUpTestSuite() {
        // Every test here submits; the limit has a suite of its own.
        StartServer(
            [](app::Config& config) { config.security.public_submissions_per_hour = 1000; });
    }

    static HttpResponse Submit(const nlohmann::json& body, const Headers& headers = {}) {
        return Anonymous().Post(kSubmissions, body, headers);
    }

    // The staff case behind a submission, found by its number.
    static nlohmann::json StaffView(Session& city, const nlohmann::json& submitted) {
        HttpResponse list = city.Get("/api/v1/cases?limit=100&channel=" +
                                     submitted.value("channel", std::string("mailbox")));
        const nlohmann::json item = FindBy(list.json.value("items", nlohmann::json::array()),
                                           "number", submitted.value("number", ""));
        if (!item.is_object()) {
            return nullptr;
        }
        return city.Get(CasePath(IdOf(item))).json;
    }
};

TEST_F(PublicApiTest, MailboxSubmissionAnswersWithNumberAndQueryCode) {
    HttpResponse response = Submit(MailboxBody());

    ASSERT_THAT(response, HasStatus(201));
    static const std::regex kNumber(R"(\d{4}-\d{7})");
    static const std::regex kCode(R"([A-Za-z0-9_-]{8})");
    EXPECT_TRUE(std::regex_match(response.json.value("number", ""), kNumber)) << response.body;
    EXPECT_TRUE(std::regex_match(response.json.value("queryCode", ""), kCode)) << response.body;
    EXPECT_EQ(response.json["state"], "registered");
    EXPECT_TRUE(response.json["createdAt"].is_string());
    EXPECT_FALSE(response.json.contains("id")) << "internal ids are not for the public";
}

TEST_F(PublicApiTest, MailboxSubmissionIsRegisteredAtTheCityOffice) {
    Session city = LogIn("city-office");
    HttpResponse submitted = Submit(MailboxBody());
    ASSERT_THAT(submitted, HasStatus(201));
    submitted.json["channel"] = "mailbox";

    const nlohmann::json c = StaffView(city, submitted.json);

    ASSERT_TRUE(c.is_object()) << "the city office cannot find " << submitted.json["number"];
    EXPECT_EQ(c["channel"], "mailbox");
    EXPECT_EQ(c["state"], "registered");
    EXPECT_EQ(UnitNameAt(c, "holder"), "吉林市");
    EXPECT_EQ(UnitNameAt(c, "receivingOffice"), "吉林市");
    EXPECT_EQ(c["reporter"]["name"], "李*");
}

TEST_F(PublicApiTest, StatusWithTheRightCodeShowsTheState) {
    HttpResponse submitted = Submit(MailboxBody());
    ASSERT_THAT(submitted, HasStatus(201));

    HttpResponse status = Anonymous().Get(StatusPath(submitted.json));

    ASSERT_THAT(status, HasStatus(200));
    EXPECT_EQ(status.json["number"], submitted.json["number"]);
    EXPECT_EQ(status.json["state"], "registered");
    EXPECT_TRUE(status.json["result"].is_null());
    EXPECT_EQ(status.json["answerText"], "");
    EXPECT_TRUE(status.json["closedAt"].is_null());
    EXPECT_EQ(status.body.find("李四"), std::string::npos);
}

TEST_F(PublicApiTest, StatusWithAWrongCodeIs404) {
    HttpResponse submitted = Submit(MailboxBody());
    ASSERT_THAT(submitted, HasStatus(201));

    HttpResponse status = Anonymous().Get(StatusPath(submitted.json, "AAAAAAAA"));

    EXPECT_THAT(status, IsError(404, "case.not_found"));
}

TEST_F(PublicApiTest, StatusWithoutACodeIs404) {
    HttpResponse submitted = Submit(MailboxBody());
    ASSERT_THAT(submitted, HasStatus(201));

    HttpResponse status = Anonymous().Get(std::string(kSubmissions) + "/" +
                                          submitted.json["number"].get<std::string>());

    EXPECT_THAT(status, IsError(404, "case.not_found"));
}

TEST_F(PublicApiTest, StatusOfAnUnknownNumberIs404) {
    HttpResponse status =
        Anonymous().Get(std::string(kSubmissions) + "/2026-9999999?code=AAAAAAAA");

    EXPECT_THAT(status, IsError(404, "case.not_found"));
}

// A staff case has no query code: its number alone must not open it to the public.
TEST_F(PublicApiTest, StaffCaseIsNotFollowedThroughThePublicEndpoint) {
    Session street = LogIn("street-office");
    const nlohmann::json c = CreateCase(street, CaseBody("walk_in"));

    HttpResponse status = Anonymous().Get(std::string(kSubmissions) + "/" +
                                          c["number"].get<std::string>() + "?code=");

    EXPECT_THAT(status, IsError(404, "case.not_found"));
}

TEST_F(PublicApiTest, MessageBoardPostMayBePublished) {
    Session city = LogIn("city-office");
    nlohmann::json body = MailboxBody();
    body["channel"] = "message_board";
    body["publish"] = true;

    HttpResponse submitted = Submit(body);

    ASSERT_THAT(submitted, HasStatus(201));
    submitted.json["channel"] = "message_board";
    const nlohmann::json c = StaffView(city, submitted.json);
    ASSERT_TRUE(c.is_object());
    EXPECT_EQ(c["channel"], "message_board");
    EXPECT_EQ(c["publish"], true);
}

TEST_F(PublicApiTest, MailboxLetterIsNeverPublished) {
    nlohmann::json body = MailboxBody();
    body["publish"] = true;

    HttpResponse response = Submit(body);

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response), ElementsAre(Pair("publish", "not_allowed")));
}

TEST_F(PublicApiTest, StaffChannelOnThePublicEndpointIs422) {
    nlohmann::json body = MailboxBody();
    body["channel"] = "grid";

    HttpResponse response = Submit(body);

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    const auto fields = FieldErrors(response);
    ASSERT_EQ(fields.size(), 1u) << response.body;
    EXPECT_EQ(fields[0].first, "channel");
}

TEST_F(PublicApiTest, StaffChannelIsListedWithTheOtherProblems) {
    nlohmann::json body = MailboxBody();
    body["channel"] = "direct_card";
    body.erase("title");

    HttpResponse response = Submit(body);

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    std::vector<std::string> names;
    for (const auto& [field, reason] : FieldErrors(response)) {
        names.push_back(field);
    }
    EXPECT_THAT(names, UnorderedElementsAre("channel", "title")) << response.body;
}

TEST_F(PublicApiTest, StaffObjectsAreUnknownFieldsForThePublic) {
    nlohmann::json body = MailboxBody();
    body["directCard"] = {{"unitId", UnitId(codes::kHousingBureau)}};

    HttpResponse response = Submit(body);

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response), ElementsAre(Pair("directCard", "unknown_field")));
}

TEST_F(PublicApiTest, SubmissionWithManyProblemsListsEachOne) {
    nlohmann::json body = MailboxBody();
    body["content"] = "";
    body["categoryCode"] = "0000";
    body["reporter"]["phone"] = "请回电";
    body["location"] = {{"lat", 31.23}, {"lng", 121.47}};

    HttpResponse response = Submit(body);

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(
        FieldErrors(response),
        UnorderedElementsAre(Pair("content", "required"), Pair("categoryCode", "unknown"),
                             Pair("reporter.phone", "invalid"), Pair("location", "outside_city")));
}

TEST_F(PublicApiTest, RetryWithTheSameKeyAnswersWithTheFirstNumber) {
    const nlohmann::json body = MailboxBody();
    const Headers key = {{"Idempotency-Key", "resident-retry-1"}};

    HttpResponse first = Submit(body, key);
    HttpResponse second = Submit(body, key);

    ASSERT_THAT(first, HasStatus(201));
    ASSERT_THAT(second, HasStatus(200));
    EXPECT_EQ(second.json["number"], first.json["number"]);
    EXPECT_TRUE(second.json["queryCode"].is_null()) << "the code is shown once";
    EXPECT_THAT(Anonymous().Get(StatusPath(first.json)), HasStatus(200));
}

TEST_F(PublicApiTest, SameKeyWithAnotherBodyIs409) {
    const Headers key = {{"Idempotency-Key", "resident-retry-2"}};
    ASSERT_THAT(Submit(MailboxBody(), key), HasStatus(201));
    nlohmann::json other = MailboxBody();
    other["title"] = "楼下饭店油烟扰民";

    HttpResponse response = Submit(other, key);

    EXPECT_THAT(response, IsError(409, "request.idempotency_mismatch"));
}

TEST_F(PublicApiTest, AnonymousSubmissionStoresNoIdentity) {
    Session city = LogIn("city-office");
    nlohmann::json body = MailboxBody();
    body["reporter"]["anonymous"] = true;
    HttpResponse submitted = Submit(body);
    ASSERT_THAT(submitted, HasStatus(201));
    submitted.json["channel"] = "mailbox";

    const nlohmann::json c = StaffView(city, submitted.json);

    ASSERT_TRUE(c.is_object());
    EXPECT_EQ(c["reporter"]["anonymous"], true);
    EXPECT_EQ(c["reporter"]["name"], "");
    EXPECT_EQ(c["reporter"]["phone"], "");
}

TEST_F(PublicApiTest, ResidentSeesTheAnswerOnceTheCityOfficeApprovesIt) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    HttpResponse submitted = Submit(MailboxBody());
    ASSERT_THAT(submitted, HasStatus(201));
    submitted.json["channel"] = "mailbox";
    const std::int64_t id = IdOf(StaffView(city, submitted.json));
    MoveCase(city, id, "accept");
    MoveCase(city, id, "dispatch",
             {{"targetId", UnitId(codes::kHousingBureau)}, {"method", "network"}});
    MoveCase(handler, id, "sign");
    AnswerForTheUnit(
        handler, id,
        {{"result", "solved"},
         {"answerText", "经查，该小区二次网失衡，热力公司已调整阀门，室温已达到18度以上。"}});
    HttpResponse before_approval = Anonymous().Get(StatusPath(submitted.json));

    MoveCase(city, id, "approve_answer");
    HttpResponse approved = Anonymous().Get(StatusPath(submitted.json));
    MoveCase(city, id, "follow_up", {{"satisfaction", "satisfied"}});
    HttpResponse closed = Anonymous().Get(StatusPath(submitted.json));

    ASSERT_THAT(before_approval, HasStatus(200));
    EXPECT_EQ(before_approval.json["state"], "answered");
    EXPECT_EQ(before_approval.json["answerText"], "") << "shown before the office approved it";
    ASSERT_THAT(approved, HasStatus(200));
    EXPECT_EQ(approved.json["state"], "follow_up");
    EXPECT_EQ(approved.json["result"], "solved");
    EXPECT_EQ(approved.json["answerText"],
              "经查，该小区二次网失衡，热力公司已调整阀门，室温已达到18度以上。");
    ASSERT_THAT(closed, HasStatus(200));
    EXPECT_EQ(closed.json["state"], "closed");
    EXPECT_TRUE(closed.json["closedAt"].is_string());
}

// DOMAIN.md: a declined case stores the reason and the proper channel, "shown to the reporter".
TEST_F(PublicApiTest, DeclinedSubmissionShowsTheReasonToTheResident) {
    Session city = LogIn("city-office");
    HttpResponse submitted = Submit(MailboxBody());
    ASSERT_THAT(submitted, HasStatus(201));
    submitted.json["channel"] = "mailbox";
    const std::int64_t id = IdOf(StaffView(city, submitted.json));
    MoveCase(city, id, "decline",
             {{"reason", "该事项已进入诉讼程序"}, {"legalBasis", "请向吉林市船营区人民法院反映"}});

    HttpResponse status = Anonymous().Get(StatusPath(submitted.json));

    ASSERT_THAT(status, HasStatus(200));
    EXPECT_EQ(status.json["state"], "declined");
    EXPECT_NE(status.body.find("该事项已进入诉讼程序"), std::string::npos) << status.body;
    EXPECT_NE(status.body.find("请向吉林市船营区人民法院反映"), std::string::npos) << status.body;
}

// --- the per-address limit --------------------------------------------------------------------

constexpr int kSubmissionsPerHour = 3;

class PublicRateLimitApiTest : public PublicApiTest {
  protected:
    static void SetUpTestSuite() {
        StartServer([](app::Config& config) {
            config.security.public_submissions_per_hour = kSubmissionsPerHour;
        });
    }
};

TEST_F(PublicRateLimitApiTest, SubmissionsBeyondTheHourlyLimitAre429WithRetryAfter) {
    nlohmann::json first;
    for (int i = 0; i < kSubmissionsPerHour; ++i) {
        HttpResponse accepted = Submit(MailboxBody());
        ASSERT_THAT(accepted, HasStatus(201)) << "submission " << i;
        first = accepted.json;
    }

    HttpResponse refused = Submit(MailboxBody());

    EXPECT_THAT(refused, IsError(429, "public.too_many_submissions"));
    const std::string retry_after(refused.Header("retry-after"));
    ASSERT_FALSE(retry_after.empty());
    EXPECT_GT(std::stoi(retry_after), 0);
    EXPECT_LE(std::stoi(retry_after), 3600);
    EXPECT_THAT(Anonymous().Get(StatusPath(first)), HasStatus(200))
        << "following a case is not a submission";
}

}  // namespace
}  // namespace minqing::tests
