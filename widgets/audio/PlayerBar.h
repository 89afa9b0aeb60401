#pragma once
#include "widgets/audio/TunePlayer.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;
class QToolButton;

namespace folkrnn { class Run; }

namespace folkrnn::widgets {

class Selection;

// The "Listen" controls: play / pause, stop, play from the current step, loop the selected step
// range, instrument, tempo, and "sound each step" for stepping through a generation. While the
// tune plays, the Selection's step follows the sounding note, so every view moves with the
// music. Without an audio device the bar says so, its play buttons are off and the rest works.
//
// Wiring (MainWindow): put it in a toolbar or dock, setSelection(document.selection()), and
// setRun(document.run()) whenever the Document's run changes.
class PlayerBar : public QWidget {
    Q_OBJECT
public:
    explicit PlayerBar(QWidget *parent = nullptr);

    TunePlayer *player() const { return player_; }
    void setSelection(Selection *selection);
    // The tune of `run` (its steps' tokens); playback stops when they changed. With "Sound steps"
    // on, each step the Selection moves to (not by playback) sounds its note.
    void setRun(const std::shared_ptr<const folkrnn::Run> &run);

public slots:
    // Play / pause, for a menu action or shortcut.
    void togglePlay();

private:
    void updateControls();
    void updateLoop();
    void onSelectionChanged();

    TunePlayer *player_;
    QPointer<Selection> selection_;
    QMetaObject::Connection selectionConnection_;
    int lastSteps_ = 0;
    bool following_ = false; // the Selection is being moved by playback: not a user's step
    int selectionStep_ = -1;

    QToolButton *play_;
    QToolButton *stop_;
    QToolButton *fromStep_;
    QToolButton *loop_;
    QComboBox *instrument_;
    QSpinBox *tempo_;
    QCheckBox *soundSteps_;
    QLabel *status_;
};

} // namespace folkrnn::widgets
