// SPDX-License-Identifier: MIT
// bench_ddlpanel: the DDL dock on the generated L (2,000 models) and XL (10,000 models)
// schemas, offscreen. An edit must never wait for the DDL (the designer issue: debounced,
// never blocking typing; no UI stall over 100 ms): it measures the push of a rename, the
// time until the new text is shown (debounce + worker + display), and the longest gap in
// the UI thread's event loop meanwhile; then the same for a dialect switch and for a
// 10-model selection. Prints medians; exit 1 when an edit or a stall is over budget.
#include "commands/entitycommands.h"
#include "ddlpanel.h"
#include "diagramscene.h"
#include "document.h"
#include "schemagenerator.h"
#include "tableitem.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Junction;

namespace {

struct Run
{
    double push = 0;      // the edit itself, on the UI thread
    double untilShown = 0; // from the edit to the new text on screen
    double longestGap = 0; // the longest the event loop went without turning meanwhile
};

// Runs `start`, then spins the event loop until `done`, timing the gaps between turns.
Run timed(const std::function<void()> &start, const std::function<bool()> &done)
{
    Run run;
    QElapsedTimer total;
    QElapsedTimer gap;
    QTimer ticker;
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        run.longestGap = std::max(run.longestGap, gap.nsecsElapsed() / 1e6);
        gap.restart();
    });
    total.start();
    start();
    run.push = total.nsecsElapsed() / 1e6;
    gap.start();
    ticker.start();
    while (!done() && total.elapsed() < 60000)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    run.longestGap = std::max(run.longestGap, gap.nsecsElapsed() / 1e6);
    run.untilShown = total.nsecsElapsed() / 1e6;
    return run;
}

Run median(QList<Run> runs)
{
    auto at = [&](auto member) {
        std::sort(runs.begin(), runs.end(),
                  [&](const Run &a, const Run &b) { return a.*member < b.*member; });
        return runs.at(runs.size() / 2).*member;
    };
    Run m;
    m.push = at(&Run::push);
    m.untilShown = at(&Run::untilShown);
    m.longestGap = at(&Run::longestGap);
    return m;
}

struct Figures
{
    qsizetype chars = 0;
    Run edit, dialect, selection;
};

Figures measure(const Bench::SchemaSize &size, int runs)
{
    Figures f;
    Document document(Bench::generateProject(size.models, size.associations));
    document.setAutosaveInterval(0);
    DiagramScene scene;
    scene.setDocument(&document);
    DdlPanel panel;
    panel.resize(420, 900);
    panel.setScene(&scene);
    panel.show();
    panel.setDocument(&document);
    auto upToDate = [&] { return panel.isUpToDate(); };
    timed([] {}, upToDate);
    f.chars = panel.text().size();

    // Typing in a model's name: one rename per run, the text follows.
    const EntityId id = document.project().entities.at(size.models / 2).id;
    const QString name = document.project().entities.at(size.models / 2).name;
    QList<Run> edits;
    for (int i = 0; i < runs; ++i) {
        const QString renamed = name + QString::number(i);
        edits << timed([&] { document.push(Commands::renameEntity(document, id, renamed)); },
                       [&] { return upToDate() && panel.text().contains(renamed); });
    }
    f.edit = median(edits);

    QList<Run> dialects;
    const QList<Dialect::Kind> kinds{Dialect::Kind::Postgres, Dialect::Kind::MySql,
                                     Dialect::Kind::Sqlite};
    for (int i = 0; i < runs; ++i)
        dialects << timed([&] { panel.setDialect(kinds.at(i % kinds.size())); }, upToDate);
    f.dialect = median(dialects);

    panel.setScope(DdlPanel::Scope::Selection);
    QList<Run> selections;
    const QList<TableItem *> tables = scene.tableItems();
    for (int i = 0; i < runs; ++i) {
        selections << timed(
            [&] {
                scene.clearSelection();
                for (int k = 0; k < 10; ++k)
                    tables.at((i * 37 + k * 101) % tables.size())->setSelected(true);
            },
            upToDate);
    }
    f.selection = median(selections);

    std::printf("%-3s %6d models: whole-schema text %lld chars\n", size.name, size.models,
                qlonglong(f.chars));
    auto print = [](const char *what, const Run &r) {
        std::printf("    %-22s push %6.1f ms | shown after %7.1f ms | longest UI gap %6.1f ms\n",
                    what, r.push, r.untilShown, r.longestGap);
    };
    print("rename a model", f.edit);
    print("switch dialect", f.dialect);
    print("select 10 models", f.selection);
    return f;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const int runs = 5;
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    std::printf("bench_ddlpanel: median of %d runs\n", runs);
    bool ok = true;
    auto check = [&](const char *name, const char *what, double value, double budget) {
        const bool pass = value <= budget;
        ok = ok && pass;
        std::printf("  %-3s %-28s %8.1f ms  budget %6.0f ms  %s\n", name, what, value, budget,
                    pass ? "ok" : "OVER");
    };
    // "bench_ddlpanel L" for the L schema only.
    const bool onlyL = argc > 1 && qstrcmp(argv[1], "L") == 0;
    QList<std::pair<const char *, Figures>> figures;
    figures.append({"L", measure(Bench::sizeL, runs)});
    if (!onlyL)
        figures.append({"XL", measure(Bench::sizeXL, runs)});
    for (const auto &[name, f] : std::as_const(figures)) {
        // The push is the document's and the canvas's work (resolve, items), not the dock's.
        check(name, "rename: longest UI gap", f.edit.longestGap, 100);
        check(name, "dialect: longest UI gap", f.dialect.longestGap, 100);
        check(name, "selection: longest UI gap", f.selection.longestGap, 100);
    }
    return ok ? 0 : 1;
}
