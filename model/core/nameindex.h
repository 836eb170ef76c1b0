// SPDX-License-Identifier: MIT
#pragma once

#include <QHashFunctions>
#include <QString>

#include <cstring>
#include <memory>
#include <utility>
#include <vector>

namespace Junction {

// Names to indexes: the schema's lookups of tables, models and associations, and the
// resolver's of models. One array probed in place; QHash<QString, int> took a third of
// indexing an XL schema (spans that allocate as they fill, a hash that costs more than the
// rest of a lookup). Copies share the table until one of them changes (as Qt's containers).
class NameIndex
{
public:
    qsizetype size() const { return m_data ? m_data->used : 0; }
    bool isEmpty() const { return size() == 0; }
    void clear() { m_data.reset(); }

    // Room for `names` names without growing.
    void reserve(qsizetype names)
    {
        size_t cells = 16;
        while (cells < size_t(names) * 2)
            cells *= 2;
        if (!m_data || m_data->cells.size() < cells)
            rehash(cells);
    }

    // The index of `name`, or `fallback`.
    int value(const QString &name, int fallback = -1) const
    {
        if (!m_data)
            return fallback;
        const Slot *s = find(name, hashOf(name));
        return s->key.isNull() ? fallback : s->index;
    }

    // Sets the index of `name`: a name given again takes the later index.
    void insert(const QString &name, int index) { *emplace(name, index).first = index; }

    // The index of `name`, inserting `index` for it when it is not there; second: inserted.
    std::pair<int *, bool> emplace(const QString &name, int index)
    {
        detach();
        if (!m_data || (m_data->used + 1) * 2 > m_data->cells.size())
            rehash(m_data ? m_data->cells.size() * 2 : 16);
        const quint64 hash = hashOf(name);
        Slot *s = const_cast<Slot *>(find(name, hash));
        if (!s->key.isNull())
            return {&s->index, false};
        // A null key marks a free slot: an empty name is kept as an empty, non-null string.
        s->key = name.isNull() ? QString(QLatin1String("")) : name;
        s->hash = quint32(hash);
        s->index = index;
        ++m_data->used;
        return {&s->index, true};
    }

private:
    struct Slot
    {
        QString key; // null: free
        quint32 hash = 0;
        int index = -1;
    };
    struct Data
    {
        std::vector<Slot> cells; // a power of two, at most half full
        qsizetype used = 0;
    };

    // Four UTF-16 units at a time, seeded like Qt's own hashes (a file cannot be made to
    // collide on purpose).
    static quint64 hashOf(QStringView name)
    {
        static const quint64 seed = quint64(size_t(QHashSeed::globalSeed())) | 1;
        const char16_t *p = name.utf16();
        qsizetype n = name.size();
        quint64 h = seed ^ (quint64(n) * 0x9E3779B97F4A7C15ULL);
        for (; n >= 4; p += 4, n -= 4) {
            quint64 v;
            std::memcpy(&v, p, 8);
            h = (h ^ v) * 0xff51afd7ed558ccdULL;
            h ^= h >> 32;
        }
        quint64 tail = 0;
        if (n > 0)
            std::memcpy(&tail, p, size_t(n) * 2);
        h = (h ^ tail) * 0xc4ceb9fe1a85ec53ULL;
        h ^= h >> 29;
        return h;
    }

    // The slot holding `name`, or the free slot where it would go.
    const Slot *find(const QString &name, quint64 hash) const
    {
        const std::vector<Slot> &cells = m_data->cells;
        const size_t mask = cells.size() - 1;
        for (size_t i = size_t(hash >> 32) & mask;; i = (i + 1) & mask) {
            const Slot &s = cells[i];
            if (s.key.isNull())
                return &s;
            // Names the reader pooled share their characters: equal without reading them.
            if (s.hash == quint32(hash) && s.key.size() == name.size()
                && (s.key.constData() == name.constData() || s.key == name))
                return &s;
        }
    }

    void detach()
    {
        if (m_data && m_data.use_count() > 1)
            m_data = std::make_shared<Data>(*m_data);
    }

    void rehash(size_t cells)
    {
        auto grown = std::make_shared<Data>();
        grown->cells.resize(cells);
        if (m_data) {
            const size_t mask = cells - 1;
            for (const Slot &s : m_data->cells) {
                if (s.key.isNull())
                    continue;
                size_t i = size_t(hashOf(s.key) >> 32) & mask;
                while (!grown->cells[i].key.isNull())
                    i = (i + 1) & mask;
                grown->cells[i] = s;
            }
            grown->used = m_data->used;
        }
        m_data = std::move(grown);
    }

    std::shared_ptr<Data> m_data;
};

} // namespace Junction
