// SPDX-License-Identifier: MIT
// The resolver's two ways of replaying the associations give the same result to the byte.
// On a big schema whose associations are all laneReady, resolve() replays them in two lanes
// (Resolver::associateInLanes, one per core); otherwise in one serial loop. No test project
// is big enough for the lanes, so each input here is resolved both ways through
// ResolverDetail::resolveWithMode (lanes forced at any size) and everything downstream is
// compared: describe JSON, the tables and associations field by field, the schema's lookups,
// the DDL of each dialect, the resolver's diagnostics and validateProject's, in order.
#include "ddlgenerator.h"
#include "describe.h"
#include "laneprojects.h"
#include "projectreader.h"
#include "resolvemode.h"
#include "schemagenerator.h"
#include "validator.h"

#include <QDirIterator>
#include <QMap>
#include <QTest>
#include <QThread>

using namespace Junction;
using ResolverDetail::ResolveMode;
using ResolverDetail::resolveWithMode;
using LaneProjects::Blocker;

Q_DECLARE_METATYPE(Junction::LaneProjects::Blocker)

namespace {

const QString sourceDir = QStringLiteral(JUNCTION_SOURCE_DIR);

// Seeds of the random projects (laneReady ones and, per blocker, a few that are not).
// JUNCTION_LANES_SEEDS=first-last (or a count) tries others, e.g. 1-20000 for a long hunt.
constexpr quint32 kRandomProjects = 300;
constexpr quint32 kBlockedSeedsPerBlocker = 3;

std::pair<quint32, quint32> randomSeeds()
{
    const QString range = qEnvironmentVariable("JUNCTION_LANES_SEEDS");
    const QStringList ends = range.split(QLatin1Char('-'));
    if (ends.size() == 2)
        return {ends.at(0).toUInt(), ends.at(1).toUInt()};
    if (!range.isEmpty())
        return {1, range.toUInt()};
    return {1, kRandomProjects};
}

QString diagnosticLine(const char *kind, const Diagnostic &d)
{
    return QStringLiteral("%1 %2 %3 | %4 | %5 | %6:%7 | %8")
        .arg(QLatin1String(kind), Diagnostic::severityName(d.severity), d.code, d.message, d.path)
        .arg(d.line)
        .arg(d.column)
        .arg(d.ids.join(QLatin1Char(',')));
}

QString names(const QStringList &list)
{
    return list.join(QLatin1Char(','));
}

// Everything a resolve gives and what reads it, one fact per line; describe JSON apart (its
// bytes are compared first, its lines only to name a difference).
struct Fingerprint
{
    QByteArray describe;
    QStringList lines;
};

Fingerprint fingerprint(const Project &project, const ResolvedSchema &s)
{
    Fingerprint fingerprint{describeJson(project, s), {}};
    QStringList &lines = fingerprint.lines;
    for (const Diagnostic &d : s.diagnostics)
        lines << diagnosticLine("resolve", d);
    lines << QStringLiteral("hasCycle %1 order %2").arg(s.hasCycle).arg(s.creationOrder.size());
    for (int k : s.creationOrder)
        lines << QStringLiteral("order %1").arg(k);
    for (int i = 0; i < s.associations.size(); ++i) {
        const ResolvedAssociation &a = s.associations.at(i);
        lines << QStringList{QStringLiteral("association %1 %2 valid %3 constraints %4 aliased %5")
                                 .arg(a.id.toString())
                                 .arg(int(a.type))
                                 .arg(a.valid)
                                 .arg(a.constraints)
                                 .arg(a.isAliased),
                             a.source, a.target, a.sourceTable, a.targetTable, a.as, a.singular,
                             a.plural, a.foreignKey, a.foreignKeyColumn, a.foreignKeyTable,
                             a.referencedKey, a.otherKey, a.otherKeyColumn, a.throughTable,
                             a.throughModel, a.onDelete, a.onUpdate, names(a.accessors())}
                     .join(QLatin1String(" | "));
        const ResolvedAssociation *found = s.association(a.id);
        lines << QStringLiteral("association lookup %1 -> %2")
                     .arg(a.id.toString())
                     .arg(found ? int(found - s.associations.constData()) : -1);
    }
    for (int t = 0; t < s.tables.size(); ++t) {
        const ResolvedTable &table = s.tables.at(t);
        const ResolvedTable *byEntity = s.tableForEntity(table.entityName);
        lines << QStringLiteral("table %1 entity %2 %3 %4 junctionOf %5 %6 | %7 | pk %8 | "
                                "lookup %9 %10")
                     .arg(table.name, table.entity.toString(), table.entityName)
                     .arg(table.entityIndex)
                     .arg(table.junctionOf.toString())
                     .arg(table.junctionOfIndex)
                     .arg(table.comment, names(table.primaryKey))
                     .arg(s.tableIndex(table.name))
                     .arg(byEntity ? int(byEntity - s.tables.constData()) : -1);
        for (const ResolvedColumn &c : table.columns)
            lines << QStringLiteral("  column %1 %2 %3 %4 | %5 %6 | origin %7 null %8 pk %9 "
                                    "auto %10 unique %11 | default %12 %13 | %14")
                         .arg(c.name, c.attribute, c.attributeId.toString(), c.type.toString(),
                              c.association.toString())
                         .arg(c.associationIndex)
                         .arg(int(c.origin))
                         .arg(c.allowNull)
                         .arg(c.primaryKey)
                         .arg(c.autoIncrement)
                         .arg(c.unique)
                         .arg(int(c.defaultValue.kind))
                         .arg(c.defaultValue.text, c.comment);
        for (const ResolvedForeignKey &fk : table.foreignKeys) {
            QStringList ids;
            for (const AssociationId &id : fk.associations)
                ids << id.toString();
            lines << QStringLiteral("  fk %1 (%2) -> %3 (%4) %5 %6 | %7 | %8 %9")
                         .arg(fk.name, names(fk.columns), fk.referencedTable,
                              names(fk.referencedColumns), fk.onDelete, fk.onUpdate, names(ids))
                         .arg(fk.associationIndex)
                         .arg(s.referencedTableIndex(fk));
        }
        for (const ResolvedUnique &u : table.uniques)
            lines << QStringLiteral("  unique %1 (%2)").arg(u.name, names(u.columns));
        for (const ResolvedIndex &x : table.indexes)
            lines << QStringLiteral("  index %1 (%2) %3").arg(x.name, names(x.columns)).arg(x.unique);
    }
    for (Dialect::Kind kind : Dialect::allKinds()) {
        const Dialect &dialect = Dialect::get(kind);
        lines << QStringLiteral("ddl ") + dialect.name();
        lines << DdlGenerator(dialect).schema(s);
    }
    for (const Diagnostic &d : validateProject(project, s))
        lines << diagnosticLine("validate", d);
    return fingerprint;
}

// QCOMPARE of two long lists names only their sizes: this names the first line that differs.
bool sameLines(const QStringList &serial, const QStringList &lanes, QString *difference)
{
    const qsizetype common = std::min(serial.size(), lanes.size());
    for (qsizetype i = 0; i < common; ++i) {
        if (serial.at(i) != lanes.at(i)) {
            *difference = QStringLiteral("line %1 of %2:\n  serial: %3\n  lanes:  %4")
                              .arg(i + 1)
                              .arg(serial.size())
                              .arg(serial.at(i), lanes.at(i));
            return false;
        }
    }
    if (serial.size() != lanes.size()) {
        *difference = QStringLiteral("serial has %1 lines, lanes %2; first extra: %3")
                          .arg(serial.size())
                          .arg(lanes.size())
                          .arg(serial.size() > lanes.size() ? serial.at(common) : lanes.at(common));
        return false;
    }
    return true;
}

bool sameFingerprint(const Fingerprint &serial, const Fingerprint &lanes, QString *difference)
{
    if (serial.describe != lanes.describe) {
        const QStringList a = QString::fromUtf8(serial.describe).split(QLatin1Char('\n'));
        const QStringList b = QString::fromUtf8(lanes.describe).split(QLatin1Char('\n'));
        sameLines(a, b, difference);
        difference->prepend(QStringLiteral("describe JSON, "));
        return false;
    }
    return sameLines(serial.lines, lanes.lines, difference);
}

// Resolves serially and as `mode` says, and compares; *tookLanes: whether `mode` took the
// lanes.
void compareSerialAndLanes(const Project &project, bool *tookLanes,
                           ResolveMode mode = ResolveMode::LanesWhenReady)
{
    bool serialTookLanes = true;
    const ResolvedSchema serial = resolveWithMode(project, ResolveMode::Serial, &serialTookLanes);
    QVERIFY2(!serialTookLanes, "ResolveMode::Serial took the lanes");
    const ResolvedSchema lanes = resolveWithMode(project, mode, tookLanes);
    QString difference;
    QVERIFY2(sameFingerprint(fingerprint(project, serial), fingerprint(project, lanes),
                             &difference),
             qPrintable(difference));
}

Project loadFile(const QString &path)
{
    LoadResult r = ProjectReader::readFile(path);
    return r.project.value_or(Project{});
}

} // namespace

