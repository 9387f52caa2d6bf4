// A workload edit, end to end (DESIGN.md §8, issue 16: within half a 16 ms frame): the state
// changes, the diagram's cost headers, the detail pane and both charts update, and the window
// repaints. Two measures: what Qt repaints for the edit (the widgets and regions it dirtied,
// what a user waits for), and the whole window repainted after it (an upper bound, which also
// pays for every scroll bar and tool bar that did not change).
#include "catalog/catalog.h"
#include "pricing/pricebook.h"
#include "state/explorerstate.h"
#include "ui/mainwindow.h"

#include <QTest>

#include <memory>

class BenchWorkloadEdit : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void editAndRepaintWhatChanged();
    void editAndRepaintTheWholeWindow();

private:
    // Drag-like edits: a new request volume each time.
    void edit();

    const ace::Catalog m_catalog = ace::Catalog::loadBuiltIn();
    const ace::PriceBook m_prices = ace::PriceBook::loadBuiltIn();
    std::unique_ptr<ace::ui::MainWindow> m_window;
    int m_step = 0;
};

void BenchWorkloadEdit::init()
{
    m_window = std::make_unique<ace::ui::MainWindow>(m_catalog, m_prices);
    m_window->resize(1600, 1000);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->state().setCurrent(ace::CatalogItem::option(QStringLiteral("ecs-fargate")));
    QCoreApplication::processEvents();
}

void BenchWorkloadEdit::cleanup()
{
    m_window.reset();
}

void BenchWorkloadEdit::edit()
{
    ace::Workload workload = m_window->state().workload();
    workload.requestsPerMonth = 1e6 * (1 + (m_step++ % 97));
    m_window->state().setWorkload(workload);
}

void BenchWorkloadEdit::editAndRepaintWhatChanged()
{
    QBENCHMARK
    {
        edit();
        // The update requests the edit posted: Qt repaints the dirty regions.
        QCoreApplication::processEvents();
    }
}

void BenchWorkloadEdit::editAndRepaintTheWholeWindow()
{
    QBENCHMARK
    {
        edit();
        m_window->repaint();
        QCoreApplication::processEvents();
    }
}

QTEST_MAIN(BenchWorkloadEdit)
#include "bench_workloadedit.moc"
