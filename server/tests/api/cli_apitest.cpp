// The command line of the real binary: version, configuration errors that name the culprit,
// an unreachable database, migrate, and a graceful stop on SIGTERM.
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include <signal.h>

#include "common/testing/temp_directory.hpp"
#include "support/api_test.hpp"
#include "support/child_process.hpp"

namespace minqing::tests {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::Optional;

constexpr const char* kBinary = MINQING_BINARY;
// Guards against a hung child only; no test asserts on how long anything takes.
constexpr auto kStartLimit = std::chrono::seconds(60);

std::string WriteFile(const std::filesystem::path& path, std::string_view text) {
    std::ofstream(path) << text;
    return path.string();
}

TEST(CliApiTest, VersionPrintsTheVersion) {
    const RunResult result = RunProgram({kBinary, "version"});

    EXPECT_THAT(result.exit_code, Optional(0));
    EXPECT_EQ(result.stdout_text, "minqing " MINQING_VERSION "\n");
}

TEST(CliApiTest, UnknownCommandIsRejectedWithUsage) {
    const RunResult result = RunProgram({kBinary, "serv"});

    EXPECT_THAT(result.exit_code, Optional(Not(0)));
    EXPECT_THAT(result.stderr_text, HasSubstr("serv"));
    EXPECT_THAT(result.stderr_text, HasSubstr("usage:"));
}

// A misspelt setting silently falling back to its default is how production runs on port 8080
// with the demo password: the key must be named.
TEST(CliApiTest, UnknownKeyInConfigFileIsRejectedNamingIt) {
    const test_support::TempDirectory directory;
    const std::string config =
        WriteFile(directory.path() / "config.json", R"({"http": {"listn": "127.0.0.1:0"}})");

    const RunResult result =
        RunProgram({kBinary, "serve", "--config", config, "--data-dir", directory.path().string()});

    EXPECT_THAT(result.exit_code, Optional(Not(0)));
    EXPECT_THAT(result.stderr_text, HasSubstr("http.listn"));
}

TEST(CliApiTest, WrongTypeInConfigFileIsRejectedNamingTheKey) {
    const test_support::TempDirectory directory;
    const std::string config =
        WriteFile(directory.path() / "config.json", R"({"http": {"ioThreads": "two"}})");

    const RunResult result =
        RunProgram({kBinary, "serve", "--config", config, "--data-dir", directory.path().string()});

    EXPECT_THAT(result.exit_code, Optional(Not(0)));
    EXPECT_THAT(result.stderr_text, HasSubstr("http.ioThreads"));
}

TEST(CliApiTest, UnknownEnvironmentVariableIsRejectedNamingIt) {
    const test_support::TempDirectory directory;

    const RunResult result = RunProgram({kBinary, "serve", "--data-dir", directory.path().string()},
                                        {"MINQING_HTTP_LISTN=127.0.0.1:0"});

    EXPECT_THAT(result.exit_code, Optional(Not(0)));
    EXPECT_THAT(result.stderr_text, HasSubstr("MINQING_HTTP_LISTN"));
}

TEST(CliApiTest, ListenAddressWithoutAPortIsRejected) {
    const test_support::TempDirectory directory;

    const RunResult result = RunProgram(
        {kBinary, "serve", "--listen", "nonsense", "--data-dir", directory.path().string()});

    EXPECT_THAT(result.exit_code, Optional(Not(0)));
    EXPECT_THAT(result.stderr_text, HasSubstr("http.listen"));
    EXPECT_THAT(result.stderr_text, HasSubstr("nonsense"));
}

TEST(CliApiTest, OfficeHoursThatAreNotTwoOrderedSpansAreRejected) {
    const test_support::TempDirectory directory;

    const RunResult result = RunProgram(
        {kBinary, "serve", "--listen", "127.0.0.1:0", "--data-dir", directory.path().string()},
        {"MINQING_WORK_TIME_MORNING=08:30-14:00", "MINQING_WORK_TIME_AFTERNOON=13:00-17:00"});

    EXPECT_THAT(result.exit_code, Optional(Not(0)));
    EXPECT_THAT(result.stderr_text, HasSubstr("workTime.morning"));
    EXPECT_THAT(result.stderr_text, HasSubstr("08:30-14:00"));
}

// Without the lookup page every reporter's SMS read "请凭编号和查询码在查看".
TEST(CliApiTest, SmsGatewayWithoutQueryUrlStopsTheStartNamingTheKey) {
    const test_support::TempDirectory directory;

    const RunResult result = RunProgram(
        {kBinary, "serve", "--listen", "127.0.0.1:0", "--data-dir", directory.path().string()},
        {"MINQING_NOTIFY_SMS_URL=http://127.0.0.1:9/sms"}, kStartLimit);

    ASSERT_TRUE(result.exit_code.has_value()) << "the server started";
    EXPECT_NE(*result.exit_code, 0);
    EXPECT_THAT(result.stderr_text, HasSubstr("notify.queryUrl"));
}

// Nothing listens on port 1: the server must give up at once and say where it tried.
TEST(CliApiTest, UnreachablePostgresStopsTheStartNamingTheAddress) {
    const RunResult result = RunProgram({kBinary, "serve", "--listen", "127.0.0.1:0", "--db",
                                         "postgresql://minqing@127.0.0.1:1/none"},
                                        {}, kStartLimit);

    ASSERT_TRUE(result.exit_code.has_value()) << "still trying after the guard time";
    EXPECT_NE(*result.exit_code, 0);
    EXPECT_THAT(result.stderr_text, HasSubstr("127.0.0.1:1"));
}

TEST(CliApiTest, MigrateCreatesTheSqliteDatabase) {
    const test_support::TempDirectory directory;

    const RunResult result =
        RunProgram({kBinary, "migrate", "--data-dir", directory.path().string()});

    EXPECT_THAT(result.exit_code, Optional(0)) << result.stderr_text;
    EXPECT_TRUE(std::filesystem::exists(directory.path() / "minqing.db"));
}

TEST(CliApiTest, ServeStopsGracefullyOnSigterm) {
    const test_support::TempDirectory directory;
    ChildProcess server(
        {kBinary, "serve", "--data-dir", directory.path().string(), "--listen", "127.0.0.1:0"});
    ASSERT_TRUE(server.WaitForStderr("listening on http://127.0.0.1:", kStartLimit))
        << server.stderr_text();
    ASSERT_TRUE(server.WaitForStderr(" (ready in", kStartLimit)) << server.stderr_text();
    std::smatch match;
    const std::string log = server.stderr_text();
    ASSERT_TRUE(
        std::regex_search(log, match, std::regex(R"(listening on http://127\.0\.0\.1:(\d+))")))
        << log;
    HttpClient client(static_cast<std::uint16_t>(std::stoi(match[1].str())));
    ASSERT_THAT(client.Get("/healthz"), HasStatus(200));

    server.Signal(SIGTERM);

    EXPECT_THAT(server.Wait(kStartLimit), Optional(0)) << server.stderr_text();
    EXPECT_THAT(server.stderr_text(), HasSubstr("stopped"));
}

}  // namespace
}  // namespace minqing::tests
