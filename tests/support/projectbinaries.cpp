#include "projectbinaries.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace fest {

QString projectBinaryDir()
{
    const QString root = qEnvironmentVariable("FEST_BINARY_DIR");
    if (!root.isEmpty())
        return QDir(root).filePath(QStringLiteral("bin"));
    return QCoreApplication::applicationDirPath();
}

QString projectBinary(const QString &name)
{
    const QFileInfo info(QDir(projectBinaryDir()).filePath(name));
    return info.isFile() && info.isExecutable() ? info.absoluteFilePath() : QString();
}

} // namespace fest
