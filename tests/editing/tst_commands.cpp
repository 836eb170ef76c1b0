// SPDX-License-Identifier: MIT
// Every command kind against the fixture, one row each: apply gives the expected project,
// undo the exact start, redo the exact end, in one undo step with the right change mask.
// Typing and nudges merge into one step; refused edits build no command.
#include "documenttestsupport.h"

#include "autolayout.h"
#include "commands/associationcommands.h"
#include "commands/attributecommands.h"
#include "commands/clipboard.h"
#include "commands/entitycommands.h"
#include "commands/indexcommands.h"
#include "commands/layoutcommands.h"
#include "commands/projectcommands.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QStandardPaths>

#include <functional>

using namespace Junction;
using namespace Junction::Testing;

using MakeCommand = std::function<std::unique_ptr<QUndoCommand>(Document &)>;
using EditProject = std::function<void(Project &)>;
using Script = std::function<void(Document &)>;
Q_DECLARE_METATYPE(MakeCommand)
Q_DECLARE_METATYPE(EditProject)
Q_DECLARE_METATYPE(Script)

namespace {

Entity &entityNamed(Project &project, const QString &name)
{
    for (Entity &e : project.entities) {
        if (e.name == name)
            return e;
    }
    qFatal("no model %s", qPrintable(name));
}

Association &associationWithId(Project &project, const QString &id)
{
    for (Association &a : project.associations) {
        if (a.id.toString() == id)
            return a;
    }
    qFatal("no association %s", qPrintable(id));
}

Attribute &attributeWithId(Entity &entity, const QString &id)
{
    for (Attribute &a : entity.attributes) {
        if (a.id.toString() == id)
            return a;
    }
    qFatal("no attribute %s", qPrintable(id));
}

void setLayoutEntry(Project &project, const QString &section, const QString &id,
                    const QJsonValue &value)
{
    QJsonObject keyed = project.layout.value(section).toObject();
    if (value.isUndefined())
        keyed.remove(id);
    else
        keyed.insert(id, value);
    project.layout.insert(section, keyed);
}

void setPosition(Project &project, const QString &id, double x, double y)
{
    setLayoutEntry(project, s("models"), id, QJsonObject{{s("x"), x}, {s("y"), y}});
}

void removeAssociation(Project &project, const QString &id)
{
    project.associations.removeIf([&](const Association &a) { return a.id.toString() == id; });
}

// A command and its expected edit from one description of the change, so the row states it
// once: `mutate` edits the association in the expected project and in the copy committed.
void associationRow(const char *name, const QString &id, Commands::AssociationField field,
                    const std::function<void(Association &)> &mutate,
                    Changes changes = Change::AssociationFields)
{
    const MakeCommand make = [=](Document &d) {
        Association edited = *d.association(AssociationId(id));
        mutate(edited);
        return Commands::editAssociation(d, edited, field);
    };
    const EditProject expect = [=](Project &p) { mutate(associationWithId(p, id)); };
    QTest::newRow(name) << make << expect << int(changes.toInt());
}

void attributeRow(const char *name, const QString &entity, const QString &id,
                  Commands::AttributeField field, const std::function<void(Attribute &)> &mutate,
                  Changes changes = Change::Attributes, const EditProject &alsoExpect = {})
{
    const MakeCommand make = [=](Document &d) {
        Entity copy = *d.entity(EntityId(entity));
        Attribute edited = attributeWithId(copy, id);
        mutate(edited);
        return Commands::editAttribute(d, EntityId(entity), edited, field);
    };
    const EditProject expect = [=](Project &p) {
        for (Entity &e : p.entities) {
            if (e.id.toString() == entity)
                mutate(attributeWithId(e, id));
        }
        if (alsoExpect)
            alsoExpect(p);
    };
    QTest::newRow(name) << make << expect << int(changes.toInt());
}

void optionRow(const char *name, const QString &entity, Commands::EntityOption option,
               const std::function<void(Entity &)> &mutate)
{
    const MakeCommand make = [=](Document &d) {
        Entity edited = *d.entity(EntityId(entity));
        mutate(edited);
        return Commands::editEntityOptions(d, EntityId(entity), edited, option);
    };
    const EditProject expect = [=](Project &p) {
        for (Entity &e : p.entities) {
            if (e.id.toString() == entity)
                mutate(e);
        }
    };
    QTest::newRow(name) << make << expect << int(Changes(Change::EntityOptions).toInt());
}

} // namespace

class tst_Commands : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void commands_data();
    void commands();
    void merging_data();
    void merging();
    void mergingStops();
    void refusedEdits();
    void unchangedEditsPushNothing();
};

void tst_Commands::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // The fixture is in canonical form, so byte comparisons below compare content.
    const auto document = openFixture();
    JUNCTION_COMPARE_BYTES(bytesOf(*document), readAll(fixturePath()));
}

