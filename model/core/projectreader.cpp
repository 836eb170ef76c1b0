// SPDX-License-Identifier: MIT
#include "projectreader.h"

#include "cleanprojectreader.h"
#include "jsonlocator.h"
#include "stringpool.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QThreadPool>
#include <QVarLengthArray>

#include <cmath>
#include <vector>

namespace Junction {

// Reading rules (codes are stable; tests and tools match on them):
//
// | problem                                              | code                     | severity |
// |------------------------------------------------------|--------------------------|----------|
// | file cannot be read                                  | io                       | error    |
// | not JSON                                             | json-syntax              | error    |
// | no `junction` key                                    | format-version-missing   | error    |
// | `junction` not a positive integer                    | format-version-invalid   | error    |
// | `junction` above CurrentFormatVersion (stops here)   | format-version-newer     | error    |
// | required key absent                                  | missing-key              | error    |
// | key of one JSON type has another                     | wrong-type               | error    |
// | key not in the format                                | unknown-key              | warning  |
// | association `type` not one of the four               | unknown-association-type | error    |
// | the same id twice (one namespace for all ids)        | duplicate-id             | error    |
// | a value of none of a key's forms, or a bad form      | invalid-value            | error    |
// | two connections with one name                        | duplicate-connection     | error    |
// | a password in a connection (dropped, never saved)    | password-not-kept        | warning  |
//
// Required keys: `junction` and `models` at the top; a model's `name`; an attribute's `name`
// and `type`; an association's `type`, `source` and `target`; an index's `fields`. Rules that
// depend on meaning (belongsToMany needs `through`, names must resolve) are the validator's.
//
// A connection needs `name` and `engine` (sqlite, postgres, mysql, mariadb); `port` is an
// integer 1-65535. A `password` key (or `passwd`, `pwd`, any key containing "password") is
// reported and dropped, not kept like other unknown keys: a password never reaches a saved file.
//
// Keys with several forms (`unique`, `defaultValue`, `as`, `foreignKey`, `otherKey`,
// `through`) report a value of none of them as invalid-value, not wrong-type.
//
// Missing ids are derived after reading, in file order, once every explicit id is reserved:
// model `m-<name>`, attribute `a-<model>-<attribute>`, association
// `as-<source>-<type>-<target>[-<alias plural, else singular>]`; a taken id gets `-2`, `-3`...

namespace {

using L1 = QLatin1String;
using Severity = Diagnostic::Severity;

// A JSON path kept as a chain of stack frames; turned into text only for a diagnostic, so
// reading a clean file builds no path strings.
struct PathNode
{
    const PathNode *parent = nullptr;
    L1 key; // a key of the format
    const QString *anyKey = nullptr; // any other key
    qsizetype index = -1;

    QString toString() const
    {
        QVarLengthArray<const PathNode *, 8> chain;
        for (const PathNode *p = this; p; p = p->parent)
            chain.append(p);
        QString out;
        for (qsizetype i = chain.size(); i-- > 0;) {
            const PathNode *p = chain[i];
            if (p->index >= 0) {
                out += QLatin1Char('[') + QString::number(p->index) + QLatin1Char(']');
            } else if (p->anyKey) {
                JsonLocator::appendKey(out, *p->anyKey);
            } else if (!p->key.isEmpty()) {
                JsonLocator::appendKey(out, QString(p->key));
            }
        }
        return out;
    }
};

PathNode member(const PathNode &parent, L1 key)
{
    return {&parent, key, nullptr, -1};
}

PathNode element(const PathNode &parent, qsizetype index)
{
    return {&parent, {}, nullptr, index};
}

QString jsonTypeName(QJsonValue::Type type)
{
    switch (type) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

// A name in a message, quoted and escaped like a JSON string so that quotes and line breaks
// in hostile names cannot garble the message.
QString quoted(const QString &s)
{
    QString out;
    out.reserve(s.size() + 2);
    out += QLatin1Char('"');
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if (u == u'"' || u == u'\\') {
            out += QLatin1Char('\\');
            out += c;
        } else if (u == u'\n') {
            out += QLatin1String("\\n");
        } else if (u < 0x20) {
            out += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
        } else {
            out += c;
        }
    }
    out += QLatin1Char('"');
    return out;
}

// Optimal string alignment distance: Levenshtein plus transpositions ("tpye" → "type" is 1).
int editDistance(const QString &a, const QString &b)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    QVarLengthArray<int, 64> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (qsizetype j = 0; j <= m; ++j)
        prev[j] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        cur[0] = int(i);
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            int d = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a.at(i - 1) == b.at(j - 2) && a.at(i - 2) == b.at(j - 1))
                d = std::min(d, prev2[j - 2] + 1);
            cur[j] = d;
        }
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return prev[m];
}

// The known key closest to a misspelt one, when close enough to be a likely typo.
QString closestKey(const QString &key, const L1 *known, int count)
{
    const QString lower = key.toLower();
    const int limit = std::min(2, std::max(1, int(key.size() / 3)));
    QString best;
    int bestDistance = limit + 1;
    for (int i = 0; i < count; ++i) {
        const QString candidate(known[i]);
        const int d = editDistance(lower, candidate.toLower());
        if (d < bestDistance) {
            bestDistance = d;
            best = candidate;
        }
    }
    return best;
}

