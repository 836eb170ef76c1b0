// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <algorithm>
#include <iterator>

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

// Room for n more units at the end of `out`: write at most n units from the returned
// pointer, then call setEnd() with the end of what was written. For text whose length is
// only known while it is written (quote doubling): one pass instead of a count and a copy.
// Grows by doubling, as QString::append does.
inline char16_t *room(QString &out, qsizetype n)
{
    QString::DataPointer &d = out.data_ptr();
    if (d.needsDetach() || d.freeSpaceAtEnd() < n)
        out.reserve(std::max(out.size() + n, 2 * out.capacity()));
    return reinterpret_cast<char16_t *>(out.data_ptr().data()) + out.size();
}

inline void setEnd(QString &out, char16_t *end)
{
    QString::DataPointer &d = out.data_ptr();
    d.size = end - reinterpret_cast<char16_t *>(d.data());
    *end = u'\0';
}

// The decimal digits of `value`, as QString::number(value) writes them, without the
// temporary string.
inline void appendNumber(QString &out, qint64 value)
{
    char16_t digits[20]; // 2^63 has 19 digits
    quint64 rest = value < 0 ? 0 - quint64(value) : quint64(value);
    char16_t *first = std::end(digits);
    do {
        *--first = char16_t(u'0' + rest % 10);
        rest /= 10;
    } while (rest != 0);
    if (value < 0)
        append(out, u'-');
    append(out, first, std::end(digits) - first);
}

} // namespace Junction::TextAppend
