#include "cli/commandline.h"

int main(int argc, char* argv[])
{
    return ace::cli::main(argc, argv);
}
