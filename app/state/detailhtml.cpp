#include "state/detailhtml.h"

#include "catalog/catalog.h"
#include "cost/costmodel.h"
#include "cost/quantitytext.h"
#include "pricing/pricebook.h"
#include "state/theme.h"

#include <QObject>

namespace ace::ui::html {

QString escaped(const QString& text)
{
    return text.toHtmlEscaped();
}

QString sectionTitle(const QString& title)
{
    return QStringLiteral("<h3>%1</h3>").arg(escaped(title));
}

QString section(const QString& title, const QString& body)
{
    return sectionTitle(title) + body;
}

QString bulletList(const QStringList& items)
{
    QString html = QStringLiteral("<ul>");
    for (const QString& item : items)
        html += QStringLiteral("<li>") + escaped(item) + QStringLiteral("</li>");
    return html + QStringLiteral("</ul>");
}

QString paragraph(const QString& text)
{
    return QStringLiteral("<p>") + escaped(text) + QStringLiteral("</p>");
}

// QTextDocument supports a CSS subset, enough for spacing and colours.
QString pageStyle(const Theme& theme)
{
    return QStringLiteral("<style>"
                          "body { color: %1; }"
                          "h2 { margin-bottom: 2px; }"
                          "h3 { margin-top: 14px; margin-bottom: 4px; }"
                          ".muted { color: %2; }"
                          "a { color: %3; }"
                          "td { padding: 3px 6px; vertical-align: top; }"
                          "</style>")
        .arg(theme.text().name(), theme.mutedText().name(), theme.selection().name());
}

QString workloadLine(const Workload& workload)
{
    return QStringLiteral("<p class=\"muted\">%1 · %2 requests/month · %3 ms</p>")
        .arg(escaped(workload.name), groupedNumber(workload.requestsPerMonth),
             groupedNumber(workload.avgDurationMs, 3));
}

QString estimate(const Estimate& estimate, const QString& currency)
{
    QString html;
    if (!estimate.monthlyTotal) {
        html += QStringLiteral("<p><b>%1</b></p>").arg(QObject::tr("Not feasible"));
    } else {
        html += QStringLiteral("<p><b>%1</b> %2</p>")
                    .arg(money(*estimate.monthlyTotal, currency), QObject::tr("a month"));
        html += QStringLiteral("<table cellspacing=\"1\" width=\"100%\">");
        for (const LineItem& item : estimate.lineItems) {
            html +=
                QStringLiteral("<tr><td>%1</td><td class=\"muted\">%2 %3 × %4</td>"
                               "<td align=\"right\">%5</td></tr>")
                    .arg(escaped(item.label), groupedNumber(item.quantity, 3), escaped(item.unit),
                         lineItemRateText(item, currency), money(item.amount, currency));
        }
        html += QStringLiteral("</table>");
    }
    return html + bulletList(estimate.notes);
}

QString pricesLine(const PriceBook& prices)
{
    return QStringLiteral("<p class=\"muted\">%1</p>")
        .arg(QObject::tr("Prices: %1, %2, as of %3.")
                 .arg(prices.region(), prices.currency(), prices.asOf()));
}

QString responsibilityDifferences(const Catalog& catalog, const DeploymentOption& option,
                                  const DeploymentOption& other)
{
    const QList<ResponsibilityDifference> differences =
        catalog.responsibilityDifferences(option.id, other.id);
    if (differences.isEmpty()) {
        return paragraph(
            QObject::tr("%1 and %2 leave the same layers to you.").arg(option.name, other.name));
    }
    QStringList lines;
    for (const ResponsibilityDifference& difference : differences) {
        lines.append(QObject::tr("%1: %2 (%3) vs %4 (%5)")
                         .arg(catalog.layer(difference.layer)->name,
                              responsibilityLabel(difference.first.who), option.name,
                              responsibilityLabel(difference.second.who), other.name));
    }
    return bulletList(lines);
}

} // namespace ace::ui::html
