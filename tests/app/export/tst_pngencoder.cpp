// PNG encoding with libpng: every pixel, the alpha channel and the resolution survive a round
// trip through QImage's reader, a device that fails a write gives its error, and an image
// encoded while it is painted band by band gives the very bytes of the image encoded whole.
#include "export/pngencoder.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QTest>

#include <atomic>

using ace::ui::encodePng;
using ace::ui::encodePngPaintedInBands;

namespace {

// Antialiased shapes, text and a gradient: every kind of pixel the figures have.
QImage drawing(QImage::Format format)
{
    QImage image(301, 157, format);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    QLinearGradient gradient(0, 0, 301, 157);
    gradient.setColorAt(0, QColor(255, 0, 0, 40));
    gradient.setColorAt(1, QColor(0, 80, 255, 255));
    painter.setBrush(gradient);
    painter.setPen(QPen(QColor(20, 120, 20, 180), 2.5));
    painter.drawRoundedRect(QRectF(10.5, 8.25, 270, 130), 14, 14);
    painter.drawText(QRectF(20, 20, 250, 40), QStringLiteral("Fargate $12.34"));
    painter.end();
    return image;
}

QImage roundTrip(const QImage& image)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const QString error = encodePng(image, buffer);
    if (!error.isEmpty())
        qWarning() << error;
    return QImage::fromData(buffer.data(), "PNG");
}

// Takes the first `capacity` bytes, then fails like a full disk.
class FullDevice : public QIODevice
{
public:
    explicit FullDevice(qint64 capacity)
        : m_capacity(capacity)
    {
        open(QIODevice::WriteOnly);
    }

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char*, qint64 length) override
    {
        if (m_written + length > m_capacity) {
            setErrorString(QStringLiteral("No space left on device"));
            m_full = true;
            return -1;
        }
        m_written += length;
        return length;
    }

public:
    // Whether a write failed; asked from another thread than the one writing.
    bool isFull() const { return m_full; }

private:
    qint64 m_capacity;
    qint64 m_written = 0;
    std::atomic<bool> m_full = false;
};

} // namespace

class TestPngEncoder : public QObject
{
    Q_OBJECT

private slots:
    void opaqueImagesKeepEveryPixelWithoutAlpha();
    void transparentImagesKeepTheirAlpha();
    void resolutionIsKept();
    void aFailedWriteGivesTheDevicesError();
    void bandsGiveTheBytesOfTheWholeImage_data();
    void bandsGiveTheBytesOfTheWholeImage();
    void aFailedWriteStopsThePainting();
};

void TestPngEncoder::opaqueImagesKeepEveryPixelWithoutAlpha()
{
    QImage image = drawing(QImage::Format_RGB32);
    const QImage decoded = roundTrip(image);
    QVERIFY(!decoded.isNull());
    QVERIFY(!decoded.hasAlphaChannel());
    QCOMPARE(decoded.convertToFormat(QImage::Format_RGB32), image);
}

void TestPngEncoder::transparentImagesKeepTheirAlpha()
{
    // Premultiplied pixels are stored straight, as PNG wants: compared straight.
    const QImage image = drawing(QImage::Format_ARGB32_Premultiplied);
    const QImage decoded = roundTrip(image);
    QVERIFY(decoded.hasAlphaChannel());
    QCOMPARE(decoded.convertToFormat(QImage::Format_ARGB32),
             image.convertToFormat(QImage::Format_ARGB32));
    QCOMPARE(qAlpha(decoded.pixel(0, 0)), 0);
}

void TestPngEncoder::resolutionIsKept()
{
    QImage image = drawing(QImage::Format_RGB32);
    image.setDotsPerMeterX(7559); // 192 dpi
    image.setDotsPerMeterY(7559);
    const QImage decoded = roundTrip(image);
    QCOMPARE(decoded.dotsPerMeterX(), 7559);
    QCOMPARE(decoded.dotsPerMeterY(), 7559);
}

void TestPngEncoder::aFailedWriteGivesTheDevicesError()
{
    for (const qint64 capacity : {qint64(0), qint64(100), qint64(4000)}) {
        FullDevice device(capacity);
        QCOMPARE(encodePng(drawing(QImage::Format_RGB32), device),
                 QStringLiteral("No space left on device"));
    }
}

void TestPngEncoder::bandsGiveTheBytesOfTheWholeImage_data()
{
    QTest::addColumn<QImage::Format>("format");
    QTest::addColumn<int>("bandHeight");
    for (const auto format : {QImage::Format_RGB32, QImage::Format_ARGB32_Premultiplied}) {
        const char* name = format == QImage::Format_RGB32 ? "opaque" : "transparent";
        for (const int bandHeight : {1, 7, 64, 157, 1000})
            QTest::addRow("%s in bands of %d", name, bandHeight) << format << bandHeight;
    }
}

void TestPngEncoder::bandsGiveTheBytesOfTheWholeImage()
{
    QFETCH(QImage::Format, format);
    QFETCH(int, bandHeight);
    QImage source = drawing(format);
    source.setDotsPerMeterX(7559);
    source.setDotsPerMeterY(5000);
    QBuffer whole;
    whole.open(QIODevice::WriteOnly);
    QCOMPARE(encodePng(source, whole), QString());

    // Painted band by band, top to bottom, each band once and whole: the rows of the source.
    QImage image(source.size(), format);
    image.setDotsPerMeterX(7559);
    image.setDotsPerMeterY(5000);
    image.fill(Qt::magenta);
    int nextTop = 0;
    QBuffer banded;
    banded.open(QIODevice::WriteOnly);
    const QString error =
        encodePngPaintedInBands(banded, image, bandHeight, [&](const QRect& band) {
            QCOMPARE(band.top(), nextTop);
            QCOMPARE(band.width(), source.width());
            QCOMPARE(band.height(), std::min(bandHeight, source.height() - nextTop));
            nextTop = band.bottom() + 1;
            QPainter painter(&image);
            painter.setCompositionMode(QPainter::CompositionMode_Source);
            painter.drawImage(band, source, band);
        });
    QCOMPARE(error, QString());
    QCOMPARE(nextTop, source.height());
    QCOMPARE(banded.data(), whole.data());
}

void TestPngEncoder::aFailedWriteStopsThePainting()
{
    QImage image(200, 1000, QImage::Format_RGB32);
    image.fill(Qt::white);
    FullDevice device(2000);
    int bandsPainted = 0;
    const QString error = encodePngPaintedInBands(device, image, 10, [&](const QRect& band) {
        ++bandsPainted;
        // Rows of noise, which compress badly, so the device fills up early.
        for (int y = band.top(); y <= band.bottom(); ++y) {
            auto* row = reinterpret_cast<QRgb*>(image.scanLine(y));
            for (int x = 0; x < image.width(); ++x)
                row[x] = qRgb((x * 7919 + y * 104729) % 251, (x * y) % 253, (x ^ y) % 255);
        }
        // Half way, the encoding has long failed: no band is painted after it noticed.
        if (bandsPainted == 50)
            QTRY_VERIFY(device.isFull());
    });
    QCOMPARE(error, QStringLiteral("No space left on device"));
    QVERIFY2(bandsPainted < 100, qPrintable(QString::number(bandsPainted)));
}

QTEST_MAIN(TestPngEncoder)
#include "tst_pngencoder.moc"
