// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Junction {

// One problem found in a project: what, where (JSON path and, when known, line and column)
// and which elements it concerns. Codes are stable: tools and tests match on them.
struct Diagnostic
{
    enum class Severity { Error, Warning, Info };

    Severity severity = Severity::Error;
    QString code;      // "cycle", "duplicate-alias", ...
    QString message;
    QString path;      // JSON path: "associations[3].as"
    int line = 0;      // 1-based; 0 = unknown
    int column = 0;
    QStringList ids;   // ids of the models, attributes, associations involved

    static QString severityName(Severity severity);
};

using Diagnostics = QList<Diagnostic>;

bool hasErrors(const Diagnostics &diagnostics);

} // namespace Junction
