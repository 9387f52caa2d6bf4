// The yardstick of the start-up budget (DESIGN.md §8, issue 16): the least a Qt Widgets +
// Charts program does to show one 1280x800 chart window with six line series of 512 points
// (about what the explorer's cost chart draws) and save its grab as PNG.
#include <QApplication>
#include <QChartView>
#include <QLineSeries>
#include <QTimer>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    if (argc < 2)
        return 2;
    auto* chart = new QChart;
    for (int curve = 1; curve <= 6; ++curve) {
        auto* series = new QLineSeries;
        for (int x = 0; x < 512; ++x)
            series->append(x, curve * x * x);
        chart->addSeries(series);
    }
    chart->createDefaultAxes();
    QChartView view(chart);
    view.resize(1280, 800);
    view.show();
    QTimer::singleShot(0, &view, [&view, argv] {
        QCoreApplication::exit(view.grab().save(QString::fromLocal8Bit(argv[1])) ? 0 : 1);
    });
    return QApplication::exec();
}
