// SPDX-License-Identifier: MIT
#include "projectpage.h"

#include "commands/projectcommands.h"
#include "inspectorfields.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace Junction {

ProjectPage::ProjectPage(QWidget *parent)
    : QWidget(parent)
    , m_name(new QLineEdit(this))
    , m_timestamps(new QCheckBox(tr("Timestamps (createdAt, updatedAt)"), this))
    , m_paranoid(new QCheckBox(tr("Paranoid (deletedAt)"), this))
    , m_underscored(new QCheckBox(tr("Underscored generated columns"), this))
    , m_underscoredAll(new QCheckBox(tr("Underscored table names"), this))
    , m_freezeTableName(new QCheckBox(tr("Freeze table names"), this))
    , m_summary(new QLabel(this))
    , m_hint(new QLabel(this))
{
    m_name->setObjectName(QStringLiteral("projectName"));
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    auto form = new QFormLayout;
    form->addRow(tr("Project"), m_name);
    form->addRow(QString(), m_summary);
    auto defaults = new QLabel(tr("Defaults for every model (define)"), this);
    QFont bold = defaults->font();
    bold.setBold(true);
    defaults->setFont(bold);

    auto layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addSpacing(6);
    layout->addWidget(defaults);
    for (QCheckBox *box :
         {m_timestamps, m_paranoid, m_underscored, m_underscoredAll, m_freezeTableName}) {
        layout->addWidget(box);
        connect(box, &QCheckBox::clicked, this, &ProjectPage::editDefine);
    }
    layout->addSpacing(12);
    layout->addWidget(m_hint);
    layout->addStretch();

    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &name) {
        if (m_document)
            m_document->push(Commands::renameProject(*m_document, name));
    });
    InspectorFields::onFocusOut(m_name, [this] {
        if (m_document)
            m_document->breakMergeSequence();
    });
    setSelectionCount(0);
}

void ProjectPage::setDocument(Document *document)
{
    m_document = document;
    refresh();
}

void ProjectPage::setSelectionCount(int count)
{
    m_hint->setText(count > 1 ? tr("%1 items are selected. Select one model or association to "
                                   "edit it here.")
                                    .arg(count)
                              : tr("Select a model or an association on the canvas or in the "
                                   "outline to edit it here."));
}

void ProjectPage::refresh()
{
    setEnabled(m_document);
    if (!m_document)
        return;
    const Project &project = m_document->project();
    InspectorFields::showText(m_name, project.name);
    m_summary->setText(tr("%1 models, %2 associations")
                           .arg(project.entities.size())
                           .arg(project.associations.size()));
    m_timestamps->setChecked(project.define.timestamps);
    m_paranoid->setChecked(project.define.paranoid);
    m_underscored->setChecked(project.define.underscored);
    m_underscoredAll->setChecked(project.define.underscoredAll);
    m_freezeTableName->setChecked(project.define.freezeTableName);
}

void ProjectPage::editDefine()
{
    if (!m_document)
        return;
    DefineOptions define = m_document->project().define;
    define.timestamps = m_timestamps->isChecked();
    define.paranoid = m_paranoid->isChecked();
    define.underscored = m_underscored->isChecked();
    define.underscoredAll = m_underscoredAll->isChecked();
    define.freezeTableName = m_freezeTableName->isChecked();
    m_document->breakMergeSequence();
    m_document->push(Commands::editDefine(*m_document, define));
}

} // namespace Junction
