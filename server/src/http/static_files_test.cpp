#include "http/static_files.hpp"

#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace minqing::http {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
  protected:
    void SetUp() override {
        root_ =
            fs::temp_directory_path() /
            ("minqing-static-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(root_ / "assets");
        Write("index.html", "<!doctype html><title>民情直通</title>");
        Write("assets/index-3f2a.js", "console.log(1)");
        Write("assets/index-9c1d.css", "body{}");
        Write("favicon.svg", "<svg/>");
    }
    void TearDown() override { fs::remove_all(root_); }

    void Write(const std::string& name, const std::string& text) {
        std::ofstream(root_ / name, std::ios::binary) << text;
    }

    static Request Get(std::string path, std::string method = "GET") {
        Request request;
        request.method = std::move(method);
        request.path = std::move(path);
        request.request_id = "test";
        return request;
    }

    fs::path root_;
};

TEST_F(StaticFilesTest, ServesFilesWithTheirTypeAndCachesOnlyHashedAssets) {
    const StaticFiles files(root_);
    ASSERT_EQ(files.size(), 4u);
    const Response script = files.Serve(Get("/assets/index-3f2a.js"));
    EXPECT_EQ(script.status, 200);
    EXPECT_EQ(script.body, "console.log(1)");
    EXPECT_EQ(script.Header("Content-Type"), "text/javascript; charset=utf-8");
    EXPECT_EQ(script.Header("Cache-Control"), "public, max-age=31536000, immutable");
    EXPECT_EQ(files.Serve(Get("/assets/index-9c1d.css")).Header("Content-Type"),
              "text/css; charset=utf-8");
    const Response icon = files.Serve(Get("/favicon.svg"));
    EXPECT_EQ(icon.Header("Content-Type"), "image/svg+xml");
    EXPECT_EQ(icon.Header("Cache-Control"), "no-cache");
    const Response root = files.Serve(Get("/"));
    EXPECT_EQ(root.Header("Content-Type"), "text/html; charset=utf-8");
    EXPECT_EQ(root.Header("Cache-Control"), "no-cache");
}

TEST_F(StaticFilesTest, ClientRoutesGetTheIndexButMissingFilesAndTheApiDoNot) {
    const StaticFiles files(root_);
    const Response route = files.Serve(Get("/cases/42"));
    EXPECT_EQ(route.status, 200);
    EXPECT_NE(route.body.find("民情直通"), std::string::npos);
    EXPECT_EQ(files.Serve(Get("/assets/missing-0000.js")).status, 404);
    const Response api = files.Serve(Get("/api/v1/nothing"));
    EXPECT_EQ(api.status, 404);
    EXPECT_EQ(nlohmann::json::parse(api.body)["error"]["reason"], "route.not_found");
    // Only names the build produced are read: a climbing path is a client route at most.
    EXPECT_EQ(files.Serve(Get("/../../etc/passwd")).body, files.Serve(Get("/")).body);
    EXPECT_EQ(files.Serve(Get("/assets/../index.html")).status, 404);
}

TEST_F(StaticFilesTest, OnlyGetAndHeadAreAnswered) {
    const StaticFiles files(root_);
    EXPECT_EQ(files.Serve(Get("/", "HEAD")).status, 200);
    const Response post = files.Serve(Get("/cases", "POST"));
    EXPECT_EQ(post.status, 405);
    EXPECT_EQ(post.Header("Allow"), "GET, HEAD");
}

TEST_F(StaticFilesTest, AMissingBuildServesNothing) {
    const StaticFiles files(root_ / "no-such-dir");
    EXPECT_TRUE(files.empty());
    EXPECT_EQ(files.Serve(Get("/")).status, 404);
}

}  // namespace
}  // namespace minqing::http
