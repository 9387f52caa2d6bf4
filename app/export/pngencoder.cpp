#include "export/pngencoder.h"

#include <QIODevice>
#include <QImage>

#include <algorithm>
#include <condition_variable>
#include <csetjmp>
#include <deque>
#include <mutex>
#include <png.h>
#include <thread>
#include <utility>
#include <vector>

namespace ace::ui {

namespace {

// What the callbacks need: where to write, and the first error.
struct PngOutput
{
    QIODevice* device = nullptr;
    QString error;
};

void writeBytes(png_structp png, png_bytep data, size_t length)
{
    auto* output = static_cast<PngOutput*>(png_get_io_ptr(png));
    if (output->device->write(reinterpret_cast<const char*>(data), qint64(length)) !=
        qint64(length)) {
        output->error = output->device->errorString();
        png_error(png, "write failed");
    }
}

void flushNothing(png_structp)
{} // the device is flushed (committed) by whoever opened it

[[noreturn]] void failEncoding(png_structp png, png_const_charp message)
{
    auto* output = static_cast<PngOutput*>(png_get_error_ptr(png));
    if (output->error.isEmpty())
        output->error = QString::fromUtf8(message);
    png_longjmp(png, 1);
}

void ignoreWarning(png_structp, png_const_charp)
{}

// The steps of an encoding that call libpng, which reports errors by long-jumping back to
// the setjmp of the step: nothing here has a destructor to skip.
bool startPng(png_structp png, png_infop info, png_uint_32 width, png_uint_32 height, int colorType,
              bool fromRgb32, int dotsPerMeterX, int dotsPerMeterY)
{
    if (setjmp(png_jmpbuf(png)))
        return false;
    png_set_IHDR(png, info, width, height, 8, colorType, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    png_set_compression_level(png, 3);
    if (dotsPerMeterX > 0 && dotsPerMeterY > 0) {
        png_set_pHYs(png, info, png_uint_32(dotsPerMeterX), png_uint_32(dotsPerMeterY),
                     PNG_RESOLUTION_METER);
    }
    png_write_info(png, info);
    if (fromRgb32) {
        // 0xffRRGGBB words: libpng drops the filler byte and swaps to RGB itself.
        png_set_filler(png, 0,
                       Q_BYTE_ORDER == Q_LITTLE_ENDIAN ? PNG_FILLER_AFTER : PNG_FILLER_BEFORE);
        if (Q_BYTE_ORDER == Q_LITTLE_ENDIAN)
            png_set_bgr(png);
    }
    return true;
}

bool writePngRows(png_structp png, png_bytepp rows, png_uint_32 count)
{
    if (setjmp(png_jmpbuf(png)))
        return false;
    png_write_rows(png, rows, count);
    return true;
}

bool endPng(png_structp png, png_infop info)
{
    if (setjmp(png_jmpbuf(png)))
        return false;
    png_write_end(png, info);
    return true;
}

} // namespace

struct PngEncoder::Png
{
    PngOutput output;
    png_structp png = nullptr;
    png_infop info = nullptr;
    QSize size;
    QImage::Format format;
    bool alpha;
    int rowsWritten = 0;
    bool failed = false;
};

PngEncoder::PngEncoder(QIODevice& device, const QSize& size, QImage::Format format, bool alpha,
                       int dotsPerMeterX, int dotsPerMeterY)
    : m_png(std::make_unique<Png>(Png{{&device, {}}, nullptr, nullptr, size, format, alpha}))
{
    Png& p = *m_png;
    p.png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &p.output, failEncoding, ignoreWarning);
    p.info = p.png ? png_create_info_struct(p.png) : nullptr;
    if (!p.info) {
        p.failed = true;
        return;
    }
    png_set_write_fn(p.png, &p.output, writeBytes, flushNothing);
    p.failed = !startPng(p.png, p.info, png_uint_32(size.width()), png_uint_32(size.height()),
                         alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                         format == QImage::Format_RGB32, dotsPerMeterX, dotsPerMeterY);
}

PngEncoder::~PngEncoder()
{
    png_destroy_write_struct(&m_png->png, &m_png->info);
}

bool PngEncoder::append(const QImage& band)
{
    Png& p = *m_png;
    Q_ASSERT(band.format() == p.format && band.width() == p.size.width());
    const int rows = std::min(band.height(), p.size.height() - p.rowsWritten);
    if (p.failed || rows <= 0)
        return !p.failed;
    // Opaque RGB32 (screenshots) as it is, without a converted copy (which would cost memory,
    // and Qt's thread pool for a large image); anything else converted to a byte order libpng
    // takes, premultiplied alpha undone.
    const QImage pixels =
        p.format == QImage::Format_RGB32
            ? band
            : band.convertToFormat(p.alpha ? QImage::Format_RGBA8888 : QImage::Format_RGB888);
    std::vector<png_bytep> pointers(static_cast<size_t>(rows));
    for (int y = 0; y < rows; ++y)
        pointers[size_t(y)] = const_cast<png_bytep>(pixels.constScanLine(y));
    p.failed = !writePngRows(p.png, pointers.data(), png_uint_32(rows));
    p.rowsWritten += rows;
    return !p.failed;
}

QString PngEncoder::finish()
{
    Png& p = *m_png;
    Q_ASSERT(p.failed || p.rowsWritten == p.size.height());
    if (!p.failed)
        p.failed = !endPng(p.png, p.info);
    if (!p.failed)
        return {};
    return p.output.error.isEmpty() ? QStringLiteral("cannot encode the image as PNG")
                                    : p.output.error;
}

QString encodePng(const QImage& image, QIODevice& device)
{
    PngEncoder encoder(device, image.size(), image.format(), image.hasAlphaChannel(),
                       image.dotsPerMeterX(), image.dotsPerMeterY());
    encoder.append(image);
    return encoder.finish();
}

QString encodePngPaintedInBands(QIODevice& device, QImage& image, int bandHeight,
                                const std::function<void(const QRect& band)>& paintBand)
{
    const QSize size = image.size();
    bandHeight = std::max(1, bandHeight);
    // Bands are converted to libpng's byte order as they are copied, on this thread, which
    // has time to spare: libpng's own conversion of RGB32 rows was a sixth of the encoding.
    const bool alpha = image.hasAlphaChannel();
    const QImage::Format bandFormat = alpha ? QImage::Format_RGBA8888 : QImage::Format_RGB888;
    PngEncoder encoder(device, size, bandFormat, alpha, image.dotsPerMeterX(),
                       image.dotsPerMeterY());
    // Painted bands wait for the encoding as converted copies: painting the next band may draw on
    // the rows of earlier ones (anything that replaces the painter's clip, as Qt Charts' series
    // do), and the encoding must neither see that nor race with it. A few bands in waiting
    // keep the encoding busy; more would only cost memory.
    constexpr std::size_t bandsWaiting = 3;
    struct Queue
    {
        std::mutex mutex;
        std::condition_variable changed;
        std::deque<QImage> bands;
        bool allPainted = false;
        bool failed = false;
    } queue;

    // Only the encoding thread writes to the device, while this one paints.
    std::thread encoding([&] {
        std::unique_lock lock(queue.mutex);
        for (;;) {
            queue.changed.wait(lock, [&] { return !queue.bands.empty() || queue.allPainted; });
            if (queue.bands.empty())
                return;
            const QImage band = std::move(queue.bands.front());
            queue.bands.pop_front();
            queue.changed.notify_all();
            lock.unlock();
            const bool encoded = encoder.append(band);
            lock.lock();
            if (!encoded) {
                queue.failed = true;
                queue.changed.notify_all();
                return;
            }
        }
    });
    for (int top = 0; top < size.height(); top += bandHeight) {
        const QRect band(0, top, size.width(), std::min(bandHeight, size.height() - top));
        paintBand(band);
        QImage painted = QImage(image.constScanLine(band.top()), band.width(), band.height(),
                                image.bytesPerLine(), image.format())
                             .convertToFormat(bandFormat);
        std::unique_lock lock(queue.mutex);
        queue.changed.wait(lock, [&] { return queue.bands.size() < bandsWaiting || queue.failed; });
        if (queue.failed)
            break;
        queue.bands.push_back(std::move(painted));
        queue.changed.notify_all();
    }
    {
        std::lock_guard lock(queue.mutex);
        queue.allPainted = true;
        queue.changed.notify_all();
    }
    encoding.join();
    return encoder.finish();
}

} // namespace ace::ui
