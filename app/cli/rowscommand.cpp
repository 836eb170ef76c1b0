// SPDX-License-Identifier: MIT
// junction-cli rows FILE --db URL MODEL [KEY [ASSOCIATION]]: browse a database from a row
// along its associations.
//
//   no KEY            the model's rows (--where, --limit, --offset), in primary key order
//   KEY               that row; exit 1 when it does not exist
//   KEY ASSOCIATION   the rows the association's get accessor returns (--where filters the
//                     target rows, --limit/--offset page them); belongsToMany rows also
//                     show the junction's own columns (through model attributes)
//
// ASSOCIATION is the name Sequelize registers it under on MODEL (Pictures, ProfilePicture),
// its get accessor (getPictures), MODEL.name, or the association id. KEY is the primary key
// value, or a JSON object of the key columns for a composite key. --where col=value takes a
// column or attribute name; NULL means SQL NULL. Exit codes: 0 ok, 1 the project has errors
// or the row does not exist, 2 usage, connection or database error.
#include "clicommands.h"

#include "rowtable.h"

#include "connectionurl.h"
#include "jsonprinter.h"
#include "relatedrows.h"
#include "validator.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Junction {

namespace {

const QString nullWord = QStringLiteral("NULL");

Dialect::Kind dialectOf(ConnectionSpec::Engine engine)
{
    switch (engine) {
    case ConnectionSpec::Engine::Sqlite:
        return Dialect::Kind::Sqlite;
    case ConnectionSpec::Engine::Postgres:
        return Dialect::Kind::Postgres;
    case ConnectionSpec::Engine::MySql:
        return Dialect::Kind::MySql;
    }
    return Dialect::Kind::Sqlite;
}

const ResolvedTable *findTable(const ResolvedSchema &schema, const QString &name)
{
    if (const ResolvedTable *t = schema.tableForEntity(name))
        return t;
    return schema.table(name);
}

// By id, by the name Sequelize registers on the source, by its get accessor, by
// Source.name; then the same names case-insensitively when that is unambiguous.
const ResolvedAssociation *findAssociation(const ResolvedSchema &schema,
                                           const ResolvedTable &source, const QString &wanted)
{
    const auto names = [&](const ResolvedAssociation &a) {
        return QStringList {a.as, a.accessors().value(0), a.source + QLatin1Char('.') + a.as};
    };
    for (const ResolvedAssociation &a : schema.associations) {
        if (a.id.toString() == wanted)
            return &a;
    }
    QList<const ResolvedAssociation *> loose;
    for (const ResolvedAssociation &a : schema.associations) {
        if (a.sourceTable != source.name)
            continue;
        if (names(a).contains(wanted))
            return &a;
        if (names(a).contains(wanted, Qt::CaseInsensitive))
            loose << &a;
    }
    return loose.size() == 1 ? loose.first() : nullptr;
}

// A command-line key: the value typed for the one key column, or a JSON object.
std::optional<RowRef> parseKey(const ResolvedTable &table, const QString &text, QString *error)
{
    if (text.startsWith(QLatin1Char('{'))) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
        if (!doc.isObject()) {
            *error = QStringLiteral("KEY '%1' is not a JSON object: %2")
                         .arg(text, parseError.errorString());
            return std::nullopt;
        }
        Row key;
        const QJsonObject object = doc.object();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const ResolvedColumn *c = table.column(it.key());
            key.insert(it.key(),
                       it.value().isString() && c
                           ? RelatedRows::valueFromText(*c, it.value().toString())
                           : it.value().toVariant());
        }
        return RowRef(key);
    }
    if (table.primaryKey.size() != 1) {
        *error = QStringLiteral("%1 has a composite primary key (%2): give KEY as a JSON object, "
                                "e.g. '{\"%3\": 1, ...}'")
                     .arg(table.name, table.primaryKey.join(QLatin1String(", ")),
                          table.primaryKey.value(0));
        return std::nullopt;
    }
    const ResolvedColumn *c = table.column(table.primaryKey.first());
    return RowRef(c ? RelatedRows::valueFromText(*c, text) : QVariant(text));
}

