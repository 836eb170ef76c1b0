// SPDX-License-Identifier: MIT
#pragma once

#include "relatedrows.h"

#include <QObject>

namespace Junction {

class DataBrowser;

// Changes links from the browser's association listing through the accessors: link
// (add; set for belongsTo/hasOne, replacing the linked row), unlink (remove; set to none),
// and create a related row. Each shows a confirmation that says exactly which rows and
// columns change (ChangeDescription) and runs on the browser's DatabaseThread; RelatedRows
// runs the steps in one transaction, so a failure changes nothing and is shown as it is.
class RelationEditor : public QObject
{
    Q_OBJECT

public:
    explicit RelationEditor(DataBrowser *browser);

    void link();
    void unlinkSelected();
    void createRelated();

signals:
    // After a change was applied (true) or refused (false), with the message shown.
    void finished(bool ok, const QString &message);

private:
    bool confirm(const QString &title, const QString &question, const QString &details,
                 const QString &action);
    void apply(std::function<RowsResult<qint64>(RelatedRows &)> change, const QString &done);
    std::shared_ptr<const ResolvedSchema> schema() const;

    DataBrowser *m_browser;
};

} // namespace Junction
