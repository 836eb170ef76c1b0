// SPDX-License-Identifier: MIT
#include "cleanprojectreader.h"

#include "stringpool.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace Junction {

namespace {

using L1 = QLatin1String;

// Every member reader returns false to give up; nothing here reports anything. What it
// accepts is a subset of what QJsonDocument accepts: plain JSON structure, and the values it
// interprets are either plain ASCII strings, true/false/null, the version 1, or handed to
// QJsonDocument itself (escaped or non-ASCII strings, other numbers, layout and synced).
class CleanReader
{
public:
    explicit CleanReader(const QByteArray &json)
        : m_p(json.constData())
        , m_end(json.constData() + json.size())
    {
    }

    bool readProject(Project &project);

private:
    static constexpr int MaxDepth = 64; // deeper: QJsonDocument decides

    void skipSpace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }
    bool consume(char c)
    {
        skipSpace();
        if (m_p < m_end && *m_p == c) {
            ++m_p;
            return true;
        }
        return false;
    }
    bool atEnd()
    {
        skipSpace();
        return m_p == m_end;
    }

    // A string token: [*begin, *end) is its content between the quotes. `plain`: printable
    // ASCII without escapes, so its bytes are its characters.
    bool rawString(const char **begin, const char **end, bool *plain)
    {
        skipSpace();
        if (m_p >= m_end || *m_p != '"')
            return false;
        *begin = ++m_p;
        *plain = true;
        while (m_p < m_end) {
            const unsigned char c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                *end = m_p++;
                return true;
            }
            if (c == '\\') {
                *plain = false;
                m_p += 2; // QJsonDocument checks the escape when the string is used
                continue;
            }
            if (c < 0x20 || c >= 0x80)
                *plain = false;
            ++m_p;
        }
        return false;
    }

    // One JSON value from [begin, end), parsed by QJsonDocument.
    static std::optional<QJsonValue> qtValue(const char *begin, const char *end)
    {
        QByteArray wrapped;
        wrapped.reserve(end - begin + 2);
        wrapped += '[';
        wrapped.append(begin, end - begin);
        wrapped += ']';
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(wrapped, &error);
        if (error.error != QJsonParseError::NoError || !document.isArray()
            || document.array().size() != 1)
            return std::nullopt;
        return document.array().at(0);
    }

    // Comments and defaults often repeat across a schema: kept as one shared string each,
    // a large file's strings take fewer allocations and less memory, and what later copies
    // them touches fewer cache lines. Recently seen ones are enough. (Identifiers go to the
    // StringPool instead.)
    struct SharedString
    {
        char bytes[24];
        qsizetype size = -1;
        QString string;
    };
    static constexpr size_t SharedSlots = 1024;

    QString shared(const char *begin, qsizetype size)
    {
        if (size > qsizetype(sizeof(SharedString::bytes)))
            return QString::fromLatin1(begin, size);
        size_t h = 2166136261u; // FNV-1a
        for (qsizetype i = 0; i < size; ++i)
            h = (h ^ static_cast<unsigned char>(begin[i])) * 16777619u;
        SharedString &slot = m_shared[h % SharedSlots];
        if (slot.size != size || std::memcmp(slot.bytes, begin, size_t(size)) != 0) {
            std::memcpy(slot.bytes, begin, size_t(size));
            slot.size = size;
            slot.string = QString::fromLatin1(begin, size);
        }
        return slot.string;
    }

    // A string token: its content from `begin` when `plain`, else its text as QJsonDocument
    // reads it (escapes, non-ASCII).
    struct StringToken
    {
        const char *begin = nullptr;
        qsizetype size = 0;
        bool plain = false;
        QString text;
    };
    std::optional<StringToken> stringToken()
    {
        skipSpace();
        const char *token = m_p;
        StringToken t;
        const char *end;
        if (!rawString(&t.begin, &end, &t.plain))
            return std::nullopt;
        t.size = end - t.begin;
        if (t.plain)
            return t;
        const std::optional<QJsonValue> v = qtValue(token, m_p);
        if (!v || v->type() != QJsonValue::String)
            return std::nullopt;
        t.text = v->toString();
        t.size = t.text.size();
        return t;
    }

    // Own: a string of its own. Shared: texts that repeat (comments, defaults), see shared().
    // Pooled: identifiers, see StringPool.
    enum class Keep { Own, Shared, Pooled };
    bool string(QString *out, Keep keep = Keep::Own)
    {
        const std::optional<StringToken> t = stringToken();
        if (!t)
            return false;
        if (!t->plain) {
            *out = keep == Keep::Pooled ? StringPool::intern(t->text) : t->text;
            return true;
        }
        switch (keep) {
        case Keep::Own: *out = QString::fromLatin1(t->begin, t->size); break;
        case Keep::Shared: *out = shared(t->begin, t->size); break;
        case Keep::Pooled: *out = StringPool::internLatin1(t->begin, t->size); break;
        }
        return true;
    }
    bool identifier(QString *out) { return string(out, Keep::Pooled); }

    // An identifier kept when its object ends (flushIdentifiers()): its place in the pool
    // is fetched now, while the rest of the object is read (on a big project each lookup
    // waits on memory). Only for members of the object being read, which stays where it is
    // until then; not for list elements of that object (a growing list moves them).
    struct PendingIdentifier
    {
        const char *begin;
        qsizetype size;
        quint64 hash;
        void *target;
        void (*assign)(void *target, QString &&text);
    };
    std::vector<PendingIdentifier> m_pending;
    template<typename Target> bool pendingIdentifier(Target *out, bool nonEmpty = false)
    {
        const std::optional<StringToken> t = stringToken();
        if (!t || (nonEmpty && t->size == 0))
            return false;
        auto assign = [](void *target, QString &&text) {
            *static_cast<Target *>(target) = Target(std::move(text));
        };
        if (!t->plain || t->size > StringPool::kMaxLength) {
            assign(out, t->plain ? StringPool::internLatin1(t->begin, t->size)
                                 : StringPool::intern(t->text));
            return true;
        }
        const quint64 hash = StringPool::hashLatin1(t->begin, t->size);
        StringPool::prefetch(hash);
        m_pending.push_back({t->begin, t->size, hash, out, assign});
        return true;
    }
    // Keeps the identifiers read since `mark` (m_pending's size when the object began).
    void flushIdentifiers(size_t mark)
    {
        for (size_t i = mark; i < m_pending.size(); ++i) {
            const PendingIdentifier &p = m_pending[i];
            p.assign(p.target, StringPool::internLatin1(p.begin, p.size, p.hash));
        }
        m_pending.resize(mark);
    }
    bool nonEmptyString(QString *out, Keep keep = Keep::Own)
    {
        return string(out, keep) && !out->isEmpty();
    }

    bool literal(const char *word)
    {
        skipSpace();
        const size_t n = std::strlen(word);
        if (size_t(m_end - m_p) < n || std::memcmp(m_p, word, n) != 0)
            return false;
        m_p += n;
        return true;
    }
    bool peek(char c)
    {
        skipSpace();
        return m_p < m_end && *m_p == c;
    }
    bool boolean(bool *out)
    {
        if (peek('t') && literal("true"))
            *out = true;
        else if (peek('f') && literal("false"))
            *out = false;
        else
            return false;
        return true;
    }
    bool optionalBool(std::optional<bool> *out)
    {
        bool b = false;
        if (!boolean(&b))
            return false;
        *out = b;
        return true;
    }

    bool number()
    {
        skipSpace();
        const char *p = m_p;
        auto digits = [&] {
            const char *start = p;
            while (p < m_end && *p >= '0' && *p <= '9')
                ++p;
            return p > start;
        };
        if (p < m_end && *p == '-')
            ++p;
        if (p < m_end && *p == '0')
            ++p;
        else if (!digits())
            return false;
        if (p < m_end && *p == '.') {
            ++p;
            if (!digits())
                return false;
        }
        if (p < m_end && (*p == 'e' || *p == 'E')) {
            ++p;
            if (p < m_end && (*p == '+' || *p == '-'))
                ++p;
            if (!digits())
                return false;
        }
        m_p = p;
        return true;
    }

    // Any value, checked for structure only; [*begin, *end) is its text.
    bool skipValue(const char **begin, const char **end)
    {
        skipSpace();
        *begin = m_p;
        if (m_p >= m_end)
            return false;
        bool ok = false;
        switch (*m_p) {
        case '{':
            ok = object(
                [this](L1) {
                    const char *b;
                    const char *e;
                    return skipValue(&b, &e);
                },
                false);
            break;
        case '[':
            ok = array([this] {
                const char *b;
                const char *e;
                return skipValue(&b, &e);
            });
            break;
        case '"': {
            const char *b;
            const char *e;
            bool plain;
            ok = rawString(&b, &e, &plain);
            break;
        }
        case 't':
            ok = literal("true");
            break;
        case 'f':
            ok = literal("false");
            break;
        case 'n':
            ok = literal("null");
            break;
        default:
            ok = number();
            break;
        }
        *end = m_p;
        return ok;
    }

    // `member(key)` reads the value of each member. Keys must be plain (an escaped key may
    // spell a known one). `distinctKeys`: the caller checks repetition itself.
    template<typename Member> bool object(Member member, bool plainKeys = true)
    {
        if (!consume('{') || ++m_depth > MaxDepth)
            return false;
        if (!consume('}')) {
            do {
                const char *begin;
                const char *end;
                bool plain;
                if (!rawString(&begin, &end, &plain) || (plainKeys && !plain) || !consume(':'))
                    return false;
                if (!member(L1(begin, end - begin)))
                    return false;
            } while (consume(','));
            if (!consume('}'))
                return false;
        }
        --m_depth;
        return true;
    }
    template<typename Element> bool array(Element element)
    {
        if (!consume('[') || ++m_depth > MaxDepth)
            return false;
        if (!consume(']')) {
            do {
                if (!element())
                    return false;
            } while (consume(','));
            if (!consume(']'))
                return false;
        }
        --m_depth;
        return true;
    }
    // Objects of one kind into a list, in file order.
    template<typename T, typename Read> bool objects(QList<T> *out, Read read)
    {
        return array([&] { return read(out->emplace_back()); });
    }

    // The index of a known key, once: -1 for an unknown or repeated one.
    template<size_t N> static int known(const L1 (&keys)[N], L1 key, quint32 *seen)
    {
        for (size_t i = 0; i < N; ++i) {
            if (keys[i].size() == key.size()
                && std::memcmp(keys[i].data(), key.data(), size_t(key.size())) == 0) {
                if (*seen & (1u << i))
                    return -1;
                *seen |= 1u << i;
                return int(i);
            }
        }
        return -1;
    }

    template<typename Id> bool id(Id *out) { return pendingIdentifier(out, true); }

    // An object value handed to QJsonDocument whole (layout, synced).
    bool jsonObject(QJsonObject *out)
    {
        const char *begin;
        const char *end;
        if (!peek('{') || !skipValue(&begin, &end))
            return false;
        QJsonParseError error;
        const QJsonDocument document
            = QJsonDocument::fromJson(QByteArray::fromRawData(begin, end - begin), &error);
        if (error.error != QJsonParseError::NoError || !document.isObject())
            return false;
        *out = document.object();
        return true;
    }

    bool readDefine(DefineOptions &d);
    bool readEntity(Entity &e);
    bool readAttribute(Attribute &a);
    bool readDefaultValue(DefaultValue &v);
    bool readIndex(Index &index);
    bool readAssociation(Association &a);
    bool readAlias(Alias &as);
    bool readKeySpec(KeySpec &key);
    bool readThrough(Through &through);
    bool readConnection(SavedConnection &c);

    const char *m_p;
    const char *const m_end;
    int m_depth = 0;
    QList<Attribute> m_attributes; // one model's, before they move to it at their size
    std::vector<SharedString> m_shared = std::vector<SharedString>(SharedSlots);
};

