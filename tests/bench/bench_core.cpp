// SPDX-License-Identifier: MIT
// bench_core: load, save, resolve + validate and DDL per dialect on the generated M, L and XL
// schemas. Prints the median of several runs and compares XL with the budgets of the core
// issue (load <= 200 ms, resolve + validate <= 60 ms, DDL per dialect <= 120 ms,
// save <= 150 ms; growth L -> XL at most 6x for 5x the size, measured on flushed caches).
// Exit 1 when a budget is missed.
#include "allocator.h"
#include "ddlgenerator.h"
#include "projectreader.h"
#include "projectwriter.h"
#include "schemagenerator.h"
#include "validator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <optional>
#include <vector>
#include <utility>

using namespace Junction;

namespace {

struct Timing
{
    double median = 0; // of all runs
    double first = 0;  // the first run, on memory the process has not used before
};

// Whether each run starts with what the previous runs left in the caches, or with caches
// holding none of it. The L schema's working set (~20 MB) stays in this machine's caches
// between runs and XL's (~100 MB) does not, so warm runs compare cache hits with memory
// reads: the growth from L to XL, which is about the work, is measured on flushed caches.
enum class Caches { Warm, Flushed };

// Writes more memory than the caches hold (this VM reports a 480 MB L3), outside the timing.
void flushCaches()
{
    static std::vector<char> junk(size_t(768) << 20);
    static char value = 0;
    ++value;
    for (size_t i = 0; i < junk.size(); i += 64)
        junk[i] = value;
}

// `betweenRuns` runs before each timed run, outside the timing.
Timing timeRuns(int runs, Caches caches, const std::function<void()> &work,
                const std::function<void()> &betweenRuns = {})
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        if (betweenRuns)
            betweenRuns();
        if (caches == Caches::Flushed)
            flushCaches();
        QElapsedTimer timer;
        timer.start();
        work();
        times << timer.nsecsElapsed() / 1e6;
    }
    Timing t;
    t.first = times.first();
    std::sort(times.begin(), times.end());
    t.median = times.at(times.size() / 2);
    return t;
}

double medianMs(int runs, Caches caches, const std::function<void()> &work)
{
    return timeRuns(runs, caches, work).median;
}

// Times `produce` as the editor uses what it makes (a project loaded, a schema resolved): it
// holds the current one while the next is made and then drops the old one. So the previous
// run's result stays alive during a run and the one before it is freed between runs, outside
// the timing (freeing is not part of making). The first run also pays for memory the process
// never used before (~15,000 page faults at XL): it is printed on its own.
template<typename Result>
struct EditorTiming : Timing
{
    std::optional<Result> lastResult;
};

template<typename Result, typename Produce>
EditorTiming<Result> timeLikeTheEditor(int runs, Caches caches, Produce produce)
{
    std::optional<Result> previous, current;
    EditorTiming<Result> t;
    static_cast<Timing &>(t) = timeRuns(
        runs, caches, [&] { current = produce(); },
        [&] { previous = std::exchange(current, std::nullopt); });
    t.lastResult = std::move(current);
    return t;
}

struct Figures
{
    double load = 0, save = 0, resolve = 0;
    double coldLoad = 0, coldResolve = 0; // first runs, on fresh memory
    double ddl[3] = {0, 0, 0};
    qint64 bytes = 0;
};

