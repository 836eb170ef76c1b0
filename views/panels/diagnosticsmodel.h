// SPDX-License-Identifier: MIT
#pragma once

#include "diagnostic.h"

#include <QAbstractListModel>

namespace Junction {

// validateProject()'s diagnostics as a flat list: the message to show, the severity as an
// icon, the JSON path and position as a tooltip, and the element ids for "go to".
class DiagnosticsModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        IdsRole = Qt::UserRole + 1, // QStringList: the models, attributes, associations involved
        CodeRole, // QString: "cycle", "duplicate-alias", ...
        SeverityRole, // int: Diagnostic::Severity
    };

    explicit DiagnosticsModel(QObject *parent = nullptr);

    void setDiagnostics(const Diagnostics &diagnostics);
    const Diagnostics &diagnostics() const { return m_diagnostics; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    Diagnostics m_diagnostics;
};

} // namespace Junction
