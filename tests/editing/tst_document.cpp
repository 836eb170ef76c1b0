// SPDX-License-Identifier: MIT
// The document as a whole: a long session undone and redone byte for byte, signal order and
// change sets, the modified flag, the cached resolved schema, ids, copy/paste and duplicate,
// delete with its orphaned associations, rename, placing models without positions.
#include "documenttestsupport.h"

#include "autolayout.h"
#include "commands/associationcommands.h"
#include "commands/attributecommands.h"
#include "commands/clipboard.h"
#include "commands/entitycommands.h"
#include "commands/layoutcommands.h"
#include "commands/projectcommands.h"
#include "commands/uniquenames.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>

using namespace Junction;
using namespace Junction::Testing;

class tst_Document : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void session();
    void signalOrder();
    void modifiedFollowsCleanState();
    void resolvedIsCached();
    void idsNeverReused();
    void copyPaste();
    void pasteIntoAnotherDocument();
    void deleteListsOrphans();
    void renameRewritesAssociations();
    void placeUnpositioned();
    void layoutSectionsComeAndGo();
    void uniqueNames_data();
    void uniqueNames();
};

void tst_Document::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_Document::session()
{
    const auto document = openFixture();
    Document &d = *document;
    QRandomGenerator random(5);
    QList<QByteArray> states{bytesOf(d)}; // states[i]: after i undo steps from the start
    int edits = 0;
    for (int step = 0; edits < 50 && step < 500; ++step) {
        const Project &p = d.project();
        const auto pickEntity = [&] { return p.entities.at(int(random.bounded(p.entities.size()))).id; };
        std::unique_ptr<QUndoCommand> command;
        switch (random.bounded(14)) {
        case 0: {
            Entity e;
            e.name = s("Thing");
            Attribute a;
            a.name = s("value");
            e.attributes << a;
            command = Commands::addEntity(d, e, QPointF(random.bounded(900), random.bounded(600)));
            break;
        }
        case 1:
            if (p.entities.size() > 3)
                command = Commands::removeEntities(d, {pickEntity()});
            break;
        case 2:
            command = Commands::renameEntity(d, pickEntity(), QStringLiteral("Renamed%1").arg(step));
            break;
        case 3: {
            Attribute a;
            a.name = s("extra");
            a.type = s("INTEGER");
            command = Commands::addAttribute(d, pickEntity(), a);
            break;
        }
        case 4: {
            Entity e = *d.entity(pickEntity());
            if (!e.attributes.isEmpty()) {
                Attribute a = e.attributes.last();
                a.type = s("TEXT");
                a.comment = QStringLiteral("edit %1").arg(step);
                command = Commands::editAttribute(d, e.id, a, Commands::AttributeField::All);
            }
            break;
        }
        case 5: {
            Entity e = *d.entity(pickEntity());
            if (e.attributes.size() > 1)
                command = Commands::moveAttribute(d, e.id, e.attributes.first().id, int(e.attributes.size()) - 1);
            break;
        }
        case 6: {
            Association a;
            a.type = AssociationType::BelongsTo;
            a.source = d.entity(pickEntity())->name;
            a.target = d.entity(pickEntity())->name;
            command = Commands::addAssociation(d, a);
            break;
        }
        case 7:
            if (!p.associations.isEmpty()) {
                Association a = p.associations.first();
                a.onDelete = s("CASCADE");
                a.comment = QStringLiteral("c%1").arg(step);
                command = Commands::editAssociation(d, a, Commands::AssociationField::All);
            }
            break;
        case 8:
            if (!p.associations.isEmpty())
                command = Commands::removeAssociations(d, {p.associations.last().id});
            break;
        case 9:
            command = Commands::moveEntities(d, {{pickEntity(), QPointF(random.bounded(900), random.bounded(600))},
                                                 {pickEntity(), QPointF(random.bounded(900), random.bounded(600))}});
            break;
        case 10:
            command = Commands::nudgeEntities(d, {pickEntity()}, QPointF(0, 8));
            break;
        case 11:
            command = Commands::duplicateEntities(d, {pickEntity(), pickEntity()});
            break;
        case 12:
            command = Commands::autoLayoutEntities(d);
            break;
        case 13:
            command = Commands::renameProject(d, QStringLiteral("Session %1").arg(step));
            break;
        }
        if (!d.push(std::move(command)))
            continue;
        ++edits;
        if (step % 3 != 0)
            d.breakMergeSequence(); // some steps merge, most do not
        states.resize(d.undoStack()->index() + 1);
        states[d.undoStack()->index()] = bytesOf(d);
    }
    QCOMPARE(edits, 50);
    QVERIFY2(d.undoStack()->count() > 30, "most edits are their own step");
    const QByteArray end = bytesOf(d);
    for (int i = d.undoStack()->index(); i > 0; --i) {
        d.undoStack()->undo();
        JUNCTION_COMPARE_BYTES(bytesOf(d), states.at(i - 1));
    }
    JUNCTION_COMPARE_BYTES(bytesOf(d), readAll(fixturePath()));
    QVERIFY(!d.isModified());
    while (d.undoStack()->canRedo()) {
        d.undoStack()->redo();
        JUNCTION_COMPARE_BYTES(bytesOf(d), states.at(d.undoStack()->index()));
    }
    JUNCTION_COMPARE_BYTES(bytesOf(d), end);
}

