// The installation's settings the web app needs at start (the map tiles and their
// attribution): any signed-in user reads them; they come from the config (web.*).
#include "api/api_context.hpp"

namespace minqing::api {

void RegisterWebSettingsRoutes(http::Router& router, const ApiContext& context) {
    router.Add("GET", "/api/v1/web-settings",
               context.guard.Require([&context](http::Request&, const domain::Principal&) {
                   const WebSettings& settings = context.web_settings;
                   return http::Json(200,
                                     nlohmann::json{{"mapTileUrl", settings.map_tile_url},
                                                    {"mapAttribution", settings.map_attribution}});
               }));
}

}  // namespace minqing::api