void tst_Commands::commands_data()
{
    QTest::addColumn<MakeCommand>("make");
    QTest::addColumn<EditProject>("expect");
    QTest::addColumn<int>("changes");
    using C = Change;
    auto flags = [](Changes c) { return int(c.toInt()); };

    // Models
    QTest::newRow("add model")
        << MakeCommand([](Document &d) {
               Entity e;
               e.name = s("Comment");
               Attribute text;
               text.name = s("text");
               text.type = s("TEXT");
               e.attributes << text;
               return Commands::addEntity(d, e, QPointF(940, 40));
           })
        << EditProject([](Project &p) {
               Entity e;
               e.id = EntityId(s("m-1")); // no m-<n> in the file yet
               e.name = s("Comment");
               Attribute text;
               text.id = AttributeId(s("a-4")); // after a-3
               text.name = s("text");
               text.type = s("TEXT");
               e.attributes << text;
               p.entities << e;
               setPosition(p, s("m-1"), 940, 40);
           })
        << flags(C::EntitiesAdded | C::ModelPositions);
    QTest::newRow("add model with a taken name, at the front")
        << MakeCommand([](Document &d) {
               Entity e;
               e.name = s("User");
               return Commands::addEntity(d, e, std::nullopt, 0);
           })
        << EditProject([](Project &p) {
               Entity e;
               e.id = EntityId(s("m-1"));
               e.name = s("User2");
               p.entities.prepend(e);
           })
        << flags(C::EntitiesAdded);
    QTest::newRow("delete model with its associations")
        << MakeCommand([](Document &d) { return Commands::removeEntities(d, entityIds({"m-post"})); })
        << EditProject([](Project &p) {
               for (const char *id : {"as-user-posts", "as-post-user", "as-post-tags", "as-tag-posts"})
                   removeAssociation(p, s(id));
               p.entities.removeAt(1);
               setLayoutEntry(p, s("models"), s("m-post"), QJsonValue::Undefined);
               setLayoutEntry(p, s("associations"), s("as-user-posts"), QJsonValue::Undefined);
           })
        << flags(C::EntitiesRemoved | C::ModelPositions | C::AssociationsRemoved
                 | C::AssociationBends);
    QTest::newRow("delete a through model and a target")
        << MakeCommand([](Document &d) {
               return Commands::removeEntities(d, entityIds({"m-note", "m-membership"}));
           })
        << EditProject([](Project &p) {
               removeAssociation(p, s("as-user-groups"));
               removeAssociation(p, s("as-7"));
               p.entities.removeAt(5);
               p.entities.removeAt(3);
               setLayoutEntry(p, s("models"), s("m-note"), QJsonValue::Undefined);
               setLayoutEntry(p, s("models"), s("m-membership"), QJsonValue::Undefined);
           })
        << flags(C::EntitiesRemoved | C::ModelPositions | C::AssociationsRemoved);
    QTest::newRow("rename model")
        << MakeCommand([](Document &d) { return Commands::renameEntity(d, EntityId(s("m-user")), s("Person")); })
        << EditProject([](Project &p) {
               entityNamed(p, s("User")).name = s("Person");
               associationWithId(p, s("as-user-posts")).source = s("Person");
               associationWithId(p, s("as-post-user")).target = s("Person");
               associationWithId(p, s("as-user-groups")).source = s("Person");
               associationWithId(p, s("as-7")).source = s("Person");
           })
        << flags(C::EntityName | C::AssociationFields);
    QTest::newRow("rename through model")
        << MakeCommand([](Document &d) { return Commands::renameEntity(d, EntityId(s("m-membership")), s("Member")); })
        << EditProject([](Project &p) {
               entityNamed(p, s("Membership")).name = s("Member");
               associationWithId(p, s("as-user-groups")).through.name = s("Member");
           })
        << flags(C::EntityName | C::AssociationFields);
    optionRow("table name", s("m-post"), Commands::EntityOption::TableName,
              [](Entity &e) { e.tableName = s("articles"); });
    optionRow("clear table name", s("m-user"), Commands::EntityOption::TableName,
              [](Entity &e) { e.tableName.clear(); });
    optionRow("timestamps", s("m-post"), Commands::EntityOption::Timestamps,
              [](Entity &e) { e.timestamps = false; });
    optionRow("underscored", s("m-post"), Commands::EntityOption::Underscored,
              [](Entity &e) { e.underscored = true; });
    optionRow("underscoredAll", s("m-post"), Commands::EntityOption::UnderscoredAll,
              [](Entity &e) { e.underscoredAll = true; });
    optionRow("freezeTableName", s("m-tag"), Commands::EntityOption::FreezeTableName,
              [](Entity &e) { e.freezeTableName = true; });
    optionRow("paranoid", s("m-tag"), Commands::EntityOption::Paranoid,
              [](Entity &e) { e.paranoid = true; });
    optionRow("model comment", s("m-user"), Commands::EntityOption::Comment,
              [](Entity &e) { e.comment = s("Accounts"); });

    // Attributes
    QTest::newRow("add attribute")
        << MakeCommand([](Document &d) {
               Attribute a;
               a.name = s("slug");
               return Commands::addAttribute(d, EntityId(s("m-post")), a, 1);
           })
        << EditProject([](Project &p) {
               Attribute a;
               a.id = AttributeId(s("a-4"));
               a.name = s("slug");
               a.type = s("STRING");
               entityNamed(p, s("Post")).attributes.insert(1, a);
           })
        << flags(C::Attributes);
    QTest::newRow("remove attributes")
        << MakeCommand([](Document &d) {
               return Commands::removeAttributes(d, EntityId(s("m-user")),
                                                 {AttributeId(s("a-user-name")), AttributeId(s("a-user-email"))});
           })
        << EditProject([](Project &p) { entityNamed(p, s("User")).attributes.remove(1, 2); })
        << flags(C::Attributes);
    QTest::newRow("reorder attribute")
        << MakeCommand([](Document &d) {
               return Commands::moveAttribute(d, EntityId(s("m-user")), AttributeId(s("a-user-name")), 0);
           })
        << EditProject([](Project &p) { entityNamed(p, s("User")).attributes.move(2, 0); })
        << flags(C::Attributes);
    attributeRow("attribute name", s("m-post"), s("a-post-body"), Commands::AttributeField::Name,
                 [](Attribute &a) { a.name = s("content"); });
    attributeRow("attribute rename rewrites index and targetKey", s("m-user"), s("a-user-email"),
                 Commands::AttributeField::Name, [](Attribute &a) { a.name = s("mail"); },
                 C::Attributes | C::Indexes | C::AssociationFields, [](Project &p) {
                     entityNamed(p, s("User")).indexes[0].fields[0] = s("mail");
                     associationWithId(p, s("as-post-user")).targetKey = s("mail");
                 });
    attributeRow("attribute field", s("m-post"), s("a-post-body"), Commands::AttributeField::Field,
                 [](Attribute &a) { a.field = s("post_body"); });
    attributeRow("attribute type", s("m-post"), s("a-post-body"), Commands::AttributeField::Type,
                 [](Attribute &a) { a.type = s("STRING(4000)"); });
    attributeRow("attribute allowNull", s("m-post"), s("a-post-title"), Commands::AttributeField::AllowNull,
                 [](Attribute &a) { a.allowNull.reset(); });
    attributeRow("attribute primaryKey", s("m-tag"), s("a-tag-label"), Commands::AttributeField::PrimaryKey,
                 [](Attribute &a) { a.primaryKey = true; });
    attributeRow("attribute autoIncrement", s("m-user"), s("a-user-id"), Commands::AttributeField::AutoIncrement,
                 [](Attribute &a) { a.autoIncrement = false; });
    attributeRow("attribute unique group", s("m-tag"), s("a-tag-label"), Commands::AttributeField::Unique,
                 [](Attribute &a) { a.unique = false; a.uniqueGroup = s("label_scope"); });
    attributeRow("attribute default", s("m-post"), s("a-post-title"), Commands::AttributeField::DefaultValue,
                 [](Attribute &a) { a.defaultValue.kind = DefaultValue::Kind::String; a.defaultValue.text = s("Untitled"); });
    attributeRow("attribute default fn", s("m-membership"), s("a-membership-role"), Commands::AttributeField::DefaultValue,
                 [](Attribute &a) { a.defaultValue = {}; a.defaultValue.kind = DefaultValue::Kind::Function; a.defaultValue.text = s("NOW"); });
    attributeRow("attribute comment", s("m-note"), s("a-3"), Commands::AttributeField::Comment,
                 [](Attribute &a) { a.comment = s("Markdown"); });

    // Associations
    QTest::newRow("add association")
        << MakeCommand([](Document &d) {
               Association a;
               a.type = AssociationType::BelongsTo;
               a.source = s("Note");
               a.target = s("User");
               return Commands::addAssociation(d, a);
           })
        << EditProject([](Project &p) {
               Association a;
               a.id = AssociationId(s("as-8")); // after as-7
               a.type = AssociationType::BelongsTo;
               a.source = s("Note");
               a.target = s("User");
               p.associations << a;
           })
        << flags(C::AssociationsAdded);
    QTest::newRow("remove association with its bend")
        << MakeCommand([](Document &d) {
               return Commands::removeAssociations(d, {AssociationId(s("as-user-posts")), AssociationId(s("as-7"))});
           })
        << EditProject([](Project &p) {
               removeAssociation(p, s("as-user-posts"));
               removeAssociation(p, s("as-7"));
               setLayoutEntry(p, s("associations"), s("as-user-posts"), QJsonValue::Undefined);
           })
        << flags(C::AssociationsRemoved | C::AssociationBends);
    using F = Commands::AssociationField;
    associationRow("association type", s("as-7"), F::Type, [](Association &a) { a.type = AssociationType::HasMany; });
    associationRow("association source", s("as-7"), F::Source, [](Association &a) { a.source = s("Group"); });
    associationRow("association target", s("as-7"), F::Target, [](Association &a) { a.target = s("Tag"); });
    associationRow("association as", s("as-user-posts"), F::As, [](Association &a) { a.as.plural = s("Articles"); });
    associationRow("association as object", s("as-user-posts"), F::As, [](Association &a) {
        a.as.isObject = true;
        a.as.singular = s("Article");
        a.as.plural = s("Articles");
    });
    associationRow("association foreignKey", s("as-user-posts"), F::ForeignKey, [](Association &a) {
        a.foreignKey.isSet = true;
        a.foreignKey.name = s("authorId");
    });
    associationRow("association foreignKey object", s("as-user-posts"), F::ForeignKey, [](Association &a) {
        a.foreignKey.isSet = true;
        a.foreignKey.isObject = true;
        a.foreignKey.name = s("authorId");
        a.foreignKey.allowNull = false;
    });
    associationRow("association targetKey", s("as-post-user"), F::TargetKey, [](Association &a) { a.targetKey = s("id"); });
    associationRow("association sourceKey", s("as-user-posts"), F::SourceKey, [](Association &a) { a.sourceKey = s("email"); });
    associationRow("association otherKey", s("as-post-tags"), F::OtherKey, [](Association &a) {
        a.otherKey.isSet = true;
        a.otherKey.name = s("labelId");
    });
    associationRow("association through", s("as-post-tags"), F::Through, [](Association &a) { a.through.name = s("Taggings"); });
    associationRow("association constraints", s("as-7"), F::Constraints, [](Association &a) { a.constraints = false; });
    associationRow("association onDelete", s("as-post-user"), F::OnDelete, [](Association &a) { a.onDelete = s("CASCADE"); });
    associationRow("association onUpdate", s("as-post-user"), F::OnUpdate, [](Association &a) { a.onUpdate = s("RESTRICT"); });
    associationRow("association timestamps", s("as-post-tags"), F::Timestamps, [](Association &a) { a.timestamps = false; });
    associationRow("association comment", s("as-7"), F::Comment, [](Association &a) { a.comment = s("shown first"); });

    // Layout
    QTest::newRow("move models")
        << MakeCommand([](Document &d) {
               return Commands::moveEntities(d, {{EntityId(s("m-post")), QPointF(400.5, 90)},
                                                 {EntityId(s("m-user")), QPointF(100, 120)}});
           })
        << EditProject([](Project &p) {
               setPosition(p, s("m-user"), 100, 120);
               setPosition(p, s("m-post"), 400.5, 90);
           })
        << flags(C::ModelPositions);
    QTest::newRow("nudge models")
        << MakeCommand([](Document &d) {
               return Commands::nudgeEntities(d, entityIds({"m-user", "m-tag"}), QPointF(10, 0));
           })
        << EditProject([](Project &p) {
               setPosition(p, s("m-user"), 50, 40);
               setPosition(p, s("m-tag"), 650, 40);
           })
        << flags(C::ModelPositions);
    QTest::newRow("bend association")
        << MakeCommand([](Document &d) {
               return Commands::setAssociationBends(d, AssociationId(s("as-post-user")), {QPointF(1, 2), QPointF(3, 4)});
           })
        << EditProject([](Project &p) {
               setLayoutEntry(p, s("associations"), s("as-post-user"),
                              QJsonObject{{s("bend"), QJsonArray{QJsonArray{1, 2}, QJsonArray{3, 4}}}});
           })
        << flags(C::AssociationBends);
    QTest::newRow("straighten association")
        << MakeCommand([](Document &d) { return Commands::setAssociationBends(d, AssociationId(s("as-user-posts")), {}); })
        << EditProject([](Project &p) {
               setLayoutEntry(p, s("associations"), s("as-user-posts"), QJsonValue::Undefined);
           })
        << flags(C::AssociationBends);
    QTest::newRow("align left")
        << MakeCommand([](Document &d) {
               return Commands::alignEntities(d, entityIds({"m-user", "m-post", "m-group"}), Commands::Alignment::Left);
           })
        << EditProject([](Project &p) {
               setPosition(p, s("m-post"), 40, 40);
               setPosition(p, s("m-group"), 40, 300);
           })
        << flags(C::ModelPositions);
    QTest::newRow("align top")
        << MakeCommand([](Document &d) {
               return Commands::alignEntities(d, entityIds({"m-post", "m-group", "m-note"}), Commands::Alignment::Top);
           })
        << EditProject([](Project &p) {
               setPosition(p, s("m-group"), 340, 40);
               setPosition(p, s("m-note"), 640, 40);
           })
        << flags(C::ModelPositions);
    QTest::newRow("align bottom")
        << MakeCommand([](Document &d) {
               // Boxes of 100 px and 200 px: the bottom edges meet at 300 + 200.
               return Commands::alignEntities(d, entityIds({"m-post", "m-group"}), Commands::Alignment::Bottom,
                                              [](const Entity &e) { return QSizeF(150, e.name == s("Post") ? 100 : 200); });
           })
        << EditProject([](Project &p) { setPosition(p, s("m-post"), 340, 400); })
        << flags(C::ModelPositions);
    QTest::newRow("align right")
        << MakeCommand([](Document &d) {
               return Commands::alignEntities(d, entityIds({"m-user", "m-post"}), Commands::Alignment::Right,
                                              [](const Entity &e) { return QSizeF(e.name == s("User") ? 200 : 100, 80); });
           })
        << EditProject([](Project &p) { setPosition(p, s("m-user"), 240, 40); })
        << flags(C::ModelPositions);
    QTest::newRow("align horizontal centre")
        << MakeCommand([](Document &d) {
               return Commands::alignEntities(d, entityIds({"m-user", "m-membership"}), Commands::Alignment::HorizontalCenter,
                                              [](const Entity &e) { return QSizeF(e.name == s("User") ? 200 : 100, 80); });
           })
        << EditProject([](Project &p) { setPosition(p, s("m-membership"), 90, 300); })
        << flags(C::ModelPositions);
    QTest::newRow("align vertical centre")
        << MakeCommand([](Document &d) {
               return Commands::alignEntities(d, entityIds({"m-user", "m-post"}), Commands::Alignment::VerticalCenter,
                                              [](const Entity &e) { return QSizeF(100, e.name == s("User") ? 100 : 40); });
           })
        << EditProject([](Project &p) { setPosition(p, s("m-post"), 340, 70); })
        << flags(C::ModelPositions);
    QTest::newRow("distribute horizontally")
        << MakeCommand([](Document &d) {
               // Estimated widths 228, 140, 140 between x 40 and 780: gaps of 116.
               return Commands::distributeEntities(d, entityIds({"m-note", "m-group", "m-membership"}), Qt::Horizontal);
           })
        << EditProject([](Project &p) { setPosition(p, s("m-group"), 384, 300); })
        << flags(C::ModelPositions);
    QTest::newRow("distribute vertically")
        << MakeCommand([](Document &d) {
               d.push(Commands::moveEntities(d, {{EntityId(s("m-post")), QPointF(40, 500)}}));
               d.undoStack()->clear(); // the arrangement to start from, not under test
               return Commands::distributeEntities(d, entityIds({"m-user", "m-membership", "m-post"}), Qt::Vertical,
                                                   [](const Entity &) { return QSizeF(100, 100); });
           })
        << EditProject([](Project &p) {
               setPosition(p, s("m-post"), 40, 500);
               // 40..600 with three boxes of 100: gaps of 130.
               setPosition(p, s("m-membership"), 40, 270);
           })
        << flags(C::ModelPositions);
    QTest::newRow("auto-layout")
        << MakeCommand([](Document &d) { return Commands::autoLayoutEntities(d); })
        << EditProject([](Project &p) {
               const QList<QPointF> positions = autoLayout(p, resolve(p));
               for (int i = 0; i < p.entities.size(); ++i)
                   setPosition(p, p.entities.at(i).id.toString(), positions.at(i).x(), positions.at(i).y());
           })
        << flags(C::ModelPositions);

    QTest::newRow("auto-layout computed in a worker")
        << MakeCommand([](Document &d) {
               const Project copy = d.project(); // what a worker thread would get
               const QList<QPointF> positions = autoLayout(copy, resolve(copy));
               QList<std::pair<EntityId, QPointF>> byId;
               for (int i = 0; i < copy.entities.size(); ++i)
                   byId.append({copy.entities.at(i).id, positions.at(i)});
               auto command = Commands::moveEntities(d, byId, s("Auto-layout"));
               if (command->text() != s("Auto-layout"))
                   command.reset();
               return command;
           })
        << EditProject([](Project &p) {
               const QList<QPointF> positions = autoLayout(p, resolve(p));
               for (int i = 0; i < p.entities.size(); ++i)
                   setPosition(p, p.entities.at(i).id.toString(), positions.at(i).x(), positions.at(i).y());
           })
        << flags(C::ModelPositions);

    // Clipboard
    QTest::newRow("paste")
        << MakeCommand([](Document &d) {
               return Commands::pasteFragment(d, Commands::copyFragment(d, entityIds({"m-post", "m-user"})));
           })
        << EditProject([](Project &p) {
               Entity user = entityNamed(p, s("User"));
               user.id = EntityId(s("m-1"));
               user.name = s("User2");
               user.tableName = s("users2");
               for (int i = 0; i < user.attributes.size(); ++i)
                   user.attributes[i].id = AttributeId(QStringLiteral("a-%1").arg(4 + i));
               Entity post = entityNamed(p, s("Post"));
               post.id = EntityId(s("m-2"));
               post.name = s("Post2");
               post.attributes[0].id = AttributeId(s("a-7"));
               post.attributes[1].id = AttributeId(s("a-8"));
               p.entities << user << post;
               Association hasMany = associationWithId(p, s("as-user-posts"));
               hasMany.id = AssociationId(s("as-8"));
               hasMany.source = s("User2");
               hasMany.target = s("Post2");
               Association belongsTo = associationWithId(p, s("as-post-user"));
               belongsTo.id = AssociationId(s("as-9"));
               belongsTo.source = s("Post2");
               belongsTo.target = s("User2");
               p.associations << hasMany << belongsTo;
               setPosition(p, s("m-1"), 70, 70);
               setPosition(p, s("m-2"), 370, 70);
               setLayoutEntry(p, s("associations"), s("as-8"), QJsonObject{{s("bend"), QJsonArray{QJsonArray{230, 50}}}});
           })
        << flags(C::EntitiesAdded | C::AssociationsAdded | C::ModelPositions | C::AssociationBends);
    QTest::newRow("duplicate with a junction table")
        << MakeCommand([](Document &d) { return Commands::duplicateEntities(d, entityIds({"m-tag", "m-post"})); })
        << EditProject([](Project &p) {
               Entity post = entityNamed(p, s("Post"));
               post.id = EntityId(s("m-1"));
               post.name = s("Post2");
               post.attributes[0].id = AttributeId(s("a-4"));
               post.attributes[1].id = AttributeId(s("a-5"));
               Entity tag = entityNamed(p, s("Tag"));
               tag.id = EntityId(s("m-2"));
               tag.name = s("Tag2");
               tag.attributes[0].id = AttributeId(s("a-6"));
               p.entities << post << tag;
               Association postTags = associationWithId(p, s("as-post-tags"));
               postTags.id = AssociationId(s("as-8"));
               postTags.source = s("Post2");
               postTags.target = s("Tag2");
               postTags.through.name = s("PostTags2");
               Association tagPosts = associationWithId(p, s("as-tag-posts"));
               tagPosts.id = AssociationId(s("as-9"));
               tagPosts.source = s("Tag2");
               tagPosts.target = s("Post2");
               tagPosts.through.name = s("PostTags2");
               p.associations << postTags << tagPosts;
               setPosition(p, s("m-1"), 370, 70);
               setPosition(p, s("m-2"), 670, 70);
           })
        << flags(C::EntitiesAdded | C::AssociationsAdded | C::ModelPositions);

    // Project
    QTest::newRow("rename project")
        << MakeCommand([](Document &d) { return Commands::renameProject(d, s("Community")); })
        << EditProject([](Project &p) { p.name = s("Community"); })
        << flags(C::ProjectName);
    QTest::newRow("define")
        << MakeCommand([](Document &d) {
               DefineOptions define = d.project().define;
               define.underscored = true;
               define.paranoid = true;
               return Commands::editDefine(d, define);
           })
        << EditProject([](Project &p) {
               p.define.underscored = true;
               p.define.paranoid = true;
           })
        << flags(C::Define);
    QTest::newRow("connections") << MakeCommand([](Document &d) {
        SavedConnection c;
        c.name = s("local");
        c.engine = s("sqlite");
        c.database = s("blog.db");
        return Commands::editConnections(d, {c});
    }) << EditProject([](Project &p) {
        SavedConnection c;
        c.name = s("local");
        c.engine = s("sqlite");
        c.database = s("blog.db");
        p.connections = {c};
    }) << flags(C::Connections);
    QTest::newRow("record sync") << MakeCommand([](Document &d) {
        QJsonObject synced = d.project().synced;
        synced.insert(s("sqlite:blog.db"), QJsonObject {{s("at"), s("2026-11-25T10:00:00Z")}});
        return Commands::recordSync(d, synced, s("sqlite:blog.db"));
    }) << EditProject([](Project &p) {
        p.synced.insert(s("sqlite:blog.db"), QJsonObject {{s("at"), s("2026-11-25T10:00:00Z")}});
    }) << flags(C::Synced);

    // Indexes
    QTest::newRow("add index") << MakeCommand([](Document &d) {
        Index index;
        index.fields = {s("title"), s("body")};
        index.unique = true;
        return Commands::addIndex(d, EntityId(s("m-post")), index);
    }) << EditProject([](Project &p) {
        Index index;
        index.fields = {s("title"), s("body")};
        index.unique = true;
        entityNamed(p, s("Post")).indexes << index;
    }) << flags(C::Indexes);
    QTest::newRow("edit index fields") << MakeCommand([](Document &d) {
        Index index = d.entity(EntityId(s("m-user")))->indexes.at(0);
        index.fields = {s("name")};
        return Commands::editIndex(d, EntityId(s("m-user")), 0, index, Commands::IndexField::Fields);
    }) << EditProject([](Project &p) {
        entityNamed(p, s("User")).indexes[0].fields = {s("name")};
    }) << flags(C::Indexes);
    QTest::newRow("rename index") << MakeCommand([](Document &d) {
        Index index = d.entity(EntityId(s("m-user")))->indexes.at(0);
        index.name.clear(); // the derived name
        return Commands::editIndex(d, EntityId(s("m-user")), 0, index, Commands::IndexField::Name);
    }) << EditProject([](Project &p) {
        entityNamed(p, s("User")).indexes[0].name.clear();
    }) << flags(C::Indexes);
    QTest::newRow("remove index") << MakeCommand([](Document &d) {
        return Commands::removeIndex(d, EntityId(s("m-user")), 0);
    }) << EditProject([](Project &p) {
        entityNamed(p, s("User")).indexes.clear();
    }) << flags(C::Indexes);
}

