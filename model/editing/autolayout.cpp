// SPDX-License-Identifier: MIT
#include "autolayout.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <numeric>
#include <vector>

namespace Junction {

QSizeF estimatedBoxSize(const Entity &entity)
{
    // Roughly the canvas' default font: 7 px per character, a header row and one row per
    // attribute.
    qsizetype longest = entity.name.size() + 4;
    for (const Attribute &a : entity.attributes)
        longest = std::max(longest, a.name.size() + a.type.size() + 2);
    const double width = std::clamp(double(longest) * 7.0 + 32.0, 140.0, 420.0);
    const double height = 32.0 + 20.0 * double(std::max<qsizetype>(1, entity.attributes.size()));
    return {width, height};
}

namespace {

using Edge = std::pair<int, int>;

// Adjacency in one array: the targets of node u are target[start[u]] .. target[start[u + 1]).
struct Adjacency
{
    std::vector<int> start;
    std::vector<int> target;
};

// `edges` sorted by source.
Adjacency adjacencyOf(int nodes, const std::vector<Edge> &edges)
{
    Adjacency adjacency;
    adjacency.start.assign(size_t(nodes) + 1, 0);
    adjacency.target.reserve(edges.size());
    for (const Edge &e : edges) {
        ++adjacency.start[size_t(e.first) + 1];
        adjacency.target.push_back(e.second);
    }
    std::partial_sum(adjacency.start.begin(), adjacency.start.end(), adjacency.start.begin());
    return adjacency;
}

class UnionFind
{
public:
    explicit UnionFind(int n)
        : m_parent(size_t(n))
    {
        std::iota(m_parent.begin(), m_parent.end(), 0);
    }
    int find(int x)
    {
        while (m_parent[size_t(x)] != x) {
            m_parent[size_t(x)] = m_parent[size_t(m_parent[size_t(x)])];
            x = m_parent[size_t(x)];
        }
        return x;
    }
    // The smaller index stays the root, so groups are named the same on every run.
    void unite(int a, int b)
    {
        a = find(a);
        b = find(b);
        if (a != b)
            m_parent[size_t(std::max(a, b))] = std::min(a, b);
    }

private:
    std::vector<int> m_parent;
};

struct Block
{
    std::vector<int> nodes; // ascending
    int width = 0;
    int height = 0;
};

class Layouter
{
public:
    Layouter(const LayoutGraph &graph, const AutoLayoutOptions &options);
    LayoutResult run();

private:
    void breakCyclesAndLayer();
    void layOut(Block &block);
    void order(std::vector<std::vector<int>> &layers);
    void reorder(std::vector<int> &layer, int layerIndex, bool fromAbove);

