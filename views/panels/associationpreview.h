// SPDX-License-Identifier: MIT
#pragma once

#include "dialect.h"
#include "document.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;

namespace Junction {

// What one association resolves to, live: what the resolver says about it (errors and
// warnings), its accessor method names, and its DDL in the chosen dialect: the FK column and
// constraint, or the whole junction table of a belongsToMany (DdlGenerator's
// associationPreview, as `junction-cli preview` prints it).
class AssociationPreview : public QWidget
{
    Q_OBJECT

public:
    explicit AssociationPreview(QWidget *parent = nullptr);

    void setDocument(Document *document);
    void setAssociation(const AssociationId &id);
    void refresh();

    Dialect::Kind dialect() const;
    void setDialect(Dialect::Kind kind);

    QLabel *problemsLabel() const { return m_problems; }
    QLabel *accessorsLabel() const { return m_accessors; }
    QComboBox *dialectBox() const { return m_dialect; }
    QString ddl() const;

private:
    QPointer<Document> m_document;
    AssociationId m_id;
    QLabel *m_problems;
    QLabel *m_accessors;
    QComboBox *m_dialect;
    QPlainTextEdit *m_ddl;
};

} // namespace Junction
