// SPDX-License-Identifier: MIT
// The four association types, replayed as Sequelize v4 runs them: each injects or reuses a
// foreign key attribute (or builds a junction table) and records what it resolved to. The
// rule table is at the top of resolver.cpp.
#include "resolverwork.h"

#include <algorithm>

namespace Junction::ResolverDetail {

QString upperActions(const QString &action)
{
    if (action.isEmpty())
        return QString(); // most associations give none
    // Most are written as the database spells them (CASCADE, SET NULL): the same string,
    // shared, rather than two new ones per association.
    const bool asSpelled = !action.front().isSpace() && !action.back().isSpace()
                           && std::all_of(action.cbegin(), action.cend(), [](QChar c) {
                                  return c.unicode() < 0x80 && !(c >= u'a' && c <= u'z');
                              });
    return asSpelled ? action : action.trimmed().toUpper();
}

// The referential-action rule of belongsTo/hasOne/hasMany (table at the top): with
// constraints, ON DELETE defaults by nullability and ON UPDATE to CASCADE; without, only
// what was given explicitly, which still brings the REFERENCES back.
Actions referentialActions(const Association &a, bool allowNull, const QString &notNullDelete)
{
    Actions actions{upperActions(a.onDelete), upperActions(a.onUpdate)};
    const bool constraints = a.constraints.value_or(true);
    if (constraints) {
        if (actions.onDelete.isEmpty())
            actions.onDelete = allowNull ? kSetNull : notNullDelete;
        if (actions.onUpdate.isEmpty())
            actions.onUpdate = kCascade;
    }
    actions.references = constraints || !actions.onDelete.isEmpty() || !actions.onUpdate.isEmpty();
    return actions;
}


// The first association that defines a FK column owns it. A later one that explicitly asks
// for other rules or nullability gets Sequelize's result and a warning naming both.
void Resolver::warnIfOwnedElsewhere(int index, const WorkModel &holder, int existingIndex,
                                    const NewAttribute &incoming)
{
    if (existingIndex < 0 || holder.link(existingIndex).associations.isEmpty())
        return;
    const ColumnLink *existing = &holder.link(existingIndex);
    const std::optional<bool> existingAllowNull = holder.work.at(existingIndex).allowNull;
    const Association &a = m_project.associations.at(index);
    QStringList differences;
    if (!a.onDelete.isEmpty() && existing->referencedModel >= 0
        && upperActions(a.onDelete) != existing->onDelete)
        differences << QStringLiteral("ON DELETE %1 (kept: %2)")
                           .arg(upperActions(a.onDelete), existing->onDelete);
    if (!a.onUpdate.isEmpty() && existing->referencedModel >= 0
        && upperActions(a.onUpdate) != existing->onUpdate)
        differences << QStringLiteral("ON UPDATE %1 (kept: %2)")
                           .arg(upperActions(a.onUpdate), existing->onUpdate);
    const bool allowNullAsked = a.foreignKey.isObject && a.foreignKey.allowNull.has_value();
    if (allowNullAsked && existingAllowNull.has_value()
        && *incoming.work.allowNull != *existingAllowNull)
        differences << QStringLiteral("allowNull: %1 (kept: %2)")
                           .arg(*incoming.work.allowNull ? QStringLiteral("true") : QStringLiteral("false"),
                                *existingAllowNull ? QStringLiteral("true") : QStringLiteral("false"));
    if (differences.isEmpty())
        return;
    const QString owner = existing->associations.first().toString();
    int ownerIndex = -1;
    for (int i = 0; i < m_project.associations.size(); ++i) {
        if (m_project.associations.at(i).id.toString() == owner)
            ownerIndex = i;
    }
    warning(QStringLiteral("fk-definition-conflict"),
            QStringLiteral("%1 asks for %2 on %3.%4, but %5 defined that column first and its "
                           "definition wins, as in Sequelize. Set the options on the first "
                           "association.")
                .arg(describeAssociation(index), differences.join(QLatin1String(", ")),
                     holder.tableName, holder.columns.at(existingIndex).name,
                     ownerIndex >= 0 ? describeAssociation(ownerIndex) : owner),
            associationPath(index), {assocId(index), owner});
}

NewAttribute Resolver::newForeignKey(const KeySpec &spec, const DataType &referencedType,
                                     int associationIndex)
{
    NewAttribute fk;
    fk.column.type = referencedType;
    if (spec.isObject && !spec.type.isEmpty())
        fk.column.type = parseType(spec.type, [&]() -> QString {
            return associationPath(associationIndex, QStringLiteral("foreignKey.type"));
        },
                                   [] { return QStringList(); });
    fk.work.allowNull = spec.isObject && spec.allowNull.has_value() ? spec.allowNull : std::optional<bool>(true);
    if (spec.isObject && !spec.field.isEmpty()) {
        fk.column.name = spec.field;
        fk.work.hasField = true;
    }
    fk.column.unique = spec.isObject && spec.unique.value_or(false);
    fk.column.comment = spec.isObject ? spec.comment : QString();
    fk.column.origin = ResolvedColumn::Origin::ForeignKey;
    return fk;
}

// The attribute's name: the column follows it unless `field` was given.
static void setName(NewAttribute &attribute, const QString &name)
{
    attribute.column.attribute = name;
    if (!attribute.work.hasField)
        attribute.column.name = name;
}

int Resolver::mergeAttribute(WorkModel &model, NewAttribute incoming, int associationIndex,
                             int i)
{
    if (i < 0) {
        incoming.link.associations << m_project.associations.at(associationIndex).id;
        incoming.column.associationIndex = associationIndex;
        model.append(std::move(incoming));
        return int(model.columns.size()) - 1;
    }
    ResolvedColumn &existing = model.columns[i];
    ColumnWork &work = model.work[i];
    if (existing.associationIndex < 0)
        existing.associationIndex = associationIndex;
    if (!work.allowNull.has_value())
        work.allowNull = incoming.work.allowNull;
    if (!work.hasField && incoming.work.hasField)
        model.setField(i, incoming.column.name);
    if (existing.comment.isEmpty())
        existing.comment = incoming.column.comment;
    if (!existing.unique)
        existing.unique = incoming.column.unique;
    ColumnLink &link = model.linkFor(i);
    if (link.referencedModel < 0 && incoming.link.referencedModel >= 0) {
        link.referencedModel = incoming.link.referencedModel;
        link.referencedKey = incoming.link.referencedKey;
    }
    if (link.onDelete.isEmpty())
        link.onDelete = incoming.link.onDelete;
    if (link.onUpdate.isEmpty())
        link.onUpdate = incoming.link.onUpdate;
    link.associations << m_project.associations.at(associationIndex).id;
    return i;
}

bool Resolver::addReferences(ColumnLink &attribute, int referencedModel, const QString &key,
                             const QString &onDelete, const QString &onUpdate,
                             int associationIndex)
{
    const WorkModel &ref = m_models.at(referencedModel);
    // Counted by prepare() when the key is stable: in lanes another thread may be adding
    // columns to the referenced model (its count stays, its kept count does not).
    const PreparedAssociation &prepared = m_prepared[size_t(associationIndex)];
    if ((prepared.keyStable ? prepared.referencedPrimaryKeys : ref.primaryKeyCount()) != 1) {
        warning(QStringLiteral("composite-key-no-constraint"),
                QStringLiteral("%1 references %2, whose primary key has several columns; "
                               "Sequelize v4 creates no FOREIGN KEY constraint for it.")
                    .arg(describeAssociation(associationIndex), ref.name),
                associationPath(associationIndex), {assocId(associationIndex)});
        return false;
    }
    attribute.referencedModel = referencedModel;
    attribute.referencedKey = key.isEmpty() ? ref.columns.at(ref.primaryKeyIndex()).name : key;
    attribute.onDelete = onDelete;
    attribute.onUpdate = onUpdate;
    return true;
}

// targetKey (belongsTo) or sourceKey (hasMany): the given attribute, else the model's
// primary key; an unknown one is Sequelize v6's error. The other option does not apply.
int Resolver::referencedKeyIndex(int index, const WorkModel &model, const QString &given,
                                 const QString &option, const QString &ignoredOption)
{
    warnIgnoredKey(index, ignoredOption);
    const QString key = given.isEmpty() ? model.columns.at(model.primaryKeyIndex()).attribute
                                        : given;
    const int keyIndex = model.indexOf(key);
    if (keyIndex < 0)
        error(option == QLatin1String("targetKey") ? QStringLiteral("unknown-target-key")
                                                    : QStringLiteral("unknown-source-key"),
              QStringLiteral("Unknown attribute \"%1\" passed as %2, define this attribute on "
                             "model \"%3\" first")
                  .arg(key, option, model.name),
              associationPath(index, option), {assocId(index)});
    return keyIndex;
}

// The key a belongsTo (of its target) or hasMany (of its source) references. A stable key is
// taken as prepared, without reading the model's columns: another lane may be appending to
// them. Without a primary key the association stops quietly (reported before).
std::optional<KeyInfo> Resolver::referencedKey(int index, int model, const QString &given,
                                               const QString &option,
                                               const QString &ignoredOption)
{
    const PreparedAssociation &prepared = m_prepared[size_t(index)];
    const WorkModel &m = m_models.at(model);
    if (prepared.keyStable) {
        warnIgnoredKey(index, ignoredOption);
        return m.stableKey(prepared.keyIndex);
    }
    if (m.primaryKeyIndex() < 0)
        return std::nullopt;
    const int keyIndex = referencedKeyIndex(index, m, given, option, ignoredOption);
    if (keyIndex < 0)
        return std::nullopt;
    return m.key(keyIndex);
}

void Resolver::warnIgnoredKey(int index, const QString &ignoredOption)
{
    if (ignoredOption.isEmpty())
        return;
    warning(QStringLiteral("ignored-option"),
            QStringLiteral("%1: `%2` does not apply to %3 and is ignored.")
                .arg(describeAssociation(index), ignoredOption,
                     associationTypeName(m_project.associations.at(index).type)),
            associationPath(index, ignoredOption), {assocId(index)});
}

int Resolver::placeForeignKey(int index, WorkModel &holder, NewAttribute fk, int referencedModel,
                              const QString &referencedKey, const QString &notNullDelete)
{
    const Association &a = m_project.associations.at(index);
    const int existing = holder.indexOf(fk.column.attribute);
    const bool allowNull = existing >= 0 ? holder.work.at(existing).allowNull.value_or(false)
                                         : fk.work.allowNull.value_or(true);
    const Actions actions = referentialActions(a, allowNull, notNullDelete);
    if (actions.references)
        addReferences(fk.link, referencedModel, referencedKey, actions.onDelete, actions.onUpdate,
                      index);
    warnIfOwnedElsewhere(index, holder, existing, fk);
    return mergeAttribute(holder, std::move(fk), index, existing);
}

void Resolver::recordForeignKey(ResolvedAssociation &out, const WorkModel &holder, int column,
                                const QString &referencedKey)
{
    const ResolvedColumn &resolved = holder.columns.at(column);
    const ColumnLink &link = holder.link(column);
    out.foreignKey = resolved.attribute;
    out.foreignKeyColumn = resolved.name;
    out.foreignKeyTable = holder.tableName;
    out.referencedKey = referencedKey;
    out.constraints = link.referencedModel >= 0;
    out.onDelete = link.onDelete;
    out.onUpdate = link.onUpdate;
}

void Resolver::belongsTo(int index, int source, int target, ResolvedAssociation &out)
{
    const Association &a = m_project.associations.at(index);
    const PreparedAssociation &prepared = m_prepared[size_t(index)];
    WorkModel &src = m_models[source];
    const QString ignored = a.sourceKey.isEmpty() ? QString() : QStringLiteral("sourceKey");
    // Copied before the merge: for a self-association it appends to the list `key` lives in.
    const std::optional<KeyInfo> found = referencedKey(index, target, a.targetKey,
                                                       QStringLiteral("targetKey"), ignored);
    if (!found)
        return;
    const KeyInfo key = *found;

    NewAttribute fk = newForeignKey(a.foreignKey, key.type, index);
    setName(fk, !a.foreignKey.name.isEmpty() ? a.foreignKey.name
                : prepared.keysReady         ? prepared.foreignKey
                                             : defaultForeignKey(index, source, target, out, {}));
    const int merged = placeForeignKey(index, src, std::move(fk), target, key.column, kNoAction);
    recordForeignKey(out, src, merged, key.column);
}

void Resolver::hasOne(int index, int source, int target, ResolvedAssociation &out)
{
    const Association &a = m_project.associations.at(index);
    const PreparedAssociation &prepared = m_prepared[size_t(index)];
    const WorkModel &src = m_models.at(source); // its name only, when the key is stable
    WorkModel &tgt = m_models[target];
    const int pk = prepared.keyStable ? 0 : src.primaryKeyIndex();
    if (pk < 0)
        return;
    if (!a.sourceKey.isEmpty() || !a.targetKey.isEmpty())
        warning(QStringLiteral("ignored-option"),
                QStringLiteral("%1: Sequelize v4 ignores `%2` on hasOne; the FK references %3's "
                               "primary key.")
                    .arg(describeAssociation(index),
                         a.sourceKey.isEmpty() ? QStringLiteral("targetKey")
                                               : QStringLiteral("sourceKey"),
                         src.name),
                associationPath(index, a.sourceKey.isEmpty() ? QStringLiteral("targetKey")
                                                             : QStringLiteral("sourceKey")),
                {assocId(index)});
    const KeyInfo key = prepared.keyStable ? src.stableKey(prepared.keyIndex) : src.key(pk);
    NewAttribute fk = newForeignKey(a.foreignKey, key.type, index);
    setName(fk, !a.foreignKey.name.isEmpty() ? a.foreignKey.name
                : prepared.keysReady         ? prepared.foreignKey
                                             : defaultForeignKey(index, source, target, out, {}));

    // v4 merges first, then reads allowNull and writes its actions over what was there.
    const int before = tgt.indexOf(fk.column.attribute);
    const QString earlierOnDelete = before >= 0 ? tgt.link(before).onDelete : QString();
    const int merged = mergeAttribute(tgt, std::move(fk), index, before);
    ColumnLink &work = tgt.linkFor(merged);
    const Actions actions = referentialActions(a, tgt.work.at(merged).allowNull.value_or(false),
                                               kCascade);
    const QString &onDelete = actions.onDelete;
    const QString &onUpdate = actions.onUpdate;
    if (actions.references) {
        if (!earlierOnDelete.isEmpty() && earlierOnDelete != onDelete && work.associations.size() > 1)
            warning(QStringLiteral("fk-redefined"),
                    QStringLiteral("%1 redefines ON DELETE of %2.%3 from %4 to %5 (Sequelize v4's "
                                   "hasOne overwrites the earlier association's rules).")
                        .arg(describeAssociation(index), tgt.tableName, tgt.columns.at(merged).name,
                             earlierOnDelete, onDelete),
                    associationPath(index), {assocId(index)});
        // A stable key is the primary key's column, what an empty key gives.
        addReferences(work, source, prepared.keyStable ? key.column : QString(), onDelete,
                      onUpdate, index);
    }
    recordForeignKey(out, tgt, merged, key.column);
}

void Resolver::hasMany(int index, int source, int target, ResolvedAssociation &out)
{
    const Association &a = m_project.associations.at(index);
    const PreparedAssociation &prepared = m_prepared[size_t(index)];
    WorkModel &tgt = m_models[target];
    const QString ignored = a.targetKey.isEmpty() ? QString() : QStringLiteral("targetKey");
    const std::optional<KeyInfo> found = referencedKey(index, source, a.sourceKey,
                                                       QStringLiteral("sourceKey"), ignored);
    if (!found)
        return;
    const KeyInfo key = *found;
    NewAttribute fk = newForeignKey(a.foreignKey, key.type, index);
    setName(fk, !a.foreignKey.name.isEmpty() ? a.foreignKey.name
                : prepared.keysReady
                    ? prepared.foreignKey
                    : defaultForeignKey(index, source, target, out, m_models[source].singular()));
    const int merged = placeForeignKey(index, tgt, std::move(fk), source, key.column, kCascade);
    recordForeignKey(out, tgt, merged, key.column);
}

int Resolver::junctionModel(int index, int source)
{
    const Association &a = m_project.associations.at(index);
    PreparedAssociation &prepared = m_prepared[size_t(index)];
    if (prepared.junctionModel >= 0)
        return prepared.junctionModel; // found before the lanes (associateInLanes)
    const int model = prepared.ready ? prepared.throughModel
                                     : modelNamed(a.through.name);
    if (model >= 0)
        return model; // Sequelize uses a defined model of that name, string or not
    if (a.through.kind == Through::Kind::Model) {
        error(QStringLiteral("unknown-model"),
              QStringLiteral("%1 uses the model \"%2\" as `through`, which does not exist.")
                  .arg(describeAssociation(index), a.through.name),
              associationPath(index, QStringLiteral("through")), {assocId(index)});
        return -1;
    }
    if (const int existing = m_junctionByTable.value(a.through.name, -1); existing >= 0)
        return existing;

    const int created = int(m_models.size());
    m_junctionByTable.insert(a.through.name, created);
    if (prepared.junction) {
        m_models << std::move(*prepared.junction);
        prepared.junction.reset();
        prepared.junctionTaken = true;
    } else {
        m_models << createJunction(index, source, true);
    }
    return created;
}

// The table `through: "X"` creates when there is no model X: defined with the source's
// options, as Sequelize does.
WorkModel Resolver::createJunction(int index, int source, bool withId) const
{
    WorkModel j;
    buildJunction(index, source, withId, j);
    return j;
}

// createJunction() into a fresh model `j`: a prepared junction is built where it is kept, not
// moved there, and its id and timestamps are appended in place (appendImplicitId(),
// appendTimestamp()) rather than built as NewAttributes and moved in: 3,750 junctions at XL.
void Resolver::buildJunction(int index, int source, bool withId, WorkModel &j) const
{
    const Association &a = m_project.associations.at(index);
    const WorkModel &src = m_models.at(source);
    j.name = a.through.name;
    j.tableName = a.through.name;
    j.underscored = src.underscored;
    j.comment = src.comment; // Sequelize defines it with the source's options, comment included
    j.timestamps = a.timestamps.value_or(m_project.define.timestamps);
    j.junctionOf = a.id;
    j.junctionOfIndex = index;
    // Room for the id (when there is one), timestamps and the two keys: removing the id at
    // the front leaves its room there, not at the end where the keys go.
    const int columns = (withId ? 1 : 0) + (j.timestamps ? 2 : 0) + 2;
    j.columns.reserve(columns);
    j.work.reserve(columns);
    j.links.reserve(2); // the two keys
    if (withId)
        j.appendImplicitId();
    if (j.timestamps) {
        // underscoredIf(camel, j.underscored) of createdAt and updatedAt, inflected once.
        static const QString names[2][2] = {
            {QStringLiteral("createdAt"), QStringLiteral("updatedAt")},
            {Inflection::underscore(QStringLiteral("createdAt")),
             Inflection::underscore(QStringLiteral("updatedAt"))}};
        for (const QString &name : names[j.underscored ? 1 : 0])
            j.appendTimestamp(name, false);
    }
}

// Sequelize's belongsToMany on its junction: the implicit primary key goes (or stops being
// one when it is a key), the two key attributes are set (_.extend: their values overwrite
// what an attribute of that name had) and become the primary key, or a unique group when
// the junction keeps a primary key of its own. Changes nothing but `j`; parseKeyType parses
// a key object's `type`.
template<typename ParseKeyType>
JunctionKeys Resolver::joinJunctionKeys(int index, WorkModel &j, const JunctionUse &use,
                                        const KeyInfo &sourceKey, const KeyInfo &targetKey,
                                        ParseKeyType parseKeyType, bool idDropped) const
{
    const Association &a = m_project.associations.at(index);
    bool primaryKeyDeleted = idDropped;
    for (int i = int(j.columns.size()) - 1; i >= 0; --i) {
        ResolvedColumn &attr = j.columns[i];
        if (!(attr.primaryKey && j.work.at(i).autoGenerated))
            continue;
        if (attr.attribute == use.foreignKey || attr.attribute == use.otherKey)
            j.setPrimaryKey(i, false);
        else
            j.removeAt(i);
        primaryKeyDeleted = true;
    }
    const QString uniqueGroup = primaryKeyDeleted
                                    ? QString()
                                    : j.tableName + QLatin1Char('_') + use.foreignKey
                                          + QLatin1Char('_') + use.otherKey
                                          + QStringLiteral("_unique");
    const bool constraints = a.constraints.value_or(true);
    const QString userDelete = upperActions(a.onDelete);
    const QString userUpdate = upperActions(a.onUpdate);

    // The index of the key attribute in the junction (its lists may grow: no references).
    auto inject = [&](const QString &name, const KeySpec &spec, const KeyInfo &key,
                      int referenced, bool userFirst) -> int {
        int i = j.indexOf(name);
        if (i < 0) {
            // A fresh key attribute, appended in place (not built as a NewAttribute and moved
            // in); its type is set just below.
            j.appendImplicit(name, DataType::Kind::Invalid, ResolvedColumn::Origin::ForeignKey);
            j.work.last().autoGenerated = true;
            i = int(j.columns.size()) - 1;
        }
        ResolvedColumn &attr = j.columns[i];
        ColumnLink &work = j.linkFor(i);
        const QString earlierDelete = work.onDelete;
        const QString earlierUpdate = work.onUpdate;
        // _.extend: these values overwrite what the attribute had.
        attr.type = key.type;
        if (spec.isObject) {
            if (!spec.type.isEmpty())
                attr.type = parseKeyType(spec.type);
            if (spec.allowNull.has_value())
                j.work[i].allowNull = spec.allowNull;
            j.setField(i, spec.field);
            if (!spec.comment.isEmpty())
                attr.comment = spec.comment;
        }
        if (primaryKeyDeleted) {
            j.setPrimaryKey(i, true);
            work.uniqueGroup.clear();
        } else {
            work.uniqueGroup = uniqueGroup;
        }
        if (constraints) {
            work.referencedModel = referenced;
            work.referencedKey = key.column;
            const QString &first = userFirst ? userDelete : earlierDelete;
            const QString &second = userFirst ? earlierDelete : userDelete;
            work.onDelete = !first.isEmpty() ? first : !second.isEmpty() ? second : kCascade;
            const QString &firstU = userFirst ? userUpdate : earlierUpdate;
            const QString &secondU = userFirst ? earlierUpdate : userUpdate;
            work.onUpdate = !firstU.isEmpty() ? firstU : !secondU.isEmpty() ? secondU : kCascade;
        }
        // A fresh link's list is made with its one id: QList's general append path for a
        // non-relocatable element type is twice the cost (7,500 keys at XL).
        if (work.associations.isEmpty())
            work.associations = QList<AssociationId>(1, a.id);
        else
            work.associations << a.id;
        if (attr.associationIndex < 0)
            attr.associationIndex = index;
        return i;
    };
    JunctionKeys keys;
    keys.foreignKey = inject(use.foreignKey, a.foreignKey, sourceKey, use.source, true);
    // Read before the other key is joined: it may be the same attribute.
    keys.foreignKeyColumn = j.columns.at(keys.foreignKey).name;
    keys.onDelete = j.link(keys.foreignKey).onDelete;
    keys.onUpdate = j.link(keys.foreignKey).onUpdate;
    keys.references = j.link(keys.foreignKey).referencedModel >= 0;
    keys.otherKey = inject(use.otherKey, a.otherKey, targetKey, use.target, false);
    return keys;
}

// A junction prepared for a belongsToMany (prepare()) gets its keys joined too, when the
// association would create it: the junction has no users yet, so nothing pairs with it, and
// its keys' types come from the two primary keys (a key object's own `type` is parsed in
// order, where an unknown one is reported). Their attributes and types do not change while
// associating (the models are no junctions); their columns may (a foreign key merged into a
// primary key attribute can give it a `field`), so belongsToMany sets the referenced columns
// again when it takes the junction.
void Resolver::prepareJunctionKeys(int index, PreparedAssociation &p) const
{
    const Association &a = m_project.associations.at(index);
    const bool typed = (a.foreignKey.isObject && !a.foreignKey.type.isEmpty())
                       || (a.otherKey.isObject && !a.otherKey.type.isEmpty());
    if (!p.junctionWanted || !p.keysReady || typed)
        return;
    const WorkModel &src = m_models.at(p.source);
    const WorkModel &tgt = m_models.at(p.target);
    JunctionUse use;
    use.source = p.source;
    use.target = p.target;
    use.foreignKey = a.foreignKey.isSet ? a.foreignKey.name : p.foreignKey;
    use.otherKey = a.otherKey.isSet ? a.otherKey.name : p.otherKey;
    // Joining removes the implicit id unless a key is named `id`: it is not created then
    // (built and removed, it was a fifth of the junction's cost).
    const QLatin1String id("id");
    const bool idDropped = use.foreignKey != id && use.otherKey != id;
    p.junction = std::make_unique<WorkModel>();
    buildJunction(index, p.source, !idDropped, *p.junction);
    p.junctionKeys = joinJunctionKeys(index, *p.junction, use, src.key(src.primaryKeyIndex()),
                                      tgt.key(tgt.primaryKeyIndex()),
                                      [](const QString &) { return DataType(); }, idDropped);
    p.keysJoined = true;
}

void Resolver::belongsToMany(int index, int source, int target, ResolvedAssociation &out)
{
    const Association &a = m_project.associations.at(index);
    auto ids = [&] { return QStringList{assocId(index)}; }; // built only to report
    if (a.through.kind == Through::Kind::None || a.through.name.isEmpty()) {
        error(QStringLiteral("missing-through"),
              QStringLiteral("belongsToMany must be given a through option, either a string or a "
                             "model (%1)")
                  .arg(describeAssociation(index)),
              associationPath(index, QStringLiteral("through")), ids());
        return;
    }
    const bool self = source == target;
    if (self && !a.as.isSet()) {
        error(QStringLiteral("self-many-needs-alias"),
              QStringLiteral("'as' must be defined for many-to-many self-associations (%1)")
                  .arg(describeAssociation(index)),
              associationPath(index, QStringLiteral("as")), ids());
        return;
    }
    for (const auto &[spec, key] : {std::pair{&a.foreignKey, QStringLiteral("foreignKey")},
                                    std::pair{&a.otherKey, QStringLiteral("otherKey")}}) {
        if (spec->isObject && spec->name.isEmpty()) {
            error(QStringLiteral("key-object-without-name"),
                  QStringLiteral("%1: the `%2` object needs a \"name\"; Sequelize would create a "
                                 "column literally named \"undefined\".")
                      .arg(describeAssociation(index), key),
                  associationPath(index, key), ids());
            return;
        }
    }
    if (!a.sourceKey.isEmpty() || !a.targetKey.isEmpty())
        warning(QStringLiteral("ignored-option"),
                QStringLiteral("%1: Sequelize v4 ignores sourceKey/targetKey on belongsToMany; the "
                               "junction references both primary keys.")
                    .arg(describeAssociation(index)),
                associationPath(index, a.sourceKey.isEmpty() ? QStringLiteral("targetKey")
                                                              : QStringLiteral("sourceKey")),
                ids());

    PreparedAssociation &prepared = m_prepared[size_t(index)];
    const WorkModel &src = m_models.at(source);
    const WorkModel &tgt = m_models.at(target);
    // The models' columns are not read when the keys are stable: other lanes may change them.
    const int sourcePk = prepared.keyStable ? 0 : src.primaryKeyIndex();
    const int targetPk = prepared.keyStable ? 0 : tgt.primaryKeyIndex();
    if (sourcePk < 0 || targetPk < 0)
        return;
    const KeyInfo sourceKey = prepared.keyStable ? src.stableKey(prepared.keyIndex)
                                                 : src.key(sourcePk);
    const KeyInfo targetKey = prepared.keyStable ? tgt.stableKey(prepared.targetKeyIndex)
                                                 : tgt.key(targetPk);

    JunctionUse use;
    use.association = index;
    use.source = source;
    use.target = target;
    use.through = a.through;
    use.foreignKeyGiven = a.foreignKey.isSet;
    use.otherKeyGiven = a.otherKey.isSet;
    use.foreignKey = a.foreignKey.isSet ? a.foreignKey.name
                     : prepared.keysReady
                         ? prepared.foreignKey
                         : defaultForeignKey(index, source, target, out, src.singular());
    use.otherKey = a.otherKey.isSet      ? a.otherKey.name
                   : prepared.keysReady ? prepared.otherKey
                                        : defaultOtherKey(source, target, out, tgt.singular());

    const int junction = junctionModel(index, source);
    if (junction < 0)
        return;
    use.junction = junction;
    if (junction == source || junction == target) {
        error(QStringLiteral("junction-conflict"),
              QStringLiteral("%1 uses %2 itself as its junction table.")
                  .arg(describeAssociation(index), m_models.at(junction).name),
              associationPath(index, QStringLiteral("through")), ids());
        return;
    }

    // Pairing: an earlier belongsToMany in the other direction through the same `through`.
    JunctionUse *paired = nullptr;
    for (JunctionUse &other : m_models[junction].junctionUsers) {
        const bool sameThrough = other.through.kind == a.through.kind
                                 && other.through.name == a.through.name;
        const bool reverse = other.source == target && other.target == source;
        const bool sameDirection = other.source == source && other.target == target;
        if (sameThrough && reverse && !paired) {
            if (self && !(use.foreignKeyGiven && use.otherKeyGiven && other.foreignKeyGiven
                          && other.otherKeyGiven)) {
                error(QStringLiteral("junction-conflict"),
                      QStringLiteral("%1 and %2 are self-associations through the same junction "
                                     "\"%3\"; without explicit foreignKey and otherKey on both, "
                                     "Sequelize collapses both keys into one column. Set "
                                     "foreignKey and otherKey on both, mirrored.")
                          .arg(describeAssociation(other.association), describeAssociation(index),
                               a.through.name),
                      associationPath(index, QStringLiteral("through")),
                      {assocId(other.association), assocId(index)});
                return;
            }
            paired = &other;
            continue;
        }
        if (sameThrough && sameDirection && other.foreignKey == use.foreignKey
            && other.otherKey == use.otherKey)
            continue; // a second alias over the very same keys
        error(QStringLiteral("junction-conflict"),
              QStringLiteral("%1 and %2 would share the junction table \"%3\" without pairing "
                             "(%4); Sequelize would delete one side's key column. Use the same "
                             "`through` form on both sides of one model pair, or another table.")
                  .arg(describeAssociation(other.association), describeAssociation(index),
                       m_models.at(junction).tableName,
                       other.through.kind != a.through.kind
                           ? QStringLiteral("one names it as a string, the other as a model")
                           : QStringLiteral("they connect different models")),
              associationPath(index, QStringLiteral("through")),
              {assocId(other.association), assocId(index)});
        return;
    }
    if (paired) {
        if (!use.otherKeyGiven)
            use.otherKey = paired->foreignKey;
        if (!paired->otherKeyGiven && paired->otherKey != use.foreignKey) {
            // Sequelize replaces the partner's defaulted otherKey by this foreignKey.
            WorkModel &j = m_models[junction];
            if (const int old = j.indexOf(paired->otherKey); old >= 0)
                j.rename(old, use.foreignKey);
            paired->otherKey = use.foreignKey;
            ResolvedAssociation &p = m_associations[paired->association];
            p.otherKey = use.foreignKey;
            p.otherKeyColumn = use.foreignKey;
        }
    }

    WorkModel &j = m_models[junction];
    // A junction this association has just created from the one prepared for it had its keys
    // joined then; otherwise they are joined now.
    const bool joined = prepared.junctionTaken && prepared.keysJoined;
    const JunctionKeys keys
        = joined ? prepared.junctionKeys
                 : joinJunctionKeys(index, j, use, sourceKey, targetKey, [&](const QString &type) {
                       return parseType(
                           type,
                           [&] { return associationPath(index, QStringLiteral("foreignKey.type")); },
                           ids);
                   });
    if (joined && a.constraints.value_or(true)) {
        // The referenced columns as they are now: an earlier association may have given a
        // primary key attribute its `field` since (the attributes and types stay).
        j.linkFor(keys.foreignKey).referencedKey = sourceKey.column;
        j.linkFor(keys.otherKey).referencedKey = targetKey.column;
    }
    j.junctionUsers << use;

    out.foreignKey = use.foreignKey;
    out.foreignKeyColumn = keys.foreignKeyColumn;
    out.foreignKeyTable = j.tableName;
    out.referencedKey = sourceKey.column;
    out.otherKey = use.otherKey;
    out.otherKeyColumn = j.columns.at(keys.otherKey).name;
    out.throughTable = j.tableName;
    if (j.entityIndex >= 0)
        out.throughModel = j.name;
    out.constraints = keys.references;
    out.onDelete = keys.onDelete;
    out.onUpdate = keys.onUpdate;
}

} // namespace Junction::ResolverDetail
