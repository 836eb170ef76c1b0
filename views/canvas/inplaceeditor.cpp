// SPDX-License-Identifier: MIT
#include "inplaceeditor.h"

#include "canvasselection.h"
#include "commands/attributecommands.h"
#include "commands/entitycommands.h"
#include "datatype.h"
#include "diagramscene.h"
#include "diagramview.h"
#include "document.h"
#include "tableitem.h"

#include <QApplication>
#include <QComboBox>
#include <QGraphicsView>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>

namespace Junction {

namespace {

constexpr int minimumNameWidth = 160;
constexpr int minimumRowWidth = 280;

bool isEditingKey(int key)
{
    switch (key) {
    case Qt::Key_Escape:
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Home:
    case Qt::Key_End:
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
    case Qt::Key_Insert:
        return true;
    default:
        return false;
    }
}

} // namespace

InPlaceEditor::InPlaceEditor(QGraphicsView *view, DiagramScene *scene)
    : QFrame(view->viewport())
    , m_view(view)
    , m_scene(scene)
    , m_name(new QLineEdit(this))
    , m_type(new QComboBox(this))
    , m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("inPlaceEditor"));
    m_name->setObjectName(QStringLiteral("inPlaceName"));
    m_type->setObjectName(QStringLiteral("inPlaceType"));
    m_type->setEditable(true);
    m_type->setInsertPolicy(QComboBox::NoInsert);
    m_type->addItems(typeChoices());
    m_problem->setObjectName(QStringLiteral("inPlaceProblem"));
    m_problem->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #b3261e; border: "
                                            "1px solid #d0342c; padding: 2px 4px; }"));
    m_problem->setWordWrap(true);

    auto layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_name, 0, 0);
    layout->addWidget(m_type, 0, 1);
    layout->addWidget(m_problem, 1, 0, 1, 2);
    layout->setColumnStretch(0, 3);
    layout->setColumnStretch(1, 2);

    m_name->installEventFilter(this);
    m_type->installEventFilter(this);
    m_type->lineEdit()->installEventFilter(this);
    connect(m_name, &QLineEdit::textEdited, this, [this] { showProblem({}); });
    connect(m_type, &QComboBox::currentTextChanged, this, [this] { showProblem({}); });

    // Leaving the editor (a click on another widget) ends it as a click on the canvas does.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        if (!isEditing() || !now)
            return;
        for (QWidget *w = now; w; w = w->parentWidget()) {
            if (w == this)
                return; // still inside (the type list is a popup window of the combo box)
        }
        commitOrCancel();
    });
    if (auto diagramView = qobject_cast<DiagramView *>(m_view))
        connect(diagramView, &DiagramView::zoomChanged, this, &InPlaceEditor::reposition);
    connect(m_view->horizontalScrollBar(), &QScrollBar::valueChanged, this,
            &InPlaceEditor::reposition);
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &InPlaceEditor::reposition);
    hide();
}

QStringList InPlaceEditor::typeChoices()
{
    QStringList choices;
    const QStringList names = DataType::knownTypeNames();
    for (QString name : names) {
        if (name.endsWith(QLatin1String("(n)")))
            name.chop(3);
        name.replace(QLatin1String("(p,s)"), QLatin1String("(10,2)"));
        choices << name;
    }
    return choices;
}

void InPlaceEditor::editModelName(const EntityId &entity)
{
    if (isEditing())
        commitOrCancel();
    m_document = m_scene->document();
    const Entity *model = m_document ? m_document->entity(entity) : nullptr;
    if (!model)
        return;
    m_entity = entity;
    m_attribute = AttributeId();
    m_name->setText(model->name);
    m_type->hide();
    static_cast<QGridLayout *>(layout())->setColumnStretch(1, 0);
    open();
}

void InPlaceEditor::editAttribute(const EntityId &entity, const AttributeId &attribute)
{
    if (isEditing())
        commitOrCancel();
    m_document = m_scene->document();
    const Entity *model = m_document ? m_document->entity(entity) : nullptr;
    if (!model)
        return;
    const Attribute *found = nullptr;
    for (const Attribute &a : model->attributes) {
        if (a.id == attribute)
            found = &a;
    }
    if (!found)
        return;
    m_entity = entity;
    m_attribute = attribute;
    m_name->setText(found->name);
    m_type->setCurrentText(found->type);
    m_type->show();
    static_cast<QGridLayout *>(layout())->setColumnStretch(1, 2);
    open();
}

void InPlaceEditor::open()
{
    m_documentConnection
        = connect(m_document, &Document::changed, this, &InPlaceEditor::documentChanged);
    showProblem({});
    reposition();
    if (!isEditing())
        return; // the box is not shown
    show();
    raise();
    m_name->setFocus(Qt::OtherFocusReason);
    m_name->selectAll();
}

