// SPDX-License-Identifier: MIT
#pragma once

#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace Junction {

// Colours the DDL that Junction writes: keywords, type names, quoted identifiers ("x" and
// `x`), string literals, numbers and comments (-- and /* */). Literals, identifiers and
// block comments may span lines (a COMMENT with a newline), so the block state carries
// what is still open. The colours are derived from a palette so that they read on a light
// and on a dark background alike.
class SqlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    enum class Kind { Keyword, Type, Identifier, String, Number, Comment };

    explicit SqlHighlighter(QTextDocument *document);

    // MySQL strings treat a backslash as an escape; the others do not. Both setters take
    // effect for text highlighted afterwards: rehighlight() (or set the text again, as the
    // DDL dock does, in chunks) to apply them to text already there.
    void setBackslashEscapes(bool on) { m_backslashEscapes = on; }
    bool backslashEscapes() const { return m_backslashEscapes; }
    void setPalette(const QPalette &palette);
    QTextCharFormat format(Kind kind) const;

protected:
    void highlightBlock(const QString &text) override;

private:
    enum State { Normal = -1, InString = 1, InDoubleQuoted, InBacktick, InBlockComment };

    // From `start`, the end of the literal or comment opened by `state` (one past its
    // closing character) or -1 when it runs on past the end of the line.
    int closingEnd(const QString &text, int start, State state) const;

    QTextCharFormat m_formats[6];
    bool m_backslashEscapes = false;
};

} // namespace Junction
