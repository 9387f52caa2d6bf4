#include "export/figure.h"

#include "catalog/catalog.h"
#include "export/pngencoder.h"
#include "files/safefile.h"
#include "pricing/pricebook.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <cmath>

namespace ace::exports {

namespace {

// Spacing of the figure at scale 1, in pixels, in the diagram's measure.
constexpr qreal padding = 20;   // with the content's own margin, 28 as in the diagram
constexpr qreal textIndent = 8; // titles line up with the content's first items
constexpr qreal titleGap = 14;
constexpr qreal captionGap = 10;
constexpr qreal ruleWidth = 1;
// The resolution PDF pages are laid out at, so a figure's pixels map to a page size.
constexpr int pdfResolution = 96;
// How many rows of a PNG are painted at a time. Smaller bands start the encoding sooner and
// leave less of it after the painting; each band costs the painting a pass over the scene's
// items. At 4K, 128 rows: the painting thread's instructions 1.5x those of painting whole,
// still a third of the encoding's (callgrind, bench_export); 64 rows would make it as busy.
constexpr int pngBandHeight = 128;

QFont titleFont()
{
    return figureFont(22, QFont::Bold);
}

QFont captionFont()
{
    return figureFont(12, QFont::Normal);
}

QString provenance(const Workload& workload, const Catalog& catalog, const PriceBook& prices)
{
    //: The caption of every exported figure: where its data comes from.
    return QCoreApplication::translate(
               "Figure", "Workload: %1 · Catalog: %2 · Prices: %3 (%4), as of %5 · %6 %7")
        .arg(workload.name, catalog.sourceName(), prices.region(), prices.currency(), prices.asOf(),
             QCoreApplication::translate("Figure", "AWS Compute Explorer"),
             QCoreApplication::applicationVersion())
        .trimmed();
}

} // namespace

QFont figureFont(int pixelSize, QFont::Weight weight)
{
    QFont font = QGuiApplication::font();
    font.setPixelSize(pixelSize);
    font.setWeight(weight);
    // As in the diagram: unhinted, so text scales linearly with the figure.
    font.setHintingPreference(QFont::PreferNoHinting);
    return font;
}

std::optional<ExportFormat> exportFormatOf(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    for (const ExportFormat format : {ExportFormat::Png, ExportFormat::Svg, ExportFormat::Pdf}) {
        if (suffix == suffixOf(format))
            return format;
    }
    return std::nullopt;
}

QString suffixOf(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Svg:
        return QStringLiteral("svg");
    case ExportFormat::Pdf:
        return QStringLiteral("pdf");
    case ExportFormat::Png:
        break;
    }
    return QStringLiteral("png");
}

struct Figure::Layout
{
    QSize size;
    QRectF title;
    QRectF content;
    QRectF rule; // a line between the content and the caption
    QRectF caption;
};

Figure::Figure(ExportView& view, const Catalog& catalog, const PriceBook& prices,
               const ExportOptions& options)
    : m_view(view)
    , m_options(options)
    , m_caption(provenance(options.workload, catalog, prices))
{}

Figure::Layout Figure::layout() const
{
    const QFontMetricsF title(titleFont());
    const QFontMetricsF caption(captionFont());
    const QSizeF content = m_view.contentSize(m_options);
    const qreal width = std::max({content.width(),
                                  title.horizontalAdvance(m_view.title(m_options)) + 2 * textIndent,
                                  caption.horizontalAdvance(m_caption) + 2 * textIndent});
    Layout layout;
    const qreal textWidth = width - 2 * textIndent;
    layout.title = QRectF(padding + textIndent, padding + textIndent, textWidth, title.height());
    layout.content = QRectF(QPointF(padding, layout.title.bottom() + titleGap), content)
                         .translated((width - content.width()) / 2, 0);
    const qreal ruleY = layout.content.bottom() + captionGap;
    layout.rule = QRectF(padding + textIndent - ruleWidth / 2, ruleY - ruleWidth / 2,
                         textWidth + ruleWidth, ruleWidth);
    layout.caption = QRectF(padding + textIndent, ruleY + captionGap, textWidth, caption.height());
    layout.size = QSize(int(std::ceil(width + 2 * padding)),
                        int(std::ceil(layout.caption.bottom() + textIndent + padding)));
    return layout;
}

QSize Figure::naturalSize() const
{
    return layout().size;
}

QRectF Figure::contentRect() const
{
    return layout().content;
}

