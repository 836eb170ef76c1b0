// SPDX-License-Identifier: MIT
#include "validator.h"

#include "twohalves.h"

#include <QAtomicInt>
#include <QHash>
#include <QSet>
#include <QThread>
#include <QVarLengthArray>

#include <algorithm>
#include <vector>

/*
 * What the validator reports (resolve() has already reported the association errors of
 * Sequelize and the ones Junction refuses to copy):
 *   invalid-referential-action  onDelete/onUpdate not one of CASCADE, SET NULL, RESTRICT,
 *                               NO ACTION, SET DEFAULT
 *   set-null-on-not-null        SET NULL on a FK column that is NOT NULL (the database would
 *                               refuse the first delete)
 *   fk-type-mismatch            a FK column whose type differs from the key it references
 *   fk-target-not-unique        a FK referencing a column that is neither primary key nor unique
 *   table-name-collision        two tables with one name (SQLite and MySQL compare columns, and
 *   column-collision            SQLite tables, without case)
 *   unknown-index-field         an index naming an attribute the model does not have
 *   auto-increment-type         autoIncrement on a non-integer or on two columns of a table
 *   invalid-default             an ENUM default outside its values, text on a number column
 *   empty-identifier, invalid-identifier (NUL; MySQL trailing space), identifier-too-long
 *                               (past the dialect's limit: the application uses the full name)
 *   reserved-word (warning)     a name the dialect reserves; Junction quotes it anyway
 *   lookalike-name (warning)    two names that differ only by Unicode look-alike characters,
 *                               or a name mixing Latin with Cyrillic or Greek letters
 *   mysql-default-dropped (warning), type-fallback (warning), mysql-key-on-text
 */

