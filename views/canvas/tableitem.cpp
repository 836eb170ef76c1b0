// SPDX-License-Identifier: MIT
#include "tableitem.h"

#include "associationitem.h"
#include "canvastheme.h"
#include "resolvedschema.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <QStaticText>
#include <QStyleOptionGraphicsItem>

#include <unordered_map>

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

// The four fonts of a box with their metrics and the widths of the strings measured so far.
// Shaping a string is what building 10,000 boxes spent most of its time on, and the same
// names (field names, types, "implicit") come back in box after box. Rebuilt when the
// application font changes. GUI thread only, like the items.
class BoxFonts
{
public:
    enum Kind { Title, Body, Small, Note, BodyItalic, KindCount };

    static BoxFonts &instance()
    {
        static BoxFonts fonts;
        if (fonts.m_base != QGuiApplication::font())
            fonts.reset();
        return fonts;
    }

    const QFont &font(Kind kind) const { return m_fonts[kind]; }
    const QFontMetricsF &metrics(Kind kind) const { return m_metrics[kind]; }
    qreal width(Kind kind, const QString &text)
    {
        if (text.isEmpty())
            return 0;
        Widths &widths = m_widths[kind];
        auto it = widths.find(text);
        if (it == widths.end()) {
            if (widths.size() > 100000) // generated names can be unique: bound the memory
                widths.clear();
            it = widths.emplace(text, m_metrics[kind].horizontalAdvance(text)).first;
        }
        return it->second;
    }

    // Draws `text` in the painter's current font, which must be font(kind), with its baseline
    // at `baseline`. A shared layout per string (QStaticText) saves shaping it at every paint.
    void draw(QPainter *painter, Kind kind, const QPointF &baseline, const QString &text)
    {
        if (text.isEmpty())
            return;
        StaticTexts &texts = m_texts[kind];
        auto it = texts.find(text);
        if (it == texts.end()) {
            if (texts.size() > 20000) // generated names can be unique: bound the memory
                texts.clear();
            QStaticText staticText(text);
            staticText.setTextFormat(Qt::PlainText);
            it = texts.emplace(text, staticText).first;
        }
        painter->drawStaticText(baseline - QPointF(0, m_metrics[kind].ascent()), it->second);
    }

private:
    BoxFonts() { reset(); }
    void reset()
    {
        m_base = QGuiApplication::font();
        QFont italic = bodyFont();
        italic.setItalic(true);
        m_fonts = {titleFont(), bodyFont(), smallFont(), noteFont(), italic};
        m_metrics.clear();
        for (const QFont &font : std::as_const(m_fonts))
            m_metrics.append(QFontMetricsF(font));
        for (auto &widths : m_widths)
            widths.clear();
        for (auto &texts : m_texts)
            texts.clear();
    }

    // FNV-1a: names are short, and qHash's SipHash cost more than the lookups saved.
    struct ShortStringHash
    {
        size_t operator()(const QString &text) const noexcept
        {
            size_t hash = 14695981039346656037ull;
            for (const QChar c : text)
                hash = (hash ^ c.unicode()) * 1099511628211ull;
            return hash;
        }
    };
    using Widths = std::unordered_map<QString, qreal, ShortStringHash>;
    using StaticTexts = std::unordered_map<QString, QStaticText, ShortStringHash>;

    QFont m_base;
    QList<QFont> m_fonts;
    QList<QFontMetricsF> m_metrics;
    Widths m_widths[KindCount];
    StaticTexts m_texts[KindCount];
};

