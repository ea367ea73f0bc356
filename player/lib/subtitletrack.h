#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace fest {

// One language's subtitles for a film, read from an SRT or WebVTT file. The text of a
// cue is ready for a QML Text in StyledText format: everything escaped but italics,
// bold and underline, lines joined with <br>; positioning tags and styles are dropped
// (cinema subtitles sit at the bottom of the safe area).
class SubtitleTrack
{
public:
    struct Cue
    {
        qint64 startNs = 0;   // film position
        qint64 endNs = 0;
        QString text;
        int line = 0;         // where the cue starts in its file, for staff
    };

    // Larger than any real subtitle file (a 3-hour film's is ~200 KB).
    static constexpr qint64 maxBytes = 8 * 1024 * 1024;
    static constexpr qsizetype maxCues = 100'000;

    // nullopt with "<file> line <n>: <what is wrong and how to fix it>" when the file is
    // missing, not UTF-8 or malformed.
    static std::optional<SubtitleTrack> load(const QString &path, const QString &language, QString *error);
    static std::optional<SubtitleTrack> parse(const QByteArray &bytes, const QString &name, const QString &language,
                                              QString *error);

    // A track of cues read elsewhere (a film's own text track); `text` as raw cue text,
    // lines split by \n, in SRT's tags (markup=false) or Pango markup (markup=true).
    static SubtitleTrack fromCues(QList<Cue> cues, const QString &name, const QString &language, bool markup);

    QString language() const { return m_language; }
    void setLanguage(const QString &language) { m_language = language; }
    QString fileName() const { return m_name; }
    const QList<Cue> &cues() const { return m_cues; }
    // The text on screen at film position positionNs: every cue that covers it, in start
    // order, joined by <br>; empty when none does.
    QString textAt(qint64 positionNs) const;
    // The first film position after positionNs where the text changes (a cue starts or
    // ends); -1 when none does.
    qint64 nextChangeAfter(qint64 positionNs) const;

private:
    void index();   // sorts the cues by start and fills m_maxEndNs

    QString m_language;
    QString m_name;
    QList<Cue> m_cues;          // by start
    QList<qint64> m_maxEndNs;   // m_maxEndNs[i]: the latest end of cues 0..i (overlaps)
};

} // namespace fest
