// minqing-demo: the server's command line (app/cli.hpp) with `serve --demo` also loading
// generated cases (demo.cases, default 20,000) into a freshly seeded database. The production
// binary links no generator; this one is for `make run`, the browser tests and the benchmarks.
#include "app/cli.hpp"
#include "case_generator.hpp"

int main(int argc, char** argv) {
    namespace casegen = minqing::casegen;
    return minqing::app::RunCli(argc, argv,
                                [](minqing::domain::Store& store, minqing::Instant now,
                                   std::int64_t count) -> minqing::Result<std::int64_t> {
                                    // A living city rather than an empty table: the benchmarks'
                                    // generator, at the demo size, over the last year ending now
                                    // (casegen::kDemoDays).
                                    casegen::GeneratorOptions options;
                                    options.now = now;
                                    options.count = count;
                                    auto generated = casegen::GenerateCases(store, options);
                                    if (!generated) {
                                        return minqing::Fail(std::move(generated.error()));
                                    }
                                    return generated->cases;
                                });
}
