// Price books (--prices, imported ones): any bytes either load into a price book the cost
// model can price every built-in option with (finite, non-negative totals; an infeasible
// option says why), or are refused with a DataError.
#include "catalog/catalog.h"
#include "cost/costmodel.h"
#include "cost/workload.h"
#include "costinvariants.h"
#include "fuzzinput.h"
#include "pricing/pricebook.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace ace;
    static const Catalog catalog = Catalog::loadBuiltIn();
    const std::optional<PriceBook> loaded =
        fuzz::loadInput(data, size, QStringLiteral("prices.json"), &PriceBook::load);
    if (!loaded)
        return 0;
    const PriceBook& prices = *loaded;
    prices.rateSources();
    // The default workload, and the same on Arm with a door and data transfer out, so the
    // optional rate groups are priced too.
    Workload wholeBill;
    wholeBill.architecture = Architecture::Arm64;
    wholeBill.requestPath.defaultDoor = RequestDoor::Alb;
    wholeBill.requestPath.lambda = RequestDoor::ApiGatewayHttp;
    wholeBill.traffic.avgResponseKb = 20;
    wholeBill.eksSupport = EksSupport::Extended;
    for (const Workload& workload : {Workload(), wholeBill}) {
        for (const DeploymentOption& option : catalog.options())
            fuzz::checkEstimate(estimateOption(option, workload, prices), option, workload, prices);
    }
    return 0;
}
