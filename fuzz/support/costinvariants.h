#pragma once

#include "cost/costresults.h"

// The invariants of the cost model's results, asserted by the targets that price what they
// load (ACE_FUZZ_REQUIRE: a broken one aborts, and libFuzzer keeps the input).
namespace ace {
class Catalog;
class PriceBook;
struct DeploymentOption;
struct Workload;
} // namespace ace

namespace ace::fuzz {

// An estimate: feasible exactly when it has a total; the total finite, never negative, the sum
// of its line items, and to the last bit what the fast path (estimateMonthlyTotal) computes;
// an infeasible estimate says why.
void checkEstimate(const Estimate& estimate, const DeploymentOption& option,
                   const Workload& workload, const PriceBook& prices);

// A monthly total anywhere (a sweep point, a near tie's band): finite and never negative.
void checkTotal(double total, const QString& where);

// Everything computeCostResults returns: every estimate (checkEstimate), the sweep, every
// break-even consistent with the model at its volume (the option it names as cheapest below is
// the cheapest one request earlier, the one above is the cheapest there and costs what the
// crossing says), the near ties, the reasons of options never feasible, and the comparison.
void checkCostResults(const CostResults& results, const Catalog& catalog, const PriceBook& prices,
                      const QStringList& comparedOptionIds);

} // namespace ace::fuzz
