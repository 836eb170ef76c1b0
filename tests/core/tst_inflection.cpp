// SPDX-License-Identifier: MIT
#include "inflection.h"

#include <QFile>
#include <QStringList>
#include <QTest>

#include <thread>
#include <vector>

using namespace Junction;

namespace {

struct Vector
{
    QString word, plural, singular, underscore, camelize;
};

// tests/data/inflection-vectors.tsv, written by scripts/gen-inflection-vectors.mjs from the
// real inflection 1.12.0 package. Cells are never trimmed: leading spaces are data.
QList<Vector> loadVectors(QString *error)
{
    const QString path
        = QFINDTESTDATA(QStringLiteral(JUNCTION_TEST_DATA "/inflection-vectors.tsv"));
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open inflection-vectors.tsv (%1)").arg(path);
        return {};
    }
    QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    const QString header = QStringLiteral("word\tplural\tsingular\tunderscore\tcamelize");
    if (lines.isEmpty() || lines.first() != header) {
        *error = QStringLiteral("unexpected header in %1").arg(path);
        return {};
    }
    QList<Vector> vectors;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList cells = lines.at(i).split(QLatin1Char('\t'));
        if (cells.size() != 5) {
            *error = QStringLiteral("line %1 has %2 cells").arg(i + 1).arg(cells.size());
            return {};
        }
        vectors.append({cells.at(0), cells.at(1), cells.at(2), cells.at(3), cells.at(4)});
    }
    return vectors;
}

QString u(const char16_t *s)
{
    return QString::fromUtf16(s);
}

} // namespace

class TestInflection : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void pluralize_data();
    void pluralize();
    void singularize_data();
    void singularize();
    void underscore_data();
    void underscore();
    void camelize_data();
    void camelize();
    void upperFirst_data();
    void upperFirst();
    void underscoredIfCamelizeIf();

    void vectors_data();
    void vectors();
    void cachedAnswersAreStable();
    void concurrentCalls();

private:
    QList<Vector> m_vectors;
};

void TestInflection::initTestCase()
{
    QString error;
    m_vectors = loadVectors(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(m_vectors.size() > 500, qPrintable(QString::number(m_vectors.size())));
}

// The vectors of the reference, section 0.1, plus the quirks a port gets wrong first.
void TestInflection::pluralize_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("expected");
    // clang-format off
    const char *rows[][2] = {
        {"User", "Users"},         {"Users", "Users"},         {"Person", "People"},
        {"Category", "Categories"}, {"Status", "Statuses"},    {"Child", "Children"},
        {"Quiz", "Quizzes"},       {"Index", "Indices"},       {"Fish", "Fishes"},
        {"Hero", "Heros"},         {"Leaf", "Leafs"},          {"Wife", "Wives"},
        {"Data", "Data"},          {"Equipment", "Equipment"}, {"News", "News"},
        {"Species", "Species"},    {"Series", "Series"},       {"Sheep", "Sheep"},
        {"Software", "Software"},  {"BlogPost", "BlogPosts"},  {"URL", "URLs"},
        {"Goose", "geese"},        {"Foot", "feet"},           {"Tooth", "teeth"},
        {"Octopus", "Octopi"},     {"Virus", "Viri"},          {"Man", "Men"},
        {"Mouse", "Mice"},         {"Matrix", "Matrices"},     {"Bus", "Buses"},
        {"Box", "Boxes"},          {"Analysis", "Analyses"},   {"Movie", "Movies"},
        {"UserGroups", "UserGroups"}, {"ProfilePicture", "ProfilePictures"},
        {"RICE", "RICE"},          {"S", "s"},                 {"oxenfree", "oxenfree"},
        {"", "s"},
    };
    // clang-format on
    for (const auto &row : rows)
        QTest::addRow("%s", *row[0] ? row[0] : "(empty)")
            << QString::fromUtf8(row[0]) << QString::fromUtf8(row[1]);
    // JavaScript's /i folds ASCII only: long s is not an s, the Kelvin sign lowers to k.
    QTest::addRow("long s") << u(u"Boſ") << u(u"Boſs");
    QTest::addRow("Kelvin karate") << u(u"\u212Aarate") << u(u"\u212Aarate");
    QTest::addRow("dotted I") << u(u"İce") << u(u"İces");
}

