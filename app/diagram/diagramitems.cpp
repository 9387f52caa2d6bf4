#include "diagram/diagramitems.h"

#include "cost/costmodel.h"
#include "cost/quantitytext.h"
#include "pricing/pricebook.h"
#include "state/explorerstate.h"
#include "state/theme.h"

#include <QCursor>
#include <QGraphicsSceneMouseEvent>
#include <QImage>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>

#include <cmath>
#include <map>
#include <tuple>

namespace ace::diagram {

namespace {

// Stacking order: band rows, then the column lanes (their outlines must show between cells),
// then everything a user reads.
constexpr qreal bandZ = -3;
constexpr qreal laneZ = -2;

constexpr qreal blockRadius = 8;
constexpr qreal cellRadius = 5;
constexpr qreal accentThickness = 4;
constexpr qreal markWidth = 2.5;

QColor blended(const QColor& from, const QColor& to, qreal amountOfTo)
{
    auto mix = [amountOfTo](qreal a, qreal b) { return a + (b - a) * amountOfTo; };
    return QColor::fromRgbF(float(mix(from.redF(), to.redF())),
                            float(mix(from.greenF(), to.greenF())),
                            float(mix(from.blueF(), to.blueF())));
}

QColor withAlpha(QColor color, int alpha)
{
    color.setAlpha(alpha);
    return color;
}

QPainterPath roundedPath(const QRectF& rect, qreal radius)
{
    QPainterPath path;
    path.addRoundedRect(rect, radius, radius);
    return path;
}

constexpr qreal patternLineWidth = 1.1;

// A responsibility pattern as lines and dots inside a cell, at the origin.
struct CellPattern
{
    QList<QLineF> lines;
    QList<QRectF> dots;
};

// The part of `line` whose every point lies within `reach` of `core`, or a null line: the
// rounded cell with its border's inside, a convex shape, so the part is one segment. Found
// numerically (the distance along the line is convex), once per cell size.
qreal distanceTo(const QRectF& core, const QPointF& point)
{
    const QPointF nearest(std::clamp(point.x(), core.left(), core.right()),
                          std::clamp(point.y(), core.top(), core.bottom()));
    return QLineF(point, nearest).length();
}

QLineF cutToReach(const QLineF& line, const QRectF& core, qreal reach)
{
    const auto excess = [&](qreal t) { return distanceTo(core, line.pointAt(t)) - reach; };
    constexpr int steps = 48; // halvings: far below a pixel at any scale
    // The nearest point of the line to the core, by ternary search.
    qreal low = 0;
    qreal high = 1;
    for (int step = 0; step < steps; ++step) {
        const qreal a = low + (high - low) / 3;
        const qreal b = high - (high - low) / 3;
        (excess(a) < excess(b) ? high : low) = excess(a) < excess(b) ? b : a;
    }
    const qreal nearest = (low + high) / 2;
    if (excess(nearest) > 0)
        return {};
    // Where the line enters and leaves the reach, by bisection on each side.
    const auto boundary = [&](qreal outside, qreal inside) {
        if (excess(outside) <= 0)
            return outside;
        for (int step = 0; step < steps; ++step) {
            const qreal middle = (outside + inside) / 2;
            (excess(middle) > 0 ? outside : inside) = middle;
        }
        return inside;
    };
    return {line.pointAt(boundary(0, nearest)), line.pointAt(boundary(1, nearest))};
}

// Qt's pattern brushes are a fixed 8×8 pixel bitmap; drawing the pattern as lines and dots in
// scene units instead keeps it crisp and in proportion at every zoom and export scale. The
// lines are cut to the rounded cell rather than clipped: QSvgGenerator writes no clipping, so
// in SVG files clipped lines ran out of their cells.
CellPattern patternOf(const QSizeF& size, Qt::BrushStyle style)
{
    const QRectF rect(QPointF(), size);
    // Every stroke (a line widened by half its width on each side) stays in the cell.
    const QRectF core = rect.adjusted(cellRadius, cellRadius, -cellRadius, -cellRadius);
    const qreal reach = cellRadius - patternLineWidth / 2;
    constexpr qreal lineSpacing = 7;
    CellPattern pattern;
    const auto add = [&](const QLineF& line) {
        const QLineF inside = cutToReach(line, core, reach);
        if (!inside.isNull())
            pattern.lines.append(inside);
    };
    auto diagonals = [&](bool rising) {
        const qreal reachAcross = rect.width() + rect.height();
        for (qreal offset = 0; offset < reachAcross; offset += lineSpacing) {
            const qreal x = rect.left() + offset;
            add({QPointF(x - rect.height(), rising ? rect.bottom() : rect.top()),
                 QPointF(x, rising ? rect.top() : rect.bottom())});
        }
    };
    switch (style) {
    case Qt::BDiagPattern:
        diagonals(true);
        break;
    case Qt::FDiagPattern:
        diagonals(false);
        break;
    case Qt::DiagCrossPattern:
        diagonals(true);
        diagonals(false);
        break;
    case Qt::HorPattern:
    case Qt::VerPattern:
    case Qt::CrossPattern:
        for (qreal y = rect.top() + lineSpacing / 2; style != Qt::VerPattern && y < rect.bottom();
             y += lineSpacing)
            add({QPointF(rect.left(), y), QPointF(rect.right(), y)});
        for (qreal x = rect.left() + lineSpacing / 2; style != Qt::HorPattern && x < rect.right();
             x += lineSpacing)
            add({QPointF(x, rect.top()), QPointF(x, rect.bottom())});
        break;
    case Qt::Dense1Pattern:
    case Qt::Dense2Pattern:
    case Qt::Dense3Pattern:
    case Qt::Dense4Pattern:
    case Qt::Dense5Pattern:
    case Qt::Dense6Pattern:
    case Qt::Dense7Pattern: {
        // Dots, sparser for the higher-numbered (lighter) Qt patterns, offset every other row;
        // only whole dots inside the cell.
        const qreal spacing = 2.5 + (style - Qt::Dense1Pattern) * 0.9;
        constexpr qreal dotRadius = 0.95;
        int row = 0;
        for (qreal y = rect.top() + spacing / 2; y < rect.bottom(); y += spacing, ++row) {
            for (qreal x = rect.left() + (row % 2 ? spacing : spacing / 2); x < rect.right();
                 x += spacing) {
                if (distanceTo(core, QPointF(x, y)) <= cellRadius - dotRadius)
                    pattern.dots.append(
                        QRectF(x - dotRadius, y - dotRadius, 2 * dotRadius, 2 * dotRadius));
            }
        }
        break;
    }
    default:
        break;
    }
    return pattern;
}

// The pattern of a cell of `size`. Cells share a few sizes, and cutting the lines costs more
// than drawing them, so each size is cut once (per thread).
const CellPattern& cellPattern(const QSizeF& size, Qt::BrushStyle style)
{
    using Key = std::tuple<qreal, qreal, int>;
    thread_local std::map<Key, CellPattern> cut;
    constexpr std::size_t sizesKept = 64; // far more than a diagram has; a bound all the same
    const Key key{size.width(), size.height(), int(style)};
    const auto found = cut.find(key);
    if (found != cut.end())
        return found->second;
    if (cut.size() >= sizesKept)
        cut.clear();
    return cut[key] = patternOf(size, style);
}

// Draws `pattern` at the painter's origin.
void strokePattern(QPainter* painter, const CellPattern& pattern, const QColor& color)
{
    QPen pen(color, patternLineWidth);
    pen.setCapStyle(Qt::FlatCap);
    painter->setPen(pen);
    painter->drawLines(pattern.lines);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    for (const QRectF& dot : pattern.dots)
        painter->drawEllipse(dot);
}

// Whether the painter makes pixels (the screen, PNG exports) with a device transform of
// positive scales only, so an image of device pixels can be blended 1:1 into it.
bool paintsPixelsUnrotated(const QPainter* painter)
{
    const QTransform& device = painter->deviceTransform();
    return painter->paintEngine()->type() == QPaintEngine::Raster &&
           device.type() <= QTransform::TxScale && device.m11() > 0 && device.m22() > 0;
}

// The pattern of a cell of `size` as premultiplied device pixels: `scale` device pixels per
// scene unit, `pixelRatio` of them per logical pixel of the device.
QImage patternImage(const QSizeF& size, Qt::BrushStyle style, const QColor& color,
                    const QSizeF& scale, qreal pixelRatio)
{
    using Key = std::tuple<qreal, qreal, int, QRgb, qreal, qreal, qreal>;
    struct Drawn
    {
        std::map<Key, QImage> images;
        qsizetype bytes = 0;
    };
    thread_local Drawn drawn;
    // Sizes × styles × themes × zooms in use at a time take a few MB; zooming on and on would
    // add images without end.
    constexpr qsizetype bytesKept = 32 * 1024 * 1024;
    const Key key{size.width(),  size.height(),  int(style), color.rgba(),
                  scale.width(), scale.height(), pixelRatio};
    const auto found = drawn.images.find(key);
    if (found != drawn.images.end())
        return found->second;
    QImage image(int(std::ceil(size.width() * scale.width())),
                 int(std::ceil(size.height() * scale.height())),
                 QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(scale.width(), scale.height());
    strokePattern(&painter, cellPattern(size, style), color);
    painter.end();
    image.setDevicePixelRatio(pixelRatio);
    if (drawn.bytes + image.sizeInBytes() > bytesKept) {
        drawn.images.clear();
        drawn.bytes = 0;
    }
    drawn.bytes += image.sizeInBytes();
    return drawn.images[key] = image;
}

void paintPattern(QPainter* painter, const QRectF& rect, Qt::BrushStyle style, const QColor& color)
{
    if (style == Qt::NoBrush)
        return;
    painter->save();
    if (paintsPixelsUnrotated(painter)) {
        // Stroking every line with antialiasing, cell after cell, was most of the time a 4K
        // export spent painting (issue 16); the cells share a few sizes, so each size is
        // drawn once and blended 1:1 at the cell's nearest whole device pixel (a shift of at
        // most half a pixel against the vector drawing). SVG and PDF keep the lines.
        const QTransform device = painter->deviceTransform();
        const QPointF topLeft = device.map(rect.topLeft());
        // What is left without the world transform: the offset of a widget in its window's
        // backing store and the device pixel ratio.
        painter->resetTransform();
        const QTransform base = painter->deviceTransform();
        const QImage image =
            patternImage(rect.size(), style, color, QSizeF(device.m11(), device.m22()), base.m11());
        const QPointF pixel(std::round(topLeft.x()), std::round(topLeft.y()));
        painter->drawImage(base.inverted().map(pixel), image);
    } else {
        painter->translate(rect.topLeft());
        strokePattern(painter, cellPattern(rect.size(), style), color);
    }
    painter->restore();
}

// A responsibility cell (or its legend swatch): fill, pattern in the edge colour, border, and
// the label on a plain pill so the pattern never runs through the text.
void paintResponsibility(QPainter* painter, const QRectF& rect, const ui::Theme& theme,
                         Responsibility who, const TextBlock& label, bool pointerOver = false)
{
    const ui::ResponsibilityStyle style = theme.responsibility(who);
    const QPainterPath shape = roundedPath(rect, cellRadius);
    painter->fillPath(shape, style.fill);
    // Bright lines on a dark fill read stronger than dark lines on a light one.
    const int patternAlpha = theme.kind() == ui::Theme::Kind::Light ? 150 : 105;
    paintPattern(painter, rect, style.pattern, withAlpha(style.edge, patternAlpha));
    QPen border(withAlpha(style.edge, who == Responsibility::None || pointerOver ? 255 : 170),
                pointerOver ? 2 : 1);
    if (who == Responsibility::None)
        border.setStyle(Qt::DashLine);
    painter->setPen(border);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(roundedPath(rect.adjusted(0.5, 0.5, -0.5, -0.5), cellRadius));

    const QRectF text = label.placedIn(rect, Qt::AlignCenter);
    const QRectF pill = text.adjusted(-spacing::pillPaddingX, -spacing::pillPaddingY,
                                      spacing::pillPaddingX, spacing::pillPaddingY);
    painter->setPen(Qt::NoPen);
    painter->setBrush(style.fill);
    painter->drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
    painter->setPen(style.text);
    label.paint(painter, rect, Qt::AlignCenter);
}

// Whether an item within `bounds` shows through the painter's clip, and if so readies the
// painter. PNG exports paint the scene once per band of rows, clipped to the band: an item
// outside it would draw nothing, at the full cost of its paths and text (issue 16).
bool prepare(QPainter* painter, const QRectF& bounds)
{
    if (painter->hasClipping() && !painter->clipBoundingRect().intersects(bounds))
        return false;
    // Exports render the scene without a view, so items ask for smooth drawing themselves.
    painter->setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    return true;
}

// A soft shadow under raised items: a few offset, translucent copies of the outline.
void paintShadow(QPainter* painter, const QRectF& rect, qreal radius, const ui::Theme& theme)
{
    const int strength = theme.kind() == ui::Theme::Kind::Light ? 14 : 45;
    painter->setPen(Qt::NoPen);
    for (int step = 1; step <= 3; ++step) {
        painter->setBrush(QColor(0, 0, 0, strength / step));
        painter->drawRoundedRect(
            rect.translated(0, step * 0.8).adjusted(-step * 0.4, 0, step * 0.4, step * 0.4),
            radius + step * 0.4, radius + step * 0.4);
    }
}

} // namespace

// DiagramItem

DiagramItem::DiagramItem(ui::ExplorerState& state, const QRectF& rect, const CatalogItem& target)
    : m_state(state)
    , m_rect(rect)
    , m_target(target)
{
    if (!target.isNull()) {
        setCursor(Qt::PointingHandCursor);
        setAcceptHoverEvents(true);
    } else {
        setAcceptedMouseButtons(Qt::NoButton);
    }
}

void DiagramItem::setRect(const QRectF& rect)
{
    if (rect == m_rect)
        return;
    prepareGeometryChange();
    m_rect = rect;
}

void DiagramItem::setMarks(Marks marks)
{
    if (marks == m_marks)
        return;
    m_marks = marks;
    update();
}

QRectF DiagramItem::boundingRect() const
{
    return m_rect.adjusted(-outlineMargin, -outlineMargin, outlineMargin, outlineMargin);
}

const ui::Theme& DiagramItem::theme() const
{
    return m_state.theme();
}

void DiagramItem::paintMarks(QPainter* painter, const QRectF& shape, qreal radius) const
{
    painter->setBrush(Qt::NoBrush);
    // Both marks at once: hover outside, selection inside, so neither hides the other.
    if (m_marks & Mark::Hovered) {
        const qreal outset = (m_marks & Mark::Selected) ? markWidth + 1 : 1;
        painter->setPen(QPen(theme().hover(), markWidth));
        painter->drawRoundedRect(shape.adjusted(-outset, -outset, outset, outset), radius + outset,
                                 radius + outset);
    }
    if (m_marks & Mark::Selected) {
        painter->setPen(QPen(theme().selection(), markWidth));
        painter->drawRoundedRect(shape.adjusted(-1, -1, 1, 1), radius + 1, radius + 1);
    }
}

void DiagramItem::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || m_target.isNull()) {
        event->ignore();
        return;
    }
    // Ctrl+click on a second option compares it with the one selected.
    const CatalogItem current = m_state.current();
    if (event->modifiers().testFlag(Qt::ControlModifier) &&
        m_target.kind == CatalogItem::Kind::Option && current.kind == CatalogItem::Kind::Option &&
        m_state.setComparison(current.id, m_target.id)) {
        event->accept();
        return;
    }
    m_state.setCurrent(m_target);
    event->accept();
}

