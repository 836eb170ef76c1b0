// SPDX-License-Identifier: MIT
#include "associationcommands.h"

#include "document.h"
#include "editcommand.h"

#include <algorithm>

namespace Junction::Commands {

namespace {

QString fieldName(AssociationField field)
{
    switch (field) {
    case AssociationField::All: return QString();
    case AssociationField::Type: return QStringLiteral("type");
    case AssociationField::Source: return QStringLiteral("source");
    case AssociationField::Target: return QStringLiteral("target");
    case AssociationField::As: return QStringLiteral("as");
    case AssociationField::ForeignKey: return QStringLiteral("foreignKey");
    case AssociationField::TargetKey: return QStringLiteral("targetKey");
    case AssociationField::SourceKey: return QStringLiteral("sourceKey");
    case AssociationField::OtherKey: return QStringLiteral("otherKey");
    case AssociationField::Through: return QStringLiteral("through");
    case AssociationField::Constraints: return QStringLiteral("constraints");
    case AssociationField::OnDelete: return QStringLiteral("onDelete");
    case AssociationField::OnUpdate: return QStringLiteral("onUpdate");
    case AssociationField::Timestamps: return QStringLiteral("timestamps");
    case AssociationField::Comment: return QStringLiteral("comment");
    }
    return {};
}

bool isTyped(AssociationField field)
{
    switch (field) {
    case AssociationField::As:
    case AssociationField::ForeignKey:
    case AssociationField::TargetKey:
    case AssociationField::SourceKey:
    case AssociationField::OtherKey:
    case AssociationField::Through:
    case AssociationField::Comment:
        return true;
    default:
        return false;
    }
}

} // namespace

std::unique_ptr<QUndoCommand> addAssociation(Document &document, Association association,
                                             int index)
{
    if (association.id.isNull() || document.associationIndex(association.id) >= 0)
        association.id = document.idAllocator().nextAssociationId();
    const qsizetype count = document.project().associations.size();
    if (index < 0 || index > count)
        index = int(count);
    const QString text = QStringLiteral("Add %1.%2(%3)")
                             .arg(association.source, associationTypeName(association.type),
                                  association.target);
    ProjectEdit edit;
    edit.insertedAssociations.append({index, std::move(association)});
    return std::make_unique<EditCommand>(&document, text, std::move(edit));
}

ProjectEdit associationRemoval(const Document &document, const QList<AssociationId> &ids)
{
    const Project &project = document.project();
    QList<int> indexes;
    for (const AssociationId &id : ids) {
        const int index = document.associationIndex(id);
        if (index >= 0)
            indexes.append(index);
    }
    std::sort(indexes.begin(), indexes.end());
    indexes.erase(std::unique(indexes.begin(), indexes.end()), indexes.end());
    const QJsonObject bends = project.layout.value(Layout::associationsKey()).toObject();
    ProjectEdit edit;
    for (const int index : indexes) {
        const Association &a = project.associations.at(index);
        edit.removedAssociations.append({index, a});
        if (bends.contains(a.id.toString()))
            edit.layout.set(project.layout, LayoutPatch::Section::Associations, a.id.toString(),
                            QJsonValue::Undefined);
    }
    return edit;
}

std::unique_ptr<QUndoCommand> removeAssociations(Document &document,
                                                 const QList<AssociationId> &ids)
{
    ProjectEdit edit = associationRemoval(document, ids);
    if (edit.removedAssociations.isEmpty())
        return nullptr;
    const qsizetype count = edit.removedAssociations.size();
    const QString text = count == 1 ? QStringLiteral("Delete association")
                                    : QStringLiteral("Delete %1 associations").arg(count);
    return std::make_unique<EditCommand>(&document, text, std::move(edit));
}

std::unique_ptr<QUndoCommand> editAssociation(Document &document, const Association &edited,
                                              AssociationField changed)
{
    const int index = document.associationIndex(edited.id);
    if (index < 0)
        return nullptr;
    const Association &before = document.project().associations.at(index);
    if (before == edited)
        return nullptr; // nothing changes: no undo step, no modified mark
    ProjectEdit edit;
    edit.replacedAssociations.append({index, before, edited});
    edit.replacementChanges = Change::AssociationFields;
    const QString text = changed == AssociationField::All
        ? QStringLiteral("Edit association")
        : QStringLiteral("Change association %1").arg(fieldName(changed));
    auto command = std::make_unique<EditCommand>(&document, text, std::move(edit));
    if (isTyped(changed))
        command->setMerge(MergeId::EditAssociationField,
                          edited.id.toString() + u'/' + QString::number(int(changed)));
    return command;
}

} // namespace Junction::Commands
