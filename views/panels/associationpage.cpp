// SPDX-License-Identifier: MIT
#include "associationpage.h"

#include "associationpreview.h"
#include "commands/associationcommands.h"
#include "inflection.h"
#include "inspectorfields.h"
#include "keydetails.h"
#include "referentialdefaults.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace Junction {

using namespace InspectorFields;
using Commands::AssociationField;

namespace {

const QStringList referentialActions = {
    QStringLiteral("CASCADE"),   QStringLiteral("SET NULL"),    QStringLiteral("RESTRICT"),
    QStringLiteral("NO ACTION"), QStringLiteral("SET DEFAULT"),
};

// Replaces a combo box's items only when they differ: rebuilding would close its popup and,
// for an editable one, clear what the user is typing.
void setItems(QComboBox *combo, const QList<std::pair<QString, QString>> &items)
{
    bool same = combo->count() == items.size();
    for (int i = 0; same && i < items.size(); ++i)
        same = combo->itemText(i) == items.at(i).first
            && combo->itemData(i).toString() == items.at(i).second;
    if (same)
        return;
    const QString typed = combo->isEditable() ? combo->currentText() : QString();
    combo->clear();
    for (const auto &[text, data] : items)
        combo->addItem(text, data);
    if (combo->isEditable())
        combo->setEditText(typed);
}

void selectData(QComboBox *combo, const QString &data)
{
    int index = combo->findData(data);
    if (index < 0) { // a value the list does not offer (the diagnostics say why): show it
        combo->addItem(data, data);
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(index);
}

QList<std::pair<QString, QString>> attributeItems(const Entity *entity)
{
    QList<std::pair<QString, QString>> items;
    if (entity) {
        for (const Attribute &a : entity->attributes)
            items.append({a.name, a.name});
    }
    return items;
}

QString primaryKeyOf(const ResolvedSchema &schema, const QString &model)
{
    const ResolvedTable *table = schema.tableForEntity(model);
    return table ? table->primaryKey.join(QStringLiteral(", ")) : QString();
}

QComboBox *combo(const QString &name, QWidget *parent, bool editable = false)
{
    auto box = new QComboBox(parent);
    box->setObjectName(name);
    box->setEditable(editable);
    fitNarrow(box);
    if (editable)
        box->setInsertPolicy(QComboBox::NoInsert);
    return box;
}

QWidget *row(QWidget *parent, QList<QWidget *> widgets, QLabel *problem = nullptr)
{
    auto container = new QWidget(parent);
    auto outer = new QVBoxLayout(container);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(2);
    auto line = new QHBoxLayout;
    line->setContentsMargins(0, 0, 0, 0);
    for (QWidget *w : widgets)
        line->addWidget(w, w == widgets.first() ? 1 : 0);
    outer->addLayout(line);
    if (problem)
        outer->addWidget(problem);
    return container;
}

} // namespace

AssociationPage::AssociationPage(QWidget *parent)
    : QWidget(parent)
{
    build();
}

void AssociationPage::build()
{
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);

