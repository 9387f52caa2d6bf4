#pragma once

#include <QMetaType>
#include <QString>

namespace ace {

// A reference to one thing in the catalog that a user can select: a category, a service or a
// deployment option. Views exchange these instead of pointers, so they survive a reload.
struct CatalogItem
{
    enum class Kind { None, Category, Service, Option };

    Kind kind = Kind::None;
    QString id;

    static CatalogItem category(const QString& id) { return {Kind::Category, id}; }
    static CatalogItem service(const QString& id) { return {Kind::Service, id}; }
    static CatalogItem option(const QString& id) { return {Kind::Option, id}; }

    bool isNull() const { return kind == Kind::None; }
    friend bool operator==(const CatalogItem& a, const CatalogItem& b)
    {
        return a.kind == b.kind && a.id == b.id;
    }
    friend bool operator!=(const CatalogItem& a, const CatalogItem& b) { return !(a == b); }
};

} // namespace ace

Q_DECLARE_METATYPE(ace::CatalogItem)
