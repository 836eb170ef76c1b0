// SPDX-License-Identifier: MIT
#include "sqlhighlighter.h"

#include <QSet>

namespace Junction {

namespace {

// The words DdlGenerator writes, and the usual ones around them.
const QSet<QString> &keywords()
{
    static const QSet<QString> words = [] {
        QSet<QString> out;
        for (const char *w :
             {"ACTION", "ADD", "ALTER", "AS", "AUTOINCREMENT", "AUTO_INCREMENT", "BY", "CASCADE",
              "CHARSET", "CHECK", "COLUMN", "COMMENT", "CONSTRAINT", "CREATE", "DEFAULT", "DELETE",
              "DROP", "ENGINE", "EXISTS", "FOREIGN", "FROM", "IF", "IN", "INDEX", "INSERT", "INTO",
              "IS", "KEY", "NO", "NOT", "NULL", "ON", "PRIMARY", "REFERENCES", "RENAME", "RESTRICT",
              "SELECT", "SET", "TABLE", "TO", "TYPE", "UNIQUE", "UPDATE", "VALUES", "WHERE",
              "WITH", "WITHOUT", "TRUE", "FALSE", "CURRENT_TIMESTAMP"})
            out.insert(QString::fromLatin1(w));
        return out;
    }();
    return words;
}

const QSet<QString> &typeNames()
{
    static const QSet<QString> words = [] {
        QSet<QString> out;
        for (const char *w :
             {"BIGINT", "BIGSERIAL", "BINARY", "BLOB", "BOOL", "BOOLEAN", "BYTEA", "CHAR",
              "CHARACTER", "DATE", "DATETIME", "DECIMAL", "DOUBLE", "ENUM", "FLOAT", "INT",
              "INTEGER", "JSON", "JSONB", "LONGBLOB", "LONGTEXT", "MEDIUMINT", "MEDIUMTEXT",
              "NUMERIC", "PRECISION", "REAL", "SERIAL", "SMALLINT", "SMALLSERIAL", "TEXT",
              "TIME", "TIMESTAMP", "TINYBLOB", "TINYINT", "TINYTEXT", "UUID", "VARBINARY",
              "VARCHAR", "VARYING", "ZONE", "InnoDB", "utf8mb4"})
            out.insert(QString::fromLatin1(w).toUpper());
        return out;
    }();
    return words;
}

// A hue at a lightness that contrasts with the palette's base: dark on light, light on dark.
QColor tone(const QPalette &palette, int hue, int saturation)
{
    const bool darkBase = palette.color(QPalette::Base).lightness() < 128;
    return QColor::fromHsl(hue, saturation, darkBase ? 175 : 85);
}

bool isWordStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_');
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('$');
}

} // namespace

SqlHighlighter::SqlHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    setPalette(QPalette());
}

void SqlHighlighter::setPalette(const QPalette &palette)
{
    QTextCharFormat keyword;
    keyword.setForeground(tone(palette, 215, 170));
    keyword.setFontWeight(QFont::Bold);
    QTextCharFormat type;
    type.setForeground(tone(palette, 180, 160));
    QTextCharFormat identifier;
    identifier.setForeground(tone(palette, 285, 90));
    QTextCharFormat string;
    string.setForeground(tone(palette, 110, 150));
    QTextCharFormat number;
    number.setForeground(tone(palette, 25, 200));
    QTextCharFormat comment;
    comment.setForeground(palette.color(QPalette::PlaceholderText));
    comment.setFontItalic(true);
    m_formats[int(Kind::Keyword)] = keyword;
    m_formats[int(Kind::Type)] = type;
    m_formats[int(Kind::Identifier)] = identifier;
    m_formats[int(Kind::String)] = string;
    m_formats[int(Kind::Number)] = number;
    m_formats[int(Kind::Comment)] = comment;
}

QTextCharFormat SqlHighlighter::format(Kind kind) const
{
    return m_formats[int(kind)];
}

int SqlHighlighter::closingEnd(const QString &text, int start, State state) const
{
    const int n = int(text.size());
    if (state == InBlockComment) {
        const int end = int(text.indexOf(QLatin1String("*/"), start));
        return end < 0 ? -1 : end + 2;
    }
    const QChar quote = state == InString         ? QLatin1Char('\'')
                        : state == InDoubleQuoted ? QLatin1Char('"')
                                                  : QLatin1Char('`');
    for (int i = start; i < n; ++i) {
        if (state == InString && m_backslashEscapes && text.at(i) == QLatin1Char('\\')) {
            ++i;
            continue;
        }
        // A doubled quote inside is the quote itself; it closes and reopens at once, which
        // colours the same.
        if (text.at(i) == quote)
            return i + 1;
    }
    return -1;
}

void SqlHighlighter::highlightBlock(const QString &text)
{
    const int n = int(text.size());
    int i = 0;
    State state = State(previousBlockState());
    auto formatOf = [](State s) {
        return s == InString         ? Kind::String
               : s == InBlockComment ? Kind::Comment
                                     : Kind::Identifier;
    };
    // Something left open on the line before.
    if (state != Normal && state != 0) {
        const int end = closingEnd(text, 0, state);
        setFormat(0, end < 0 ? n : end, m_formats[int(formatOf(state))]);
        if (end < 0) {
            setCurrentBlockState(state);
            return;
        }
        i = end;
    }
    state = Normal;
    while (i < n) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('-') && i + 1 < n && text.at(i + 1) == QLatin1Char('-')) {
            setFormat(i, n - i, m_formats[int(Kind::Comment)]);
            break;
        }
        State opens = Normal;
        int skip = 1;
        if (c == QLatin1Char('\''))
            opens = InString;
        else if (c == QLatin1Char('"'))
            opens = InDoubleQuoted;
        else if (c == QLatin1Char('`'))
            opens = InBacktick;
        else if (c == QLatin1Char('/') && i + 1 < n && text.at(i + 1) == QLatin1Char('*')) {
            opens = InBlockComment;
            skip = 2;
        }
        if (opens != Normal) {
            const int end = closingEnd(text, i + skip, opens);
            setFormat(i, (end < 0 ? n : end) - i, m_formats[int(formatOf(opens))]);
            if (end < 0) {
                state = opens;
                break;
            }
            i = end;
            continue;
        }
        if (isWordStart(c)) {
            int end = i + 1;
            while (end < n && isWordChar(text.at(end)))
                ++end;
            const QString word = text.mid(i, end - i).toUpper();
            if (keywords().contains(word))
                setFormat(i, end - i, m_formats[int(Kind::Keyword)]);
            else if (typeNames().contains(word))
                setFormat(i, end - i, m_formats[int(Kind::Type)]);
            i = end;
            continue;
        }
        if (c.isDigit()) {
            int end = i + 1;
            while (end < n && (text.at(end).isDigit() || text.at(end) == QLatin1Char('.')))
                ++end;
            setFormat(i, end - i, m_formats[int(Kind::Number)]);
            i = end;
            continue;
        }
        ++i;
    }
    setCurrentBlockState(state);
}

} // namespace Junction
