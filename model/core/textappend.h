// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <algorithm>

namespace Junction::TextAppend {

// Appends n UTF-16 units to `out`. DDL is built from many short pieces, and QString::append
// is a library call with its own checks for each (most of the DDL time of a 10,000-table
// schema): when the string is unshared and has the room, the piece is copied straight in
// (Qt keeps space for the terminating NUL beyond the capacity); otherwise QString::append
// grows it as ever.
inline void append(QString &out, const char16_t *text, qsizetype n)
{
    QString::DataPointer &d = out.data_ptr();
    if (!d.needsDetach() && d.freeSpaceAtEnd() >= n) {
        char16_t *end = std::copy(text, text + n, d.data() + d.size);
        *end = u'\0';
        d.size += n;
        return;
    }
    out.append(reinterpret_cast<const QChar *>(text), n);
}

inline void append(QString &out, const QString &text)
{
    append(out, reinterpret_cast<const char16_t *>(text.constData()), text.size());
}

inline void append(QString &out, char16_t c)
{
    append(out, &c, 1);
}

// A UTF-16 literal: u" NOT NULL".
template<qsizetype N>
inline void append(QString &out, const char16_t (&text)[N])
{
    append(out, text, N - 1);
}

} // namespace Junction::TextAppend
