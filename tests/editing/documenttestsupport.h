// SPDX-License-Identifier: MIT
// Shared by the editing tests: the fixture, bytes of a project, readable byte comparisons.
#pragma once

#include "document.h"
#include "projectreader.h"
#include "projectwriter.h"

#include <QFile>
#include <QList>
#include <QTest>

namespace Junction::Testing {

inline QString s(const char *text)
{
    return QString::fromUtf8(text);
}

inline QList<EntityId> entityIds(std::initializer_list<const char *> ids)
{
    QList<EntityId> out;
    for (const char *id : ids)
        out.append(EntityId(QString::fromUtf8(id)));
    return out;
}

inline QString fixturePath()
{
    return QFINDTESTDATA(QStringLiteral(JUNCTION_TEST_DATA "/editing/designer.junction.json"));
}

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline std::unique_ptr<Document> openFixture()
{
    Diagnostics diagnostics;
    auto document = Document::open(fixturePath(), &diagnostics);
    if (!document)
        qFatal("fixture does not load: %s",
               diagnostics.isEmpty() ? "?" : qPrintable(diagnostics.first().message));
    document->setAutosaveInterval(0); // tests that want autosave turn it on
    return document;
}

inline QByteArray bytesOf(const Project &project)
{
    return ProjectWriter::toBytes(project);
}

inline QByteArray bytesOf(const Document &document)
{
    return ProjectWriter::toBytes(document.project());
}

// "" when equal, else the first differing line of each, for a readable failure.
inline QString difference(const QByteArray &actual, const QByteArray &expected)
{
    if (actual == expected)
        return {};
    const QList<QByteArray> a = actual.split('\n');
    const QList<QByteArray> e = expected.split('\n');
    for (int i = 0; i < std::max(a.size(), e.size()); ++i) {
        const QByteArray left = a.value(i, "<end>");
        const QByteArray right = e.value(i, "<end>");
        if (left != right)
            return QStringLiteral("line %1:\n  actual:   %2\n  expected: %3")
                .arg(i + 1)
                .arg(QString::fromUtf8(left), QString::fromUtf8(right));
    }
    return QStringLiteral("differ");
}

} // namespace Junction::Testing

#define JUNCTION_COMPARE_BYTES(actual, expected)                                               \
    do {                                                                                       \
        const QString why_ = Junction::Testing::difference((actual), (expected));              \
        QVERIFY2(why_.isEmpty(), qPrintable(why_));                                            \
    } while (false)
