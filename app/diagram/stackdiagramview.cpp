#include "diagram/stackdiagramview.h"

#include "catalog/catalog.h"
#include "diagram/stacklayout.h"
#include "state/explorerstate.h"
#include "state/theme.h"

#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QStyleOptionGraphicsItem>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace ace::diagram {

namespace {

constexpr qreal zoomStep = 1.25;
// Limits relative to 100 %: beyond them the diagram is a blur or a speck.
constexpr qreal minimumScale = 0.1;
constexpr qreal maximumScale = 8;
// Text smaller than this many pixels on screen is hard to read: fitting stops short of it.
constexpr qreal smallestReadableTextPixels = 9;
// Frozen headings keep this far (scene units) from the view's edge.
constexpr qreal frozenMargin = 6;
// A frozen strip may cover at most this share of the view; beyond it, scrolling shows more.
constexpr qreal maximumFrozenShare = 0.5;

QRectF unitedRects(const QList<StackDiagramScene::Heading>& headings)
{
    QRectF united;
    for (const StackDiagramScene::Heading& heading : headings)
        united |= heading.rect;
    return united;
}

// The frozen strips' sizes in scene units: the headers' row, the layer names' column.
qreal headerStripHeight(const QRectF& headers)
{
    return headers.height() + 2 * frozenMargin;
}

qreal nameStripWidth(const QRectF& names)
{
    return names.width() + frozenMargin;
}

// How far a view must scroll along one axis to bring [low, high] into [clearLow, clearHigh],
// its start first when it does not fit.
int scrollNeeded(int low, int high, int clearLow, int clearHigh)
{
    if (low < clearLow)
        return low - clearLow;
    if (high > clearHigh)
        return std::min(high - clearHigh, low - clearLow);
    return 0;
}

// Hands `handler` a copy of `event` that happened at `position` instead. The scene finds the
// items under a click from its screen position, so that moves too.
template <typename Handler>
void passOn(QMouseEvent* event, const QPointF& position, Handler handler)
{
    QMouseEvent moved(event->type(), position,
                      event->globalPosition() + (position - event->position()), event->button(),
                      event->buttons(), event->modifiers(), event->pointingDevice());
    handler(&moved);
    event->setAccepted(moved.isAccepted());
}

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
    // A frozen heading is drawn away from its item, where the scene's own repaint of a changed
    // item (a mark, a cost) does not reach.
    connect(m_scene, &QGraphicsScene::changed, this, [this] {
        const FrozenHeadings frozen = frozenHeadings();
        if (!frozen.columns.strip.isNull() || !frozen.rows.strip.isNull())
            viewport()->update();
    });
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
    fit(true);
}

qreal StackDiagramView::readableScale() const
{
    return smallestReadableTextPixels / m_scene->fonts().smallestPixelSize();
}

void StackDiagramView::fit(bool restart)
{
    const qreal readable = readableScale();
    const bool wasAtReadableScale = qFuzzyCompare(transform().m11(), readable);
    const QPoint scrolled(horizontalScrollBar()->value(), verticalScrollBar()->value());
    fitInView(sceneRect(), Qt::KeepAspectRatio);
    if (transform().m11() >= readable)
        return;
    setTransform(QTransform::fromScale(readable, readable));
    if (wasAtReadableScale && !restart) {
        horizontalScrollBar()->setValue(scrolled.x());
        verticalScrollBar()->setValue(scrolled.y());
        return;
    }
    horizontalScrollBar()->setValue(horizontalScrollBar()->minimum());
    verticalScrollBar()->setValue(verticalScrollBar()->minimum());
    revealCurrent();
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
    revealCurrent();
}

void StackDiagramView::revealCurrent()
{
    // Bring what was selected (perhaps in the tree) into sight, in the column the keyboard
    // works in. A column only needs to come into sight sideways: its frozen header names it.
    const CatalogItem current = m_scene->state().current();
    if (current.kind == CatalogItem::Kind::Option) {
        const QRectF column = m_scene->columnRect(current.id);
        const qreal middle = mapToScene(viewport()->rect().center()).y();
        reveal(QRectF(column.left(), middle, column.width(), 0));
    } else if (current.kind == CatalogItem::Kind::Service) {
        const QRectF column = m_scene->columnRect(navigationColumn());
        for (const QRectF& block : m_scene->blockRects(current.id)) {
            if (block.intersects(column)) {
                reveal(block);
                break;
            }
        }
    }
}