// The known keys, as in projectreader.cpp.
const L1 projectKeys[] = {L1("junction"),     L1("name"),   L1("define"),      L1("models"),
                          L1("associations"), L1("layout"), L1("connections"), L1("synced")};
const L1 defineKeys[] = {L1("timestamps"), L1("underscored"), L1("underscoredAll"),
                         L1("freezeTableName"), L1("paranoid")};
const L1 modelKeys[]
    = {L1("id"),          L1("name"),           L1("tableName"),       L1("timestamps"),
       L1("underscored"), L1("underscoredAll"), L1("freezeTableName"), L1("paranoid"),
       L1("comment"),     L1("attributes"),     L1("indexes")};
const L1 attributeKeys[]
    = {L1("id"),         L1("name"),          L1("field"),  L1("type"),         L1("allowNull"),
       L1("primaryKey"), L1("autoIncrement"), L1("unique"), L1("defaultValue"), L1("comment")};
const L1 indexKeys[] = {L1("name"), L1("fields"), L1("unique")};
const L1 associationKeys[]
    = {L1("id"),          L1("type"),      L1("source"),    L1("target"),     L1("as"),
       L1("foreignKey"),  L1("targetKey"), L1("sourceKey"), L1("otherKey"),   L1("through"),
       L1("constraints"), L1("onDelete"),  L1("onUpdate"),  L1("timestamps"), L1("comment")};
