// SPDX-License-Identifier: MIT
// The programs are linked against mimalloc (CMakeLists.txt, JUNCTION_MIMALLOC): its malloc must
// be the one everything calls, Qt's containers included, or the resolver's speed figures are
// not what users get.
#include "allocator.h"

#include <QProcess>
#include <QString>
#include <QTest>

#include <mimalloc.h>

#include <cstdlib>
#include <sys/resource.h>
#include <memory>

class TestAllocator : public QObject
{
    Q_OBJECT

private slots:
    void mallocIsMimalloc()
    {
        void *p = std::malloc(100);
        QVERIFY(p);
        QVERIFY(mi_is_in_heap_region(p));
        std::free(p);
        auto q = std::make_unique<char[]>(4096); // operator new
        QVERIFY(mi_is_in_heap_region(q.get()));
    }
    // The shipped programs themselves: mimalloc announces itself when asked to.
    void programsStartWithMimalloc_data()
    {
        QTest::addColumn<QString>("program");
        QTest::newRow("junction-cli") << QStringLiteral(JUNCTION_CLI);
        QTest::newRow("junction") << QStringLiteral(JUNCTION_DESIGNER);
    }
    void programsStartWithMimalloc()
    {
        QFETCH(QString, program);
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MIMALLOC_VERBOSE"), QStringLiteral("1"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.remove(QStringLiteral("LD_PRELOAD"));
        p.setProcessEnvironment(env);
        p.start(program, {QStringLiteral("--version")});
        QVERIFY(p.waitForFinished(30000));
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(err.contains("mimalloc: process init"), err.constData());
    }
    // What configureAllocator() sets is what the allocator then uses.
    void configuredOptions()
    {
        Junction::configureAllocator();
        QCOMPARE(mi_option_get(mi_option_decommit_delay), 10000L);
    }
    // A 20 MB string (an XL schema's DDL script) dropped and made again reuses its pages
    // instead of mapping new ones (4,900 page faults each time without the reserved space).
    void bigBlocksAreReused()
    {
        auto script = [] {
            QString s;
            s.reserve(10'000'000);
            s.resize(10'000'000, QLatin1Char('x'));
            return s.size();
        };
        script();
        rusage before {};
        getrusage(RUSAGE_SELF, &before);
        QCOMPARE(script() + script(), 20'000'000);
        rusage after {};
        getrusage(RUSAGE_SELF, &after);
        QVERIFY2(after.ru_minflt - before.ru_minflt < 500,
                 qPrintable(QStringLiteral("%1 page faults").arg(after.ru_minflt - before.ru_minflt)));
    }
    void qtAllocatesWithIt()
    {
        const QString s(1000, QLatin1Char('x')); // allocated inside libQt6Core
        QVERIFY(mi_is_in_heap_region(s.constData()));
    }
};

QTEST_GUILESS_MAIN(TestAllocator)
#include "tst_allocator.moc"
