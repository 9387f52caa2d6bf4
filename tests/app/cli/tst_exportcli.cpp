// The `export` command, run as users run it: exact sizes, scale, transparency, themes, the
// three formats, the comparison of two options, and every way it refuses (exit 2) or fails
// (exit 1) without leaving a file.
#include "imageprobes.h"
#include "programrun.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <sys/resource.h>
#include <sys/stat.h>

namespace {

using Run = ace::test::ProgramRun;

Run runProgram(const QStringList& arguments)
{
    return ace::test::runProgram(QStringLiteral(ACE_PROGRAM), arguments);
}

Run runExport(const QStringList& arguments)
{
    return runProgram(QStringList{QStringLiteral("export")} + arguments);
}

QByteArray contentsOf(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The SVG's title and the text it draws, each run of text simplified.
struct SvgText
{
    QString title;
    QStringList texts;
};

SvgText svgText(const QString& path)
{
    SvgText found;
    QXmlStreamReader xml(contentsOf(path));
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"title")
            found.title = xml.readElementText();
        else if (xml.name() == u"text")
            found.texts.append(
                xml.readElementText(QXmlStreamReader::IncludeChildElements).simplified());
    }
    return found;
}

// Runs `export` with the largest file it may write lowered to `bytes`: the write runs out of room
// part-way, as on a full disk (the kernel writes what fits and fails the rest with EFBIG; SIGXFSZ
// is ignored, as it would end the program).
Run runExportWithFileSizeLimit(const QStringList& arguments, rlim_t bytes)
{
    QProcess process;
    process.setChildProcessModifier([bytes] {
        const rlimit limit{bytes, bytes};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        ::signal(SIGXFSZ, SIG_IGN);
    });
    process.start(QStringLiteral(ACE_PROGRAM), QStringList{QStringLiteral("export")} + arguments);
    Run run;
    if (process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit) {
        run.exitCode = process.exitCode();
        run.err = QString::fromUtf8(process.readAllStandardError());
    }
    return run;
}

mode_t modeOf(const QString& path)
{
    struct stat status
    {
    };
    return ::lstat(QFile::encodeName(path).constData(), &status) == 0 ? status.st_mode : 0;
}

} // namespace

class TestExportCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void exactSizeIsExact();
    void scaleTwoDoublesScaleOne();
    void transparentAndThemes();
    void svgAndPdf();
    void badUsageExitsWithTwoAndWritesNothing_data();
    void badUsageExitsWithTwoAndWritesNothing();
    void unsupportedOutputsExitWithTwo();
    void unwritableFileExitsWithOneAndLeavesNothing();
    void helpNamesTheCommand();
    void costViewChartsTheWorkload();
    void compareViewWritesEveryFormat();
    void compareRefusesABadPair_data();
    void compareRefusesABadPair();
    void compareGoesWithTheCompareViewOnly();
    void compareTakesServices_data();
    void compareTakesServices();
    void compareFigureHasARightMargin();
    void quickSettingsDoNotClaimThePresetsName();
    void diskFullMidwayLeavesTheFileAlone_data();
    void diskFullMidwayLeavesTheFileAlone();
    void refusesToReplaceWhatIsNoRegularFile_data();
    void refusesToReplaceWhatIsNoRegularFile();
    void replacementKeepsPermissionsAndLinks();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
};

void TestExportCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestExportCli::exactSizeIsExact()
{
    for (const QSize size : {QSize(3840, 2160), QSize(500, 1500)}) {
        const QString file = path(QStringLiteral("exact.png"));
        const Run run =
            runExport({QStringLiteral("--view"), QStringLiteral("stack"), QStringLiteral("-o"),
                       file, QStringLiteral("--width"), QString::number(size.width()),
                       QStringLiteral("--height"), QString::number(size.height())});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(QImage(file).size(), size);
    }
}

void TestExportCli::scaleTwoDoublesScaleOne()
{
    const QString one = path(QStringLiteral("one.png"));
    const QString two = path(QStringLiteral("two.png"));
    QCOMPARE(runExport({QStringLiteral("--view"), QStringLiteral("responsibility"),
                        QStringLiteral("--output"), one})
                 .exitCode,
             0);
    QCOMPARE(runExport({QStringLiteral("--view"), QStringLiteral("responsibility"),
                        QStringLiteral("-o"), two, QStringLiteral("--scale"), QStringLiteral("2")})
                 .exitCode,
             0);
    const QSize natural = QImage(one).size();
    QVERIFY(natural.width() > 800);
    QCOMPARE(QImage(two).size(), natural * 2);
}

