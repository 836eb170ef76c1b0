// SPDX-License-Identifier: MIT
#include "ddlexport.h"

#include "ddlgenerator.h"
#include "document.h"
#include "validator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace Junction {

DdlExport::Text DdlExport::generate(const Project &project, const ResolvedSchema &schema,
                                    Dialect::Kind dialect,
                                    const std::optional<QSet<EntityId>> &models,
                                    const QSet<QString> &junctionTables)
{
    QStringList errors;
    for (const Diagnostic &d : validateProject(project, schema, {dialect})) {
        if (d.severity == Diagnostic::Severity::Error)
            errors << d.message.section(QLatin1Char('\n'), 0, 0);
    }
    if (!errors.isEmpty()) {
        QString text = QCoreApplication::translate("Junction::DdlExport",
                                                   "-- No DDL: the project has %n error(s); "
                                                   "see Diagnostics.",
                                                   nullptr, int(errors.size()))
                       + QLatin1Char('\n');
        for (const QString &e : std::as_const(errors))
            text += QStringLiteral("--   ") + e + QLatin1Char('\n');
        return {text, false};
    }
    const DdlGenerator generator(Dialect::get(dialect));
    if (!models)
        return {generator.schemaScript(schema), true};
    QSet<QString> tables = tablesOfModels(schema, *models);
    tables.unite(junctionTables);
    if (tables.isEmpty()) {
        return {QCoreApplication::translate("Junction::DdlExport",
                                            "-- Nothing selected: select models on the canvas "
                                            "to see their DDL.")
                    + QLatin1Char('\n'),
                false};
    }
    return {generator.tablesScript(schema, tables), true};
}

QString DdlExport::defaultFilePath(const Document &document, Dialect::Kind dialect)
{
    return defaultFilePath(document, Dialect::get(dialect).name() + QStringLiteral(".sql"));
}

QString DdlExport::defaultFilePath(const Document &document, const QString &extension)
{
    QString base;
    QString folder;
    if (!document.filePath().isEmpty()) {
        const QFileInfo info(document.filePath());
        base = info.fileName();
        for (const QLatin1String ending : {QLatin1String(".junction.json"), QLatin1String(".json")}) {
            if (base.endsWith(ending)) {
                base.chop(ending.size());
                break;
            }
        }
        folder = info.absolutePath();
    }
    if (base.isEmpty())
        base = document.project().name.trimmed().toLower().replace(QLatin1Char(' '), QLatin1Char('-'));
    if (base.isEmpty())
        base = QStringLiteral("schema");
    const QString name = base + QLatin1Char('.') + extension;
    return folder.isEmpty() ? name : QDir(folder).filePath(name);
}

bool DdlExport::writeFile(const QString &path, const QString &text, QString *errorMessage)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        if (errorMessage) {
            *errorMessage = QCoreApplication::translate("Junction::DdlExport",
                                                        "Cannot write %1: %2")
                                .arg(QDir::toNativeSeparators(path), file.errorString());
        }
        return false;
    }
    return true;
}

} // namespace Junction
