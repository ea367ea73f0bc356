#pragma once

#include "displaylanguage.h"
#include "filmlistmodel.h"
#include "nownextmodel.h"
#include "programme.h"
#include "screeninglistmodel.h"
#include "venuelistmodel.h"

#include <QObject>

namespace fest {

// The programme the kiosk shows, and the list models built from it. A new version
// comes from the retained fest/v1/programme message or from a file (demo, tests):
//   {"type":"programme","v":1,"version":7,"hash":"...","programme":{...ProgrammeJson...}}
// A file may also hold a bare programme (ProgrammeJson), taken as version 0. A message
// that cannot be read leaves the current programme on screen.
class ProgrammeFeed : public QObject
{
    Q_OBJECT
public:
    enum class Error { NoError, Unreadable, Malformed, WrongType };
    Q_ENUM(Error)

    explicit ProgrammeFeed(QObject *parent = nullptr);

    bool applyMessage(const QByteArray &payload, QString *error = nullptr);
    bool loadFile(const QString &path, QString *error = nullptr);
    void apply(const Programme &programme, qint64 version, const QString &hash = {});

    void setLanguage(DisplayLanguage::Language language);
    qint64 version() const { return m_version; }
    QString hash() const { return m_hash; }
    const Programme &programme() const { return m_programme; }
    Error error() const { return m_error; }

    VenueListModel *venues() { return &m_venues; }
    FilmListModel *films() { return &m_films; }
    ScreeningListModel *screenings() { return &m_screenings; }
    NowNextModel *nowNext() { return &m_nowNext; }
    const VenueListModel *venues() const { return &m_venues; }
    const FilmListModel *films() const { return &m_films; }
    const ScreeningListModel *screenings() const { return &m_screenings; }

signals:
    void programmeChanged();
    void errorChanged();

private:
    bool decode(const QByteArray &bytes, bool allowBare, QString *error);
    bool fail(Error error, const QString &why, QString *out);

    Programme m_programme;
    qint64 m_version = -1;
    QString m_hash;
    Error m_error = Error::NoError;
    VenueListModel m_venues;
    FilmListModel m_films;
    ScreeningListModel m_screenings;
    NowNextModel m_nowNext;
};

} // namespace fest
