#include "http/router.hpp"

#include <stdexcept>

#include <gtest/gtest.h>

namespace minqing::http {
namespace {

Handler Answer(int status) {
    return [status](Request&) {
        Response response;
        response.status = status;
        return response;
    };
}

Request RequestFor(std::string method, std::string path) {
    Request request;
    request.method = std::move(method);
    request.path = std::move(path);
    return request;
}

// The status of the handler the router picks, or 0 when it finds none.
int Route(const Router& router, Request& request) {
    bool method_mismatch = false;
    const std::optional<RouteMatch> match = router.Find(request, method_mismatch);
    return match ? (*match->handler)(request).status : 0;
}

TEST(RouterTest, MatchesLiteralPath) {
    Router router;
    router.Add("GET", "/api/v1/org/units", Answer(201));
    Request request = RequestFor("GET", "/api/v1/org/units");
    EXPECT_EQ(Route(router, request), 201);
}

TEST(RouterTest, MatchesRootPath) {
    Router router;
    router.Add("GET", "/", Answer(201));
    Request request = RequestFor("GET", "/");
    EXPECT_EQ(Route(router, request), 201);
}

TEST(RouterTest, BindsPathParameters) {
    Router router;
    router.Add("GET", "/cases/{id}/events/{event}", Answer(201));
    Request request = RequestFor("GET", "/cases/42/events/7");
    ASSERT_EQ(Route(router, request), 201);
    EXPECT_EQ(request.PathParam("id"), "42");
    EXPECT_EQ(request.PathParam("event"), "7");
    EXPECT_EQ(request.PathParam("other"), "");
}

TEST(RouterTest, RestParameterBindsRemainderOfPath) {
    Router router;
    router.Add("GET", "/static/{*file}", Answer(201));
    Request request = RequestFor("GET", "/static/js/app.1234.js");
    ASSERT_EQ(Route(router, request), 201);
    EXPECT_EQ(request.PathParam("file"), "js/app.1234.js");
}

TEST(RouterTest, RestParameterMatchesNothingAfterPrefix) {
    Router router;
    router.Add("GET", "/app/{*rest}", Answer(201));
    Request request = RequestFor("GET", "/app");
    ASSERT_EQ(Route(router, request), 201);
    EXPECT_EQ(request.PathParam("rest"), "");
}

TEST(RouterTest, ParameterDoesNotMatchEmptySegment) {
    Router router;
    router.Add("GET", "/cases/{id}/events", Answer(201));
    Request request = RequestFor("GET", "/cases//events");
    EXPECT_EQ(Route(router, request), 0);
}

TEST(RouterTest, TrailingSlashIsADifferentPath) {
    Router router;
    router.Add("GET", "/cases", Answer(201));
    Request request = RequestFor("GET", "/cases/");
    EXPECT_EQ(Route(router, request), 0);
}

TEST(RouterTest, LiteralSegmentBeatsParameterWhateverTheOrderOfAdding) {
    Router router;
    router.Add("GET", "/cases/{id}", Answer(201));
    router.Add("GET", "/cases/search", Answer(202));
    router.Add("GET", "/cases/{*rest}", Answer(203));
    Request search = RequestFor("GET", "/cases/search");
    Request by_id = RequestFor("GET", "/cases/42");
    Request deeper = RequestFor("GET", "/cases/42/x");
    EXPECT_EQ(Route(router, search), 202);
    EXPECT_EQ(Route(router, by_id), 201);
    EXPECT_EQ(Route(router, deeper), 203);
}

TEST(RouterTest, UnknownPathIsNotAMethodMismatch) {
    Router router;
    router.Add("GET", "/cases", Answer(201));
    Request request = RequestFor("GET", "/orgs");
    bool method_mismatch = true;
    EXPECT_FALSE(router.Find(request, method_mismatch));
    EXPECT_FALSE(method_mismatch);
}

TEST(RouterTest, KnownPathWithOtherMethodIsAMethodMismatch) {
    Router router;
    router.Add("GET", "/cases/{id}", Answer(201));
    router.Add("PUT", "/cases/{id}", Answer(202));
    Request request = RequestFor("DELETE", "/cases/42");
    bool method_mismatch = false;
    EXPECT_FALSE(router.Find(request, method_mismatch));
    EXPECT_TRUE(method_mismatch);
    EXPECT_EQ(router.AllowedMethods(request), (std::vector<std::string>{"GET", "HEAD", "PUT"}));
}

TEST(RouterTest, HeadUsesGetRoute) {
    Router router;
    router.Add("GET", "/cases", Answer(201));
    Request request = RequestFor("HEAD", "/cases");
    EXPECT_EQ(Route(router, request), 201);
}

TEST(RouterTest, MethodsAreMatchedExactly) {
    Router router;
    router.Add("POST", "/cases", Answer(201));
    router.Add("GET", "/cases", Answer(202));
    Request post = RequestFor("POST", "/cases");
    Request get = RequestFor("GET", "/cases");
    EXPECT_EQ(Route(router, post), 201);
    EXPECT_EQ(Route(router, get), 202);
}

TEST(RouterTest, DuplicateRouteThrows) {
    Router router;
    router.Add("GET", "/cases/{id}", Answer(201));
    EXPECT_THROW(router.Add("GET", "/cases/{case_id}", Answer(202)), std::invalid_argument);
}

TEST(RouterTest, SamePatternWithOtherMethodIsNoDuplicate) {
    Router router;
    router.Add("GET", "/cases/{id}", Answer(201));
    EXPECT_NO_THROW(router.Add("PUT", "/cases/{id}", Answer(202)));
}

TEST(RouterTest, MalformedPatternsThrow) {
    for (const char* pattern : {"cases", "", "/cases/{}", "/cases/{id", "/cases/x{id}",
                                "/files/{*rest}/more", "/cases/{*}"}) {
        Router router;
        EXPECT_THROW(router.Add("GET", pattern, Answer(201)), std::invalid_argument) << pattern;
    }
}

TEST(RouterTest, FallbackIsEmptyUntilSet) {
    Router router;
    EXPECT_FALSE(router.Fallback());
    router.SetFallback(Answer(299), Execution::kInline);
    const std::optional<RouteMatch> fallback = router.Fallback();
    ASSERT_TRUE(fallback);
    EXPECT_EQ(fallback->execution, Execution::kInline);
    Request request = RequestFor("GET", "/anything");
    EXPECT_EQ((*fallback->handler)(request).status, 299);
}

TEST(RouterTest, ReportsExecutionOfRoute) {
    Router router;
    router.Add("GET", "/health", Answer(200), Execution::kInline);
    router.Add("GET", "/cases", Answer(200));
    Request health = RequestFor("GET", "/health");
    Request cases = RequestFor("GET", "/cases");
    bool method_mismatch = false;
    EXPECT_EQ(router.Find(health, method_mismatch)->execution, Execution::kInline);
    EXPECT_EQ(router.Find(cases, method_mismatch)->execution, Execution::kWorker);
}

}  // namespace
}  // namespace minqing::http
