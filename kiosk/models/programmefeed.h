#pragma once

#include "displaylanguage.h"
#include "filmlistmodel.h"
#include "nownextmodel.h"
#include "programme.h"
#include "screeninglistmodel.h"
#include "venuelistmodel.h"

#include <QObject>
#include <QThreadPool>
#include <functional>
#include <optional>

namespace fest {

// The programme the kiosk shows, and the list models built from it. A new version
// comes from the retained fest/v1/programme message or from a file (demo, tests):
//   {"type":"programme","v":1,"version":7,"hash":"...","programme":{...ProgrammeJson...}}
// A file may also hold a bare programme (ProgrammeJson), taken as version 0. A message
// that cannot be read leaves the current programme on screen.
//
// Decoding a large programme (1,300 films) takes a few hundred milliseconds, so the
// kiosk decodes on a worker thread (the *InBackground calls) and only the model reset
// happens on this thread; one worker, so requests are applied in the order they were
// made. With a cache file, every programme
// message that decodes is kept there, so a kiosk restarted without a broker still shows
// the last programme it had.
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

    // The same, decoded on a worker thread; programmeChanged follows, or for a file that
    // cannot be used, fileFailed (a bad message or cache is only logged: the current
    // programme stays).
    void applyMessageInBackground(const QByteArray &payload);
    void loadFileInBackground(const QString &path);
    // Where bus messages are kept; loadCacheInBackground() reads it back (no file: nothing).
    void setCacheFile(const QString &path) { m_cacheFile = path; }
    QString cacheFile() const { return m_cacheFile; }
    bool loadCacheInBackground();

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
    const NowNextModel *nowNext() const { return &m_nowNext; }

signals:
    void programmeChanged();
    void errorChanged();
    void fileFailed(const QString &why);

private:
    enum class Source { Message, File, Cache };
    // What a worker hands back: a programme to apply, or why there is none.
    struct Decoded {
        std::optional<Programme> programme;
        qint64 version = 0;
        QString hash;
        Source source = Source::Message;
        bool unchanged = false;   // the version already shown (a retained message again)
        Error error = Error::NoError;
        QString why;
    };
    static Decoded decode(const QByteArray &bytes, Source source, qint64 currentVersion, const QString &currentHash);
    static Decoded read(const QString &path, Source source);
    static void keep(const QByteArray &message, const QString &cacheFile);
    bool take(Decoded decoded, QString *error);
    void inBackground(std::function<Decoded()> work);
    bool fail(Error error, const QString &why, QString *out);

    Programme m_programme;
    qint64 m_version = -1;
    QString m_hash;
    Error m_error = Error::NoError;
    QString m_cacheFile;
    VenueListModel m_venues;
    FilmListModel m_films;
    ScreeningListModel m_screenings;
    NowNextModel m_nowNext;
    // Last member: destroyed first, it waits for a running decode, whose result then
    // finds this object still alive (and is dropped with its pending events).
    QThreadPool m_worker;
};

} // namespace fest
