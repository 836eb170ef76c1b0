// SPDX-License-Identifier: MIT
#include "schemagenerator.h"

#include <QRandomGenerator>

namespace Junction::Bench {

Project generateProject(int models, int associations)
{
    static const char *const types[] = {"STRING", "INTEGER", "TEXT", "BOOLEAN", "DATE",
                                        "DECIMAL(10,2)", "STRING(64)", "BIGINT", "UUID",
                                        "ENUM('new','open','closed')"};
    QRandomGenerator random(20261125); // fixed seed: the same schema every run
    Project project;
    project.name = QStringLiteral("Generated %1").arg(models);
    project.entities.reserve(models);
    for (int m = 0; m < models; ++m) {
        Entity e;
        e.name = QStringLiteral("Model%1").arg(m);
        e.id = EntityId(QStringLiteral("m-%1").arg(m));
        for (int a = 0; a < 10; ++a) {
            Attribute attr;
            attr.id = AttributeId(QStringLiteral("a-%1-%2").arg(m).arg(a));
            attr.name = QStringLiteral("field%1").arg(a);
            attr.type = QString::fromLatin1(types[a]);
            attr.allowNull = a % 3 != 0;
            if (a == 6)
                attr.unique = true;
            e.attributes << attr;
        }
        project.entities << e;
        project.layout[QStringLiteral("models")] = QJsonObject();
    }
    QJsonObject positions;
    for (int m = 0; m < models; ++m)
        positions[QStringLiteral("m-%1").arg(m)] = QJsonObject{{QStringLiteral("x"), (m % 100) * 260},
                                                               {QStringLiteral("y"), (m / 100) * 320}};
    project.layout[QStringLiteral("models")] = positions;

    project.associations.reserve(associations);
    for (int i = 0; i < associations; ++i) {
        // holder > referenced keeps the dependency graph acyclic
        const int holder = 1 + int(random.bounded(models - 1));
        const int referenced = int(random.bounded(holder));
        Association a;
        a.id = AssociationId(QStringLiteral("as-%1").arg(i));
        switch (i % 4) {
        case 0:
            a.type = AssociationType::BelongsTo;
            a.source = project.entities.at(holder).name;
            a.target = project.entities.at(referenced).name;
            a.as.plural = QStringLiteral("Ref%1").arg(i);
            break;
        case 1:
            a.type = AssociationType::HasMany;
            a.source = project.entities.at(referenced).name;
            a.target = project.entities.at(holder).name;
            a.as.plural = QStringLiteral("Items%1").arg(i);
            a.foreignKey.isSet = true;
            a.foreignKey.name = QStringLiteral("owner%1Id").arg(i);
            break;
        case 2:
            a.type = AssociationType::HasOne;
            a.source = project.entities.at(referenced).name;
            a.target = project.entities.at(holder).name;
            a.as.plural = QStringLiteral("One%1").arg(i);
            break;
        case 3:
            a.type = AssociationType::BelongsToMany;
            a.source = project.entities.at(holder).name;
            a.target = project.entities.at(referenced).name;
            a.as.plural = QStringLiteral("Links%1").arg(i);
            a.through.kind = Through::Kind::Table;
            a.through.name = QStringLiteral("Link%1").arg(i);
            break;
        }
        project.associations << a;
    }
    return project;
}

Project fiftyChanges(Project p)
{
    for (int i = 0; i < 10; ++i) {
        Entity &added = p.entities[i * 7];
        Attribute a;
        a.id = AttributeId(QStringLiteral("a-bench-new-%1").arg(i));
        a.name = QStringLiteral("added");
        a.type = QStringLiteral("STRING(40)");
        added.attributes << a;
        p.entities[100 + i * 7].attributes[1].name = QStringLiteral("renamed");
        p.entities[200 + i * 7].attributes[6].type = QStringLiteral("STRING(128)");
        p.entities[300 + i * 7].attributes.removeAt(2);
        Index index;
        index.name = QStringLiteral("bench_index_%1").arg(i);
        index.fields = {QStringLiteral("field4")};
        p.entities[400 + i * 7].indexes << index;
    }
    return p;
}

} // namespace Junction::Bench
