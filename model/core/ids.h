// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QString>

namespace Junction {

// A stable identifier: survives renames, so a rename syncs as RENAME, not drop + add.
// The tag type keeps entity, attribute and association ids from being mixed up.
template<typename Tag>
class Id
{
public:
    Id() = default;
    explicit Id(QString value)
        : m_value(std::move(value))
    {}

    const QString &toString() const { return m_value; }
    bool isNull() const { return m_value.isEmpty(); }

    friend bool operator==(const Id &a, const Id &b) { return a.m_value == b.m_value; }
    friend bool operator!=(const Id &a, const Id &b) { return a.m_value != b.m_value; }
    friend bool operator<(const Id &a, const Id &b) { return a.m_value < b.m_value; }
    friend size_t qHash(const Id &id, size_t seed = 0) { return qHash(id.m_value, seed); }

private:
    QString m_value;
};

using EntityId = Id<struct EntityIdTag>;
using AttributeId = Id<struct AttributeIdTag>;
using AssociationId = Id<struct AssociationIdTag>;

} // namespace Junction
