// minqing-demo: the server's command line (app/cli.hpp) with `serve --demo` also loading
// generated cases (demo.cases, default 20,000) into a freshly seeded database. The production
// binary links no generator; this one is for `make run`, the browser tests and the benchmarks.
#include "app/cli.hpp"
#include "case_generator.hpp"

int main(int argc, char** argv) {
    return minqing::app::RunCli(argc, argv, &minqing::casegen::GenerateDemoCases);
}