void tst_Commands::commands()
{
    QFETCH(MakeCommand, make);
    QFETCH(EditProject, expect);
    QFETCH(int, changes);

    const auto document = openFixture();
    std::unique_ptr<QUndoCommand> command = make(*document);
    QVERIFY2(command, "no command built");
    const QByteArray start = bytesOf(*document);
    Project expected = document->project();
    expect(expected);
    const QByteArray end = bytesOf(expected);
    QVERIFY2(start != end, "the row expects no change");

    Changes seen;
    connect(document.get(), &Document::changed, this,
            [&](const ChangeSet &set) { seen |= set.changes; });
    QVERIFY(document->push(std::move(command)));
    JUNCTION_COMPARE_BYTES(bytesOf(*document), end);
    QCOMPARE(document->undoStack()->count(), 1);
    QCOMPARE(seen.toInt(), uint(changes));
    QVERIFY(document->isModified());

    document->undoStack()->undo();
    JUNCTION_COMPARE_BYTES(bytesOf(*document), start);
    QVERIFY(!document->isModified());
    document->undoStack()->redo();
    JUNCTION_COMPARE_BYTES(bytesOf(*document), end);
    document->undoStack()->undo();
    JUNCTION_COMPARE_BYTES(bytesOf(*document), start);
}

void tst_Commands::merging_data()
{
    QTest::addColumn<Script>("script");
    QTest::addColumn<EditProject>("expect");

    QTest::newRow("typing a model name")
        << Script([](Document &d) {
               for (const char *name : {"P", "Pe", "Per", "Pers", "Person"})
                   QVERIFY(d.push(Commands::renameEntity(d, EntityId(s("m-user")), s(name))));
           })
        << EditProject([](Project &p) {
               entityNamed(p, s("User")).name = s("Person");
               associationWithId(p, s("as-user-posts")).source = s("Person");
               associationWithId(p, s("as-post-user")).target = s("Person");
               associationWithId(p, s("as-user-groups")).source = s("Person");
               associationWithId(p, s("as-7")).source = s("Person");
           });
    QTest::newRow("typing an attribute name")
        << Script([](Document &d) {
               for (const char *name : {"e", "em", "ema", "emai", "email2"}) {
                   Attribute a = d.entity(EntityId(s("m-user")))->attributes.at(1);
                   a.name = s(name);
                   QVERIFY(d.push(Commands::editAttribute(d, EntityId(s("m-user")), a, Commands::AttributeField::Name)));
               }
           })
        << EditProject([](Project &p) {
               Entity &user = entityNamed(p, s("User"));
               user.attributes[1].name = s("email2");
               user.indexes[0].fields[0] = s("email2");
               associationWithId(p, s("as-post-user")).targetKey = s("email2");
           });
    QTest::newRow("typing an attribute type")
        << Script([](Document &d) {
               for (const char *type : {"S", "ST", "STRING", "STRING(", "STRING(80)"}) {
                   Attribute a = d.entity(EntityId(s("m-post")))->attributes.at(0);
                   a.type = s(type);
                   QVERIFY(d.push(Commands::editAttribute(d, EntityId(s("m-post")), a, Commands::AttributeField::Type)));
               }
           })
        << EditProject([](Project &p) { entityNamed(p, s("Post")).attributes[0].type = s("STRING(80)"); });
    QTest::newRow("typing an alias")
        << Script([](Document &d) {
               for (const char *as : {"A", "Ar", "Articles"}) {
                   Association a = *d.association(AssociationId(s("as-user-posts")));
                   a.as.plural = s(as);
                   QVERIFY(d.push(Commands::editAssociation(d, a, Commands::AssociationField::As)));
               }
           })
        << EditProject([](Project &p) { associationWithId(p, s("as-user-posts")).as.plural = s("Articles"); });
    QTest::newRow("typing an index name")
        << Script([](Document &d) {
               for (const char *name : {"u", "us", "users_by_email"}) {
                   Index index = d.entity(EntityId(s("m-user")))->indexes.at(0);
                   index.name = s(name);
                   QVERIFY(d.push(Commands::editIndex(d, EntityId(s("m-user")), 0, index, Commands::IndexField::Name)));
               }
           })
        << EditProject([](Project &p) { entityNamed(p, s("User")).indexes[0].name = s("users_by_email"); });
    QTest::newRow("typing a table name")
        << Script([](Document &d) {
               for (const char *table : {"p", "po", "posts"}) {
                   Entity e = *d.entity(EntityId(s("m-post")));
                   e.tableName = s(table);
                   QVERIFY(d.push(Commands::editEntityOptions(d, e.id, e, Commands::EntityOption::TableName)));
               }
           })
        << EditProject([](Project &p) { entityNamed(p, s("Post")).tableName = s("posts"); });
    QTest::newRow("typing the project name")
        << Script([](Document &d) {
               for (const char *name : {"B", "Bl", "Blog"})
                   QVERIFY(d.push(Commands::renameProject(d, s(name))));
           })
        << EditProject([](Project &p) { p.name = s("Blog"); });
    QTest::newRow("nudges")
        << Script([](Document &d) {
               for (int i = 0; i < 5; ++i)
                   QVERIFY(d.push(Commands::nudgeEntities(d, entityIds({"m-user", "m-post"}), QPointF(1, 0))));
               QVERIFY(d.push(Commands::nudgeEntities(d, entityIds({"m-user", "m-post"}), QPointF(0, -10))));
           })
        << EditProject([](Project &p) {
               setPosition(p, s("m-user"), 45, 30);
               setPosition(p, s("m-post"), 345, 30);
           });
}

