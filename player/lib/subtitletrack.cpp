#include "subtitletrack.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>

#include <algorithm>

namespace fest {

namespace {

constexpr qint64 kMsNs = 1'000'000;

// "00:01:02,500 --> 00:01:04,000" (SRT) or "01:02.500 --> 01:04.000 line:90%" (WebVTT).
const QRegularExpression &timingPattern()
{
    static const QRegularExpression re(QStringLiteral(
        "\\A\\s*(?:(\\d{1,3}):)?(\\d{1,2}):(\\d{1,2})[,.](\\d{1,3})\\s*-->\\s*"
        "(?:(\\d{1,3}):)?(\\d{1,2}):(\\d{1,2})[,.](\\d{1,3})(?:\\s.*)?\\z"));
    return re;
}

// -1 when minutes or seconds are out of range.
qint64 timeNs(const QRegularExpressionMatch &m, int first)
{
    const qint64 h = m.captured(first).toLongLong();
    const qint64 min = m.captured(first + 1).toLongLong();
    const qint64 s = m.captured(first + 2).toLongLong();
    const QString fraction = m.captured(first + 3);
    if (min > 59 || s > 59)
        return -1;
    const qint64 ms = fraction.leftJustified(3, QLatin1Char('0')).toLongLong();
    return ((h * 60 + min) * 60 + s) * 1000 * kMsNs + ms * kMsNs;
}

QString decodeEntities(QString text)
{
    text.replace(QStringLiteral("&lt;"), QStringLiteral("<"));
    text.replace(QStringLiteral("&gt;"), QStringLiteral(">"));
    text.replace(QStringLiteral("&nbsp;"), QString(QChar(0xa0)));
    text.replace(QStringLiteral("&quot;"), QStringLiteral("\""));
    text.replace(QStringLiteral("&apos;"), QStringLiteral("'"));
    text.replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    return text;
}

// One line of cue text for StyledText: <i>, <b>, <u> kept, other tags and ASS overrides
// ("{\an8}") dropped, everything else escaped.
QString styledLine(const QString &raw, bool entities)
{
    static const QRegularExpression markup(QStringLiteral("<(?=[/A-Za-z0-9])[^<>]*>|\\{\\\\[^}]*\\}"));
    static const QRegularExpression kept(QStringLiteral("\\A</?[ibu]>\\z"), QRegularExpression::CaseInsensitiveOption);
    QString out;
    qsizetype at = 0;
    auto plain = [&](qsizetype from, qsizetype to) {
        const QString piece = raw.mid(from, to - from);
        out += (entities ? decodeEntities(piece) : piece).toHtmlEscaped();
    };
    for (auto it = markup.globalMatch(raw); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        plain(at, m.capturedStart());
        if (kept.match(m.captured()).hasMatch())
            out += m.captured().toLower();
        at = m.capturedEnd();
    }
    plain(at, raw.size());
    return out;
}

QString shown(const QString &line)
{
    const QString s = line.trimmed();
    return s.size() > 60 ? s.left(57) + QStringLiteral("...") : s;
}

} // namespace

std::optional<SubtitleTrack> SubtitleTrack::load(const QString &path, const QString &language, QString *error)
{
    const QFileInfo info(path);
    if (!info.exists() || !info.isFile()) {
        *error = QStringLiteral("%1: subtitle file is missing. Copy it into the media folder, or remove it from the film's "
                                "subtitleFiles.").arg(path);
        return std::nullopt;
    }
    if (info.size() > maxBytes) {
        *error = QStringLiteral("%1: %2 MB is larger than any subtitle file (%3 MB at most): is it the right file?")
                     .arg(path).arg(info.size() / (1024 * 1024)).arg(maxBytes / (1024 * 1024));
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: subtitle file cannot be read (%2). Check its permissions.").arg(path, file.errorString());
        return std::nullopt;
    }
    return parse(file.read(maxBytes + 1), path, language, error);
}

std::optional<SubtitleTrack> SubtitleTrack::parse(const QByteArray &bytes, const QString &name, const QString &language,
                                                  QString *error)
{
    auto fail = [&](int line, const QString &what) {
        *error = QStringLiteral("%1 line %2: %3").arg(name).arg(line).arg(what);
        return std::nullopt;
    };
    if (bytes.size() > maxBytes)
        return fail(1, QStringLiteral("the file is larger than any subtitle file (%1 MB at most)").arg(maxBytes / (1024 * 1024)));
    QByteArray data = bytes;
    if (data.startsWith("\xEF\xBB\xBF"))
        data.remove(0, 3);
    const QList<QByteArray> rawLines = data.split('\n');
    QStringList lines;
    lines.reserve(rawLines.size());
    for (qsizetype i = 0; i < rawLines.size(); ++i) {
        QByteArray raw = rawLines[i];
        if (raw.endsWith('\r'))
            raw.chop(1);
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString line = decoder.decode(raw);
        if (decoder.hasError())
            return fail(int(i + 1), QStringLiteral("this line is not UTF-8 text (a Big5 or Windows-1252 file?). Save the file "
                                                   "as UTF-8."));
        lines.append(line);
    }

    const bool webVtt = !lines.isEmpty() && lines.first().startsWith(QStringLiteral("WEBVTT"));
    const QString timingHint = webVtt ? QStringLiteral("00:01:00.000 --> 00:01:02.500")
                                      : QStringLiteral("00:01:00,000 --> 00:01:02,500");
    SubtitleTrack track;
    track.m_language = language;
    track.m_name = name;
    qsizetype i = 0;
    if (webVtt) {
        // The header block (WEBVTT and its metadata lines) ends at the first blank line.
        while (i < lines.size() && !lines[i].trimmed().isEmpty())
            ++i;
    }
    while (i < lines.size()) {
        if (lines[i].trimmed().isEmpty()) {
            ++i;
            continue;
        }
        const int blockLine = int(i + 1);
        if (webVtt && (lines[i].startsWith(QStringLiteral("NOTE")) || lines[i].startsWith(QStringLiteral("STYLE"))
                       || lines[i].startsWith(QStringLiteral("REGION")))) {
            while (i < lines.size() && !lines[i].trimmed().isEmpty())
                ++i;
            continue;
        }
        // A time line with a broken arrow ("->", "- ->") is the mistake, not an identifier.
        static const QRegularExpression brokenArrow(QStringLiteral("\\d[,.]\\d+\\s*[-=\\x{2013}\\x{2014}][- ]*>"));
        if (!lines[i].contains(QStringLiteral("-->")) && brokenArrow.match(lines[i]).hasMatch())
            return fail(blockLine, QStringLiteral("expected a time line like %1, found \"%2\"").arg(timingHint, shown(lines[i])));
        // A cue: an optional number (SRT) or identifier (WebVTT), then its time line.
        if (!lines[i].contains(QStringLiteral("-->"))) {
            bool number = false;
            lines[i].trimmed().toLongLong(&number);
            if (!webVtt && !number)
                return fail(blockLine, QStringLiteral("expected a cue number or a time line like %1, found \"%2\"")
                                           .arg(timingHint, shown(lines[i])));
            ++i;
            if (i >= lines.size() || lines[i].trimmed().isEmpty())
                return fail(blockLine, QStringLiteral("cue \"%1\" has no time line like %2")
                                           .arg(shown(lines[i - 1]), timingHint));
        }
        const int timingLine = int(i + 1);
        const QRegularExpressionMatch m = timingPattern().match(lines[i]);
        if (!m.hasMatch())
            return fail(timingLine, QStringLiteral("expected a time line like %1, found \"%2\"").arg(timingHint, shown(lines[i])));
        Cue cue;
        cue.startNs = timeNs(m, 1);
        cue.endNs = timeNs(m, 5);
        cue.line = timingLine;
        if (cue.startNs < 0 || cue.endNs < 0)
            return fail(timingLine, QStringLiteral("minutes and seconds go up to 59 (\"%1\")").arg(shown(lines[i])));
        if (cue.endNs <= cue.startNs)
            return fail(timingLine, QStringLiteral("the cue ends before it starts (\"%1\")").arg(shown(lines[i])));
        ++i;
        QStringList text;
        while (i < lines.size() && !lines[i].trimmed().isEmpty()) {
            if (!webVtt && timingPattern().match(lines[i]).hasMatch())
                return fail(int(i + 1), QStringLiteral("a time line inside the previous cue's text: put a blank line "
                                                       "between cues"));
            text << styledLine(lines[i], webVtt);
            ++i;
        }
        cue.text = text.join(QStringLiteral("<br>"));
        if (track.m_cues.size() >= maxCues)
            return fail(timingLine, QStringLiteral("more than %1 cues: is it the right file?").arg(maxCues));
        track.m_cues.append(cue);
    }
    if (track.m_cues.isEmpty())
        return fail(1, QStringLiteral("no cues: the file is empty or not SRT/WebVTT"));
    track.index();
    return track;
}

SubtitleTrack SubtitleTrack::fromCues(QList<Cue> cues, const QString &name, const QString &language, bool markup)
{
    SubtitleTrack track;
    track.m_language = language;
    track.m_name = name;
    for (Cue &cue : cues) {
        QStringList lines;
        cue.text.remove(QLatin1Char('\r'));
        for (const QString &line : cue.text.split(QLatin1Char('\n'))) {
            if (!line.trimmed().isEmpty())
                lines << styledLine(line.trimmed(), markup);
        }
        if (lines.isEmpty() || cue.endNs <= cue.startNs)
            continue;
        cue.text = lines.join(QStringLiteral("<br>"));
        track.m_cues.append(cue);
        if (track.m_cues.size() >= maxCues)
            break;
    }
    track.index();
    return track;
}

void SubtitleTrack::index()
{
    std::stable_sort(m_cues.begin(), m_cues.end(), [](const Cue &a, const Cue &b) { return a.startNs < b.startNs; });
    qint64 maxEnd = 0;
    m_maxEndNs.clear();
    m_maxEndNs.reserve(m_cues.size());
    for (const Cue &c : std::as_const(m_cues)) {
        maxEnd = qMax(maxEnd, c.endNs);
        m_maxEndNs.append(maxEnd);
    }
}

QString SubtitleTrack::textAt(qint64 positionNs) const
{
    // Cues that start at or before the position; of those, only the ones still running.
    const auto after = std::upper_bound(m_cues.cbegin(), m_cues.cend(), positionNs,
                                        [](qint64 p, const Cue &c) { return p < c.startNs; });
    QStringList on;
    for (qsizetype i = (after - m_cues.cbegin()) - 1; i >= 0 && m_maxEndNs[i] > positionNs; --i) {
        if (m_cues[i].endNs > positionNs)
            on.prepend(m_cues[i].text);
    }
    return on.join(QStringLiteral("<br>"));
}

qint64 SubtitleTrack::nextChangeAfter(qint64 positionNs) const
{
    // The next start, or an earlier end of a cue that is on.
    const auto after = std::upper_bound(m_cues.cbegin(), m_cues.cend(), positionNs,
                                        [](qint64 p, const Cue &c) { return p < c.startNs; });
    qint64 next = after == m_cues.cend() ? -1 : after->startNs;
    for (qsizetype i = (after - m_cues.cbegin()) - 1; i >= 0 && m_maxEndNs[i] > positionNs; --i) {
        if (m_cues[i].endNs > positionNs && (next < 0 || m_cues[i].endNs < next))
            next = m_cues[i].endNs;
    }
    return next;
}

} // namespace fest
