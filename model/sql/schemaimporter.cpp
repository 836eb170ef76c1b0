// SPDX-License-Identifier: MIT
#include "schemaimporter.h"

#include "dialect.h"
#include "importplan.h"
#include "importreconciler.h"
#include "inflection.h"

#include <QSet>

#include <algorithm>

/*
 * How a live schema becomes a project (the inverse of resolver.cpp's rules). Types and
 * defaults: nativetypemap.cpp. Every attribute is named after its column (no `field`).
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
 * Foreign keys (single column, to a table of this schema whose primary key is one column,
 * referencing that key or a column with a single-column unique; anything else is a warning
 * and the column stays a plain attribute)
 *   H.col -> R.key   H.belongsTo(R) plus the inverse R.hasMany(H), or R.hasOne(H) when the
 *                    column is unique (or is H's whole primary key) and references R's key.
 *                    The first of the two owns the column (resolver.cpp): the inverse comes
 *                    first for hasOne (v4's hasOne rewrites the rules anyway) and for a
 *                    NOT NULL column with ON DELETE CASCADE (hasMany's default there),
 *                    belongsTo first otherwise.
 *   implicit         the column is left to the associations (not declared) unless it is part
 *                    of the primary key, has a default, auto-increments or is in a composite
 *                    unique; declared FK attributes always state allowNull.
 *   names            belongsTo: no option when Sequelize's default name is the column; else
 *                    `as: P` when P + the key gives it (AuthorId -> as Author, parent_id on an
 *                    underscored model -> as parent); else `foreignKey`, with `as: P` when the
 *                    other naming convention or the key `id` gives a P (customer_id -> as
 *                    customer). The inverse states `foreignKey` when its own default differs,
 *                    `sourceKey`/`targetKey` when the referenced column is not the primary key.
 *   aliases          otherwise only where Sequelize's default key (singular or plural of the
 *                    target) is already taken on the source, by another association or an
 *                    attribute: P + the default (AuthorPosts), numbered when still taken.
 *
 * Link tables: two of those foreign keys, each to its table's primary key, whose columns are
 * the table's primary key or one of its two-column uniques.
 *   pure junction    primary key = the pair, nothing else but timestamps (no other foreign
 *                    key, unique or index), referenced by no foreign key, its comment the
 *                    first source's (Sequelize gives a created junction the source's options),
 *                    underscored timestamps only with an underscored source, and no model of
 *                    that name: no model; a belongsToMany pair with `through: "<table>"`
 *                    (`timestamps` when it differs from define). The source of the first is
 *                    the table the first key column references, so the columns keep order.
 *   through model    any other link table: a model with its extra attributes and
 *                    `through: {"model": ...}` on both of the pair; its other foreign keys are
 *                    belongsTo as above.
 *   self-reference   (both keys to one table) an alias on each side from the other key's
 *                    column (referredId -> Referreds) and both keys explicit, as Sequelize
 *                    needs them.
 *
 * Then ImportReconciler resolves the project and makes explicit whatever resolve() does not
 * give back: key names, allowNull/type/unique/comment in a foreignKey/otherKey object,
 * onDelete/onUpdate on the association that decides them, and reports what still differs.
 *
 * Ids are derived like ProjectReader's: m-<model>, a-<model>-<attribute>,
 * as-<source>-<type>-<target>[-<alias>], -2, -3... on a clash. `layout` stays empty: the
 * editor lays a new project out.
 */