void printJsonValue(JsonPrinter &p, const ResolvedColumn *column, const QVariant &value)
{
    if (value.isNull()) {
        p.null();
        return;
    }
    const QString text = RowTable::cell(column, value);
    if (column && column->type.kind == DataType::Kind::Boolean) {
        p.boolean(text == QLatin1String("true"));
        return;
    }
    if (RowTable::isNumeric(column)) {
        bool ok = false;
        const double number = value.toString().toDouble(&ok);
        if (ok && column->type.kind != DataType::Kind::Decimal) {
            p.number(number);
            return;
        }
    }
    p.string(text); // DECIMAL stays text, as Sequelize returns it: no binary rounding
}

void printJsonRows(JsonPrinter &p, const ResolvedTable &table, const QStringList &columns,
                   const QList<Row> &rows)
{
    p.array([&] {
        for (const Row &row : rows) {
            p.object([&] {
                for (const QString &c : columns) {
                    p.key(c);
                    printJsonValue(p, table.column(c), row.value(c));
                }
            });
        }
    });
}

// What the command shows: rows of `table`, reached from `source` (a row of `model`) by
// `association` when one is given.
struct Listing
{
    const ResolvedTable *model = nullptr;
    const ResolvedAssociation *association = nullptr;
    Row source;
    const ResolvedTable *table = nullptr;
    QStringList columns;
    QList<Row> rows;
    const ResolvedTable *through = nullptr; // belongsToMany: junction columns shown too
    QStringList throughColumns;
    QList<Row> throughRows;
};

QString plainText(const Listing &l)
{
    QStringList headers = l.columns;
    QList<bool> right;
    for (const QString &c : l.columns)
        right << RowTable::isNumeric(l.table->column(c));
    for (const QString &c : l.throughColumns) {
        headers << (l.through->entityName.isEmpty() ? l.through->name : l.through->entityName)
                + QLatin1Char('.') + c;
        right << RowTable::isNumeric(l.through->column(c));
    }
    RowTable table(headers, right);
    for (int i = 0; i < l.rows.size(); ++i) {
        QStringList cells;
        for (const QString &c : l.columns)
            cells << RowTable::cell(l.table->column(c), l.rows.at(i).value(c));
        for (const QString &c : l.throughColumns)
            cells << RowTable::cell(l.through->column(c), l.throughRows.value(i).value(c));
        table.addRow(cells);
    }
    return table.text()
        + (l.rows.size() == 1 ? QStringLiteral("(1 row)\n")
                              : QStringLiteral("(%1 rows)\n").arg(l.rows.size()));
}

// --where COLUMN=VALUE terms as equality conditions, the value typed for its column. An
// unknown column is left for RelatedRows to refuse with the list of columns.
bool addWhereTerms(const QStringList &terms, const ResolvedTable &table, RowQuery *query,
                   QString *error)
{
    for (const QString &term : terms) {
        const qsizetype eq = term.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            *error = QStringLiteral("--where needs COLUMN=VALUE, not '%1'").arg(term);
            return false;
        }
        const QString column = term.left(eq);
        const QString text = term.mid(eq + 1);
        const ResolvedColumn *c = table.column(column);
        for (const ResolvedColumn &candidate : table.columns) {
            if (!c && candidate.attribute == column)
                c = &candidate;
        }
        QVariant value;
        if (text != nullWord)
            value = c ? RelatedRows::valueFromText(*c, text) : QVariant(text);
        query->where << Condition(column, value);
    }
    return true;
}

// Deterministic JSON: keys in a fixed order, columns in table order.
QString jsonText(const Listing &l)
{
    JsonPrinter p;
    p.expandNext();
    p.object([&] {
        p.key(QLatin1String("model"));
        p.string(l.table->entityName.isEmpty() ? l.table->name : l.table->entityName);
        p.key(QLatin1String("table"));
        p.string(l.table->name);
        if (l.association) {
            p.key(QLatin1String("from"));
            p.object([&] {
                p.key(QLatin1String("model"));
                p.string(l.association->source);
                p.key(QLatin1String("key"));
                p.object([&] {
                    for (const QString &c : l.model->primaryKey) {
                        p.key(c);
                        printJsonValue(p, l.model->column(c), l.source.value(c));
                    }
                });
                p.key(QLatin1String("association"));
                p.string(l.association->id.toString());
                p.key(QLatin1String("type"));
                p.string(associationTypeName(l.association->type));
                p.key(QLatin1String("as"));
                p.string(l.association->as);
            });
        }
        p.key(QLatin1String("columns"));
        p.array([&] {
            for (const QString &c : std::as_const(l.columns))
                p.string(c);
        });
        p.key(QLatin1String("rows"));
        printJsonRows(p, *l.table, l.columns, l.rows);
        if (l.through) {
            p.key(QLatin1String("through"));
            QStringList all;
            for (const ResolvedColumn &c : l.through->columns)
                all << c.name;
            printJsonRows(p, *l.through, all, l.throughRows);
        }
        p.key(QLatin1String("count"));
        p.number(double(l.rows.size()));
    });
    return QString::fromUtf8(p.finish());
}

} // namespace