namespace Junction {

namespace {

const QStringList referentialActions{QStringLiteral("CASCADE"), QStringLiteral("SET NULL"),
                                     QStringLiteral("RESTRICT"), QStringLiteral("NO ACTION"),
                                     QStringLiteral("SET DEFAULT")};

bool isAscii(const QString &name)
{
    for (const QChar c : name) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

// What one pass over a name tells the checks of its column or table: whether it is ASCII
// and, if it is, a hash of its length and characters with A-Z folded to a-z (two ASCII names
// with different hashes differ even ignoring case), whether it holds a NUL, and whether it is
// made of letters and underscores only (anything else is no reserved word). Each column name
// was scanned three times, one character at a time, on 200,000 columns.
// Trivial (no member initializers): a table's keys live in an array that is not zeroed first.
struct NameKey
{
    bool ascii;
    bool nul;
    bool letters;
    quint64 folded;
};

// Per ASCII character, its case-folded form and its class: one table look-up each instead
// of four comparisons per character (the scan was a quarter of validating an XL schema).
enum CharacterClass : unsigned char {
    WordCharacter = 1, // a letter or '_', what reserved words are made of
    NotNul = 2,
};

struct AsciiTables
{
    char16_t folded[128] = {};
    unsigned char classes[128] = {};
};

constexpr AsciiTables makeAsciiTables()
{
    AsciiTables t;
    for (char16_t u = 0; u < 128; ++u) {
        const bool upper = u >= u'A' && u <= u'Z';
        t.folded[u] = upper ? char16_t(u + 32) : u;
        const bool word = upper || (u >= u'a' && u <= u'z') || u == u'_';
        t.classes[u] = (word ? WordCharacter : 0) | (u != 0 ? NotNul : 0);
    }
    return t;
}

constexpr AsciiTables asciiTables = makeAsciiTables();

NameKey nameKey(const QString &name)
{
    quint64 h = 14695981039346656037ULL ^ quint64(name.size());
    char16_t all = 0; // every character's bits: 0x80 or above once one is not ASCII
    unsigned char common = WordCharacter | NotNul; // the classes every character has
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        const char16_t a = u & 0x7f; // a non-ASCII name's look-ups are dropped below
        all |= u;
        common &= asciiTables.classes[a];
        h = (h ^ asciiTables.folded[a]) * 1099511628211ULL;
    }
    if (all >= 0x80)
        return {false, false, false, 0};
    return {true, !(common & NotNul), bool(common & WordCharacter), h};
}

enum class AsciiMatch { Different, Equal, EqualIgnoringCase };

// Two ASCII names of one length, compared as QString::compare with Qt::CaseInsensitive
// would, but in one pass without Qt's Unicode folding tables: every column of a table is
// compared with the earlier ones, over a million pairs on a 10,000-model schema.
AsciiMatch compareAscii(QStringView a, QStringView b)
{
    Q_ASSERT(a.size() == b.size());
    bool exact = true;
    for (qsizetype i = 0; i < a.size(); ++i) {
        char16_t x = a.at(i).unicode();
        char16_t y = b.at(i).unicode();
        if (x == y)
            continue;
        exact = false;
        if (x >= u'A' && x <= u'Z')
            x += 32;
        if (y >= u'A' && y <= u'Z')
            y += 32;
        if (x != y)
            return AsciiMatch::Different;
    }
    return exact ? AsciiMatch::Equal : AsciiMatch::EqualIgnoringCase;
}

// How two column names of one table clash. Two ASCII names can only clash when their
// case-folded hashes (and lengths) agree, which spares comparing nearly every pair.
enum class Clash { None, Same, SameIgnoringCase, LookAlike };

QString lookalikeSkeleton(const QString &name);

Clash clash(const QString &a, const NameKey &ka, const QString &b, const NameKey &kb)
{
    if (ka.ascii && kb.ascii) {
        if (ka.folded != kb.folded || a.size() != b.size())
            return Clash::None;
        switch (compareAscii(a, b)) {
        case AsciiMatch::Equal:
            return Clash::Same;
        case AsciiMatch::EqualIgnoringCase:
            return Clash::SameIgnoringCase;
        case AsciiMatch::Different:
            return Clash::None;
        }
    }
    if (a == b)
        return Clash::Same;
    if (a.compare(b, Qt::CaseInsensitive) == 0)
        return Clash::SameIgnoringCase;
    if (lookalikeSkeleton(a) == lookalikeSkeleton(b))
        return Clash::LookAlike;
    return Clash::None;
}

// QString::toLower is Unicode-aware and slow; names are nearly always ASCII.
QString foldCase(const QString &name)
{
    QString out = name;
    for (QChar &c : out) {
        const char16_t u = c.unicode();
        if (u >= u'A' && u <= u'Z')
            c = QChar(char16_t(u + 32));
        else if (u >= 0x80)
            return name.toLower();
    }
    return out;
}

// The hash of foldCase(name), the same for every name of one folded form: an ASCII name's
// NameKey hash (which folds as foldCase does), else that of its folded copy.
quint64 foldedHash(const QString &name)
{
    const NameKey key = nameKey(name);
    if (key.ascii)
        return key.folded;
    const QString folded = foldCase(name); // toLower may make it ASCII (the Kelvin sign)
    const NameKey foldedKey = nameKey(folded);
    return foldedKey.ascii ? foldedKey.folded : qHash(folded);
}

// foldCase(a) == foldCase(b), without copies for ASCII names.
bool sameFolded(const QString &a, const QString &b)
{
    if (isAscii(a) && isAscii(b))
        return a.size() == b.size() && compareAscii(a, b) != AsciiMatch::Different;
    return foldCase(a) == foldCase(b);
}

// Folds characters that look like Latin letters onto them, so that `Usеr` (Cyrillic е)
// and `User` compare equal.
QString lookalikeSkeleton(const QString &name)
{
    static const QHash<char16_t, char16_t> map = {
        {u'а', u'a'}, {u'е', u'e'}, {u'о', u'o'}, {u'р', u'p'}, {u'с', u'c'}, {u'у', u'y'},
        {u'х', u'x'}, {u'і', u'i'}, {u'ј', u'j'}, {u'ѕ', u's'}, {u'ԁ', u'd'}, {u'ɡ', u'g'},
        {u'һ', u'h'}, {u'ӏ', u'l'}, {u'ο', u'o'}, {u'α', u'a'}, {u'ν', u'v'}, {u'τ', u't'},
        {u'ι', u'i'}, {u'κ', u'k'}, {u'ρ', u'p'}, {u'Α', u'a'}, {u'Β', u'b'}, {u'Ε', u'e'},
        {u'Η', u'h'}, {u'Ι', u'i'}, {u'Κ', u'k'}, {u'Μ', u'm'}, {u'Ν', u'n'}, {u'Ο', u'o'},
        {u'Ρ', u'p'}, {u'Τ', u't'}, {u'Χ', u'x'}, {u'Υ', u'y'}, {u'Ζ', u'z'}, {u'А', u'a'},
        {u'В', u'b'}, {u'Е', u'e'}, {u'К', u'k'}, {u'М', u'm'}, {u'Н', u'h'}, {u'О', u'o'},
        {u'Р', u'p'}, {u'С', u'c'}, {u'Т', u't'}, {u'Х', u'x'}, {u'ӡ', u'3'},
    };
    bool ascii = true;
    for (const QChar c : name)
        ascii = ascii && c.unicode() < 0x80;
    if (ascii)
        return foldCase(name);
    QString s = name.normalized(QString::NormalizationForm_KC).toLower();
    for (QChar &c : s) {
        const auto it = map.constFind(c.unicode());
        if (it != map.constEnd())
            c = QChar(*it);
    }
    return s;
}

bool mixesScripts(const QString &name)
{
    bool ascii = true;
    for (const QChar c : name)
        ascii = ascii && c.unicode() < 0x80;
    if (ascii)
        return false;
    bool latin = false;
    bool other = false;
    for (const QChar c : name) {
        if (!c.isLetter())
            continue;
        const QChar::Script script = c.script();
        if (script == QChar::Script_Latin)
            latin = true;
        else if (script == QChar::Script_Cyrillic || script == QChar::Script_Greek)
            other = true;
    }
    return latin && other;
}

// Short ASCII without NUL or a trailing space fits every dialect, and with a character that
// is no letter it is no reserved word either: nothing checkIdentifier reports can apply. This
// decides nearly every name without a call.
bool fitsEverywhere(const QString &name, const NameKey &key)
{
    return key.ascii && !key.nul && !key.letters && !name.isEmpty() && name.size() <= 21
           && name.back() != QLatin1Char(' ');
}

// a == b; the resolver's key columns share their names' data with the columns, which then
// compare without reading a character.
bool sameName(const QString &a, const QString &b)
{
    return a.size() == b.size() && (a.constData() == b.constData() || a == b);
}

// ResolvedTable::column (the first column of that name), comparing by sameName.
const ResolvedColumn *findColumn(const ResolvedTable &t, const QString &name)
{
    for (const ResolvedColumn &c : t.columns) {
        if (sameName(c.name, name))
            return &c;
    }
    return nullptr;
}

// The column whose name shares `name`'s data, if any: the resolver's foreign keys name their
// columns so. When no two columns of the table share a name, that column is the one
// ResolvedTable::column(name) finds, and no character is compared.
const ResolvedColumn *columnSharing(const ResolvedTable &t, const QString &name)
{
    for (const ResolvedColumn &c : t.columns) {
        if (c.name.constData() == name.constData() && c.name.size() == name.size())
            return &c;
    }
    return nullptr;
}

// The case-folded hashes of a table's column names so far, in a small open-addressed table:
// a column whose hash no earlier one has cannot clash with any, and the earlier columns are
// not scanned at all (they were compared pairwise: 91 pairs on a 14-column table).
class HashSet
{
public:
    explicit HashSet(int count)
    {
        while (m_mask + 1 < 2 * qsizetype(count))
            m_mask = m_mask * 2 + 1;
        m_slots.resize(m_mask + 1);
        std::fill(m_slots.begin(), m_slots.end(), 0);
    }

