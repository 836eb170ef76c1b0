// SPDX-License-Identifier: MIT
#include "projectwriter.h"

#include "jsonprinter.h"
#include "projectreader.h"

#include <QDir>
#include <QSaveFile>

#include <cerrno>

namespace Junction {

// The canonical form. Key order follows the spec; a member is written only when it carries
// information (primaryKey/autoIncrement only when true, strings only when non-empty,
// optional booleans whenever set), so that a file without a member reads back the same.
// Unknown keys go last, in QJsonObject's order.

namespace {

using L1 = QLatin1String;

class Writer
{
public:
    explicit Writer(qsizetype reserve)
        : m_p(reserve)
    {
    }

    QByteArray write(const Project &project);

private:
    void entity(const Entity &entity);
    void attribute(const Attribute &attribute);
    void index(const Index &index);
    void association(const Association &association);
    void keySpec(const KeySpec &key);
    void defaultValue(const DefaultValue &value);
    void connection(const SavedConnection &connection);

    void text(L1 key, const QString &value)
    {
        if (!value.isEmpty()) {
            m_p.key(key);
            m_p.string(value);
        }
    }
    void flag(L1 key, const std::optional<bool> &value)
    {
        if (value) {
            m_p.key(key);
            m_p.boolean(*value);
        }
    }
    void trueFlag(L1 key, bool value)
    {
        if (value) {
            m_p.key(key);
            m_p.boolean(true);
        }
    }
    void unknown(const QJsonObject &keys)
    {
        for (auto it = keys.begin(), end = keys.end(); it != end; ++it) {
            m_p.key(it.key());
            m_p.value(it.value());
        }
    }