int runRowsCommand(CliContext &cli, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Browse a database's rows along the project's associations: a model's rows, one row "
        "by its key, or the rows an association links to it (what Sequelize's get accessor "
        "returns)."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this command's help."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Machine-readable JSON output."));
    const QCommandLineOption where(QStringLiteral("where"),
                                   QStringLiteral("Only rows whose COLUMN equals VALUE (NULL: "
                                                  "SQL NULL); repeat for AND."),
                                   QStringLiteral("COLUMN=VALUE"));
    const QCommandLineOption limit(QStringLiteral("limit"), QStringLiteral("At most N rows."),
                                   QStringLiteral("N"));
    const QCommandLineOption offset(QStringLiteral("offset"),
                                    QStringLiteral("Skip the first N rows."), QStringLiteral("N"));
    parser.addOption(help);
    parser.addOption(json);
    parser.addOption(where);
    parser.addOption(limit);
    parser.addOption(offset);
    cli.addDatabaseOptions(parser);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A *.junction.json file."));
    parser.addPositionalArgument(QStringLiteral("MODEL"),
                                 QStringLiteral("A model (or table) name."));
    parser.addPositionalArgument(QStringLiteral("KEY"),
                                 QStringLiteral("A primary key value; a JSON object for a "
                                                "composite key."),
                                 QStringLiteral("[KEY"));
    parser.addPositionalArgument(QStringLiteral("ASSOCIATION"),
                                 QStringLiteral("Follow this association from the row: Pictures, "
                                                "getPictures, User.Pictures or its id."),
                                 QStringLiteral("[ASSOCIATION]]"));
    if (!parser.parse(arguments))
        return cli.usage(parser.errorText());
    if (parser.isSet(help)) {
        cli.out << CliContext::commandHelp(parser, QStringLiteral("rows"));
        cli.out.flush();
        return CliContext::Ok;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2 || positional.size() > 4)
        return cli.usage(QStringLiteral("rows takes FILE MODEL [KEY [ASSOCIATION]]"));
    const bool asJson = parser.isSet(json);
    const bool listing = positional.size() != 3;
    if (!listing && (parser.isSet(where) || parser.isSet(limit) || parser.isSet(offset)))
        return cli.usage(QStringLiteral("--where, --limit and --offset apply to lists: give no "
                                        "KEY, or KEY and ASSOCIATION"));
    RowQuery query;
    for (const QString &name : {QStringLiteral("limit"), QStringLiteral("offset")}) {
        if (!parser.isSet(name))
            continue;
        bool ok = false;
        const int n = parser.value(name).toInt(&ok);
        if (!ok || n < 0)
            return cli.usage(QStringLiteral("--%1 needs a number of rows, not '%2'")
                                 .arg(name, parser.value(name)));
        (name == QLatin1String("limit") ? query.limit : query.offset) = n;
    }

    const QString file = positional.at(0);
    int exitCode = CliContext::Ok;
    const auto loaded = cli.load(file, false, &exitCode);
    if (!loaded)
        return exitCode;
    const ResolvedSchema schema = resolve(loaded->project);
    const ResolvedTable *model = findTable(schema, positional.at(1));
    if (!model) {
        QStringList known;
        for (const ResolvedTable &t : schema.tables)
            known << (t.entityName.isEmpty() ? t.name : t.entityName);
        cli.err << file << ": error[unknown-model]: no model '" << positional.at(1)
                << "'; the project has: " << known.join(QLatin1String(", ")) << "\n";
        cli.err.flush();
        return CliContext::UsageOrIo;
    }
    const ResolvedAssociation *association = nullptr;
    if (positional.size() == 4) {
        association = findAssociation(schema, *model, positional.at(3));
        if (!association || association->sourceTable != model->name) {
            QStringList known;
            for (const ResolvedAssociation &a : schema.associations) {
                if (a.sourceTable == model->name)
                    known << a.as + QStringLiteral(" (") + a.id.toString() + QLatin1Char(')');
            }
            cli.err << file << ": error[unknown-association]: "
                    << (association
                            ? QStringLiteral("association '%1' starts at %2, not %3")
                                  .arg(positional.at(3), association->source, positional.at(1))
                            : QStringLiteral("%1 has no association '%2'")
                                  .arg(positional.at(1), positional.at(3)))
                    << "; " << positional.at(1) << " has: "
                    << (known.isEmpty() ? QStringLiteral("none") : known.join(QLatin1String(", ")))
                    << "\n";
            cli.err.flush();
            return CliContext::UsageOrIo;
        }
    }

    ConnectionSpec spec;
    auto connection = cli.openDatabase(parser, &exitCode, &spec);
    if (!connection)
        return exitCode;
    const Diagnostics diagnostics
        = validateProject(loaded->project, schema, {dialectOf(spec.engine)});
    if (hasErrors(diagnostics)) {
        cli.printDiagnostics(file, diagnostics, loaded->bytes, false);
        return CliContext::ProjectErrors;
    }
    RelatedRows rows(*connection, schema);

    const auto databaseError = [&](const QString &message) {
        cli.err << ConnectionUrl::display(spec) << ": error[rows]: " << message << "\n";
        cli.err.flush();
        return CliContext::UsageOrIo;
    };

    Listing l;
    l.model = model;
    l.association = association;
    l.table = association ? schema.table(association->targetTable) : model;
    QString whereError;
    if (!addWhereTerms(parser.values(where), *l.table, &query, &whereError))
        return cli.usage(whereError);

    std::optional<RowRef> key;
    Row source;
    if (positional.size() >= 3) {
        QString error;
        key = parseKey(*model, positional.at(2), &error);
        if (!key)
            return cli.usage(error);
        const auto found = rows.find(model->name, *key);
        if (!found.ok())
            return databaseError(found.error);
        if (!found.value) {
            cli.err << ConnectionUrl::display(spec)
                    << ": error[no-row]: " << rows.describeRow(*model, *key) << " does not exist\n";
            cli.err.flush();
            return CliContext::ProjectErrors;
        }
        source = *found.value;
        l.source = source;
    }

    QString heading;
    if (!association && key) {
        l.rows << source;
        for (const ResolvedColumn &c : model->columns)
            l.columns << c.name;
    } else if (!association) {
        const auto result = rows.list(model->name, query);
        if (!result.ok())
            return databaseError(result.error);
        l.columns = result.value.columns;
        l.rows = result.value.rows;
    } else {
        const auto result = rows.get(association->id, source, query);
        if (!result.ok())
            return databaseError(result.error);
        l.columns = result.value.columns;
        l.rows = result.value.rows;
        if (association->type == AssociationType::BelongsToMany) {
            // Only what the junction adds: its keys repeat the rows, its timestamps are noise.
            l.through = schema.table(association->throughTable);
            for (const ResolvedColumn &c : l.through->columns) {
                if (c.origin != ResolvedColumn::Origin::Timestamp
                    && c.name != association->foreignKeyColumn
                    && c.name != association->otherKeyColumn)
                    l.throughColumns << c.name;
            }
            l.throughRows = result.value.through;
        }
        heading = QStringLiteral("%1 -> %2 (%3.%4(%5))\n")
                      .arg(rows.describeRow(*model, *key), association->as, association->source,
                           associationTypeName(association->type), association->target);
    }

    if (asJson) {
        cli.out << jsonText(l);
    } else if (!association && key) {
        QStringList values;
        for (const QString &c : std::as_const(l.columns))
            values << RowTable::cell(model->column(c), source.value(c));
        cli.out << RowTable::record(l.columns, values);
    } else {
        cli.out << heading << plainText(l);
    }
    cli.out.flush();
    return CliContext::Ok;
}

} // namespace Junction
