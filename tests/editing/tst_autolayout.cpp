// SPDX-License-Identifier: MIT
// The layered layout: deterministic, no overlapping boxes, referenced tables in earlier
// layers (above), cycles broken, unconnected groups packed apart, and the FK graph read from
// a resolved project.
#include "documenttestsupport.h"

#include "autolayout.h"

#include <QRandomGenerator>
#include <QRectF>

#include <algorithm>

using namespace Junction;
using namespace Junction::Testing;

namespace {

// n boxes of varied sizes and `edges` references; acyclic when each points at a lower index.
LayoutGraph randomGraph(int n, int edges, bool acyclic, quint32 seed)
{
    QRandomGenerator random(seed);
    LayoutGraph graph;
    for (int i = 0; i < n; ++i)
        graph.sizes.append(QSizeF(140 + random.bounded(200), 52 + 20 * random.bounded(12)));
    for (int e = 0; e < edges && n > 1; ++e) {
        const int a = 1 + int(random.bounded(n - 1));
        const int b = int(random.bounded(a));
        if (acyclic || random.bounded(4) != 0)
            graph.references.append({a, b});
        else
            graph.references.append({b, a}); // against the grain: makes cycles
        if (e % 7 == 0)
            graph.links.append({int(random.bounded(n)), int(random.bounded(n))});
    }
    return graph;
}

// The first pair of overlapping boxes, or "".
QString overlap(const QList<QPointF> &positions, const QList<QSizeF> &sizes)
{
    QList<int> order(positions.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](int a, int b) { return positions.at(a).x() < positions.at(b).x(); });
    for (int i = 0; i < order.size(); ++i) {
        const QRectF a(positions.at(order.at(i)), sizes.at(order.at(i)));
        for (int j = i + 1; j < order.size(); ++j) {
            const QRectF b(positions.at(order.at(j)), sizes.at(order.at(j)));
            if (b.left() >= a.right())
                break;
            if (a.intersects(b))
                return QStringLiteral("%1 and %2").arg(order.at(i)).arg(order.at(j));
        }
    }
    return {};
}

} // namespace

class tst_AutoLayout : public QObject
{
    Q_OBJECT

private slots:
    void graphs_data();
    void graphs();
    void cyclesAreBroken();
    void unreferencedTablesMoveDown();
    void groupsArePacked();
    void wideLayersWrap();
    void projectGraph();
    void emptyGraph();
};

void tst_AutoLayout::graphs_data()
{
    QTest::addColumn<int>("nodes");
    QTest::addColumn<int>("edges");
    QTest::addColumn<bool>("acyclic");
    QTest::newRow("single") << 1 << 0 << true;
    QTest::newRow("chain-ish") << 12 << 11 << true;
    QTest::newRow("sparse") << 200 << 120 << true;
    QTest::newRow("dense acyclic") << 400 << 900 << true;
    QTest::newRow("with cycles") << 400 << 900 << false;
    QTest::newRow("large acyclic") << 3000 << 4500 << true;
}

void tst_AutoLayout::graphs()
{
    QFETCH(int, nodes);
    QFETCH(int, edges);
    QFETCH(bool, acyclic);
    const LayoutGraph graph = randomGraph(nodes, edges, acyclic, 42);
    const LayoutResult result = layoutGraph(graph);
    QCOMPARE(result.positions.size(), nodes);

    // Deterministic: the same input, the same output.
    const LayoutResult again = layoutGraph(randomGraph(nodes, edges, acyclic, 42));
    QCOMPARE(again.positions, result.positions);
    QCOMPARE(again.layers, result.layers);

    const QString overlapping = overlap(result.positions, graph.sizes);
    QVERIFY2(overlapping.isEmpty(), qPrintable(overlapping));
    for (const QPointF &p : result.positions)
        QVERIFY(p.x() == std::floor(p.x()) && p.y() == std::floor(p.y()) && p.x() >= 0 && p.y() >= 0);

    if (!acyclic)
        return;
    // A referenced table is in an earlier layer, drawn wholly above its referrer.
    for (const auto &[from, to] : graph.references) {
        QCOMPARE(result.components.at(from), result.components.at(to));
        QVERIFY2(result.layers.at(to) < result.layers.at(from),
                 qPrintable(QStringLiteral("%1 -> %2").arg(from).arg(to)));
        QVERIFY(result.positions.at(to).y() + graph.sizes.at(to).height() <= result.positions.at(from).y());
    }
}

void tst_AutoLayout::cyclesAreBroken()
{
    LayoutGraph graph;
    for (int i = 0; i < 5; ++i)
        graph.sizes.append(QSizeF(150, 80));
    // 0 -> 1 -> 2 -> 0 is a cycle; 3 references 0; 4 references itself.
    graph.references = {{0, 1}, {1, 2}, {2, 0}, {3, 0}, {4, 4}};
    const LayoutResult result = layoutGraph(graph);
    // The search from node 0 drops 2 -> 0, the edge that closes the cycle.
    QCOMPARE(result.layers, QList<int>({2, 1, 0, 3, 0}));
    QVERIFY(overlap(result.positions, graph.sizes).isEmpty());
    QVERIFY(result.components.at(4) != result.components.at(0));
    QCOMPARE(layoutGraph(graph).positions, result.positions);
}

