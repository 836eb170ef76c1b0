// SPDX-License-Identifier: MIT
#pragma once

#include "ids.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Junction {

// What the file says, nothing derived: implicit ids, timestamps and FK columns are
// added by resolve(), never injected here. Value types, addressed by stable ids.

// `define` and the per-model overrides, with Sequelize v4's defaults.
struct DefineOptions
{
    bool timestamps = true;
    bool underscored = false;
    bool underscoredAll = false;
    bool freezeTableName = false;
    bool paranoid = false;
    QJsonObject unknownKeys; // kept on save
};

struct DefaultValue
{
    enum class Kind { None, Null, String, Number, Boolean, Function, Sql };
    Kind kind = Kind::None;
    bool boolean = false; // beside kind: no padding after each (one per attribute and column)
    QString text;       // String: the value; Function: NOW/UUIDV4; Sql: the expression
    double number = 0;  // Number

    bool isSet() const { return kind != Kind::None; }
    // Client-side defaults (Sequelize's fn) produce no DDL DEFAULT.
    bool isClientSide() const { return kind == Kind::Function; }
    friend bool operator==(const DefaultValue &a, const DefaultValue &b)
    {
        return a.kind == b.kind && a.text == b.text && a.number == b.number
               && a.boolean == b.boolean;
    }
};

struct Attribute
{
    AttributeId id;
    QString name;
    QString field;          // column name when it differs from name
    QString type;           // as written: "STRING(320)"
    std::optional<bool> allowNull; // unset differs from true for Sequelize's FK defaults
    bool primaryKey = false;
    bool autoIncrement = false;
    bool unique = false;    // `unique: true`
    QString uniqueGroup;    // `unique: "group"`: a composite unique shared by name
    DefaultValue defaultValue;
    QString comment;
    QJsonObject unknownKeys; // kept on save

    QString columnName() const { return field.isEmpty() ? name : field; }
};
// Value equality of everything the file holds (ids included): an edit that leaves a value
// equal changes nothing and is no undo step.
bool operator==(const Attribute &a, const Attribute &b);
inline bool operator!=(const Attribute &a, const Attribute &b) { return !(a == b); }

struct Index
{
    QString name;
    QStringList fields;     // attribute names
    bool unique = false;
    QJsonObject unknownKeys;
};
bool operator==(const Index &a, const Index &b);
inline bool operator!=(const Index &a, const Index &b) { return !(a == b); }

struct Entity
{
    EntityId id;
    QString name;
    QString tableName;
    std::optional<bool> timestamps;
    std::optional<bool> underscored;
    std::optional<bool> underscoredAll;
    std::optional<bool> freezeTableName;
    std::optional<bool> paranoid;
    QString comment;
    QList<Attribute> attributes;
    QList<Index> indexes;
    QJsonObject unknownKeys;

    const Attribute *attribute(const QString &name) const;
};

enum class AssociationType { BelongsTo, HasOne, HasMany, BelongsToMany };

QString associationTypeName(AssociationType type);
std::optional<AssociationType> associationTypeFromName(const QString &name);

// `as`: a string, or {singular, plural} for hasMany/belongsToMany.
struct Alias
{
    QString singular; // set only for the object form
    QString plural;   // the string form is stored here
    bool isObject = false;

    bool isSet() const { return !plural.isEmpty() || !singular.isEmpty() || isObject; }
};
bool operator==(const Alias &a, const Alias &b);
inline bool operator!=(const Alias &a, const Alias &b) { return !(a == b); }

// `foreignKey` / `otherKey`: a column name, or an attribute definition object.
struct KeySpec
{
    bool isSet = false;
    bool isObject = false;
    QString name;          // empty for an object without `name`
    std::optional<bool> allowNull;
    QString type;
    QString field;
    std::optional<bool> unique;
    QString comment;
    QJsonObject unknownKeys;
};
bool operator==(const KeySpec &a, const KeySpec &b);
inline bool operator!=(const KeySpec &a, const KeySpec &b) { return !(a == b); }

// `through`: a table the program creates, or `{ "model": "Membership" }`.
struct Through
{
    enum class Kind { None, Table, Model };
    Kind kind = Kind::None;
    QString name;
    QJsonObject unknownKeys;
};
bool operator==(const Through &a, const Through &b);
inline bool operator!=(const Through &a, const Through &b) { return !(a == b); }

struct Association
{
    AssociationId id;
    AssociationType type = AssociationType::HasMany;
    QString source;
    QString target;
    Alias as;
    KeySpec foreignKey;
    QString targetKey;
    QString sourceKey;
    KeySpec otherKey;
    Through through;
    std::optional<bool> constraints;
    QString onDelete;   // as written; empty = the default applies
    QString onUpdate;
    std::optional<bool> timestamps; // belongsToMany: the junction's timestamps
    QString comment;
    QJsonObject unknownKeys;
};
bool operator==(const Association &a, const Association &b);
inline bool operator!=(const Association &a, const Association &b) { return !(a == b); }

// A database the designer connects to, from the file's `connections` section. Never a
// password: the designer keeps those in the system keychain, or asks each time.
struct SavedConnection
{
    QString name; // unique in the project; names the connection in the UI and keychain
    QString engine; // "sqlite", "postgres", "mysql" or "mariadb"
    QString host;
    int port = 0; // 0: the engine's default
    QString database; // SQLite: the file, relative to the project file's folder or absolute
    QString user;
    QString sslMode; // PostgreSQL's names: disable, allow, prefer, require, verify-ca, verify-full
    QJsonObject unknownKeys; // kept on save

    bool isSqlite() const { return engine == QLatin1String("sqlite"); }
    friend bool operator==(const SavedConnection &a, const SavedConnection &b)
    {
        return a.name == b.name && a.engine == b.engine && a.host == b.host && a.port == b.port
            && a.database == b.database && a.user == b.user && a.sslMode == b.sslMode
            && a.unknownKeys == b.unknownKeys;
    }
};

struct Project
{
    int formatVersion = 1;
    QString name;
    DefineOptions define;
    bool hasDefine = false;  // write `define` back only when the file had it or it differs
    QList<Entity> entities;
    QList<Association> associations;
    QJsonObject layout;     // editor only; kept verbatim
    QList<SavedConnection> connections;
    QJsonObject synced;     // what was last synced to each database
    QJsonObject unknownKeys;

    const Entity *entity(const QString &name) const;
    const Entity *entity(const EntityId &id) const;
};

} // namespace Junction

// Qt value types only: lists of them grow by memcpy.
Q_DECLARE_TYPEINFO(Junction::Attribute, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Junction::Index, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Junction::Entity, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Junction::Association, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Junction::SavedConnection, Q_RELOCATABLE_TYPE);
