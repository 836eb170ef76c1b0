// SPDX-License-Identifier: MIT
#include "projectreader.h"
#include "projectwriter.h"
#include "resolvedschema.h"
#include "stringpool.h"

#include <QFile>
#include <QTest>
#include <QThread>

#include <vector>

using namespace Junction;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Every identifier of the project, with where it is, for the messages.
std::vector<std::pair<QString, QString>> identifiers(const Project &p)
{
    std::vector<std::pair<QString, QString>> out;
    auto add = [&out](const QString &where, const QString &s) {
        if (!s.isEmpty())
            out.emplace_back(where, s);
    };
    for (const Entity &e : p.entities) {
        add(QStringLiteral("model id"), e.id.toString());
        add(QStringLiteral("model name"), e.name);
        add(QStringLiteral("table name"), e.tableName);
        for (const Attribute &a : e.attributes) {
            add(QStringLiteral("attribute id"), a.id.toString());
            add(QStringLiteral("attribute name"), a.name);
            add(QStringLiteral("field"), a.field);
            add(QStringLiteral("type"), a.type);
            add(QStringLiteral("unique group"), a.uniqueGroup);
        }
        for (const Index &i : e.indexes) {
            add(QStringLiteral("index name"), i.name);
            for (const QString &f : i.fields)
                add(QStringLiteral("index field"), f);
        }
    }
    for (const Association &a : p.associations) {
        add(QStringLiteral("association id"), a.id.toString());
        add(QStringLiteral("source"), a.source);
        add(QStringLiteral("target"), a.target);
        add(QStringLiteral("as"), a.as.plural);
        add(QStringLiteral("as singular"), a.as.singular);
        add(QStringLiteral("foreignKey"), a.foreignKey.name);
        add(QStringLiteral("otherKey"), a.otherKey.name);
        add(QStringLiteral("through"), a.through.name);
        add(QStringLiteral("onDelete"), a.onDelete);
    }
    return out;
}

} // namespace

class TestStringPool : public QObject
{
    Q_OBJECT

private slots:
    void internedTextIsEqualAndShared();
    void latin1AndUtf16FindTheSameEntry();
    void whatIsNotPooled();
    void changingAPooledStringCopiesIt();
    void threadsAgreeOnEntries();
    void readersPoolIdentifiers_data();
    void readersPoolIdentifiers();
    void derivedIdsArePooled();
    void poolIdentifiersOfABuiltProject();
    void pooledProjectResolvesAndSavesAsBefore();
};

void TestStringPool::internedTextIsEqualAndShared()
{
    const QString text = QStringLiteral("Picture_") + QString::number(42);
    const QString a = StringPool::intern(text);
    const QString b = StringPool::intern(QString(text)); // another allocation, same text
    QCOMPARE(a, text);
    QVERIFY(StringPool::isPooled(a));
    QVERIFY(!StringPool::isPooled(text));
    QCOMPARE(a.constData(), b.constData());
    // The characters are NUL-terminated where they are, so utf16() needs no copy.
    QVERIFY(static_cast<const void *>(a.utf16()) == static_cast<const void *>(a.constData()));
    QVERIFY(a.utf16()[a.size()] == 0);
    // Copies point at the same characters; dropping them frees nothing.
    {
        const QString copy = a;
        QCOMPARE(copy.constData(), a.constData());
    }
    QCOMPARE(StringPool::intern(text), QStringLiteral("Picture_42"));
}

void TestStringPool::latin1AndUtf16FindTheSameEntry()
{
    const QByteArray bytes("userId_latin1");
    const QString fromBytes = StringPool::internLatin1(bytes.constData(), bytes.size());
    const QString fromText = StringPool::intern(QString::fromLatin1(bytes));
    QCOMPARE(fromBytes, QStringLiteral("userId_latin1"));
    QCOMPARE(fromBytes.constData(), fromText.constData());
    // Non-ASCII, surrogate pairs and look-alikes are entries of their own.
    const QString cyrillic = StringPool::intern(QStringLiteral("us\u0435rId_latin1")); // Cyrillic e
    QVERIFY(cyrillic.constData() != fromBytes.constData());
    QCOMPARE(cyrillic, QStringLiteral("us\u0435rId_latin1"));
    const QString emoji = StringPool::intern(QStringLiteral("tag_\U0001F600"));
    QCOMPARE(emoji, QStringLiteral("tag_\U0001F600"));
    QCOMPARE(StringPool::intern(QStringLiteral("tag_\U0001F600")).constData(), emoji.constData());
    // A name that differs only in the last character.
    QVERIFY(StringPool::intern(QStringLiteral("userId_latin2")).constData()
            != fromBytes.constData());
}

