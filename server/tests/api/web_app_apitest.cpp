// The web application's files as the server serves them: the built folder at /, hashed assets
// cached for a year, client routes answered with index.html, the API untouched.
#include <fstream>

#include "common/testing/temp_directory.hpp"
#include "support/api_test.hpp"

namespace minqing::tests {
namespace {

class WebAppApiTest : public ApiTest {
  protected:
    static void SetUpTestSuite() {
        build_ = std::make_unique<test_support::TempDirectory>();
        const auto root = build_->path();
        std::filesystem::create_directories(root / "assets");
        std::ofstream(root / "index.html") << "<!doctype html><html lang=\"zh-CN\">民情直通</html>";
        std::ofstream(root / "assets" / "index-5b1c9e.js") << "export const a = 1;";
        StartServer([root](app::Config& config) { config.http.web_root = root.string(); });
    }
    static void TearDownTestSuite() {
        StopServer();
        build_.reset();
    }

    static std::unique_ptr<test_support::TempDirectory> build_;
};

std::unique_ptr<test_support::TempDirectory> WebAppApiTest::build_;

TEST_F(WebAppApiTest, TheIndexIsServedAtTheRootAndForClientRoutes) {
    HttpClient client = Anonymous();
    for (const char* path : {"/", "/workbench", "/cases/42"}) {
        const HttpResponse page = client.Get(path);
        EXPECT_EQ(page.status, 200) << path;
        EXPECT_EQ(page.Header("content-type"), "text/html; charset=utf-8") << path;
        EXPECT_EQ(page.Header("cache-control"), "no-cache") << path;
        EXPECT_NE(page.body.find("民情直通"), std::string::npos) << path;
    }
}

TEST_F(WebAppApiTest, HashedAssetsAreCachedForAYearAndMissingOnesAre404) {
    HttpClient client = Anonymous();
    const HttpResponse script = client.Get("/assets/index-5b1c9e.js");
    EXPECT_EQ(script.status, 200);
    EXPECT_EQ(script.Header("content-type"), "text/javascript; charset=utf-8");
    EXPECT_EQ(script.Header("cache-control"), "public, max-age=31536000, immutable");
    EXPECT_THAT(client.Get("/assets/index-000000.js"), IsError(404, "route.not_found"));
}

TEST_F(WebAppApiTest, TheApiKeepsItsOwnAnswers) {
    HttpClient client = Anonymous();
    EXPECT_THAT(client.Get("/api/v1/no-such-resource"), IsError(404, "route.not_found"));
    EXPECT_EQ(client.Get("/healthz").status, 200);
    EXPECT_EQ(client.Get("/api/v1/categories").status, 200);
}

}  // namespace
}  // namespace minqing::tests
