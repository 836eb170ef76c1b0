// SPDX-License-Identifier: MIT
#include "associationpreview.h"

#include "ddlgenerator.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace Junction {

AssociationPreview::AssociationPreview(QWidget *parent)
    : QWidget(parent)
    , m_problems(new QLabel(this))
    , m_accessors(new QLabel(this))
    , m_dialect(new QComboBox(this))
    , m_ddl(new QPlainTextEdit(this))
{
    m_problems->setObjectName(QStringLiteral("associationProblems"));
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_accessors->setObjectName(QStringLiteral("associationAccessors"));
    m_accessors->setWordWrap(true);
    m_accessors->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_accessors->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_dialect->setObjectName(QStringLiteral("associationDialect"));
    m_dialect->addItem(tr("SQLite"), int(Dialect::Kind::Sqlite));
    m_dialect->addItem(tr("PostgreSQL"), int(Dialect::Kind::Postgres));
    m_dialect->addItem(tr("MySQL"), int(Dialect::Kind::MySql));
    m_ddl->setObjectName(QStringLiteral("associationDdl"));
    m_ddl->setReadOnly(true);
    // A dock is narrow and an ALTER TABLE long: wrapped, it is read without scrolling.
    m_ddl->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_ddl->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ddl->setMinimumHeight(120);

    auto form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Accessors"), m_accessors);
    form->addRow(tr("DDL in"), m_dialect);
    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_problems);
    layout->addLayout(form);
    layout->addWidget(m_ddl, 1);

    connect(m_dialect, &QComboBox::currentIndexChanged, this, &AssociationPreview::refresh);
}

void AssociationPreview::setDocument(Document *document)
{
    m_document = document;
    refresh();
}

void AssociationPreview::setAssociation(const AssociationId &id)
{
    m_id = id;
    refresh();
}

Dialect::Kind AssociationPreview::dialect() const
{
    return Dialect::Kind(m_dialect->currentData().toInt());
}

void AssociationPreview::setDialect(Dialect::Kind kind)
{
    m_dialect->setCurrentIndex(m_dialect->findData(int(kind)));
}

QString AssociationPreview::ddl() const
{
    return m_ddl->toPlainText();
}

void AssociationPreview::refresh()
{
    if (!m_document || m_id.isNull()) {
        m_problems->clear();
        m_accessors->clear();
        m_ddl->clear();
        return;
    }
    // Until resolvedChanged() the resolve from before the last edit: typing never waits.
    const ResolvedSchema &schema = m_document->lastResolved();
    const ResolvedAssociation *resolved = schema.association(m_id);

    // What the resolver found about this association, errors first.
    QStringList errors;
    QStringList warnings;
    for (const Diagnostic &d : schema.diagnostics) {
        if (!d.ids.contains(m_id.toString()))
            continue;
        const QString first = d.message.section(u'\n', 0, 0);
        if (d.severity == Diagnostic::Severity::Error)
            errors << tr("Error: %1").arg(first);
        else
            warnings << tr("Warning: %1").arg(first);
    }
    m_problems->setText((errors + warnings).join(u'\n'));
    m_problems->setStyleSheet(errors.isEmpty() ? QStringLiteral("color: #a15c00;")
                                               : QStringLiteral("color: #d0342c;"));
    m_problems->setVisible(!errors.isEmpty() || !warnings.isEmpty());

    if (!resolved || !resolved->valid) {
        m_accessors->setText(tr("(does not resolve)"));
        m_ddl->setPlainText(
            tr("-- No DDL: %1")
                .arg(errors.isEmpty() ? tr("the association does not resolve") : errors.first()));
        return;
    }
    m_accessors->setText(resolved->accessors().join(QStringLiteral(", ")));
    const QStringList statements
        = DdlGenerator(Dialect::get(dialect())).associationPreview(schema, m_id);
    const QString text = statements.isEmpty()
        ? tr("-- No DDL of its own: the column and constraint come from another association")
        : DdlGenerator::script(statements);
    if (m_ddl->toPlainText() != text)
        m_ddl->setPlainText(text);
}

} // namespace Junction