void TestInflection::pluralize()
{
    QFETCH(QString, word);
    QFETCH(QString, expected);
    QCOMPARE(Inflection::pluralize(word), expected);
}

void TestInflection::singularize_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("expected");
    // clang-format off
    const char *rows[][2] = {
        {"Data", "Datum"},         {"Metadata", "Metadatum"},  {"Sms", "Sm"},
        {"Friends", "Friend"},     {"Children", "Child"},      {"Stuff", "Stuff"},
        {"Equipment", "Equipment"}, {"News", "News"},          {"Species", "Species"},
        {"Series", "Series"},      {"Sheep", "Sheep"},         {"Software", "Software"},
        {"People", "Person"},      {"Octopi", "Octopus"},      {"Viri", "Virus"},
        {"Geese", "goose"},        {"Indices", "Index"},       {"Categories", "Category"},
        {"Statuses", "Status"},    {"Wives", "Wife"},          {"Leaves", "Leave"},
        {"Heroes", "Hero"},        {"Users", "User"},          {"User", "User"},
        {"Quizzes", "Quiz"},       {"Buses", "Bus"},           {"Analyses", "AnalyAsis"},
        {"Movies", "Movie"},       {"Mice", "Mouse"},          {"Vertices", "Vertex"},
        {"Women", "Woman"},        {"Criteria", "Criterion"},  {"Genera", "genus"},
        {"Addresses", "Address"},  {"Class", "Class"},         {"s", ""},
    };
    // clang-format on
    for (const auto &row : rows)
        QTest::addRow("%s", *row[0] ? row[0] : "(empty)")
            << QString::fromUtf8(row[0]) << QString::fromUtf8(row[1]);
    QTest::addRow("long s series") << u(u"ſeries") << u(u"ſery");
}

void TestInflection::singularize()
{
    QFETCH(QString, word);
    QFETCH(QString, expected);
    QCOMPARE(Inflection::singularize(word), expected);
}

void TestInflection::underscore_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("expected");
    // clang-format off
    const char *rows[][2] = {
        {"BlogPost", "blog_post"}, {"UserGroups", "user_groups"}, {"URLPath", "u_r_l_path"},
        {"user2Group", "user2_group"}, {"Admin::User", "admin/user"},
        {"_private", "private"},   {"User_Id", "user__id"},   {"blog_post", "blog_post"},
        {"", ""},
    };
    // clang-format on
    for (const auto &row : rows)
        QTest::addRow("%s", *row[0] ? row[0] : "(empty)")
            << QString::fromUtf8(row[0]) << QString::fromUtf8(row[1]);
    // Non-ASCII capitals get no underscore; lower-casing follows JavaScript (final sigma).
    QTest::addRow("Ärger") << u(u"ÄrgerUser") << u(u"ärger_user");
    QTest::addRow("final sigma") << u(u"ΟΔΟΣ") << u(u"οδος");
    QTest::addRow("dotted I") << u(u"İCE") << u(u"i\u0307_c_e");
}

void TestInflection::underscore()
{
    QFETCH(QString, word);
    QFETCH(QString, expected);
    QCOMPARE(Inflection::underscore(word), expected);
}

