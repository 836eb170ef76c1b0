// SPDX-License-Identifier: MIT
#include "syncplanmodel.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QHash>

namespace Junction {

struct SyncPlanModel::Node
{
    enum class Kind { Root, Section, Table, Change };
    Kind kind = Kind::Root;
    Section section = Section::Safe;
    QString table;
    int change = -1;
    Node *parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;

    Node *add(std::unique_ptr<Node> child)
    {
        child->parent = this;
        child->row = int(children.size());
        children.push_back(std::move(child));
        return children.back().get();
    }
};

namespace {

const QColor destructiveColor(0xb3, 0x26, 0x1e);
const QColor blockedColor(0x8a, 0x5a, 0x00);

QString sectionTitle(SyncPlanModel::Section section, int count)
{
    switch (section) {
    case SyncPlanModel::Section::Destructive:
        return SyncPlanModel::tr("Destructive: lose data, each runs only when ticked (%1)")
            .arg(count);
    case SyncPlanModel::Section::Blocked:
        return SyncPlanModel::tr("Blocked: sync cannot make these (%1)").arg(count);
    case SyncPlanModel::Section::Safe:
        return SyncPlanModel::tr("Safe changes (%1)").arg(count);
    }
    return {};
}

} // namespace

SyncPlanModel::SyncPlanModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{
}

SyncPlanModel::~SyncPlanModel() = default;

void SyncPlanModel::setPlan(const SyncPlan &plan)
{
    beginResetModel();
    m_plan = plan;
    m_ticked = QList<bool>(plan.changes.size(), false);
    m_carrier = QList<int>(plan.changes.size());
    QHash<QString, int> rebuilds;
    for (int i = 0; i < plan.changes.size(); ++i) {
        m_carrier[i] = i;
        if (plan.changes.at(i).kind == PlanChange::Kind::RebuildTable)
            rebuilds.insert(plan.changes.at(i).table, i);
    }
    for (int i = 0; i < plan.changes.size(); ++i) {
        const PlanChange &c = plan.changes.at(i);
        if (c.kind != PlanChange::Kind::RebuildTable && c.statements.isEmpty() && c.fixups.isEmpty()
            && rebuilds.contains(c.table))
            m_carrier[i] = rebuilds.value(c.table);
    }
    m_root = std::make_unique<Node>();
    m_changeNodes.assign(size_t(plan.changes.size()), nullptr);
    for (Section section : {Section::Destructive, Section::Blocked, Section::Safe}) {
        auto sectionNode = std::make_unique<Node>();
        sectionNode->kind = Node::Kind::Section;
        sectionNode->section = section;
        QHash<QString, Node *> tables;
        for (int i = 0; i < plan.changes.size(); ++i) {
            const PlanChange &c = plan.changes.at(i);
            const Section of = c.blocked ? Section::Blocked
                : c.destructive          ? Section::Destructive
                                         : Section::Safe;
            if (of != section)
                continue;
            Node *&tableNode = tables[c.table];
            if (!tableNode) {
                auto node = std::make_unique<Node>();
                node->kind = Node::Kind::Table;
                node->section = section;
                node->table = c.table;
                tableNode = sectionNode->add(std::move(node));
            }
            auto changeNode = std::make_unique<Node>();
            changeNode->kind = Node::Kind::Change;
            changeNode->section = section;
            changeNode->table = c.table;
            changeNode->change = i;
            m_changeNodes[size_t(i)] = tableNode->add(std::move(changeNode));
        }
        if (!sectionNode->children.empty())
            m_root->add(std::move(sectionNode));
    }
    endResetModel();
    emit tickedChanged();
}

void SyncPlanModel::setTicked(int change, bool ticked)
{
    if (change < 0 || change >= m_ticked.size() || !m_plan.changes.at(change).destructive
        || m_plan.changes.at(change).blocked)
        return;
    const int group = carrier(change);
    if (m_ticked.at(group) == ticked)
        return;
    m_ticked[group] = ticked;
    for (int i = 0; i < m_carrier.size(); ++i) {
        if (m_carrier.at(i) == group) {
            const QModelIndex index = indexOfChange(i);
            emit dataChanged(index, index, {Qt::CheckStateRole});
        }
    }
    emit tickedChanged();
}

bool SyncPlanModel::runs(int change) const
{
    const PlanChange &c = m_plan.changes.at(change);
    const PlanChange &carried = m_plan.changes.at(carrier(change));
    if (c.destructive || carried.destructive)
        return isTicked(change);
    return true;
}

int SyncPlanModel::tickedCount() const
{
    int count = 0;
    for (int i = 0; i < m_plan.changes.size(); ++i)
        count += m_plan.changes.at(i).destructive && isTicked(i) ? 1 : 0;
    return count;
}

int SyncPlanModel::destructiveCount() const
{
    return int(m_plan.destructiveChanges().size());
}

SyncPlan SyncPlanModel::selectedPlan() const
{
    SyncPlan selected = m_plan;
    selected.changes.clear();
    for (int i = 0; i < m_plan.changes.size(); ++i) {
        if (runs(i))
            selected.changes.append(m_plan.changes.at(i));
    }
    return selected;
}

QModelIndex SyncPlanModel::sectionIndex(Section section) const
{
    for (const auto &child : m_root->children) {
        if (child->section == section)
            return indexOf(child.get(), 0);
    }
    return {};
}

QModelIndex SyncPlanModel::indexOfChange(int change, int column) const
{
    if (change < 0 || size_t(change) >= m_changeNodes.size())
        return {};
    return indexOf(m_changeNodes[size_t(change)], column);
}

SyncPlanModel::Node *SyncPlanModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex SyncPlanModel::indexOf(const Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, column, const_cast<Node *>(node));
}

