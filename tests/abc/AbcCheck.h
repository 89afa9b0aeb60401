#pragma once
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

#include <string>
#include <vector>

// abc2midi (Debian package abcmidi) as the judge of every ABC text the project writes.
namespace folkrnn::test {

QString abc2midiPath(); // empty when abc2midi is not installed

struct Abc2MidiRun {
    QStringList errors;              // abc2midi's lines containing "Error", each prefixed by its tune
    QMap<int, QVector<int>> notes;   // X: number -> MIDI note-on pitches, in time order (if asked)
    QString failure;                 // abc2midi could not be run
};

// Writes `tunes` (complete ABC tunes with distinct X: numbers) into one file in `dir` and runs
// abc2midi over it once.
Abc2MidiRun runAbc2midi(const std::vector<std::string> &tunes, const QString &dir, bool readNotes = false);

// Note-on pitches (velocity > 0) of every track of a standard MIDI file, track after track.
QVector<int> midiNoteOns(const QString &path);

} // namespace folkrnn::test
