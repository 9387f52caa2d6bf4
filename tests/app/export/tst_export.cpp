// Exporting views as figures: the registry, exact sizes, scale, transparency, themes checked by
// pixel probes at known cells, the comparison of two options, SVG and PDF structure, atomic
// writes, the export dialog and the window's export actions.
#include "catalog/catalog.h"
#include "charts/chartstyle.h"
#include "compare/comparison.h"
#include "diagram/diagramitems.h"
#include "diagram/stackdiagramscene.h"
#include "export/compareexportview.h"
#include "export/diagramexportviews.h"
#include "export/exportactions.h"
#include "export/exportdialog.h"
#include "export/exportview.h"
#include "export/figure.h"
#include "export/imagefile.h"
#include "imageprobes.h"
#include "jsonfixtures.h"
#include "optionids.h"
#include "pricing/pricebook.h"
#include "state/explorerstate.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPicture>
#include <QPushButton>
#include <QRadioButton>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>
#include <QXmlStreamReader>

#include <optional>

using namespace ace;
using namespace ace::test::optionids;
using exports::ExportFormat;
using exports::ExportOptions;
using test::near;
using test::shareOf;

namespace {

const QString guestOs = QStringLiteral("guest-os");

QByteArray contentsOf(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

ExportOptions themed(ui::Theme::Kind theme, bool transparent = false)
{
    ExportOptions options;
    options.theme = theme;
    options.transparent = transparent;
    return options;
}

ExportOptions compared(const QString& first, const QString& second,
                       ui::Theme::Kind theme = ui::Theme::Kind::Light)
{
    ExportOptions options = themed(theme);
    options.compared = ComparedPair::ofOptions(first, second);
    return options;
}

// How many pixels of `area` are within `tolerance` of `color`.
int countOf(const QImage& image, const QRect& area, const QColor& color, int tolerance)
{
    const QRect pixels = area.intersected(image.rect());
    int matching = 0;
    for (int y = pixels.top(); y <= pixels.bottom(); ++y) {
        for (int x = pixels.left(); x <= pixels.right(); ++x)
            matching += near(image.pixelColor(x, y), color, tolerance) ? 1 : 0;
    }
    return matching;
}

// The band of a layer in a stack diagram: the row behind its label and its cells.
QRectF bandRect(const diagram::StackDiagramScene& scene, const QString& layerId)
{
    for (QGraphicsItem* item : scene.items()) {
        const auto* band = dynamic_cast<const diagram::LayerBandItem*>(item);
        if (band && band->layerId() == layerId)
            return band->rect();
    }
    return {};
}

// The mean colour of `area`'s pixels.
QColor meanColourOf(const QImage& image, const QRect& area)
{
    double red = 0, green = 0, blue = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            red += pixel.redF();
            green += pixel.greenF();
            blue += pixel.blueF();
        }
    }
    const double count = std::max(1.0, double(area.width()) * area.height());
    return QColor::fromRgbF(float(red / count), float(green / count), float(blue / count));
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void viewsAreRegisteredById();
    void figureHasTheAskedPixels();
    void scaleTwoDoublesEverySide();
    void transparentLeavesTheBackgroundOut();
    void themesColourTheBackgroundAndCells_data();
    void themesColourTheBackgroundAndCells();
    void responsibilityMatrixShowsTheCells();
    void compareSizeFollowsThePairNotTheScale();
    void compareTitleNamesBothOptions();
    void compareOfACatalogOfOneOptionIsEmpty();
    void compareFigureShowsDifferencesAndBothCurves_data();
    void compareFigureShowsDifferencesAndBothCurves();
    void svgIsXmlWithATitle();
    void svgHatchingStaysInItsCells_data();
    void svgHatchingStaysInItsCells();
    void pngPatternsMatchTheVectorOnes_data();
    void pngPatternsMatchTheVectorOnes();
    void pngHasTheFiguresPixels_data();
    void pngHasTheFiguresPixels();
    void pdfHasOnePageOfTheFigureSize();
    void writeUnderARegularFileFails();
    void dialogNotesThePixelSize();
    void dialogFollowsTheSuffixAndDisablesTransparencyForPdf();
    void dialogWritesTheFileAndRemembersTheFields();
    void dialogReportsAnUnwritableFile();
    void actionsHaveShortcutsAndCopyAtScaleTwo();
    void dialogOffersTheComparisonWhileComparing();
    void copyWhileComparingCopiesTheComparison();
    void dialogOpensWithAnyRememberedSettings_data();
    void dialogOpensWithAnyRememberedSettings();
    void firstExportGoesHomeWithoutAPicturesFolder();
    void enterInTheFileFieldExports();
    void fileLabelHasAMnemonic();
    void fileNameFollowsTheViewUntilTyped();
    void successfulExportIsAnnounced();
    void darkTransparentExportIsExplained();

private:
    std::optional<Catalog> m_catalog;
    std::optional<PriceBook> m_prices;
    QTemporaryDir m_dir;
};

void TestExport::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("aws-compute-explorer-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_export"));
    m_catalog = Catalog::loadBuiltIn();
    m_prices = PriceBook::loadBuiltIn();
    QVERIFY(m_dir.isValid());
}

void TestExport::init()
{
    QSettings().clear();
}

void TestExport::viewsAreRegisteredById()
{
    QStringList ids;
    for (const exports::ExportViewInfo& view : exports::exportViews()) {
        ids.append(view.id);
        QVERIFY(!view.name.isEmpty());
        const auto created = exports::createExportView(view.id, *m_catalog, *m_prices);
        QVERIFY(created);
        QCOMPARE(created->id(), view.id);
        QVERIFY(!created->title({}).isEmpty());
        QVERIFY(!created->contentSize({}).isEmpty());
    }
    // The diagram's views come first, then the cost charts and the comparison.
    QCOMPARE(ids, (QStringList{QStringLiteral("stack"), QStringLiteral("responsibility"),
                               QStringLiteral("cost"), QStringLiteral("compare")}));
    ids.removeDuplicates();
    QCOMPARE(ids.size(), exports::exportViews().size());
    QVERIFY(!exports::createExportView(QStringLiteral("stacks"), *m_catalog, *m_prices));
}

void TestExport::figureHasTheAskedPixels()
{
    exports::StackExportView view(*m_catalog, *m_prices);
    exports::Figure figure(view, *m_catalog, *m_prices, {});
    for (const QSize size : {QSize(3840, 2160), QSize(640, 1200), QSize(1, 1)}) {
        const QString path = m_dir.filePath(QStringLiteral("exact.png"));
        QCOMPARE(figure.write(path, ExportFormat::Png, size), QString());
        QCOMPARE(QImage(path).size(), size);
    }
    // A figure fitted into a wider frame keeps its aspect: the sides are background.
    const QImage wide = exports::Figure(view, *m_catalog, *m_prices, themed(ui::Theme::Kind::Dark))
                            .toImage(QSize(4000, 1000));
    QCOMPARE(shareOf(wide, QRect(0, 0, 200, 1000), ui::Theme::dark().background(), 0), 1.0);
    QCOMPARE(shareOf(wide, QRect(3800, 0, 200, 1000), ui::Theme::dark().background(), 0), 1.0);
    QVERIFY(shareOf(wide, QRect(1800, 0, 400, 1000), ui::Theme::dark().background(), 0) < 0.9);
}