// The known keys of each object, in the spec's order (also the writer's order).
const L1 projectKeys[] = {L1("junction"),     L1("name"),   L1("define"),      L1("models"),
                          L1("associations"), L1("layout"), L1("connections"), L1("synced")};
const L1 connectionKeys[]
    = {L1("name"), L1("engine"), L1("host"), L1("port"), L1("database"), L1("user"), L1("sslMode")};
const L1 connectionEngines[] = {L1("sqlite"), L1("postgres"), L1("mysql"), L1("mariadb")};
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
const L1 throughKeys[] = {L1("model")};
const L1 aliasKeys[] = {L1("singular"), L1("plural")};

class Reader;

// The members of one JSON object, read with type checks. Known keys are looked up (a binary
// search, no allocation); only when the object has more members than were found does
// finish() walk it for unknown keys.
class Fields
{
public:
    using Iterator = QJsonObject::const_iterator;

    Fields(Reader &reader, const QJsonObject &object, const PathNode &path)
        : m_reader(reader)
        , m_object(object)
        , m_path(path)
        , m_size(object.size())
    {
    }

    const PathNode &path() const { return m_path; }

    bool find(L1 key, Iterator *it)
    {
        // Once every member is accounted for, the remaining keys are absent: skip the lookup.
        if (m_found == m_size)
            return false;
        *it = m_object.constFind(key);
        if (*it == m_object.constEnd())
            return false;
        ++m_found;
        return true;
    }

    // `required`: the missing-key message, e.g. `a model needs a "name"`.
    void string(L1 key, QString *out, const char *required = nullptr);
    void boolean(L1 key, bool *out);
    void optionalBool(L1 key, std::optional<bool> *out);
    void missing(const char *message);
    void wrongType(L1 key, const QJsonValue &value, const char *expected);

    template<size_t N>
    void finish(const L1 (&known)[N], QJsonObject *unknownKeys, const char *notKept = nullptr)
    {
        if (m_found < m_size)
            reportUnknown(known, int(N), unknownKeys, notKept);
    }

private:
    void reportUnknown(const L1 *known, int count, QJsonObject *unknownKeys, const char *notKept);

    Reader &m_reader;
    const QJsonObject &m_object;
    const PathNode &m_path;
    const qsizetype m_size;
    qsizetype m_found = 0;
};

class Reader
{
public:
    Reader(const QByteArray &json, const QString &fileName, bool fastPath = true)
        : m_json(json)
        , m_fastPath(fastPath)
        , m_fileLabel(fileName.isEmpty() ? QStringLiteral("this file")
                                         : QFileInfo(fileName).fileName())
    {
    }

    LoadResult run();

    // The message is "<path>: <text>" unless `pathInMessage` is false (messages about the
    // file as a whole).
    void report(Severity severity, L1 code, const QString &path, const QString &text,
                const QStringList &ids = {}, bool pathInMessage = true);
    void error(L1 code, const PathNode &path, const QString &text)
    {
        report(Severity::Error, code, path.toString(), text);
    }

private:
    static constexpr qsizetype BackgroundReleaseSize = 1 << 20;

    bool readProject(const QJsonObject &top);
    bool readVersion(Fields &f);
    void readDefine(const QJsonValue &value, const PathNode &path);
    void readEntity(const QJsonObject &object, const PathNode &path, Entity &e);
    void readAttribute(const QJsonObject &object, const PathNode &path, Attribute &a);
    void readIndex(const QJsonObject &object, const PathNode &path, Index &index);
    void readAssociation(const QJsonObject &object, const PathNode &path, Association &a);
    void readDefaultValue(const QJsonValue &value, const PathNode &path, DefaultValue &v);
    void readAlias(const QJsonValue &value, const PathNode &path, Alias &as);
    void readKeySpec(const QJsonValue &value, const PathNode &path, KeySpec &key);
    void readThrough(const QJsonValue &value, const PathNode &path, Through &through);
    void readConnection(const QJsonObject &object, const PathNode &path, SavedConnection &c);
    void checkConnectionNames();
    template<typename Id> void readId(Fields &f, Id *id);
    // Each element that is an object goes to read(object, path, item); an element that is
    // not still gets a (default) item, so indices keep matching the file.
    template<typename T, typename Read>
    void readObjects(Fields &f, L1 key, QList<T> *out, Read read);
    void assignIds();

    const QByteArray &m_json;
    const bool m_fastPath;
    QString m_fileLabel;
    Diagnostics m_diagnostics;
    std::optional<JsonLocator> m_locator;
    Project m_project;
    std::vector<size_t> m_idHashes; // of the explicit ids, in file order
};

void Fields::string(L1 key, QString *out, const char *required)
{
    Iterator it;
    if (!find(key, &it)) {
        if (required)
            missing(required);
        return;
    }
    const QJsonValueConstRef v = it.value();
    if (v.type() == QJsonValue::String)
        *out = v.toString();
    else
        wrongType(key, v, "a string");
}

