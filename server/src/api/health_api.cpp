// GET /healthz (the process answers; never touches the database) and GET /readyz (the
// database answers too), for load balancers and orchestration.
#include <nlohmann/json.hpp>

#include "api/api_context.hpp"

namespace minqing::api {

void RegisterHealthRoutes(http::Router& router, const ApiContext& context) {
    router.Add(
        "GET", "/healthz",
        [](http::Request&) {
            return http::Json(200, {{"status", "ok"}});
        },
        http::Execution::kInline);
    router.Add("GET", "/readyz", [&context](http::Request& request) {
        if (!context.database_ready()) {
            return ErrorFor(request, MakeError(ErrorCode::kUnavailable, "database.unreachable",
                                               "The database does not answer."));
        }
        return http::Json(200, {{"status", "ready"}});
    });
}

}  // namespace minqing::api
