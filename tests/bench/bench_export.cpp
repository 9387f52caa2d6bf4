// DESIGN.md §8: exporting the stack diagram at 3840×2160 as PNG stays within 1.15× of painting
// and encoding an equally large image. exportAgainstThePlainImageAlternately gives that ratio
// (the two alternated, medians); exportStackPng, renderOnly (painting the figure whole),
// encodeSamePixels (the figure's own pixels, encoded and written the same way, on one thread)
// and paintAndEncodePlainImage (a plain painted image, which compresses far better) show where
// the time goes.
#include "catalog/catalog.h"
#include "export/diagramexportviews.h"
#include "export/figure.h"
#include "export/imagefile.h"
#include "pricing/pricebook.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>
#include <optional>
#include <vector>

using namespace ace;

namespace {
const QSize size4k(3840, 2160);
} // namespace

class BenchExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void exportStackPng();
    void renderOnly();
    void encodeSamePixels();
    void paintAndEncodePlainImage();
    void exportAgainstThePlainImageAlternately();

private:
    void exportStackPngOnce();
    void paintAndEncodePlainImageOnce();
    QString path(const QString& name) const { return m_dir.filePath(name); }

    std::optional<Catalog> m_catalog;
    std::optional<PriceBook> m_prices;
    QTemporaryDir m_dir;
};

void BenchExport::initTestCase()
{
    m_catalog = Catalog::loadBuiltIn();
    m_prices = PriceBook::loadBuiltIn();
    QVERIFY(m_dir.isValid());
}

void BenchExport::exportStackPng()
{
    QBENCHMARK
    {
        exportStackPngOnce();
    }
}

void BenchExport::renderOnly()
{
    exports::StackExportView view(*m_catalog, *m_prices);
    exports::ExportOptions options;
    options.theme = ui::Theme::Kind::Dark;
    exports::Figure figure(view, *m_catalog, *m_prices, options);
    QBENCHMARK
    {
        QCOMPARE(figure.toImage(size4k).size(), size4k);
    }
}

void BenchExport::encodeSamePixels()
{
    exports::StackExportView view(*m_catalog, *m_prices);
    exports::ExportOptions options;
    options.theme = ui::Theme::Kind::Dark;
    exports::Figure figure(view, *m_catalog, *m_prices, options);
    const QImage image = figure.toImage(size4k);
    QBENCHMARK
    {
        QCOMPARE(ui::writeImageAtomically(image, path(QStringLiteral("same.png"))), QString());
    }
}

void BenchExport::paintAndEncodePlainImage()
{
    QBENCHMARK
    {
        paintAndEncodePlainImageOnce();
    }
}

// The ratio the budget is about, from runs of the two alternated (so both see the same load),
// medians of each; QBENCHMARK's other figures come from runs one after the other.
void BenchExport::exportAgainstThePlainImageAlternately()
{
    constexpr int runs = 11;
    std::vector<double> exports;
    std::vector<double> plainImages;
    const auto timed = [](const std::function<void()>& run) {
        QElapsedTimer timer;
        timer.start();
        run();
        return double(timer.nsecsElapsed()) / 1e6;
    };
    exportStackPngOnce(); // warm caches (fonts, pattern images) as QBENCHMARK does
    paintAndEncodePlainImageOnce();
    for (int run = 0; run < runs; ++run) {
        exports.push_back(timed([this] { exportStackPngOnce(); }));
        plainImages.push_back(timed([this] { paintAndEncodePlainImageOnce(); }));
    }
    const auto median = [](std::vector<double> values) {
        std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
        return values[values.size() / 2];
    };
    const double exportMs = median(exports);
    const double plainMs = median(plainImages);
    qInfo("4K stack export %.1f ms, plain image %.1f ms (medians of %d alternated runs): %.2fx",
          exportMs, plainMs, runs, exportMs / plainMs);
}

void BenchExport::exportStackPngOnce()
{
    exports::ExportOptions options;
    options.theme = ui::Theme::Kind::Dark;
    // From the data, as the export command does: the scene, the figure, the file.
    exports::StackExportView view(*m_catalog, *m_prices);
    exports::Figure figure(view, *m_catalog, *m_prices, options);
    QCOMPARE(figure.write(path(QStringLiteral("stack.png")), exports::ExportFormat::Png, size4k),
             QString());
}

void BenchExport::paintAndEncodePlainImageOnce()
{
    QImage image(size4k, QImage::Format_ARGB32_Premultiplied);
    image.fill(ui::Theme::dark().background());
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(ui::Theme::dark().surface());
    painter.drawRoundedRect(QRectF(QPointF(), size4k).adjusted(80, 80, -80, -80), 24, 24);
    painter.end();
    QCOMPARE(ui::writeImageAtomically(image, path(QStringLiteral("plain.png"))), QString());
}

QTEST_MAIN(BenchExport)
#include "bench_export.moc"