void DiagramItem::hoverEnterEvent(QGraphicsSceneHoverEvent*)
{
    m_pointerOver = true;
    update();
}

void DiagramItem::hoverLeaveEvent(QGraphicsSceneHoverEvent*)
{
    m_pointerOver = false;
    update();
}

// ColumnLaneItem

ColumnLaneItem::ColumnLaneItem(ui::ExplorerState& state, const QRectF& rect,
                               const QString& optionId)
    : DiagramItem(state, rect, CatalogItem::option(optionId))
{
    setZValue(laneZ);
}

QRectF ColumnLaneItem::frame() const
{
    // Close to the column, so that with both marks' outlines the frame stays in its half of
    // the gap and neighbouring frames never touch.
    constexpr qreal outset = 2;
    static_assert(outset + 1 + 1.5 * markWidth < spacing::columnGap / 2);
    return rect().adjusted(-outset, -outset, outset, outset);
}

QRectF ColumnLaneItem::boundingRect() const
{
    return frame().adjusted(-2 * markWidth - 2, -2 * markWidth - 2, 2 * markWidth + 2,
                            2 * markWidth + 2);
}

void ColumnLaneItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    if (!marks())
        return;
    if (!prepare(painter, boundingRect()))
        return;
    const QColor tint = (marks() & Mark::Selected) ? theme().selection() : theme().hover();
    painter->setPen(Qt::NoPen);
    painter->setBrush(withAlpha(tint, theme().kind() == ui::Theme::Kind::Light ? 22 : 34));
    painter->drawRoundedRect(frame(), blockRadius + 2, blockRadius + 2);
    paintMarks(painter, frame(), blockRadius + 2);
}