const QColor differsColor(0xe0, 0x8a, 0x00); // differs from the database

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
    BoxFonts &fonts = BoxFonts::instance();
    const QFontMetricsF &title = fonts.metrics(BoxFonts::Title);
    const QFontMetricsF &body = fonts.metrics(BoxFonts::Body);

    qreal tagWidth = 0;
    qreal nameWidth = 0;
    qreal typeWidth = 0;
    qreal noteWidth = 0;
    for (const Row &row : std::as_const(m_content.rows)) {
        tagWidth = qMax(tagWidth, fonts.width(BoxFonts::Small, row.tag));
        nameWidth = qMax(nameWidth, fonts.width(BoxFonts::Body, row.name));
        typeWidth = qMax(typeWidth, fonts.width(BoxFonts::Small, row.type));
        noteWidth = qMax(noteWidth, fonts.width(BoxFonts::Note, row.note));
    }

    m_titleWidth = fonts.width(BoxFonts::Title, m_content.title);
    m_headerHeight = title.height() + 2 * padding;
    m_rowHeight = body.height() + 4;
    m_nameX = padding + (tagWidth > 0 ? tagWidth + padding : 0);
    m_typeX = m_nameX + nameWidth + gap;
    m_noteX = m_typeX + typeWidth + (noteWidth > 0 ? gap : 0);
    const qreal rowsWidth = m_noteX + noteWidth + padding;
    const qreal headerWidth = m_titleWidth
        + (m_content.subtitle.isEmpty() ? 0 : gap + fonts.width(BoxFonts::Small, m_content.subtitle))
        + 2 * padding;
    const qreal height = m_headerHeight + m_content.rows.size() * m_rowHeight
        + (m_content.rows.isEmpty() ? 0 : padding / 2);
    m_size = QSizeF(std::ceil(qMax(minimumWidth, qMax(rowsWidth, headerWidth))), std::ceil(height));
}

QRectF TableItem::boundingRect() const
{
    // The selection outline is drawn 1.5 px outside the box; the "differs" badge sits on
    // the top right corner.
    return QRectF(QPointF(0, 0), m_size).adjusted(-2, m_differs ? -8 : -2, m_differs ? 8 : 2, 2);
}

void TableItem::setSyncDifference(bool differs, const QSet<QString> &columns)
{
    if (differs == m_differs && columns == m_differingColumns)
        return;
    if (differs != m_differs)
        prepareGeometryChange();
    m_differs = differs;
    m_differingColumns = columns;
    update();
}

namespace {

void paintDifferenceBadge(QPainter *painter, const QSizeF &size)
{
    const QRectF badge(size.width() - 8, -8, 16, 16);
    painter->setPen(QPen(Qt::white, 1.5));
    painter->setBrush(differsColor);
    painter->drawEllipse(badge);
    QFont font = BoxFonts::instance().font(BoxFonts::Small);
    font.setBold(true);
    painter->setFont(font);
    painter->drawText(badge, Qt::AlignCenter, QStringLiteral("\u2260")); // ≠
}

} // namespace

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
        if (m_differs)
            paintDifferenceBadge(painter, m_size);
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

    // Text at precomputed baselines: a rectangle and alignment flags would lay every string
    // out again at each paint. Each string is centred vertically in its row as it was.
    BoxFonts &fonts = BoxFonts::instance();
    auto baseline = [&fonts](BoxFonts::Kind kind, qreal top, qreal height) {
        const QFontMetricsF &metrics = fonts.metrics(kind);
        return top + (height - metrics.height()) / 2 + metrics.ascent();
    };
    painter->setPen(theme.headerText);
    painter->setFont(fonts.font(BoxFonts::Title));
    fonts.draw(painter, BoxFonts::Title,
               QPointF(padding, baseline(BoxFonts::Title, 0, m_headerHeight)), m_content.title);
    if (!m_content.subtitle.isEmpty()) {
        painter->setFont(fonts.font(BoxFonts::Small));
        QColor subtitle = theme.headerText;
        subtitle.setAlpha(190);
        painter->setPen(subtitle);
        fonts.draw(painter, BoxFonts::Small,
                   QPointF(m_size.width() - padding
                               - fonts.width(BoxFonts::Small, m_content.subtitle),
                           baseline(BoxFonts::Small, 0, m_headerHeight)),
                   m_content.subtitle);
    }

    qreal y = m_headerHeight + padding / 4;
    const qreal smallOffset = baseline(BoxFonts::Small, 0, m_rowHeight);
    const qreal bodyOffset = baseline(BoxFonts::Body, 0, m_rowHeight);
    const qreal noteOffset = baseline(BoxFonts::Note, 0, m_rowHeight);
    for (const Row &row : std::as_const(m_content.rows)) {
        if (m_differs && m_differingColumns.contains(row.name))
            painter->fillRect(QRectF(1, y + 1, 3, m_rowHeight - 2), differsColor);
        const QColor color = row.generated ? theme.generated : theme.text;
        if (!row.tag.isEmpty()) {
            painter->setFont(fonts.font(BoxFonts::Small));
            painter->setPen(row.generated ? theme.generated : theme.type);
            fonts.draw(painter, BoxFonts::Small, QPointF(padding, y + smallOffset), row.tag);
        }
        const BoxFonts::Kind nameKind = row.generated ? BoxFonts::BodyItalic : BoxFonts::Body;
        painter->setFont(fonts.font(nameKind));
        painter->setPen(color);
        fonts.draw(painter, nameKind, QPointF(m_nameX, y + bodyOffset), row.name);
        painter->setFont(fonts.font(BoxFonts::Small));
        painter->setPen(row.generated ? theme.generated : theme.type);
        fonts.draw(painter, BoxFonts::Small, QPointF(m_typeX, y + smallOffset), row.type);
        if (!row.note.isEmpty()) {
            painter->setFont(fonts.font(BoxFonts::Note));
            painter->setPen(theme.generated);
            fonts.draw(painter, BoxFonts::Note, QPointF(m_noteX, y + noteOffset), row.note);
        }
        y += m_rowHeight;
    }
    if (m_differs)
        paintDifferenceBadge(painter, m_size);
}