    JsonPrinter m_p;
};

bool isDefault(const DefineOptions &d)
{
    const DefineOptions defaults;
    return d.timestamps == defaults.timestamps && d.underscored == defaults.underscored
        && d.underscoredAll == defaults.underscoredAll
        && d.freezeTableName == defaults.freezeTableName && d.paranoid == defaults.paranoid
        && d.unknownKeys.isEmpty();
}

QByteArray Writer::write(const Project &project)
{
    m_p.expandNext();
    m_p.object([&] {
        m_p.key(L1("junction"));
        m_p.number(CurrentFormatVersion);
        text(L1("name"), project.name);
        if (project.hasDefine || !isDefault(project.define)) {
            const DefineOptions &d = project.define;
            m_p.key(L1("define"));
            m_p.object([&] {
                m_p.key(L1("timestamps"));
                m_p.boolean(d.timestamps);
                m_p.key(L1("underscored"));
                m_p.boolean(d.underscored);
                m_p.key(L1("underscoredAll"));
                m_p.boolean(d.underscoredAll);
                m_p.key(L1("freezeTableName"));
                m_p.boolean(d.freezeTableName);
                m_p.key(L1("paranoid"));
                m_p.boolean(d.paranoid);
                unknown(d.unknownKeys);
            });
        }
        m_p.key(L1("models"));
        m_p.array([&] {
            for (const Entity &e : project.entities)
                entity(e);
        });
        m_p.key(L1("associations"));
        m_p.array([&] {
            for (const Association &a : project.associations)
                association(a);
        });
        if (!project.layout.isEmpty()) {
            m_p.key(L1("layout"));
            m_p.value(project.layout);
        }
        if (!project.connections.isEmpty()) {
            m_p.key(L1("connections"));
            m_p.array([&] {
                for (const SavedConnection &c : project.connections)
                    connection(c);
            });
        }
        if (!project.synced.isEmpty()) {
            m_p.key(L1("synced"));
            m_p.value(project.synced);
        }
        unknown(project.unknownKeys);
    });
    return m_p.finish();
}

void Writer::entity(const Entity &e)
{
    m_p.object([&] {
        text(L1("id"), e.id.toString());
        m_p.key(L1("name"));
        m_p.string(e.name);
        text(L1("tableName"), e.tableName);
        flag(L1("timestamps"), e.timestamps);
        flag(L1("underscored"), e.underscored);
        flag(L1("underscoredAll"), e.underscoredAll);
        flag(L1("freezeTableName"), e.freezeTableName);
        flag(L1("paranoid"), e.paranoid);
        text(L1("comment"), e.comment);
        m_p.key(L1("attributes"));
        m_p.array([&] {
            for (const Attribute &a : e.attributes)
                attribute(a);
        });
        if (!e.indexes.isEmpty()) {
            m_p.key(L1("indexes"));
            m_p.array([&] {
                for (const Index &i : e.indexes)
                    index(i);
            });
        }
        unknown(e.unknownKeys);
    });
}

void Writer::attribute(const Attribute &a)
{
    m_p.object([&] {
        text(L1("id"), a.id.toString());
        m_p.key(L1("name"));
        m_p.string(a.name);
        text(L1("field"), a.field);
        m_p.key(L1("type"));
        m_p.string(a.type);
        flag(L1("allowNull"), a.allowNull);
        trueFlag(L1("primaryKey"), a.primaryKey);
        trueFlag(L1("autoIncrement"), a.autoIncrement);
        if (!a.uniqueGroup.isEmpty()) {
            m_p.key(L1("unique"));
            m_p.string(a.uniqueGroup);
        } else {
            trueFlag(L1("unique"), a.unique);
        }
        if (a.defaultValue.isSet()) {
            m_p.key(L1("defaultValue"));
            defaultValue(a.defaultValue);
        }
        text(L1("comment"), a.comment);
        unknown(a.unknownKeys);
    });
}

void Writer::defaultValue(const DefaultValue &v)
{
    switch (v.kind) {
    case DefaultValue::Kind::None:
    case DefaultValue::Kind::Null:
        m_p.null();
        break;
    case DefaultValue::Kind::String:
        m_p.string(v.text);
        break;
    case DefaultValue::Kind::Number:
        m_p.number(v.number);
        break;
    case DefaultValue::Kind::Boolean:
        m_p.boolean(v.boolean);
        break;
    case DefaultValue::Kind::Function:
    case DefaultValue::Kind::Sql:
        m_p.object([&] {
            m_p.key(v.kind == DefaultValue::Kind::Function ? L1("fn") : L1("sql"));
            m_p.string(v.text);
        });
        break;
    }
}

// Never a password: SavedConnection has no field for one, and the reader drops password keys
// before keeping the unknown ones.
void Writer::connection(const SavedConnection &c)
{
    m_p.object([&] {
        m_p.key(L1("name"));
        m_p.string(c.name);
        m_p.key(L1("engine"));
        m_p.string(c.engine);
        text(L1("host"), c.host);
        if (c.port > 0) {
            m_p.key(L1("port"));
            m_p.number(c.port);
        }
        text(L1("database"), c.database);
        text(L1("user"), c.user);
        text(L1("sslMode"), c.sslMode);
        unknown(c.unknownKeys);
    });
}

void Writer::index(const Index &i)
{
    m_p.object([&] {
        text(L1("name"), i.name);
        m_p.key(L1("fields"));
        m_p.array([&] {
            for (const QString &field : i.fields)
                m_p.string(field);
        });
        trueFlag(L1("unique"), i.unique);
        unknown(i.unknownKeys);
    });
}

void Writer::association(const Association &a)
{
    m_p.object([&] {
        text(L1("id"), a.id.toString());
        m_p.key(L1("type"));
        m_p.string(associationTypeName(a.type));
        m_p.key(L1("source"));
        m_p.string(a.source);
        m_p.key(L1("target"));
        m_p.string(a.target);
        if (a.as.isObject) {
            m_p.key(L1("as"));
            m_p.object([&] {
                m_p.key(L1("singular"));
                m_p.string(a.as.singular);
                m_p.key(L1("plural"));
                m_p.string(a.as.plural);
            });
        } else if (a.as.isSet()) {
            m_p.key(L1("as"));
            m_p.string(a.as.plural.isEmpty() ? a.as.singular : a.as.plural);
        }
        if (a.foreignKey.isSet) {
            m_p.key(L1("foreignKey"));
            keySpec(a.foreignKey);
        }
        text(L1("targetKey"), a.targetKey);
        text(L1("sourceKey"), a.sourceKey);
        if (a.otherKey.isSet) {
            m_p.key(L1("otherKey"));
            keySpec(a.otherKey);
        }
        if (a.through.kind == Through::Kind::Table) {
            m_p.key(L1("through"));
            m_p.string(a.through.name);
        } else if (a.through.kind == Through::Kind::Model) {
            m_p.key(L1("through"));
            m_p.object([&] {
                m_p.key(L1("model"));
                m_p.string(a.through.name);
                unknown(a.through.unknownKeys);
            });
        }
        flag(L1("constraints"), a.constraints);
        text(L1("onDelete"), a.onDelete);
        text(L1("onUpdate"), a.onUpdate);
        flag(L1("timestamps"), a.timestamps);
        text(L1("comment"), a.comment);
        unknown(a.unknownKeys);
    });
}

// A key that only has a name is written as the plain string, the form people type.
void Writer::keySpec(const KeySpec &k)
{
    const bool onlyName = !k.name.isEmpty() && !k.allowNull && k.type.isEmpty() && k.field.isEmpty()
        && !k.unique && k.comment.isEmpty() && k.unknownKeys.isEmpty();
    if (!k.isObject || onlyName) {
        m_p.string(k.name);
        return;
    }
    m_p.object([&] {
        text(L1("name"), k.name);
        text(L1("field"), k.field);
        text(L1("type"), k.type);
        flag(L1("allowNull"), k.allowNull);
        flag(L1("unique"), k.unique);
        text(L1("comment"), k.comment);
        unknown(k.unknownKeys);
    });
}

} // namespace

QByteArray ProjectWriter::toBytes(const Project &project)
{
    // A rough size guess so the buffer rarely grows.
    qsizetype estimate = 4096 + project.associations.size() * 160;
    for (const Entity &e : project.entities)
        estimate += 160 + e.attributes.size() * 90;
    Writer writer(estimate);
    return writer.write(project);
}

bool ProjectWriter::writeFile(const Project &project, const QString &path, QString *errorMessage)
{
    const QByteArray bytes = toBytes(project);
    QSaveFile file(path);
    auto fail = [&](const QString &why) {
        if (errorMessage)
            *errorMessage
                = QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(path), why);
        return false;
    };
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    // Flush explicitly: Qt 6.4's QSaveFile::commit() ignores a failure of its own final
    // flush (disk full, file size limit) and renames the truncated file over the original.
    errno = 0;
    if (file.write(bytes) != bytes.size() || !file.flush()) {
        // The flush failure leaves errorString() at "Unknown error"; errno says why.
        const QString why = errno != 0 ? qt_error_string(errno) : file.errorString();
        file.cancelWriting(); // the destructor removes the temporary file
        return fail(why);
    }
    if (!file.commit())
        return fail(file.errorString());
    return true;
}

} // namespace Junction
