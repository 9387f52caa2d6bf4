// The explorer in a person's hands, at random: thousands of valid user actions on the real main
// window (menus, shortcuts, clicks in the tree and the diagram, typed values right and wrong,
// undo and redo, exports, comparisons, resizes, themes), and the window and its dialogs opened
// with random remembered settings. Nothing may crash (run it under the asan preset), and a few
// invariants must hold after every action. The seed is printed, and named in every failure;
// ACE_MONKEY_SEED repeats a run and ACE_MONKEY_ACTIONS makes it longer:
//   ACE_MONKEY_ACTIONS=20000 QTEST_FUNCTION_TIMEOUT=86400000 QT_QPA_PLATFORM=offscreen
//       build/asan/tests/tst_monkey
#include "catalog/catalog.h"
#include "compare/compareview.h"
#include "diagram/stackdiagramview.h"
#include "dialoganswerer.h"
#include "json/dataerror.h"
#include "pricing/pricebook.h"
#include "state/explorerstate.h"
#include "state/workloaddocument.h"
#include "ui/mainwindow.h"
#include "ui/workloadeditor.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>

#include <functional>

using namespace ace;
using ui::MainWindow;

namespace {

quint32 seedFromEnvironment()
{
    bool ok = false;
    const quint32 seed = qEnvironmentVariable("ACE_MONKEY_SEED").toUInt(&ok);
    return ok ? seed : 20261130;
}

int actionsFromEnvironment(int byDefault)
{
    bool ok = false;
    const int actions = qEnvironmentVariableIntValue("ACE_MONKEY_ACTIONS", &ok);
    return ok && actions > 0 ? actions : byDefault;
}

// What a user might type into a number field: plain, grouped, scaled and scientific numbers,
// out-of-range ones, negatives, zero, and things that are no number at all.
QString randomTypedValue(QRandomGenerator& random)
{
    static const QStringList typed = {
        QStringLiteral("0"),         QStringLiteral("1"),       QStringLiteral("0.5"),
        QStringLiteral("3"),         QStringLiteral("120"),     QStringLiteral("20000"),
        QStringLiteral("-5"),        QStringLiteral("1e20"),    QStringLiteral("3M"),
        QStringLiteral("3,000,000"), QStringLiteral("50M"),     QStringLiteral("abc"),
        QStringLiteral(""),          QStringLiteral("1000000"), QStringLiteral("0.25"),
        QStringLiteral("10240"),     QStringLiteral("128"),     QStringLiteral("86400000"),
        QStringLiteral("99.9"),      QStringLiteral("1e-30"),   QStringLiteral("nan"),
        QStringLiteral("inf"),       QStringLiteral("2"),       QStringLiteral("744"),
        QStringLiteral("17"),        QStringLiteral("72"),      QStringLiteral("90"),
    };
    return typed.at(random.bounded(typed.size()));
}

// A line edit of its own, not the text part of a spin box or combo box.
bool isPlainLineEdit(const QWidget* widget)
{
    return qobject_cast<const QLineEdit*>(widget) &&
           !qobject_cast<const QAbstractSpinBox*>(widget->parentWidget()) &&
           !qobject_cast<const QComboBox*>(widget->parentWidget());
}

// Answers every dialog the actions open as a user would: accepting or cancelling at random,
// saving and exporting into a temporary folder; a dialog still open after its answer (a file
// dialog that refused the name) is cancelled.
class RandomAnswers
{
public:
    RandomAnswers(QRandomGenerator& random, const QTemporaryDir& folder)
        : m_random(random)
        , m_folder(folder)
        , m_answerer([this](QDialog* dialog, bool again) { answer(dialog, again); })
    {}

private:
    QString randomFile()
    {
        static const QStringList names = {QStringLiteral("w.json"), QStringLiteral("x.png"),
                                          QStringLiteral("x.svg"), QStringLiteral("x.pdf"),
                                          QStringLiteral("missing/x.png")};
        return m_folder.filePath(names.at(m_random.bounded(names.size())));
    }

