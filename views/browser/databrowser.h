// SPDX-License-Identifier: MIT
#pragma once

#include "connection.h"
#include "rowpagemodel.h"

#include <QWidget>

#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QTableView;
class QToolButton;

namespace Junction {

class BreadcrumbBar;
class DatabaseThread;
class JobCounter;
class RelationEditor;

// The data browser: a model's rows in a lazily paged grid, and from any row its
// associations by accessor name (getOrders, getCustomer), with a breadcrumb back
// (Customers › Customer 7 › Orders › Order 31 › Products). Sorting by a header click and
// the filter run in the database; link, unlink and create go through RelationEditor; cell
// edits are saved by the RowPageModel. While any of its database jobs runs, a Cancel
// button (or Esc) interrupts it; a cancelled listing gives the grid back as it was. Each
// breadcrumb keeps its listing's filter, sort and scroll position for the way back. It owns its
// connection (a DatabaseThread), opened from the spec it is given, so that a slow query never
// blocks the designer.
class DataBrowser : public QWidget
{
    Q_OBJECT

public:
    // Opens its own connection from `spec`.
    DataBrowser(const ResolvedSchema &schema, const ConnectionSpec &spec, const QString &model,
                QWidget *parent = nullptr);
    // On a connection already open (ConnectionChooser), which it takes over.
    DataBrowser(const ResolvedSchema &schema, std::unique_ptr<DatabaseThread> opened,
                const QString &model, QWidget *parent = nullptr);
    ~DataBrowser() override;

    DatabaseThread *database() const { return m_database.get(); }
    RowPageModel *rowModel() const { return m_model; }
    QTableView *tableView() const { return m_view; }
    BreadcrumbBar *breadcrumb() const { return m_breadcrumb; }
    RelationEditor *relations() const { return m_relations; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    QComboBox *filterColumn() const { return m_filterColumn; }
    QMenu *followMenu() const { return m_followMenu; }
    QAction *linkAction() const { return m_linkAction; }
    QAction *unlinkAction() const { return m_unlinkAction; }
    QAction *createAction() const { return m_createAction; }
    QAction *cancelAction() const { return m_cancelAction; }
    JobCounter *jobs() const { return m_jobs; }
    // The status line under the grid: "200 rows", "Cancelled".
    QString status() const;
    // The message line: errors of reads and edits, results of changes.
    QString message() const;
    int depth() const { return int(m_steps.size()); }

    // The row under the cursor, or -1.
    int currentRow() const;
    // Shows the rows `accessor` (getOrders) returns for `row`; false when the listed
    // table has no association with that accessor.
    bool follow(int row, const QString &accessor);
    void follow(int row, const AssociationId &association);
    // Back to listing `step` (0 = the model's rows), selecting `row` there when >= 0.
    void goBack(int step, int row = -1);
    void reload();
    void showMessage(const QString &text, bool error);
    // Interrupts the running load, follow, save or change (DatabaseThread::cancel()).
    void cancel();
    void showCancelled();

signals:
    void listingChanged();

private:
    DataBrowser(const ResolvedSchema &schema, std::unique_ptr<DatabaseThread> database,
                const QString &model, QWidget *parent, bool connected);

    struct Step
    {
        RowListing listing;
        QString title; // "Customers", "Orders"
        QString rowCrumb; // the row followed from in the step before: "Customer 7"
        int sourceRow = -1; // its index there
        // How it was left, for the way back.
        ListingView view;
        int topRow = 0;
    };

    void updateTitle();
    void showStep(int selectRow);
    void updateBreadcrumb();
    void updateActions();
    void applyFilter();
    void rememberView();
    void scrollAndSelect(int top, int select);
    void showView(const ListingView &view);
    void onCancelled(bool reverted);

    std::unique_ptr<DatabaseThread> m_database;
    std::shared_ptr<const ResolvedSchema> m_schema;
    QList<Step> m_steps;
    // The steps when the grid last showed a listing: a cancelled follow or back goes
    // back to them.
    QList<Step> m_shownSteps;
    int m_selectWhenLoaded = -1;
    int m_topWhenLoaded = -1;
    QString m_idleStatus;
    bool m_columnsFitted = false;

    BreadcrumbBar *m_breadcrumb;
    QTableView *m_view;
    RowPageModel *m_model;
    JobCounter *m_jobs;
    RelationEditor *m_relations;
    QToolButton *m_followButton;
    QMenu *m_followMenu;
    QAction *m_linkAction;
    QAction *m_unlinkAction;
    QAction *m_createAction;
    QAction *m_cancelAction;
    QComboBox *m_filterColumn;
    QLineEdit *m_filterEdit;
    QLabel *m_message;
    QLabel *m_status;
};

} // namespace Junction
