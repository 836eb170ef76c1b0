// SPDX-License-Identifier: MIT
#pragma once

#include <QGraphicsItem>

namespace Junction {

// Every canvas item's type(), in one place so qgraphicsitem_cast never confuses two kinds.
enum ItemType {
    TableItemType = QGraphicsItem::UserType + 1,
    AssociationItemType,
    AddAttributeHandleType,
};

} // namespace Junction
