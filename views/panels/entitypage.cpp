// SPDX-License-Identifier: MIT
#include "entitypage.h"

#include "attributetable.h"
#include "commands/entitycommands.h"
#include "indextable.h"
#include "inspectorfields.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace Junction {

using namespace InspectorFields;
using Commands::EntityOption;

EntityPage::EntityPage(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_nameProblem(problemLabel(this))
    , m_tableName(new QLineEdit(this))
    , m_timestamps(new QComboBox(this))
    , m_paranoid(new QComboBox(this))
    , m_underscored(new QComboBox(this))
    , m_underscoredAll(new QComboBox(this))
    , m_freezeTableName(new QComboBox(this))
    , m_comment(new QLineEdit(this))
    , m_attributes(new AttributeTable(this))
    , m_indexes(new IndexTable(this))
{
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);

    m_name->setObjectName(QStringLiteral("modelName"));
    m_tableName->setObjectName(QStringLiteral("modelTableName"));
    m_comment->setObjectName(QStringLiteral("modelComment"));
    const QList<std::pair<QComboBox *, QString>> options = {
        {m_timestamps, QStringLiteral("modelTimestamps")},
        {m_paranoid, QStringLiteral("modelParanoid")},
        {m_underscored, QStringLiteral("modelUnderscored")},
        {m_underscoredAll, QStringLiteral("modelUnderscoredAll")},
        {m_freezeTableName, QStringLiteral("modelFreezeTableName")},
    };
    for (const auto &[combo, name] : options) {
        combo->setObjectName(name);
        fillTriState(combo, tr("On"), tr("Off"));
    }

    auto form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Name"), m_name);
    form->addRow(QString(), m_nameProblem);
    form->addRow(tr("Table name"), m_tableName);
    form->addRow(tr("Timestamps"), m_timestamps);
    form->addRow(tr("Paranoid"), m_paranoid);
    form->addRow(tr("Underscored"), m_underscored);
    form->addRow(tr("Underscored all"), m_underscoredAll);
    form->addRow(tr("Freeze table name"), m_freezeTableName);
    form->addRow(tr("Comment"), m_comment);
    m_timestamps->setToolTip(tr("createdAt and updatedAt columns"));
    m_paranoid->setToolTip(tr("A deletedAt column: rows are marked deleted, not removed"));
    m_underscored->setToolTip(tr("snake_case for generated FK and timestamp columns"));
    m_underscoredAll->setToolTip(tr("snake_case for the derived table name"));
    m_freezeTableName->setToolTip(tr("The table is named like the model, not its plural"));

    auto layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(form);
    layout->addWidget(m_attributes, 3);
    layout->addWidget(m_indexes, 1);
    // A new index starts with the attribute the user is on.
    m_indexes->setFieldSuggestion([this]() -> QString {
        const Entity *entity = m_document ? m_document->entity(m_entity) : nullptr;
        const AttributeId current = m_attributes->currentAttribute();
        if (entity) {
            for (const Attribute &a : entity->attributes) {
                if (a.id == current)
                    return a.name;
            }
        }
        return {};
    });

    connect(m_name, &QLineEdit::textEdited, this, &EntityPage::rename);
    connect(m_tableName, &QLineEdit::textEdited, this,
            [this] { editOption(int(EntityOption::TableName)); });
    connect(m_comment, &QLineEdit::textEdited, this,
            [this] { editOption(int(EntityOption::Comment)); });
    const QList<std::pair<QComboBox *, EntityOption>> combos = {
        {m_timestamps, EntityOption::Timestamps},
        {m_paranoid, EntityOption::Paranoid},
        {m_underscored, EntityOption::Underscored},
        {m_underscoredAll, EntityOption::UnderscoredAll},
        {m_freezeTableName, EntityOption::FreezeTableName},
    };
    for (const auto &[combo, option] : combos)
        connect(combo, &QComboBox::activated, this, [this, o = option] { editOption(int(o)); });
    for (QLineEdit *edit : {m_name, m_tableName, m_comment})
        onFocusOut(edit, [this] { endTyping(); });
}

void EntityPage::setDocument(Document *document)
{
    m_document = document;
    m_attributes->setDocument(document);
    m_indexes->setDocument(document);
}

void EntityPage::setEntity(const EntityId &id)
{
    if (id != m_entity) {
        m_entity = id;
        // Refused input belongs to the model it was typed for.
        setRefused(m_name, m_nameProblem, {});
    }
    m_attributes->setEntity(id);
    m_indexes->setEntity(id);
    refresh();
}

void EntityPage::refresh()
{
    const Entity *entity = m_document ? m_document->entity(m_entity) : nullptr;
    setEnabled(entity);
    if (!entity)
        return;
    const DefineOptions &define = m_document->project().define;
    m_title->setText(tr("Model %1").arg(entity->name));
    showText(m_name, entity->name);
    showText(m_tableName, entity->tableName);
    // Until resolvedChanged() the resolve from before the last edit (typing never waits); one
    // that does not know a new name yet leaves the placeholder as it was.
    const ResolvedTable *table = m_document->lastResolved().tableForEntity(entity->name);
    if (table || m_document->isResolvedCurrent())
        m_tableName->setPlaceholderText(table ? tr("Derived: %1").arg(table->name) : QString());
    setTriState(m_timestamps, entity->timestamps, define.timestamps);
    setTriState(m_paranoid, entity->paranoid, define.paranoid);
    setTriState(m_underscored, entity->underscored, define.underscored);
    setTriState(m_underscoredAll, entity->underscoredAll, define.underscoredAll);
    setTriState(m_freezeTableName, entity->freezeTableName, define.freezeTableName);
    showText(m_comment, entity->comment);
}

void EntityPage::rename(const QString &name)
{
    if (!m_document)
        return;
    const QString problem = Commands::entityNameProblem(m_document->project(), m_entity, name);
    setRefused(m_name, m_nameProblem, problem);
    if (problem.isEmpty())
        m_document->push(Commands::renameEntity(*m_document, m_entity, name));
}

void EntityPage::editOption(int option)
{
    const Entity *entity = m_document ? m_document->entity(m_entity) : nullptr;
    if (!entity)
        return;
    Entity edited = *entity;
    const auto which = EntityOption(option);
    switch (which) {
    case EntityOption::TableName:
        edited.tableName = m_tableName->text();
        break;
    case EntityOption::Comment:
        edited.comment = m_comment->text();
        break;
    case EntityOption::Timestamps:
        edited.timestamps = triState(m_timestamps);
        break;
    case EntityOption::Paranoid:
        edited.paranoid = triState(m_paranoid);
        break;
    case EntityOption::Underscored:
        edited.underscored = triState(m_underscored);
        break;
    case EntityOption::UnderscoredAll:
        edited.underscoredAll = triState(m_underscoredAll);
        break;
    case EntityOption::FreezeTableName:
        edited.freezeTableName = triState(m_freezeTableName);
        break;
    case EntityOption::All:
        break;
    }
    if (edited.tableName == entity->tableName && edited.comment == entity->comment
        && edited.timestamps == entity->timestamps && edited.paranoid == entity->paranoid
        && edited.underscored == entity->underscored
        && edited.underscoredAll == entity->underscoredAll
        && edited.freezeTableName == entity->freezeTableName)
        return; // the same choice again: nothing to undo
    const bool typed = which == EntityOption::TableName || which == EntityOption::Comment;
    if (!typed)
        m_document->breakMergeSequence();
    m_document->push(Commands::editEntityOptions(*m_document, m_entity, edited, which));
}

void EntityPage::endTyping()
{
    if (m_document)
        m_document->breakMergeSequence();
}

} // namespace Junction
