// SPDX-License-Identifier: MIT
#include "indextable.h"

#include "commands/indexcommands.h"
#include "indextablemodel.h"
#include "inspectorfields.h"
#include "listcompleter.h"
#include "refusedcell.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QShortcut>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace Junction {

namespace {

QToolButton *button(const QString &text, const QString &tip, const QString &name, QWidget *parent)
{
    auto b = new QToolButton(parent);
    b->setText(text);
    b->setToolTip(tip);
    b->setObjectName(name);
    b->setAutoRaise(true);
    return b;
}

// The attributes cell completes each attribute name of the model as it is typed.
class FieldsDelegate : public KeepTypedDelegate
{
public:
    FieldsDelegate(std::function<QStringList()> names, QObject *parent)
        : KeepTypedDelegate(parent)
        , m_names(std::move(names))
    {}

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override
    {
        QWidget *editor = KeepTypedDelegate::createEditor(parent, option, index);
        auto edit = qobject_cast<QLineEdit *>(editor);
        if (edit && index.column() == IndexTableModel::FieldsColumn)
            edit->setCompleter(new ListCompleter(m_names(), edit));
        return editor;
    }

private:
    std::function<QStringList()> m_names;
};

} // namespace

IndexTable::IndexTable(QWidget *parent)
    : QWidget(parent)
    , m_model(new IndexTableModel(this))
    , m_view(new QTableView(this))
    , m_add(button(tr("+"), tr("Add an index"), QStringLiteral("addIndex"), this))
    , m_remove(button(tr("−"), tr("Delete the current index"), QStringLiteral("removeIndex"),
                      this))
    , m_problem(InspectorFields::problemLabel(this))
{
    m_view->setObjectName(QStringLiteral("indexTable"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new FieldsDelegate(
        [this] {
            QStringList names;
            if (const Entity *e = m_document ? m_document->entity(m_model->entity()) : nullptr) {
                for (const Attribute &a : e->attributes)
                    names << a.name;
            }
            return names;
        },
        m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_view->setWordWrap(false);
    m_view->setMinimumHeight(90);

    auto buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(new QLabel(tr("Indexes"), this));
    buttons->addStretch();
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_problem);

    auto remove = new QShortcut(QKeySequence::Delete, m_view, this, &IndexTable::removeIndex,
                                Qt::WidgetShortcut);
    Q_UNUSED(remove)
    auto insert = new QShortcut(QKeySequence(Qt::Key_Insert), m_view, this,
                                &IndexTable::addIndex, Qt::WidgetShortcut);
    Q_UNUSED(insert)
    connect(m_add, &QToolButton::clicked, this, &IndexTable::addIndex);
    connect(m_remove, &QToolButton::clicked, this, &IndexTable::removeIndex);
    RefusedCell::keepInView(
        m_view, [this] { return m_model->refusedIndex(); }, [this] { m_model->dropRefused(); });
    connect(m_model, &IndexTableModel::problemChanged, this, [this](const QString &problem) {
        m_problem->setText(problem);
        m_problem->setVisible(!problem.isEmpty());
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &IndexTable::updateButtons);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &IndexTable::updateButtons);
    updateButtons();
}

void IndexTable::setDocument(Document *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_model->setDocument(document);
    // + needs an attribute to start with: the model may gain its first one.
    if (m_document)
        connect(m_document, &Document::changed, this, &IndexTable::updateButtons);
    updateButtons();
}

void IndexTable::setEntity(const EntityId &entity)
{
    m_model->setEntity(entity);
    updateButtons();
}

void IndexTable::addIndex()
{
    const Entity *entity = m_document ? m_document->entity(m_model->entity()) : nullptr;
    if (!entity || entity->attributes.isEmpty())
        return;
    QString field = m_suggest ? m_suggest() : QString();
    if (!entity->attribute(field))
        field = entity->attributes.first().name;
    Index index;
    index.fields = {field};
    const int at = int(entity->indexes.size());
    m_document->breakMergeSequence();
    if (!m_document->push(Commands::addIndex(*m_document, m_model->entity(), index, at)))
        return;
    // Open its attributes for typing: a one-attribute index is rarely the end of it.
    const QModelIndex fields = m_model->index(at, IndexTableModel::FieldsColumn);
    m_view->setCurrentIndex(fields);
    m_view->edit(fields);
}

void IndexTable::removeIndex()
{
    const int row = m_view->currentIndex().row();
    if (!m_document || row < 0)
        return;
    m_document->breakMergeSequence();
    if (m_document->push(Commands::removeIndex(*m_document, m_model->entity(), row))) {
        const int next = qMin(row, m_model->rowCount() - 1);
        if (next >= 0)
            m_view->setCurrentIndex(m_model->index(next, IndexTableModel::NameColumn));
        m_view->setFocus();
    }
}

void IndexTable::updateButtons()
{
    const Entity *entity = m_document ? m_document->entity(m_model->entity()) : nullptr;
    m_add->setEnabled(entity && !entity->attributes.isEmpty());
    m_remove->setEnabled(m_view->currentIndex().isValid());
}

} // namespace Junction