const L1 keySpecKeys[]
    = {L1("name"), L1("field"), L1("type"), L1("allowNull"), L1("unique"), L1("comment")};
const L1 connectionKeys[]
    = {L1("name"), L1("engine"), L1("host"), L1("port"), L1("database"), L1("user"), L1("sslMode")};
const L1 connectionEngines[] = {L1("sqlite"), L1("postgres"), L1("mysql"), L1("mariadb")};

bool CleanReader::readProject(Project &project)
{
    quint32 seen = 0;
    const bool ok = object([&](L1 key) {
        switch (known(projectKeys, key, &seen)) {
        case 0: // only the current version itself; anything else is the full reader's
            if (!literal("1"))
                return false;
            skipSpace();
            project.formatVersion = 1;
            return m_p < m_end && (*m_p == ',' || *m_p == '}');
        case 1:
            return string(&project.name);
        case 2:
            project.hasDefine = true;
            return readDefine(project.define);
        case 3:
            return objects(&project.entities, [this](Entity &e) { return readEntity(e); });
        case 4:
            return objects(&project.associations,
                           [this](Association &a) { return readAssociation(a); });
        case 5:
            return jsonObject(&project.layout);
        case 6:
            return objects(&project.connections,
                           [this](SavedConnection &c) { return readConnection(c); });
        case 7:
            return jsonObject(&project.synced);
        }
        return false;
    });
    const quint32 required = 1u << 0 | 1u << 3; // junction, models
    return ok && atEnd() && (seen & required) == required;
}