void tst_Commands::merging()
{
    QFETCH(Script, script);
    QFETCH(EditProject, expect);
    const auto document = openFixture();
    const QByteArray start = bytesOf(*document);
    Project expected = document->project();
    expect(expected);
    script(*document);
    JUNCTION_COMPARE_BYTES(bytesOf(*document), bytesOf(expected));
    QCOMPARE(document->undoStack()->count(), 1);
    document->undoStack()->undo();
    JUNCTION_COMPARE_BYTES(bytesOf(*document), start);
    document->undoStack()->redo();
    JUNCTION_COMPARE_BYTES(bytesOf(*document), bytesOf(expected));
}

void tst_Commands::mergingStops()
{
    const auto document = openFixture();
    Document &d = *document;
    auto typeName = [&](const char *attribute, const char *name) {
        Entity user = *d.entity(EntityId(s("m-user")));
        for (Attribute &a : user.attributes) {
            if (a.id.toString() == s(attribute)) {
                a.name = s(name);
                return d.push(Commands::editAttribute(d, user.id, a, Commands::AttributeField::Name));
            }
        }
        return false;
    };
    QVERIFY(typeName("a-user-name", "n1"));
    QVERIFY(typeName("a-user-name", "n12"));
    QCOMPARE(d.undoStack()->count(), 1);
    QVERIFY(typeName("a-user-email", "mail")); // another attribute
    QCOMPARE(d.undoStack()->count(), 2);
    d.breakMergeSequence(); // the field lost focus
    QVERIFY(typeName("a-user-email", "mail2"));
    QCOMPARE(d.undoStack()->count(), 3);

    // Nudging another selection, and clicking a checkbox, are new steps.
    QVERIFY(d.push(Commands::nudgeEntities(d, entityIds({"m-user"}), QPointF(1, 0))));
    QVERIFY(d.push(Commands::nudgeEntities(d, entityIds({"m-user", "m-tag"}), QPointF(1, 0))));
    QCOMPARE(d.undoStack()->count(), 5);
    Attribute title = d.entity(EntityId(s("m-post")))->attributes.at(0);
    title.allowNull = true;
    QVERIFY(d.push(Commands::editAttribute(d, EntityId(s("m-post")), title, Commands::AttributeField::AllowNull)));
    title.allowNull = false;
    QVERIFY(d.push(Commands::editAttribute(d, EntityId(s("m-post")), title, Commands::AttributeField::AllowNull)));
    QCOMPARE(d.undoStack()->count(), 7);

    // Nothing merges into the saved state: undo must be able to reach it.
    d.undoStack()->setClean();
    QVERIFY(d.push(Commands::renameProject(d, s("A"))));
    d.undoStack()->setClean();
    QVERIFY(d.push(Commands::renameProject(d, s("AB"))));
    QCOMPARE(d.undoStack()->count(), 9);
}

