// SPDX-License-Identifier: MIT
#include "columnfacts.h"

#include "connection.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

// Where each fact comes from:
//
//   MariaDB  information_schema.COLUMNS.COLLATION_NAME ending in "_bin" -> binaryCollation
//            (CHAR(36) BINARY is stored as CHAR(36) with utf8mb4_bin).
//            information_schema.CHECK_CONSTRAINTS with CHECK_CLAUSE exactly
//            json_valid(`col`) -> jsonChecked on (TABLE_NAME, col). MySQL 8 has neither the
//            TABLE_NAME column there nor the need (its JSON is a real type): a failing
//            check query is not an error.
//   SQLite   the CREATE TABLE text of sqlite_schema, scanned outside strings, quoted names
//            and comments for CHECK ( <name> IN ( <string>, ... ) ) -> checkValues.
//   PostgreSQL  nothing: format_type already says uuid/json/jsonb, and LiveColumn has the
//            enum labels.

namespace Junction {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Junction::ColumnFacts", text);
}

bool run(QSqlQuery &query, const QString &sql, const QVariantList &params, QString *error)
{
    query.setForwardOnly(true);
    if (query.prepare(sql)) {
        for (int i = 0; i < params.size(); ++i)
            query.bindValue(i, params.at(i));
        if (query.exec())
            return true;
    }
    if (error)
        *error = tr("Reading column details failed: %1").arg(query.lastError().text());
    return false;
}

// One token of SQLite's SQL: enough to find CHECK (name IN ('a', 'b')).
struct Token
{
    enum Kind { Word, Name, String, Punct } kind = Punct;
    QString text; // unquoted for Name and String
};

QList<Token> tokenize(const QString &sql)
{
    QList<Token> tokens;
    const qsizetype n = sql.size();
    qsizetype i = 0;
    const auto isWordChar = [](QChar c) {
        return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('$');
    };
    while (i < n) {
        const QChar c = sql.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"') || c == QLatin1Char('`')) {
            // A doubled quote is the quote itself.
            Token t;
            t.kind = c == QLatin1Char('\'') ? Token::String : Token::Name;
            ++i;
            while (i < n) {
                if (sql.at(i) == c) {
                    if (i + 1 < n && sql.at(i + 1) == c) {
                        t.text += c;
                        i += 2;
                        continue;
                    }
                    break;
                }
                t.text += sql.at(i++);
            }
            ++i;
            tokens << t;
        } else if (c == QLatin1Char('[')) {
            const qsizetype end = sql.indexOf(QLatin1Char(']'), i + 1);
            tokens << Token {Token::Name, sql.mid(i + 1, (end < 0 ? n : end) - i - 1)};
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
            tokens << Token {Token::Word, sql.mid(start, i - start)};
        } else {
            tokens << Token {Token::Punct, QString(c)};
            ++i;
        }
    }
    return tokens;
}

bool isWord(const Token &t, QLatin1String word)
{
    return t.kind == Token::Word && t.text.compare(word, Qt::CaseInsensitive) == 0;
}

bool isPunct(const Token &t, char c)
{
    return t.kind == Token::Punct && t.text.size() == 1 && t.text.at(0) == QLatin1Char(c);
}

void readMySql(QSqlDatabase db, const QString &schema, ColumnFacts &facts, QString *error)
{
    QSqlQuery query(db);
    if (!run(query,
             QStringLiteral("SELECT TABLE_NAME, COLUMN_NAME, COLLATION_NAME "
                            "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? "
                            "AND COLLATION_NAME LIKE '%\\_bin'"),
             {schema}, error))
        return;
    while (query.next())
        facts(query.value(0).toString(), query.value(1).toString()).binaryCollation = true;

    static const QRegularExpression jsonValid(QStringLiteral("^json_valid\\(`((?:[^`]|``)+)`\\)$"),
                                              QRegularExpression::CaseInsensitiveOption
                                                  | QRegularExpression::DotMatchesEverythingOption);
    if (!run(query,
             QStringLiteral(
                 "SELECT TABLE_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS "
                 "WHERE CONSTRAINT_SCHEMA = ?"),
             {schema}, nullptr))
        return; // MySQL 8: no TABLE_NAME there, and JSON is a type of its own
    while (query.next()) {
        const auto match = jsonValid.match(query.value(1).toString().trimmed());
        if (match.hasMatch())
            facts(query.value(0).toString(),
                  match.captured(1).replace(QLatin1String("``"), QLatin1String("`")))
                .jsonChecked
                = true;
    }
}

void readSqlite(QSqlDatabase db, const QString &schema, ColumnFacts &facts, QString *error)
{
    // The catalog's name is statement text: one of two constants, never a user's name.
    const QString master = schema == QLatin1String("temp") ? QStringLiteral("sqlite_temp_schema")
                                                           : QStringLiteral("sqlite_schema");
    QSqlQuery query(db);
    if (!run(query,
             QStringLiteral("SELECT name, sql FROM ") + master
                 + QStringLiteral(" WHERE type = 'table' AND sql IS NOT NULL"),
             {}, error))
        return;
    while (query.next()) {
        const QString table = query.value(0).toString();
        const auto checks = ColumnFacts::sqliteCheckValues(query.value(1).toString());
        for (auto it = checks.begin(); it != checks.end(); ++it)
            facts(table, it.key()).checkValues = it.value();
    }
}

} // namespace

QHash<QString, QStringList> ColumnFacts::sqliteCheckValues(const QString &createTableSql)
{
    QHash<QString, QStringList> result;
    const QList<Token> tokens = tokenize(createTableSql);
    for (qsizetype i = 0; i + 6 < tokens.size(); ++i) {
        if (!isWord(tokens.at(i), QLatin1String("CHECK")) || !isPunct(tokens.at(i + 1), '('))
            continue;
        const Token &column = tokens.at(i + 2);
        if (column.kind != Token::Name && column.kind != Token::Word)
            continue;
        if (!isWord(tokens.at(i + 3), QLatin1String("IN")) || !isPunct(tokens.at(i + 4), '('))
            continue;
        QStringList values;
        qsizetype j = i + 5;
        bool ok = false;
        while (j < tokens.size() && tokens.at(j).kind == Token::String) {
            values << tokens.at(j).text;
            ++j;
            if (j < tokens.size() && isPunct(tokens.at(j), ',')) {
                ++j;
                continue;
            }
            ok = j + 1 < tokens.size() && isPunct(tokens.at(j), ')')
                && isPunct(tokens.at(j + 1), ')');
            break;
        }
        if (ok && !values.isEmpty())
            result.insert(column.text, values);
    }
    return result;
}

ColumnFacts ColumnFacts::read(const Connection &connection, const QString &schema, QString *error)
{
    if (error)
        error->clear();
    ColumnFacts facts;
    switch (connection.engine()) {
    case ConnectionSpec::Engine::MySql:
        readMySql(connection.database(), schema, facts, error);
        break;
    case ConnectionSpec::Engine::Sqlite:
        readSqlite(connection.database(), schema, facts, error);
        break;
    case ConnectionSpec::Engine::Postgres:
        break;
    }
    return facts;
}

} // namespace Junction
