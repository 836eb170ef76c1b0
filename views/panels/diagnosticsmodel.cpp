// SPDX-License-Identifier: MIT
#include "diagnosticsmodel.h"

#include <QApplication>
#include <QStyle>

namespace Junction {

DiagnosticsModel::DiagnosticsModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void DiagnosticsModel::setDiagnostics(const Diagnostics &diagnostics)
{
    // A reset: the list is short and a re-validation can change any row.
    beginResetModel();
    m_diagnostics = diagnostics;
    endResetModel();
}

int DiagnosticsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_diagnostics.size());
}

QVariant DiagnosticsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Diagnostic &diagnostic = m_diagnostics.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return diagnostic.message;
    case Qt::ToolTipRole: {
        QString where = diagnostic.path;
        if (diagnostic.line > 0)
            where += QStringLiteral(" (line %1, column %2)")
                         .arg(diagnostic.line)
                         .arg(diagnostic.column);
        return QStringLiteral("%1 [%2]\n%3")
            .arg(Diagnostic::severityName(diagnostic.severity), diagnostic.code, where);
    }
    case Qt::DecorationRole: {
        const QStyle::StandardPixmap pixmap = diagnostic.severity == Diagnostic::Severity::Error
            ? QStyle::SP_MessageBoxCritical
            : diagnostic.severity == Diagnostic::Severity::Warning
            ? QStyle::SP_MessageBoxWarning
            : QStyle::SP_MessageBoxInformation;
        return QApplication::style()->standardIcon(pixmap);
    }
    case IdsRole:
        return diagnostic.ids;
    case CodeRole:
        return diagnostic.code;
    case SeverityRole:
        return int(diagnostic.severity);
    default:
        return {};
    }
}

QHash<int, QByteArray> DiagnosticsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdsRole, "ids");
    names.insert(CodeRole, "code");
    names.insert(SeverityRole, "severity");
    return names;
}

} // namespace Junction