    // Adds `hash`; false when it (or one differing only in bit 0) was there already.
    bool insert(quint64 hash)
    {
        const quint64 stored = hash | 1; // 0 marks a free slot
        for (qsizetype i = qsizetype((hash * 0x9E3779B97F4A7C15ULL) >> 32) & m_mask;;
             i = (i + 1) & m_mask) {
            if (m_slots[i] == 0) {
                m_slots[i] = stored;
                return true;
            }
            if (m_slots[i] == stored)
                return false;
        }
    }

private:
    qsizetype m_mask = 31;
    QVarLengthArray<quint64, 64> m_slots;
};

class Checker
{
public:
    Checker(const Project &project, const ResolvedSchema &schema,
            const QList<Dialect::Kind> &dialects)
        : m_project(project)
        , m_schema(schema)
        , m_dialects(dialects)
        , m_mysql(dialects.contains(Dialect::Kind::MySql))
    {}

    Diagnostics run()
    {
        // Tables are checked independently, in chunks that this thread and, on a big schema,
        // a pool thread take in turn; each chunk's diagnostics are kept where they were found
        // and joined in table order, so the result does not depend on who took what. The pool
        // thread starts on the tables at once, while this one checks the referential actions
        // and the table names first: no estimate of the work decides a split, and neither
        // thread waits for the other at the end for more than a chunk.
        const int tableCount = int(m_schema.tables.size());
        const bool split = tableCount >= minTablesToSplit && QThread::idealThreadCount() > 1;
        TableChunks chunks(tableCount);
        Checker helper(m_project, m_schema, m_dialects);
        SideTask helping(split, [&helper, &chunks] { helper.checkChunks(chunks); });
        checkReferentialActions();
        const qsizetype actionsReported = m_out.size();
        checkTableNames();
        const Diagnostics names = m_out.mid(actionsReported);
        m_out.resize(actionsReported);
        checkChunks(chunks);
        helping.wait();
        Diagnostics out = m_out.first(actionsReported);
        for (const TableChunks::Found &found : chunks.found)
            out += found.checker->m_out.mid(found.from, found.to - found.from);
        out += names;
        return out;
    }

private:
    // Below this a second thread costs more than it saves.
    static constexpr int minTablesToSplit = 2000;

    struct TableChunks
    {
        static constexpr int tablesPerChunk = 128;
        explicit TableChunks(int tables)
            : tableCount(tables)
            , found(size_t((tables + tablesPerChunk - 1) / tablesPerChunk))
        {}
        struct Found
        {
            const Checker *checker = nullptr; // who checked the chunk
            qsizetype from = 0;               // its diagnostics in checker->m_out
            qsizetype to = 0;
        };
        const int tableCount;
        QAtomicInt next; // the next chunk to take
        std::vector<Found> found;
    };

