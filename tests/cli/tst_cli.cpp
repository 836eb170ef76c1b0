// SPDX-License-Identifier: MIT
// junction-cli as a user runs it: the real binary in a QProcess, its exit codes, its
// diagnostics (file:line:col: severity[code]: message), its outputs.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString cli = QStringLiteral(JUNCTION_CLI);
const QString sourceDir = QStringLiteral(JUNCTION_SOURCE_DIR);

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QStringList &arguments)
{
    QProcess p;
    p.setWorkingDirectory(sourceDir);
    p.start(cli, arguments);
    Run r;
    if (!p.waitForFinished(30000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

const QString blog = QStringLiteral("resources/examples/blog.junction.json");
const QString cycle = QStringLiteral("resources/examples/cycle.junction.json");

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void usageErrors_data();
    void usageErrors();
    void help();
    void validateOk();
    void validateCycle();
    void validateCycleJson();
    void malformedFile();
    void ddlMatchesGolden();
    void ddlToFile();
    void ddlRefusesInvalidProject();
    void describeJsonIsDeterministic();
    void preview();
};

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no command") << QStringList{} << "junction-cli: no command given";
    QTest::newRow("unknown command") << QStringList{"frobnicate"} << "junction-cli: unknown command 'frobnicate'";
    QTest::newRow("ddl without dialect") << QStringList{"ddl", blog} << "junction-cli: ddl needs --dialect sqlite|postgres|mysql|mariadb";
    QTest::newRow("unknown dialect") << QStringList{"ddl", blog, "--dialect", "oracle"} << "junction-cli: unknown dialect 'oracle' (use sqlite, postgres, mysql or mariadb)";
    QTest::newRow("unknown option") << QStringList{"validate", blog, "--frob"} << "junction-cli: Unknown option 'frob'.";
    QTest::newRow("two files") << QStringList{"validate", blog, blog} << "junction-cli: validate takes one FILE";
    QTest::newRow("missing file") << QStringList{"validate", "nope.junction.json"} << "nope.junction.json: error[io]: cannot read the file: No such file or directory";
    QTest::newRow("unknown association") << QStringList{"preview", blog, "User.Nope", "--dialect", "sqlite"} << "";
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run r = run(arguments);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.out, QString());
    if (!message.isEmpty())
        QCOMPARE(r.err.section(QLatin1Char('\n'), 0, 0), message);
}

void TestCli::help()
{
    const Run top = run({QStringLiteral("--help")});
    QCOMPARE(top.exitCode, 0);
    QVERIFY2(top.out.contains(QLatin1String("validate FILE")), qPrintable(top.out));
    for (const QString &command : {QStringLiteral("validate"), QStringLiteral("ddl"),
                                   QStringLiteral("describe"), QStringLiteral("preview")}) {
        const Run r = run({command, QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("Usage:")) && r.out.contains(command),
                 qPrintable(r.out));
    }
    QVERIFY(run({QStringLiteral("ddl"), QStringLiteral("--help")}).out.contains(QLatin1String("--drop")));
}

void TestCli::validateOk()
{
    const Run r = run({QStringLiteral("validate"), blog});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, blog + QStringLiteral(": ok (5 tables, 7 associations)\n"));
    QCOMPARE(r.err, QString());
}

void TestCli::validateCycle()
{
    const Run r = run({QStringLiteral("validate"), cycle});
    QCOMPARE(r.exitCode, 1);
    const QStringList lines = r.err.split(QLatin1Char('\n'));
    QCOMPARE(lines.value(0), cycle + QStringLiteral(":22:5: error[cycle]: Cyclic dependency found. "
                                                    "Users is dependent of itself."));
    QCOMPARE(lines.value(1), QStringLiteral("Dependency chain: Users -> Pictures => Users"));
    QVERIFY2(r.err.contains(QLatin1String("User.belongsTo(Picture, as ProfilePicture) [as-user-profile-picture]")),
             qPrintable(r.err));
}

void TestCli::validateCycleJson()
{
    const Run r = run({QStringLiteral("validate"), cycle, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 1);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonArray diagnostics = doc.object().value(QLatin1String("diagnostics")).toArray();
    QCOMPARE(diagnostics.size(), 1);
    const QJsonObject d = diagnostics.first().toObject();
    QCOMPARE(d.value(QLatin1String("code")).toString(), QStringLiteral("cycle"));
    QCOMPARE(d.value(QLatin1String("severity")).toString(), QStringLiteral("error"));
    QCOMPARE(d.value(QLatin1String("line")).toInt(), 22);
    QCOMPARE(d.value(QLatin1String("column")).toInt(), 5);
    QCOMPARE(d.value(QLatin1String("ids")).toArray().size(), 2);
}

void TestCli::malformedFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.junction.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\n  \"junction\": 1,\n  \"models\": [\n    { \"name\": \"User\", }\n  ]\n}\n");
    f.close();
    const Run r = run({QStringLiteral("validate"), path});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(path + QStringLiteral(":4:")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("error[json-syntax]")), qPrintable(r.err));
    // The file is left as it was.
    QCOMPARE(readText(path), QStringLiteral("{\n  \"junction\": 1,\n  \"models\": [\n    { \"name\": \"User\", }\n  ]\n}\n"));
}

