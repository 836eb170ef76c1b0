// SPDX-License-Identifier: MIT
#pragma once

#include "project.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace Junction {

// The object form of an association's foreignKey or otherKey beyond its name and allowNull:
// `type`, `field` (the column name), `unique` and `comment`. Folded behind a toggle until one
// of them is set (most keys are a name at most). The page reads the values back with
// apply() and commits them with the name as one editAssociation().
class KeyDetails : public QWidget
{
    Q_OBJECT

public:
    // `name` prefixes the object names of the fields ("foreignKey" -> "foreignKeyType").
    explicit KeyDetails(const QString &name, QWidget *parent = nullptr);

    // Shows `key`; the placeholders say what applies when a field is empty.
    void showKey(const KeySpec &key, const QString &resolvedType, const QString &resolvedColumn);
    // Writes the fields into `key` and says why they cannot be taken, or "" (then the
    // problem shown is cleared). The type must be one of the format's.
    QString apply(KeySpec &key);
    // Forgets refused input (another association is shown).
    void clearRefused();

    QToolButton *toggle() const { return m_toggle; }
    QWidget *fields() const { return m_fields; }
    QComboBox *typeBox() const { return m_type; }
    QLineEdit *fieldEdit() const { return m_field; }
    QComboBox *uniqueBox() const { return m_unique; }
    QLineEdit *commentEdit() const { return m_comment; }
    QLabel *problem() const { return m_problem; }

signals:
    void edited(bool typed);
    void typingEnded();

private:
    void setExpanded(bool expanded);

    QToolButton *m_toggle;
    QWidget *m_fields;
    QComboBox *m_type;
    QLineEdit *m_field;
    QComboBox *m_unique;
    QLineEdit *m_comment;
    QLabel *m_problem;
};

} // namespace Junction
