// SPDX-License-Identifier: MIT
#include "catalogreader.h"

#include "connection.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <utility>

// How each engine's catalog maps to LiveSchema
// =============================================
//
// Every engine is read with a fixed number of bulk queries for the whole schema, whatever
// the number of tables: PostgreSQL 5 (+ up to 4 to find the default schema and to save,
// pin and restore search_path), MariaDB 6 (+ 1 for the default database), SQLite 4. Rows are
// grouped by table name in C++. Names reach the server only as bound parameters; no
// statement text is ever built from a name, so hostile names (quotes, backticks,
// semicolons, newlines, Unicode, maximum-length names) need no escaping at all.
//
// Common to all engines:
//   - Tables are sorted by name in QString order (UTF-16 code units), not by the server's
//     collation, so the order is the same on every engine and machine.
//   - Columns keep ordinal order. Uniques and foreign keys are sorted by name, then by
//     column list; indexes by name.
//   - A default that is NULL (explicit or implicit; PostgreSQL stores an explicit one as
//     "NULL::type", MariaDB prints the word NULL) is reported as no default (empty
//     defaultExpression): engines disagree on whether they store it, and it means the
//     same thing everywhere.
//   - Referential actions are the SQL words CASCADE, SET NULL, SET DEFAULT, RESTRICT,
//     NO ACTION, exactly as the engine reports the rule that is in force.
//
// PostgreSQL (pg_catalog), for one schema (default current_schema()):
//   - Tables: pg_class with relkind 'r' or 'p' (partitioned), partitions excluded;
//     comment = obj_description(oid, 'pg_class').
//   - Columns: pg_attribute (attnum > 0, not dropped). nativeType = format_type(atttypid,
//     atttypmod), and defaultExpression = pg_get_expr(adbin) from pg_attrdef, both printed
//     while search_path is set to the schema being read. So types and sequences of that
//     schema come out unqualified ("mood", "'happy'::mood"), those of other schemas
//     qualified, whatever the caller's own search_path is. nullable = NOT attnotnull.
//     comment = the column's pg_description. enumValues = pg_enum labels by enumsortorder
//     when the column's type is an enum.
//   - autoIncrement: an identity column (attidentity 'a' or 'd'), or a SERIAL, that is a
//     default of the form nextval('...'::regclass); in that case the nextval default is
//     implied by autoIncrement and defaultExpression is left empty. Generated columns
//     (attgenerated) report no default.
//   - pg_constraint: 'p' -> primaryKey, 'u' -> uniques, 'f' -> foreignKeys; columns from
//     conkey/confkey in key order, named from the columns already read (a key into another
//     schema or a partition looks its names up in pg_attribute). confdeltype/confupdtype:
//     a = NO ACTION, r = RESTRICT, c = CASCADE, n = SET NULL, d = SET DEFAULT.
//     referencedSchema is set only when the referenced table lives in another schema.
//   - Indexes: pg_index, minus those that back a primary key, unique or exclusion
//     constraint of the same table (pg_constraint.conindid). A CREATE UNIQUE INDEX is an
//     index with unique = true, not a unique constraint. Key columns only (INCLUDE
//     columns are left out); an expression key is pg_get_indexdef's text for it.
//   - enums: every enum type of the schema, pg_type.typname -> labels.
//
// MariaDB / MySQL (information_schema), for one database (default DATABASE()):
//   - Tables: TABLES with TABLE_TYPE 'BASE TABLE'; comment = TABLE_COMMENT.
//   - Columns: COLUMNS. nativeType = COLUMN_TYPE ("int(11)", "enum('a','b')").
//     nullable = IS_NULLABLE = 'YES'. defaultExpression = COLUMN_DEFAULT, which MariaDB
//     (10.2.7+) prints as SQL: quoted literals ('x'), numbers (1.50), functions
//     (current_timestamp()), and the word NULL, which counts as no default.
//     autoIncrement = EXTRA contains auto_increment. comment = COLUMN_COMMENT.
//     enumValues are parsed from COLUMN_TYPE when DATA_TYPE is enum ('' and \\ unescaped).
//   - Constraints: TABLE_CONSTRAINTS gives the type (PRIMARY KEY, UNIQUE, FOREIGN KEY),
//     KEY_COLUMN_USAGE the columns in ORDINAL_POSITION order and the referenced columns,
//     REFERENTIAL_CONSTRAINTS the DELETE_RULE/UPDATE_RULE (MariaDB reports an unspecified
//     rule as RESTRICT). The three are joined in C++ on the exact (table, constraint) name
//     pair, so the case-insensitive collation of information_schema cannot mix up
//     tables "Foo" and "foo". MySQL makes every unique index a UNIQUE constraint, so
//     CREATE UNIQUE INDEX lands in uniques, and indexes only ever hold non-unique ones.
//   - Indexes: STATISTICS by SEQ_IN_INDEX, minus PRIMARY, minus unique constraints, minus
//     the index InnoDB creates by itself for a foreign key: a non-unique index with
//     exactly the foreign key's columns, named after the constraint or its first column.
//
// SQLite (sqlite_schema + pragma table-valued functions), schema "main" (default) or
//   "temp" (attached databases would need their name spelled in the statement):
//   - Tables: sqlite_schema rows of type 'table', minus the internal sqlite_% tables. No
//     comments in SQLite: always empty.
//   - Columns: pragma_table_info. nativeType = the declared type as SQLite reports it.
//     nullable = NOT "notnull" (SQLite lets non-INTEGER primary key columns hold NULL
//     unless declared NOT NULL, and says so). defaultExpression = dflt_value as written.
//     primaryKey = the columns with pk > 0, in pk order.
//   - autoIncrement: only the AUTOINCREMENT keyword counts, found in the CREATE TABLE text
//     outside strings, quoted names and comments, and given to the table's single
//     INTEGER PRIMARY KEY column. A bare INTEGER PRIMARY KEY is a rowid alias that may
//     reuse ids, so it is not reported as auto-increment.
//   - pragma_foreign_key_list: one row per column (grouped by id, ordered by seq). An
//     omitted referenced column list ("to" is NULL) means the parent's primary key.
//     SQLite keeps no constraint names: name is empty.
//   - pragma_index_list + pragma_index_info: origin 'pk' is the primary key (skipped),
//     'u' a UNIQUE constraint (uniques, name empty: SQLite only keeps its generated
//     sqlite_autoindex_ name), 'c' a CREATE [UNIQUE] INDEX (indexes). An expression key
//     has no column name and is reported as an empty string.

