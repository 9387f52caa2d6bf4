// Workload files (--workload, File > Open): any bytes either load into a workload that saves
// and reads back the same, or are refused with a DataError.
#include "cost/workload.h"
#include "fuzzinput.h"
#include "json/dataerror.h"

#include <QJsonDocument>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace ace;
    const std::optional<Workload> loaded =
        fuzz::loadInput(data, size, QStringLiteral("workload.json"), &Workload::load);
    if (!loaded)
        return 0;
    const Workload& workload = *loaded;
    const QJsonObject saved = workload.toJson();
    try {
        const Workload reread = Workload::fromJson(saved, QStringLiteral("saved workload.json"));
        ACE_FUZZ_REQUIRE(reread == workload,
                         QString::fromUtf8(QJsonDocument(saved).toJson(QJsonDocument::Compact)));
    } catch (const DataError& error) {
        fuzz::invariantFailed(__FILE__, __LINE__, "a saved workload reads back", error.toString());
    }
    return 0;
}
