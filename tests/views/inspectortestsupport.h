// SPDX-License-Identifier: MIT
#pragma once

// What the inspector tests do with real widgets: type into fields, pick in combo popups,
// edit and toggle table cells by keyboard; and what they read back (DDL, a model's table).

#include "ddlgenerator.h"
#include "document.h"
#include "mainwindow.h"
#include "viewtestsupport.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QTableView>
#include <QTest>

namespace Junction::Testing {

inline QString ddlOf(const Document &document, Dialect::Kind kind = Dialect::Kind::Sqlite)
{
    return DdlGenerator::script(DdlGenerator(Dialect::get(kind)).schema(document.resolved()));
}

// After an edit, as a user pausing: what the pages derive from the resolve (placeholders,
// defaults, accessors, previews, generated rows) follows it once it is resolved off the UI
// thread (Document::resolvedChanged).
inline void settle(QWidget *field)
{
    MainWindow *window = nullptr; // a floating dock is a window of its own, still its child
    for (QWidget *widget = field; widget && !window; widget = widget->parentWidget())
        window = qobject_cast<MainWindow *>(widget);
    QVERIFY2(window, "the field is not in a MainWindow");
    QVERIFY(waitUntilSettled(window));
}

// Replaces a field's text by typing, as a user would: focus, select all, type.
inline void typeInto(QWidget *field, const QString &text)
{
    field->setFocus();
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    if (text.isEmpty())
        QTest::keyClick(field, Qt::Key_Backspace);
    QTest::keyClicks(field, text);
    settle(field);
}

// Picks an item in a combo box's popup: open it, arrows to the item, Enter. One
// `activated`, as with a mouse pick.
inline void choose(QComboBox *combo, const QString &text)
{
    const int row = combo->findText(text);
    QVERIFY2(
        row >= 0,
        qPrintable(
            QStringLiteral("%1 has no item %2: %3").arg(combo->objectName(), text).arg([combo] {
                QStringList items;
                for (int i = 0; i < combo->count(); ++i)
                    items << combo->itemText(i);
                return items.join(QStringLiteral(", "));
            }())));
    combo->showPopup();
    QAbstractItemView *list = combo->view();
    QTRY_VERIFY(list->isVisible());
    QTest::keyClick(list, Qt::Key_Home);
    for (int i = 0; i < row; ++i)
        QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(list->currentIndex().row(), row);
    QTest::keyClick(list, Qt::Key_Return);
    QTRY_VERIFY(!list->isVisible());
    QCOMPARE(combo->currentText(), text);
    settle(combo);
}

// Makes a cell current by keyboard: a click on the row's first cell, then arrows to the
// column.
inline void goToCell(QTableView *view, int row, int column)
{
    const QModelIndex first = view->model()->index(row, 0);
    view->scrollTo(first);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(first).center());
    for (int i = 0; i < column; ++i)
        QTest::keyClick(view, Qt::Key_Right);
    QCOMPARE(view->currentIndex(), view->model()->index(row, column));
}

// Edits a text cell: F2, type over the selected text, Enter.
inline void editCell(QTableView *view, int row, int column, const QString &text)
{
    goToCell(view, row, column);
    QTest::keyClick(view, Qt::Key_F2);
    QWidget *editor = QApplication::focusWidget();
    QVERIFY(editor && editor != view);
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    if (text.isEmpty())
        QTest::keyClick(editor, Qt::Key_Backspace);
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
    QCoreApplication::processEvents(); // the delegate commits in a queued call
    QCoreApplication::processEvents(); // and a refused cell opens again in one
    settle(view);
}

inline void toggleCell(QTableView *view, int row, int column)
{
    goToCell(view, row, column);
    QTest::keyClick(view, Qt::Key_Space);
    settle(view);
}

// One CREATE TABLE statement of a script.
inline QString tableDdl(const QString &ddl, const char *table)
{
    const qsizetype at
        = ddl.indexOf(QStringLiteral("CREATE TABLE \"%1\"").arg(QString::fromUtf8(table)));
    return at < 0 ? QString() : ddl.mid(at, ddl.indexOf(QLatin1String(");"), at) - at);
}

inline const Attribute *attributeNamed(const Document &document, const char *model,
                                       const char *name)
{
    const Entity *entity = document.project().entity(QString::fromUtf8(model));
    return entity ? entity->attribute(QString::fromUtf8(name)) : nullptr;
}

} // namespace Junction::Testing