    void answer(QDialog* dialog, bool again)
    {
        const bool accept = !again && m_random.bounded(3) != 0;
        if (auto* box = qobject_cast<QMessageBox*>(dialog)) {
            const QList<QAbstractButton*> buttons = box->buttons();
            buttons.at(m_random.bounded(buttons.size()))->click();
        } else if (auto* files = qobject_cast<QFileDialog*>(dialog)) {
            if (!accept)
                return files->reject();
            files->selectFile(randomFile());
            static_cast<QDialog*>(files)->accept();
        } else if (accept) {
            // The export dialog: a file in the temporary folder, then its accepting button.
            for (QLineEdit* field : dialog->findChildren<QLineEdit*>()) {
                if (isPlainLineEdit(field))
                    field->setText(randomFile());
            }
            auto* buttons = dialog->findChild<QDialogButtonBox*>();
            for (QAbstractButton* button :
                 buttons ? buttons->buttons() : QList<QAbstractButton*>()) {
                if (buttons->buttonRole(button) == QDialogButtonBox::AcceptRole) {
                    button->click();
                    return;
                }
            }
            dialog->reject();
        } else {
            dialog->reject();
        }
    }

    QRandomGenerator& m_random;
    const QTemporaryDir& m_folder;
    test::DialogAnswerer m_answerer;
};

QList<QAction*> menuActions(const MainWindow& window)
{
    QList<QAction*> actions;
    std::function<void(const QMenu*)> collect = [&](const QMenu* menu) {
        for (QAction* action : menu->actions()) {
            if (action->menu())
                collect(action->menu());
            else if (!action->isSeparator())
                actions.append(action);
        }
    };
    for (const QAction* top : window.menuBar()->actions()) {
        if (top->menu())
            collect(top->menu());
    }
    return actions;
}

QPoint randomPointIn(QRandomGenerator& random, const QWidget* widget)
{
    return QPoint(random.bounded(std::max(1, widget->width())),
                  random.bounded(std::max(1, widget->height())));
}

} // namespace

class TestMonkey : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void rememberedSettingsNeverBreakTheWindow();
    void randomUserActionsNeverBreakTheWindow();

private:
    const Catalog m_catalog = Catalog::loadBuiltIn();
    const PriceBook m_prices = PriceBook::loadBuiltIn();
};

void TestMonkey::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("aws-compute-explorer-tests"));
    qInfo("seed %u (ACE_MONKEY_SEED repeats this run)", seedFromEnvironment());
}

void TestMonkey::init()
{
    QSettings().clear();
}

