// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

namespace Junction {

// Maps a JSON path (`models[2].attributes[0].type`) to a line and column in the source text,
// so diagnostics can point into the file. QJsonDocument forgets positions; this scans the text
// once, on the first locate(), and keeps a compact tree so that further lookups are cheap.
// Nothing is built unless a diagnostic needs a position.
//
// Paths: `key`, `.key`, `[3]`, and `["any key"]` (a JSON string, for keys that are not plain
// identifiers). The empty path is the root value. For duplicate keys the last one wins, as in
// QJsonDocument. Columns count Unicode code points, 1-based; a tab counts as one.
class JsonLocator
{
public:
    struct Position
    {
        int line = 0; // 1-based; 0 = not found
        int column = 0;
    };

    explicit JsonLocator(QByteArray json);
    ~JsonLocator();
    JsonLocator(JsonLocator &&other) noexcept;
    JsonLocator &operator=(JsonLocator &&other) noexcept;

    // For a key, the position of its value.
    Position locate(const QString &jsonPath) const;

    // Line and column of a byte offset (for QJsonParseError::offset).
    static Position positionOfOffset(const QByteArray &json, qsizetype offset);

    // Appends `key` to a path in the syntax locate() reads: `.name`, or `["odd key"]`.
    static void appendKey(QString &path, QStringView key);

private:
    struct Index;

    QByteArray m_json;
    mutable std::unique_ptr<Index> m_index;
};

} // namespace Junction