void Fields::boolean(L1 key, bool *out)
{
    Iterator it;
    if (!find(key, &it))
        return;
    const QJsonValueConstRef v = it.value();
    if (v.type() == QJsonValue::Bool)
        *out = v.toBool();
    else
        wrongType(key, v, "true or false");
}

void Fields::optionalBool(L1 key, std::optional<bool> *out)
{
    Iterator it;
    if (!find(key, &it))
        return;
    const QJsonValueConstRef v = it.value();
    if (v.type() == QJsonValue::Bool)
        *out = v.toBool();
    else
        wrongType(key, v, "true or false");
}

void Fields::missing(const char *message)
{
    m_reader.report(Severity::Error, L1("missing-key"), m_path.toString(),
                    QString::fromUtf8(message));
}

void Fields::wrongType(L1 key, const QJsonValue &value, const char *expected)
{
    m_reader.error(L1("wrong-type"), member(m_path, key),
                   QStringLiteral("expected %1, found %2")
                       .arg(QString::fromUtf8(expected), jsonTypeName(value.type())));
}

void Fields::reportUnknown(const L1 *known, int count, QJsonObject *unknownKeys,
                           const char *notKept)
{
    for (auto it = m_object.begin(), end = m_object.end(); it != end; ++it) {
        const QString key = it.key();
        if (std::find(known, known + count, key) != known + count)
            continue;
        if (unknownKeys)
            unknownKeys->insert(key, it.value());
        QString text = QStringLiteral("unknown key %1").arg(quoted(key));
        const QString suggestion = closestKey(key, known, count);
        if (!suggestion.isEmpty())
            text += QStringLiteral(" (did you mean %1?)").arg(quoted(suggestion));
        if (notKept)
            text += QString::fromUtf8(notKept);
        const PathNode path {&m_path, {}, &key, -1};
        m_reader.report(Severity::Warning, L1("unknown-key"), path.toString(), text);
    }
}

void Reader::report(Severity severity, L1 code, const QString &path, const QString &text,
                    const QStringList &ids, bool pathInMessage)
{
    Diagnostic d;
    d.severity = severity;
    d.code = QString(code);
    d.path = path;
    d.message = path.isEmpty() || !pathInMessage ? text : path + QLatin1String(": ") + text;
    d.ids = ids;
    // The locator scans the text only now, when something needs a position.
    if (!m_locator)
        m_locator.emplace(m_json);
    const JsonLocator::Position position = m_locator->locate(path);
    d.line = position.line;
    d.column = position.column;
    m_diagnostics.append(d);
}

LoadResult Reader::run()
{
    // A file that reads cleanly takes the fast path; anything to report, the full one.
    if (std::optional<CleanProject> clean = m_fastPath ? readCleanProject(m_json) : std::nullopt) {
        m_project = std::move(clean->project);
        m_idHashes = std::move(clean->idHashes);
        checkConnectionNames();
        assignIds();
        if (m_diagnostics.isEmpty())
            return {std::move(m_project), m_diagnostics};
        m_project = Project();
        m_idHashes.clear();
        m_diagnostics.clear();
    }

    QJsonParseError parseError;
    QJsonDocument document = QJsonDocument::fromJson(m_json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        Diagnostic d;
        d.code = QStringLiteral("json-syntax");
        d.message
            = QStringLiteral("%1 is not valid JSON: %2").arg(m_fileLabel, parseError.errorString());
        // QJsonDocument's offset is just past the offending character; point at that
        // character, unless the text simply ended (then at the end).
        qsizetype offset = parseError.offset;
        if (offset > 0 && offset <= m_json.size()) {
            const char previous = m_json.at(offset - 1);
            if (previous != ' ' && previous != '\n' && previous != '\r' && previous != '\t')
                --offset;
        }
        const JsonLocator::Position position = JsonLocator::positionOfOffset(m_json, offset);
        d.line = position.line;
        d.column = position.column;
        return {std::nullopt, {d}};
    }

    if (!document.isObject()) {
        error(
            L1("wrong-type"), PathNode(),
            QStringLiteral("expected an object at the top level, found %1")
                .arg(document.isArray() ? QStringLiteral("an array") : QStringLiteral("a value")));
        return {std::nullopt, m_diagnostics};
    }
    const bool complete = readProject(document.object());

    // Freeing the parse tree of a big file costs about a fifth of loading it; a worker thread
    // can do that. Safe: the project shares only reference-counted (atomically) containers
    // with the tree (layout, synced, unknown keys), and this thread holds no other reference.
    if (m_json.size() >= BackgroundReleaseSize) {
        QThreadPool::globalInstance()->start(
            [tree = std::move(document)]() mutable { tree = QJsonDocument(); });
    }

    if (!complete || hasErrors(m_diagnostics))
        return {std::nullopt, m_diagnostics};
    // The fast path pools identifiers as it reads them; this one reads through QJsonValue.
    poolIdentifiers(m_project);
    return {std::move(m_project), m_diagnostics};
}

