#pragma once

#include "export/exportview.h"
#include "state/explorerstate.h"

namespace ace::exports {

// `cost`: the workload's cost against request volume with its break-evens, above each
// option's bill broken down by line item, as the Costs dock shows them.
class CostExportView final : public ExportView
{
public:
    static constexpr const char16_t* viewId = u"cost";

    CostExportView(const Catalog& catalog, const PriceBook& prices);

    QString id() const override { return QString::fromUtf16(viewId); }
    QString title(const ExportOptions& options) const override;
    QSizeF contentSize(const ExportOptions& options) const override;
    void render(QPainter& painter, const QRectF& target, const ExportOptions& options) override;

private:
    // A state of its own, so exporting never changes what the window shows.
    ui::ExplorerState m_state;
};

} // namespace ace::exports
