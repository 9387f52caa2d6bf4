#pragma once

#include "cli/commandline.h"

namespace ace::cli {

// `list [--json]`: the catalog's services, deployment options with their stacks, layers and
// who manages each layer in each option.
int runList(const QStringList& arguments, const CommandContext& context);

} // namespace ace::cli