// False when reading stopped early (a newer format).
bool Reader::readProject(const QJsonObject &top)
{
    const PathNode root;
    Fields f(*this, top, root);
    if (!readVersion(f))
        return false;

    f.string(L1("name"), &m_project.name);
    Fields::Iterator it;
    if (f.find(L1("define"), &it))
        readDefine(it.value(), member(root, L1("define")));
    if (!top.contains(L1("models")))
        f.missing("a project needs \"models\" (an array, possibly empty)");
    readObjects(
        f, L1("models"), &m_project.entities,
        [this](const QJsonObject &o, const PathNode &p, Entity &e) { readEntity(o, p, e); });
    readObjects(f, L1("associations"), &m_project.associations,
                [this](const QJsonObject &o, const PathNode &p, Association &a) {
                    readAssociation(o, p, a);
                });
    readObjects(f, L1("connections"), &m_project.connections,
                [this](const QJsonObject &o, const PathNode &p, SavedConnection &c) {
                    readConnection(o, p, c);
                });
    checkConnectionNames();
    for (auto [key, target] : {std::pair {L1("layout"), &m_project.layout},
                               std::pair {L1("synced"), &m_project.synced}}) {
        if (!f.find(key, &it))
            continue;
        if (it.value().type() == QJsonValue::Object)
            *target = it.value().toObject();
        else
            f.wrongType(key, it.value(), "an object");
    }
    f.finish(projectKeys, &m_project.unknownKeys);

    assignIds();
    return true;
}

// False when reading must stop: a newer format may mean anything, so nothing else is read
// (its new keys would only produce misleading warnings).
bool Reader::readVersion(Fields &f)
{
    Fields::Iterator it;
    if (!f.find(L1("junction"), &it)) {
        report(Severity::Error, L1("format-version-missing"), QString(),
               QStringLiteral("%1 is not a Junction project: it has no \"junction\" format "
                              "version (this version writes \"junction\": %2)")
                   .arg(m_fileLabel)
                   .arg(CurrentFormatVersion));
        return true;
    }
    const QJsonValue v = it.value();
    const double number = v.toDouble(-1);
    if (v.type() != QJsonValue::Double || number != std::floor(number) || number < 1
        || number > 1e9) {
        const QString found = v.type() == QJsonValue::Double
            ? QString::number(number, 'g', QLocale::FloatingPointShortest)
            : jsonTypeName(v.type());
        report(
            Severity::Error, L1("format-version-invalid"), QStringLiteral("junction"),
            QStringLiteral("the format version must be a positive integer, found %1").arg(found));
        return true;
    }
    const int version = int(number);
    if (version > CurrentFormatVersion) {
        report(Severity::Error, L1("format-version-newer"), QStringLiteral("junction"),
               QStringLiteral("%1 was written by a newer Junction (format %2); this version "
                              "reads format %3")
                   .arg(m_fileLabel)
                   .arg(version)
                   .arg(CurrentFormatVersion),
               {}, false);
        return false;
    }
    // Version 1 is the first; older formats would be migrated here.
    m_project.formatVersion = CurrentFormatVersion;
    return true;
}

void Reader::readDefine(const QJsonValue &value, const PathNode &path)
{
    if (value.type() != QJsonValue::Object) {
        error(L1("wrong-type"), path,
              QStringLiteral("expected an object, found %1").arg(jsonTypeName(value.type())));
        return;
    }
    m_project.hasDefine = true;
    const QJsonObject object = value.toObject();
    Fields f(*this, object, path);
    DefineOptions &d = m_project.define;
    f.boolean(L1("timestamps"), &d.timestamps);
    f.boolean(L1("underscored"), &d.underscored);
    f.boolean(L1("underscoredAll"), &d.underscoredAll);
    f.boolean(L1("freezeTableName"), &d.freezeTableName);
    f.boolean(L1("paranoid"), &d.paranoid);
    f.finish(defineKeys, &d.unknownKeys);
}

template<typename T, typename Read>
void Reader::readObjects(Fields &f, L1 key, QList<T> *out, Read read)
{
    Fields::Iterator it;
    if (!f.find(key, &it))
        return;
    const QJsonValueConstRef value = it.value();
    if (value.type() != QJsonValue::Array) {
        f.wrongType(key, value, "an array");
        return;
    }
    const QJsonArray array = value.toArray();
    const PathNode arrayPath = member(f.path(), key);
    out->reserve(array.size());
    qsizetype index = 0;
    for (auto e = array.begin(), end = array.end(); e != end; ++e, ++index) {
        T &item = out->emplace_back();
        const PathNode path = element(arrayPath, index);
        const QJsonValueConstRef v = *e;
        if (v.type() == QJsonValue::Object) {
            read(v.toObject(), path, item);
        } else {
            error(L1("wrong-type"), path,
                  QStringLiteral("expected an object, found %1").arg(jsonTypeName(v.type())));
        }
    }
}

