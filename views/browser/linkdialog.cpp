// SPDX-License-Identifier: MIT
#include "linkdialog.h"

#include "rowform.h"
#include "rowpagemodel.h"
#include "rowupdate.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace Junction {

LinkDialog::LinkDialog(DatabaseThread *database, std::shared_ptr<const ResolvedSchema> schema,
                       const ResolvedAssociation &a, Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
{
    const ResolvedTable &target = *schema->table(a.targetTable);
    const QString model = target.entityName.isEmpty() ? target.name : target.entityName;
    auto *layout = new QVBoxLayout(this);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);

    if (mode == Mode::Pick) {
        setWindowTitle(tr("Link %1 through %2.%3").arg(model, a.source, a.as));
        const QString label = RowLabel::labelColumn(target);
        m_filter = new QLineEdit(this);
        m_filter->setObjectName(QStringLiteral("linkFilter"));
        m_filter->setPlaceholderText(label.isEmpty() ? tr("Filter by %1").arg(target.primaryKey.value(0))
                                                     : tr("Filter by %1").arg(label));
        m_targets = new RowPageModel(database, schema, this);
        m_targets->setListing({target.name, {}, {}});
        m_view = new QTableView(this);
        m_view->setObjectName(QStringLiteral("linkTargets"));
        m_view->setModel(m_targets);
        m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
        m_view->setSelectionMode(QAbstractItemView::SingleSelection);
        m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
        m_view->verticalHeader()->hide();
        layout->addWidget(new QLabel(tr("The %1 to link:").arg(model), this));
        layout->addWidget(m_filter);
        layout->addWidget(m_view, 1);
        const QString filterColumn = label.isEmpty() ? target.primaryKey.value(0) : label;
        connect(m_filter, &QLineEdit::returnPressed, this, [this, filterColumn] {
            m_targets->setFilter(filterColumn, m_filter->text().trimmed());
        });
        ok->setText(tr("Link..."));
        ok->setEnabled(false);
        connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                [this, ok] { ok->setEnabled(!this->target().isEmpty()); });
        connect(m_targets, &QAbstractItemModel::modelReset, this, [ok] { ok->setEnabled(false); });
    } else {
        setWindowTitle(tr("New %1 through %2.%3").arg(model, a.source, a.as));
        QStringList except;
        if (a.type == AssociationType::HasMany || a.type == AssociationType::HasOne)
            except << a.foreignKeyColumn; // set to the source row's key
        m_values = new RowForm(target, RowForm::editableColumns(target, except), this);
        m_values->setObjectName(QStringLiteral("createValues"));
        auto *group = new QGroupBox(tr("The new %1").arg(model), this);
        (new QVBoxLayout(group))->addWidget(m_values);
        layout->addWidget(group);
        ok->setText(tr("Create..."));
    }

    if (a.type == AssociationType::BelongsToMany) {
        if (const ResolvedTable *junction = schema->table(a.throughTable)) {
            const QStringList columns = RowForm::editableColumns(
                *junction, {a.foreignKeyColumn, a.otherKeyColumn});
            if (!columns.isEmpty()) {
                m_through = new RowForm(*junction, columns, this);
                m_through->setObjectName(QStringLiteral("throughValues"));
                auto *group = new QGroupBox(tr("The %1 row of the link").arg(a.throughTable), this);
                (new QVBoxLayout(group))->addWidget(m_through);
                layout->addWidget(group);
            }
        }
    }
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(640, mode == Mode::Pick ? 480 : 360);
}

Row LinkDialog::target() const
{
    if (m_mode == Mode::Create)
        return m_values->values();
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? Row() : m_targets->row(rows.first().row());
}

Row LinkDialog::throughValues() const
{
    return m_through ? m_through->values() : Row();
}

} // namespace Junction