    void checkChunks(TableChunks &chunks)
    {
        const int count = int(chunks.found.size());
        for (int c = chunks.next.fetchAndAddRelaxed(1); c < count;
             c = chunks.next.fetchAndAddRelaxed(1)) {
            const qsizetype from = m_out.size();
            const int first = c * TableChunks::tablesPerChunk;
            checkTables(first, std::min(first + TableChunks::tablesPerChunk, chunks.tableCount));
            chunks.found[size_t(c)] = {this, from, m_out.size()};
        }
    }

    void checkTables(int from, int to)
    {
        for (int i = from; i < to; ++i)
            checkTable(m_schema.tables.at(i));
    }

    void add(Diagnostic::Severity severity, const QString &code, const QString &message,
             const QString &path, const QStringList &ids)
    {
        Diagnostic d;
        d.severity = severity;
        d.code = code;
        d.message = message;
        d.path = path;
        d.ids = ids;
        m_out << d;
    }
    void error(const QString &code, const QString &message, const QString &path,
               const QStringList &ids)
    {
        add(Diagnostic::Severity::Error, code, message, path, ids);
    }
    void warning(const QString &code, const QString &message, const QString &path,
                 const QStringList &ids)
    {
        add(Diagnostic::Severity::Warning, code, message, path, ids);
    }

    // JSON paths are built from indexes only when something is reported.
    static QString modelPath(int entityIndex)
    {
        return QStringLiteral("models[%1]").arg(entityIndex);
    }
    static QString associationPath(int associationIndex)
    {
        return QStringLiteral("associations[%1]").arg(associationIndex);
    }
    QString tablePath(const ResolvedTable &t, const QString &key = {}) const
    {
        if (t.entityIndex < 0)
            return associationPath(t.junctionOfIndex) + QStringLiteral(".through");
        QString p = modelPath(t.entityIndex);
        if (!key.isEmpty())
            p += QLatin1Char('.') + key;
        return p;
    }
    QString columnPath(const ResolvedTable &t, const ResolvedColumn &c,
                       const QString &key = {}) const
    {
        if (c.attributeIndex >= 0 && t.entityIndex >= 0) {
            QString p = modelPath(t.entityIndex) + QStringLiteral(".attributes[%1]").arg(c.attributeIndex);
            return key.isEmpty() ? p : p + QLatin1Char('.') + key;
        }
        if (c.associationIndex >= 0)
            return associationPath(c.associationIndex) + QStringLiteral(".foreignKey");
        return tablePath(t);
    }
    QStringList columnIds(const ResolvedTable &t, const ResolvedColumn &c) const
    {
        QStringList ids;
        if (!t.entity.isNull())
            ids << t.entity.toString();
        if (!c.attributeId.isNull())
            ids << c.attributeId.toString();
        if (!c.association.isNull())
            ids << c.association.toString();
        return ids;
    }
    QString where(const ResolvedTable &t, const ResolvedColumn &c) const
    {
        return QStringLiteral("%1.%2").arg(t.name, c.name);
    }

    void checkReferentialActions()
    {
        for (int i = 0; i < m_project.associations.size(); ++i) {
            const Association &a = m_project.associations.at(i);
            for (const auto &[value, key] : {std::pair{a.onDelete, QStringLiteral("onDelete")},
                                             std::pair{a.onUpdate, QStringLiteral("onUpdate")}}) {
                if (value.isEmpty() || referentialActions.contains(value.trimmed().toUpper()))
                    continue;
                error(QStringLiteral("invalid-referential-action"),
                      QStringLiteral("%1.%2(%3): %4 \"%5\" is not a referential action; use one "
                                     "of %6.")
                          .arg(a.source, associationTypeName(a.type), a.target, key, value,
                               referentialActions.join(QLatin1String(", "))),
                      QStringLiteral("associations[%1].%2").arg(i).arg(key), {a.id.toString()});
            }
        }
    }