template<typename Id> void Reader::readId(Fields &f, Id *id)
{
    Fields::Iterator it;
    if (!f.find(L1("id"), &it))
        return;
    const QJsonValueConstRef v = it.value();
    if (v.type() != QJsonValue::String) {
        f.wrongType(L1("id"), v, "a string");
        return;
    }
    QString text = v.toString();
    if (text.isEmpty())
        error(L1("invalid-value"), member(f.path(), L1("id")),
              QStringLiteral("an id must not be empty"));
    else {
        m_idHashes.push_back(qHash(text)); // now, while the string is in cache
        *id = Id(std::move(text));
    }
}

void Reader::readEntity(const QJsonObject &object, const PathNode &path, Entity &e)
{
    Fields f(*this, object, path);
    readId(f, &e.id);
    f.string(L1("name"), &e.name, "a model needs a \"name\"");
    f.string(L1("tableName"), &e.tableName);
    f.optionalBool(L1("timestamps"), &e.timestamps);
    f.optionalBool(L1("underscored"), &e.underscored);
    f.optionalBool(L1("underscoredAll"), &e.underscoredAll);
    f.optionalBool(L1("freezeTableName"), &e.freezeTableName);
    f.optionalBool(L1("paranoid"), &e.paranoid);
    f.string(L1("comment"), &e.comment);
    readObjects(
        f, L1("attributes"), &e.attributes,
        [this](const QJsonObject &o, const PathNode &p, Attribute &a) { readAttribute(o, p, a); });
    readObjects(f, L1("indexes"), &e.indexes,
                [this](const QJsonObject &o, const PathNode &p, Index &i) { readIndex(o, p, i); });
    f.finish(modelKeys, &e.unknownKeys);
}

void Reader::readAttribute(const QJsonObject &object, const PathNode &path, Attribute &a)
{
    Fields f(*this, object, path);
    readId(f, &a.id);
    f.string(L1("name"), &a.name, "an attribute needs a \"name\"");
    f.string(L1("field"), &a.field);
    f.string(L1("type"), &a.type, "an attribute needs a \"type\"");
    f.optionalBool(L1("allowNull"), &a.allowNull);
    f.boolean(L1("primaryKey"), &a.primaryKey);
    f.boolean(L1("autoIncrement"), &a.autoIncrement);
    Fields::Iterator it;
    if (f.find(L1("unique"), &it)) {
        const QJsonValueConstRef v = it.value();
        if (v.type() == QJsonValue::Bool) {
            a.unique = v.toBool();
        } else if (v.type() == QJsonValue::String && !v.toString().isEmpty()) {
            a.uniqueGroup = v.toString();
        } else {
            error(L1("invalid-value"), member(path, L1("unique")),
                  QStringLiteral("expected true, false or the name of a composite unique "
                                 "group, found %1")
                      .arg(v.type() == QJsonValue::String ? QStringLiteral("an empty string")
                                                          : jsonTypeName(v.type())));
        }
    }
    if (f.find(L1("defaultValue"), &it))
        readDefaultValue(it.value(), member(path, L1("defaultValue")), a.defaultValue);
    f.string(L1("comment"), &a.comment);
    f.finish(attributeKeys, &a.unknownKeys);
}

void Reader::readDefaultValue(const QJsonValue &value, const PathNode &path, DefaultValue &v)
{
    using Kind = DefaultValue::Kind;
    switch (value.type()) {
    case QJsonValue::Null:
        v.kind = Kind::Null;
        return;
    case QJsonValue::String:
        v.kind = Kind::String;
        v.text = value.toString();
        return;
    case QJsonValue::Double:
        v.kind = Kind::Number;
        v.number = value.toDouble();
        return;
    case QJsonValue::Bool:
        v.kind = Kind::Boolean;
        v.boolean = value.toBool();
        return;
    case QJsonValue::Object:
        break;
    case QJsonValue::Array:
    case QJsonValue::Undefined:
        error(L1("invalid-value"), path,
              QStringLiteral("expected a string, number, boolean, null, {\"fn\": ...} or "
                             "{\"sql\": ...}, found %1")
                  .arg(jsonTypeName(value.type())));
        return;
    }

    const QJsonObject object = value.toObject();
    const bool isFn = object.contains(L1("fn"));
    if (object.size() != 1 || (!isFn && !object.contains(L1("sql")))) {
        error(L1("invalid-value"), path,
              QStringLiteral("a defaultValue object is either {\"fn\": \"NOW\"} / "
                             "{\"fn\": \"UUIDV4\"} or {\"sql\": \"<expression>\"}"));
        return;
    }
    const L1 key = isFn ? L1("fn") : L1("sql");
    const QJsonValue inner = object.value(key);
    if (inner.type() != QJsonValue::String) {
        error(L1("wrong-type"), member(path, key),
              QStringLiteral("expected a string, found %1").arg(jsonTypeName(inner.type())));
        return;
    }
    const QString text = inner.toString();
    if (isFn && text != L1("NOW") && text != L1("UUIDV4")) {
        error(L1("invalid-value"), member(path, key),
              QStringLiteral("unknown function %1; use \"NOW\" or \"UUIDV4\"").arg(quoted(text)));
        return;
    }
    v.kind = isFn ? Kind::Function : Kind::Sql;
    v.text = text;
}

