// SPDX-License-Identifier: MIT
#include "attributetable.h"

#include "attributetablemodel.h"
#include "commands/attributecommands.h"
#include "inspectorfields.h"
#include "refusedcell.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QShortcut>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace Junction {

namespace {

// The type cell is edited in a combo box of the format's types; any other text may be typed
// (STRING(40), an ENUM) and the model says why when it is not a type.
class TypeDelegate : public KeepTypedDelegate
{
public:
    using KeepTypedDelegate::KeepTypedDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override
    {
        if (index.column() != AttributeTableModel::TypeColumn)
            return QStyledItemDelegate::createEditor(parent, option, index);
        auto combo = new QComboBox(parent);
        combo->setObjectName(QStringLiteral("typeEditor"));
        combo->setEditable(true);
        combo->setInsertPolicy(QComboBox::NoInsert);
        combo->addItems(AttributeTableModel::typeSuggestions());
        combo->setMaxVisibleItems(16);
        return combo;
    }

    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override
    {
        if (auto combo = qobject_cast<QComboBox *>(editor))
            model->setData(index, combo->currentText());
        else
            QStyledItemDelegate::setModelData(editor, model, index);
    }
};

QToolButton *button(const QString &text, const QString &tip, const QString &name, QWidget *parent)
{
    auto b = new QToolButton(parent);
    b->setText(text);
    b->setToolTip(tip);
    b->setObjectName(name);
    b->setAutoRaise(true);
    return b;
}

} // namespace

AttributeTable::AttributeTable(QWidget *parent)
    : QWidget(parent)
    , m_model(new AttributeTableModel(this))
    , m_view(new QTableView(this))
    , m_add(button(tr("+"), tr("Add an attribute after the current one"),
                   QStringLiteral("addAttribute"), this))
    , m_remove(button(tr("−"), tr("Delete the selected attributes"),
                      QStringLiteral("removeAttributes"), this))
    , m_up(button(tr("↑"), tr("Move up"), QStringLiteral("moveAttributeUp"), this))
    , m_down(button(tr("↓"), tr("Move down"), QStringLiteral("moveAttributeDown"), this))
    , m_problem(InspectorFields::problemLabel(this))
{
    m_view->setObjectName(QStringLiteral("attributeTable"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new TypeDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_view->setMinimumHeight(160);

    auto buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(new QLabel(tr("Attributes"), this));
    buttons->addStretch();
    for (QToolButton *b : {m_add, m_remove, m_up, m_down})
        buttons->addWidget(b);
    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_problem);

    // Delete and Insert while the table (not a cell's editor) has the focus, as on the canvas.
    auto remove = new QShortcut(QKeySequence::Delete, m_view, this,
                                &AttributeTable::removeAttributes, Qt::WidgetShortcut);
    Q_UNUSED(remove)
    auto insert = new QShortcut(QKeySequence(Qt::Key_Insert), m_view, this,
                                &AttributeTable::addAttribute, Qt::WidgetShortcut);
    Q_UNUSED(insert)
    connect(m_add, &QToolButton::clicked, this, &AttributeTable::addAttribute);
    connect(m_remove, &QToolButton::clicked, this, &AttributeTable::removeAttributes);
    connect(m_up, &QToolButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_down, &QToolButton::clicked, this, [this] { moveCurrent(1); });
    RefusedCell::keepInView(
        m_view, [this] { return m_model->refusedIndex(); }, [this] { m_model->dropRefused(); });
    connect(m_model, &AttributeTableModel::problemChanged, this, [this](const QString &problem) {
        m_problem->setText(problem);
        m_problem->setVisible(!problem.isEmpty());
    });
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { m_kept = currentAttribute(); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        setCurrentAttribute(m_kept);
        updateButtons();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &AttributeTable::updateButtons);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &AttributeTable::showMenu);
    updateButtons();
}

void AttributeTable::setDocument(Document *document)
{
    m_document = document;
    m_model->setDocument(document);
}

void AttributeTable::setEntity(const EntityId &entity)
{
    if (entity != m_model->entity())
        m_kept = {};
    m_model->setEntity(entity);
    updateButtons();
}

