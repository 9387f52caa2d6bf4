// PNG encoding with libpng: every pixel, the alpha channel and the resolution survive a round
// trip through QImage's reader, and a device that fails a write gives its error.
#include "export/pngencoder.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QTest>

using ace::ui::encodePng;

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
            return -1;
        }
        m_written += length;
        return length;
    }

private:
    qint64 m_capacity;
    qint64 m_written = 0;
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

QTEST_MAIN(TestPngEncoder)
#include "tst_pngencoder.moc"