void tst_Document::signalOrder()
{
    const auto document = openFixture();
    Document &d = *document;
    QStringList log;
    connect(&d, &Document::aboutToChange, this, [&](const ChangeSet &set) {
        QStringList ids;
        for (const EntityId &id : set.entities)
            ids << id.toString();
        for (const AssociationId &id : set.associations)
            ids << id.toString();
        // The project is still as before the edit.
        log << QStringLiteral("about %1 [%2] models=%3")
                   .arg(set.changes.toInt())
                   .arg(ids.join(u','))
                   .arg(d.project().entities.size());
    });
    connect(&d, &Document::changed, this, [&](const ChangeSet &set) {
        log << QStringLiteral("done %1 models=%2").arg(set.changes.toInt()).arg(d.project().entities.size());
    });
    QSignalSpy changedSpy(&d, &Document::changed);

    QVERIFY(d.push(Commands::removeEntities(d, entityIds({"m-note"}))));
    const auto removedAssociations = uint(Changes(Change::AssociationsRemoved).toInt());
    const auto removedModel = uint(Changes(Change::EntitiesRemoved | Change::ModelPositions).toInt());
    QCOMPARE(log, QStringList({
                      QStringLiteral("about %1 [as-7] models=6").arg(removedAssociations),
                      QStringLiteral("done %1 models=6").arg(removedAssociations),
                      QStringLiteral("about %1 [m-note] models=6").arg(removedModel),
                      QStringLiteral("done %1 models=5").arg(removedModel),
                  }));
    log.clear();
    d.undoStack()->undo(); // the macro's steps in reverse
    const auto addedModel = uint(Changes(Change::EntitiesAdded | Change::ModelPositions).toInt());
    const auto addedAssociations = uint(Changes(Change::AssociationsAdded).toInt());
    QCOMPARE(log, QStringList({
                      QStringLiteral("about %1 [m-note] models=5").arg(addedModel),
                      QStringLiteral("done %1 models=6").arg(addedModel),
                      QStringLiteral("about %1 [as-7] models=6").arg(addedAssociations),
                      QStringLiteral("done %1 models=6").arg(addedAssociations),
                  }));

    changedSpy.clear();
    Attribute email = d.entity(EntityId(s("m-user")))->attributes.at(1);
    email.name = s("mail");
    QVERIFY(d.push(Commands::editAttribute(d, EntityId(s("m-user")), email, Commands::AttributeField::Name)));
    QCOMPARE(changedSpy.count(), 1);
    const auto set = changedSpy.at(0).at(0).value<ChangeSet>();
    QCOMPARE(set.changes, Change::Attributes | Change::Indexes | Change::AssociationFields);
    QCOMPARE(set.entities, QList<EntityId>{EntityId(s("m-user"))});
    QCOMPARE(set.attributes, QList<AttributeId>{AttributeId(s("a-user-email"))});
    QCOMPARE(set.associations, QList<AssociationId>{AssociationId(s("as-post-user"))});
    QVERIFY(set.affectsSchema());

    changedSpy.clear();
    QVERIFY(d.push(Commands::moveEntities(d, {{EntityId(s("m-tag")), QPointF(1, 1)}})));
    const auto moved = changedSpy.at(0).at(0).value<ChangeSet>();
    QCOMPARE(moved.changes, Changes(Change::ModelPositions));
    QCOMPARE(moved.entities, QList<EntityId>{EntityId(s("m-tag"))});
    QVERIFY(!moved.affectsSchema());
}

