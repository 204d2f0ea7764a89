#include "http/json.hpp"

#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace minqing::http {
namespace {

TEST(ParseJsonObjectTest, AcceptsObject) {
    const Result<nlohmann::json> parsed = ParseJsonObject(R"({"title":"路灯不亮","level":2})");
    ASSERT_TRUE(parsed);
    EXPECT_EQ((*parsed)["title"], "路灯不亮");
    EXPECT_EQ((*parsed)["level"], 2);
}

TEST(ParseJsonObjectTest, RejectsSyntaxErrorAsMalformed) {
    const Result<nlohmann::json> parsed = ParseJsonObject(R"({"title": )");
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.error().code, ErrorCode::kBadRequest);
    EXPECT_EQ(parsed.error().reason, "request.malformed_json");
}

TEST(ParseJsonObjectTest, RejectsEmptyBody) {
    const Result<nlohmann::json> parsed = ParseJsonObject("");
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.error().reason, "request.malformed_json");
}

TEST(ParseJsonObjectTest, RejectsValuesThatAreNotObjects) {
    for (const char* body : {"[1,2]", "\"text\"", "42", "null", "true"}) {
        const Result<nlohmann::json> parsed = ParseJsonObject(body);
        ASSERT_FALSE(parsed) << body;
        EXPECT_EQ(parsed.error().code, ErrorCode::kBadRequest) << body;
        EXPECT_EQ(parsed.error().reason, "request.malformed_json") << body;
    }
}

TEST(ParseJsonObjectTest, RejectsTrailingGarbage) {
    EXPECT_FALSE(ParseJsonObject(R"({"a":1} x)"));
}

TEST(ParseJsonObjectTest, RejectsDeepNesting) {
    const std::string body = "{\"a\":" + std::string(10'000, '[') + std::string(10'000, ']') + "}";
    const Result<nlohmann::json> parsed = ParseJsonObject(body);
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.error().reason, "request.malformed_json");
}

TEST(ParseJsonObjectTest, BracketsInsideStringsDoNotCountAsNesting) {
    const std::string body = "{\"a\":\"" + std::string(1'000, '[') + "\\\"\"}";
    EXPECT_TRUE(ParseJsonObject(body));
}

TEST(ParseJsonObjectTest, RejectsNumbersBeyondADoubleAsMalformed) {
    // Found by fuzzing: the overflow is an out_of_range, not a parse_error, and escaped as a 500.
    for (const char* body :
         {R"({"peopleInvolved":1e400})", R"({"lat":-31e308})", R"({"a":[1,2,1E999]})"}) {
        const Result<nlohmann::json> parsed = ParseJsonObject(body);
        ASSERT_FALSE(parsed) << body;
        EXPECT_EQ(parsed.error().code, ErrorCode::kBadRequest) << body;
        EXPECT_EQ(parsed.error().reason, "request.malformed_json") << body;
    }
}

TEST(JsonTest, SerialisesWithStatusAndContentType) {
    const Response response = Json(201, nlohmann::json{{"id", 7}});
    EXPECT_EQ(response.status, 201);
    EXPECT_EQ(response.Header("Content-Type"), "application/json");
    EXPECT_EQ(response.body, R"({"id":7})");
}

TEST(JsonTest, ReplacesInvalidUtf8InsteadOfThrowing) {
    const Response response = Json(200, nlohmann::json{{"text", std::string("a\xff")}});
    EXPECT_EQ(response.status, 200);
    EXPECT_TRUE(nlohmann::json::accept(response.body));
}

TEST(IsJsonContentTypeTest, AcceptsJsonWithParametersInAnyCase) {
    EXPECT_TRUE(IsJsonContentType("application/json"));
    EXPECT_TRUE(IsJsonContentType("application/json; charset=utf-8"));
    EXPECT_TRUE(IsJsonContentType("Application/JSON ;charset=UTF-8"));
}

TEST(IsJsonContentTypeTest, RefusesWhatAFormOrAMislabelledClientSends) {
    EXPECT_FALSE(IsJsonContentType(""));
    EXPECT_FALSE(IsJsonContentType("text/plain"));
    EXPECT_FALSE(IsJsonContentType("text/plain; a=application/json"));
    EXPECT_FALSE(IsJsonContentType("application/x-www-form-urlencoded"));
    EXPECT_FALSE(IsJsonContentType("multipart/form-data; boundary=x"));
    EXPECT_FALSE(IsJsonContentType("application/jsonp"));
}

}  // namespace
}  // namespace minqing::http