void tst_Commands::refusedEdits()
{
    const auto document = openFixture();
    Document &d = *document;
    QVERIFY(!Commands::renameEntity(d, EntityId(s("m-user")), s("Post")));
    QVERIFY(!Commands::renameEntity(d, EntityId(s("m-user")), s("")));
    QVERIFY(!Commands::renameEntity(d, EntityId(s("m-user")), s("User"))); // no change
    QVERIFY(!Commands::renameEntity(d, EntityId(s("m-nobody")), s("X")));
    QCOMPARE(Commands::entityNameProblem(d.project(), EntityId(s("m-user")), s("Post")),
             s("another model is named Post"));
    Attribute email = d.entity(EntityId(s("m-user")))->attributes.at(1);
    email.name = s("name");
    QVERIFY(!Commands::editAttribute(d, EntityId(s("m-user")), email, Commands::AttributeField::Name));
    QVERIFY(!Commands::removeEntities(d, entityIds({"m-nobody"})));
    QVERIFY(!Commands::moveEntities(d, {{EntityId(s("m-user")), QPointF(40, 40)}})); // already there
    QVERIFY(!Commands::alignEntities(d, entityIds({"m-user"}), Commands::Alignment::Left));
    QVERIFY(!Commands::distributeEntities(d, entityIds({"m-user", "m-post"}), Qt::Horizontal));
    QVERIFY(!Commands::pasteFragment(d, QByteArray("{ not json")));
    // Indexes: an unknown attribute, one twice, none, a taken name, a name with spaces.
    const Entity &user = *d.entity(EntityId(s("m-user")));
    Index index = user.indexes.at(0);
    index.fields = {s("email"), s("emial")};
    QCOMPARE(Commands::indexProblem(d.project(), user, 0, index),
             s("User has no attribute emial (it has id, email, name)"));
    QVERIFY(!Commands::editIndex(d, user.id, 0, index, Commands::IndexField::Fields));
    QVERIFY(!Commands::addIndex(d, user.id, index));
    index.fields = {s("email"), s("email")};
    QCOMPARE(Commands::indexProblem(d.project(), user, 0, index), s("email is listed twice"));
    index.fields.clear();
    QCOMPARE(Commands::indexProblem(d.project(), user, 0, index),
             s("an index needs at least one attribute"));
    Index second;
    second.fields = {s("title")};
    second.name = s("users_email_name");
    QCOMPARE(Commands::indexProblem(d.project(), *d.entity(EntityId(s("m-post"))), -1, second),
             s("User already has an index named users_email_name"));
    second.name = s(" posts_title");
    QVERIFY(!Commands::addIndex(d, EntityId(s("m-post")), second));
    QVERIFY(!Commands::editIndex(d, user.id, 0, user.indexes.at(0), Commands::IndexField::All));
    QVERIFY(!Commands::removeIndex(d, user.id, 1));
    QVERIFY(!d.push(nullptr));
    QCOMPARE(d.undoStack()->count(), 0);
}

