#include "http/error_response.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace minqing::http {
namespace {

struct StatusCase {
    ErrorCode code;
    int status;
};

class StatusForTest : public testing::TestWithParam<StatusCase> {};

TEST_P(StatusForTest, MapsCodeToStatus) {
    EXPECT_EQ(StatusFor(GetParam().code), GetParam().status);
    const Response response = ErrorResponse(MakeError(GetParam().code, "x.y", "m"), "id");
    EXPECT_EQ(response.status, GetParam().status);
    EXPECT_EQ(nlohmann::json::parse(response.body)["error"]["status"], GetParam().status);
}

INSTANTIATE_TEST_SUITE_P(
    Table, StatusForTest,
    testing::Values(
        StatusCase{ErrorCode::kBadRequest, 400}, StatusCase{ErrorCode::kValidation, 422},
        StatusCase{ErrorCode::kUnauthenticated, 401}, StatusCase{ErrorCode::kForbidden, 403},
        StatusCase{ErrorCode::kNotFound, 404}, StatusCase{ErrorCode::kConflict, 409},
        StatusCase{ErrorCode::kTooLarge, 413}, StatusCase{ErrorCode::kUnsupportedMediaType, 415},
        StatusCase{ErrorCode::kInsufficientStorage, 507}, StatusCase{ErrorCode::kRateLimited, 429},
        StatusCase{ErrorCode::kUnavailable, 503}, StatusCase{ErrorCode::kInternal, 500}));

TEST(ErrorResponseTest, HasDocumentedShape) {
    const Response response =
        ErrorResponse(Conflict("case.already_closed", "The case is closed."), "req-1");
    EXPECT_EQ(response.Header("content-type"), "application/json");
    EXPECT_EQ(nlohmann::json::parse(response.body), nlohmann::json::parse(R"({"error":{
        "status":409,"reason":"case.already_closed","message":"The case is closed.",
        "fields":[],"requestId":"req-1"}})"));
}

TEST(ErrorResponseTest, ListsEveryFieldError) {
    const Response response =
        ErrorResponse(Validation({{"title", "required", "Title is required."},
                                  {"phone", "format", "Not a phone number."}}),
                      "req-2");
    EXPECT_EQ(response.status, 422);
    const nlohmann::json fields = nlohmann::json::parse(response.body)["error"]["fields"];
    EXPECT_EQ(fields, nlohmann::json::parse(R"([
        {"field":"title","reason":"required","message":"Title is required."},
        {"field":"phone","reason":"format","message":"Not a phone number."}])"));
}

TEST(ErrorResponseTest, SetsRetryAfterWhenErrorCarriesIt) {
    Error error = MakeError(ErrorCode::kRateLimited, "rate.limited", "Slow down.");
    error.retry_after_seconds = 30;
    EXPECT_EQ(ErrorResponse(error, "id").Header("Retry-After"), "30");
}

TEST(ErrorResponseTest, SetsRetryAfterForOtherCodesToo) {
    Error error = MakeError(ErrorCode::kUnavailable, "service.unavailable", "Later.");
    error.retry_after_seconds = 5;
    EXPECT_EQ(ErrorResponse(error, "id").Header("retry-after"), "5");
}

TEST(ErrorResponseTest, OmitsRetryAfterWithoutOne) {
    const Error error = MakeError(ErrorCode::kRateLimited, "rate.limited", "Slow down.");
    EXPECT_EQ(ErrorResponse(error, "id").Header("Retry-After"), "");
}

TEST(ErrorResponseTest, ExplicitStatusAppearsInBody) {
    const Response response = ErrorResponse(
        405, MakeError(ErrorCode::kBadRequest, "route.method_not_allowed", "No."), "id");
    EXPECT_EQ(response.status, 405);
    EXPECT_EQ(nlohmann::json::parse(response.body)["error"]["status"], 405);
}

TEST(ErrorResponseTest, InvalidUtf8InMessageDoesNotThrow) {
    const Response response =
        ErrorResponse(MakeError(ErrorCode::kBadRequest, "x.y", std::string("bad \xff byte")), "id");
    EXPECT_EQ(response.status, 400);
    EXPECT_TRUE(nlohmann::json::accept(response.body));
}

}  // namespace
}  // namespace minqing::http
