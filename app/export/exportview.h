#pragma once

#include "catalog/catalogitem.h"
#include "cost/workload.h"
#include "models/comparisonmodel.h"
#include "state/theme.h"

#include <QList>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <memory>

class QPainter;

namespace ace {
class Catalog;
class PriceBook;
} // namespace ace

namespace ace::exports {

// What an export shows besides the view itself: the workload its costs are for, its theme,
// what is highlighted, the two options compared (the `compare` view) and whether the
// background is left transparent (PNG and SVG only).
struct ExportOptions
{
    Workload workload;
    ui::Theme::Kind theme = ui::Theme::Kind::Light;
    CatalogItem select;    // null: nothing highlighted
    ComparedPair compared; // null: the first two options of the catalog
    bool transparent = false;
};

// A view that can be exported: it draws its content, legend included, at any size, from the
// data alone, never from what a window shows, so an export does not depend on zoom or window
// size. The figure around it (title and provenance caption) is drawn by Figure.
class ExportView
{
public:
    ExportView() = default;
    virtual ~ExportView() = default;
    Q_DISABLE_COPY_MOVE(ExportView)

    // The id on the command line (`--view stack`) and in the settings.
    virtual QString id() const = 0;
    // The figure's title.
    virtual QString title(const ExportOptions& options) const = 0;
    // The content's size at scale 1, in pixels (the comparison's depends on the pair).
    virtual QSizeF contentSize(const ExportOptions& options) const = 0;
    // Draws the content into `target` (of contentSize()'s aspect) with the options' workload,
    // theme and highlight, without a background: the figure paints it, or leaves it transparent.
    virtual void render(QPainter& painter, const QRectF& target, const ExportOptions& options) = 0;
};

// The views that can be exported, by id, in the order the export dialog lists them. A new view
// (the cost chart, the comparison) adds one entry to the table in exportview.cpp.
struct ExportViewInfo
{
    QString id;
    QString name; // as listed in the export dialog
};
QList<ExportViewInfo> exportViews();
// The view with this id, showing `catalog` and `prices`; null for an unknown id.
std::unique_ptr<ExportView> createExportView(const QString& id, const Catalog& catalog,
                                             const PriceBook& prices);

} // namespace ace::exports
