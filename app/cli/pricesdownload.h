#pragma once

#include "cli/commandline.h"

namespace ace::cli {

// `prices download --region R [--offers A,B] [--endpoint URL]`: downloads the region's current
// Price List offer files into the cache (reusing the ones whose version is unchanged), with a
// progress line on stderr, then imports them into the region's price book in the user's data
// folder, as `prices import` does. `arguments[0]` is the subcommand's name ("download").
// Exit status 1 when a download fails (nothing replaced), 2 for bad usage, a region or offer
// the Price List does not have, or files that do not import.
int runPricesDownload(const QStringList& arguments, const CommandContext& context);

} // namespace ace::cli
