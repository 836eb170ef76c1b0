// SPDX-License-Identifier: MIT
#include "accessors.h"

#include "inflection.h"

namespace Junction {

QStringList accessorNames(AssociationType type, const QString &singular, const QString &plural)
{
    const QString s = Inflection::upperFirst(singular);
    const QString p = Inflection::upperFirst(plural);
    QStringList names;
    auto add = [&](const char *verb, const QString &noun) {
        const QString name = QLatin1String(verb) + noun;
        if (!names.contains(name))
            names << name;
    };
    if (type == AssociationType::BelongsTo || type == AssociationType::HasOne) {
        add("get", s);
        add("set", s);
        add("create", s);
        return names;
    }
    add("get", p);
    add("set", p);
    add("add", p);
    add("add", s);
    add("create", s);
    add("remove", s);
    add("remove", p);
    add("has", s);
    add("has", p);
    add("count", p);
    return names;
}

} // namespace Junction
