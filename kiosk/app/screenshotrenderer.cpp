#include "screenshotrenderer.h"

#include "kiosk.h"

#include <QDir>
#include <QImage>
#include <QQuickWindow>
#include <QTimer>

namespace fest {

ScreenshotRenderer::ScreenshotRenderer(Kiosk *kiosk, QQuickWindow *window, const QString &dir, QObject *parent)
    : QObject(parent)
    , m_kiosk(kiosk)
    , m_window(window)
    , m_dir(dir)
    , m_shots(defaultShots(kiosk))
{
}

QList<ScreenshotRenderer::Shot> ScreenshotRenderer::defaultShots(Kiosk *kiosk)
{
    // The film with the most to show: a synopsis and an award category, if any has them.
    QString film;
    const FilmListModel *films = kiosk->films();
    for (int row = 0; row < films->rowCount() && film.isEmpty(); ++row) {
        const QModelIndex i = films->index(row);
        if (!i.data(FilmListModel::CategoryIdsRole).toStringList().isEmpty())
            film = i.data(FilmListModel::IdRole).toString();
    }
    if (film.isEmpty() && films->rowCount() > 0)
        film = films->index(0).data(FilmListModel::IdRole).toString();
    // The first block of several films.
    QString block;
    const ScreeningListModel *screenings = kiosk->screenings();
    for (int row = 0; row < screenings->rowCount() && block.isEmpty(); ++row) {
        const QModelIndex i = screenings->index(row);
        if (i.data(ScreeningListModel::FilmIdsRole).toStringList().size() > 1)
            block = i.data(ScreeningListModel::IdRole).toString();
    }
    return {{"home", {}}, {"programme", {}}, {"search", {}}, {"film", film}, {"screening", block},
            {"vote-choose", {}}, {"vote-code", {}}, {"vote-mistyped", {}}, {"vote-rate", {}},
            {"vote-thanks", {}}, {"vote-saved", {}}, {"vote-used", {}}, {"vote-closed", {}},
            {"staff", {}}, {"ceremony", {}}, {"ceremony-intro", {}}, {"ceremony-title", {}},
            {"ceremony-nominee", {}}, {"ceremony-reveal", {}}};
}

void ScreenshotRenderer::start()
{
    QDir().mkpath(m_dir);
    m_index = 0;
    next();
}

void ScreenshotRenderer::next()
{
    const int perLanguage = int(m_shots.size());
    const int perReading = perLanguage * 2;
    const int perOrientation = perReading * 2;
    const int total = perOrientation * int(orientations().size());
    if (m_index >= total) {
        emit done();
        return;
    }
    const int orientation = m_index / perOrientation;
    const int language = (m_index / perLanguage) % 2;
    const Shot &shot = m_shots.at(m_index % perLanguage);
    const QSize size = orientations().at(orientation);
    if (m_window->size() != size)
        m_window->resize(size);
    m_kiosk->resetToHome();
    m_kiosk->setLanguage(language == 0 ? QStringLiteral("en") : QStringLiteral("zh_HK"));
    applyReadingHelp();
    m_kiosk->showScreen(shot.screen, shot.argument);
    // Let bindings, layouts and transitions settle before the grab.
    QTimer::singleShot(400, this, &ScreenshotRenderer::grab);
}

bool ScreenshotRenderer::largeShot() const
{
    return (m_index / (int(m_shots.size()) * 2)) % 2 == 1;
}

bool ScreenshotRenderer::applyReadingHelp()
{
    // The reading help a visitor can turn on: larger text and high contrast together.
    const bool large = largeShot();
    if (m_kiosk->largeText() == large && m_kiosk->highContrast() == large)
        return false;
    m_kiosk->setLargeText(large);
    m_kiosk->setHighContrast(large);
    return true;
}

void ScreenshotRenderer::grab()
{
    const int perLanguage = int(m_shots.size());
    // The ceremony's screens reset the kiosk (reading help off) when they start or end,
    // possibly after next() asked for the reading help: ask again and let it settle.
    if (applyReadingHelp()) {
        QTimer::singleShot(300, this, &ScreenshotRenderer::grab);
        return;
    }
    const QString name = QStringLiteral("%1-%2-%3%4.png")
                             .arg(m_window->width() > m_window->height() ? u"landscape" : u"portrait",
                                  m_kiosk->language(), largeShot() ? u"large-" : u"",
                                  m_shots.at(m_index % perLanguage).screen);
    const QString path = QDir(m_dir).filePath(name);
    const QImage image = m_window->grabWindow();
    if (image.isNull() || !image.save(path))
        m_failures << path;
    else
        m_written << path;
    ++m_index;
    next();
}

} // namespace fest
