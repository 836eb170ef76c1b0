// SPDX-License-Identifier: MIT
#include "relationeditor.h"

#include "changedescription.h"
#include "databasethread.h"
#include "databrowser.h"
#include "jobcounter.h"
#include "linkdialog.h"

#include <QItemSelectionModel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>

#include <utility>

namespace Junction {

RelationEditor::RelationEditor(DataBrowser *browser)
    : QObject(browser)
    , m_browser(browser)
{
}

std::shared_ptr<const ResolvedSchema> RelationEditor::schema() const
{
    return m_browser->rowModel()->schema();
}

bool RelationEditor::confirm(const QString &title, const QString &question, const QString &details,
                             const QString &action)
{
    QMessageBox box(QMessageBox::Question, title, question, QMessageBox::Cancel, m_browser);
    box.setObjectName(QStringLiteral("confirmChange"));
    box.setInformativeText(details);
    QPushButton *yes = box.addButton(action, QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == yes;
}

void RelationEditor::apply(std::function<RowsResult<qint64>(RelatedRows &)> change,
                           const QString &done)
{
    const std::shared_ptr<const ResolvedSchema> resolved = schema();
    m_browser->jobs()->begin();
    m_browser->database()->run(
        [resolved, change](Connection &connection, const std::atomic_bool &cancelled) {
            RelatedRows rows(connection, *resolved);
            const RowsResult<qint64> result = change(rows);
            // RelatedRows rolled the transaction back; the flag says the user stopped it.
            return std::make_pair(result, !result.ok() && cancelled);
        },
        this,
        [this, done](std::pair<RowsResult<qint64>, bool> answer) {
            m_browser->jobs()->end();
            const RowsResult<qint64> &result = answer.first;
            if (answer.second) {
                const QString message = tr("Cancelled: nothing was changed.");
                m_browser->showMessage(message, false);
                m_browser->showCancelled();
                emit finished(false, message);
                return;
            }
            if (!result.ok()) {
                const QString message = tr("Nothing was changed: %1").arg(result.error.trimmed());
                m_browser->showMessage(message, true);
                emit finished(false, message);
                return;
            }
            m_browser->showMessage(done, false);
            m_browser->reload();
            emit finished(true, done);
        });
}

void RelationEditor::link()
{
    RowPageModel *model = m_browser->rowModel();
    const ResolvedAssociation *a = model->association();
    if (!a)
        return;
    const std::shared_ptr<const ResolvedSchema> resolved = schema();
    LinkDialog dialog(m_browser->database(), resolved, *a, LinkDialog::Mode::Pick, m_browser);
    dialog.setObjectName(QStringLiteral("linkDialog"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Row target = dialog.target();
    const Row through = dialog.throughValues();
    if (target.isEmpty())
        return;
    const Row source = model->listing().source;
    QList<Row> linked;
    for (int i = 0; i < model->rowCount(); ++i)
        linked << model->row(i);
    const ResolvedTable &s = *resolved->table(a->sourceTable);
    const ResolvedTable &t = *resolved->table(a->targetTable);
    // The source row as the listing's step knows it: its key (and what the trail showed).
    const QString question = tr("Link %1 to %2 as its %3?")
                                 .arg(ChangeDescription::rowName(t, target),
                                      RowPageModel::describeRow(s, source), a->as);
    if (!confirm(tr("Link"), question,
                 ChangeDescription::link(*resolved, *a, source, target, through, linked),
                 tr("Link")))
        return;
    const AssociationId id = a->id;
    const bool single = a->type == AssociationType::BelongsTo || a->type == AssociationType::HasOne;
    apply(
        [id, single, source, target, through](RelatedRows &rows) {
            return single ? rows.set(id, RowRef(source), {RowRef(target)})
                          : rows.add(id, RowRef(source), {RowRef(target)}, through);
        },
        tr("Linked %1 to %2.").arg(RowPageModel::describeRow(t, target),
                                   RowPageModel::describeRow(s, source)));
}

void RelationEditor::unlinkSelected()
{
    RowPageModel *model = m_browser->rowModel();
    const ResolvedAssociation *a = model->association();
    if (!a)
        return;
    QList<Row> targets;
    const QModelIndexList selected = m_browser->tableView()->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        targets << model->row(index.row());
    if (targets.isEmpty() && m_browser->currentRow() >= 0)
        targets << model->row(m_browser->currentRow());
    if (targets.isEmpty())
        return;
    const std::shared_ptr<const ResolvedSchema> resolved = schema();
    const ResolvedTable &s = *resolved->table(a->sourceTable);
    const ResolvedTable &t = *resolved->table(a->targetTable);
    const Row source = model->listing().source;
    const QString question
        = targets.size() == 1
        ? tr("Unlink %1 from %2?").arg(ChangeDescription::rowName(t, targets.first()),
                                       RowPageModel::describeRow(s, source))
        : tr("Unlink %n %1 rows from %2?", nullptr, int(targets.size()))
              .arg(t.entityName, RowPageModel::describeRow(s, source));
    if (!confirm(tr("Unlink"), question,
                 ChangeDescription::unlink(*resolved, *a, source, targets), tr("Unlink")))
        return;
    const AssociationId id = a->id;
    const bool single = a->type == AssociationType::BelongsTo || a->type == AssociationType::HasOne;
    QList<RowRef> refs;
    for (const Row &target : targets)
        refs << RowRef(target);
    apply(
        [id, single, source, refs](RelatedRows &rows) {
            return single ? rows.set(id, RowRef(source), {}) : rows.remove(id, RowRef(source), refs);
        },
        tr("Unlinked %n row(s) from %1.", nullptr, int(targets.size()))
            .arg(RowPageModel::describeRow(s, source)));
}

void RelationEditor::createRelated()
{
    RowPageModel *model = m_browser->rowModel();
    const ResolvedAssociation *a = model->association();
    if (!a)
        return;
    const std::shared_ptr<const ResolvedSchema> resolved = schema();
    LinkDialog dialog(m_browser->database(), resolved, *a, LinkDialog::Mode::Create, m_browser);
    dialog.setObjectName(QStringLiteral("createDialog"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Row values = dialog.target();
    const Row through = dialog.throughValues();
    const Row source = model->listing().source;
    const ResolvedTable &s = *resolved->table(a->sourceTable);
    const ResolvedTable &t = *resolved->table(a->targetTable);
    const QString question = tr("Create a %1 linked to %2 as its %3?")
                                 .arg(t.entityName.isEmpty() ? t.name : t.entityName,
                                      RowPageModel::describeRow(s, source), a->as);
    if (!confirm(tr("New Related Row"), question,
                 ChangeDescription::create(*resolved, *a, source, values, through), tr("Create")))
        return;
    const AssociationId id = a->id;
    apply(
        [id, source, values, through](RelatedRows &rows) {
            RowsResult<qint64> out;
            const RowsResult<Row> created = rows.create(id, RowRef(source), values, through);
            out.error = created.error;
            out.sqlError = created.sqlError;
            out.value = created.ok() ? 1 : 0;
            return out;
        },
        tr("Created a %1 for %2.").arg(t.entityName, RowPageModel::describeRow(s, source)));
}

} // namespace Junction
