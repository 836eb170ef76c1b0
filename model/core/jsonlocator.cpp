// SPDX-License-Identifier: MIT
#include "jsonlocator.h"

#include <cstring>
#include <vector>

namespace Junction {

namespace {

// One JSON value in the source: where it starts, its key when it is an object member, and
// its children (a range in Index::children, so array elements are found by index in O(1)).
struct Node
{
    int line = 0;
    int column = 0;
    qsizetype keyBegin = -1; // raw key bytes, between the quotes
    int keyLength = 0;
    int childBegin = 0;
    int childCount = 0;
    bool keyEscaped = false;
    bool isArray = false;
    bool isObject = false;
};

// Keys that can follow a dot unambiguously: `.x-editor`, `.名前`. Others use `["..."]`.
bool isPlainKey(QStringView key)
{
    if (key.isEmpty())
        return false;
    for (const QChar c : key) {
        const char16_t u = c.unicode();
        if (u <= 0x20 || u == u'.' || u == u'[' || u == u']' || u == u'"' || u == u'\\')
            return false;
    }
    return true;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Decodes the body of a JSON string (no quotes) to UTF-16. Lenient: bad escapes are kept.
QString unescapeJsonString(const char *s, qsizetype length)
{
    QString out;
    out.reserve(length);
    qsizetype i = 0;
    while (i < length) {
        // Copy the run up to the next backslash as UTF-8.
        qsizetype run = i;
        while (run < length && s[run] != '\\')
            ++run;
        if (run > i)
            out += QString::fromUtf8(s + i, run - i);
        i = run;
        if (i >= length)
            break;
        if (i + 1 >= length) {
            out += QLatin1Char('\\');
            break;
        }
        const char e = s[i + 1];
        i += 2;
        switch (e) {
        case 'n':
            out += QLatin1Char('\n');
            break;
        case 't':
            out += QLatin1Char('\t');
            break;
        case 'r':
            out += QLatin1Char('\r');
            break;
        case 'b':
            out += QLatin1Char('\b');
            break;
        case 'f':
            out += QLatin1Char('\f');
            break;
        case 'u': {
            int code = 0;
            bool ok = i + 4 <= length;
            for (int k = 0; ok && k < 4; ++k) {
                const int h = hexValue(s[i + k]);
                ok = h >= 0;
                code = code * 16 + h;
            }
            if (ok) {
                out += QChar(char16_t(code));
                i += 4;
            } else {
                out += QLatin1String("\\u");
            }
            break;
        }
        default:
            out += QLatin1Char(e);
            break; // \" \\ \/
        }
    }
    return out;
}

} // namespace

struct JsonLocator::Index
{
    std::vector<Node> nodes; // nodes[0] is the root when the text has one
    std::vector<int> children;

