#pragma once

#include "cli/commandline.h"

namespace ace::cli {

// `advise --answers FILE [WORKLOAD] [--json|--markdown]`: the deployment options ranked for the
// answers (and the workload's monthly costs, when one is given), every rank with its reasons.
int runAdvise(const QStringList& arguments, const CommandContext& context);

} // namespace ace::cli
