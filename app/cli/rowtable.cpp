// SPDX-License-Identifier: MIT
#include "rowtable.h"

#include <QDate>
#include <QDateTime>
#include <QTime>

namespace Junction {

RowTable::RowTable(QStringList headers, QList<bool> rightAligned)
    : m_headers(std::move(headers))
    , m_rightAligned(std::move(rightAligned))
{
}

void RowTable::addRow(const QStringList &cells)
{
    QStringList row;
    for (const QString &c : cells)
        row << cut(c);
    m_rows << row;
}

QString RowTable::cut(const QString &text)
{
    QString flat = text;
    flat.replace(QLatin1Char('\r'), QLatin1String("\\r"));
    flat.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    flat.replace(QLatin1Char('\t'), QLatin1String("\\t"));
    if (flat.size() <= MaxWidth)
        return flat;
    return flat.left(MaxWidth - 1) + QChar(0x2026); // …
}

QString RowTable::text() const
{
    QList<qsizetype> widths;
    QStringList headers;
    for (const QString &h : m_headers) {
        headers << cut(h);
        widths << headers.last().size();
    }
    for (const QStringList &row : m_rows) {
        for (int i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = qMax(widths.at(i), row.at(i).size());
    }
    QString out;
    const auto line = [&](const QStringList &cells) {
        QString text;
        for (int i = 0; i < widths.size(); ++i) {
            const QString c = cells.value(i);
            const bool last = i == widths.size() - 1;
            if (i > 0)
                text += QLatin1String("  ");
            if (m_rightAligned.value(i))
                text += c.rightJustified(widths.at(i));
            else
                text += last ? c : c.leftJustified(widths.at(i));
        }
        while (text.endsWith(QLatin1Char(' ')))
            text.chop(1);
        out += text + QLatin1Char('\n');
    };
    line(headers);
    QStringList rules;
    for (qsizetype w : std::as_const(widths))
        rules << QString(w, QLatin1Char('-'));
    line(rules);
    for (const QStringList &row : m_rows)
        line(row);
    return out;
}

bool RowTable::isNumeric(const ResolvedColumn *column)
{
    if (!column)
        return false;
    using K = DataType::Kind;
    switch (column->type.kind) {
    case K::Integer:
    case K::BigInt:
    case K::SmallInt:
    case K::Float:
    case K::Real:
    case K::Double:
    case K::Decimal:
        return true;
    default:
        return false;
    }
}

QString RowTable::cell(const ResolvedColumn *column, const QVariant &value)
{
    if (value.isNull())
        return QStringLiteral("NULL");
    if (column && column->type.kind == DataType::Kind::Boolean) {
        const QString t = value.toString();
        if (value.typeId() == QMetaType::Bool || t == QLatin1String("0") || t == QLatin1String("1"))
            return value.toBool() || t == QLatin1String("1") ? QStringLiteral("true")
                                                             : QStringLiteral("false");
    }
    switch (value.typeId()) {
    case QMetaType::QDateTime:
        return value.toDateTime().toUTC().toString(Qt::ISODateWithMs);
    case QMetaType::QDate:
        return value.toDate().toString(Qt::ISODate);
    case QMetaType::QTime:
        return value.toTime().toString(Qt::ISODate);
    case QMetaType::QByteArray:
        return QStringLiteral("0x") + QString::fromLatin1(value.toByteArray().toHex());
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return value.toString();
    }
}

QString RowTable::record(const QStringList &names, const QStringList &values)
{
    qsizetype width = 0;
    for (const QString &n : names)
        width = qMax(width, n.size());
    QString out;
    for (int i = 0; i < names.size(); ++i) {
        QString v = values.value(i);
        v.replace(QLatin1Char('\n'), QLatin1String("\\n"));
        out += names.at(i).leftJustified(width) + QLatin1String("  ") + v + QLatin1Char('\n');
    }
    return out;
}

} // namespace Junction
