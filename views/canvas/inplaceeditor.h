// SPDX-License-Identifier: MIT
#pragma once

#include "ids.h"
#include "tableitem.h"

#include <QFrame>
#include <QPointer>

class QComboBox;
class QGraphicsView;
class QLabel;
class QLineEdit;

namespace Junction {

class DiagramScene;
class Document;

// Editing on the canvas itself: a small editor laid over a box, for the model's name (over
// its header) or an attribute's name and type (over its row). Enter commits through
// renameEntity() or editAttribute(), as one undo step of its own; Escape cancels. A name or
// type the format refuses is shown under the editor, which stays open and commits nothing.
// It is a child of the view's viewport and follows scrolling and zoom, in the box's fonts
// scaled by the zoom, each field's text exactly over the text it edits; it closes itself
// when its model or attribute goes away.
class InPlaceEditor : public QFrame
{
    Q_OBJECT

public:
    InPlaceEditor(QGraphicsView *view, DiagramScene *scene);

    void editModelName(const EntityId &entity);
    // `row` is the attribute's row in the model's box.
    void editAttribute(const EntityId &entity, const AttributeId &attribute);

    bool isEditing() const { return !m_entity.isNull(); }
    EntityId entity() const { return m_entity; }
    AttributeId attribute() const { return m_attribute; }

    // Commits; false (and still open, the problem shown) when the input is refused.
    bool commit();
    void cancel();
    // A click elsewhere: commit what is valid, else drop it.
    void commitOrCancel();

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *typeBox() const { return m_type; }
    QString problem() const;

    // The types offered, in the format's spelling (STRING, DECIMAL(10,2), ...).
    static QStringList typeChoices();

signals:
    void closed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void open();
    void close();
    void reposition();
    // Sets `field` (a line edit or an editable combo box) in `place`'s font at `zoom` and
    // returns its geometry in the viewport, its text exactly over `place`'s, reaching to
    // `reach` (item x) when that is further.
    QRect fieldOver(QWidget *field, const TableItem &item, const TableItem::TextPlace &place,
                    qreal zoom, int minimumWidth, qreal reach);
    static QPointF textOrigin(const QLineEdit *edit);
    void showProblem(const QString &problem);
    void documentChanged();

    QGraphicsView *m_view;
    DiagramScene *m_scene;
    QLineEdit *m_name;
    QComboBox *m_type;
    QLabel *m_problem;
    QPointer<Document> m_document;
    QMetaObject::Connection m_documentConnection;
    EntityId m_entity;
    AttributeId m_attribute; // null: the model's name
};

} // namespace Junction
