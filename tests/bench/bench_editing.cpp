// SPDX-License-Identifier: MIT
// bench_editing: typing in the inspector on the generated L (2,000 models) and XL (10,000
// models) schemas, in a whole MainWindow offscreen. The designer issue wants diagnostics
// that follow the edits "debounced, never blocking typing" and no UI stall over 100 ms.
// A model is selected and its name typed into the inspector's name field key by key
// (QTest::keyClick on the QLineEdit: the edit goes through the same command as a user's).
// Per keystroke it measures the time the key blocked the UI thread, the time until the
// table box shows the new name, and until everything that follows the resolved schema has
// settled (canvas, diagnostics, DDL dock, outline); and the longest gap in the event loop
// from the key until settled. Two ways: one key at a time, each left to settle, and a burst
// of keys 60 ms apart (a fast typist) settled after the last. Then structural edits: a model
// is added (as a double click on the canvas does) and the add undone, a model deleted with
// its associations and that undone; for each, the longest event-loop gap from the turn its
// resolve lands in (the views catching up) until settled; then the edits that bring or take
// edges and junction tables: an association added, a belongsTo and a belongsToMany (with
// its junction table) removed, each undone. Exit 1 when a keystroke or a
// structural edit blocks the UI thread, or the event loop stalls while typing or when a
// structural resolve lands, for more than 100 ms. Then Select All (L and XL) and, at L, every
// model deleted at once and undone. JUNCTION_BENCH_GAPS=1 prints every event
// over 30 ms with its receiver.
#include "associationitem.h"
#include "commands/associationcommands.h"
#include "commands/entitycommands.h"
#include "ddlpanel.h"
#include "diagnosticspanel.h"
#include "diagramscene.h"
#include "diagramview.h"
#include "document.h"
#include "entitypage.h"
#include "inspectorpanel.h"
#include "mainwindow.h"
#include "outlinemodel.h"
#include "outlinepanel.h"
#include "schemagenerator.h"
#include "tableitem.h"
#include "timedapplication.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>

using namespace Junction;

namespace {

struct Key
{
    double block = 0;      // the keystroke's own call: the UI thread did nothing else
    double shown = 0;      // until the table box shows the typed name
    double settled = 0;    // until canvas, diagnostics, DDL and outline follow the edit
    double longestGap = 0; // the longest the event loop went without turning meanwhile
};

// Spins the event loop until `done` (or a minute), timing the gaps between its turns with a
// 1 ms timer; `shown` is checked on the way.
struct Spinner
{
    QElapsedTimer gap;
    QTimer ticker;
    double longestGap = 0;
    // The longest of the gaps that ended once *landed was true (the turn it turned true in
    // included).
    const bool *landed = nullptr;
    double longestLanded = 0;

    Spinner()
    {
        ticker.setInterval(1);
        QObject::connect(&ticker, &QTimer::timeout, [this] { tick(); });
    }
    void tick()
    {
        const double ms = gap.nsecsElapsed() / 1e6;
        longestGap = std::max(longestGap, ms);
        if (landed && *landed)
            longestLanded = std::max(longestLanded, ms);
        gap.restart();
    }
    void start()
    {
        longestGap = 0;
        longestLanded = 0;
        gap.start();
        ticker.start();
    }
    void stop()
    {
        tick();
        ticker.stop();
    }
};

class Typist
{
public:
    Typist(MainWindow &window, const EntityId &id)
        : m_window(window)
        , m_id(id)
        , m_edit(window.inspectorPanel()->entityPage()->nameEdit())
    {}

    QLineEdit *edit() const { return m_edit; }

    bool boxShows(const QString &name) const
    {
        const TableItem *item = m_window.scene()->tableItem(m_id);
        return item && item->content().title == name;
    }

    bool settled(const QString &name) const
    {
        if (!boxShows(name) || !m_window.diagnosticsPanel()->isUpToDate()
            || !m_window.ddlPanel()->isUpToDate()
            || m_window.outlinePanel()->model()->hasPendingChanges())
            return false;
        // The canvas's generated columns come from the resolved schema: the junction and FK
        // columns named after the model follow it; the DDL names the model's table.
        const Document *document = m_window.document();
        return document->entity(m_id) && document->entity(m_id)->name == name;
    }

