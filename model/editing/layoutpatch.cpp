// SPDX-License-Identifier: MIT
#include "layoutpatch.h"

#include <QJsonArray>

#include <cmath>

namespace Junction {

namespace {

QLatin1String sectionKey(LayoutPatch::Section section)
{
    return section == LayoutPatch::Section::Models ? Layout::modelsKey()
                                                   : Layout::associationsKey();
}

// Whole numbers are stored as integers so that the file says 40, not 40.0, whatever the
// writer's number format.
QJsonValue coordinate(double value)
{
    const double rounded = std::round(value);
    if (rounded == value && std::abs(rounded) < 9.0e15)
        return QJsonValue(qint64(rounded));
    return QJsonValue(value);
}

} // namespace

namespace Layout {

std::optional<QPointF> modelPosition(const QJsonObject &layout, const EntityId &id)
{
    const QJsonValue entry = layout.value(modelsKey()).toObject().value(id.toString());
    const QJsonValue x = entry.toObject().value(QLatin1String("x"));
    const QJsonValue y = entry.toObject().value(QLatin1String("y"));
    if (!x.isDouble() || !y.isDouble())
        return std::nullopt;
    return QPointF(x.toDouble(), y.toDouble());
}

QList<QPointF> bendPoints(const QJsonObject &layout, const AssociationId &id)
{
    QList<QPointF> points;
    const QJsonValue entry = layout.value(associationsKey()).toObject().value(id.toString());
    for (const QJsonValue &point : entry.toObject().value(QLatin1String("bend")).toArray()) {
        const QJsonArray xy = point.toArray();
        if (xy.size() == 2 && xy.at(0).isDouble() && xy.at(1).isDouble())
            points.append(QPointF(xy.at(0).toDouble(), xy.at(1).toDouble()));
    }
    return points;
}

QJsonValue withPosition(const QJsonValue &previous, QPointF position)
{
    QJsonObject entry = previous.toObject();
    entry.insert(QLatin1String("x"), coordinate(position.x()));
    entry.insert(QLatin1String("y"), coordinate(position.y()));
    return entry;
}

QJsonValue withBends(const QJsonValue &previous, const QList<QPointF> &bends)
{
    QJsonObject entry = previous.toObject();
    if (bends.isEmpty()) {
        entry.remove(QLatin1String("bend"));
    } else {
        QJsonArray points;
        for (const QPointF &p : bends)
            points.append(QJsonArray{coordinate(p.x()), coordinate(p.y())});
        entry.insert(QLatin1String("bend"), points);
    }
    return entry.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(entry);
}

} // namespace Layout

void LayoutPatch::set(const QJsonObject &layout, Section section, const QString &key,
                      const QJsonValue &value)
{
    const int s = int(section);
    const QJsonValue sectionValue = layout.value(sectionKey(section));
    if (!m_sectionExisted[s])
        m_sectionExisted[s] = !sectionValue.isUndefined();
    m_entries.append({section, key, sectionValue.toObject().value(key), value});
}

QJsonObject LayoutPatch::apply(QJsonObject layout, bool forward) const
{
    for (const Section section : {Section::Models, Section::Associations}) {
        const int s = int(section);
        if (!m_sectionExisted[s])
            continue; // not touched
        // Taken out of the layout so that the edits below do not copy it.
        QJsonObject keyed = layout.take(sectionKey(section)).toObject();
        const qsizetype count = m_entries.size();
        for (qsizetype i = 0; i < count; ++i) {
            const Entry &entry = m_entries.at(forward ? i : count - 1 - i);
            if (entry.section != section)
                continue;
            const QJsonValue &value = forward ? entry.after : entry.before;
            if (value.isUndefined())
                keyed.remove(entry.key);
            else
                keyed.insert(entry.key, value);
        }
        // A section the patch created goes again once empty, so undo gives the same bytes.
        if (!keyed.isEmpty() || m_sectionExisted[s].value_or(false))
            layout.insert(sectionKey(section), keyed);
    }
    return layout;
}

void LayoutPatch::append(const LayoutPatch &later)
{
    for (int s = 0; s < 2; ++s) {
        if (!m_sectionExisted[s])
            m_sectionExisted[s] = later.m_sectionExisted[s];
    }
    // Merging (typing, nudges) keeps one entry per key, so a long run of nudges stays small.
    QHash<std::pair<int, QString>, qsizetype> index;
    index.reserve(m_entries.size());
    for (qsizetype i = 0; i < m_entries.size(); ++i)
        index.insert({int(m_entries.at(i).section), m_entries.at(i).key}, i);
    for (const Entry &entry : later.m_entries) {
        const auto found = index.constFind({int(entry.section), entry.key});
        if (found != index.constEnd()) {
            m_entries[*found].after = entry.after;
        } else {
            index.insert({int(entry.section), entry.key}, m_entries.size());
            m_entries.append(entry);
        }
    }
}

QStringList LayoutPatch::keys(Section section) const
{
    QStringList out;
    for (const Entry &entry : m_entries) {
        if (entry.section == section)
            out.append(entry.key);
    }
    return out;
}

} // namespace Junction