void tst_Document::modifiedFollowsCleanState()
{
    const auto document = openFixture();
    Document &d = *document;
    QSignalSpy spy(&d, &Document::modifiedChanged);
    QVERIFY(!d.isModified());
    QVERIFY(d.push(Commands::renameProject(d, s("X"))));
    QVERIFY(d.isModified());
    d.undoStack()->undo();
    QVERIFY(!d.isModified());
    d.undoStack()->redo();
    QCOMPARE(spy.count(), 3);
    QCOMPARE(spy.at(0).at(0).toBool(), true);
    QCOMPARE(spy.at(1).at(0).toBool(), false);
    QCOMPARE(spy.at(2).at(0).toBool(), true);

    d.undoStack()->setClean(); // as save() does
    QVERIFY(!d.isModified());
    d.undoStack()->undo(); // before the saved state is modified too
    QVERIFY(d.isModified());
    d.undoStack()->redo();
    QVERIFY(!d.isModified());

    auto fresh = Document::newDocument();
    QVERIFY(!fresh->isModified());
    QCOMPARE(fresh->displayName(), s("untitled"));
    QCOMPARE(bytesOf(*fresh), QByteArray("{\n  \"junction\": 1,\n  \"models\": [],\n  \"associations\": []\n}\n"));
}

void tst_Document::resolvedIsCached()
{
    const auto document = openFixture();
    Document &d = *document;
    const ResolvedSchema *first = &d.resolved();
    QVERIFY(first->tableForEntity(s("Post")));
    const int tables = int(first->tables.size());
    QVERIFY(d.push(Commands::nudgeEntities(d, entityIds({"m-post"}), QPointF(5, 5))));
    QCOMPARE(int(d.resolved().tables.size()), tables); // a move keeps the schema
    QVERIFY(d.push(Commands::renameEntity(d, EntityId(s("m-post")), s("Article"))));
    QVERIFY(d.resolved().tableForEntity(s("Article")));
    QVERIFY(!d.resolved().tableForEntity(s("Post")));
    d.undoStack()->undo();
    QVERIFY(d.resolved().tableForEntity(s("Post")));
}

void tst_Document::idsNeverReused()
{
    const auto document = openFixture();
    Document &d = *document;
    Entity e;
    e.name = s("A");
    QVERIFY(d.push(Commands::addEntity(d, e)));
    QCOMPARE(d.project().entities.last().id.toString(), s("m-1"));
    d.undoStack()->undo();
    QVERIFY(d.push(Commands::addEntity(d, e)));
    QCOMPARE(d.project().entities.last().id.toString(), s("m-2")); // m-1 was handed out

    // The file's ids count even once their element is deleted: Note's attribute was a-3.
    QVERIFY(d.push(Commands::removeEntities(d, entityIds({"m-note"}))));
    Attribute text;
    text.name = s("text");
    QVERIFY(d.push(Commands::addAttribute(d, EntityId(s("m-post")), text)));
    QCOMPARE(d.entity(EntityId(s("m-post")))->attributes.last().id.toString(), s("a-4"));

    // Ids that only `synced` remembers are not taken either.
    Project project;
    project.synced.insert(s("sqlite:x"), QJsonObject{{s("tables"), QJsonObject{{s("m-41"), s("old")}}},
                                                      {s("columns"), QJsonObject{{s("a-9"), s("c")}}}});
    Document other(project);
    Entity f;
    Attribute a;
    f.attributes << a;
    QVERIFY(other.push(Commands::addEntity(other, f)));
    QCOMPARE(other.project().entities.last().id.toString(), s("m-42"));
    QCOMPARE(other.project().entities.last().attributes.first().id.toString(), s("a-10"));
    QCOMPARE(other.project().entities.last().name, s("Model"));
}

