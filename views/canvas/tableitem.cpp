// SPDX-License-Identifier: MIT
#include "tableitem.h"

#include "associationitem.h"
#include "canvastheme.h"
#include "resolvedschema.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace Junction {

namespace {

constexpr qreal padding = 8;
constexpr qreal gap = 12;
constexpr qreal radius = 5;
constexpr qreal minimumWidth = 140;

QFont bodyFont()
{
    return QGuiApplication::font();
}

QFont titleFont()
{
    QFont font = QGuiApplication::font();
    font.setBold(true);
    return font;
}

QFont smallFont()
{
    QFont font = QGuiApplication::font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    return font;
}

QFont noteFont()
{
    QFont font = smallFont();
    font.setItalic(true);
    return font;
}

} // namespace

TableItem::TableItem(const EntityId &entity, const QString &tableName)
    : m_entity(entity)
    , m_tableName(tableName)
{
    setFlags(ItemIsSelectable | ItemSendsGeometryChanges
             | (isDerived() ? GraphicsItemFlags() : GraphicsItemFlags(ItemIsMovable)));
    // No item cache: bench_canvas found the per-item pixmaps no faster to show than painting,
    // and at 10,000 boxes they cost memory and a re-render at every zoom step.
    layoutRows();
}

TableItem::Content TableItem::contentOf(const ResolvedTable &table, const ResolvedSchema &schema,
                                        bool inCycle)
{
    Content content;
    content.inCycle = inCycle;
    if (table.isCreatedJunction()) {
        content.title = table.name;
        content.subtitle = QStringLiteral("junction table");
    } else {
        content.title = table.entityName;
        if (table.name != table.entityName)
            content.subtitle = table.name;
    }
    content.rows.reserve(table.columns.size());
    for (const ResolvedColumn &column : table.columns) {
        Row row;
        row.name = column.name;
        row.type = column.type.toString();
        const bool foreignKey = !column.association.isNull();
        QStringList tags;
        if (column.primaryKey)
            tags << QStringLiteral("PK");
        if (foreignKey)
            tags << QStringLiteral("FK");
        row.tag = tags.join(QLatin1Char(' '));
        row.generated = column.origin != ResolvedColumn::Origin::Declared;
        if (foreignKey) {
            if (const ResolvedAssociation *association = schema.association(column.association))
                row.note = association->source + QLatin1Char('.') + association->as;
        } else if (column.origin == ResolvedColumn::Origin::ImplicitId) {
            row.note = QStringLiteral("implicit");
        } else if (column.origin == ResolvedColumn::Origin::Timestamp) {
            row.note = QStringLiteral("timestamps");
        }
        content.rows.append(row);
    }
    return content;
}

bool TableItem::setContent(const Content &content)
{
    if (content == m_content)
        return false;
    prepareGeometryChange();
    m_content = content;
    layoutRows();
    update();
    updateEdges();
    return true;
}

void TableItem::layoutRows()
{
    const QFontMetricsF title(titleFont());
    const QFontMetricsF body(bodyFont());
    const QFontMetricsF small(smallFont());
    const QFontMetricsF note(noteFont());

    qreal tagWidth = 0;
    qreal nameWidth = 0;
    qreal typeWidth = 0;
    qreal noteWidth = 0;
    for (const Row &row : std::as_const(m_content.rows)) {
        tagWidth = qMax(tagWidth, small.horizontalAdvance(row.tag));
        nameWidth = qMax(nameWidth, body.horizontalAdvance(row.name));
        typeWidth = qMax(typeWidth, small.horizontalAdvance(row.type));
        noteWidth = qMax(noteWidth, note.horizontalAdvance(row.note));
    }

    m_titleWidth = title.horizontalAdvance(m_content.title);
    m_headerHeight = title.height() + 2 * padding;
    m_rowHeight = body.height() + 4;
    m_nameX = padding + (tagWidth > 0 ? tagWidth + padding : 0);
    m_typeX = m_nameX + nameWidth + gap;
    m_noteX = m_typeX + typeWidth + (noteWidth > 0 ? gap : 0);
    const qreal rowsWidth = m_noteX + noteWidth + padding;
    const qreal headerWidth = title.horizontalAdvance(m_content.title)
        + (m_content.subtitle.isEmpty() ? 0 : gap + small.horizontalAdvance(m_content.subtitle))
        + 2 * padding;
    const qreal height = m_headerHeight + m_content.rows.size() * m_rowHeight
        + (m_content.rows.isEmpty() ? 0 : padding / 2);
    m_size = QSizeF(std::ceil(qMax(minimumWidth, qMax(rowsWidth, headerWidth))), std::ceil(height));
}