void Figure::render(QPainter& painter, const QRectF& target)
{
    const ui::Theme theme = ui::Theme::ofKind(m_options.theme);
    const Layout parts = layout();
    painter.save();
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                           QPainter::SmoothPixmapTransform);
    if (!m_options.transparent)
        painter.fillRect(target, theme.background());

    const qreal scale =
        std::min(target.width() / parts.size.width(), target.height() / parts.size.height());
    const QSizeF scaled = QSizeF(parts.size) * scale;
    painter.translate(target.center() - QPointF(scaled.width(), scaled.height()) / 2);
    painter.scale(scale, scale);

    painter.setPen(theme.text());
    painter.setFont(titleFont());
    painter.drawText(parts.title, Qt::AlignLeft | Qt::AlignVCenter, m_view.title(m_options));

    m_view.render(painter, parts.content, m_options);

    // Filled rather than stroked: Qt strokes lines thinner than a pixel (figures smaller than
    // their natural size) a shade differently under a clip, and PNGs are painted clipped to
    // bands of rows.
    painter.fillRect(parts.rule, theme.border());
    painter.setPen(theme.mutedText());
    painter.setFont(captionFont());
    painter.drawText(parts.caption, Qt::AlignLeft | Qt::AlignVCenter, m_caption);
    painter.restore();
}

QImage Figure::blankImage(const QSize& pixels) const
{
    // Opaque figures need no alpha channel: PNGs without one are smaller and faster to encode.
    QImage image(pixels, m_options.transparent ? QImage::Format_ARGB32_Premultiplied
                                               : QImage::Format_RGB32);
    // An opaque figure's background covers every pixel.
    if (m_options.transparent)
        image.fill(Qt::transparent);
    return image;
}

void Figure::paintBand(QPainter& painter, const QRect& band, const QSize& pixels)
{
    painter.save();
    painter.setClipRect(band);
    if (m_options.transparent) {
        // What earlier bands drew past their rows (an opaque figure's background covers it).
        painter.setCompositionMode(QPainter::CompositionMode_Clear);
        painter.fillRect(band, Qt::transparent);
        painter.setCompositionMode(QPainter::CompositionMode_SourceOver);
    }
    render(painter, QRectF(QPointF(), pixels));
    painter.restore();
}

QImage Figure::toImage(const QSize& pixels)
{
    QImage image = blankImage(pixels);
    QPainter painter(&image);
    render(painter, QRectF(QPointF(), pixels));
    return image;
}

QString Figure::write(const QString& path, ExportFormat format, const QSize& pixels)
{
    std::function<QString(QIODevice&)> writeContent;
    switch (format) {
    case ExportFormat::Png:
        writeContent = [&](QIODevice& device) {
            // Painted in bands, each encoded while the next is painted (issue 16). Each band
            // is painted clipped into the whole image rather than into an image of its own,
            // so the paint engine sees the same device and draws the same pixels (dashes are
            // laid out against the device's rectangle).
            QImage image = blankImage(pixels);
            QPainter painter(&image);
            return ui::encodePngPaintedInBands(
                device, image, pngBandHeight,
                [&](const QRect& band) { paintBand(painter, band, pixels); });
        };
        break;
    case ExportFormat::Svg:
        writeContent = [&](QIODevice& device) {
            QSvgGenerator svg;
            svg.setOutputDevice(&device);
            svg.setSize(pixels);
            svg.setViewBox(QRect(QPoint(), pixels));
            svg.setResolution(pdfResolution);
            svg.setTitle(m_view.title(m_options));
            svg.setDescription(m_caption);
            QPainter painter;
            if (!painter.begin(&svg))
                return QCoreApplication::translate("Figure", "cannot start the SVG");
            render(painter, QRectF(QPointF(), pixels));
            return painter.end() ? QString()
                                 : QCoreApplication::translate("Figure", "cannot finish the SVG");
        };
        break;
    case ExportFormat::Pdf:
        writeContent = [&](QIODevice& device) {
            QPdfWriter pdf(&device);
            pdf.setResolution(pdfResolution);
            pdf.setTitle(m_view.title(m_options));
            pdf.setCreator(QCoreApplication::applicationName());
            // One page exactly the figure's size, without margins.
            pdf.setPageSize(QPageSize(QSizeF(pixels) * 72.0 / pdfResolution, QPageSize::Point, {},
                                      QPageSize::ExactMatch));
            pdf.setPageMargins(QMarginsF());
            QPainter painter;
            if (!painter.begin(&pdf))
                return QCoreApplication::translate("Figure", "cannot start the PDF");
            render(painter, QRectF(0, 0, pdf.width(), pdf.height()));
            return painter.end() ? QString()
                                 : QCoreApplication::translate("Figure", "cannot finish the PDF");
        };
        break;
    }
    return files::writeFileAtomically(path, writeContent).value_or(QString());
}

} // namespace ace::exports