    m_type = combo(QStringLiteral("associationType"), this);
    for (AssociationType t : {AssociationType::BelongsTo, AssociationType::HasOne,
                              AssociationType::HasMany, AssociationType::BelongsToMany})
        m_type->addItem(associationTypeName(t), int(t));
    m_source = combo(QStringLiteral("associationSource"), this);
    m_target = combo(QStringLiteral("associationTarget"), this);
    m_as = new QLineEdit(this);
    m_as->setObjectName(QStringLiteral("associationAs"));
    m_asProblem = problemLabel(this);
    m_singular = new QLineEdit(this);
    m_singular->setObjectName(QStringLiteral("associationSingular"));
    m_foreignKey = combo(QStringLiteral("associationForeignKey"), this, true);
    m_foreignKeyNull = combo(QStringLiteral("associationForeignKeyAllowNull"), this);
    fillTriState(m_foreignKeyNull, tr("Allow null"), tr("NOT NULL"));
    m_foreignKeyDetails = new KeyDetails(QStringLiteral("foreignKey"), this);
    m_otherKeyDetails = new KeyDetails(QStringLiteral("otherKey"), this);
    m_targetKey = combo(QStringLiteral("associationTargetKey"), this);
    m_sourceKey = combo(QStringLiteral("associationSourceKey"), this);
    m_otherKey = combo(QStringLiteral("associationOtherKey"), this, true);
    m_otherKeyNull = combo(QStringLiteral("associationOtherKeyAllowNull"), this);
    fillTriState(m_otherKeyNull, tr("Allow null"), tr("NOT NULL"));
    m_throughKind = combo(QStringLiteral("associationThroughKind"), this);
    m_throughKind->addItem(tr("Table"), int(Through::Kind::Table));
    m_throughKind->addItem(tr("Model"), int(Through::Kind::Model));
    m_through = combo(QStringLiteral("associationThrough"), this, true);
    m_throughProblem = problemLabel(this);
    m_constraints = combo(QStringLiteral("associationConstraints"), this);
    fillTriState(m_constraints, tr("On"), tr("Off"));
    m_onDelete = combo(QStringLiteral("associationOnDelete"), this);
    m_onUpdate = combo(QStringLiteral("associationOnUpdate"), this);
    for (QComboBox *box : {m_onDelete, m_onUpdate}) {
        box->addItem(QString(), QString());
        for (const QString &action : referentialActions)
            box->addItem(action, action);
    }
    m_timestamps = combo(QStringLiteral("associationTimestamps"), this);
    fillTriState(m_timestamps, tr("On"), tr("Off"));
    m_comment = new QLineEdit(this);
    m_comment->setObjectName(QStringLiteral("associationComment"));
    m_preview = new AssociationPreview(this);

    m_foreignKey->setToolTip(tr("The FK column; empty: Sequelize's default name"));
    m_otherKey->setToolTip(tr("The junction column that points at the target"));
    m_through->setToolTip(tr("The junction: a table the program creates, or a model"));
    m_constraints->setToolTip(tr("Off: the column without a FOREIGN KEY constraint"));

    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->addRow(tr("Type"), m_type);
    m_form->addRow(tr("Source"), m_source);
    m_form->addRow(tr("Target"), m_target);
    m_form->addRow(tr("as"), row(this, {m_as}, m_asProblem));
    m_form->addRow(tr("as singular"), m_singular);
    m_foreignKeyRow = row(this, {m_foreignKey, m_foreignKeyNull});
    m_form->addRow(tr("foreignKey"), m_foreignKeyRow);
    m_form->addRow(QString(), m_foreignKeyDetails);
    m_form->addRow(tr("targetKey"), m_targetKey);
    m_form->addRow(tr("sourceKey"), m_sourceKey);
    m_otherKeyRow = row(this, {m_otherKey, m_otherKeyNull});
    m_form->addRow(tr("otherKey"), m_otherKeyRow);
    m_form->addRow(QString(), m_otherKeyDetails);
    m_throughRow = row(this, {m_through, m_throughKind}, m_throughProblem);
    m_form->addRow(tr("through"), m_throughRow);
    m_form->addRow(tr("timestamps"), m_timestamps);
    m_form->addRow(tr("constraints"), m_constraints);
    m_form->addRow(tr("onDelete"), m_onDelete);
    m_form->addRow(tr("onUpdate"), m_onUpdate);
    m_form->addRow(tr("Comment"), m_comment);

    auto layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(m_form);
    layout->addWidget(m_preview, 1);