void StackDiagramView::reveal(const QRectF& sceneRect)
{
    // Keep clear of where the headings would be frozen, whether or not they are now.
    const qreal scale = transform().m11();
    const auto frozenSize = [scale](qreal sceneSize, int available) {
        const qreal size = sceneSize * scale;
        return size <= available * maximumFrozenShare ? qRound(size) : 0;
    };
    const QRectF headers = unitedRects(m_scene->columnHeadings());
    const QRectF names = unitedRects(m_scene->rowHeadings());
    QRect clear = viewport()->rect();
    clear.setTop(clear.top() + frozenSize(headerStripHeight(headers), clear.height()));
    if (!names.isNull())
        clear.setLeft(clear.left() + frozenSize(nameStripWidth(names), clear.width()));
    // With room for the selection's outline, half the gap between columns.
    const qreal room = spacing::columnGap / 2;
    const QRect target = mapFromScene(sceneRect.adjusted(-room, -room, room, room)).boundingRect();
    QScrollBar* horizontal = horizontalScrollBar();
    QScrollBar* vertical = verticalScrollBar();
    horizontal->setValue(horizontal->value() +
                         scrollNeeded(target.left(), target.right(), clear.left(), clear.right()));
    vertical->setValue(vertical->value() +
                       scrollNeeded(target.top(), target.bottom(), clear.top(), clear.bottom()));
}

QRectF StackDiagramView::FrozenHeadings::corner() const
{
    if (rows.strip.isNull() || columns.strip.isNull() || rows.strip.top() >= columns.strip.bottom())
        return {};
    return QRectF(rows.strip.left(), columns.strip.top(), rows.strip.width(),
                  columns.strip.height());
}

StackDiagramView::FrozenHeadings StackDiagramView::frozenHeadings() const
{
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    FrozenHeadings frozen;
    // Each heading row or column freezes as soon as its edge would be cut, so it never jumps.
    const QRectF headers = unitedRects(m_scene->columnHeadings());
    if (!headers.isNull() && visible.top() > headers.top() - frozenMargin &&
        headerStripHeight(headers) <= visible.height() * maximumFrozenShare) {
        frozen.columns.strip =
            QRectF(visible.left(), visible.top(), visible.width(), headerStripHeight(headers));
        frozen.columns.shift = QPointF(0, visible.top() + frozenMargin - headers.top());
    }
    // The layer names only while some of their rows are in sight below the headers.
    const QRectF names = unitedRects(m_scene->rowHeadings());
    const qreal clearTop = visible.top() + frozen.columns.strip.height();
    if (!names.isNull() && visible.left() > names.left() - frozenMargin &&
        names.bottom() > clearTop && names.top() < visible.bottom() &&
        nameStripWidth(names) <= visible.width() * maximumFrozenShare) {
        frozen.rows.strip = QRectF(visible.left(), names.top() - frozenMargin,
                                   nameStripWidth(names), names.height() + 2 * frozenMargin) &
                            visible;
        frozen.rows.shift = QPointF(visible.left() + frozenMargin - names.left(), 0);
    }
    return frozen;
}

QHash<QString, QRect> StackDiagramView::frozenHeadingRects() const
{
    const FrozenHeadings frozen = frozenHeadings();
    QHash<QString, QRect> rects;
    const auto add = [&](const QList<StackDiagramScene::Heading>& headings, const Frozen& at) {
        if (at.strip.isNull())
            return;
        for (const StackDiagramScene::Heading& heading : headings)
            rects.insert(heading.id,
                         mapFromScene(heading.rect.translated(at.shift)).boundingRect());
    };
    add(m_scene->columnHeadings(), frozen.columns);
    add(m_scene->rowHeadings(), frozen.rows);
    return rects;
}

