// SPDX-License-Identifier: MIT
#pragma once
// The sync corpus shared by tst_schemadiff and tst_sync: a base project with data, and one
// case per change kind, each a change to the design with the plan it must give (the change
// kind, whether it loses data, the live count that says so) and what data it may touch.

#include "scratchdatabase.h"

#include "projectreader.h"
#include "syncplan.h"

#include <QCryptographicHash>
#include <QHash>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <functional>

namespace Junction::SyncCorpus {

using namespace Qt::StringLiterals;
using Kind = PlanChange::Kind;

// Authors(id, name, email, bio, score, status), Posts(id, title, views, AuthorId, EditorId),
// Tags(id, label): a hasMany with a foreign key, a belongsTo without one, an index, a
// unique, an enum and defaults.
inline QByteArray baseProject()
{
    return R"json({
  "junction": 1,
  "name": "Sync corpus",
  "define": { "timestamps": false },
  "models": [
    {
      "id": "m-author", "name": "Author", "comment": "people",
      "attributes": [
        { "id": "a-author-name", "name": "name", "type": "STRING(40)", "comment": "shown" },
        { "id": "a-author-email", "name": "email", "type": "STRING(100)" },
        { "id": "a-author-bio", "name": "bio", "type": "TEXT" },
        { "id": "a-author-score", "name": "score", "type": "INTEGER", "defaultValue": 0 },
        { "id": "a-author-status", "name": "status", "type": "ENUM('active','away','gone')", "defaultValue": "active" }
      ],
      "indexes": [ { "name": "authors_name", "fields": ["name"] } ]
    },
    {
      "id": "m-post", "name": "Post",
      "attributes": [
        { "id": "a-post-title", "name": "title", "type": "STRING(200)", "allowNull": false },
        { "id": "a-post-views", "name": "views", "type": "INTEGER" }
      ]
    },
    {
      "id": "m-tag", "name": "Tag",
      "attributes": [ { "id": "a-tag-label", "name": "label", "type": "STRING(30)", "unique": true } ]
    }
  ],
  "associations": [
    { "id": "as-author-posts", "type": "hasMany", "source": "Author", "target": "Post" },
    { "id": "as-post-editor", "type": "belongsTo", "source": "Post", "target": "Author", "as": "Editor", "constraints": false }
  ]
}
)json";
}

inline Project loadProject(const QByteArray &json)
{
    LoadResult loaded = ProjectReader::readBytes(json);
    return loaded.project ? *loaded.project : Project();
}

inline Entity &entity(Project &p, const QString &name)
{
    for (Entity &e : p.entities) {
        if (e.name == name)
            return e;
    }
    qFatal("no model %s", qPrintable(name));
}

inline Attribute &attribute(Project &p, const QString &model, const QString &name)
{
    for (Attribute &a : entity(p, model).attributes) {
        if (a.name == name)
            return a;
    }
    qFatal("no attribute %s.%s", qPrintable(model), qPrintable(name));
}

inline Association &association(Project &p, const QString &id)
{
    for (Association &a : p.associations) {
        if (a.id.toString() == id)
            return a;
    }
    qFatal("no association %s", qPrintable(id));
}

inline Attribute newAttribute(const QString &id, const QString &name, const QString &type)
{
    Attribute a;
    a.id = AttributeId(id);
    a.name = name;
    a.type = type;
    return a;
}

// Binds every value: the tests follow the rule they check.
inline bool insert(const Connection &c, const Dialect &d, const QString &table,
                   const QStringList &columns, const QList<QVariantList> &rows, QString *error)
{
    QStringList quoted;
    QStringList marks;
    for (const QString &column : columns) {
        quoted << d.quote(column);
        marks << u"?"_s;
    }
    QSqlQuery q(c.database());
    if (!q.prepare(u"INSERT INTO %1 (%2) VALUES (%3)"_s.arg(d.quote(table), quoted.join(u", "_s),
                                                            marks.join(u", "_s)))) {
        *error = q.lastError().text();
        return false;
    }
    for (const QVariantList &row : rows) {
        for (int i = 0; i < row.size(); ++i)
            q.bindValue(i, row.at(i));
        if (!q.exec()) {
            *error = q.lastError().text() + u" inserting into "_s + table;
            return false;
        }
    }
    return true;
}

