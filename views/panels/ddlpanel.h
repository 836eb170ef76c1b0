// SPDX-License-Identifier: MIT
#pragma once

#include "dialect.h"
#include "document.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QPlainTextEdit;

namespace Junction {

// The DDL preview: DdlGenerator's script of the whole schema in the chosen dialect,
// regenerated ~150 ms after the last change (at once when the dialect changes).
class DdlPanel : public QWidget
{
    Q_OBJECT

public:
    explicit DdlPanel(QWidget *parent = nullptr);

    void setDocument(Document *document);

    Dialect::Kind dialect() const;
    void setDialect(Dialect::Kind kind);
    QString text() const;
    QComboBox *dialectBox() const { return m_dialectBox; }

    void refresh();

    static constexpr int debounceMsec = 150;

private:
    QPointer<Document> m_document;
    QMetaObject::Connection m_changedConnection;
    QComboBox *m_dialectBox;
    QPlainTextEdit *m_text;
    QTimer m_debounce;
};

} // namespace Junction