void StackDiagramView::drawForeground(QPainter* painter, const QRectF& rect)
{
    QGraphicsView::drawForeground(painter, rect);
    const FrozenHeadings frozen = frozenHeadings();
    const QRectF& rows = frozen.rows.strip;
    const QRectF& columns = frozen.columns.strip;
    paintFrozen(painter, m_scene->rowHeadings(), frozen.rows,
                QLineF(rows.topRight(), rows.bottomRight()));
    paintFrozen(painter, m_scene->columnHeadings(), frozen.columns,
                QLineF(columns.bottomLeft(), columns.bottomRight()));
    // Above the layer names, the headers would sit over the names' strip: leave it empty.
    const QRectF corner = frozen.corner();
    if (!corner.isNull())
        painter->fillRect(corner, m_scene->backgroundBrush());
}

void StackDiagramView::paintFrozen(QPainter* painter,
                                   const QList<StackDiagramScene::Heading>& headings,
                                   const Frozen& frozen, const QLineF& edge)
{
    if (frozen.strip.isNull())
        return;
    painter->fillRect(frozen.strip, m_scene->backgroundBrush());
    const QStyleOptionGraphicsItem option;
    for (const StackDiagramScene::Heading& heading : headings) {
        painter->save();
        painter->translate(frozen.shift);
        painter->setClipRect(heading.rect, Qt::IntersectClip);
        heading.item->paint(painter, &option, viewport());
        painter->restore();
    }
    painter->save();
    painter->setPen(QPen(m_scene->state().theme().border(), 0)); // a hairline at any zoom
    painter->drawLine(edge);
    painter->restore();
}

void StackDiagramView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    // Scrolling moves the drawn pixels, frozen headings with them: draw those afresh.
    viewport()->update();
}

QPointF StackDiagramView::underlyingPoint(const QPointF& viewportPoint) const
{
    const FrozenHeadings frozen = frozenHeadings();
    const QPointF scenePoint = mapToScene(viewportPoint.toPoint());
    // The empty corner stands for the empty corner of the scene; the headers' strip lies over
    // the names' strip.
    if (frozen.corner().contains(scenePoint))
        return viewportTransform().map(scenePoint - frozen.columns.shift - frozen.rows.shift);
    for (const Frozen* strip : {&frozen.columns, &frozen.rows}) {
        if (strip->strip.contains(scenePoint))
            return viewportTransform().map(scenePoint - strip->shift);
    }
    return viewportPoint;
}

void StackDiagramView::mousePressEvent(QMouseEvent* event)
{
    passOn(event, underlyingPoint(event->position()),
           [this](QMouseEvent* underlying) { QGraphicsView::mousePressEvent(underlying); });
}

void StackDiagramView::mouseMoveEvent(QMouseEvent* event)
{
    passOn(event, underlyingPoint(event->position()),
           [this](QMouseEvent* underlying) { QGraphicsView::mouseMoveEvent(underlying); });
}

void StackDiagramView::mouseReleaseEvent(QMouseEvent* event)
{
    passOn(event, underlyingPoint(event->position()),
           [this](QMouseEvent* underlying) { QGraphicsView::mouseReleaseEvent(underlying); });
}

void StackDiagramView::mouseDoubleClickEvent(QMouseEvent* event)
{
    passOn(event, underlyingPoint(event->position()),
           [this](QMouseEvent* underlying) { QGraphicsView::mouseDoubleClickEvent(underlying); });
}

bool StackDiagramView::viewportEvent(QEvent* event)
{
    if (event->type() != QEvent::ToolTip)
        return QGraphicsView::viewportEvent(event);
    const auto* help = static_cast<QHelpEvent*>(event);
    const QPoint position = underlyingPoint(help->pos()).toPoint();
    QHelpEvent underlying(QEvent::ToolTip, position, help->globalPos() + (position - help->pos()));
    const bool handled = QGraphicsView::viewportEvent(&underlying);
    event->setAccepted(underlying.isAccepted());
    return handled;
}

} // namespace ace::diagram
