// The installation's settings the web app needs at start (the map tiles and their
// attribution): any signed-in user reads them; they come from the config (web.*).
#include "api/routes.hpp"

namespace minqing::api {

Routes WebSettingsRoutes(const WebSettings& settings) {
    return {
        {"GET", "/api/v1/web-settings", kSignedIn,
         [settings](http::Request&, const domain::Principal&) {
             return http::Json(200, nlohmann::json{{"mapTileUrl", settings.map_tile_url},
                                                   {"mapAttribution", settings.map_attribution}});
         }},
    };
}

}  // namespace minqing::api