bool CleanReader::readDefine(DefineOptions &d)
{
    quint32 seen = 0;
    return object([&](L1 key) {
        switch (known(defineKeys, key, &seen)) {
        case 0:
            return boolean(&d.timestamps);
        case 1:
            return boolean(&d.underscored);
        case 2:
            return boolean(&d.underscoredAll);
        case 3:
            return boolean(&d.freezeTableName);
        case 4:
            return boolean(&d.paranoid);
        }
        return false;
    });
}

bool CleanReader::readEntity(Entity &e)
{
    quint32 seen = 0;
    const size_t mark = m_pending.size();
    const bool ok = object([&](L1 key) {
        switch (known(modelKeys, key, &seen)) {
        case 0:
            return id(&e.id);
        case 1:
            return pendingIdentifier(&e.name);
        case 2:
            return pendingIdentifier(&e.tableName);
        case 3:
            return optionalBool(&e.timestamps);
        case 4:
            return optionalBool(&e.underscored);
        case 5:
            return optionalBool(&e.underscoredAll);
        case 6:
            return optionalBool(&e.freezeTableName);
        case 7:
            return optionalBool(&e.paranoid);
        case 8:
            return string(&e.comment);
        case 9: {
            m_attributes.clear();
            if (!objects(&m_attributes, [this](Attribute &a) { return readAttribute(a); }))
                return false;
            e.attributes.reserve(m_attributes.size());
            for (Attribute &a : m_attributes)
                e.attributes.append(std::move(a));
            return true;
        }
        case 10:
            return objects(&e.indexes, [this](Index &i) { return readIndex(i); });
        }
        return false;
    });
    flushIdentifiers(mark);
    return ok && (seen & 1u << 1); // name
}

