// SPDX-License-Identifier: MIT
#include "importanalysis.h"

#include "inflection.h"

#include <QSet>

#include <algorithm>

/*
 * What each live table is, for SchemaImporter (schemaimporter.cpp has the rest of the rules:
 * how foreign keys become associations, names and aliases). Types and defaults:
 * nativetypemap.cpp. Every attribute is named after its column (no `field`).
 *
 * Tables
 *   model name   singularize(table), keeping its case (Users -> User, PostTags -> PostTag);
 *                the table itself when that name is taken. `tableName` is written only when
 *                pluralize(name) != table (tbl_customer, select, 用户).
 *   id           a primary key that is the single column `id`, INTEGER, auto-increment,
 *                without default or comment is Sequelize's implicit id: not declared. Any
 *                other primary key is declared (`primaryKey: true`). A model used as a
 *                belongsToMany `through` declares even that id (an implicit one would be
 *                dropped for the pair's composite key).
 *   timestamps   createdAt + updatedAt, both DATE -> timestamps; created_at + updated_at ->
 *                timestamps + underscored; deletedAt (deleted_at) DATE besides -> paranoid.
 *                They stay implicit when they look exactly like Sequelize's (NOT NULL,
 *                deletedAt nullable, no default, no comment, no unique), else are declared.
 *                define.timestamps follows the majority of the models; the others override.
 *   no key       a table without a primary key cannot be a Sequelize model as it is: a column
 *                named id becomes its key, else the model gets the implicit id (warning).
 *   uniques      one column: `unique: true`; several: `unique: "<group>"` on each, the group
 *                taken from a <table>_<group>_unique name, else the constraint's name.
 *   indexes      `indexes` with their columns and unique flag; the name only when it is not
 *                Sequelize's underscore(<table>_<fields>) (or the dialect's shortened form).
 *                Expression indexes cannot be said: warning.
 *
 * Foreign keys an association can state: one column, to a table of this schema whose primary
 * key is one column, referencing that key or a column with a single-column unique. Anything
 * else (several columns, another schema, a composite-key target, which v4 gives no
 * constraint, a non-unique target) is a warning, and the column stays a plain attribute.
 *
 * Link tables: two of those foreign keys, each to its table's primary key, whose columns are
 * the table's primary key or one of its two-column uniques (the key then must not involve
 * them), neither with a default nor auto-increment.
 *   pure junction    primary key = the pair, nothing else but timestamps (no other foreign
 *                    key, unique or index), referenced by no foreign key, its comment the
 *                    first source's (Sequelize gives a created junction the source's options),
 *                    underscored timestamps only with an underscored source, and no model of
 *                    that name: no model; a belongsToMany pair with `through: "<table>"`
 *                    (`timestamps` when it differs from define). The source of the first is
 *                    the table the first key column references, so the columns keep order.
 *   through model    any other link table: a model (its extra attributes declared, its key
 *                    declared unless the pair is the key) used as `through: {"model": ...}`.
 *
 * Declared or not (a column not declared is made by resolve() from the model's options or
 * its associations):
 *   implicit     the id and timestamps above; a foreign key column unless it is part of the
 *                primary key, has a default, auto-increments or is in a composite unique
 *                (those are declared, and their associations reuse them); the pair's keys.
 *   declared     everything else, with allowNull false when NOT NULL (always stated on a
 *                declared foreign key: the associations' default rules read it).
 */

