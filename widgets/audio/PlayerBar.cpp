#include "widgets/audio/PlayerBar.h"

#include "core/audio/Tempo.h"
#include "core/sim/Run.h"
#include "widgets/selection/Selection.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStyle>
#include <QToolButton>

namespace folkrnn::widgets {

PlayerBar::PlayerBar(QWidget *parent) : QWidget(parent), player_(new TunePlayer(this))
{
    setObjectName(QStringLiteral("player-bar"));
    auto button = [this](QStyle::StandardPixmap icon, const QString &tip) {
        auto *b = new QToolButton(this);
        b->setIcon(style()->standardIcon(icon));
        b->setToolTip(tip);
        b->setAutoRaise(true);
        return b;
    };
    play_ = button(QStyle::SP_MediaPlay, tr("Play the tune"));
    play_->setObjectName(QStringLiteral("player-play"));
    stop_ = button(QStyle::SP_MediaStop, tr("Stop"));
    stop_->setObjectName(QStringLiteral("player-stop"));
    fromStep_ = button(QStyle::SP_MediaSeekForward, tr("Play from the current step"));
    fromStep_->setObjectName(QStringLiteral("player-from-step"));
    loop_ = button(QStyle::SP_BrowserReload, tr("Loop the selected step range (the whole tune when none is selected)"));
    loop_->setObjectName(QStringLiteral("player-loop"));
    loop_->setCheckable(true);

    instrument_ = new QComboBox(this);
    instrument_->setObjectName(QStringLiteral("player-instrument"));
    for (const audio::Instrument &i : audio::instruments())
        instrument_->addItem(QString::fromLatin1(i.name), i.program);
    instrument_->setToolTip(tr("Instrument (General MIDI)"));

    tempo_ = new QSpinBox(this);
    tempo_->setObjectName(QStringLiteral("player-tempo"));
    tempo_->setRange(0, static_cast<int>(audio::kMaxTempo));
    tempo_->setSpecialValueText(tr("auto"));
    tempo_->setSuffix(tr(" bpm"));
    tempo_->setToolTip(tr("Beats per minute (a dotted quarter in 6/8); auto: a dance tempo for the meter"));

    soundSteps_ = new QCheckBox(tr("Sound steps"), this);
    soundSteps_->setObjectName(QStringLiteral("player-sound-steps"));
    soundSteps_->setToolTip(tr("Sound each new note while stepping through a generation"));

    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("player-status"));
    status_->setWordWrap(false);

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(2, 0, 2, 0);
    for (QWidget *w : std::initializer_list<QWidget *>{play_, stop_, fromStep_, loop_, instrument_, tempo_, soundSteps_, status_})
        row->addWidget(w);
    row->addStretch(1);

    connect(play_, &QToolButton::clicked, this, &PlayerBar::togglePlay);
    connect(stop_, &QToolButton::clicked, player_, &TunePlayer::stop);
    connect(fromStep_, &QToolButton::clicked, this, [this] {
        if (selection_)
            player_->playFromStep(selection_->step());
    });
    connect(loop_, &QToolButton::toggled, this, &PlayerBar::updateLoop);
    connect(instrument_, &QComboBox::currentIndexChanged, this,
            [this] { player_->setProgram(instrument_->currentData().toInt()); });
    connect(tempo_, &QSpinBox::valueChanged, this, [this](int bpm) {
        player_->setTempo(bpm < audio::kMinTempo ? 0.0 : bpm);
        updateControls();
    });
    connect(player_, &TunePlayer::stateChanged, this, &PlayerBar::updateControls);
    connect(player_, &TunePlayer::availabilityChanged, this, &PlayerBar::updateControls);
    connect(player_, &TunePlayer::failed, status_, &QLabel::setText);
    connect(player_, &TunePlayer::stepSounding, this, [this](int step) {
        if (!selection_)
            return;
        following_ = true;
        selection_->setStep(step);
        following_ = false;
    });
    updateControls();
}

void PlayerBar::togglePlay()
{
    if (player_->state() == TunePlayer::State::Playing)
        player_->pause();
    else
        player_->play();
}

void PlayerBar::setSelection(Selection *selection)
{
    disconnect(selectionConnection_);
    selection_ = selection;
    selectionStep_ = selection ? selection->step() : -1;
    if (selection)
        selectionConnection_ = connect(selection, &Selection::changed, this, [this](SelectionChange what) {
            if (what & SelectionField::StepRange)
                updateLoop();
            if (what & SelectionField::Step)
                onSelectionChanged();
        });
    updateLoop();
}

void PlayerBar::onSelectionChanged()
{
    const int step = selection_->step();
    const bool moved = step != selectionStep_;
    selectionStep_ = step;
    // A step moved to by stepping or clicking (not by playback) sounds when asked for: stepping
    // forward through a generation moves the Selection to the new step.
    if (moved && !following_ && soundSteps_->isChecked() && player_->state() == TunePlayer::State::Stopped)
        player_->soundStep(step);
}

void PlayerBar::setRun(const std::shared_ptr<const folkrnn::Run> &run)
{
    std::vector<std::string> tokens;
    const int steps = run ? run->steps() : 0;
    for (int t = 0; t < steps; ++t)
        tokens.push_back(run->tokenText(run->token(t)));
    lastSteps_ = steps;
    player_->setTokens(tokens);
    updateLoop();
    updateControls();
}

void PlayerBar::updateLoop()
{
    if (!loop_->isChecked() || !selection_) {
        player_->setLoopSteps(0, -1);
        return;
    }
    const StepRange r = selection_->stepRange();
    if (r.isAll())
        player_->setLoopSteps(0, std::max(0, lastSteps_ - 1));
    else
        player_->setLoopSteps(r.first, r.last);
}

void PlayerBar::updateControls()
{
    const QString why = player_->unavailableReason();
    const bool canPlay = why.isEmpty() && !player_->performance().notes.empty();
    const bool playing = player_->state() == TunePlayer::State::Playing;
    play_->setEnabled(canPlay || player_->state() != TunePlayer::State::Stopped);
    play_->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    play_->setToolTip(playing ? tr("Pause") : tr("Play the tune"));
    stop_->setEnabled(player_->state() != TunePlayer::State::Stopped);
    fromStep_->setEnabled(canPlay);
    loop_->setEnabled(why.isEmpty());
    soundSteps_->setEnabled(why.isEmpty());
    if (!why.isEmpty()) {
        status_->setText(why);
    } else {
        const QSignalBlocker block(tempo_);
        if (tempo_->value() == 0)
            tempo_->setSpecialValueText(tr("auto (%1)").arg(player_->effectiveTempo()));
        status_->clear();
    }
}

} // namespace folkrnn::widgets
