// SPDX-License-Identifier: MIT
// bench_syncdialog: the sync dialog's plan of the generated L schema (2,000 models, 3,000
// associations) against a database that differs from it in 50 places (bench_sql's 50
// changes: added, renamed, widened and dropped columns, new indexes): the time from "Plan"
// to the dialog's view filled, offscreen, and the longest the UI thread went without
// turning its event loop meanwhile (the issue: never over 100 ms). SQLite always,
// PostgreSQL when JUNCTION_PG_* names a server (required with JUNCTION_REQUIRE_SERVERS=1).
// The first plan opens the connection; the figures are of the plans after it.
#include "schemagenerator.h"
#include "scratchdatabase.h"

#include "commands/projectcommands.h"
#include "connectionprofile.h"
#include "document.h"
#include "livereader.h"
#include "nativetypes.h"
#include "passworddialog.h"
#include "schemadiff.h"
#include "syncdialog.h"
#include "syncedhistory.h"
#include "syncplanmodel.h"
#include "syncplanner.h"
#include "syncrunner.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace Junction;
using namespace Junction::TestDatabase;

namespace {

struct Figures
{
    bool ok = false;
    int changes = 0;
    qint64 firstMs = 0; // connect + plan
    QList<qint64> planMs; // plan to view filled, connection open
    qint64 worstStallMs = 0;
    qint64 markersMs = 0; // the difference markers' diff after an edit (UI thread)
    int markerChanges = 0;
};

void answerPrompt(const QString &password)
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        auto *dialog = qobject_cast<PasswordDialog *>(w);
        if (dialog && dialog->isVisible()) {
            dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(password);
            dialog->accept();
        }
    }
}

// Clicks Plan and turns the event loop until the plan is shown; the longest gap between
// two turns is the worst the UI waited.
bool runPlan(SyncDialog *dialog, const QString &password, qint64 *stall)
{
    QElapsedTimer clock;
    qint64 last = 0;
    *stall = 0;
    clock.start();
    dialog->planButton()->click();
    while (dialog->state() != SyncDialog::State::Planned && clock.elapsed() < 120000) {
        if (dialog->state() == SyncDialog::State::Idle)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (!password.isEmpty())
            answerPrompt(password);
        const qint64 now = clock.elapsed();
        *stall = qMax(*stall, now - last);
        last = now;
    }
    return dialog->state() == SyncDialog::State::Planned;
}

