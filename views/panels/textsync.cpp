// SPDX-License-Identifier: MIT
#include "textsync.h"

#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextCursor>
#include <QTextDocument>

namespace Junction {

TextSync::TextSync(QPlainTextEdit *editor, QObject *parent)
    : QObject(parent)
    , m_editor(editor)
{
    // An undo history of every regenerated script would only cost time and memory.
    m_editor->document()->setUndoRedoEnabled(false);
    m_step.setSingleShot(true);
    m_step.setInterval(0);
    connect(&m_step, &QTimer::timeout, this, &TextSync::step);
}

void TextSync::setText(const QString &text, bool replaceAll)
{
    if (text == m_text && isDone() && !replaceAll) {
        emit done();
        return;
    }
    // Halfway through a load the editor holds only the start of the old text.
    const bool partial = !isDone();
    m_step.stop();

    // Document positions are QString indexes for plain text (a newline is one position).
    const QString &old = m_text;
    qsizetype prefix = 0;
    qsizetype suffix = 0;
    if (!partial && !replaceAll) {
        const qsizetype shorter = std::min(old.size(), text.size());
        while (prefix < shorter && old.at(prefix) == text.at(prefix))
            ++prefix;
        // Whole lines only, so that a changed line is highlighted as one.
        prefix = prefix > 0 ? old.lastIndexOf(QLatin1Char('\n'), prefix - 1) + 1 : 0;
        while (suffix < shorter - prefix
               && old.at(old.size() - 1 - suffix) == text.at(text.size() - 1 - suffix))
            ++suffix;
    }
    const qsizetype oldMiddle = old.size() - prefix - suffix;

    QScrollBar *scrollBar = m_editor->verticalScrollBar();
    const int scroll = scrollBar->value();
    if (partial || replaceAll || oldMiddle > chunkChars) {
        m_editor->document()->clear();
        m_pendingFrom = 0;
        m_pendingEnd = text.size();
    } else {
        QTextCursor cursor(m_editor->document());
        cursor.setPosition(int(prefix));
        cursor.setPosition(int(prefix + oldMiddle), QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
        m_pendingFrom = prefix;
        m_pendingEnd = text.size() - suffix;
    }
    m_text = text;
    step();
    // Keep the reader's place: a regenerated script should not jump back to the top.
    scrollBar->setValue(scroll);
}

void TextSync::step()
{
    // Up to a chunk, cut after a newline when there is one.
    qsizetype size = m_pendingEnd - m_pendingFrom;
    if (size > chunkChars) {
        const qsizetype newline
            = m_text.lastIndexOf(QLatin1Char('\n'), m_pendingFrom + chunkChars - 1);
        size = newline >= m_pendingFrom ? newline + 1 - m_pendingFrom : chunkChars;
    }
    if (size > 0) {
        QTextCursor cursor(m_editor->document());
        cursor.setPosition(int(m_pendingFrom));
        cursor.insertText(QStringView(m_text).mid(m_pendingFrom, size).toString());
        m_pendingFrom += size;
    }
    if (isDone())
        emit done();
    else
        m_step.start();
}

} // namespace Junction