namespace Junction {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Junction::CatalogReader", text);
}

// Prepares, binds positionally and runs one catalog query.
bool runQuery(QSqlQuery &query, const QString &sql, const QVariantList &params, QString *error)
{
    query.setForwardOnly(true);
    if (query.prepare(sql)) {
        for (int i = 0; i < params.size(); ++i)
            query.bindValue(i, params.at(i));
        if (query.exec())
            return true;
    }
    if (error)
        *error = tr("Reading the database catalog failed: %1").arg(query.lastError().text());
    return false;
}

QString text(const QSqlQuery &query, int column)
{
    return query.value(column).toString();
}

QStringList jsonStringList(const QVariant &value)
{
    QStringList result;
    if (value.isNull())
        return result;
    const QJsonArray array = QJsonDocument::fromJson(value.toString().toUtf8()).array();
    for (const QJsonValue &item : array)
        result.append(item.toString());
    return result;
}

// The NULL default means "no default" on every engine (see the rules above). PostgreSQL
// keeps an explicit DEFAULT NULL as "NULL::type".
QString defaultText(const QVariant &value)
{
    if (value.isNull())
        return {};
    static const QRegularExpression nullDefault(
        QStringLiteral("^NULL(::.*)?$"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    const QString expression = value.toString();
    if (nullDefault.match(expression).hasMatch())
        return {};
    return expression;
}

// Collects tables while rows arrive, then sorts everything into LiveSchema's order.
class SchemaBuilder
{
public:
    LiveTable &add(const QString &name)
    {
        m_index.insert(name, int(m_tables.size()));
        m_tables.append(LiveTable {});
        m_tables.last().name = name;
        return m_tables.last();
    }

    // nullptr for rows of relations that are not tables (views, partitions, ...).
    LiveTable *find(const QString &name)
    {
        const auto it = m_index.constFind(name);
        return it == m_index.constEnd() ? nullptr : &m_tables[*it];
    }

    QList<LiveTable> &tables() { return m_tables; }

    QList<LiveTable> takeSorted()
    {
        for (LiveTable &table : m_tables) {
            std::sort(table.uniques.begin(), table.uniques.end(),
                      [](const LiveUnique &a, const LiveUnique &b) {
                          return a.name != b.name ? a.name < b.name : a.columns < b.columns;
                      });
            std::sort(table.indexes.begin(), table.indexes.end(),
                      [](const LiveIndex &a, const LiveIndex &b) { return a.name < b.name; });
            std::sort(table.foreignKeys.begin(), table.foreignKeys.end(),
                      [](const LiveForeignKey &a, const LiveForeignKey &b) {
                          return a.name != b.name ? a.name < b.name : a.columns < b.columns;
                      });
        }
        std::sort(m_tables.begin(), m_tables.end(),
                  [](const LiveTable &a, const LiveTable &b) { return a.name < b.name; });
        m_index.clear();
        return std::move(m_tables);
    }

private:
    QList<LiveTable> m_tables;
    QHash<QString, int> m_index;
};

// ---------------------------------------------------------------------------------------
// PostgreSQL

QString postgresAction(const QString &code)
{
    const QChar first = code.isEmpty() ? QChar() : code.at(0);
    switch (first.unicode()) {
    case 'a':
        return QStringLiteral("NO ACTION");
    case 'r':
        return QStringLiteral("RESTRICT");
    case 'c':
        return QStringLiteral("CASCADE");
    case 'n':
        return QStringLiteral("SET NULL");
    case 'd':
        return QStringLiteral("SET DEFAULT");
    default:
        return {};
    }
}

bool readPostgresCatalog(QSqlDatabase db, const QString &schema, LiveSchema &live, QString *error)
{
    SchemaBuilder builder;
    QSqlQuery query(db);

    if (!runQuery(query,
                  QStringLiteral("SELECT c.relname, COALESCE(pg_catalog.obj_description(c.oid, "
                                 "'pg_class'), '') "
                                 "FROM pg_catalog.pg_class c "
                                 "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                                 "WHERE n.nspname = ? AND c.relkind IN ('r', 'p') "
                                 "AND NOT c.relispartition"),
                  {schema}, error))
        return false;
    while (query.next())
        builder.add(text(query, 0)).comment = text(query, 1);

    // Comments by a join rather than col_description() per row, and enum labels only for
    // enum-typed columns: on 30,000 columns that halves the query.
    if (!runQuery(query,
                  QStringLiteral("SELECT c.relname, a.attname, "
                                 "pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull, "
                                 "pg_catalog.pg_get_expr(d.adbin, d.adrelid), a.attidentity::text, "
                                 "a.attgenerated::text, COALESCE(ds.description, ''), "
                                 "CASE WHEN t.typtype = 'e' THEN "
                                 "(SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder)::text "
                                 " FROM pg_catalog.pg_enum e WHERE e.enumtypid = a.atttypid) END, "
                                 "a.attrelid::bigint, a.attnum "
                                 "FROM pg_catalog.pg_attribute a "
                                 "JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
                                 "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                                 "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
                                 "LEFT JOIN pg_catalog.pg_attrdef d "
                                 "  ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                                 "LEFT JOIN pg_catalog.pg_description ds "
                                 "  ON ds.objoid = a.attrelid AND ds.objsubid = a.attnum "
                                 "  AND ds.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass "
                                 "WHERE n.nspname = ? AND c.relkind IN ('r', 'p') "
                                 "AND a.attnum > 0 AND NOT a.attisdropped "
                                 "ORDER BY a.attrelid, a.attnum"),
                  {schema}, error))
        return false;
    // (relation oid, attnum) -> column name, for the constraint keys below.
    QHash<quint64, QString> attributeNames;
    const auto attributeKey = [](qint64 relation, int attnum) {
        return (quint64(relation) << 16) | quint64(attnum & 0xffff);
    };
    static const QRegularExpression serialDefault(QStringLiteral("^nextval\\('.*'::regclass\\)$"),
                                                  QRegularExpression::DotMatchesEverythingOption);
    while (query.next()) {
        LiveTable *table = builder.find(text(query, 0));
        if (!table)
            continue;
        LiveColumn column;
        column.name = text(query, 1);
        column.nativeType = text(query, 2);
        column.nullable = !query.value(3).toBool();
        const bool generated = !text(query, 6).isEmpty();
        column.defaultExpression = generated ? QString() : defaultText(query.value(4));
        if (!text(query, 5).isEmpty()) {
            column.autoIncrement = true;
        } else if (serialDefault.match(column.defaultExpression).hasMatch()) {
            column.autoIncrement = true;
            column.defaultExpression.clear();
        }
        column.comment = text(query, 7);
        column.enumValues = jsonStringList(query.value(8));
        attributeNames.insert(attributeKey(query.value(9).toLongLong(), query.value(10).toInt()),
                              column.name);
        table->columns.append(column);
    }

    if (!runQuery(query,
                  QStringLiteral("SELECT t.typname, "
                                 "json_agg(e.enumlabel ORDER BY e.enumsortorder)::text "
                                 "FROM pg_catalog.pg_type t "
                                 "JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
                                 "JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid "
                                 "WHERE n.nspname = ? GROUP BY t.typname"),
                  {schema}, error))
        return false;
    while (query.next())
        live.enums.insert(text(query, 0), jsonStringList(query.value(1)));

    // Key columns come as attnum arrays, named from the columns just read; only a key that
    // references a table outside the schema (or a partition) has its names looked up here.
    if (!runQuery(query,
                  QStringLiteral("SELECT c.relname, k.conname, k.contype::text, k.conkey::text, "
                                 "rn.nspname, rc.relname, k.confkey::text, "
                                 "CASE WHEN rc.relnamespace <> c.relnamespace OR rc.relispartition "
                                 "THEN (SELECT json_agg(a.attname ORDER BY u.ord)::text "
                                 " FROM unnest(k.confkey) WITH ORDINALITY AS u(attnum, ord) "
                                 " JOIN pg_catalog.pg_attribute a "
                                 "   ON a.attrelid = k.confrelid AND a.attnum = u.attnum) END, "
                                 "k.confdeltype::text, k.confupdtype::text, "
                                 "k.conrelid::bigint, k.confrelid::bigint "
                                 "FROM pg_catalog.pg_constraint k "
                                 "JOIN pg_catalog.pg_class c ON c.oid = k.conrelid "
                                 "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                                 "LEFT JOIN pg_catalog.pg_class rc ON rc.oid = k.confrelid "
                                 "LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace "
                                 "WHERE n.nspname = ? AND k.contype IN ('p', 'u', 'f')"),
                  {schema}, error))
        return false;
    // "{1,3}" -> the names of those attributes of the relation.
    const auto keyNames = [&](qint64 relation, const QString &attnums) {
        QStringList names;
        const QStringList numbers
            = attnums.mid(1, attnums.size() - 2).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &number : numbers)
            names << attributeNames.value(attributeKey(relation, number.toInt()));
        return names;
    };
    while (query.next()) {
        LiveTable *table = builder.find(text(query, 0));
        if (!table)
            continue;
        const QString type = text(query, 2);
        const QStringList columns = keyNames(query.value(10).toLongLong(), text(query, 3));
        if (type == QLatin1String("p")) {
            table->primaryKey = columns;
        } else if (type == QLatin1String("u")) {
            table->uniques.append(LiveUnique {text(query, 1), columns});
        } else {
            LiveForeignKey key;
            key.name = text(query, 1);
            key.columns = columns;
            const QString referencedSchema = text(query, 4);
            if (referencedSchema != schema)
                key.referencedSchema = referencedSchema;
            key.referencedTable = text(query, 5);
            key.referencedColumns = query.value(7).isNull()
                ? keyNames(query.value(11).toLongLong(), text(query, 6))
                : jsonStringList(query.value(7));
            key.onDelete = postgresAction(text(query, 8));
            key.onUpdate = postgresAction(text(query, 9));
            table->foreignKeys.append(key);
        }
    }

    if (!runQuery(
            query,
            QStringLiteral("SELECT c.relname, ic.relname, x.indisunique, "
                           "(SELECT json_agg(CASE WHEN u.attnum = 0 "
                           "   THEN pg_catalog.pg_get_indexdef(x.indexrelid, u.ord::int, true) "
                           "   ELSE a.attname::text END ORDER BY u.ord)::text "
                           " FROM unnest(x.indkey) WITH ORDINALITY AS u(attnum, ord) "
                           " LEFT JOIN pg_catalog.pg_attribute a "
                           "   ON a.attrelid = x.indrelid AND a.attnum = u.attnum "
                           " WHERE u.ord <= x.indnkeyatts) "
                           "FROM pg_catalog.pg_index x "
                           "JOIN pg_catalog.pg_class c ON c.oid = x.indrelid "
                           "JOIN pg_catalog.pg_class ic ON ic.oid = x.indexrelid "
                           "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                           "WHERE n.nspname = ? AND NOT EXISTS ("
                           " SELECT 1 FROM pg_catalog.pg_constraint k "
                           " WHERE k.conindid = x.indexrelid AND k.conrelid = x.indrelid "
                           " AND k.contype IN ('p', 'u', 'x'))"),
            {schema}, error))
        return false;
    while (query.next()) {
        LiveTable *table = builder.find(text(query, 0));
        if (!table)
            continue;
        table->indexes.append(
            LiveIndex {text(query, 1), jsonStringList(query.value(3)), query.value(2).toBool()});
    }

    live.tables = builder.takeSorted();
    return true;
}

LiveSchema readPostgres(QSqlDatabase db, QString schema, QString *error)
{
    LiveSchema live;
    QSqlQuery query(db);
    if (schema.isEmpty()) {
        if (!runQuery(query, QStringLiteral("SELECT current_schema()"), {}, error))
            return {};
        if (!query.next() || query.value(0).isNull()) {
            if (error)
                *error = tr("The PostgreSQL search_path names no existing schema.");
            return {};
        }
        schema = text(query, 0);
    }
    live.schema = schema;

    // format_type() and pg_get_expr() qualify names that are not on the search_path, so
    // their text would depend on the caller's session. Pinning search_path to the schema
    // read makes it depend on that schema only. quote_ident() runs on the server, with
    // the name as a bound parameter.
    if (!runQuery(query, QStringLiteral("SELECT current_setting('search_path')"), {}, error)
        || !query.next())
        return {};
    const QString savedSearchPath = text(query, 0);
    if (!runQuery(query,
                  QStringLiteral("SELECT pg_catalog.set_config('search_path', "
                                 "pg_catalog.quote_ident(?), false)"),
                  {schema}, error))
        return {};
    query.finish();

    const bool ok = readPostgresCatalog(db, schema, live, error);

    QString restoreError;
    if (!runQuery(query, QStringLiteral("SELECT pg_catalog.set_config('search_path', ?, false)"),
                  {savedSearchPath}, &restoreError)
        && ok) {
        if (error)
            *error = restoreError;
        return {};
    }
    return ok ? live : LiveSchema {};
}

// ---------------------------------------------------------------------------------------
// MariaDB / MySQL

// enum('a','it''s','back\\slash') -> a, it's, back\slash
QStringList parseMySqlEnum(const QString &columnType)
{
    QStringList values;
    const qsizetype open = columnType.indexOf(QLatin1Char('('));
    if (open < 0)
        return values;
    QString current;
    bool inString = false;
    for (qsizetype i = open + 1; i < columnType.size(); ++i) {
        const QChar c = columnType.at(i);
        if (!inString) {
            if (c == QLatin1Char('\''))
                inString = true;
            else if (c == QLatin1Char(')'))
                break;
            continue;
        }
        if (c == QLatin1Char('\'')) {
            if (i + 1 < columnType.size() && columnType.at(i + 1) == QLatin1Char('\'')) {
                current += QLatin1Char('\'');
                ++i;
            } else {
                values.append(current);
                current.clear();
                inString = false;
            }
        } else if (c == QLatin1Char('\\') && i + 1 < columnType.size()) {
            const QChar next = columnType.at(++i);
            switch (next.unicode()) {
            case 'n':
                current += QLatin1Char('\n');
                break;
            case 't':
                current += QLatin1Char('\t');
                break;
            case 'r':
                current += QLatin1Char('\r');
                break;
            case '0':
                current += QChar(0);
                break;
            case 'Z':
                current += QChar(0x1a);
                break;
            default:
                current += next;
                break;
            }
        } else {
            current += c;
        }
    }
    return values;
}

LiveSchema readMySql(QSqlDatabase db, QString schema, QString *error)
{
    LiveSchema live;
    SchemaBuilder builder;
    QSqlQuery query(db);

    if (schema.isEmpty()) {
        if (!runQuery(query, QStringLiteral("SELECT DATABASE()"), {}, error))
            return {};
        if (!query.next() || query.value(0).isNull()) {
            if (error)
                *error = tr("The MariaDB connection has no current database.");
            return {};
        }
        schema = text(query, 0);
    }
    live.schema = schema;

    if (!runQuery(query,
                  QStringLiteral("SELECT TABLE_NAME, TABLE_COMMENT FROM information_schema.TABLES "
                                 "WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'"),
                  {schema}, error))
        return {};
    while (query.next())
        builder.add(text(query, 0)).comment = text(query, 1);

    if (!runQuery(query,
                  QStringLiteral("SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, "
                                 "COLUMN_DEFAULT, EXTRA, COLUMN_COMMENT, DATA_TYPE "
                                 "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? "
                                 "ORDER BY TABLE_NAME, ORDINAL_POSITION"),
                  {schema}, error))
        return {};
    while (query.next()) {
        LiveTable *table = builder.find(text(query, 0));
        if (!table)
            continue;
        LiveColumn column;
        column.name = text(query, 1);
        column.nativeType = text(query, 2);
        column.nullable = text(query, 3) == QLatin1String("YES");
        column.defaultExpression = defaultText(query.value(4));
        column.autoIncrement
            = text(query, 5).contains(QLatin1String("auto_increment"), Qt::CaseInsensitive);
        column.comment = text(query, 6);
        if (text(query, 7).compare(QLatin1String("enum"), Qt::CaseInsensitive) == 0)
            column.enumValues = parseMySqlEnum(column.nativeType);
        table->columns.append(column);
    }

    // Constraint types, keyed by the exact (table, constraint) pair.
    using Key = std::pair<QString, QString>;
    QHash<Key, QString> constraintTypes;
    if (!runQuery(query,
                  QStringLiteral("SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE "
                                 "FROM information_schema.TABLE_CONSTRAINTS "
                                 "WHERE TABLE_SCHEMA = ? AND CONSTRAINT_TYPE IN "
                                 "('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')"),
                  {schema}, error))
        return {};
    while (query.next())
        constraintTypes.insert({text(query, 0), text(query, 1)}, text(query, 2));

    QHash<Key, std::pair<QString, QString>> rules; // -> (DELETE_RULE, UPDATE_RULE)
    if (!runQuery(query,
                  QStringLiteral("SELECT TABLE_NAME, CONSTRAINT_NAME, DELETE_RULE, UPDATE_RULE "
                                 "FROM information_schema.REFERENTIAL_CONSTRAINTS "
                                 "WHERE CONSTRAINT_SCHEMA = ?"),
                  {schema}, error))
        return {};
    while (query.next())
        rules.insert({text(query, 0), text(query, 1)}, {text(query, 2), text(query, 3)});

    if (!runQuery(query,
                  QStringLiteral("SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, "
                                 "REFERENCED_TABLE_SCHEMA, REFERENCED_TABLE_NAME, "
                                 "REFERENCED_COLUMN_NAME "
                                 "FROM information_schema.KEY_COLUMN_USAGE "
                                 "WHERE TABLE_SCHEMA = ? "
                                 "ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION"),
                  {schema}, error))
        return {};
    // One row per column: the constraint is started by its first row, found again by key.
    QHash<Key, int> uniqueAt;
    QHash<Key, int> foreignKeyAt;
    while (query.next()) {
        LiveTable *table = builder.find(text(query, 0));
        const Key key {text(query, 0), text(query, 1)};
        const QString type = constraintTypes.value(key);
        if (!table || type.isEmpty())
            continue;
        const QString column = text(query, 2);
        if (type == QLatin1String("PRIMARY KEY")) {
            table->primaryKey.append(column);
        } else if (type == QLatin1String("UNIQUE")) {
            auto it = uniqueAt.constFind(key);
            if (it == uniqueAt.constEnd()) {
                it = uniqueAt.insert(key, int(table->uniques.size()));
                table->uniques.append(LiveUnique {key.second, {}});
            }
            table->uniques[*it].columns.append(column);
        } else {
            auto it = foreignKeyAt.constFind(key);
            if (it == foreignKeyAt.constEnd()) {
                it = foreignKeyAt.insert(key, int(table->foreignKeys.size()));
                LiveForeignKey foreignKey;
                foreignKey.name = key.second;
                const QString referencedSchema = text(query, 3);
                if (referencedSchema != schema)
                    foreignKey.referencedSchema = referencedSchema;
                foreignKey.referencedTable = text(query, 4);
                const auto rule = rules.value(key);
                foreignKey.onDelete = rule.first;
                foreignKey.onUpdate = rule.second;
                table->foreignKeys.append(foreignKey);
            }
            table->foreignKeys[*it].columns.append(column);
            table->foreignKeys[*it].referencedColumns.append(text(query, 5));
        }
    }

    if (!runQuery(query,
                  QStringLiteral("SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME "
                                 "FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? "
                                 "ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX"),
                  {schema}, error))
        return {};
    QHash<Key, int> indexAt;
    while (query.next()) {
        LiveTable *table = builder.find(text(query, 0));
        const Key key {text(query, 0), text(query, 1)};
        // PRIMARY and unique constraints are reported as such, not as indexes.
        if (!table || constraintTypes.contains(key))
            continue;
        auto it = indexAt.constFind(key);
        if (it == indexAt.constEnd()) {
            it = indexAt.insert(key, int(table->indexes.size()));
            table->indexes.append(LiveIndex {key.second, {}, query.value(2).toInt() == 0});
        }
        table->indexes[*it].columns.append(text(query, 3));
    }
    // The indexes InnoDB adds by itself to back a foreign key.
    for (LiveTable &table : builder.tables()) {
        table.indexes.erase(std::remove_if(table.indexes.begin(), table.indexes.end(),
                                           [&table](const LiveIndex &index) {
                                               if (index.unique)
                                                   return false;
                                               for (const LiveForeignKey &key : table.foreignKeys) {
                                                   if (key.columns == index.columns
                                                       && (index.name == key.name
                                                           || index.name == key.columns.value(0)))
                                                       return true;
                                               }
                                               return false;
                                           }),
                            table.indexes.end());
    }

    live.tables = builder.takeSorted();
    return live;
}

// ---------------------------------------------------------------------------------------
// SQLite

// True when `keyword` appears as a bare word in `sql`, outside string literals, quoted
// identifiers ("", ``, []) and comments, where a name like "AUTOINCREMENT" may hide.
bool containsKeyword(const QString &sql, QLatin1String keyword)
{
    const qsizetype n = sql.size();
    qsizetype i = 0;
    const auto isWordChar = [](QChar c) {
        return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('$');
    };
    while (i < n) {
        const QChar c = sql.at(i);
        if (c == QLatin1Char('\'') || c == QLatin1Char('"') || c == QLatin1Char('`')) {
            // Quoted text ends at the next lone quote; a doubled quote is part of it.
            ++i;
            while (i < n) {
                if (sql.at(i) == c) {
                    if (i + 1 < n && sql.at(i + 1) == c) {
                        i += 2;
                        continue;
                    }
                    break;
                }
                ++i;
            }
            ++i;
        } else if (c == QLatin1Char('[')) {
            const qsizetype end = sql.indexOf(QLatin1Char(']'), i + 1);
            i = end < 0 ? n : end + 1;
        } else if (c == QLatin1Char('-') && i + 1 < n && sql.at(i + 1) == QLatin1Char('-')) {
            const qsizetype end = sql.indexOf(QLatin1Char('\n'), i + 2);
            i = end < 0 ? n : end + 1;
        } else if (c == QLatin1Char('/') && i + 1 < n && sql.at(i + 1) == QLatin1Char('*')) {
            const qsizetype end = sql.indexOf(QLatin1String("*/"), i + 2);
            i = end < 0 ? n : end + 2;
        } else if (isWordChar(c)) {
            const qsizetype start = i;
            while (i < n && isWordChar(sql.at(i)))
                ++i;
            if (QStringView(sql).mid(start, i - start).compare(keyword, Qt::CaseInsensitive) == 0)
                return true;
        } else {
            ++i;
        }
    }
    return false;
}

LiveSchema readSqlite(QSqlDatabase db, QString schema, QString *error)
{
    if (schema.isEmpty())
        schema = QStringLiteral("main");
    // The catalog table's name is part of the statement text: only these two are allowed,
    // as constants, so no user-given name is ever spliced into SQL.
    QString master;
    if (schema == QLatin1String("main")) {
        master = QStringLiteral("sqlite_schema");
    } else if (schema == QLatin1String("temp")) {
        master = QStringLiteral("sqlite_temp_schema");
    } else {
        if (error)
            *error = tr("SQLite schema \"%1\" cannot be read: only \"main\" and \"temp\" are "
                        "supported.")
                         .arg(schema);
        return {};
    }
    // Internal tables (sqlite_sequence, sqlite_stat1, ...) are not the user's.
    const QString tableFilter = QStringLiteral(" WHERE m.type = 'table' AND m.name NOT LIKE "
                                               "'sqlite\\_%' ESCAPE '\\' ");

    LiveSchema live;
    live.schema = schema;
    SchemaBuilder builder;
    QSqlQuery query(db);

    QHash<QString, QString> createSql;
    if (!runQuery(query,
                  QStringLiteral("SELECT m.name, m.sql FROM ") + master + QStringLiteral(" AS m")
                      + tableFilter,
                  {}, error))
        return {};
    while (query.next()) {
        builder.add(text(query, 0));
        createSql.insert(text(query, 0), text(query, 1));
    }

    if (!runQuery(query,
                  QStringLiteral("SELECT m.name, p.name, p.type, p.\"notnull\", p.dflt_value, "
                                 "p.pk FROM ")
                      + master + QStringLiteral(" AS m JOIN pragma_table_info(m.name, ?) AS p")
                      + tableFilter + QStringLiteral("ORDER BY m.name, p.cid"),
                  {schema}, error))
        return {};
    QHash<QString, QList<std::pair<int, QString>>> primaryKeys; // table -> (pk position, column)
    while (query.next()) {
        LiveTable *table = builder.find(text(query, 0));
        if (!table)
            continue;
        LiveColumn column;
        column.name = text(query, 1);
        column.nativeType = text(query, 2);
        column.nullable = query.value(3).toInt() == 0;
        column.defaultExpression = defaultText(query.value(4));
        const int pkPosition = query.value(5).toInt();
        if (pkPosition > 0)
            primaryKeys[table->name].append({pkPosition, column.name});
        table->columns.append(column);
    }
    for (auto it = primaryKeys.begin(); it != primaryKeys.end(); ++it) {
        std::sort(it->begin(), it->end());
        LiveTable *table = builder.find(it.key());
        for (const auto &entry : std::as_const(*it))
            table->primaryKey.append(entry.second);
        // AUTOINCREMENT is only allowed on a lone INTEGER PRIMARY KEY, so finding the
        // keyword is enough to know which column it belongs to.
        if (table->primaryKey.size() == 1
            && containsKeyword(createSql.value(table->name), QLatin1String("AUTOINCREMENT"))) {
            for (LiveColumn &column : table->columns) {
                if (column.name == table->primaryKey.first()
                    && column.nativeType.compare(QLatin1String("INTEGER"), Qt::CaseInsensitive)
                        == 0)
                    column.autoIncrement = true;
            }
        }
    }

    if (!runQuery(query,
                  QStringLiteral("SELECT m.name, f.id, f.\"table\", f.\"from\", f.\"to\", "
                                 "f.on_update, f.on_delete FROM ")
                      + master
                      + QStringLiteral(" AS m JOIN pragma_foreign_key_list(m.name, ?) AS f")
                      + tableFilter + QStringLiteral("ORDER BY m.name, f.id, f.seq"),
                  {schema}, error))
        return {};
    QHash<std::pair<QString, int>, int> foreignKeyAt;
    while (query.next()) {
        LiveTable *table = builder.find(text(query, 0));
        if (!table)
            continue;
        const std::pair<QString, int> key {table->name, query.value(1).toInt()};
        auto it = foreignKeyAt.constFind(key);
        if (it == foreignKeyAt.constEnd()) {
            it = foreignKeyAt.insert(key, int(table->foreignKeys.size()));
            LiveForeignKey foreignKey;
            foreignKey.referencedTable = text(query, 2);
            foreignKey.onUpdate = text(query, 5);
            foreignKey.onDelete = text(query, 6);
            table->foreignKeys.append(foreignKey);
        }
        LiveForeignKey &foreignKey = table->foreignKeys[*it];
        foreignKey.columns.append(text(query, 3));
        // NULL "to": REFERENCES parent without a column list, i.e. parent's primary key.
        if (!query.value(4).isNull())
            foreignKey.referencedColumns.append(text(query, 4));
    }

    if (!runQuery(query,
                  QStringLiteral("SELECT m.name, il.name, il.\"unique\", il.origin, ii.name "
                                 "FROM ")
                      + master
                      + QStringLiteral(" AS m JOIN pragma_index_list(m.name, ?) AS il "
                                       "JOIN pragma_index_info(il.name, ?) AS ii")
                      + tableFilter + QStringLiteral("ORDER BY m.name, il.name, ii.seqno"),
                  {schema, schema}, error))
        return {};
    QHash<std::pair<QString, QString>, int> indexAt;
    QHash<std::pair<QString, QString>, int> uniqueAt;
    while (query.next()) {
        LiveTable *table = builder.find(text(query, 0));
        const QString origin = text(query, 3);
        if (!table || origin == QLatin1String("pk"))
            continue;
        const std::pair<QString, QString> key {table->name, text(query, 1)};
        if (origin == QLatin1String("u")) {
            auto it = uniqueAt.constFind(key);
            if (it == uniqueAt.constEnd()) {
                it = uniqueAt.insert(key, int(table->uniques.size()));
                table->uniques.append(LiveUnique {});
            }
            table->uniques[*it].columns.append(text(query, 4));
        } else {
            auto it = indexAt.constFind(key);
            if (it == indexAt.constEnd()) {
                it = indexAt.insert(key, int(table->indexes.size()));
                table->indexes.append(LiveIndex {key.second, {}, query.value(2).toInt() != 0});
            }
            table->indexes[*it].columns.append(text(query, 4));
        }
    }

    live.tables = builder.takeSorted();
    // Implicit referenced columns: the parent's primary key (known now that all is read).
    for (LiveTable &table : live.tables) {
        for (LiveForeignKey &foreignKey : table.foreignKeys) {
            if (!foreignKey.referencedColumns.isEmpty())
                continue;
            if (const LiveTable *parent = live.table(foreignKey.referencedTable))
                foreignKey.referencedColumns = parent->primaryKey;
        }
    }
    return live;
}

} // namespace

const LiveColumn *LiveTable::column(const QString &name) const
{
    for (const LiveColumn &candidate : columns) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

const LiveTable *LiveSchema::table(const QString &name) const
{
    for (const LiveTable &candidate : tables) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

LiveSchema CatalogReader::read(const Connection &connection, const QString &schema, QString *error)
{
    if (error)
        error->clear();
    QSqlDatabase db = connection.database();
    if (!db.isOpen()) {
        if (error)
            *error = tr("The database connection is not open.");
        return {};
    }
    switch (connection.engine()) {
    case ConnectionSpec::Engine::Postgres:
        return readPostgres(db, schema, error);
    case ConnectionSpec::Engine::MySql:
        return readMySql(db, schema, error);
    case ConnectionSpec::Engine::Sqlite:
        return readSqlite(db, schema, error);
    }
    return {};
}

} // namespace Junction
