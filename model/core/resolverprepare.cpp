// SPDX-License-Identifier: MIT
// The part of each association that needs only the project and the defined models, worked out
// for all of them before any changes a model (prepareAssociations, on a big schema in two
// halves), and the checks of associate() that come before the alias (checkModels) for those
// the preparation left to their turn. The rules are at the top of resolver.cpp.
#include "resolverwork.h"
#include "twohalves.h"

#include <QThread>
#include <QVarLengthArray>

namespace Junction {

using namespace ResolverDetail;

// Aliases: hasMany/belongsToMany take the string as the plural. `singular` and `plural` give
// the target's names.
template<typename Singular, typename Plural>
static void setAliasForms(const Association &a, Singular singular, Plural plural,
                          ResolvedAssociation &out)
{
    const bool single = a.type == AssociationType::BelongsTo || a.type == AssociationType::HasOne;
    if (single) {
        out.singular = a.as.isSet() ? a.as.plural : singular();
        out.plural = out.singular;
        out.as = out.singular;
    } else if (a.as.isObject) {
        out.singular = a.as.singular;
        out.plural = a.as.plural;
        out.as = out.plural;
    } else if (a.as.isSet()) {
        out.plural = a.as.plural;
        out.singular = Inflection::singularize(a.as.plural);
        out.as = out.plural;
    } else {
        out.plural = plural();
        out.singular = singular();
        out.as = out.plural;
    }
}

static void setIdentity(const Association &a, ResolvedAssociation &out)
{
    out.id = a.id;
    out.type = a.type;
    out.source = a.source;
    out.target = a.target;
    out.isAliased = a.as.isSet();
}

// Only reads the project and the defined models (their lazily kept names are read, not kept),
// and each association writes its own entries: the halves may run on two threads.
void Resolver::prepareAssociations()
{
    const int count = int(m_project.associations.size());
    // run() made the records.
    PreparedAssociation *prepared = m_prepared.data();
    ResolvedAssociation *resolved = m_associations.data();
    bool keyFields[2] = {false, false}; // per half: a key object gives a `field`
    bool laneReady[2] = {true, true};   // per half: every association is laneReady
    // The tests take lanes at any size, or never (ResolveMode).
    const int laneMinimum = m_mode == ResolveMode::LanesWhenReady ? 1 : kLaneMinimum;
    inTwoHalves(count, kLaneMinimum, [&](int from, int to, int half) {
        std::vector<int> *lanes = m_aliasLanes[half];
        for (int i = from; i < to; ++i) {
            prepare(i, prepared[i], resolved[i]);
            const Association &a = m_project.associations.at(i);
            keyFields[half] = keyFields[half]
                              || (a.foreignKey.isObject && !a.foreignKey.field.isEmpty())
                              || (a.otherKey.isObject && !a.otherKey.field.isEmpty());
            laneReady[half] = laneReady[half] && prepared[i].laneReady;
            if (laneReady[half] && count >= laneMinimum)
                lanes[laneOf(prepared[i].source)].push_back(i);
        }
    });
    if (keyFields[0] || keyFields[1]) {
        // A merge may give a key column its `field`: the keys are read as they are then.
        for (PreparedAssociation &p : m_prepared) {
            p.keyStable = false;
            p.laneReady = false;
        }
    }
    m_lanes = m_mode != ResolveMode::Serial && count >= laneMinimum && laneReady[0]
              && laneReady[1] && !keyFields[0] && !keyFields[1]
              && (QThread::idealThreadCount() >= 2 || m_mode == ResolveMode::LanesWhenReady);
}

void Resolver::prepare(int index, PreparedAssociation &p, ResolvedAssociation &out) const
{
    prepareTurn(index, p, out);
    // The junction a belongsToMany would create, unless prepareJunctionKeys() built it with
    // its keys joined.
    if (p.junctionWanted && !p.junction) {
        p.junction = std::make_unique<WorkModel>();
        buildJunction(index, p.source, true, *p.junction);
    }
}

void Resolver::prepareTurn(int index, PreparedAssociation &p, ResolvedAssociation &out) const
{
    const Association &a = m_project.associations.at(index);
    p.type = a.type;
    p.source = modelNamed(a.source);
    p.target = modelNamed(a.target);
    // The conditions of checkModels()'s reports, in its order.
    const bool single = a.type == AssociationType::BelongsTo || a.type == AssociationType::HasOne;
    p.ready = p.source >= 0 && p.target >= 0 && !(single && a.as.isObject)
              && (a.type == AssociationType::BelongsToMany
                  || (a.through.kind == Through::Kind::None && !a.otherKey.isSet));
    if (!p.ready)
        return;
    setIdentity(a, out);
    const WorkModel &src = m_models.at(p.source);
    const WorkModel &tgt = m_models.at(p.target);
    out.sourceTable = src.tableName;
    out.targetTable = tgt.tableName;
    QString targetSingular; // read once: the inflection is a lookup
    auto singular = [&]() -> const QString & {
        if (targetSingular.isNull())
            targetSingular = tgt.singularUncached();
        return targetSingular;
    };
    setAliasForms(a, singular, [&] { return tgt.pluralUncached(); }, out);
    if (a.type == AssociationType::BelongsToMany) {
        p.throughModel = modelNamed(a.through.name);
        // Built in the preparation on the chance that this association creates it (the
        // first to get that far with this `through`): most do, and their turn then only takes
        // it. See prepare().
        p.junctionWanted = p.throughModel < 0 && a.through.kind == Through::Kind::Table
                           && !a.through.name.isEmpty();
    }

    if (m_junctionModel.at(p.source) || m_junctionModel.at(p.target))
        return;
    // The keys are named after these primary keys; without them the association stops first.
    const bool many = a.type == AssociationType::BelongsToMany;
    const bool sourceKey = a.type != AssociationType::BelongsTo;
    const bool targetKey = a.type == AssociationType::BelongsTo || many;
    if ((sourceKey && src.primaryKeyIndex() < 0) || (targetKey && tgt.primaryKeyIndex() < 0))
        return;
    if (many ? !a.foreignKey.isSet : a.foreignKey.name.isEmpty()) {
        // The source's singular names only a default key: not inflected when the key is given.
        const bool sourceNamed = a.type == AssociationType::HasMany || many;
        const QString sourceSingular = !sourceNamed           ? QString()
                                       : p.source == p.target ? singular()
                                                              : src.singularUncached();
        p.foreignKey = defaultForeignKey(index, p.source, p.target, out, sourceSingular);
    }
    if (many && !a.otherKey.isSet)
        p.otherKey = defaultOtherKey(p.source, p.target, out, singular());
    p.keysReady = true;
    if (many)
        prepareJunctionKeys(index, p);
    prepareKey(index, p);
}

// The referenced key as the defined models have it (keyStable), and whether the association
// can take its turn in a lane (laneReady): it reports nothing that depends on other
// associations except through the models it writes. Not when a key object has a `type` (it is
// parsed in order, with the type cache) or, for belongsToMany, when its junction is not a
// table it creates or its checks before the junction report something.
void Resolver::prepareKey(int index, PreparedAssociation &p) const
{
    const Association &a = m_project.associations.at(index);
    const WorkModel &src = m_models.at(p.source);
    const WorkModel &tgt = m_models.at(p.target);
    // belongsTo references the target's key, the others the source's.
    const bool onTarget = a.type == AssociationType::BelongsTo;
    const WorkModel &ref = onTarget ? tgt : src;
    const QString &given = a.type == AssociationType::BelongsTo ? a.targetKey
                           : a.type == AssociationType::HasMany ? a.sourceKey
                                                                : QString();
    p.keyIndex = given.isEmpty() ? ref.primaryKeyIndex() : ref.indexOf(given);
    if (p.keyIndex < 0)
        return; // reported in its turn
    p.referencedPrimaryKeys = ref.m_primaryKeys >= 0 ? ref.m_primaryKeys
                                                     : ref.primaryKeyCountUncached();
    if (a.type == AssociationType::BelongsToMany)
        p.targetKeyIndex = tgt.primaryKeyIndex();
    p.keyStable = true;

    auto typed = [](const KeySpec &k) { return k.isObject && !k.type.isEmpty(); };
    if (typed(a.foreignKey) || typed(a.otherKey))
        return;
    if (a.type == AssociationType::BelongsToMany) {
        auto unnamed = [](const KeySpec &k) { return k.isObject && k.name.isEmpty(); };
        if (a.through.kind != Through::Kind::Table || a.through.name.isEmpty()
            || p.throughModel >= 0 || (p.source == p.target && !a.as.isSet())
            || unnamed(a.foreignKey) || unnamed(a.otherKey))
            return;
    }
    p.laneReady = true;
}

// camelizeIf(underscoredIf(base, underscoreBase) + "_" + key, camel): the default key names'
// rule. When the joined name is camelized as it is (no underscoring), it is joined on the
// stack, not in a string of its own: one allocation fewer for each of 30,000 keys at XL.
// Most names are plain: printable ASCII with no '-', '_' or whitespace in the base or the key
// (the usual userId). camelize() then only drops the '_' and raises the key's first letter
// (an empty key: the trailing run is dropped), so that is written straight into the result.
static QString keyName(const QString &base, bool underscoreBase, const QString &key, bool camel)
{
    if (underscoreBase || !camel)
        return camelizeIf(underscoredIf(base, underscoreBase) + QLatin1Char('_') + key, camel);
    // Printable ASCII except camelize()'s run characters (ASCII whitespace is below '!').
    auto plain = [](const QString &s) {
        for (const QChar c : s) {
            const char16_t u = c.unicode();
            if (u <= u' ' || u >= 0x7f || u == u'-' || u == u'_')
                return false;
        }
        return true;
    };
    if (plain(base) && plain(key)) {
        QString out(base.size() + key.size(), Qt::Uninitialized);
        QChar *d = out.data();
        std::copy(base.cbegin(), base.cend(), d);
        d += base.size();
        if (!key.isEmpty()) {
            const char16_t first = key.front().unicode();
            *d++ = QChar(first >= u'a' && first <= u'z' ? char16_t(first - 32) : first);
            std::copy(key.cbegin() + 1, key.cend(), d);
        }
        return out;
    }
    QVarLengthArray<QChar, 128> joined;
    joined.append(base.constData(), base.size());
    joined.append(QLatin1Char('_'));
    joined.append(key.constData(), key.size());
    return Inflection::camelize(QStringView(joined.constData(), joined.size()));
}

QString Resolver::defaultForeignKey(int index, int source, int target,
                                    const ResolvedAssociation &out,
                                    const QString &sourceSingular) const
{
    const Association &a = m_project.associations.at(index);
    const WorkModel &src = m_models.at(source);
    const WorkModel &tgt = m_models.at(target);
    switch (a.type) {
    case AssociationType::BelongsTo:
        return keyName(out.singular, src.underscored,
                       tgt.columns.at(tgt.primaryKeyIndex()).attribute, !src.underscored);
    case AssociationType::HasOne:
        return keyName(Inflection::singularize(a.as.isSet() ? a.as.plural : src.name),
                       tgt.underscored, src.columns.at(src.primaryKeyIndex()).attribute,
                       !src.underscored);
    case AssociationType::HasMany:
    case AssociationType::BelongsToMany:
        break;
    }
    return keyName(sourceSingular, src.underscored,
                   src.columns.at(src.primaryKeyIndex()).attribute, !src.underscored);
}

QString Resolver::defaultOtherKey(int source, int target, const ResolvedAssociation &out,
                                  const QString &targetSingular) const
{
    const WorkModel &tgt = m_models.at(target);
    const QString otherBase = source == target ? Inflection::singularize(out.plural)
                                               : targetSingular;
    return keyName(otherBase, tgt.underscored, tgt.columns.at(tgt.primaryKeyIndex()).attribute,
                   !tgt.underscored);
}

bool Resolver::checkModels(int index, ResolvedAssociation &out, int source, int target)
{
    const Association &a = m_project.associations.at(index);
    setIdentity(a, out);
    bool ok = true;
    for (const auto &[name, found, key] : {std::tuple{a.source, source, QStringLiteral("source")},
                                           std::tuple{a.target, target, QStringLiteral("target")}}) {
        if (found >= 0)
            continue;
        error(QStringLiteral("unknown-model"),
              name.isEmpty()
                  ? QStringLiteral("The association has no %1 model.").arg(key)
                  : QStringLiteral("%1 names the model \"%2\", which does not exist. Define it "
                                   "or correct the name.")
                        .arg(describeAssociation(index), name),
              associationPath(index, key), {assocId(index)});
        ok = false;
    }
    if (!ok)
        return false;
    out.sourceTable = m_models.at(source).tableName;
    out.targetTable = m_models.at(target).tableName;

    const bool single = a.type == AssociationType::BelongsTo || a.type == AssociationType::HasOne;
    if (single && a.as.isObject) {
        error(QStringLiteral("alias-object-single"),
              QStringLiteral("%1: `as` must be a string for %2; {singular, plural} only applies "
                             "to hasMany and belongsToMany (Sequelize v4 crashes on it).")
                  .arg(describeAssociation(index), associationTypeName(a.type)),
              associationPath(index, QStringLiteral("as")), {assocId(index)});
        return false;
    }
    if (a.type != AssociationType::BelongsToMany && a.through.kind != Through::Kind::None) {
        if (a.type == AssociationType::HasMany)
            error(QStringLiteral("hasmany-through"),
                  QStringLiteral("N:M associations are not supported with hasMany. Use "
                                 "belongsToMany instead"),
                  associationPath(index, QStringLiteral("through")), {assocId(index)});
        else
            error(QStringLiteral("through-not-allowed"),
                  QStringLiteral("%1: `through` only applies to belongsToMany.")
                      .arg(describeAssociation(index)),
                  associationPath(index, QStringLiteral("through")), {assocId(index)});
        return false;
    }
    if (a.type != AssociationType::BelongsToMany && a.otherKey.isSet)
        warning(QStringLiteral("ignored-option"),
                QStringLiteral("%1: `otherKey` only applies to belongsToMany and is ignored.")
                    .arg(describeAssociation(index)),
                associationPath(index, QStringLiteral("otherKey")), {assocId(index)});

    const WorkModel &t = m_models.at(target);
    setAliasForms(a, [&]() -> const QString & { return t.singular(); },
                  [&]() -> const QString & { return t.plural(); }, out);
    return true;
}

} // namespace Junction