class TestResolverLanes : public QObject
{
    Q_OBJECT

private slots:
    void rules_data();
    void rules();
    void files_data();
    void files();
    void generated_data();
    void generated();
    void random_data();
    void random();
    void big_data();
    void big();
    void randomProjectsTakeLanes();
    void notLaneReady_data();
    void notLaneReady();
    void defaultMode();
};

// The dependencies between turns that associateInLanes() keeps (see its comment), each over
// Model0 (lane 0) and Model40 (lane 1) of 64 models; `codes` are the resolver's diagnostics,
// which show that the case really happens.
void TestResolverLanes::rules_data()
{
    QTest::addColumn<QByteArray>("associations");
    QTest::addColumn<QStringList>("codes");
    QTest::newRow("naming collision with a key a later association adds")
        << QByteArray(R"({"type":"belongsTo","source":"Model40","target":"Model0","as":"owner"},
                         {"type":"hasMany","source":"Model0","target":"Model40","foreignKey":"owner"})")
        << QStringList();
    QTest::newRow("naming collision with a key an earlier association added in the other lane")
        << QByteArray(R"({"type":"hasMany","source":"Model0","target":"Model40","foreignKey":"owner"},
                         {"type":"belongsTo","source":"Model40","target":"Model0","as":"owner"})")
        << QStringList{QStringLiteral("naming-collision")};
    QTest::newRow("naming collision with its own key")
        << QByteArray(R"({"type":"belongsTo","source":"Model40","target":"Model0","as":"ownerId","foreignKey":"ownerId"})")
        << QStringList{QStringLiteral("naming-collision")};
    QTest::newRow("replaced and duplicate aliases of a source in lane 1")
        << QByteArray(R"({"type":"hasMany","source":"Model40","target":"Model0"},
                         {"type":"hasMany","source":"Model40","target":"Model0"},
                         {"type":"hasMany","source":"Model40","target":"Model1","as":"Items"},
                         {"type":"hasOne","source":"Model40","target":"Model2","as":"Items"})")
        << QStringList{QStringLiteral("replaced-association"), QStringLiteral("duplicate-alias")};
    QTest::newRow("junction paired across lanes, a third user conflicts")
        << QByteArray(R"({"type":"belongsToMany","source":"Model0","target":"Model40","through":"Pair"},
                         {"type":"belongsToMany","source":"Model40","target":"Model0","through":"Pair"},
                         {"type":"belongsToMany","source":"Model1","target":"Model40","through":"Pair"})")
        << QStringList{QStringLiteral("junction-conflict")};
    QTest::newRow("a key merged from both lanes, its rules asked again")
        << QByteArray(R"({"type":"hasMany","source":"Model0","target":"Model40","foreignKey":"ownerId","onDelete":"set null"},
                         {"type":"belongsTo","source":"Model40","target":"Model33","foreignKey":"ownerId","onDelete":"restrict"},
                         {"type":"hasOne","source":"Model1","target":"Model40","foreignKey":"ownerId","onDelete":"cascade"})")
        << QStringList{QStringLiteral("fk-definition-conflict"), QStringLiteral("fk-redefined")};
}

