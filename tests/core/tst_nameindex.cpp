// SPDX-License-Identifier: MIT
#include "nameindex.h"
#include "stringpool.h"

#include <QHash>
#include <QRandomGenerator>
#include <QTest>

using namespace Junction;

class TestNameIndex : public QObject
{
    Q_OBJECT

private slots:
    void insertAndFind()
    {
        NameIndex index;
        QVERIFY(index.isEmpty());
        QCOMPARE(index.value(QStringLiteral("users")), -1);
        QCOMPARE(index.value(QStringLiteral("users"), 7), 7);
        index.insert(QStringLiteral("users"), 0);
        index.insert(QStringLiteral("posts"), 1);
        index.insert(QStringLiteral("users"), 2); // the later one wins
        QCOMPARE(index.size(), 2);
        QCOMPARE(index.value(QStringLiteral("users")), 2);
        QCOMPARE(index.value(QStringLiteral("posts")), 1);
        QCOMPARE(index.value(QStringLiteral("Posts")), -1);
        QCOMPARE(index.value(QStringLiteral("post")), -1);
        index.clear();
        QCOMPARE(index.value(QStringLiteral("users")), -1);
    }

    void emplaceKeepsTheFirst()
    {
        NameIndex index;
        auto [first, inserted] = index.emplace(QStringLiteral("User"), 4);
        QVERIFY(inserted);
        QCOMPARE(*first, 4);
        auto [again, insertedAgain] = index.emplace(QStringLiteral("User"), 9);
        QVERIFY(!insertedAgain);
        QCOMPARE(*again, 4);
        *again = 5;
        QCOMPARE(index.value(QStringLiteral("User")), 5);
    }

    // Empty and null names are one name, as in QHash; odd lengths and every tail size hash
    // their last units.
    void emptyNullAndTails()
    {
        NameIndex index;
        index.insert(QString(), 1);
        QCOMPARE(index.value(QLatin1String("")), 1);
        index.insert(QLatin1String(""), 2);
        QCOMPARE(index.value(QString()), 2);
        QCOMPARE(index.size(), 1);
        const QString names[] = {QStringLiteral("a"), QStringLiteral("ab"), QStringLiteral("abc"),
                                 QStringLiteral("abcd"), QStringLiteral("abcde"),
                                 QStringLiteral("abcdefgh"), QStringLiteral("abcdefghi"),
                                 QStringLiteral("t\u00e4ble"), QStringLiteral("\u8868\u683c"),
                                 QStringLiteral("tag_\U0001F600"), QStringLiteral("a;\"b\" --")};
        for (int i = 0; i < int(std::size(names)); ++i)
            index.insert(names[i], 10 + i);
        for (int i = 0; i < int(std::size(names)); ++i)
            QCOMPARE(index.value(names[i]), 10 + i);
        QCOMPARE(index.value(QStringLiteral("abcdefg")), -1);
    }

    // Pooled and ordinary strings of the same text are the same name.
    void pooledAndOrdinaryText()
    {
        NameIndex index;
        const QString pooled = StringPool::intern(QStringLiteral("nameindex_Model42"));
        index.insert(pooled, 3);
        const QString ordinary = QStringLiteral("nameindex_Model") + QString::number(42);
        QVERIFY(ordinary.constData() != pooled.constData());
        QCOMPARE(index.value(ordinary), 3);
        QCOMPARE(index.value(pooled), 3);
    }

    // Copies share the table until one changes; the other keeps its answers.
    void copiesAreIndependent()
    {
        NameIndex a;
        a.insert(QStringLiteral("x"), 1);
        NameIndex b = a;
        b.insert(QStringLiteral("x"), 2);
        b.insert(QStringLiteral("y"), 3);
        QCOMPARE(a.value(QStringLiteral("x")), 1);
        QCOMPARE(a.value(QStringLiteral("y")), -1);
        QCOMPARE(a.size(), 1);
        QCOMPARE(b.value(QStringLiteral("x")), 2);
        QCOMPARE(b.size(), 2);
        NameIndex c = b;
        auto [slot, inserted] = c.emplace(QStringLiteral("x"), 0);
        QVERIFY(!inserted);
        *slot = 8;
        QCOMPARE(b.value(QStringLiteral("x")), 2);
        QCOMPARE(c.value(QStringLiteral("x")), 8);
    }

    // The same answers as QHash<QString, int> over random inserts and lookups, growing from
    // empty and from a reservation.
    void agreesWithQHash()
    {
        QRandomGenerator random(20261126);
        for (const bool reserved : {false, true}) {
            NameIndex index;
            QHash<QString, int> expected;
            if (reserved)
                index.reserve(5000);
            for (int i = 0; i < 20000; ++i) {
                const QString name = QStringLiteral("n%1_%2").arg(random.bounded(6000)).arg(
                    QString(random.bounded(4), QLatin1Char('x')));
                if (random.bounded(3) == 0) {
                    QCOMPARE(index.value(name), expected.value(name, -1));
                } else {
                    index.insert(name, i);
                    expected.insert(name, i);
                }
            }
            QCOMPARE(index.size(), expected.size());
            for (auto it = expected.cbegin(); it != expected.cend(); ++it)
                QCOMPARE(index.value(it.key()), it.value());
        }
    }
};

QTEST_GUILESS_MAIN(TestNameIndex)
#include "tst_nameindex.moc"
