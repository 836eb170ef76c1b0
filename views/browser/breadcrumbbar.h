// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QHBoxLayout;
class QToolButton;

namespace Junction {

// The way back through followed associations: "Customers › Customer 7 › Orders ›
// Order 31 › Products". Each crumb is a flat button that takes the browser back to the
// listing it names (a row's crumb: the listing that row is in, with it selected).
class BreadcrumbBar : public QWidget
{
    Q_OBJECT

public:
    struct Crumb
    {
        QString text;
        int step = 0; // the listing to go back to
        int row = -1; // the row to select there, or -1
    };

    explicit BreadcrumbBar(QWidget *parent = nullptr);

    void setCrumbs(const QList<Crumb> &crumbs);
    QList<Crumb> crumbs() const { return m_crumbs; }
    QToolButton *button(int crumb) const { return m_buttons.value(crumb); }
    // The whole trail as it reads.
    QString text() const;

signals:
    void crumbClicked(int step, int row);

private:
    QHBoxLayout *m_layout;
    QList<Crumb> m_crumbs;
    QList<QToolButton *> m_buttons;
    QList<QWidget *> m_widgets;
};

} // namespace Junction
