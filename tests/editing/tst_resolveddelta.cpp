// SPDX-License-Identifier: MIT
// ResolvedDelta: what differs between two resolves of known edits, matched by identity (model
// id, junction table name, association id) rather than by position, so that an edit names
// what it changed and nothing after it.
#include "documenttestsupport.h"

#include "commands/associationcommands.h"
#include "commands/entitycommands.h"
#include "resolveddelta.h"
#include "schemagenerator.h"

#include <QStandardPaths>

using namespace Junction;
using namespace Junction::Testing;

namespace {

// The delta of pushing `command` on `document`.
ResolvedDelta deltaOf(Document &document, std::unique_ptr<QUndoCommand> command)
{
    const ResolvedSchema before = resolve(document.project());
    if (!document.push(std::move(command)))
        qFatal("the edit was refused");
    return ResolvedDelta::between(before, resolve(document.project()));
}

QStringList sorted(const QSet<EntityId> &ids)
{
    QStringList out;
    for (const EntityId &id : ids)
        out << id.toString();
    out.sort();
    return out;
}

QStringList sorted(const QSet<AssociationId> &ids)
{
    QStringList out;
    for (const AssociationId &id : ids)
        out << id.toString();
    out.sort();
    return out;
}

QStringList sorted(const QSet<QString> &names)
{
    QStringList out(names.cbegin(), names.cend());
    out.sort();
    return out;
}

} // namespace

class tst_ResolvedDelta : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void sameSchemaIsEmpty();
    void modelAddedAtTheStart();
    void modelRemovedFromTheMiddle();
    void modelRenamed();
    void belongsToManyAdded();
    void addedModelAmongThousands();
};

void tst_ResolvedDelta::sameSchemaIsEmpty()
{
    const auto document = openFixture();
    const ResolvedSchema schema = resolve(document->project());
    const ResolvedDelta delta = ResolvedDelta::between(schema, resolve(document->project()));
    QVERIFY2(delta.isEmpty(), "two resolves of one project differ");
}

void tst_ResolvedDelta::modelAddedAtTheStart()
{
    // Every table shifts by one position; only the new one is named.
    const auto document = openFixture();
    Entity entity;
    entity.name = s("Comment");
    const ResolvedDelta delta = deltaOf(*document,
                                        Commands::addEntity(*document, entity, std::nullopt, 0));
    const EntityId added = document->project().entities.first().id;
    QCOMPARE(sorted(delta.models), QStringList{added.toString()});
    QCOMPARE(sorted(delta.junctions), QStringList());
    QCOMPARE(sorted(delta.associations), QStringList());
    QVERIFY(delta.structure);
    QVERIFY(!delta.everything);
}

void tst_ResolvedDelta::modelRemovedFromTheMiddle()
{
    // Tag goes with both sides of Post <-> Tag and their junction table PostTags; Membership,
    // Group and Note come after it (their indexes into the project shift) and are not named.
    const auto document = openFixture();
    const ResolvedDelta delta
        = deltaOf(*document, Commands::removeEntities(*document, entityIds({"m-tag"})));
    QCOMPARE(sorted(delta.models), QStringList{s("m-tag")});
    QCOMPARE(sorted(delta.junctions), QStringList{s("PostTags")});
    QCOMPARE(sorted(delta.associations), (QStringList{s("as-post-tags"), s("as-tag-posts")}));
    QVERIFY(delta.structure);
}

void tst_ResolvedDelta::modelRenamed()
{
    // Note's table is renamed, and the hasOne that targets it reads another table; User's
    // table (the source of that hasOne) does not change: the FK is on Note.
    const auto document = openFixture();
    const ResolvedDelta delta
        = deltaOf(*document, Commands::renameEntity(*document, EntityId(s("m-note")), s("Memo")));
    QCOMPARE(sorted(delta.models), QStringList{s("m-note")});
    QCOMPARE(sorted(delta.junctions), QStringList());
    QCOMPARE(sorted(delta.associations), QStringList{s("as-7")});
    QVERIFY(!delta.structure);
}

void tst_ResolvedDelta::belongsToManyAdded()
{
    // A new junction table comes; the two models it joins keep their tables.
    const auto document = openFixture();
    Association association;
    association.type = AssociationType::BelongsToMany;
    association.source = s("Group");
    association.target = s("Note");
    association.through.kind = Through::Kind::Table;
    association.through.name = s("GroupNotes");
    const ResolvedDelta delta
        = deltaOf(*document, Commands::addAssociation(*document, association));
    const AssociationId added = document->project().associations.last().id;
    QCOMPARE(sorted(delta.models), QStringList());
    QCOMPARE(sorted(delta.junctions), QStringList{s("GroupNotes")});
    QCOMPARE(sorted(delta.associations), QStringList{added.toString()});
    QVERIFY(delta.structure);
}

void tst_ResolvedDelta::addedModelAmongThousands()
{
    // The case that listed every junction table as changed at L: a model added at the end,
    // after which the junction tables all sit one position further.
    Document document(Bench::generateProject(500, 700));
    const qsizetype junctions
        = std::count_if(document.resolved().tables.cbegin(), document.resolved().tables.cend(),
                        [](const ResolvedTable &table) { return table.isCreatedJunction(); });
    QVERIFY2(junctions > 50, "the generated schema should have junction tables");
    Entity entity;
    entity.name = s("BenchAdded");
    const ResolvedDelta delta = deltaOf(document, Commands::addEntity(document, entity));
    QCOMPARE(sorted(delta.models), QStringList{document.project().entities.last().id.toString()});
    QCOMPARE(sorted(delta.junctions), QStringList());
    QCOMPARE(sorted(delta.associations), QStringList());

    // And undone: the same one, gone.
    const ResolvedSchema withIt = resolve(document.project());
    const EntityId added = document.project().entities.last().id;
    document.undoStack()->undo();
    const ResolvedDelta undone = ResolvedDelta::between(withIt, resolve(document.project()));
    QCOMPARE(sorted(undone.models), QStringList{added.toString()});
    QCOMPARE(sorted(undone.junctions), QStringList());
    QVERIFY(undone.structure);
}

QTEST_GUILESS_MAIN(tst_ResolvedDelta)
#include "tst_resolveddelta.moc"