QRectF TableItem::boundingRect() const
{
    // The selection outline is drawn 1.5 px outside the box.
    return QRectF(QPointF(0, 0), m_size).adjusted(-2, -2, 2, 2);
}

void TableItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal zoom = option->levelOfDetailFromTransform(painter->worldTransform());
    const CanvasTheme &theme = CanvasTheme::current();
    const QRectF box(QPointF(0, 0), m_size);
    const bool derived = isDerived();
    painter->setRenderHint(QPainter::Antialiasing);
    QPen border(isSelected()            ? theme.selected
                    : m_content.inCycle ? theme.error
                                        : theme.border,
                isSelected() || m_content.inCycle ? 2.5 : 1);
    if (derived && !isSelected())
        border.setStyle(Qt::DashLine);

    if (zoom < outlineZoom) {
        // A whole large schema in view: a plain rectangle is all that shows (and at 10,000
        // boxes text layout and rounded corners are what fit-all would spend its time on).
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->fillRect(box,
                          isSelected()  ? theme.selected
                              : derived ? theme.derivedHeader
                                        : theme.header);
        return;
    }
    if (zoom < detailZoom) {
        // Far out rows cannot be read: a box in the header colour with the name as large
        // as the box allows (at most three times the normal size).
        painter->setPen(isSelected() ? border : QPen(Qt::NoPen));
        painter->setBrush(derived ? theme.derivedHeader : theme.header);
        painter->drawRoundedRect(box, radius, radius);
        QFont font = titleFont();
        if (m_titleWidth > 0)
            font.setPointSizeF(font.pointSizeF()
                               * qBound(1.0, m_size.width() * 0.85 / m_titleWidth, 3.0));
        painter->setFont(font);
        painter->setPen(theme.headerText);
        painter->drawText(box, Qt::AlignCenter, m_content.title);
        return;
    }

    painter->setPen(border);
    painter->setBrush(derived ? theme.derivedBody : theme.body);
    painter->drawRoundedRect(box, radius, radius);

    // The header: a rounded top over a square bottom edge.
    const QRectF header(0, 0, m_size.width(), m_headerHeight);
    QPainterPath headerPath;
    headerPath.setFillRule(Qt::WindingFill); // the two shapes overlap: fill both, not the xor
    headerPath.addRoundedRect(header, radius, radius);
    headerPath.addRect(header.adjusted(0, radius, 0, 0));
    painter->setPen(Qt::NoPen);
    painter->setBrush(derived ? theme.derivedHeader : theme.header);
    painter->drawPath(headerPath);

    painter->setPen(theme.headerText);
    painter->setFont(titleFont());
    const QRectF titleRect = header.adjusted(padding, 0, -padding, 0);
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter, m_content.title);
    if (!m_content.subtitle.isEmpty()) {
        painter->setFont(smallFont());
        QColor subtitle = theme.headerText;
        subtitle.setAlpha(190);
        painter->setPen(subtitle);
        painter->drawText(titleRect, Qt::AlignRight | Qt::AlignVCenter, m_content.subtitle);
    }

    const QFont body = bodyFont();
    const QFont small = smallFont();
    const QFont note = noteFont();
    qreal y = m_headerHeight + padding / 4;
    for (const Row &row : std::as_const(m_content.rows)) {
        const QColor color = row.generated ? theme.generated : theme.text;
        if (!row.tag.isEmpty()) {
            painter->setFont(small);
            painter->setPen(row.generated ? theme.generated : theme.type);
            painter->drawText(QRectF(padding, y, m_nameX - padding, m_rowHeight),
                              Qt::AlignLeft | Qt::AlignVCenter, row.tag);
        }
        QFont nameFont = body;
        nameFont.setItalic(row.generated);
        painter->setFont(nameFont);
        painter->setPen(color);
        painter->drawText(QRectF(m_nameX, y, m_typeX - m_nameX, m_rowHeight),
                          Qt::AlignLeft | Qt::AlignVCenter, row.name);
        painter->setFont(small);
        painter->setPen(row.generated ? theme.generated : theme.type);
        painter->drawText(QRectF(m_typeX, y, m_noteX - m_typeX, m_rowHeight),
                          Qt::AlignLeft | Qt::AlignVCenter, row.type);
        if (!row.note.isEmpty()) {
            painter->setFont(note);
            painter->setPen(theme.generated);
            painter->drawText(QRectF(m_noteX, y, m_size.width() - m_noteX, m_rowHeight),
                              Qt::AlignLeft | Qt::AlignVCenter, row.note);
        }
        y += m_rowHeight;
    }
}

QVariant TableItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged)
        updateEdges();
    return QGraphicsItem::itemChange(change, value);
}

void TableItem::updateEdges()
{
    for (AssociationItem *edge : std::as_const(m_edges))
        edge->updateGeometry();
}

} // namespace Junction