void TestExport::scaleTwoDoublesEverySide()
{
    exports::StackExportView view(*m_catalog, *m_prices);
    Workload workload;
    workload.name = QStringLiteral("Nightly thumbnails");
    exports::ExportOptions options;
    options.workload = workload;
    exports::Figure figure(view, *m_catalog, *m_prices, options);
    const QSize natural = figure.naturalSize();
    QVERIFY(natural.width() > 800 && natural.height() > 600);
    // The figure holds the view's content with room for the title and caption.
    QVERIFY(QRectF(QPointF(), natural).contains(figure.contentRect()));
    QVERIFY(figure.contentRect().top() > 40);
    QCOMPARE((exports::ExportSize{2, {}}.resolve(natural)), natural * 2);
    QCOMPARE((exports::ExportSize{3, QSize(100, 50)}.resolve(natural)), QSize(100, 50));
    QCOMPARE(figure.toImage(natural * 2).size(), natural * 2);
    QVERIFY(figure.caption().contains(QStringLiteral("Workload: Nightly thumbnails")));
    QVERIFY(figure.caption().contains(QStringLiteral("built-in catalog.json")));
    QVERIFY(figure.caption().contains(QStringLiteral("us-east-1")));
    QVERIFY(figure.caption().contains(m_prices->asOf()));
}

void TestExport::transparentLeavesTheBackgroundOut()
{
    exports::StackExportView view(*m_catalog, *m_prices);
    exports::Figure figure(view, *m_catalog, *m_prices, themed(ui::Theme::Kind::Dark));
    const QSize size = figure.naturalSize();
    const QImage opaque = figure.toImage(size);
    const QImage clear =
        exports::Figure(view, *m_catalog, *m_prices, themed(ui::Theme::Kind::Dark, true))
            .toImage(size);
    for (const QPoint corner : {QPoint(0, 0), QPoint(size.width() - 1, size.height() - 1)}) {
        QCOMPARE(opaque.pixelColor(corner).alpha(), 255);
        QCOMPARE(clear.pixelColor(corner).alpha(), 0);
    }
    // The cells are still drawn, opaque.
    const QPointF cell = figure.contentRect().topLeft() +
                         view.contentRectOf(view.scene().cellRect(ec2, guestOs)).center();
    QCOMPARE(clear.pixelColor(cell.toPoint()).alpha(), 255);
}

void TestExport::themesColourTheBackgroundAndCells_data()
{
    QTest::addColumn<ui::Theme::Kind>("theme");
    QTest::newRow("light") << ui::Theme::Kind::Light;
    QTest::newRow("dark") << ui::Theme::Kind::Dark;
}

void TestExport::themesColourTheBackgroundAndCells()
{
    QFETCH(ui::Theme::Kind, theme);
    const ui::Theme colours = ui::Theme::ofKind(theme);
    exports::StackExportView view(*m_catalog, *m_prices);
    exports::Figure figure(view, *m_catalog, *m_prices, themed(theme));
    constexpr int scale = 2;
    const QImage image = figure.toImage(figure.naturalSize() * scale);
    QCOMPARE(image.pixelColor(4, 4), colours.background());

    // You manage EC2's guest OS: the customer's fill and hatching, left of the label.
    const QRectF cell = view.contentRectOf(view.scene().cellRect(ec2, guestOs))
                            .translated(figure.contentRect().topLeft());
    const QRectF cellPixels(cell.topLeft() * scale, cell.size() * scale);
    const QRect beside(QPointF(cellPixels.left() + 8, cellPixels.center().y() - 8).toPoint(),
                       QSize(int(cellPixels.width() / 4) - 8, 16));
    const ui::ResponsibilityStyle customer = colours.responsibility(Responsibility::Customer);
    const double fill = shareOf(image, beside, customer.fill);
    QVERIFY2(fill > 0.4 && fill < 0.95, qPrintable(QString::number(fill)));
    QCOMPARE(shareOf(image, beside, colours.responsibility(Responsibility::Aws).fill, 3), 0.0);
}

void TestExport::responsibilityMatrixShowsTheCells()
{
    exports::ResponsibilityExportView view(*m_catalog, *m_prices);
    exports::StackExportView stack(*m_catalog, *m_prices);
    // Only the options' names and the matrix: much shorter than the whole diagram.
    QVERIFY(view.contentSize({}).height() < stack.contentSize({}).height() * 0.8);
    exports::Figure figure(view, *m_catalog, *m_prices, {});
    const QImage image = figure.toImage(figure.naturalSize());
    const QRectF header =
        view.contentRectOf(view.scene().headerRect(ec2)).translated(figure.contentRect().topLeft());
    QVERIFY(!header.isNull());
    const QRectF cell = view.contentRectOf(view.scene().cellRect(QStringLiteral("lambda"), guestOs))
                            .translated(figure.contentRect().topLeft());
    QVERIFY(cell.top() > header.bottom());
    const QRect beside(QPointF(cell.left() + 4, cell.center().y() - 4).toPoint(),
                       QSize(int(cell.width() / 4) - 4, 8));
    QVERIFY(shareOf(image, beside, ui::Theme::light().responsibility(Responsibility::Aws).fill) >
            0.95);
}

void TestExport::compareSizeFollowsThePairNotTheScale()
{
    exports::CompareExportView view(*m_catalog, *m_prices);
    const ExportOptions lambdaFargate =
        compared(QStringLiteral("lambda"), QStringLiteral("ecs-fargate"));
    const ExportOptions ec2EcsEc2 = compared(ec2, QStringLiteral("ecs-ec2"));
    const QSizeF first = view.contentSize(lambdaFargate);
    const QSizeF second = view.contentSize(ec2EcsEc2);
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    QVERIFY2(first != second,
             qPrintable(QStringLiteral("%1x%2").arg(first.width()).arg(first.height())));
    // Asked again, after another pair, the same.
    QCOMPARE(view.contentSize(lambdaFargate), first);

    // Scale changes the pixels, never the layout: scale 2 has exactly twice the pixels.
    exports::Figure figure(view, *m_catalog, *m_prices, lambdaFargate);
    const QSize natural = figure.naturalSize();
    QVERIFY(natural.width() >= first.width() && natural.height() > first.height());
    QCOMPARE((exports::ExportSize{2, {}}.resolve(natural)), natural * 2);
    QCOMPARE(figure.toImage(natural * 2).size(), natural * 2);
    QCOMPARE(view.contentSize(lambdaFargate), first);
    QCOMPARE(figure.naturalSize(), natural);
    // The same pair the other way round lays out the same stacks, so the figure is as wide.
    QCOMPARE(
        view.contentSize(compared(QStringLiteral("ecs-fargate"), QStringLiteral("lambda"))).width(),
        first.width());
}

