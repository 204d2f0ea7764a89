// minqing serve | migrate | version | wire-types | wire-docs: parses the command line, sets
// up logging and signals, and runs the App until SIGINT or SIGTERM. Shared by the production
// binary (app/minqing_main.cpp) and the demo binary (bench/generator/minqing_demo_main.cpp),
// which differ only in whether `serve --demo` can generate cases.
#pragma once

#include "app/app.hpp"

namespace minqing::app {

/// The process's exit code. `demo_cases` may be empty: then `--demo` loads no cases.
int RunCli(int argc, char** argv, const DemoCaseLoader& demo_cases);

}  // namespace minqing::app
