// SPDX-License-Identifier: MIT
#include "icons.h"

#include <QAction>
#include <QFile>
#include <QGuiApplication>
#include <QHash>
#include <QIconEngine>
#include <QMenu>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QSvgRenderer>

namespace Junction::Icons {

namespace {

// Object names of the actions (and submenus) that have icons. Actions from every part of the window
// are listed here, so the toolbar and menus look like one set.
const QHash<QString, QString> &actionIcons()
{
    static const QHash<QString, QString> icons {
        {QStringLiteral("newAction"), QStringLiteral("new")},
        {QStringLiteral("openAction"), QStringLiteral("open")},
        {QStringLiteral("saveAction"), QStringLiteral("save")},
        {QStringLiteral("saveAsAction"), QStringLiteral("save-as")},
        {QStringLiteral("undoAction"), QStringLiteral("undo")},
        {QStringLiteral("redoAction"), QStringLiteral("redo")},
        {QStringLiteral("autoLayoutAction"), QStringLiteral("layout")},
        {QStringLiteral("fitAllAction"), QStringLiteral("fit")},
        {QStringLiteral("actualSizeAction"), QStringLiteral("zoom-100")},
        {QStringLiteral("zoomInAction"), QStringLiteral("zoom-in")},
        {QStringLiteral("zoomOutAction"), QStringLiteral("zoom-out")},
        {QStringLiteral("findModelAction"), QStringLiteral("search")},
        {QStringLiteral("minimapAction"), QStringLiteral("minimap")},
        {QStringLiteral("exportDiagramAction"), QStringLiteral("export")},
        {QStringLiteral("exportSelectionAction"), QStringLiteral("export")},
        {QStringLiteral("exportMenu"), QStringLiteral("export")},
        {QStringLiteral("connectionsAction"), QStringLiteral("database")},
        {QStringLiteral("syncAction"), QStringLiteral("sync")},
        {QStringLiteral("browseDataAction"), QStringLiteral("table")},
        {QStringLiteral("importDatabaseAction"), QStringLiteral("import")},
        {QStringLiteral("recentFilesMenu"), QStringLiteral("open")},
        {QStringLiteral("cutAction"), QStringLiteral("cut")},
        {QStringLiteral("copyAction"), QStringLiteral("copy")},
        {QStringLiteral("pasteAction"), QStringLiteral("paste")},
        {QStringLiteral("duplicateAction"), QStringLiteral("duplicate")},
        {QStringLiteral("deleteAction"), QStringLiteral("delete")},
        {QStringLiteral("addAttributeAction"), QStringLiteral("add-attribute")},
        {QStringLiteral("selectTool"), QStringLiteral("pointer")},
        {QStringLiteral("addModelTool"), QStringLiteral("add-model")},
        {QStringLiteral("associationTool"), QStringLiteral("association")},
        {QStringLiteral("belongsToTool"), QStringLiteral("belongs-to")},
        {QStringLiteral("hasOneTool"), QStringLiteral("has-one")},
        {QStringLiteral("hasManyTool"), QStringLiteral("has-many")},
        {QStringLiteral("belongsToManyTool"), QStringLiteral("belongs-to-many")},
        {QStringLiteral("alignLeftAction"), QStringLiteral("align-left")},
        {QStringLiteral("alignHCenterAction"), QStringLiteral("align-hcenter")},
        {QStringLiteral("alignRightAction"), QStringLiteral("align-right")},
        {QStringLiteral("alignTopAction"), QStringLiteral("align-top")},
        {QStringLiteral("alignVCenterAction"), QStringLiteral("align-vcenter")},
        {QStringLiteral("alignBottomAction"), QStringLiteral("align-bottom")},
        {QStringLiteral("distributeHorizontallyAction"), QStringLiteral("distribute-horizontal")},
        {QStringLiteral("distributeVerticallyAction"), QStringLiteral("distribute-vertical")},
    };
    return icons;
}

QColor colorFor(QIcon::Mode mode)
{
    const QPalette palette = QGuiApplication::palette();
    switch (mode) {
    case QIcon::Disabled:
        return palette.color(QPalette::Disabled, QPalette::WindowText);
    case QIcon::Selected:
        return palette.color(QPalette::Active, QPalette::HighlightedText);
    case QIcon::Normal:
    case QIcon::Active:
        break;
    }
    return palette.color(QPalette::Active, QPalette::WindowText);
}

// Renders the SVG in the palette's colour for the mode, at whatever size is asked.
class ThemedSvgIconEngine : public QIconEngine
{
public:
    explicit ThemedSvgIconEngine(const QByteArray &svg)
        : m_svg(svg)
    {
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        QSvgRenderer renderer(coloured(mode));
        renderer.render(painter, rect);
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        const QColor color = colorFor(mode);
        const QString key
            = QStringLiteral("%1x%2-%3").arg(size.width()).arg(size.height()).arg(color.rgba());
        if (const auto it = m_cache.constFind(key); it != m_cache.cend())
            return *it;
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        painter.end();
        if (m_cache.size() > 32) // sizes x modes x palettes stays small; never unbounded
            m_cache.clear();
        m_cache.insert(key, pixmap);
        return pixmap;
    }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }
    QIconEngine *clone() const override { return new ThemedSvgIconEngine(m_svg); }
    QString key() const override { return QStringLiteral("JunctionThemedSvg"); }
    bool isNull() override { return m_svg.isEmpty(); }

private:
    QByteArray coloured(QIcon::Mode mode) const
    {
        QByteArray svg = m_svg;
        return svg.replace("currentColor", colorFor(mode).name(QColor::HexRgb).toLatin1());
    }

    QByteArray m_svg;
    QHash<QString, QPixmap> m_cache;
};

} // namespace

QIcon icon(const QString &name)
{
    QFile file(QStringLiteral(":/icons/%1.svg").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QIcon(new ThemedSvgIconEngine(file.readAll()));
}

QString nameForAction(const QString &objectName)
{
    return actionIcons().value(objectName);
}

void decorate(QAction *action, const QString &iconName)
{
    if (!iconName.isEmpty())
        action->setIcon(icon(iconName));
    // A toolbar button shows only the icon: the tooltip names the action and its key.
    const QKeySequence shortcut = action->shortcut();
    QString text = action->iconText();
    if (!shortcut.isEmpty())
        text = QStringLiteral("%1 (%2)").arg(text, shortcut.toString(QKeySequence::NativeText));
    action->setToolTip(text);
}

void decorate(QObject *root)
{
    // Submenus show an icon beside their title too.
    const QList<QMenu *> menus = root->findChildren<QMenu *>();
    for (QMenu *menu : menus) {
        const QString name = actionIcons().value(menu->objectName());
        if (!name.isEmpty() && menu->icon().isNull())
            menu->setIcon(icon(name));
    }
    const QList<QAction *> actions = root->findChildren<QAction *>();
    for (QAction *action : actions) {
        const QString name = nameForAction(action->objectName());
        if (!name.isEmpty() && action->icon().isNull())
            decorate(action, name);
    }
}

} // namespace Junction::Icons
