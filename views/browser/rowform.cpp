// SPDX-License-Identifier: MIT
#include "rowform.h"

#include <QFormLayout>
#include <QLineEdit>

namespace Junction {

namespace {

bool isTimestamp(const ResolvedColumn &column)
{
    for (const char *name : {"createdAt", "updatedAt", "deletedAt", "created_at", "updated_at",
                             "deleted_at"}) {
        if (column.name == QLatin1String(name))
            return true;
    }
    return false;
}

} // namespace

RowForm::RowForm(const ResolvedTable &table, const QStringList &columns, QWidget *parent)
    : QWidget(parent)
    , m_table(table)
    , m_columns(columns)
{
    auto *layout = new QFormLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (const QString &name : columns) {
        const ResolvedColumn *c = table.column(name);
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QStringLiteral("field_") + name);
        const bool required = c && !c->allowNull && c->defaultValue.kind == DefaultValue::Kind::None;
        QString hint = c ? c->type.toString() : QString();
        if (required)
            hint += tr(", required");
        else if (c && c->defaultValue.kind != DefaultValue::Kind::None)
            hint += tr(", empty: the default");
        else
            hint += tr(", empty: NULL");
        edit->setPlaceholderText(hint);
        layout->addRow(name + QLatin1Char(':'), edit);
        m_fields << edit;
    }
}

QStringList RowForm::editableColumns(const ResolvedTable &table, const QStringList &except)
{
    QStringList out;
    for (const ResolvedColumn &c : table.columns) {
        if ((c.primaryKey && c.autoIncrement) || isTimestamp(c) || except.contains(c.name))
            continue;
        out << c.name;
    }
    return out;
}

Row RowForm::values() const
{
    Row row;
    for (int i = 0; i < m_columns.size(); ++i) {
        const QString text = m_fields.at(i)->text();
        if (text.isEmpty())
            continue;
        const ResolvedColumn *c = m_table.column(m_columns.at(i));
        row.insert(m_columns.at(i), c ? RelatedRows::valueFromText(*c, text) : QVariant(text));
    }
    return row;
}

QLineEdit *RowForm::field(const QString &column) const
{
    const qsizetype i = m_columns.indexOf(column);
    return i < 0 ? nullptr : m_fields.at(i);
}

} // namespace Junction
