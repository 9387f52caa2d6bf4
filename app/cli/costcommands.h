#pragma once

#include "cli/commandline.h"

namespace ace {
class PriceBook;
struct Workload;
} // namespace ace

namespace ace::cli {

// The lines that open a report on a workload: `title` and the workload's name, what it is, and
// the price book, wrapped to `width`.
QString workloadHeader(const QString& title, const Workload& workload, const PriceBook& prices,
                       int width);

// `cost [--workload FILE] [quick workload options] [--option ID]... [--json|--csv]`: the
// monthly estimate of every (or the named) deployment option, with line items and notes.
int runCost(const QStringList& arguments, const CommandContext& context);

// `breakeven [--workload FILE] [quick workload options] [--json]`: the request volumes at
// which the cheapest option changes.
int runBreakEven(const QStringList& arguments, const CommandContext& context);

} // namespace ace::cli