void TestExport::compareTitleNamesBothOptions()
{
    exports::CompareExportView view(*m_catalog, *m_prices);
    QCOMPARE(view.id(), QStringLiteral("compare"));
    QCOMPARE(view.title(compared(QStringLiteral("lambda"), QStringLiteral("ecs-fargate"))),
             QStringLiteral("Lambda functions vs ECS on Fargate"));
    QCOMPARE(view.title(compared(QStringLiteral("eks-fargate"), ec2)),
             m_catalog->option(QStringLiteral("eks-fargate"))->name + QStringLiteral(" vs ") +
                 m_catalog->option(ec2)->name);
    exports::Figure figure(view, *m_catalog, *m_prices,
                           compared(QStringLiteral("lambda"), QStringLiteral("ecs-fargate")));
    const QString path = m_dir.filePath(QStringLiteral("compare.svg"));
    QCOMPARE(figure.write(path, ExportFormat::Svg, figure.naturalSize()), QString());
    QVERIFY(contentsOf(path).contains("<title>Lambda functions vs ECS on Fargate</title>"));
}

void TestExport::compareOfACatalogOfOneOptionIsEmpty()
{
    QJsonObject json = test::resourceJson(QStringLiteral("catalog.json"));
    json[QStringLiteral("options")] =
        QJsonArray{json.value(QStringLiteral("options")).toArray().at(0)};
    const QString path =
        test::writeJsonFile(m_dir.filePath(QStringLiteral("one-option.json")), json);
    QVERIFY(!path.isEmpty());
    const Catalog oneOption = Catalog::load(path);
    QCOMPARE(oneOption.options().size(), 1);

    // Nothing to compare: no content, a generic title, and a figure that still renders.
    exports::CompareExportView view(oneOption, *m_prices);
    QVERIFY(view.contentSize({}).isEmpty());
    QCOMPARE(view.title({}), QStringLiteral("Two deployment options compared"));
    exports::Figure figure(view, oneOption, *m_prices, {});
    QVERIFY(!figure.toImage(figure.naturalSize()).isNull());
}

void TestExport::compareFigureShowsDifferencesAndBothCurves_data()
{
    QTest::addColumn<ui::Theme::Kind>("theme");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::addColumn<QString>("differingLayer"); // empty: they manage every layer alike
    for (const auto theme : {ui::Theme::Kind::Light, ui::Theme::Kind::Dark}) {
        const char* name = theme == ui::Theme::Kind::Light ? "light" : "dark";
        QTest::addRow("%s: lambda / ecs-fargate", name)
            << theme << QStringLiteral("lambda") << QStringLiteral("ecs-fargate")
            << QStringLiteral("language-runtime");
        // Two options of one category: the chart tells them apart by hue.
        QTest::addRow("%s: ecs-fargate / eks-fargate", name)
            << theme << QStringLiteral("ecs-fargate") << QStringLiteral("eks-fargate") << QString();
    }
}

void TestExport::compareFigureShowsDifferencesAndBothCurves()
{
    QFETCH(ui::Theme::Kind, theme);
    QFETCH(QString, first);
    QFETCH(QString, second);
    QFETCH(QString, differingLayer);
    const ui::Theme colours = ui::Theme::ofKind(theme);
    exports::CompareExportView view(*m_catalog, *m_prices);
    const ExportOptions options = compared(first, second, theme);
    exports::Figure figure(view, *m_catalog, *m_prices, options);
    const QImage image = figure.toImage(figure.naturalSize());
    QCOMPARE(image.pixelColor(2, 2), colours.background());
    if (theme == ui::Theme::Kind::Dark)
        QVERIFY(image.pixelColor(2, 2).lightnessF() < 0.2);

    // The same comparison, for its geometry: the stacks at the content's top left, the chart
    // under them, the text (differences, attribute table, costs) beside them.
    ui::ExplorerState state(*m_catalog, *m_prices);
    state.setTheme(colours);
    QVERIFY(state.setComparison(ComparedPair::ofOptions(first, second)));
    ui::Comparison comparison(state);
    const diagram::StackDiagramScene& scene = comparison.scene();
    const QSizeF content = view.contentSize(options);
    const QRectF contentRect = figure.contentRect();
    const qreal scale = contentRect.width() / content.width();
    const auto toImage = [&](const QRectF& rect) {
        return QRectF(contentRect.topLeft() + rect.topLeft() * scale, rect.size() * scale)
            .toAlignedRect();
    };
    const QRectF stacks(QPointF(), scene.sceneRect().size());
    const QRect stacksArea = toImage(stacks);
    const QRect textArea =
        toImage(QRectF(QPointF(stacks.right() + 8, 0), QPointF(content.width(), content.height())));
    const QRect chartArea =
        toImage(QRectF(QPointF(0, stacks.bottom() + 8), QPointF(stacks.right(), content.height())));
    QVERIFY(stacksArea.width() > 200 && textArea.width() > 300 && chartArea.height() > 200);

    // The stacks: the band of a layer managed differently is tinted, and only such bands.
    QCOMPARE(scene.highlightedLayers().isEmpty(), differingLayer.isEmpty());
    if (!differingLayer.isEmpty()) {
        const QRectF band = bandRect(scene, differingLayer);
        const QRectF cell = scene.cellRect(first, differingLayer);
        const QRect label = toImage(QRectF(QPointF(band.left() + 8, cell.top() + 3),
                                           QPointF(cell.left() - 4, cell.bottom() - 3)));
        const double tinted = shareOf(image, label, colours.difference());
        QVERIFY2(tinted > 0.4, qPrintable(QString::number(tinted)));
    } else {
        QCOMPARE(shareOf(image, stacksArea, colours.difference(), 2), 0.0);
    }
    // The attribute table: the rows that differ are tinted.
    const double tintedRows = shareOf(image, textArea, colours.difference(), 2);
    QVERIFY2(tintedRows > 0.02, qPrintable(QString::number(tintedRows)));
    // The text is the theme's, never black on a dark page.
    QVERIFY(countOf(image, textArea, colours.text(), 24) > 200);
    if (theme == ui::Theme::Kind::Dark)
        QCOMPARE(countOf(image, textArea, Qt::black, 12), 0);

    // The chart: both options' curves in their colours (of the pair's catalog, as in the view).
    const Catalog pair = m_catalog->withOnlyOptions({first, second});
    const QColor firstColour = charts::optionColor(colours, pair, first);
    const QColor secondColour = charts::optionColor(colours, pair, second);
    QVERIFY(!near(firstColour, secondColour, 24));
    // The plot takes the chart's left part (its legend is beside it, or below).
    const QRect plotArea = chartArea.adjusted(0, 0, -chartArea.width() / 3, 0);
    for (const QColor& colour : {firstColour, secondColour}) {
        const int pixels = countOf(image, plotArea, colour, 8);
        QVERIFY2(pixels > 150, qPrintable(colour.name() + u' ' + QString::number(pixels)));
    }
}

