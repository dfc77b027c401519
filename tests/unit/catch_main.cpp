// The one translation unit that holds Catch2's main(). Catch2 itself needs
// C++ exceptions, so test files build with them even though core/ does not.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