void TestCli::ddlMatchesGolden()
{
    for (const QString &dialect : {QStringLiteral("sqlite"), QStringLiteral("postgres"), QStringLiteral("mysql")}) {
        const Run r = run({QStringLiteral("ddl"), blog, QStringLiteral("--dialect"), dialect});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, readText(sourceDir + QStringLiteral("/tests/data/golden/blog.") + dialect + QStringLiteral(".sql")));
    }
    const Run maria = run({QStringLiteral("ddl"), blog, QStringLiteral("-d"), QStringLiteral("mariadb")});
    QCOMPARE(maria.out, readText(sourceDir + QStringLiteral("/tests/data/golden/blog.mysql.sql")));
    const Run drop = run({QStringLiteral("ddl"), blog, QStringLiteral("--dialect"), QStringLiteral("postgres"), QStringLiteral("--drop")});
    QCOMPARE(drop.out, readText(sourceDir + QStringLiteral("/tests/data/golden/blog.postgres.drop.sql")));
}

void TestCli::ddlToFile()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("schema.sql"));
    const Run r = run({QStringLiteral("ddl"), blog, QStringLiteral("--dialect"), QStringLiteral("sqlite"), QStringLiteral("-o"), out});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QString());
    QCOMPARE(readText(out), readText(sourceDir + QStringLiteral("/tests/data/golden/blog.sqlite.sql")));
    const Run bad = run({QStringLiteral("ddl"), blog, QStringLiteral("--dialect"), QStringLiteral("sqlite"), QStringLiteral("-o"), dir.filePath(QStringLiteral("missing/dir/schema.sql"))});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains(QLatin1String("error[io]: cannot write the file")), qPrintable(bad.err));
}

void TestCli::ddlRefusesInvalidProject()
{
    const Run r = run({QStringLiteral("ddl"), cycle, QStringLiteral("--dialect"), QStringLiteral("postgres")});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.out, QString());
    QVERIFY(r.err.contains(QLatin1String("error[cycle]")));
}

void TestCli::describeJsonIsDeterministic()
{
    const QStringList args{QStringLiteral("describe"), QStringLiteral("resources/examples/shop.junction.json"), QStringLiteral("--json")};
    const Run a = run(args);
    const Run b = run(args);
    QCOMPARE(a.exitCode, 0);
    QCOMPARE(a.out, b.out);
    const QJsonObject root = QJsonDocument::fromJson(a.out.toUtf8()).object();
    QCOMPARE(root.value(QLatin1String("tables")).toArray().size(), 17);
    QJsonObject referrals;
    for (const QJsonValue &v : root.value(QLatin1String("associations")).toArray()) {
        if (v.toObject().value(QLatin1String("id")).toString() == QLatin1String("as-customer-referrals"))
            referrals = v.toObject();
    }
    QCOMPARE(referrals.value(QLatin1String("through")).toString(), QStringLiteral("CustomerReferrals"));
    QCOMPARE(referrals.value(QLatin1String("foreignKey")).toString(), QStringLiteral("referrerId"));
    QCOMPARE(referrals.value(QLatin1String("otherKey")).toString(), QStringLiteral("referredId"));
    QCOMPARE(referrals.value(QLatin1String("accessors")).toArray().first().toString(), QStringLiteral("getReferrals"));
    QCOMPARE(root.value(QLatin1String("creationOrder")).toArray().first().toString(), QStringLiteral("Customers"));
}

void TestCli::preview()
{
    const Run r = run({QStringLiteral("preview"), blog, QStringLiteral("User.Posts"), QStringLiteral("--dialect"), QStringLiteral("mysql")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("ALTER TABLE `Posts` ADD COLUMN `UserId` INTEGER;\n"
                                   "ALTER TABLE `Posts` ADD CONSTRAINT `Posts_UserId_fkey` FOREIGN KEY (`UserId`) REFERENCES `Users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE;\n"));
    const Run byId = run({QStringLiteral("preview"), blog, QStringLiteral("as-user-posts"), QStringLiteral("--dialect"), QStringLiteral("mysql")});
    QCOMPARE(byId.out, r.out);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