void TestExportCli::transparentAndThemes()
{
    const QString light = path(QStringLiteral("light.png"));
    const QString dark = path(QStringLiteral("dark.png"));
    const QString clear = path(QStringLiteral("clear.png"));
    const QStringList stack{QStringLiteral("--view"), QStringLiteral("stack"),
                            QStringLiteral("--select"), QStringLiteral("ecs-fargate")};
    QCOMPARE(runExport(stack + QStringList{QStringLiteral("-o"), light}).exitCode, 0);
    QCOMPARE(runExport(stack + QStringList{QStringLiteral("-o"), dark, QStringLiteral("--theme"),
                                           QStringLiteral("dark")})
                 .exitCode,
             0);
    QCOMPARE(runExport(stack + QStringList{QStringLiteral("-o"), clear, QStringLiteral("--theme"),
                                           QStringLiteral("dark"), QStringLiteral("--transparent")})
                 .exitCode,
             0);
    const QImage lightImage(light);
    const QImage darkImage(dark);
    const QImage clearImage(clear);
    QCOMPARE(lightImage.pixelColor(1, 1), QColor(Qt::white));
    QVERIFY(darkImage.pixelColor(1, 1).lightnessF() < 0.2);
    QCOMPARE(darkImage.pixelColor(1, 1).alpha(), 255);
    QCOMPARE(clearImage.pixelColor(1, 1).alpha(), 0);
    QCOMPARE(clearImage.pixelColor(clearImage.width() - 1, clearImage.height() - 1).alpha(), 0);
}

void TestExportCli::svgAndPdf()
{
    const QString svg = path(QStringLiteral("figure.svg"));
    QCOMPARE(runExport({QStringLiteral("--view"), QStringLiteral("stack"), QStringLiteral("-o"),
                        svg, QStringLiteral("--transparent"), QStringLiteral("--workload"),
                        QStringLiteral(ACE_SOURCE_DIR "/resources/presets/always-on-api.json")})
                 .exitCode,
             0);
    QXmlStreamReader xml(contentsOf(svg));
    bool titled = false;
    QString description;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"title")
            titled = !xml.readElementText().isEmpty();
        else if (xml.name() == u"desc")
            description = xml.readElementText();
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(titled);
    // The caption names the workload whose costs the headers show, and the data's sources.
    QVERIFY2(description.startsWith(QStringLiteral("Workload: Always-on JSON API · Catalog: "
                                                   "built-in catalog.json · Prices: us-east-1")),
             qPrintable(description));

    const QString pdf = path(QStringLiteral("figure.PDF"));
    QCOMPARE(
        runExport({QStringLiteral("--view"), QStringLiteral("responsibility"), QStringLiteral("-o"),
                   pdf, QStringLiteral("--theme"), QStringLiteral("dark")})
            .exitCode,
        0);
    const QByteArray bytes = contentsOf(pdf);
    QVERIFY(bytes.startsWith("%PDF-"));
    QCOMPARE(bytes.count("/Type /Page\n"), 1);
}

