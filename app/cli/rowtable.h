// SPDX-License-Identifier: MIT
#pragma once

#include "resolvedschema.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace Junction {

// Rows as a terminal shows them: columns aligned (numbers to the right), NULL as NULL,
// booleans as true/false, line breaks as \n, values longer than MaxWidth cut with "…".
class RowTable
{
public:
    static constexpr int MaxWidth = 40;

    explicit RowTable(QStringList headers, QList<bool> rightAligned = {});

    void addRow(const QStringList &cells);
    int rowCount() const { return int(m_rows.size()); }
    QString text() const;

    // One value as text, uncut. `column` (may be null) tells booleans from integers.
    static QString cell(const ResolvedColumn *column, const QVariant &value);
    static bool isNumeric(const ResolvedColumn *column);
    // A single row as "name  value" lines, names aligned.
    static QString record(const QStringList &names, const QStringList &values);

private:
    static QString cut(const QString &text);

    QStringList m_headers;
    QList<bool> m_rightAligned;
    QList<QStringList> m_rows;
};

} // namespace Junction
