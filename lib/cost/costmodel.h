#pragma once

#include "cost/workload.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <iterator>
#include <optional>

namespace ace {

class Catalog;
class PriceBook;
struct DeploymentOption;

// The most tasks, pods or instances an estimate provisions: a load that needs more is beyond
// any real fleet, and the option is infeasible for it (with the number it would need).
inline constexpr double largestFleet = 1'000'000;

// What a charge is, the same across options so their bills compare kind by kind; set by the
// cost model, never read from a label or unit. The order is the bill breakdown's stacking
// order: what runs the code, then what surrounds it (control plane, request path, data
// transfer), then the discount, which stacks below zero. A new kind is one enumerator here and
// its row in lineItemKinds; ids are what files and scripts see, so they never change.
enum class LineItemKind {
    Requests,
    Duration,
    Compute,
    Storage,
    ControlPlane,
    RequestPath,  // API Gateway or a load balancer in front of the compute
    DataTransfer, // out to the internet
    Discount,     // the user's purchase discount: the one kind with negative amounts
};

struct LineItemKindNames
{
    LineItemKind kind;
    const char16_t* id; // stable, lower case: `kind` in cost --json and cost --csv
    const char* name;   // what the bill breakdown calls it (translated in context "LineItemKind")
};

// Every kind, in enumerator order.
inline constexpr LineItemKindNames lineItemKinds[] = {
    {LineItemKind::Requests, u"requests", QT_TRANSLATE_NOOP("LineItemKind", "Requests")},
    {LineItemKind::Duration, u"duration", QT_TRANSLATE_NOOP("LineItemKind", "Duration")},
    {LineItemKind::Compute, u"compute", QT_TRANSLATE_NOOP("LineItemKind", "Compute")},
    {LineItemKind::Storage, u"storage", QT_TRANSLATE_NOOP("LineItemKind", "Storage")},
    {LineItemKind::ControlPlane, u"control-plane",
     QT_TRANSLATE_NOOP("LineItemKind", "Control plane")},
    {LineItemKind::RequestPath, u"request-path", QT_TRANSLATE_NOOP("LineItemKind", "Request path")},
    {LineItemKind::DataTransfer, u"data-transfer",
     QT_TRANSLATE_NOOP("LineItemKind", "Data transfer")},
    {LineItemKind::Discount, u"discount", QT_TRANSLATE_NOOP("LineItemKind", "Discount")},
};
constexpr int lineItemKindCount = static_cast<int>(std::size(lineItemKinds));

constexpr bool lineItemKindsInEnumeratorOrder()
{
    for (int i = 0; i < lineItemKindCount; ++i) {
        if (static_cast<int>(lineItemKinds[i].kind) != i)
            return false;
    }
    return true;
}
static_assert(lineItemKindsInEnumeratorOrder(), "lineItemKinds lists each kind at its index");

// "compute", "control-plane", ...
QString lineItemKindId(LineItemKind kind);
// "Compute", "Control plane", ...: a kind's name in the bill breakdown.
QString lineItemKindName(LineItemKind kind);

// One priced quantity of an estimate: quantity × rate = amount, in the price book's currency.
// Nothing is rounded; rounding is for display.
struct LineItem
{
    LineItemKind kind = LineItemKind::Compute;
    QString label; // "Requests", "Fargate vCPU", "m5.large instances", ...
    double quantity = 0;
    QString unit;    // "requests", "GB-s", "vCPU-hours", "instance-hours", ...
    double rate = 0; // per unit
    double amount = 0;
};

// What an estimate provisions. Only what applies to the option is set.
struct Capacity
{
    std::optional<int> tasks;       // ECS tasks or EKS pods
    std::optional<double> taskVcpu; // the billed (rounded) Fargate size
    std::optional<double> taskMemoryGb;
    QString instanceType; // empty unless EC2 instances are used
    std::optional<int> instances;
    std::optional<int> tasksPerInstance;
    std::optional<int> clusters;
};

// The monthly cost of one deployment option for one workload (DESIGN.md §5).
struct Estimate
{
    QString optionId;
    QString optionName;
    bool feasible = true;
    std::optional<double> monthlyTotal; // nullopt exactly when infeasible
    QList<LineItem> lineItems;
    Capacity capacity;
    // Every assumption applied, and for an infeasible option the reason.
    QStringList notes;
};

// Prices one option. The cost model is chosen from the option's stack, not its id: Lambda in
// the stack, or Fargate or EC2 at its bottom, with an orchestrator (ECS, EKS) on top.
Estimate estimateOption(const DeploymentOption& option, const Workload& workload,
                        const PriceBook& prices);
// One estimate per catalog option, in catalog order.
QList<Estimate> estimateAll(const Catalog& catalog, const Workload& workload,
                            const PriceBook& prices);
// The same arithmetic as estimateOption without line items or notes (nullopt when infeasible):
// cheap enough to call thousands of times for sweeps and break-even searches.
std::optional<double> estimateMonthlyTotal(const DeploymentOption& option, const Workload& workload,
                                           const PriceBook& prices);

// A line item's rate as a bill writes it: "$0.0000002" per unit, or for a discount (whose rate
// is minus the fraction taken off) "-60%".
QString lineItemRateText(const LineItem& item, const QString& currency);

// Why an infeasible estimate cannot be met (empty when it can). The cost model stops at the
// first reason, so the notes of an infeasible estimate are that reason and the assumptions that
// led to it.
QString infeasibleReasonOf(const Estimate& estimate);

// How many times this process has priced an option (estimateOption and estimateMonthlyTotal
// calls). Cheap to keep; tests use it to check that a workload edit is priced once, by the
// state, and never by a view.
quint64 costModelEvaluations();

// An estimate in the shape of DESIGN.md §5 ("monthlyTotal": null when infeasible).
QJsonObject estimateToJson(const Estimate& estimate);
// Where the rates come from: {region, currency, asOf, source, rateSources: {group: url}}.
QJsonObject priceBookProvenanceJson(const PriceBook& prices);

} // namespace ace