    // Types `key`, then spins until settled when `wait`, else for `pause` ms.
    Key type(QChar key, bool wait, int pause = 0)
    {
        Key k;
        m_spinner.start();
        QElapsedTimer total;
        total.start();
        QTest::keyClick(m_edit, key.toLatin1());
        k.block = total.nsecsElapsed() / 1e6;
        m_spinner.gap.restart(); // the block is counted on its own
        const QString name = m_edit->text();
        bool shown = boxShows(name);
        if (shown)
            k.shown = k.block;
        auto spinOnce = [&] {
            QApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
            if (!shown && boxShows(name)) {
                shown = true;
                k.shown = total.nsecsElapsed() / 1e6;
            }
        };
        if (wait) {
            while (!(shown && settled(name)) && total.elapsed() < 60000)
                spinOnce();
            k.settled = total.nsecsElapsed() / 1e6;
        } else {
            while (total.elapsed() < pause)
                spinOnce();
        }
        m_spinner.stop();
        k.longestGap = std::max(k.block, m_spinner.longestGap);
        return k;
    }

    // After a burst: until settled on the last name.
    Key settle()
    {
        Key k;
        m_spinner.start();
        QElapsedTimer total;
        total.start();
        const QString name = m_edit->text();
        while (!settled(name) && total.elapsed() < 60000)
            QApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        m_spinner.stop();
        k.settled = total.nsecsElapsed() / 1e6;
        k.longestGap = m_spinner.longestGap;
        return k;
    }

private:
    MainWindow &m_window;
    EntityId m_id;
    QLineEdit *m_edit;
    Spinner m_spinner;
};

double medianOf(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

double maxOf(const QList<double> &values)
{
    return values.isEmpty() ? 0 : *std::max_element(values.cbegin(), values.cend());
}

// The UI thread's CPU time: on a loaded machine a blocking step's wall time includes the
// time it waited for a core.
double uiCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

struct Structural
{
    double block = 0;      // the push (or undo) and one turn of the event loop
    double blockCpu = 0;   // the UI thread's CPU time in it
    double gap = 0;        // the longest event-loop gap after it, until settled
    double landingGap = 0; // the same, from the turn the resolve landed in
    double settled = 0;
};

struct Figures
{
    double blockMedian = 0, blockMax = 0;
    double shownMedian = 0, settledMedian = 0;
    double gapMax = 0;
    double burstBlockMax = 0, burstGapMax = 0, burstSettled = 0;
    // Structural edits: a model added (its box shown at once) and that undone; a model
    // deleted with its associations and that undone.
    Structural add, undoAdd, remove, undoRemove;
    // Select All (the action's own call), the longest gap in the 500 ms after it; then (at L) every
    // model deleted at once, as Delete does once its confirmation is accepted, and undone.
    Structural selectAll, removeAll, undoRemoveAll;
    // Edges and junction tables that come or go, each undone.
    Structural addAssociation, undoAddAssociation, removeBelongsTo, undoRemoveBelongsTo,
        removeMany, undoRemoveMany;
};

Figures measure(const Bench::SchemaSize &size, int keys)
{
    Figures f;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.junction.json"));
    {
        Document generated(Bench::generateProject(size.models, size.associations));
        if (!generated.saveAs(path))
            qFatal("cannot write %s", qPrintable(path));
    }

    MainWindow window;
    window.resize(1920 + 420, 1080 + 260);
    window.show();
    QApplication::processEvents();
    if (!window.openFile(path))
        qFatal("cannot open %s", qPrintable(path));
    window.document()->setAutosaveInterval(0);

    // A model in the middle, with associations both ways (the generator links neighbours).
    const Entity &model = window.document()->project().entities.at(size.models / 2);
    const EntityId id = model.id;
    TableItem *box = window.scene()->tableItem(id);
    window.scene()->clearSelection();
    box->setSelected(true);
    window.view()->centerOn(box);
    Typist typist(window, id);
    QLineEdit *edit = typist.edit();
    edit->setFocus();
    edit->end(false);
    {
        // Everything that the open and the selection started, done.
        QElapsedTimer t;
        t.start();
        while (!typist.settled(edit->text()) && t.elapsed() < 60000)
            QApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        QTest::qWait(500);
    }

    QList<double> blocks, shown, settled, gaps;
    const QString letters = QStringLiteral("abcdefghijklmnop");
    for (int i = 0; i < keys; ++i) {
        const Key k = typist.type(letters.at(i), true);
        blocks << k.block;
        shown << k.shown;
        settled << k.settled;
        gaps << k.longestGap;
    }
    f.blockMedian = medianOf(blocks);
    f.blockMax = maxOf(blocks);
    f.shownMedian = medianOf(shown);
    f.settledMedian = medianOf(settled);
    f.gapMax = maxOf(gaps);

    QList<double> burstBlocks, burstGaps;
    for (int i = 0; i < keys; ++i) {
        const Key k = typist.type(letters.at(keys + i), false, 60);
        burstBlocks << k.block;
        burstGaps << k.longestGap;
    }
    const Key last = typist.settle();
    burstGaps << last.longestGap;
    f.burstBlockMax = maxOf(burstBlocks);
    f.burstGapMax = maxOf(burstGaps);
    f.burstSettled = last.settled;

    // Structural edits, each pushed as the canvas or the Delete key does, then left to
    // settle: the UI-thread time of the push (with one turn of the event loop), the longest
    // event-loop gap until settled, and the longest gap from the turn in which the resolve
    // lands (Document::resolvedChanged: the canvas, outline, inspector, DDL dock, minimap
    // and diagnostics catch up) until settled.
    Document *document = window.document();
    bool landed = false;
    QObject::connect(document, &Document::resolvedChanged, &window, [&landed] { landed = true; });
    const auto structural = [&](const std::function<void()> &change,
                                std::function<bool()> done = {}) {
        if (!done)
            done = [&] { return typist.settled(edit->text()); };
        Structural e;
        Spinner spinner;
        spinner.landed = &landed;
        landed = false;
        QElapsedTimer t;
        t.start();
        const double cpu = uiCpuMs();
        change();
        QApplication::processEvents();
        e.block = t.nsecsElapsed() / 1e6;
        e.blockCpu = uiCpuMs() - cpu;
        spinner.start();
        while (!(landed && document->isResolveSettled() && done())
               && t.elapsed() < 60000)
            QApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        spinner.stop();
        e.gap = spinner.longestGap;
        e.landingGap = spinner.longestLanded;
        e.settled = t.nsecsElapsed() / 1e6;
        return e;
    };
    // A model added, as a double click on the canvas does: its box must be there at once
    // (the in-place editor opens on it). Then undone.
    f.add = structural([&] {
        Entity entity;
        entity.name = QStringLiteral("BenchAdded");
        document->push(Commands::addEntity(*document, entity, QPointF(-800, -600)));
    });
    if (!window.scene()->tableItem(document->project().entities.last().id))
        qFatal("the added model has no box");
    f.undoAdd = structural([&] { document->undoStack()->undo(); });
    // A model from the middle deleted with its associations (the Delete key), then undone.
    const EntityId removed = document->project().entities.at(size.models / 3).id;
    f.remove = structural([&] {
        document->push(Commands::removeEntities(*document, {removed}));
    });
    if (window.scene()->tableItem(removed))
        qFatal("the removed model still has a box");
    f.undoRemove = structural([&] { document->undoStack()->undo(); });

    // An association between two models one row apart (the generator puts 100 in a row).
    const Project &project = document->project();
    Association added;
    added.type = AssociationType::HasMany;
    added.id = AssociationId(QStringLiteral("as-bench-added"));
    added.source = project.entities.at(size.models / 2 + 3).name;
    added.target = project.entities.at(size.models / 2 + 103).name;
    added.as.plural = QStringLiteral("BenchItems");
    f.addAssociation = structural(
        [&] { document->push(Commands::addAssociation(*document, added)); });
    if (!window.scene()->associationItem(added.id))
        qFatal("the added association has no edge");
    f.undoAddAssociation = structural([&] { document->undoStack()->undo(); });
    if (window.scene()->associationItem(added.id))
        qFatal("the undone association still has an edge");
    // The generator cycles belongsTo, hasMany, hasOne, belongsToMany.
    const int half = (size.associations / 2) & ~3;
    const Association belongsTo = project.associations.at(half);
    const Association many = project.associations.at(half + 3);
    if (belongsTo.type != AssociationType::BelongsTo
        || many.type != AssociationType::BelongsToMany)
        qFatal("unexpected generated associations");
    f.removeBelongsTo = structural(
        [&] { document->push(Commands::removeAssociations(*document, {belongsTo.id})); });
    if (window.scene()->associationItem(belongsTo.id))
        qFatal("the removed belongsTo still has an edge");
    f.undoRemoveBelongsTo = structural([&] { document->undoStack()->undo(); });
    f.removeMany = structural(
        [&] { document->push(Commands::removeAssociations(*document, {many.id})); });
    if (window.scene()->associationItem(many.id)
        || window.scene()->junctionItem(many.through.name))
        qFatal("the removed belongsToMany still has an edge or its junction table");
    f.undoRemoveMany = structural([&] { document->undoStack()->undo(); });
    if (!window.scene()->junctionItem(many.through.name))
        qFatal("the belongsToMany put back has no junction table");

    {
        QAction *selectAll = window.findChild<QAction *>(QStringLiteral("selectAllAction"));
        Spinner spinner;
        QElapsedTimer t;
        t.start();
        selectAll->trigger();
        f.selectAll.block = t.nsecsElapsed() / 1e6; // what follows in later turns: the gaps
        spinner.start();
        while (t.elapsed() < 500)
            QApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        spinner.stop();
        f.selectAll.gap = spinner.longestGap;
        if (window.scene()->selectedItems().size() < size.models)
            qFatal("Select All left models unselected");
    }
    if (size.models <= Bench::sizeL.models) {
        QList<EntityId> all;
        for (const Entity &entity : document->project().entities)
            all << entity.id;
        const auto ddlSettled = [&] {
            return window.diagnosticsPanel()->isUpToDate() && window.ddlPanel()->isUpToDate()
                   && !window.outlinePanel()->model()->hasPendingChanges();
        };
        f.removeAll = structural(
            [&] { document->push(Commands::removeEntities(*document, all)); }, ddlSettled);
        if (!window.scene()->tableItems().isEmpty())
            qFatal("deleting every model left boxes");
        f.undoRemoveAll = structural([&] { document->undoStack()->undo(); }, ddlSettled);
    }

    const auto printStructural = [](const char *what, const Structural &e) {
        std::printf("    %-28s UI blocked %6.1f ms (%5.1f ms CPU) | longest gap %6.1f ms, from "
                    "the resolve landing %6.1f ms | settled %6.1f ms\n",
                    what, e.block, e.blockCpu, e.gap, e.landingGap, e.settled);
    };
    std::printf("%-3s %6d models %6d assocs, typing into \"%s\"\n", size.name, size.models,
                size.associations, qPrintable(edit->text()));
    std::printf("    one key at a time: UI blocked per key median %6.1f ms max %6.1f ms | box shows "
                "it %6.1f ms | settled %6.1f ms | longest event-loop gap %6.1f ms\n",
                f.blockMedian, f.blockMax, f.shownMedian, f.settledMedian, f.gapMax);
    std::printf("    burst of %d keys 60 ms apart: UI blocked per key max %6.1f ms | longest "
                "event-loop gap %6.1f ms | settled %6.1f ms after the last key\n",
                keys, f.burstBlockMax, f.burstGapMax, f.burstSettled);
    printStructural("add a model:", f.add);
    printStructural("undo it:", f.undoAdd);
    printStructural("delete a model (+ assocs):", f.remove);
    printStructural("undo it:", f.undoRemove);
    std::printf("    %-28s UI blocked %6.1f ms | longest gap %6.1f ms in the 500 ms after\n",
                "Select All:", f.selectAll.block, f.selectAll.gap);
    if (size.models <= Bench::sizeL.models) {
        printStructural("delete all selected models:", f.removeAll);
        printStructural("undo it:", f.undoRemoveAll);
    }
    printStructural("add an association:", f.addAssociation);
    printStructural("undo it:", f.undoAddAssociation);
    printStructural("remove a belongsTo:", f.removeBelongsTo);
    printStructural("undo it:", f.undoRemoveBelongsTo);
    printStructural("remove a belongsToMany:", f.removeMany);
    printStructural("undo it:", f.undoRemoveMany);
    std::fflush(stdout);
    return f;
}

} // namespace


int main(int argc, char *argv[])
{
    Bench::TimedApplication app(argc, argv);
    const int keys = 6;
    double load[3] = {0, 0, 0};
    if (FILE *file = std::fopen("/proc/loadavg", "r")) {
        if (std::fscanf(file, "%lf %lf %lf", &load[0], &load[1], &load[2]) != 3)
            load[0] = load[1] = load[2] = 0;
        std::fclose(file);
    }
    std::printf("bench_editing: %d keys one at a time, then %d in a burst (load average %.2f "
                "%.2f %.2f)\n",
                keys, keys, load[0], load[1], load[2]);

    bool ok = true;
    auto check = [&](const char *name, const char *what, double value, double budget) {
        const bool pass = value <= budget;
        ok = ok && pass;
        std::printf("  %-3s %-30s %8.1f ms  budget %6.0f ms  %s\n", name, what, value, budget,
                    pass ? "ok" : "OVER");
    };
    auto report = [&](const char *name, const Figures &f) {
        check(name, "keystroke blocks the UI (max)", std::max(f.blockMax, f.burstBlockMax), 100);
        check(name, "longest UI stall", std::max(f.gapMax, f.burstGapMax), 100);
        std::printf("  %-3s %-30s %8.1f ms  (one key, median)\n", name, "settled after a key",
                    f.settledMedian);
        check(name, "adding a model blocks the UI", f.add.block, 100);
        check(name, "undoing the add blocks the UI", f.undoAdd.block, 100);
        check(name, "deleting a model blocks the UI", f.remove.block, 100);
        check(name, "undoing the delete blocks the UI", f.undoRemove.block, 100);
        check(name, "Select All blocks the UI", std::max(f.selectAll.block, f.selectAll.gap),
              100);
        if (f.removeAll.block > 0) {
            check(name, "deleting all models blocks", f.removeAll.block, 100);
            check(name, "undoing that blocks the UI", f.undoRemoveAll.block, 100);
        }
        check(name, "adding an association blocks", f.addAssociation.block, 100);
        check(name, "undoing it blocks", f.undoAddAssociation.block, 100);
        check(name, "removing a belongsTo blocks", f.removeBelongsTo.block, 100);
        check(name, "undoing it blocks", f.undoRemoveBelongsTo.block, 100);
        check(name, "removing a belongsToMany blocks", f.removeMany.block, 100);
        check(name, "undoing it blocks", f.undoRemoveMany.block, 100);
        const double landing = std::max(
            {f.add.landingGap, f.undoAdd.landingGap, f.remove.landingGap,
             f.undoRemove.landingGap, f.addAssociation.landingGap,
             f.undoAddAssociation.landingGap, f.removeBelongsTo.landingGap,
             f.undoRemoveBelongsTo.landingGap, f.removeMany.landingGap,
             f.undoRemoveMany.landingGap});
        check(name, "structural resolve lands: gap", landing, 100);
    };
    const Figures l = measure(Bench::sizeL, keys);
    const Figures xl = measure(Bench::sizeXL, keys);
    report("L", l);
    report("XL", xl);
    return ok ? 0 : 1;
}
