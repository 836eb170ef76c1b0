// SPDX-License-Identifier: MIT
// The columns and constraints of one table that exists both in the design and in the
// database: what is compared and how each difference becomes a change is in the rules at
// the top of schemadiff.cpp, the SQL per dialect at the top of plansql.cpp.
#include "diffbuilder.h"

#include "livedefaults.h"
#include "nativetypes.h"

namespace Junction::SyncDiff {

void DiffBuilder::addColumn(int d, const ResolvedColumn &dc)
{
    const ResolvedTable &t = m_design.tables.at(d);
    const LiveTable &lt = m_live.tables.at(m_match.liveTable(d));
    QList<Item> &alters = m_alters[d];
    if (m_kind == Dialect::Kind::Postgres && dc.type.kind == DataType::Kind::Enum)
        ensureEnumType(alters, d, m_dialect.enumTypeName(t.name, dc.name), dc.type.enumValues,
                       false);
    Item add = item(Kind::AddColumn, d, t.name, dc.name);
    add.change.liveTable = lt.name;
    add.change.detail = dc.type.toString();
    const bool noDefault = m_dialect.defaultLiteral(dc.defaultValue, dc.type).isEmpty();
    if (!dc.allowNull && noDefault && !dc.autoIncrement)
        add.change.detail += QStringLiteral(" NOT NULL; rows already there get ")
            + NativeTypes::zeroLiteral(m_dialect, dc.type);
    add.change.locks = 2;
    if (m_kind == Dialect::Kind::Sqlite) {
        // ALTER TABLE ADD COLUMN's limits: no key or unique, no expression default, a NOT
        // NULL column needs a non-NULL default, a foreign key column a NULL one.
        bool foreignKey = false;
        bool singleKey = true;
        for (const ResolvedForeignKey &fk : t.foreignKeys) {
            if (fk.columns.contains(dc.name)) {
                foreignKey = true;
                singleKey = singleKey && fk.columns.size() == 1;
            }
        }
        bool unique = dc.unique;
        for (const ResolvedUnique &u : t.uniques)
            unique = unique || u.columns.contains(dc.name);
        const QString literal = m_dialect.defaultLiteral(dc.defaultValue, dc.type);
        const bool nonNullDefault = !literal.isEmpty() && literal != QLatin1String("NULL");
        const bool addable = !dc.primaryKey && !unique && !dc.autoIncrement
            && dc.defaultValue.kind != DefaultValue::Kind::Sql && (dc.allowNull || nonNullDefault)
            && (!foreignKey || (singleKey && !nonNullDefault));
        if (!addable) {
            add.needsRebuild = true;
        } else {
            QString statement = m_sql.addColumn(t, dc, true).first();
            for (const ResolvedForeignKey &fk : t.foreignKeys) {
                if (fk.columns == QStringList {dc.name}) {
                    // SQLite adds a foreign key only with its column.
                    const QString clause = m_sql.ddl().foreignKeyClause(fk);
                    statement += QLatin1Char(' ')
                        + clause.mid(clause.indexOf(QLatin1String("REFERENCES")));
                    m_sqliteInlineKeys.insert(key({t.name, fk.name}));
                }
            }
            add.change.statements << statement;
        }
    } else {
        add.change.statements = m_sql.addColumn(t, dc, true);
    }
    alters << add;
}

void DiffBuilder::compareColumn(int d, const ResolvedColumn &dc, const LiveColumn &lc)
{
    const ResolvedTable &t = m_design.tables.at(d);
    const LiveTable &lt = m_live.tables.at(m_match.liveTable(d));
    QList<Item> &alters = m_alters[d];
    const int first = int(alters.size());
    const bool pg = m_kind == Dialect::Kind::Postgres;
    const bool my = m_kind == Dialect::Kind::MySql;
    const bool lite = m_kind == Dialect::Kind::Sqlite;
    const bool isEnum = dc.type.kind == DataType::Kind::Enum;

    bool typeDiffers;
    if (isEnum)
        typeDiffers = lc.enumValues != dc.type.enumValues
            || (lite && lc.nativeType.compare(QLatin1String("TEXT"), Qt::CaseInsensitive) != 0);
    else
        typeDiffers
            = !NativeTypes::same(m_kind, NativeTypes::expected(m_kind, t, dc), lc.nativeType)
            || !lc.enumValues.isEmpty();
    const bool autoDiffers = NativeTypes::expectedAutoIncrement(m_kind, t, dc) != lc.autoIncrement;
    const bool nullDiffers = !dc.primaryKey && !lc.autoIncrement && dc.allowNull != lc.nullable;
    const QString designDefault = LiveDefaults::designKey(m_dialect, dc);
    const bool defaultDiffers = !dc.autoIncrement
        && designDefault != LiveDefaults::liveKey(m_kind, lc.defaultExpression, dc.type);
    const bool commentDiffers = !lite && dc.comment != lc.comment;
    const QString c = dc.name;
    const QString oldEnum = currentEnumType(lc);

    if (typeDiffers || autoDiffers) {
        Item alter = item(Kind::AlterColumnType, d, t.name, c);
        PlanChange &ch = alter.change;
        ch.liveTable = lt.name;
        ch.liveColumns = {lc.name};
        const QString liveSpelling = lc.enumValues.isEmpty()
            ? lc.nativeType
            : QStringLiteral("enum(") + lc.enumValues.join(QStringLiteral(", ")) + QLatin1Char(')');
        ch.detail = liveSpelling + QStringLiteral(" -> ") + dc.type.toString();
        if (autoDiffers)
            ch.detail += dc.autoIncrement ? QStringLiteral(", auto-increment")
                                          : QStringLiteral(", no auto-increment");
        const DataType liveType = NativeTypes::parse(m_kind, lc.nativeType, lc.enumValues);
        ch.narrowing = typeDiffers && !NativeTypes::widens(liveType, dc.type);
        if (ch.narrowing) {
            const bool stringLike = liveType.kind == DataType::Kind::String
                || liveType.kind == DataType::Kind::Char || liveType.kind == DataType::Kind::Text
                || liveType.kind == DataType::Kind::Invalid;
            if ((dc.type.kind == DataType::Kind::String || dc.type.kind == DataType::Kind::Char)
                && stringLike) {
                ch.countKind = Count::TooLong;
                ch.countParameters = {dc.type.length > 0 ? dc.type.length : 255};
            } else if (isEnum && !lc.enumValues.isEmpty()) {
                ch.countKind = Count::NotIn;
                for (const QString &v : dc.type.enumValues)
                    ch.countParameters << v;
            } else {
                ch.countKind = Count::Values;
            }
        }
        const int length = dc.type.length > 0 ? dc.type.length : 255;
        if (pg) {
            if (autoDiffers)
                ch.blockReason = QStringLiteral("changing auto-increment on an existing PostgreSQL "
                                                "column is not done by sync; change %1.%2 by hand")
                                     .arg(m_dialect.quote(t.name), m_dialect.quote(c));
            const bool dropOld = !oldEnum.isEmpty() && releaseEnumType(oldEnum);
            const QString target = m_dialect.enumTypeName(t.name, c);
            const bool targetFree = (dropOld && oldEnum == target) || typeNameFree(target);
            if (isEnum)
                m_createdTypes.insert(target);
            ch.statements = m_sql.alterType(t, dc, !lc.defaultExpression.isEmpty(), oldEnum,
                                            dropOld, targetFree);
            ch.locks = tableLocks(lt) + 2;
        } else if (my) {
            if (ch.countKind == Count::TooLong) {
                ch.fixups << m_sql.cutStrings(t.name, c, length);
            } else if (ch.countKind == Count::NotIn) {
                QStringList both = lc.enumValues;
                for (const QString &v : dc.type.enumValues) {
                    if (!both.contains(v))
                        both << v;
                }
                ch.fixups << m_sql.widenEnum(t.name, c, both)
                          << m_sql.replaceValuesNotIn(t.name, c, dc.type.enumValues,
                                                      m_sql.enumFillLiteral(dc));
            }
        } else {
            alter.needsRebuild = true;
            QString expression = copyExpression(d, c);
            if (ch.countKind == Count::TooLong)
                expression = QStringLiteral("substr(%1, 1, %2)").arg(expression).arg(length);
            if (isEnum) {
                QStringList allowed;
                for (const QString &v : dc.type.enumValues)
                    allowed << m_dialect.quoteString(v);
                expression
                    = QStringLiteral("CASE WHEN %1 IS NULL OR %1 IN (%2) THEN %1 ELSE %3 END")
                          .arg(expression, allowed.join(QStringLiteral(", ")),
                               m_sql.enumFillLiteral(dc));
            }
            m_copies[d].insert(c, expression);
        }
        alters << alter;
    }
    // PostgreSQL's type change sets the default again itself.
    if (defaultDiffers && !(pg && (typeDiffers || autoDiffers))) {
        const bool set = !designDefault.isEmpty();
        Item def = item(set ? Kind::SetDefault : Kind::DropDefault, d, t.name, c);
        def.change.liveTable = lt.name;
        if (set)
            def.change.detail = m_dialect.defaultLiteral(dc.defaultValue, dc.type);
        if (pg)
            def.change.statements << (set ? m_sql.setDefault(t, dc) : m_sql.dropDefault(t.name, c));
        def.needsRebuild = lite;
        def.change.locks = 2;
        alters << def;
    }
    if (nullDiffers) {
        Item null = item(dc.allowNull ? Kind::DropNotNull : Kind::SetNotNull, d, t.name, c);
        null.change.liveTable = lt.name;
        null.change.liveColumns = {lc.name};
        null.change.locks = tableLocks(lt);
        if (!dc.allowNull) {
            const QString fill = m_sql.fillLiteral(dc);
            null.change.countKind = Count::Nulls;
            null.change.conditional = true;
            null.change.detail = QStringLiteral("NULLs become ") + fill;
            if (!lite)
                null.change.fixups << m_sql.fillNulls(t.name, c, fill);
            else
                m_copies[d].insert(
                    c, QStringLiteral("COALESCE(%1, %2)").arg(copyExpression(d, c), fill));
        }
        if (pg)
            null.change.statements << m_sql.setNotNull(t.name, c, !dc.allowNull);
        null.needsRebuild = lite;
        alters << null;
    }
    if (commentDiffers) {
        Item comment = item(Kind::AlterComment, d, t.name, c);
        comment.change.liveTable = lt.name;
        if (pg)
            comment.change.statements << m_sql.columnComment(t.name, c, dc.comment);
        alters << comment;
    }
    // MySQL restates the whole column once, after every fixup of its aspects.
    if (my && alters.size() > first)
        alters.last().change.statements << m_sql.modifyColumn(t, dc);
}

void DiffBuilder::compareConstraints(int d)
{
    const ResolvedTable &t = m_design.tables.at(d);
    const int l = m_match.liveTable(d);
    const LiveTable &lt = m_live.tables.at(l);
    const bool lite = m_kind == Dialect::Kind::Sqlite;
    const bool my = m_kind == Dialect::Kind::MySql;
    QList<Item> &alters = m_alters[d];

    // Primary key.
    const QStringList livePk = mappedColumns(l, lt.primaryKey);
    if (livePk != t.primaryKey) {
        Item pk = item(Kind::AlterPrimaryKey, d, t.name);
        pk.change.liveTable = lt.name;
        pk.change.detail = QStringLiteral("(%1) -> (%2)")
                               .arg(lt.primaryKey.join(QStringLiteral(", ")),
                                    t.primaryKey.join(QStringLiteral(", ")));
        // The old key's columns that stay (the others were dropped just before, and the
        // key with them) order the rows when duplicates are deleted.
        QStringList surviving;
        for (const QString &c : lt.primaryKey) {
            if (!m_match.designColumn(l, c).isEmpty())
                surviving << m_match.designColumn(l, c);
        }
        const QStringList live = liveColumns(d, t.primaryKey);
        if (!live.isEmpty()) {
            pk.change.countKind = Count::Duplicates;
            pk.change.conditional = true;
            pk.change.liveColumns = live;
            // MySQL has no row id to keep one of a group by: without a surviving key the
            // database refuses the key over duplicates, and says so.
            if (!(my && surviving.isEmpty()))
                pk.change.fixups << m_sql.deleteDuplicates(t.name, t.primaryKey, surviving);
        }
        if (lite)
            pk.needsRebuild = true;
        else
            pk.change.statements = m_sql.alterPrimaryKey(
                t.name, m_dialect.generatedName(lt.name + QStringLiteral("_pkey")),
                !surviving.isEmpty(), t);
        pk.change.locks = tableLocks(lt) + 2;
        alters << pk;
    }

    // Indexes by name; MySQL reports a unique index the design declares as a unique.
    QHash<QString, LiveIndex> liveIndexes;
    for (const LiveIndex &i : lt.indexes)
        liveIndexes.insert(i.name, i);
    QSet<QString> designIndexNames;
    for (const ResolvedIndex &i : t.indexes)
        designIndexNames.insert(m_dialect.generatedName(i.name));
    QList<LiveUnique> liveUniques;
    for (const LiveUnique &u : lt.uniques) {
        if (my && designIndexNames.contains(u.name))
            liveIndexes.insert(u.name, LiveIndex {u.name, u.columns, true});
        else
            liveUniques << u;
    }

    // Uniques by column list.
    QSet<QString> designUniques;
    for (const ResolvedUnique &u : t.uniques)
        designUniques.insert(key(u.columns));
    QSet<QString> presentUniques;
    for (const LiveUnique &u : std::as_const(liveUniques)) {
        const QString k = key(mappedColumns(l, u.columns));
        if (designUniques.contains(k) && !presentUniques.contains(k)) {
            presentUniques.insert(k);
            continue;
        }
        Item drop = item(Kind::DropUnique, d, t.name);
        drop.change.name = u.name;
        drop.change.liveTable = lt.name;
        drop.change.detail = u.columns.join(QStringLiteral(", "));
        if (lite)
            drop.needsRebuild = true;
        else
            drop.change.statements << m_sql.dropUnique(lt.name, u.name);
        drop.change.locks = 3;
        m_steps[DropIndexes] << drop;
    }
    const QStringList designPk = t.primaryKey;
    auto addDuplicateCount = [&](Item &add, const QStringList &columns) {
        const QStringList live = liveColumns(d, columns);
        if (live.isEmpty())
            return;
        add.change.countKind = Count::Duplicates;
        add.change.conditional = true;
        add.change.liveTable = lt.name;
        add.change.liveColumns = live;
        if (my && designPk.isEmpty())
            add.change.blockReason
                = QStringLiteral("table \"%1\" has no key to tell duplicate rows apart")
                      .arg(t.name);
        add.change.fixups << m_sql.deleteDuplicates(t.name, columns, designPk);
    };
    for (const ResolvedUnique &u : t.uniques) {
        if (presentUniques.contains(key(u.columns)))
            continue;
        Item add = item(Kind::AddUnique, d, t.name);
        add.change.name = m_dialect.generatedName(u.name);
        add.change.detail = u.columns.join(QStringLiteral(", "));
        addDuplicateCount(add, u.columns);
        if (lite)
            add.needsRebuild = true;
        else
            add.change.statements << m_sql.addUnique(t.name, u);
        add.change.locks = tableLocks(lt);
        m_steps[AddUniques] << add;
    }

    for (const ResolvedIndex &i : t.indexes) {
        const QString name = m_dialect.generatedName(i.name);
        const auto it = liveIndexes.constFind(name);
        const bool existed = it != liveIndexes.constEnd();
        if (existed) {
            if (mappedColumns(l, it->columns) == i.columns && it->unique == i.unique) {
                liveIndexes.erase(it);
                continue;
            }
            Item drop = item(Kind::DropIndex, d, t.name);
            drop.change.name = name;
            drop.change.liveTable = lt.name;
            drop.change.detail = QStringLiteral("it changes");
            drop.change.statements << (my && it->unique ? m_sql.dropUnique(lt.name, name)
                                                        : m_sql.dropIndex(lt.name, name));
            drop.change.locks = 3;
            m_steps[DropIndexes] << drop;
            liveIndexes.erase(it);
        }
        Item add = item(Kind::AddIndex, d, t.name);
        add.change.name = name;
        add.change.detail = (i.unique ? QStringLiteral("unique: ") : QString())
            + i.columns.join(QStringLiteral(", "));
        if (i.unique)
            addDuplicateCount(add, i.columns);
        add.change.statements << m_sql.addIndex(t.name, i);
        add.change.locks = 3;
        add.createsMissing
            = !existed && !m_match.tableRenamed(d) && !liveColumns(d, i.columns).isEmpty();
        m_steps[AddUniques] << add;
    }
    for (const LiveIndex &i : std::as_const(liveIndexes)) {
        Item drop = item(Kind::DropIndex, d, t.name);
        drop.change.name = i.name;
        drop.change.liveTable = lt.name;
        drop.change.statements << (my && i.unique ? m_sql.dropUnique(lt.name, i.name)
                                                  : m_sql.dropIndex(lt.name, i.name));
        drop.change.locks = 3;
        m_steps[DropIndexes] << drop;
    }

    // Foreign keys by what they connect, then their rules.
    auto designKey = [this](const ResolvedForeignKey &fk) {
        return key({key(fk.columns), fk.referencedTable, key(fk.referencedColumns)});
    };
    auto rules = [this](const QString &onDelete, const QString &onUpdate) {
        return LiveDefaults::rule(m_kind, onDelete) + QLatin1Char('/')
            + LiveDefaults::rule(m_kind, onUpdate);
    };
    QHash<QString, QString> designKeys; // key -> rules
    for (const ResolvedForeignKey &fk : t.foreignKeys)
        designKeys.insert(designKey(fk), rules(fk.onDelete, fk.onUpdate));
    QSet<QString> presentKeys;
    for (const LiveForeignKey &fk : lt.foreignKeys) {
        QString referenced = fk.referencedSchema.isEmpty()
            ? m_match.designTableName(fk.referencedTable)
            : QString();
        const int rd = referenced.isEmpty() ? -1 : designIndex(referenced);
        const int rl = rd < 0 ? -1 : m_match.liveTable(rd);
        const QStringList referencedColumns
            = rl >= 0 ? mappedColumns(rl, fk.referencedColumns) : fk.referencedColumns;
        if (referenced.isEmpty())
            referenced = QStringLiteral("\x01") + fk.referencedTable;
        const QString k
            = key({key(mappedColumns(l, fk.columns)), referenced, key(referencedColumns)});
        const auto it = designKeys.constFind(k);
        if (it != designKeys.constEnd() && *it == rules(fk.onDelete, fk.onUpdate)
            && !presentKeys.contains(k)) {
            presentKeys.insert(k);
            continue;
        }
        Item drop = item(Kind::DropForeignKey, d, t.name);
        drop.change.name = fk.name;
        drop.change.liveTable = lt.name;
        drop.change.detail = it == designKeys.constEnd()
            ? QStringLiteral("(%1) -> %2")
                  .arg(fk.columns.join(QStringLiteral(", ")), fk.referencedTable)
            : QStringLiteral("its rules change");
        if (lite) {
            drop.needsRebuild = true;
        } else if (fk.name.isEmpty()) {
            drop.change.blockReason = QStringLiteral("the foreign key has no name to drop it by");
        } else {
            drop.change.statements = m_sql.dropForeignKey(lt.name, fk.name);
        }
        drop.change.locks = 4;
        m_steps[DropForeignKeys] << drop;
    }
    for (const ResolvedForeignKey &fk : t.foreignKeys) {
        if (presentKeys.contains(designKey(fk)))
            continue;
        Item add = item(Kind::AddForeignKey, d, t.name);
        add.change.name = m_dialect.generatedName(fk.name);
        add.change.detail = QStringLiteral("(%1) -> %2(%3)")
                                .arg(fk.columns.join(QStringLiteral(", ")), fk.referencedTable,
                                     fk.referencedColumns.join(QStringLiteral(", ")));
        const QStringList live = liveColumns(d, fk.columns);
        if (!live.isEmpty()) {
            add.change.countKind = Count::Orphans;
            add.change.liveTable = lt.name;
            add.change.liveColumns = live;
            const int r = designIndex(fk.referencedTable);
            const QStringList refs = r >= 0 && m_match.liveTable(r) >= 0
                ? liveColumns(r, fk.referencedColumns)
                : QStringList();
            if (!refs.isEmpty()) {
                add.change.referencedLiveTable = m_live.tables.at(m_match.liveTable(r)).name;
                add.change.referencedLiveColumns = refs;
            }
        }
        if (lite) {
            add.needsRebuild = !m_sqliteInlineKeys.contains(key({t.name, fk.name}));
        } else {
            add.change.statements << m_sql.addForeignKey(t.name, fk);
        }
        add.change.locks = 4;
        m_steps[AddForeignKeys] << add;
    }

    if (!lite && t.comment != lt.comment) {
        Item comment = item(Kind::AlterComment, d, t.name);
        comment.change.liveTable = lt.name;
        comment.change.statements << m_sql.tableComment(t.name, t.comment);
        alters << comment;
    }
}

} // namespace Junction::SyncDiff