void TestExport::svgIsXmlWithATitle()
{
    exports::StackExportView view(*m_catalog, *m_prices);
    exports::Figure figure(view, *m_catalog, *m_prices, {});
    const QString path = m_dir.filePath(QStringLiteral("figure.svg"));
    QCOMPARE(figure.write(path, ExportFormat::Svg, figure.naturalSize()), QString());

    QXmlStreamReader xml(contentsOf(path));
    QString title;
    QString description;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"title")
            title = xml.readElementText();
        else if (xml.name() == u"desc")
            description = xml.readElementText();
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(title, view.title({}));
    QCOMPARE(description, figure.caption());

    // Drawn back, it is the figure: its size, its background.
    QSvgRenderer renderer(path);
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.viewBox().size(), figure.naturalSize());
    QImage image(figure.naturalSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    renderer.render(&painter);
    painter.end();
    QCOMPARE(image.pixelColor(2, 2), ui::Theme::light().background());
}

void TestExport::svgHatchingStaysInItsCells_data()
{
    QTest::addColumn<ui::Theme::Kind>("theme");
    QTest::newRow("light") << ui::Theme::Kind::Light;
    QTest::newRow("dark") << ui::Theme::Kind::Dark;
}

// QSvgGenerator writes no clipping: hatching drawn under a clip once ran across the gaps,
// into the layer names, past the last column and around the legend's swatch.
void TestExport::svgHatchingStaysInItsCells()
{
    QFETCH(ui::Theme::Kind, theme);
    exports::StackExportView view(*m_catalog, *m_prices);
    exports::Figure figure(view, *m_catalog, *m_prices, themed(theme));
    const QString path = m_dir.filePath(QStringLiteral("hatching.svg"));
    QCOMPARE(figure.write(path, ExportFormat::Svg, figure.naturalSize()), QString());
    constexpr int scale = 2;
    QImage image(figure.naturalSize() * scale, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::magenta);
    QPainter painter(&image);
    QSvgRenderer(path).render(&painter, QRectF(image.rect()));
    painter.end();

    // A strip one pixel wide, `outside` scene units left (negative) or right of `edge`, beside
    // the straight part of a rounded shape's side.
    const auto strip = [&](const QRectF& shape, qreal x) {
        const QRectF scene(x, shape.top() + 6, 0.5, shape.height() - 12);
        const QRectF inFigure =
            view.contentRectOf(scene).translated(figure.contentRect().topLeft());
        return QRect((inFigure.topLeft() * scale).toPoint(),
                     QSize(1, int(inFigure.height() * scale)));
    };
    // Outside every shape a strip is one plain colour (a band's or the background's): a
    // hatch line crossing it would not be.
    const auto plain = [&image](const QRect& area) {
        return shareOf(image, area, image.pixelColor(area.topLeft()), 12) == 1.0;
    };
    const diagram::StackDiagramScene& scene = view.scene();
    int probed = 0;
    for (QGraphicsItem* item : scene.items()) {
        const auto* cell = dynamic_cast<const diagram::ResponsibilityCellItem*>(item);
        if (!cell || cell->who() != Responsibility::Customer)
            continue;
        // Half way across the gap to the next column, or to the layer's name on the left;
        // past the last column the band's end.
        for (const qreal x :
             {cell->rect().left() - diagram::spacing::columnGap / 2, cell->rect().right() + 3}) {
            const QRect area = strip(cell->rect(), x);
            QVERIFY2(plain(area), qPrintable(QStringLiteral("beside the cell at %1, %2: x %3")
                                                 .arg(cell->rect().x())
                                                 .arg(cell->rect().y())
                                                 .arg(area.x())));
            ++probed;
        }
    }
    QVERIFY(probed > 20);

    // And the patterns are there, inside: hatching for "You", dots for "Shared".
    for (const auto& [option, who] :
         {std::pair{ec2, Responsibility::Customer},
          std::pair{QStringLiteral("ecs-fargate"), Responsibility::Shared}}) {
        const QRectF cell = view.contentRectOf(scene.cellRect(option, QStringLiteral("scaling")))
                                .translated(figure.contentRect().topLeft());
        const QRectF besideLabel(cell.left() + 8, cell.top() + 6, cell.width() / 4 - 8,
                                 cell.height() - 12);
        const QRectF pixels(besideLabel.topLeft() * scale, besideLabel.size() * scale);
        const double fill =
            shareOf(image, pixels, ui::Theme::ofKind(theme).responsibility(who).fill, 6);
        QVERIFY2(fill > 0.3 && fill < 0.95, qPrintable(QString::number(fill)));
    }

    const auto* legend = [&scene]() -> const diagram::LegendItem* {
        for (QGraphicsItem* item : scene.items()) {
            if (const auto* found = dynamic_cast<const diagram::LegendItem*>(item))
                return found;
        }
        return nullptr;
    }();
    QVERIFY(legend);
    const QRectF swatch = legend->swatchRect(Responsibility::Customer);
    QVERIFY(!swatch.isNull());
    const QColor background = ui::Theme::ofKind(theme).background();
    for (const qreal x : {swatch.left() - 3, swatch.right() + 3}) {
        QCOMPARE(shareOf(image, strip(swatch, x), background, 12), 1.0);
    }
}

void TestExport::pngPatternsMatchTheVectorOnes_data()
{
    QTest::addColumn<ui::Theme::Kind>("theme");
    QTest::addColumn<qreal>("scale");
    for (const auto theme : {ui::Theme::Kind::Light, ui::Theme::Kind::Dark}) {
        const char* name = theme == ui::Theme::Kind::Light ? "light" : "dark";
        // Whole scales and one that puts the cells between device pixels.
        for (const qreal scale : {1.0, 2.0, 4.0, 2.37})
            QTest::addRow("%s at %g", name, scale) << theme << scale;
    }
}