void TestResolverLanes::rules()
{
    QFETCH(QByteArray, associations);
    QFETCH(QStringList, codes);
    QByteArray models;
    for (int m = 0; m < 64; ++m)
        models += (m ? ", " : "") + QByteArray(R"({"name": "Model)") + QByteArray::number(m)
                  + R"(", "attributes": []})";
    const LoadResult loaded = ProjectReader::readBytes(R"({"junction": 1, "models": [)" + models
                                                       + R"(], "associations": [)" + associations
                                                       + "]}");
    QVERIFY(loaded.project);
    bool tookLanes = false;
    compareSerialAndLanes(*loaded.project, &tookLanes);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(tookLanes);
    QStringList found;
    for (const Diagnostic &d : resolve(*loaded.project).diagnostics)
        found << d.code;
    QCOMPARE(found, codes);
}

// Every example and every project file of the test data that loads.
void TestResolverLanes::files_data()
{
    QTest::addColumn<QString>("path");
    int rows = 0;
    for (const QString &dir : {QStringLiteral("/resources/examples"), QStringLiteral("/tests/data")}) {
        QStringList files;
        QDirIterator it(sourceDir + dir, {QStringLiteral("*.json")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        files.sort();
        for (const QString &file : files) {
            if (!ProjectReader::readFile(file).project)
                continue;
            QTest::newRow(qPrintable(file.mid(sourceDir.size() + 1))) << file;
            ++rows;
        }
    }
    QVERIFY2(rows >= 10, qPrintable(QStringLiteral("only %1 project files load").arg(rows)));
}

void TestResolverLanes::files()
{
    QFETCH(QString, path);
    const Project project = loadFile(path);
    bool tookLanes = false;
    compareSerialAndLanes(project, &tookLanes);
}

// bench_core's generated schemas, small enough to stay fast (L, where resolve() itself takes
// the lanes, is in defaultMode()).
void TestResolverLanes::generated_data()
{
    QTest::addColumn<int>("models");
    QTest::addColumn<int>("associations");
    QTest::newRow("40 models") << 40 << 60;
    QTest::newRow("150 models") << 150 << 230;
    QTest::newRow("M") << Bench::sizeM.models << Bench::sizeM.associations;
}

void TestResolverLanes::generated()
{
    QFETCH(int, models);
    QFETCH(int, associations);
    const Project project = Bench::generateProject(models, associations);
    bool tookLanes = false;
    compareSerialAndLanes(project, &tookLanes);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(tookLanes, "the generated schema did not take the lanes");
}

void TestResolverLanes::random_data()
{
    QTest::addColumn<quint32>("seed");
    const auto [first, last] = randomSeeds();
    for (quint32 seed = first; seed <= last; ++seed)
        QTest::addRow("seed %u", seed) << seed;
}

void TestResolverLanes::random()
{
    QFETCH(quint32, seed);
    const Project project = LaneProjects::conflicted(seed);
    bool tookLanes = false;
    compareSerialAndLanes(project, &tookLanes);
}

// Random projects as big as resolve() takes the lanes for itself (on two cores): the
// preparation's two halves then fill the lanes too.
void TestResolverLanes::big_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::newRow("2,400 associations, seed 1") << 1u;
    QTest::newRow("2,400 associations, seed 2") << 2u;
}

void TestResolverLanes::big()
{
    QFETCH(quint32, seed);
    const Project project = LaneProjects::conflicted(seed, Blocker::None, 2400);
    bool tookLanes = false;
    compareSerialAndLanes(project, &tookLanes, ResolveMode::Default);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(tookLanes, QThread::idealThreadCount() >= 2);
    if (!tookLanes) { // one core: forced
        compareSerialAndLanes(project, &tookLanes, ResolveMode::LanesWhenReady);
        QVERIFY(tookLanes);
    }
}

// The random projects are built laneReady: nearly all must really take the lanes, or the
// comparisons above prove little. And in the lanes they must meet the conflicts that make one
// association's turn depend on another's.
void TestResolverLanes::randomProjectsTakeLanes()
{
    int lanes = 0;
    QStringList serial;
    QMap<QString, int> codes; // diagnostics met in the lanes, per code
    const auto [first, last] = randomSeeds();
    const int projects = int(last - first + 1);
    for (quint32 seed = first; seed <= last; ++seed) {
        bool tookLanes = false;
        const ResolvedSchema schema = resolveWithMode(LaneProjects::conflicted(seed),
                                                      ResolveMode::LanesWhenReady, &tookLanes);
        if (!tookLanes) {
            serial << QString::number(seed);
            continue;
        }
        ++lanes;
        for (const Diagnostic &d : schema.diagnostics)
            ++codes[d.code];
    }
    QStringList met;
    for (auto it = codes.cbegin(); it != codes.cend(); ++it)
        met << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
    qInfo("%d of %d random projects took the lanes; they reported %s", lanes, projects,
          qPrintable(met.join(QLatin1String(", "))));
    for (const char *code : {"duplicate-alias", "replaced-association", "naming-collision",
                             "junction-conflict", "fk-definition-conflict", "fk-redefined",
                             "composite-key-no-constraint", "ignored-option",
                             "two-columns-one-relationship"}) {
        QVERIFY2(codes.value(QLatin1String(code)) >= 5,
                 qPrintable(QStringLiteral("the lanes met %1 only %2 times")
                                .arg(QLatin1String(code))
                                .arg(codes.value(QLatin1String(code)))));
    }
    QVERIFY2(lanes >= projects * 9 / 10,
             qPrintable(QStringLiteral("%1 of %2 took the lanes; serial: seeds %3")
                            .arg(lanes)
                            .arg(projects)
                            .arg(serial.join(QLatin1Char(' ')))));
}

// One association that is not laneReady keeps the whole project on the serial loop; the
// results still agree.
void TestResolverLanes::notLaneReady_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<Blocker>("blocker");
    for (Blocker blocker : LaneProjects::allBlockers()) {
        for (quint32 seed = 1; seed <= kBlockedSeedsPerBlocker; ++seed)
            QTest::addRow("%s %u", qPrintable(LaneProjects::blockerName(blocker)), seed)
                << seed << blocker;
    }
}

