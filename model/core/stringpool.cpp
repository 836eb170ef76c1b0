// SPDX-License-Identifier: MIT
#include "stringpool.h"

#include "project.h"

#include <atomic>
#include <mutex>
#include <vector>

namespace Junction {

namespace {

// FNV-1a over the UTF-16 units, finished with MurmurHash3's mixer (FNV's low bits, which
// index the table, are weak). The same for a Latin-1 byte and the unit it becomes.
template<typename Unit>
quint64 hashOf(const Unit *text, qsizetype size)
{
    quint64 h = 14695981039346656037ULL;
    for (qsizetype i = 0; i < size; ++i) {
        h ^= quint16(static_cast<std::make_unsigned_t<Unit>>(text[i]));
        h *= 1099511628211ULL;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

template<typename Unit>
bool sameUnits(const char16_t *stored, const Unit *text, qsizetype size)
{
    for (qsizetype i = 0; i < size; ++i) {
        if (stored[i] != char16_t(static_cast<std::make_unsigned_t<Unit>>(text[i])))
            return false;
    }
    return true;
}

// One of the pool's shards (see shardOf()). Open addressing over 8-byte slots: on a big project
// every lookup misses the cache, and a table of 250,000 identifiers then spans 4 MB rather
// than 12 with pointers and sizes in it. Each entry's characters sit in a chunk,
// NUL-terminated (QString::utf16() then needs no copy), after one unit that holds its length.
class Shard
{
public:
    template<typename Unit>
    QString find(const Unit *text, qsizetype size, quint64 hash)
    {
        const quint32 tag = quint32(hash >> 32) | 1; // 0 marks an empty slot
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_slots.empty())
            resize(1 << 12);
        const size_t mask = m_slots.size() - 1;
        size_t i = size_t(hash) & mask;
        for (; m_slots[i].tag; i = (i + 1) & mask) {
            const Slot &s = m_slots[i];
            if (s.tag != tag)
                continue;
            const char16_t *data = dataOf(s.at);
            if (data[-1] == size && sameUnits(data, text, size))
                return pooled(data, size);
        }
        if (m_characters + size + 2 > kShardCapacity)
            return {};
        const quint32 at = store(text, size);
        m_slots[i] = {tag, at};
        if (++m_used * 2 > m_slots.size())
            grow();
        return pooled(dataOf(at), size);
    }

    // Asks for the slot where the lookup of `hash` starts. Without the lock: a table being
    // replaced meanwhile only makes it ask for the wrong line (a prefetch never faults).
    void prefetch(quint64 hash) const
    {
        const Slot *table = m_table.load(std::memory_order_relaxed);
        if (table)
            __builtin_prefetch(table + (size_t(hash) & m_mask.load(std::memory_order_relaxed)));
    }

    bool contains(const QChar *text)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        const auto *p = reinterpret_cast<const char16_t *>(text);
        for (const char16_t *chunk : m_chunks) {
            if (p >= chunk && p < chunk + kChunkSize)
                return true;
        }
        return false;
    }

private:
public:
    static constexpr int kShards = 16;
private:
    static constexpr qsizetype kShardCapacity = StringPool::kCapacity / kShards;
    static constexpr qsizetype kChunkSize = 1 << 14; // units: `at` holds chunk << 16 | offset
    static_assert(StringPool::kMaxLength + 2 <= kChunkSize);
    static_assert(kShardCapacity / kChunkSize < (1 << 16));

    struct Slot
    {
        quint32 tag = 0; // the hash's high half, never 0 for an entry
        quint32 at = 0;  // where its characters are
    };

    static QString pooled(const char16_t *data, qsizetype size)
    {
        return QString::fromRawData(reinterpret_cast<const QChar *>(data), size);
    }
    const char16_t *dataOf(quint32 at) const { return m_chunks[at >> 16] + (at & 0xffff); }

    template<typename Unit>
    quint32 store(const Unit *text, qsizetype size)
    {
        if (m_chunks.empty() || m_chunkUsed + size + 2 > kChunkSize) {
            m_chunks.push_back(new char16_t[kChunkSize]);
            m_chunkUsed = 0;
        }
        char16_t *chunk = m_chunks.back();
        chunk[m_chunkUsed] = char16_t(size);
        char16_t *data = chunk + m_chunkUsed + 1;
        for (qsizetype i = 0; i < size; ++i)
            data[i] = char16_t(static_cast<std::make_unsigned_t<Unit>>(text[i]));
        data[size] = 0;
        const quint32 at = quint32(m_chunks.size() - 1) << 16 | quint32(m_chunkUsed + 1);
        m_chunkUsed += size + 2;
        m_characters += size + 2;
        return at;
    }

    void resize(size_t size)
    {
        m_slots.resize(size);
        m_table.store(m_slots.data(), std::memory_order_relaxed);
        m_mask.store(size - 1, std::memory_order_relaxed);
    }

    void grow()
    {
        std::vector<Slot> old;
        old.swap(m_slots);
        resize(old.size() * 2);
        const size_t mask = m_slots.size() - 1;
        for (const Slot &s : old) {
            if (!s.tag)
                continue;
            const char16_t *data = dataOf(s.at);
            size_t i = size_t(hashOf(data, data[-1])) & mask;
            while (m_slots[i].tag)
                i = (i + 1) & mask;
            m_slots[i] = s;
        }
        m_table.store(m_slots.data(), std::memory_order_relaxed);
    }

    std::mutex m_mutex;
    std::vector<Slot> m_slots; // a power of two, at most half full
    std::atomic<const Slot *> m_table {nullptr}; // m_slots as prefetch() reads it
    std::atomic<size_t> m_mask {0};
    size_t m_used = 0;
    std::vector<char16_t *> m_chunks; // never freed
    qsizetype m_chunkUsed = 0;      // in the last chunk
    qsizetype m_characters = 0;
};

// Shards, each with its own lock, chosen by the hash's top bits: threads that pool names at
// the same time (the resolver's two halves) rarely wait for each other, and a waiting thread
// sleeps in the kernel. Never destroyed: pooled strings may sit in other static objects
// destroyed at exit.
Shard &shardOf(quint64 hash)
{
    static Shard *const shards = new Shard[Shard::kShards];
    return shards[hash >> 60];
}

} // namespace

QString StringPool::intern(const QString &text)
{
    if (text.isEmpty() || text.size() > kMaxLength)
        return text;
    const auto *units = reinterpret_cast<const char16_t *>(text.constData());
    const quint64 hash = hashOf(units, text.size());
    QString pooled = shardOf(hash).find(units, text.size(), hash);
    return pooled.isNull() ? text : pooled;
}

QString StringPool::internLatin1(const char *text, qsizetype size)
{
    if (size == 0 || size > kMaxLength)
        return QString::fromLatin1(text, size);
    return internLatin1(text, size, hashLatin1(text, size));
}

quint64 StringPool::hashLatin1(const char *text, qsizetype size)
{
    return hashOf(text, size);
}

void StringPool::prefetch(quint64 hash)
{
    shardOf(hash).prefetch(hash);
}

QString StringPool::internLatin1(const char *text, qsizetype size, quint64 hash)
{
    if (size == 0 || size > kMaxLength)
        return QString::fromLatin1(text, size);
    QString pooled = shardOf(hash).find(text, size, hash);
    return pooled.isNull() ? QString::fromLatin1(text, size) : pooled;
}

bool StringPool::isPooled(const QString &text)
{
    if (text.isEmpty())
        return false;
    for (quint64 shard = 0; shard < Shard::kShards; ++shard) {
        if (shardOf(shard << 60).contains(text.constData()))
            return true;
    }
    return false;
}

namespace {

void pool(QString &s)
{
    s = StringPool::intern(s);
}

template<typename Tag>
void pool(Id<Tag> &id)
{
    if (!id.isNull())
        id = Id<Tag>(StringPool::intern(id.toString()));
}

void pool(KeySpec &key)
{
    pool(key.name);
    pool(key.type);
    pool(key.field);
}

} // namespace

void poolIdentifiers(Project &project)
{
    for (Entity &e : project.entities) {
        pool(e.id);
        pool(e.name);
        pool(e.tableName);
        for (Attribute &a : e.attributes) {
            pool(a.id);
            pool(a.name);
            pool(a.field);
            pool(a.type);
            pool(a.uniqueGroup);
        }
        for (Index &index : e.indexes) {
            pool(index.name);
            for (QString &field : index.fields)
                pool(field);
        }
    }
    for (Association &a : project.associations) {
        pool(a.id);
        pool(a.source);
        pool(a.target);
        pool(a.as.singular);
        pool(a.as.plural);
        pool(a.foreignKey);
        pool(a.otherKey);
        pool(a.targetKey);
        pool(a.sourceKey);
        pool(a.through.name);
        pool(a.onDelete);
        pool(a.onUpdate);
    }
}

} // namespace Junction