// On raster devices the cells' patterns are blended from cached device pixels; through any
// other paint engine (here a QPicture, played back onto an image) they are drawn as lines and
// dots. Either way a cell carries as much of the pattern's colour: the same mean colour beside
// each label, whatever the cells' offsets within a pixel.
void TestExport::pngPatternsMatchTheVectorOnes()
{
    QFETCH(ui::Theme::Kind, theme);
    QFETCH(qreal, scale);
    exports::StackExportView view(*m_catalog, *m_prices);
    exports::Figure figure(view, *m_catalog, *m_prices, themed(theme));
    const QSize pixels = (QSizeF(figure.naturalSize()) * scale).toSize();
    const QImage raster = figure.toImage(pixels);
    QPicture picture;
    QPainter recorder(&picture);
    figure.render(recorder, QRectF(QPointF(), pixels));
    recorder.end();
    QImage vector(pixels, QImage::Format_RGB32);
    QPainter painter(&vector);
    picture.play(&painter);
    painter.end();

    const qreal fitted = std::min(qreal(pixels.width()) / figure.naturalSize().width(),
                                  qreal(pixels.height()) / figure.naturalSize().height());
    int patterned = 0;
    for (QGraphicsItem* item : view.scene().items()) {
        const auto* cell = dynamic_cast<const diagram::ResponsibilityCellItem*>(item);
        if (!cell || ui::Theme::ofKind(theme).responsibility(cell->who()).pattern == Qt::NoBrush)
            continue;
        const QRectF inFigure =
            view.contentRectOf(cell->rect()).translated(figure.contentRect().topLeft());
        const QRectF besideLabel(inFigure.left() + 8, inFigure.top() + 6, inFigure.width() / 4 - 8,
                                 inFigure.height() - 12);
        const QRect area =
            QRectF(besideLabel.topLeft() * fitted, besideLabel.size() * fitted).toRect();
        const QColor asPixels = meanColourOf(raster, area);
        const QColor asLines = meanColourOf(vector, area);
        QVERIFY2(near(asPixels, asLines, 2), qPrintable(QStringLiteral("%1 at %2, %3: %4, %5")
                                                            .arg(cell->target().id)
                                                            .arg(area.x())
                                                            .arg(area.y())
                                                            .arg(asPixels.name(), asLines.name())));
        ++patterned;
    }
    QVERIFY(patterned > 20);
}

void TestExport::pngHasTheFiguresPixels_data()
{
    QTest::addColumn<QString>("viewId");
    QTest::addColumn<QSize>("pixels");
    QTest::addColumn<bool>("transparent");
    for (const exports::ExportViewInfo& view : exports::exportViews()) {
        for (const QSize pixels : {QSize(1000, 700), QSize(3840, 2160), QSize(1713, 1111)}) {
            for (const bool transparent : {false, true}) {
                QTest::addRow("%s %dx%d%s", qPrintable(view.id), pixels.width(), pixels.height(),
                              transparent ? " transparent" : "")
                    << view.id << pixels << transparent;
            }
        }
    }
}

// A PNG is painted and encoded in bands of rows, so the encoding overlaps the painting: the
// file must hold the pixels of the figure painted whole, with no seam where items, antialiased
// edges, thin lines or dashes cross from one band to the next. Qt's rasterizer may round the
// coverage of a shape's edge on a band's last row one level differently under the band's clip
// (one pixel of the 4K comparison): nothing anyone could see, so one level is allowed, in a
// handful of pixels.
void TestExport::pngHasTheFiguresPixels()
{
    QFETCH(QString, viewId);
    QFETCH(QSize, pixels);
    QFETCH(bool, transparent);
    const auto view = exports::createExportView(viewId, *m_catalog, *m_prices);
    exports::Figure figure(*view, *m_catalog, *m_prices,
                           themed(ui::Theme::Kind::Dark, transparent));
    const QString path = m_dir.filePath(QStringLiteral("banded.png"));
    QCOMPARE(figure.write(path, ExportFormat::Png, pixels), QString());
    const QImage written = QImage(path).convertToFormat(QImage::Format_ARGB32);
    const QImage whole = figure.toImage(pixels).convertToFormat(QImage::Format_ARGB32);
    QCOMPARE(written.size(), pixels);
    int differing = 0;
    int largestDifference = 0;
    for (int y = 0; y < pixels.height(); ++y) {
        const auto* writtenRow = reinterpret_cast<const QRgb*>(written.constScanLine(y));
        const auto* wholeRow = reinterpret_cast<const QRgb*>(whole.constScanLine(y));
        for (int x = 0; x < pixels.width(); ++x) {
            const QRgb a = writtenRow[x];
            const QRgb b = wholeRow[x];
            if (a == b)
                continue;
            ++differing;
            largestDifference = std::max(
                {largestDifference, std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)),
                 std::abs(qBlue(a) - qBlue(b)), std::abs(qAlpha(a) - qAlpha(b))});
        }
    }
    QVERIFY2(
        differing <= 4 && largestDifference <= 1,
        qPrintable(
            QStringLiteral("%1 pixels differ, by up to %2").arg(differing).arg(largestDifference)));
}

void TestExport::pdfHasOnePageOfTheFigureSize()
{
    exports::ResponsibilityExportView view(*m_catalog, *m_prices);
    exports::Figure figure(view, *m_catalog, *m_prices, themed(ui::Theme::Kind::Dark));
    const QString path = m_dir.filePath(QStringLiteral("figure.pdf"));
    QCOMPARE(figure.write(path, ExportFormat::Pdf, figure.naturalSize()), QString());
    const QByteArray pdf = contentsOf(path);
    QVERIFY(pdf.startsWith("%PDF-"));
    QCOMPARE(pdf.count("/Type /Page\n") + pdf.count("/Type /Page\r") + pdf.count("/Type /Page "),
             1);
    QVERIFY(pdf.contains("/Type /Pages"));
    // 96 dpi: a pixel is three quarters of a point (PDF pages are whole points).
    static const QRegularExpression mediaBox(
        QStringLiteral("/MediaBox \\[0 0 ([\\d.]+) ([\\d.]+)\\]"));
    const QRegularExpressionMatch match = mediaBox.match(QString::fromLatin1(pdf));
    QVERIFY(match.hasMatch());
    const QSizeF points = QSizeF(figure.naturalSize()) * 0.75;
    QVERIFY(std::abs(match.captured(1).toDouble() - points.width()) < 1);
    QVERIFY(std::abs(match.captured(2).toDouble() - points.height()) < 1);
}

