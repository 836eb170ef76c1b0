// SPDX-License-Identifier: MIT
#include "idallocator.h"

#include "project.h"

#include <QJsonObject>

namespace Junction {

namespace {

constexpr const char16_t *prefixes[] = {u"m-", u"a-", u"as-"};

// The number n of "<prefix><n>" (decimal digits only), or -1.
qint64 numberAfter(const QString &id, QStringView prefix)
{
    if (!id.startsWith(prefix) || id.size() == prefix.size() || id.size() - prefix.size() > 15)
        return -1;
    qint64 n = 0;
    for (qsizetype i = prefix.size(); i < id.size(); ++i) {
        const QChar c = id.at(i);
        if (c < u'0' || c > u'9')
            return -1;
        n = n * 10 + (c.unicode() - u'0');
    }
    return n;
}

} // namespace

void IdAllocator::see(const QString &id)
{
    // Any kind's id counts for every prefix: ids share one namespace in the file.
    for (int kind = 0; kind < KindCount; ++kind) {
        const qint64 n = numberAfter(id, QStringView(prefixes[kind]));
        if (n >= m_next[kind])
            m_next[kind] = n + 1;
    }
}

void IdAllocator::seed(const Project &project)
{
    for (const Entity &e : project.entities) {
        see(e.id.toString());
        for (const Attribute &a : e.attributes)
            see(a.id.toString());
    }
    for (const Association &a : project.associations)
        see(a.id.toString());
    for (const QJsonValue &section : project.layout) {
        const QJsonObject keyed = section.toObject();
        for (auto it = keyed.begin(); it != keyed.end(); ++it)
            see(it.key());
    }
    for (const QJsonValue &database : project.synced) {
        const QJsonObject record = database.toObject();
        for (const QJsonValue &names : record) {
            const QJsonObject byId = names.toObject();
            for (auto it = byId.begin(); it != byId.end(); ++it)
                see(it.key());
        }
    }
}

QString IdAllocator::next(Kind kind)
{
    return QStringView(prefixes[kind]).toString() + QString::number(m_next[kind]++);
}

EntityId IdAllocator::nextEntityId()
{
    return EntityId(next(EntityKind));
}

AttributeId IdAllocator::nextAttributeId()
{
    return AttributeId(next(AttributeKind));
}

AssociationId IdAllocator::nextAssociationId()
{
    return AssociationId(next(AssociationKind));
}

} // namespace Junction
