// The yardstick of DESIGN.md §8's start-up budget: the least a Qt Widgets + Charts program
// does to show one chart window and save its grab.
#include <QApplication>
#include <QChartView>
#include <QLineSeries>
#include <QTimer>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    if (argc < 2)
        return 2;
    auto* series = new QLineSeries;
    for (int x = 0; x < 100; ++x)
        series->append(x, x * x);
    auto* chart = new QChart;
    chart->addSeries(series);
    chart->createDefaultAxes();
    QChartView view(chart);
    view.resize(1280, 800);
    view.show();
    QTimer::singleShot(0, &view, [&view, argv] {
        QCoreApplication::exit(view.grab().save(QString::fromLocal8Bit(argv[1])) ? 0 : 1);
    });
    return QApplication::exec();
}
