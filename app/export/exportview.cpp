#include "export/exportview.h"

#include "export/compareexportview.h"
#include "export/costexportview.h"
#include "export/diagramexportviews.h"

#include <QCoreApplication>

namespace ace::exports {

namespace {

struct Registration
{
    const char16_t* id;
    const char* name; // translated in the ExportView context
    std::unique_ptr<ExportView> (*create)(const Catalog& catalog, const PriceBook& prices);
};

template <typename View>
std::unique_ptr<ExportView> make(const Catalog& catalog, const PriceBook& prices)
{
    return std::make_unique<View>(catalog, prices);
}

const Registration registrations[] = {
    {StackExportView::viewId, QT_TRANSLATE_NOOP("ExportView", "Stack diagram"),
     make<StackExportView>},
    {ResponsibilityExportView::viewId, QT_TRANSLATE_NOOP("ExportView", "Responsibility matrix"),
     make<ResponsibilityExportView>},
    {CostExportView::viewId, QT_TRANSLATE_NOOP("ExportView", "Cost charts"), make<CostExportView>},
    {CompareExportView::viewId, QT_TRANSLATE_NOOP("ExportView", "Comparison of two options"),
     make<CompareExportView>},
};

} // namespace

QList<ExportViewInfo> exportViews()
{
    QList<ExportViewInfo> views;
    for (const Registration& registration : registrations) {
        views.append({QString::fromUtf16(registration.id),
                      QCoreApplication::translate("ExportView", registration.name)});
    }
    return views;
}

std::unique_ptr<ExportView> createExportView(const QString& id, const Catalog& catalog,
                                             const PriceBook& prices)
{
    for (const Registration& registration : registrations) {
        if (id == QStringView(registration.id))
            return registration.create(catalog, prices);
    }
    return nullptr;
}

} // namespace ace::exports
