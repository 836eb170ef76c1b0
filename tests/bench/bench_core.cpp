// SPDX-License-Identifier: MIT
// bench_core: load, save, resolve + validate and DDL per dialect on the generated M, L and XL
// schemas. Prints the median of several runs and compares XL with the budgets of the core
// issue (load <= 200 ms, resolve + validate <= 60 ms, DDL per dialect <= 120 ms,
// save <= 150 ms; growth L -> XL at most 6x for 5x the size). Exit 1 when a budget is missed.
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

using namespace Junction;

namespace {

double medianMs(int runs, const std::function<void()> &work)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        times << timer.nsecsElapsed() / 1e6;
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

struct Figures
{
    double load = 0, save = 0, resolve = 0;
    double ddl[3] = {0, 0, 0};
    qint64 bytes = 0;
};

Figures measure(const Bench::SchemaSize &size, const QString &dir, int runs)
{
    const Project project = Bench::generateProject(size.models, size.associations);
    const QString path = dir + QStringLiteral("/%1.junction.json").arg(QLatin1String(size.name));
    Figures f;
    f.save = medianMs(runs, [&] {
        QString error;
        if (!ProjectWriter::writeFile(project, path, &error))
            qFatal("save failed: %s", qPrintable(error));
    });
    f.bytes = QFile(path).size();
    // Results are kept until the measurement is over: freeing the previous run's project or
    // schema is not part of loading or resolving the next one.
    QList<Project> loadedRuns;
    f.load = medianMs(runs, [&] {
        LoadResult r = ProjectReader::readFile(path);
        if (!r.project)
            qFatal("load failed");
        loadedRuns << std::move(*r.project);
    });
    const Project loaded = loadedRuns.takeLast();
    loadedRuns.clear();
    QList<ResolvedSchema> resolvedRuns;
    f.resolve = medianMs(runs, [&] {
        resolvedRuns << resolve(loaded);
        const Diagnostics d = validateProject(loaded, resolvedRuns.last());
        if (hasErrors(d))
            qFatal("generated schema has errors: %s", qPrintable(d.first().message));
    });
    const ResolvedSchema schema = resolvedRuns.takeLast();
    resolvedRuns.clear();
    int k = 0;
    for (Dialect::Kind kind : Dialect::allKinds()) {
        f.ddl[k++] = medianMs(runs, [&] {
            const QString script = DdlGenerator::script(DdlGenerator(Dialect::get(kind)).schema(schema));
            if (script.isEmpty())
                qFatal("no DDL");
        });
    }
    std::printf("%-3s %6d models %6d assocs %7.1f MB | load %7.1f ms | save %7.1f ms | "
                "resolve+validate %7.1f ms | ddl sqlite %7.1f postgres %7.1f mysql %7.1f ms\n",
                size.name, size.models, size.associations, f.bytes / 1e6, f.load, f.save,
                f.resolve, f.ddl[0], f.ddl[1], f.ddl[2]);
    std::fflush(stdout);
    return f;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const int runs = 5;
    std::printf("bench_core: median of %d runs\n", runs);
    measure(Bench::sizeM, dir.path(), runs);
    const Figures l = measure(Bench::sizeL, dir.path(), runs);
    const Figures xl = measure(Bench::sizeXL, dir.path(), runs);

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
    auto growth = [&](const char *what, double a, double b) {
        const double ratio = b / a;
        const bool pass = ratio <= 6.0;
        ok = ok && pass;
        std::printf("  L->XL growth %-18s %5.2fx (<= 6x) %s\n", what, ratio, pass ? "ok" : "SUPERLINEAR");
    };
    growth("load", l.load, xl.load);
    growth("save", l.save, xl.save);
    growth("resolve + validate", l.resolve, xl.resolve);
    growth("ddl postgres", l.ddl[1], xl.ddl[1]);
    return ok ? 0 : 1;
}