void tst_Document::copyPaste()
{
    const auto document = openFixture();
    Document &d = *document;
    const auto mime = Commands::copyEntities(d, entityIds({"m-user", "m-post", "m-note"}));
    QVERIFY(mime);
    QVERIFY(Commands::canPaste(*mime));
    QCOMPARE(mime->text().toUtf8(), mime->data(Commands::fragmentMimeType()));

    // Only the associations among the copied models travel.
    const LoadResult fragment = ProjectReader::readBytes(mime->data(Commands::fragmentMimeType()));
    QVERIFY(fragment.project);
    QStringList copied;
    for (const Association &a : fragment.project->associations)
        copied << a.id.toString();
    QCOMPARE(copied, QStringList({s("as-user-posts"), s("as-post-user"), s("as-7")}));

    QList<EntityId> first, second;
    QVERIFY(d.push(Commands::paste(d, *mime, std::nullopt, &first)));
    QVERIFY(d.push(Commands::paste(d, *mime, std::nullopt, &second)));
    QCOMPARE(first.size(), 3);
    QCOMPARE(d.entity(first.at(0))->name, s("User2"));
    QCOMPARE(d.entity(second.at(0))->name, s("User3"));
    QCOMPARE(d.entity(second.at(0))->tableName, s("users3"));
    // Each paste lands 30 px further, off the boxes already there.
    QCOMPARE(*Layout::modelPosition(d.project().layout, first.at(0)), QPointF(70, 70));
    QCOMPARE(*Layout::modelPosition(d.project().layout, second.at(0)), QPointF(100, 100));

    QSet<QString> ids, names;
    for (const Entity &e : d.project().entities) {
        QVERIFY2(!names.contains(e.name), qPrintable(e.name));
        names.insert(e.name);
        for (const QString &id : QStringList{e.id.toString()}) {
            QVERIFY2(!ids.contains(id), qPrintable(id));
            ids.insert(id);
        }
        for (const Attribute &a : e.attributes) {
            QVERIFY2(!ids.contains(a.id.toString()), qPrintable(a.id.toString()));
            ids.insert(a.id.toString());
        }
    }
    for (const Association &a : d.project().associations) {
        QVERIFY2(!ids.contains(a.id.toString()), qPrintable(a.id.toString()));
        ids.insert(a.id.toString());
        QVERIFY2(names.contains(a.source) && names.contains(a.target), qPrintable(a.id.toString()));
    }
    const Association &pinned = d.project().associations.last();
    QCOMPARE(pinned.source, s("User3"));
    QCOMPARE(pinned.target, s("Note3"));
    QCOMPARE(pinned.as.plural, s("Pinned"));

    // Pasting at a point puts the fragment's top-left corner there.
    QList<EntityId> third;
    QVERIFY(d.push(Commands::paste(d, *mime, QPointF(1000, 1000), &third)));
    QCOMPARE(*Layout::modelPosition(d.project().layout, third.at(0)), QPointF(1000, 1000));
    QCOMPARE(*Layout::modelPosition(d.project().layout, third.at(2)), QPointF(1600, 1260));

    QCOMPARE(d.undoStack()->count(), 3);
    while (d.undoStack()->canUndo())
        d.undoStack()->undo();
    JUNCTION_COMPARE_BYTES(bytesOf(d), readAll(fixturePath()));
}

