// SPDX-License-Identifier: MIT
#include "keydetails.h"

#include "attributetablemodel.h"
#include "inspectorfields.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace Junction {

using namespace InspectorFields;

KeyDetails::KeyDetails(const QString &name, QWidget *parent)
    : QWidget(parent)
    , m_toggle(new QToolButton(this))
    , m_fields(new QWidget(this))
    , m_type(new QComboBox(m_fields))
    , m_field(new QLineEdit(m_fields))
    , m_unique(new QComboBox(m_fields))
    , m_comment(new QLineEdit(m_fields))
    , m_problem(problemLabel(m_fields))
{
    m_toggle->setObjectName(name + QStringLiteral("Details"));
    m_toggle->setCheckable(true);
    m_toggle->setAutoRaise(true);
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setArrowType(Qt::RightArrow);
    m_toggle->setText(tr("type, column, unique, comment"));
    m_toggle->setToolTip(tr("The key as an attribute definition: its type, column name, "
                            "uniqueness and comment"));
    m_type->setObjectName(name + QStringLiteral("Type"));
    m_type->setEditable(true);
    m_type->setInsertPolicy(QComboBox::NoInsert);
    m_type->addItem(QString());
    m_type->addItems(AttributeTableModel::typeSuggestions());
    m_type->setMaxVisibleItems(16);
    fitNarrow(m_type);
    m_field->setObjectName(name + QStringLiteral("Field"));
    m_unique->setObjectName(name + QStringLiteral("Unique"));
    fillTriState(m_unique, tr("Unique"), tr("Not unique"));
    m_comment->setObjectName(name + QStringLiteral("Comment"));

    auto form = new QFormLayout(m_fields);
    form->setContentsMargins(12, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("type"), m_type);
    form->addRow(tr("field"), m_field);
    form->addRow(tr("unique"), m_unique);
    form->addRow(tr("comment"), m_comment);
    form->addRow(QString(), m_problem);
    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_toggle, 0, Qt::AlignLeft);
    layout->addWidget(m_fields);
    setExpanded(false);

    connect(m_toggle, &QToolButton::toggled, this, &KeyDetails::setExpanded);
    connect(m_type->lineEdit(), &QLineEdit::textEdited, this, [this] { emit edited(true); });
    connect(m_type, &QComboBox::activated, this, [this] { emit edited(false); });
    connect(m_field, &QLineEdit::textEdited, this, [this] { emit edited(true); });
    connect(m_comment, &QLineEdit::textEdited, this, [this] { emit edited(true); });
    connect(m_unique, &QComboBox::activated, this, [this] { emit edited(false); });
    for (QWidget *w : {static_cast<QWidget *>(m_type), static_cast<QWidget *>(m_field),
                       static_cast<QWidget *>(m_comment)})
        onFocusOut(w, [this] { emit typingEnded(); });
}

void KeyDetails::setExpanded(bool expanded)
{
    m_toggle->setChecked(expanded);
    m_toggle->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_fields->setVisible(expanded);
}

void KeyDetails::showKey(const KeySpec &key, const QString &resolvedType,
                         const QString &resolvedColumn)
{
    const bool set = key.isObject
        && (!key.type.isEmpty() || !key.field.isEmpty() || key.unique.has_value()
            || !key.comment.isEmpty());
    if (set && !m_toggle->isChecked())
        setExpanded(true); // nothing the file holds is hidden
    showText(m_type->lineEdit(), key.type);
    m_type->lineEdit()->setPlaceholderText(
        resolvedType.isEmpty() ? QString() : tr("Default: %1").arg(resolvedType));
    showText(m_field, key.field);
    m_field->setPlaceholderText(
        resolvedColumn.isEmpty() ? QString() : tr("Default: %1").arg(resolvedColumn));
    setTriState(m_unique, key.unique, false);
    showText(m_comment, key.comment);
}

QString KeyDetails::apply(KeySpec &key)
{
    const QString type = m_type->currentText().trimmed();
    const QString field = m_field->text();
    QString problem;
    QLineEdit *where = m_type->lineEdit();
    if (!type.isEmpty())
        problem = AttributeTableModel::typeProblem(type);
    if (problem.isEmpty() && field.trimmed() != field) {
        problem = tr("a column name cannot start or end with a space");
        where = m_field;
    }
    setRefused(m_type->lineEdit(), nullptr, {});
    setRefused(m_field, nullptr, {});
    setRefused(where, m_problem, problem);
    if (!problem.isEmpty())
        return problem;
    key.type = type;
    key.field = field;
    key.unique = triState(m_unique);
    key.comment = m_comment->text();
    return {};
}

void KeyDetails::clearRefused()
{
    setRefused(m_type->lineEdit(), nullptr, {});
    setRefused(m_field, m_problem, {});
}

} // namespace Junction