// Two authors named Ann (a duplicate), one NULL email, one bio longer than 20 characters,
// one 'gone' status; posts by authors 1 and 2 and one without author.
inline bool insertBaseData(const Connection &c, const Dialect &d, QString *error)
{
    const QVariant null;
    return insert(c, d, u"Authors"_s,
                  {u"id"_s, u"name"_s, u"email"_s, u"bio"_s, u"score"_s, u"status"_s},
                  {{1, u"Ann"_s, u"ann@example.org"_s, u"short"_s, 5, u"active"_s},
                   {2, u"Bob"_s, null, u"a biography well past twenty characters"_s, 3, u"away"_s},
                   {3, u"Ann"_s, u"ann2@example.org"_s, null, 7, u"gone"_s},
                   {4, u"Dee"_s, u"dee@example.org"_s, u"x"_s, 1, u"active"_s}},
                  error)
        && insert(c, d, u"Posts"_s, {u"id"_s, u"title"_s, u"views"_s, u"AuthorId"_s, u"EditorId"_s},
                  {{1, u"First"_s, 10, 1, 2},
                   {2, u"Second"_s, 20, 2, null},
                   {3, u"Orphan"_s, 30, null, 1}},
                  error)
        && insert(c, d, u"Tags"_s, {u"id"_s, u"label"_s}, {{1, u"news"_s}, {2, u"blog"_s}}, error);
}

struct Case
{
    QString name;
    std::function<void(Project &)> mutate;
    Kind kind; // the change the plan must contain
    bool destructive; // that change's classification with the base data
    qint64 count; // its live count; -2: not checked
    QStringList mayChange; // "Table" (its rows and values) or "Table.column" (values) it may alter
    QHash<QString, QString> renamed; // "Table" or "Table.column" -> its name afterwards
    bool blocked = false;
    // Extra data or tables before the plan, per dialect.
    std::function<bool(const Connection &, const Dialect &, QString *)> prepare = {};
    QList<Dialect::Kind> only = {}; // dialects the case applies to; empty: all
};

