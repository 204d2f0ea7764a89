// The production binary: the command line of app/cli.hpp, with no case generator linked in.
#include "app/cli.hpp"

int main(int argc, char** argv) {
    return minqing::app::RunCli(argc, argv, {});
}
