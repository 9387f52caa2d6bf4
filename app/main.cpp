#include "cli/commandline.h"

#include <cstdio>
#include <new>

int main(int argc, char* argv[])
{
    // The loaders bound every input, so running out of memory means an input still too large
    // for this machine: a message and the bad-input status, not an abort.
    try {
        return ace::cli::main(argc, argv);
    } catch (const std::bad_alloc&) {
        std::fputs("aws-compute-explorer: out of memory: an input file is too large for this "
                   "machine\n",
                   stderr);
        return ace::cli::ExitBadInput;
    }
}