bool CleanReader::readAttribute(Attribute &a)
{
    quint32 seen = 0;
    const size_t mark = m_pending.size();
    const bool ok = object([&](L1 key) {
        switch (known(attributeKeys, key, &seen)) {
        case 0:
            return id(&a.id);
        case 1:
            return pendingIdentifier(&a.name);
        case 2:
            return pendingIdentifier(&a.field);
        case 3:
            return pendingIdentifier(&a.type);
        case 4:
            return optionalBool(&a.allowNull);
        case 5:
            return boolean(&a.primaryKey);
        case 6:
            return boolean(&a.autoIncrement);
        case 7:
            return peek('"') ? nonEmptyString(&a.uniqueGroup, Keep::Pooled) : boolean(&a.unique);
        case 8:
            return readDefaultValue(a.defaultValue);
        case 9:
            return string(&a.comment, Keep::Shared);
        }
        return false;
    });
    flushIdentifiers(mark);
    const quint32 required = 1u << 1 | 1u << 3; // name, type
    return ok && (seen & required) == required;
}

bool CleanReader::readDefaultValue(DefaultValue &v)
{
    using Kind = DefaultValue::Kind;
    skipSpace();
    if (m_p >= m_end)
        return false;
    switch (*m_p) {
    case 'n':
        v.kind = Kind::Null;
        return literal("null");
    case '"':
        v.kind = Kind::String;
        return string(&v.text, Keep::Shared);
    case 't':
    case 'f':
        v.kind = Kind::Boolean;
        return boolean(&v.boolean);
    case '{': {
        int members = 0;
        const bool ok = object([&](L1 key) {
            ++members;
            const bool isFn = key == L1("fn");
            if (!isFn && key != L1("sql"))
                return false;
            if (!string(&v.text))
                return false;
            if (isFn && v.text != L1("NOW") && v.text != L1("UUIDV4"))
                return false;
            v.kind = isFn ? Kind::Function : Kind::Sql;
            return true;
        });
        return ok && members == 1;
    }
    case '[':
        return false;
    default: {
        // A number: QJsonDocument's reading of it (integer or double) is the one kept.
        const char *begin;
        const char *end;
        if (!skipValue(&begin, &end))
            return false;
        const std::optional<QJsonValue> number = qtValue(begin, end);
        if (!number || number->type() != QJsonValue::Double)
            return false;
        v.kind = Kind::Number;
        v.number = number->toDouble();
        return true;
    }
    }
}

bool CleanReader::readIndex(Index &index)
{
    quint32 seen = 0;
    const bool ok = object([&](L1 key) {
        switch (known(indexKeys, key, &seen)) {
        case 0:
            return identifier(&index.name);
        case 1:
            return array([&] { return identifier(&index.fields.emplace_back()); });
        case 2:
            return boolean(&index.unique);
        }
        return false;
    });
    return ok && (seen & 1u << 1); // fields
}

bool CleanReader::readAssociation(Association &a)
{
    quint32 seen = 0;
    const size_t mark = m_pending.size();
    const bool ok = object([&](L1 key) {
        switch (known(associationKeys, key, &seen)) {
        case 0:
            return id(&a.id);
        case 1: {
            QString type;
            if (!string(&type))
                return false;
            const std::optional<AssociationType> t = associationTypeFromName(type);
            if (!t)
                return false;
            a.type = *t;
            return true;
        }
        case 2:
            return pendingIdentifier(&a.source);
        case 3:
            return pendingIdentifier(&a.target);
        case 4:
            return readAlias(a.as);
        case 5:
            return readKeySpec(a.foreignKey);
        case 6:
            return pendingIdentifier(&a.targetKey);
        case 7:
            return pendingIdentifier(&a.sourceKey);
        case 8:
            return readKeySpec(a.otherKey);
        case 9:
            return readThrough(a.through);
        case 10:
            return optionalBool(&a.constraints);
        case 11:
            return pendingIdentifier(&a.onDelete);
        case 12:
            return pendingIdentifier(&a.onUpdate);
        case 13:
            return optionalBool(&a.timestamps);
        case 14:
            return string(&a.comment);
        }
        return false;
    });
    flushIdentifiers(mark); // with its alias, keys and `through`
    const quint32 required = 1u << 1 | 1u << 2 | 1u << 3; // type, source, target
    return ok && (seen & required) == required;
}

