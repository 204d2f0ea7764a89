// The web app's installation settings: the map tiles and their attribution, from the config,
// for any signed-in user.
#include "support/api_test.hpp"

namespace minqing::tests {
namespace {

constexpr std::string_view kTiles = "https://tiles.example.gov.cn/{z}/{x}/{y}.png";

class WebSettingsApiTest : public ApiTest {
  protected:
    static void SetUpTestSuite() {
        StartServer([](app::Config& config) {
            config.web.map_tile_url = kTiles;
            config.web.map_attribution = "© 吉林市自然资源局";
        });
    }
};

TEST_F(WebSettingsApiTest, AnySignedInUserReadsTheMapSettings) {
    for (const std::string_view username : {"grid-worker", "admin"}) {
        const HttpResponse settings = LogIn(username).Get("/api/v1/web-settings");
        ASSERT_THAT(settings, HasStatus(200)) << username;
        EXPECT_EQ(settings.json.at("mapTileUrl"), kTiles);
        EXPECT_EQ(settings.json.at("mapAttribution"), "© 吉林市自然资源局");
    }
    EXPECT_THAT(Anonymous().Get("/api/v1/web-settings"), IsError(401, "auth.required"));
}

}  // namespace
}  // namespace minqing::tests
