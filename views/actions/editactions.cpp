// SPDX-License-Identifier: MIT
#include "editactions.h"

#include "canvasinteraction.h"
#include "canvasselection.h"
#include "commands/associationcommands.h"
#include "commands/clipboard.h"
#include "commands/entitycommands.h"
#include "diagramscene.h"
#include "document.h"
#include "inplaceeditor.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QGraphicsItem>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPainterPath>
#include <QPushButton>
#include <QWidget>

namespace Junction {

EditActions::EditActions(DiagramScene *scene, QWidget *canvas, CanvasInteraction *interaction,
                         QObject *parent)
    : QObject(parent)
    , m_scene(scene)
    , m_canvas(canvas)
    , m_interaction(interaction)
{
    m_cut = makeAction(tr("Cu&t"), QStringLiteral("cutAction"),
                       QKeySequence::keyBindings(QKeySequence::Cut));
    connect(m_cut, &QAction::triggered, this, &EditActions::cut);
    m_copy = makeAction(tr("&Copy"), QStringLiteral("copyAction"),
                        QKeySequence::keyBindings(QKeySequence::Copy));
    connect(m_copy, &QAction::triggered, this, &EditActions::copy);
    m_paste = makeAction(tr("&Paste"), QStringLiteral("pasteAction"),
                         QKeySequence::keyBindings(QKeySequence::Paste));
    connect(m_paste, &QAction::triggered, this, &EditActions::paste);
    m_duplicate = makeAction(tr("D&uplicate"), QStringLiteral("duplicateAction"),
                             {QKeySequence(Qt::CTRL | Qt::Key_D)});
    connect(m_duplicate, &QAction::triggered, this, &EditActions::duplicate);
    m_delete = makeAction(tr("&Delete"), QStringLiteral("deleteAction"),
                          QKeySequence::keyBindings(QKeySequence::Delete)
                              << QKeySequence(Qt::Key_Backspace));
    connect(m_delete, &QAction::triggered, this, &EditActions::deleteSelection);
    m_editActions << m_cut << m_copy << m_paste << m_duplicate << m_delete << nullptr;
    QAction *all = makeAction(tr("Select &All"), QStringLiteral("selectAllAction"),
                              QKeySequence::keyBindings(QKeySequence::SelectAll));
    connect(all, &QAction::triggered, this, &EditActions::selectAll);
    m_addAttribute = makeAction(tr("Add A&ttribute"), QStringLiteral("addAttributeAction"),
                                {QKeySequence(Qt::Key_Insert)});
    connect(m_addAttribute, &QAction::triggered, m_interaction,
            &CanvasInteraction::addAttributeToSelection);
    m_rename = makeAction(tr("&Rename Model"), QStringLiteral("renameModelAction"),
                          {QKeySequence(Qt::Key_F2)});
    connect(m_rename, &QAction::triggered, this, [this] {
        const Document *document = m_scene->document();
        const QList<EntityId> models
            = document ? selectedEntityIds(*m_scene, *document) : QList<EntityId>();
        if (!models.isEmpty())
            m_interaction->editor()->editModelName(models.constFirst());
    });
    m_editActions << all << nullptr << m_rename << m_addAttribute;

    // Nudges: on the canvas only, not in a menu.
    const struct
    {
        int key;
        QPointF step;
    } arrows[] = {{Qt::Key_Left, {-1, 0}},
                  {Qt::Key_Right, {1, 0}},
                  {Qt::Key_Up, {0, -1}},
                  {Qt::Key_Down, {0, 1}}};
    for (const auto &arrow : arrows) {
        for (const bool large : {false, true}) {
            const QPointF delta = arrow.step * (large ? 10 : 1);
            QAction *action = makeAction(
                tr("Nudge"), {},
                {QKeySequence(large ? QKeyCombination(Qt::ShiftModifier, Qt::Key(arrow.key))
                                    : QKeyCombination(Qt::Key(arrow.key)))});
            connect(action, &QAction::triggered, this, [this, delta] { nudge(delta); });
            m_nudges << action;
        }
    }

    const struct
    {
        Commands::Alignment alignment;
        QString text;
        QString name;
    } alignments[] = {
        {Commands::Alignment::Left, tr("Align &Left"), QStringLiteral("alignLeftAction")},
        {Commands::Alignment::HorizontalCenter, tr("Align &Centres Horizontally"),
         QStringLiteral("alignHCenterAction")},
        {Commands::Alignment::Right, tr("Align &Right"), QStringLiteral("alignRightAction")},
        {Commands::Alignment::Top, tr("Align &Top"), QStringLiteral("alignTopAction")},
        {Commands::Alignment::VerticalCenter, tr("Align Centres &Vertically"),
         QStringLiteral("alignVCenterAction")},
        {Commands::Alignment::Bottom, tr("Align &Bottom"), QStringLiteral("alignBottomAction")},
    };
    for (const auto &entry : alignments) {
        QAction *action = makeAction(entry.text, entry.name, {});
        const Commands::Alignment alignment = entry.alignment;
        connect(action, &QAction::triggered, this, [this, alignment] { align(alignment); });
        m_aligns << action;
    }
    QAction *horizontal = makeAction(tr("Distribute &Horizontally"),
                                     QStringLiteral("distributeHorizontallyAction"), {});
    connect(horizontal, &QAction::triggered, this, [this] { distribute(Qt::Horizontal); });
    QAction *vertical = makeAction(tr("Distribute V&ertically"),
                                   QStringLiteral("distributeVerticallyAction"), {});
    connect(vertical, &QAction::triggered, this, [this] { distribute(Qt::Vertical); });
    m_distributes << horizontal << vertical;
    m_arrangeActions << m_aligns << nullptr << m_distributes;

    connect(m_scene, &QGraphicsScene::selectionChanged, this, &EditActions::updateEnabled);
    connect(QApplication::clipboard(), &QClipboard::dataChanged, this, &EditActions::updateEnabled);
    updateEnabled();
}

QAction *EditActions::makeAction(const QString &text, const QString &objectName,
                                 const QList<QKeySequence> &shortcuts)
{
    auto action = new QAction(text, this);
    action->setObjectName(objectName);
    action->setShortcuts(shortcuts);
    action->setShortcutContext(Qt::WidgetShortcut);
    m_canvas->addAction(action);
    return action;
}

void EditActions::addEditTo(QMenu *menu) const
{
    for (QAction *action : m_editActions) {
        if (action)
            menu->addAction(action);
        else
            menu->addSeparator();
    }
}

void EditActions::addArrangeTo(QMenu *menu) const
{
    for (QAction *action : m_arrangeActions) {
        if (action)
            menu->addAction(action);
        else
            menu->addSeparator();
    }
}

void EditActions::updateEnabled()
{
    const Document *document = m_scene->document();
    // Counted no further than the actions ask (distribute wants three).
    const SelectionCount count = document ? countSelected(*m_scene, *document, 3)
                                          : SelectionCount();
    const qsizetype models = count.models;
    const qsizetype edges = count.associations;
    m_delete->setEnabled(models + edges > 0);
    for (QAction *action : {m_cut, m_copy, m_duplicate, m_addAttribute, m_rename})
        action->setEnabled(models > 0);
    // Disabled nudges leave the arrow keys to the view, which scrolls.
    for (QAction *action : std::as_const(m_nudges))
        action->setEnabled(models > 0);
    for (QAction *action : std::as_const(m_aligns))
        action->setEnabled(models > 1);
    for (QAction *action : std::as_const(m_distributes))
        action->setEnabled(models > 2);
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    m_paste->setEnabled(document && mime && Commands::canPaste(*mime));
}

QString EditActions::describe(const Association &association)
{
    QString text = association.source + QLatin1Char('.') + associationTypeName(association.type)
        + QLatin1Char('(') + association.target;
    const QString alias = association.as.isObject ? association.as.singular : association.as.plural;
    if (!alias.isEmpty())
        text += QLatin1String(", as ") + alias;
    return text + QLatin1Char(')');
}

bool EditActions::removeSelection(const QString &verb)
{
    Document *document = m_scene->document();
    if (!document)
        return false;
    const QList<EntityId> models = selectedEntityIds(*m_scene, *document);
    QList<AssociationId> edges = selectedAssociationIds(*m_scene, *document);
    if (models.isEmpty() && edges.isEmpty())
        return false;
    m_interaction->editor()->cancel();

    const QList<AssociationId> orphans
        = Commands::orphanedAssociations(document->project(), models);
    if (!orphans.isEmpty()) {
        QStringList lines;
        for (const AssociationId &id : orphans) {
            if (const Association *association = document->association(id))
                lines << QStringLiteral("• ") + describe(*association);
        }
        QMessageBox box(QMessageBox::Warning, tr("%1 Models").arg(verb),
                        tr("%1 %n model(s) also deletes the association(s) that would be left "
                           "without their model:",
                           nullptr, int(models.size()))
                            .arg(verb),
                        QMessageBox::Cancel, m_canvas);
        box.setObjectName(QStringLiteral("orphanConfirmation"));
        box.setInformativeText(lines.join(QLatin1Char('\n')));
        QPushButton *accept = box.addButton(verb, QMessageBox::DestructiveRole);
        accept->setObjectName(QStringLiteral("confirmButton"));
        box.setDefaultButton(accept);
        box.exec();
        if (box.clickedButton() != accept)
            return false;
    }

    // The orphans go with the models (removeEntities removes them first); the other selected
    // associations before them, all one undo step.
    for (const AssociationId &id : orphans)
        edges.removeAll(id);
    QUndoStack *stack = document->undoStack();
    const bool macro = !edges.isEmpty() && !models.isEmpty();
    if (macro)
        stack->beginMacro(tr("Delete %n element(s)", nullptr, int(models.size() + edges.size())));
    if (!edges.isEmpty())
        document->push(Commands::removeAssociations(*document, edges));
    if (!models.isEmpty())
        document->push(Commands::removeEntities(*document, models));
    if (macro)
        stack->endMacro();
    return true;
}

void EditActions::deleteSelection()
{
    removeSelection(tr("Delete"));
}

void EditActions::copy()
{
    const Document *document = m_scene->document();
    if (!document)
        return;
    std::unique_ptr<QMimeData> mime
        = Commands::copyEntities(*document, selectedEntityIds(*m_scene, *document));
    if (mime)
        QApplication::clipboard()->setMimeData(mime.release());
}

void EditActions::cut()
{
    const Document *document = m_scene->document();
    if (!document)
        return;
    std::unique_ptr<QMimeData> mime
        = Commands::copyEntities(*document, selectedEntityIds(*m_scene, *document));
    if (!mime)
        return;
    // The clipboard gets the models only once the user has agreed to the deletion.
    if (removeSelection(tr("Cut")))
        QApplication::clipboard()->setMimeData(mime.release());
}

void EditActions::paste()
{
    Document *document = m_scene->document();
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    if (!document || !mime)
        return;
    m_interaction->editor()->commitOrCancel();
    QList<EntityId> added;
    if (document->push(Commands::paste(*document, *mime, std::nullopt, &added))) {
        QStringList ids;
        for (const EntityId &id : std::as_const(added))
            ids << id.toString();
        m_scene->selectElements(ids);
    }
}

void EditActions::duplicate()
{
    Document *document = m_scene->document();
    if (!document)
        return;
    m_interaction->editor()->commitOrCancel();
    QList<EntityId> added;
    if (document->push(Commands::duplicateEntities(
            *document, selectedEntityIds(*m_scene, *document), &added))) {
        QStringList ids;
        for (const EntityId &id : std::as_const(added))
            ids << id.toString();
        m_scene->selectElements(ids);
    }
}

void EditActions::selectAll()
{
    m_scene->finishBuilding(); // all: those the canvas is still filling in after an open too
    // One selection change for the lot, not one per item: every listener (the outline, the
    // inspector) would otherwise follow each of thousands of items.
    QPainterPath everywhere;
    everywhere.addRect(m_scene->sceneRect().united(m_scene->itemsBoundingRect()));
    m_scene->setSelectionArea(everywhere, Qt::ReplaceSelection, Qt::IntersectsItemBoundingRect);
}

void EditActions::nudge(QPointF delta)
{
    Document *document = m_scene->document();
    if (!document)
        return;
    document->push(
        Commands::nudgeEntities(*document, selectedEntityIds(*m_scene, *document), delta));
}

void EditActions::align(Commands::Alignment alignment)
{
    Document *document = m_scene->document();
    if (!document)
        return;
    document->push(Commands::alignEntities(*document, selectedEntityIds(*m_scene, *document),
                                           alignment, m_scene->boxSizeFunction()));
}

void EditActions::distribute(Qt::Orientation orientation)
{
    Document *document = m_scene->document();
    if (!document)
        return;
    document->push(Commands::distributeEntities(*document, selectedEntityIds(*m_scene, *document),
                                                orientation, m_scene->boxSizeFunction()));
}

} // namespace Junction