AttributeId AttributeTable::currentAttribute() const
{
    return m_model->attributeId(m_view->currentIndex().row());
}

void AttributeTable::setCurrentAttribute(const AttributeId &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const int column = qMax(0, m_view->currentIndex().column());
    m_view->setCurrentIndex(m_model->index(row, column));
}

void AttributeTable::addAttribute()
{
    if (!m_document)
        return;
    const int current = m_view->currentIndex().row();
    const int at = current >= 0 && current < m_model->declaredCount() ? current + 1
                                                                      : m_model->declaredCount();
    Attribute attribute;
    attribute.name = QStringLiteral("attribute");
    attribute.type = QStringLiteral("STRING");
    m_document->breakMergeSequence();
    if (!m_document->push(Commands::addAttribute(*m_document, m_model->entity(), attribute, at)))
        return;
    // Name it at once: the new row's name cell is open for typing.
    const QModelIndex name = m_model->index(at, AttributeTableModel::NameColumn);
    m_view->setCurrentIndex(name);
    m_view->edit(name);
}

void AttributeTable::removeAttributes()
{
    if (!m_document)
        return;
    QList<AttributeId> ids;
    for (const QModelIndex &row : m_view->selectionModel()->selectedRows()) {
        if (const AttributeId id = m_model->attributeId(row.row()); !id.isNull())
            ids << id;
    }
    if (ids.isEmpty() && !currentAttribute().isNull())
        ids << currentAttribute();
    const int row = m_view->currentIndex().row();
    m_document->breakMergeSequence();
    if (m_document->push(Commands::removeAttributes(*m_document, m_model->entity(), ids))) {
        const int next = qMin(row, m_model->declaredCount() - 1);
        if (next >= 0)
            m_view->setCurrentIndex(m_model->index(next, AttributeTableModel::NameColumn));
        m_view->setFocus();
    }
}

void AttributeTable::moveCurrent(int step)
{
    const AttributeId id = currentAttribute();
    if (!m_document || id.isNull())
        return;
    const int to = m_view->currentIndex().row() + step;
    m_document->breakMergeSequence();
    m_document->push(Commands::moveAttribute(*m_document, m_model->entity(), id, to));
    setCurrentAttribute(id);
    m_view->setFocus(); // the keyboard goes on in the table (a button at its end disables)
}

QMenu *AttributeTable::menuFor(int row)
{
    // A check box can only say true or false; taking allowNull out of the file again (its
    // "not set", which Sequelize's foreign key rules read differently) is here.
    auto menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("attributeMenu"));
    QAction *clear = menu->addAction(tr("Reset allowNull to Not Set"));
    clear->setObjectName(QStringLiteral("clearAllowNull"));
    clear->setToolTip(tr("Remove allowNull from the file: the column allows NULL unless a rule "
                         "says otherwise"));
    clear->setEnabled(m_model->hasAllowNull(row));
    connect(clear, &QAction::triggered, this, [this, row] { m_model->clearAllowNull(row); });
    menu->addSeparator();
    menu->addAction(m_add->toolTip(), this, &AttributeTable::addAttribute);
    QAction *remove = menu->addAction(m_remove->toolTip(), this, &AttributeTable::removeAttributes);
    remove->setEnabled(row >= 0 && row < m_model->declaredCount());
    return menu;
}

void AttributeTable::showMenu(const QPoint &pos)
{
    const QModelIndex at = m_view->indexAt(pos);
    if (at.isValid())
        m_view->setCurrentIndex(at);
    QMenu *menu = menuFor(at.row());
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(m_view->viewport()->mapToGlobal(pos));
}

void AttributeTable::updateButtons()
{
    const int row = m_view->currentIndex().row();
    const bool declared = row >= 0 && row < m_model->declaredCount();
    m_add->setEnabled(!m_model->entity().isNull());
    m_remove->setEnabled(declared);
    m_up->setEnabled(declared && row > 0);
    m_down->setEnabled(declared && row + 1 < m_model->declaredCount());
}

} // namespace Junction
