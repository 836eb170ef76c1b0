// SPDX-License-Identifier: MIT
#include "inspectorfields.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>

namespace Junction::InspectorFields {

namespace {

const char refusedProperty[] = "junctionRefused";

QString tr(const char *text)
{
    return QCoreApplication::translate("Junction::Inspector", text);
}

class FocusOutFilter : public QObject
{
public:
    FocusOutFilter(QWidget *widget, std::function<void()> then)
        : QObject(widget)
        , m_then(std::move(then))
    {
        widget->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::FocusOut)
            m_then();
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_then;
};

} // namespace

void fitNarrow(QComboBox *combo)
{
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(6);
}

void fillTriState(QComboBox *combo, const QString &on, const QString &off)
{
    fitNarrow(combo);
    combo->clear();
    combo->addItem(QString(), -1);
    combo->addItem(on, 1);
    combo->addItem(off, 0);
    combo->setProperty("junctionOn", on);
    combo->setProperty("junctionOff", off);
}

void setTriState(QComboBox *combo, std::optional<bool> value, bool whenUnset)
{
    const QString applies = combo->property(whenUnset ? "junctionOn" : "junctionOff").toString();
    combo->setItemText(0, tr("Default (%1)").arg(applies.toLower()));
    combo->setCurrentIndex(combo->findData(value ? int(*value) : -1));
}

std::optional<bool> triState(const QComboBox *combo)
{
    const int data = combo->currentData().toInt();
    if (data < 0)
        return std::nullopt;
    return data == 1;
}

void showText(QLineEdit *edit, const QString &text)
{
    if (edit->text() == text || isRefused(edit))
        return;
    const int cursor = edit->cursorPosition();
    edit->setText(text);
    edit->setCursorPosition(qMin(cursor, int(text.size())));
}

void setRefused(QLineEdit *edit, QLabel *problem, const QString &reason)
{
    edit->setProperty(refusedProperty, !reason.isEmpty());
    // A red frame around the field itself, so the problem is seen even with the label
    // scrolled away.
    edit->setStyleSheet(
        reason.isEmpty() ? QString() : QStringLiteral("QLineEdit { border: 1px solid #d0342c; }"));
    if (problem) {
        problem->setText(reason);
        problem->setVisible(!reason.isEmpty());
    }
}

bool isRefused(const QLineEdit *edit)
{
    return edit->property(refusedProperty).toBool();
}

QLabel *problemLabel(QWidget *parent)
{
    auto label = new QLabel(parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #d0342c;"));
    label->setVisible(false);
    return label;
}

void onFocusOut(QWidget *widget, std::function<void()> then)
{
    new FocusOutFilter(widget, std::move(then));
}

} // namespace Junction::InspectorFields