void TestResolverLanes::notLaneReady()
{
    QFETCH(quint32, seed);
    QFETCH(Blocker, blocker);
    const Project project = LaneProjects::conflicted(seed, blocker);
    bool tookLanes = true;
    compareSerialAndLanes(project, &tookLanes);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(!tookLanes, "lanes taken on a project that is not laneReady");
    // The same project without the blocker does take them: the blocker decided.
    resolveWithMode(LaneProjects::conflicted(seed), ResolveMode::LanesWhenReady, &tookLanes);
    QVERIFY(tookLanes);
}

// resolve() itself: serial below kLaneMinimum associations, lanes at L on two cores, and the
// same result as the forced serial loop there.
void TestResolverLanes::defaultMode()
{
    bool tookLanes = true;
    const Project small = LaneProjects::conflicted(1);
    resolveWithMode(small, ResolveMode::Default, &tookLanes);
    QVERIFY2(!tookLanes, "resolve() took the lanes on a small project");

    const Project large = Bench::generateProject(Bench::sizeL.models, Bench::sizeL.associations);
    QVERIFY(large.associations.size() >= 2000);
    const ResolvedSchema byDefault = resolveWithMode(large, ResolveMode::Default, &tookLanes);
    QCOMPARE(tookLanes, QThread::idealThreadCount() >= 2);
    bool serialTookLanes = true;
    const ResolvedSchema serial = resolveWithMode(large, ResolveMode::Serial, &serialTookLanes);
    QVERIFY(!serialTookLanes);
    QString difference;
    QVERIFY2(sameFingerprint(fingerprint(large, serial), fingerprint(large, byDefault),
                             &difference),
             qPrintable(difference));
    // resolve() is the Default mode.
    QCOMPARE(describeJson(large, resolve(large)), describeJson(large, byDefault));
}

QTEST_GUILESS_MAIN(TestResolverLanes)
#include "tst_resolverlanes.moc"