bool CleanReader::readAlias(Alias &as)
{
    if (peek('"'))
        return pendingIdentifier(&as.plural, true);
    static const L1 aliasKeys[] = {L1("singular"), L1("plural")};
    quint32 seen = 0;
    const bool ok = object([&](L1 key) {
        switch (known(aliasKeys, key, &seen)) {
        case 0:
            return pendingIdentifier(&as.singular, true);
        case 1:
            return pendingIdentifier(&as.plural, true);
        }
        return false;
    });
    as.isObject = true;
    return ok && seen == 3;
}

bool CleanReader::readKeySpec(KeySpec &key)
{
    key.isSet = true;
    if (peek('"'))
        return pendingIdentifier(&key.name);
    key.isObject = true;
    quint32 seen = 0;
    return object([&](L1 k) {
        switch (known(keySpecKeys, k, &seen)) {
        case 0:
            return pendingIdentifier(&key.name);
        case 1:
            return pendingIdentifier(&key.field);
        case 2:
            return pendingIdentifier(&key.type);
        case 3:
            return optionalBool(&key.allowNull);
        case 4:
            return optionalBool(&key.unique);
        case 5:
            return string(&key.comment);
        }
        return false;
    });
}

bool CleanReader::readThrough(Through &through)
{
    if (peek('"')) {
        through.kind = Through::Kind::Table;
        return pendingIdentifier(&through.name);
    }
    static const L1 throughKeys[] = {L1("model")};
    quint32 seen = 0;
    const bool ok = object(
        [&](L1 key) { return known(throughKeys, key, &seen) == 0 && pendingIdentifier(&through.name); });
    through.kind = Through::Kind::Model;
    return ok && seen == 1;
}

bool CleanReader::readConnection(SavedConnection &c)
{
    quint32 seen = 0;
    const bool ok = object([&](L1 key) {
        switch (known(connectionKeys, key, &seen)) {
        case 0:
            return string(&c.name);
        case 1:
            return string(&c.engine)
                && std::find(std::begin(connectionEngines), std::end(connectionEngines), c.engine)
                != std::end(connectionEngines);
        case 2:
            return string(&c.host);
        case 3: {
            const char *begin;
            const char *end;
            if (peek('"') || peek('{') || peek('[') || !skipValue(&begin, &end))
                return false;
            const std::optional<QJsonValue> v = qtValue(begin, end);
            if (!v || v->type() != QJsonValue::Double)
                return false;
            const double port = v->toDouble();
            if (port != std::floor(port) || port < 1 || port > 65535)
                return false;
            c.port = int(port);
            return true;
        }
        case 4:
            return string(&c.database);
        case 5:
            return string(&c.user);
        case 6:
            return string(&c.sslMode);
        }
        return false;
    });
    const quint32 required = 1u << 0 | 1u << 1; // name, engine
    return ok && (seen & required) == required;
}

} // namespace

std::optional<CleanProject> readCleanProject(const QByteArray &json)
{
    CleanProject clean;
    if (!CleanReader(json).readProject(clean.project))
        return std::nullopt;
    // The explicit ids' hashes in the order ProjectReader claims them: each model's, then its
    // attributes', then the associations'.
    const Project &p = clean.project;
    std::vector<size_t> &hashes = clean.idHashes;
    for (const Entity &e : p.entities) {
        if (!e.id.isNull())
            hashes.push_back(qHash(e.id.toString()));
        for (const Attribute &a : e.attributes) {
            if (!a.id.isNull())
                hashes.push_back(qHash(a.id.toString()));
        }
    }
    for (const Association &a : p.associations) {
        if (!a.id.isNull())
            hashes.push_back(qHash(a.id.toString()));
    }
    return clean;
}

} // namespace Junction
