// SPDX-License-Identifier: MIT
#include "modelfinder.h"

#include "diagramscene.h"
#include "diagramview.h"
#include "document.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStringListModel>

namespace Junction {

namespace {

constexpr int margin = 10;

} // namespace

ModelFinder::ModelFinder(DiagramScene *scene, DiagramView *view)
    : QFrame(view)
    , m_scene(scene)
    , m_view(view)
    , m_edit(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_names(new QStringListModel(this))
    , m_completer(new QCompleter(m_names, this))
{
    setObjectName(QStringLiteral("modelFinder"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_edit->setObjectName(QStringLiteral("modelFinderEdit"));
    m_edit->setPlaceholderText(tr("Find model"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setMinimumWidth(220);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_edit->setCompleter(m_completer);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->hide();

    auto layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_edit);
    layout->addWidget(m_status);

    connect(m_edit, &QLineEdit::returnPressed, this, [this] { jumpTo(m_edit->text()); });
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            [this](const QString &name) { jumpTo(name); });
    connect(m_edit, &QLineEdit::textEdited, m_status, &QWidget::hide);
    view->installEventFilter(this); // to stay in the corner when the view resizes
    hide();
}

void ModelFinder::activate()
{
    QStringList names;
    if (const Document *document = m_scene->document()) {
        names.reserve(document->project().entities.size());
        for (const Entity &entity : document->project().entities)
            names.append(entity.name);
    }
    names.sort(Qt::CaseInsensitive);
    m_names->setStringList(names);
    m_status->hide();
    show();
    raise();
    place();
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

EntityId ModelFinder::find(const QString &text) const
{
    const QString wanted = text.trimmed();
    const Document *document = m_scene->document();
    if (wanted.isEmpty() || !document)
        return {};
    const QList<Entity> &entities = document->project().entities;
    for (const Entity &entity : entities) {
        if (entity.name.compare(wanted, Qt::CaseInsensitive) == 0)
            return entity.id;
    }
    for (const Entity &entity : entities) {
        if (entity.name.contains(wanted, Qt::CaseInsensitive))
            return entity.id;
    }
    return {};
}

bool ModelFinder::jumpTo(const QString &text)
{
    const EntityId id = find(text);
    QGraphicsItem *item = id.isNull() ? nullptr : m_scene->selectElements({id.toString()});
    if (!item) {
        m_status->setText(tr("No model matches"));
        m_status->show();
        place();
        return false;
    }
    m_view->centerOn(item);
    dismiss();
    return true;
}

void ModelFinder::dismiss()
{
    m_completer->popup()->hide();
    hide();
    m_view->setFocus(Qt::OtherFocusReason);
}

void ModelFinder::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        dismiss();
        return;
    }
    QFrame::keyPressEvent(event);
}

bool ModelFinder::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::Resize && isVisible())
        place();
    return QFrame::eventFilter(watched, event);
}

void ModelFinder::place()
{
    adjustSize();
    const QRect area = m_view->viewport()->geometry();
    move(area.right() - width() - margin, area.top() + margin);
}

} // namespace Junction
