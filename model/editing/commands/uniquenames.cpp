// SPDX-License-Identifier: MIT
#include "uniquenames.h"

namespace Junction {

namespace {

// "Model10" -> ("Model", 10); "User" -> ("User", 1): numbering starts at 2. A name of
// digits only ("2024") keeps them as its stem: "20242".
std::pair<QString, qint64> stemAndNumber(const QString &name)
{
    qsizetype digits = name.size();
    while (digits > 0 && name.at(digits - 1) >= u'0' && name.at(digits - 1) <= u'9')
        --digits;
    if (digits > 0 && digits < name.size()) {
        bool ok = false;
        const qint64 number = QStringView(name).mid(digits).toLongLong(&ok);
        if (ok)
            return {name.left(digits), number};
    }
    return {name, 1};
}

} // namespace

QString uniqueName(const QString &name, const QSet<QString> &taken, const QString &fallback)
{
    const QString wanted = name.isEmpty() ? fallback : name;
    if (!taken.contains(wanted))
        return wanted;
    const auto [stem, number] = stemAndNumber(wanted);
    for (qint64 n = number + 1;; ++n) {
        const QString candidate = stem + QString::number(n);
        if (!taken.contains(candidate))
            return candidate;
    }
}

UniqueNames::UniqueNames(QSet<QString> taken)
    : m_taken(std::move(taken))
{
}

QString UniqueNames::take(const QString &name, const QString &fallback)
{
    const QString wanted = name.isEmpty() ? fallback : name;
    if (!m_taken.contains(wanted)) {
        m_taken.insert(wanted);
        return wanted;
    }
    const auto [stem, number] = stemAndNumber(wanted);
    auto run = m_takenRun.find(stem);
    qint64 n = number + 1;
    if (run != m_takenRun.end() && run->first <= n && n < run->second)
        n = run->second;
    const qint64 start = number + 1;
    QString candidate;
    for (;; ++n) {
        candidate = stem + QString::number(n);
        if (!m_taken.contains(candidate))
            break;
    }
    m_taken.insert(candidate);
    // [start, n] is taken now; join it with a run it touches.
    if (run == m_takenRun.end())
        m_takenRun.insert(stem, {start, n + 1});
    else if (run->first <= n + 1 && start <= run->second)
        *run = {std::min(run->first, start), std::max(run->second, n + 1)};
    else
        *run = {start, n + 1};
    return candidate;
}

} // namespace Junction
