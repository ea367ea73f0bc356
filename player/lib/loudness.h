#pragma once

#include "audiolayout.h"

#include <QList>
#include <QString>

#include <optional>

namespace fest {

// Integrated loudness (ITU-R BS.1770-4, EBU R128) of 48 kHz interleaved float audio: the
// K-weighted mean square over 400 ms blocks every 100 ms, gated at -70 LUFS and at 10 LU
// below the mean of the blocks above that; and the sample peak.
class LoudnessMeter
{
public:
    static constexpr int rate = 48000;

    explicit LoudnessMeter(const QList<double> &channelWeights);
    void add(const float *interleaved, qsizetype frames);
    // nullopt when every block is below the absolute gate (silence, or no audio yet).
    std::optional<double> integratedLufs() const;
    double peakDbfs() const;   // -inf for silence
    QList<double> channelPeaksDbfs() const;
    qint64 frames() const { return m_frames; }

    struct FileLoudness
    {
        std::optional<double> lufs;   // nullopt: silent, or the film has no audio
        double peakDbfs = 0;
        QList<double> channelPeaksDbfs;   // the room's channels, as played
        double seconds = 0;           // audio measured
        QString error;                // why it could not be measured
    };
    // Decodes the film's audio as fast as the machine can (no video decoding), mixed to
    // the room's speakers as the player plays it, and measures it.
    static FileLoudness measureFile(const QString &path, SpeakerLayout room, int timeoutMs = 600'000);
    // The gain that brings a film to the target: at most maxGainDb, and never lifting its
    // peak above peakCeilingDbfs.
    static double normalisingGainDb(double targetLufs, double filmLufs, double peakDbfs, double maxGainDb,
                                    double peakCeilingDbfs = -1.0);

private:
    struct Biquad
    {
        double b0, b1, b2, a1, a2;
        double z1 = 0, z2 = 0;
        double run(double x);
    };
    void endSubBlock();

    QList<double> m_weights;
    QList<Biquad> m_shelf;     // per channel: K-weighting stage 1
    QList<Biquad> m_highPass;  // stage 2
    QList<double> m_sum;       // per channel: squares in the current 100 ms
    qsizetype m_inSubBlock = 0;
    QList<double> m_subBlocks; // weighted mean square of each 100 ms
    QList<double> m_peaks;     // per channel
    qint64 m_frames = 0;
};

} // namespace fest