void TestInflection::camelize_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("expected");
    // clang-format off
    const char *rows[][2] = {
        {"User_id", "UserId"}, {"user_id", "userId"}, {"blog_post_id", "blogPostId"},
        {"  x  ", "x"},        {"-foo", "Foo"},       {"foo - bar", "fooBar"},
        {"a__b", "aB"},        {"a_1", "a1"},         {"", ""},
        // JavaScript throws on a trailing run; Junction drops it.
        {"a_", "a"},           {"_", ""},             {"Foo_Bar_", "FooBar"},
    };
    // clang-format on
    for (const auto &row : rows)
        QTest::addRow("%s", *row[0] ? row[0] : "(empty)")
            << QString::fromUtf8(row[0]) << QString::fromUtf8(row[1]);
    QTest::addRow("full upper case") << u(u"a_ß") << u(u"aSS");
    QTest::addRow("no-break space") << u(u"a\u00a0b") << u(u"aB");
    QTest::addRow("BOM is JS space") << u(u"\ufeffa_b") << u(u"aB");
    QTest::addRow("NEL is not") << u(u"a\u0085b") << u(u"a\u0085b");
}

void TestInflection::camelize()
{
    QFETCH(QString, word);
    QFETCH(QString, expected);
    QCOMPARE(Inflection::camelize(word), expected);
}

void TestInflection::upperFirst_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("expected");
    QTest::addRow("user") << QStringLiteral("user") << QStringLiteral("User");
    QTest::addRow("User") << QStringLiteral("User") << QStringLiteral("User");
    QTest::addRow("blogPost") << QStringLiteral("blogPost") << QStringLiteral("BlogPost");
    QTest::addRow("digit") << QStringLiteral("1abc") << QStringLiteral("1abc");
    QTest::addRow("empty") << QString() << QString();
    QTest::addRow("accent") << u(u"élan") << u(u"Élan");
    QTest::addRow("sharp s") << u(u"ßeta") << u(u"SSeta");
}

void TestInflection::upperFirst()
{
    QFETCH(QString, word);
    QFETCH(QString, expected);
    QCOMPARE(Inflection::upperFirst(word), expected);
}

void TestInflection::underscoredIfCamelizeIf()
{
    QCOMPARE(Inflection::underscoredIf(QStringLiteral("BlogPost"), true),
             QStringLiteral("blog_post"));
    QCOMPARE(Inflection::underscoredIf(QStringLiteral("BlogPost"), false),
             QStringLiteral("BlogPost"));
    QCOMPARE(Inflection::camelizeIf(QStringLiteral("blog_post"), true), QStringLiteral("blogPost"));
    QCOMPARE(Inflection::camelizeIf(QStringLiteral("blog_post"), false),
             QStringLiteral("blog_post"));
}

void TestInflection::vectors_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < m_vectors.size(); ++i)
        QTest::addRow("%d: %s", i + 2, qPrintable(m_vectors.at(i).word)) << i;
}

void TestInflection::vectors()
{
    QFETCH(int, index);
    const Vector &v = m_vectors.at(index);
    QCOMPARE(Inflection::pluralize(v.word), v.plural);
    QCOMPARE(Inflection::singularize(v.word), v.singular);
    QCOMPARE(Inflection::underscore(v.word), v.underscore);
    QCOMPARE(Inflection::camelize(v.word), v.camelize);
}

// The per-thread cache must hand back the same answer as the first computation.
void TestInflection::cachedAnswersAreStable()
{
    for (int round = 0; round < 3; ++round) {
        for (const Vector &v : std::as_const(m_vectors)) {
            QCOMPARE(Inflection::pluralize(v.word), v.plural);
            QCOMPARE(Inflection::singularize(v.word), v.singular);
        }
    }
}

// The resolver may run off the UI thread, several at once.
void TestInflection::concurrentCalls()
{
    constexpr int threadCount = 4;
    std::vector<int> mismatches(threadCount, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < threadCount; ++t) {
        threads.emplace_back([this, t, &mismatches] {
            for (int round = 0; round < 3; ++round) {
                for (qsizetype i = t; i < m_vectors.size() + t; ++i) {
                    const Vector &v = m_vectors.at(i % m_vectors.size());
                    if (Inflection::pluralize(v.word) != v.plural
                        || Inflection::singularize(v.word) != v.singular)
                        ++mismatches[t];
                }
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    for (int t = 0; t < threadCount; ++t)
        QCOMPARE(mismatches[t], 0);
}

QTEST_GUILESS_MAIN(TestInflection)
#include "tst_inflection.moc"
