#pragma once

#include "diagram/stackdiagramscene.h"
#include "export/exportview.h"
#include "state/explorerstate.h"

namespace ace::exports {

// A view exported from a stack diagram scene of its own (so exporting never restyles or
// reselects what the window shows), drawn as horizontal slices of the scene stacked on top of
// each other.
class DiagramExportView : public ExportView
{
public:
    DiagramExportView(const Catalog& catalog, const PriceBook& prices);

    QSizeF contentSize(const ExportOptions& options) const final;
    void render(QPainter& painter, const QRectF& target, const ExportOptions& options) final;

    const diagram::StackDiagramScene& scene() const { return m_scene; }
    // Where a part of the scene (inside one slice) is drawn in the content at scale 1, so a
    // caller can point at it in an export.
    QRectF contentRectOf(const QRectF& sceneRect) const;

protected:
    // The scene with its outer margin trimmed, leaving room for the outlines of marked items.
    QRectF trimmedSceneRect() const;
    // Set by subclasses' constructors: the parts of the scene shown, top to bottom.
    void setSlices(const QList<QRectF>& slices) { m_slices = slices; }

private:
    ui::ExplorerState m_state;
    diagram::StackDiagramScene m_scene;
    QList<QRectF> m_slices;
};

// `stack`: the whole stack diagram, with who manages each layer and the legend.
class StackExportView final : public DiagramExportView
{
public:
    static constexpr const char16_t* viewId = u"stack";

    StackExportView(const Catalog& catalog, const PriceBook& prices);
    QString id() const override { return QString::fromUtf16(viewId); }
    QString title(const ExportOptions& options) const override;
};

// `responsibility`: the layers × options matrix, under the options' names, with the legend.
class ResponsibilityExportView final : public DiagramExportView
{
public:
    static constexpr const char16_t* viewId = u"responsibility";

    ResponsibilityExportView(const Catalog& catalog, const PriceBook& prices);
    QString id() const override { return QString::fromUtf16(viewId); }
    QString title(const ExportOptions& options) const override;
};

} // namespace ace::exports
