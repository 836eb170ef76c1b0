// SPDX-License-Identifier: MIT
#include "changedescription.h"

#include "rowpagemodel.h"
#include "rowupdate.h"

#include <QCoreApplication>

namespace Junction {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Junction::ChangeDescription", text);
}

QString literal(const QVariant &value)
{
    if (value.isNull())
        return QStringLiteral("NULL");
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
    case QMetaType::Double:
        return value.toString();
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return QLatin1Char('\'') + value.toString() + QLatin1Char('\'');
    }
}

const QString transactionNote()
{
    return tr("All in one transaction: if a step fails, nothing changes.");
}

} // namespace

QString ChangeDescription::rowName(const ResolvedTable &table, const Row &row)
{
    const QString name = RowPageModel::describeRow(table, row);
    const QString labelColumn = RowLabel::labelColumn(table);
    const QString label = labelColumn.isEmpty() ? QString() : row.value(labelColumn).toString();
    return label.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, label);
}

QString ChangeDescription::assignments(const Row &values)
{
    QStringList parts;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        parts << it.key() + QStringLiteral(" = ") + literal(it.value());
    return parts.join(QStringLiteral(", "));
}

QString ChangeDescription::link(const ResolvedSchema &schema, const ResolvedAssociation &a,
                                const Row &source, const Row &target, const Row &through,
                                const QList<Row> &linked)
{
    const ResolvedTable &s = *schema.table(a.sourceTable);
    const ResolvedTable &t = *schema.table(a.targetTable);
    const QString sourceName = rowName(s, source);
    const QString targetName = rowName(t, target);
    const QString fk = a.foreignKeyTable + QLatin1Char('.') + a.foreignKeyColumn;
    QStringList lines;
    switch (a.type) {
    case AssociationType::BelongsTo: {
        // set: the FK lives on the source row.
        const QVariant now = linked.isEmpty() ? QVariant() : linked.first().value(a.referencedKey);
        lines << tr("Sets %1 of %2 from %3 to %4 (%5).")
                     .arg(fk, sourceName, literal(now), literal(target.value(a.referencedKey)),
                          targetName);
        break;
    }
    case AssociationType::HasOne:
        lines << tr("Sets %1 of %2 to %3 (%4).")
                     .arg(fk, targetName, literal(source.value(a.referencedKey)), sourceName);
        for (const Row &other : linked) {
            if (RowPageModel::describeRow(t, other) != RowPageModel::describeRow(t, target))
                lines << tr("Sets %1 of %2 to NULL (it is linked now).")
                             .arg(fk, rowName(t, other));
        }
        break;
    case AssociationType::HasMany:
        lines << tr("Sets %1 of %2 from %3 to %4 (%5).")
                     .arg(fk, targetName, literal(target.value(a.foreignKeyColumn)),
                          literal(source.value(a.referencedKey)), sourceName);
        break;
    case AssociationType::BelongsToMany: {
        Row row = through;
        row.insert(a.foreignKeyColumn, source.value(a.referencedKey));
        // J.ok refers to the target's primary key (associations.md 7).
        row.insert(a.otherKeyColumn, target.value(t.primaryKey.value(0)));
        bool already = false;
        for (const Row &other : linked)
            already = already
                || RowPageModel::describeRow(t, other) == RowPageModel::describeRow(t, target);
        if (already)
            lines << tr("%1 is already linked to %2: updates its %3 row to %4.")
                         .arg(targetName, sourceName, a.throughTable, assignments(row));
        else
            lines << tr("Inserts one row into %1: %2 (and its timestamps, if it keeps them).")
                         .arg(a.throughTable, assignments(row));
        break;
    }
    }
    lines << transactionNote();
    return lines.join(QLatin1Char('\n'));
}

QString ChangeDescription::unlink(const ResolvedSchema &schema, const ResolvedAssociation &a,
                                  const Row &source, const QList<Row> &targets)
{
    const ResolvedTable &s = *schema.table(a.sourceTable);
    const ResolvedTable &t = *schema.table(a.targetTable);
    const QString fk = a.foreignKeyTable + QLatin1Char('.') + a.foreignKeyColumn;
    QStringList lines;
    switch (a.type) {
    case AssociationType::BelongsTo:
        lines << tr("Sets %1 of %2 to NULL (it refers to %3 now).")
                     .arg(fk, rowName(s, source),
                          targets.isEmpty() ? QStringLiteral("nothing") : rowName(t, targets.first()));
        break;
    case AssociationType::HasOne:
    case AssociationType::HasMany:
        for (const Row &target : targets)
            lines << tr("Sets %1 of %2 to NULL.").arg(fk, rowName(t, target));
        break;
    case AssociationType::BelongsToMany:
        for (const Row &target : targets) {
            Row key;
            key.insert(a.foreignKeyColumn, source.value(a.referencedKey));
            key.insert(a.otherKeyColumn, target.value(t.primaryKey.value(0)));
            lines << tr("Deletes the %1 row %2 (%3 stays).")
                         .arg(a.throughTable, assignments(key), rowName(t, target));
        }
        break;
    }
    lines << transactionNote();
    return lines.join(QLatin1Char('\n'));
}

QString ChangeDescription::create(const ResolvedSchema &schema, const ResolvedAssociation &a,
                                  const Row &source, const Row &values, const Row &through)
{
    const ResolvedTable &s = *schema.table(a.sourceTable);
    const ResolvedTable &t = *schema.table(a.targetTable);
    const QString sourceName = rowName(s, source);
    const QString model = t.entityName.isEmpty() ? t.name : t.entityName;
    QStringList lines;
    switch (a.type) {
    case AssociationType::BelongsTo:
        lines << tr("Inserts a new %1 row into %2: %3.")
                     .arg(model, t.name, assignments(values))
              << tr("Sets %1.%2 of %3 to its %4.")
                     .arg(a.foreignKeyTable, a.foreignKeyColumn, sourceName, a.referencedKey);
        break;
    case AssociationType::HasOne:
    case AssociationType::HasMany: {
        Row row = values;
        row.insert(a.foreignKeyColumn, source.value(a.referencedKey));
        lines << tr("Inserts a new %1 row into %2: %3.").arg(model, t.name, assignments(row));
        break;
    }
    case AssociationType::BelongsToMany: {
        Row link = through;
        link.insert(a.foreignKeyColumn, source.value(a.referencedKey));
        lines << tr("Inserts a new %1 row into %2: %3.").arg(model, t.name, assignments(values))
              << tr("Inserts one row into %1 linking it to %2: %3, %4 = its key.")
                     .arg(a.throughTable, sourceName, assignments(link), a.otherKeyColumn);
        break;
    }
    }
    lines << transactionNote();
    return lines.join(QLatin1Char('\n'));
}

} // namespace Junction