void tst_Document::pasteIntoAnotherDocument()
{
    const auto source = openFixture();
    const auto mime = Commands::copyEntities(*source, entityIds({"m-user", "m-membership", "m-group"}));
    auto target = Document::newDocument();
    QVERIFY(target->push(Commands::paste(*target, *mime)));
    const Project &p = target->project();
    QCOMPARE(p.entities.size(), 3);
    QCOMPARE(p.entities.at(0).name, s("User")); // free here: kept
    QCOMPARE(p.entities.at(0).tableName, s("users"));
    QCOMPARE(p.associations.size(), 1);
    QCOMPARE(p.associations.at(0).through.name, s("Membership"));
    QCOMPARE(p.associations.at(0).id.toString(), s("as-1"));
}

void tst_Document::deleteListsOrphans()
{
    const auto document = openFixture();
    Document &d = *document;
    auto ids = [](const QList<AssociationId> &list) {
        QStringList out;
        for (const AssociationId &id : list)
            out << id.toString();
        return out;
    };
    QCOMPARE(ids(Commands::orphanedAssociations(d.project(), entityIds({"m-user"}))),
             QStringList({s("as-user-posts"), s("as-post-user"), s("as-user-groups"), s("as-7")}));
    QCOMPARE(ids(Commands::orphanedAssociations(d.project(), entityIds({"m-membership"}))),
             QStringList({s("as-user-groups")}));
    QCOMPARE(ids(Commands::orphanedAssociations(d.project(), entityIds({"m-tag", "m-note"}))),
             QStringList({s("as-post-tags"), s("as-tag-posts"), s("as-7")}));
    QVERIFY(Commands::orphanedAssociations(d.project(), {}).isEmpty());

    QVERIFY(d.push(Commands::removeEntities(d, entityIds({"m-user", "m-tag"}))));
    QCOMPARE(d.undoStack()->count(), 1);
    QCOMPARE(d.project().entities.size(), 4);
    QCOMPARE(d.project().associations.size(), 0);
    d.undoStack()->undo();
    JUNCTION_COMPARE_BYTES(bytesOf(d), readAll(fixturePath()));
}

void tst_Document::renameRewritesAssociations()
{
    const auto document = openFixture();
    Document &d = *document;
    QVERIFY(d.push(Commands::renameEntity(d, EntityId(s("m-group")), s("Team"))));
    const Association *a = d.association(AssociationId(s("as-user-groups")));
    QCOMPARE(a->target, s("Team"));
    QCOMPARE(d.undoStack()->text(0), s("Rename model Group to Team"));
    d.undoStack()->undo();
    QCOMPARE(d.association(AssociationId(s("as-user-groups")))->target, s("Group"));
    JUNCTION_COMPARE_BYTES(bytesOf(d), readAll(fixturePath()));

    // Two models sharing a name (a broken file): neither one's references are guessed at.
    Project broken = d.project();
    broken.entities[1].name = s("User");
    Document twins(broken);
    QVERIFY(twins.push(Commands::renameEntity(twins, EntityId(s("m-post")), s("Post"))));
    QCOMPARE(twins.association(AssociationId(s("as-user-posts")))->source, s("User"));
    QCOMPARE(twins.association(AssociationId(s("as-user-posts")))->target, s("Post"));
}

void tst_Document::placeUnpositioned()
{
    const auto document = openFixture();
    Document &d = *document;
    QVERIFY(!Commands::placeUnpositionedEntities(d)); // all placed

    Project project = d.project();
    QJsonObject models = project.layout.value(s("models")).toObject();
    models.remove(s("m-tag"));
    models.remove(s("m-note"));
    project.layout.insert(s("models"), models);
    Document partly(project);
    QVERIFY(partly.push(Commands::placeUnpositionedEntities(partly)));
    const auto tag = Layout::modelPosition(partly.project().layout, EntityId(s("m-tag")));
    const auto note = Layout::modelPosition(partly.project().layout, EntityId(s("m-note")));
    QVERIFY(tag && note);
    // Below everything that was placed (Membership and Group at y 300, the highest box).
    const double bottom = 300 + estimatedBoxSize(*partly.entity(EntityId(s("m-membership")))).height();
    QVERIFY2(tag->y() > bottom && note->y() > bottom, "placed below the others");
    QCOMPARE(*Layout::modelPosition(partly.project().layout, EntityId(s("m-user"))), QPointF(40, 40));
    partly.undoStack()->undo();
    QVERIFY(!Layout::modelPosition(partly.project().layout, EntityId(s("m-tag"))));
}