void Reader::readIndex(const QJsonObject &object, const PathNode &path, Index &index)
{
    Fields f(*this, object, path);
    f.string(L1("name"), &index.name);
    Fields::Iterator it;
    if (!f.find(L1("fields"), &it)) {
        f.missing("an index needs \"fields\" (an array of attribute names)");
    } else if (it.value().type() != QJsonValue::Array) {
        f.wrongType(L1("fields"), it.value(), "an array of attribute names");
    } else {
        const QJsonArray fields = it.value().toArray();
        const PathNode fieldsPath = member(path, L1("fields"));
        for (qsizetype i = 0; i < fields.size(); ++i) {
            const QJsonValue field = fields.at(i);
            if (field.type() == QJsonValue::String) {
                index.fields.append(field.toString());
            } else {
                error(
                    L1("wrong-type"), element(fieldsPath, i),
                    QStringLiteral("expected a string, found %1").arg(jsonTypeName(field.type())));
            }
        }
    }
    f.boolean(L1("unique"), &index.unique);
    f.finish(indexKeys, &index.unknownKeys);
}

void Reader::readAssociation(const QJsonObject &object, const PathNode &path, Association &a)
{
    Fields f(*this, object, path);
    readId(f, &a.id);
    Fields::Iterator it;
    if (!f.find(L1("type"), &it)) {
        f.missing("an association needs a \"type\"");
    } else if (it.value().type() != QJsonValue::String) {
        f.wrongType(L1("type"), it.value(), "a string");
    } else {
        const QString type = it.value().toString();
        if (const std::optional<AssociationType> t = associationTypeFromName(type)) {
            a.type = *t;
        } else {
            error(L1("unknown-association-type"), member(path, L1("type")),
                  QStringLiteral("unknown association type %1; use belongsTo, hasOne, hasMany "
                                 "or belongsToMany")
                      .arg(quoted(type)));
        }
    }
    f.string(L1("source"), &a.source, "an association needs a \"source\" model");
    f.string(L1("target"), &a.target, "an association needs a \"target\" model");
    if (f.find(L1("as"), &it))
        readAlias(it.value(), member(path, L1("as")), a.as);
    if (f.find(L1("foreignKey"), &it))
        readKeySpec(it.value(), member(path, L1("foreignKey")), a.foreignKey);
    f.string(L1("targetKey"), &a.targetKey);
    f.string(L1("sourceKey"), &a.sourceKey);
    if (f.find(L1("otherKey"), &it))
        readKeySpec(it.value(), member(path, L1("otherKey")), a.otherKey);
    if (f.find(L1("through"), &it))
        readThrough(it.value(), member(path, L1("through")), a.through);
    f.optionalBool(L1("constraints"), &a.constraints);
    f.string(L1("onDelete"), &a.onDelete);
    f.string(L1("onUpdate"), &a.onUpdate);
    f.optionalBool(L1("timestamps"), &a.timestamps);
    f.string(L1("comment"), &a.comment);
    f.finish(associationKeys, &a.unknownKeys);
}

void Reader::readAlias(const QJsonValue &value, const PathNode &path, Alias &as)
{
    if (value.type() == QJsonValue::String) {
        as.plural = value.toString();
        if (as.plural.isEmpty())
            error(L1("invalid-value"), path, QStringLiteral("an alias must not be empty"));
        return;
    }
    if (value.type() != QJsonValue::Object) {
        error(L1("invalid-value"), path,
              QStringLiteral("expected a string or {\"singular\": ..., \"plural\": ...}, found %1")
                  .arg(jsonTypeName(value.type())));
        return;
    }
    const QJsonObject object = value.toObject();
    const QJsonValue singular = object.value(L1("singular"));
    const QJsonValue plural = object.value(L1("plural"));
    if (!singular.isString() || !plural.isString() || singular.toString().isEmpty()
        || plural.toString().isEmpty()) {
        error(L1("invalid-value"), path,
              QStringLiteral("an alias object needs both \"singular\" and \"plural\" as "
                             "non-empty strings"));
        return;
    }
    as.isObject = true;
    as.singular = singular.toString();
    as.plural = plural.toString();
    if (object.size() > 2) {
        Fields f(*this, object, path);
        Fields::Iterator it;
        f.find(L1("singular"), &it);
        f.find(L1("plural"), &it);
        f.finish(aliasKeys, nullptr, "; it is not kept on save");
    }
}

void Reader::readKeySpec(const QJsonValue &value, const PathNode &path, KeySpec &key)
{
    if (value.type() == QJsonValue::String) {
        key.isSet = true;
        key.name = value.toString();
        return;
    }
    if (value.type() != QJsonValue::Object) {
        error(L1("invalid-value"), path,
              QStringLiteral("expected a column name (a string) or an attribute definition "
                             "(an object), found %1")
                  .arg(jsonTypeName(value.type())));
        return;
    }
    key.isSet = true;
    key.isObject = true;
    const QJsonObject object = value.toObject();
    Fields f(*this, object, path);
    f.string(L1("name"), &key.name);
    f.string(L1("field"), &key.field);
    f.string(L1("type"), &key.type);
    f.optionalBool(L1("allowNull"), &key.allowNull);
    f.optionalBool(L1("unique"), &key.unique);
    f.string(L1("comment"), &key.comment);
    f.finish(keySpecKeys, &key.unknownKeys);
}

