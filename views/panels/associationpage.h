// SPDX-License-Identifier: MIT
#pragma once

#include "document.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace Junction {

class AssociationPreview;
class KeyDetails;

// The inspector's page for one association: every option of the format (type, source,
// target, as, foreignKey, targetKey, sourceKey, otherKey, through, constraints, onDelete,
// onUpdate, timestamps, comment; foreignKey and otherKey with their object form's type,
// field, unique and comment in KeyDetails), shown where the type uses it, with onDelete/onUpdate
// naming the rule that applies when unset; below, the AssociationPreview (accessors, DDL).
// Every change is one editAssociation() command; typing merges per field until focus
// leaves; an alias or through model the format refuses stays in its field with the reason.
class AssociationPage : public QWidget
{
    Q_OBJECT

public:
    explicit AssociationPage(QWidget *parent = nullptr);

    void setDocument(Document *document);
    void setAssociation(const AssociationId &id);
    AssociationId association() const { return m_id; }
    void refresh();

    QComboBox *typeBox() const { return m_type; }
    QComboBox *sourceBox() const { return m_source; }
    QComboBox *targetBox() const { return m_target; }
    QLineEdit *asEdit() const { return m_as; }
    QLineEdit *singularEdit() const { return m_singular; }
    QLabel *asProblem() const { return m_asProblem; }
    QComboBox *foreignKeyBox() const { return m_foreignKey; }
    QComboBox *foreignKeyNullBox() const { return m_foreignKeyNull; }
    KeyDetails *foreignKeyDetails() const { return m_foreignKeyDetails; }
    KeyDetails *otherKeyDetails() const { return m_otherKeyDetails; }
    QComboBox *targetKeyBox() const { return m_targetKey; }
    QComboBox *sourceKeyBox() const { return m_sourceKey; }
    QComboBox *otherKeyBox() const { return m_otherKey; }
    QComboBox *otherKeyNullBox() const { return m_otherKeyNull; }
    QComboBox *throughKindBox() const { return m_throughKind; }
    QComboBox *throughBox() const { return m_through; }
    QLabel *throughProblem() const { return m_throughProblem; }
    QComboBox *constraintsBox() const { return m_constraints; }
    QComboBox *onDeleteBox() const { return m_onDelete; }
    QComboBox *onUpdateBox() const { return m_onUpdate; }
    QComboBox *timestampsBox() const { return m_timestamps; }
    QLineEdit *commentEdit() const { return m_comment; }
    AssociationPreview *preview() const { return m_preview; }
    // Whether the row of this field is shown for the current type.
    bool isFieldShown(QWidget *field) const;

private:
    void build();
    void commit(const Association &edited, int field, bool typed); // field: AssociationField
    void editType();
    void editAlias();
    void editKey(bool other, bool typed);
    void editThrough(bool typed);
    void showRows(const Association &association);
    QString aliasProblem(const Association &edited) const;
    void endTyping();

    QPointer<Document> m_document;
    AssociationId m_id;
    QFormLayout *m_form = nullptr;
    QLabel *m_title = nullptr;
    QComboBox *m_type = nullptr;
    QComboBox *m_source = nullptr;
    QComboBox *m_target = nullptr;
    QLineEdit *m_as = nullptr;
    QLineEdit *m_singular = nullptr;
    QLabel *m_asProblem = nullptr;
    QWidget *m_foreignKeyRow = nullptr;
    QComboBox *m_foreignKey = nullptr;
    QComboBox *m_foreignKeyNull = nullptr;
    KeyDetails *m_foreignKeyDetails = nullptr;
    KeyDetails *m_otherKeyDetails = nullptr;
    QComboBox *m_targetKey = nullptr;
    QComboBox *m_sourceKey = nullptr;
    QWidget *m_otherKeyRow = nullptr;
    QComboBox *m_otherKey = nullptr;
    QComboBox *m_otherKeyNull = nullptr;
    QWidget *m_throughRow = nullptr;
    QComboBox *m_throughKind = nullptr;
    QComboBox *m_through = nullptr;
    QLabel *m_throughProblem = nullptr;
    QComboBox *m_constraints = nullptr;
    QComboBox *m_onDelete = nullptr;
    QComboBox *m_onUpdate = nullptr;
    QComboBox *m_timestamps = nullptr;
    QLineEdit *m_comment = nullptr;
    AssociationPreview *m_preview = nullptr;
};

} // namespace Junction
