// Catalog files (--catalog): any bytes either load into a catalog every query can rely on, or
// are refused with a DataError.
#include "catalog/catalog.h"
#include "fuzzinput.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace ace;
    const std::optional<Catalog> loaded =
        fuzz::loadInput(data, size, QStringLiteral("catalog.json"), &Catalog::load);
    if (!loaded)
        return 0;
    const Catalog& catalog = *loaded;
    // What the views ask of a loaded catalog: stacks, substrates, responsibilities per layer.
    for (const Service& service : catalog.services()) {
        catalog.substratesOf(service.id);
        catalog.servicesOn(service.id);
        catalog.optionsUsing(service.id);
    }
    const QList<DeploymentOption>& options = catalog.options();
    for (const DeploymentOption& option : options) {
        ACE_FUZZ_REQUIRE(!option.stack.isEmpty() && catalog.service(option.topService()),
                         option.id);
        ACE_FUZZ_REQUIRE(option.responsibilities.size() == catalog.layers().size(), option.id);
        ACE_FUZZ_REQUIRE(option.attributeValues.size() == catalog.attributes().size(), option.id);
        for (const Layer& layer : catalog.layers())
            ACE_FUZZ_REQUIRE(catalog.responsibility(option.id, layer.id), option.id);
        for (const DeploymentOption& other : options)
            catalog.responsibilityDifferences(option.id, other.id);
    }
    if (options.size() >= 2) {
        const QStringList pair = {options.constLast().id, options.constFirst().id};
        ACE_FUZZ_REQUIRE(catalog.withOnlyOptions(pair).options().size() == 2,
                         pair.join(QLatin1Char(',')));
    }
    return 0;
}
