// A workload edit, end to end (DESIGN.md §8: within one 16 ms frame): the state changes, the
// diagram's cost headers, the detail pane and both charts update, and the window repaints.
#include "catalog/catalog.h"
#include "pricing/pricebook.h"
#include "state/explorerstate.h"
#include "ui/mainwindow.h"

#include <QTest>

class BenchWorkloadEdit : public QObject
{
    Q_OBJECT

private slots:
    void editAndRepaint();
};

void BenchWorkloadEdit::editAndRepaint()
{
    const ace::Catalog catalog = ace::Catalog::loadBuiltIn();
    const ace::PriceBook prices = ace::PriceBook::loadBuiltIn();
    ace::ui::MainWindow window(catalog, prices);
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.state().setCurrent(ace::CatalogItem::option(QStringLiteral("ecs-fargate")));

    ace::Workload workload;
    int step = 0;
    QBENCHMARK
    {
        // Drag-like edits: a new request volume each time.
        workload.requestsPerMonth = 1e6 * (1 + (step++ % 97));
        window.state().setWorkload(workload);
        window.repaint();
        QCoreApplication::processEvents();
    }
}

QTEST_MAIN(BenchWorkloadEdit)
#include "bench_workloadedit.moc"
