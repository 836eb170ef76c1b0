// SPDX-License-Identifier: MIT
#pragma once

#include "itemtypes.h"

#include <QGraphicsItem>

namespace Junction {

// The "+ attribute" tab under the one selected model's box: a click adds an attribute and
// opens its row for typing (as Insert does). A child of the box, so it moves with it and
// goes with it; CanvasInteraction finds it through the box, never keeps a pointer to it.
class AddAttributeHandle : public QGraphicsItem
{
public:
    enum { Type = AddAttributeHandleType };

    explicit AddAttributeHandle(QGraphicsItem *box);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
               QWidget *widget = nullptr) override;

private:
    QString m_text;
    QSizeF m_size;
};

} // namespace Junction
