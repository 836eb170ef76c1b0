// SPDX-License-Identifier: MIT
#pragma once

#include "ids.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPointF>
#include <QStringList>

#include <optional>

namespace Junction {

// `layout` as the spec has it: "models": { id: { "x", "y" } }, "associations": { id:
// { "bend": [[x, y], ...] } }. Other keys of those objects are kept untouched.
namespace Layout {

inline QLatin1String modelsKey() { return QLatin1String("models"); }
inline QLatin1String associationsKey() { return QLatin1String("associations"); }

std::optional<QPointF> modelPosition(const QJsonObject &layout, const EntityId &id);
QList<QPointF> bendPoints(const QJsonObject &layout, const AssociationId &id);

// The entry for a model at `position`, keeping whatever else `previous` holds.
QJsonValue withPosition(const QJsonValue &previous, QPointF position);
// The entry for an association with `bends`; Undefined when nothing would be left.
QJsonValue withBends(const QJsonValue &previous, const QList<QPointF> &bends);

} // namespace Layout

// A change to some entries of `layout`, kept as the values before and after, so that undo
// restores the exact JSON: values, absent keys, and a section that did not exist before.
class LayoutPatch
{
public:
    enum class Section { Models, Associations };

    // Records that `key` of `section` becomes `value` (Undefined: removed). The value
    // before is read from `layout`, the state the patch will be applied to, so each key once.
    void set(const QJsonObject &layout, Section section, const QString &key, const QJsonValue &value);

    bool isEmpty() const { return m_entries.isEmpty(); }
    QJsonObject apply(QJsonObject layout, bool forward) const;
    // Continues this patch with `later` (built on the state after this one).
    void append(const LayoutPatch &later);
    QStringList keys(Section section) const;

private:
    struct Entry
    {
        Section section;
        QString key;
        QJsonValue before;
        QJsonValue after;
    };

    QList<Entry> m_entries; // a key twice is fine: backward runs in reverse
    std::optional<bool> m_sectionExisted[2]; // before the patch
};

} // namespace Junction
