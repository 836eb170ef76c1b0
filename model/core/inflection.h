// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Junction::Inflection {

// Sequelize v4's string helpers, bit for bit: the rule tables of the `inflection` 1.12.0
// package and Sequelize's own camelize/underscore (see inflection.cpp for the rules).

QString pluralize(const QString &word);
QString singularize(const QString &word);
// inflection.underscore: `_` before every ASCII capital, one leading `_` stripped, lower-cased.
QString underscore(const QString &word);
// Sequelize's Utils.camelize: every run of [-_\s]+ plus the next char becomes that char
// upper-cased; the first char keeps its case.
QString camelize(const QString &word);
QString camelize(QStringView word); // the same, for text not held in a QString
QString upperFirst(const QString &word);

inline QString underscoredIf(const QString &word, bool condition)
{
    return condition ? underscore(word) : word;
}
inline QString camelizeIf(const QString &word, bool condition)
{
    return condition ? camelize(word) : word;
}

} // namespace Junction::Inflection