void tst_AutoLayout::unreferencedTablesMoveDown()
{
    LayoutGraph graph;
    for (int i = 0; i < 4; ++i)
        graph.sizes.append(QSizeF(150, 80));
    // A chain 0 -> 1 -> 2 and a lookup table 3 used only by 0: it sits just above 0.
    graph.references = {{0, 1}, {1, 2}, {0, 3}};
    const LayoutResult result = layoutGraph(graph);
    QCOMPARE(result.layers, QList<int>({2, 1, 0, 1}));
}

void tst_AutoLayout::groupsArePacked()
{
    LayoutGraph graph;
    for (int i = 0; i < 20; ++i)
        graph.sizes.append(QSizeF(150, 60 + 10 * (i % 3)));
    graph.references = {{1, 0}, {2, 0}, {3, 1}, {5, 4}, {7, 6}};
    graph.links = {{8, 9}};
    const LayoutResult result = layoutGraph(graph);
    QVERIFY(overlap(result.positions, graph.sizes).isEmpty());
    QCOMPARE(result.components.at(0), 0); // the largest group first
    QCOMPARE(result.components.at(3), 0);
    QCOMPARE(result.components.at(8), result.components.at(9));
    QCOMPARE(result.layers.at(8), result.layers.at(9)); // a link does not layer
    // Single models fill a grid, not one endless row.
    double right = 0, bottom = 0;
    for (int i = 0; i < graph.sizes.size(); ++i) {
        right = std::max(right, result.positions.at(i).x() + graph.sizes.at(i).width());
        bottom = std::max(bottom, result.positions.at(i).y() + graph.sizes.at(i).height());
    }
    QVERIFY2(right < 20 * 150 && bottom > 200, qPrintable(QStringLiteral("%1 x %2").arg(right).arg(bottom)));
}

void tst_AutoLayout::wideLayersWrap()
{
    // 300 tables referencing one: the bottom layer wraps onto rows instead of spanning
    // 300 boxes.
    LayoutGraph graph;
    for (int i = 0; i < 301; ++i) {
        graph.sizes.append(QSizeF(160, 100));
        if (i > 0)
            graph.references.append({i, 0});
    }
    const LayoutResult result = layoutGraph(graph);
    QVERIFY(overlap(result.positions, graph.sizes).isEmpty());
    double right = 0;
    for (const QPointF &p : result.positions)
        right = std::max(right, p.x() + 160);
    QVERIFY2(right < 100 * 160, qPrintable(QString::number(right)));
    for (int i = 1; i < 301; ++i)
        QVERIFY(result.positions.at(i).y() >= result.positions.at(0).y() + 100);
}

void tst_AutoLayout::projectGraph()
{
    const auto document = openFixture();
    const Project &project = document->project();
    auto index = [&](const char *name) { return document->entityIndexByName(QString::fromUtf8(name)); };
    const LayoutGraph graph = layoutGraphOf(project, document->resolved(), estimatedBoxSize);
    QCOMPARE(graph.sizes.size(), project.entities.size());
    QCOMPARE(graph.sizes.at(index("Membership")), estimatedBoxSize(project.entities.at(index("Membership"))));
    auto has = [](const QList<std::pair<int, int>> &list, int a, int b) {
        return list.contains(std::pair(a, b));
    };
    QVERIFY(has(graph.references, index("Post"), index("User")));        // Post.belongsTo(User)
    QVERIFY(has(graph.references, index("Note"), index("User")));        // User.hasOne(Note)
    QVERIFY(has(graph.references, index("Membership"), index("User")));  // through model
    QVERIFY(has(graph.references, index("Membership"), index("Group")));
    QVERIFY(has(graph.links, index("Post"), index("Tag")) || has(graph.links, index("Tag"), index("Post")));
    QCOMPARE(graph.references.size(), 4);

    const QList<QPointF> positions = autoLayout(project, document->resolved());
    const double userBottom = positions.at(index("User")).y() + graph.sizes.at(index("User")).height();
    QVERIFY(userBottom <= positions.at(index("Post")).y());
    QVERIFY(userBottom <= positions.at(index("Membership")).y());

    // A subset keeps only the references among its models.
    const LayoutGraph part = layoutGraphOf(project, document->resolved(), estimatedBoxSize,
                                           {index("Membership"), index("Group")});
    QCOMPARE(part.sizes.size(), 2);
    QCOMPARE(part.references, (QList<std::pair<int, int>>{{0, 1}}));
}

void tst_AutoLayout::emptyGraph()
{
    QVERIFY(layoutGraph({}).positions.isEmpty());
    QVERIFY(autoLayout(Project(), ResolvedSchema()).isEmpty());
}

QTEST_GUILESS_MAIN(tst_AutoLayout)
#include "tst_autolayout.moc"