// ColumnHeaderItem

ColumnHeaderItem::ColumnHeaderItem(ui::ExplorerState& state, const QRectF& rect,
                                   const DeploymentOption& option, const QString& topCategory,
                                   const DiagramFonts& fonts)
    : DiagramItem(state, rect, CatalogItem::option(option.id))
    , m_option(option)
    , m_topCategory(topCategory)
    , m_name(option.name, fonts.header, rect.width() - 2 * spacing::paddingX)
    , m_costFont(fonts.detail)
{
    setToolTip(option.summary);
}

QRectF ColumnHeaderItem::costArea() const
{
    const qreal height = TextBlock::heightOf(1, m_costFont);
    return QRectF(rect().left() + spacing::paddingX, rect().bottom() - spacing::paddingY - height,
                  rect().width() - 2 * spacing::paddingX, height);
}

QRectF ColumnHeaderItem::nameArea() const
{
    return QRectF(rect().left() + spacing::paddingX, rect().top() + spacing::paddingY,
                  rect().width() - 2 * spacing::paddingX,
                  costArea().top() - spacing::lineGap - rect().top() - spacing::paddingY);
}

TextBlock ColumnHeaderItem::costLine() const
{
    const CostResults& results = state().costResults();
    const Estimate* estimate = results.estimateOf(m_option.id);
    const std::optional<double> total = estimate ? estimate->monthlyTotal : std::nullopt;
    return TextBlock::singleLine(total ? DiagramWords::monthlyCost(money(*total, results.currency))
                                       : DiagramWords::notFeasible(),
                                 m_costFont);
}

