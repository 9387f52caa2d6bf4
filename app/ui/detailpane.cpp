#include "ui/detailpane.h"

#include "catalog/catalog.h"
#include "cost/costmodel.h"
#include "cost/quantitytext.h"
#include "pricing/pricebook.h"
#include "state/detailhtml.h"
#include "state/explorerstate.h"

#include <QDesktopServices>
#include <QTextBlock>
#include <QTextCursor>
#include <QUrl>

namespace ace::ui {

namespace {

using html::bulletList;
using html::escaped;
using html::paragraph;
using html::section;

const QString internalScheme = QStringLiteral("ace");

QString link(const CatalogItem& item, const QString& text)
{
    return QStringLiteral("<a href=\"%1\">%2</a>")
        .arg(DetailPane::linkTo(item).toString(), escaped(text));
}

QString stackText(const Catalog& catalog, const DeploymentOption& option)
{
    QStringList names;
    for (const QString& serviceId : option.stack)
        names.append(link(CatalogItem::service(serviceId), catalog.service(serviceId)->name));
    names.append(escaped(QObject::tr("AWS infrastructure")));
    return names.join(QStringLiteral(" → "));
}

QString responsibilityTable(const Catalog& catalog, const DeploymentOption& option,
                            const Theme& theme)
{
    QString html = QStringLiteral("<table cellspacing=\"1\" width=\"100%\">");
    // Top of the stack first, as the diagram reads.
    for (auto entry = option.responsibilities.crbegin(); entry != option.responsibilities.crend();
         ++entry) {
        const ResponsibilityStyle style = theme.responsibility(entry->who);
        // Two columns, the reason under the layer's name: three squeezed a narrow pane until
        // the layer names broke inside words ("Orchestrati / on").
        html += QStringLiteral("<tr><td style=\"background-color: %1; color: %2\" "
                               "align=\"center\"><b>%3</b></td>"
                               "<td>%4<br><span class=\"muted\">%5</span></td></tr>")
                    .arg(style.fill.name(), style.text.name(), escaped(style.label),
                         escaped(catalog.layer(entry->layer)->name), escaped(entry->why));
    }
    return html + QStringLiteral("</table>");
}

QString serviceHtml(const Catalog& catalog, const Service& service)
{
    QStringList categories = {catalog.category(service.category)->name};
    for (const QString& other : service.otherCategories)
        categories.append(catalog.category(other)->name);
    QStringList substrates;
    for (const QString& id : service.runsOn)
        substrates.append(link(CatalogItem::service(id), catalog.service(id)->name));
    const QString runsOn =
        substrates.isEmpty() ? QObject::tr("runs on AWS infrastructure")
                             : QObject::tr("runs on %1").arg(substrates.join(QObject::tr(" or ")));

    QString options = QStringLiteral("<ul>");
    for (const DeploymentOption* option : catalog.optionsUsing(service.id)) {
        options +=
            QStringLiteral("<li>%1: %2</li>")
                .arg(link(CatalogItem::option(option->id), option->name), escaped(option->summary));
    }
    options += QStringLiteral("</ul>");

    QString docs = QStringLiteral("<ul>");
    for (const DocLink& doc : service.docs) {
        docs += QStringLiteral("<li><a href=\"%1\">%2</a></li>")
                    .arg(doc.url.toString(QUrl::FullyEncoded), escaped(doc.title));
    }
    docs += QStringLiteral("</ul>");

    return QStringLiteral("<h2>%1</h2><p class=\"muted\">%2 · %3</p>")
               .arg(escaped(service.name), escaped(categories.join(QStringLiteral(", "))), runsOn) +
           QStringLiteral("<p><b>%1</b></p>").arg(escaped(service.summary)) +
           paragraph(service.description) +
           section(QObject::tr("You manage"), bulletList(service.youManage)) +
           section(QObject::tr("AWS manages"), bulletList(service.awsManages)) +
           section(QObject::tr("How it bills"), paragraph(service.billing)) +
           section(QObject::tr("Limits"), bulletList(service.limits)) +
           section(QObject::tr("Typical uses"), bulletList(service.typicalUses)) +
           section(QObject::tr("When not to use it"), bulletList(service.notFor)) +
           section(QObject::tr("Deployment options"), options) +
           section(QObject::tr("AWS documentation"), docs);
}

// An option's page, with its cost section apart: an edit of the workload changes that alone.
DetailPane::Page optionPage(const ExplorerState& state, const DeploymentOption& option,
                            const QString& comparedWith)
{
    const Catalog& catalog = state.catalog();
    const Theme& theme = state.theme();
    DetailPane::Page page;
    page.head = html::pageStyle(theme) +
                QStringLiteral("<h2>%1</h2><p class=\"muted\">%2</p>")
                    .arg(escaped(option.name), stackText(catalog, option)) +
                QStringLiteral("<p><b>%1</b></p>").arg(escaped(option.summary)) +
                html::sectionTitle(QObject::tr("Estimated cost"));
    page.cost =
        html::workloadLine(state.workload()) +
        html::estimate(*state.costResults().estimateOf(option.id), state.costResults().currency) +
        html::pricesLine(state.prices());
    page.tail =
        section(QObject::tr("Who manages what"), responsibilityTable(catalog, option, theme));
    for (const QString& serviceId : option.stack) {
        const Service& service = *catalog.service(serviceId);
        page.tail +=
            section(QObject::tr("How %1 bills").arg(service.name), paragraph(service.billing));
    }
    if (const DeploymentOption* other = catalog.option(comparedWith)) {
        page.tail += section(QObject::tr("Compared with %1").arg(other->name),
                             html::responsibilityDifferences(catalog, option, *other));
    }
    return page;
}

QString categoryHtml(const Catalog& catalog, const Category& category)
{
    QString services = QStringLiteral("<ul>");
    for (const Service& service : catalog.services()) {
        if (service.isIn(category.id)) {
            services += QStringLiteral("<li>%1: %2</li>")
                            .arg(link(CatalogItem::service(service.id), service.name),
                                 escaped(service.summary));
        }
    }
    services += QStringLiteral("</ul>");
    return QStringLiteral("<h2>%1</h2>").arg(escaped(category.name)) +
           paragraph(category.description) + section(QObject::tr("Services"), services);
}

QString welcomeHtml(const Catalog& catalog)
{
    QString categories = QStringLiteral("<ul>");
    for (const Category& category : catalog.categories()) {
        categories += QStringLiteral("<li>%1: %2</li>")
                          .arg(link(CatalogItem::category(category.id), category.name),
                               escaped(category.description));
    }
    categories += QStringLiteral("</ul>");
    return QStringLiteral("<h2>%1</h2>").arg(QObject::tr("AWS compute options")) +
           paragraph(QObject::tr("Select a service or a deployment option in the tree or the "
                                 "diagram to see what it is, who manages each layer, how it "
                                 "bills and its limits.")) +
           section(QObject::tr("Categories"), categories);
}

} // namespace

DetailPane::DetailPane(ExplorerState& state, QWidget* parent)
    : QTextBrowser(parent)
    , m_state(state)
{
    setOpenLinks(false);
    setFrameShape(QFrame::NoFrame);
    document()->setDocumentMargin(12);
    connect(this, &QTextBrowser::anchorClicked, this, &DetailPane::followLink);
    connect(&m_state, &ExplorerState::currentChanged, this, &DetailPane::refresh);
    connect(&m_state, &ExplorerState::themeChanged, this, &DetailPane::refresh);
    // New results follow every change of the workload, the prices or the compared pair (whose
    // other option the pane names).
    connect(&m_state, &ExplorerState::costResultsChanged, this, &DetailPane::refresh);
    refresh();
}

QUrl DetailPane::linkTo(const CatalogItem& item)
{
    const QString kind = item.kind == CatalogItem::Kind::Option    ? QStringLiteral("option")
                         : item.kind == CatalogItem::Kind::Service ? QStringLiteral("service")
                                                                   : QStringLiteral("category");
    QUrl url;
    url.setScheme(internalScheme);
    url.setPath(kind + u'/' + item.id);
    return url;
}

void DetailPane::followLink(const QUrl& url)
{
    if (url.scheme() != internalScheme) {
        QDesktopServices::openUrl(url);
        return;
    }
    const QString kind = url.path().section(u'/', 0, 0);
    const QString id = url.path().section(u'/', 1);
    if (kind == QLatin1String("option"))
        m_state.setCurrent(CatalogItem::option(id));
    else if (kind == QLatin1String("service"))
        m_state.setCurrent(CatalogItem::service(id));
    else
        m_state.setCurrent(CatalogItem::category(id));
}

QString DetailPane::comparedWith(const QString& optionId) const
{
    if (optionId == m_state.comparedFirst())
        return m_state.comparedSecond();
    if (optionId == m_state.comparedSecond())
        return m_state.comparedFirst();
    return {};
}

void DetailPane::refresh()
{
    const Catalog& catalog = m_state.catalog();
    const CatalogItem current = m_state.current();
    const QString style = html::pageStyle(m_state.theme());
    Page page;
    switch (current.kind) {
    case CatalogItem::Kind::Service:
        page.head = style + serviceHtml(catalog, *catalog.service(current.id));
        break;
    case CatalogItem::Kind::Option:
        page = optionPage(m_state, *catalog.option(current.id), comparedWith(current.id));
        break;
    case CatalogItem::Kind::Category:
        page.head = style + categoryHtml(catalog, *catalog.category(current.id));
        break;
    case CatalogItem::Kind::None:
        page.head = style + welcomeHtml(catalog);
        break;
    }
    // Laying out the whole page is most of what an edit costs the pane: skip it when nothing
    // changed (a service's page, which shows no cost), and rewrite only the cost section when
    // that alone did.
    if (page == m_shown)
        return;
    const bool onlyCostChanged = page.head == m_shown.head && page.tail == m_shown.tail &&
                                 !page.cost.isEmpty() && !m_shown.cost.isEmpty();
    if (!onlyCostChanged || !replaceCostSection(style + page.cost))
        setHtml(page.head + page.cost + page.tail);
    m_shown = page;
}

bool DetailPane::replaceCostSection(const QString& costHtml)
{
    // The cost section is what lies between the page's first two sections' titles.
    QTextBlock title = document()->begin();
    while (title.isValid() && title.blockFormat().headingLevel() != html::sectionTitleLevel)
        title = title.next();
    QTextBlock nextTitle = title.isValid() ? title.next() : QTextBlock();
    while (nextTitle.isValid() && nextTitle.blockFormat().headingLevel() != html::sectionTitleLevel)
        nextTitle = nextTitle.next();
    if (!nextTitle.isValid())
        return false;
    QTextCursor cursor(document());
    cursor.beginEditBlock();
    cursor.setPosition(title.next().position());
    cursor.setPosition(nextTitle.position() - 1, QTextCursor::KeepAnchor);
    cursor.removeSelectedText();
    cursor.insertHtml(costHtml);
    cursor.endEditBlock();
    return true;
}

} // namespace ace::ui
