// SPDX-License-Identifier: MIT
#include "ddlpanel.h"

#include "ddlgenerator.h"
#include "validator.h"
#include "document.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QVBoxLayout>

namespace Junction {

DdlPanel::DdlPanel(QWidget *parent)
    : QWidget(parent)
    , m_dialectBox(new QComboBox(this))
    , m_text(new QPlainTextEdit(this))
{
    const QList<std::pair<Dialect::Kind, QString>> dialects = {
        {Dialect::Kind::Sqlite, tr("SQLite")},
        {Dialect::Kind::Postgres, tr("PostgreSQL")},
        {Dialect::Kind::MySql, tr("MySQL")},
    };
    for (const auto &[kind, name] : dialects)
        m_dialectBox->addItem(name, int(kind));

    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_dialectBox);
    layout->addWidget(m_text);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(debounceMsec);
    connect(&m_debounce, &QTimer::timeout, this, &DdlPanel::refresh);
    connect(m_dialectBox, &QComboBox::currentIndexChanged, this, &DdlPanel::refresh);
}

void DdlPanel::setDocument(Document *document)
{
    if (m_changedConnection)
        disconnect(m_changedConnection);
    m_document = document;
    if (m_document) {
        m_changedConnection
            = connect(m_document, &Document::changed, &m_debounce, qOverload<>(&QTimer::start));
    }
    refresh();
}

Dialect::Kind DdlPanel::dialect() const
{
    return Dialect::Kind(m_dialectBox->currentData().toInt());
}

void DdlPanel::setDialect(Dialect::Kind kind)
{
    m_dialectBox->setCurrentIndex(m_dialectBox->findData(int(kind)));
}

QString DdlPanel::text() const
{
    return m_text->toPlainText();
}

void DdlPanel::refresh()
{
    m_debounce.stop();
    if (!m_document) {
        m_text->clear();
        return;
    }
    const ResolvedSchema &schema = m_document->resolved();
    // Like junction-cli ddl: a project with errors gets no DDL (a cycle, say, would give
    // statements in an order no database accepts), only what stands in the way.
    QStringList errors;
    for (const Diagnostic &d : validateProject(m_document->project(), schema, {dialect()})) {
        if (d.severity == Diagnostic::Severity::Error)
            errors << d.message.section(QLatin1Char('\n'), 0, 0);
    }
    QString text;
    if (!errors.isEmpty()) {
        text = QStringLiteral("-- No DDL: the project has %1 error(s); see Diagnostics.\n")
                   .arg(errors.size());
        for (const QString &e : std::as_const(errors))
            text += QStringLiteral("--   ") + e + QLatin1Char('\n');
    } else {
        text = DdlGenerator::script(DdlGenerator(Dialect::get(dialect())).schema(schema));
    }
    // Keep the reader's place: a regenerated script should not jump back to the top.
    const int scroll = m_text->verticalScrollBar()->value();
    m_text->setPlainText(text);
    m_text->verticalScrollBar()->setValue(scroll);
}

} // namespace Junction