QList<PlacedLabel> ColumnHeaderItem::labels() const
{
    const TextBlock cost = costLine();
    return {{m_name.text(), m_name.placedIn(nameArea(), Qt::AlignCenter)},
            {cost.text(), cost.placedIn(costArea(), Qt::AlignCenter)}};
}

void ColumnHeaderItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    if (!prepare(painter, boundingRect()))
        return;
    // While the advisor ranks the options, the best one is ringed and excluded ones fade.
    const ui::ExplorerState& explorer = state();
    const OptionAdvice* advice =
        explorer.isAdvising() ? explorer.advice().adviceFor(m_option.id) : nullptr;
    const bool recommended = advice && advice == explorer.advice().top();
    if (advice && advice->excluded)
        painter->setOpacity(0.4);
    const bool selected = marks() & Mark::Selected;
    const QPainterPath shape = roundedPath(rect(), blockRadius);
    QColor fill =
        selected ? blended(theme().surface(), theme().selection(), 0.14) : theme().surface();
    if (isPointerOver())
        fill = blended(fill, theme().text(), 0.06);
    painter->fillPath(shape, fill);
    // The accent under the name takes the colour of the option's top service's category.
    painter->save();
    painter->setClipPath(shape, Qt::IntersectClip);
    painter->fillRect(
        QRectF(rect().left(), rect().bottom() - accentThickness, rect().width(), accentThickness),
        selected ? theme().selection() : theme().categoryColor(m_topCategory));
    painter->restore();
    painter->setPen(theme().text());
    m_name.paint(painter, nameArea(), Qt::AlignCenter);
    painter->setPen(theme().mutedText());
    costLine().paint(painter, costArea(), Qt::AlignCenter);
    if (recommended) {
        painter->setPen(QPen(theme().recommended(), 2.5));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(roundedPath(rect().adjusted(1.25, 1.25, -1.25, -1.25), blockRadius));
    }
}

