// SPDX-License-Identifier: MIT
#include "resolvedschema.h"

#include "accessors.h"
#include "dependencyorder.h"
#include "resolverwork.h"
#include "twohalves.h"

/*
 * How a project resolves into tables: Sequelize v4.44.4's rules, replayed in the order
 * Sequelize would run them (models defined first, then associations in file order).
 *
 * Models
 *   table name   tableName, else the model name when freezeTableName, else
 *                underscoredIf(pluralize(name), underscoredAll).
 *   names        singular = singularize(name), plural = pluralize(name).
 *   implicit     `id` INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT at the head when no attribute
 *                is a primary key; createdAt/updatedAt (NOT NULL DATE) with timestamps, deletedAt
 *                (nullable DATE) with paranoid; v4 underscores these names when underscored.
 *                An implicit attribute the user declared keeps the user's place and definition.
 *   order        id, declared attributes, timestamps, then FK attributes in association order.
 *
 * Default foreign key names (pk(M) = first primary key attribute of M, und(M) = underscored)
 *   belongsTo     A.belongsTo(B)   on A  camelizeIf(underscoredIf(as, und(A)) + "_" + pk(B), !und(A)),
 *                                        as = alias or B's singular; pk(B) even when targetKey is set
 *   hasOne        A.hasOne(B)      on B  camelizeIf(underscoredIf(singularize(alias or A's name),
 *                                        und(B)) + "_" + pk(A), !und(A))
 *   hasMany       A.hasMany(B)     on B  camelizeIf(underscoredIf(A's singular, und(A)) + "_" + pk(A),
 *                                        !und(A)); the alias is not used
 *   belongsToMany foreignKey             as hasMany; otherKey: camelizeIf(underscoredIf(self ?
 *                                        singularize(as) : B's singular, und(B)) + "_" + pk(B), !und(B))
 *
 * The new FK attribute is {type: the referenced key's type, allowNull: true} under what the
 * foreignKey object says. It is merged into an attribute of the same name with Sequelize's
 * mergeDefaults: values already there win, missing ones are filled in. So the first
 * association that defines a column owns it, and a declared attribute's settings win.
 *
 * Referential actions (only when constraints !== false)
 *   belongsTo   ON DELETE user || (allowNull ? SET NULL : NO ACTION)   ON UPDATE user || CASCADE
 *   hasOne      ON DELETE user || (allowNull ? SET NULL : CASCADE)     ON UPDATE user || CASCADE
 *   hasMany     ON DELETE user || (allowNull ? SET NULL : CASCADE)     ON UPDATE user || CASCADE
 *   n:m keys    ON DELETE/UPDATE CASCADE; the foreignKey takes user || earlier || CASCADE, the
 *               otherKey earlier || user || CASCADE (a paired association's choice wins).
 *   allowNull is read from the attribute as it was before the merge (a declared FK without
 *   allowNull counts as NOT NULL here though the column stays nullable); v4's hasOne reads it
 *   after the merge and writes its actions over an earlier association's.
 *   constraints: false adds no REFERENCES, except that belongsTo/hasOne/hasMany still add one
 *   when onDelete or onUpdate is given explicitly. A referenced model with a composite primary
 *   key gets no REFERENCES at all (v4); Junction warns.
 *
 * Junction tables (belongsToMany)
 *   `through: "X"` uses the model named X when there is one, else creates table X verbatim,
 *   with the source's underscored and comment, timestamps on unless the association or define turns
 *   them off. Its implicit id is dropped and (foreignKey, otherKey) become the primary key; a
 *   junction with its own declared primary key gets UNIQUE <table>_<fk>_<otherKey>_unique.
 *   Two belongsToMany in opposite directions through the same `through` pair: a defaulted
 *   otherKey takes the partner's foreignKey. Any other sharing is an error here (Sequelize
 *   silently deletes a key column).
 *
 * Constraint names (Junction's own; Sequelize leaves them to the database)
 *   PRIMARY KEY <table>_pkey, FOREIGN KEY <table>_<column>_fkey, UNIQUE <table>_<column>_unique
 *   or <table>_<group>_unique for `unique: "group"`; indexes keep their name, else
 *   underscore(<table>_<fields joined by _>) as Sequelize names them.
 */