void InPlaceEditor::close()
{
    disconnect(m_documentConnection);
    m_entity = EntityId();
    m_attribute = AttributeId();
    const bool hadFocus = hasFocus() || isAncestorOf(QApplication::focusWidget());
    hide();
    if (hadFocus)
        m_view->setFocus(Qt::OtherFocusReason);
    emit closed();
}

QString InPlaceEditor::problem() const
{
    return m_problem->isVisible() ? m_problem->text() : QString();
}

void InPlaceEditor::showProblem(const QString &problem)
{
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_name->setStyleSheet(problem.isEmpty() ? QString()
                                            : QStringLiteral("border: 1px solid #d0342c;"));
    if (isEditing())
        reposition();
}

void InPlaceEditor::reposition()
{
    if (!isEditing())
        return;
    const TableItem *item = m_scene->tableItem(m_entity);
    int row = -1;
    if (item && !m_attribute.isNull() && m_document)
        row = attributeRow(*m_document, m_entity, m_attribute);
    if (!item || (!m_attribute.isNull() && row < 0)) {
        cancel();
        return;
    }
    const QRectF local = m_attribute.isNull() ? item->headerRect() : item->rowRect(row);
    const QRect over = m_view->mapFromScene(item->mapToScene(local)).boundingRect();
    const int lineHeight = m_name->sizeHint().height();
    const int width = qMax(over.width(), m_attribute.isNull() ? minimumNameWidth : minimumRowWidth);
    const QSize size(width, sizeHint().height());
    setGeometry(QRect(QPoint(over.left(), over.center().y() - lineHeight / 2), size));
}

void InPlaceEditor::documentChanged()
{
    // Undo may take the model or attribute away; a rename elsewhere may move the row.
    if (!m_document || !m_document->entity(m_entity)) {
        cancel();
        return;
    }
    reposition();
}

bool InPlaceEditor::commit()
{
    if (!isEditing())
        return true;
    Document *document = m_document;
    const Entity *model = document ? document->entity(m_entity) : nullptr;
    if (!model) {
        close();
        return true;
    }
    const QString name = m_name->text().trimmed();
    std::unique_ptr<QUndoCommand> command;
    if (m_attribute.isNull()) {
        const QString problem = Commands::entityNameProblem(document->project(), m_entity, name);
        if (!problem.isEmpty()) {
            showProblem(problem);
            return false;
        }
        command = Commands::renameEntity(*document, m_entity, name);
    } else {
        const Attribute *before = nullptr;
        for (const Attribute &a : model->attributes) {
            if (a.id == m_attribute)
                before = &a;
        }
        if (!before) {
            close();
            return true;
        }
        QString problem = Commands::attributeNameProblem(*model, m_attribute, name);
        const QString typed = m_type->currentText().trimmed();
        QString type = before->type;
        if (typed != before->type) {
            const std::optional<DataType> parsed = DataType::parse(typed);
            if (!parsed && problem.isEmpty()) {
                problem = tr("%1 is not a type of the format; it knows %2")
                              .arg(typed.isEmpty() ? tr("An empty type") : typed,
                                   DataType::knownTypeNames().join(QLatin1String(", ")));
            }
            if (parsed)
                type = parsed->toString();
        }
        if (!problem.isEmpty()) {
            showProblem(problem);
            return false;
        }
        Attribute after = *before;
        after.name = name;
        after.type = type;
        const bool renamed = after.name != before->name;
        const bool retyped = after.type != before->type;
        if (renamed || retyped) {
            const auto field = renamed && retyped ? Commands::AttributeField::All
                : renamed                         ? Commands::AttributeField::Name
                                                  : Commands::AttributeField::Type;
            command = Commands::editAttribute(*document, m_entity, after, field);
        }
    }
    close();
    if (command) {
        // An in-place edit is one undo step: it merges neither with typing before it nor after.
        document->breakMergeSequence();
        document->push(std::move(command));
        document->breakMergeSequence();
    }
    return true;
}

void InPlaceEditor::cancel()
{
    if (isEditing())
        close();
}

void InPlaceEditor::commitOrCancel()
{
    if (isEditing() && !commit())
        cancel();
}

bool InPlaceEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        // The canvas's own keys (Delete, arrows, Escape) must reach the editor first.
        const auto key = static_cast<QKeyEvent *>(event);
        if (isEditingKey(key->key())
            && !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
            event->accept();
            return true;
        }
    } else if (event->type() == QEvent::KeyPress) {
        const auto key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape) {
            cancel();
            return true;
        }
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            commit();
            return true;
        }
    }
    return QFrame::eventFilter(watched, event);
}

} // namespace Junction