void TestExportCli::badUsageExitsWithTwoAndWritesNothing_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("message");
    const QString prefix = QStringLiteral("aws-compute-explorer export: ");
    QTest::newRow("unknown view") << QStringList{QStringLiteral("--view"), QStringLiteral("x")}
                                  << prefix +
                                         QStringLiteral(
                                             "--view: \"x\" is not one of stack, responsibility");
    QTest::newRow("no view") << QStringList{}
                             << prefix + QStringLiteral(
                                             "--view is required: one of stack, responsibility");
    QTest::newRow("unknown select")
        << QStringList{QStringLiteral("--select"), QStringLiteral("ec3")}
        << prefix +
               QStringLiteral(
                   "--select: \"ec3\" is not an option or service id in built-in catalog.json");
    QTest::newRow("bad theme") << QStringList{QStringLiteral("--theme"), QStringLiteral("blue")}
                               << prefix + QStringLiteral("--theme: \"blue\" is not light or dark");
    QTest::newRow("scale zero") << QStringList{QStringLiteral("--scale"), QStringLiteral("0")}
                                << prefix + QStringLiteral(
                                                "--scale: \"0\" is not a whole number from 1 to 4");
    QTest::newRow("scale five") << QStringList{QStringLiteral("--scale"), QStringLiteral("5")}
                                << prefix + QStringLiteral(
                                                "--scale: \"5\" is not a whole number from 1 to 4");
    QTest::newRow("zero width")
        << QStringList{QStringLiteral("--width"), QStringLiteral("0"), QStringLiteral("--height"),
                       QStringLiteral("100")}
        << prefix + QStringLiteral("--width: \"0\" is not a number of pixels from 1 to 16384");
    QTest::newRow("absurd height")
        << QStringList{QStringLiteral("--width"), QStringLiteral("100"), QStringLiteral("--height"),
                       QStringLiteral("16385")}
        << prefix + QStringLiteral("--height: \"16385\" is not a number of pixels from 1 to 16384");
    QTest::newRow("width alone")
        << QStringList{QStringLiteral("--width"), QStringLiteral("100")}
        << prefix + QStringLiteral("--width and --height go together; --height is missing");
    QTest::newRow("scale and width")
        << QStringList{QStringLiteral("--scale"),  QStringLiteral("2"),
                       QStringLiteral("--width"),  QStringLiteral("100"),
                       QStringLiteral("--height"), QStringLiteral("100")}
        << prefix + QStringLiteral("choose one of --scale and --width/--height");
    QTest::newRow("bad workload")
        << QStringList{QStringLiteral("--requests"), QStringLiteral("-5")}
        << QStringLiteral("aws-compute-explorer: command line: --requests: must be between");
    QTest::newRow("theme without a value")
        << QStringList{QStringLiteral("--theme")}
        << prefix + QStringLiteral("--theme: needs a value (e.g. --theme dark)");
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("--colour")}
        << prefix + QStringLiteral("--colour: no such option; see --help");
    QTest::newRow("stray argument") << QStringList{QStringLiteral("extra")}
                                    << prefix + QStringLiteral("unexpected argument \"extra\"");
}

void TestExportCli::badUsageExitsWithTwoAndWritesNothing()
{
    QFETCH(QStringList, options);
    QFETCH(QString, message);
    QStringList arguments{QStringLiteral("-o"), path(QStringLiteral("refused.png"))};
    if (!options.contains(QStringLiteral("--view")) &&
        QTest::currentDataTag() != QByteArray("no view"))
        arguments += QStringList{QStringLiteral("--view"), QStringLiteral("stack")};
    const Run run = runExport(arguments + options);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY(!QFile::exists(path(QStringLiteral("refused.png"))));
}

void TestExportCli::unsupportedOutputsExitWithTwo()
{
    const QString existing = path(QStringLiteral("existing.png"));
    {
        QFile file(existing);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("earlier");
    }
    for (const QString& file :
         QStringList{path(QStringLiteral("figure.jpg")), path(QStringLiteral("noext"))}) {
        const Run suffix = runExport(
            {QStringLiteral("--view"), QStringLiteral("stack"), QStringLiteral("-o"), file});
        QCOMPARE(suffix.exitCode, 2);
        QVERIFY2(suffix.err.contains(QStringLiteral("does not end in .png, .svg or .pdf")),
                 qPrintable(suffix.err));
        QVERIFY(!QFile::exists(file));
    }
    const Run pdf =
        runExport({QStringLiteral("--view"), QStringLiteral("stack"), QStringLiteral("-o"),
                   path(QStringLiteral("clear.pdf")), QStringLiteral("--transparent")});
    QCOMPARE(pdf.exitCode, 2);
    QVERIFY2(pdf.err.contains(QStringLiteral("--transparent")), qPrintable(pdf.err));
    QVERIFY(!QFile::exists(path(QStringLiteral("clear.pdf"))));
    const Run noOutput = runExport({QStringLiteral("--view"), QStringLiteral("stack")});
    QCOMPARE(noOutput.exitCode, 2);
    QVERIFY2(noOutput.err.contains(QStringLiteral("-o FILE is required")),
             qPrintable(noOutput.err));
    // A refused export leaves the file that is there alone.
    const Run refused = runExport(
        {QStringLiteral("--view"), QStringLiteral("stacks"), QStringLiteral("-o"), existing});
    QCOMPARE(refused.exitCode, 2);
    QCOMPARE(contentsOf(existing), QByteArray("earlier"));
}