// A layout section an edit creates goes again on undo: the file had no "layout" at all.
void tst_Document::layoutSectionsComeAndGo()
{
    auto document = Document::newDocument();
    Document &d = *document;
    const QByteArray empty = bytesOf(d);
    Entity a, b;
    a.name = s("A");
    b.name = s("B");
    QVERIFY(d.push(Commands::addEntity(d, a, QPointF(0, 0))));
    QVERIFY(d.push(Commands::addEntity(d, b)));
    Association link;
    link.source = s("A");
    link.target = s("B");
    QVERIFY(d.push(Commands::addAssociation(d, link)));
    const QByteArray before = bytesOf(d);
    QVERIFY(d.push(Commands::setAssociationBends(d, AssociationId(s("as-1")), {QPointF(3, 4)})));
    QVERIFY(d.project().layout.contains(s("associations")));
    d.undoStack()->undo();
    QVERIFY(!d.project().layout.contains(s("associations")));
    JUNCTION_COMPARE_BYTES(bytesOf(d), before);
    while (d.undoStack()->canUndo())
        d.undoStack()->undo();
    QVERIFY(d.project().layout.isEmpty());
    JUNCTION_COMPARE_BYTES(bytesOf(d), empty);
}

void tst_Document::uniqueNames_data()
{
    QTest::addColumn<QStringList>("taken");
    QTest::addColumn<QStringList>("wanted");
    QTest::addColumn<QStringList>("given");
    const QStringList hundred = [] {
        QStringList names;
        for (int i = 0; i < 100; ++i)
            names << QStringLiteral("Model%1").arg(i);
        return names;
    }();
    QTest::newRow("free") << QStringList{s("User")} << QStringList{s("Post")} << QStringList{s("Post")};
    QTest::newRow("taken") << QStringList{s("User")} << QStringList{s("User")} << QStringList{s("User2")};
    QTest::newRow("numbered") << QStringList{s("User2")} << QStringList{s("User2")} << QStringList{s("User3")};
    QTest::newRow("counts on") << QStringList{s("Model10"), s("Model11")} << QStringList{s("Model10")}
                               << QStringList{s("Model12")};
    QTest::newRow("digits only") << QStringList{s("2024")} << QStringList{s("2024")} << QStringList{s("20242")};
    QTest::newRow("empty") << QStringList{} << QStringList{s("")} << QStringList{s("Model")};
    QTest::newRow("each taken as given") << QStringList{s("User")} << QStringList{s("User"), s("User"), s("User2")}
                                         << QStringList{s("User2"), s("User3"), s("User4")};
    QTest::newRow("a run of numbers") << hundred << QStringList{s("Model7"), s("Model14"), s("Model3"), s("Model")}
                                      << QStringList{s("Model100"), s("Model101"), s("Model102"), s("Model")};
}

void tst_Document::uniqueNames()
{
    QFETCH(QStringList, taken);
    QFETCH(QStringList, wanted);
    QFETCH(QStringList, given);
    const QSet<QString> takenSet(taken.cbegin(), taken.cend());
    QCOMPARE(uniqueName(wanted.first(), takenSet), given.first());
    UniqueNames names(takenSet);
    QStringList out;
    for (const QString &name : wanted)
        out << names.take(name);
    QCOMPARE(out, given);
}

QTEST_GUILESS_MAIN(tst_Document)
#include "tst_document.moc"