// An edit that leaves every value as it is builds no command: the undo stack stays as it
// was and the document is not marked modified (a combo box picked again, a field left as
// it was, a dialog's OK without changes).
void tst_Commands::unchangedEditsPushNothing()
{
    const auto document = openFixture();
    Document &d = *document;
    QSignalSpy modified(&d, &Document::modifiedChanged);
    const EntityId user(s("m-user"));
    const Entity entity = *d.entity(user);
    for (const auto option :
         {Commands::EntityOption::All, Commands::EntityOption::TableName,
          Commands::EntityOption::Timestamps, Commands::EntityOption::Comment})
        QVERIFY(!Commands::editEntityOptions(d, user, entity, option));
    // Attributes and indexes are not options: a copy that differs only there is no change.
    Entity otherAttributes = entity;
    otherAttributes.attributes.clear();
    otherAttributes.indexes.clear();
    QVERIFY(!Commands::editEntityOptions(d, user, otherAttributes, Commands::EntityOption::All));
    for (const Association &a : d.project().associations) {
        QVERIFY(!Commands::editAssociation(d, a, Commands::AssociationField::All));
        QVERIFY(!Commands::editAssociation(d, a, Commands::AssociationField::Comment));
    }
    for (const Attribute &a : entity.attributes)
        QVERIFY(!Commands::editAttribute(d, user, a, Commands::AttributeField::All));
    QVERIFY(!d.push(Commands::editEntityOptions(d, user, entity, Commands::EntityOption::All)));
    QCOMPARE(d.undoStack()->count(), 0);
    QVERIFY(!d.isModified());
    QCOMPARE(modified.size(), 0);

    // Any one field that differs is a change.
    Association edited = d.project().associations.first();
    edited.foreignKey.isSet = true;
    edited.foreignKey.isObject = true;
    edited.foreignKey.comment = s("c");
    QVERIFY(d.push(Commands::editAssociation(d, edited, Commands::AssociationField::ForeignKey)));
    Entity commented = entity;
    commented.comment = entity.comment + s("!");
    QVERIFY(d.push(Commands::editEntityOptions(d, user, commented, Commands::EntityOption::Comment)));
    QCOMPARE(d.undoStack()->count(), 2);
    QVERIFY(d.isModified());
    // And the same values again after it are none.
    QVERIFY(!Commands::editAssociation(d, edited, Commands::AssociationField::ForeignKey));
    QVERIFY(!Commands::editEntityOptions(d, user, commented, Commands::EntityOption::Comment));

    // Typing that ends where it began (a letter, then Backspace) leaves no step behind, and
    // the document clean when it was.
    d.undoStack()->setClean();
    d.breakMergeSequence();
    Entity typed = commented;
    QCOMPARE(typed.tableName, s("users"));
    typed.tableName = s("usersx");
    QVERIFY(d.push(Commands::editEntityOptions(d, user, typed, Commands::EntityOption::TableName)));
    QVERIFY(d.isModified());
    typed.tableName = s("users");
    QVERIFY(d.push(Commands::editEntityOptions(d, user, typed, Commands::EntityOption::TableName)));
    QCOMPARE(d.undoStack()->count(), 2);
    QVERIFY(!d.isModified());
    QCOMPARE(d.entity(user)->tableName, s("users"));
    // A rename typed back too.
    d.breakMergeSequence();
    QVERIFY(d.push(Commands::renameEntity(d, user, s("Use"))));
    QVERIFY(d.push(Commands::renameEntity(d, user, s("User"))));
    QCOMPARE(d.undoStack()->count(), 2);
    QVERIFY(!d.isModified());
    QCOMPARE(d.entity(user)->name, s("User"));
}

// ~50 mixed edits chosen by a fixed seed; every state on the way is recorded and must come
// back byte for byte on the way down (undo) and up (redo).

QTEST_GUILESS_MAIN(tst_Commands)
#include "tst_commands.moc"
