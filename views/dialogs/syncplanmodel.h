// SPDX-License-Identifier: MIT
#pragma once

#include "syncplan.h"

#include <QAbstractItemModel>
#include <QList>

#include <memory>
#include <vector>

namespace Junction {

// A sync plan as a tree for the sync dialog: sections "Destructive", "Blocked" and "Safe"
// (in that order, empty ones left out), under each the tables in the order their first
// change runs, under each table its changes in plan order. Columns: the change, what it
// costs (the reason with the live count, for a destructive change), the SQL.
//
// Every destructive change is checkable and unchecked until the user ticks it: only the
// ticked ones run (selectedPlan()). Nothing else is editable.
//
// On SQLite what ALTER TABLE cannot do is done by one rebuild of the table, and the changes
// folded into it have no SQL of their own: each runs exactly when its rebuild runs. So such
// a change shares its rebuild's tick (ticking one ticks both), and a safe change folded into
// an unticked destructive rebuild is left out with it.
class SyncPlanModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum class Section { Destructive, Blocked, Safe };
    enum Column { ChangeColumn, CostColumn, SqlColumn, ColumnCount };
    enum Role {
        ChangeIndexRole = Qt::UserRole + 1, // index in plan().changes; -1 for sections/tables
        DestructiveRole,
    };

    explicit SyncPlanModel(QObject *parent = nullptr);
    ~SyncPlanModel() override;

    void setPlan(const SyncPlan &plan);
    const SyncPlan &plan() const { return m_plan; }

    bool isTicked(int change) const { return m_ticked.value(carrier(change), false); }
    // The change whose SQL carries `change`: its table's rebuild, or itself.
    int carrier(int change) const { return m_carrier.value(change, change); }
    // Whether Apply runs it as things are ticked now.
    bool runs(int change) const;
    void setTicked(int change, bool ticked);
    int tickedCount() const;
    int destructiveCount() const;
    // The plan with the unticked destructive changes left out: what Apply runs.
    SyncPlan selectedPlan() const;

    QModelIndex sectionIndex(Section section) const; // invalid when the plan has none
    QModelIndex indexOfChange(int change, int column = ChangeColumn) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void tickedChanged();

private:
    struct Node;
    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOf(const Node *node, int column) const;

    SyncPlan m_plan;
    QList<bool> m_ticked;
    QList<int> m_carrier;
    std::unique_ptr<Node> m_root;
    std::vector<const Node *> m_changeNodes; // by change index
};

} // namespace Junction