// ServiceBlockItem

ServiceBlockItem::ServiceBlockItem(ui::ExplorerState& state, const QRectF& rect,
                                   const Service& service, const QString& detail,
                                   const DiagramFonts& fonts)
    : DiagramItem(state, rect, CatalogItem::service(service.id))
    , m_serviceId(service.id)
    , m_category(service.category)
    , m_name(service.name, fonts.block, rect.width() - 2 * spacing::paddingX)
    , m_detail(detail, fonts.detail, rect.width() - 2 * spacing::paddingX, 1)
{
    setToolTip(service.summary);
}

ServiceBlockItem::ServiceBlockItem(ui::ExplorerState& state, const QRectF& rect,
                                   const QString& name, const QString& detail,
                                   const DiagramFonts& fonts)
    : DiagramItem(state, rect, {})
    , m_name(name, fonts.block, rect.width() - 2 * spacing::paddingX)
    , m_detail(detail, fonts.detail, rect.width() - 2 * spacing::paddingX, baseDetailLines)
{}

std::pair<QRectF, QRectF> ServiceBlockItem::textRects() const
{
    // Centred as a group in the block below the accent bar.
    const QRectF area = rect().adjusted(spacing::paddingX, spacing::paddingY + accentThickness / 2,
                                        -spacing::paddingX, -spacing::paddingY);
    const qreal detailHeight =
        m_detail.lines().isEmpty() ? 0 : spacing::lineGap + m_detail.size().height();
    const qreal top = area.center().y() - (m_name.size().height() + detailHeight) / 2;
    const QRectF name = m_name.placedIn(
        QRectF(area.left(), top, area.width(), m_name.size().height()), Qt::AlignCenter);
    const QRectF detail = m_detail.placedIn(QRectF(area.left(), name.bottom() + spacing::lineGap,
                                                   area.width(), m_detail.size().height()),
                                            Qt::AlignCenter);
    return {name, detail};
}

