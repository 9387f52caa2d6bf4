#include "compare/comparison.h"

#include "cost/quantitytext.h"
#include "diagram/stackdiagramscene.h"
#include "pricing/pricebook.h"
#include "state/detailhtml.h"

#include <QScopedValueRollback>

#include <algorithm>
#include <cmath>

namespace ace::ui {

namespace {

using html::bulletList;
using html::escaped;
using html::paragraph;

// Below a cent a month two totals are the same for every purpose of the comparison.
constexpr double sameAmount = 0.005;

} // namespace

Comparison::Comparison(ExplorerState& source, QObject* parent)
    : QObject(parent)
    , m_source(source)
    , m_pair(source.comparison())
    , m_pairState(source.catalog().withOnlyOptions({m_pair.first, m_pair.second}), source.prices(),
                  std::make_shared<const CostResults>(source.costResults().comparedPairOnly()))
    , m_model(m_pairState.catalog())
{
    Q_ASSERT(source.isComparing() && pairCatalog().options().size() == 2);
    m_model.setPair(m_pair);
    m_pairState.setTheme(source.theme());
    m_pairState.setShowResponsibility(true);
    m_scene = new diagram::StackDiagramScene(m_pairState, this);
    m_scene->setHighlightDifferences(true);

    connect(&source, &ExplorerState::costResultsChanged, this, &Comparison::followCostResults);
    connect(&source, &ExplorerState::themeChanged, this, [this] {
        m_pairState.setTheme(m_source.theme());
        emit changed();
    });
    // Clicking an option or a service in the comparison selects it everywhere; the source's
    // selection shows here when the comparison has it.
    connect(&m_pairState, &ExplorerState::currentChanged, this, [this](const CatalogItem& item) {
        if (!m_followingSource)
            m_source.setCurrent(item);
    });
    connect(&source, &ExplorerState::currentChanged, this, &Comparison::followSelection);
    followSelection(source.current());
}

Comparison::~Comparison() = default;

void Comparison::followCostResults()
{
    // A source comparing another pair (or none) is about to replace this comparison.
    if (m_source.comparison() != m_pair)
        return;
    m_pairState.showCostResults(
        std::make_shared<const CostResults>(m_source.costResults().comparedPairOnly()),
        m_source.prices());
    emit changed();
}

void Comparison::followSelection(const CatalogItem& item)
{
    // An option outside the pair shows as nothing selected here, and must not clear the
    // source's selection in turn.
    const QScopedValueRollback following(m_followingSource, true);
    if (!m_pairState.setCurrent(item))
        m_pairState.setCurrent({});
}

QString Comparison::optionName(const QString& optionId) const
{
    const DeploymentOption* option = pairCatalog().option(optionId);
    return option ? option->name : tr("neither");
}

QString Comparison::title() const
{
    // A service names the option standing for it.
    const auto side = [this](const CatalogItem& item, const DeploymentOption& option) {
        return item.kind == CatalogItem::Kind::Service
                   ? tr("%1 (as %2)").arg(itemName(pairCatalog(), item), option.name)
                   : option.name;
    };
    return tr("%1 vs %2").arg(side(m_pair.firstItem, first()), side(m_pair.secondItem, second()));
}

QString Comparison::differencesHtml() const
{
    return html::pageStyle(m_pairState.theme()) +
           html::section(tr("Layers managed differently"),
                         html::responsibilityDifferences(pairCatalog(), first(), second()));
}

QString Comparison::attributesHtml() const
{
    const Theme& theme = m_pairState.theme();
    QString table = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"5\">");
    table += QStringLiteral("<tr>");
    for (int column = 0; column < m_model.columnCount(); ++column) {
        table += QStringLiteral("<th align=\"left\" style=\"border-bottom: 1px solid %1\">%2</th>")
                     .arg(theme.border().name(),
                          escaped(m_model.headerData(column, Qt::Horizontal).toString()));
    }
    table += QStringLiteral("</tr>");
    for (int row = 0; row < m_model.rowCount(); ++row) {
        const bool differs = m_model.rowDiffers(row);
        table += differs ? QStringLiteral("<tr style=\"background-color: %1\">")
                               .arg(theme.difference().name())
                         : QStringLiteral("<tr>");
        for (int column = 0; column < m_model.columnCount(); ++column) {
            const QString text = escaped(m_model.index(row, column).data().toString());
            // The property's name is bold where the values differ, so the rows read as
            // different without colour too.
            table += column == ComparisonModel::PropertyColumn && differs
                         ? QStringLiteral("<td width=\"22%\"><b>%1 ≠</b></td>").arg(text)
                     : column == ComparisonModel::PropertyColumn
                         ? QStringLiteral("<td width=\"22%\">%1</td>").arg(text)
                         : QStringLiteral("<td width=\"39%\">%1</td>").arg(text);
        }
        table += QStringLiteral("</tr>");
    }
    table += QStringLiteral("</table>");
    return html::pageStyle(theme) + html::section(tr("How they differ"), table);
}

