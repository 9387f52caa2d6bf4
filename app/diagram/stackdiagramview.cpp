#include "diagram/stackdiagramview.h"

#include "catalog/catalog.h"
#include "diagram/stackdiagramscene.h"
#include "ui/explorerstate.h"

#include <QKeyEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace ace::diagram {

namespace {

constexpr qreal zoomStep = 1.25;
// Limits relative to 100 %: beyond them the diagram is a blur or a speck.
constexpr qreal minimumScale = 0.1;
constexpr qreal maximumScale = 8;

} // namespace

StackDiagramView::StackDiagramView(StackDiagramScene* scene, QWidget* parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Stack diagram"));

    ui::ExplorerState& state = m_scene->state();
    connect(&state, &ui::ExplorerState::currentChanged, this, &StackDiagramView::followCurrent);
    connect(m_scene, &QGraphicsScene::sceneRectChanged, this, [this] {
        if (m_fitting)
            fit();
    });
    followCurrent();
}

void StackDiagramView::zoomIn()
{
    zoomBy(zoomStep, viewport()->rect().center());
}

void StackDiagramView::zoomOut()
{
    zoomBy(1 / zoomStep, viewport()->rect().center());
}

void StackDiagramView::resetZoom()
{
    m_fitting = true;
    fit();
}

void StackDiagramView::fit()
{
    fitInView(sceneRect(), Qt::KeepAspectRatio);
}

void StackDiagramView::zoomBy(qreal factor, const QPoint& fixedViewPoint)
{
    const qreal current = transform().m11();
    const qreal target = std::clamp(current * factor, minimumScale, maximumScale);
    if (qFuzzyCompare(target, current))
        return;
    m_fitting = false;
    // Scale, then scroll so the scene point that was at `fixedViewPoint` is there again (as far
    // as the scroll range allows). QGraphicsView's AnchorUnderMouse would use the last mouse
    // move instead of where the wheel event happened.
    const QPointF fixedScenePoint = mapToScene(fixedViewPoint);
    const ViewportAnchor previous = transformationAnchor();
    setTransformationAnchor(NoAnchor);
    scale(target / current, target / current);
    setTransformationAnchor(previous);
    const QPoint drift = mapFromScene(fixedScenePoint) - fixedViewPoint;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + drift.x());
    verticalScrollBar()->setValue(verticalScrollBar()->value() + drift.y());
}

void StackDiagramView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    if (m_fitting)
        fit();
}

void StackDiagramView::wheelEvent(QWheelEvent* event)
{
    if (!(event->modifiers() & Qt::ControlModifier)) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    // One notch (120 eighths of a degree) is one zoom step; touchpads send smaller deltas.
    const qreal notches = event->angleDelta().y() / 120.0;
    if (notches != 0)
        zoomBy(std::pow(zoomStep, notches), event->position().toPoint());
    event->accept();
}

void StackDiagramView::keyPressEvent(QKeyEvent* event)
{
    if (event->matches(QKeySequence::ZoomIn)) {
        zoomIn();
    } else if (event->matches(QKeySequence::ZoomOut)) {
        zoomOut();
    } else if (event->key() == Qt::Key_0 && event->modifiers() == Qt::ControlModifier) {
        resetZoom();
    } else if (event->modifiers() & ~Qt::KeypadModifier) {
        QGraphicsView::keyPressEvent(event);
        return;
    } else if (event->key() == Qt::Key_Left) {
        moveToColumn(-1);
    } else if (event->key() == Qt::Key_Right) {
        moveToColumn(+1);
    } else if (event->key() == Qt::Key_Up) {
        moveInStack(-1);
    } else if (event->key() == Qt::Key_Down) {
        moveInStack(+1);
    } else if (event->key() == Qt::Key_Escape) {
        m_scene->state().setCurrent({});
    } else {
        QGraphicsView::keyPressEvent(event);
        return;
    }
    event->accept();
}

QString StackDiagramView::navigationColumn() const
{
    const ui::ExplorerState& state = m_scene->state();
    const CatalogItem current = state.current();
    if (current.kind == CatalogItem::Kind::Option)
        return current.id;
    if (current.kind != CatalogItem::Kind::Service)
        return {};
    const Catalog& catalog = state.catalog();
    const DeploymentOption* last = catalog.option(m_lastColumn);
    if (last && last->uses(current.id))
        return m_lastColumn;
    const QStringList columns = m_scene->columnOrder();
    const auto first = std::find_if(columns.cbegin(), columns.cend(), [&](const QString& id) {
        return catalog.option(id)->uses(current.id);
    });
    return first == columns.cend() ? QString() : *first;
}

void StackDiagramView::moveToColumn(int step)
{
    const QStringList columns = m_scene->columnOrder();
    if (columns.isEmpty())
        return;
    const auto at = columns.indexOf(navigationColumn());
    const qsizetype next = at < 0 ? (step > 0 ? 0 : columns.size() - 1)
                                  : std::clamp<qsizetype>(at + step, 0, columns.size() - 1);
    m_scene->state().setCurrent(CatalogItem::option(columns.at(next)));
}

void StackDiagramView::moveInStack(int step)
{
    ui::ExplorerState& state = m_scene->state();
    QString columnId = navigationColumn();
    if (columnId.isEmpty() && !m_scene->columnOrder().isEmpty())
        columnId = m_scene->columnOrder().constFirst();
    const DeploymentOption* option = state.catalog().option(columnId);
    if (!option)
        return;
    // Position -1 is the column's header; 0 … size-1 the stack from the top down.
    const CatalogItem current = state.current();
    const qsizetype at = current.kind == CatalogItem::Kind::Service
                             ? option->stack.indexOf(current.id)
                             : (current.kind == CatalogItem::Kind::Option ? -1 : -2);
    const qsizetype next = std::clamp<qsizetype>(at + step, -1, option->stack.size() - 1);
    m_lastColumn = option->id;
    state.setCurrent(next < 0 ? CatalogItem::option(option->id)
                              : CatalogItem::service(option->stack.at(next)));
}

void StackDiagramView::followCurrent()
{
    const CatalogItem current = m_scene->state().current();
    if (current.kind == CatalogItem::Kind::Option)
        m_lastColumn = current.id;
    if (m_fitting)
        return;
    // Zoomed in: bring what was selected (perhaps in the tree) into sight, in the column the
    // keyboard works in.
    if (current.kind == CatalogItem::Kind::Option) {
        ensureVisible(m_scene->headerRect(current.id));
    } else if (current.kind == CatalogItem::Kind::Service) {
        const QRectF column = m_scene->columnRect(navigationColumn());
        for (const QRectF& block : m_scene->blockRects(current.id)) {
            if (block.intersects(column)) {
                ensureVisible(block);
                break;
            }
        }
    }
}

} // namespace ace::diagram