QList<PlacedLabel> ServiceBlockItem::labels() const
{
    const auto [name, detail] = textRects();
    QList<PlacedLabel> placed{{m_name.text(), name}};
    if (!m_detail.lines().isEmpty())
        placed.append({m_detail.text(), detail});
    return placed;
}

void ServiceBlockItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    if (!prepare(painter, boundingRect()))
        return;
    const bool isBase = m_serviceId.isEmpty();
    const bool light = theme().kind() == ui::Theme::Kind::Light;
    const QColor accent = isBase ? theme().border() : theme().categoryColor(m_category);
    const QColor fill =
        isBase ? theme().surface() : blended(theme().background(), accent, light ? 0.13 : 0.24);
    paintShadow(painter, rect(), blockRadius, theme());
    const QPainterPath shape = roundedPath(rect(), blockRadius);
    painter->fillPath(shape, (marks() & Mark::Hovered) ? blended(fill, accent, 0.12) : fill);
    painter->save();
    painter->setClipPath(shape, Qt::IntersectClip);
    painter->fillRect(QRectF(rect().topLeft(), QSizeF(rect().width(), accentThickness)), accent);
    painter->restore();
    painter->setPen(QPen(withAlpha(accent, light ? 110 : 140), 1));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(rect().adjusted(0.5, 0.5, -0.5, -0.5), blockRadius, blockRadius);

    const auto [name, detail] = textRects();
    painter->setPen(theme().text());
    m_name.paint(painter, name, Qt::AlignCenter);
    painter->setPen(theme().mutedText());
    m_detail.paint(painter, detail, Qt::AlignCenter);
    paintMarks(painter, rect(), blockRadius);
}