QRectF TableItem::headerRect() const
{
    return QRectF(0, 0, m_size.width(), m_headerHeight);
}

QRectF TableItem::rowRect(int row) const
{
    // As paint() lays the rows out.
    return QRectF(0, m_headerHeight + padding / 4 + row * m_rowHeight, m_size.width(),
                  m_rowHeight);
}

TableItem::TextPlace TableItem::titlePlace(qreal zoom) const
{
    BoxFonts &fonts = BoxFonts::instance();
    if (zoom >= detailZoom) {
        return {QRectF(padding, 0, m_titleWidth, m_headerHeight), fonts.font(BoxFonts::Title)};
    }
    // As paint() draws it far out: larger, centred in the whole box.
    const qreal factor = m_titleWidth > 0
        ? qBound(1.0, m_size.width() * 0.85 / m_titleWidth, 3.0)
        : 1.0;
    QFont font = fonts.font(BoxFonts::Title);
    font.setPointSizeF(font.pointSizeF() * factor);
    const qreal width = m_titleWidth * factor;
    return {QRectF((m_size.width() - width) / 2, 0, width, m_size.height()), font};
}

TableItem::TextPlace TableItem::namePlace(int row) const
{
    const QRectF line = rowRect(row);
    const bool generated = row >= 0 && row < m_content.rows.size()
        && m_content.rows.at(row).generated;
    BoxFonts &fonts = BoxFonts::instance();
    return {QRectF(m_nameX, line.top(), m_typeX - gap - m_nameX, line.height()),
            fonts.font(generated ? BoxFonts::BodyItalic : BoxFonts::Body)};
}

TableItem::TextPlace TableItem::typePlace(int row) const
{
    const QRectF line = rowRect(row);
    return {QRectF(m_typeX, line.top(), m_size.width() - padding - m_typeX, line.height()),
            BoxFonts::instance().font(BoxFonts::Small)};
}

int TableItem::rowAt(const QPointF &point) const
{
    if (m_rowHeight <= 0 || point.x() < 0 || point.x() > m_size.width())
        return -1;
    const qreal y = point.y() - (m_headerHeight + padding / 4);
    if (y < 0)
        return -1;
    const int row = int(y / m_rowHeight);
    return row < m_content.rows.size() ? row : -1;
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