void Reader::readThrough(const QJsonValue &value, const PathNode &path, Through &through)
{
    if (value.type() == QJsonValue::String) {
        through.kind = Through::Kind::Table;
        through.name = value.toString();
        return;
    }
    if (value.type() != QJsonValue::Object) {
        error(L1("invalid-value"), path,
              QStringLiteral("expected a table name (a string) or {\"model\": ...}, found %1")
                  .arg(jsonTypeName(value.type())));
        return;
    }
    const QJsonObject object = value.toObject();
    Fields f(*this, object, path);
    Fields::Iterator it;
    if (!f.find(L1("model"), &it)) {
        error(L1("invalid-value"), path,
              QStringLiteral("a through object needs a \"model\" (the model used as the "
                             "junction table)"));
    } else if (it.value().type() != QJsonValue::String) {
        f.wrongType(L1("model"), it.value(), "a string");
    } else {
        through.kind = Through::Kind::Model;
        through.name = it.value().toString();
    }
    f.finish(throughKeys, &through.unknownKeys);
}

bool isPasswordKey(const QString &key)
{
    return key.contains(L1("password"), Qt::CaseInsensitive)
        || key.compare(L1("passwd"), Qt::CaseInsensitive) == 0
        || key.compare(L1("pwd"), Qt::CaseInsensitive) == 0;
}

void Reader::readConnection(const QJsonObject &object, const PathNode &path, SavedConnection &c)
{
    // Passwords first, and out of the object: they must not end up among the unknown keys
    // that are written back.
    QJsonObject rest = object;
    for (const QString &key : object.keys()) {
        if (!isPasswordKey(key))
            continue;
        rest.remove(key);
        const PathNode keyPath {&path, {}, &key, -1};
        report(Severity::Warning, L1("password-not-kept"), keyPath.toString(),
               QStringLiteral("a password is never kept in the project file; it is ignored and "
                              "will not be saved (the designer keeps passwords in the system "
                              "keychain or asks for them)"));
    }
    Fields f(*this, rest, path);
    f.string(L1("name"), &c.name, "a connection needs a \"name\"");
    f.string(L1("engine"), &c.engine, "a connection needs an \"engine\"");
    if (!c.engine.isEmpty()
        && std::find(std::begin(connectionEngines), std::end(connectionEngines), c.engine)
            == std::end(connectionEngines)) {
        error(L1("invalid-value"), member(path, L1("engine")),
              QStringLiteral("unknown engine %1; use sqlite, postgres, mysql or mariadb")
                  .arg(quoted(c.engine)));
    }
    f.string(L1("host"), &c.host);
    Fields::Iterator it;
    if (f.find(L1("port"), &it)) {
        const QJsonValue v = it.value();
        const double port = v.toDouble(-1);
        if (v.type() != QJsonValue::Double)
            f.wrongType(L1("port"), v, "a port number");
        else if (port != std::floor(port) || port < 1 || port > 65535)
            error(L1("invalid-value"), member(path, L1("port")),
                  QStringLiteral("a port is a whole number from 1 to 65535, found %1")
                      .arg(QString::number(port)));
        else
            c.port = int(port);
    }
    f.string(L1("database"), &c.database);
    f.string(L1("user"), &c.user);
    f.string(L1("sslMode"), &c.sslMode);
    f.finish(connectionKeys, &c.unknownKeys);
}

void Reader::checkConnectionNames()
{
    const QList<SavedConnection> &connections = m_project.connections;
    for (qsizetype i = 1; i < connections.size(); ++i) {
        for (qsizetype j = 0; j < i; ++j) {
            if (connections.at(i).name.isEmpty()
                || connections.at(i).name != connections.at(j).name)
                continue;
            report(Severity::Error, L1("duplicate-connection"),
                   QStringLiteral("connections[%1].name").arg(i),
                   QStringLiteral("a second connection named %1 (connections[%2] has that name)")
                       .arg(quoted(connections.at(i).name))
                       .arg(j));
            break;
        }
    }
}