QString Comparison::costsHtml() const
{
    const Workload& workload = m_pairState.workload();
    const PriceBook& prices = m_pairState.prices();
    const QString currency = prices.currency();

    QString estimates = QStringLiteral("<table width=\"100%\" cellspacing=\"0\"><tr>");
    const CostComparison& compared = costs();
    for (const Estimate* estimate : {&compared.first, &compared.second}) {
        estimates +=
            QStringLiteral("<td width=\"50%\" style=\"padding-right: 10px\"><b>%1</b>%2</td>")
                .arg(escaped(estimate->optionName), html::estimate(*estimate, currency));
    }
    estimates += QStringLiteral("</tr></table>");

    QString verdict;
    if (!compared.difference) {
        const Estimate& infeasible = compared.first.feasible ? compared.second : compared.first;
        verdict = tr("%1 cannot run this workload, so there is no difference to show.")
                      .arg(infeasible.optionName);
    } else if (std::abs(*compared.difference) < sameAmount) {
        verdict = tr("Both cost the same for this workload.");
    } else {
        const bool firstIsCheaper = *compared.difference > 0;
        const Estimate& cheaper = firstIsCheaper ? compared.first : compared.second;
        const Estimate& dearer = firstIsCheaper ? compared.second : compared.first;
        verdict = tr("%1 is cheaper by %2 a month.")
                      .arg(cheaper.optionName, money(std::abs(*compared.difference), currency));
        if (*cheaper.monthlyTotal > 0) {
            verdict += QLatin1Char(' ') +
                       tr("%1 costs %2× as much.")
                           .arg(dearer.optionName,
                                groupedNumber(*dearer.monthlyTotal / *cheaper.monthlyTotal, 2));
        }
    }

    QString breakEvens;
    const QString range =
        tr("%1 to %2 requests a month")
            .arg(shortQuantity(fewestRequestsPerMonth), shortQuantity(mostRequestsPerMonth));
    if (compared.breakEvens.isEmpty() && compared.nearTies.isEmpty()) {
        const QString cheapest = m_pairState.costResults().cheapestAt(0);
        // With one option unable to run the workload, "cheaper" would mislead.
        const bool bothCanRun = compared.difference.has_value();
        breakEvens = paragraph(
            cheapest.isEmpty()
                ? tr("Neither option can run this workload at any volume from %1.").arg(range)
            : bothCanRun
                ? tr("From %1, %2 stays the cheaper.").arg(range, optionName(cheapest))
                : tr("Changing the request volume alone (%1) does not change this.").arg(range));
    } else {
        // Lasting changes and near ties, by the volume where each starts.
        QList<std::pair<qint64, QString>> changes;
        for (const Crossing& crossing : compared.breakEvens) {
            changes.append(
                {crossing.requestsPerMonth,
                 tr("At %1 requests/month (%2): %3 becomes the cheaper, after %4.")
                     .arg(groupedNumber(double(crossing.requestsPerMonth)),
                          shortQuantity(double(crossing.requestsPerMonth)),
                          optionName(crossing.cheapestAbove), optionName(crossing.cheapestBelow))});
        }
        for (const NearTie& tie : compared.nearTies)
            changes.append({tie.fromRequestsPerMonth, nearTieSentence(tie, pairCatalog())});
        std::stable_sort(changes.begin(), changes.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        QStringList lines;
        for (const auto& change : std::as_const(changes))
            lines.append(change.second);
        breakEvens = paragraph(tr("Where the cheaper of the two changes, from %1:").arg(range)) +
                     bulletList(lines);
    }

    return html::pageStyle(m_pairState.theme()) +
           html::section(tr("What they cost"),
                         html::workloadLine(workload) + estimates +
                             QStringLiteral("<p><b>%1</b></p>").arg(escaped(verdict)) + breakEvens +
                             html::pricesLine(prices));
}

} // namespace ace::ui