Figures measure(Engine engine, const Project &project, const Project &changed)
{
    Figures f;
    QTemporaryDir dir;
    SavedConnection saved;
    saved.name = QStringLiteral("bench");
    QString password;
    QString error;
    Scratch scratch; // PostgreSQL: a database of its own is simplest for a saved connection
    std::unique_ptr<Connection> connection;
    QString databaseName;
    if (engine == Engine::Sqlite) {
        saved.engine = QStringLiteral("sqlite");
        saved.database = dir.filePath(QStringLiteral("l.db"));
        ConnectionSpec spec;
        spec.database = saved.database;
        connection = Connection::open(spec);
    } else {
        const ConnectionSpec server = *serverSpec(engine);
        auto admin = Connection::open(server);
        databaseName = QStringLiteral("junction_t") + randomSuffix();
        if (!admin || !exec(*admin, QStringLiteral("CREATE DATABASE ") + databaseName, &error)) {
            std::printf("  cannot create a database: %s\n", qPrintable(error));
            return f;
        }
        saved.engine = QStringLiteral("postgres");
        saved.host = server.host;
        saved.port = server.port;
        saved.user = server.user;
        saved.database = databaseName;
        password = server.password;
        connection = Connection::open(ConnectionProfile::spec(saved, QString(), password));
    }
    if (!connection) {
        std::printf("  cannot open the database\n");
        return f;
    }

    // L as it was synced, then the design with 50 changes and the `synced` names.
    const ResolvedSchema design = resolve(project);
    auto planned = SyncPlanner::plan(design, *connection, {}, SyncPlan::Mode::Create, &error);
    if (!planned || !SyncRunner::run(*connection, planned->plan).ok) {
        std::printf("  cannot sync L: %s\n", qPrintable(error));
        return f;
    }
    Project edited = changed;
    SyncedHistory::update(edited, ConnectionProfile::key(saved), planned->plan);
    edited.connections = {saved};

    // What SyncStatus does after each edit (debounced, on a worker thread): diff the design
    // with the database as last read. Timed on L with its 50 changes.
    {
        const LiveSchema live = LiveReader::read(*connection, QString(), &error);
        const ResolvedSchema changedDesign = resolve(edited);
        QElapsedTimer timer;
        timer.start();
        const SyncPlan diff = SchemaDiff::compute(
            changedDesign, live, Dialect::get(NativeTypes::dialectOf(engine)),
            SyncedHistory::entry(edited, ConnectionProfile::key(saved)), SyncPlan::Mode::Alter);
        f.markersMs = timer.elapsed();
        f.markerChanges = int(diff.changes.size());
    }
    connection.reset();

    {
        Document document(edited, dir.filePath(QStringLiteral("l.junction.json")));
        SyncDialog dialog(&document, nullptr);
        dialog.setConnection(saved.name);
        dialog.setMode(SyncPlan::Mode::Alter);
        dialog.show();
        QElapsedTimer first;
        first.start();
        qint64 stall = 0;
        if (!runPlan(&dialog, password, &stall)) {
            std::printf("  plan failed: %s\n", qPrintable(dialog.summaryLabel()->text()));
            return f;
        }
        f.firstMs = first.elapsed();
        for (int run = 0; run < 5; ++run) {
            if (!runPlan(&dialog, QString(), &stall))
                return f;
            f.planMs << dialog.lastPlanMilliseconds();
            f.worstStallMs = qMax(f.worstStallMs, stall);
        }
        f.changes = int(dialog.planModel()->plan().changes.size());
    }

    if (engine != Engine::Sqlite) {
        auto admin = Connection::open(*serverSpec(engine));
        exec(*admin, QStringLiteral("DROP DATABASE IF EXISTS ") + databaseName);
    }
    f.ok = f.changes > 0;
    return f;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const Bench::SchemaSize size = Bench::sizeL;
    const Project project = Bench::generateProject(size.models, size.associations);
    const Project changed = Bench::fiftyChanges(project);
    std::printf("bench_syncdialog: %s schema, %d models, %d associations, 50 design changes\n",
                size.name, size.models, size.associations);
    bool ok = true;
    for (Engine engine : {Engine::Sqlite, Engine::Postgres}) {
        if (engine != Engine::Sqlite && !serverSpec(engine)) {
            std::printf("%s: no test server (JUNCTION_PG_*)%s\n", qPrintable(engineName(engine)),
                        serversRequired() ? ", required" : "; skipped");
            ok = ok && !serversRequired();
            continue;
        }
        const Figures f = measure(engine, project, changed);
        ok = ok && f.ok;
        if (!f.ok)
            continue;
        QList<qint64> sorted = f.planMs;
        std::sort(sorted.begin(), sorted.end());
        std::printf("%s: %d changes listed; Plan -> view filled: median %lld ms (min %lld, max "
                    "%lld, 5 runs; the first, with connecting, %lld ms); longest UI-thread "
                    "stall %lld ms (budget 100)%s\n",
                    qPrintable(engineName(engine)), f.changes, sorted.at(sorted.size() / 2),
                    sorted.first(), sorted.last(), f.firstMs, f.worstStallMs,
                    f.worstStallMs > 100 ? " OVER BUDGET" : "");
        std::printf("%s: difference markers after an edit: diff of L against the last read "
                    "%lld ms (%d differences), on a worker thread\n",
                    qPrintable(engineName(engine)), f.markersMs, f.markerChanges);
        ok = ok && f.worstStallMs <= 100;
    }
    return ok ? 0 : 1;
}