namespace Junction {

ImportAnalysis::ImportAnalysis(const LiveSchema &live, Engine engine, const ColumnFacts &facts)
    : m_live(live)
    , m_engine(engine)
    , m_facts(facts)
{
    for (int i = 0; i < m_live.tables.size(); ++i) {
        AnalyzedTable t;
        t.live = &m_live.tables.at(i);
        m_tableByName.insert(t.live->name, i);
        m_tables << t;
    }
    mapColumns();
    findForeignKeys();
    detectTimestamps();
    detectLinks();
    nameModels();
    confirmJunctions();
    decideDeclared();
}

void ImportAnalysis::warn(const QString &code, const QString &message, const QStringList &ids)
{
    Diagnostic d;
    d.severity = Diagnostic::Severity::Warning;
    d.code = code;
    d.message = message;
    d.ids = ids;
    m_diagnostics << d;
}

void ImportAnalysis::mapColumns()
{
    for (AnalyzedTable &t : m_tables) {
        const LiveTable &live = *t.live;
        for (const LiveColumn &c : live.columns) {
            AnalyzedColumn info;
            info.live = &c;
            info.type = NativeTypeMap::type(m_engine, c, m_facts.fact(live.name, c.name));
            info.dataType = DataType::parse(info.type.type).value_or(DataType {});
            info.defaultValue
                = NativeTypeMap::defaultValue(m_engine, c.defaultExpression, info.type.type);
            if (info.type.fit == ImportedType::Fit::Unsupported)
                warn(QStringLiteral("unsupported-type"),
                     QStringLiteral("%1.%2: %3 has no Junction type; imported as %4, the nearest.")
                         .arg(live.name, c.name, info.type.note, info.type.type));
            else if (info.type.fit == ImportedType::Fit::Approximated)
                warn(QStringLiteral("type-approximated"),
                     QStringLiteral("%1.%2: %3 is imported as %4 (%5).")
                         .arg(live.name, c.name, c.nativeType, info.type.type, info.type.note));
            t.columnIndex.insert(c.name, int(t.columns.size()));
            t.columns << info;
        }
        t.primaryKey = live.primaryKey;
        if (t.primaryKey.isEmpty()) {
            if (t.column(QStringLiteral("id"))) {
                t.primaryKey = {QStringLiteral("id")};
                warn(QStringLiteral("no-primary-key"),
                     QStringLiteral("Table %1 has no primary key; a Sequelize model needs one, so "
                                    "its column id is declared the primary key.")
                         .arg(live.name));
            } else {
                warn(QStringLiteral("no-primary-key"),
                     QStringLiteral("Table %1 has no primary key; a Sequelize model needs one, so "
                                    "the model gets Sequelize's implicit id column, which the "
                                    "table does not have.")
                         .arg(live.name));
            }
        }
        if (m_engine == Engine::Sqlite) {
            // SQLite lets a non-INTEGER key column hold NULL unless it says NOT NULL;
            // Junction's DDL always says it.
            for (const QString &key : std::as_const(live.primaryKey)) {
                const AnalyzedColumn *c = t.column(key);
                if (c && c->live->nullable
                    && !(live.primaryKey.size() == 1
                         && c->dataType.kind == DataType::Kind::Integer))
                    warn(QStringLiteral("nullable-primary-key"),
                         QStringLiteral("%1.%2 is part of the primary key but allows NULL (an "
                                        "SQLite quirk); the project declares it NOT NULL.")
                             .arg(live.name, key));
            }
        }
    }
}

void ImportAnalysis::findForeignKeys()
{
    for (int ti = 0; ti < m_tables.size(); ++ti) {
        AnalyzedTable &t = m_tables[ti];
        const LiveTable &live = *t.live;
        QSet<QString> seen;
        for (const LiveForeignKey &fk : live.foreignKeys) {
            const QString first = fk.columns.value(0);
            auto skip = [&](const QString &why) {
                warn(QStringLiteral("foreign-key-not-representable"),
                     QStringLiteral(
                         "%1.%2: the foreign key %3 to %4 cannot be stated as a Sequelize "
                         "association (%5); the column is imported as a plain attribute.")
                         .arg(live.name, fk.columns.join(QLatin1String(", ")), fk.name,
                              fk.referencedTable, why));
                m_skipped.append({live.name, first});
            };
            if (fk.columns.size() != 1) {
                skip(QStringLiteral("it has several columns"));
                continue;
            }
            if (!fk.referencedSchema.isEmpty()) {
                skip(QStringLiteral("it references the schema %1").arg(fk.referencedSchema));
                continue;
            }
            const int ri = m_tableByName.value(fk.referencedTable, -1);
            if (ri < 0) {
                skip(QStringLiteral("the referenced table is not in the schema"));
                continue;
            }
            const AnalyzedTable &r = m_tables.at(ri);
            const QString refColumn = fk.referencedColumns.value(0);
            if (r.live->primaryKey.size() != 1) {
                skip(QStringLiteral("%1 has no single-column primary key, and Sequelize v4 makes "
                                    "no constraint to such a table")
                         .arg(r.live->name));
                continue;
            }
            bool unique = r.live->primaryKey.first() == refColumn;
            for (const LiveUnique &u : r.live->uniques)
                unique = unique || u.columns == QStringList {refColumn};
            if (!unique) {
                skip(QStringLiteral("%1.%2 is neither the primary key nor unique")
                         .arg(r.live->name, refColumn));
                continue;
            }
            if (seen.contains(first)) {
                skip(QStringLiteral("the column already has a foreign key"));
                continue;
            }
            seen.insert(first);
            AnalyzedForeignKey info;
            info.live = &fk;
            info.table = ti;
            info.referenced = ri;
            info.column = first;
            info.referencedColumn = refColumn;
            info.position = t.columnIndex.value(first);
            info.unique = live.primaryKey == QStringList {first};
            for (const LiveUnique &u : live.uniques)
                info.unique = info.unique || u.columns == QStringList {first};
            m_tables[ri].referenced = true;
            t.foreignKeys << int(m_fks.size());
            m_fks << info;
        }
        std::sort(t.foreignKeys.begin(), t.foreignKeys.end(),
                  [this](int a, int b) { return m_fks.at(a).position < m_fks.at(b).position; });
    }
}

void ImportAnalysis::detectTimestamps()
{
    for (AnalyzedTable &t : m_tables) {
        auto isDate = [&t](const QString &name) {
            const AnalyzedColumn *c = t.column(name);
            return c && c->dataType.kind == DataType::Kind::Date;
        };
        if (isDate(QStringLiteral("createdAt")) && isDate(QStringLiteral("updatedAt"))) {
            t.timestamps = true;
            t.createdAt = QStringLiteral("createdAt");
            t.updatedAt = QStringLiteral("updatedAt");
        } else if (isDate(QStringLiteral("created_at")) && isDate(QStringLiteral("updated_at"))) {
            t.timestamps = true;
            t.underscored = true;
            t.createdAt = QStringLiteral("created_at");
            t.updatedAt = QStringLiteral("updated_at");
        }
        const QString deleted
            = t.underscored ? QStringLiteral("deleted_at") : QStringLiteral("deletedAt");
        if (t.timestamps && isDate(deleted)) {
            t.paranoid = true;
            t.deletedAt = deleted;
        }
    }
}

void ImportAnalysis::detectLinks()
{
    for (AnalyzedTable &t : m_tables) {
        // Candidate keys: the primary key first, then two-column uniques.
        QList<std::pair<QStringList, int>> keys;
        if (t.live->primaryKey.size() == 2)
            keys.append({t.live->primaryKey, -1});
        for (int u = 0; u < t.live->uniques.size(); ++u) {
            if (t.live->uniques.at(u).columns.size() == 2)
                keys.append({t.live->uniques.at(u).columns, u});
        }
        for (const auto &[columns, unique] : keys) {
            int a = -1;
            int b = -1;
            for (int fi : std::as_const(t.foreignKeys)) {
                const AnalyzedForeignKey &fk = m_fks.at(fi);
                const AnalyzedColumn *c = t.column(fk.column);
                const bool usable
                    = fk.referencedColumn == m_tables.at(fk.referenced).live->primaryKey.first()
                    && !c->defaultValue.isSet() && !c->live->autoIncrement;
                if (!usable || !columns.contains(fk.column))
                    continue;
                (a < 0 ? a : b) = fi;
            }
            if (a < 0 || b < 0)
                continue;
            // With the pair as a unique, the key must not involve them (it stays declared).
            if (unique >= 0) {
                bool overlaps = false;
                for (const QString &k : std::as_const(t.live->primaryKey))
                    overlaps = overlaps || columns.contains(k);
                if (overlaps || t.live->primaryKey.isEmpty())
                    continue;
            }
            t.linkFirst = a; // foreignKeys is in column order
            t.linkSecond = b;
            t.linkUnique = unique;
            m_fks[a].link = true;
            m_fks[b].link = true;
            break;
        }
        if (t.linkFirst < 0)
            continue;
        bool pure = t.linkUnique < 0 && t.live->foreignKeys.size() == 2 && t.live->uniques.isEmpty()
            && t.live->indexes.isEmpty() && !t.referenced && !t.paranoid;
        for (const AnalyzedColumn &c : std::as_const(t.columns)) {
            const QString &name = c.live->name;
            if (name == m_fks.at(t.linkFirst).column || name == m_fks.at(t.linkSecond).column)
                continue;
            const bool timestamp = name == t.createdAt || name == t.updatedAt;
            pure = pure && timestamp && !c.live->nullable && !c.defaultValue.isSet()
                && c.live->comment.isEmpty() && c.type.fit == ImportedType::Fit::Exact;
        }
        t.junction = pure;
        t.through = !pure;
    }
}

void ImportAnalysis::nameModels()
{
    QSet<QString> taken;
    for (AnalyzedTable &t : m_tables) {
        if (t.junction)
            continue;
        const QString &table = t.live->name;
        QString name = Inflection::singularize(table);
        if (name.isEmpty() || taken.contains(name))
            name = table;
        const QString base = name;
        for (int n = 2; taken.contains(name); ++n)
            name = base + QString::number(n);
        taken.insert(name);
        t.modelName = name;
        t.tableName = Inflection::pluralize(name) == table ? QString() : table;
    }
}

// A created junction takes its first source's comment and underscored; a `through` string
// naming a model would use that model. Where that does not fit, the table becomes a model.
void ImportAnalysis::confirmJunctions()
{
    QSet<QString> modelNames;
    for (const AnalyzedTable &t : std::as_const(m_tables)) {
        if (!t.junction)
            modelNames.insert(t.modelName);
    }
    for (int ti = 0; ti < m_tables.size(); ++ti) {
        AnalyzedTable &t = m_tables[ti];
        if (!t.junction)
            continue;
        auto fits = [&](int fk) {
            const AnalyzedTable &source = m_tables.at(m_fks.at(fk).referenced);
            return !source.junction && source.live->comment == t.live->comment
                && (!t.timestamps || source.underscored == t.underscored);
        };
        bool ok = !modelNames.contains(t.live->name);
        if (ok && !fits(t.linkFirst)) {
            if (fits(t.linkSecond))
                std::swap(t.linkFirst, t.linkSecond);
            else
                ok = false;
        }
        if (ok)
            continue;
        t.junction = false;
        t.through = true;
        // Named now: the earlier pass skipped junctions.
        QString name = Inflection::singularize(t.live->name);
        if (name.isEmpty() || modelNames.contains(name))
            name = t.live->name;
        const QString base = name;
        for (int n = 2; modelNames.contains(name); ++n)
            name = base + QString::number(n);
        modelNames.insert(name);
        t.modelName = name;
        t.tableName = Inflection::pluralize(name) == t.live->name ? QString() : t.live->name;
    }
}

void ImportAnalysis::decideDeclared()
{
    for (AnalyzedTable &t : m_tables) {
        const LiveTable &live = *t.live;
        QHash<QString, int> fkByColumn;
        for (int fi : std::as_const(t.foreignKeys))
            fkByColumn.insert(m_fks.at(fi).column, fi);

        // Composite uniques (other than the pair's) need their columns declared, and so
        // does an implicit id or timestamp with a unique of its own.
        for (int u = 0; u < live.uniques.size(); ++u) {
            const QStringList &cols = live.uniques.at(u).columns;
            if (u == t.linkUnique || cols == live.primaryKey)
                continue;
            for (const QString &name : cols) {
                const int i = t.columnIndex.value(name, -1);
                if (i >= 0 && (cols.size() > 1 || !fkByColumn.contains(name)))
                    t.columns[i].forceDeclared = true;
            }
        }

        if (!t.through && live.primaryKey == QStringList {QStringLiteral("id")}) {
            const AnalyzedColumn *id = t.column(QStringLiteral("id"));
            t.implicitId = id->dataType.kind == DataType::Kind::Integer && id->live->autoIncrement
                && !id->defaultValue.isSet() && id->live->comment.isEmpty() && !id->forceDeclared
                && !fkByColumn.contains(QStringLiteral("id"));
        }
        const bool pairIsKey = t.linkFirst >= 0 && t.linkUnique < 0;
        for (AnalyzedColumn &c : t.columns) {
            const QString &name = c.live->name;
            const bool inKey = t.primaryKey.contains(name);
            bool implicit = false;
            if (name == QLatin1String("id") && t.implicitId) {
                implicit = true;
            } else if (name == t.createdAt || name == t.updatedAt) {
                implicit = !c.live->nullable && !c.defaultValue.isSet() && c.live->comment.isEmpty()
                    && c.type.fit == ImportedType::Fit::Exact && !c.forceDeclared && !inKey
                    && !fkByColumn.contains(name);
            } else if (name == t.deletedAt) {
                implicit = c.live->nullable && !c.defaultValue.isSet() && c.live->comment.isEmpty()
                    && c.type.fit == ImportedType::Fit::Exact && !c.forceDeclared && !inKey
                    && !fkByColumn.contains(name);
            } else if (fkByColumn.contains(name)) {
                const AnalyzedForeignKey &fk = m_fks.at(fkByColumn.value(name));
                if (fk.link && t.linkFirst >= 0)
                    implicit = true; // the pair's keys are the belongsToMany's
                else
                    implicit = !inKey && !c.defaultValue.isSet() && !c.live->autoIncrement
                        && !c.forceDeclared;
            }
            if (pairIsKey && inKey && !fkByColumn.contains(name))
                implicit = false;
            c.declared = !implicit;
        }
    }
}

} // namespace Junction
