// The whole cost pipeline (computeCostResults: every option's estimate, the sweep over request
// volume, the break-evens and near ties, a comparison) on every workload that loads, with the
// invariants of fuzz/support/costinvariants.h asserted.
//
// The input is up to three files cut at lines that are exactly "---": a workload, then
// optionally a price book, then optionally a catalog; the built-in price book and catalog
// stand in for a part that is absent or empty. A part that does not load ends the input.
#include "catalog/catalog.h"
#include "cost/costresults.h"
#include "costinvariants.h"
#include "fuzzinput.h"
#include "pricing/pricebook.h"

#include <optional>

namespace {

using namespace ace;

// The sweep's points: the charts' 500 cost as much as the break-even search; a coarser sweep
// checks the same arithmetic and leaves the time to more inputs.
constexpr int curvePoints = 50;

// The part `index` of `parts` loaded with `load`; `builtIn` when the input has no such part,
// nullopt when the part does not load.
template <typename Loaded, typename Load>
std::optional<Loaded> loadPart(const QList<QByteArray>& parts, qsizetype index,
                               const Loaded& builtIn, const QString& name, Load load)
{
    if (index >= parts.size() || parts.at(index).trimmed().isEmpty())
        return builtIn;
    return fuzz::loadInput(parts.at(index), name, load);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const PriceBook builtInPrices = PriceBook::loadBuiltIn();
    static const Catalog builtInCatalog = Catalog::loadBuiltIn();
    const QList<QByteArray> parts = fuzz::splitParts(data, size);
    if (parts.size() > 3)
        return 0;
    const std::optional<Workload> workload =
        fuzz::loadInput(parts.constFirst(), QStringLiteral("workload.json"), &Workload::load);
    if (!workload)
        return 0;
    const std::optional<PriceBook> prices =
        loadPart(parts, 1, builtInPrices, QStringLiteral("prices.json"), &PriceBook::load);
    if (!prices)
        return 0;
    const std::optional<Catalog> catalog =
        loadPart(parts, 2, builtInCatalog, QStringLiteral("catalog.json"), &Catalog::load);
    if (!catalog)
        return 0;
    // A pair to compare, chosen by the input so that every pair gets compared.
    QStringList pair;
    const QList<DeploymentOption>& options = catalog->options();
    if (options.size() >= 2) {
        const auto first = static_cast<qsizetype>(size % static_cast<std::size_t>(options.size()));
        const qsizetype second =
            (first + 1 + qsizetype(size / 7) % (options.size() - 1)) % options.size();
        pair = {options.at(first).id, options.at(second).id};
    }
    const CostResults results = computeCostResults(*catalog, *workload, *prices, pair, curvePoints);
    fuzz::checkCostResults(results, *catalog, *prices, pair);
    return 0;
}
