// cli_main.cpp — core/cli/main.cpp with its main() renamed, so that
// green_main.cpp can attach a green scheduler before the CLI runs.
// Every header main.cpp uses comes first, so the rename touches only it.
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "glasspy.h"

#define main glasspy_cli_main
#include "../../core/cli/main.cpp"
#undef main
