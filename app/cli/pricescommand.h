#pragma once

#include "cli/commandline.h"

namespace ace::cli {

// `prices import --region REGION FILE... [-o OUT.json]`: AWS Price List offer files to a price
// book (by default into the imported folder, where --region and the window find it).
// `prices list [--json]`: the built-in and imported price books, their dates and sources.
int runPrices(const QStringList& arguments, const CommandContext& context);

} // namespace ace::cli
