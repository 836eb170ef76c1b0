// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

class QPlainTextEdit;

namespace Junction {

// Brings a read-only QPlainTextEdit to a new text without stalling the UI thread: when only
// a few lines differ from what it shows (an edit of one model), only they are replaced;
// otherwise the editor is emptied and the text inserted a chunk of lines per event-loop
// turn. Setting, laying out and highlighting text costs about a millisecond per KB on a
// busy machine, so a chunk stays well under the 100 ms a stall may last. Emptying costs
// about as much as filling did, so keep the texts shown to a few hundred KB (the DDL dock
// shows a preview of a larger script).
class TextSync : public QObject
{
    Q_OBJECT

public:
    explicit TextSync(QPlainTextEdit *editor, QObject *parent = nullptr);

    // The text the editor is being brought to.
    const QString &text() const { return m_text; }
    // `replaceAll` sets every line anew even where the text is the same (to highlight it
    // again after the highlighter's rules or colours changed).
    void setText(const QString &text, bool replaceAll = false);
    bool isDone() const { return m_pendingFrom >= m_pendingEnd; }

    static constexpr qsizetype chunkChars = 16 * 1024;

signals:
    // The editor shows text().
    void done();

private:
    void step();

    QPlainTextEdit *m_editor;
    QString m_text;
    // m_text[m_pendingFrom, m_pendingEnd) is still to insert at position m_pendingFrom.
    qsizetype m_pendingFrom = 0;
    qsizetype m_pendingEnd = 0;
    QTimer m_step;
};

} // namespace Junction