    const AutoLayoutOptions &m_options;
    int m_n;
    std::vector<int> m_width, m_height;
    std::vector<Edge> m_references; // sorted, unique, no self references
    std::vector<Edge> m_links;
    Adjacency m_out;                // references by source
    std::vector<char> m_kept;       // per reference: not dropped to break a cycle
    Adjacency m_neighbours;         // undirected, references and links
    std::vector<int> m_layer;
    std::vector<double> m_rank;     // position within the layer, 0..1
    std::vector<int> m_x, m_y;      // within the block
};

Layouter::Layouter(const LayoutGraph &graph, const AutoLayoutOptions &options)
    : m_options(options)
    , m_n(int(graph.sizes.size()))
{
    m_width.resize(size_t(m_n));
    m_height.resize(size_t(m_n));
    for (int i = 0; i < m_n; ++i) {
        // Whole pixels: positions come out as whole numbers and sums cannot overlap.
        m_width[size_t(i)] = std::max(1, int(std::ceil(graph.sizes.at(i).width())));
        m_height[size_t(i)] = std::max(1, int(std::ceil(graph.sizes.at(i).height())));
    }
    auto valid = [&](const Edge &e) {
        return e.first >= 0 && e.first < m_n && e.second >= 0 && e.second < m_n
            && e.first != e.second;
    };
    for (const Edge &e : graph.references) {
        if (valid(e))
            m_references.push_back(e);
    }
    std::sort(m_references.begin(), m_references.end());
    m_references.erase(std::unique(m_references.begin(), m_references.end()), m_references.end());
    for (const Edge &e : graph.links) {
        if (valid(e))
            m_links.push_back(e);
    }
    m_out = adjacencyOf(m_n, m_references);

    std::vector<Edge> both;
    both.reserve((m_references.size() + m_links.size()) * 2);
    for (const auto *list : {&m_references, &m_links}) {
        for (const Edge &e : *list) {
            both.emplace_back(e.first, e.second);
            both.emplace_back(e.second, e.first);
        }
    }
    std::sort(both.begin(), both.end());
    both.erase(std::unique(both.begin(), both.end()), both.end());
    m_neighbours = adjacencyOf(m_n, both);
    m_layer.assign(size_t(m_n), 0);
    m_rank.assign(size_t(m_n), 0.0);
    m_x.assign(size_t(m_n), 0);
    m_y.assign(size_t(m_n), 0);
}

void Layouter::breakCyclesAndLayer()
{
    const size_t m = m_references.size();
    m_kept.assign(m, 1);
    enum : char { Unseen, Open, Done };
    std::vector<char> state(size_t(m_n), Unseen);
    std::vector<std::pair<int, int>> stack; // node, next reference to follow
    for (int root = 0; root < m_n; ++root) {
        if (state[size_t(root)] != Unseen)
            continue;
        state[size_t(root)] = Open;
        stack.emplace_back(root, m_out.start[size_t(root)]);
        while (!stack.empty()) {
            const int u = stack.back().first;
            const int edge = stack.back().second;
            if (edge < m_out.start[size_t(u) + 1]) {
                ++stack.back().second;
                const int v = m_out.target[size_t(edge)];
                if (state[size_t(v)] == Open)
                    m_kept[size_t(edge)] = 0; // closes a cycle
                else if (state[size_t(v)] == Unseen) {
                    state[size_t(v)] = Open;
                    stack.emplace_back(v, m_out.start[size_t(v)]);
                }
                continue;
            }
            // Every kept reference of u leads to a finished node: longest path from the top.
            int layer = 0;
            for (int e = m_out.start[size_t(u)]; e < m_out.start[size_t(u) + 1]; ++e) {
                if (m_kept[size_t(e)])
                    layer = std::max(layer, m_layer[size_t(m_out.target[size_t(e)])] + 1);
            }
            m_layer[size_t(u)] = layer;
            state[size_t(u)] = Done;
            stack.pop_back();
        }
    }

    // A node that references nothing goes down to just above its highest referrer.
    std::vector<int> highestReferrer(size_t(m_n), INT_MAX);
    std::vector<char> references(size_t(m_n), 0);
    for (size_t e = 0; e < m; ++e) {
        if (!m_kept[e])
            continue;
        const auto [from, to] = m_references[e];
        references[size_t(from)] = 1;
        highestReferrer[size_t(to)] = std::min(highestReferrer[size_t(to)], m_layer[size_t(from)]);
    }
    for (int v = 0; v < m_n; ++v) {
        if (!references[size_t(v)] && highestReferrer[size_t(v)] != INT_MAX)
            m_layer[size_t(v)] = highestReferrer[size_t(v)] - 1;
    }
}

void Layouter::reorder(std::vector<int> &layer, int layerIndex, bool fromAbove)
{
    struct Key
    {
        double barycenter;
        double rank;
        int node;
    };
    std::vector<Key> keys;
    keys.reserve(layer.size());
    for (const int node : layer) {
        double sum = 0;
        int count = 0;
        for (int e = m_neighbours.start[size_t(node)]; e < m_neighbours.start[size_t(node) + 1]; ++e) {
            const int other = m_neighbours.target[size_t(e)];
            const int otherLayer = m_layer[size_t(other)];
            if (fromAbove ? otherLayer < layerIndex : otherLayer > layerIndex) {
                sum += m_rank[size_t(other)];
                ++count;
            }
        }
        // Without neighbours on that side a node keeps its place.
        const double rank = m_rank[size_t(node)];
        keys.push_back({count > 0 ? sum / count : rank, rank, node});
    }
    std::sort(keys.begin(), keys.end(), [](const Key &a, const Key &b) {
        if (a.barycenter != b.barycenter)
            return a.barycenter < b.barycenter;
        if (a.rank != b.rank)
            return a.rank < b.rank;
        return a.node < b.node;
    });
    for (size_t i = 0; i < keys.size(); ++i) {
        layer[i] = keys[i].node;
        m_rank[size_t(keys[i].node)] = (double(i) + 0.5) / double(keys.size());
    }
}

void Layouter::order(std::vector<std::vector<int>> &layers)
{
    for (const auto &layer : layers) {
        for (size_t i = 0; i < layer.size(); ++i)
            m_rank[size_t(layer[i])] = (double(i) + 0.5) / double(layer.size());
    }
    const int count = int(layers.size());
    for (int sweep = 0; sweep < m_options.sweeps; ++sweep) {
        for (int l = 1; l < count; ++l)
            reorder(layers[size_t(l)], l, true);
        for (int l = count - 2; l >= 0; --l)
            reorder(layers[size_t(l)], l, false);
    }
}

void Layouter::layOut(Block &block)
{
    // Layers numbered from 0 within the block.
    std::vector<int> used;
    for (const int node : block.nodes)
        used.push_back(m_layer[size_t(node)]);
    std::sort(used.begin(), used.end());
    used.erase(std::unique(used.begin(), used.end()), used.end());
    std::vector<std::vector<int>> layers(used.size());
    for (const int node : block.nodes) {
        const int l = int(std::lower_bound(used.begin(), used.end(), m_layer[size_t(node)])
                          - used.begin());
        m_layer[size_t(node)] = l;
        layers[size_t(l)].push_back(node);
    }
    order(layers);

    // Rows no wider than about twice the height the block would have as a square of boxes.
    double area = 0;
    int widest = 0;
    for (const int node : block.nodes) {
        area += double(m_width[size_t(node)] + m_options.horizontalGap)
                * double(m_height[size_t(node)] + m_options.rowGap);
        widest = std::max(widest, m_width[size_t(node)]);
    }
    const int target = std::max(widest, int(std::sqrt(area * 2.0)));

    struct Row
    {
        int begin, end; // into `sequence`
        int width = 0, height = 0;
        bool startsLayer = false;
    };
    std::vector<int> sequence;
    std::vector<Row> rows;
    for (const auto &layer : layers) {
        bool first = true;
        for (const int node : layer) {
            const int w = m_width[size_t(node)];
            if (first || rows.back().width + m_options.horizontalGap + w > target) {
                rows.push_back({int(sequence.size()), int(sequence.size()), 0, 0, first});
                first = false;
            } else {
                rows.back().width += m_options.horizontalGap;
            }
            sequence.push_back(node);
            Row &row = rows.back();
            ++row.end;
            row.width += w;
            row.height = std::max(row.height, m_height[size_t(node)]);
        }
    }
    block.width = 0;
    for (const Row &row : rows)
        block.width = std::max(block.width, row.width);
    int y = 0;
    for (size_t r = 0; r < rows.size(); ++r) {
        const Row &row = rows[r];
        if (r > 0)
            y += row.startsLayer ? m_options.layerGap : m_options.rowGap;
        int x = (block.width - row.width) / 2;
        for (int i = row.begin; i < row.end; ++i) {
            const int node = sequence[size_t(i)];
            m_x[size_t(node)] = x;
            m_y[size_t(node)] = y;
            x += m_width[size_t(node)] + m_options.horizontalGap;
        }
        y += row.height;
    }
    block.height = y;
}

LayoutResult Layouter::run()
{
    LayoutResult result;
    if (m_n == 0)
        return result;
    breakCyclesAndLayer();

    UnionFind groups(m_n);
    for (const auto *list : {&m_references, &m_links}) {
        for (const Edge &e : *list)
            groups.unite(e.first, e.second);
    }
    std::vector<int> blockOf(size_t(m_n), -1);
    std::vector<Block> blocks;
    for (int node = 0; node < m_n; ++node) {
        const int root = groups.find(node);
        if (blockOf[size_t(root)] < 0) {
            blockOf[size_t(root)] = int(blocks.size());
            blocks.emplace_back();
        }
        blocks[size_t(blockOf[size_t(root)])].nodes.push_back(node);
    }
    for (Block &block : blocks)
        layOut(block);

    // Largest group first, then in file order; packed in shelves of about a 2:1 page.
    std::stable_sort(blocks.begin(), blocks.end(), [](const Block &a, const Block &b) {
        return a.nodes.size() > b.nodes.size();
    });
    const int gap = m_options.componentGap;
    double area = 0;
    int widest = 0;
    for (const Block &block : blocks) {
        area += double(block.width + gap) * double(block.height + gap);
        widest = std::max(widest, block.width);
    }
    const int target = std::max(widest, int(std::sqrt(area * 2.0)));

    result.positions.resize(m_n);
    result.layers.resize(m_n);
    result.components.resize(m_n);
    int x = 0, y = 0, shelfHeight = 0;
    for (size_t b = 0; b < blocks.size(); ++b) {
        const Block &block = blocks[b];
        if (x > 0 && x + block.width > target) {
            x = 0;
            y += shelfHeight + gap;
            shelfHeight = 0;
        }
        for (const int node : block.nodes) {
            result.positions[node] = QPointF(x + m_x[size_t(node)], y + m_y[size_t(node)]);
            result.layers[node] = m_layer[size_t(node)];
            result.components[node] = int(b);
        }
        x += block.width + gap;
        shelfHeight = std::max(shelfHeight, block.height);
    }
    return result;
}

} // namespace

LayoutResult layoutGraph(const LayoutGraph &graph, const AutoLayoutOptions &options)
{
    return Layouter(graph, options).run();
}

LayoutGraph layoutGraphOf(const Project &project, const ResolvedSchema &schema,
                          const BoxSizeFunction &sizes, const QList<int> &subset)
{
    const int entityCount = int(project.entities.size());
    // entity index -> node
    std::vector<int> nodeOf(size_t(entityCount), -1);
    LayoutGraph graph;
    if (subset.isEmpty()) {
        std::iota(nodeOf.begin(), nodeOf.end(), 0);
        graph.sizes.reserve(entityCount);
        for (const Entity &e : project.entities)
            graph.sizes.append(sizes(e));
    } else {
        for (int i = 0; i < subset.size(); ++i) {
            nodeOf[size_t(subset.at(i))] = i;
            graph.sizes.append(sizes(project.entities.at(subset.at(i))));
        }
    }

    // The model of a table, as a node, or -1 (a created junction table, or not in the subset).
    auto nodeOfTable = [&](const ResolvedTable *table) {
        if (!table || table->isCreatedJunction() || table->entityIndex < 0
            || table->entityIndex >= entityCount
            || project.entities.at(table->entityIndex).id != table->entity)
            return -1;
        return nodeOf[size_t(table->entityIndex)];
    };
    for (const ResolvedTable &table : schema.tables) {
        if (table.isCreatedJunction()) {
            std::vector<int> ends;
            for (const ResolvedForeignKey &fk : table.foreignKeys) {
                const int node = nodeOfTable(schema.referencedTable(fk));
                if (node >= 0 && std::find(ends.begin(), ends.end(), node) == ends.end())
                    ends.push_back(node);
            }
            for (size_t a = 0; a < ends.size(); ++a) {
                for (size_t b = a + 1; b < ends.size(); ++b)
                    graph.links.append({ends[a], ends[b]});
            }
            continue;
        }
        const int from = nodeOfTable(&table);
        if (from < 0)
            continue;
        for (const ResolvedForeignKey &fk : table.foreignKeys) {
            const int to = nodeOfTable(schema.referencedTable(fk));
            if (to >= 0 && to != from)
                graph.references.append({from, to});
        }
    }
    return graph;
}

QList<QPointF> autoLayout(const Project &project, const ResolvedSchema &schema,
                          const BoxSizeFunction &sizes, const AutoLayoutOptions &options)
{
    return layoutGraph(layoutGraphOf(project, schema, sizes), options).positions;
}

} // namespace Junction