void ServiceBlockItem::hoverEnterEvent(QGraphicsSceneHoverEvent* event)
{
    DiagramItem::hoverEnterEvent(event);
    state().setHoveredService(m_serviceId);
}

void ServiceBlockItem::hoverLeaveEvent(QGraphicsSceneHoverEvent* event)
{
    DiagramItem::hoverLeaveEvent(event);
    if (state().hoveredService() == m_serviceId)
        state().setHoveredService({});
}

// DirectSlotItem

DirectSlotItem::DirectSlotItem(ui::ExplorerState& state, const QRectF& rect,
                               const QString& optionId, const QString& serviceName,
                               const QFont& font)
    : DiagramItem(state, rect, CatalogItem::option(optionId))
    , m_text(DiagramWords::directSlot(serviceName), font, rect.width() - 2 * spacing::paddingX, 3)
{}

QList<PlacedLabel> DirectSlotItem::labels() const
{
    return {{m_text.text(), m_text.placedIn(rect(), Qt::AlignCenter)}};
}

void DirectSlotItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    if (!prepare(painter, boundingRect()))
        return;
    QPen dashed(isPointerOver() ? theme().mutedText() : theme().border(), 1.2, Qt::DashLine);
    painter->setPen(dashed);
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(rect().adjusted(0.6, 0.6, -0.6, -0.6), blockRadius, blockRadius);
    painter->setPen(theme().mutedText());
    m_text.paint(painter, rect(), Qt::AlignCenter);
}

// LayerBandItem

LayerBandItem::LayerBandItem(ui::ExplorerState& state, const StackLayout::Band& band,
                             const Layer& layer, const QFont& font)
    : DiagramItem(state, band.strip, {})
    , m_layerId(layer.id)
    , m_labelArea(band.label)
    , m_name(layer.name, font, band.label.width())
{
    setZValue(bandZ);
    setToolTip(layer.description);
}

QList<PlacedLabel> LayerBandItem::labels() const
{
    return {{m_name.text(), m_name.placedIn(m_labelArea, Qt::AlignLeft | Qt::AlignVCenter)}};
}

void LayerBandItem::setHighlighted(bool highlighted)
{
    if (highlighted == m_highlighted)
        return;
    m_highlighted = highlighted;
    update();
}

void LayerBandItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    if (!prepare(painter, boundingRect()))
        return;
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_highlighted ? theme().difference() : theme().surface());
    painter->drawRoundedRect(rect(), cellRadius + 1, cellRadius + 1);
    if (m_highlighted) {
        // A bar at the start of the row marks it in print and for colour-blind readers too.
        painter->setBrush(theme().differenceMark());
        painter->drawRoundedRect(QRectF(rect().topLeft(), QSizeF(4, rect().height())), 2, 2);
    }
    painter->setPen(theme().text());
    m_name.paint(painter, m_labelArea, Qt::AlignLeft | Qt::AlignVCenter);
}

// ResponsibilityCellItem

ResponsibilityCellItem::ResponsibilityCellItem(ui::ExplorerState& state, const QRectF& rect,
                                               const QString& optionId, Responsibility who,
                                               const QFont& font)
    : DiagramItem(state, rect, CatalogItem::option(optionId))
    , m_who(who)
    , m_label(TextBlock::singleLine(responsibilityLabel(who), font))
{}

QList<PlacedLabel> ResponsibilityCellItem::labels() const
{
    return {{m_label.text(), m_label.placedIn(rect(), Qt::AlignCenter)}};
}

void ResponsibilityCellItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    if (!prepare(painter, boundingRect()))
        return;
    paintResponsibility(painter, rect(), theme(), m_who, m_label, isPointerOver());
}

// LegendItem

LegendItem::LegendItem(ui::ExplorerState& state, const QList<StackLayout::LegendEntry>& entries,
                       const DiagramFonts& fonts)
    : DiagramItem(state, {}, {})
{
    QRectF extent;
    for (const StackLayout::LegendEntry& entry : entries) {
        m_entries.append(
            {entry, TextBlock::singleLine(responsibilityLabel(entry.who), fonts.cell),
             TextBlock::singleLine(DiagramWords::legendMeaning(entry.who), fonts.caption)});
        extent |= entry.swatch | entry.text;
    }
    setRect(extent);
}

QRectF LegendItem::swatchRect(Responsibility who) const
{
    for (const Entry& entry : m_entries) {
        if (entry.geometry.who == who)
            return entry.geometry.swatch;
    }
    return {};
}

QList<PlacedLabel> LegendItem::labels() const
{
    QList<PlacedLabel> placed;
    for (const Entry& entry : m_entries) {
        placed.append(
            {entry.label.text(), entry.label.placedIn(entry.geometry.swatch, Qt::AlignCenter)});
        placed.append(
            {entry.meaning.text(),
             entry.meaning.placedIn(entry.geometry.text, Qt::AlignLeft | Qt::AlignVCenter)});
    }
    return placed;
}

void LegendItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    if (!prepare(painter, boundingRect()))
        return;
    for (const Entry& entry : std::as_const(m_entries)) {
        paintResponsibility(painter, entry.geometry.swatch, theme(), entry.geometry.who,
                            entry.label);
        painter->setPen(theme().mutedText());
        entry.meaning.paint(painter, entry.geometry.text, Qt::AlignLeft | Qt::AlignVCenter);
    }
}

// CaptionItem

CaptionItem::CaptionItem(ui::ExplorerState& state, const QRectF& rect, const QString& text,
                         const QFont& font, Role role)
    : DiagramItem(state, rect, {})
    , m_role(role)
    , m_text(text, font, rect.width(), 3)
{}

Qt::Alignment CaptionItem::alignment() const
{
    return m_role == Role::Title ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignTop;
}

QList<PlacedLabel> CaptionItem::labels() const
{
    return {{m_text.text(), m_text.placedIn(rect(), alignment())}};
}

void CaptionItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    if (!prepare(painter, boundingRect()))
        return;
    painter->setPen(m_role == Role::Title ? theme().text() : theme().mutedText());
    m_text.paint(painter, rect(), alignment());
}

} // namespace ace::diagram
