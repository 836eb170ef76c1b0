// SPDX-License-Identifier: MIT
#include "laneprojects.h"

#include <QRandomGenerator>

namespace Junction::LaneProjects {

QList<Blocker> allBlockers()
{
    return {Blocker::UnknownTarget,     Blocker::TypedKey,         Blocker::KeyField,
            Blocker::ThroughModel,      Blocker::ThroughNamesModel, Blocker::SelfManyNoAlias,
            Blocker::UnknownTargetKey,  Blocker::SingleObjectAlias, Blocker::OtherKeyOnHasMany,
            Blocker::UnnamedKeyObject,  Blocker::MissingThrough};
}

QString blockerName(Blocker blocker)
{
    switch (blocker) {
    case Blocker::None: return QStringLiteral("none");
    case Blocker::UnknownTarget: return QStringLiteral("unknown target");
    case Blocker::TypedKey: return QStringLiteral("typed key");
    case Blocker::KeyField: return QStringLiteral("key field");
    case Blocker::ThroughModel: return QStringLiteral("through model");
    case Blocker::ThroughNamesModel: return QStringLiteral("through names a model");
    case Blocker::SelfManyNoAlias: return QStringLiteral("self many without alias");
    case Blocker::UnknownTargetKey: return QStringLiteral("unknown targetKey");
    case Blocker::SingleObjectAlias: return QStringLiteral("hasOne object alias");
    case Blocker::OtherKeyOnHasMany: return QStringLiteral("otherKey on hasMany");
    case Blocker::UnnamedKeyObject: return QStringLiteral("unnamed key object");
    case Blocker::MissingThrough: return QStringLiteral("missing through");
    }
    return {};
}

namespace {

class Dice
{
public:
    explicit Dice(quint32 seed)
        : m_random(seed)
    {}
    int pick(int n) { return int(m_random.bounded(n)); }
    bool oneIn(int n) { return pick(n) == 0; }
    template<typename T> const T &among(std::initializer_list<T> list)
    {
        return list.begin()[pick(int(list.size()))];
    }

private:
    QRandomGenerator m_random;
};

QString s(const char *latin1)
{
    return QString::fromLatin1(latin1);
}

// Model names: mostly numbered, some words whose inflection is irregular.
QString modelName(int m)
{
    static const char *const words[] = {"Person", "Child", "Category", "Status", "Mouse",
                                        "Datum",  "Octopus", "Box",   "Quiz",   "Index"};
    if (m < 10 && m % 3 == 1)
        return s(words[m]);
    return QStringLiteral("Model%1").arg(m);
}

Entity makeEntity(Dice &d, int m, int models, int associations)
{
    Entity e;
    e.id = EntityId(QStringLiteral("m-%1").arg(m));
    e.name = modelName(m);
    if (m > 0 && d.oneIn(60)) // defined twice (the later is no model), or nameless
        e.name = d.oneIn(3) ? QString() : modelName(d.pick(m));
    if (d.oneIn(5))
        e.underscored = d.oneIn(2);
    if (d.oneIn(10))
        e.underscoredAll = d.oneIn(2);
    if (d.oneIn(7))
        e.timestamps = d.oneIn(3);
    if (d.oneIn(10))
        e.paranoid = true;
    if (d.oneIn(12))
        e.freezeTableName = true;
    if (d.oneIn(30)) // the table of another model, or of a junction
        e.tableName = d.oneIn(2) ? QStringLiteral("Link%1").arg(d.pick(associations / 5 + 1))
                                 : QStringLiteral("Model%1s").arg(d.pick(models));

    // field0 and field1 on every model: targetKey and sourceKey name them.
    const int extra = d.pick(5);
    const int primaryKeys = d.oneIn(6) ? 1 : d.oneIn(10) ? 2 : 0;
    // An `id` of its own, as the primary key (without primaryKey the model would have none:
    // its associations would not be laneReady).
    if (primaryKeys == 0 && d.oneIn(10)) {
        Attribute id;
        id.id = AttributeId(QStringLiteral("a-%1-id").arg(m));
        id.name = s("id");
        id.type = d.among({s("UUID"), s("STRING(36)"), s("BIGINT"), s("INTEGER")});
        id.primaryKey = true;
        id.autoIncrement = d.oneIn(2);
        if (d.oneIn(4))
            id.field = s("id_col");
        e.attributes << id;
    }
    for (int a = 0; a < 2 + extra; ++a) {
        Attribute at;
        at.id = AttributeId(QStringLiteral("a-%1-%2").arg(m).arg(a));
        if (a < 2) {
            at.name = QStringLiteral("field%1").arg(a);
        } else {
            // Names that default foreign keys, aliases and timestamps also take.
            switch (d.pick(12)) {
            case 0: at.name = s("ownerId"); break;
            case 1: at.name = s("owner_id"); break;
            case 2: at.name = QStringLiteral("model%1Id").arg(d.pick(models)); break;
            case 3: at.name = QStringLiteral("model%1_id").arg(d.pick(models)); break;
            case 4: at.name = QStringLiteral("Ref%1").arg(d.pick(8)); break;
            case 5: at.name = QStringLiteral("Items%1").arg(d.pick(6)); break;
            case 6: at.name = QStringLiteral("Children%1").arg(d.pick(4)); break;
            case 7: at.name = d.among({s("createdAt"), s("updatedAt"), s("created_at")}); break;
            case 8: at.name = s("otherId"); break;
            case 9: at.name = QStringLiteral("personId"); break;
            default: at.name = QStringLiteral("field%1").arg(a); break;
            }
        }
        at.type = d.among({s("INTEGER"), s("INTEGER"), s("INTEGER"), s("BIGINT"), s("STRING"),
                           s("UUID"), s("STRING(40)"), s("DECIMAL(10,2)")});
        if (d.oneIn(60))
            at.type = s("NOPE"); // an unknown type: reported while models are defined
        if (d.oneIn(3))
            at.allowNull = d.oneIn(2);
        if (a < primaryKeys)
            at.primaryKey = true;
        if (d.oneIn(8))
            at.field = d.oneIn(3) ? s("field0") : at.name + QStringLiteral("_col");
        if (d.oneIn(10))
            at.unique = true;
        if (d.oneIn(14))
            at.uniqueGroup = s("grp");
        if (d.oneIn(12)) {
            at.comment = QStringLiteral("attribute %1").arg(a);
        }
        e.attributes << at;
    }
    // Attribute names may repeat (the reader would refuse it; the resolver must not care).
    return e;
}

Alias makeAlias(Dice &d, AssociationType type, int associations)
{
    Alias as;
    const bool single = type == AssociationType::BelongsTo || type == AssociationType::HasOne;
    switch (d.pick(9)) {
    case 0: as.plural = QStringLiteral("Ref%1").arg(d.pick(8)); break;
    case 1: as.plural = QStringLiteral("Items%1").arg(d.pick(6)); break;
    case 2:
        if (!single) {
            as.isObject = true;
            as.singular = QStringLiteral("Child%1").arg(d.pick(4));
            as.plural = QStringLiteral("Children%1").arg(d.pick(4));
        }
        break;
    case 3: as.plural = QStringLiteral("field%1").arg(d.pick(4)); break; // naming collision
    case 4: as.plural = d.among({s("ownerId"), s("createdAt"), s("id"), s("personId")}); break;
    case 5: as.plural = QStringLiteral("Alias%1").arg(d.pick(associations)); break;
    case 6:
        if (!single && d.oneIn(6))
            as.isObject = true; // `as: {}`: set, without names
        break;
    default: break; // none: the target's name, so repeated pairs replace each other
    }
    return as;
}

KeySpec makeForeignKey(Dice &d, int models, int index)
{
    KeySpec k;
    switch (d.pick(9)) {
    case 0: k.isSet = true; k.name = s("ownerId"); break;
    case 1: k.isSet = true; k.name = QStringLiteral("model%1Id").arg(d.pick(models)); break;
    case 2: k.isSet = true; k.name = s("field1"); break; // merged into a declared attribute
    case 3: k.isSet = true; k.name = d.among({s("id"), s("personId"), s("owner_id")}); break;
    case 4: k.isSet = true; k.name = QStringLiteral("Ref%1").arg(d.pick(8)); break;
    case 6: k.isSet = d.oneIn(6); break; // `foreignKey: ""`
    case 5:
        k.isSet = true;
        k.isObject = true;
        k.name = d.oneIn(2) ? s("ownerId") : QStringLiteral("model%1Id").arg(d.pick(models));
        if (d.oneIn(2))
            k.allowNull = d.oneIn(2);
        if (d.oneIn(4))
            k.unique = true;
        if (d.oneIn(4))
            k.comment = QStringLiteral("key of %1").arg(index);
        break;
    default: break;
    }
    return k;
}

KeySpec makeOtherKey(Dice &d, const KeySpec &foreignKey)
{
    KeySpec k;
    switch (d.pick(8)) {
    case 0: k.isSet = true; k.name = s("otherId"); break;
    case 1: k.isSet = true; k.name = s("ownerId"); break;
    case 4: k.isSet = d.oneIn(6); break; // `otherKey: ""`
    case 2: // the same column as the foreign key
        if (foreignKey.isSet && !foreignKey.name.isEmpty()) {
            k.isSet = true;
            k.name = foreignKey.name;
        }
        break;
    case 3:
        k.isSet = true;
        k.isObject = true;
        k.name = s("otherId");
        if (d.oneIn(2))
            k.allowNull = false;
        if (d.oneIn(3))
            k.comment = s("the other key");
        break;
    default: break;
    }
    return k;
}

QString makeAction(Dice &d)
{
    return d.among({QString(), QString(), QString(), QString(), s("cascade"), s("SET NULL"),
                    s("restrict"), s("NO ACTION"), s(" set default ")});
}

Association makeAssociation(Dice &d, int i, const QStringList &names, int associations,
                            const Association *previous)
{
    Association a;
    a.id = AssociationId(QStringLiteral("as-%1").arg(d.oneIn(40) ? d.pick(associations) : i));
    a.type = AssociationType(d.pick(4));
    if (previous && d.oneIn(3)) { // the same pair again: replaced aliases, merged keys
        a.source = previous->source;
        a.target = previous->target;
    } else {
        a.source = names.at(d.pick(int(names.size())));
        a.target = d.oneIn(8) ? a.source : names.at(d.pick(int(names.size())));
    }
    a.as = makeAlias(d, a.type, associations);
    a.foreignKey = makeForeignKey(d, int(names.size()), i);
    if (a.type == AssociationType::BelongsToMany) {
        if (a.source == a.target && !a.as.isSet())
            a.as.plural = QStringLiteral("Peers%1").arg(d.pick(3));
        a.otherKey = makeOtherKey(d, a.foreignKey);
        a.through.kind = Through::Kind::Table;
        a.through.name = QStringLiteral("Link%1").arg(d.pick(associations / 3 + 1));
        if (d.oneIn(6))
            a.timestamps = d.oneIn(2);
    }
    if (d.oneIn(10))
        a.targetKey = d.among({s("field0"), s("field1")});
    if (d.oneIn(10))
        a.sourceKey = d.among({s("field0"), s("field1")});
    a.onDelete = makeAction(d);
    a.onUpdate = makeAction(d);
    if (d.oneIn(6))
        a.constraints = d.oneIn(3);
    return a;
}

// The reverse of a belongsToMany, through the same table: the two pair (and with keys given
// on one side only, or crossed, they conflict).
Association reverseOf(Dice &d, const Association &forward, int i)
{
    Association a = forward;
    a.id = AssociationId(QStringLiteral("as-%1").arg(i));
    std::swap(a.source, a.target);
    a.as = Alias();
    if (a.source == a.target || d.oneIn(3))
        a.as.plural = QStringLiteral("Back%1").arg(d.pick(3));
    if (d.oneIn(2)) { // mirrored keys
        a.foreignKey = forward.otherKey;
        a.otherKey = forward.foreignKey;
    } else {
        a.foreignKey = d.oneIn(2) ? KeySpec() : makeForeignKey(d, 4, i);
        a.otherKey = d.oneIn(2) ? KeySpec() : makeOtherKey(d, a.foreignKey);
    }
    for (KeySpec *k : {&a.foreignKey, &a.otherKey}) {
        if (k->isObject && k->name.isEmpty())
            *k = KeySpec(); // laneReady needs named key objects
    }
    a.onDelete = makeAction(d);
    return a;
}

// The belongsTo side of a hasMany, plain (with underscored settings that differ, two columns).
Association belongsToBack(Dice &d, const Association &many, int i)
{
    Association a;
    a.id = AssociationId(QStringLiteral("as-%1").arg(i));
    a.type = AssociationType::BelongsTo;
    a.source = many.target;
    a.target = many.source;
    if (d.oneIn(4))
        a.foreignKey = many.foreignKey;
    a.onDelete = makeAction(d);
    return a;
}

void block(Dice &d, Project &p, const QStringList &names, Blocker blocker)
{
    auto model = [&] { return names.at(d.pick(int(names.size()))); };
    Association a;
    a.id = AssociationId(QStringLiteral("as-blocker"));
    a.source = model();
    a.target = model();
    a.type = AssociationType::HasMany;
    switch (blocker) {
    case Blocker::None: return;
    case Blocker::UnknownTarget: a.target = s("Nowhere"); break;
    case Blocker::TypedKey:
        a.foreignKey.isSet = a.foreignKey.isObject = true;
        a.foreignKey.name = s("typedId");
        a.foreignKey.type = s("BIGINT");
        break;
    case Blocker::KeyField:
        a.type = AssociationType::BelongsTo;
        a.foreignKey.isSet = a.foreignKey.isObject = true;
        a.foreignKey.name = s("fieldId");
        a.foreignKey.field = s("field_id");
        break;
    case Blocker::ThroughModel:
        a.type = AssociationType::BelongsToMany;
        a.through.kind = Through::Kind::Model;
        a.through.name = model();
        break;
    case Blocker::ThroughNamesModel:
        a.type = AssociationType::BelongsToMany;
        a.through.kind = Through::Kind::Table;
        a.through.name = model();
        break;
    case Blocker::SelfManyNoAlias:
        a.type = AssociationType::BelongsToMany;
        a.target = a.source;
        a.through.kind = Through::Kind::Table;
        a.through.name = s("SelfLink");
        break;
    case Blocker::UnknownTargetKey:
        a.type = AssociationType::BelongsTo;
        a.targetKey = s("nope");
        break;
    case Blocker::SingleObjectAlias:
        a.type = AssociationType::HasOne;
        a.as.isObject = true;
        a.as.singular = s("Only");
        a.as.plural = s("Onlies");
        break;
    case Blocker::OtherKeyOnHasMany:
        a.otherKey.isSet = true;
        a.otherKey.name = s("otherId");
        break;
    case Blocker::UnnamedKeyObject:
        a.type = AssociationType::BelongsToMany;
        a.through.kind = Through::Kind::Table;
        a.through.name = s("UnnamedLink");
        a.foreignKey.isSet = a.foreignKey.isObject = true;
        a.foreignKey.allowNull = false;
        break;
    case Blocker::MissingThrough: a.type = AssociationType::BelongsToMany; break;
    }
    // Anywhere among the others: its place changes nothing about lanes.
    p.associations.insert(d.pick(int(p.associations.size()) + 1), a);
}

} // namespace

Project conflicted(quint32 seed, Blocker blocker, int size)
{
    Dice d(seed);
    Project p;
    // Sizes around the lanes' runs of 32 models: one lane only, both, several runs each; one
    // in three dense (a few runs of models, many associations each).
    int models = d.oneIn(3) ? 20 + d.pick(60) : 6 + d.pick(150);
    int associations = models / 2 + 4 + d.pick(2 * models);
    if (d.oneIn(3))
        associations = models * (3 + d.pick(4));
    if (size > 0) {
        associations = size;
        models = size / 2;
    }
    p.define.underscored = d.oneIn(4);
    p.define.underscoredAll = d.oneIn(8);
    p.define.timestamps = !d.oneIn(8);
    p.define.paranoid = d.oneIn(10);
    p.define.freezeTableName = d.oneIn(10);
    QStringList names; // of the models that are defined (not a second one of a name)
    for (int m = 0; m < models; ++m) {
        p.entities << makeEntity(d, m, models, associations);
        const QString &name = p.entities.last().name;
        if (!names.contains(name)) // "" too: of nameless models, the last is found by ""
            names << name;
    }
    for (int i = 0; i < associations; ++i) {
        const Association *previous = p.associations.isEmpty() ? nullptr : &p.associations.last();
        if (previous && previous->type == AssociationType::BelongsToMany && d.oneIn(3))
            p.associations << reverseOf(d, *previous, i);
        else if (previous && previous->type == AssociationType::HasMany && d.oneIn(4))
            p.associations << belongsToBack(d, *previous, i);
        else
            p.associations << makeAssociation(d, i, names, associations, previous);
    }
    block(d, p, names, blocker);
    return p;
}

} // namespace Junction::LaneProjects
