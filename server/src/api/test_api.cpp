// Test mode only (config testMode): end-to-end tests move the server's clock and run the
// deadline sweep, the morning notice digest and the orphan-file sweep when they choose. These
// routes are not registered otherwise.
#include "api/request_bodies.hpp"
#include "api/routes.hpp"

namespace minqing::api {
namespace {

http::Response AdvanceClock(const TestServices& context, http::Request& request,
                            const domain::Principal& /*caller*/) {
    const auto body = ReadBody(request, &TestClockFields, &CheckTestClock);
    if (!body) {
        return ErrorFor(request, body.error());
    }
    context.test_clock.Advance(std::chrono::minutes(*body->advance_minutes));
    return http::Json(200, {{"now", FormatIso8601Cst(context.test_clock.Now())}});
}

http::Response Sweep(const TestServices& context, http::Request& /*request*/,
                     const domain::Principal& /*caller*/) {
    const auto report = context.sweep.Run();
    return http::Json(200, {{"ran", report.ran},
                            {"yellow", report.yellow},
                            {"red", report.red},
                            {"reminders", report.reminders},
                            {"written", report.written},
                            {"bulletins", report.bulletins},
                            {"lateReplies", report.late_replies}});
}

http::Response Digest(const TestServices& context, http::Request& /*request*/,
                      const domain::Principal& /*caller*/) {
    const auto report = context.notice_digests.Run();
    return http::Json(200, {{"ran", report.ran},
                            {"skipped", report.skipped},
                            {"day", report.day},
                            {"digests", report.digests},
                            {"notices", report.notices}});
}

http::Response SweepOrphans(const TestServices& context, http::Request& /*request*/,
                            const domain::Principal& /*caller*/) {
    return http::Json(200, {{"removed", context.sweep_orphans()}});
}

}  // namespace

Routes TestRoutes(const TestServices& context) {
    const Access access = Needs(domain::permission::kTimeRulesWrite);
    return {
        {"POST", "/api/v1/test/clock", access, With(context, &AdvanceClock)},
        {"POST", "/api/v1/test/sweep", access, With(context, &Sweep)},
        {"POST", "/api/v1/test/digest", access, With(context, &Digest)},
        {"POST", "/api/v1/test/orphan-sweep", access, With(context, &SweepOrphans)},
    };
}

}  // namespace minqing::api