void TestExport::writeUnderARegularFileFails()
{
    // A folder that is a regular file fails even for root, who ignores permissions.
    const QString notAFolder = m_dir.filePath(QStringLiteral("plain-file"));
    {
        QFile file(notAFolder);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    exports::StackExportView view(*m_catalog, *m_prices);
    exports::Figure figure(view, *m_catalog, *m_prices, {});
    for (const ExportFormat format : {ExportFormat::Png, ExportFormat::Svg, ExportFormat::Pdf}) {
        const QString path = notAFolder + QStringLiteral("/figure.") + exports::suffixOf(format);
        const QString error = figure.write(path, format, QSize(200, 100));
        QVERIFY2(error.startsWith(path + QStringLiteral(": cannot write: ")), qPrintable(error));
        QVERIFY(!QFile::exists(path));
    }
    QCOMPARE(QFileInfo(notAFolder).size(), 0);
}

void TestExport::dialogNotesThePixelSize()
{
    ui::ExplorerState state(*m_catalog, *m_prices);
    exports::ExportDialog dialog(state);
    exports::StackExportView view(*m_catalog, *m_prices);
    const QSize natural = exports::Figure(view, *m_catalog, *m_prices, {}).naturalSize();
    QVERIFY(dialog.scaleChoice()->isChecked());
    dialog.scaleField()->setValue(2);
    QCOMPARE(dialog.sizeNote(),
             QStringLiteral("%1 × %2 pixels").arg(natural.width() * 2).arg(natural.height() * 2));
    dialog.exactChoice()->setChecked(true);
    QVERIFY(!dialog.scaleField()->isEnabled());
    dialog.widthField()->setValue(1920);
    dialog.heightField()->setValue(1080);
    QCOMPARE(dialog.sizeNote(), QStringLiteral("1920 × 1080 pixels"));
    // The field itself refuses absurd sizes.
    dialog.widthField()->setValue(100000);
    QCOMPARE(dialog.widthField()->value(), exports::maximumSide);
}

void TestExport::dialogFollowsTheSuffixAndDisablesTransparencyForPdf()
{
    ui::ExplorerState state(*m_catalog, *m_prices);
    exports::ExportDialog dialog(state);
    QVERIFY(dialog.pathField()->text().endsWith(QStringLiteral("/stack.png")));
    QVERIFY(dialog.transparentField()->isEnabled());
    dialog.formatField()->setCurrentIndex(dialog.formatField()->findData(QStringLiteral("pdf")));
    QVERIFY(dialog.pathField()->text().endsWith(QStringLiteral("/stack.pdf")));
    QVERIFY(!dialog.transparentField()->isEnabled());
    QVERIFY(dialog.sizeNote().contains(QStringLiteral("cm vector page")));

    dialog.pathField()->clear();
    QTest::keyClicks(dialog.pathField(), m_dir.filePath(QStringLiteral("typed.svg")));
    QCOMPARE(dialog.formatField()->currentData().toString(), QStringLiteral("svg"));
    QVERIFY(dialog.transparentField()->isEnabled());
}

void TestExport::dialogWritesTheFileAndRemembersTheFields()
{
    ui::ExplorerState state(*m_catalog, *m_prices);
    state.setCurrent(CatalogItem::option(QStringLiteral("lambda")));
    const QString path = m_dir.filePath(QStringLiteral("from-dialog.png"));
    {
        exports::ExportDialog dialog(state);
        dialog.viewField()->setCurrentIndex(
            dialog.viewField()->findData(QStringLiteral("responsibility")));
        dialog.exactChoice()->setChecked(true);
        dialog.widthField()->setValue(1600);
        dialog.heightField()->setValue(900);
        dialog.transparentField()->setChecked(true);
        dialog.themeField()->setCurrentIndex(dialog.themeField()->findData(QStringLiteral("dark")));
        dialog.pathField()->setText(path);
        QCOMPARE(dialog.exportToFile(), QString());
    }
    const QImage image(path);
    QCOMPARE(image.size(), QSize(1600, 900));
    QCOMPARE(image.pixelColor(0, 0).alpha(), 0);

    exports::ExportDialog again(state);
    QCOMPARE(again.viewField()->currentData().toString(), QStringLiteral("responsibility"));
    QVERIFY(again.exactChoice()->isChecked());
    QCOMPARE(again.widthField()->value(), 1600);
    QCOMPARE(again.heightField()->value(), 900);
    QVERIFY(again.transparentField()->isChecked());
    QCOMPARE(again.themeField()->currentData().toString(), QStringLiteral("dark"));
    QCOMPARE(QFileInfo(again.pathField()->text()).absolutePath(), QFileInfo(path).absolutePath());

    // The export shows the window's workload (its costs are in the headers), named in the
    // caption.
    Workload workload = state.workload();
    workload.name = QStringLiteral("Nightly thumbnails");
    state.setWorkload(workload);
    const QString svg = m_dir.filePath(QStringLiteral("from-dialog.svg"));
    again.pathField()->setText(svg);
    QCOMPARE(again.exportToFile(), QString());
    QVERIFY(contentsOf(svg).contains("<desc>Workload: Nightly thumbnails · Catalog:"));
}

void TestExport::dialogReportsAnUnwritableFile()
{
    ui::ExplorerState state(*m_catalog, *m_prices);
    exports::ExportDialog dialog(state);
    const QString path = m_dir.filePath(QStringLiteral("no-such-folder/figure.png"));
    dialog.pathField()->setText(path);
    QVERIFY(dialog.exportToFile().startsWith(path + QStringLiteral(": cannot write")));
    QVERIFY(!QFile::exists(path));
    // A failed export remembers nothing.
    QVERIFY(!QSettings().contains(QStringLiteral("export/folder")));
    dialog.pathField()->setText(m_dir.filePath(QStringLiteral("figure.gif")));
    QVERIFY(dialog.exportToFile().contains(QStringLiteral("must end in .png, .svg or .pdf")));
}

void TestExport::actionsHaveShortcutsAndCopyAtScaleTwo()
{
    QWidget window;
    ui::ExplorerState state(*m_catalog, *m_prices);
    state.setTheme(ui::Theme::dark());
    exports::ExportActions actions(&window, state);
    QCOMPARE(actions.exportAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+E")));
    QCOMPARE(actions.copyDiagramAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+C")));

    exports::StackExportView view(*m_catalog, *m_prices);
    const QSize natural = exports::Figure(view, *m_catalog, *m_prices, {}).naturalSize();
    const QImage image = actions.diagramImage();
    QCOMPARE(image.size(), natural * 2);
    QCOMPARE(image.pixelColor(2, 2), ui::Theme::dark().background());
}

void TestExport::dialogOffersTheComparisonWhileComparing()
{
    ui::ExplorerState state(*m_catalog, *m_prices);
    const auto offered = [](const exports::ExportDialog& dialog) {
        QStringList ids;
        for (int i = 0; i < dialog.viewField()->count(); ++i)
            ids.append(dialog.viewField()->itemData(i).toString());
        return ids;
    };
    {
        exports::ExportDialog dialog(state);
        QVERIFY(!offered(dialog).contains(QStringLiteral("compare")));
    }

    QVERIFY(state.setComparison(QStringLiteral("ecs-ec2"), QStringLiteral("lambda")));
    const QString path = m_dir.filePath(QStringLiteral("comparison.png"));
    {
        exports::ExportDialog dialog(state);
        // Offered first, and chosen: it is what the window shows.
        QCOMPARE(offered(dialog).value(0), QStringLiteral("compare"));
        QCOMPARE(dialog.viewField()->currentData().toString(), QStringLiteral("compare"));
        QVERIFY(dialog.pathField()->text().endsWith(QStringLiteral("/compare.png")));
        dialog.pathField()->setText(path);
        QCOMPARE(dialog.exportToFile(), QString());
    }
    // The figure of the state's pair, at its natural size.
    exports::CompareExportView view(*m_catalog, *m_prices);
    ExportOptions options;
    options.workload = state.workload();
    options.compared = ComparedPair::ofOptions(QStringLiteral("ecs-ec2"), QStringLiteral("lambda"));
    QCOMPARE(QImage(path).size(),
             exports::Figure(view, *m_catalog, *m_prices, options).naturalSize());

    // Remembered, but not offered once the comparison has ended.
    state.clearComparison();
    exports::ExportDialog after(state);
    QVERIFY(!offered(after).contains(QStringLiteral("compare")));
    QVERIFY(!after.viewField()->currentData().toString().isEmpty());
    QVERIFY(!after.pathField()->text().endsWith(QStringLiteral("/compare.png")));
}

void TestExport::copyWhileComparingCopiesTheComparison()
{
    QWidget window;
    ui::ExplorerState state(*m_catalog, *m_prices);
    exports::ExportActions actions(&window, state);
    QVERIFY(state.setComparison(QStringLiteral("eks-fargate"), ec2));
    exports::CompareExportView view(*m_catalog, *m_prices);
    ExportOptions options;
    options.workload = state.workload();
    options.compared = ComparedPair::ofOptions(QStringLiteral("eks-fargate"), ec2);
    const QSize natural = exports::Figure(view, *m_catalog, *m_prices, options).naturalSize();
    exports::StackExportView stack(*m_catalog, *m_prices);
    QVERIFY(natural != exports::Figure(stack, *m_catalog, *m_prices, {}).naturalSize());
    QCOMPARE(actions.diagramImage().size(), natural * 2);
}

namespace {

// What the settings file of an earlier run, another version or a hand edit may hold for a
// key: good values, and wrong types, signs, sizes and ids. Raw INI text, as on disk.
const QStringList anyRememberedText = {QString(),
                                       QStringLiteral("1"),
                                       QStringLiteral("2"),
                                       QStringLiteral("4"),
                                       QStringLiteral("-5"),
                                       QStringLiteral("0"),
                                       QStringLiteral("99999"),
                                       QStringLiteral("99999999999999999999"),
                                       QStringLiteral("2.5"),
                                       QStringLiteral("1e400"),
                                       QStringLiteral("true"),
                                       QStringLiteral("false"),
                                       QStringLiteral("abc"),
                                       QStringLiteral("\"\""),
                                       QStringLiteral("1, 2"),
                                       QStringLiteral("@Invalid()"),
                                       QStringLiteral("@ByteArray(x)"),
                                       QStringLiteral("@Size(10 20)"),
                                       QStringLiteral("stack"),
                                       QStringLiteral("cost"),
                                       QStringLiteral("responsibility"),
                                       QStringLiteral("compare"),
                                       QStringLiteral("no-such-view"),
                                       QStringLiteral("png"),
                                       QStringLiteral("svg"),
                                       QStringLiteral("pdf"),
                                       QStringLiteral("gif"),
                                       QStringLiteral("light"),
                                       QStringLiteral("dark"),
                                       QStringLiteral("sepia"),
                                       QStringLiteral("/no/such/folder"),
                                       QStringLiteral("/proc")};

const QStringList exportKeys = {
    QStringLiteral("folder"),    QStringLiteral("view"),        QStringLiteral("format"),
    QStringLiteral("exactSize"), QStringLiteral("scale"),       QStringLiteral("width"),
    QStringLiteral("height"),    QStringLiteral("transparent"), QStringLiteral("theme")};

// The dialog's documented reading of a remembered number: clamped, or the default when the
// value is not a number.
int expectedNumber(const QVariant& value, int fallback, int minimum, int maximum)
{
    bool isNumber = false;
    const int number = value.toInt(&isNumber);
    return isNumber ? std::clamp(number, minimum, maximum) : fallback;
}

bool expectedSwitch(const QVariant& value)
{
    return value.toString() == QLatin1String("true");
}

QString expectedChoice(const QVariant& value, const QComboBox* field, const QString& fallback)
{
    return field->findData(value.toString()) >= 0 ? value.toString() : fallback;
}

} // namespace

void TestExport::dialogOpensWithAnyRememberedSettings_data()
{
    QTest::addColumn<bool>("comparing");
    QTest::newRow("stack diagram in the window") << false;
    QTest::newRow("comparison in the window") << true;
}

// The export dialog once crashed on remembered settings other than the defaults; any settings
// file, however odd, opens it with the valid (clamped) remembered values, and it exports.
void TestExport::dialogOpensWithAnyRememberedSettings()
{
    QFETCH(bool, comparing);
    ui::ExplorerState state(*m_catalog, *m_prices);
    if (comparing)
        QVERIFY(state.setComparison(lambda, QStringLiteral("ecs-fargate")));
    const quint32 seed = QRandomGenerator::global()->generate();
    QRandomGenerator random(seed);
    const QString applicationName = QCoreApplication::applicationName();
    const QString output = m_dir.filePath(QStringLiteral("random.svg"));
    constexpr int settingsFiles = 100; // per row: 200 in all
    for (int run = 0; run < settingsFiles; ++run) {
        // A new file name each time: QSettings caches the files it has read.
        QCoreApplication::setApplicationName(
            QStringLiteral("tst_export-random-%1-%2").arg(seed).arg(run));
        const QString file = QSettings().fileName();
        QString text = QStringLiteral("[export]\n");
        for (const QString& key : exportKeys) {
            if (random.bounded(5) != 0) {
                text += key + u'=' +
                        anyRememberedText.at(random.bounded(int(anyRememberedText.size()))) + u'\n';
            }
        }
        QDir().mkpath(QFileInfo(file).absolutePath());
        QFile settingsFile(file);
        QVERIFY(settingsFile.open(QIODevice::WriteOnly));
        settingsFile.write(text.toUtf8());
        settingsFile.close();
        const auto failure =
            QStringLiteral("seed %1, run %2, settings:\n%3").arg(seed).arg(run).arg(text);

        const QSettings remembered;
        exports::ExportDialog dialog(state);
        const QString view = comparing
                                 ? QStringLiteral("compare")
                                 : expectedChoice(remembered.value(QStringLiteral("export/view")),
                                                  dialog.viewField(), QStringLiteral("stack"));
        QVERIFY2(dialog.viewField()->currentData() == view, qPrintable(failure));
        const QString format = expectedChoice(remembered.value(QStringLiteral("export/format")),
                                              dialog.formatField(), QStringLiteral("png"));
        QVERIFY2(dialog.formatField()->currentData() == format, qPrintable(failure));
        QVERIFY2(dialog.exactChoice()->isChecked() ==
                     expectedSwitch(remembered.value(QStringLiteral("export/exactSize"))),
                 qPrintable(failure));
        QVERIFY2(dialog.scaleField()->value() ==
                     expectedNumber(remembered.value(QStringLiteral("export/scale")), 1, 1,
                                    exports::maximumScale),
                 qPrintable(failure));
        QVERIFY2(dialog.widthField()->value() ==
                     expectedNumber(remembered.value(QStringLiteral("export/width")), 3840, 1,
                                    exports::maximumSide),
                 qPrintable(failure));
        QVERIFY2(dialog.heightField()->value() ==
                     expectedNumber(remembered.value(QStringLiteral("export/height")), 2160, 1,
                                    exports::maximumSide),
                 qPrintable(failure));
        QVERIFY2(dialog.transparentField()->isChecked() ==
                     expectedSwitch(remembered.value(QStringLiteral("export/transparent"))),
                 qPrintable(failure));
        QVERIFY2(dialog.themeField()->currentData() ==
                     expectedChoice(remembered.value(QStringLiteral("export/theme")),
                                    dialog.themeField(), QStringLiteral("light")),
                 qPrintable(failure));
        const QFileInfo path(dialog.pathField()->text());
        QVERIFY2(path.fileName() == view + u'.' + format, qPrintable(failure));
        QVERIFY2(path.absoluteDir().exists(), qPrintable(failure));
        QVERIFY2(dialog.sizeNote().contains(QStringLiteral(" pixels")), qPrintable(failure));

        QFile::remove(file);
        // Exporting every dialog would take most of a minute; every tenth shows it works.
        if (run % 10 != 0)
            continue;
        // A vector file, so that the largest remembered sizes export quickly.
        QFile::remove(output);
        dialog.pathField()->setText(output);
        QVERIFY2(dialog.exportToFile().isEmpty(), qPrintable(failure));
        QVERIFY2(QFileInfo(output).size() > 0, qPrintable(failure));
    }
    QCoreApplication::setApplicationName(applicationName);
}

// The first export of a desktop without a Pictures folder goes to the home folder.
void TestExport::firstExportGoesHomeWithoutAPicturesFolder()
{
    const QByteArray realHome = qgetenv("HOME");
    const QTemporaryDir home;
    QVERIFY(home.isValid());
    qputenv("HOME", home.path().toLocal8Bit());
    const auto restoreHome = qScopeGuard([&realHome] { qputenv("HOME", realHome); });
    ui::ExplorerState state(*m_catalog, *m_prices);
    {
        exports::ExportDialog dialog(state);
        QCOMPARE(dialog.pathField()->text(),
                 QDir(home.path()).filePath(QStringLiteral("stack.png")));
        QCOMPARE(dialog.exportToFile(), QString());
        QVERIFY(QFile::exists(dialog.pathField()->text()));
    }
    QSettings().clear();
    QVERIFY(QDir(home.path()).mkdir(QStringLiteral("Pictures")));
    exports::ExportDialog dialog(state);
    QCOMPARE(dialog.pathField()->text(),
             QDir(home.path()).filePath(QStringLiteral("Pictures/stack.png")));
}

void TestExport::enterInTheFileFieldExports()
{
    ui::ExplorerState state(*m_catalog, *m_prices);
    exports::ExportDialog dialog(state);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    // Were Browse… the default, Enter would open a modal file chooser and block the test.
    QVERIFY(!dialog.browseButton()->isDefault());
    QVERIFY(!dialog.browseButton()->autoDefault());
    QVERIFY(dialog.exportButton()->isDefault());
    const QString path = m_dir.filePath(QStringLiteral("entered.png"));
    dialog.pathField()->setText(path);
    dialog.pathField()->setFocus();
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::keyClick(dialog.pathField(), Qt::Key_Return);
    QCOMPARE(accepted.count(), 1);
    QVERIFY(QFile::exists(path));
}

void TestExport::fileLabelHasAMnemonic()
{
    ui::ExplorerState state(*m_catalog, *m_prices);
    exports::ExportDialog dialog(state);
    for (QWidget* field :
         {static_cast<QWidget*>(dialog.pathField()), static_cast<QWidget*>(dialog.themeField())}) {
        const QList<QLabel*> labels = dialog.findChildren<QLabel*>();
        const auto label = std::find_if(labels.begin(), labels.end(),
                                        [field](QLabel* l) { return l->buddy() == field; });
        QVERIFY(label != labels.end());
        QVERIFY((*label)->text().contains(u'&'));
    }
}

void TestExport::fileNameFollowsTheViewUntilTyped()
{
    ui::ExplorerState state(*m_catalog, *m_prices);
    exports::ExportDialog dialog(state);
    const auto choose = [&dialog](QComboBox* field, const QString& id) {
        field->setCurrentIndex(field->findData(id));
    };
    choose(dialog.viewField(), QStringLiteral("cost"));
    QCOMPARE(QFileInfo(dialog.pathField()->text()).fileName(), QStringLiteral("cost.png"));
    choose(dialog.formatField(), QStringLiteral("svg"));
    choose(dialog.viewField(), QStringLiteral("stack"));
    QCOMPARE(QFileInfo(dialog.pathField()->text()).fileName(), QStringLiteral("stack.svg"));

    dialog.pathField()->clear();
    QTest::keyClicks(dialog.pathField(), m_dir.filePath(QStringLiteral("my-slide.svg")));
    choose(dialog.viewField(), QStringLiteral("responsibility"));
    QCOMPARE(QFileInfo(dialog.pathField()->text()).fileName(), QStringLiteral("my-slide.svg"));
}

void TestExport::successfulExportIsAnnounced()
{
    QWidget window;
    ui::ExplorerState state(*m_catalog, *m_prices);
    exports::ExportActions actions(&window, state);
    QSignalSpy announced(&actions, &exports::ExportActions::exported);
    actions.exportAction()->trigger();
    exports::ExportDialog* dialog = actions.openDialog();
    QVERIFY(dialog);
    dialog->pathField()->setText(m_dir.filePath(QStringLiteral("bad/x.png")));
    dialog->exportToFile();
    QCOMPARE(announced.count(), 0);
    const QString path = m_dir.filePath(QStringLiteral("announced.png"));
    dialog->pathField()->setText(path);
    QCOMPARE(dialog->exportToFile(), QString());
    QCOMPARE(announced.count(), 1);
    QCOMPARE(announced.at(0).at(0).toString(),
             QStringLiteral("Exported stack diagram to %1").arg(QDir::toNativeSeparators(path)));
}

void TestExport::darkTransparentExportIsExplained()
{
    ui::ExplorerState state(*m_catalog, *m_prices);
    exports::ExportDialog dialog(state);
    dialog.show();
    QVERIFY(!dialog.themeNote()->isVisible());
    dialog.themeField()->setCurrentIndex(dialog.themeField()->findData(QStringLiteral("dark")));
    QVERIFY(!dialog.themeNote()->isVisible());
    dialog.transparentField()->setChecked(true);
    QVERIFY(dialog.themeNote()->isVisible());
    QVERIFY(dialog.themeNote()->text().contains(QStringLiteral("dark slides")));
    // PDF pages are never transparent.
    dialog.formatField()->setCurrentIndex(dialog.formatField()->findData(QStringLiteral("pdf")));
    QVERIFY(!dialog.themeNote()->isVisible());
}

QTEST_MAIN(TestExport)
#include "tst_export.moc"