    void checkTable(const ResolvedTable &t)
    {
        if (const NameKey key = nameKey(t.name); !fitsEverywhere(t.name, key))
            checkIdentifier(t.name, key, QLatin1String("table"),
                            [&] { return tablePath(t, QStringLiteral("name")); },
                            t.entity.isNull() ? QLatin1String("through")
                                              : QLatin1String("tableName"),
                            [&] { return QStringList{t.entity.toString()}; });
        // Tables are small: their columns' keys and hashes live on the stack, where three
        // QHashes per table cost more than the whole check on 10,000 tables. While every name
        // so far is ASCII (nearly always), only the earlier columns whose case-folded hash
        // equals this one's are compared at all.
        int autoIncrements = 0;
        const int columnCount = int(t.columns.size());
        QVarLengthArray<NameKey, 32> keys(columnCount);
        QVarLengthArray<quint64, 32> hashes(columnCount); // keys' hashes, flat for the scan
        HashSet seen(columnCount); // the hashes of the ASCII names so far
        bool allAscii = true;
        bool namesDistinct = true; // no two columns clash: each name names one column
        QVarLengthArray<int, 8> largeColumns; // TEXT and BLOB, for the MySQL key check
        for (int i = 0; i < columnCount; ++i) {
            const ResolvedColumn &c = t.columns.at(i);
            const NameKey key = nameKey(c.name);
            keys[i] = key;
            hashes[i] = key.folded;
            allAscii = allAscii && key.ascii;
            Clash found = Clash::None;
            int k = 0;
            if (allAscii) {
                // Only an earlier name with this hash can clash (a new one in `seen`: none).
                for (k = seen.insert(key.folded) ? i : 0; k < i; ++k) {
                    if (hashes[k] == key.folded
                        && (found = clash(t.columns.at(k).name, keys[k], c.name, key)) != Clash::None)
                        break;
                }
            } else {
                for (; k < i; ++k) {
                    if ((found = clash(t.columns.at(k).name, keys[k], c.name, key)) != Clash::None)
                        break;
                }
            }
            if (found != Clash::None) {
                namesDistinct = false;
                const ResolvedColumn &other = t.columns.at(k);
                if (found == Clash::Same)
                    error(QStringLiteral("column-collision"),
                          QStringLiteral("Table %1 gets the column \"%2\" twice (attribute %3 and "
                                         "%4). Rename one, set its `field`, or give the "
                                         "association's foreignKey another name.")
                              .arg(t.name, c.name, other.attribute, c.attribute),
                          columnPath(t, c), columnIds(t, c) + columnIds(t, other));
                else if (found == Clash::SameIgnoringCase)
                    error(QStringLiteral("column-collision"),
                          QStringLiteral("Table %1 has columns \"%2\" and \"%3\", which SQLite and "
                                         "MySQL treat as the same name.")
                              .arg(t.name, other.name, c.name),
                          columnPath(t, c), columnIds(t, c) + columnIds(t, other));
                else
                    warning(QStringLiteral("lookalike-name"),
                            QStringLiteral("Table %1 has columns \"%2\" and \"%3\", which look "
                                           "alike but differ in Unicode characters.")
                                .arg(t.name, other.name, c.name),
                            columnPath(t, c), columnIds(t, c) + columnIds(t, other));
            }
            if (!fitsEverywhere(c.name, key))
                checkIdentifier(c.name, key, QLatin1String("column"),
                                [&] { return columnPath(t, c, QStringLiteral("name")); },
                                QLatin1String("field"), [&] { return columnIds(t, c); });
            if (c.type.kind == DataType::Kind::Text || c.type.kind == DataType::Kind::Blob)
                largeColumns.append(i);
            if (c.autoIncrement) {
                ++autoIncrements;
                if (!c.type.isInteger())
                    error(QStringLiteral("auto-increment-type"),
                          QStringLiteral("%1 is %2; autoIncrement needs INTEGER, BIGINT or "
                                         "SMALLINT.")
                              .arg(where(t, c), c.type.toString()),
                          columnPath(t, c, QStringLiteral("autoIncrement")), columnIds(t, c));
                else if (autoIncrements == 2)
                    error(QStringLiteral("auto-increment-type"),
                          QStringLiteral("Table %1 has more than one autoIncrement column; MySQL "
                                         "and SQLite allow one.")
                              .arg(t.name),
                          columnPath(t, c, QStringLiteral("autoIncrement")), columnIds(t, c));
            }
            if (c.defaultValue.kind != DefaultValue::Kind::None) // nothing to check without
                checkDefault(t, c);
            if (c.type.kind == DataType::Kind::Jsonb && m_dialects.size() > 1)
                add(Diagnostic::Severity::Info, QStringLiteral("type-fallback"),
                    QStringLiteral("%1 is JSONB, which only PostgreSQL has; SQLite and MySQL get "
                                   "JSON.")
                        .arg(where(t, c)),
                    columnPath(t, c, QStringLiteral("type")), columnIds(t, c));
        }
        for (const ResolvedForeignKey &fk : t.foreignKeys)
            checkForeignKey(t, fk, namesDistinct);
        if (!t.entity.isNull()) {
            const Entity *e = t.entityIndex < 0 ? nullptr : &m_project.entities.at(t.entityIndex);
            for (int i = 0; e && i < e->indexes.size(); ++i) {
                for (const QString &f : e->indexes.at(i).fields) {
                    if (e->attribute(f) || t.column(f))
                        continue;
                    error(QStringLiteral("unknown-index-field"),
                          QStringLiteral("Index %1 of model %2 names \"%3\", which is not an "
                                         "attribute of %2.")
                              .arg(t.indexes.value(i).name, e->name, f),
                          modelPath(t.entityIndex) + QStringLiteral(".indexes[%1].fields").arg(i),
                          {e->id.toString()});
                }
            }
        }
        if (m_mysql && !largeColumns.isEmpty()) // it only reports TEXT and BLOB columns
            checkMysqlKeys(t, namesDistinct ? &largeColumns : nullptr);
    }

