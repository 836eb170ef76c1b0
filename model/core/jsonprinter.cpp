// SPDX-License-Identifier: MIT
#include "jsonprinter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QString>

#include <cmath>

namespace Junction {

JsonPrinter::JsonPrinter(qsizetype reserve)
{
    m_out.reserve(reserve);
}

QByteArray JsonPrinter::finish()
{
    m_out.append('\n');
    return std::move(m_out);
}

// Before any value: in an array that is the start of a member.
bool JsonPrinter::beginValue()
{
    if (m_failed)
        return false;
    if (!m_frames.empty() && !m_frames.back().isObject)
        return beginMember();
    return true;
}

// Separator and indent for a new member of the innermost container. In a one-line attempt
// only the attempt's root and arrays directly inside it may have members.
bool JsonPrinter::beginMember()
{
    if (m_failed)
        return false;
    Frame &frame = m_frames.back();
    if (frame.attemptDepth >= 2 || (frame.attemptDepth == 1 && frame.isObject)) {
        m_failed = true;
        return false;
    }
    if (frame.attemptDepth >= 0) {
        if (frame.members > 0)
            m_out.append(", ");
        else if (frame.isObject)
            m_out.append(' ');
    } else {
        if (frame.members > 0)
            m_out.append(',');
        newline(int(m_frames.size()));
    }
    ++frame.members;
    return true;
}

void JsonPrinter::afterScalar()
{
    if (!m_frames.empty() && m_frames.back().attemptDepth >= 0 && currentWidth() > LineLimit)
        m_failed = true;
}

int JsonPrinter::currentWidth()
{
    const char *s = m_out.constData();
    const qsizetype end = m_out.size();
    for (qsizetype i = m_scanPos; i < end; ++i) {
        if ((uchar(s[i]) & 0xC0) != 0x80)
            ++m_width;
    }
    m_scanPos = end;
    return m_width;
}

void JsonPrinter::newline(int depth)
{
    m_out.append('\n');
    m_lineStart = m_out.size();
    m_out.append(qsizetype(depth) * 2, ' ');
}

void JsonPrinter::key(QLatin1String key)
{
    if (!beginMember())
        return;
    m_out.append('"');
    m_out.append(key.data(), key.size());
    m_out.append("\": ");
}

void JsonPrinter::key(QStringView key)
{
    if (!beginMember())
        return;
    writeString(key);
    m_out.append(": ");
}

void JsonPrinter::string(QStringView value)
{
    if (!beginValue())
        return;
    writeString(value);
    afterScalar();
}

void JsonPrinter::boolean(bool value)
{
    if (!beginValue())
        return;
    if (value)
        m_out.append("true");
    else
        m_out.append("false");
    afterScalar();
}

void JsonPrinter::null()
{
    if (!beginValue())
        return;
    m_out.append("null");
    afterScalar();
}

void JsonPrinter::number(double value)
{
    if (!beginValue())
        return;
    if (!std::isfinite(value)) {
        m_out.append("null"); // JSON has no NaN or infinity
    } else if (value == std::floor(value) && std::fabs(value) < 9007199254740992.0) {
        // Integral doubles are exact below 2^53: write them as integers, without ".0".
        char buffer[24];
        char *p = buffer + sizeof buffer;
        qint64 v = qint64(value);
        const bool negative = v < 0;
        quint64 u = negative ? quint64(-v) : quint64(v);
        do {
            *--p = char('0' + u % 10);
            u /= 10;
        } while (u);
        if (negative)
            *--p = '-';
        m_out.append(p, buffer + sizeof buffer - p);
    } else {
        m_out.append(QString::number(value, 'g', QLocale::FloatingPointShortest).toLatin1());
    }
    afterScalar();
}

void JsonPrinter::value(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        this->object([&] {
            for (auto it = object.begin(), end = object.end(); it != end; ++it) {
                key(it.key());
                this->value(it.value());
            }
        });
        break;
    }
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        this->array([&] {
            for (const QJsonValue &element : array)
                this->value(element);
        });
        break;
    }
    case QJsonValue::String:
        string(value.toString());
        break;
    case QJsonValue::Double:
        number(value.toDouble());
        break;
    case QJsonValue::Bool:
        boolean(value.toBool());
        break;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        null();
        break;
    }
}

// UTF-16 to UTF-8 with JSON escapes, straight into the buffer: no temporary QByteArray per
// string. Lone surrogates (not valid Unicode) become U+FFFD.
void JsonPrinter::writeString(QStringView value)
{
    const qsizetype size = value.size();
    const qsizetype old = m_out.size();
    m_out.resize(old + size * 6 + 2); // worst case: every unit as \u00XX
    char *out = m_out.data() + old;
    const char16_t *s = value.utf16();
    static const char hex[] = "0123456789abcdef";
    *out++ = '"';
    for (qsizetype i = 0; i < size; ++i) {
        char32_t c = s[i];
        if (c < 0x80) {
            if (c >= 0x20 && c != '"' && c != '\\') {
                *out++ = char(c);
                continue;
            }
            *out++ = '\\';
            switch (c) {
            case '"':
                *out++ = '"';
                break;
            case '\\':
                *out++ = '\\';
                break;
            case '\n':
                *out++ = 'n';
                break;
            case '\t':
                *out++ = 't';
                break;
            case '\r':
                *out++ = 'r';
                break;
            case '\b':
                *out++ = 'b';
                break;
            case '\f':
                *out++ = 'f';
                break;
            default:
                *out++ = 'u';
                *out++ = '0';
                *out++ = '0';
                *out++ = hex[c >> 4];
                *out++ = hex[c & 0xF];
            }
            continue;
        }
        if (QChar::isHighSurrogate(c) && i + 1 < size && QChar::isLowSurrogate(s[i + 1])) {
            c = QChar::surrogateToUcs4(char16_t(c), s[i + 1]);
            ++i;
        } else if (QChar::isSurrogate(c)) {
            c = 0xFFFD;
        }
        if (c < 0x800) {
            *out++ = char(0xC0 | (c >> 6));
            *out++ = char(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            *out++ = char(0xE0 | (c >> 12));
            *out++ = char(0x80 | ((c >> 6) & 0x3F));
            *out++ = char(0x80 | (c & 0x3F));
        } else {
            *out++ = char(0xF0 | (c >> 18));
            *out++ = char(0x80 | ((c >> 12) & 0x3F));
            *out++ = char(0x80 | ((c >> 6) & 0x3F));
            *out++ = char(0x80 | (c & 0x3F));
        }
    }
    *out++ = '"';
    m_out.resize(out - m_out.constData());
}

} // namespace Junction
