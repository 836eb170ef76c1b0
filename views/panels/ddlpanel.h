// SPDX-License-Identifier: MIT
#pragma once

#include "ddlexport.h"
#include "dialect.h"
#include "document.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QGraphicsScene;
class QPlainTextEdit;
class QToolButton;

namespace Junction {

class SqlHighlighter;
class TextSync;

// The DDL preview: DdlGenerator's script of the whole schema, or of the selected models
// and the junction tables between them, in the chosen dialect, highlighted, to copy or
// export. It is built on a worker thread from copies of the project and the resolved
// schema when the document announces a new resolve (Document::resolvedChanged, itself
// debounced and off the UI thread; at once when dialect or scope change), so typing never
// waits for it; while the dock is hidden nothing is built. TextSync then shows it
// without a stall, replacing only what changed; a script of more than a few hundred KB
// (a schema of hundreds of tables) is previewed up to previewChars, while Copy and Export
// take all of it.
class DdlPanel : public QWidget
{
    Q_OBJECT

public:
    enum class Scope { WholeSchema, Selection };

    explicit DdlPanel(QWidget *parent = nullptr);
    ~DdlPanel() override;

    void setDocument(Document *document);
    // Where "Selection" takes the selected table boxes from.
    void setScene(QGraphicsScene *scene);

    Dialect::Kind dialect() const;
    void setDialect(Dialect::Kind kind);
    Scope scope() const;
    void setScope(Scope scope);

    // The whole text, for copy and export; the editor shows preview() of it.
    QString text() const { return m_fullText; }
    // The script up to previewChars, cut between statements, with a closing comment that
    // says how much is left out; the whole text when it is shorter.
    static QString preview(const QString &text);
    static constexpr qsizetype previewChars = 256 * 1024;
    // False while the text is a comment saying why there is no DDL (errors, no selection).
    bool hasDdl() const { return m_hasDdl; }
    // No edit waiting for the debounce, no text being built, and the editor showing text().
    bool isUpToDate() const;

    QComboBox *dialectBox() const { return m_dialectBox; }
    QComboBox *scopeBox() const { return m_scopeBox; }
    QToolButton *copyButton() const { return m_copyButton; }
    QToolButton *exportButton() const { return m_exportButton; }
    QPlainTextEdit *editor() const { return m_text; }
    SqlHighlighter *highlighter() const { return m_highlighter; }

    // Starts building the text now (the debounce timer calls it).
    void refresh();
    void copyToClipboard();
    // Writes text() to `path`; exportToFile() asks where, starting at
    // DdlExport::defaultFilePath().
    bool exportTo(const QString &path, QString *errorMessage = nullptr);
    void exportToFile();

    static constexpr int debounceMsec = 150;

signals:
    // The editor shows the text for the document, dialect, scope and selection.
    void refreshed();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void selectionChanged();
    void built();
    void display(const DdlExport::Text &text, const QString &preview, bool rehighlight);

    QPointer<Document> m_document;
    QPointer<QGraphicsScene> m_scene;
    QMetaObject::Connection m_changedConnection;
    QMetaObject::Connection m_selectionConnection;
    QComboBox *m_scopeBox;
    QComboBox *m_dialectBox;
    QToolButton *m_copyButton;
    QToolButton *m_exportButton;
    QPlainTextEdit *m_text;
    SqlHighlighter *m_highlighter;
    TextSync *m_sync;
    QTimer m_debounce;
    struct Built
    {
        DdlExport::Text text;
        QString preview;
    };
    QFutureWatcher<Built> m_build;
    bool m_building = false; // from the start of a build until its text is shown
    bool m_rebuild = false;  // something changed while a build was running
    bool m_stale = true;    // changed while hidden: build when shown
    bool m_hasDdl = false;
    QString m_fullText;
};

} // namespace Junction
