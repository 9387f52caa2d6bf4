#pragma once

#include "diagram/stackdiagramscene.h"

#include <QGraphicsView>
#include <QHash>

namespace ace::diagram {

// Shows the stack diagram: fits the whole scene on resize (keeping its aspect) until the user
// zooms, but never so small that its smallest text is hard to read: below that scale it
// scrolls instead, keeping the current option's column in sight. Ctrl+wheel zooms around the
// pointer. While the column headers or the layer names are scrolled out of sight, the view
// draws them frozen at its top and left edges (over the scene, so exports never show them);
// clicks, hover and tooltips there reach the heading drawn. Keyboard: Left/Right move the current
// option between columns, Up/Down walk the current column's stack (header, then each service from
// the top), Esc clears the selection, Ctrl++ / Ctrl+- / Ctrl+0 zoom and fit.
class StackDiagramView final : public QGraphicsView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StackDiagramView)

public:
    explicit StackDiagramView(StackDiagramScene* scene, QWidget* parent = nullptr);

    StackDiagramScene* diagram() const { return m_scene; }
    // Whether the view follows its size (true until the user zooms; resetZoom() restores it).
    bool isFitting() const { return m_fitting; }
    // The scale at which the smallest text is as small as reading allows; fitting stops there.
    qreal readableScale() const;
    // Where the frozen headings are drawn now, in viewport coordinates, by option or layer id;
    // empty while every heading is in its own place.
    QHash<QString, QRect> frozenHeadingRects() const;

public slots:
    void zoomIn();
    void zoomOut();
    // Fits the whole diagram again, and keeps fitting it as the view resizes.
    void resetZoom();

protected:
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override;
    void scrollContentsBy(int dx, int dy) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    bool viewportEvent(QEvent* event) override;

private:
    // Where the headings that left the visible area are drawn, in scene coordinates: shifted
    // by `shift` onto a background `strip` at the view's edge. A null strip: not frozen.
    struct Frozen
    {
        QRectF strip;
        QPointF shift;
    };
    struct FrozenHeadings
    {
        Frozen columns; // the headers, at the top
        Frozen rows;    // the layer names, at the left
        // Above the names' strip where it reaches under the headers' strip, left empty; null
        // when they do not meet.
        QRectF corner() const;
    };
    FrozenHeadings frozenHeadings() const;
    // What is drawn at `viewportPoint`, in viewport coordinates: where the heading frozen there
    // really is, else the point itself.
    QPointF underlyingPoint(const QPointF& viewportPoint) const;
    void paintFrozen(QPainter* painter, const QList<StackDiagramScene::Heading>& headings,
                     const Frozen& frozen, const QLineF& edge);

    // Fits the scene, down to readableScale(). `restart` scrolls a diagram larger than the
    // view back to its start; otherwise a resize at that scale keeps where it was scrolled.
    void fit(bool restart = false);
    // Zooms by `factor` (within limits), keeping what is at `fixedViewPoint` in place.
    void zoomBy(qreal factor, const QPoint& fixedViewPoint);
    // The column keyboard navigation works in: the current option's, or for a current
    // service the last column visited that uses it (else the first one that does).
    QString navigationColumn() const;
    void moveToColumn(int step);
    void moveInStack(int step);
    void followCurrent();
    // Scrolls the current option's column, or the current service's block, into sight.
    void revealCurrent();
    // Scrolls as little as needed to bring `sceneRect` into the part of the view that frozen
    // headings never cover.
    void reveal(const QRectF& sceneRect);

    StackDiagramScene* m_scene;
    bool m_fitting = true;
    QString m_lastColumn;
};

} // namespace ace::diagram
