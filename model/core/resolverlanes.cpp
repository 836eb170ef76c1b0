// SPDX-License-Identifier: MIT
// The associations replayed in two lanes, one per core, with the serial loop's results and
// diagnostics (see associateInLanes()); run() chooses between this and the serial loop.
#include "resolverwork.h"
#include "twohalves.h"

namespace Junction::ResolverDetail {

// In lanes each association reports into its own list (they are joined in association
// order afterwards); the thread running it says which.
static thread_local Diagnostics *t_laneDiagnostics = nullptr;

Diagnostics &Resolver::diagnosticsSink()
{
    return t_laneDiagnostics ? *t_laneDiagnostics : m_diagnostics;
}

// The model whose columns the association's keys go to: the junction for belongsToMany.
int Resolver::holderModel(int index) const
{
    const PreparedAssociation &p = m_prepared[size_t(index)];
    switch (p.type) {
    case AssociationType::BelongsTo: return p.source;
    case AssociationType::HasOne:
    case AssociationType::HasMany: return p.target;
    case AssociationType::BelongsToMany: return p.junctionModel;
    }
    return -1;
}

/*
 * associate() for every association, on two cores, with the serial loop's results and
 * diagnostics. Only when every association is laneReady (prepareKey()): then the turn of an
 * association depends on the others only through
 *   - the alias keys of its source (checkAlias),
 *   - the columns of the model its keys go to (its holder; for belongsToMany the junction,
 *     with everything pairing reads and writes, which concerns that junction's users only),
 *   - the columns of its source, for the naming collision,
 * and reads nothing else that changes: the keys it references are stable (prepared), and which
 * created junction a belongsToMany gets depends only on the earlier ones' alias checks.
 * Models are split into two lanes (runs of 32, for balance without sharing cache lines):
 *   1. each lane checks the aliases of the associations whose source it has, in order;
 *   2. the created junctions are found in order, on one thread (they are appended in order),
 *      and the belongsTo pairs listed (pairAssociations), while `beside` runs on the other;
 *   3. each lane places the keys of the associations whose holder it has, in order;
 *   4. the naming collisions are checked against the final columns, counting a foreign key
 *      column only when the association that created it came no later (columns are only
 *      appended to models, and each records its creator);
 * and each association's diagnostics, kept apart, are joined in association order.
 */
void Resolver::associateInLanes(const std::function<void()> &beside)
{
    const int count = int(m_project.associations.size());
    std::vector<Diagnostics> diagnostics(static_cast<size_t>(count));
    PreparedAssociation *prepared = m_prepared.data();
    WorkModel *models = m_models.data();
    ResolvedAssociation *resolved = m_associations.data();

    // The models an association reads and writes, fetched a few turns ahead as in run(); of
    // the lists only the holder's: reading where another model's lists end would read what
    // the other lane may be appending to.
    auto prefetch = [&](const std::vector<int> &lane, size_t k) {
        if (k + 8 < lane.size())
            prefetchModels(lane[k + 8]);
        if (k + 4 < lane.size())
            prefetchListsOf(holderModel(lane[k + 4]));
    };
    // The alias keys of the source only, for the alias checks.
    auto prefetchAliases = [&](const std::vector<int> &lane, size_t k) {
        if (k + 8 < lane.size()) {
            const WorkModel *m = models + prepared[lane[k + 8]].source;
            __builtin_prefetch(&m->associationKeys, 1);
        }
        if (k + 4 < lane.size()) {
            const auto &keys = models[prepared[lane[k + 4]].source].associationKeys;
            __builtin_prefetch(keys.constData() + keys.size(), 1);
            __builtin_prefetch(keys.constData(), 0);
        }
    };
    inTwoHalves(2, 0, [&](int from, int to, int) {
        for (int lane = from; lane < to; ++lane) {
            for (const std::vector<int> &list : {m_aliasLanes[0][lane], m_aliasLanes[1][lane]}) {
                for (size_t k = 0; k < list.size(); ++k) {
                    prefetchAliases(list, k);
                    const int i = list[k];
                    PreparedAssociation &p = prepared[i];
                    t_laneDiagnostics = &diagnostics[size_t(i)];
                    p.stage = checkAlias(i, models[p.source], resolved[i].as) ? 1 : 0;
                    t_laneDiagnostics = nullptr;
                }
            }
        }
    });

    {
        SideTask side(true, beside);
        for (std::vector<int> &lane : m_keyLanes)
            lane.reserve(size_t(count) / 2 + 64);
        for (int i = 0; i < count; ++i) {
            PreparedAssociation &p = prepared[i];
            if (p.stage != 1)
                continue;
            if (p.type == AssociationType::BelongsToMany)
                p.junctionModel = junctionModel(i, p.source); // reports nothing: a created table
            m_keyLanes[laneOf(holderModel(i))].push_back(i);
        }
        pairAssociations();
    }

    inTwoHalves(2, 0, [&](int from, int to, int) {
        for (int lane = from; lane < to; ++lane) {
            const std::vector<int> &list = m_keyLanes[lane];
            for (size_t k = 0; k < list.size(); ++k) {
                prefetch(list, k);
                const int i = list[k];
                t_laneDiagnostics = &diagnostics[size_t(i)];
                prepared[i].stage = associateKeys(i) ? 2 : 1;
                t_laneDiagnostics = nullptr;
            }
        }
    });

    inTwoHalves(count, kLaneMinimum, [&](int from, int to, int) {
        for (int i = from; i < to; ++i) {
            const PreparedAssociation &p = prepared[i];
            if (p.stage != 2)
                continue;
            const WorkModel &source = models[p.source];
            const int c = source.indexOf(resolved[i].as);
            if (c >= 0
                && (source.columns.at(c).origin != ResolvedColumn::Origin::ForeignKey
                    || source.columns.at(c).associationIndex <= i)) {
                t_laneDiagnostics = &diagnostics[size_t(i)];
                reportNamingCollision(i, source, resolved[i].as);
                t_laneDiagnostics = nullptr;
            }
            resolved[i].valid = true;
        }
    });

    for (const Diagnostics &d : diagnostics) {
        if (!d.isEmpty())
            m_diagnostics += d;
    }
}

void Resolver::prefetchModels(int index) const
{
    const PreparedAssociation &p = m_prepared[size_t(index)];
    if (p.source >= 0)
        prefetchBytes(&m_models.at(p.source), sizeof(WorkModel));
    if (p.target >= 0 && p.target != p.source)
        prefetchBytes(&m_models.at(p.target), sizeof(WorkModel));
    if (p.junction)
        prefetchBytes(p.junction.get(), sizeof(WorkModel));
}

void Resolver::prefetchLists(int index) const
{
    const PreparedAssociation &p = m_prepared[size_t(index)];
    for (const int model : {p.source, p.target})
        prefetchListsOf(model);
}

void Resolver::prefetchListsOf(int model) const
{
    if (model < 0)
        return;
    const WorkModel &m = m_models.at(model);
    // The primary key (the first columns) and where a foreign key is appended.
    __builtin_prefetch(m.columns.constData(), 1);
    __builtin_prefetch(m.columns.constData() + m.columns.size(), 1);
    __builtin_prefetch(m.work.constData() + m.work.size(), 1);
    __builtin_prefetch(m.links.constData() + m.links.size(), 1);
    __builtin_prefetch(m.associationKeys.constData() + m.associationKeys.size(), 1);
}

} // namespace Junction::ResolverDetail
