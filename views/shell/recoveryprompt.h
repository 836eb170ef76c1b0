// SPDX-License-Identifier: MIT
#pragma once

#include "recoverystore.h"

#include <QCoreApplication>

#include <functional>
#include <memory>

class QWidget;

namespace Junction {

class Document;

// At start, the recovery files a crashed session left are offered one by one: Restore
// (opens the recovered project as a modified document for its original file), Discard
// (deletes the recovery file) or Later (keeps it for the next start).
class RecoveryPrompt
{
    Q_DECLARE_TR_FUNCTIONS(RecoveryPrompt)

public:
    enum class Choice { Restore, Discard, Later };

    // The question for one file; its buttons are named restoreButton, discardButton and
    // laterButton.
    static Choice ask(QWidget *parent, const RecoveryFile &file);

    // Asks about every pending recovery file and hands each restored document to `open`.
    // Returns how many were restored.
    static int offerPending(QWidget *parent,
                            const std::function<void(std::unique_ptr<Document>)> &open);
};

} // namespace Junction
