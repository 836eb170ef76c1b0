// SPDX-License-Identifier: MIT
#pragma once

#include "change.h"
#include "document.h"

#include <QPointer>
#include <QWidget>

class QScrollArea;
class QStackedWidget;

namespace Junction {

class AssociationPage;
class DiagramScene;
class EntityPage;
class ProjectPage;

// The inspector dock: the page of what is selected on the canvas: one model (EntityPage),
// one association or the junction table of one (AssociationPage), else the project
// (ProjectPage). The pages show the document's values again after every change (edit, undo,
// redo) and push their own edits as commands.
class InspectorPanel : public QWidget
{
    Q_OBJECT

public:
    explicit InspectorPanel(QWidget *parent = nullptr);

    void setDocument(Document *document);
    void setScene(DiagramScene *scene);

    ProjectPage *projectPage() const { return m_project; }
    EntityPage *entityPage() const { return m_entity; }
    AssociationPage *associationPage() const { return m_association; }
    QWidget *currentPage() const;

    // Shows a model or an association (what a selection on the canvas does).
    void showEntity(const EntityId &id);
    void showAssociation(const AssociationId &id);
    void showProject(int selectionCount = 0);
    // The association's page with its alias (`as`) field focused and selected, for typing.
    void editAssociationAlias(const AssociationId &id);
    // A model's page with this attribute current in its table.
    void showAttribute(const EntityId &entity, const AttributeId &id);

private:
    void followSelection();
    void documentChanged(const ChangeSet &changes);

    QPointer<Document> m_document;
    QPointer<DiagramScene> m_scene;
    QMetaObject::Connection m_changedConnection;
    QMetaObject::Connection m_resolvedConnection;
    QMetaObject::Connection m_selectionConnection;
    QStackedWidget *m_pages;
    ProjectPage *m_project;
    EntityPage *m_entity;
    AssociationPage *m_association;
};

} // namespace Junction