    // When no two columns share a name (`large` given), the column a key names is TEXT or
    // BLOB only if one of those few has that name: they alone are searched.
    void checkMysqlKeys(const ResolvedTable &t, const QVarLengthArray<int, 8> *large)
    {
        QStringList reported;
        auto column = [&](const QString &name) -> const ResolvedColumn * {
            if (!large)
                return findColumn(t, name);
            for (int i : *large) {
                if (sameName(t.columns.at(i).name, name))
                    return &t.columns.at(i);
            }
            return nullptr;
        };
        auto check = [&](const QStringList &key) {
            for (const QString &name : key) {
                const ResolvedColumn *c = column(name);
                if (!c
                    || !(c->type.kind == DataType::Kind::Text || c->type.kind == DataType::Kind::Blob)
                    || reported.contains(name))
                    continue;
                reported << name;
                error(QStringLiteral("mysql-key-on-text"),
                      QStringLiteral("%1 is %2 and part of a key or unique constraint; MySQL "
                                     "cannot index TEXT/BLOB without a length. Use STRING(n).")
                          .arg(where(t, *c), c->type.toString()),
                      columnPath(t, *c, QStringLiteral("type")), columnIds(t, *c));
            }
        };
        check(t.primaryKey);
        for (const ResolvedUnique &u : t.uniques)
            check(u.columns);
        for (const ResolvedIndex &i : t.indexes)
            check(i.columns);
    }

    void checkDefault(const ResolvedTable &t, const ResolvedColumn &c)
    {
        const DefaultValue &d = c.defaultValue;
        if (d.kind == DefaultValue::Kind::String && c.type.kind == DataType::Kind::Enum
            && !c.type.enumValues.contains(d.text)) {
            error(QStringLiteral("invalid-default"),
                  QStringLiteral("%1 defaults to '%2', which is not one of its values (%3).")
                      .arg(where(t, c), d.text, c.type.enumValues.join(QLatin1String(", "))),
                  columnPath(t, c, QStringLiteral("defaultValue")), columnIds(t, c));
        }
        const bool numeric = c.type.isInteger() || c.type.kind == DataType::Kind::Decimal
                             || c.type.kind == DataType::Kind::Float
                             || c.type.kind == DataType::Kind::Real
                             || c.type.kind == DataType::Kind::Double;
        if (d.kind == DefaultValue::Kind::String && numeric) {
            bool ok = false;
            d.text.toDouble(&ok);
            if (!ok)
                error(QStringLiteral("invalid-default"),
                      QStringLiteral("%1 is %2 but defaults to the text '%3'.")
                          .arg(where(t, c), c.type.toString(), d.text),
                      columnPath(t, c, QStringLiteral("defaultValue")), columnIds(t, c));
        }
        if (d.kind == DefaultValue::Kind::Null && !c.allowNull)
            error(QStringLiteral("invalid-default"),
                  QStringLiteral("%1 is NOT NULL but defaults to null.").arg(where(t, c)),
                  columnPath(t, c, QStringLiteral("defaultValue")), columnIds(t, c));
        if (m_mysql && c.type.isLargeObject()
            && (d.kind == DefaultValue::Kind::String || d.kind == DefaultValue::Kind::Number
                || d.kind == DefaultValue::Kind::Boolean))
            warning(QStringLiteral("mysql-default-dropped"),
                    QStringLiteral("%1 is %2 with a literal default; MySQL cannot hold it, so the "
                                   "MySQL DDL leaves the DEFAULT out. Use {\"sql\": ...} or set "
                                   "the value in the application.")
                        .arg(where(t, c), c.type.toString()),
                    columnPath(t, c, QStringLiteral("defaultValue")), columnIds(t, c));
    }

