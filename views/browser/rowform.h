// SPDX-License-Identifier: MIT
#pragma once

#include "relatedrows.h"

#include <QWidget>

class QFormLayout;
class QLineEdit;

namespace Junction {

// Line edits for some columns of a table, one per row of a form, each saying its type and
// whether it is required. values() gives the filled ones typed for their column (an empty
// field is left out, so the database's default applies).
class RowForm : public QWidget
{
    Q_OBJECT

public:
    RowForm(const ResolvedTable &table, const QStringList &columns, QWidget *parent = nullptr);

    // The columns a person fills in: not the auto-increment key, the timestamps or the
    // columns named in `except`.
    static QStringList editableColumns(const ResolvedTable &table, const QStringList &except);

    Row values() const;
    QLineEdit *field(const QString &column) const;
    bool isEmpty() const { return m_columns.isEmpty(); }

private:
    ResolvedTable m_table;
    QStringList m_columns;
    QList<QLineEdit *> m_fields;
};

} // namespace Junction