void TestMonkey::rememberedSettingsNeverBreakTheWindow()
{
    const quint32 seed = seedFromEnvironment();
    QRandomGenerator random(seed);
    QTemporaryDir folder;
    QFile badWorkload(folder.filePath(QStringLiteral("bad.json")));
    QVERIFY(badWorkload.open(QIODevice::WriteOnly));
    badWorkload.write("{\"format\": \"aws-compute-explorer/workload\", \"version\": 1, \"x\": 1}");
    badWorkload.close();

    // Values of every type and shape: right ones, wrong types, out of range, nonsense.
    const QList<QVariant> values = {
        QVariant(),
        QVariant(0),
        QVariant(-1),
        QVariant(2),
        QVariant(4),
        QVariant(99999999),
        QVariant(true),
        QVariant(QStringLiteral("")),
        QVariant(QStringLiteral("dark")),
        QVariant(QStringLiteral("light")),
        QVariant(QStringLiteral("system")),
        QVariant(QStringLiteral("purple")),
        QVariant(QStringLiteral("stack")),
        QVariant(QStringLiteral("cost")),
        QVariant(QStringLiteral("compare")),
        QVariant(QStringLiteral("responsibility")),
        QVariant(QStringLiteral("svg")),
        QVariant(QStringLiteral("pdf")),
        QVariant(QStringLiteral("gif")),
        QVariant(QStringLiteral("option:lambda")),
        QVariant(QStringLiteral("service:ecs")),
        QVariant(QStringLiteral("category:serverless")),
        QVariant(QStringLiteral("option:app-runner")),
        QVariant(QByteArray("\x00\xff garbage", 10)),
        QVariant(folder.path()),
        QVariant(folder.filePath(QStringLiteral("bad.json"))),
        QVariant(folder.filePath(QStringLiteral("nowhere/nothing.json"))),
        QVariant(QStringList{folder.path(), QStringLiteral("")}),
        QVariant(1e308),
    };
    const QStringList keys = {
        QStringLiteral("window/geometry"),     QStringLiteral("window/state"),
        QStringLiteral("view/theme"),          QStringLiteral("view/showResponsibility"),
        QStringLiteral("selection/current"),   QStringLiteral("scenario/lastFile"),
        QStringLiteral("scenario/lastFolder"), QStringLiteral("scenario/recentFiles"),
        QStringLiteral("export/folder"),       QStringLiteral("export/view"),
        QStringLiteral("export/format"),       QStringLiteral("export/exactSize"),
        QStringLiteral("export/scale"),        QStringLiteral("export/width"),
        QStringLiteral("export/height"),       QStringLiteral("export/transparent"),
        QStringLiteral("export/theme"),
    };

    const int rounds = std::max(20, actionsFromEnvironment(300) / 10);
    for (int round = 0; round < rounds; ++round) {
        QSettings settings;
        settings.clear();
        for (const QString& key : keys) {
            if (random.bounded(4) != 0)
                settings.setValue(key, values.at(random.bounded(values.size())));
        }
        settings.sync();
        const QString context = QStringLiteral("seed %1, round %2").arg(seed).arg(round);

        MainWindow window(m_catalog, m_prices);
        window.restoreSettings();
        if (random.bounded(2))
            window.state().setComparison(QStringLiteral("lambda"), QStringLiteral("ecs-fargate"));
        window.show();
        QVERIFY2(QTest::qWaitForWindowExposed(&window), qPrintable(context));
        QVERIFY2(window.width() >= 320 && window.height() >= 240, qPrintable(context));

        // The export dialog opens with those settings, shows them, and is cancelled.
        bool dialogOpened = false;
        QTimer closer;
        connect(&closer, &QTimer::timeout, &window, [&dialogOpened] {
            if (auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget())) {
                dialogOpened = true;
                dialog->reject();
            }
        });
        closer.start(5);
        QAction* exportAction = nullptr;
        for (QAction* action : menuActions(window)) {
            if (action->text().startsWith(QStringLiteral("&Export")))
                exportAction = action;
        }
        QVERIFY2(exportAction, qPrintable(context));
        exportAction->trigger();
        QTRY_VERIFY2(dialogOpened, qPrintable(context));
        window.state().clearComparison();
        window.close();
    }
}

