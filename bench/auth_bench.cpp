// What authentication costs per request: the digest of an API token, a warm session or
// token lookup through AuthService (cache hit, no database round trip), and for contrast the
// argon2id verification that only a login pays.
#include <filesystem>
#include <memory>

#include <benchmark/benchmark.h>

#include "common/clock.hpp"
#include "domain/store.hpp"
#include "service/auth_service.hpp"
#include "service/crypto.hpp"
#include "service/user_service.hpp"
#include "storage/database.hpp"
#include "storage/sql_store.hpp"

namespace {

using minqing::service::AuthService;

struct Fixture {
    Fixture() {
        dir = std::filesystem::temp_directory_path() / "minqing-bench-auth";
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        minqing::storage::DatabaseOptions options;
        options.url = "sqlite:" + (dir / "bench.db").string();
        store =
            std::make_unique<minqing::storage::SqlStore>(minqing::storage::OpenDatabase(options));
        store->Write([&](minqing::domain::Repositories& repositories) {
            minqing::domain::OrgUnit city;
            city.code = "220200";
            city.name = "吉林市";
            const auto unit = *repositories.Orgs().Insert(city);
            minqing::domain::User user;
            user.username = "admin";
            user.display_name = "管理员";
            user.password_hash = minqing::service::HashPassword("minqing-demo", {});
            const auto stored = *repositories.Users().Insert(user);
            (void)repositories.Users().AddRole(stored.id, minqing::domain::Role::kAdmin, unit.id,
                                               std::nullopt, clock.Now());
            return true;
        });
        auth = std::make_unique<AuthService>(*store, clock, minqing::service::AuthOptions{});
        login = *auth->Login("admin", "minqing-demo", "127.0.0.1");
        const auto principal = login.principal;
        token = auth->CreateApiToken(principal, "bench", principal.user_id, "127.0.0.1")->secret;
    }
    ~Fixture() { std::filesystem::remove_all(dir); }

    std::filesystem::path dir;
    minqing::SystemClock clock;
    std::unique_ptr<minqing::storage::SqlStore> store;
    std::unique_ptr<AuthService> auth;
    minqing::service::LoginResult login;
    std::string token;
};

Fixture& Shared() {
    static Fixture fixture;
    return fixture;
}

void BM_TokenDigest(benchmark::State& state) {
    const std::string token = minqing::service::RandomToken();
    for (auto _ : state) {
        benchmark::DoNotOptimize(minqing::service::Sha256Hex(token));
    }
}
BENCHMARK(BM_TokenDigest);

void BM_AuthenticateSessionWarm(benchmark::State& state) {
    auto& fixture = Shared();
    for (auto _ : state) {
        benchmark::DoNotOptimize(fixture.auth->AuthenticateSession(fixture.login.session_token));
    }
}
BENCHMARK(BM_AuthenticateSessionWarm)->Threads(1)->Threads(2);

void BM_AuthenticateBearerWarm(benchmark::State& state) {
    auto& fixture = Shared();
    for (auto _ : state) {
        benchmark::DoNotOptimize(fixture.auth->AuthenticateBearer(fixture.token));
    }
}
BENCHMARK(BM_AuthenticateBearerWarm)->Threads(1)->Threads(2);

void BM_VerifyPasswordArgon2id(benchmark::State& state) {
    const auto hash = minqing::service::HashPassword("minqing-demo", {});
    for (auto _ : state) {
        benchmark::DoNotOptimize(minqing::service::VerifyPassword(hash, "minqing-demo"));
    }
}
BENCHMARK(BM_VerifyPasswordArgon2id)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
