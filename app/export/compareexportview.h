#pragma once

#include "export/exportview.h"
#include "state/explorerstate.h"

#include <QTextDocument>

#include <memory>

namespace ace::ui {
class Comparison;
}

namespace ace::exports {

// `compare`: two deployment options side by side, as the compare view shows them: the two
// stacks with the layers managed differently highlighted and listed, the attribute table, and
// both estimates with their difference and break-evens beside a chart of the two curves.
// Without a valid pair in the options it compares the catalog's first two options (and with
// fewer than two options in the catalog it is empty).
class CompareExportView final : public ExportView
{
public:
    static constexpr const char16_t* viewId = u"compare";

    CompareExportView(const Catalog& catalog, const PriceBook& prices);
    ~CompareExportView() override;

    QString id() const override { return QString::fromUtf16(viewId); }
    QString title(const ExportOptions& options) const override;
    QSizeF contentSize(const ExportOptions& options) const override;
    void render(QPainter& painter, const QRectF& target, const ExportOptions& options) override;

private:
    // Where the parts go at scale 1.
    struct Layout
    {
        QRectF stacks;
        QRectF differences;
        QRectF attributes;
        QRectF costs;
        QRectF chart;
        QSizeF size;
    };
    // Follows the options: the comparison of their pair, with their workload and theme; null
    // only for a catalog of fewer than two options.
    ui::Comparison* prepare(const ExportOptions& options) const;
    Layout layout() const;

    // A state of its own, so exporting never changes what the window shows.
    mutable ui::ExplorerState m_state;
    mutable std::unique_ptr<ui::Comparison> m_comparison;
    mutable QTextDocument m_differences;
    mutable QTextDocument m_attributes;
    mutable QTextDocument m_costs;
};

} // namespace ace::exports