void TestMonkey::randomUserActionsNeverBreakTheWindow()
{
    const quint32 seed = seedFromEnvironment();
    const int count = actionsFromEnvironment(300);
    QRandomGenerator random(seed);
    QTemporaryDir folder;
    RandomAnswers answerer(random, folder);

    MainWindow window(m_catalog, m_prices);
    window.resize(1280, 800);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));

    // Quit would end the run; everything else in the menus is fair game.
    QList<QAction*> actions;
    for (QAction* action : menuActions(window)) {
        if (action->menuRole() != QAction::QuitRole)
            actions.append(action);
    }
    QList<QWidget*> fields;
    for (QWidget* field : window.workloadEditor()->findChildren<QWidget*>()) {
        if (qobject_cast<QAbstractSpinBox*>(field) || qobject_cast<QComboBox*>(field) ||
            qobject_cast<QCheckBox*>(field) || isPlainLineEdit(field))
            fields.append(field);
    }
    QVERIFY(fields.size() > 10);
    // Start where every field of the bill is enabled (a load balancer, discounts) and the
    // containers' doors differ, so that random actions reach all of them from the first.
    Workload start;
    start.requestPath.ecsFargate = RequestDoor::Alb;
    start.purchase.ec2 = {PurchaseKind::Spot, 60};
    start.purchase.fargate = {PurchaseKind::SavingsPlan, 30};
    start.purchase.lambda = {PurchaseKind::SavingsPlan, 10};
    const QString startPath = folder.filePath(QStringLiteral("start.json"));
    QCOMPARE(start.save(startPath), std::nullopt);
    QCOMPARE(window.document().open(startPath), QString());
    // What can be compared: options and services (some pairs are refused, which must be safe).
    const QStringList comparableIds = [this] {
        QStringList ids;
        for (const DeploymentOption& option : m_catalog.options())
            ids.append(option.id);
        for (const Service& service : m_catalog.services())
            ids.append(service.id);
        return ids;
    }();
    static const QList<Qt::Key> diagramKeys = {Qt::Key_Left, Qt::Key_Right, Qt::Key_Up,
                                               Qt::Key_Down, Qt::Key_Escape};

    QStringList done;
    const auto step = [&](int index) {
        QString what;
        switch (random.bounded(11)) {
        case 0: {
            QAction* action = actions.at(random.bounded(actions.size()));
            what = QStringLiteral("menu ") + action->text();
            if (action->isEnabled())
                action->trigger();
            break;
        }
        case 1: {
            QWidget* viewport = window.tree()->viewport();
            const QPoint at = randomPointIn(random, viewport);
            const bool control = random.bounded(4) == 0;
            what =
                QStringLiteral("tree click%1").arg(control ? QStringLiteral(" +Ctrl") : QString());
            QTest::mouseClick(viewport, Qt::LeftButton,
                              control ? Qt::ControlModifier : Qt::NoModifier, at);
            break;
        }
        case 2: {
            QWidget* viewport = window.diagramView()->viewport();
            const QPoint at = randomPointIn(random, viewport);
            const bool control = random.bounded(4) == 0;
            what = QStringLiteral("diagram click%1")
                       .arg(control ? QStringLiteral(" +Ctrl") : QString());
            if (viewport->isVisible())
                QTest::mouseClick(viewport, Qt::LeftButton,
                                  control ? Qt::ControlModifier : Qt::NoModifier, at);
            break;
        }
        case 3: {
            const Qt::Key key = diagramKeys.at(random.bounded(diagramKeys.size()));
            what = QStringLiteral("diagram key %1").arg(int(key));
            QTest::keyClick(window.diagramView(), key);
            break;
        }
        case 4:
        case 5: {
            QWidget* field = fields.at(random.bounded(fields.size()));
            what = QStringLiteral("field %1")
                       .arg(QString::fromLatin1(field->metaObject()->className()));
            if (!field->isEnabled() || !field->isVisible())
                break;
            field->setFocus(Qt::TabFocusReason);
            if (auto* check = qobject_cast<QCheckBox*>(field)) {
                check->click();
            } else if (auto* combo = qobject_cast<QComboBox*>(field)) {
                if (combo->count() > 0) {
                    const int choice = random.bounded(combo->count());
                    combo->setCurrentIndex(choice);
                    emit combo->activated(choice);
                }
            } else {
                const QString typed = randomTypedValue(random);
                what += QStringLiteral(" typed \"%1\"").arg(typed);
                QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
                QTest::keyClicks(field, typed);
                QTest::keyClick(field, random.bounded(2) ? Qt::Key_Return : Qt::Key_Tab);
            }
            break;
        }
        case 6: {
            const bool redo = random.bounded(2);
            what = redo ? QStringLiteral("Ctrl+Shift+Z") : QStringLiteral("Ctrl+Z");
            QWidget* target = QApplication::focusWidget() ? QApplication::focusWidget() : &window;
            QTest::keyClick(target, Qt::Key_Z,
                            redo ? Qt::ControlModifier | Qt::ShiftModifier : Qt::ControlModifier);
            break;
        }
        case 7: {
            const QSize size(800 + random.bounded(2560 - 800 + 1),
                             600 + random.bounded(1440 - 600 + 1));
            what = QStringLiteral("resize %1x%2").arg(size.width()).arg(size.height());
            window.resize(size);
            break;
        }
        case 8: {
            const QString first = comparableIds.at(random.bounded(comparableIds.size()));
            const QString second = comparableIds.at(random.bounded(comparableIds.size()));
            what = QStringLiteral("compare %1,%2").arg(first, second);
            if (random.bounded(3) == 0)
                window.state().clearComparison();
            else
                window.state().setComparison(first, second);
            break;
        }
        case 9: {
            static const QStringList words = {QStringLiteral("kubernetes"), QStringLiteral("azure"),
                                              QStringLiteral("15 minutes"), QStringLiteral("")};
            const QString text = words.at(random.bounded(words.size()));
            what = QStringLiteral("search \"%1\"").arg(text);
            window.searchField()->setFocus();
            window.searchField()->setText(text);
            QTest::keyClick(window.searchField(),
                            random.bounded(2) ? Qt::Key_Return : Qt::Key_Escape);
            break;
        }
        case 10: {
            auto* tabs = window.findChild<QTabWidget*>();
            what = QStringLiteral("cost tab");
            if (tabs)
                tabs->setCurrentIndex(random.bounded(tabs->count()));
            break;
        }
        }
        done.append(QStringLiteral("%1: %2").arg(index).arg(what));
        QCoreApplication::processEvents();
    };

    for (int index = 0; index < count; ++index) {
        step(index);
        const QString context =
            QStringLiteral("seed %1, action %2; the last actions:\n%3")
                .arg(seed)
                .arg(index)
                .arg(done.mid(std::max<qsizetype>(0, done.size() - 8)).join(u'\n'));
        // What must hold whatever happened: the window is there, the comparison is shown
        // exactly while two options are compared, the title names the workload, the undo
        // history is consistent, and the current item is one the catalog knows.
        QVERIFY2(window.isVisible(), qPrintable(context));
        QVERIFY2(window.isShowingComparison() == window.state().isComparing(), qPrintable(context));
        QVERIFY2(window.windowTitle().contains(window.state().workload().name),
                 qPrintable(context));
        // Whatever was typed or chosen, the workload is one a file can hold: a discount within
        // its kind's limit, doors that fit their options.
        QString broken;
        try {
            Workload::fromJson(window.state().workload().toJson(), QStringLiteral("state"));
        } catch (const DataError& error) {
            broken = error.toString() + u'\n';
        }
        QVERIFY2(broken.isEmpty(), qPrintable(broken + context));
        const QUndoStack& history = window.document().undoStack();
        QVERIFY2(history.index() >= 0 && history.index() <= history.count(), qPrintable(context));
        const CatalogItem current = window.state().current();
        QVERIFY2(
            current.isNull() || current.kind == CatalogItem::Kind::Category ||
                (current.kind == CatalogItem::Kind::Service && m_catalog.service(current.id)) ||
                (current.kind == CatalogItem::Kind::Option && m_catalog.option(current.id)),
            qPrintable(context));
    }
    // The document can still be saved, and reads back as what the window shows.
    const QString path = folder.filePath(QStringLiteral("final.json"));
    QCOMPARE(window.document().saveAs(path), QString());
    QCOMPARE(Workload::load(path), window.state().workload());
}

QTEST_MAIN(TestMonkey)
#include "tst_monkey.moc"
