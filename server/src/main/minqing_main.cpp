// The production binary: the command line of main/cli.hpp, with no case generator linked in.
#include "main/cli.hpp"

int main(int argc, char** argv) {
    return minqing::app::RunCli(argc, argv, {});
}
