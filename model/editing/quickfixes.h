// SPDX-License-Identifier: MIT
#pragma once

#include "commands/associationcommands.h"
#include "diagnostic.h"
#include "project.h"

#include <QList>
#include <QUndoCommand>

#include <memory>

namespace Junction {

class Document;

// A fix the designer offers for a diagnostic where the spec names one: the associations
// as the fix leaves them, applied as one undo step.
struct QuickFix
{
    QString text; // "Set constraints: false on User.belongsTo(Picture, as ProfilePicture)"
    QList<Association> edited;
    Commands::AssociationField field = Commands::AssociationField::All; // what it changes
};

// The fixes for one diagnostic (none for most):
//   cycle                 per edge of the cycle, constraints: false on every association
//                         that makes it (one association with constraints on the shared FK
//                         brings the edge back), also dropping an explicit onDelete/onUpdate
//                         outside belongsToMany, which would bring the REFERENCES back too.
//   set-null-on-not-null  onDelete (or onUpdate) CASCADE, or RESTRICT, on the association
//                         that owns the foreign key.
QList<QuickFix> quickFixes(const Document &document, const Diagnostic &diagnostic);

// One command for the whole fix; nullptr when its associations are gone.
std::unique_ptr<QUndoCommand> quickFixCommand(Document &document, const QuickFix &fix);

// "User.belongsTo(Picture, as ProfilePicture)", as the diagnostics name associations.
QString associationLabel(const Association &association);

} // namespace Junction
