// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QLatin1String>
#include <QStringView>

#include <vector>

namespace Junction {

// Writes JSON in the project file's canonical layout, in the order the caller emits keys
// (QJsonDocument::toJson sorts keys and knows one layout only):
//
// - 2-space indent, `"key": value`, UTF-8 with only `"`, `\` and control characters escaped.
// - A container whose members are all scalars, empty containers or arrays of those goes on
//   one line when the whole line, with its indent and a possible trailing comma, fits in
//   LineLimit code points: `{ "id": "a-1", "type": "INTEGER" }`, `["a", "b"]`, `[[120, 60]]`.
//   Otherwise one member per line. Empty containers are `{}` and `[]`.
// - Integral numbers below 2^53 are written as integers, others in the shortest form that
//   reads back to the same double.
//
// Containers take a callable that emits their members; it is called once to try the
// one-line form and, when that fails (a nested object, or too wide), again for the
// multi-line form. So the callable must only emit, never change state.
//
//     printer.object([&] { printer.key(QLatin1String("id")); printer.string(id); });
class JsonPrinter
{
public:
    static constexpr int LineLimit = 120;

    explicit JsonPrinter(qsizetype reserve = 0);

    template<typename F> void object(F &&members) { container(true, members); }
    template<typename F> void array(F &&elements) { container(false, elements); }

    // Inside object(): starts a member; the next value call writes its value.
    void key(QLatin1String key); // plain ASCII, written as is
    void key(QStringView key);

    void string(QStringView value);
    void boolean(bool value);
    void number(double value);
    void null();
    void value(const QJsonValue &value); // objects in QJsonObject's (sorted) key order

    // The next container is written one member per line even if it would fit (the root).
    void expandNext() { m_expandNext = true; }

    // The text with its trailing newline.
    QByteArray finish();

private:
    struct Frame
    {
        bool isObject;
        int attemptDepth; // -1: multi-line; 0: root of a one-line attempt; >0: nested in one
        int members = 0;
    };

    template<typename F> void container(bool isObject, F &fill);
    bool beginValue();
    bool beginMember();
    void afterScalar();
    int currentWidth();
    void newline(int depth);
    void writeString(QStringView value);

    QByteArray m_out;
    std::vector<Frame> m_frames;
    qsizetype m_lineStart = 0;
    // Width tracking during a one-line attempt: code points on the line up to m_scanPos.
    qsizetype m_scanPos = 0;
    int m_width = 0;
    bool m_failed = false; // the current one-line attempt cannot succeed
    bool m_expandNext = false;
};

template<typename F> void JsonPrinter::container(bool isObject, F &fill)
{
    if (!beginValue())
        return;
    const char open = isObject ? '{' : '[';
    const char close = isObject ? '}' : ']';
    const int parentAttempt = m_frames.empty() ? -1 : m_frames.back().attemptDepth;
    if (parentAttempt >= 0) {
        // Nested in a one-line attempt: beginMember() fails it if this gets members it may
        // not have.
        m_out.append(open);
        m_frames.push_back({isObject, parentAttempt + 1});
        fill();
        m_frames.pop_back();
        m_out.append(close);
        afterScalar();
        return;
    }

    const qsizetype start = m_out.size();
    if (!m_expandNext) {
        m_scanPos = m_lineStart;
        m_width = 0;
        m_out.append(open);
        m_frames.push_back({isObject, 0});
        fill();
        const int members = m_frames.back().members;
        m_frames.pop_back();
        if (!m_failed) {
            if (isObject && members > 0)
                m_out.append(" }");
            else
                m_out.append(close);
            if (currentWidth() + 1 <= LineLimit) // + 1: room for a trailing comma
                return;
        }
        m_failed = false;
        m_out.truncate(start);
    }
    m_expandNext = false;
    m_out.append(open);
    m_frames.push_back({isObject, -1});
    fill();
    const int members = m_frames.back().members;
    m_frames.pop_back();
    if (members > 0)
        newline(int(m_frames.size()));
    m_out.append(close);
}

} // namespace Junction