// Explicit ids first (duplicates are errors), then derived ones for what lacks an id, all in
// file order, so the same file always gets the same ids. One namespace for all three kinds:
// layout and synced entries are keyed by id alone.
//
// A flat open-addressing table of (hash, item) rather than a QHash<QString>: the hashes were
// taken while reading, when each string was in cache, and strings are only compared when
// hashes match. This is the difference between ~10 ms and ~60 ms on 125,000 ids.
void Reader::assignIds()
{
    struct Owner
    {
        int entity = -1;
        int attribute = -1;
        int association = -1;
    };
    QList<Entity> &entities = m_project.entities;
    QList<Association> &associations = m_project.associations;

    auto idOf = [&](const Owner &o) -> const QString & {
        if (o.association >= 0)
            return associations.at(o.association).id.toString();
        if (o.attribute >= 0)
            return entities.at(o.entity).attributes.at(o.attribute).id.toString();
        return entities.at(o.entity).id.toString();
    };
    auto pathOf = [](const Owner &o) {
        if (o.association >= 0)
            return QStringLiteral("associations[%1]").arg(o.association);
        if (o.attribute >= 0)
            return QStringLiteral("models[%1].attributes[%2]").arg(o.entity).arg(o.attribute);
        return QStringLiteral("models[%1]").arg(o.entity);
    };

    qsizetype total = associations.size();
    for (const Entity &e : std::as_const(entities))
        total += 1 + e.attributes.size();
    size_t capacity = 16;
    while (capacity < size_t(total) * 2)
        capacity *= 2;
    const size_t mask = capacity - 1;
    struct Slot
    {
        size_t hash = 0;
        int owner = -1; // index in owners; -1: empty
    };
    std::vector<Slot> table(capacity);
    std::vector<Owner> owners;
    owners.reserve(size_t(total));

    // The owner already holding `id`, or -1 after claiming it for `owner`.
    auto claim = [&](const QString &id, size_t hash, const Owner &owner) {
        for (size_t i = hash & mask;; i = (i + 1) & mask) {
            Slot &slot = table[i];
            if (slot.owner < 0) {
                slot.hash = hash;
                slot.owner = int(owners.size());
                owners.push_back(owner);
                return -1;
            }
            if (slot.hash == hash && idOf(owners[size_t(slot.owner)]) == id)
                return slot.owner;
        }
    };
    size_t next = 0; // m_idHashes holds the explicit ids' hashes in this same order
    auto claimExplicit = [&](const QString &id, const Owner &owner) {
        const int holder = claim(id, m_idHashes[next++], owner);
        if (holder < 0)
            return;
        report(Severity::Error, L1("duplicate-id"), pathOf(owner) + QLatin1String(".id"),
               QStringLiteral("duplicate id %1 (already used by %2)")
                   .arg(quoted(id), pathOf(owners[size_t(holder)])),
               {id});
    };
    // `-2`, `-3`... until free; the item gets its id before the next claim compares with it.
    auto derive = [&](const QString &base, const Owner &owner) {
        QString candidate = base;
        for (int n = 2; claim(candidate, qHash(candidate), owner) >= 0; ++n)
            candidate = base + QLatin1Char('-') + QString::number(n);
        return StringPool::intern(candidate); // as the read ids are (see StringPool)
    };

    bool anyMissing = false;
    for (int i = 0; i < entities.size(); ++i) {
        const Entity &e = entities.at(i);
        if (e.id.isNull())
            anyMissing = true;
        else
            claimExplicit(e.id.toString(), {i, -1, -1});
        for (int j = 0; j < e.attributes.size(); ++j) {
            const AttributeId &id = e.attributes.at(j).id;
            if (id.isNull())
                anyMissing = true;
            else
                claimExplicit(id.toString(), {i, j, -1});
        }
    }
    for (int i = 0; i < associations.size(); ++i) {
        const AssociationId &id = associations.at(i).id;
        if (id.isNull())
            anyMissing = true;
        else
            claimExplicit(id.toString(), {-1, -1, i});
    }
    if (!anyMissing)
        return;

    for (int i = 0; i < entities.size(); ++i) {
        Entity &e = entities[i];
        if (e.id.isNull())
            e.id = EntityId(derive(QLatin1String("m-") + e.name, {i, -1, -1}));
        for (int j = 0; j < e.attributes.size(); ++j) {
            Attribute &a = e.attributes[j];
            if (a.id.isNull())
                a.id = AttributeId(
                    derive(QLatin1String("a-") + e.name + QLatin1Char('-') + a.name, {i, j, -1}));
        }
    }
    for (int i = 0; i < associations.size(); ++i) {
        Association &a = associations[i];
        if (!a.id.isNull())
            continue;
        QString base = QLatin1String("as-") + a.source + QLatin1Char('-')
            + associationTypeName(a.type) + QLatin1Char('-') + a.target;
        if (a.as.isSet())
            base += QLatin1Char('-') + (a.as.plural.isEmpty() ? a.as.singular : a.as.plural);
        a.id = AssociationId(derive(base, {-1, -1, i}));
    }
}

} // namespace

LoadResult ProjectReader::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Diagnostic d;
        d.code = QStringLiteral("io");
        d.message = QStringLiteral("cannot read %1: %2")
                        .arg(QDir::toNativeSeparators(path), file.errorString());
        return {std::nullopt, {d}};
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        Diagnostic d;
        d.code = QStringLiteral("io");
        d.message = QStringLiteral("cannot read %1: %2")
                        .arg(QDir::toNativeSeparators(path), file.errorString());
        return {std::nullopt, {d}};
    }
    return readBytes(bytes, path);
}

LoadResult ProjectReader::readBytes(const QByteArray &json, const QString &fileName)
{
    Reader reader(json, fileName);
    return reader.run();
}

LoadResult ProjectReader::readBytesFully(const QByteArray &json, const QString &fileName)
{
    Reader reader(json, fileName, false);
    return reader.run();
}

} // namespace Junction
