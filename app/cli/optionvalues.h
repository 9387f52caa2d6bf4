#pragma once

#include "catalog/catalogitem.h"
#include "ui/theme.h"

#include <QSize>
#include <QString>

#include <optional>

namespace ace {
class Catalog;
}

namespace ace::cli {

// Values of command-line options shared by several commands. Each returns nullopt (or a null
// item) for text it does not accept; the caller reports the error with the option's name.

// "WxH", each side between `minimumSide` and 16384 pixels.
std::optional<QSize> parseSize(const QString& text, int minimumSide);
// "light" or "dark".
std::optional<ui::Theme::Kind> parseThemeKind(const QString& text);
// An option id or, failing that, a service id.
CatalogItem findSelectable(const Catalog& catalog, const QString& id);

// `--compare A,B`: two different deployment option ids of the catalog.
struct ComparedPair
{
    QString first;
    QString second;
};
// The pair, or why the text is not one (to follow the quoted value in a message).
struct ComparedPairResult
{
    std::optional<ComparedPair> pair;
    QString reason;
};
ComparedPairResult parseComparedPair(const Catalog& catalog, const QString& text);

} // namespace ace::cli
