#include "topicfilter.h"

#include "topics.h"

#include <QStringList>

namespace fest {

QString TopicFilter::problem(const QString &filter)
{
    const QString served = Topics::root() + QLatin1Char('/');
    if (filter.isEmpty())
        return QStringLiteral("the filter is empty: give a topic filter such as %1").arg(Topics::nodeStatus(QStringLiteral("+")));
    if (filter.size() > maxLength)
        return QStringLiteral("the filter is %1 characters long, over the limit of %2").arg(filter.size()).arg(maxLength);
    if (!filter.startsWith(served))
        return QStringLiteral("only topics under %1 are served; \"%2\" is not").arg(served, filter);
    if (filter.contains(QChar(0)))
        return QStringLiteral("the filter contains a NUL character");
    const QStringList levels = filter.split(QLatin1Char('/'));
    for (qsizetype i = 0; i < levels.size(); ++i) {
        const QString &level = levels.at(i);
        if (level == QLatin1String("#")) {
            if (i != levels.size() - 1)
                return QStringLiteral("'#' must be the last level of the filter \"%1\"").arg(filter);
        } else if (level != QLatin1String("+") && (level.contains(QLatin1Char('+')) || level.contains(QLatin1Char('#')))) {
            return QStringLiteral("wildcards must fill a whole level of the filter \"%1\"").arg(filter);
        }
    }
    return {};
}

bool TopicFilter::matches(const QString &filter, const QString &topic)
{
    const QStringList want = filter.split(QLatin1Char('/'));
    const QStringList have = topic.split(QLatin1Char('/'));
    for (qsizetype i = 0; i < want.size(); ++i) {
        if (want.at(i) == QLatin1String("#"))
            return true;   // also matches the parent level itself ("a/#" matches "a")
        if (i >= have.size())
            return false;
        if (want.at(i) != QLatin1String("+") && want.at(i) != have.at(i))
            return false;
    }
    return want.size() == have.size();
}

} // namespace fest