    void build(const QByteArray &json);
    int child(const QByteArray &json, int node, const QString &key) const;
    int element(int node, qsizetype index) const;
};

// A tolerant single pass: positions are tracked per byte (code points, not bytes, make a
// column), so a minified one-line file costs O(n), not O(n²). Malformed text ends the scan
// early; whatever was indexed so far stays usable.
void JsonLocator::Index::build(const QByteArray &json)
{
    const char *s = json.constData();
    const qsizetype n = json.size();
    qsizetype pos = 0;
    int line = 1;
    int column = 1;

    struct Frame
    {
        int node;
        size_t pendingBase;
    };
    std::vector<Frame> stack;
    std::vector<int> pending; // children of the open containers, innermost last

    auto skipWhitespace = [&] {
        while (pos < n) {
            const char c = s[pos];
            if (c == '\n') {
                ++line;
                column = 1;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                ++column;
            } else {
                break;
            }
            ++pos;
        }
    };
    // At an opening quote: moves past the closing quote; returns whether a backslash occurred.
    auto skipString = [&] {
        bool escaped = false;
        ++pos;
        ++column;
        while (pos < n) {
            const char c = s[pos];
            if (c == '"') {
                ++pos;
                ++column;
                break;
            }
            if (c == '\\') {
                escaped = true;
                pos += 2;
                column += 2;
                continue;
            }
            if (c == '\n') {
                ++line;
                column = 1;
            } else if ((uchar(c) & 0xC0) != 0x80) {
                ++column;
            }
            ++pos;
        }
        return escaped;
    };
    auto closeContainer = [&] {
        const Frame frame = stack.back();
        stack.pop_back();
        Node &node = nodes[size_t(frame.node)];
        node.childBegin = int(children.size());
        node.childCount = int(pending.size() - frame.pendingBase);
        children.insert(children.end(), pending.begin() + qsizetype(frame.pendingBase),
                        pending.end());
        pending.resize(frame.pendingBase);
        ++pos;
        ++column;
    };
    // Starts a value at pos; false when there is none (malformed text).
    auto beginValue = [&](qsizetype keyBegin, int keyLength, bool keyEscaped) {
        if (pos >= n)
            return false;
        Node node;
        node.line = line;
        node.column = column;
        node.keyBegin = keyBegin;
        node.keyLength = keyLength;
        node.keyEscaped = keyEscaped;
        const int index = int(nodes.size());
        if (!stack.empty())
            pending.push_back(index);
        const char c = s[pos];
        if (c == '{' || c == '[') {
            node.isObject = c == '{';
            node.isArray = c == '[';
            nodes.push_back(node);
            stack.push_back({index, pending.size()});
            ++pos;
            ++column;
            return true;
        }
        nodes.push_back(node);
        if (c == '"') {
            skipString();
            return true;
        }
        const qsizetype start = pos;
        while (pos < n) {
            const char t = s[pos];
            if (t == ',' || t == ']' || t == '}' || t == ' ' || t == '\t' || t == '\r' || t == '\n'
                || t == ':')
                break;
            if ((uchar(t) & 0xC0) != 0x80)
                ++column;
            ++pos;
        }
        return pos > start;
    };

    skipWhitespace();
    if (!beginValue(-1, 0, false))
        return;
    while (!stack.empty()) {
        skipWhitespace();
        if (pos >= n)
            break;
        const char c = s[pos];
        if (c == '}' || c == ']') {
            closeContainer();
            continue;
        }
        if (c == ',') {
            ++pos;
            ++column;
            continue;
        }
        if (nodes[size_t(stack.back().node)].isObject) {
            if (c != '"')
                break;
            const qsizetype keyBegin = pos + 1;
            const bool escaped = skipString();
            const int keyLength = int(pos - 1 - keyBegin);
            skipWhitespace();
            if (pos >= n || s[pos] != ':')
                break;
            ++pos;
            ++column;
            skipWhitespace();
            if (!beginValue(keyBegin, keyLength, escaped))
                break;
        } else if (!beginValue(-1, 0, false)) {
            break;
        }
    }
    // Unclosed containers (malformed text) still get their children.
    while (!stack.empty())
        closeContainer();
}

int JsonLocator::Index::child(const QByteArray &json, int node, const QString &key) const
{
    const Node &parent = nodes[size_t(node)];
    if (!parent.isObject)
        return -1;
    const QByteArray utf8 = key.toUtf8();
    int found = -1; // the last match: QJsonDocument keeps the last of duplicate keys
    for (int i = 0; i < parent.childCount; ++i) {
        const int index = children[size_t(parent.childBegin + i)];
        const Node &c = nodes[size_t(index)];
        const char *raw = json.constData() + c.keyBegin;
        if (c.keyEscaped) {
            if (unescapeJsonString(raw, c.keyLength) == key)
                found = index;
        } else if (c.keyLength == utf8.size()
                   && memcmp(raw, utf8.constData(), size_t(c.keyLength)) == 0) {
            found = index;
        }
    }
    return found;
}

int JsonLocator::Index::element(int node, qsizetype index) const
{
    const Node &parent = nodes[size_t(node)];
    if (!parent.isArray || index < 0 || index >= parent.childCount)
        return -1;
    return children[size_t(parent.childBegin + index)];
}

JsonLocator::JsonLocator(QByteArray json)
    : m_json(std::move(json))
{
}

JsonLocator::~JsonLocator() = default;
JsonLocator::JsonLocator(JsonLocator &&other) noexcept = default;
JsonLocator &JsonLocator::operator=(JsonLocator &&other) noexcept = default;

JsonLocator::Position JsonLocator::locate(const QString &jsonPath) const
{
    if (!m_index) {
        m_index = std::make_unique<Index>();
        m_index->build(m_json);
    }
    const Index &index = *m_index;
    if (index.nodes.empty())
        return {};

    int node = 0;
    const qsizetype n = jsonPath.size();
    qsizetype i = 0;
    while (i < n && node >= 0) {
        const QChar c = jsonPath.at(i);
        if (c == QLatin1Char('[')) {
            ++i;
            if (i < n && jsonPath.at(i) == QLatin1Char('"')) {
                // ["key"]: a JSON string up to the unescaped closing quote.
                const qsizetype begin = ++i;
                while (i < n && jsonPath.at(i) != QLatin1Char('"')) {
                    if (jsonPath.at(i) == QLatin1Char('\\'))
                        ++i;
                    ++i;
                }
                const QByteArray raw = jsonPath.mid(begin, i - begin).toUtf8();
                const QString key = unescapeJsonString(raw.constData(), raw.size());
                i += 2; // `"]`
                node = index.child(m_json, node, key);
            } else {
                const qsizetype begin = i;
                while (i < n && jsonPath.at(i) != QLatin1Char(']'))
                    ++i;
                bool ok = false;
                const qsizetype element
                    = QStringView(jsonPath).mid(begin, i - begin).toLongLong(&ok);
                ++i;
                node = ok ? index.element(node, element) : -1;
            }
        } else {
            if (c == QLatin1Char('.'))
                ++i;
            const qsizetype begin = i;
            while (i < n && jsonPath.at(i) != QLatin1Char('.')
                   && jsonPath.at(i) != QLatin1Char('['))
                ++i;
            node = index.child(m_json, node, jsonPath.mid(begin, i - begin));
        }
    }
    if (node < 0)
        return {};
    const Node &found = index.nodes[size_t(node)];
    return {found.line, found.column};
}

JsonLocator::Position JsonLocator::positionOfOffset(const QByteArray &json, qsizetype offset)
{
    offset = qBound(qsizetype(0), offset, json.size());
    Position position {1, 1};
    const char *s = json.constData();
    for (qsizetype i = 0; i < offset; ++i) {
        if (s[i] == '\n') {
            ++position.line;
            position.column = 1;
        } else if ((uchar(s[i]) & 0xC0) != 0x80) {
            ++position.column;
        }
    }
    return position;
}

void JsonLocator::appendKey(QString &path, QStringView key)
{
    if (isPlainKey(key)) {
        if (!path.isEmpty())
            path += QLatin1Char('.');
        path += key;
        return;
    }
    path += QLatin1String("[\"");
    for (const QChar c : key) {
        const char16_t u = c.unicode();
        if (u == u'"' || u == u'\\') {
            path += QLatin1Char('\\');
            path += c;
        } else if (u < 0x20) {
            path += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
        } else {
            path += c;
        }
    }
    path += QLatin1String("\"]");
}

} // namespace Junction