namespace Junction {

namespace {

using Engine = ConnectionSpec::Engine;
using Inflection::camelize;
using Inflection::camelizeIf;
using Inflection::underscoredIf;
using Inflection::upperFirst;

struct ColumnInfo
{
    const LiveColumn *live = nullptr;
    ImportedType type;
    DataType dataType;
    DefaultValue defaultValue;
    bool declared = true;
    bool forceDeclared = false; // in a composite unique or with a single unique on an implicit column
};

struct ForeignKeyInfo
{
    const LiveForeignKey *live = nullptr;
    int table = -1;      // the holder
    int referenced = -1;
    QString column;
    QString referencedColumn;
    int position = 0;    // of the column in its table
    bool unique = false; // a single-column unique on it, or it is the holder's whole key
    bool link = false;   // one key of a belongsToMany pair
};

struct TableInfo
{
    const LiveTable *live = nullptr;
    bool junction = false; // a pure junction: no model
    bool through = false;  // a model used as a belongsToMany through
    QString modelName;
    QString tableName;     // written only when needed
    bool timestamps = false;
    bool underscored = false;
    bool paranoid = false;
    QString createdAt;
    QString updatedAt;
    QString deletedAt;
    QHash<QString, int> columnIndex;
    QList<ColumnInfo> columns;
    QList<int> foreignKeys; // representable ones, column order
    int linkFirst = -1;     // foreignKeys entries (indexes into m_fks) of the pair
    int linkSecond = -1;
    int linkUnique = -1;    // live unique the pair consumes; -1: the primary key is the pair
    bool referenced = false;
    bool implicitId = false;
    QStringList primaryKey; // what the model's key will be (a column named id for a table without one)

    const ColumnInfo *column(const QString &name) const
    {
        const int i = columnIndex.value(name, -1);
        return i < 0 ? nullptr : &columns.at(i);
    }
    QString pk() const { return primaryKey.isEmpty() ? QStringLiteral("id") : primaryKey.first(); }
};

class Importer
{
public:
    Importer(const LiveSchema &live, Engine engine, const ColumnFacts &facts)
        : m_live(live)
        , m_engine(engine)
        , m_facts(facts)
    {}

    ImportResult run(const QString &projectName);

private:
    void mapColumns();
    void findForeignKeys();
    void detectTimestamps();
    void detectLinks();
    void nameModels();
    void confirmJunctions();
    void decideDeclared();
    void buildEntities();
    void buildAssociations();
    void belongsToPair(int fk);
    void manyToManyPair(int table);

    QString pkOf(int table) const { return m_tables.at(table).pk(); }
    const QString &modelOf(int table) const { return m_tables.at(table).modelName; }
    bool freeKey(int table, const QString &key) const;
    QString claimKey(int table, const QString &wanted);
    QString stem(const QString &column, const QString &key, bool underscored) const;
    void warn(const QString &code, const QString &message, const QStringList &ids = {});
    QString deriveId(const QString &base);
    int addAssociation(Association a, const ExpectedKeys &expected);