void TestExportCli::unwritableFileExitsWithOneAndLeavesNothing()
{
    // A folder that does not exist, a "folder" that is a regular file (which fails for root
    // too, who ignores permissions) and a target that is a folder.
    const QString plainFile = path(QStringLiteral("plain-file"));
    {
        QFile file(plainFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("earlier");
    }
    const QString folder = path(QStringLiteral("folder.png"));
    QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("folder.png")));
    for (const QString& file : QStringList{path(QStringLiteral("no-such-folder/figure.png")),
                                           plainFile + QStringLiteral("/f.svg"),
                                           plainFile + QStringLiteral("/f.pdf"), folder}) {
        const Run run = runExport(
            {QStringLiteral("--view"), QStringLiteral("stack"), QStringLiteral("-o"), file});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(file + QStringLiteral(": cannot write")), qPrintable(run.err));
        QVERIFY(!QFileInfo(file).isFile());
    }
    QCOMPARE(contentsOf(plainFile), QByteArray("earlier"));
    QVERIFY(QFileInfo(folder).isDir());
}

void TestExportCli::helpNamesTheCommand()
{
    QProcess process;
    process.start(QStringLiteral(ACE_PROGRAM), {QStringLiteral("--help")});
    QVERIFY(process.waitForFinished(60000));
    const QString help = QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY(
        help.contains(QStringLiteral("export --view stack|responsibility|cost|compare -o FILE")));
}

void TestExportCli::costViewChartsTheWorkload()
{
    const QString light = path(QStringLiteral("cost.png"));
    const QString dark = path(QStringLiteral("cost-dark.png"));
    const QString workload = QStringLiteral(ACE_SOURCE_DIR "/resources/presets/always-on-api.json");
    const QStringList cost{QStringLiteral("--view"),     QStringLiteral("cost"),
                           QStringLiteral("--workload"), workload,
                           QStringLiteral("--width"),    QStringLiteral("1600"),
                           QStringLiteral("--height"),   QStringLiteral("1200")};
    QCOMPARE(runExport(cost + QStringList{QStringLiteral("-o"), light}).exitCode, 0);
    QCOMPARE(runExport(cost + QStringList{QStringLiteral("-o"), dark, QStringLiteral("--theme"),
                                          QStringLiteral("dark")})
                 .exitCode,
             0);
    const QImage lightImage(light);
    const QImage darkImage(dark);
    QCOMPARE(lightImage.size(), QSize(1600, 1200));
    QCOMPARE(darkImage.size(), QSize(1600, 1200));
    // The charts are drawn: many colours, not an empty page; and the themes differ.
    QSet<QRgb> colours;
    for (int y = 0; y < lightImage.height(); y += 7) {
        for (int x = 0; x < lightImage.width(); x += 7)
            colours.insert(lightImage.pixel(x, y));
    }
    QVERIFY2(colours.size() > 50, qPrintable(QString::number(colours.size())));
    QVERIFY(lightImage.pixelColor(1, 1).lightnessF() > 0.9);
    QVERIFY(darkImage.pixelColor(1, 1).lightnessF() < 0.2);
    // A bad workload is refused before anything is written.
    const QString refused = path(QStringLiteral("refused.png"));
    const Run bad =
        runExport({QStringLiteral("--view"), QStringLiteral("cost"), QStringLiteral("--requests"),
                   QStringLiteral("-1"), QStringLiteral("-o"), refused});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(!QFile::exists(refused));
}

