// SPDX-License-Identifier: MIT
#pragma once

#include "document.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace Junction {

// The inspector's page when nothing (or several things) is selected: the project's name and
// its `define` defaults for every model.
class ProjectPage : public QWidget
{
    Q_OBJECT

public:
    explicit ProjectPage(QWidget *parent = nullptr);

    void setDocument(Document *document);
    void refresh();
    void setSelectionCount(int count);

    QLineEdit *nameEdit() const { return m_name; }
    QCheckBox *timestampsBox() const { return m_timestamps; }
    QCheckBox *paranoidBox() const { return m_paranoid; }
    QCheckBox *underscoredBox() const { return m_underscored; }
    QCheckBox *underscoredAllBox() const { return m_underscoredAll; }
    QCheckBox *freezeTableNameBox() const { return m_freezeTableName; }

private:
    void editDefine();

    QPointer<Document> m_document;
    QLineEdit *m_name;
    QCheckBox *m_timestamps;
    QCheckBox *m_paranoid;
    QCheckBox *m_underscored;
    QCheckBox *m_underscoredAll;
    QCheckBox *m_freezeTableName;
    QLabel *m_summary;
    QLabel *m_hint;
};

} // namespace Junction
