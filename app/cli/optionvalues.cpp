#include "cli/optionvalues.h"

#include "catalog/catalog.h"

#include <QRegularExpression>

namespace ace::cli {

namespace {
// Beyond this, images and windows exhaust memory before they are useful.
constexpr int maximumSide = 16384;
} // namespace

std::optional<QSize> parseSize(const QString& text, int minimumSide)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,5})x(\\d{1,5})$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const QSize size(match.captured(1).toInt(), match.captured(2).toInt());
    const auto inRange = [minimumSide](int side) {
        return side >= minimumSide && side <= maximumSide;
    };
    if (!inRange(size.width()) || !inRange(size.height()))
        return std::nullopt;
    return size;
}

std::optional<ui::Theme::Kind> parseThemeKind(const QString& text)
{
    if (text == QLatin1String("light"))
        return ui::Theme::Kind::Light;
    if (text == QLatin1String("dark"))
        return ui::Theme::Kind::Dark;
    return std::nullopt;
}

CatalogItem findSelectable(const Catalog& catalog, const QString& id)
{
    if (catalog.option(id))
        return CatalogItem::option(id);
    if (catalog.service(id))
        return CatalogItem::service(id);
    return {};
}

ComparedPairResult parseComparedPair(const Catalog& catalog, const QString& text)
{
    const QStringList ids = text.split(u',');
    QStringList known;
    for (const DeploymentOption& option : catalog.options())
        known.append(option.id);
    const QString choices = QStringLiteral(" (options: ") + known.join(u", ") + u')';
    if (ids.size() != 2)
        return {std::nullopt,
                QStringLiteral("is not two option ids separated by a comma") + choices};
    for (const QString& id : ids) {
        if (!catalog.option(id)) {
            return {std::nullopt, QStringLiteral("names \"") + id +
                                      QStringLiteral("\", which is not an option id in ") +
                                      catalog.sourceName() + choices};
        }
    }
    if (ids.at(0) == ids.at(1))
        return {std::nullopt,
                QStringLiteral("compares an option with itself; name two different options")};
    return {ComparedPair{ids.at(0), ids.at(1)}, {}};
}

} // namespace ace::cli