void TestExportCli::compareViewWritesEveryFormat()
{
    const QStringList compare{QStringLiteral("--view"), QStringLiteral("compare"),
                              QStringLiteral("--compare"), QStringLiteral("lambda,ecs-fargate")};
    const QString one = path(QStringLiteral("compare.png"));
    const QString two = path(QStringLiteral("compare-2.png"));
    const QString exact = path(QStringLiteral("compare-exact.png"));
    const QString dark = path(QStringLiteral("compare-dark.png"));
    const QString svg = path(QStringLiteral("compare.svg"));
    const QString pdf = path(QStringLiteral("compare.pdf"));
    for (const QStringList& options :
         {QStringList{QStringLiteral("-o"), one},
          QStringList{QStringLiteral("-o"), two, QStringLiteral("--scale"), QStringLiteral("2")},
          QStringList{QStringLiteral("-o"), exact, QStringLiteral("--width"),
                      QStringLiteral("1600"), QStringLiteral("--height"), QStringLiteral("1200")},
          QStringList{QStringLiteral("-o"), dark, QStringLiteral("--theme"),
                      QStringLiteral("dark")},
          QStringList{QStringLiteral("-o"), svg}, QStringList{QStringLiteral("-o"), pdf}}) {
        const Run run = runExport(compare + options);
        QVERIFY2(run.exitCode == 0, qPrintable(options.join(u' ') + u'\n' + run.err));
    }

    const QImage natural(one);
    QVERIFY(natural.width() >= 1200 && natural.height() > 600);
    QCOMPARE(QImage(two).size(), natural.size() * 2);
    QCOMPARE(QImage(exact).size(), QSize(1600, 1200));
    QVERIFY(natural.pixelColor(1, 1).lightnessF() > 0.9);
    QVERIFY(QImage(dark).pixelColor(1, 1).lightnessF() < 0.2);

    const QByteArray svgBytes = contentsOf(svg);
    QVERIFY(svgBytes.startsWith("<?xml") || svgBytes.startsWith("<svg"));
    QXmlStreamReader xml(svgBytes);
    QString title;
    QStringList texts;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"title")
            title = xml.readElementText();
        else if (xml.name() == u"text")
            texts.append(xml.readElementText(QXmlStreamReader::IncludeChildElements).simplified());
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(title, QStringLiteral("Lambda functions vs ECS on Fargate"));
    // The names are drawn as text (the attribute table's header), not only in the title.
    QVERIFY(texts.contains(QStringLiteral("Lambda functions")));
    QVERIFY(texts.contains(QStringLiteral("ECS on Fargate")));

    QVERIFY(contentsOf(pdf).startsWith("%PDF-"));
}

void TestExportCli::compareRefusesABadPair_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("message");
    const QString prefix = QStringLiteral("aws-compute-explorer export: ");
    const auto pair = [](const char* value) {
        return QStringList{QStringLiteral("--compare"), QString::fromUtf8(value)};
    };
    QTest::newRow("missing") << QStringList{}
                             << prefix + QStringLiteral("--view compare needs --compare A,B");
    QTest::newRow("one option") << pair("lambda")
                                << prefix + QStringLiteral("--compare: \"lambda\" is not two "
                                                           "ids separated by a comma");
    QTest::newRow("with itself") << pair("lambda,lambda")
                                 << prefix + QStringLiteral("--compare: \"lambda,lambda\" "
                                                            "compares an option with itself");
    QTest::newRow("unknown id")
        << pair("lambda,nope")
        << prefix + QStringLiteral("--compare: \"lambda,nope\" names \"nope\", which is not an "
                                   "option or service id in built-in catalog.json (options: ec2, ");
    QTest::newRow("three") << pair("a,b,c")
                           << prefix + QStringLiteral("--compare: \"a,b,c\" is not two ids "
                                                      "separated by a comma");
    QTest::newRow("empty") << pair("")
                           << prefix + QStringLiteral("--compare: \"\" is not two ids separated");
    QTest::newRow("a service with itself")
        << pair("fargate,fargate")
        << prefix + QStringLiteral("--compare: \"fargate,fargate\" compares AWS Fargate with "
                                   "itself; name two different services");
}

void TestExportCli::compareRefusesABadPair()
{
    QFETCH(QStringList, options);
    QFETCH(QString, message);
    const QString file = path(QStringLiteral("refused-compare.png"));
    const Run run = runExport(QStringList{QStringLiteral("--view"), QStringLiteral("compare"),
                                          QStringLiteral("-o"), file} +
                              options);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
    QVERIFY(!QFile::exists(file));
}

void TestExportCli::compareGoesWithTheCompareViewOnly()
{
    for (const QString& view :
         {QStringLiteral("stack"), QStringLiteral("responsibility"), QStringLiteral("cost")}) {
        const QString file = path(QStringLiteral("refused-%1.png").arg(view));
        const Run run =
            runExport({QStringLiteral("--view"), view, QStringLiteral("--compare"),
                       QStringLiteral("lambda,ecs-fargate"), QStringLiteral("-o"), file});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("--compare")), qPrintable(run.err));
        QVERIFY(!QFile::exists(file));
    }
}

