// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QWidget;

namespace Junction::InspectorFields {

// Small pieces the inspector pages share. The pages commit on user-only signals (textEdited,
// activated, clicked), so filling a widget from the document never pushes a command.

// Lets a combo box shrink below its longest item (a dock can be narrow; the popup still
// shows the whole text).
void fitNarrow(QComboBox *combo);

// An option the file may leave unset (std::optional<bool>): "Default (on)", "On", "Off".
void fillTriState(QComboBox *combo, const QString &on, const QString &off);
// Shows `value`; the first item names what applies when unset.
void setTriState(QComboBox *combo, std::optional<bool> value, bool whenUnset);
std::optional<bool> triState(const QComboBox *combo);

// Shows `text` in a field unless it already does, or the field holds input that was refused
// (the user is still fixing it: it must not be overwritten). The cursor stays where it was.
void showText(QLineEdit *edit, const QString &text);
// Marks a field's input as refused with its reason in `problem` (next to the field), or
// clears both for an empty reason.
void setRefused(QLineEdit *edit, QLabel *problem, const QString &reason);
bool isRefused(const QLineEdit *edit);

// A label for a field's problem: the error colour, wrapped, hidden while empty.
QLabel *problemLabel(QWidget *parent);

// Calls `then` when `widget` loses focus: ends a run of merging keystrokes.
void onFocusOut(QWidget *widget, std::function<void()> then);

} // namespace Junction::InspectorFields