// One row per line, as a table reads best.
// clang-format off
inline QList<Case> cases()
{
    QList<Case> out;
    auto add = [&out](Case c) { out << std::move(c); };

    add({u"create table"_s, [](Project &p) {
             Entity e;
             e.id = EntityId(u"m-comment"_s);
             e.name = u"Comment"_s;
             e.attributes << newAttribute(u"a-comment-body"_s, u"body"_s, u"TEXT"_s);
             p.entities << e;
         }, Kind::CreateTable, false, -2, {}, {}});
    add({u"drop table"_s, [](Project &p) { p.entities.removeIf([](const Entity &e) { return e.name == u"Tag"_s; }); },
         Kind::DropTable, true, 2, {u"Tags"_s}, {}});
    add({u"rename table"_s, [](Project &p) { entity(p, u"Tag"_s).tableName = u"Labels"_s; },
         Kind::RenameTable, false, -2, {}, {{u"Tags"_s, u"Labels"_s}}});
    add({u"rename table with an enum"_s, [](Project &p) { entity(p, u"Author"_s).tableName = u"Writers"_s; },
         Kind::RenameTable, false, -2, {}, {{u"Authors"_s, u"Writers"_s}}});
    add({u"add column"_s, [](Project &p) {
             entity(p, u"Author"_s).attributes << newAttribute(u"a-author-nick"_s, u"nickname"_s, u"STRING(20)"_s);
         }, Kind::AddColumn, false, -2, {}, {}});
    add({u"add NOT NULL column with default"_s, [](Project &p) {
             Attribute a = newAttribute(u"a-author-rank"_s, u"rank"_s, u"INTEGER"_s);
             a.allowNull = false;
             a.defaultValue.kind = DefaultValue::Kind::Number;
             a.defaultValue.number = 1;
             entity(p, u"Author"_s).attributes << a;
         }, Kind::AddColumn, false, -2, {}, {}});
    add({u"add enum column"_s, [](Project &p) {
             entity(p, u"Author"_s).attributes << newAttribute(u"a-author-mood"_s, u"mood"_s, u"ENUM('calm','busy')"_s);
         }, Kind::AddColumn, false, -2, {}, {}});
    add({u"drop column"_s, [](Project &p) {
             entity(p, u"Author"_s).attributes.removeIf([](const Attribute &a) { return a.name == u"bio"_s; });
         }, Kind::DropColumn, true, 3, {u"Authors.bio"_s}, {}});
    add({u"drop enum column"_s, [](Project &p) {
             entity(p, u"Author"_s).attributes.removeIf([](const Attribute &a) { return a.name == u"status"_s; });
         }, Kind::DropColumn, true, 4, {u"Authors.status"_s}, {}});
    add({u"rename column"_s, [](Project &p) { attribute(p, u"Author"_s, u"email"_s).name = u"mail"_s; },
         Kind::RenameColumn, false, -2, {}, {{u"Authors.email"_s, u"Authors.mail"_s}}});
    add({u"widen type"_s, [](Project &p) { attribute(p, u"Author"_s, u"name"_s).type = u"STRING(100)"_s; },
         Kind::AlterColumnType, false, -2, {}, {}});
    add({u"widen integer"_s, [](Project &p) { attribute(p, u"Post"_s, u"views"_s).type = u"BIGINT"_s; },
         Kind::AlterColumnType, false, -2, {}, {}});
    add({u"narrow type"_s, [](Project &p) { attribute(p, u"Author"_s, u"bio"_s).type = u"STRING(20)"_s; },
         Kind::AlterColumnType, true, 1, {u"Authors.bio"_s}, {}});
    add({u"narrow integer"_s, [](Project &p) { attribute(p, u"Post"_s, u"views"_s).type = u"SMALLINT"_s; },
         Kind::AlterColumnType, true, 3, {}, {}});
    add({u"enum gains a value"_s, [](Project &p) {
             attribute(p, u"Author"_s, u"status"_s).type = u"ENUM('active','away','gone','banned')"_s;
         }, Kind::AlterColumnType, false, -2, {}, {}});
    add({u"enum loses a value"_s, [](Project &p) {
             attribute(p, u"Author"_s, u"status"_s).type = u"ENUM('active','away')"_s;
         }, Kind::AlterColumnType, true, 1, {u"Authors.status"_s}, {}});
    add({u"NOT NULL over NULLs"_s, [](Project &p) { attribute(p, u"Author"_s, u"email"_s).allowNull = false; },
         Kind::SetNotNull, true, 1, {u"Authors.email"_s}, {}});
    add({u"NOT NULL without NULLs"_s, [](Project &p) { attribute(p, u"Post"_s, u"views"_s).allowNull = false; },
         Kind::SetNotNull, false, 0, {}, {}});
    add({u"drop NOT NULL"_s, [](Project &p) { attribute(p, u"Post"_s, u"title"_s).allowNull = true; },
         Kind::DropNotNull, false, -2, {}, {}});
    add({u"set default"_s, [](Project &p) {
             DefaultValue &d = attribute(p, u"Author"_s, u"name"_s).defaultValue;
             d.kind = DefaultValue::Kind::String;
             d.text = u"anonymous"_s;
         }, Kind::SetDefault, false, -2, {}, {}});
    add({u"drop default"_s, [](Project &p) { attribute(p, u"Author"_s, u"score"_s).defaultValue = {}; },
         Kind::DropDefault, false, -2, {}, {}});
    add({u"unique over duplicates"_s, [](Project &p) { attribute(p, u"Author"_s, u"name"_s).unique = true; },
         Kind::AddUnique, true, 1, {u"Authors"_s}, {}});
    add({u"unique without duplicates"_s, [](Project &p) { attribute(p, u"Author"_s, u"email"_s).unique = true; },
         Kind::AddUnique, false, 0, {}, {}});
    add({u"drop unique"_s, [](Project &p) { attribute(p, u"Tag"_s, u"label"_s).unique = false; },
         Kind::DropUnique, false, -2, {}, {}});
    add({u"add index"_s, [](Project &p) {
             Index i;
             i.name = u"posts_title"_s;
             i.fields = {u"title"_s};
             entity(p, u"Post"_s).indexes << i;
         }, Kind::AddIndex, false, -2, {}, {}});
    add({u"drop index"_s, [](Project &p) { entity(p, u"Author"_s).indexes.clear(); },
         Kind::DropIndex, false, -2, {}, {}});
    add({u"add foreign key"_s, [](Project &p) { association(p, u"as-post-editor"_s).constraints = true; },
         Kind::AddForeignKey, false, 0, {}, {}});
    add({u"drop foreign key"_s, [](Project &p) { association(p, u"as-author-posts"_s).constraints = false; },
         Kind::DropForeignKey, false, -2, {}, {}});
    add({u"change foreign key rule"_s, [](Project &p) { association(p, u"as-author-posts"_s).onDelete = u"CASCADE"_s; },
         Kind::AddForeignKey, false, 0, {}, {}});
    add({u"add association column"_s, [](Project &p) {
             Association a;
             a.id = AssociationId(u"as-post-tag"_s);
             a.type = AssociationType::BelongsTo;
             a.source = u"Post"_s;
             a.target = u"Tag"_s;
             p.associations << a;
         }, Kind::AddColumn, false, -2, {}, {}});
    add({u"create junction table"_s, [](Project &p) {
             Association a;
             a.id = AssociationId(u"as-post-tags"_s);
             a.type = AssociationType::BelongsToMany;
             a.source = u"Post"_s;
             a.target = u"Tag"_s;
             a.through.kind = Through::Kind::Table;
             a.through.name = u"PostTags"_s;
             p.associations << a;
         }, Kind::CreateTable, false, -2, {}, {}});
    add({u"change primary key"_s, [](Project &p) { attribute(p, u"Tag"_s, u"label"_s).primaryKey = true; },
         Kind::AlterPrimaryKey, false, 0, {u"Tags.id"_s}, {}});
    add({u"change comments"_s, [](Project &p) {
             entity(p, u"Author"_s).comment = u"people who write"_s;
             attribute(p, u"Author"_s, u"name"_s).comment = u"shown; it's public"_s;
         }, Kind::AlterComment, false, -2, {}, {}, false, {}, {Dialect::Kind::Postgres, Dialect::Kind::MySql}});

    Case orphans {u"foreign key over orphans"_s, [](Project &p) { association(p, u"as-post-editor"_s).constraints = true; },
                  Kind::AddForeignKey, false, 1, {}, {}};
    orphans.blocked = true;
    orphans.prepare = [](const Connection &c, const Dialect &d, QString *error) {
        QSqlQuery q(c.database());
        if (q.exec(u"UPDATE %1 SET %2 = 99 WHERE %3 = 3"_s.arg(d.quote(u"Posts"_s), d.quote(u"EditorId"_s), d.quote(u"id"_s))))
            return true;
        *error = q.lastError().text();
        return false;
    };
    add(orphans);

    Case unmatched {u"drop unmatched table"_s, [](Project &) {}, Kind::DropTable, true, 2, {u"legacy"_s}, {}};
    unmatched.prepare = [](const Connection &c, const Dialect &d, QString *error) {
        QSqlQuery q(c.database());
        if (!q.exec(u"CREATE TABLE %1 (%2 INTEGER)"_s.arg(d.quote(u"legacy"_s), d.quote(u"n"_s)))) {
            *error = q.lastError().text();
            return false;
        }
        return insert(c, d, u"legacy"_s, {u"n"_s}, {{1}, {2}}, error);
    };
    add(unmatched);
    return out;
}
// clang-format on

// A multiset checksum of one column's values (order-free, so a rebuilt or re-keyed table
// compares equal): the sorted text of the values, NULL kept apart.
inline QByteArray columnChecksum(const Connection &c, const Dialect &d, const QString &table,
                                 const QString &column, QString *error)
{
    QSqlQuery q(c.database());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT %1 FROM %2"_s.arg(d.quote(column), d.quote(table)))) {
        *error = q.lastError().text();
        return {};
    }
    QStringList values;
    while (q.next())
        values << (q.value(0).isNull() ? u"\\N"_s : q.value(0).toString());
    std::sort(values.begin(), values.end());
    return QCryptographicHash::hash(values.join(QChar(0x1f)).toUtf8(), QCryptographicHash::Sha1)
        .toHex();
}

inline qint64 rowCount(const Connection &c, const Dialect &d, const QString &table)
{
    QSqlQuery q(c.database());
    if (!q.exec(u"SELECT COUNT(*) FROM %1"_s.arg(d.quote(table))) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace Junction::SyncCorpus