void TestExportCli::compareTakesServices_data()
{
    QTest::addColumn<QString>("pair");
    QTest::addColumn<QString>("title");
    QTest::newRow("Fargate or Lambda?") << "fargate,lambda"
                                        << "AWS Fargate (as ECS on Fargate) vs Lambda functions";
    QTest::newRow("ECS or EKS?") << "ecs,eks"
                                 << "Amazon ECS (as ECS on Fargate) vs Amazon EKS (as EKS on "
                                    "Fargate)";
    QTest::newRow("EC2 or Lambda? (options)") << "ec2,lambda"
                                              << "EC2 instances vs Lambda functions";
    QTest::newRow("mixed") << "ecs-ec2,fargate"
                           << "ECS on EC2 vs AWS Fargate (as ECS on Fargate)";
}

void TestExportCli::compareTakesServices()
{
    QFETCH(QString, pair);
    QFETCH(QString, title);
    const QString png = path(QStringLiteral("services.png"));
    const QString svg = path(QStringLiteral("services.svg"));
    QFile::remove(png);
    for (const QString& file : {png, svg}) {
        const Run run = runExport({QStringLiteral("--view"), QStringLiteral("compare"),
                                   QStringLiteral("--compare"), pair, QStringLiteral("-o"), file});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.err.isEmpty() || !run.err.contains(QStringLiteral("--compare")));
    }
    const QImage image(png);
    QVERIFY(image.width() >= 1200 && image.height() > 600);
    const SvgText text = svgText(svg);
    QCOMPARE(text.title, title);
    // A service side brings the service's facts into the table (only with a service).
    QCOMPARE(text.texts.contains(QStringLiteral("How the service")),
             pair.contains(QLatin1String("fargate")) || pair.contains(QLatin1String("ecs,")));
}

void TestExportCli::compareFigureHasARightMargin()
{
    // The attribute table's highlighted rows stop short of the right edge: the last 24 pixel
    // columns of the figure (where the caption's rule ends, as in every figure) are its
    // background from top to bottom, as on the left.
    const QString png = path(QStringLiteral("margins.png"));
    const Run run =
        runExport({QStringLiteral("--view"), QStringLiteral("compare"), QStringLiteral("--compare"),
                   QStringLiteral("lambda,ecs-fargate"), QStringLiteral("-o"), png});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QImage image(png);
    const QColor background = image.pixelColor(1, 1);
    const qreal margin = 24;
    const QRectF right(image.width() - margin, 0, margin, image.height());
    QCOMPARE(ace::test::shareOf(image, right, background, 2), 1.0);
    const QRectF left(0, 0, margin, image.height());
    QCOMPARE(ace::test::shareOf(image, left, background, 2), 1.0);
    // The probe can fail: the highlight is there, just inside the margin.
    const QRectF inside(image.width() - 4 * margin, 0, 2 * margin, image.height());
    QVERIFY(ace::test::shareOf(image, inside, background, 2) < 0.95);
}

void TestExportCli::quickSettingsDoNotClaimThePresetsName()
{
    // The built-in defaults are named after a preset; changed by quick settings they are no
    // longer that workload, and the caption says what was given instead.
    const QString svg = path(QStringLiteral("renamed.svg"));
    const Run run = runExport(
        {QStringLiteral("--view"), QStringLiteral("compare"), QStringLiteral("--compare"),
         QStringLiteral("lambda,ecs-fargate"), QStringLiteral("--requests"), QStringLiteral("30M"),
         QStringLiteral("--duration-ms"), QStringLiteral("250"), QStringLiteral("-o"), svg});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QString drawn = svgText(svg).texts.join(u' ');
    QVERIFY2(drawn.contains(QStringLiteral(
                 "Workload: Default workload with --requests 30M --duration-ms 250 ·")),
             qPrintable(drawn));
    QVERIFY(!drawn.contains(QStringLiteral("Resize an image")));
}

void TestExportCli::diskFullMidwayLeavesTheFileAlone_data()
{
    QTest::addColumn<QString>("name");
    // An SVG used to exit 0 with a truncated file in place of the old one, a PNG to say
    // "Unknown error".
    QTest::newRow("svg") << QStringLiteral("full.svg");
    QTest::newRow("png") << QStringLiteral("full.png");
    QTest::newRow("pdf") << QStringLiteral("full.pdf");
}