Figures measure(const Bench::SchemaSize &size, const QString &dir, int runs, Caches caches)
{
    const Project project = Bench::generateProject(size.models, size.associations);
    const QString path = dir + QStringLiteral("/%1.junction.json").arg(QLatin1String(size.name));
    Figures f;
    f.save = medianMs(runs, caches, [&] {
        QString error;
        if (!ProjectWriter::writeFile(project, path, &error))
            qFatal("save failed: %s", qPrintable(error));
    });
    f.bytes = QFile(path).size();
    const auto load = timeLikeTheEditor<Project>(runs, caches, [&] {
        LoadResult r = ProjectReader::readFile(path);
        if (!r.project)
            qFatal("load failed");
        return std::move(*r.project);
    });
    f.load = load.median;
    f.coldLoad = load.first;
    const Project loaded = *load.lastResult;
    const auto resolving = timeLikeTheEditor<ResolvedSchema>(runs, caches, [&] {
        ResolvedSchema resolved = resolve(loaded);
        const Diagnostics d = validateProject(loaded, resolved);
        if (hasErrors(d))
            qFatal("generated schema has errors: %s", qPrintable(d.first().message));
        return resolved;
    });
    f.resolve = resolving.median;
    f.coldResolve = resolving.first;
    const ResolvedSchema schema = *resolving.lastResult;
    int k = 0;
    for (Dialect::Kind kind : Dialect::allKinds()) {
        f.ddl[k++] = medianMs(runs, caches, [&] {
            const QString script = DdlGenerator(Dialect::get(kind)).schemaScript(schema);
            if (script.isEmpty())
                qFatal("no DDL");
        });
    }
    const char *name = caches == Caches::Warm ? size.name : "";
    std::printf("%-3s %6d models %6d assocs %7.1f MB | load %7.1f ms | save %7.1f ms | "
                "resolve+validate %7.1f ms | ddl sqlite %7.1f postgres %7.1f mysql %7.1f ms\n",
                name, size.models, size.associations, f.bytes / 1e6, f.load, f.save,
                f.resolve, f.ddl[0], f.ddl[1], f.ddl[2]);
    if (caches == Caches::Warm) {
        std::printf("    first run (fresh memory): load %7.1f ms | resolve+validate %7.1f ms\n",
                    f.coldLoad, f.coldResolve);
    }
    std::fflush(stdout);
    return f;
}

} // namespace

int main(int argc, char *argv[])
{
    configureAllocator(); // as the designer and junction-cli do
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    // Nine runs, not five: on this shared virtual machine a burst of load from elsewhere often
    // covers two or three runs in a row (XL resolve + validate 76 ms in one run of five where
    // the runs before and after gave 53-55); the median of nine stays with the typical figure.
    const int runs = 9;
    std::printf("bench_core: median of %d runs\n", runs);
    measure(Bench::sizeM, dir.path(), runs, Caches::Warm);
    const Figures l = measure(Bench::sizeL, dir.path(), runs, Caches::Warm);
    const Figures xl = measure(Bench::sizeXL, dir.path(), runs, Caches::Warm);
    std::printf("L and XL again, each run on flushed caches (for the growth):\n");
    const Figures lFlushed = measure(Bench::sizeL, dir.path(), runs, Caches::Flushed);
    const Figures xlFlushed = measure(Bench::sizeXL, dir.path(), runs, Caches::Flushed);

    bool ok = true;
    auto check = [&](const char *what, double value, double budget) {
        const bool pass = value <= budget;
        ok = ok && pass;
        std::printf("  XL %-26s %8.1f ms  budget %6.0f ms  %s\n", what, value, budget,
                    pass ? "ok" : "OVER BUDGET");
    };
    check("load", xl.load, 200);
    check("resolve + validate", xl.resolve, 60);
    check("ddl sqlite", xl.ddl[0], 120);
    check("ddl postgres", xl.ddl[1], 120);
    check("ddl mysql", xl.ddl[2], 120);
    check("save", xl.save, 150);
    auto growth = [&](const char *what, double l, double xl, double lWarm, double xlWarm) {
        const double ratio = xl / l;
        const bool pass = ratio <= 6.0;
        ok = ok && pass;
        std::printf("  L->XL growth %-18s %5.2fx (<= 6x) %-11s (warm caches %5.2fx)\n", what,
                    ratio, pass ? "ok" : "SUPERLINEAR", xlWarm / lWarm);
    };
    const Figures &lf = lFlushed, &xf = xlFlushed;
    growth("load", lf.load, xf.load, l.load, xl.load);
    growth("save", lf.save, xf.save, l.save, xl.save);
    growth("resolve + validate", lf.resolve, xf.resolve, l.resolve, xl.resolve);
    for (int k = 0; k < 3; ++k) {
        const char *names[] = {"ddl sqlite", "ddl postgres", "ddl mysql"};
        growth(names[k], lf.ddl[k], xf.ddl[k], l.ddl[k], xl.ddl[k]);
    }
    return ok ? 0 : 1;
}
