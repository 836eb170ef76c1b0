// SPDX-License-Identifier: MIT
#pragma once

#include "relatedrows.h"

#include <QDialog>

#include <memory>

class QLineEdit;
class QTableView;

namespace Junction {

class DatabaseThread;
class RowForm;
class RowPageModel;

// Picks the row to link through an association: the target table's rows (paged, with a
// filter on its label column), and for belongsToMany the junction columns to fill in
// (OrderItem.quantity, unitPrice). With `create` set it asks for a new target row's values
// instead of picking one.
class LinkDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { Pick, Create };

    LinkDialog(DatabaseThread *database, std::shared_ptr<const ResolvedSchema> schema,
               const ResolvedAssociation &association, Mode mode, QWidget *parent = nullptr);

    RowPageModel *targetModel() const { return m_targets; }
    QTableView *targetView() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    RowForm *valuesForm() const { return m_values; }
    RowForm *throughForm() const { return m_through; }

    // Pick: the selected target row (empty when none); Create: the values typed.
    Row target() const;
    Row throughValues() const;

private:
    Mode m_mode;
    RowPageModel *m_targets = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_filter = nullptr;
    RowForm *m_values = nullptr;
    RowForm *m_through = nullptr;
};

} // namespace Junction