    void checkForeignKey(const ResolvedTable &t, const ResolvedForeignKey &fk, bool namesDistinct)
    {
        const ResolvedTable *ref = m_schema.referencedTable(fk);
        auto ids = [&] {
            QStringList list;
            for (const AssociationId &id : fk.associations)
                list << id.toString();
            return list;
        };
        auto path = [&]() -> QString {
            return fk.associationIndex < 0 ? tablePath(t) : associationPath(fk.associationIndex);
        };
        for (int i = 0; i < fk.columns.size(); ++i) {
            const QString &name = fk.columns.at(i);
            const ResolvedColumn *c = namesDistinct ? columnSharing(t, name) : nullptr;
            if (!c)
                c = findColumn(t, name);
            const ResolvedColumn *r = ref ? findColumn(*ref, fk.referencedColumns.value(i)) : nullptr;
            if (!c || !r)
                continue;
            if (c->type.isValid() && r->type.isValid() && c->type != r->type)
                error(QStringLiteral("fk-type-mismatch"),
                      QStringLiteral("%1 is %2 but references %3.%4, which is %5. Make the types "
                                     "equal (or drop the declared type and let the association "
                                     "copy it).")
                          .arg(where(t, *c), c->type.toString(), ref->name, r->name,
                               r->type.toString()),
                      path(), ids());
            // The column's own flag first, and names compared by their data first: the
            // referenced table is elsewhere in memory, each line of it read is a cache miss.
            const bool unique = r->unique
                                || (ref->primaryKey.size() == 1
                                    && sameName(ref->primaryKey.first(), r->name));
            if (!unique)
                error(QStringLiteral("fk-target-not-unique"),
                      QStringLiteral("%1 references %2.%3, which is neither the primary key nor "
                                     "unique; PostgreSQL refuses such a FOREIGN KEY. Mark it "
                                     "`unique: true`.")
                          .arg(where(t, *c), ref->name, r->name),
                      path(), ids());
            if (c->allowNull)
                continue;
            if (fk.onDelete == QLatin1String("SET NULL"))
                error(QStringLiteral("set-null-on-not-null"),
                      QStringLiteral("ON DELETE SET NULL on %1, which is NOT NULL: the database "
                                     "would refuse the change. Allow NULL on the foreign key, or "
                                     "use CASCADE or RESTRICT.")
                          .arg(where(t, *c)),
                      path() + QStringLiteral(".onDelete"), ids());
            if (fk.onUpdate == QLatin1String("SET NULL"))
                error(QStringLiteral("set-null-on-not-null"),
                      QStringLiteral("ON UPDATE SET NULL on %1, which is NOT NULL: the database "
                                     "would refuse the change. Allow NULL on the foreign key, or "
                                     "use CASCADE or RESTRICT.")
                          .arg(where(t, *c)),
                      path() + QStringLiteral(".onUpdate"), ids());
        }
    }

    // The dialects that reserve `name`. Most names hold a digit or another character no
    // reserved word has and need no lookup; the others are mostly id, createdAt and
    // updatedAt in every table, so the answers for a few dozen names are kept, found by
    // their hash before their characters are compared.
    QStringList reservedInDialects(const QString &name, const NameKey &key)
    {
        if (!key.letters)
            return {};
        for (const ReservedAnswer &known : std::as_const(m_reservedCache)) {
            if (known.folded == key.folded && sameName(known.name, name))
                return known.dialects;
        }
        if (!Dialect::mayBeReserved(name)) // the cache holds only names that pass this
            return {};
        QStringList reservedIn;
        for (Dialect::Kind kind : m_dialects) {
            const Dialect &d = Dialect::get(kind);
            if (d.isReserved(name))
                reservedIn << d.displayName();
        }
        if (m_reservedCache.size() < 32)
            m_reservedCache.append({key.folded, name, reservedIn});
        return reservedIn;
    }

    // path and ids are callables: they are only built when there is something to report.
    template<typename PathFn, typename IdsFn>
    void checkIdentifier(const QString &name, const NameKey &key, QLatin1String what,
                         PathFn pathFn, QLatin1String fixOption, IdsFn idsFn)
    {
        // Short ASCII without NUL or a trailing space fits every dialect; of those, only a
        // name of letters alone can be reserved. Nearly every name is decided here.
        const bool fits = key.ascii && !key.nul && !name.isEmpty() && name.size() <= 21
                          && name.back() != QLatin1Char(' ');
        if (fits && !key.letters)
            return;
        const QStringList reservedIn = reservedInDialects(name, key);
        if (fits && reservedIn.isEmpty())
            return; // short ASCII: nothing below can apply
        const QString path = pathFn();
        const QStringList ids = idsFn();
        if (name.isEmpty()) {
            error(QStringLiteral("empty-identifier"),
                  QStringLiteral("A %1 name is empty.").arg(what), path, ids);
            return;
        }
        if (name.contains(QChar(0))) {
            error(QStringLiteral("invalid-identifier"),
                  QStringLiteral("The %1 name \"%2\" contains a NUL character, which no database "
                                 "accepts.")
                      .arg(what, QString(name).replace(QChar(0), QStringLiteral("\\0"))),
                  path, ids);
            return;
        }
        if (mixesScripts(name))
            warning(QStringLiteral("lookalike-name"),
                    QStringLiteral("The %1 name \"%2\" mixes Latin with Cyrillic or Greek letters "
                                   "that look alike.")
                        .arg(what, name),
                    path, ids);
        for (Dialect::Kind kind : m_dialects) {
            const Dialect &d = Dialect::get(kind);
            if (!d.fitsIdentifier(name))
                error(QStringLiteral("identifier-too-long"),
                      QStringLiteral("The %1 name \"%2\" is longer than %3 allows (%4); the "
                                     "database would cut it while the application uses the full "
                                     "name. Shorten it or set `%5`.")
                          .arg(what, name, d.displayName(), d.limitDescription(), fixOption),
                      path, ids);
            if (kind == Dialect::Kind::MySql && name.endsWith(QLatin1Char(' ')))
                error(QStringLiteral("invalid-identifier"),
                      QStringLiteral("The %1 name \"%2\" ends with a space, which MySQL does not "
                                     "allow.")
                          .arg(what, name),
                      path, ids);
        }
        if (!reservedIn.isEmpty())
            warning(QStringLiteral("reserved-word"),
                    QStringLiteral("The %1 name \"%2\" is a reserved word in %3; Junction quotes "
                                   "it, but hand-written SQL will need quotes too.")
                        .arg(what, name, reservedIn.join(QLatin1String(", "))),
                    path, ids);
    }