namespace Junction {

using namespace ResolverDetail;

void Resolver::report(Diagnostic::Severity severity, const QString &code,
                      const QString &message, const QString &path, const QStringList &ids)
{
    Diagnostic d;
    d.severity = severity;
    d.code = code;
    d.message = message;
    d.path = path;
    d.ids = ids;
    diagnosticsSink() << d;
}

QString Resolver::describeAssociation(int index) const
{
    const Association &a = m_project.associations.at(index);
    QString s = a.source + QLatin1Char('.') + associationTypeName(a.type) + QLatin1Char('(')
                + a.target;
    if (a.as.isSet()) {
        s += QLatin1String(", as ");
        s += a.as.isObject ? a.as.plural : a.as.plural;
    }
    return s + QLatin1Char(')');
}

ResolvedSchema Resolver::run()
{
    // The associations' records (6 MB at XL, 1.5 ms to construct) are made on another core
    // while defineModels settles the model names, which it does on this one alone.
    const int associations = int(m_project.associations.size());
    {
        SideTask records(associations >= kLaneMinimum, [this, associations] {
            m_prepared.resize(size_t(associations));
            m_associations.resize(associations);
        });
        defineModels();
    }
    // Before the side task below: on a big schema it takes both cores itself.
    prepareAssociations();
    ResolvedSchema schema;
    // The schema's indexes of association ids and of the models' table and model names
    // depend on nothing the associations change: on a big schema another core builds them
    // while the associations are replayed (19 ms of an XL resolve when built afterwards).
    // It reads the models' names while created junction tables are appended: only where
    // defineModels made room for one per association, so the list does not move.
    const int models = int(m_models.size());
    const bool roomForJunctions = m_models.capacity() - models >= m_project.associations.size();
    const WorkModel *work = m_models.constData();
    const auto indexing = [this, &schema, work, models](bool pairs) {
        indexModels(schema, work, models);
        if (pairs)
            pairAssociations();
    };
    m_lanes = m_lanes && roomForJunctions;
    if (m_lanes) {
        // Which runs the indexes beside its one serial step, and pairs the associations in
        // that step (both take about as long).
        associateInLanes([&indexing] { indexing(false); });
    } else {
        SideTask indexes(models >= 2000 && roomForJunctions, [&indexing] { indexing(true); });
        // The loop waits on memory more than it computes: each association reads and writes
        // two or three of 10,000 models (their records and column lists are scattered over
        // ~30 MB). Its models are known from the preparation, so they are fetched a few turns
        // ahead: the records first, their lists' data once the records are there.
        const int count = int(m_project.associations.size());
        for (int i = 0; i < count; ++i) {
            if (i + 8 < count)
                prefetchModels(i + 8);
            if (i + 4 < count)
                prefetchLists(i + 4);
            associate(i);
        }
    }
    checkTwoColumnRelationships();
    for (int k = models; k < m_models.size(); ++k) // created junction tables, after the models
        schema.m_tableIndex.insert(m_models.at(k).tableName, k);

    buildTables(schema);
    // What the work models and prepared associations still hold is freed on another core while
    // this one orders the tables (it was most of the Resolver's teardown: 5 ms of an XL
    // resolve, on this thread after the rest).
    SideTask release(models >= 2000, [this] { releaseWork(); });
    schema.associations = m_associations;
    const DependencyOrder order = computeDependencyOrder(schema);
    schema.creationOrder = order.creationOrder;
    schema.hasCycle = !order.cycles.isEmpty();
    m_diagnostics += order.diagnostics;
    schema.diagnostics = m_diagnostics;
    release.wait();
    return schema;
}

void Resolver::defineModels()
{
    // Which models are defined, and the two errors that decide it, are settled first and in
    // order; building each model is independent of the others, so on a big schema the second
    // half is built on another core (with its own diagnostics and type cache), and the halves'
    // diagnostics are joined in model order.
    const int entityCount = int(m_project.entities.size());
    QList<int> modelOf(entityCount, -1); // the model an entity becomes, -1: none
    Diagnostics decided;                  // each with the entity it concerns
    QList<int> decidedEntity;
    int models = 0;
    m_modelByName.reserve(entityCount);
    m_modelsByName.reserve(entityCount);
    for (int i = 0; i < entityCount; ++i) {
        if (i + 8 < entityCount) // the name hashed a few turns later
            prefetchString(m_project.entities.at(i + 8).name);
        const Entity &e = m_project.entities.at(i);
        // One hash lookup that inserts the name when it is new (contains() and then insert()
        // hashed and compared every name twice: this loop is serial).
        const auto [model, inserted] = m_modelByName.emplace(e.name, 0);
        const bool duplicate = !e.name.isEmpty() && !inserted;
        if (e.name.isEmpty()) {
            error(QStringLiteral("missing-name"), QStringLiteral("A model needs a name."),
                  QStringLiteral("models[%1].name").arg(i), {e.id.toString()});
        } else if (duplicate) {
            error(QStringLiteral("duplicate-model"),
                  QStringLiteral("Model \"%1\" is defined twice; model names must be unique.")
                      .arg(e.name),
                  QStringLiteral("models[%1].name").arg(i), {e.id.toString()});
        }
        if (!m_diagnostics.isEmpty()) { // just reported: kept for its place among the models'
            decided << m_diagnostics.takeLast();
            decidedEntity << i;
        }
        if (duplicate)
            continue;
        modelOf[i] = models;
        m_modelsByName.add(e.name, models);
        *model = models++; // of two nameless models, the later one is found by the name
    }

    // How many foreign key columns associations may add to each model (the lists are sized
    // for them): belongsTo's on its source, hasOne's and hasMany's on the target, two on a
    // model used as `through`. A name lookup per association: on a big schema the second half
    // of them is counted on another core, into lists of its own added afterwards.
    QList<int> foreignKeys(models, 0);
    m_junctionModel = QList<bool>(models, false);
    QList<int> secondForeignKeys;
    QList<bool> secondJunctionModel;
    int *const firstKeys = foreignKeys.data();
    bool *const firstJunction = m_junctionModel.data();
    const QList<Association> &associations = m_project.associations;
    inTwoHalves(int(associations.size()), 4000, [&](int from, int to, int half) {
        if (half == 1) {
            secondForeignKeys = QList<int>(models, 0);
            secondJunctionModel = QList<bool>(models, false);
        }
        int *const keys = half == 0 ? firstKeys : secondForeignKeys.data();
        bool *const junction = half == 0 ? firstJunction : secondJunctionModel.data();
        for (int i = from; i < to; ++i) {
            if (i + 8 < to) { // the holder's name, hashed a few turns later
                const Association &ahead = associations.at(i + 8);
                prefetchString(ahead.type == AssociationType::BelongsToMany ? ahead.through.name
                               : ahead.type == AssociationType::BelongsTo   ? ahead.source
                                                                            : ahead.target);
            }
            const Association &a = associations.at(i);
            const bool onSource = a.type == AssociationType::BelongsTo;
            const QString &holder = a.type == AssociationType::BelongsToMany ? a.through.name
                                    : onSource                               ? a.source
                                                                             : a.target;
            const int model = modelNamed(holder);
            if (model >= 0)
                keys[model] += a.type == AssociationType::BelongsToMany ? 2 : 1;
            if (model >= 0 && a.type == AssociationType::BelongsToMany)
                junction[model] = true;
        }
    });
    for (qsizetype k = 0; k < secondForeignKeys.size(); ++k) {
        firstKeys[k] += secondForeignKeys.at(k);
        firstJunction[k] = firstJunction[k] || secondJunctionModel.at(k);
    }

    // Junction tables are appended later; reserving for them avoids copying every model.
    m_models.reserve(models + m_project.associations.size());
    m_models.resize(models);
    WorkModel *built = m_models.data();
    Resolver second(m_project);
    inTwoHalves(entityCount, 2000, [&](int from, int to, int half) {
        Resolver &r = half == 0 ? *this : second;
        qsizetype d = std::lower_bound(decidedEntity.cbegin(), decidedEntity.cend(), from)
                      - decidedEntity.cbegin();
        for (int i = from; i < to; ++i) {
            for (; d < decidedEntity.size() && decidedEntity.at(d) == i; ++d)
                r.m_diagnostics << decided.at(d);
            if (modelOf.at(i) >= 0)
                r.defineModel(i, foreignKeys.at(modelOf.at(i)), built[modelOf.at(i)]);
        }
    });
    m_diagnostics += second.m_diagnostics;
}

void Resolver::defineModel(int entityIndex, int foreignKeys, WorkModel &m)
{
    const Entity &e = m_project.entities.at(entityIndex);
    const DefineOptions &d = m_project.define;
    m.entityIndex = entityIndex;
    m.name = e.name;
    m.comment = e.comment;
    m.underscored = e.underscored.value_or(d.underscored);
    m.timestamps = e.timestamps.value_or(d.timestamps);
    const bool underscoredAll = e.underscoredAll.value_or(d.underscoredAll);
    const bool freeze = e.freezeTableName.value_or(d.freezeTableName);
    const bool paranoid = e.paranoid.value_or(d.paranoid);
    auto modelPathOf = [entityIndex]() -> QString { return QStringLiteral("models[%1]").arg(entityIndex); };
    // Models have a handful of attributes: a scan beats hashing every name.
    auto seenBefore = [&m](const QString &name) { return m.indexOf(name) >= 0; };
    // Whether the implicit id is needed is decided before the attributes are added, so that it
    // is appended first rather than prepended (which reallocates both lists of a model). A
    // primary key counts only on the first attribute of its name (a repeated one is dropped
    // below); a declared `id` without primaryKey is an error and gets no implicit id.
    bool hasPrimaryKey = false;
    bool declaresId = false;
    for (int i = 0; i < e.attributes.size(); ++i) {
        const Attribute &a = e.attributes.at(i);
        declaresId = declaresId || a.name == QLatin1String("id");
        if (!a.primaryKey || a.name.isEmpty() || hasPrimaryKey)
            continue;
        bool repeated = false;
        for (int k = 0; k < i && !repeated; ++k)
            repeated = e.attributes.at(k).name == a.name;
        hasPrimaryKey = !repeated;
    }
    // Room for every column the model gets: its attributes, the implicit ones and the foreign
    // keys associations may bring. The lists become the table's: spare room would stay
    // allocated with every resolved schema (10 MB of 75 on the XL schema when it was 8).
    const bool needsId = !hasPrimaryKey && !declaresId;
    const qsizetype columns = e.attributes.size() + (needsId ? 1 : 0)
                              + (m.timestamps ? 2 + (paranoid ? 1 : 0) : 0) + foreignKeys;
    m.columns.reserve(columns);
    m.work.reserve(columns);
    if (foreignKeys > 0) // reserve(0) would allocate
        m.links.reserve(foreignKeys); // each foreign key column gets one
    // The new column list is mostly memory no cache holds: fetched now, while the table name
    // is inflected, rather than one line at a time as each column is written.
    prefetchBytes(m.columns.constData(), size_t(columns) * sizeof(ResolvedColumn));
    prefetchBytes(m.work.constData(), size_t(columns) * sizeof(ColumnWork));
    if (!e.tableName.isEmpty())
        m.tableName = e.tableName;
    else if (freeze)
        m.tableName = e.name;
    else
        m.tableName = underscoredIf(m.plural(), underscoredAll);
    if (needsId)
        m.appendImplicitId();
    for (int i = 0; i < e.attributes.size(); ++i) {
        const Attribute &a = e.attributes.at(i);
        // Paths and ids are only built when something is reported: this loop runs for every
        // attribute of a 10,000-model schema.
        auto path = [&]() -> QString { return modelPathOf() + QStringLiteral(".attributes[%1]").arg(i); };
        auto ids = [&] { return QStringList{e.id.toString(), a.id.toString()}; };
        if (a.name.isEmpty()) {
            error(QStringLiteral("missing-name"),
                  QStringLiteral("An attribute of model %1 has no name.").arg(e.name),
                  path() + QLatin1String(".name"), ids());
            continue;
        }
        if (seenBefore(a.name)) {
            error(QStringLiteral("duplicate-attribute"),
                  QStringLiteral("Model %1 declares attribute \"%2\" twice.").arg(e.name, a.name),
                  path() + QLatin1String(".name"), ids());
            continue;
        }
        const DataType &type = parseType(a.type, [&]() -> QString { return path() + QLatin1String(".type"); }, ids);
        // Built in place: no temporary to move and destroy per attribute.
        ResolvedColumn &c = m.columns.emplaceBack();
        c.name = a.field.isEmpty() ? a.name : a.field;
        c.attribute = a.name;
        m.noteName(a.name);
        c.type = type;
        c.primaryKey = a.primaryKey;
        c.autoIncrement = a.autoIncrement;
        c.unique = a.unique;
        // Most attributes have neither a default nor a comment: the new column's null strings
        // stay (an out-of-line QString assignment each, for every attribute).
        static_assert(sizeof(DefaultValue) == 40, "copy every member of DefaultValue here");
        c.defaultValue.kind = a.defaultValue.kind;
        c.defaultValue.boolean = a.defaultValue.boolean;
        c.defaultValue.number = a.defaultValue.number;
        if (!a.defaultValue.text.isNull())
            c.defaultValue.text = a.defaultValue.text;
        if (!a.comment.isNull())
            c.comment = a.comment;
        c.attributeId = a.id;
        c.attributeIndex = i;
        ColumnWork &w = m.work.emplaceBack();
        w.allowNull = a.allowNull;
        w.hasField = !a.field.isEmpty();
        if (!a.uniqueGroup.isEmpty())
            m.linkFor(int(m.columns.size()) - 1).uniqueGroup = a.uniqueGroup;
    }

    if (!hasPrimaryKey && declaresId) {
        const int i = m.indexOf(QStringLiteral("id"));
        error(QStringLiteral("id-not-primary-key"),
              QStringLiteral("A column called 'id' was added to the attributes of '%1' but "
                             "not marked with 'primaryKey: true'")
                  .arg(m.tableName),
              modelPathOf() + QStringLiteral(".attributes[%1]").arg(i),
              {e.id.toString(), m.columns.at(i).attributeId.toString()});
    }

    // The timestamps' names, camel-cased and underscored: the same for every model, inflected
    // once rather than for each.
    static const QString timestampNames[2][3] = {
        {QStringLiteral("createdAt"), QStringLiteral("updatedAt"), QStringLiteral("deletedAt")},
        {Inflection::underscore(QStringLiteral("createdAt")),
         Inflection::underscore(QStringLiteral("updatedAt")),
         Inflection::underscore(QStringLiteral("deletedAt"))}};
    const QString *const timestampName = timestampNames[m.underscored ? 1 : 0];
    auto addTimestamp = [&](const QString &name, bool nullable) {
        if (seenBefore(name))
            return; // a declared timestamp keeps the user's place and definition
        m.appendTimestamp(name, nullable);
    };
    if (m.timestamps) {
        addTimestamp(timestampName[0], false);
        addTimestamp(timestampName[1], false);
        if (paranoid)
            addTimestamp(timestampName[2], true);
    } else if (paranoid) {
        warning(QStringLiteral("paranoid-without-timestamps"),
                QStringLiteral("Model %1 is paranoid but has timestamps off; Sequelize adds no "
                               "deletedAt column without timestamps.")
                    .arg(e.name),
                modelPathOf() + QLatin1String(".paranoid"), {e.id.toString()});
    }

    // Kept now: the associations' preparation reads them (and the names below) from two threads.
    m.settlePrimaryKeys();
    m.singular();
    m.plural();
}

bool Resolver::checkAlias(int index, WorkModel &source, const QString &key)
{
    const Association &a = m_project.associations.at(index);
    const int earlierIndex = source.associationWithKey(key);
    const QString earlier = earlierIndex < 0 ? QString() : assocId(earlierIndex);
    if (a.as.isSet() && !earlier.isNull()) {
        error(QStringLiteral("duplicate-alias"),
              QStringLiteral("You have used the alias %1 in two separate associations. Aliased "
                             "associations must have unique aliases. (%2; rename one `as`.)")
                  .arg(key, describeAssociation(index)),
              associationPath(index, QStringLiteral("as")),
              {assocId(index), earlier});
        return false;
    }
    if (!a.as.isSet() && !earlier.isNull()) {
        warning(QStringLiteral("replaced-association"),
                QStringLiteral("%1 has no alias and uses the same name \"%2\" as an earlier "
                               "association of %3; Sequelize silently replaces the earlier one. "
                               "Give one of them an `as`.")
                    .arg(describeAssociation(index), key, source.name),
                associationPath(index), {assocId(index), earlier});
        for (auto &entry : source.associationKeys) {
            if (entry.first == key)
                entry.second = index; // the later one replaces it, as in Sequelize
        }
        return true;
    }
    if (source.associationKeys.isEmpty())
        source.associationKeys.reserve(4); // most models have a few; fewer reallocations
    source.associationKeys.append({key, index});
    return true;
}

void Resolver::checkNamingCollision(int index, const WorkModel &source, const QString &as)
{
    if (source.indexOf(as) >= 0)
        reportNamingCollision(index, source, as);
}

void Resolver::reportNamingCollision(int index, const WorkModel &source, const QString &as)
{
    error(QStringLiteral("naming-collision"),
          QStringLiteral("Naming collision between attribute '%1' and association '%1' on model "
                         "%2. To remedy this, change either foreignKey or as in your association "
                         "definition")
              .arg(as, source.name),
          associationPath(index, QStringLiteral("as")), {assocId(index)});
}

void Resolver::associate(int index)
{
    if (!associateAlias(index) || !associateKeys(index))
        return;
    ResolvedAssociation &out = m_associations[index];
    checkNamingCollision(index, m_models.at(m_prepared[size_t(index)].source), out.as);
    out.valid = true;
}

bool Resolver::associateAlias(int index)
{
    ResolvedAssociation &out = m_associations[index];
    const PreparedAssociation &prepared = m_prepared[size_t(index)];
    if (!prepared.ready && !checkModels(index, out, prepared.source, prepared.target))
        return false;
    return checkAlias(index, m_models[prepared.source], out.as);
}

bool Resolver::associateKeys(int index)
{
    const Association &a = m_project.associations.at(index);
    ResolvedAssociation &out = m_associations[index];
    const PreparedAssociation &prepared = m_prepared[size_t(index)];
    const int source = prepared.source;
    const int target = prepared.target;
    const Diagnostics &diagnostics = diagnosticsSink();
    const int diagnosticsBefore = int(diagnostics.size());
    switch (a.type) {
    case AssociationType::BelongsTo: belongsTo(index, source, target, out); break;
    case AssociationType::HasOne: hasOne(index, source, target, out); break;
    case AssociationType::HasMany: hasMany(index, source, target, out); break;
    case AssociationType::BelongsToMany: belongsToMany(index, source, target, out); break;
    }
    bool failed = false;
    for (int i = diagnosticsBefore; i < diagnostics.size(); ++i)
        failed = failed || diagnostics.at(i).severity == Diagnostic::Severity::Error;
    return !failed;
}

void Resolver::pairAssociations()
{
    // The models prepare() found by name (the associations never change them).
    for (int i = 0; i < int(m_prepared.size()); ++i) {
        const PreparedAssociation &p = m_prepared[size_t(i)];
        if (p.type == AssociationType::BelongsTo && p.source >= 0 && p.target >= 0)
            m_belongsToByPair.insert(modelPair(i), i);
    }
}

// Only one side underscored, or aliases on both sides of a hasMany/belongsTo pair, give two
// FK columns where the user meant one relationship.
//
// The pairs are keyed by model indexes (a valid association names two models); the
// belongsTo ones include the invalid, skipped here, so that the valid ones of a pair come in
// the order they always did.
void Resolver::checkTwoColumnRelationships()
{
    for (int i = 0; i < m_associations.size(); ++i) {
        const ResolvedAssociation &many = m_associations.at(i);
        if (!many.valid || many.type != AssociationType::HasMany)
            continue;
        const Association &manyIn = m_project.associations.at(i);
        const quint64 pair = modelPair(i);
        const auto range = m_belongsToByPair.equal_range(pair << 32 | pair >> 32); // target, source
        for (auto it = range.first; it != range.second; ++it) {
            const int k = *it;
            const ResolvedAssociation &back = m_associations.at(k);
            if (!back.valid || back.foreignKeyColumn == many.foreignKeyColumn)
                continue;
            const Association &backIn = m_project.associations.at(k);
            if (manyIn.foreignKey.isSet || backIn.foreignKey.isSet || backIn.as.isSet())
                continue;
            warning(QStringLiteral("two-columns-one-relationship"),
                    QStringLiteral("%1 and %2 look like the two sides of one relationship but "
                                   "create two columns, %3.%4 and %3.%5 (their `underscored` "
                                   "settings differ). Give both the same foreignKey to get one.")
                        .arg(describeAssociation(i), describeAssociation(k), many.foreignKeyTable,
                             many.foreignKeyColumn, back.foreignKeyColumn),
                    associationPath(k, QStringLiteral("foreignKey")), {assocId(i), assocId(k)});
        }
    }
}

// The work models are not needed afterwards: their columns are moved, not copied (only the
// table names stay, other tables' foreign keys read them). What else they hold is freed
// afterwards (releaseWork, see run()): freed here, in the two halves, it cost the tables more
// than it saved (the halves' allocations and frees contend for the allocator's memory).
//
// Each table only reads the other models' table names: on a big schema the second half is
// built on another core, into its own places in the list.
void Resolver::buildTables(ResolvedSchema &schema)
{
    schema.tables.resize(m_models.size());
    ResolvedTable *tables = schema.tables.data();
    WorkModel *models = m_models.data();
    inTwoHalves(int(m_models.size()), 2000, [&](int from, int to, int) {
        SharedLists shared; // one per half: the threads do not share their counts
        for (int k = from; k < to; ++k) {
            if (k + 3 < to)
                prefetchTableLinks(models[k + 3]);
            if (k + 2 < to)
                prefetchTableKeys(models[k + 2]);
            if (k + 1 < to)
                prefetchTableStrings(models[k + 1]);
            buildTable(models[k], tables[k], shared);
        }
    });
}

// buildTable waits on memory more than it computes: it copies strings (a write to each one's
// shared header) held by the project, by other models (the referenced tables' names) and by
// the associations (their ids), scattered over the whole schema. The tables a few turns ahead
// are fetched in stages, each reading what the stage before brought in: a model's lists, then
// the records its keys refer to, then the strings in them.
void Resolver::prefetchTableLinks(const WorkModel &m) const
{
    __builtin_prefetch(m.links.constData(), 0);
    __builtin_prefetch(m.work.constData(), 0);
    __builtin_prefetch(m.columns.constData(), 1);
    if (m.entityIndex >= 0)
        __builtin_prefetch(&m_project.entities.at(m.entityIndex), 0);
}

void Resolver::prefetchTableKeys(const WorkModel &m) const
{
    for (const ColumnLink &link : m.links) {
        if (link.referencedModel >= 0)
            __builtin_prefetch(&m_models.at(link.referencedModel).tableName, 0);
        if (!link.associations.isEmpty())
            __builtin_prefetch(link.associations.constData(), 0);
    }
    if (m.entityIndex >= 0) {
        const Entity &e = m_project.entities.at(m.entityIndex);
        prefetchString(e.id.toString());
    }
    prefetchString(m.tableName);
    prefetchString(m.name);
}

void Resolver::prefetchTableStrings(const WorkModel &m) const
{
    for (const ColumnLink &link : m.links) {
        if (link.referencedModel >= 0)
            prefetchString(m_models.at(link.referencedModel).tableName);
        if (!link.associations.isEmpty())
            prefetchString(link.associations.first().toString());
    }
}

void Resolver::releaseWork()
{
    for (WorkModel &m : m_models) {
        m.work = {};
        m.links = {};
        m.associationKeys = {};
        m.junctionUsers = {};
        m.m_singular = QString();
        m.m_plural = QString();
    }
    std::vector<PreparedAssociation>().swap(m_prepared);
}

// Most tables' primary key is the one column `id` and most foreign keys reference an `id`:
// those one-name lists are shared (implicitly, as any copy of a QStringList) instead of
// allocated for each table and key.
const QStringList &Resolver::SharedLists::of(const QString &name)
{
    for (const QStringList &list : std::as_const(lists)) {
        if (WorkModel::sameName(list.first(), name))
            return list;
    }
    if (lists.size() == 4) // names other than a few: a list each, as before
        lists.removeFirst();
    lists.append(QStringList{name});
    return lists.last();
}

void Resolver::buildTable(WorkModel &m, ResolvedTable &t, SharedLists &shared) const
{
    // What the table takes from the model is moved (no reference count to write here, nor to
    // release when the Resolver goes), except the table name: other tables read it.
    t.name = m.tableName;
    t.comment = std::move(m.comment);
    if (m.entityIndex >= 0) {
        t.entity = m_project.entities.at(m.entityIndex).id;
        t.entityIndex = m.entityIndex;
        t.entityName = std::move(m.name);
    } else {
        t.junctionOf = std::move(m.junctionOf);
        t.junctionOfIndex = m.junctionOfIndex;
    }
    if (m.entityIndex >= 0) {
        const Entity &e = m_project.entities.at(m.entityIndex);
        for (const Index &idx : e.indexes) {
            ResolvedIndex ri;
            ri.unique = idx.unique;
            QStringList attrNames;
            for (const QString &f : idx.fields) {
                const int i = m.indexOf(f);
                ri.columns << (i >= 0 ? m.columns.at(i).name : f);
                attrNames << f;
            }
            ri.name = idx.name.isEmpty()
                          ? Inflection::underscore(t.name + QLatin1Char('_')
                                                   + attrNames.join(QLatin1Char('_')))
                          : idx.name;
            t.indexes << ri;
        }
    }
    // Room for the keys and uniques up front: growing each table's lists one by one
    // reallocated nearly every time (most tables have one or two).
    qsizetype foreignKeys = 0;
    for (const ColumnLink &link : std::as_const(m.links))
        foreignKeys += link.referencedModel >= 0 ? 1 : 0;
    if (foreignKeys > 0) // reserve(0) would allocate
        t.foreignKeys.reserve(foreignKeys);
    QHash<QString, int> groupIndex;
    const int primaryKeys = m.primaryKeyCount();
    ColumnLink none;
    for (int i = 0; i < m.columns.size(); ++i) {
        ResolvedColumn &c = m.columns[i];
        const ColumnWork &w = m.work.at(i);
        c.allowNull = w.allowNull.value_or(true) && !c.primaryKey;
        // A link belongs to one column: what its foreign key takes is moved out of it below.
        ColumnLink &a = w.link < 0 ? none : m.links[w.link];
        if (!a.associations.isEmpty())
            c.association = a.associations.first(); // created, or a declared one reused
        if (c.primaryKey) {
            if (primaryKeys == 1)
                t.primaryKey = shared.of(c.name);
            else
                t.primaryKey << c.name;
        }
        c.unique = c.unique && !(c.primaryKey && primaryKeys == 1);
        if (c.unique) {
            t.uniques << ResolvedUnique{t.name + QLatin1Char('_') + c.name
                                            + QStringLiteral("_unique"),
                                        {c.name}};
        }
        if (!a.uniqueGroup.isEmpty()) {
            const bool generated = a.uniqueGroup.startsWith(t.name + QLatin1Char('_'))
                                   && a.uniqueGroup.endsWith(QStringLiteral("_unique"));
            const QString name = generated ? a.uniqueGroup
                                           : t.name + QLatin1Char('_') + a.uniqueGroup
                                                 + QStringLiteral("_unique");
            auto it = groupIndex.find(name);
            if (it == groupIndex.end()) {
                groupIndex.insert(name, int(t.uniques.size()));
                t.uniques << ResolvedUnique{name, {c.name}};
            } else {
                t.uniques[*it].columns << c.name;
            }
        }
        if (a.referencedModel >= 0) {
            ResolvedForeignKey &fk = t.foreignKeys.emplaceBack();
            fk.name = t.name + QLatin1Char('_') + c.name + QStringLiteral("_fkey");
            fk.columns << c.name;
            fk.referencedTable = m_models.at(a.referencedModel).tableName;
            fk.referencedTableIndex = a.referencedModel; // table k is model k
            fk.referencedColumns = shared.of(a.referencedKey);
            fk.onDelete = std::move(a.onDelete);
            fk.onUpdate = std::move(a.onUpdate);
            fk.associations = std::move(a.associations);
            fk.associationIndex = c.associationIndex;
        }
    }
    t.columns = std::move(m.columns);
}

const ResolvedColumn *ResolvedTable::column(const QString &columnName) const
{
    for (const ResolvedColumn &c : columns) {
        if (c.name == columnName)
            return &c;
    }
    return nullptr;
}

QStringList ResolvedAssociation::accessors() const
{
    return accessorNames(type, singular, plural);
}

// What buildIndexes() gives, from the project and the work models: associations are indexed
// by their project ids (each resolved one takes its association's), table k is model k, and
// the model-name index is m_modelByName itself when every model has an id (a model's table
// counts only then; a repeated name is not a model, and of two nameless models the later one
// wins in both).
void Resolver::indexModels(ResolvedSchema &schema, const WorkModel *work, int models) const
{
    const QList<Association> &associations = m_project.associations;
    schema.m_associationIndex.reserve(associations.size());
    qsizetype junctions = 0; // at most one created per belongsToMany
    for (int i = 0; i < associations.size(); ++i) {
        schema.m_associationIndex.insert(associations.at(i).id.toString(), i); // the last wins
        junctions += associations.at(i).type == AssociationType::BelongsToMany ? 1 : 0;
    }
    schema.m_tableIndex.reserve(models + junctions);
    bool allIds = true;
    for (int k = 0; k < models; ++k) {
        schema.m_tableIndex.insert(work[k].tableName, k); // the last wins, like a later CREATE
        allIds = allIds && !m_project.entities.at(work[k].entityIndex).id.isNull();
    }
    if (allIds) {
        schema.m_entityTableIndex = m_modelByName;
        return;
    }
    schema.m_entityTableIndex.reserve(models);
    for (int k = 0; k < models; ++k) {
        if (!m_project.entities.at(work[k].entityIndex).id.isNull())
            schema.m_entityTableIndex.insert(work[k].name, k);
    }
}

void ResolvedSchema::buildIndexes()
{
    m_tableIndex.clear();
    m_entityTableIndex.clear();
    m_associationIndex.clear();
    m_tableIndex.reserve(tables.size());
    m_entityTableIndex.reserve(tables.size());
    m_associationIndex.reserve(associations.size());
    for (int i = 0; i < tables.size(); ++i) {
        m_tableIndex.insert(tables.at(i).name, i); // the last wins, like a later CREATE
        if (!tables.at(i).entity.isNull())
            m_entityTableIndex.insert(tables.at(i).entityName, i);
    }
    for (int i = 0; i < associations.size(); ++i)
        m_associationIndex.insert(associations.at(i).id.toString(), i);
}

int ResolvedSchema::tableIndex(const QString &tableName) const
{
    const int i = m_tableIndex.value(tableName, -1);
    return i < int(tables.size()) ? i : -1;
}

const ResolvedTable *ResolvedSchema::table(const QString &tableName) const
{
    const int i = m_tableIndex.value(tableName, -1);
    return i < 0 || i >= tables.size() ? nullptr : &tables.at(i);
}

const ResolvedTable *ResolvedSchema::tableForEntity(const QString &entityName) const
{
    const int i = m_entityTableIndex.value(entityName, -1);
    return i < 0 || i >= tables.size() ? nullptr : &tables.at(i);
}

const ResolvedAssociation *ResolvedSchema::association(const AssociationId &id) const
{
    const int i = m_associationIndex.value(id.toString(), -1);
    return i < 0 || i >= associations.size() ? nullptr : &associations.at(i);
}

ResolvedSchema resolve(const Project &project)
{
    return Resolver(project).run();
}

ResolvedSchema ResolverDetail::resolveWithMode(const Project &project, ResolveMode mode,
                                               bool *tookLanes)
{
    Resolver resolver(project, mode);
    ResolvedSchema schema = resolver.run();
    if (tookLanes)
        *tookLanes = resolver.tookLanes();
    return schema;
}
} // namespace Junction