QModelIndex SyncPlanModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    const Node *node = nodeOf(parent);
    if (row < 0 || size_t(row) >= node->children.size())
        return {};
    return createIndex(row, column, node->children[size_t(row)].get());
}

QModelIndex SyncPlanModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(nodeOf(child)->parent, 0);
}

int SyncPlanModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int SyncPlanModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant SyncPlanModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *node = nodeOf(index);
    const int column = index.column();
    switch (node->kind) {
    case Node::Kind::Root:
        return {};
    case Node::Kind::Section:
        if (role == Qt::DisplayRole && column == ChangeColumn) {
            int count = 0;
            for (const auto &table : node->children)
                count += int(table->children.size());
            return sectionTitle(node->section, count);
        }
        if (role == Qt::FontRole) {
            QFont font;
            font.setBold(true);
            return font;
        }
        if (role == Qt::ForegroundRole && node->section != Section::Safe)
            return QBrush(node->section == Section::Destructive ? destructiveColor : blockedColor);
        if (role == ChangeIndexRole)
            return -1;
        return {};
    case Node::Kind::Table:
        if (role == Qt::DisplayRole && column == ChangeColumn)
            return node->table;
        if (role == Qt::ToolTipRole && column == ChangeColumn)
            return tr("Table %1").arg(node->table);
        if (role == ChangeIndexRole)
            return -1;
        return {};
    case Node::Kind::Change:
        break;
    }

    const PlanChange &c = m_plan.changes.at(node->change);
    switch (role) {
    case Qt::DisplayRole:
        if (column == ChangeColumn)
            return c.description();
        if (column == CostColumn) {
            if (c.blocked)
                return c.reason;
            if (carrier(node->change) != node->change) {
                const QString with = tr("done by the rebuild of %1").arg(c.table);
                return c.destructive ? c.reason + QStringLiteral("; ") + with : with;
            }
            if (c.destructive)
                return c.reason;
            return c.countDescription();
        }
        if (column == SqlColumn)
            return c.sql().join(QStringLiteral("; ")).simplified();
        return {};
    case Qt::ToolTipRole:
        if (column == SqlColumn)
            return c.sql().join(QStringLiteral(";\n"));
        if (column == CostColumn && (c.destructive || c.blocked))
            return c.reason;
        return c.description();
    case Qt::CheckStateRole:
        if (column == ChangeColumn && c.destructive && !c.blocked)
            return isTicked(node->change) ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ForegroundRole:
        if (c.blocked)
            return QBrush(blockedColor);
        if (c.destructive && column != SqlColumn)
            return QBrush(destructiveColor);
        return {};
    case Qt::FontRole:
        if (column == SqlColumn)
            return QFont(QStringLiteral("monospace"));
        return {};
    case ChangeIndexRole:
        return node->change;
    case DestructiveRole:
        return c.destructive;
    default:
        return {};
    }
}

bool SyncPlanModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || index.column() != ChangeColumn)
        return false;
    const Node *node = nodeOf(index);
    if (node->kind != Node::Kind::Change)
        return false;
    const PlanChange &c = m_plan.changes.at(node->change);
    if (!c.destructive || c.blocked)
        return false;
    setTicked(node->change, value.toInt() == Qt::Checked);
    return true;
}

Qt::ItemFlags SyncPlanModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const Node *node = nodeOf(index);
    if (node->kind == Node::Kind::Change && index.column() == ChangeColumn) {
        const PlanChange &c = m_plan.changes.at(node->change);
        if (c.destructive && !c.blocked)
            flags |= Qt::ItemIsUserCheckable;
    }
    if (node->kind == Node::Kind::Change)
        flags |= Qt::ItemNeverHasChildren;
    return flags;
}

QVariant SyncPlanModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ChangeColumn:
        return tr("Change");
    case CostColumn:
        return tr("Data affected");
    case SqlColumn:
        return tr("SQL");
    }
    return {};
}

} // namespace Junction