    connect(m_type, &QComboBox::activated, this, &AssociationPage::editType);
    auto pickModel = [this](QComboBox *box, AssociationField field) {
        connect(box, &QComboBox::activated, this, [this, box, field] {
            const Association *current = m_document ? m_document->association(m_id) : nullptr;
            if (!current)
                return;
            Association edited = *current;
            (field == AssociationField::Source ? edited.source : edited.target)
                = box->currentText();
            commit(edited, int(field), false);
        });
    };
    pickModel(m_source, AssociationField::Source);
    pickModel(m_target, AssociationField::Target);
    connect(m_as, &QLineEdit::textEdited, this, &AssociationPage::editAlias);
    connect(m_singular, &QLineEdit::textEdited, this, &AssociationPage::editAlias);
    connect(m_foreignKey->lineEdit(), &QLineEdit::textEdited, this,
            [this] { editKey(false, true); });
    connect(m_foreignKey, &QComboBox::activated, this, [this] { editKey(false, false); });
    connect(m_foreignKeyNull, &QComboBox::activated, this, [this] { editKey(false, false); });
    connect(m_otherKey->lineEdit(), &QLineEdit::textEdited, this, [this] { editKey(true, true); });
    connect(m_foreignKeyDetails, &KeyDetails::edited, this,
            [this](bool typed) { editKey(false, typed); });
    connect(m_otherKeyDetails, &KeyDetails::edited, this,
            [this](bool typed) { editKey(true, typed); });
    connect(m_foreignKeyDetails, &KeyDetails::typingEnded, this, &AssociationPage::endTyping);
    connect(m_otherKeyDetails, &KeyDetails::typingEnded, this, &AssociationPage::endTyping);
    connect(m_otherKey, &QComboBox::activated, this, [this] { editKey(true, false); });
    connect(m_otherKeyNull, &QComboBox::activated, this, [this] { editKey(true, false); });
    connect(m_through->lineEdit(), &QLineEdit::textEdited, this, [this] { editThrough(true); });
    connect(m_through, &QComboBox::activated, this, [this] { editThrough(false); });
    connect(m_throughKind, &QComboBox::activated, this, [this] { editThrough(false); });
    auto pick = [this](QComboBox *box, auto apply, AssociationField field) {
        connect(box, &QComboBox::activated, this, [this, box, apply, field] {
            const Association *current = m_document ? m_document->association(m_id) : nullptr;
            if (!current)
                return;
            Association edited = *current;
            apply(edited, box);
            commit(edited, int(field), false);
        });
    };
    pick(
        m_targetKey,
        [](Association &a, QComboBox *b) { a.targetKey = b->currentData().toString(); },
        AssociationField::TargetKey);
    pick(
        m_sourceKey,
        [](Association &a, QComboBox *b) { a.sourceKey = b->currentData().toString(); },
        AssociationField::SourceKey);
    pick(
        m_constraints, [](Association &a, QComboBox *b) { a.constraints = triState(b); },
        AssociationField::Constraints);
    pick(
        m_onDelete, [](Association &a, QComboBox *b) { a.onDelete = b->currentData().toString(); },
        AssociationField::OnDelete);
    pick(
        m_onUpdate, [](Association &a, QComboBox *b) { a.onUpdate = b->currentData().toString(); },
        AssociationField::OnUpdate);
    pick(
        m_timestamps, [](Association &a, QComboBox *b) { a.timestamps = triState(b); },
        AssociationField::Timestamps);
    connect(m_comment, &QLineEdit::textEdited, this, [this](const QString &text) {
        const Association *current = m_document ? m_document->association(m_id) : nullptr;
        if (!current)
            return;
        Association edited = *current;
        edited.comment = text;
        commit(edited, int(AssociationField::Comment), true);
    });
    for (QWidget *typed :
         {static_cast<QWidget *>(m_as), static_cast<QWidget *>(m_singular),
          static_cast<QWidget *>(m_foreignKey->lineEdit()),
          static_cast<QWidget *>(m_otherKey->lineEdit()),
          static_cast<QWidget *>(m_through->lineEdit()), static_cast<QWidget *>(m_comment)})
        onFocusOut(typed, [this] { endTyping(); });
}

void AssociationPage::setDocument(Document *document)
{
    m_document = document;
    m_preview->setDocument(document);
}

void AssociationPage::setAssociation(const AssociationId &id)
{
    if (id != m_id) {
        m_id = id;
        // Refused input belongs to the association it was typed for.
        setRefused(m_as, m_asProblem, {});
        setRefused(m_through->lineEdit(), m_throughProblem, {});
        m_foreignKeyDetails->clearRefused();
        m_otherKeyDetails->clearRefused();
    }
    m_preview->setAssociation(id);
    refresh();
}

bool AssociationPage::isFieldShown(QWidget *field) const
{
    return field->isVisibleTo(this);
}

