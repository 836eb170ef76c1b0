// SPDX-License-Identifier: MIT
// The ON DELETE / ON UPDATE defaults the designer shows, one row per rule of
// associations.md §2, each checked against what the resolver gives the same association.
#include "referentialdefaults.h"
#include "resolvedschema.h"

#include <QTest>

using namespace Junction;

class tst_ReferentialDefaults : public QObject
{
    Q_OBJECT

private slots:
    void rules_data();
    void rules();
};

void tst_ReferentialDefaults::rules_data()
{
    QTest::addColumn<AssociationType>("type");
    QTest::addColumn<bool>("constraints");
    QTest::addColumn<bool>("allowNull");
    QTest::addColumn<QString>("onDelete");
    QTest::addColumn<QString>("onUpdate");

    const QString cascade = QStringLiteral("CASCADE");
    QTest::newRow("belongsTo") << AssociationType::BelongsTo << true << true
                               << QStringLiteral("SET NULL") << cascade;
    QTest::newRow("belongsTo NOT NULL")
        << AssociationType::BelongsTo << true << false << QStringLiteral("NO ACTION") << cascade;
    QTest::newRow("hasOne") << AssociationType::HasOne << true << true << QStringLiteral("SET NULL")
                            << cascade;
    QTest::newRow("hasOne NOT NULL")
        << AssociationType::HasOne << true << false << cascade << cascade;
    QTest::newRow("hasMany") << AssociationType::HasMany << true << true
                             << QStringLiteral("SET NULL") << cascade;
    QTest::newRow("hasMany NOT NULL")
        << AssociationType::HasMany << true << false << cascade << cascade;
    QTest::newRow("belongsToMany")
        << AssociationType::BelongsToMany << true << true << cascade << cascade;
    QTest::newRow("constraints false")
        << AssociationType::HasMany << false << true << QString() << QString();
}

void tst_ReferentialDefaults::rules()
{
    QFETCH(AssociationType, type);
    QFETCH(bool, constraints);
    QFETCH(bool, allowNull);
    QFETCH(QString, onDelete);
    QFETCH(QString, onUpdate);

    const ReferentialActions actions = defaultReferentialActions(type, constraints, allowNull);
    QCOMPARE(actions.onDelete, onDelete);
    QCOMPARE(actions.onUpdate, onUpdate);

    // The resolver agrees on a project with just this association.
    Project project;
    for (const char *name : {"User", "Picture"}) {
        Entity entity;
        entity.id = EntityId(QString::fromUtf8(name));
        entity.name = QString::fromUtf8(name);
        project.entities << entity;
    }
    Association a;
    a.id = AssociationId(QStringLiteral("a"));
    a.type = type;
    a.source = QStringLiteral("User");
    a.target = QStringLiteral("Picture");
    if (type == AssociationType::BelongsToMany) {
        a.through.kind = Through::Kind::Table;
        a.through.name = QStringLiteral("UserPictures");
    }
    if (!constraints)
        a.constraints = false;
    if (!allowNull) {
        a.foreignKey.isSet = a.foreignKey.isObject = true;
        a.foreignKey.name = QStringLiteral("ownerId");
        a.foreignKey.allowNull = false;
    }
    project.associations << a;
    const ResolvedSchema schema = resolve(project);
    const ResolvedAssociation *resolved = schema.association(a.id);
    QVERIFY(resolved && resolved->valid);
    QCOMPARE(resolved->onDelete, onDelete);
    QCOMPARE(resolved->onUpdate, onUpdate);
}

QTEST_GUILESS_MAIN(tst_ReferentialDefaults)
#include "tst_referentialdefaults.moc"
