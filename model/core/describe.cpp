// SPDX-License-Identifier: MIT
#include "describe.h"

#include "jsonprinter.h"

namespace Junction {

namespace {

void printStrings(JsonPrinter &p, const QStringList &list)
{
    p.array([&] {
        for (const QString &s : list)
            p.string(s);
    });
}

void printDefault(JsonPrinter &p, const DefaultValue &d)
{
    switch (d.kind) {
    case DefaultValue::Kind::None: p.null(); break;
    case DefaultValue::Kind::Null: p.object([&] { p.key(QLatin1String("value")); p.null(); }); break;
    case DefaultValue::Kind::String:
        p.object([&] { p.key(QLatin1String("value")); p.string(d.text); });
        break;
    case DefaultValue::Kind::Number:
        p.object([&] { p.key(QLatin1String("value")); p.number(d.number); });
        break;
    case DefaultValue::Kind::Boolean:
        p.object([&] { p.key(QLatin1String("value")); p.boolean(d.boolean); });
        break;
    case DefaultValue::Kind::Function:
        p.object([&] { p.key(QLatin1String("fn")); p.string(d.text); });
        break;
    case DefaultValue::Kind::Sql:
        p.object([&] { p.key(QLatin1String("sql")); p.string(d.text); });
        break;
    }
}

void printColumn(JsonPrinter &p, const ResolvedColumn &c)
{
    p.object([&] {
        p.key(QLatin1String("name"));
        p.string(c.name);
        p.key(QLatin1String("attribute"));
        p.string(c.attribute);
        p.key(QLatin1String("type"));
        p.string(c.type.toString());
        p.key(QLatin1String("allowNull"));
        p.boolean(c.allowNull);
        p.key(QLatin1String("primaryKey"));
        p.boolean(c.primaryKey);
        p.key(QLatin1String("autoIncrement"));
        p.boolean(c.autoIncrement);
        p.key(QLatin1String("unique"));
        p.boolean(c.unique);
        p.key(QLatin1String("default"));
        printDefault(p, c.defaultValue);
        if (!c.comment.isEmpty()) {
            p.key(QLatin1String("comment"));
            p.string(c.comment);
        }
        p.key(QLatin1String("origin"));
        p.string(originName(c.origin));
        if (!c.association.isNull()) {
            p.key(QLatin1String("association"));
            p.string(c.association.toString());
        }
    });
}

void printTable(JsonPrinter &p, const ResolvedTable &t)
{
    p.object([&] {
        p.key(QLatin1String("name"));
        p.string(t.name);
        if (!t.entity.isNull()) {
            p.key(QLatin1String("model"));
            p.string(t.entityName);
            p.key(QLatin1String("modelId"));
            p.string(t.entity.toString());
        } else {
            p.key(QLatin1String("junctionOf"));
            p.string(t.junctionOf.toString());
        }
        if (!t.comment.isEmpty()) {
            p.key(QLatin1String("comment"));
            p.string(t.comment);
        }
        p.key(QLatin1String("columns"));
        p.array([&] {
            for (const ResolvedColumn &c : t.columns)
                printColumn(p, c);
        });
        p.key(QLatin1String("primaryKey"));
        printStrings(p, t.primaryKey);
        p.key(QLatin1String("uniques"));
        p.array([&] {
            for (const ResolvedUnique &u : t.uniques)
                p.object([&] {
                    p.key(QLatin1String("name"));
                    p.string(u.name);
                    p.key(QLatin1String("columns"));
                    printStrings(p, u.columns);
                });
        });
        p.key(QLatin1String("indexes"));
        p.array([&] {
            for (const ResolvedIndex &i : t.indexes)
                p.object([&] {
                    p.key(QLatin1String("name"));
                    p.string(i.name);
                    p.key(QLatin1String("columns"));
                    printStrings(p, i.columns);
                    p.key(QLatin1String("unique"));
                    p.boolean(i.unique);
                });
        });
        p.key(QLatin1String("foreignKeys"));
        p.array([&] {
            for (const ResolvedForeignKey &fk : t.foreignKeys)
                p.object([&] {
                    p.key(QLatin1String("name"));
                    p.string(fk.name);
                    p.key(QLatin1String("columns"));
                    printStrings(p, fk.columns);
                    p.key(QLatin1String("referencedTable"));
                    p.string(fk.referencedTable);
                    p.key(QLatin1String("referencedColumns"));
                    printStrings(p, fk.referencedColumns);
                    p.key(QLatin1String("onDelete"));
                    fk.onDelete.isEmpty() ? p.null() : p.string(fk.onDelete);
                    p.key(QLatin1String("onUpdate"));
                    fk.onUpdate.isEmpty() ? p.null() : p.string(fk.onUpdate);
                    p.key(QLatin1String("associations"));
                    p.array([&] {
                        for (const AssociationId &id : fk.associations)
                            p.string(id.toString());
                    });
                });
        });
    });
}

void printAssociation(JsonPrinter &p, const ResolvedAssociation &a)
{
    auto optional = [&](const char *key, const QString &value) {
        if (value.isEmpty())
            return;
        p.key(QLatin1String(key));
        p.string(value);
    };
    p.object([&] {
        p.key(QLatin1String("id"));
        p.string(a.id.toString());
        p.key(QLatin1String("type"));
        p.string(associationTypeName(a.type));
        p.key(QLatin1String("source"));
        p.string(a.source);
        p.key(QLatin1String("target"));
        p.string(a.target);
        p.key(QLatin1String("valid"));
        p.boolean(a.valid);
        if (!a.valid)
            return;
        p.key(QLatin1String("as"));
        p.string(a.as);
        p.key(QLatin1String("singular"));
        p.string(a.singular);
        p.key(QLatin1String("plural"));
        p.string(a.plural);
        p.key(QLatin1String("aliased"));
        p.boolean(a.isAliased);
        p.key(QLatin1String("foreignKey"));
        p.string(a.foreignKey);
        p.key(QLatin1String("foreignKeyColumn"));
        p.string(a.foreignKeyColumn);
        p.key(QLatin1String("foreignKeyTable"));
        p.string(a.foreignKeyTable);
        p.key(QLatin1String("referencedKey"));
        p.string(a.referencedKey);
        optional("otherKey", a.otherKey);
        optional("otherKeyColumn", a.otherKeyColumn);
        optional("through", a.throughTable);
        optional("throughModel", a.throughModel);
        p.key(QLatin1String("constraints"));
        p.boolean(a.constraints);
        p.key(QLatin1String("onDelete"));
        a.onDelete.isEmpty() ? p.null() : p.string(a.onDelete);
        p.key(QLatin1String("onUpdate"));
        a.onUpdate.isEmpty() ? p.null() : p.string(a.onUpdate);
        p.key(QLatin1String("accessors"));
        printStrings(p, a.accessors());
    });
}

} // namespace

QString originName(ResolvedColumn::Origin origin)
{
    switch (origin) {
    case ResolvedColumn::Origin::Declared: return QStringLiteral("declared");
    case ResolvedColumn::Origin::ImplicitId: return QStringLiteral("implicit-id");
    case ResolvedColumn::Origin::Timestamp: return QStringLiteral("timestamp");
    case ResolvedColumn::Origin::ForeignKey: return QStringLiteral("foreign-key");
    }
    return {};
}

QByteArray describeJson(const Project &project, const ResolvedSchema &schema)
{
    JsonPrinter p(qsizetype(schema.tables.size()) * 2048);
    p.expandNext();
    p.object([&] {
        p.key(QLatin1String("name"));
        p.string(project.name);
        p.key(QLatin1String("tables"));
        p.array([&] {
            for (const ResolvedTable &t : schema.tables)
                printTable(p, t);
        });
        p.key(QLatin1String("creationOrder"));
        p.array([&] {
            for (int i : schema.creationOrder)
                p.string(schema.tables.at(i).name);
        });
        p.key(QLatin1String("associations"));
        p.array([&] {
            for (const ResolvedAssociation &a : schema.associations)
                printAssociation(p, a);
        });
    });
    return p.finish();
}

QString describeText(const ResolvedSchema &schema)
{
    QString out;
    for (int i : schema.creationOrder) {
        const ResolvedTable &t = schema.tables.at(i);
        out += QStringLiteral("table %1").arg(t.name);
        if (!t.entity.isNull())
            out += QStringLiteral(" (model %1)").arg(t.entityName);
        else
            out += QStringLiteral(" (junction table)");
        out += QLatin1Char('\n');
        for (const ResolvedColumn &c : t.columns) {
            QStringList flags;
            if (c.primaryKey)
                flags << QStringLiteral("primary key");
            if (c.autoIncrement)
                flags << QStringLiteral("auto-increment");
            if (!c.allowNull && !c.primaryKey)
                flags << QStringLiteral("not null");
            if (c.unique)
                flags << QStringLiteral("unique");
            if (c.origin != ResolvedColumn::Origin::Declared)
                flags << originName(c.origin);
            if (!c.association.isNull())
                flags << QStringLiteral("from %1").arg(c.association.toString());
            out += QStringLiteral("  %1 %2").arg(c.name, c.type.toString());
            if (!flags.isEmpty())
                out += QStringLiteral("  [%1]").arg(flags.join(QLatin1String(", ")));
            out += QLatin1Char('\n');
        }
        for (const ResolvedForeignKey &fk : t.foreignKeys) {
            out += QStringLiteral("  foreign key (%1) -> %2 (%3)")
                       .arg(fk.columns.join(QLatin1String(", ")), fk.referencedTable,
                            fk.referencedColumns.join(QLatin1String(", ")));
            if (!fk.onDelete.isEmpty())
                out += QStringLiteral(" on delete ") + fk.onDelete.toLower();
            if (!fk.onUpdate.isEmpty())
                out += QStringLiteral(" on update ") + fk.onUpdate.toLower();
            out += QLatin1Char('\n');
        }
        out += QLatin1Char('\n');
    }
    for (const ResolvedAssociation &a : schema.associations) {
        if (!a.valid)
            continue;
        out += QStringLiteral("%1.%2(%3)").arg(a.source, associationTypeName(a.type), a.target);
        if (a.isAliased)
            out += QStringLiteral(" as %1").arg(a.as);
        out += QStringLiteral("  [%1]\n").arg(a.id.toString());
        out += QStringLiteral("  foreign key %1.%2").arg(a.foreignKeyTable, a.foreignKeyColumn);
        if (!a.otherKey.isEmpty())
            out += QStringLiteral(", other key %1.%2").arg(a.foreignKeyTable, a.otherKeyColumn);
        out += a.constraints ? QStringLiteral("\n") : QStringLiteral(" (no constraint)\n");
        out += QStringLiteral("  accessors: %1\n").arg(a.accessors().join(QLatin1String(", ")));
    }
    return out;
}

} // namespace Junction
