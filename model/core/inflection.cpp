// SPDX-License-Identifier: MIT
#include "inflection.h"
// Placeholder until the rule tables land.
namespace Junction::Inflection {
QString pluralize(const QString &word) { return word + QLatin1Char('s'); }
QString singularize(const QString &word) { return word; }
QString underscore(const QString &word) { return word.toLower(); }
QString camelize(const QString &word) { return word; }
QString upperFirst(const QString &word) { return word.isEmpty() ? word : word.at(0).toUpper() + word.mid(1); }
}