void AssociationPage::refresh()
{
    const Association *a = m_document ? m_document->association(m_id) : nullptr;
    setEnabled(a);
    if (!a)
        return;
    const Project &project = m_document->project();
    // Until resolvedChanged() the resolve from before the last edit: typing never waits.
    const ResolvedSchema &schema = m_document->lastResolved();
    const ResolvedAssociation *resolved = schema.association(m_id);

    m_title->setText(
        QStringLiteral("%1.%2(%3)").arg(a->source, associationTypeName(a->type), a->target)
        + (a->as.isSet() ? tr(" as %1").arg(a->as.plural.isEmpty() ? a->as.singular : a->as.plural)
                         : QString()));
    m_type->setCurrentIndex(m_type->findData(int(a->type)));
    QList<std::pair<QString, QString>> models;
    for (const Entity &e : project.entities)
        models.append({e.name, e.name});
    setItems(m_source, models);
    setItems(m_target, models);
    selectData(m_source, a->source);
    selectData(m_target, a->target);
    showText(m_as, a->as.plural);
    showText(m_singular, a->as.singular);
    const QString alias = resolved ? resolved->as : QString();
    m_as->setPlaceholderText(resolved && !resolved->isAliased ? tr("Default: %1").arg(alias)
                                                              : QString());
    m_singular->setPlaceholderText(resolved ? tr("Default: %1").arg(resolved->singular)
                                            : QString());

    // Keys: the attributes of the model each one names, to choose from.
    const Entity *source = project.entity(a->source);
    const Entity *target = project.entity(a->target);
    const Entity *throughModel
        = a->through.kind == Through::Kind::Model ? project.entity(a->through.name) : nullptr;
    const Entity *foreignKeyHolder = a->type == AssociationType::BelongsTo ? source
        : a->type == AssociationType::BelongsToMany                        ? throughModel
                                                                           : target;
    setItems(m_foreignKey, attributeItems(foreignKeyHolder));
    showText(m_foreignKey->lineEdit(), a->foreignKey.name);
    m_foreignKey->lineEdit()->setPlaceholderText(resolved && !resolved->foreignKey.isEmpty()
                                                     ? tr("Default: %1").arg(resolved->foreignKey)
                                                     : QString());
    const ResolvedTable *holderTable = resolved ? schema.table(resolved->foreignKeyTable) : nullptr;
    const ResolvedColumn *fkColumn
        = holderTable ? holderTable->column(resolved->foreignKeyColumn) : nullptr;
    setTriState(m_foreignKeyNull, a->foreignKey.allowNull, fkColumn ? fkColumn->allowNull : true);
    const ResolvedColumn *otherColumn = holderTable && !resolved->otherKeyColumn.isEmpty()
        ? holderTable->column(resolved->otherKeyColumn)
        : nullptr;
    setItems(m_otherKey, attributeItems(throughModel));
    showText(m_otherKey->lineEdit(), a->otherKey.name);
    m_otherKey->lineEdit()->setPlaceholderText(resolved && !resolved->otherKey.isEmpty()
                                                   ? tr("Default: %1").arg(resolved->otherKey)
                                                   : QString());
    setTriState(m_otherKeyNull, a->otherKey.allowNull, otherColumn ? otherColumn->allowNull : true);
    m_foreignKeyDetails->showKey(a->foreignKey, fkColumn ? fkColumn->type.toString() : QString(),
                                 resolved ? resolved->foreignKey : QString());
    m_otherKeyDetails->showKey(a->otherKey,
                               otherColumn ? otherColumn->type.toString() : QString(),
                               resolved ? resolved->otherKey : QString());

    auto keyItems = [&](const Entity *entity, const QString &model) {
        QList<std::pair<QString, QString>> items {
            {tr("Default (primary key %1)").arg(primaryKeyOf(schema, model)), QString()}};
        return items + attributeItems(entity);
    };
    setItems(m_targetKey, keyItems(target, a->target));
    selectData(m_targetKey, a->targetKey);
    setItems(m_sourceKey, keyItems(source, a->source));
    selectData(m_sourceKey, a->sourceKey);

    m_throughKind->setCurrentIndex(m_throughKind->findData(int(
        a->through.kind == Through::Kind::Model ? Through::Kind::Model : Through::Kind::Table)));
    setItems(m_through,
             a->through.kind == Through::Kind::Model ? models
                                                     : QList<std::pair<QString, QString>>());
    showText(m_through->lineEdit(), a->through.name);

    setTriState(m_constraints, a->constraints, true);
    setTriState(m_timestamps, a->timestamps, project.define.timestamps);

    // onDelete/onUpdate: unset shows what applies. The resolved value is exact (a FK column
    // shared with an earlier association keeps that one's rules); with a value set, the rule
    // table says what unsetting it would give. A resolve from before the last edit (until
    // resolvedChanged) may still hold the rule just unset: then the table too.
    const bool exact = resolved && resolved->valid && m_document->isResolvedCurrent();
    ReferentialActions defaults;
    if (a->onDelete.isEmpty() && a->onUpdate.isEmpty() && exact)
        defaults = {resolved->onDelete, resolved->onUpdate};
    else
        defaults = defaultReferentialActions(a->type, a->constraints.value_or(true),
                                             fkColumn ? fkColumn->allowNull : true);
    if (exact && a->onDelete.isEmpty())
        defaults.onDelete = resolved->onDelete;
    if (exact && a->onUpdate.isEmpty())
        defaults.onUpdate = resolved->onUpdate;
    auto defaultText = [this](const QString &action) {
        return tr("Default (%1)").arg(action.isEmpty() ? tr("none: no constraint") : action);
    };
    m_onDelete->setItemText(0, defaultText(defaults.onDelete));
    m_onUpdate->setItemText(0, defaultText(defaults.onUpdate));
    selectData(m_onDelete, a->onDelete.trimmed().toUpper());
    selectData(m_onUpdate, a->onUpdate.trimmed().toUpper());
    showText(m_comment, a->comment);

    showRows(*a);
    m_preview->refresh();
}

