#pragma once

#include "cli/commandline.h"

namespace ace::cli {

// `export --view ID -o FILE [--workload FILE] [quick workload options] [--select ID]
// [--scale N | --width W --height H] [--transparent] [--theme light|dark]`: writes a view, with
// the workload's costs, as a PNG, SVG or PDF figure, by FILE's suffix.
int runExport(const QStringList& arguments, const CommandContext& context);

} // namespace ace::cli
