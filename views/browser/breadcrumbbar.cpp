// SPDX-License-Identifier: MIT
#include "breadcrumbbar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace Junction {

namespace {
const QString separator = QStringLiteral(" \u203a ");
}

BreadcrumbBar::BreadcrumbBar(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this))
{
    m_layout->setContentsMargins(4, 2, 4, 2);
    m_layout->setSpacing(0);
    m_layout->addStretch(1);
}

void BreadcrumbBar::setCrumbs(const QList<Crumb> &crumbs)
{
    qDeleteAll(m_widgets);
    m_widgets.clear();
    m_buttons.clear();
    m_crumbs = crumbs;
    for (int i = 0; i < crumbs.size(); ++i) {
        if (i > 0) {
            auto *arrow = new QLabel(separator, this);
            m_layout->insertWidget(m_layout->count() - 1, arrow);
            m_widgets << arrow;
        }
        auto *button = new QToolButton(this);
        button->setObjectName(QStringLiteral("crumb%1").arg(i));
        button->setText(crumbs.at(i).text);
        button->setAutoRaise(true);
        const bool last = i == crumbs.size() - 1;
        if (last) {
            QFont font = button->font();
            font.setBold(true);
            button->setFont(font);
        }
        const Crumb crumb = crumbs.at(i);
        connect(button, &QToolButton::clicked, this,
                [this, crumb] { emit crumbClicked(crumb.step, crumb.row); });
        m_layout->insertWidget(m_layout->count() - 1, button);
        m_widgets << button;
        m_buttons << button;
    }
}

QString BreadcrumbBar::text() const
{
    QStringList parts;
    for (const Crumb &crumb : m_crumbs)
        parts << crumb.text;
    return parts.join(separator);
}

} // namespace Junction
