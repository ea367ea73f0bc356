#pragma once

#include "httpresponse.h"

#include <QString>

namespace fest {

// The web app's files under one root folder. A request path is served only when every
// level is a plain name (no "..", no ".", no hidden files, no backslashes or NULs) and
// the file, with symbolic links resolved, still lies inside the root: nothing outside
// the web root can be read, however the path is encoded.
class StaticFiles
{
public:
    static constexpr qint64 maxFileBytes = 32 * 1024 * 1024;

    explicit StaticFiles(const QString &root);

    // decodedPath: the URL path with percent-encoding removed. "/" serves index.html.
    HttpResponse get(const QString &decodedPath) const;

    // The absolute file a path maps to, or empty when it is refused or missing.
    QString resolve(const QString &decodedPath) const;
    static QByteArray contentType(const QString &fileName);

private:
    QString m_root;   // canonical, no trailing slash
};

} // namespace fest
