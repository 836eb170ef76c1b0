// SPDX-License-Identifier: MIT
#pragma once

#include "dialect.h"
#include "ids.h"
#include "resolvedschema.h"

#include <QSet>
#include <QString>

#include <optional>

namespace Junction {

class Document;

// The DDL text the designer shows, copies and exports, and the writing of it to a file.
// Pure functions of their arguments (no widgets), so the DDL dock can build the text on a
// worker thread from copies of the project and the resolved schema.
class DdlExport
{
public:
    struct Text
    {
        QString text;
        bool isDdl = false; // false: a comment saying why there is none
    };

    // Like junction-cli ddl, a project with errors gets no DDL (a cycle, say, would give
    // statements in an order no database accepts), only a comment naming what stands in
    // the way. `models` (when set) restricts it to those models' tables and the junction
    // tables between them; `junctionTables` adds created junction tables by name.
    static Text generate(const Project &project, const ResolvedSchema &schema,
                         Dialect::Kind dialect,
                         const std::optional<QSet<EntityId>> &models = std::nullopt,
                         const QSet<QString> &junctionTables = {});

    // "blog.postgres.sql" for blog.junction.json; the project's name, or "schema", for a
    // file never saved. In the project file's folder when it has one.
    static QString defaultFilePath(const Document &document, Dialect::Kind dialect);
    // The same with any extension: "blog.png".
    static QString defaultFilePath(const Document &document, const QString &extension);

    // Atomically (QSaveFile), as UTF-8; false with a message naming the file on failure.
    static bool writeFile(const QString &path, const QString &text, QString *errorMessage);
};

} // namespace Junction
