// GET /healthz (the process answers; never touches the database) and GET /readyz (the
// database answers and the disk has room), for load balancers and orchestration; and
// GET /api/v1/metrics for monitoring.
#include <nlohmann/json.hpp>

#include "api/routes.hpp"

namespace minqing::api {

Routes HealthRoutes(const HealthServices& context) {
    return {
        {"GET", "/healthz", kPublic,
         [](http::Request&) {
             return http::Json(200, {{"status", "ok"}});
         },
         kCaseId, http::Execution::kInline},
        {"GET", "/readyz", kPublic,
         [context](http::Request& request) {
             if (!context.database_ready()) {
                 return ErrorFor(request, MakeError(ErrorCode::kUnavailable, "database.unreachable",
                                                    "The database does not answer."));
             }
             if (const std::string problem = context.storage_problem(); !problem.empty()) {
                 return ErrorFor(request,
                                 MakeError(ErrorCode::kUnavailable, "storage.full", problem));
             }
             return http::Json(200, {{"status", "ready"}});
         }},
        // For the operators' scraper (an admin's API token): Prometheus text.
        {"GET", "/api/v1/metrics", Needs(domain::permission::kAuditRead),
         [context](http::Request&, const domain::Principal&) {
             http::Response response;
             response.body = context.metrics.Render();
             response.SetHeader("Content-Type", "text/plain; version=0.0.4");
             return response;
         }},
    };
}

}  // namespace minqing::api
