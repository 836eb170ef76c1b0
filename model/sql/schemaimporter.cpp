// SPDX-License-Identifier: MIT
#include "schemaimporter.h"

#include "dialect.h"
#include "importanalysis.h"
#include "importplan.h"
#include "importreconciler.h"
#include "inflection.h"

#include <QSet>

#include <algorithm>

/*
 * How a live schema becomes a project (the inverse of resolver.cpp's rules), once
 * ImportAnalysis (importanalysis.cpp) has said what each table is, which columns are
 * declared, which foreign keys can be stated and what the models are called.
 *
 * Foreign keys
 *   H.col -> R.key   H.belongsTo(R) plus the inverse R.hasMany(H), or R.hasOne(H) when the
 *                    column is unique (or is H's whole primary key) and references R's key.
 *                    The first of the two owns the column (resolver.cpp): the inverse comes
 *                    first for hasOne (v4's hasOne rewrites the rules anyway) and for a
 *                    NOT NULL column with ON DELETE CASCADE (hasMany's default there),
 *                    belongsTo first otherwise.
 *   implicit         the associations make the column unless ImportAnalysis declared it;
 *                    a declared one is reused by them (its own settings win).
 *   names            belongsTo: no option when Sequelize's default name is the column; else
 *                    `as: P` when P + the key gives it (AuthorId -> as Author, parent_id on an
 *                    underscored model -> as parent); else `foreignKey`, with `as: P` when the
 *                    other naming convention or the key `id` gives a P (customer_id -> as
 *                    customer). The inverse states `foreignKey` when its own default differs,
 *                    `sourceKey`/`targetKey` when the referenced column is not the primary key.
 *   aliases          otherwise only where Sequelize's default key (singular or plural of the
 *                    target) is already taken on the source, by another association or an
 *                    attribute: P + the default (AuthorPosts), numbered when still taken.
 *   order            per table in column order of the key columns, so that the associations
 *                    append the columns in the table's order.
 *
 * Link tables: a belongsToMany pair, `through: "<table>"` for a pure junction (`timestamps`
 * when it differs from define), `through: {"model": ...}` for a through model; the first's
 * source is the table the first key column references. A self-reference (both keys to one
 * table) gets an alias on each side from the other key's column (referredId -> Referreds)
 * and both keys explicit, as Sequelize needs them.
 *
 * Models: define.timestamps follows the majority; a model states timestamps when it differs,
 * underscored and paranoid when set, its comment, its declared attributes, uniques (a group
 * named from a <table>_<group>_unique constraint, else the constraint's name, else its
 * columns) and indexes (named only when not Sequelize's underscore(<table>_<fields>)).
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

// Builds the project from the analysis: entities, then associations in table order.
class Importer
{
public:
    Importer(const LiveSchema &live, Engine engine, const ColumnFacts &facts)
        : m_live(live)
        , m_engine(engine)
        , m_analysis(live, engine, facts)
        , m_tables(m_analysis.tables())
        , m_fks(m_analysis.foreignKeys())
    {
    }

    ImportResult run(const QString &projectName);

private:
    void buildEntities();
    void buildAssociations();
    void belongsToPair(int fk);
    void manyToManyPair(int table);

    QString pkOf(int table) const { return m_tables.at(table).pk(); }
    bool freeKey(int table, const QString &key) const;
    QString claimKey(int table, const QString &wanted);
    QString stem(const QString &column, const QString &key, bool underscored) const;
    void warn(const QString &code, const QString &message, const QStringList &ids = {});
    QString deriveId(const QString &base);
    int addAssociation(Association a, const ExpectedKeys &expected);

    const LiveSchema &m_live;
    Engine m_engine;
    const ImportAnalysis m_analysis;
    const QList<AnalyzedTable> &m_tables;
    const QList<AnalyzedForeignKey> &m_fks;
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
    m_plan.skippedForeignKeys = m_analysis.skippedForeignKeys();
    m_diagnostics = m_analysis.diagnostics();
    buildEntities();
    buildAssociations();

    m_plan.project.name = projectName.isEmpty() ? m_live.schema : projectName;
    m_diagnostics += ImportReconciler::reconcile(m_plan);
    return {std::move(m_plan.project), std::move(m_diagnostics)};
}

void Importer::buildEntities()
{
    // define.timestamps: what most models have.
    int withTimestamps = 0;
    int models = 0;
    for (const AnalyzedTable &t : std::as_const(m_tables)) {
        if (t.junction)
            continue;
        ++models;
        withTimestamps += t.timestamps ? 1 : 0;
    }
    Project &p = m_plan.project;
    p.hasDefine = true;
    p.define.timestamps = withTimestamps * 2 >= models;

    for (const AnalyzedTable &t : std::as_const(m_tables)) {
        for (const AnalyzedColumn &c : t.columns)
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
        for (const AnalyzedColumn &c : t.columns) {
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
                             .arg(live.name, column,
                                  unique.name.isEmpty() ? unique.columns.join(QLatin1String(", "))
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
        const Dialect &dialect
            = Dialect::get(m_engine == Engine::Postgres    ? Dialect::Kind::Postgres
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
            const QString defaultName
                = Inflection::underscore((t.tableName.isEmpty() ? live.name : t.tableName)
                                         + QLatin1Char('_') + li.columns.join(QLatin1Char('_')));
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
    const QString suffix = underscored ? QLatin1Char('_') + key : camelize(QLatin1Char('_') + key);
    if (suffix.isEmpty() || column.size() <= suffix.size() || !column.endsWith(suffix))
        return {};
    const QString p = column.left(column.size() - suffix.size());
    const QString rebuilt
        = camelizeIf(underscoredIf(p, underscored) + QLatin1Char('_') + key, !underscored);
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
        const AnalyzedTable &t = m_tables.at(ti);
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
    const AnalyzedForeignKey &fk = m_fks.at(fi);
    const AnalyzedTable &h = m_tables.at(fk.table);
    const AnalyzedTable &r = m_tables.at(fk.referenced);
    const QString &column = fk.column;
    const QString pk = pkOf(fk.referenced);
    const AnalyzedColumn *c = h.column(column);

    Association to;
    to.type = AssociationType::BelongsTo;
    to.source = h.modelName;
    to.target = r.modelName;
    const QString defaultKey = Inflection::singularize(r.modelName);
    const QString defaultName = camelizeIf(
        underscoredIf(defaultKey, h.underscored) + QLatin1Char('_') + pk, !h.underscored);
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
            to.as.plural
                = claimKey(fk.table, loose.isEmpty() ? upperFirst(camelize(column)) : loose);
    }
    if (fk.referencedColumn != pk)
        to.targetKey = fk.referencedColumn;

    const bool hasOne = fk.unique && fk.referencedColumn == pk;
    Association back;
    back.type = hasOne ? AssociationType::HasOne : AssociationType::HasMany;
    back.source = r.modelName;
    back.target = h.modelName;
    const QString backKey
        = hasOne ? Inflection::singularize(h.modelName) : Inflection::pluralize(h.modelName);
    if (freeKey(fk.referenced, backKey)) {
        claimKey(fk.referenced, backKey);
    } else {
        const QString prefix = upperFirst(to.as.isSet()      ? to.as.plural
                                              : !p.isEmpty() ? p
                                                             : camelize(column));
        back.as.plural = claimKey(fk.referenced, prefix + upperFirst(backKey));
    }
    const QString backDefault = hasOne
        ? camelizeIf(
            underscoredIf(Inflection::singularize(back.as.isSet() ? back.as.plural : r.modelName),
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

    const bool inverseFirst
        = hasOne || (!c->live->nullable && fk.live->onDelete == QLatin1String("CASCADE"));
    const ExpectedKeys expected {h.live->name, column, {}};
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
    const AnalyzedTable &j = m_tables.at(ti);
    const AnalyzedForeignKey &fa = m_fks.at(j.linkFirst);
    const AnalyzedForeignKey &fb = m_fks.at(j.linkSecond);
    const int ta = fa.referenced;
    const int tb = fb.referenced;
    const AnalyzedTable &a = m_tables.at(ta);
    const AnalyzedTable &b = m_tables.at(tb);
    const bool self = ta == tb;

    Through through;
    through.kind = j.junction ? Through::Kind::Table : Through::Kind::Model;
    through.name = j.junction ? j.live->name : j.modelName;

    auto alias = [&](int source, int target, const AnalyzedForeignKey &otherKey) -> QString {
        const QString plural = Inflection::pluralize(m_tables.at(target).modelName);
        if (!self && freeKey(source, plural)) {
            claimKey(source, plural);
            return {};
        }
        QString s = stem(otherKey.column, pkOf(target), false);
        if (s.isEmpty())
            s = stem(otherKey.column, pkOf(target), true);
        const QString wanted = s.isEmpty() ? plural : upperFirst(Inflection::pluralize(s));
        return claimKey(source,
                        self && wanted == plural ? upperFirst(camelize(otherKey.column)) : wanted);
    };

    auto make = [&](int source, int target, const AnalyzedForeignKey &own,
                    const AnalyzedForeignKey &other, bool second) {
        Association m;
        m.type = AssociationType::BelongsToMany;
        m.source = m_tables.at(source).modelName;
        m.target = m_tables.at(target).modelName;
        m.through = through;
        m.as.plural = alias(source, target, other);
        const AnalyzedTable &s = m_tables.at(source);
        const AnalyzedTable &t = m_tables.at(target);
        const QString fkDefault
            = camelizeIf(underscoredIf(Inflection::singularize(s.modelName), s.underscored)
                             + QLatin1Char('_') + pkOf(source),
                         !s.underscored);
        if (self || fkDefault != own.column) {
            m.foreignKey.isSet = true;
            m.foreignKey.name = own.column;
        }
        // The second of a pair takes its partner's foreignKey as otherKey by default.
        const QString otherBase
            = self ? Inflection::singularize(m.as.plural) : Inflection::singularize(t.modelName);
        const QString okDefault
            = camelizeIf(underscoredIf(otherBase, t.underscored) + QLatin1Char('_') + pkOf(target),
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

    for (const AnalyzedForeignKey *fk : {&fa, &fb}) {
        const AnalyzedColumn *c = j.column(fk->column);
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
