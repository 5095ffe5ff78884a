// A property check for the fuzz targets. Not assert(): the replay executables are built in
// Release (NDEBUG), where assert would check nothing. abort() is what libFuzzer reports as a
// crash and what ctest reports as a failed replay.
#pragma once

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition, what)                                                                \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "%s:%d: property violated: %s\n", __FILE__, __LINE__, what);      \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)
