#include "export/pngencoder.h"

#include <QIODevice>
#include <QImage>

#include <csetjmp>
#include <png.h>
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

struct PngRows
{
    const png_byte* const* rows;
    png_uint_32 width, height;
    int colorType;
    bool fromRgb32; // 0xffRRGGBB words: libpng drops the filler byte and swaps to RGB itself
    int dotsPerMeterX, dotsPerMeterY;
};

// Everything libpng may long-jump out of, so nothing here has a destructor to skip.
bool encodeRows(PngOutput& output, const PngRows& image)
{
    png_structp png =
        png_create_write_struct(PNG_LIBPNG_VER_STRING, &output, failEncoding, ignoreWarning);
    if (!png)
        return false;
    png_infop info = png_create_info_struct(png);
    if (!info || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return false;
    }
    png_set_write_fn(png, &output, writeBytes, flushNothing);
    png_set_IHDR(png, info, image.width, image.height, 8, image.colorType, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    png_set_compression_level(png, 3);
    if (image.dotsPerMeterX > 0 && image.dotsPerMeterY > 0) {
        png_set_pHYs(png, info, png_uint_32(image.dotsPerMeterX), png_uint_32(image.dotsPerMeterY),
                     PNG_RESOLUTION_METER);
    }
    png_write_info(png, info);
    if (image.fromRgb32) {
        png_set_filler(png, 0,
                       Q_BYTE_ORDER == Q_LITTLE_ENDIAN ? PNG_FILLER_AFTER : PNG_FILLER_BEFORE);
        if (Q_BYTE_ORDER == Q_LITTLE_ENDIAN)
            png_set_bgr(png);
    }
    png_write_image(png, const_cast<png_bytepp>(image.rows));
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return true;
}

} // namespace

QString encodePng(const QImage& image, QIODevice& device)
{
    // Opaque RGB32 (screenshots, opaque figures) as it is, without a converted copy (which
    // would cost memory, and Qt's thread pool for a large image); anything else converted to
    // a byte order libpng takes, premultiplied alpha undone.
    const bool alpha = image.hasAlphaChannel();
    const bool fromRgb32 = image.format() == QImage::Format_RGB32;
    const QImage pixels =
        fromRgb32 ? image
                  : image.convertToFormat(alpha ? QImage::Format_RGBA8888 : QImage::Format_RGB888);
    std::vector<const png_byte*> rows(size_t(pixels.height()));
    for (int y = 0; y < pixels.height(); ++y)
        rows[size_t(y)] = pixels.constScanLine(y);
    PngOutput output{&device, {}};
    const PngRows png{rows.data(),
                      png_uint_32(pixels.width()),
                      png_uint_32(pixels.height()),
                      alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                      fromRgb32,
                      image.dotsPerMeterX(),
                      image.dotsPerMeterY()};
    if (!encodeRows(output, png))
        return output.error.isEmpty() ? QStringLiteral("cannot encode the image as PNG")
                                      : output.error;
    return {};
}

} // namespace ace::ui
