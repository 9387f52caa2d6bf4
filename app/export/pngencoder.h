#pragma once

#include <QImage>
#include <QRect>
#include <QSize>
#include <QString>

#include <functional>
#include <memory>

class QIODevice;

namespace ace::ui {

// Encodes `image` as PNG into `device`, with its alpha channel if it has one and its
// resolution; returns an error message (the device's, when a write fails), or an empty string.
//
// libpng directly rather than QImageWriter, for speed: QImageWriter leaves libpng to try every
// row filter on every row, which was half of the start-up's work for a screenshot (issue 16).
// Without a filter and at zlib level 3 (the last of its fast levels: as fast as level 1 here,
// and 8% smaller), the flat colours and antialiased edges of the diagrams, charts and windows
// this program draws encode four times faster. A window screenshot comes out smaller than
// QImageWriter's; a 4K diagram export about 17% larger (tests/bench/bench_export).
QString encodePng(const QImage& image, QIODevice& device);

// A PNG written band by band, top to bottom: the same bytes encodePng writes for the whole
// image. Every band has the image's width and the format given at the start.
class PngEncoder
{
public:
    // `format` is the bands' format: opaque RGB32 is encoded as it is, anything else
    // converted band by band; `alpha` says whether the PNG keeps an alpha channel.
    PngEncoder(QIODevice& device, const QSize& size, QImage::Format format, bool alpha,
               int dotsPerMeterX = 0, int dotsPerMeterY = 0);
    ~PngEncoder();
    Q_DISABLE_COPY_MOVE(PngEncoder)

    // Encodes the rows of `band`, the next ones; false once anything failed (see finish()).
    bool append(const QImage& band);
    // Ends the file once every row was appended; returns an error message or an empty string.
    QString finish();

private:
    struct Png;
    std::unique_ptr<Png> m_png;
};

// Encodes `image` as PNG into `device` while it is being painted: `paintBand(rows)` paints the
// rows of one band into `image` (bands of `bandHeight` rows, top to bottom, on the calling
// thread, so it may use the scene and the fonts), and each band is encoded on a second thread
// while the next is painted. `paintBand` must paint every pixel of its band: it may find there
// what earlier bands drew past their own rows. The bytes are those encodePng writes for the
// image painted whole. Returns an error message or an empty string.
QString encodePngPaintedInBands(QIODevice& device, QImage& image, int bandHeight,
                                const std::function<void(const QRect& band)>& paintBand);

} // namespace ace::ui