void TestStringPool::whatIsNotPooled()
{
    QVERIFY(StringPool::intern(QString()).isNull());
    const QString empty = StringPool::intern(QLatin1String(""));
    QVERIFY(empty.isEmpty());
    QVERIFY(!empty.isNull());
    QVERIFY(!StringPool::isPooled(empty));
    const QString longest(StringPool::kMaxLength, QLatin1Char('x'));
    QVERIFY(StringPool::isPooled(StringPool::intern(longest)));
    const QString tooLong(StringPool::kMaxLength + 1, QLatin1Char('x'));
    const QString notPooled = StringPool::intern(tooLong);
    QCOMPARE(notPooled, tooLong);
    QVERIFY(!StringPool::isPooled(notPooled));
    const QByteArray longBytes(StringPool::kMaxLength + 1, 'y');
    const QString fromLongBytes = StringPool::internLatin1(longBytes.constData(), longBytes.size());
    QCOMPARE(fromLongBytes, QString::fromLatin1(longBytes));
    QVERIFY(!StringPool::isPooled(fromLongBytes));
}

void TestStringPool::changingAPooledStringCopiesIt()
{
    const QString pooled = StringPool::intern(QStringLiteral("Comment_author"));
    QString changed = pooled;
    changed += QLatin1String("_id");
    changed[0] = QLatin1Char('c');
    QCOMPARE(changed, QStringLiteral("comment_author_id"));
    QCOMPARE(pooled, QStringLiteral("Comment_author"));
    QCOMPARE(StringPool::intern(QStringLiteral("Comment_author")), QStringLiteral("Comment_author"));
    QVERIFY(!StringPool::isPooled(changed));
}

void TestStringPool::threadsAgreeOnEntries()
{
    // Two threads intern the same 20,000 new names (the table grows while they do); each
    // name must come back as one entry with its own text.
    constexpr int count = 20000;
    std::vector<QString> results[2];
    auto work = [](std::vector<QString> &out) {
        out.reserve(count);
        for (int i = 0; i < count; ++i)
            out.push_back(StringPool::intern(QStringLiteral("thread_name_%1").arg(i)));
    };
    std::unique_ptr<QThread> other(QThread::create(work, std::ref(results[1])));
    other->start();
    work(results[0]);
    QVERIFY(other->wait(60000));
    for (int i = 0; i < count; ++i) {
        QCOMPARE(results[0][size_t(i)], QStringLiteral("thread_name_%1").arg(i));
        QCOMPARE(results[0][size_t(i)].constData(), results[1][size_t(i)].constData());
    }
}

void TestStringPool::readersPoolIdentifiers_data()
{
    QTest::addColumn<bool>("fully");
    QTest::newRow("fast path") << false;
    QTest::newRow("full reader") << true;
}

// Both readers: every identifier comes back pooled, comments do not.
void TestStringPool::readersPoolIdentifiers()
{
    QFETCH(bool, fully);
    const QByteArray json = readAll(QStringLiteral(JUNCTION_EXAMPLES "/shop.junction.json"));
    QVERIFY(!json.isEmpty());
    const LoadResult r = fully ? ProjectReader::readBytesFully(json) : ProjectReader::readBytes(json);
    QVERIFY(r.project);
    const auto all = identifiers(*r.project);
    QVERIFY(all.size() > 200);
    for (const auto &[where, text] : all) {
        if (!StringPool::isPooled(text))
            QFAIL(qPrintable(QStringLiteral("%1 \"%2\" is not pooled").arg(where, text)));
    }
    bool sawComment = false;
    for (const Entity &e : r.project->entities) {
        if (!e.comment.isEmpty()) {
            sawComment = true;
            QVERIFY(!StringPool::isPooled(e.comment));
        }
    }
    QVERIFY(sawComment);
}