void AssociationPage::showRows(const Association &a)
{
    const bool many
        = a.type == AssociationType::HasMany || a.type == AssociationType::BelongsToMany;
    const bool belongsToMany = a.type == AssociationType::BelongsToMany;
    // A field the type does not use stays visible while it holds a value (the diagnostics
    // say what is wrong with it), so nothing in the file is hidden.
    m_form->setRowVisible(m_singular, many || !a.as.singular.isEmpty());
    m_form->setRowVisible(m_targetKey,
                          a.type == AssociationType::BelongsTo || !a.targetKey.isEmpty());
    m_form->setRowVisible(m_sourceKey,
                          a.type == AssociationType::HasMany || !a.sourceKey.isEmpty());
    m_form->setRowVisible(m_otherKeyRow, belongsToMany || a.otherKey.isSet);
    m_form->setRowVisible(m_otherKeyDetails, belongsToMany || a.otherKey.isSet);
    m_form->setRowVisible(m_throughRow, belongsToMany || a.through.kind != Through::Kind::None);
    m_form->setRowVisible(m_timestamps, belongsToMany || a.timestamps.has_value());
}

void AssociationPage::commit(const Association &edited, int field, bool typed)
{
    const Association *current = m_document ? m_document->association(m_id) : nullptr;
    if (!current || *current == edited)
        return;
    // A pick is one step of its own; keystrokes in one field merge until focus leaves.
    if (!typed)
        m_document->breakMergeSequence();
    m_document->push(Commands::editAssociation(*m_document, edited, AssociationField(field)));
    if (!typed)
        m_document->breakMergeSequence();
}

void AssociationPage::editType()
{
    const Association *current = m_document ? m_document->association(m_id) : nullptr;
    if (!current)
        return;
    Association edited = *current;
    edited.type = AssociationType(m_type->currentData().toInt());
    if (edited.type == current->type)
        return;
    // Options the new type does not take go with the change (one undo step brings them
    // back); a belongsToMany needs a junction: named after its models, Sequelize-style.
    if (edited.type != AssociationType::BelongsToMany) {
        edited.through = {};
        edited.otherKey = {};
        edited.timestamps.reset();
    } else if (edited.through.kind == Through::Kind::None) {
        edited.through.kind = Through::Kind::Table;
        edited.through.name = edited.source + Inflection::pluralize(edited.target);
    }
    if (edited.type != AssociationType::BelongsTo)
        edited.targetKey.clear();
    if (edited.type != AssociationType::HasMany)
        edited.sourceKey.clear();
    const bool single
        = edited.type == AssociationType::BelongsTo || edited.type == AssociationType::HasOne;
    if (single && edited.as.isObject) {
        const QString name = edited.as.singular.isEmpty() ? edited.as.plural : edited.as.singular;
        edited.as = {};
        edited.as.plural = name;
    }
    commit(edited, int(AssociationField::Type), false);
}

