// SPDX-License-Identifier: MIT
#include "rowupdate.h"

#include "rowwork.h"

#include <QCoreApplication>

namespace Junction {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Junction::RowUpdate", text);
}

const Dialect &dialectOf(const Connection &connection)
{
    switch (connection.engine()) {
    case ConnectionSpec::Engine::Postgres:
        return Dialect::get(Dialect::Kind::Postgres);
    case ConnectionSpec::Engine::MySql:
        return Dialect::get(Dialect::Kind::MySql);
    case ConnectionSpec::Engine::Sqlite:
        break;
    }
    return Dialect::get(Dialect::Kind::Sqlite);
}

bool isText(const ResolvedColumn &column)
{
    using K = DataType::Kind;
    switch (column.type.kind) {
    case K::String:
    case K::Char:
    case K::Text:
        return true;
    default:
        return false;
    }
}

} // namespace

RowsResult<qint64> RowUpdate::update(const Connection &connection, const ResolvedSchema &schema,
                                     const QString &tableName, const RowRef &key,
                                     const Row &values)
{
    RowWork w(schema, connection.name(), dialectOf(connection));
    const ResolvedTable *t = w.table(tableName);
    QVariantList k;
    Row columns;
    if (!t || !w.keyOf(*t, key, &k))
        return w.result<qint64>();
    if (!w.normalise(*t, values, &columns)) {
        w.fail(tr("%1 has no column named in %2.")
                   .arg(t->name, values.keys().join(QLatin1String(", "))));
        return w.result<qint64>();
    }
    if (columns.isEmpty())
        return w.result<qint64>(0);

    RowTransaction transaction(w.sql.database());
    if (!transaction.begin(&w.failure))
        return w.result<qint64>();
    SqlBuilder s;
    s << QLatin1String("UPDATE ") << w.sql.quote(t->name) << QLatin1String(" SET ");
    bool first = true;
    for (auto it = columns.cbegin(); it != columns.cend(); ++it) {
        if (!first)
            s << QLatin1String(", ");
        first = false;
        s << w.sql.quote(it.key()) << QLatin1String(" = ");
        s.bind(it.value());
    }
    const ResolvedColumn *updated = RowWork::timestamp(*t, "updatedAt");
    if (updated && !columns.contains(updated->name))
        w.appendTouch(s, *t);
    s << QLatin1String(" WHERE ");
    w.appendKeyMatch(s, *t, k);
    qint64 written = 0;
    if (!w.run(s, &written))
        return w.result<qint64>();
    // MariaDB counts changed rows, not matched ones: an update to the same value is 0 there.
    if (written > 1) {
        w.fail(tr("The update of %1 %2 would change %3 rows; nothing was changed.")
                   .arg(RowWork::modelName(*t), RowWork::keyText(k))
                   .arg(written));
        return w.result<qint64>();
    }
    if (!transaction.commit(&w.failure))
        return w.result<qint64>();
    return w.result(written);
}

QString RowLabel::labelColumn(const ResolvedTable &table)
{
    static const char *const preferred[]
        = {"name",  "title", "label", "fullName", "full_name", "displayName", "display_name",
           "username", "email", "slug", "sku", "code"};
    for (const char *name : preferred) {
        for (const ResolvedColumn &c : table.columns) {
            if (isText(c)
                && (c.name.compare(QLatin1String(name), Qt::CaseInsensitive) == 0
                    || c.attribute.compare(QLatin1String(name), Qt::CaseInsensitive) == 0))
                return c.name;
        }
    }
    return {};
}

} // namespace Junction
