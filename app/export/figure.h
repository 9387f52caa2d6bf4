#pragma once

#include "export/exportview.h"

#include <QFont>
#include <QImage>
#include <QSize>
#include <QString>

#include <optional>

namespace ace::exports {

// A font of the figures: the application's family at an exact pixel size, unhinted, so text
// keeps its proportions at every scale.
QFont figureFont(int pixelSize, QFont::Weight weight = QFont::Normal);

// The file formats an export writes, chosen by the file name's suffix.
enum class ExportFormat { Png, Svg, Pdf };
std::optional<ExportFormat> exportFormatOf(const QString& path);
QString suffixOf(ExportFormat format); // "png", "svg", "pdf"

// Limits of an export's size: beyond 4× a figure is bigger than any screen needs, and beyond
// 16384 pixels a side images exhaust memory before they are useful.
constexpr int maximumScale = 4;
constexpr int maximumSide = 16384;

// How large an export is: a whole-number scale of the figure's natural size (scale 2 has
// exactly twice the pixels of scale 1, for high-DPI screens), or exact pixels, the figure
// fitted inside with its aspect kept.
struct ExportSize
{
    int scale = 1;
    QSize pixels; // when valid, it wins over `scale`

    QSize resolve(const QSize& natural) const
    {
        return pixels.isValid() ? pixels : natural * scale;
    }
};

// A view, drawn with the options, as a finished figure: a title above it and, below, a caption
// with the data's provenance (workload, catalog, price book region and date), all scaled
// together.
class Figure
{
public:
    Figure(ExportView& view, const Catalog& catalog, const PriceBook& prices,
           const ExportOptions& options);

    QString caption() const { return m_caption; }
    // The figure's size at scale 1, in whole pixels.
    QSize naturalSize() const;
    // Where the view's content goes at scale 1.
    QRectF contentRect() const;

    // Draws the figure fitted into `target`, centred with its aspect kept; the background
    // covers the whole target unless the options ask for transparency.
    void render(QPainter& painter, const QRectF& target);
    QImage toImage(const QSize& pixels);
    // Writes the figure to `path` in `format`, `pixels` large (a PDF page of that many pixels
    // at 96 dpi), atomically: on failure no partial file is left and the file that was there
    // is untouched. Returns an error message naming the file, or an empty string.
    QString write(const QString& path, ExportFormat format, const QSize& pixels);

private:
    struct Layout; // where the parts go at scale 1
    Layout layout() const;
    // An image to paint the figure into: transparent, or opaque without an alpha channel.
    QImage blankImage(const QSize& pixels) const;
    // Paints the rows `band` of the figure, `pixels` large, every pixel of them, clipped to them.
    void paintBand(QPainter& painter, const QRect& band, const QSize& pixels);

    ExportView& m_view;
    ExportOptions m_options;
    QString m_caption;
};

} // namespace ace::exports
