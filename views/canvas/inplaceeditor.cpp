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
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QStyle>
#include <QStyleOptionFrame>

#include <algorithm>

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

    // No layout: reposition() lays the fields over the texts they edit.
    m_problem->hide();

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
    reposition(); // the fields lay out their insides once shown
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
    // Each field in the box's font at the view's zoom, its text where the box draws it.
    const qreal zoom = m_view->transform().m11();
    // A model's name field reaches across the header (over the table name), room to type.
    const TableItem::TextPlace title = item->titlePlace(zoom);
    const qreal headerEnd = qMax(title.rect.right(), item->headerRect().right() - 4);
    const QRect name = fieldOver(m_name, *item,
                                 m_attribute.isNull() ? title : item->namePlace(row), zoom,
                                 m_attribute.isNull() ? minimumNameWidth : 0,
                                 m_attribute.isNull() ? headerEnd : 0);
    QRect fields = name;
    QRect type;
    if (!m_attribute.isNull()) {
        type = fieldOver(m_type, *item, item->typePlace(row), zoom, 0, 0);
        // The name's field reaches to the type's (room to type a longer name).
        const int nameRight = qMax(name.right(), type.left() - 2);
        fields = QRect(name.topLeft(), QPoint(nameRight, name.bottom())).united(type);
    }
    QRect problem;
    if (m_problem->isVisible()) {
        m_problem->setFixedWidth(qMax(fields.width(), minimumRowWidth));
        problem = QRect(QPoint(fields.left(), fields.bottom() + 3),
                        QSize(m_problem->width(), m_problem->heightForWidth(m_problem->width())));
    }
    const QRect all = fields.united(problem);
    setGeometry(all);
    m_name->setGeometry(QRect(QPoint(name.left(), name.top()) - all.topLeft(),
                              QSize(fields.width() - (type.isNull() ? 0 : type.width() + 2),
                                    name.height())));
    if (!type.isNull())
        m_type->setGeometry(type.translated(-all.topLeft()));
    if (!problem.isNull())
        m_problem->setGeometry(problem.translated(-all.topLeft()));
}

QRect InPlaceEditor::fieldOver(QWidget *field, const TableItem &item,
                               const TableItem::TextPlace &place, qreal zoom, int minimumWidth,
                               qreal reach)
{
    QFont font = place.font;
    font.setPointSizeF(font.pointSizeF() * zoom);
    field->setFont(font);
    QLineEdit *edit = qobject_cast<QLineEdit *>(field);
    if (!edit)
        edit = static_cast<QComboBox *>(field)->lineEdit();
    if (edit != field)
        edit->setFont(font);
    const QSize hint = field->sizeHint();
    field->resize(qMax(field->width(), hint.width() / 2), hint.height());
    // Where the field starts its text and centres it, in its own coordinates.
    const QPointF origin = textOrigin(edit)
        + QPointF(edit != field ? edit->geometry().topLeft() : QPoint());
    const QRectF text = m_view->mapFromScene(item.mapToScene(place.rect)).boundingRect();
    const QPoint topLeft(qRound(text.left() - origin.x()), qRound(text.center().y() - origin.y()));
    // As much room after the text as before it, or up to `reach`.
    const qreal reachX = m_view->mapFromScene(item.mapToScene(QPointF(reach, 0))).x();
    const int right = qRound(qMax(text.right() + origin.x(), reach > 0 ? reachX : 0.0));
    const int width = std::max({right - topLeft.x(), minimumWidth, field->minimumSizeHint().width()});
    return QRect(topLeft, QSize(width, hint.height()));
}

QPointF InPlaceEditor::textOrigin(const QLineEdit *edit)
{
    // As QLineEdit lays out its text: the style's contents rect less the text margins, then
    // two pixels of its own on the left; the line centred vertically (as its paintEvent does).
    QStyleOptionFrame option;
    option.initFrom(edit);
    option.rect = edit->rect();
    option.lineWidth = edit->hasFrame()
        ? edit->style()->pixelMetric(QStyle::PM_DefaultFrameWidth, &option, edit)
        : 0;
    option.midLineWidth = 0;
    option.state |= QStyle::State_Sunken;
    const QRect contents = edit->style()
                               ->subElementRect(QStyle::SE_LineEditContents, &option, edit)
                               .marginsRemoved(edit->textMargins());
    constexpr int lineEditMargin = 2; // QLineEditPrivate::horizontalMargin
    const int lineHeight = edit->fontMetrics().height();
    const int lineTop = contents.top() + (contents.height() - lineHeight + 1) / 2;
    return QPointF(contents.left() + lineEditMargin,
                   lineTop + QFontMetricsF(edit->font()).height() / 2);
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