void TestStringPool::derivedIdsArePooled()
{
    const QByteArray json = R"({"junction": 1, "models": [
        {"name": "User", "attributes": [{"name": "email", "type": "STRING"}]},
        {"name": "Post", "attributes": []}],
      "associations": [{"type": "hasMany", "source": "User", "target": "Post"}]})";
    for (const bool fully : {false, true}) {
        const LoadResult r = fully ? ProjectReader::readBytesFully(json)
                                   : ProjectReader::readBytes(json);
        QVERIFY(r.project);
        QCOMPARE(r.project->entities.at(0).id.toString(), QStringLiteral("m-User"));
        QCOMPARE(r.project->entities.at(0).attributes.at(0).id.toString(),
                 QStringLiteral("a-User-email"));
        QCOMPARE(r.project->associations.at(0).id.toString(),
                 QStringLiteral("as-User-hasMany-Post"));
        for (const auto &[where, text] : identifiers(*r.project))
            QVERIFY2(StringPool::isPooled(text), qPrintable(where));
    }
}

void TestStringPool::poolIdentifiersOfABuiltProject()
{
    Project p;
    Entity e;
    e.id = EntityId(QStringLiteral("built-") + QString::number(7));
    e.name = QStringLiteral("Built") + QString::number(7);
    e.comment = QStringLiteral("comment ") + QString::number(7);
    Attribute a;
    a.id = AttributeId(QStringLiteral("built-attr-") + QString::number(7));
    a.name = QStringLiteral("title") + QString::number(7);
    a.type = QStringLiteral("STRING(") + QString::number(70) + QLatin1Char(')');
    e.attributes << a;
    p.entities << e;
    Association as;
    as.id = AssociationId(QStringLiteral("built-as-") + QString::number(7));
    as.source = e.name + QString();
    as.target = QStringLiteral("Other") + QString::number(7);
    as.through.name = QStringLiteral("BuiltThrough") + QString::number(7);
    p.associations << as;
    const Project before = p;
    poolIdentifiers(p);
    QCOMPARE(ProjectWriter::toBytes(p), ProjectWriter::toBytes(before));
    for (const auto &[where, text] : identifiers(p))
        QVERIFY2(StringPool::isPooled(text), qPrintable(where));
    QVERIFY(!StringPool::isPooled(p.entities.at(0).comment));
}

// A pooled project is the same project: it resolves to the same schema and saves to the same
// bytes as the one read without pooling (a copy whose strings are all ordinary).
void TestStringPool::pooledProjectResolvesAndSavesAsBefore()
{
    const QByteArray json = readAll(QStringLiteral(JUNCTION_EXAMPLES "/shop.junction.json"));
    const LoadResult r = ProjectReader::readBytes(json);
    QVERIFY(r.project);
    Project ordinary = *r.project;
    // Deep copies: appending and removing a character detaches each string.
    auto deep = [](QString &s) {
        if (!s.isEmpty()) {
            s.append(QLatin1Char('x'));
            s.chop(1);
        }
    };
    for (Entity &e : ordinary.entities) {
        deep(e.name);
        for (Attribute &a : e.attributes) {
            deep(a.name);
            deep(a.type);
        }
    }
    for (Association &a : ordinary.associations) {
        deep(a.source);
        deep(a.target);
    }
    QVERIFY(!StringPool::isPooled(ordinary.entities.at(0).name));
    QCOMPARE(ProjectWriter::toBytes(*r.project), ProjectWriter::toBytes(ordinary));
    const ResolvedSchema pooled = resolve(*r.project);
    const ResolvedSchema plain = resolve(ordinary);
    QCOMPARE(pooled.tables.size(), plain.tables.size());
    for (int t = 0; t < pooled.tables.size(); ++t) {
        const ResolvedTable &x = pooled.tables.at(t);
        const ResolvedTable &y = plain.tables.at(t);
        QCOMPARE(x.name, y.name);
        QCOMPARE(x.columns.size(), y.columns.size());
        for (int c = 0; c < x.columns.size(); ++c) {
            QCOMPARE(x.columns.at(c).name, y.columns.at(c).name);
            QCOMPARE(x.columns.at(c).type, y.columns.at(c).type);
            QCOMPARE(x.columns.at(c).attributeId, y.columns.at(c).attributeId);
        }
        QCOMPARE(x.foreignKeys.size(), y.foreignKeys.size());
    }
    QCOMPARE(pooled.diagnostics.size(), plain.diagnostics.size());
}

QTEST_GUILESS_MAIN(TestStringPool)
#include "tst_stringpool.moc"
