#include "cli/listcommand.h"

#include "catalog/catalog.h"
#include "cli/texttable.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace ace::cli {

namespace {

const QString stackArrow = QStringLiteral(" → ");

QJsonArray toJson(const QStringList& strings)
{
    return QJsonArray::fromStringList(strings);
}

QJsonObject serviceToJson(const Catalog& catalog, const Service& service)
{
    QJsonArray options;
    for (const DeploymentOption* option : catalog.optionsUsing(service.id))
        options.append(option->id);
    QJsonArray docs;
    for (const DocLink& link : service.docs) {
        docs.append(QJsonObject{{QStringLiteral("title"), link.title},
                                {QStringLiteral("url"), link.url.toString()}});
    }
    return {
        {QStringLiteral("id"), service.id},
        {QStringLiteral("name"), service.name},
        {QStringLiteral("category"), service.category},
        {QStringLiteral("otherCategories"), toJson(service.otherCategories)},
        {QStringLiteral("summary"), service.summary},
        {QStringLiteral("description"), service.description},
        {QStringLiteral("youManage"), toJson(service.youManage)},
        {QStringLiteral("awsManages"), toJson(service.awsManages)},
        {QStringLiteral("billing"), service.billing},
        {QStringLiteral("limits"), toJson(service.limits)},
        {QStringLiteral("typicalUses"), toJson(service.typicalUses)},
        {QStringLiteral("notFor"), toJson(service.notFor)},
        {QStringLiteral("docs"), docs},
        {QStringLiteral("runsOn"), toJson(service.runsOn)},
        {QStringLiteral("substrates"), toJson(catalog.substratesOf(service.id))},
        {QStringLiteral("usedByOptions"), options},
    };
}

QJsonObject optionToJson(const DeploymentOption& option)
{
    QJsonObject responsibility;
    for (const LayerResponsibility& entry : option.responsibilities) {
        responsibility.insert(entry.layer,
                              QJsonObject{{QStringLiteral("who"), responsibilityId(entry.who)},
                                          {QStringLiteral("why"), entry.why}});
    }
    return {
        {QStringLiteral("id"), option.id},
        {QStringLiteral("name"), option.name},
        {QStringLiteral("summary"), option.summary},
        {QStringLiteral("stack"), toJson(option.stack)},
        {QStringLiteral("responsibility"), responsibility},
    };
}

QJsonObject catalogToJson(const Catalog& catalog)
{
    QJsonArray categories;
    for (const Category& category : catalog.categories()) {
        categories.append(QJsonObject{{QStringLiteral("id"), category.id},
                                      {QStringLiteral("name"), category.name},
                                      {QStringLiteral("description"), category.description}});
    }
    QJsonArray layers;
    for (const Layer& layer : catalog.layers()) {
        layers.append(QJsonObject{{QStringLiteral("id"), layer.id},
                                  {QStringLiteral("name"), layer.name},
                                  {QStringLiteral("description"), layer.description}});
    }
    QJsonArray services;
    for (const Service& service : catalog.services())
        services.append(serviceToJson(catalog, service));
    QJsonArray options;
    for (const DeploymentOption& option : catalog.options())
        options.append(optionToJson(option));
    return {
        {QStringLiteral("catalog"), catalog.sourceName()},
        {QStringLiteral("categories"), categories},
        {QStringLiteral("layers"), layers},
        {QStringLiteral("services"), services},
        {QStringLiteral("options"), options},
    };
}

QString categoryNames(const Catalog& catalog, const Service& service)
{
    QStringList names = {catalog.category(service.category)->name};
    for (const QString& other : service.otherCategories)
        names.append(catalog.category(other)->name);
    return names.join(QStringLiteral(", "));
}

// As wide as the terminal: long cells wrap.
QString catalogToText(const Catalog& catalog)
{
    TextTable services({QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("CATEGORY"),
                        QStringLiteral("RUNS ON"), QStringLiteral("SUMMARY")});
    for (const Service& service : catalog.services()) {
        services.addRow({service.id, service.name, categoryNames(catalog, service),
                         service.runsOn.isEmpty() ? QStringLiteral("AWS infrastructure")
                                                  : service.runsOn.join(QStringLiteral(" or ")),
                         service.summary});
    }

    TextTable options({QStringLiteral("ID"), QStringLiteral("NAME"),
                       QStringLiteral("STACK (top to bottom)"), QStringLiteral("SUMMARY")});
    for (const DeploymentOption& option : catalog.options()) {
        options.addRow(
            {option.id, option.name,
             option.stack.join(stackArrow) + stackArrow + QStringLiteral("AWS infrastructure"),
             option.summary});
    }

    // Layers top to bottom, as a stack reads.
    QStringList header = {QStringLiteral("LAYER")};
    for (const DeploymentOption& option : catalog.options())
        header.append(option.id);
    TextTable responsibilities(header);
    const QList<Layer>& layers = catalog.layers();
    for (auto layer = layers.crbegin(); layer != layers.crend(); ++layer) {
        QStringList row = {layer->name};
        for (const DeploymentOption& option : catalog.options())
            row.append(responsibilityLabel(catalog.responsibility(option.id, layer->id)->who));
        responsibilities.addRow(row);
    }

    const int width = terminalWidth();
    return wrapText(QStringLiteral("Services (%1)").arg(catalog.sourceName()), width) +
           services.toString(width) + u'\n' +
           wrapText(QStringLiteral("Deployment options"), width) + options.toString(width) + u'\n' +
           wrapText(QStringLiteral("Who manages each layer (AWS, You, Shared; n/a: not part of "
                                   "the option)"),
                    width) +
           responsibilities.toString(width);
}

} // namespace

int runList(const QStringList& arguments, const CommandContext& context)
{
    QCommandLineParser parser;
    const QCommandLineOption jsonOption(QStringLiteral("json"));
    parser.addOption(jsonOption);
    if (!parseCommandArguments(parser, arguments, context.err))
        return ExitBadInput;

    if (parser.isSet(jsonOption)) {
        context.out << QString::fromUtf8(
            QJsonDocument(catalogToJson(context.catalog)).toJson(QJsonDocument::Indented));
    } else {
        context.out << catalogToText(context.catalog);
    }
    return ExitSuccess;
}

} // namespace ace::cli