    void checkTableNames()
    {
        // The first table of each case-folded name, found by the folded name's hash, finds
        // exact and case-only collisions alike; the look-alike check only concerns names with
        // non-ASCII characters. Hashing names in place (instead of a QHash of folded copies)
        // saves a string and a hash table node per table, a fifth of the validator's work on
        // 13,750 tables. Tables of one hash whose folded names differ are chained by `next`.
        const int tableCount = int(m_schema.tables.size());
        QHash<quint64, int> firstOfHash;
        firstOfHash.reserve(tableCount);
        std::vector<int> next(size_t(tableCount), -1);
        QHash<QString, int> skeletons;
        auto who = [](const ResolvedTable &t, bool capital) -> QString {
            if (t.entity.isNull())
                return capital ? QStringLiteral("The junction table") : QStringLiteral("the junction table");
            return (capital ? QStringLiteral("Model ") : QStringLiteral("model ")) + t.entityName;
        };
        for (int i = 0; i < tableCount; ++i) {
            const ResolvedTable &t = m_schema.tables.at(i);
            const quint64 hash = foldedHash(t.name);
            int found = firstOfHash.value(hash, -1);
            while (found >= 0 && !sameFolded(m_schema.tables.at(found).name, t.name))
                found = next.at(size_t(found));
            if (found >= 0) {
                const ResolvedTable &other = m_schema.tables.at(found);
                if (other.name == t.name)
                    error(QStringLiteral("table-name-collision"),
                          QStringLiteral("%1 and %2 both use the table name \"%3\". Set another "
                                         "`tableName`.")
                              .arg(who(other, true), who(t, false), t.name),
                          tablePath(t, QStringLiteral("name")),
                          {other.entity.toString(), t.entity.toString()});
                else if (m_dialects.contains(Dialect::Kind::Sqlite))
                    error(QStringLiteral("table-name-collision"),
                          QStringLiteral("Tables \"%1\" and \"%2\" differ only in case, which "
                                         "SQLite treats as the same name.")
                              .arg(other.name, t.name),
                          tablePath(t, QStringLiteral("name")),
                          {other.entity.toString(), t.entity.toString()});
                continue;
            }
            next[size_t(i)] = firstOfHash.value(hash, -1);
            firstOfHash.insert(hash, i);
            if (isAscii(t.name))
                continue;
            const QString skeleton = lookalikeSkeleton(t.name);
            const auto similar = skeletons.constFind(skeleton);
            if (similar != skeletons.constEnd()) {
                const ResolvedTable &other = m_schema.tables.at(*similar);
                warning(QStringLiteral("lookalike-name"),
                        QStringLiteral("Tables \"%1\" and \"%2\" look alike but differ in "
                                       "Unicode characters.")
                            .arg(other.name, t.name),
                        tablePath(t, QStringLiteral("name")),
                        {other.entity.toString(), t.entity.toString()});
                continue;
            }
            skeletons.insert(skeleton, i);
        }
    }

    const Project &m_project;
    const ResolvedSchema &m_schema;
    const QList<Dialect::Kind> &m_dialects;
    const bool m_mysql; // asked for every column
    struct ReservedAnswer
    {
        quint64 folded; // the name's NameKey hash
        QString name;
        QStringList dialects;
    };
    QList<ReservedAnswer> m_reservedCache;
    Diagnostics m_out;
};

} // namespace

Diagnostics Validator::validate(const Project &project, const ResolvedSchema &schema) const
{
    return Checker(project, schema, m_dialects).run();
}

Diagnostics validateProject(const Project &project, const ResolvedSchema &schema,
                            const QList<Dialect::Kind> &dialects)
{
    return schema.diagnostics + Validator(dialects).validate(project, schema);
}

} // namespace Junction