    const LiveSchema &m_live;
    Engine m_engine;
    const ColumnFacts &m_facts;
    QList<TableInfo> m_tables;
    QHash<QString, int> m_tableByName;
    QList<ForeignKeyInfo> m_fks;
    QHash<QString, QSet<QString>> m_keysByTable; // association keys taken per model table
    QSet<QString> m_ids;
    ImportPlan m_plan;
    Diagnostics m_diagnostics;
};

void Importer::warn(const QString &code, const QString &message, const QStringList &ids)
{
    Diagnostic d;
    d.severity = Diagnostic::Severity::Warning;
    d.code = code;
    d.message = message;
    d.ids = ids;
    m_diagnostics << d;
}

QString Importer::deriveId(const QString &base)
{
    QString id = base;
    for (int n = 2; m_ids.contains(id); ++n)
        id = base + QLatin1Char('-') + QString::number(n);
    m_ids.insert(id);
    return id;
}

ImportResult Importer::run(const QString &projectName)
{
    m_plan.engine = m_engine;
    m_plan.live = &m_live;
    for (int i = 0; i < m_live.tables.size(); ++i) {
        TableInfo t;
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
    buildEntities();
    buildAssociations();

    m_plan.project.name = projectName.isEmpty() ? m_live.schema : projectName;
    m_diagnostics += ImportReconciler::reconcile(m_plan);
    return {std::move(m_plan.project), std::move(m_diagnostics)};
}

void Importer::mapColumns()
{
    for (TableInfo &t : m_tables) {
        const LiveTable &live = *t.live;
        for (const LiveColumn &c : live.columns) {
            ColumnInfo info;
            info.live = &c;
            info.type = NativeTypeMap::type(m_engine, c, m_facts.fact(live.name, c.name));
            info.dataType = DataType::parse(info.type.type).value_or(DataType{});
            info.defaultValue = NativeTypeMap::defaultValue(m_engine, c.defaultExpression,
                                                            info.type.type);
            if (info.type.fit == ImportedType::Fit::Unsupported)
                warn(QStringLiteral("unsupported-type"),
                     QStringLiteral("%1.%2: %3 has no Junction type; imported as %4, the nearest.")
                         .arg(live.name, c.name, info.type.note, info.type.type));
            else if (info.type.fit == ImportedType::Fit::Approximated)
                warn(QStringLiteral("type-approximated"),
                     QStringLiteral("%1.%2: %3 is imported as %4, which loses %5.")
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
                const ColumnInfo *c = t.column(key);
                if (c && c->live->nullable && !(live.primaryKey.size() == 1 && c->dataType.kind == DataType::Kind::Integer))
                    warn(QStringLiteral("nullable-primary-key"),
                         QStringLiteral("%1.%2 is part of the primary key but allows NULL (an "
                                        "SQLite quirk); the project declares it NOT NULL.")
                             .arg(live.name, key));
            }
        }
    }
}

void Importer::findForeignKeys()
{
    for (int ti = 0; ti < m_tables.size(); ++ti) {
        TableInfo &t = m_tables[ti];
        const LiveTable &live = *t.live;
        QSet<QString> seen;
        for (const LiveForeignKey &fk : live.foreignKeys) {
            const QString first = fk.columns.value(0);
            auto skip = [&](const QString &why) {
                warn(QStringLiteral("foreign-key-not-representable"),
                     QStringLiteral("%1.%2: the foreign key %3 to %4 cannot be stated as a Sequelize "
                                    "association (%5); the column is imported as a plain attribute.")
                         .arg(live.name, fk.columns.join(QLatin1String(", ")), fk.name,
                              fk.referencedTable, why));
                m_plan.skippedForeignKeys.append({live.name, first});
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
            const TableInfo &r = m_tables.at(ri);
            const QString refColumn = fk.referencedColumns.value(0);
            if (r.live->primaryKey.size() != 1) {
                skip(QStringLiteral("%1 has no single-column primary key, and Sequelize v4 makes "
                                    "no constraint to such a table")
                         .arg(r.live->name));
                continue;
            }
            bool unique = r.live->primaryKey.first() == refColumn;
            for (const LiveUnique &u : r.live->uniques)
                unique = unique || u.columns == QStringList{refColumn};
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
            ForeignKeyInfo info;
            info.live = &fk;
            info.table = ti;
            info.referenced = ri;
            info.column = first;
            info.referencedColumn = refColumn;
            info.position = t.columnIndex.value(first);
            info.unique = live.primaryKey == QStringList{first};
            for (const LiveUnique &u : live.uniques)
                info.unique = info.unique || u.columns == QStringList{first};
            m_tables[ri].referenced = true;
            t.foreignKeys << int(m_fks.size());
            m_fks << info;
        }
        std::sort(t.foreignKeys.begin(), t.foreignKeys.end(),
                  [this](int a, int b) { return m_fks.at(a).position < m_fks.at(b).position; });
    }
}

void Importer::detectTimestamps()
{
    for (TableInfo &t : m_tables) {
        auto isDate = [&t](const QString &name) {
            const ColumnInfo *c = t.column(name);
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
        const QString deleted = t.underscored ? QStringLiteral("deleted_at")
                                              : QStringLiteral("deletedAt");
        if (t.timestamps && isDate(deleted)) {
            t.paranoid = true;
            t.deletedAt = deleted;
        }
    }
}

void Importer::detectLinks()
{
    for (TableInfo &t : m_tables) {
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
                const ForeignKeyInfo &fk = m_fks.at(fi);
                const ColumnInfo *c = t.column(fk.column);
                const bool usable = fk.referencedColumn == m_tables.at(fk.referenced).live->primaryKey.first()
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
        for (const ColumnInfo &c : std::as_const(t.columns)) {
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

void Importer::nameModels()
{
    QSet<QString> taken;
    for (TableInfo &t : m_tables) {
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
void Importer::confirmJunctions()
{
    QSet<QString> modelNames;
    for (const TableInfo &t : std::as_const(m_tables)) {
        if (!t.junction)
            modelNames.insert(t.modelName);
    }
    for (int ti = 0; ti < m_tables.size(); ++ti) {
        TableInfo &t = m_tables[ti];
        if (!t.junction)
            continue;
        auto fits = [&](int fk) {
            const TableInfo &source = m_tables.at(m_fks.at(fk).referenced);
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

void Importer::decideDeclared()
{
    for (TableInfo &t : m_tables) {
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

        if (!t.through && live.primaryKey == QStringList{QStringLiteral("id")}) {
            const ColumnInfo *id = t.column(QStringLiteral("id"));
            t.implicitId = id->dataType.kind == DataType::Kind::Integer && id->live->autoIncrement
                           && !id->defaultValue.isSet() && id->live->comment.isEmpty()
                           && !id->forceDeclared && !fkByColumn.contains(QStringLiteral("id"));
        }
        const bool pairIsKey = t.linkFirst >= 0 && t.linkUnique < 0;
        for (ColumnInfo &c : t.columns) {
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
                const ForeignKeyInfo &fk = m_fks.at(fkByColumn.value(name));
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

void Importer::buildEntities()
{
    // define.timestamps: what most models have.
    int withTimestamps = 0;
    int models = 0;
    for (const TableInfo &t : std::as_const(m_tables)) {
        if (t.junction)
            continue;
        ++models;
        withTimestamps += t.timestamps ? 1 : 0;
    }
    Project &p = m_plan.project;
    p.hasDefine = true;
    p.define.timestamps = withTimestamps * 2 >= models;

    for (const TableInfo &t : std::as_const(m_tables)) {
        for (const ColumnInfo &c : t.columns)
            m_plan.columns.insert({t.live->name, c.live->name}, {c.type, c.defaultValue});
        if (t.junction)
            continue;
        const LiveTable &live = *t.live;
        Entity e;
        e.name = t.modelName;
        e.id = EntityId(deriveId(QLatin1String("m-") + e.name));
        e.tableName = t.tableName;
        if (t.timestamps != p.define.timestamps)
            e.timestamps = t.timestamps;
        if (t.underscored)
            e.underscored = true;
        if (t.paranoid)
            e.paranoid = true;
        e.comment = live.comment;
        const bool pairIsKey = t.linkFirst >= 0 && t.linkUnique < 0;
        for (const ColumnInfo &c : t.columns) {
            if (!c.declared)
                continue;
            const LiveColumn &lc = *c.live;
            Attribute a;
            a.name = lc.name;
            a.id = AttributeId(deriveId(QLatin1String("a-") + e.name + QLatin1Char('-') + a.name));
            a.type = c.type.type;
            a.primaryKey = t.primaryKey.contains(lc.name) && !pairIsKey;
            a.autoIncrement = lc.autoIncrement;
            bool isForeignKey = false;
            for (int fi : t.foreignKeys)
                isForeignKey = isForeignKey || m_fks.at(fi).column == lc.name;
            if (isForeignKey)
                a.allowNull = lc.nullable && !a.primaryKey; // the associations read it
            else if (!lc.nullable && !a.primaryKey)
                a.allowNull = false;
            a.defaultValue = c.defaultValue;
            a.comment = lc.comment;
            e.attributes << a;
        }
        // Uniques onto the declared attributes.
        QSet<QString> groups;
        for (int u = 0; u < live.uniques.size(); ++u) {
            const LiveUnique &unique = live.uniques.at(u);
            if (u == t.linkUnique || unique.columns == live.primaryKey)
                continue;
            QString group;
            if (unique.columns.size() > 1) {
                const QString prefix = live.name + QLatin1Char('_');
                const QString suffix = QStringLiteral("_unique");
                group = unique.name;
                if (group.startsWith(prefix) && group.endsWith(suffix)
                    && group.size() > prefix.size() + suffix.size())
                    group = group.mid(prefix.size(), group.size() - prefix.size() - suffix.size());
                if (group.isEmpty())
                    group = unique.columns.join(QLatin1Char('_'));
                const QString base = group;
                for (int n = 2; groups.contains(group); ++n)
                    group = base + QString::number(n);
                groups.insert(group);
            }
            for (const QString &column : unique.columns) {
                auto it = std::find_if(e.attributes.begin(), e.attributes.end(),
                                       [&](const Attribute &a) { return a.name == column; });
                if (it == e.attributes.end())
                    continue; // an implicit FK column: its association's foreignKey says unique
                if (it->unique || !it->uniqueGroup.isEmpty()) {
                    warn(QStringLiteral("unique-not-representable"),
                         QStringLiteral("%1.%2 is in more than one unique constraint; the project "
                                        "can state one per attribute, so %3 is left out.")
                             .arg(live.name, column, unique.name.isEmpty()
                                                         ? unique.columns.join(QLatin1String(", "))
                                                         : unique.name),
                         {e.id.toString(), it->id.toString()});
                    continue;
                }
                if (group.isEmpty())
                    it->unique = true;
                else
                    it->uniqueGroup = group;
            }
        }
        const Dialect &dialect = Dialect::get(m_engine == Engine::Postgres ? Dialect::Kind::Postgres
                                              : m_engine == Engine::MySql ? Dialect::Kind::MySql
                                                                          : Dialect::Kind::Sqlite);
        for (const LiveIndex &li : live.indexes) {
            bool plain = !li.columns.isEmpty();
            for (const QString &column : li.columns)
                plain = plain && t.column(column);
            if (!plain) {
                warn(QStringLiteral("index-not-representable"),
                     QStringLiteral("%1: the index %2 is on an expression, which the project "
                                    "cannot state; it is left out.")
                         .arg(live.name, li.name),
                     {e.id.toString()});
                continue;
            }
            Index index;
            index.fields = li.columns;
            index.unique = li.unique;
            const QString defaultName = Inflection::underscore(
                (t.tableName.isEmpty() ? live.name : t.tableName) + QLatin1Char('_')
                + li.columns.join(QLatin1Char('_')));
            if (li.name != defaultName && li.name != dialect.generatedName(defaultName))
                index.name = li.name;
            e.indexes << index;
        }
        p.entities << e;
    }
}

bool Importer::freeKey(int table, const QString &key) const
{
    if (key.isEmpty())
        return false;
    return !m_keysByTable.value(m_tables.at(table).live->name).contains(key)
           && !m_tables.at(table).column(key);
}

// `wanted`, or wanted2, wanted3... whichever is free on the model; taken from now on.
QString Importer::claimKey(int table, const QString &wanted)
{
    QString key = wanted;
    for (int n = 2; !freeKey(table, key); ++n)
        key = wanted + QString::number(n);
    m_keysByTable[m_tables.at(table).live->name].insert(key);
    return key;
}

// P such that Sequelize's belongsTo name for alias P is `column` (AuthorId -> Author).
QString Importer::stem(const QString &column, const QString &key, bool underscored) const
{
    const QString suffix = underscored ? QLatin1Char('_') + key
                                       : camelize(QLatin1Char('_') + key);
    if (suffix.isEmpty() || column.size() <= suffix.size() || !column.endsWith(suffix))
        return {};
    const QString p = column.left(column.size() - suffix.size());
    const QString rebuilt = camelizeIf(underscoredIf(p, underscored) + QLatin1Char('_') + key,
                                       !underscored);
    return rebuilt == column ? p : QString();
}

int Importer::addAssociation(Association a, const ExpectedKeys &expected)
{
    QString base = QLatin1String("as-") + a.source + QLatin1Char('-') + associationTypeName(a.type)
                   + QLatin1Char('-') + a.target;
    if (a.as.isSet())
        base += QLatin1Char('-') + a.as.plural;
    a.id = AssociationId(deriveId(base));
    m_plan.project.associations << a;
    m_plan.expected << expected;
    return int(m_plan.project.associations.size()) - 1;
}

void Importer::buildAssociations()
{
    for (int ti = 0; ti < m_tables.size(); ++ti) {
        const TableInfo &t = m_tables.at(ti);
        // In column order, so that the associations append the key columns in the table's order.
        QList<std::pair<int, int>> steps; // (position, fk index; -1 for the pair)
        for (int fi : t.foreignKeys) {
            if (!m_fks.at(fi).link)
                steps.append({m_fks.at(fi).position, fi});
        }
        if (t.linkFirst >= 0)
            steps.append({m_fks.at(t.linkFirst).position, -1});
        std::stable_sort(steps.begin(), steps.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        for (const auto &[position, fi] : steps) {
            if (fi < 0)
                manyToManyPair(ti);
            else
                belongsToPair(fi);
        }
    }
}

void Importer::belongsToPair(int fi)
{
    const ForeignKeyInfo &fk = m_fks.at(fi);
    const TableInfo &h = m_tables.at(fk.table);
    const TableInfo &r = m_tables.at(fk.referenced);
    const QString &column = fk.column;
    const QString pk = pkOf(fk.referenced);
    const ColumnInfo *c = h.column(column);

    Association to;
    to.type = AssociationType::BelongsTo;
    to.source = h.modelName;
    to.target = r.modelName;
    const QString defaultKey = Inflection::singularize(r.modelName);
    const QString defaultName = camelizeIf(underscoredIf(defaultKey, h.underscored)
                                               + QLatin1Char('_') + pk,
                                           !h.underscored);
    const QString p = stem(column, pk, h.underscored);
    if (column == defaultName && freeKey(fk.table, defaultKey)) {
        claimKey(fk.table, defaultKey);
    } else if (!p.isEmpty() && p != defaultKey && freeKey(fk.table, p)) {
        to.as.plural = claimKey(fk.table, p);
    } else {
        to.foreignKey.isSet = true;
        to.foreignKey.name = column;
        // customer_id on a camelCase model still says what the row is: `as: customer`.
        QString loose = p;
        for (const QString &key : {pk, QStringLiteral("id")}) {
            for (const bool underscored : {h.underscored, !h.underscored}) {
                if (loose.isEmpty())
                    loose = stem(column, key, underscored);
            }
        }
        if (!loose.isEmpty() && loose != defaultKey && freeKey(fk.table, loose))
            to.as.plural = claimKey(fk.table, loose);
        else if (freeKey(fk.table, defaultKey))
            claimKey(fk.table, defaultKey);
        else
            to.as.plural = claimKey(fk.table, loose.isEmpty() ? upperFirst(camelize(column)) : loose);
    }
    if (fk.referencedColumn != pk)
        to.targetKey = fk.referencedColumn;

    const bool hasOne = fk.unique && fk.referencedColumn == pk;
    Association back;
    back.type = hasOne ? AssociationType::HasOne : AssociationType::HasMany;
    back.source = r.modelName;
    back.target = h.modelName;
    const QString backKey = hasOne ? Inflection::singularize(h.modelName)
                                   : Inflection::pluralize(h.modelName);
    if (freeKey(fk.referenced, backKey)) {
        claimKey(fk.referenced, backKey);
    } else {
        const QString prefix = upperFirst(to.as.isSet() ? to.as.plural
                                                        : !p.isEmpty() ? p : camelize(column));
        back.as.plural = claimKey(fk.referenced, prefix + upperFirst(backKey));
    }
    const QString backDefault =
        hasOne ? camelizeIf(underscoredIf(Inflection::singularize(back.as.isSet() ? back.as.plural
                                                                                  : r.modelName),
                                          h.underscored)
                                + QLatin1Char('_') + pk,
                            !r.underscored)
               : camelizeIf(underscoredIf(Inflection::singularize(r.modelName), r.underscored)
                                + QLatin1Char('_') + pk,
                            !r.underscored);
    if (backDefault != column) {
        back.foreignKey.isSet = true;
        back.foreignKey.name = column;
    }
    if (!hasOne && fk.referencedColumn != pk)
        back.sourceKey = fk.referencedColumn;

    const bool inverseFirst = hasOne
                              || (!c->live->nullable && fk.live->onDelete == QLatin1String("CASCADE"));
    const ExpectedKeys expected{h.live->name, column, {}};
    const int first = addAssociation(inverseFirst ? back : to, expected);
    addAssociation(inverseFirst ? to : back, expected);

    AssociationColumn ac;
    ac.table = h.live->name;
    ac.column = column;
    ac.type = c->type.type;
    ac.nullable = c->live->nullable;
    ac.unique = fk.unique && !c->declared;
    ac.comment = c->live->comment;
    ac.onDelete = fk.live->onDelete;
    ac.onUpdate = fk.live->onUpdate;
    if (!c->declared)
        ac.specOwners = {first};
    ac.ruleOwner = first;
    m_plan.associationColumns << ac;
}

void Importer::manyToManyPair(int ti)
{
    const TableInfo &j = m_tables.at(ti);
    const ForeignKeyInfo &fa = m_fks.at(j.linkFirst);
    const ForeignKeyInfo &fb = m_fks.at(j.linkSecond);
    const int ta = fa.referenced;
    const int tb = fb.referenced;
    const TableInfo &a = m_tables.at(ta);
    const TableInfo &b = m_tables.at(tb);
    const bool self = ta == tb;

    Through through;
    through.kind = j.junction ? Through::Kind::Table : Through::Kind::Model;
    through.name = j.junction ? j.live->name : j.modelName;

    auto alias = [&](int source, int target, const ForeignKeyInfo &otherKey) -> QString {
        const QString plural = Inflection::pluralize(m_tables.at(target).modelName);
        if (!self && freeKey(source, plural)) {
            claimKey(source, plural);
            return {};
        }
        QString s = stem(otherKey.column, pkOf(target), false);
        if (s.isEmpty())
            s = stem(otherKey.column, pkOf(target), true);
        const QString wanted = s.isEmpty() ? plural : upperFirst(Inflection::pluralize(s));
        return claimKey(source, self && wanted == plural ? upperFirst(camelize(otherKey.column)) : wanted);
    };

    auto make = [&](int source, int target, const ForeignKeyInfo &own, const ForeignKeyInfo &other,
                    bool second) {
        Association m;
        m.type = AssociationType::BelongsToMany;
        m.source = m_tables.at(source).modelName;
        m.target = m_tables.at(target).modelName;
        m.through = through;
        m.as.plural = alias(source, target, other);
        const TableInfo &s = m_tables.at(source);
        const TableInfo &t = m_tables.at(target);
        const QString fkDefault = camelizeIf(underscoredIf(Inflection::singularize(s.modelName),
                                                           s.underscored)
                                                 + QLatin1Char('_') + pkOf(source),
                                             !s.underscored);
        if (self || fkDefault != own.column) {
            m.foreignKey.isSet = true;
            m.foreignKey.name = own.column;
        }
        // The second of a pair takes its partner's foreignKey as otherKey by default.
        const QString otherBase = self ? Inflection::singularize(m.as.plural)
                                       : Inflection::singularize(t.modelName);
        const QString okDefault = camelizeIf(underscoredIf(otherBase, t.underscored)
                                                 + QLatin1Char('_') + pkOf(target),
                                             !t.underscored);
        if (self || (!second && okDefault != other.column)) {
            m.otherKey.isSet = true;
            m.otherKey.name = other.column;
        }
        if (j.junction && j.timestamps != m_plan.project.define.timestamps)
            m.timestamps = j.timestamps;
        return addAssociation(m, {j.live->name, own.column, other.column});
    };
    const int first = make(ta, tb, fa, fb, false);
    const int second = make(tb, ta, fb, fa, true);

    for (const ForeignKeyInfo *fk : {&fa, &fb}) {
        const ColumnInfo *c = j.column(fk->column);
        AssociationColumn ac;
        ac.table = j.live->name;
        ac.column = fk->column;
        ac.type = c->type.type;
        ac.nullable = c->live->nullable;
        ac.comment = c->live->comment;
        ac.onDelete = fk->live->onDelete;
        ac.onUpdate = fk->live->onUpdate;
        ac.specOwners = {first, second};
        ac.ruleOwner = fk == &fa ? first : second;
        m_plan.associationColumns << ac;
    }
}

} // namespace

ImportResult SchemaImporter::importSchema(const LiveSchema &live, Engine engine,
                                          const ColumnFacts &facts, const QString &projectName)
{
    return Importer(live, engine, facts).run(projectName);
}

} // namespace Junction