QString AssociationPage::aliasProblem(const Association &edited) const
{
    const QString key = edited.as.plural.isEmpty() ? edited.as.singular : edited.as.plural;
    if (key.isEmpty())
        return {};
    if (key.trimmed() != key)
        return tr("an alias cannot start or end with a space");
    // The other associations' keys; the last resolve has them (this edit changes this one's).
    const ResolvedSchema &schema = m_document->lastResolved();
    for (const Association &other : m_document->project().associations) {
        if (other.id == edited.id || other.source != edited.source)
            continue;
        const ResolvedAssociation *resolved = schema.association(other.id);
        const QString otherKey = resolved ? resolved->as : other.as.plural;
        if (otherKey == key)
            return tr("%1 already has an association as %2 (%3 %4)")
                .arg(edited.source, key, associationTypeName(other.type), other.target);
    }
    if (const Entity *source = m_document->project().entity(edited.source);
        source && source->attribute(key))
        return tr("%1 has an attribute %2: the alias would collide with it")
            .arg(edited.source, key);
    return {};
}

void AssociationPage::editAlias()
{
    const Association *current = m_document ? m_document->association(m_id) : nullptr;
    if (!current)
        return;
    Association edited = *current;
    edited.as = {};
    edited.as.plural = m_as->text();
    if (isFieldShown(m_singular))
        edited.as.singular = m_singular->text();
    edited.as.isObject = !edited.as.singular.isEmpty();
    const QString problem = aliasProblem(edited);
    setRefused(m_as, m_asProblem, problem);
    if (problem.isEmpty())
        commit(edited, int(AssociationField::As), true);
}

void AssociationPage::editKey(bool other, bool typed)
{
    const Association *current = m_document ? m_document->association(m_id) : nullptr;
    if (!current)
        return;
    Association edited = *current;
    KeySpec &key = other ? edited.otherKey : edited.foreignKey;
    const KeySpec before = key;
    key.name = (other ? m_otherKey : m_foreignKey)->currentText().trimmed();
    key.allowNull = triState(other ? m_otherKeyNull : m_foreignKeyNull);
    // A type or column name the format refuses stays in its field with the reason.
    if (!(other ? m_otherKeyDetails : m_foreignKeyDetails)->apply(key).isEmpty())
        return;
    // The string form while only a name is set; the object form as soon as anything else is
    // (or when the file already used it, so a rename does not rewrite its shape).
    const bool needsObject = key.allowNull.has_value() || !key.type.isEmpty()
        || !key.field.isEmpty() || key.unique.has_value() || !key.comment.isEmpty()
        || !key.unknownKeys.isEmpty();
    key.isSet = needsObject || !key.name.isEmpty();
    key.isObject = needsObject || (before.isObject && key.isSet);
    // A belongsToMany key object without `name` is an error (Sequelize names the column
    // "undefined"): it takes the name that applies now, which changes nothing else.
    if (key.isObject && key.name.isEmpty() && edited.type == AssociationType::BelongsToMany) {
        if (const ResolvedAssociation *resolved = m_document->resolved().association(m_id))
            key.name = other ? resolved->otherKey : resolved->foreignKey;
    }
    commit(edited, int(other ? AssociationField::OtherKey : AssociationField::ForeignKey), typed);
}

void AssociationPage::editThrough(bool typed)
{
    const Association *current = m_document ? m_document->association(m_id) : nullptr;
    if (!current)
        return;
    Association edited = *current;
    const QString name = m_through->currentText().trimmed();
    const auto kind = Through::Kind(m_throughKind->currentData().toInt());
    QString problem;
    if (name.isEmpty()) {
        edited.through.kind = Through::Kind::None;
        edited.through.name.clear();
        if (current->type == AssociationType::BelongsToMany)
            problem = tr("a belongsToMany needs a through table or model");
    } else {
        edited.through.kind = kind;
        edited.through.name = name;
        if (kind == Through::Kind::Model && !m_document->project().entity(name))
            problem = tr("there is no model %1").arg(name);
    }
    setRefused(m_through->lineEdit(), m_throughProblem, problem);
    if (problem.isEmpty())
        commit(edited, int(AssociationField::Through), typed);
}

void AssociationPage::endTyping()
{
    if (m_document)
        m_document->breakMergeSequence();
}

} // namespace Junction
