// Test mode only (config testMode): end-to-end tests move the server's clock and run the
// deadline sweep, the morning notice digest and the orphan-file sweep when they choose. These
// routes are not registered otherwise.
#include "api/request_bodies.hpp"
#include "api/routes.hpp"

namespace minqing::api {

Routes TestRoutes(const TestServices& context) {
    return {
        {"POST", "/api/v1/test/clock", Needs(domain::permission::kTimeRulesWrite),
         [context](http::Request& request, const domain::Principal&) {
             const auto body = ReadBody(request, &TestClockFields, &CheckTestClock);
             if (!body) {
                 return ErrorFor(request, body.error());
             }
             context.test_clock.Advance(std::chrono::minutes(*body->advance_minutes));
             return http::Json(200, {{"now", FormatIso8601Cst(context.test_clock.Now())}});
         }},
        {"POST", "/api/v1/test/sweep", Needs(domain::permission::kTimeRulesWrite),
         [context](http::Request&, const domain::Principal&) {
             const auto report = context.sweep.Run();
             return http::Json(200, {{"ran", report.ran},
                                     {"yellow", report.yellow},
                                     {"red", report.red},
                                     {"reminders", report.reminders},
                                     {"written", report.written},
                                     {"bulletins", report.bulletins},
                                     {"lateReplies", report.late_replies}});
         }},
        {"POST", "/api/v1/test/digest", Needs(domain::permission::kTimeRulesWrite),
         [context](http::Request&, const domain::Principal&) {
             const auto report = context.notice_digests.Run();
             return http::Json(200, {{"ran", report.ran},
                                     {"skipped", report.skipped},
                                     {"day", report.day},
                                     {"digests", report.digests},
                                     {"notices", report.notices}});
         }},
        {"POST", "/api/v1/test/orphan-sweep", Needs(domain::permission::kTimeRulesWrite),
         [context](http::Request&, const domain::Principal&) {
             return http::Json(200, {{"removed", context.sweep_orphans()}});
         }},
    };
}

}  // namespace minqing::api
