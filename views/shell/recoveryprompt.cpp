// SPDX-License-Identifier: MIT
#include "recoveryprompt.h"

#include "document.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

namespace Junction {

RecoveryPrompt::Choice RecoveryPrompt::ask(QWidget *parent, const RecoveryFile &file)
{
    const QString name = !file.originalPath.isEmpty() ? QFileInfo(file.originalPath).fileName()
        : !file.projectName.isEmpty() ? tr("the untitled project \"%1\"").arg(file.projectName)
                                      : tr("an untitled project");
    QMessageBox box(parent);
    box.setIcon(QMessageBox::Question);
    box.setWindowTitle(tr("Recover Unsaved Changes"));
    box.setText(tr("Junction did not close properly while %1 had unsaved changes. "
                   "They were kept on %2.")
                    .arg(name, QLocale().toString(file.written, QLocale::ShortFormat)));
    box.setInformativeText(
        tr("Restore opens them as unsaved changes; Discard deletes them; Later asks "
           "again at the next start."));
    if (!file.originalPath.isEmpty())
        box.setDetailedText(QDir::toNativeSeparators(file.originalPath));
    QPushButton *restore = box.addButton(tr("&Restore"), QMessageBox::AcceptRole);
    restore->setObjectName(QStringLiteral("restoreButton"));
    QPushButton *discard = box.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    discard->setObjectName(QStringLiteral("discardButton"));
    QPushButton *later = box.addButton(tr("&Later"), QMessageBox::RejectRole);
    later->setObjectName(QStringLiteral("laterButton"));
    box.setDefaultButton(restore);
    box.setEscapeButton(later);
    box.exec();
    if (box.clickedButton() == restore)
        return Choice::Restore;
    if (box.clickedButton() == discard)
        return Choice::Discard;
    return Choice::Later;
}

int RecoveryPrompt::offerPending(QWidget *parent,
                                 const std::function<void(std::unique_ptr<Document>)> &open)
{
    int restored = 0;
    const QList<RecoveryFile> files = Document::pendingRecoveries();
    for (const RecoveryFile &file : files) {
        switch (ask(parent, file)) {
        case Choice::Restore: {
            Diagnostics diagnostics;
            if (std::unique_ptr<Document> document
                = Document::restoreRecovery(file, &diagnostics)) {
                open(std::move(document));
                ++restored;
                break;
            }
            QStringList lines;
            for (const Diagnostic &diagnostic : std::as_const(diagnostics))
                lines << diagnostic.message;
            // The file stays: it may be readable by a later version, or by hand.
            QMessageBox::warning(
                parent, tr("Cannot Recover"),
                tr("%1 could not be restored; it is kept.\n\n%2")
                    .arg(QDir::toNativeSeparators(file.path), lines.join(QLatin1Char('\n'))));
            break;
        }
        case Choice::Discard:
            Document::discardRecovery(file);
            break;
        case Choice::Later:
            break;
        }
    }
    return restored;
}

} // namespace Junction
