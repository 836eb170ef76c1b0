// SPDX-License-Identifier: MIT
#include "inspectorpanel.h"

#include "associationitem.h"
#include "associationpage.h"
#include "attributetable.h"
#include "diagramscene.h"
#include "entitypage.h"
#include "projectpage.h"
#include "tableitem.h"

#include <QLineEdit>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Junction {

namespace {

QScrollArea *scrolled(QWidget *page, QWidget *parent)
{
    auto area = new QScrollArea(parent);
    area->setWidget(page);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // As needed, the bar's coming and going re-lays out the word-wrapped page (height for
    // width) and left it a bar's width too wide, cut off on the right.
    area->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    return area;
}

} // namespace

InspectorPanel::InspectorPanel(QWidget *parent)
    : QWidget(parent)
    , m_pages(new QStackedWidget(this))
    , m_project(new ProjectPage)
    , m_entity(new EntityPage)
    , m_association(new AssociationPage)
{
    m_pages->addWidget(scrolled(m_project, m_pages));
    m_pages->addWidget(scrolled(m_entity, m_pages));
    m_pages->addWidget(scrolled(m_association, m_pages));
    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
}

void InspectorPanel::setDocument(Document *document)
{
    if (m_changedConnection)
        disconnect(m_changedConnection);
    if (m_resolvedConnection)
        disconnect(m_resolvedConnection);
    m_document = document;
    m_project->setDocument(document);
    m_entity->setDocument(document);
    m_association->setDocument(document);
    if (m_document) {
        m_changedConnection
            = connect(m_document, &Document::changed, this, &InspectorPanel::documentChanged);
        // The pages' derived values (placeholders, accessors, previews) follow the resolve;
        // a model's page only one that changed its table (its derived table name).
        m_resolvedConnection = connect(m_document, &Document::resolvedChanged, this,
                                       [this](const ResolvedDelta &delta) {
                                           if (m_pages->currentIndex() == 1 && !delta.everything
                                               && !delta.models.contains(m_entity->entity()))
                                               return;
                                           documentChanged({});
                                       });
    }
    followSelection();
}

void InspectorPanel::setScene(DiagramScene *scene)
{
    if (m_selectionConnection)
        disconnect(m_selectionConnection);
    m_scene = scene;
    if (m_scene) {
        m_selectionConnection = connect(m_scene, &QGraphicsScene::selectionChanged, this,
                                        &InspectorPanel::followSelection);
    }
    followSelection();
}

QWidget *InspectorPanel::currentPage() const
{
    return static_cast<QScrollArea *>(m_pages->currentWidget())->widget();
}

void InspectorPanel::showEntity(const EntityId &id)
{
    m_entity->setEntity(id);
    m_pages->setCurrentIndex(1);
}

void InspectorPanel::showAssociation(const AssociationId &id)
{
    m_association->setAssociation(id);
    m_pages->setCurrentIndex(2);
}

void InspectorPanel::editAssociationAlias(const AssociationId &id)
{
    showAssociation(id);
    QLineEdit *alias = m_association->asEdit();
    alias->setFocus(Qt::OtherFocusReason);
    alias->selectAll();
}

void InspectorPanel::showAttribute(const EntityId &entity, const AttributeId &id)
{
    showEntity(entity);
    m_entity->attributes()->setCurrentAttribute(id);
}

void InspectorPanel::showProject(int selectionCount)
{
    m_project->setSelectionCount(selectionCount);
    m_project->refresh();
    m_pages->setCurrentIndex(0);
}

void InspectorPanel::followSelection()
{
    const QList<QGraphicsItem *> selected
        = m_scene ? m_scene->selectedItems() : QList<QGraphicsItem *>();
    if (selected.size() == 1 && m_document) {
        if (const auto table = qgraphicsitem_cast<TableItem *>(selected.first())) {
            if (!table->isDerived())
                return showEntity(table->entityId());
            // A junction table is edited through the belongsToMany that creates it.
            if (const ResolvedTable *t = m_document->lastResolved().table(table->tableName());
                t && !t->junctionOf.isNull())
                return showAssociation(t->junctionOf);
        }
        if (const auto edge = qgraphicsitem_cast<AssociationItem *>(selected.first()))
            return showAssociation(edge->associationId());
    }
    showProject(int(selected.size()));
}

void InspectorPanel::documentChanged(const ChangeSet &changes)
{
    Q_UNUSED(changes)
    // Called from inside an undo step: only show values, never push.
    switch (m_pages->currentIndex()) {
    case 1:
        if (m_document && !m_document->entity(m_entity->entity()))
            return showProject();
        m_entity->refresh();
        break;
    case 2:
        if (m_document && !m_document->association(m_association->association()))
            return showProject();
        m_association->refresh();
        break;
    default:
        m_project->refresh();
        break;
    }
}

} // namespace Junction