void TestExportCli::diskFullMidwayLeavesTheFileAlone()
{
    QFETCH(QString, name);
    const QString file = path(name);
    QVERIFY(QFile::remove(file) || !QFile::exists(file));
    {
        QFile earlier(file);
        QVERIFY(earlier.open(QIODevice::WriteOnly));
        earlier.write("the user's earlier figure");
    }
    // Every figure is larger than this.
    const Run run = runExportWithFileSizeLimit(
        {QStringLiteral("--view"), QStringLiteral("stack"), QStringLiteral("-o"), file}, 2000);
    QCOMPARE(run.exitCode, 1);
    const QString reason = QString::fromLocal8Bit(std::strerror(EFBIG));
    QVERIFY2(run.err.contains(file + QStringLiteral(": cannot write: ") + reason),
             qPrintable(run.err));
    QCOMPARE(contentsOf(file), QByteArray("the user's earlier figure"));
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral(".full*")}, QDir::Files | QDir::Hidden),
             QStringList());
}

void TestExportCli::refusesToReplaceWhatIsNoRegularFile_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("reason");
    QTest::newRow("link to /dev/full")
        << QStringLiteral("device.svg")
        << QStringLiteral("it is a symbolic link to /dev/full, which is a character device, not "
                          "a regular file");
    QTest::newRow("FIFO") << QStringLiteral("pipe.png")
                          << QStringLiteral("it is a FIFO (named pipe), not a regular file");
    // Root ignores permissions, so this is refused by what the file says, not by the system.
    QTest::newRow("read-only") << QStringLiteral("read-only.pdf")
                               << QStringLiteral("it is read-only");
    QTest::newRow("link to nothing")
        << QStringLiteral("dangling.svg")
        << QStringLiteral("it is a symbolic link to /nonexistent/figure.svg, which does not "
                          "exist");
}

void TestExportCli::refusesToReplaceWhatIsNoRegularFile()
{
    QFETCH(QString, name);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    const QString target = dir.filePath(name);
    QVERIFY(QFile::link(QStringLiteral("/dev/full"), dir.filePath(QStringLiteral("device.svg"))));
    QCOMPARE(
        ::mkfifo(QFile::encodeName(dir.filePath(QStringLiteral("pipe.png"))).constData(), 0600), 0);
    const QString readOnly = dir.filePath(QStringLiteral("read-only.pdf"));
    {
        QFile file(readOnly);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("earlier");
    }
    QVERIFY(
        QFile::setPermissions(readOnly, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    QVERIFY(QFile::link(QStringLiteral("/nonexistent/figure.svg"),
                        dir.filePath(QStringLiteral("dangling.svg"))));
    const QStringList before =
        QDir(dir.path())
            .entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    const mode_t kind = modeOf(target);

    const Run run = runExport(
        {QStringLiteral("--view"), QStringLiteral("stack"), QStringLiteral("-o"), target});

    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(target + QStringLiteral(": cannot write: ") + reason),
             qPrintable(run.err));
    QCOMPARE(modeOf(target), kind);
    QCOMPARE(contentsOf(readOnly), QByteArray("earlier"));
    QCOMPARE(QDir(dir.path())
                 .entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot),
             before);
}

void TestExportCli::replacementKeepsPermissionsAndLinks()
{
    // A figure kept private (0640) stays private; a link to a figure elsewhere stays a link,
    // and the figure it names is the one replaced.
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("figures")));
    const QString figure = dir.filePath(QStringLiteral("figures/stack.png"));
    {
        QFile file(figure);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("earlier");
    }
    QVERIFY(QFile::setPermissions(figure, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup));
    const QString link = dir.filePath(QStringLiteral("latest.png"));
    QVERIFY(QFile::link(QStringLiteral("figures/stack.png"), link));

    const Run run =
        runExport({QStringLiteral("--view"), QStringLiteral("stack"), QStringLiteral("-o"), link});

    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(S_ISLNK(modeOf(link)));
    QCOMPARE(modeOf(figure) & 07777, mode_t(0640));
    QVERIFY(!QImage(figure).isNull());
    QCOMPARE(QDir(dir.filePath(QStringLiteral("figures"))).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("stack.png")});
}

QTEST_GUILESS_MAIN(TestExportCli)
#include "tst_exportcli.moc"
