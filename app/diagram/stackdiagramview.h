#pragma once

#include <QGraphicsView>

namespace ace::diagram {

class StackDiagramScene;

// Shows the stack diagram: fits the whole scene on resize (keeping its aspect) until the user
// zooms; Ctrl+wheel zooms around the pointer. Keyboard: Left/Right move the current option
// between columns, Up/Down walk the current column's stack (header, then each service from the
// top), Esc clears the selection, Ctrl++ / Ctrl+- / Ctrl+0 zoom and fit.
class StackDiagramView final : public QGraphicsView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StackDiagramView)

public:
    explicit StackDiagramView(StackDiagramScene* scene, QWidget* parent = nullptr);

    StackDiagramScene* diagram() const { return m_scene; }
    // Whether the view follows its size (true until the user zooms; resetZoom() restores it).
    bool isFitting() const { return m_fitting; }

public slots:
    void zoomIn();
    void zoomOut();
    // Fits the whole diagram again, and keeps fitting it as the view resizes.
    void resetZoom();

protected:
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void fit();
    // Zooms by `factor` (within limits), keeping what is at `fixedViewPoint` in place.
    void zoomBy(qreal factor, const QPoint& fixedViewPoint);
    // The column keyboard navigation works in: the current option's, or for a current
    // service the last column visited that uses it (else the first one that does).
    QString navigationColumn() const;
    void moveToColumn(int step);
    void moveInStack(int step);
    void followCurrent();

    StackDiagramScene* m_scene;
    bool m_fitting = true;
    QString m_lastColumn;
};

} // namespace ace::diagram
